"""Where a reported clause ends: the words after the report that PolNeAR's content still holds."""

from __future__ import annotations

from tests.quote_helpers import by_cue
from tests.quote_helpers import span_text as _of


def test_coordinated_clause_with_another_subject_stays_in_the_report(nlp):
    text = "The mayor told reporters that the council had tried to block the plan, but a state judge refused to let it."
    q = by_cue(nlp, text, "told")
    assert _of(text, q["content"][0]) == "the council had tried to block the plan, but a state judge refused to let it"


def test_clause_with_a_noun_subject_after_a_that_clause_is_the_writers_sequel(nlp):
    text = (
        "The bank announced Monday that it is cutting its outlook for mortgage lending this spring, "
        "and the cut is weighing on shares of smaller lenders."
    )
    q = by_cue(nlp, text, "announced")
    assert _of(text, q["content"][0]) == "it is cutting its outlook for mortgage lending this spring"


def test_concession_with_the_speaker_as_subject_is_left_out(nlp):
    text = "She insisted that skipping the vote was wise, although she again declined to explain her absence."
    q = by_cue(nlp, text, "insisted")
    assert _of(text, q["content"][0]) == "skipping the vote was wise"


def test_clause_subject_with_a_phrase_hung_on_the_cue_stays_in_the_report(nlp):
    text = "Some aides seemed to think the outreach to young voters was somewhat fake."
    q = by_cue(nlp, text, "seemed to think")
    assert _of(text, q["content"][0]) == "the outreach to young voters was somewhat fake"


def test_report_runs_on_past_quoted_words_with_no_pause(nlp):
    text = "She pressed for a “grand bargain” during the long budget talks last spring."
    q = by_cue(nlp, text, "pressed for")
    assert _of(text, q["content"][0]) == "a “grand bargain” during the long budget talks last spring"


def test_second_quotation_after_a_conjunction_and_an_article_is_the_same_report():
    # "condemned the launch as “reckless” and a “grave threat” to …": the words between the two
    # quotations, which _to_closing_mark crosses (the parse that needs it is a long sentence's).
    from dateline.nlp.quotes import _AND_QUOTED

    text = "condemned the launch as “reckless” and a “grave threat” to peace"
    assert _AND_QUOTED.fullmatch(text, text.index("”"), text.index("“grave"))


def test_condition_hung_on_the_cue_stays_in_the_report(nlp):
    text = "The senator vowed to block the bill unless the governor drops the new tax."
    q = by_cue(nlp, text, "vowed")
    assert _of(text, q["content"][0]) == "to block the bill unless the governor drops the new tax"


def test_subject_the_parser_hung_on_said_as_its_object_stays_in_the_report(nlp):
    text = "The campaign has said single parents and widowers - young or old - would qualify for the new credit."
    q = by_cue(nlp, text, "has said")
    assert _of(text, q["content"][0]) == "single parents and widowers - young or old - would qualify for the new credit"


def test_bare_verb_tagged_present_after_or_goes_on_the_to_clause(nlp):
    text = "On Monday the chancellor declined to warn Beijing or even openly declare it guilty."
    q = by_cue(nlp, text, "declined")
    assert _of(text, q["content"][0]) == "to warn Beijing or even openly declare it guilty"


def test_dash_leading_to_including_is_more_of_the_topic(nlp):
    text = "The council members met on Friday to discuss options for stopping the merger — including a lawsuit against the regulator."
    q = by_cue(nlp, text, "to discuss")
    assert _of(text, q["content"][0]) == "options for stopping the merger — including a lawsuit against the regulator"


def test_particularly_phrase_hung_on_the_cue_is_more_of_what_was_said(nlp):
    text = "The governor touted his gains in several rural counties, particularly in the north."
    q = by_cue(nlp, text, "touted")
    assert _of(text, q["content"][0]) == "his gains in several rural counties, particularly in the north"


def test_no_matter_clause_hung_on_the_cue_stays_in_the_report(nlp):
    text = "The mayor has pledged his support to the stadium plan no matter how the vote goes."
    q = by_cue(nlp, text, "has pledged")
    assert _of(text, q["content"][0]) == "his support to the stadium plan no matter how the vote goes"


def test_participle_hung_on_the_cue_with_no_pause_is_part_of_the_topic(nlp):
    text = "Her memoir disclosed the unpleasant specter of her father making fortunes from a failing casino."
    q = by_cue(nlp, text, "disclosed")
    assert _of(text, q["content"][0]) == "the unpleasant specter of her father making fortunes from a failing casino"


def test_a_gerund_act_before_or_after_the_topic_is_not_content(nlp):
    text = "The former governor endorsed Senator Jane Porter before backing the mayor."
    q = by_cue(nlp, text, "endorsed")
    assert _of(text, q["content"][0]) == "Senator Jane Porter"


def test_a_date_after_a_named_topic_is_when_it_was_done(nlp):
    text = "The union endorsed Senator Maria Lopez in March."
    q = by_cue(nlp, text, "endorsed")
    assert _of(text, q["content"][0]) == "Senator Maria Lopez"


def test_the_gloss_on_a_name_ending_a_reported_clause_is_the_writers(nlp):
    text = "The senator said she would not vote for Mark Ellison, the party's nominee for governor."
    q = by_cue(nlp, text, "said")
    assert _of(text, q["content"][0]) == "she would not vote for Mark Ellison"


def test_the_gloss_on_the_object_of_an_inner_report_stays(nlp):
    text = "She said they are praising Tom Harlan, the developer behind the stadium deal."
    q = by_cue(nlp, text, "said")
    assert _of(text, q["content"][0]) == "they are praising Tom Harlan, the developer behind the stadium deal"


def test_a_speech_verb_with_its_own_subject_at_the_end_is_a_second_report(nlp):
    text = "She vowed to cut taxes, repair the roads and she, once again, promised a new stadium."
    q = by_cue(nlp, text, "vowed")
    assert _of(text, q["content"][0]) == "to cut taxes, repair the roads"
    assert _of(text, by_cue(nlp, text, "promised")["content"][0]) == "a new stadium"
