"""Slices of input files: parts a worker on another machine reads by itself.

A JSONL file (plain or gzipped) is cut into line ranges without parsing a line: ``line_index``
finds where each line starts (a scan for newlines), ``LineIndex.part`` names a range of lines
by byte offsets, and ``read_part`` reads just those bytes, keeping the whole file's line numbers
in its rejections. Any other file (a text, an HTML page, a feed, a WARC) is one ``Part`` read
whole by ``read_inputs``. A gzip stream cannot be entered in the middle, so a part of a
``.jsonl.gz`` decompresses everything before it too (zlib, about 0.25 CPU s per 60 MB of text: small
next to parsing the part's articles, but it grows with the file). A ``Part`` is plain data (``to_json``/``from_json``), so it can be
sent to another process instead of the articles it holds.
"""

from __future__ import annotations

import gzip
import io
from array import array
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dateline.errors import Rejection
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.sources import Item, read_inputs, sniff

_SCAN_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Part:
    """A whole input (``end`` None) or the lines of a JSONL file from byte ``start`` to ``end``
    (offsets into the decompressed bytes of a ``.jsonl.gz``), the first of them line ``first_line``."""

    path: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    gzipped: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Part:
        return cls(**data)


@dataclass(frozen=True)
class LineIndex:
    """Where each line of a JSONL file starts (byte offsets; ``size`` = the end of the last)."""

    path: str
    starts: array[int]
    size: int
    gzipped: bool

    def __len__(self) -> int:
        return len(self.starts)

    def part(self, first: int, stop: int) -> Part:
        """Lines ``first`` to ``stop`` (0-based, ``stop`` excluded)."""
        end = self.starts[stop] if stop < len(self.starts) else self.size
        return Part(self.path, self.starts[first], end, first + 1, self.gzipped)


def line_index(path: str) -> LineIndex | None:
    """The line index of a JSONL(.gz) file, or None for any other input (read whole).

    Reads the file once (decompressing a ``.gz``) looking only for newlines. A file that
    cannot be read is None too: ``read_part`` of the whole file then says why.
    """
    try:
        with open(path, "rb") as handle:
            kind = sniff(handle.read(8192), Path(path).name)
        if kind not in ("jsonl", "jsonl.gz"):
            return None
        gzipped = kind == "jsonl.gz"
        starts: array[int] = array("q")
        size, line_starts_here = 0, True
        with gzip.open(path, "rb") if gzipped else open(path, "rb") as stream:
            while chunk := stream.read(_SCAN_BYTES):
                if line_starts_here:  # the file's start, or the previous chunk ended a line
                    starts.append(size)
                at = chunk.find(b"\n")
                while at != -1 and at + 1 < len(chunk):
                    starts.append(size + at + 1)
                    at = chunk.find(b"\n", at + 1)
                line_starts_here = chunk.endswith(b"\n")
                size += len(chunk)
    except (OSError, EOFError):
        return None
    return LineIndex(path, starts, size, gzipped)


def read_part(part: Part) -> Iterator[Item]:
    """Every article of a part, in order; what cannot be read becomes a Rejection naming the file."""
    if part.end is None:
        yield from read_inputs([part.path])
        return
    try:
        with gzip.open(part.path, "rb") if part.gzipped else open(part.path, "rb") as handle:
            handle.seek(part.start)  # a gzip stream decompresses up to it
            data = handle.read(part.end - part.start)
    except (OSError, EOFError) as err:
        yield Rejection(part.path, f"cannot read lines from {part.first_line} ({err})")
        return
    yield from read_jsonl(io.BytesIO(data), part.path, first=part.first_line)
