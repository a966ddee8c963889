"""Plain-text articles: bytes in, an ``Article`` whose text is the decoded file exactly.

Offsets index the decoded file, so nothing is normalised here: no newline conversion, no
stripping. Only a UTF-8 byte-order mark is dropped (it is not text). Metadata comes from a
sidecar ``NAME.meta.json`` when one sits beside the file.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from dateline.errors import IngestError
from dateline.ingest.licence import find_text_licence, normalise_licence
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.ingest.metadata import article_from_fields, find_dateline
from dateline.records import Article


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM removed) or a clear IngestError naming the input."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise IngestError(f"{name}: {len(data):,} bytes is over the {MAX_ARTICLE_BYTES:,}-byte article limit")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(f"{name}: UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
    if _looks_like_utf16(data):
        raise IngestError(
            f"{name}: UTF-16 text without a byte-order mark; convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)"
        )
    if b"\x00" in data:
        raise IngestError(f"{name}: binary data (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise IngestError(
            f"{name}: not valid UTF-8 at byte {err.start}; convert it to UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
        ) from None
    if not text.strip():
        raise IngestError(f"{name}: empty article (no text)")
    if _control_share(text) > 0.05:
        raise IngestError(f"{name}: binary data (control characters), not a text article")
    return text


def read_text(data: bytes, name: str, sidecar: dict[str, object] | None = None) -> Article:
    text = decode_text(data, name)
    fields: dict[str, object] = dict(sidecar or {})
    found = find_text_licence(text)
    if found:
        licence, evidence = found
        given = fields.get("licence")
        if not given:
            fields["licence"] = licence
        # The notice is evidence for the licence only when it names the same one.
        if evidence and not fields.get("licence_evidence") and normalise_licence(str(given or licence)) == licence:
            fields["licence_evidence"] = evidence
    if not fields.get("dateline"):
        fields["dateline"] = find_dateline(text)
    fields.setdefault("fetched_from", name)
    return article_from_fields(text, fields)


def read_text_file(path: Path) -> Article:
    return read_text(path.read_bytes(), str(path), sidecar=read_sidecar(path))


def read_sidecar(path: Path) -> dict[str, object] | None:
    """Metadata for ``x.txt`` from ``x.meta.json`` beside it, if present."""
    meta = path.with_name(path.stem + ".meta.json")
    if not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise IngestError(f"{meta}: unreadable metadata sidecar ({err})") from None
    return data if isinstance(data, dict) else None


def _looks_like_utf16(data: bytes) -> bool:
    """ASCII-range UTF-16 puts a NUL in every other byte; binary files do not."""
    sample = data[:4096]
    if len(sample) < 8:
        return False
    odd, even = sample[1::2], sample[0::2]
    return (
        odd.count(0) > 0.9 * len(odd)
        and even.count(0) < 0.1 * len(even)
        or (even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd))
    )


def _control_share(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return bad / max(1, len(sample))
