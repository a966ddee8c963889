"""A cue's that-clause the parser hung on a noun of the phrase after the cue ("yelling to
the officers that …", "said during a news conference that …") is still its report."""

from __future__ import annotations

from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import span_text as _of


def test_that_clause_hung_on_the_hearer_of_the_cue(nlp):
    text = "The widow can be heard yelling to the officers that her husband was unarmed."
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "yelling"
    assert _of(text, q["content"][0]) == "her husband was unarmed"
