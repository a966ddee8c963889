"""Syndicated copies: found by MinHash/LSH, stored once, every copy kept as a seen_at row."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.core import ingest
from dateline.ingest.dedup import NearDuplicates, fingerprint
from dateline.ingest.jsonl import article_from_record
from dateline.records import Extraction
from dateline.store.sqlite import SQLiteStore
from tests import store_seed

any_store = store_seed.any_store  # the fixture: SQLite and PostgreSQL

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
        assert stored.skipped == "not English (fr)"
        row = store.db.execute("SELECT status, skip_reason FROM articles WHERE id = 'fr-1'").fetchone()
        assert tuple(row) == ("skipped", "not English (fr)")


def _jsonl(path: Path, *records: dict[str, str]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def test_a_copy_ingested_in_a_later_run_goes_on_the_stored_original(tmp_path: Path, any_store, nlp) -> None:
    """The near-duplicate index lives in the store: a second run finds the first run's original."""
    first, other = _wikinews()[:2]
    copy = {"id": "copy-1", "text": _syndicated(first["text"]), "url": "https://example.org/c", "source": "Example"}
    report = ingest([_jsonl(tmp_path / "day1.jsonl", first, other)], any_store, nlp)
    assert (report.stored, report.near_duplicates) == (2, 0)
    later = ingest([_jsonl(tmp_path / "day2.jsonl", copy)], any_store, nlp)
    assert (later.stored, later.near_duplicates, later.parsed) == (0, 1, 0)
    assert any_store.counts()["articles"] == 2
    seen = any_store._rows("SELECT url FROM seen_at WHERE article_id = :id ORDER BY url", {"id": first["id"]})
    assert [r["url"] for r in seen] == sorted([first["url"], copy["url"]])
    assert any_store.resolve_id("copy-1") == first["id"]


def test_a_different_story_in_a_later_run_is_stored(tmp_path: Path, any_store, nlp) -> None:
    first, other = _wikinews()[:2]
    ingest([_jsonl(tmp_path / "day1.jsonl", first)], any_store, nlp)
    later = ingest([_jsonl(tmp_path / "day2.jsonl", other)], any_store, nlp)
    assert (later.stored, later.near_duplicates) == (1, 0)


def test_articles_stored_before_the_index_are_fingerprinted_by_the_next_ingest(tmp_path: Path, nlp) -> None:
    """Rows from before migration 0006 have no fingerprint; the next ingest adds them first."""
    first = _wikinews()[0]
    copy = {"id": "copy-1", "text": _syndicated(first["text"]), "url": "https://example.org/c"}
    with SQLiteStore(tmp_path / "d.db") as store:
        ingest([_jsonl(tmp_path / "day1.jsonl", first)], store, nlp)
        store.db.execute("DELETE FROM fingerprint_bands")
        store.db.execute("DELETE FROM fingerprints")
    with SQLiteStore(tmp_path / "d.db") as store:
        later = ingest([_jsonl(tmp_path / "day2.jsonl", copy)], store, nlp)
        assert later.near_duplicates == 1
        assert store.db.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 1
        assert store.index_unfingerprinted() == 0  # once only


def test_a_stored_fingerprint_reads_back_as_it_was(any_store) -> None:
    story = _wikinews()[0]
    found = fingerprint(story["text"])
    assert found is not None
    article = article_from_record(story, "wikinews.jsonl")
    any_store.save(Extraction(article=article))
    ((key, stored),) = any_store.near_duplicate_candidates(found.bands)
    assert key == article.id and stored.head == found.head
    assert stored.minhash.jaccard(found.minhash) == 1.0
    assert any_store.near_duplicate_candidates(fingerprint(_wikinews()[1]["text"]).bands) == []


def test_a_copy_of_an_article_committed_earlier_in_the_run_is_found_through_the_store(tmp_path: Path, nlp) -> None:
    """Batches of one: by the time the copy is planned its original's batch is committed and
    forgotten by the in-memory index, so only the store can answer."""
    first, *others = _wikinews()[:4]
    copy = {"id": "copy-1", "text": _syndicated(first["text"]), "url": "https://example.org/c"}
    with SQLiteStore(tmp_path / "d.db") as store:
        report = ingest([_jsonl(tmp_path / "run.jsonl", first, *others, copy)], store, nlp, batch_size=1)
        assert (report.stored, report.near_duplicates) == (4, 1)
        assert store.resolve_id("copy-1") == first["id"]
