"""A quoted sentence with no cue of its own after a report: the speaker's words going on
(PolNeAR's content holds both) after a report of speech, but not after a thought, an aim, an
impression or a record, whose quotation after it is someone else's or a document's."""

from __future__ import annotations

import pytest

from tests.quote_helpers import by_cue
from tests.quote_helpers import span_text as _of


def test_quoted_sentence_after_a_report_of_speech_goes_on_in_the_speakers_words(nlp):
    text = (
        "The harbour master said the new ferry would sail in May. "
        "“The yard has promised us two more crews for the summer.”"
    )
    q = by_cue(nlp, text, "said")
    assert [_of(text, c) for c in q["content"]] == [
        "the new ferry would sail in May",
        "The yard has promised us two more crews for the summer.",
    ]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The harbour master expects the new ferry to sail in May. "
            "“The yard has promised us two more crews for the summer.”",
            "expects",
            "the new ferry to sail in May",
        ),
        (
            "The harbour master wants the new ferry to sail in May. "
            "“The yard has promised us two more crews for the summer.”",
            "wants",
            "the new ferry to sail in May",
        ),
    ],
)
def test_quoted_sentence_after_a_thought_or_an_aim_is_not_its_words(nlp, text, cue, content):
    q = by_cue(nlp, text, cue)
    assert [_of(text, c) for c in q["content"]] == [content]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The mayor told the paper that the old plan “was a mess from the start,” adding, "
            "“We will not make that mistake twice in this town.”",
            "told",
            "We will not make that mistake twice in this town.",
        ),
        (
            "Mr. Hill said of the vote, ''We did not see it coming,'' adding that "
            "''the county will have to live with it for years.''",
            "said",
            "the county will have to live with it for years.",
        ),
    ],
)
def test_participle_after_a_closing_mark_introduces_the_next_words(nlp, text, first, second):
    # "“A,” adding, “B.”": "adding" is B's cue, not A's; A stays with the cue before it.
    assert "adding" not in " ".join(_of(text, c) for c in by_cue(nlp, text, first)["content"])
    assert [_of(text, c) for c in by_cue(nlp, text, "adding")["content"]] == [second]
