"""Quality floor on naeb-dev: ours against plain trafilatura on the same pages, in one run.

Floors sit just under today's figures (F1 0.9239 vs trafilatura 0.9148, dates 70/82) and only move up.
"""

from __future__ import annotations

from dateline.evaluate.extraction import body_precision_recall, evaluate_extraction


def test_scorer_counts_4gram_multisets() -> None:
    gold = "one two three four five six"
    assert body_precision_recall(gold, gold) == (1.0, 1.0)
    assert body_precision_recall("", gold) == (None, 0.0)
    precision, recall = body_precision_recall("one two three four five seven", gold)  # type: ignore[misc]
    assert (precision, recall) == (2 / 3, 2 / 3)  # 2 of 3 four-grams shared


def test_extraction_beats_plain_trafilatura_on_naeb_dev(shared_data) -> None:
    ours, plain = evaluate_extraction(shared_data / "extraction" / "naeb-dev")
    assert ours.name == "dateline" and plain.name == "trafilatura"
    assert ours.f1 >= plain.f1
    assert ours.f1 >= 0.92
    assert ours.date_accuracy >= 0.85
    assert ours.titles_right >= plain.titles_right
    assert ours.authors_right >= plain.authors_right
