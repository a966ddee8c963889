"""Verb frames on PolNeAR: for each (verb lemma, frame), how often the gold marks it as a cue
and how often we already find it — to choose rows for ``lexicon/speech_frames.tsv``.

A frame is what follows the verb in the parse: a clause, a to-clause, its object, its object
and first preposition ("obj+for"), a preposition alone ("prep:on"), with its particle first
("_in:prep:on" = "weighed in on"); "/nosubj" when the verb has no subject of its own. Reuses
``quotes_errors.py``'s DocBin cache (PolNeAR texts never enter the repo). Columns:

- ``n``: occurrences outside quotation marks; ``gold``: those inside a gold cue; ``cov``:
  gold ones whose content we already cover (GGT τ 0.3); ``ours``: we emit a quote on it;
- ``open``: neither ours nor covered — what a new row would fire on; ``oGold``: of those, gold
  cues; ``oPrec`` = oGold / open, the precision a row for that frame can at best reach
  (``oNest``: open ones inside one of our contents, which the nesting rules may drop).

A row is kept only when its measured precision (``quotes_diff.py``) is ≥ 0.7 on dev and
train and its dictionary sense is a speech or stance act; this table only finds candidates.

    .venv/bin/python bench/quote_frames.py [--split dev|train] [--limit N] [--min 3] [--all]
        [--show LEMMA:FRAME]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from quotes_errors import parsed
from spacy.tokens import Token

from dateline.core import pipeline_info
from dateline.evaluate.polnear import read_split
from dateline.evaluate.quotes import _hull, _overlap, predictions
from dateline.nlp import load_pipeline, to_records
from dateline.nlp.quote_cues import load_cues, quote_pairs
from dateline.nlp.quotes_direct import quoted_tokens
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir


def frame(tok: Token) -> str:
    """What follows a verb, as one short label ("obj+for", "_in:prep:on", "clause")."""
    kids = [c for c in tok.children if c.i > tok.i]
    deps = {c.dep_ for c in kids}
    preps = [c.lower_ for c in kids if c.dep_ == "prep"]
    to_clause = any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in kids
    )
    particle = "".join("_" + c.lower_ for c in kids if c.dep_ == "prt")
    obj = "dobj" in deps
    if "ccomp" in deps and not to_clause:
        label = "clause"
    elif to_clause:
        label = ("obj+" if obj else "") + "to"
    elif obj and preps:
        label = "obj+" + preps[0]
    elif obj and "oprd" in deps:
        label = "obj+oprd"
    elif obj:
        label = "obj"
    elif preps:
        label = "prep:" + preps[0]
    else:
        label = "bare"
    label = f"{particle}:{label}" if particle else label
    return label if any(c.dep_ == "nsubj" for c in tok.children) else label + "/nosubj"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--min", type=int, default=3, help="list frames with at least this many open gold cues")
    parser.add_argument("--all", action="store_true", help="lemmas in the cue lexicon too")
    parser.add_argument("--show", default=None, help="LEMMA:FRAME — print its sentences")
    args = parser.parse_args()
    golds = read_split(shared_data_dir() / "quotes" / "polnear", args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    finder, info = nlp.get_pipe("dateline_quotes"), pipeline_info(nlp)
    verbs = load_cues().verbs
    stats: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    shown: list[str] = []
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        finder(doc)
        preds = predictions(to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info))
        text = gold.text
        in_quote = quoted_tokens(doc, [p for p in quote_pairs(text) if p[1] - p[0] > 1])
        hulls = [a.content_hull() for a in gold.attributions]
        cues = [_hull(a.cue) if a.cue else None for a in gold.attributions]
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "VERB" or in_quote[tok.i] or (lemma in verbs and not args.all):
                continue
            key = (lemma, frame(tok))
            row = stats[key]
            row["n"] += 1
            golden = [i for i, c in enumerate(cues) if c and c[0] <= tok.idx < c[1]]
            covered = [
                i
                for i in golden
                if any(_overlap(hulls[i], p.content) > 0.3 * (hulls[i][1] - hulls[i][0]) for p in preds)
            ]
            ours = any(p.cue and p.cue[0] <= tok.idx < p.cue[1] for p in preds)
            nested = any(p.content[0] <= tok.idx < p.content[1] for p in preds)
            row["gold"] += bool(golden)
            row["cov"] += bool(covered)
            row["ours"] += ours
            if not ours and not covered:
                row["open"] += 1
                row["oGold"] += bool(golden)
                row["oNest"] += nested
            if args.show == f"{key[0]}:{key[1]}":
                mark = ("GOLD" if golden else "----") + (" cov" if covered else "") + (" ours" if ours else "")
                content = text[hulls[golden[0]][0] : hulls[golden[0]][1]][:120] if golden else "-"
                shown.append(f"{mark:14} {tok.sent.text.strip()[:220]!r}\n      gold content={content!r}")
    if args.show:
        print("\n".join(shown))
        return
    cols = ("n", "gold", "cov", "ours", "open", "oGold")
    print(f"{'lemma':14} {'frame':20} " + " ".join(f"{c:>5}" for c in cols) + " oPrec oNest")
    for key in sorted(stats, key=lambda k: -stats[k]["oGold"]):
        row = stats[key]
        if row["oGold"] < args.min:
            continue
        precision = row["oGold"] / row["open"] if row["open"] else 0.0
        print(
            f"{key[0]:14} {key[1]:20} " + " ".join(f"{row[c]:5}" for c in cols) + f" {precision:5.2f} {row['oNest']:5}"
        )


if __name__ == "__main__":
    main()
