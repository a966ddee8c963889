"""Outer attributions: a verb outside the lexicon that takes a stance on a report it holds."""

from __future__ import annotations

from tests.quote_helpers import by_cue
from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import span_text as _of


def test_stance_on_a_cue_noun_object_is_the_outer_report(nlp):
    text, q = _one(nlp, "Governor Ellis ridiculed the idea that the new tax would pay for itself.")
    assert _of(text, q["cue"]) == "ridiculed"
    assert _of(text, q["content"][0]) == "the idea that the new tax would pay for itself"
    assert _of(text, q["speaker_mention"]) == "Governor Ellis"


def test_stance_through_a_preposition_keeps_it_in_the_cue(nlp):
    text, q = _one(nlp, "Mayor Brandt took offense at suggestions that the budget was out of balance.")
    assert _of(text, q["cue"]) == "took offense at"
    assert _of(text, q["content"][0]) == "suggestions that the budget was out of balance"


def test_someone_elses_proposal_is_reported_by_the_critic(nlp):
    text, q = _one(nlp, "On Monday, Ellis bashed the company's proposal to cut pensions for retired workers.")
    assert _of(text, q["speaker_mention"]) == "Ellis"
    assert _of(text, q["content"][0]) == "the company's proposal to cut pensions for retired workers"


def test_a_new_agreement_stays_the_nouns_report(nlp):
    # "extracted an agreement": the subject brings the agreement about; the noun reports.
    text, q = _one(nlp, "In Paris, the ministers extracted an agreement to cut emissions by 2030.")
    assert _of(text, q["cue"]) == "an agreement"
    assert _of(text, q["content"][0]) == "to cut emissions by 2030"


def test_outer_report_runs_on_with_the_inner_one(nlp):
    # The parse ends "said"'s clause at the dash, "suspected"'s runs on: one report, the outer.
    text = (
        "Wilson later said she suspected Hardy was under the influence of alcohol — "
        "something a caller also told a dispatcher before officers arrived."
    )
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "later said"
    assert _of(text, q["speaker_mention"]) == "Wilson"
    assert _of(text, q["content"][0]).endswith("before officers arrived")


def test_a_listed_verb_with_no_clause_of_its_own_takes_the_noun(nlp):
    text, q = _one(nlp, "Senator Ortiz responded to the governor's claim that the schools were safe.")
    assert _of(text, q["cue"]) == "responded to"
    assert _of(text, q["content"][0]) == "the governor's claim that the schools were safe"
    assert _of(text, q["speaker_mention"]) == "Senator Ortiz"


def test_a_participle_takes_the_noun_for_its_speaker(nlp):
    text = "Mayor Brandt defended the budget on Monday, referring to reports that the city had a surplus."
    q = by_cue(nlp, text, "referring to")
    assert _of(text, q["content"][0]) == "reports that the city had a surplus"
    assert _of(text, q["speaker_mention"]) == "Mayor Brandt"


def test_an_indefinite_noun_under_a_preposition_is_there_already(nlp):
    text, q = _one(nlp, "Ellis objected to a claim that the schools were unsafe.")
    assert _of(text, q["cue"]) == "objected to"
    assert _of(text, q["content"][0]) == "a claim that the schools were unsafe"


def test_a_directive_verb_reports_its_object_and_to_clause(nlp):
    text, q = _one(nlp, "State law requires candidates to disclose their tax returns.")
    assert _of(text, q["cue"]) == "requires"
    assert _of(text, q["content"][0]) == "candidates to disclose their tax returns"
    assert _of(text, q["speaker_mention"]) == "State law"


def test_a_means_is_not_a_directive(nlp):
    # "used her speech to call for …": the speech is a means; "call for" is the report.
    text, q = _one(nlp, "Ellis used her speech to call for new elections.")
    assert _of(text, q["cue"]) == "to call for"


def test_a_view_voiced_by_its_holder_is_the_clause_alone(nlp):
    # "floated the notion", "showed no sign": the subject's own report, not a stance on another's.
    text, q = _one(nlp, "Senator Reed floated the notion that a joint ticket would win the state.")
    assert _of(text, q["cue"]) == "floated the notion"
    assert _of(text, q["content"][0]) == "a joint ticket would win the state"
    assert _of(text, q["speaker_mention"]) == "Senator Reed"
    text, q = _one(nlp, "Mayor Diaz showed no sign that she would drop the plan.")
    assert _of(text, q["cue"]) == "showed no sign"
    assert _of(text, q["content"][0]) == "she would drop the plan"


def test_a_voiced_noun_with_no_clause_keeps_its_object(nlp):
    text, q = _one(nlp, "Ms. Ortiz voiced her disapproval of the ruling.")
    assert _of(text, q["content"][0]) == "her disapproval of the ruling"
