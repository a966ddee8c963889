"""A report in a relative clause on a cue verb's object moves to that verb (PolNeAR's outer
attribution), through the real model and pipeline."""

from __future__ import annotations

import pytest

from tests.quote_helpers import all_quotes as _quotes
from tests.quote_helpers import span_text as _of


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        (
            "Officials doubted the reports that claimed thousands had fled the city.",
            "doubted",
            "the reports that claimed thousands had fled the city",
            "Officials",
        ),
        (
            "Many voters believed the rumors that said the factory would close.",
            "believed",
            "the rumors that said the factory would close",
            "Many voters",
        ),
        (
            "He apparently believed the online polls that showed him winning every debate.",
            "apparently believed",
            "the online polls that showed him winning every debate",
            "He",
        ),
    ],
)
def test_relative_report_on_an_object_moves_to_the_outer_verb(nlp, text, cue, content, speaker):
    quotes = _quotes(nlp, text)
    assert [(_of(text, q["cue"]), _of(text, q["content"][0]), _of(text, q["speaker_mention"])) for q in quotes] == [
        (cue, content, speaker)
    ]


def test_time_the_report_was_made_is_no_object(nlp):
    # "at the time that …" says when the newspaper reported, not what: the inner report stays.
    text = "The newspaper reported at the time that the minister told aides the plan was dead."
    assert [_of(text, q["cue"]) for q in _quotes(nlp, text)] == ["told"]
