"""A killed ingest loses nothing and duplicates nothing: SIGKILL at random moments, rerun, check.

1,000 unique short articles are made from the bundled Wikinews samples (three sentences
drawn per id with a seeded RNG). ``dateline ingest`` runs in a subprocess and is SIGKILLed at
a random moment; after each kill the database must pass ``PRAGMA integrity_check`` and hold
only whole articles. Then a rerun (killed again, several cycles) and a last run to the end
must leave every article stored exactly once with exactly the records a fresh extraction
gives.

Knobs: ``DATELINE_CRASH_CYCLES`` (kill cycles, default 3), ``DATELINE_CRASH_SEED``.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from dateline.core import extract
from dateline.ingest import read_inputs
from dateline.records import Article

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"
N_ARTICLES = 1000
CYCLES = int(os.environ.get("DATELINE_CRASH_CYCLES", "3"))
SEED = int(os.environ.get("DATELINE_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))


def make_articles(path: Path, n: int, seed: int = 7) -> list[str]:
    """``n`` unique three-sentence articles from the Wikinews samples, as JSONL; returns the ids."""
    sentences = []
    for line in (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text) if 40 <= len(s.strip()) <= 300]
    rng = random.Random(seed)
    texts: dict[str, None] = {}
    while len(texts) < n:
        texts[" ".join(rng.sample(sentences, 3))] = None
    ids = [f"crash-{i:04d}" for i in range(n)]
    with path.open("w", encoding="utf-8") as out:
        for article_id, text in zip(ids, texts, strict=True):
            out.write(json.dumps({"id": article_id, "text": text}) + "\n")
    return ids


def _ingest(inputs: Path, db: Path, log: Path) -> subprocess.Popen[bytes]:
    # stderr goes to a file: the progress bar would fill an unread pipe and stall the run.
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "dateline", "ingest", str(inputs), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (the ingest's worker pool), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while we looked
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _assert_gone(pids: list[int], within: float = 15.0) -> None:
    """A killed ingest takes its workers with it: none lingers holding a model in memory."""
    deadline = time.monotonic() + within
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if _running(p)]
    assert not alive, f"worker processes {alive} outlived their killed parent"


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its reaping is left


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _check_consistent(db: Path) -> tuple[int, list[str]]:
    """Integrity and wholeness after a crash; returns (articles stored, ids without entity rows)."""
    with sqlite3.connect(db, timeout=30) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        dup_hashes = conn.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles").fetchone()[0]
        assert dup_hashes == 0
        # Every copy is recorded once per input, however many reruns there were.
        assert conn.execute("SELECT count(*) FROM seen_at").fetchone()[0] == count
        statuses = {row[0] for row in conn.execute("SELECT DISTINCT status FROM articles")}
        assert statuses <= {"extracted", "skipped", "failed"}, statuses
        without = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM articles a WHERE status = 'extracted'"
                " AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id)"
            )
        ]
    return count, without


def test_sigkill_at_random_moments_then_rerun_stores_every_article_once(tmp_path, nlp):
    inputs = tmp_path / "articles.jsonl"
    db = tmp_path / "crash.db"
    ids = make_articles(inputs, N_ARTICLES)
    rng = random.Random(SEED)
    kills = 0
    log = []
    for _ in range(CYCLES):
        before = _stored(db)
        proc = _ingest(inputs, db, tmp_path / "killed.log")
        # Let it load the model and start writing, then kill it a random while later: mid-batch,
        # mid-transaction or between articles, wherever that lands.
        deadline = time.monotonic() + 60
        while _stored(db) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 3.0))
        workers = _children(proc.pid)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=30)
        _assert_gone(workers)
        count, _ = _check_consistent(db)
        log.append((before, count))
        if count == N_ARTICLES:
            break
    final = _ingest(inputs, db, tmp_path / "final.log")
    final.wait(timeout=300)
    err = (tmp_path / "final.log").read_text(encoding="utf-8", errors="replace")
    assert final.returncode == 0, err[-2000:]
    assert "Traceback" not in err

    count, without_entities = _check_consistent(db)
    assert count == N_ARTICLES
    with sqlite3.connect(db) as conn:
        stored_ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        per_article = {
            row[0]: (row[1], row[2], row[3])
            for row in conn.execute(
                "SELECT a.id, (SELECT count(*) FROM entities WHERE article_id = a.id),"
                " (SELECT count(*) FROM mentions WHERE article_id = a.id),"
                " (SELECT count(*) FROM quotes WHERE article_id = a.id) FROM articles a"
            )
        }
    assert stored_ids == set(ids)

    # Whole, not half-written: stored records equal a fresh extraction, for every article that
    # has no entity rows and for a random sample of the rest.
    articles = {a.id: a for a in read_inputs([str(inputs)]) if isinstance(a, Article)}
    sample = set(without_entities) | set(rng.sample(sorted(stored_ids), 60))
    for article_id in sorted(sample):
        fresh = extract(articles[article_id], nlp)
        expected = (len(fresh.entities), sum(len(e.mentions) for e in fresh.entities), len(fresh.quotes))
        assert per_article[article_id] == expected, article_id
    print(f"crash test: seed {SEED}, {kills} SIGKILLs, stored counts per cycle {log}")
    assert kills >= 1, "the ingest finished before any kill; the test proved nothing"
