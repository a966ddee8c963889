"""Real-text extractions for store, export and query tests (no pipeline needed).

``seed_gold()`` builds the seed article's records from the hand annotation
(``fixtures/mehr-qalandari.expected.json``): every quote span is the annotator's, every entity
mention, cue and event evidence is found in the real text. ``named(row, names)`` builds an
extraction of a bundled Wikinews article with person entities over real name occurrences.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pytest

from dateline.ingest.text import read_text_file
from dateline.records import Entity, Event, Extraction, PipelineInfo, Quote, Span, When, Where
from dateline.store.sqlite import SQLiteStore

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"
KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place"}
# CAMEO root code → (Goldstein scale, quad class), from the CAMEO manual's root-level values.
ROOTS = {
    "02": (3.0, 1),
    "04": (1.0, 1),
    "05": (3.5, 1),
    "06": (6.0, 2),
    "08": (5.0, 2),
    "11": (-2.0, 3),
    "12": (-4.0, 3),
    "18": (-9.0, 4),
}
PIPELINE = PipelineInfo("test", "hand annotation")


def _find_all(text: str, needle: str, *, words: bool = False) -> list[Span]:
    pattern = rf"\b{re.escape(needle)}\b" if words else re.escape(needle)
    return [Span(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _nearest(text: str, needle: str, at: int) -> Span | None:
    found = _find_all(text, needle)
    return min(found, key=lambda s: abs(s.start - at)) if found else None


def seed_gold() -> Extraction:
    article = read_text_file(SAMPLES / "mehr-qalandari.txt")
    text = article.text
    gold = json.loads((FIXTURES / "mehr-qalandari.expected.json").read_text(encoding="utf-8"))
    entities: list[Entity] = []
    for n, e in enumerate(gold["entities"], start=1):
        # Pronouns are left out: a text search cannot tell which "he" is whose.
        spans = sorted({s for m in e["mentions"] if m.lower() != "he" for s in _find_all(text, m, words=True)})
        code = re.sub(r"^IGO \((\w+)\)$", r"\1", e["actor"])
        entities.append(Entity(f"e{n}", e["name"], KINDS[e["type"]], tuple(spans), e["type"], e.get("role"), code))
    by_name = {e.name: e for e in entities}
    quotes = []
    for n, q in enumerate(gold["quotes"], start=1):
        start, end = q["span"]
        speaker = by_name.get(q["speaker"])
        mention = None
        if speaker and speaker.mentions:
            mention = min(speaker.mentions, key=lambda s: abs(s.start - start))
        quotes.append(
            Quote(
                f"q{n}",
                q["kind"],
                (Span(start, end),),
                cue=_nearest(text, q["cue"], start),
                speaker_mention=mention,
                speaker=speaker.id if speaker else None,
                speaker_name=q["speaker"],
            )
        )
    events = []
    for n, v in enumerate(gold["events"], start=1):
        evidence = _find_all(text, v["evidence"])[0]
        cameo = v["cameo"].split()[0]
        goldstein, quad = ROOTS[cameo[:2]]
        src, tgt = by_name.get(v["source"] or ""), by_name.get(v["target"] or "")
        when = None
        if v.get("when") and re.fullmatch(r"\d{4}-\d\d", v["when"]):
            when = When(v["when"], start=v["when"] + "-01")
        where = None
        if v.get("where"):
            place = by_name[v["where"]]
            where = Where(place.name, entity=place.id, country="IND", span=_nearest(text, place.name, evidence.start))
        events.append(
            Event(
                f"v{n}",
                v["plover"],
                evidence,
                cameo=cameo,
                goldstein=goldstein,
                quad_class=quad,
                source=(src.id,) if src else (),
                target=(tgt.id,) if tgt else (),
                source_codes=(src.actor_code,) if src and src.actor_code else (),
                target_codes=(tgt.actor_code,) if tgt and tgt.actor_code else (),
                when=when,
                where=where,
            )
        )
    return Extraction(article, tuple(entities), tuple(quotes), tuple(events), PIPELINE, tone=-1.5)


def wikinews_rows() -> list[dict[str, str]]:
    lines = (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def named(row: dict[str, str], names: list[str], quote_of: str | None = None) -> Extraction:
    """A Wikinews article with a person entity per name (real occurrences) and, when asked,
    every sentence around a quotation mark attributed to ``quote_of`` as an indirect quote."""
    from dateline.ingest.jsonl import article_from_record

    article = article_from_record(dict(row), "wikinews.jsonl")
    text = article.text
    entities = tuple(
        Entity(f"e{n}", name, "person", tuple(_find_all(text, name)), "PERSON")
        for n, name in enumerate(names, start=1)
        if _find_all(text, name)
    )
    quotes: list[Quote] = []
    speaker = next((e for e in entities if e.name == quote_of), None)
    if speaker:
        for n, m in enumerate(re.finditer(r"[^.\n]*\"[^\"\n]{20,}\"[^.\n]*\.", text), start=1):
            quotes.append(
                Quote(f"q{n}", "direct", (Span(m.start(), m.end()),), speaker=speaker.id, speaker_name=speaker.name)
            )
    return Extraction(article, entities, tuple(quotes), (), PIPELINE)


PG_ENV = "DATELINE_TEST_PG"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    """The same tests on both backends: a fresh SQLite file, or a scratch schema on the
    PostgreSQL server named by ``DATELINE_TEST_PG`` (skipped only when that is unset)."""
    if request.param == "sqlite":
        store = SQLiteStore(tmp_path / "test.db")
        yield store
        store.close()
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
    from dateline.store.postgres import PostgresStore, drop_schema

    schema = f"test_{uuid.uuid4().hex[:12]}"
    try:
        store = PostgresStore(url, schema=schema)
    except BaseException:
        drop_schema(url, schema)
        raise
    try:
        yield store
    finally:
        store.close()
        drop_schema(url, schema)
