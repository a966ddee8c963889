"""All eight hand-annotated events of the seed article, strictly, as the article ships.

The sample carries no publication date, so relative dates ("late last month", "today") stay
null and only the absolute ones ("October 2020", "January 2020") are dated. Each event must
have the annotated type, actors (entities and codes), date and place
(tests/fixtures/mehr-qalandari.expected.json), and nothing the sentence does not name.
"""

from __future__ import annotations

import json
from pathlib import Path

from dateline.records import Event, Extraction

EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "mehr-qalandari.expected.json").read_text("utf-8"))


def find(x: Extraction, kind: str, evidence_words: str) -> Event:
    text = x.article.text
    start = text.index(evidence_words)
    end = start + len(evidence_words)
    found = [v for v in x.events if v.type == kind and v.evidence.start < end and start < v.evidence.end]
    assert len(found) == 1, f"{kind} over {evidence_words!r}: {[(v.type, v.evidence.of(text)) for v in x.events]}"
    return found[0]


def evidence(kind: str) -> str:
    return next(e["evidence"] for e in EXPECTED["events"] if e["plover"] == kind)


def names(x: Extraction, ids: tuple[str, ...]) -> set[str]:
    by_id = {e.id: e for e in x.entities}
    return {by_id[i].name for i in ids}


def test_the_seed_article_has_no_publication_date(seed_extraction):
    assert seed_extraction.article.published is None
    assert len(EXPECTED["events"]) == 8


def test_un_lifted_the_embargo_in_october_2020(seed_extraction):
    x = seed_extraction
    v = find(x, "CONCEDE", evidence("CONCEDE"))
    assert names(x, v.source) == {"UN"} and v.source_codes == ("UN",)
    assert v.when and v.when.value == "2020-10" and not v.when.approximate and v.where is None


def test_a_number_of_nations_purchase_iranian_weapons(seed_extraction):
    x = seed_extraction
    v = find(x, "COOPERATE", "purchase Iranian weapons")
    # "a number of nations" names no country: no code is invented for it.
    assert v.source_codes == () and names(x, v.target) == {"Iran"} and v.target_codes == ("IRN",)
    assert v.when is None and v.quote is not None


def test_iran_refuses_to_yield_and_names_no_recipient(seed_extraction):
    x = seed_extraction
    v = find(x, "REJECT", evidence("REJECT"))
    assert names(x, v.source) == {"Iran"} and v.source_codes == ("IRN",)
    assert v.target == () and v.target_codes == () and v.when is None


def test_us_killed_soleimani_in_january_2020(seed_extraction):
    x = seed_extraction
    v = find(x, "ASSAULT", evidence("ASSAULT"))
    assert v.source_codes == ("USA",) and names(x, v.target) == {"Qassem Soleimani"}
    assert v.cameo == "186" and v.when and v.when.value == "2020-01"


def test_ashtianis_talks_in_new_delhi_stay_undated_without_a_publication_date(seed_extraction):
    x = seed_extraction
    v = find(x, "CONSULT", "the talks between Iran’s Defense Minister")
    assert names(x, v.source) == {"Mohammad Reza Ashtiani"} and v.source_codes == ("IRNMIL",)
    assert v.where and v.where.name == "New Delhi" and v.where.country == "IND"
    assert v.when is None  # "late last month" has nothing to be relative to


def test_sco_countries_ask_iran(seed_extraction):
    x = seed_extraction
    v = find(x, "REQUEST", evidence("REQUEST"))
    assert v.source_codes == ("SCO",) and names(x, v.target) == {"Iran"} and v.target_codes == ("IRN",)


def test_qalandari_criticises_nato_in_his_quote(seed_extraction):
    x = seed_extraction
    v = find(x, "ACCUSE", evidence("ACCUSE"))
    assert names(x, v.source) == {"Hamzeh Qalandari"} and v.source_codes == ("IRNMIL",)
    assert names(x, v.target) == {"NATO"} and v.target_codes == ("NATO",)
    assert v.cameo == "111" and v.when is None
    quote = next(q for q in x.quotes if q.id == v.quote)
    assert quote.speaker == v.source[0] and "NATO’s capacity is eroding" in quote.content[0].of(x.article.text)


def test_qalandari_praises_soleimani(seed_extraction):
    x = seed_extraction
    v = find(x, "SUPPORT", evidence("SUPPORT"))
    assert names(x, v.source) == {"Hamzeh Qalandari"} and names(x, v.target) == {"Qassem Soleimani"}
    assert v.cameo == "051" and v.quote is not None


def test_every_annotated_event_is_found_once(seed_extraction):
    found = {v.type for v in seed_extraction.events}
    assert {e["plover"] for e in EXPECTED["events"]} <= found
