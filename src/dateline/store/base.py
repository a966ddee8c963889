"""The ``Store`` interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Protocol

from dateline.records import Article, Extraction


class SaveResult(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"


class Store(Protocol):
    def save(self, extraction: Extraction) -> SaveResult: ...
    def known(self, article: Article) -> str | None: ...
    def add_copy(self, original_id: str, article: Article) -> None: ...
    def get(self, article_id: str) -> Extraction | None: ...
    def iter_extractions(self) -> Iterator[Extraction]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...


def open_store(location: str) -> Store:
    """A store for a path (SQLite) or, once that backend lands, a ``postgresql://`` URL."""
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(location)
