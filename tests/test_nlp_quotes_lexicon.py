"""The speech-cue lexicon: well-formed rows, and each row class working as a cue in a sentence."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.nlp.quote_cues import load_cues

KINDS = {"verb", "noun", "phrase", "adjective"}
CLASSES = {"speech", "belief", "intent", "evidence", "stance", "appearance"}


def _rows() -> list[list[str]]:
    text = resources.files("dateline.lexicon").joinpath("speech_cues.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t")[:3] == ["pattern", "kind", "class"]
    return [line.split("\t") for line in lines[1:]]


def test_rows_are_well_formed_and_unique():
    seen = set()
    for row in _rows():
        assert len(row) >= 3, row
        pattern, kind, cls = row[0], row[1], row[2]
        assert pattern == pattern.strip().lower() and kind in KINDS and cls in CLASSES, row
        assert (pattern, kind) not in seen, f"duplicate row {pattern!r} {kind}"
        seen.add((pattern, kind))
        if kind == "verb":
            assert " " not in pattern, "verb cues are single lemmas; phrases go in kind=phrase"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The spokesman warned that the border would stay closed until Friday.", "warned"),  # speech verb
        ("Most economists believe that the recession will end next year.", "believe"),  # belief verb
        ("The governor wants to raise the minimum wage by two dollars.", "wants"),  # intent verb
        ("A new poll shows that the race in Ohio is tied.", "shows"),  # evidence verb
        ("The senator has attacked the governor's tax plan for weeks.", "has attacked"),  # stance verb
        ("The governor seems to have dropped the plan.", "seems"),  # appearance verb
        ("The minister's claim that the dam is safe was rejected by engineers.", "claim"),  # noun
        ("The notion that the dam is unsafe spread quickly through the valley.", "The notion"),  # belief noun
        ("Prices rose by four percent, according to the statistics office.", "according to"),  # phrase
        ("The senator has been critical of the trade agreement.", "has been critical of"),  # adjective
    ],
)
def test_each_row_class_is_a_cue(nlp, text, cue):
    quotes = nlp(text)._.dl_quotes
    assert cue in [text[q["cue"][0] : q["cue"][1]] for q in quotes]


def test_lexicon_is_loaded_once():
    assert load_cues() is load_cues()
    assert load_cues().verbs["say"] == "speech"
