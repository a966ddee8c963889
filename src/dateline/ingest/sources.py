"""Where articles come from: paths, folders (recursively) and stdin, sniffed by content."""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import IngestError, Rejection
from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.ingest.text import read_sidecar, read_text
from dateline.records import Article

Item = Article | Rejection


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Every article in the given paths (``-`` is stdin), in order; bad inputs become Rejections."""
    for raw in paths:
        if raw == "-":
            yield from read_stream(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _read_directory(path)
        elif path.exists():
            yield from read_file(path)
        else:
            yield Rejection(raw, "no such file or directory")


def _read_directory(root: Path) -> Iterator[Item]:
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
            if (stat.st_dev, stat.st_ino) in seen:
                continue
            seen.add((stat.st_dev, stat.st_ino))
            yield from read_file(path)


def read_file(path: Path) -> Iterator[Item]:
    name = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            kind = sniff(head, path.name)
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
            handle.seek(0)
            data = handle.read()
    except OSError as err:
        yield Rejection(name, f"cannot read ({err.strerror or err})")
        return
    try:
        if kind == "html":
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
            raw = gzip.decompress(data) if kind == "jsonl.gz" else data
            yield from read_jsonl(io.BytesIO(raw), name)
        elif kind == "html":
            yield read_html(data, name)
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
            inner = gzip.GzipFile(fileobj=io.BytesIO(head)).read(2048)
        except (OSError, EOFError):
            inner = b""
        if inner.lstrip().startswith(b"{"):
            return "jsonl.gz"
        return "binary: gzip data"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"{") and (
        name.endswith((".jsonl", ".ndjson", ".json")) or b"\n{" in head or b'"text"' in head or b'"html"' in head
    ):
        return "jsonl"
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>", b"<meta")):
        return "html"
    if name.lower().endswith((".html", ".htm", ".xhtml")) and stripped.startswith(b"<"):
        return "html"
    return "text"
