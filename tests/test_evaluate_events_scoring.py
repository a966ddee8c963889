"""The PLOVER scorer's matching rules on hand-made records (no model involved)."""

from __future__ import annotations

from dateline.evaluate.events import PloverReport, _score_sentence, code_root
from dateline.records import Event, Span


def gold(kind: str, actors: list[str], recipients: list[str], reciprocal: bool = False) -> dict:
    return {
        "event_v2": kind,
        "actors": [{"code": c, "sector": c[3:] or None} for c in actors],
        "recipients": [{"code": c, "sector": c[3:] or None} for c in recipients],
        "reciprocal": reciprocal,
    }


def event(kind: str, source: tuple[str, ...] = (), target: tuple[str, ...] = ()) -> Event:
    return Event(id="v1", type=kind, evidence=Span(0, 1), source_codes=source, target_codes=target)


def test_code_roots_fold_igos_and_sectors():
    assert code_root("IRNMIL") == "IRN" and code_root("UN") == "IGO" and code_root("IGOGOV") == "IGO"


def test_types_match_as_multisets_and_leftovers_are_confusions():
    report = PloverReport()
    sentence = {"text": "t", "events": [gold("ASSAULT", ["EGYCOP"], ["EGY"]), gold("COERCE", ["EGYCOP"], ["EGY"])]}
    _score_sentence(report, sentence, [event("ASSAULT", ("EGYCOP",), ("EGYCVL",)), event("REQUEST")])
    assert report.per_type["ASSAULT"].tp == 1
    assert report.per_type["COERCE"].fn == 1 and report.per_type["REQUEST"].fp == 1
    assert report.confusion[("COERCE", "REQUEST")] == 1
    assert report.micro.precision == 0.5 and report.micro.recall == 0.5


def test_actor_codes_lenient_and_strict():
    report = PloverReport()
    _score_sentence(
        report,
        {"text": "t", "events": [gold("SANCTION", ["USA"], ["AFG", "PAK"])]},
        [event("SANCTION", ("USAGOV",), ("AFG",))],
    )
    scores = report.actor_scores()
    assert scores["source_lenient"] == 1.0 and scores["source_strict"] == 1.0
    assert scores["target_lenient"] == 1.0 and scores["target_strict"] == 0.0


def test_reciprocal_events_compare_parties_unordered():
    report = PloverReport()
    _score_sentence(
        report,
        {"text": "t", "events": [gold("AGREE", ["JOR", "GBR"], [], reciprocal=True)]},
        [event("AGREE", ("GBR",), ("JOR",))],
    )
    assert report.actor_scores()["strict"] == 1.0
