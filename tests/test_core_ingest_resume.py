"""Resumable ingest: a `dateline ingest` killed with SIGKILL and rerun stores every article
exactly once and parses only what the killed run had not committed."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline import core
from dateline.store import open_store

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"
WIKINEWS = SAMPLES / "wikinews.jsonl"


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def test_ingest_killed_then_rerun_stores_each_article_once_and_reparses_nothing(tmp_path, nlp):
    articles = sum(1 for line in WIKINEWS.read_text(encoding="utf-8").splitlines() if line.strip())
    db = tmp_path / "resume.db"
    command = [
        sys.executable,
        "-m",
        "dateline",
        "ingest",
        str(WIKINEWS),
        "--db",
        str(db),
        "-w",
        "1",
        "--batch-size",
        "4",
    ]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        # Kill as soon as the first batches are committed, mid-run.
        while _stored(db) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()[-500:]}"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    before = _stored(db)
    assert 4 <= before < articles, before

    with open_store(str(db)) as store:
        report = core.ingest([str(WIKINEWS)], store, nlp, batch_size=4)
        ids = [row[0] for row in store.db.execute("SELECT id FROM articles")]  # type: ignore[attr-defined]
        seen = store.db.execute("SELECT count(*), count(DISTINCT article_id) FROM seen_at").fetchone()  # type: ignore[attr-defined]
        integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]  # type: ignore[attr-defined]

    assert report.known == before  # what was committed is skipped before parsing …
    assert report.parsed == articles - before  # … and only the rest is parsed
    assert report.stored == articles - before and not report.rejected
    assert len(ids) == len(set(ids)) == articles  # every article exactly once
    assert tuple(seen) == (articles, articles)
    assert integrity == "ok"


def test_ingest_rerun_parses_nothing(tmp_path, nlp):
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:3]
    source = tmp_path / "three.jsonl"
    source.write_text("\n".join(lines + lines[:1]) + "\n", encoding="utf-8")  # one text twice
    with open_store(str(tmp_path / "x.db")) as store:
        first = core.ingest([str(source)], store, nlp, keep_ids=True)
        again = core.ingest([str(source)], store, nlp, keep_ids=True)
    assert (first.stored, first.duplicates, first.parsed) == (3, 1, 3)
    assert (again.stored, again.duplicates, again.parsed, again.known) == (0, 4, 0, 4)
    assert again.ids == first.ids  # same ids, in input order
