"""Scoring Dateline's quotes against PolNeAR, as ``../shared/data/README.md`` describes.

Metrics, each split direct / indirect (gold: Content with quotation marks at its edges is
direct; predicted: ``direct``/``mixed`` quotes are direct):

- GenderGapTracker-style quote match at τ 0.3 and 0.8 (greedy; a predicted quote matches a
  gold one when it covers more than τ of the gold Content's characters), plus speaker match;
- CofeNet-style per-role exact span F1 (Source, Cue, Content; content strict and normalised);
- who-said-what: Content IoU ≥ 0.5 and the right speaker mention (and, leniently, the right
  speaker entity).

``partial`` quotes are left out: each is a piece of a reported quote we already emit, and
PolNeAR annotates the enclosing attribution only.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluate.polnear import QUOTE_MARKS, GoldArticle, read_split
from dateline.records import Article, Extraction, Quote, content_hash

Span2 = tuple[int, int]
SPLITS = ("all", "direct", "indirect")
# Edge punctuation; edge spaces (any Unicode space) are stripped by isspace() in normalise.
_STRIP = QUOTE_MARKS + ".,;:!?—–-"


@dataclass
class Counts:
    """Matches counted from both sides, so a split by kind stays a true P/R pair:
    ``tp_p`` predictions of this split that matched, ``tp_r`` gold items of this split that did."""

    tp_p: int = 0
    tp_r: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp_p / self.n_pred if self.n_pred else 0.0
        r = self.tp_r / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": self.n_gold, "pred": self.n_pred}


@dataclass
class Board:
    """All counters of one evaluation, keyed ``metric -> split``."""

    counts: dict[str, dict[str, Counts]] = field(default_factory=dict)
    speaker: dict[str, dict[str, list[int]]] = field(default_factory=dict)  # metric -> split -> [hits, matched]

    def c(self, metric: str, split: str) -> Counts:
        return self.counts.setdefault(metric, {}).setdefault(split, Counts())

    def spk(self, metric: str, split: str) -> list[int]:
        return self.speaker.setdefault(metric, {}).setdefault(split, [0, 0])

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for metric, splits in self.counts.items():
            out[metric] = {s: splits[s].prf() for s in SPLITS if s in splits}
            for s, (hits, matched) in self.speaker.get(metric, {}).items():
                out[metric][s]["speaker_match"] = round(hits / matched, 4) if matched else 0.0
        return out


@dataclass(frozen=True)
class Pred:
    content: Span2  # hull
    cue: Span2 | None
    source: Span2 | None
    speaker: str | None
    direct: bool


def predictions(extraction: Extraction) -> list[Pred]:
    return [_pred(q) for q in extraction.quotes if q.kind != "partial"]


def _pred(q: Quote) -> Pred:
    hull = (q.content[0].start, q.content[-1].end)
    cue = (q.cue.start, q.cue.end) if q.cue else None
    src = (q.speaker_mention.start, q.speaker_mention.end) if q.speaker_mention else None
    return Pred(hull, cue, src, q.speaker, q.kind in ("direct", "mixed"))


def gold_is_direct(text: str, content: Span2) -> bool:
    words = text[content[0] : content[1]].strip()
    if words[:5].lower() == "that ":
        words = words[5:].lstrip()
    return bool(words) and (words[0] in QUOTE_MARKS or words[-1] in QUOTE_MARKS)


def normalise(text: str, span: Span2) -> Span2:
    """Span without edge quotation marks, punctuation, spaces and a leading "that"."""
    s, e = span
    while True:
        before = (s, e)
        while s < e and (text[s] in _STRIP or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _STRIP or text[e - 1].isspace()):
            e -= 1
        if text[s : s + 4].lower() == "that" and e - s > 5 and text[s + 4].isspace():
            s += 5
        if (s, e) == before:
            return s, e


def _overlap(a: Span2, b: Span2) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _hull(spans: tuple[Span2, ...]) -> Span2:
    return (min(s for s, _ in spans), max(e for _, e in spans))


def _splits(direct: bool) -> tuple[str, str]:
    return ("all", "direct" if direct else "indirect")


def score_article(gold: GoldArticle, preds: list[Pred], board: Board, entity_at: Any = None) -> None:
    """Add one article's counts to ``board``. ``entity_at(start, end)`` resolves a gold source
    mention to one of our entities, for the lenient who-said-what variant."""
    text = gold.text
    golds = [(a, a.content_hull(), gold_is_direct(text, a.content_hull())) for a in gold.attributions]
    gsrc = [_hull(a.source) if a.source else None for a, _, _ in golds]

    def speaker_ok(gi: int, q: Pred, lenient: bool = False) -> bool:
        src = gsrc[gi]
        if src is None or q.source is None:
            return src is None and q.source is None
        if _overlap(src, q.source) > 0:
            return True
        return bool(lenient and entity_at and q.speaker and entity_at(*src) == q.speaker)

    def tally(metric: str, matches: list[tuple[int, int]]) -> None:
        for _, _, direct in golds:
            for split in _splits(direct):
                board.c(metric, split).n_gold += 1
        for q in preds:
            for split in _splits(q.direct):
                board.c(metric, split).n_pred += 1
        for gi, k in matches:
            for split in _splits(golds[gi][2]):
                board.c(metric, split).tp_r += 1
            for split in _splits(preds[k].direct):
                board.c(metric, split).tp_p += 1

    # GGT-style: greedy, each gold to the unused prediction covering most (> tau) of it.
    for tau in (0.3, 0.8):
        metric = f"ggt@{tau}"
        used: set[int] = set()
        matches: list[tuple[int, int]] = []
        for gi, (_, hull, direct) in enumerate(golds):
            glen = max(1, hull[1] - hull[0])
            best: tuple[float, int] | None = None
            for k, q in enumerate(preds):
                cov = _overlap(hull, q.content) / glen
                if k not in used and cov > tau and (best is None or cov > best[0]):
                    best = (cov, k)
            if best is None:
                continue
            used.add(best[1])
            matches.append((gi, best[1]))
            for split in _splits(direct):
                spk = board.spk(metric, split)
                spk[1] += 1
                spk[0] += speaker_ok(gi, preds[best[1]])
        tally(metric, matches)
    # Who said what: content IoU >= .5 and the right speaker mention (or, leniently, entity).
    for metric, lenient in (("who_said_what", False), ("who_said_what_entity", True)):
        used = set()
        matches = []
        for gi, (_, hull, _) in enumerate(golds):
            for k, q in enumerate(preds):
                if k in used:
                    continue
                inter = _overlap(hull, q.content)
                union = (hull[1] - hull[0]) + (q.content[1] - q.content[0]) - inter
                if union and inter / union >= 0.5 and speaker_ok(gi, q, lenient):
                    used.add(k)
                    matches.append((gi, k))
                    break
        tally(metric, matches)
    # Per-role exact spans, document level (a role's kind is its attribution's content kind).
    roles: dict[str, tuple[list[tuple[Span2 | None, bool]], list[tuple[Span2 | None, bool]]]] = {
        "exact_source": (
            [(s, d) for s, (_, _, d) in zip(gsrc, golds, strict=True)],
            [(q.source, q.direct) for q in preds],
        ),
        "exact_cue": ([(_hull(a.cue) if a.cue else None, d) for a, _, d in golds], [(q.cue, q.direct) for q in preds]),
        "exact_content_strict": ([(h, d) for _, h, d in golds], [(q.content, q.direct) for q in preds]),
        "exact_content_norm": (
            [(normalise(text, h), d) for _, h, d in golds],
            [(normalise(text, q.content), q.direct) for q in preds],
        ),
    }
    for metric, (gs, ps) in roles.items():
        gset = {s: d for s, d in gs if s is not None}
        pset = {s: d for s, d in ps if s is not None}
        for span, direct in gset.items():
            for split in _splits(direct):
                c = board.c(metric, split)
                c.n_gold += 1
                c.tp_r += span in pset
        for span, direct in pset.items():
            for split in _splits(direct):
                c = board.c(metric, split)
                c.n_pred += 1
                c.tp_p += span in gset


@dataclass
class Report:
    split: str
    articles: int
    seconds: float
    metrics: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"split": self.split, "articles": self.articles, "seconds": round(self.seconds, 2), **self.metrics}


def evaluate(golds: list[GoldArticle], extractions: Iterable[Extraction], split: str = "dev") -> Report:
    """Score extractions (in the same order as ``golds``) against PolNeAR gold."""
    board = Board()
    started = time.perf_counter()
    n = 0
    for gold, extraction in zip(golds, extractions, strict=True):
        index = _EntityIndex(extraction)
        score_article(gold, predictions(extraction), board, index.entity_at)
        n += 1
    return Report(split, n, time.perf_counter() - started, board.as_dict())


class _EntityIndex:
    def __init__(self, extraction: Extraction) -> None:
        self.rows = [(m.start, m.end, e.id) for e in extraction.entities for m in e.mentions]

    def entity_at(self, start: int, end: int) -> str | None:
        best = max(((min(e, end) - max(s, start), ent) for s, e, ent in self.rows), default=(0, None))
        return best[1] if best[0] > 0 else None


def evaluate_polnear(nlp: Any, root: Path, split: str = "dev", limit: int | None = None) -> Report:
    """Parse the PolNeAR ``split`` with ``nlp`` and score its quotes (``root`` = the polnear folder)."""
    from dateline.core import extract_many  # evaluate sits right of core in the flow

    golds = read_split(root, split, limit)
    articles = [Article(id=content_hash(g.text), text=g.text, fetched_from=g.name) for g in golds]
    started = time.perf_counter()
    report = evaluate(golds, extract_many(articles, nlp), split)
    report.seconds = time.perf_counter() - started
    return report
