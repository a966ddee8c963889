"""A cue coordinated with a verb inside another report's words continues those words; one
coordinated with the cue itself is a report of its own (real model and pipeline)."""

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
