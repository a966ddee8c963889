"""``dateline quotes|events|actors|search|stats|export`` over a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest
from typer.testing import CliRunner

from dateline.cli import app, main
from dateline.store.sqlite import SQLiteStore
from tests.store_seed import named, seed_gold, wikinews_rows

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    with SQLiteStore(path) as store:
        store.save(seed_gold())
        store.save(named(wikinews_rows()[22], ["President Donald Trump", "Donald Trump"], quote_of="Donald Trump"))
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_query_quotes_by_speaker_about_a_topic_as_jsonl(db):
    lines = _run("quotes", "--speaker", "Qalandari", "--about", "NATO", "--db", db, "--format", "jsonl").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows and all("NATO" in r["content"] and r["speaker_name"] == "Hamzeh Qalandari" for r in rows)
    table = _run("quotes", "--speaker", "trump", "--db", db, "-n", "2")
    assert "Donald Trump" in table and "Quotes" in table


def test_cli_query_events_actors_search_and_stats(db):
    events = list(
        csv.DictReader(
            io.StringIO(_run("events", "--actor", "IRN", "--type", "assault", "--db", db, "--format", "csv"))
        )
    )
    assert [(e["type"], e["cameo"], e["target_codes"]) for e in events] == [("ASSAULT", "186", '["IRNMIL"]')]
    actors = [json.loads(line) for line in _run("actors", "--top", "3", "--db", db, "--format", "jsonl").splitlines()]
    assert actors[0]["name"] == "Hamzeh Qalandari" and actors[0]["n_quotes"] == 13
    hits = [json.loads(line) for line in _run("search", "embargo", "--db", db, "--format", "jsonl").splitlines()]
    assert hits and all("[embargo]" in h["snippet"].lower() for h in hits)
    stats = json.loads(_run("stats", "--db", db, "--format", "jsonl"))
    assert stats["tables"]["articles"] == 2 and len(stats["outlets"]) == 2
    assert "Per outlet" in _run("stats", "--db", db)


def test_cli_query_explains_bad_search_syntax_without_a_traceback(db, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["dateline", "search", 'NATO AND "unclosed', "--db", db])
    with pytest.raises(SystemExit) as exit:
        main()
    err = capsys.readouterr().err
    assert exit.value.code == 2
    assert "cannot search for" in err and "double quotes" in err and "Traceback" not in err


def test_cli_query_refuses_a_missing_database_and_bad_dates(tmp_path, db, monkeypatch, capsys):
    missing = tmp_path / "nothing.db"
    monkeypatch.setattr(sys, "argv", ["dateline", "quotes", "--db", str(missing)])
    with pytest.raises(SystemExit):
        main()
    assert "no database at" in capsys.readouterr().err and not missing.exists()
    monkeypatch.setattr(sys, "argv", ["dateline", "events", "--since", "May 2023", "--db", db])
    with pytest.raises(SystemExit):
        main()
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_cli_query_export_writes_each_format(tmp_path, db):
    for fmt, what in (("jsonl", None), ("csv", "events"), ("parquet", "quotes"), ("gdelt", None), ("plover", None)):
        out = tmp_path / f"out.{fmt}"
        args = ["export", "--format", fmt, "-o", str(out), "--db", db] + (["--what", what] if what else [])
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert len((tmp_path / "out.gdelt").read_text(encoding="utf-8").splitlines()[0].split("\t")) == 61
