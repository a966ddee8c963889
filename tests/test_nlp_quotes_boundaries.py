"""Content and speaker boundaries of quotes on real-style sentences (PolNeAR's conventions)."""

from __future__ import annotations

from tests.quote_helpers import non_partial as _quotes
from tests.quote_helpers import span_text as _of


def test_topic_runs_past_an_aside_inside_the_object(nlp):
    text = "The ministry accused the rebel commander, Ali Hassan, of shelling the market."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["content"][0]) for q in quotes] == ["the rebel commander, Ali Hassan, of shelling the market"]


def test_cue_noun_as_object_is_held_by_the_verbs_subject(nlp):
    text = "Farm groups have expressed concern that the new tariffs could close hundreds of dairies."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["speaker_mention"]) for q in quotes] == ["Farm groups"]
    assert _of(text, quotes[0]["content"][0]) == "the new tariffs could close hundreds of dairies"


def test_reported_sentence_starts_after_its_connective(nlp):
    text = "Exports rose in May. However, the slowdown in Asia is weighing on factories, the bank said."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["content"][0]) for q in quotes] == ["the slowdown in Asia is weighing on factories"]


def test_cue_in_an_adverbial_clause_inside_a_report_is_held_by_it(nlp):
    text = "The mayor said the budget failed because the council refused to cut spending."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["cue"]) for q in quotes] == ["said"]
    assert _of(text, quotes[0]["content"][0]) == "the budget failed because the council refused to cut spending"


def test_quoted_words_inside_a_reported_clause_are_part_of_it(nlp):
    text = "The coach said he wanted to talk directly to the fans and let them know that “this team is not giving up.”"
    quotes = _quotes(nlp, text)
    assert [_of(text, q["cue"]) for q in quotes] == ["said"]


def test_topic_goes_on_through_a_coordinated_gerund_or_preposition(nlp):
    text = "The senator has mentioned refinancing student loans and forcing colleges to spend their endowments."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["content"][0]) for q in quotes] == [
        "refinancing student loans and forcing colleges to spend their endowments"
    ]


def test_participle_after_a_comma_speaks_for_the_clause_it_follows(nlp):
    text = "The drummer shared the news online last week, writing “Feels great to back a candidate I trust.”"
    quotes = _quotes(nlp, text)
    assert [_of(text, q["speaker_mention"]) for q in quotes] == ["The drummer"]


def test_topic_takes_a_coordinated_wh_clause(nlp):
    text = "Trump continued to talk about the southern border and how many refugees can easily slip through."
    quotes = _quotes(nlp, text)
    assert [_of(text, q["content"][0]) for q in quotes] == [
        "the southern border and how many refugees can easily slip through"
    ]
