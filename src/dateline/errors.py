"""Dateline's exceptions and the record of a skipped input.

    DatelineError
    ├── ConfigError       a setting or model that cannot be used (no spaCy pipeline installed)
    ├── IngestError       an input that cannot be read (missing, binary, undecodable, empty)
    ├── ExtractionError   the NLP stage failed on an article
    └── StoreError        the database cannot be opened or written

Messages name the input and say what to do. Only ``cli`` turns these into exit codes and only
``web`` into HTTP statuses. A batch never stops for one bad input: readers yield a
``Rejection`` that the caller counts and reports.
"""

from __future__ import annotations

from dataclasses import dataclass


class DatelineError(Exception):
    """Base of every error Dateline raises on purpose."""


class ConfigError(DatelineError):
    pass


class IngestError(DatelineError):
    pass


class ExtractionError(DatelineError):
    pass


class StoreError(DatelineError):
    pass


@dataclass(frozen=True)
class Rejection:
    """An input that was skipped, and why: one line a person can act on."""

    input: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.input}:{self.line}" if self.line is not None else self.input
        return f"{where}: {self.reason}"
