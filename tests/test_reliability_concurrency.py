"""Reads while an ingest writes: no "database is locked" (or any other error) reaches a user.

One ``dateline ingest`` subprocess writes (restarted on fresh articles if it finishes early)
while 4 query processes hammer the same SQLite file for ``DATELINE_CONCURRENCY_SECONDS``
(8 s by default; 30 s for the figures in the closing note). Each query process drives the
real CLI: ``dateline show ID --format json`` through Typer's runner in a loop and, alongside,
one separate ``dateline show`` process after another, exactly as a user would run it. The web
API had not landed when this was written, so only the CLI is exercised here.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

from tests.test_reliability_crash import make_articles

ROOT = Path(__file__).parents[1]
SECONDS = float(os.environ.get("DATELINE_CONCURRENCY_SECONDS", "8"))
QUERY_PROCESSES = 4


def worker(db: str, seconds: float, seed: int) -> None:
    """One query process: print a JSON summary of what it served and every failure it saw."""
    from typer.testing import CliRunner

    from dateline.cli.app import app

    runner = CliRunner()
    rng = random.Random(seed)
    counts = {"served": 0, "missing": 0, "processes": 0}
    failures: list[str] = []
    ids: list[str] = []

    def judge(article_id: str, code: int, output: str) -> None:
        if code == 0 and json.loads(output)["id"]:
            counts["served"] += 1
        elif code == 1 and "no article" in output:
            counts["missing"] += 1  # an id that is not stored: a correct answer, not a failure
        else:
            failures.append(f"show {article_id}: exit {code}: {output[-300:]}")

    # A separate ``dateline show`` process (a user at a terminal) runs alongside the in-process
    # queries, one at a time, so its start-up does not stall the loop.
    pending: tuple[str, subprocess.Popen[bytes], IO[bytes]] | None = None

    def collect(wait: bool) -> None:
        nonlocal pending
        if pending and (wait or pending[1].poll() is not None):
            article_id, proc, out = pending
            proc.wait(timeout=120)
            out.seek(0)
            judge(article_id, proc.returncode, out.read().decode())
            out.close()
            counts["processes"] += 1
            pending = None

    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1
        if not ids or n % 25 == 0:
            try:
                with sqlite3.connect(db, timeout=30) as conn:
                    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 50")]
            except sqlite3.Error as err:
                failures.append(f"listing ids: {err}")
        article_id = rng.choice(ids) if ids and rng.random() < 0.9 else f"not-there-{n}"
        collect(wait=False)
        if pending is None:
            out = tempfile.TemporaryFile()
            command = [sys.executable, "-m", "dateline", "show", article_id, "--db", db, "--format", "json"]
            pending = (article_id, subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT), out)
            continue
        result = runner.invoke(app, ["show", article_id, "--db", db, "--format", "json"])
        if result.exception and not isinstance(result.exception, SystemExit):
            failures.append(f"show {article_id}: {result.exception!r}")
        else:
            judge(article_id, result.exit_code, result.output)
    collect(wait=True)
    print(json.dumps({**counts, "failures": failures}))


def _writer(inputs: Path, db: Path, log: Path) -> subprocess.Popen[bytes]:
    # stderr goes to a file: the progress bar would fill an unread pipe and stall the writer.
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "dateline", "ingest", str(inputs), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def test_four_query_processes_never_see_a_locked_database_while_ingest_writes(tmp_path):
    db = tmp_path / "busy.db"
    batches = []
    for seed in range(1, 4):
        path = tmp_path / f"articles-{seed}.jsonl"
        make_articles(path, 1000, seed=seed)
        # Distinct ids per batch: the same id with another text would be refused, by design.
        path.write_text(path.read_text().replace('"crash-', f'"busy{seed}-'))
        batches.append(path)

    log = tmp_path / "writer.log"
    writer = _writer(batches[0], db, log)
    writer_errors: list[str] = []
    # Start querying once the writer has committed its first batch, so the query window overlaps
    # writing (on a loaded machine the workers' model load alone can outlast a short window).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and writer.poll() is None:
        try:
            with sqlite3.connect(db, timeout=5) as conn:
                if conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.1)

    queries = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from tests.test_reliability_concurrency import worker; worker({str(db)!r}, {SECONDS}, {i})",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(QUERY_PROCESSES)
    ]
    next_batch = 1
    while any(q.poll() is None for q in queries):
        if writer.poll() is not None:  # finished early: keep the database busy with a new batch
            if writer.returncode != 0:
                writer_errors.append(f"ingest exited {writer.returncode}")
            writer = _writer(batches[next_batch % len(batches)], db, log)
            next_batch += 1
        time.sleep(0.2)
    writer.send_signal(signal.SIGKILL)  # the writer may be mid-batch; crash safety covers that
    writer.wait(timeout=30)
    err = log.read_text(encoding="utf-8", errors="replace")
    if "locked" in err or "Traceback" in err:
        writer_errors.append(err[-2000:])

    summaries = []
    for q in queries:
        out, err = q.communicate(timeout=60)
        assert q.returncode == 0, err[-2000:]
        assert "locked" not in err and "Traceback" not in err, err[-2000:]
        summaries.append(json.loads(out.strip().splitlines()[-1]))
    failures = [f for s in summaries for f in s["failures"]]
    served = sum(s["served"] for s in summaries)
    assert not failures, failures[:10]
    assert not writer_errors, writer_errors
    assert served > 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(
        f"concurrency: {SECONDS:.0f} s, {QUERY_PROCESSES} query processes, {served} queries served,"
        f" ({sum(s['processes'] for s in summaries)} as separate CLI processes),"
        f" {sum(s['missing'] for s in summaries)} not-found answers, {stored} articles written meanwhile"
    )


def _open_store(path: str) -> str:
    from dateline.store.sqlite import SQLiteStore

    try:
        SQLiteStore(path).close()
    except Exception as err:  # any error is a failure of this test, reported by name
        return repr(err)
    return ""


def test_several_processes_creating_the_same_new_database_at_once_all_succeed(tmp_path):
    # `dateline serve` and `dateline ingest` started together on a new file used to race on the
    # first migration (UNIQUE constraint failed) and on switching to WAL (database is locked).
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=6) as pool:
        errors = []
        for trial in range(5):
            path = str(tmp_path / f"new-{trial}.db")
            errors += [e for e in pool.map(_open_store, [path] * 12) if e]
    assert errors == []
