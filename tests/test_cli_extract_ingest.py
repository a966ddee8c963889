"""End to end: the installed ``dateline`` command on real files, real model, real SQLite."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_cli_extract_prints_the_json_contract(tmp_path):
    out = tmp_path / "seed.jsonl"
    result = run("extract", str(SAMPLES / "mehr-qalandari.txt"), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["id"] == "mehr-qalandari"
    assert set(record) >= {"id", "article", "entities", "quotes", "events", "pipeline"}
    assert record["article"]["licence"] == "CC-BY-4.0"
    assert record["article"]["dateline"] == "TEHRAN"
    text = record["article"]["text"]
    assert text == (SAMPLES / "mehr-qalandari.txt").read_text(encoding="utf-8")
    for entity in record["entities"]:
        assert set(entity) >= {"id", "name", "kind", "actor_code", "role", "mentions"}
        for start, end in entity["mentions"]:
            assert text[start:end].strip()


def test_cli_extract_reads_stdin_and_table_format():
    text = (SAMPLES / "mehr-qalandari.txt").read_bytes()
    result = run("extract", "-", "--format", "table", stdin=text)
    assert result.returncode == 0, result.stderr
    assert "Qalandari" in result.stdout


def test_cli_ingest_is_idempotent_and_keeps_aliases(tmp_path):
    db = tmp_path / "t.db"
    seed = SAMPLES / "mehr-qalandari.txt"
    first = run("ingest", str(seed), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "Stored 1 · duplicates 0 · rejected 0" in first.stderr
    # The same text under another id (a JSONL record) is one article with an alias.
    jsonl = tmp_path / "again.jsonl"
    jsonl.write_text(json.dumps({"id": "copy-1", "text": seed.read_text(encoding="utf-8")}) + "\n")
    second = run("ingest", str(seed), str(jsonl), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "Stored 0 · duplicates 2 · rejected 0" in second.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert con.execute("SELECT article_id FROM article_aliases WHERE alias = 'copy-1'").fetchone() == (
            "mehr-qalandari",
        )
    shown = run("show", "copy-1", "--db", str(db))
    assert shown.returncode == 0 and "Qalandari" in shown.stdout


def test_cli_ingest_reports_bad_inputs_and_stores_the_good_ones(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_bytes((SAMPLES / "mehr-qalandari.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owner said the minister lied.".encode("latin-1"))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    lines = [
        json.dumps({"id": "w1", "text": "Germany on Monday banned Iranian airline Mahan Air."}),
        "{not json",
        json.dumps({"id": "w2", "title": "no text here"}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.returncode == 1
    err = result.stderr
    assert "Stored 2 · duplicates 0 · rejected 6" in err
    for expected in (
        "empty.txt: empty article",
        "latin1.txt: not valid UTF-8",
        "image.txt: unsupported input (binary: a PNG image)",
        "batch.jsonl:2: not valid JSON",
        "batch.jsonl:3: no 'text' or 'html' field",
        "missing.txt: no such file or directory",
    ):
        assert expected in err, expected
    assert "Traceback" not in err
    with sqlite3.connect(db) as con:
        ids = {row[0] for row in con.execute("SELECT id FROM articles")}
    assert len(ids) == 2 and "w1" in ids  # good.txt has no sidecar: its id is a short text hash


def test_cli_show_unknown_id_is_a_clear_error(tmp_path):
    result = run("show", "nope", "--db", str(tmp_path / "empty.db"))
    assert result.returncode == 1
    assert "no article 'nope'" in result.stderr


def test_cli_unknown_model_says_how_to_install(tmp_path):
    result = run("extract", str(SAMPLES / "mehr-qalandari.txt"), "--model", "en_core_web_nonexistent")
    assert result.returncode == 2
    assert "is not installed" in result.stderr and "pip install" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_cli_demo_runs_on_the_bundled_samples(tmp_path):
    result = run("demo", "--db", str(tmp_path / "demo.db"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Stored 41 · duplicates 0 · rejected 0" in result.stderr
    assert "Mehr News Agency" in result.stdout
