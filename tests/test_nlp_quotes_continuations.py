"""A quote with no cue of its own after an inverted "“A,” said X, …." sentence continues X's
quote: one quote, two spans (PolNeAR marks the two as one attribution)."""

from __future__ import annotations

import pytest

from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import span_text as _of


@pytest.mark.parametrize(
    "text",
    [
        "The vote was close.\n\n''It's a turning point for the county,'' said Jane Roe, a lawyer who "
        "endorsed the plan on Monday. ''Nobody expected the measure to pass so easily.''",
        "The vote was close.\n\n''We were not ready for this,'' said Mark Hill, a farmer who opposed "
        "the dam for years. ''Now the river is gone and so is the town.''",
    ],
)
def test_a_cue_in_the_speakers_relative_clause_does_not_introduce_the_next_quote(nlp, text):
    # The parser hangs the next quote's opening marks on the cue sentence, so the verb of
    # "who endorsed …" was read as that quote's cue.
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "said"
    assert len(q["content"]) == 2


@pytest.mark.parametrize("marks", [("''", "''"), ("“", "”")])
def test_a_quote_after_a_lead_in_phrase_continues_the_quote_before(nlp, marks):
    o, c = marks
    text = (
        f"The vote was close.\n\n{o}It was a long night,{c} said Tom Reed, a county clerk in Ohio. "
        f"Unless the recount changes the totals, {o}we will certify the result on Friday.{c}"
    )
    _, q = _one(nlp, text)
    assert [_of(text, s) for s in q["content"]] == ["It was a long night,", "we will certify the result on Friday."]
    assert _of(text, q["speaker_mention"]) == "Tom Reed, a county clerk in Ohio"


def test_a_lead_in_after_a_paragraph_break_is_not_a_continuation(nlp):
    # A new paragraph with its own cue ("characterized X as, “…”") is another report.
    text = (
        "“I thought he was very effective tonight,” he said.\n\n"
        "However, he characterized the governor as, “a little desperate there, jumping in all the time.”"
    )
    quotes = [q for q in nlp(text)._.dl_quotes if q["kind"] != "partial"]
    assert all(len(q["content"]) == 1 for q in quotes)


@pytest.mark.parametrize("marks", [("''", "''"), ("“", "”")])
def test_a_continuation_that_runs_on_into_its_sentence_keeps_the_words_after_it(nlp, marks):
    o, c = marks
    text = (
        f"The plan was published on Monday.\n\n{o}It's more a tweak than a reform,{c} said Ann Lee, an "
        f"economist at a policy center in Boston. {o}There is nothing here that makes the code simpler. "
        f"It is mostly a tax increase{c} for the top earners.\n\nThe vote is next week."
    )
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "said"
    assert _of(text, q["content"][-1]).endswith(f"a tax increase{c} for the top earners")


def test_a_quote_running_on_after_a_cue_of_its_own_is_its_own_report(nlp):
    text = (
        "The plan was published on Monday.\n\n''We can still win the state,'' said Tad Moore, a campaign "
        "adviser. Still, Mr. Moore acknowledged, ''we are going to need some big wins at the end'' of the season."
    )
    cues = {_of(text, q["cue"]): len(q["content"]) for q in nlp(text)._.dl_quotes if q["kind"] != "partial"}
    assert cues == {"said": 1, "acknowledged": 1}


def test_a_quote_after_a_conjunction_in_the_next_sentence_continues_the_quote_before(nlp):
    text = (
        "The vote was close.\n\n“I don’t think one endorsement decides it,” he said outside the hall. "
        "But “an endorsement from the governor would help the campaign a great deal.”"
    )
    _, q = _one(nlp, text)
    assert len(q["content"]) == 2


def test_a_straight_marked_narration_paragraph_after_curly_quotes_is_not_the_speaker_going_on(nlp):
    # Breitbart's text opens each paragraph of a block quote from another writer with a
    # straight mark; the words of that writer's narration are not the quoted woman's.
    text = (
        "The article describes the rally in detail:\n\n“Here comes the boss,” she said, clapping. "
        '“The boss is here.”\n\n"Her husband was asleep.\n\n“Look, he is here,” she said. '
        '“The boss is here, honey.”\n\n"The candidate walked onto the stage.\n'
    )
    doc = nlp(text)
    said = [q for q in doc._.dl_quotes if q["cue"] and _of(text, q["cue"]) == "said"]
    assert [[_of(text, s) for s in q["content"]] for q in said] == [
        ["Here comes the boss,", "The boss is here."],
        ["Look, he is here,", "The boss is here, honey."],
    ]


def test_a_quote_opened_straight_and_closed_curly_continues_the_quote_before(nlp):
    # Writers mix straight and curly marks: “A," said X. "B.” is still one quote in two parts.
    text = (
        '“Our roads are crumbling and our schools are crowded," the mayor said. '
        '"Families want us to fix both before we spend a dime on the stadium.”'
    )
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "said"
    assert [_of(text, c) for c in q["content"]] == [
        "Our roads are crumbling and our schools are crowded,",
        "Families want us to fix both before we spend a dime on the stadium.",
    ]


def test_a_straight_mark_inside_a_sentence_is_not_closed_by_a_curly_one(nlp):
    # "dismissed the reports as "…”": the mark opens mid-sentence; pairing it with the curly
    # one made "dismissed" a cue of its own and cut the report of "said".
    text = 'The lawyer said the claim was false and dismissed the reports as "old and misread gossip.”'
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "said"
    assert _of(text, q["content"][0]).startswith("the claim was false")


def test_a_closing_mark_typed_as_an_opening_one_still_closes_the_quote(nlp):
    text = "The hearing ran late.\n\n“It is highly unusual,“ said the lawyer. “It is a hard thing to pull off.”"
    _, q = _one(nlp, text)
    assert _of(text, q["cue"]) == "said"
    assert [_of(text, c) for c in q["content"]] == ["It is highly unusual,", "It is a hard thing to pull off."]


@pytest.mark.parametrize(
    "text",
    [
        "''We will open the new wing in the spring,'' the director continued, referring to plans for "
        "''a reading room and a café.''",
        "“The river has never been this low,” the ranger said, reasoning that the dam upstream had "
        "“held back far more water than anyone planned.”",
    ],
)
def test_a_quotation_inside_a_clause_after_the_cue_does_not_go_on_the_quote_before(nlp, text):
    # "“A,” she said, referring to … “B.”": B sits in the participle's clause after the cue, not
    # in the speaker's words going on (PolNeAR, train: the quote before ends at its mark).
    quotes = [q for q in nlp(text)._.dl_quotes if q["kind"] != "partial"]
    first = next(q for q in quotes if q["content"][0][0] < 5)
    assert len(first["content"]) == 1
    assert _of(text, first["content"][0]).startswith(("We will open", "The river has"))
