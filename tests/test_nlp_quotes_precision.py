"""Quotes the rules find but PolNeAR's convention does not count as attributions: each filter on
a sentence of our own, through the real model and pipeline."""

from __future__ import annotations

from tests.quote_helpers import non_partial
from tests.quote_helpers import span_text as _of


def _cues(nlp, text: str) -> list[str | None]:
    return [_of(text, q["cue"]) for q in non_partial(nlp, text)]


def test_editors_note_opening_sentence_is_no_report(nlp):
    text = (
        "Editor’s note: Jane Doe is a columnist and talk-show host who has repeatedly pledged to abolish "
        "the city council.\n\nThe mayor said the bridge would reopen in May."
    )
    cues = _cues(nlp, text)
    assert "has repeatedly pledged" not in cues and "repeatedly pledged" not in cues, cues
    assert "said" in cues  # the article's own reports stay


def test_imperative_to_the_reader_is_no_report(nlp):
    text = "Imagine that the council had voted against the bridge. Call it a victory lap for the mayor."
    assert _cues(nlp, text) == []


def test_imperative_rule_keeps_a_speakers_own_request(nlp):
    text = "The mayor told residents that the bridge would reopen in May."
    assert _cues(nlp, text) == ["told"]


def test_headline_rubric_names_no_source(nlp):
    text = (
        "The Latest: City council approves bridge budget after long debate.\n\nThe mayor said the bridge would reopen."
    )
    assert ":" not in _cues(nlp, text)


def test_headline_source_before_colon_still_reports(nlp):
    text = "Mayor Jones: Bridge will reopen in May.\n\nThe council met on Tuesday."
    assert _cues(nlp, text) == [":"]


def test_report_under_without_did_not_happen(nlp):
    text = "The council approved the budget without knowing how the cuts would affect the schools."
    assert "knowing" not in _cues(nlp, text)


def test_proposal_named_by_its_aim_is_no_report(nlp):
    text = "In response to the governor's proposal to close three schools, parents organized a protest."
    assert _cues(nlp, text) == []


def test_stance_on_a_proposal_is_one_report(nlp):
    text = "The mayor criticized the governor's proposal to close three schools."
    assert _cues(nlp, text) == ["criticized"]


def test_writers_relative_clause_around_quoted_words_is_no_report(nlp):
    # A verb of no report in a relative clause describes someone; the quoted words are the writer's.
    text = "She was a young lawyer who defeated the party's “old guard” candidate to win a seat on the council."
    assert _cues(nlp, text) == []
    text = "Residents who fund “neighborhood renewal” projects met at the library on Tuesday."
    assert _cues(nlp, text) == []


def test_speech_verb_in_a_relative_clause_still_reports_quoted_words(nlp):
    text = "Parents backed Ms. Lee, who has called the plan a “reckless gamble.”"
    assert "has called" in _cues(nlp, text)


def test_report_inside_an_according_to_clause_is_not_marked_again(nlp):
    text = "According to pool reports, the mayor thanked the volunteers, whom she called “the heart of the city.”"
    assert _cues(nlp, text) == ["According to"]
    text = (
        "The fire chief is believed to have been at the scene, according to an interview his brother gave "
        "to the radio station."
    )
    assert _cues(nlp, text) == ["according to"]


def test_now_that_clause_is_no_report(nlp):
    text = "The city is spending more freely now that the state is paying for the repairs."
    assert _cues(nlp, text) == []


def test_it_turns_out_is_the_writers_finding(nlp):
    assert _cues(nlp, "It turns out that the bridge was never inspected.") == []
    assert _cues(nlp, "It turned out that the council had already approved the plan in March.") == []


def test_update_and_correction_notes_are_the_papers_label(nlp):
    text = (
        "This story has been updated to note that the council approved the plan on Tuesday.\n\n"
        "The mayor said the bridge would reopen in May."
    )
    assert _cues(nlp, text) == ["said"]
    text = (
        "CORRECTION: An earlier version of this article said the vote was held on Monday.\n\n"
        "The mayor said the bridge would reopen in May."
    )
    assert _cues(nlp, text) == ["said"]


def test_quotation_inside_a_report_is_not_given_a_later_verb_as_cue(nlp):
    text = (
        "He said he wrote the letter “to add to the teachers' concerns,” in response to a complaint filed by "
        "Ann Park, a parent who has loudly criticized the school board."
    )
    assert _cues(nlp, text) == ["said"]
    text = "Ms. Park said the plan was “a slap in the face,” before she stopped answering questions from reporters."
    assert _cues(nlp, text) == ["said"]
