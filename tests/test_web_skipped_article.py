"""An article stored unparsed (not English) says so on its page, in the list and in its JSON."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.core import ingest
from dateline.store.sqlite import SQLiteStore
from dateline.web import create_app

FRENCH = (
    "Le ministre des Affaires étrangères a annoncé mercredi que la délégation se rendrait à Genève la "
    "semaine prochaine pour des négociations sur le programme nucléaire, selon un communiqué publié à Paris."
)


def test_a_skipped_article_is_shown_as_not_parsed(tmp_path: Path, nlp) -> None:
    source = tmp_path / "fr.jsonl"
    source.write_text(json.dumps({"id": "fr-1", "title": "Genève", "text": FRENCH}) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    with SQLiteStore(db) as store:
        ingest([str(source)], store, nlp)
    with TestClient(create_app(str(db))) as client:
        (row,) = client.get("/api/articles").json()
        assert (row["id"], row["status"], row["language"]) == ("fr-1", "skipped", "fr")
        assert client.get("/api/articles/fr-1").json()["skipped"] == "not English (fr)"
        assert "Not parsed: not English (fr)" in client.get("/articles/fr-1").text
        assert "not parsed (fr)" in client.get("/articles").text
