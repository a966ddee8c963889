"""Idioms built on "say" that report nobody's words: no quote on them, while the plain
report beside them stays."""

from __future__ import annotations

import pytest

from tests.quote_helpers import non_partial
from tests.quote_helpers import span_text as _of


@pytest.mark.parametrize(
    "text",
    [
        "It goes without saying that raising the fuel tax is unpopular with rural voters.",
        "Having said that, the council will meet again next week.",
        "That two senators joined the march so quickly says something about the mood in the capital.",
        "The rollout of the new ballots was bumpy, to say the least.",
        "Suffice it to say that the new ballots were not a success.",
        "The size of the crowd says a lot about the party's hopes in the state.",
    ],
)
def test_say_idioms_are_not_reports(nlp, text):
    assert non_partial(nlp, text) == []


def test_saying_little_about_a_topic_is_still_a_report(nlp):
    text = "The mayor and her aides haven't said much about how the new budget will be paid for."
    (q,) = non_partial(nlp, text)
    assert _of(text, q["content"][0]).startswith("much about how")
