"""Quotes and the words that introduce or sign them: a cue with a long hearer ("told his radio
audience on Monday, “…”"), a dash line after a no-break space ("”\xa0― Name") and a report
whose content a quotation opens ("According to X, “… . …”") or that goes on past one ("said
that X “…,” and that Y"), and an inverted speaker the parser hung on a clause after the cue."""

from __future__ import annotations

import pytest

from tests.quote_helpers import only_quote as _one
from tests.quote_helpers import span_text as _of


def test_a_long_hearer_between_tell_and_the_quote(nlp):
    text = (
        "The mayor told a crowd of farmers in the town square on Monday, “We will rebuild the bridge "
        "before the winter. Nobody will be left behind.”"
    )
    _, q = _one(nlp, text)
    assert _of(text, q["content"][0]).endswith("Nobody will be left behind.")
    assert _of(text, q["speaker_mention"]) == "The mayor"


def test_dash_source_after_a_no_break_space(nlp):
    # Reader comments pasted from the web often put a no-break space before the dash.
    text = "“We need more parks in this city. The kids have nowhere to play.”\xa0― Maria Lopez\n"
    _, q = _one(nlp, text)
    assert _of(text, q["speaker_mention"]) == "Maria Lopez"


def test_a_report_the_quotation_opens_runs_to_its_closing_mark(nlp):
    text = (
        "The flood reached the town on Sunday.\n\nAccording to the mayor, “the bridge will be rebuilt "
        "before the winter. Nobody in this town will be left behind.”"
    )
    _, q = _one(nlp, text)
    assert _of(text, q["content"][-1]).endswith("Nobody in this town will be left behind.")


@pytest.mark.parametrize("marks", [("''", "''"), ("“", "”")])
def test_a_second_that_clause_after_a_quotation_goes_on_the_report(nlp, marks):
    o, c = marks
    text = (
        f"The mayor said that the old bridge {o}could not be saved,{c} and that a new one would be "
        "built by spring.\n\nThe vote is next week."
    )
    (q,) = [q for q in nlp(text)._.dl_quotes if q["kind"] != "partial"]
    assert _of(text, q["content"][-1]).endswith("a new one would be built by spring")


@pytest.mark.parametrize("marks", [("''", "''"), ("“", "”")])
def test_an_inverted_speaker_the_parser_made_a_clause_subject(nlp, marks):
    # "said [Robin Hale, half joking]": the parser reads the name as the subject of "joking".
    o, c = marks
    text = (
        f"The workers met on Monday.\n\n{o}I'm more at home with my hands than I am with a computer,{c} "
        "said Robin Hale, half joking. He has worked at the plant for years."
    )
    _, q = _one(nlp, text)
    assert q["kind"] == "direct"
    assert _of(text, q["speaker_mention"]) == "Robin Hale"


def test_a_second_quotation_after_and_then_goes_on_the_report(nlp):
    text = (
        "The candidate tells his backers at an Ohio rally to “go to your polling place and vote” and then "
        "“go pick some other place and go sit there with your friends and make sure it’s all on the level.”"
        "\n\nPolls open at seven."
    )
    (q,) = [q for q in nlp(text)._.dl_quotes if q["kind"] != "partial"]
    assert _of(text, q["content"][-1]).endswith("make sure it’s all on the level.")
