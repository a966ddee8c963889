"""Where a reported content starts: the words before a cue that interrupts the speaker's own
sentence, which PolNeAR's content holds."""

from __future__ import annotations

from tests.quote_helpers import by_cue
from tests.quote_helpers import span_text as _of


def _hull(text: str, q: dict) -> str:
    return text[q["content"][0][0] : q["content"][-1][1]]


def test_words_before_an_interrupting_cue_start_the_quote(nlp):
    text = "A slower economy, the governor said, “could be a good moment to pay down the debt.”"
    q = by_cue(nlp, text, "said")
    assert _hull(text, q).startswith("A slower economy, the governor said, “could be")


def test_words_before_an_interrupting_cue_and_that_start_the_report(nlp):
    text = "It is no accident, the mayor said, that the bridge was closed twice this year."
    q = by_cue(nlp, text, "said")
    assert _hull(text, q).startswith("It is no accident, the mayor said, that the bridge")


def test_setting_before_a_cue_and_a_new_sentence_stays_out(nlp):
    text = "After the hearing, the senator said, “We will appeal the ruling next week.”"
    q = by_cue(nlp, text, "said")
    assert _of(text, q["content"][0]) == "We will appeal the ruling next week."


def test_connective_before_an_interrupting_cue_stays_out(nlp):
    text = "The plan passed. Still, she added, “we can do much better than this.”"
    q = by_cue(nlp, text, "added")
    assert _hull(text, q).startswith("we can do")


def test_subject_before_a_comma_and_a_quotation_going_on_in_lower_case_starts_the_quote(nlp):
    text = "The new bridge, finished two years late, “has already cut the commute in half,” the mayor said."
    q = by_cue(nlp, text, "said")
    assert _hull(text, q).startswith("The new bridge, finished two years late, “has already")


def test_connective_before_a_quotation_going_on_in_lower_case_stays_out(nlp):
    text = "The plan passed. Yet, “it is hard to say what it will change,” the mayor said."
    q = by_cue(nlp, text, "said")
    assert _hull(text, q).startswith("it is hard")


def test_subject_the_parser_hung_on_the_cue_starts_the_report(nlp):
    text = "The poll showed the candidate with the most money won the state only once."
    q = by_cue(nlp, text, "showed")
    assert _of(text, q["content"][0]) == "the candidate with the most money won the state only once"


def test_clause_subject_of_a_clause_the_parser_split_starts_the_report(nlp):
    text = "The judge said just because a rule was not written down did not mean it did not exist."
    q = by_cue(nlp, text, "said")
    assert _of(text, q["content"][0]) == "just because a rule was not written down did not mean it did not exist"


def test_one_called_on_is_in_the_report_when_the_parser_reads_on_as_a_particle(nlp):
    text = "He called on attendees to oppose bigotry after citing the proposed ban."
    q = by_cue(nlp, text, "called on")
    assert _of(text, q["content"][0]) == "attendees to oppose bigotry after citing the proposed ban"


def test_participle_cue_on_a_noun_says_it_of_the_noun(nlp):
    text = "In a year expected to produce record turnout, both parties hired more staff."
    q = by_cue(nlp, text, "expected")
    assert _of(text, q["content"][0]) == "a year expected to produce record turnout"
