"""The verb-frame lexicon (``lexicon/speech_frames.tsv``): well-formed rows, each content slot
kind working in a sentence of our own, and the same verbs outside their frame reporting nothing."""

from __future__ import annotations

from importlib import resources

import pytest

from dateline.nlp.quotes_frames import CONTENTS, load_frames
from tests.quote_helpers import reported as _reported

CLASSES = {"speech", "belief", "intent", "evidence", "stance", "appearance"}


def _rows() -> list[list[str]]:
    text = resources.files("dateline.lexicon").joinpath("speech_frames.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t")[:4] == ["verb", "frame", "content", "class"]
    return [line.split("\t") for line in lines[1:]]


def test_rows_are_well_formed_and_unique():
    seen = set()
    for row in _rows():
        assert len(row) >= 4, row
        verb, frame, content, cls = row[:4]
        assert verb == verb.strip().lower() and " " not in verb, row
        assert content in CONTENTS and cls in CLASSES, row
        words = frame.split()
        assert words and words == [w.lower() for w in words], row
        if content in ("object", "rest"):
            assert "object" in words, f"content {content!r} needs an object in {row}"
        if content not in ("object", "rest"):
            assert words[-1] != "object", f"content {content!r} needs a preposition last in {row}"
        assert (verb, frame) not in seen, f"duplicate row {verb!r} {frame!r}"
        seen.add((verb, frame))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # content = prep: the preposition's object; the cue runs to the preposition
        (
            "The governor commented on the ruling after the vote in Albany.",
            ("the ruling", "commented on", "The governor"),
        ),
        # a particle, then the preposition
        (
            "Two former judges weighed in on the dispute over the county budget.",
            ("the dispute over the county budget", "weighed in on", "Two former judges"),
        ),
        # content = object
        (
            "The new mayor articulated a plan for cheaper buses.",
            ("a plan for cheaper buses", "articulated", "The new mayor"),
        ),
        # an object, then the preposition whose object is the content (a stance)
        (
            "The senator distanced himself from the pipeline deal on Friday.",
            ("the pipeline deal", "distanced himself from", "The senator"),
        ),
        # content = phrase: the preposition and its object; the one reminded is not said
        (
            "The governor reminded the voters of the flood damage in the valley.",
            ("of the flood damage in the valley", "reminded", "The governor"),
        ),
        # a speech verb whose object is a thing: the words urged
        (
            "The police chief urged restraint after the riot.",
            ("restraint", "urged", "The police chief"),
        ),
        # content = span: from the first preposition's object to the end of the last phrase
        (
            "Several senators have referred to the plan as a tax increase.",
            ("the plan as a tax increase", "have referred to", "Several senators"),
        ),
        # an attitude toward an object: a stance whose content is the object
        (
            "Many farmers despise the new water rules.",
            ("the new water rules", "despise", "Many farmers"),
        ),
        # content = span after an object: the one described, and what it is called
        (
            "The mayor painted the new stadium tax as a gift to developers.",
            ("the new stadium tax as a gift to developers", "painted", "The mayor"),
        ),
        (
            "The union singled out the pension cuts as the worst part of the budget.",
            ("the pension cuts as the worst part of the budget", "singled out", "The union"),
        ),
        (
            "The governor weighed in Friday about whether the report should be published.",
            ("whether the report should be published", "weighed in Friday about", "The governor"),
        ),
        (
            "The two ministers sparred over the price of grain.",
            ("the price of grain", "sparred over", "The two ministers"),
        ),
        # content = rest: the object and the verb's later phrases, up to a comma
        (
            "The inspector described a kitchen full of broken pipes in his report, adding nothing.",
            ("a kitchen full of broken pipes in his report", "described", "The inspector"),
        ),
    ],
)
def test_a_verb_in_its_frame_reports_the_slot(nlp, text, expected):
    assert expected in _reported(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The manager opened the door and walked into the hall.",  # "open" without "up about"
        "The nurse touched the screen twice before the alarm stopped.",  # "touch" without "on"
        "The farmers weighed the apples on an old scale.",  # "weigh" without "in on"
        "The driver stood in the rain by the bus for an hour.",  # "by" is not the next preposition
        "The mayor urged Congress again on Monday.",  # a speech verb's named object is its hearer
        "The governor urged the senators on Tuesday.",  # a role noun object is a hearer too
        "The clerk referred to the manual before answering.",  # "refer to" without "as"
        "The children painted the fence on Saturday.",  # "paint" without "as"
        "The officer identified the car from its plate.",  # "identify" without "as"
        "The boxers sparred for three rounds.",  # "spar" without "over"
    ],
)
def test_the_same_verb_outside_its_frame_reports_nothing(nlp, text):
    assert _reported(nlp, text) == []


def test_frames_are_loaded_once():
    assert load_frames() is load_frames()
    assert load_frames()["comment"][0].words == ("on",)


def test_maintain_reports_only_its_clause(nlp):
    # "maintained that …" asserts; "maintains a lead" keeps something, and says nothing.
    assert _reported(nlp, "The campaign maintains a wide lead among older voters.") == []
    text = "The senator maintained that the vote had been fair."
    assert ("the vote had been fair", "maintained", "The senator") in _reported(nlp, text)
