"""The seed article with its hand annotation as records, for web tests.

The quote and event components are built elsewhere; until they land, the web tests need an
article with real quotes on real spans. This builds an Extraction from
``fixtures/mehr-qalandari.expected.json`` (the hand annotation of the bundled sample): every
span is found in the article text, never invented. Also a small store holding it beside a few
sample articles run through the real pipeline.
"""

from __future__ import annotations

import json
import os
import re
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

from dateline.ingest.text import read_text_file
from dateline.records import Entity, Event, Extraction, PipelineInfo, Quote, Span, When, Where

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"
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
KINDS = {"PERSON": "person", "GPE": "place", "ORG": "org", "NORP": "group"}
# PLOVER type → GDELT-style quad class (1 verbal cooperation … 4 material conflict).
QUAD = {
    "CONSULT": 1,
    "SUPPORT": 1,
    "REQUEST": 1,
    "COOPERATE": 2,
    "CONCEDE": 2,
    "REJECT": 3,
    "ACCUSE": 3,
    "ASSAULT": 4,
}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}
PUBLISHED = "2023-05-08"  # the annotation dates the interview to early-to-mid May 2023


def _find_all(text: str, words: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", text)]


def _nearest(spans: list[Span], point: int) -> Span | None:
    return min(spans, key=lambda s: abs(s.start - point)) if spans else None


def annotated_seed() -> Extraction:
    article = replace(read_text_file(SAMPLES / "mehr-qalandari.txt"), published=PUBLISHED)
    text = article.text
    gold = json.loads((FIXTURES / "mehr-qalandari.expected.json").read_text(encoding="utf-8"))
    entities: list[Entity] = []
    for i, e in enumerate(gold["entities"], 1):
        found: list[Span] = []
        for mention in sorted(e["mentions"], key=len, reverse=True):
            if mention.lower() in PRONOUNS:
                continue  # which "he" is meant is not findable by string search
            for span in _find_all(text, mention):
                if not any(s.start <= span.start and span.end <= s.end for s in found):
                    found.append(span)
        if found:
            code = e.get("actor", "")
            entities.append(
                Entity(
                    id=f"e{i}",
                    name=e["name"],
                    kind=KINDS.get(e["type"], "group"),
                    mentions=tuple(sorted(found)),
                    label=e["type"],
                    role=e.get("role"),
                    actor_code=code.replace("IGO (", "").rstrip(")") or None,
                )
            )
    by_name = {e.name: e for e in entities}
    quotes: list[Quote] = []
    for i, q in enumerate(gold["quotes"], 1):
        start, end = q["span"]
        assert text[start:end] == q["text"], q
        speaker = by_name.get(q["speaker"])
        cue = _nearest(_find_all(text, q["cue"]), start)
        mention = _nearest(list(speaker.mentions), start) if speaker else _nearest(_find_all(text, q["speaker"]), start)
        quotes.append(
            Quote(
                id=f"q{i}",
                kind=q["kind"],
                content=(Span(start, end),),
                cue=cue,
                speaker_mention=mention,
                speaker=speaker.id if speaker else None,
                speaker_name=q["speaker"],
            )
        )
    events: list[Event] = []
    for i, v in enumerate(gold["events"], 1):
        at = text.find(v["evidence"])
        assert at >= 0, v["evidence"]
        source, target = by_name.get(v["source"] or ""), by_name.get(v["target"] or "")
        when = v.get("when")
        where = by_name.get(v.get("where") or "")
        events.append(
            Event(
                id=f"v{i}",
                type=v["plover"],
                evidence=Span(at, at + len(v["evidence"])),
                cameo=v["cameo"].split()[0],
                quad_class=QUAD[v["plover"]],
                source=(source.id,) if source else (),
                target=(target.id,) if target else (),
                source_codes=(source.actor_code,) if source and source.actor_code else (),
                target_codes=(target.actor_code,) if target and target.actor_code else (),
                when=When(value=when) if when and re.fullmatch(r"\d{4}-\d{2}", when) else None,
                where=Where(name=where.name, entity=where.id) if where else None,
            )
        )
    return Extraction(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        events=tuple(events),
        pipeline=PipelineInfo("hand annotation", "none"),
    )


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
