"""Every row class of the event lexicons is well-formed: CAMEO codes, trigger rules."""

from __future__ import annotations

import pytest

from dateline.lexicon import rows
from dateline.nlp.event_lexicon import PLOVER_TYPES, cameo, cameo_table, governors, trigger_rules

CAMEO_ROWS = list(rows("cameo.tsv"))
TRIGGER_ROWS = list(rows("event_triggers.tsv"))
PLOVER_MODES = {
    # PLOVER v2.0 modes plus the CAMEO2PLOVER-2021 table's own (host, return, ease, confiscate …).
    "visit", "host", "phone", "third-party", "multilateral", "withdraw", "release", "return", "ease", "disarm",
    "ceasefire", "access", "resign", "assist", "change", "yield", "meet", "disapprove", "investigate", "allege",
    "restrict", "arrest", "relations", "expel", "territory", "violence", "ban", "political", "demo", "riot",
    "strike", "hunger", "boycott", "obstruct", "vandalize", "troops", "weapons", "police", "militia", "convict",
    "discontinue", "seize", "censor", "curfew", "martial-law", "deport", "withhold", "misinformation", "cyber",
    "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
    "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional", "assassinate",
    "massacre", "cleansing", "confiscate",
}  # fmt: skip


def test_cameo_codes_are_unique_and_cover_every_root():
    codes = [r["code"] for r in CAMEO_ROWS]
    assert len(codes) == len(set(codes))
    assert {f"{i:02d}" for i in range(1, 21)} <= set(codes)


@pytest.mark.parametrize("row", CAMEO_ROWS, ids=lambda r: r["code"])
def test_cameo_row_is_well_formed(row):
    code = row["code"]
    assert code.isdigit() and 2 <= len(code) <= 4
    assert row["name"]
    assert -10.0 <= float(row["goldstein"]) <= 10.0
    root = int(code[:2])
    assert int(row["quad_class"]) == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
    if root <= 2:
        assert row["plover"] == ""  # statements and appeals are no PLOVER event
    else:
        assert row["plover"] in PLOVER_TYPES
    assert not row["plover_mode"] or row["plover_mode"] in PLOVER_MODES


def test_cameo_lookup_falls_back_to_the_parent_code():
    assert cameo("186").goldstein == -10.0 and cameo("186").plover == "ASSAULT"
    assert cameo("0443").code == "044"
    assert cameo("044").goldstein == 2.5


@pytest.mark.parametrize("row", TRIGGER_ROWS, ids=lambda r: f"{r['lemma']}:{r['pos']}:{r['pattern']}")
def test_trigger_row_is_well_formed(row):
    assert row["lemma"] == row["lemma"].lower().strip() and row["lemma"]
    assert row["pos"] in ("VERB", "NOUN")
    assert row["plover"] in PLOVER_TYPES
    assert not row["mode"] or row["mode"] in PLOVER_MODES
    assert row["cameo"] in cameo_table(), row["cameo"]
    for cond in row["pattern"].split():
        assert cond in ("-", "comp", "noobj") or cond.startswith(("obj=", "prep="))


def test_triggers_cover_every_plover_type():
    assert {r["plover"] for r in TRIGGER_ROWS} == set(PLOVER_TYPES)


def test_conditioned_rows_are_tried_before_plain_ones():
    rules = trigger_rules()[("give", "VERB")]
    assert rules[0].objects and "aid" in rules[0].objects
    assert "threaten" in governors() and "refuse" in governors() and "kill" not in governors()


def test_no_rule_is_listed_twice():
    keys = [(r["lemma"], r["pos"], r["pattern"]) for r in TRIGGER_ROWS]
    assert len(keys) == len(set(keys))


def test_every_word_of_a_multiword_trigger_passes_the_word_filter(nlp):
    # match_trigger skips tokens whose lemma is in no trigger form; the multiword forms must
    # still fire from either word's token ("cracked down", "a hunger strike").
    from dateline.nlp.event_lexicon import trigger_words
    from dateline.nlp.events import match_trigger

    assert {"crack", "down", "hunger", "strike"} <= trigger_words()
    doc = nlp("Police cracked down on the protesters, and the prisoners began a hunger strike.")
    found = {t.text: match_trigger(t) for t in doc}
    assert found["cracked"] is not None and [p.text for p in found["cracked"].parts] == ["down"]
    assert found["strike"] is not None and [p.text for p in found["strike"].parts] == ["hunger"]
    assert found["Police"] is None and found["protesters"] is None
