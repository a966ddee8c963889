"""Syndicated copies: found by MinHash/LSH, stored once, every copy kept as a seen_at row."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.core import ingest
from dateline.ingest.dedup import NearDuplicates
from dateline.store.sqlite import SQLiteStore

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def _wikinews() -> list[dict[str, str]]:
    return [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines()]


def _syndicated(text: str) -> str:
    """How a republisher changes a wire story: its own credit up front, a footer, a paragraph trimmed."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    kept = paragraphs[:-1] if len(paragraphs) > 4 else paragraphs
    return "WASHINGTON (Agencies) — " + "\n\n".join(kept) + "\n\nRead more world news on our website."


def test_a_republished_copy_is_found_and_distinct_stories_are_not() -> None:
    stories = _wikinews()
    index = NearDuplicates()
    assert all(index.original_of(s["id"], s["text"]) is None for s in stories)
    for story in stories[:10]:
        assert index.original_of("copy-" + story["id"], _syndicated(story["text"])) == story["id"]


def test_ingest_stores_a_copy_once_and_records_where_it_was_seen(tmp_path: Path, nlp) -> None:
    first, other = _wikinews()[:2]
    copy = {
        "id": "copy-1",
        "text": _syndicated(first["text"]),
        "url": "https://example.org/world/mahan-air",
        "source": "Example Daily",
        "published": "2019-01-24",
    }
    source = tmp_path / "batch.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in (first, other, copy)) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "d.db") as store:
        report = ingest([str(source)], store, nlp)
        assert (report.stored, report.near_duplicates) == (2, 1)
        assert store.counts()["articles"] == 2
        seen = store.db.execute("SELECT url, source FROM seen_at WHERE article_id = ? ORDER BY id", (first["id"],))
        assert [tuple(row) for row in seen] == [(first["url"], first["source"]), (copy["url"], copy["source"])]
        assert store.resolve_id("copy-1") == first["id"]


def test_non_english_article_is_stored_unparsed_and_counted(tmp_path: Path, nlp) -> None:
    french = (
        "Le ministre des Affaires étrangères a annoncé mercredi que la délégation se rendrait à Genève la "
        "semaine prochaine pour des négociations sur le programme nucléaire, selon un communiqué publié à Paris."
    )
    source = tmp_path / "fr.jsonl"
    source.write_text(json.dumps({"id": "fr-1", "text": french}) + "\n", encoding="utf-8")
    with SQLiteStore(tmp_path / "d.db") as store:
        report = ingest([str(source)], store, nlp)
        assert report.skipped == {"not English (fr)": 1}
        stored = store.get("fr-1")
        assert stored is not None and stored.article.language == "fr" and not stored.entities
