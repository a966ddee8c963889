"""Reports nested in another report's words: a cue coordinated with a verb there, or a cue
noun that is an object there, continues those words; others are reports of their own."""

from __future__ import annotations

from tests.quote_helpers import all_quotes as _quotes
from tests.quote_helpers import span_text as _of


def test_conjunct_inside_reported_words_is_no_report_of_its_own(nlp):
    text = "Witnesses say the driver ignored the signal and refused to stop."
    quotes = _quotes(nlp, text)
    assert [(_of(text, q["cue"]), _of(text, q["content"][0])) for q in quotes] == [
        ("say", "the driver ignored the signal and refused to stop")
    ]


def test_conjunct_of_the_cue_is_a_report_of_its_own(nlp):
    text = "The senator said she would vote for the bill and urged her colleagues to do the same."
    assert [_of(text, q["cue"]) for q in _quotes(nlp, text)] == ["said", "urged"]


def test_cue_noun_as_object_in_another_reports_words_is_its_topic(nlp):
    text = "The senator reiterated his claim that the election had been stolen."
    quotes = _quotes(nlp, text)
    assert [(_of(text, q["cue"]), _of(text, q["content"][0])) for q in quotes] == [
        ("reiterated", "his claim that the election had been stolen")
    ]


def test_cue_noun_as_subject_stays_a_report(nlp):
    text = "The minister's claim that the talks had failed was rejected by the union."
    assert "claim" in [_of(text, q["cue"]) for q in _quotes(nlp, text)]
