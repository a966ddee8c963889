"""Scoring event coding on the PLOVER gold records and the PETRARCH2 unit-test sentences.

Owns reading ``events/plover-dev/plover_dev.jsonl`` and ``events/petrarch2-unittest/``
and scoring Dateline's extractions against them as ``shared/data/README.md`` describes:

- PLOVER: each sentence is extracted from its text alone (through ``core.extract_many``).
  Records sharing a text are one sentence with several gold events. Types are matched as
  multisets per sentence → micro and macro P/R/F1 over the 16 types, and a confusion matrix
  (left-over gold and predicted events of one sentence are paired in order; ``-`` is none).
  Actor codes are scored on each gold event paired with a prediction (same type first): on
  the code roots (country ISO3, ``IGO`` for intergovernmental bodies), lenient = any overlap,
  strict = equal sets, reciprocal events compared unordered; sectors separately.
- PETRARCH2: a syntax regression only (its actors are fictional): per sentence, the set of
  CAMEO roots (``04``, ``19``…) Dateline codes against the expected roots in 01–20; a
  sentence expecting no event passes when nothing is coded. Its validation dictionaries are
  read here only, to report which expected verbs are phrasal patterns.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from dateline.core import extract_many
from dateline.errors import ConfigError
from dateline.nlp.actors import is_igo
from dateline.nlp.event_lexicon import PLOVER_TYPES
from dateline.records import Article, Event, short_id

NONE = "-"
# Gold codes that name a kind of actor rather than a country (PLOVER gold: "IGO", "NGO", "IMG").
_NON_STATE = ("IGO", "NGO", "IMG", "MNC")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class PloverReport:
    sentences: int = 0
    gold_events: int = 0
    predicted_events: int = 0
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in PLOVER_TYPES})
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    actor: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.per_type.values():
            total.tp += prf.tp
            total.fp += prf.fp
            total.fn += prf.fn
        return total

    @property
    def macro(self) -> dict[str, float]:
        scores = list(self.per_type.values())
        n = len(scores)
        return {
            "precision": round(sum(s.precision for s in scores) / n, 4),
            "recall": round(sum(s.recall for s in scores) / n, 4),
            "f1": round(sum(s.f1 for s in scores) / n, 4),
        }

    def actor_scores(self) -> dict[str, Any]:
        a = self.actor
        share = lambda k, n: round(a[k] / a[n], 4) if a[n] else None  # noqa: E731
        return {
            "paired_events": a["pairs"],
            "source_lenient": share("source_lenient", "source_n"),
            "source_strict": share("source_strict", "source_n"),
            "target_lenient": share("target_lenient", "target_n"),
            "target_strict": share("target_strict", "target_n"),
            "lenient": share("lenient", "both_n"),
            "strict": share("strict", "both_n"),
            "sector": share("sector_ok", "sector_n"),
            "lenient_type_matched": share("lenient_tm", "both_tm"),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "micro": self.micro.as_dict(),
            "macro": self.macro,
            "per_type": {t: prf.as_dict() for t, prf in self.per_type.items()},
            "confusion": [
                {"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(self.confusion.items()) if g != p
            ],
            "actors": self.actor_scores(),
        }


def code_root(code: str) -> str:
    """``IRNMIL`` -> ``IRN``; an IGO code (``UN``, ``NATO``) or gold ``IGOxxx`` -> ``IGO``."""
    code = code.strip()
    if is_igo(code) or code.startswith("IGO"):
        return "IGO"
    return code[:3]


def code_sector(code: str) -> str | None:
    if is_igo(code):
        return None
    sector = code[3:6]
    return sector if sector and sector != "***" else None


def load_plover(data: Path) -> list[dict[str, Any]]:
    """Gold records grouped by sentence text: ``[{"text", "events": [record, ...]}]``."""
    path = data / "events" / "plover-dev" / "plover_dev.jsonl"
    if not path.is_file():
        raise ConfigError(f"PLOVER gold records not found at {path}; pass --data pointing at shared/data")
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                grouped[row["text"].strip().strip("{}").strip()].append(row)
    return [{"text": text, "events": rows} for text, rows in grouped.items()]


def _extract_events(texts: list[str], nlp: Language) -> list[tuple[Event, ...]]:
    articles = [Article(id=short_id(t), text=t) for t in texts]
    return [x.events for x in extract_many(articles, nlp, batch_size=64)]


def score_plover(data: Path, nlp: Language, *, limit: int | None = None) -> PloverReport:
    sentences = load_plover(data)[:limit]
    predicted = _extract_events([s["text"] for s in sentences], nlp)
    report = PloverReport(sentences=len(sentences))
    for sentence, events in zip(sentences, predicted, strict=True):
        _score_sentence(report, sentence, list(events))
    return report


def _score_sentence(report: PloverReport, sentence: dict[str, Any], events: list[Event]) -> None:
    gold = list(sentence["events"])
    report.gold_events += len(gold)
    report.predicted_events += len(events)
    left_pred = list(events)
    pairs: list[tuple[dict[str, Any], Event | None, bool]] = []
    left_gold = []
    for g in gold:
        match = next((p for p in left_pred if p.type == g["event_v2"]), None)
        if match is not None:
            left_pred.remove(match)
            report.per_type[g["event_v2"]].tp += 1
            report.confusion[(g["event_v2"], g["event_v2"])] += 1
            pairs.append((g, match, True))
        else:
            left_gold.append(g)
    for i, g in enumerate(left_gold):
        report.per_type[g["event_v2"]].fn += 1
        p = left_pred[i] if i < len(left_pred) else None
        report.confusion[(g["event_v2"], p.type if p else NONE)] += 1
        pairs.append((g, p, False))
        report.misses.append({"text": sentence["text"], "gold": g["event_v2"], "predicted": [e.type for e in events]})
    for p in left_pred:
        report.per_type[p.type].fp += 1
    for p in left_pred[len(left_gold) :]:
        report.confusion[(NONE, p.type)] += 1
        report.misses.append({"text": sentence["text"], "gold": NONE, "predicted": [e.type for e in events]})
    for g, p, type_matched in pairs:
        _score_actors(report.actor, g, p, type_matched)


def _roots(codes: Iterable[str]) -> set[str]:
    return {code_root(c) for c in codes if c and c.strip()}


def _score_actors(tally: Counter[str], gold: dict[str, Any], pred: Event | None, type_matched: bool) -> None:
    g_src = _roots(a["code"] for a in gold["actors"])
    g_tgt = _roots(a["code"] for a in gold["recipients"])
    p_src = _roots(pred.source_codes) if pred else set()
    p_tgt = _roots(pred.target_codes) if pred else set()
    if pred is not None:
        tally["pairs"] += 1
    if gold.get("reciprocal"):
        g_src, g_tgt = g_src | g_tgt, set()
        p_src, p_tgt = p_src | p_tgt, set()
    for role, g, p in (("source", g_src, p_src), ("target", g_tgt, p_tgt)):
        if not g:
            continue
        tally[f"{role}_n"] += 1
        tally[f"{role}_lenient"] += bool(g & p)
        tally[f"{role}_strict"] += g == p
    if g_src or g_tgt:
        lenient = (not g_src or bool(g_src & p_src)) and (not g_tgt or bool(g_tgt & p_tgt))
        tally["both_n"] += 1
        tally["lenient"] += lenient
        tally["strict"] += g_src == p_src and g_tgt == p_tgt
        if type_matched:
            tally["both_tm"] += 1
            tally["lenient_tm"] += lenient
    gold_sectors = {s for a in gold["actors"] + gold["recipients"] if (s := (a.get("sector") or "")[:3]) and s != "***"}
    if gold_sectors:
        pred_sectors = {code_sector(c) for c in (pred.source_codes + pred.target_codes if pred else ())}
        tally["sector_n"] += 1
        tally["sector_ok"] += bool(gold_sectors & pred_sectors)


# -- PETRARCH2 unit tests ------------------------------------------------------------------


@dataclass
class PetrarchReport:
    sentences: int = 0
    passed_any: int = 0
    passed_exact: int = 0
    abstain_ok: int = 0
    abstain_n: int = 0
    by_category: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        n = self.sentences
        return {
            "sentences": n,
            "root_any_match": round(self.passed_any / n, 4) if n else None,
            "root_exact_match": round(self.passed_exact / n, 4) if n else None,
            "no_event_abstention": f"{self.abstain_ok}/{self.abstain_n}",
            "by_category": {
                c: f"{v['any']}/{v['n']}" for c, v in sorted(self.by_category.items(), key=lambda kv: kv[0])
            },
            "failed_ids": self.failed,
        }


def load_petrarch(data: Path) -> list[dict[str, Any]]:
    path = data / "events" / "petrarch2-unittest" / "petr_unittest_normalized.jsonl"
    if not path.is_file():
        raise ConfigError(f"PETRARCH2 unit tests not found at {path}; pass --data pointing at shared/data")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if not r.get("expected_error")]


def _expected_roots(row: dict[str, Any]) -> set[str]:
    roots = {e["eventcode"][:2] for e in row.get("events") or ()}
    return {r for r in roots if r.isdigit() and 1 <= int(r) <= 20}


def score_petrarch(data: Path, nlp: Language, *, limit: int | None = None) -> PetrarchReport:
    rows = load_petrarch(data)
    rows = [r for r in rows if r.get("noevents") or _expected_roots(r)][:limit]
    predicted = _extract_events([r["text"] for r in rows], nlp)
    report = PetrarchReport(sentences=len(rows))
    for row, events in zip(rows, predicted, strict=True):
        # CAMEO 01/02 are "no event" in PLOVER terms, and Dateline codes appeals (02) as REQUEST.
        expected = _expected_roots(row) - {"01", "02"} if not row.get("noevents") else set()
        got = {(e.cameo or "")[:2] for e in events} - {"01", "02", ""}
        if row.get("noevents") or not expected:
            report.abstain_n += 1
            ok = not got
            report.abstain_ok += ok
            exact = ok
        else:
            ok = bool(expected & got)
            exact = expected == got
        report.passed_any += ok
        report.passed_exact += exact
        cat = report.by_category[row["category"]]
        cat["n"] += 1
        cat["any"] += ok
        if not ok:
            report.failed.append(row["id"])
    return report
