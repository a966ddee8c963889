"""HTML pages: the main text via trafilatura, plus the metadata the page states.

trafilatura does the hard part (boilerplate removal); this module only decides what counts
as a failed page and maps trafilatura's metadata onto an Article.
"""

from __future__ import annotations

import trafilatura

from dateline.errors import IngestError
from dateline.ingest.licence import detect_text_licence
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.ingest.metadata import article_from_fields, dateline_length, find_dateline
from dateline.records import Article


def read_html(data: bytes, name: str, url: str | None = None) -> Article:
    if len(data) > MAX_ARTICLE_BYTES * 4:
        raise IngestError(f"{name}: {len(data):,} bytes of HTML is over the page size limit")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{name}: binary data, not an HTML page")
    html = data.decode("utf-8", errors="replace")
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_recall=True
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise IngestError(f"{name}: cannot parse HTML ({err.__class__.__name__})") from None
    text = ((document.get("text") if isinstance(document, dict) else document.text) or "").strip() if document else ""
    if not text:
        raise IngestError(f"{name}: no article text found in the HTML page")
    fields: dict[str, object] = {"fetched_from": name}
    if document is not None:
        meta = document if isinstance(document, dict) else document.as_dict()
        fields.update(
            title=meta.get("title"),
            url=meta.get("url") or url,
            source=meta.get("sitename"),
            published=meta.get("date"),
            authors=meta.get("author"),
            language=meta.get("language"),
            licence=meta.get("license"),
        )
    dateline = find_dateline(text)
    if dateline:
        fields["dateline"] = dateline
        text = text[dateline_length(text) :]
    if not fields.get("licence"):
        fields["licence"] = detect_text_licence(text)
    return article_from_fields(text, fields)
