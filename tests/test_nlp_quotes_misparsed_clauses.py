"""A cue's that-clause the parser hung on a noun of the phrase after the cue ("yelling to
the officers that …", "told a meeting of island leaders that …") is still its report; a clause
the parser hung on a cue across a semicolon is not; and reported words run on past a sentence end
the parser made in mid-line."""

from __future__ import annotations

from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import reported as _reported
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


def test_a_clause_closed_by_a_semicolon_is_not_the_next_cues_report(nlp):
    # The parser hangs the first half on "calls"; the semicolon ends it, and "calls for"
    # reports its own object.
    text = "The mayor wants a new bridge; the governor calls for a tunnel under the river."
    assert ("a tunnel under the river", "calls for", "the governor") in _reported(nlp, text)


def test_words_run_on_past_a_sentence_end_the_parser_made_mid_line(nlp):
    # The model ends a sentence after "remarks" (no stop, no line break): the clause after it
    # still describes the remarks mentioned.
    text = (
        "At Thursday’s televised debate, the governor mentioned disparaging remarks Trump had made "
        "about the nurses as examples of his contempt for workers."
    )
    assert len(list(nlp(text).sents)) == 2  # the parser's split this test is about
    content = "disparaging remarks Trump had made about the nurses as examples of his contempt for workers"
    assert (content, "mentioned", "the governor") in _reported(nlp, text)
