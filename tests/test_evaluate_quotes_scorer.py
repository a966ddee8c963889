"""The PolNeAR reader and scorer on a brat file written here (no PolNeAR text needed)."""

from __future__ import annotations

from dateline.evaluate.polnear import GoldArticle, parse_ann
from dateline.evaluate.quotes import Board, Pred, gold_is_direct, normalise, score_article

TEXT = "“We will win,” the senator said. Aides said that the vote was close."
ANN = """T1\tContent 0 14\t“We will win,”
T2\tSource 15 26\tthe senator
T3\tCue 27 31\tsaid
T4\tAttribution 27 31\tsaid
E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
#1\tAnnotatorNotes T1\ta note
T5\tSource 33 37\tAides
T6\tCue 38 42\tsaid
T7\tContent 43 67\tthat the vote was close
T8\tAttribution 38 42\tsaid
E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5
T9\tDiscard 0 3\t“We
H
"""


def test_reader_keeps_relations_and_skips_noise():
    attrs = list(parse_ann(ANN))
    assert [a.content for a in attrs] == [((0, 14),), ((43, 67),)]
    assert attrs[0].source == ((15, 26),) and attrs[1].cue == ((38, 42),)


def test_normalise_strips_marks_that_and_punctuation():
    assert TEXT[slice(*normalise(TEXT, (0, 14)))] == "We will win"
    assert TEXT[slice(*normalise(TEXT, (43, 67)))] == "the vote was close"
    assert gold_is_direct(TEXT, (0, 14)) and not gold_is_direct(TEXT, (43, 67))


def test_normalise_strips_every_kind_of_edge_space():
    # The README strips edge spaces; a no-break space after a closing mark (common in web copy,
    # and inside some gold spans) is one, and so is the one after a leading "that".
    text = "He told aides that\xa0the plan would \u201cwork.\u201d\xa0Then he left."
    assert text[slice(*normalise(text, (14, 42)))] == "the plan would \u201cwork"


def test_scores_split_direct_and_indirect():
    gold = GoldArticle("x", TEXT, tuple(parse_ann(ANN)))
    preds = [
        Pred(content=(1, 12), cue=(27, 31), source=(15, 26), speaker=None, direct=True),  # right
        Pred(content=(48, 67), cue=(38, 42), source=(0, 3), speaker=None, direct=False),  # wrong speaker
    ]
    board = Board()
    score_article(gold, preds, board)
    out = board.as_dict()
    assert out["ggt@0.3"]["all"]["f1"] == 1.0
    assert out["ggt@0.3"]["direct"]["speaker_match"] == 1.0
    assert out["ggt@0.3"]["indirect"]["speaker_match"] == 0.0
    assert out["who_said_what"]["all"]["r"] == 0.5
    assert out["exact_content_strict"]["all"]["f1"] == 0.0
    assert out["exact_content_norm"]["direct"]["f1"] == 1.0
    assert out["exact_cue"]["all"]["f1"] == 1.0
