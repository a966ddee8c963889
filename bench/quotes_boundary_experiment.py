"""Experiment (issue #3): how far would a learned content-boundary chooser take exact content?

Our quote rules find most PolNeAR quotes (GGT τ 0.3) but give ~290 dev quotes a content
whose normalised span differs from the gold one. This script measures whether a trained
model that re-chooses the start and the end of each predicted content could close the
exact-content gap, without touching ``src/``:

1. Parses PolNeAR train (840) and dev with the default pipeline (``quotes_errors.parsed``:
   DocBins cached under ``/tmp``, the quotes component runs on top) and takes our quotes.
2. For each predicted quote, generates candidate starts (ours ± a few tokens, the sentence
   start, after each comma/colon/dash/quotation mark, after the cue and its object/particle,
   the left edge of the cue's complements, after a subordinator) and candidate ends (ours ±
   a few tokens, the sentence end, the next sentence's end, before each comma/semicolon/
   dash/parenthesis/relative pronoun/quotation mark, before the cue, the right edge of the
   cue's complements), each normalised as the scorer normalises, and measures how often the
   gold start / end is among them (candidate-set recall, over quotes matched at τ 0.3).
3. Scores the start candidates and the end candidates of a quote separately with a
   conditional logit (softmax over one quote's candidates; L2; fitted with scipy's L-BFGS on
   hashed sparse features: boundary tokens' word/lemma/POS/dependency, the tokens around,
   punctuation, distance and direction from our rule's choice, the words a change would add
   or drop, the subtrees that start or stop at the boundary, the cue and speaker on either
   side, the cue lemma, the quote kind). Our span is overridden only when the best candidate
   beats ours by a margin. The feature set (two), the L2 weight (three) and the two margins
   (nine each) are chosen on train only (fit on articles 1–600, validate on 601–840); then
   the model is refitted on all 840 and applied ONCE to dev.
4. Prints, for the train-validation part and for dev: exact content normalised (all /
   direct / indirect P/R/F1), GGT τ 0.3/0.8 and who-said-what F1 for (a) our rules, (b)
   rules + chooser, (c) an oracle choosing from the candidates, (d) every τ 0.3 match
   exact; the chooser's gain with a bootstrap interval over articles; a second train fold
   (1–240, settings not re-tuned); a learning curve (fitted on 150 / 300 / 600 articles);
   per-side accuracy of our rule, the chooser and a chooser blind to our rule's choice; how
   many dev boundaries the chooser fixed and broke, by side and edge words; and, as a
   ceiling on how consistent the gold is, annotator-vs-annotator agreement on PolNeAR's
   multiply annotated articles (16 in train, 2 in dev) beside ours on the same articles.

PolNeAR grants no licence: nothing trained here is saved (weights live in memory for one
run; no file is written besides the parse cache ``quotes_errors`` already keeps in /tmp).
Runs in about five minutes on the cached parses (two busy cores).

    nice -n 10 .venv/bin/python bench/quotes_boundary_experiment.py [--l2 3,10,30] [--no-dev]
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
from quotes_errors import _edge_words, matched, parsed
from scipy import optimize, sparse

from dateline.core import pipeline_info
from dateline.evaluate.polnear import QUOTE_MARKS, GoldArticle, parse_ann, read_split
from dateline.evaluate.quotes import (
    Board,
    Pred,
    _EntityIndex,
    _hull,
    gold_is_direct,
    normalise,
    predictions,
    score_article,
)
from dateline.nlp import load_pipeline, to_records
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

Span2 = tuple[int, int]
DIM = 1 << 20  # hashed feature space (collisions are negligible at ~10^5 distinct features)
FIT_ARTICLES = 600  # train articles 1–600 fit, 601–840 validate (tuning never sees dev)
_CUT = set(",;:—–-()[]") | {"--"} | set(QUOTE_MARKS)
_RELATIVE = {"which", "who", "whom", "whose", "where", "when", "while", "because", "as", "after", "before"}
_MARKS = {"that", "whether", "if", "to", "how", "why", "what"}


@dataclass
class Side:
    """One boundary (start or end) of one predicted quote: its candidates and their features."""

    positions: list[int]  # normalised character offsets, distinct
    feats: list[list[str]]
    ours: int  # index of our rule's choice in ``positions``
    gold: int | None = None  # index of the gold boundary, when matched and among the candidates


@dataclass
class Item:
    """A predicted quote with its candidate starts and ends."""

    article: int
    pred: int
    start: Side
    end: Side
    gold: Span2 | None = None  # normalised gold content of the τ 0.3 match


@dataclass
class Split:
    golds: list[GoldArticle]
    preds: list[list[Pred]]
    entity_at: list
    items: list[Item] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Candidates and features


def _bucket(d: int) -> str:
    """A signed token distance, exact near zero and coarser further out."""
    a = abs(d)
    b = str(a) if a <= 3 else ("4-6" if a <= 6 else ("7-12" if a <= 12 else "13+"))
    return ("-" if d < 0 else "+") + b


def _norm_start(text: str, s: int, e: int) -> int:
    return normalise(text, (s, max(e, s + 1)))[0]


def _norm_end(text: str, s: int, e: int) -> int:
    return normalise(text, (min(s, e - 1), e))[1]


def _is_cut(tok) -> bool:
    return tok.is_punct or tok.text in _CUT


class DocInfo:
    """Per-token arrays of one Doc: indexing a Doc or asking a token for its sentence builds
    new objects each time, and the candidates ask millions of times."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.toks = list(doc)
        n = len(self.toks)
        self.sstart, self.send, self.sidx = [0] * n, [0] * n, [0] * n
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sstart[i], self.send[i], self.sidx[i] = sent.start, sent.end, k
        self.left = [t.left_edge.i for t in self.toks]
        self.right = [t.right_edge.i for t in self.toks]
        self.head = [t.head.i for t in self.toks]
        self.cut = [_is_cut(t) for t in self.toks]
        self.kept = [0] * (n + 1)  # kept[k] = tokens before k that are not punctuation
        for i, c in enumerate(self.cut):
            self.kept[i + 1] = self.kept[i] + (not c)
        self.starts = [t.idx for t in self.toks]

    def at(self, char: int, end: bool = False) -> int | None:
        """The token starting at (containing) ``char``, or for an end the one containing ``char - 1``."""
        i = bisect.bisect_right(self.starts, char - 1 if end else char) - 1
        return i if 0 <= i < len(self.toks) else None

    def only_cut(self, lo: int, hi: int) -> bool:
        return self.kept[hi] == self.kept[lo]

    def subtree_deps(self, i: int, left: bool) -> list[str]:
        """Dependency labels of the subtrees whose left (right) edge is token ``i``, innermost first."""
        out = []
        node = i
        for _ in range(4):
            if (self.left if left else self.right)[node] != i:
                break
            out.append(self.toks[node].dep_)
            if self.head[node] == node:
                break
            node = self.head[node]
        return out


def _common(
    prefix: str, d: DocInfo, i: int, o: int, kind: str, cue: set[int], spk: set[int], between: range
) -> list[str]:
    """Features shared by both sides: distance from our choice, and what lies between the two
    (the words a change would add or drop: "+ , which", "- the" in ``quotes_errors`` terms)."""
    dist = i - o
    f = [f"{prefix}bias", f"{prefix}d={_bucket(dist)}", f"{prefix}kind={kind}|d={_bucket(dist)}"]
    if dist == 0:
        f.append(f"{prefix}ours")
        return f
    if any(k in cue for k in between):
        f.append(f"{prefix}cue_between")
    if any(k in spk for k in between):
        f.append(f"{prefix}spk_between")
    # Which way the content grows or shrinks, and the first words of the difference.
    grows = (dist < 0) == (prefix == "s:")
    sign = "+" if grows else "-"
    words = [k for k in between if not d.cut[k]]
    edge = d.toks[between.start]
    f += [f"{prefix}delta{sign}first={edge.lower_}", f"{prefix}delta{sign}pos={edge.pos_}|dep={edge.dep_}"]
    f.append(f"{prefix}delta{sign}len={_bucket(len(words))}")
    if any(d.cut[k] for k in between):
        f.append(f"{prefix}delta{sign}punct")
    if any(d.toks[k].pos_ in ("VERB", "AUX") for k in words):
        f.append(f"{prefix}delta{sign}verb")
    if d.sidx[between.start] != d.sidx[between.stop - 1]:
        f.append(f"{prefix}delta{sign}sentences")
    return f


def start_side(d: DocInfo, text: str, q: Pred, kind: str, cue: set[int], spk: set[int], lemma: str) -> Side | None:
    s0, e0 = normalise(text, q.content)
    o, last = d.at(s0), d.at(e0, end=True)
    if o is None or last is None or e0 <= s0:
        return None
    toks = d.toks
    ss = d.sstart[o]
    cand: set[int] = {o + k for k in range(-3, 7)}
    cand.add(ss)
    if ss > 0:
        cand.add(d.sstart[ss - 1])
    for i in range(ss, min(last, o + 12) + 1):
        t = toks[i]
        if d.cut[i] or t.lower_ in _MARKS or t.dep_ in ("mark", "prep"):
            cand.add(i + 1)
        if i >= o - 3:
            cand.add(d.left[i])  # a phrase starting earlier ("the creation of …") or later ("the …")
    node = o
    for _ in range(4):  # the left edges of the phrases our first word heads or sits in
        cand.add(d.left[node])
        node = d.head[node]
    for c in cue:
        if c < o + 6:
            cand.add(c + 1)
            for child in toks[c].children:
                if child.i > c:
                    cand.update((child.i, d.left[child.i], d.right[child.i] + 1))
    positions: dict[int, int] = {}
    for i in sorted(cand):
        if 0 <= i <= last:
            p = _norm_start(text, d.starts[i], e0)
            if p < e0:
                positions.setdefault(p, i)
    positions.setdefault(s0, o)
    keys = sorted(positions)
    feats = []
    for p in keys:
        found = d.at(p)
        i = o if found is None else found
        tok = toks[i]
        lo, hi = sorted((i, o))
        f = _common("s:", d, i, o, kind, cue, spk, range(lo, hi))
        prev = toks[i - 1].lower_ if i > 0 else "<s>"
        f += [f"s:w0={tok.lower_}", f"s:l0={tok.lemma_}", f"s:p0={tok.pos_}", f"s:dep0={tok.dep_}"]
        f += [f"s:w-1={prev}", f"s:p-1={toks[i - 1].pos_ if i > 0 else '<s>'}"]
        f += [f"s:w-2={toks[i - 2].lower_ if i > 1 else '<s>'}"]
        f += [f"s:w-1|w0={prev}|{tok.lower_}", f"s:kind={kind}|w-1={prev}"]
        if d.only_cut(d.sstart[i], i):
            f.append("s:sent_start")
        f += [f"s:lsub={dep}" for dep in d.subtree_deps(i, left=True)]
        if any(d.head[c] == d.head[i] or d.head[i] == c for c in cue):
            f.append(f"s:head_is_cue|dep0={tok.dep_}")
        if cue:
            rel = "after" if i > max(cue) else ("before" if i <= min(cue) else "in")
            f += [f"s:cue_{rel}", f"s:cue={lemma}|{rel}", f"s:cue_{rel}|d={_bucket(i - max(cue) - 1)}"]
        if spk and i > max(spk):
            f.append("s:after_speaker")
        if d.sstart[i] != ss:
            f.append("s:other_sentence")
        feats.append(f)
    return Side(keys, feats, keys.index(s0))


def end_side(d: DocInfo, text: str, q: Pred, kind: str, cue: set[int], spk: set[int], lemma: str) -> Side | None:
    s0, e0 = normalise(text, q.content)
    first, o = d.at(s0), d.at(e0, end=True)
    if first is None or o is None or e0 <= s0:
        return None
    toks, n = d.toks, len(d.toks)
    ss, se = d.sstart[o], d.send[o]
    cand: set[int] = {o + k for k in range(-5, 4)}
    cand.add(se - 1)
    if se < n:
        cand.add(d.send[se] - 1)
    if ss > first:
        cand.add(ss - 1)
    for i in range(max(first, o - 25), se):
        if d.cut[i] or toks[i].lower_ in _RELATIVE or toks[i].dep_ in ("cc", "prep", "mark", "relcl"):
            cand.add(i - 1)
    node = o
    for _ in range(4):  # the right edges of the phrases our last word sits in
        cand.add(d.right[node])
        node = d.head[node]
    for c in cue:
        if c > first:
            cand.add(c - 1)
            if d.cut[c - 1]:
                cand.add(c - 2)
        for child in toks[c].children:
            if child.i > c:
                cand.add(d.right[child.i])
    positions: dict[int, int] = {}
    for i in sorted(cand):
        if first <= i < n:
            p = _norm_end(text, s0, d.starts[i] + len(toks[i]))
            if p > s0:
                positions.setdefault(p, i)
    positions.setdefault(e0, o)
    keys = sorted(positions)
    feats = []
    for p in keys:
        found = d.at(p, end=True)
        i = o if found is None else found
        tok = toks[i]
        lo, hi = sorted((i + 1, o + 1))
        f = _common("e:", d, i, o, kind, cue, spk, range(lo, hi))
        nxt = toks[i + 1].lower_ if i + 1 < n else "</s>"
        nxt2 = toks[i + 2].lower_ if i + 2 < n else "</s>"
        f += [f"e:w0={tok.lower_}", f"e:l0={tok.lemma_}", f"e:p0={tok.pos_}", f"e:dep0={tok.dep_}"]
        f += [f"e:w+1={nxt}", f"e:p+1={toks[i + 1].pos_ if i + 1 < n else '</s>'}", f"e:w+2={nxt2}"]
        f += [f"e:w0|w+1={tok.lower_}|{nxt}", f"e:kind={kind}|w+1={nxt}", f"e:w+1|w+2={nxt}|{nxt2}"]
        if d.only_cut(i + 1, d.send[i]):
            f.append("e:sent_end")
        f += [f"e:rsub={dep}" for dep in d.subtree_deps(i, left=False)]
        a = i + 1  # the first word left out, past punctuation
        while a < d.send[i] - 1 and d.cut[a]:
            a += 1
        if a < n:
            f += [f"e:cut={dep}" for dep in d.subtree_deps(a, left=True)]
            f.append(f"e:cut_w={toks[a].lower_}")
            if d.head[a] in cue:
                f.append(f"e:cut_head_is_cue|{toks[a].dep_}")
        f.append(f"e:sent_rel={min(2, max(-2, d.sidx[i] - d.sidx[o]))}")
        if cue:
            rel = "after" if i >= max(cue) else ("before" if i < min(cue) else "in")
            f += [f"e:cue_{rel}", f"e:cue={lemma}|{rel}"]
            if rel == "before" and d.sidx[min(cue)] == d.sidx[i]:
                f.append(f"e:cue_later_same_sentence|d={_bucket(min(cue) - i)}")
        if spk and i < min(spk) and d.sidx[min(spk)] == d.sidx[i]:
            f.append("e:speaker_later_same_sentence")
        feats.append(f)
    return Side(keys, feats, keys.index(e0))


def _tokens(d: DocInfo, span: Span2 | None) -> set[int]:
    if span is None:
        return set()
    a, b = d.at(span[0]), d.at(span[1], end=True)
    return set(range(a, b + 1)) if a is not None and b is not None else set()


def load(nlp, split: str, limit: int | None) -> Split:
    """Our quotes on a split, each with candidate starts/ends labelled by its τ 0.3 gold match."""
    finder, info = nlp.get_pipe("dateline_quotes"), pipeline_info(nlp)
    golds = read_split(shared_data_dir() / "quotes" / "polnear", split, limit)
    out = Split(golds, [], [])
    for ai, (gold, doc) in enumerate(zip(golds, parsed(nlp, golds, split, limit), strict=True)):
        finder(doc)
        ex = to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info)
        preds = predictions(ex)
        kinds = [q.kind for q in ex.quotes if q.kind != "partial"]
        out.preds.append(preds)
        out.entity_at.append(_EntityIndex(ex).entity_at)
        text = gold.text
        hulls = [a.content_hull() for a in gold.attributions]
        match = {k: normalise(text, hulls[gi]) for gi, k in matched(hulls, preds)}
        info_ = DocInfo(doc)
        for k, (q, kind) in enumerate(zip(preds, kinds, strict=True)):
            cue, spk = _tokens(info_, q.cue), _tokens(info_, q.source)
            lemma = info_.toks[min(cue)].lemma_.lower() if cue else "-"
            st = start_side(info_, text, q, kind, cue, spk, lemma)
            en = end_side(info_, text, q, kind, cue, spk, lemma)
            if st is None or en is None:
                continue
            item = Item(ai, k, st, en, match.get(k))
            if item.gold is not None:
                st.gold = st.positions.index(item.gold[0]) if item.gold[0] in st.positions else None
                en.gold = en.positions.index(item.gold[1]) if item.gold[1] in en.positions else None
            out.items.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# The chooser: a conditional logit over one side's candidates


# Feature sets tried on the train validation part: all, and without the word-pair features
# (the ones a linear model can most easily memorise single training sentences with).
FEATURE_SETS: dict[str, frozenset[str]] = {
    "all": frozenset(),
    "no-word-pairs": frozenset({"s:w-1|w0", "e:w0|w+1", "e:w+1|w+2"}),
}


def _hash(f: str) -> int:
    return zlib.crc32(f.encode()) % DIM


@dataclass
class Design:
    """The candidates of many sides as one sparse matrix, a side's rows contiguous."""

    x: sparse.csr_matrix
    offsets: np.ndarray  # first row of each side, and the total
    sides: list[Side]


def design(sides: list[Side], drop: frozenset[str]) -> Design:
    rows, cols = [], []
    offsets = [0]
    r = 0
    for side in sides:
        for f in side.feats:
            kept = [_hash(x) for x in f if x.split("=", 1)[0] not in drop]
            cols.extend(kept)
            rows.extend([r] * len(kept))
            r += 1
        offsets.append(r)
    x = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(r, DIM))
    return Design(x, np.array(offsets), sides)


def _group_softmax(scores: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    starts, sizes = offsets[:-1], np.diff(offsets)
    m = np.maximum.reduceat(scores, starts)
    e = np.exp(scores - np.repeat(m, sizes))
    z = np.add.reduceat(e, starts)
    return e / np.repeat(z, sizes), m + np.log(z)


def fit(data: Design, l2: float) -> np.ndarray:
    """Weights maximising the L2-penalised log-likelihood of each side's gold candidate
    (sides whose gold boundary is not among the candidates, or with no τ 0.3 match, are left out)."""
    keep = [k for k, s in enumerate(data.sides) if s.gold is not None]
    rows = np.concatenate([np.arange(data.offsets[k], data.offsets[k + 1]) for k in keep])
    x = data.x[rows]
    sizes = np.array([data.offsets[k + 1] - data.offsets[k] for k in keep])
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    gold_rows = offsets[:-1] + np.array([data.sides[k].gold for k in keep])
    xt = x.T.tocsr()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        scores = x @ w
        p, lse = _group_softmax(scores, offsets)
        p[gold_rows] -= 1.0
        return float(-(scores[gold_rows] - lse).sum() + 0.5 * l2 * w @ w), xt @ p + l2 * w

    return optimize.minimize(loss, np.zeros(DIM), jac=True, method="L-BFGS-B", options={"maxiter": 400}).x


def gaps(w: np.ndarray, data: Design) -> list[tuple[float, int]]:
    """Per side: (best candidate's score − our choice's score, best candidate)."""
    scores = data.x @ w
    out = []
    for side, lo in zip(data.sides, data.offsets[:-1], strict=False):
        s = scores[lo : lo + len(side.positions)]
        best = int(np.argmax(s))
        out.append((float(s[best] - s[side.ours]), best))
    return out


def apply(found: list[tuple[float, int]], sides: list[Side], margin: float) -> list[int]:
    """Each side's choice: the best candidate if it beats ours by more than ``margin``."""
    return [best if gap > margin else side.ours for (gap, best), side in zip(found, sides, strict=True)]


# ---------------------------------------------------------------------------------------------
# Scoring


def contents(data: Split, starts: list[int], ends: list[int]) -> list[list[Pred]]:
    """Our predictions with each item's content replaced by the chosen (start, end)."""
    preds = [list(p) for p in data.preds]
    for item, si, ei in zip(data.items, starts, ends, strict=True):
        s, e = item.start.positions[si], item.end.positions[ei]
        if (si, ei) != (item.start.ours, item.end.ours) and s < e:
            q = preds[item.article][item.pred]
            preds[item.article][item.pred] = replace(q, content=(s, e))
    return preds


def score(data: Split, preds: list[list[Pred]]) -> dict:
    board = Board()
    for gold, ps, entity_at in zip(data.golds, preds, data.entity_at, strict=True):
        score_article(gold, ps, board, entity_at)
    return board.as_dict()


def ours(data: Split) -> tuple[list[int], list[int]]:
    return [i.start.ours for i in data.items], [i.end.ours for i in data.items]


def oracle(data: Split) -> tuple[list[int], list[int]]:
    """The gold boundary whenever it is among the candidates, ours otherwise."""
    return (
        [i.start.gold if i.start.gold is not None else i.start.ours for i in data.items],
        [i.end.gold if i.end.gold is not None else i.end.ours for i in data.items],
    )


def all_exact(data: Split) -> list[list[Pred]]:
    """Every τ 0.3 match given exactly the gold (normalised) content."""
    preds = [list(p) for p in data.preds]
    for item in data.items:
        if item.gold is not None:
            q = preds[item.article][item.pred]
            preds[item.article][item.pred] = replace(q, content=item.gold)
    return preds


def content_f1(data: Split, starts: list[int], ends: list[int]) -> float:
    return score(data, contents(data, starts, ends))["exact_content_norm"]["all"]["f1"]


def gain_interval(data: Split, chosen: tuple[list[int], list[int]], rounds: int = 2000) -> str:
    """The chooser's exact-content F1 gain with a 95 % bootstrap interval over articles.
    Boundary changes move only the matches (TP), not the prediction and gold counts, so the
    gain is 2·ΔTP/(pred + gold) with the denominator of the whole split."""
    before, after = contents(data, *ours(data)), contents(data, *chosen)
    delta = np.zeros(len(data.golds))
    total = 0
    for k, gold in enumerate(data.golds):
        counts = []
        for preds in (before, after):
            board = Board()
            score_article(gold, preds[k], board)
            c = board.c("exact_content_norm", "all")
            counts.append(c.tp_p)
            denominator = c.n_pred + c.n_gold
        delta[k] = counts[1] - counts[0]
        total += denominator
    rng = np.random.default_rng(0)
    draws = rng.choice(delta, size=(rounds, len(delta))).sum(axis=1) * 2 / total
    lo, hi = np.percentile(draws, [2.5, 97.5])
    return f"gain {2 * delta.sum() / total:+.4f} (95 % bootstrap over articles {lo:+.4f} … {hi:+.4f})"


def row(name: str, m: dict) -> str:
    c = m["exact_content_norm"]
    cells = [f"{c[s]['p']:.3f}/{c[s]['r']:.3f}/{c[s]['f1']:.4f}" for s in ("all", "direct", "indirect")]
    return (
        f"| {name} | {' | '.join(cells)} | {m['ggt@0.3']['all']['f1']:.4f} | {m['ggt@0.8']['all']['f1']:.4f} "
        f"| {m['who_said_what']['all']['f1']:.4f} |"
    )


def table(title: str, data: Split, chosen: tuple[list[int], list[int]]) -> None:
    print(f"\n### {title}")
    print(
        "| system | exact content norm all P/R/F1 | direct | indirect | GGT τ0.3 F1 | GGT τ0.8 F1 | who-said-what F1 |"
    )
    print("|---|---|---|---|---|---|---|")
    print(row("(a) our rules", score(data, contents(data, *ours(data)))))
    print(row("(b) rules + learned chooser", score(data, contents(data, *chosen))))
    print(row("(c) candidate-set oracle", score(data, contents(data, *oracle(data)))))
    print(row("(d) all τ0.3 matches exact", score(data, all_exact(data))))


def recall(data: Split) -> str:
    m = [i for i in data.items if i.gold is not None]
    both = sum(i.start.gold is not None and i.end.gold is not None for i in m)
    exact = sum(i.start.gold == i.start.ours and i.end.gold == i.end.ours for i in m)
    n_s = np.mean([len(i.start.positions) for i in data.items])
    n_e = np.mean([len(i.end.positions) for i in data.items])
    return (
        f"τ0.3-matched predictions {len(m)} (ours exact {exact}); gold start among candidates "
        f"{sum(i.start.gold is not None for i in m) / len(m):.3f}, end {sum(i.end.gold is not None for i in m) / len(m):.3f}, "
        f"both {both / len(m):.3f} (of the non-exact: {(both - exact) / max(1, len(m) - exact):.3f}); "
        f"candidates per quote: {n_s:.1f} starts, {n_e:.1f} ends"
    )


def changes(data: Split, chosen: tuple[list[int], list[int]], examples: int) -> None:
    """Boundaries the chooser fixed and broke, by side and by the words at the changed edge."""
    text_of = [g.text for g in data.golds]
    tally: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = {}
    shown: list[str] = []
    for item, si, ei in zip(data.items, *chosen, strict=True):
        if item.gold is None:
            if (si, ei) != (item.start.ours, item.end.ours):
                tally["changed, no gold match"] += 1
            continue
        text = text_of[item.article]
        for side, idx, g in (("start", si, item.gold[0]), ("end", ei, item.gold[1])):
            sd = item.start if side == "start" else item.end
            if idx == sd.ours:
                continue
            was, now = sd.positions[sd.ours] == g, sd.positions[idx] == g
            verdict = "fixed" if now else ("broke" if was else "wrong→wrong")
            tally[f"{side} {verdict}"] += 1
            a, b = sorted((sd.positions[sd.ours], sd.positions[idx]))
            moved = "earlier" if sd.positions[idx] < sd.positions[sd.ours] else "later"
            grew = (side == "start") == (moved == "earlier")
            key = f"{side} {verdict}: {'+' if grew else '-'} {_edge_words(text[a:b])}"
            kinds.setdefault(side, Counter())[key] += 1
            if len(shown) < examples:
                s, e = item.start.positions[si], item.end.positions[ei]
                shown.append(f"  {key}\n    G {text[item.gold[0] : item.gold[1]][:150]!r}\n    B {text[s:e][:150]!r}")
        before = (
            item.start.positions[item.start.ours] == item.gold[0] and item.end.positions[item.end.ours] == item.gold[1]
        )
        after = item.start.positions[si] == item.gold[0] and item.end.positions[ei] == item.gold[1]
        tally[
            "quotes fixed" if after and not before else ("quotes broken" if before and not after else "quotes same")
        ] += 1
    print("\n" + ", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))
    for side in ("start", "end"):
        for key, n in kinds.get(side, Counter()).most_common(12):
            print(f"{n:4}  {key}")
    print("\n".join(shown))


MARGINS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 99.0)


@dataclass
class Tuned:
    f1: float
    features: str
    l2: float
    start_margin: float
    end_margin: float


def tune(fit_part: Split, val: Split, l2s: list[float]) -> Tuned:
    """Feature set, L2 weight and the two margins with the best validation content F1.
    Each side's margin is chosen with the other side left as ours (the two barely interact)."""
    best: Tuned | None = None
    vs, ve = [i.start for i in val.items], [i.end for i in val.items]
    keep_s, keep_e = ours(val)
    for name, drop in FEATURE_SETS.items():
        fs, fe = design([i.start for i in fit_part.items], drop), design([i.end for i in fit_part.items], drop)
        ds, de = design(vs, drop), design(ve, drop)
        for l2 in l2s:
            gs, ge = gaps(fit(fs, l2), ds), gaps(fit(fe, l2), de)
            ms = max(MARGINS, key=lambda m: (content_f1(val, apply(gs, vs, m), keep_e), m))
            me = max(MARGINS, key=lambda m: (content_f1(val, keep_s, apply(ge, ve, m)), m))
            f1 = content_f1(val, apply(gs, vs, ms), apply(ge, ve, me))
            print(f"  features {name}, l2 {l2}: margins {ms}/{me} validation content F1 {f1:.4f}", flush=True)
            if best is None or f1 > best.f1:
                best = Tuned(f1, name, l2, ms, me)
    assert best is not None
    return best


def run(t: Tuned, train_items: list[Item], data: Split) -> tuple[list[int], list[int]]:
    """Fit the tuned chooser on ``train_items`` and choose every boundary of ``data``."""
    drop = FEATURE_SETS[t.features]
    ws = fit(design([i.start for i in train_items], drop), t.l2)
    we = fit(design([i.end for i in train_items], drop), t.l2)
    starts, ends = [i.start for i in data.items], [i.end for i in data.items]
    return (
        apply(gaps(ws, design(starts, drop)), starts, t.start_margin),
        apply(gaps(we, design(ends, drop)), ends, t.end_margin),
    )


def accuracy(t: Tuned, fit_part: Split, val: Split) -> None:
    """Per side, over validation quotes matched at τ 0.3 whose gold boundary is a candidate: how
    often our rule, the chooser's best candidate, and a chooser that does not know our rule's
    choice (every feature relative to it left out) pick the gold boundary."""
    for side in ("start", "end"):
        prefix = side[0] + ":"
        fitted = [getattr(i, side) for i in fit_part.items]
        sides = [getattr(i, side) for i in val.items]
        relative = {prefix + k for k in ("ours", "d", "kind", "cue_between", "spk_between")}
        relative |= {f.split("=", 1)[0] for s in fitted for fs in s.feats for f in fs if f.startswith(prefix + "delta")}
        cells = []
        for name, drop in (
            ("chooser", FEATURE_SETS[t.features]),
            ("without our choice", FEATURE_SETS[t.features] | relative),
        ):
            found = gaps(fit(design(fitted, drop), t.l2), design(sides, drop))
            hit = [best == s.gold for (_, best), s in zip(found, sides, strict=True) if s.gold is not None]
            cells.append(f"{name} {np.mean(hit):.3f}")
        rule = np.mean([s.ours == s.gold for s in sides if s.gold is not None])
        print(f"{side} accuracy (argmax, no margin), train 601–840: our rule {rule:.3f}, " + ", ".join(cells))


def agreement(data: Split, split: str) -> None:
    """Annotator against annotator on PolNeAR's multiply annotated articles of ``split``, and our
    rules against the first annotator on the same articles: how consistent the gold itself is."""
    ann_dir = shared_data_dir() / "quotes" / "polnear" / split / "attributions"
    board, mine = Board(), Board()
    pairs = exact = ours_matched = ours_exact = 0
    for ai, gold in enumerate(data.golds):
        files = sorted(ann_dir.glob(f"{gold.name}_*.ann"))  # every annotator's file, as polnear finds the first
        if len(files) < 2:
            continue
        text = gold.text
        anns = [tuple(parse_ann(f.read_text(encoding="utf-8"))) for f in files]
        for a, b in itertools.permutations(range(len(anns)), 2):
            other = [
                Pred(
                    x.content_hull(),
                    _hull(x.cue) if x.cue else None,
                    _hull(x.source) if x.source else None,
                    None,
                    gold_is_direct(text, x.content_hull()),
                )
                for x in anns[b]
            ]
            score_article(GoldArticle(gold.name, text, anns[a]), other, board)
            hulls = [x.content_hull() for x in anns[a]]
            for gi, k in matched(hulls, other):
                pairs += 1
                exact += normalise(text, hulls[gi]) == normalise(text, other[k].content)
        # Ours against the annotator the scorer uses (the gold loaded for this article).
        preds = data.preds[ai]
        score_article(gold, preds, mine, data.entity_at[ai])
        hulls = [x.content_hull() for x in gold.attributions]
        for gi, j in matched(hulls, preds):
            ours_matched += 1
            ours_exact += normalise(text, hulls[gi]) == normalise(text, preds[j].content)
    if not pairs:
        return
    them, us = board.as_dict()["exact_content_norm"], mine.as_dict().get("exact_content_norm")
    print(
        f"\nannotator agreement, {split} ({pairs} τ0.3-matched quote pairs over ordered annotator pairs): "
        f"exact normalised content among τ0.3 matches {exact / pairs:.3f}; exact content F1 all "
        f"{them['all']['f1']:.4f} (direct {them['direct']['f1']:.4f}, indirect {them['indirect']['f1']:.4f})"
    )
    if us and ours_matched:
        print(
            f"  our rules vs the first annotator on the same articles: exact among τ0.3 matches "
            f"{ours_exact / ours_matched:.3f} ({ours_matched}); exact content F1 all {us['all']['f1']:.4f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--l2", default="3,10,30", help="L2 weights tried on the train validation part")
    parser.add_argument("--examples", type=int, default=12, help="dev changes printed as examples")
    parser.add_argument("--no-dev", action="store_true", help="stop after the train validation (while developing)")
    args = parser.parse_args()
    started = time.perf_counter()
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    train = load(nlp, "train", 840)
    fit_part = _part(train, 0, FIT_ARTICLES)
    val = _part(train, FIT_ARTICLES, len(train.golds))
    print(f"loaded train in {time.perf_counter() - started:.0f} s")
    print(f"candidate recall train 1–600: {recall(fit_part)}")
    print(f"candidate recall train 601–840: {recall(val)}")
    print("tuning on train 601–840 (chooser fitted on 1–600):")
    t = tune(fit_part, val, [float(x) for x in args.l2.split(",")])
    print(
        f"chosen: features {t.features}, l2 {t.l2}, margins {t.start_margin}/{t.end_margin} ({time.perf_counter() - started:.0f} s)"
    )
    chosen = run(t, fit_part.items, val)
    table("train 601–840 (validation; chooser fitted on 1–600)", val, chosen)
    print(f"validation {gain_interval(val, chosen)}")
    # A second fold with the same settings (not re-tuned): fitted on 241–840, scored on 1–240.
    other = _part(train, 0, len(train.golds) - FIT_ARTICLES)
    rest = [i for i in train.items if i.article >= len(other.golds)]
    print(
        f"second fold, train 1–240 (fitted on 241–840, settings as tuned): {gain_interval(other, run(t, rest, other))}"
    )
    # Learning curve: the same chooser fitted on fewer train articles, scored on the validation part.
    base = content_f1(val, *ours(val))
    for n in (150, 300):
        f1 = content_f1(val, *run(t, _part(train, 0, n).items, val))
        print(
            f"learning curve: fitted on train 1–{n}: validation content F1 {f1:.4f} ({f1 - base:+.4f} over our rules)"
        )
    print(
        f"learning curve: fitted on train 1–600: validation content F1 {t.f1:.4f} ({t.f1 - base:+.4f} over our rules)"
    )
    accuracy(t, fit_part, val)
    agreement(train, "train")
    if args.no_dev:
        return
    # Refit on all 840 train articles and run once on dev.
    dev = load(nlp, "dev", None)
    print(f"\ncandidate recall dev: {recall(dev)}")
    chosen = run(t, train.items, dev)
    table("dev (chooser fitted on train 1–840, run once)", dev, chosen)
    print(f"dev {gain_interval(dev, chosen)}")
    changes(dev, chosen, args.examples)
    agreement(dev, "dev")
    print(f"\n{time.perf_counter() - started:.0f} s")


def _part(data: Split, lo: int, hi: int) -> Split:
    """Articles ``lo``..``hi - 1`` of a split, items renumbered."""
    out = Split(data.golds[lo:hi], data.preds[lo:hi], data.entity_at[lo:hi])
    out.items = [replace(i, article=i.article - lo) for i in data.items if lo <= i.article < hi]
    return out


if __name__ == "__main__":
    main()
