"""A cue's that-clause the parser hung on a noun of the phrase after the cue ("yelling to
the officers that …", "told a meeting of island leaders that …") is still its report."""

from __future__ import annotations

from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import span_text as _of


def test_that_clause_hung_on_the_hearer_of_the_cue(nlp):
    text = "The widow can be heard yelling to the officers that her husband was unarmed."
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "yelling"
    assert _of(text, q["content"][0]) == "her husband was unarmed"


def test_that_clause_hung_on_the_object_of_tell(nlp):
    text = (
        "In Honolulu last week, he told a meeting of island leaders that few people understood the "
        "stakes of rising seas better than residents of their part of the world."
    )
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "told"
    assert _of(text, q["content"][0]).startswith("few people understood")
