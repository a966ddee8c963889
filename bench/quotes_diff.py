"""What a quotes change adds and removes on PolNeAR, prediction by prediction.

``save TAG`` stores the quotes the current code predicts on a split (under ``/tmp``, beside
``quotes_errors.py``'s DocBin cache, which it reuses: PolNeAR never enters the repo);
``diff TAG`` runs the current code again and lists every prediction added or removed since,
judged against the gold at GGT τ 0.3:

- ``+NEW``: covers a gold attribution no saved prediction covered (a true positive gained);
- ``+DUP``: covers only gold that was already covered (one-to-one scoring makes it a false
  positive unless it wins the match);
- ``+FP``: covers no gold; ``-TP`` / ``-FP``: a saved prediction that is gone.

So a rule's precision is NEW / (NEW + DUP + FP), measured before it is kept:

    .venv/bin/python bench/quotes_diff.py save main --split train --limit 400
    # … change the code …
    .venv/bin/python bench/quotes_diff.py diff main --split train --limit 400
"""

from __future__ import annotations

import argparse
import pickle
from collections import Counter
from pathlib import Path

from quotes_errors import CACHE, parsed

from dateline.core import pipeline_info
from dateline.evaluate.polnear import read_split
from dateline.evaluate.quotes import _overlap, predictions
from dateline.nlp import load_pipeline, to_records
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

Span2 = tuple[int, int]
Row = tuple[Span2, Span2 | None, Span2 | None]  # content hull, cue, source


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("save", "diff"))
    parser.add_argument("tag")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    golds = read_split(shared_data_dir() / "quotes" / "polnear", args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    finder, info = nlp.get_pipe("dateline_quotes"), pipeline_info(nlp)
    current: list[list[Row]] = []
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        finder(doc)
        ex = to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info)
        current.append([(p.content, p.cue, p.source) for p in predictions(ex)])
    path = Path(CACHE) / f"preds-{args.tag}-{args.split}-{args.limit}.pkl"
    if args.mode == "save":
        path.write_bytes(pickle.dumps(current))
        print(f"saved {path}")
        return
    saved: list[list[Row]] = pickle.loads(path.read_bytes())
    totals: Counter[str] = Counter()
    for gold, before, after in zip(golds, saved, current, strict=True):
        hulls = [a.content_hull() for a in gold.attributions]

        def covers(row: Row, hulls: list[Span2] = hulls) -> list[int]:
            return [i for i, h in enumerate(hulls) if _overlap(h, row[0]) > 0.3 * (h[1] - h[0])]

        covered = {i for row in before for i in covers(row)}
        text = gold.text
        for sign, rows in (("+", set(after) - set(before)), ("-", set(before) - set(after))):
            for row in sorted(rows):
                hit = covers(row)
                if sign == "+":
                    verdict = "NEW" if any(i not in covered for i in hit) else ("DUP" if hit else "FP")
                else:
                    verdict = "TP" if hit else "FP"
                totals[sign + verdict] += 1
                cue = text[row[1][0] : row[1][1]] if row[1] else "-"
                source = text[row[2][0] : row[2][1]] if row[2] else "-"
                print(f"{sign}{verdict:3} [{cue}|{source}] {text[row[0][0] : row[0][1]][:110]!r}")
    print(dict(totals))


if __name__ == "__main__":
    main()
