"""How far a quote's cue reaches: the words around the cue verb that PolNeAR's cue takes in."""

from __future__ import annotations

from tests.quote_helpers import by_cue
from tests.quote_helpers import span_text as _of


def test_cue_in_a_to_clause_of_its_subjects_verb_starts_at_that_verb(nlp):
    text = "Aides to the governor have tried to show that the new plan costs less."
    q = by_cue(nlp, text, "have tried to show")
    assert _of(text, q["content"][0]) == "the new plan costs less"


def test_cue_after_an_adjective_of_its_subject_starts_at_the_copula(nlp):
    text = "Local officials were quick to point out that the bridge had passed every inspection."
    q = by_cue(nlp, text, "were quick to point out")
    assert _of(text, q["content"][0]) == "the bridge had passed every inspection"


def test_time_between_the_verb_and_its_to_clause_stays_in_the_cue(nlp):
    text = "The council tried on Tuesday to make the case that the new stadium would pay for itself."
    assert by_cue(nlp, text, "tried on Tuesday to make the case")


def test_went_on_to_say_is_one_cue(nlp):
    text = "The governor went on to say that the budget would be balanced by spring."
    q = by_cue(nlp, text, "went on to say")
    assert _of(text, q["content"][0]) == "the budget would be balanced by spring"


def test_gerund_right_after_its_subjects_verb_joins_it(nlp):
    text = "The senator stopped criticizing the governor after the storm."
    assert by_cue(nlp, text, "stopped criticizing")


def test_one_who_is_heard_asking_speaks_on_the_gerund_alone(nlp):
    text = "A reporter can be heard asking the mayor whether the bridge was safe."
    assert by_cue(nlp, text, "asking")


def test_with_a_preposition_object_between_the_cue_starts_at_to(nlp):
    # "rely on users to report": the users report, not the one who relies on them.
    text = "The companies rely on their users to report abusive posts."
    assert by_cue(nlp, text, "to report")


def test_an_empty_subject_governs_no_cue(nlp):
    text = "It is easy to criticize the mayor for the delays."
    assert by_cue(nlp, text, "to criticize")


def test_cue_noun_takes_its_article_and_adjectives(nlp):
    text = "A growing fear that the mill will close has spread through the town."
    q = by_cue(nlp, text, "A growing fear")
    assert _of(text, q["content"][0]) == "the mill will close"


def test_cue_noun_takes_no_possessor(nlp):
    text = "The union's deep reluctance to strike was clear."
    q = by_cue(nlp, text, "deep reluctance")
    assert _of(text, q["speaker_mention"]) == "The union's"


def test_auxiliary_kept_apart_from_the_cue_is_still_the_cues(nlp):
    text = "The two men have both argued that taxes are too high."
    q = by_cue(nlp, text, "have both argued")
    assert _of(text, q["content"][0]) == "taxes are too high"
    text = "Both senators have in fact argued that the law is flawed."
    assert by_cue(nlp, text, "have in fact argued")
