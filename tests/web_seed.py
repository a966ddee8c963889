"""The web tests' fixtures: the hand-annotated seed article (real quotes on real spans, from
``fixtures/mehr-qalandari.expected.json``) in a small store beside a few sample articles run
through the real pipeline, Debian's chromium, and ``dateline serve`` in a real process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from dateline.records import Extraction
from tests.store_seed import FIXTURES, SAMPLES, seed_gold

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PUBLISHED = "2023-05-08"  # the annotation dates the interview to early-to-mid May 2023


def annotated_seed() -> Extraction:
    """The hand-annotated seed (``store_seed.seed_gold``) with a publication date, so relative
    dates and the timeline have something to anchor to."""
    gold = seed_gold()
    return replace(gold, article=replace(gold.article, published=PUBLISHED))


def direct_quote_texts() -> list[str]:
    gold = json.loads((FIXTURES / "mehr-qalandari.expected.json").read_text(encoding="utf-8"))
    return [q["text"] for q in gold["quotes"] if q["kind"] == "direct"]


def build_store(path: Path, nlp: object, *, samples: int = 4) -> Path:
    """A store with the annotated seed plus the first ``samples`` Wikinews samples, extracted for real."""
    from dateline import core
    from dateline.store import open_store

    jsonl = path.parent / "samples.jsonl"
    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()[:samples]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(str(path)) as store:
        store.save(annotated_seed())
        core.ingest([str(jsonl)], store, nlp)  # type: ignore[arg-type]
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp: object) -> Path:
    """A store file shared by the web tests (read-only for them)."""
    return build_store(tmp_path_factory.mktemp("web") / "web.db", nlp)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's chromium driven by Playwright; the browser tests skip only when it is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: Path, *extra: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """``dateline serve`` in a real process on a free localhost port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    raise RuntimeError(f"dateline serve did not start: {out}") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
