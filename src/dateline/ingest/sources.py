"""Where articles come from: paths, globs, folders (recursively) and stdin, sniffed by content.

A file's kind (HTML, text, JSONL, feed, WARC, gzip of any of those) is read from its first
bytes; the name only breaks ties. Records skipped on purpose (a WARC's non-HTML responses)
are reported through ``on_skip``; inputs that cannot be read become Rejections.
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from stat import S_ISREG

from dateline.errors import IngestError, Rejection
from dateline.ingest.feed import Fetcher, read_feed
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.ingest.text import read_sidecar, read_text
from dateline.ingest.warc import read_warc
from dateline.records import Article, Extraction

log = logging.getLogger(__name__)

# An Extraction is a JSON-contract line read back whole (see ingest/jsonl.py).
Item = Article | Extraction | Rejection
OnSkip = Callable[[str, str], None]


def _log_skip(name: str, reason: str) -> None:
    log.info("%s: skipped %s", name, reason)


def read_inputs(paths: Iterable[str], *, fetch: bool = False, on_skip: OnSkip | None = None) -> Iterator[Item]:
    """Every article in the given paths (``-`` is stdin), in order; bad inputs become Rejections.

    ``fetch`` lets feed entries be read from their links (politely, see ``feed.Fetcher``);
    ``on_skip(input, reason)`` hears of every record skipped on purpose.
    """
    options = _Options(Fetcher() if fetch else None, on_skip or _log_skip)
    for raw in paths:
        if raw == "-":
            yield from read_stream(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path, options)
        elif path.exists():
            yield from read_file(path, options)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield Rejection(raw, "no file matches this pattern")
            for match in matches:
                found = Path(match)
                yield from _read_directory(found, options) if found.is_dir() else read_file(found, options)
        else:
            yield Rejection(raw, "no such file or directory")


class _Options:
    def __init__(self, fetcher: Fetcher | None, on_skip: OnSkip) -> None:
        self.fetcher = fetcher
        self.on_skip = on_skip


_DEFAULT = _Options(None, _log_skip)


def _read_directory(root: Path, options: _Options = _DEFAULT) -> Iterator[Item]:
    seen: set[tuple[int, int]] = set()
    # os.walk without followlinks cannot loop on a symlinked directory; files are sorted so
    # runs are reproducible.
    for folder, dirs, files in os.walk(root, onerror=None):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".meta.json"):
                continue  # sidecar metadata, read with its article
            try:
                stat = path.stat()
            except OSError as err:
                yield Rejection(str(path), f"cannot read ({err.strerror})")
                continue
            if not S_ISREG(stat.st_mode):
                # A FIFO or device would block the batch on open(); only regular files are read.
                yield Rejection(str(path), "not a regular file (a pipe, socket or device); skipped")
                continue
            if (stat.st_dev, stat.st_ino) in seen:
                continue
            seen.add((stat.st_dev, stat.st_ino))
            yield from read_file(path, options)


def read_file(path: Path, options: _Options = _DEFAULT) -> Iterator[Item]:
    name = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            kind = sniff(head, path.name)
            if kind in ("warc", "warc.gz"):
                handle.seek(0)
                yield from read_warc(handle, name, options.on_skip)
                return
            if kind == "jsonl":
                handle.seek(0)
                yield from read_jsonl(handle, name)
                return
            if kind == "jsonl.gz":
                handle.seek(0)
                with gzip.open(handle) as lines:
                    try:
                        yield from read_jsonl(lines, name)
                    except (OSError, EOFError) as err:
                        yield Rejection(name, f"truncated or corrupt gzip ({err})")
                return
            size = path.stat().st_size
            if size > MAX_ARTICLE_BYTES * 4:
                yield Rejection(name, f"{size:,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit")
                return
            # Read on from the head instead of seeking back, and never past the limit: a pipe
            # cannot seek and a device (/dev/zero) never ends.
            data = head + handle.read(MAX_ARTICLE_BYTES * 4 + 1 - len(head))
            if len(data) > MAX_ARTICLE_BYTES * 4:
                yield Rejection(name, f"over the {MAX_ARTICLE_BYTES * 4:,}-byte page limit")
                return
    except OSError as err:
        yield Rejection(name, f"cannot read ({err.strerror or err})")
        return
    try:
        if kind in ("feed", "feed.gz"):
            yield from read_feed(_gunzip(data, name) if kind == "feed.gz" else data, name, options.fetcher)
        elif kind == "html.gz":
            yield read_html(_gunzip(data, name), name)
        elif kind == "html":
            yield read_html(data, name)
        elif kind == "text":
            yield read_text(data, name, sidecar=read_sidecar(path))
        else:
            yield Rejection(name, f"unsupported input ({kind})")
    except IngestError as err:
        yield Rejection(name, str(err).removeprefix(f"{name}: "))


def read_stream(data: bytes, name: str) -> Iterator[Item]:
    kind = sniff(data[:8192], name)
    try:
        if kind in ("jsonl", "jsonl.gz"):
            try:
                raw = gzip.decompress(data) if kind == "jsonl.gz" else data
            except (OSError, EOFError) as err:
                yield Rejection(name, f"truncated or corrupt gzip ({err})")
                return
            yield from read_jsonl(io.BytesIO(raw), name)
        elif kind == "html":
            yield read_html(data, name)
        elif kind == "feed":
            yield from read_feed(data, name)
        elif kind in ("warc", "warc.gz"):
            yield from read_warc(io.BytesIO(data), name, _log_skip)
        elif kind == "text":
            yield read_text(data, name)
        else:
            yield Rejection(name, f"unsupported input ({kind})")
    except IngestError as err:
        yield Rejection(name, str(err).removeprefix(f"{name}: "))


_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\x7fELF": "an ELF executable",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
}


def sniff(head: bytes, name: str) -> str:
    """What a file holds, from its first bytes (the name only breaks ties)."""
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return f"binary: {what}"
    if head.startswith(b"\x1f\x8b"):
        try:
            # A decompressor object reads the head of a stream without needing its end, so a
            # truncated .jsonl.gz is still recognised (and reported as truncated when read).
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 2048)
        except zlib.error:
            inner = b""
        if inner.lstrip().startswith(b"{"):
            return "jsonl.gz"
        inner_kind = sniff(inner, name.removesuffix(".gz"))
        if inner_kind in ("warc", "feed", "html"):
            return inner_kind + ".gz"
        return "binary: gzip data"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"<?xml") or stripped.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        if any(root in stripped for root in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
    if name.lower().endswith((".rss", ".atom", ".xml")) and not stripped.startswith(b"<"):
        return "feed"  # named as a feed; read_feed says what is wrong with it
    if name.lower().endswith((".rss", ".atom")) and stripped.startswith((b"<!doctype html", b"<html")):
        # A feed URL that served a web page (an error or login page): not an article either.
        return "an HTML page where a feed (RSS/Atom) was expected"
    if _binary_share(head) > 0.1:
        return "binary: unrecognised data"
    if stripped.startswith(b"{") and (
        name.endswith((".jsonl", ".ndjson", ".json")) or b"\n{" in head or b'"text"' in head or b'"html"' in head
    ):
        return "jsonl"
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<meta")):
        return "html"
    if name.lower().endswith((".html", ".htm", ".xhtml")) and stripped.startswith(b"<"):
        return "html"
    return "text"


def _binary_share(head: bytes) -> float:
    """Share of bytes that no text or markup uses (NUL and other C0 controls)."""
    bad = sum(1 for byte in head[:4096] if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return bad / max(1, min(len(head), 4096))


def _gunzip(data: bytes, name: str) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as err:
        raise IngestError(f"{name}: truncated or corrupt gzip ({err})") from None
