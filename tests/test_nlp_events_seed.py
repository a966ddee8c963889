"""The seed article's hand-annotated events (tests/fixtures/mehr-qalandari.expected.json).

The article carries no publication date; the annotation places it in early May 2023 (the
interview was "on Monday", the New Delhi SCO meeting "late last month", i.e. April 28), so
the test gives it Monday 2023-05-08 as the anchor for relative dates.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from dateline.core import extract
from dateline.ingest.text import read_text_file
from dateline.records import Event, Extraction

EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "mehr-qalandari.expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed(nlp, seed_path) -> Extraction:
    article = dataclasses.replace(read_text_file(seed_path), published="2023-05-08")
    return extract(article, nlp)


def find(x: Extraction, kind: str, evidence_words: str) -> Event:
    """The event of ``kind`` whose evidence overlaps the annotated evidence text."""
    text = x.article.text
    start = text.index(evidence_words)
    end = start + len(evidence_words)
    for v in x.events:
        if v.type == kind and v.evidence.start < end and start < v.evidence.end:
            return v
    raise AssertionError(
        f"no {kind} event over {evidence_words!r}: {[(v.type, v.evidence.of(text)) for v in x.events]}"
    )


def names(x: Extraction, ids: tuple[str, ...]) -> set[str]:
    by_id = {e.id: e for e in x.entities}
    return {by_id[i].name for i in ids}


def expected(kind: str) -> dict:
    return next(e for e in EXPECTED["events"] if e["plover"] == kind)


def test_lifted_embargo_is_a_un_concession_in_october_2020(seed):
    v = find(seed, "CONCEDE", expected("CONCEDE")["evidence"])
    assert names(seed, v.source) == {"UN"} and v.source_codes == ("UN",)
    assert v.when and v.when.value == "2020-10" and v.when.span and v.when.span.of(seed.article.text) == "October 2020"
    assert v.cameo and v.cameo.startswith("08") and v.goldstein == 5.0 and v.quad_class == 2


def test_purchases_of_iranian_weapons_are_cooperation_with_iran(seed):
    v = find(seed, "COOPERATE", "purchase Iranian weapons")
    assert v.target_codes == ("IRN",)


def test_refusal_to_yield_is_iran_rejecting(seed):
    v = find(seed, "REJECT", expected("REJECT")["evidence"])
    assert v.source_codes == ("IRN",) and v.mode == "yield"


def test_soleimani_was_assassinated_by_the_us_in_january_2020(seed):
    v = find(seed, "ASSAULT", expected("ASSAULT")["evidence"])
    assert names(seed, v.source) & {"U.S.", "United States"} and v.source_codes == ("USA",)
    assert names(seed, v.target) == {"Qassem Soleimani"} and v.target_codes == ("IRNMIL",)
    assert v.cameo == "186" and v.goldstein == -10.0 and v.mode == "assassinate"
    assert v.when and v.when.value == "2020-01"


def test_ashtiani_consulted_in_new_delhi_late_last_month(seed):
    v = find(seed, "CONSULT", "the talks between Iran’s Defense Minister")
    assert names(seed, v.source) == {"Mohammad Reza Ashtiani"} and v.source_codes[0].startswith("IRN")
    assert v.where and v.where.name == "New Delhi" and v.where.country == "IND"
    assert v.when and v.when.value == "2023-04" and v.when.approximate
    assert v.when.start == "2023-04-21" and v.when.end == "2023-04-30"


def test_sco_countries_asked_for_irans_experience(seed):
    v = find(seed, "REQUEST", expected("REQUEST")["evidence"])
    assert v.source_codes == ("SCO",) and v.target_codes == ("IRN",)


def test_praise_of_soleimani_is_support(seed):
    v = find(seed, "SUPPORT", expected("SUPPORT")["evidence"])
    assert "Soleimani" in " ".join(names(seed, v.target))


def test_events_serialise_in_the_json_contract(seed):
    data = seed.to_json()
    assert len(data["events"]) == len(seed.events) >= 7
    assert Extraction.from_json(data).events == seed.events
    assert [v["id"] for v in data["events"]] == [f"v{i}" for i in range(1, len(seed.events) + 1)]
