"""WARC and WARC.gz web archives via warcio: each HTML response becomes an article.

warcio was picked over fastwarc because it is pure Python (installs anywhere without a Rust
toolchain) and its reader exposes how much of a record was actually read, which is how a
file cut mid-record is told apart from a short page. Non-response, non-200 and non-HTML
records are skipped and counted through ``on_skip``.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dateline.errors import IngestError, Rejection
from dateline.ingest.html import extract_page, page_article
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.records import Article

OnSkip = Callable[[str, str], None]


def read_warc(stream: IO[bytes], name: str, on_skip: OnSkip | None = None) -> Iterator[Article | Rejection]:
    def skip(reason: str) -> None:
        if on_skip:
            on_skip(name, reason)

    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type != "response":
                skip(f"WARC {record.rec_type} record")
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else None
            if status != "200":
                skip(f"HTTP status {status}")
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in content_type:
                skip(f"not HTML ({content_type.split(';')[0] or 'no content type'})")
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            origin = f"{name}#{number}"
            data = record.content_stream().read(MAX_ARTICLE_BYTES * 4 + 1)
            record.raw_stream.read()  # drain, so a short record shows as an unspent limit
            if record.raw_stream.limit > 0:
                yield Rejection(name, f"WARC cut mid-record ({uri}); the records before it were read", number)
                return
            try:
                page = extract_page(data, origin, url=uri)
            except IngestError as err:
                yield Rejection(name, f"{uri}: " + str(err).removeprefix(f"{origin}: "), number)
                continue
            article = page_article(page, origin)
            yield replace(article, url=uri or article.url, published=article.published or _day(record))
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as err:
        yield Rejection(
            name, f"broken or truncated WARC after {number} records ({err.__class__.__name__}: {err})"[:300]
        )


def _day(record: object) -> str | None:
    date = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    return str(date)[:10] if date else None
