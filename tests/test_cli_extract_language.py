"""A text in another language than English is not run through the English pipeline:
``extract`` prints it with its language and the reason, ``show`` says it was not parsed."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli_extract_ingest import run

FRENCH = (
    "Le ministre des Affaires étrangères a annoncé mercredi que la délégation se rendrait à Genève la "
    "semaine prochaine pour des négociations sur le programme nucléaire, selon un communiqué publié à Paris.\n"
)


def test_extract_skips_a_french_text_with_a_counted_reason_and_keeps_the_contract(tmp_path: Path) -> None:
    source = tmp_path / "fr.txt"
    source.write_text(FRENCH, encoding="utf-8")
    result = run("extract", str(source), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["language"] == "fr" and record["article"]["text"] == FRENCH
    assert (record["entities"], record["quotes"], record["events"]) == ([], [], [])
    assert record["skipped"] == "not English (fr)"
    assert "skipped 1 · not English (fr)" in result.stderr

    forced = run("extract", str(source), "--format", "jsonl", "--any-language")
    assert forced.returncode == 0, forced.stderr
    (parsed,) = [json.loads(line) for line in forced.stdout.splitlines()]
    assert parsed["skipped"] is None and "skipped" not in forced.stderr


def test_show_says_a_stored_french_text_was_not_parsed(tmp_path: Path) -> None:
    source = tmp_path / "fr.jsonl"
    source.write_text(json.dumps({"id": "fr-1", "text": FRENCH}) + "\n", encoding="utf-8")
    db = tmp_path / "d.db"
    ingested = run("ingest", str(source), "--db", str(db), "--workers", "1")
    assert ingested.returncode == 0, ingested.stderr
    assert "skipped 1 · not English (fr)" in ingested.stderr
    shown = run("show", "fr-1", "--db", str(db))
    assert shown.returncode == 0, shown.stderr
    assert "not parsed · not English (fr)" in shown.stdout
