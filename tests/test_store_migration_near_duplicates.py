"""A store made before migrations 0006/0007 is upgraded in place: its non-English rows get status
``skipped`` and their reason, and its articles are fingerprinted by the next ingest, so a later
copy of one of them is recorded on it."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dateline.core import ingest
from dateline.ingest.jsonl import article_from_record
from dateline.store import postgres, sqlite
from dateline.store.sqlbase import SqlStore
from tests.store_seed import PG_ENV
from tests.test_ingest_dedup import _jsonl, _syndicated, _wikinews

FRENCH = (
    "Le ministre des Affaires étrangères a annoncé mercredi que la délégation se rendrait à Genève la "
    "semaine prochaine pour des négociations sur le programme nucléaire, selon un communiqué publié à Paris."
)


@pytest.fixture(params=["sqlite", "postgresql"])
def opener(request, tmp_path: Path) -> Iterator[tuple[Callable[[], SqlStore], type[SqlStore]]]:
    """Opens the same database twice: first as of migration 0005, then as today."""
    if request.param == "sqlite":
        yield (lambda: sqlite.SQLiteStore(tmp_path / "old.db")), sqlite.SQLiteStore
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    try:
        yield (lambda: postgres.PostgresStore(url, schema=schema)), postgres.PostgresStore
    finally:
        postgres.drop_schema(url, schema)


def test_a_store_from_before_0006_is_upgraded(opener, tmp_path: Path, monkeypatch, nlp) -> None:
    open_store, backend = opener
    module = sqlite if backend is sqlite.SQLiteStore else postgres
    up_to_0005 = tuple(m for m in module.MIGRATIONS if m[0] < "0006")
    english = _wikinews()[0]
    article = article_from_record(english, "wikinews.jsonl")
    with monkeypatch.context() as patch:
        patch.setattr(module, "MIGRATIONS", up_to_0005)
        old = open_store()
        # Rows as the code of that time wrote them (save() now writes columns 0005 lacks).
        insert = (
            "INSERT INTO articles (id, content_hash, text, language, pipeline_version)"
            " VALUES (:id, :hash, :text, :language, :version)"
        )
        old._run(insert, {"id": "fr-1", "hash": "h-fr", "text": FRENCH, "language": "fr", "version": ""})
        old._run(
            insert,
            {"id": article.id, "hash": article.content_hash, "text": article.text, "language": "en", "version": "0.1"},
        )
        old.close()
    store = open_store()
    try:
        row = store._rows("SELECT status, skip_reason FROM articles WHERE id = 'fr-1'")[0]
        assert (row["status"], row["skip_reason"]) == ("skipped", "not English (fr)")
        assert store.get("fr-1").skipped == "not English (fr)"  # type: ignore[union-attr]
        assert store.get(english["id"]).skipped is None  # type: ignore[union-attr]
        copy = {"id": "copy-1", "text": _syndicated(english["text"]), "url": "https://example.org/c"}
        report = ingest([_jsonl(tmp_path / "later.jsonl", copy)], store, nlp)
        assert (report.stored, report.near_duplicates) == (0, 1)
        assert store.resolve_id("copy-1") == english["id"]
        assert json.loads(json.dumps(store.get("copy-1").to_json()))["skipped"] is None  # type: ignore[union-attr]
    finally:
        store.close()
