"""Cue and frame rows added for cues PolNeAR marks that the lexicon lacked (praise, contempt,
wishes, intentions, nominations), each in a sentence of our own, by class; and the same verbs
outside the frame or class that makes them a report giving nothing."""

from __future__ import annotations

import pytest

from tests.quote_helpers import reported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stance verbs: the content is the object (or, in the passive, the subject)
        (
            "The senator extolled the virtues of the new rail line.",
            ("the virtues of the new rail line", "extolled", "The senator"),
        ),
        (
            "The young striker has long admired the club's old captain.",
            ("the club's old captain", "has long admired", "The young striker"),
        ),
        (
            "The new rules are reviled by many farmers in the valley.",
            ("The new rules", "are reviled by", "many farmers in the valley"),
        ),
        # intent verbs: the to-clause, or what is contemplated
        (
            "Both teams strive to keep their training sessions private.",
            ("to keep their training sessions private", "strive", "Both teams"),
        ),
        (
            "The governor would like to finish the bridge before the winter.",
            ("to finish the bridge before the winter", "would like", "The governor"),
        ),
        (
            "The mayor contemplated a second run for the office.",
            ("a second run for the office", "contemplated", "The mayor"),
        ),
        # frame rows: "nominate X for Y" (the span), "shrug off X" (the object)
        (
            "The party nominated the former governor for the Senate seat.",
            ("the former governor for the Senate seat", "nominated", "The party"),
        ),
        (
            "The governor shrugged off the attacks from his rivals.",
            ("the attacks from his rivals", "shrugged off", "The governor"),
        ),
    ],
)
def test_new_rows_report(nlp, text, expected):
    assert reported(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # "like" is a wish only with a to-clause: liking a thing is no report
        "The coach likes fresh bread with his soup.",
        # "nominate" reports only with "for": a count of nominees is no report
        "The party nominated three candidates.",
    ],
)
def test_the_same_verbs_outside_their_frame_report_nothing(nlp, text):
    assert reported(nlp, text) == []
