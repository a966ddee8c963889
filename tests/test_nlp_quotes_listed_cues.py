"""Constructions of cues already in the lexicon that the quote rules used to miss: one real-style
sentence per rule, through the real model and pipeline (sentences written for these tests)."""

from __future__ import annotations


def _contents(nlp, text: str) -> list[tuple[str, str]]:
    """(cue, content hull) of every non-partial quote."""
    out = []
    for q in nlp(text)._.dl_quotes:
        if q["kind"] == "partial":
            continue
        cue = text[q["cue"][0] : q["cue"][1]] if q["cue"] else ""
        out.append((cue, text[q["content"][0][0] : q["content"][-1][1]]))
    return out


def test_topic_runs_past_an_apposition_to_the_cue_preposition(nlp):
    text = "Prosecutors charged two local developers, Ann Bell and Tom Hart, with cheating hundreds of investors."
    found = dict(_contents(nlp, text))
    assert found["charged"] == "two local developers, Ann Bell and Tom Hart, with cheating hundreds of investors"


def test_topic_stops_before_an_aside_that_reports_itself(nlp):
    text = "The mayor criticized the new parking rules, which she said would hurt small shops."
    found = _contents(nlp, text)
    assert ("criticized", "the new parking rules") in found
    assert any(cue == "said" for cue, _ in found)


def test_adverb_between_cue_and_its_preposition(nlp):
    text = "The senator spoke emotionally about the veterans who had waited years for treatment."
    found = _contents(nlp, text)
    assert found == [("spoke emotionally about", "the veterans who had waited years for treatment")]
