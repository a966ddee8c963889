"""Where who-said-what is lost among quotes matched at GGT τ 0.3, by subclass.

For every gold quote the scorer matches at τ 0.3 but not in who-said-what, says whether the
content IoU is under 0.5, the speaker mention misses the gold source, or both, and splits
each by subclass (our content split in pieces, ours longer / shorter, several sentences;
the gold and our speaker mention's kind, "other cue" when ours hangs on another cue than
gold's — a nested or outer attribution — and "gold roles swapped" where PolNeAR's Source is
the cue word itself, an annotation slip no rule can win). ``--show CLASS`` prints the
examples of every class whose name holds CLASS.

    .venv/bin/python bench/quotes_wsw.py [--split dev|train] [--limit N] [--show SUBSTRING]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from quotes_errors import _mention_kind, matched, parsed

from dateline.core import pipeline_info
from dateline.evaluate.polnear import read_split
from dateline.evaluate.quotes import _hull, _overlap, predictions
from dateline.nlp import load_pipeline, to_records
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

_SENT_END = re.compile(r"[.!?][\"”’']?\s+[A-Z“\"‘']|\n")


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = _overlap(a, b)
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", default=None)
    parser.add_argument("--examples", type=int, default=1000)
    args = parser.parse_args()
    golds = read_split(shared_data_dir() / "quotes" / "polnear", args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    finder, info = nlp.get_pipe("dateline_quotes"), pipeline_info(nlp)
    counts: Counter[str] = Counter()
    shown: list[str] = []
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        finder(doc)
        preds = predictions(to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info))
        text = gold.text
        hulls = [a.content_hull() for a in gold.attributions]
        for gi, k in matched(hulls, preds):
            a, q, h = gold.attributions[gi], preds[k], hulls[gi]
            g = _hull(a.source) if a.source else None
            spk = (g is None and q.source is None) or bool(g and q.source and _overlap(g, q.source))
            # Any prediction (not only the τ0.3 match) with IoU >= .5 and the right speaker.
            ok = any(
                iou(h, p.content) >= 0.5
                and ((g is None and p.source is None) or bool(g and p.source and _overlap(g, p.source)))
                for p in preds
            )
            if ok:
                counts["ok"] += 1
                continue
            good_iou = iou(h, q.content) >= 0.5
            if not good_iou:
                pieces = [p for p in preds if _overlap(h, p.content) > 0.1 * (h[1] - h[0])]
                gs, ps = text[h[0] : h[1]], text[q.content[0] : q.content[1]]
                if len(pieces) > 1:
                    sub = "split"
                elif q.content[0] <= h[0] and q.content[1] >= h[1]:
                    sub = "ours-longer" + ("-sents" if _SENT_END.search(ps.strip()) else "")
                elif q.content[0] >= h[0] and q.content[1] <= h[1]:
                    sub = "ours-shorter" + ("-gold-sents" if _SENT_END.search(gs.strip()) else "")
                else:
                    sub = "shifted"
            kind = f"gold {_mention_kind(text[g[0] : g[1]] if g else '-')} / ours " + _mention_kind(
                text[q.source[0] : q.source[1]] if q.source else "-"
            )
            gcue = _hull(a.cue) if a.cue else None
            same_cue = bool(gcue and q.cue and _overlap(gcue, q.cue))
            if g and q.cue and _overlap(g, q.cue):
                kind = "gold source is our cue (gold roles swapped)"
            elif not same_cue:
                kind += " / other cue"
            if not good_iou and spk:
                cls = f"(a) iou<.5 {sub}"
            elif good_iou and not spk:
                cls = f"(b) speaker {kind}"
            elif not good_iou and not spk:
                cls = f"(c) both {sub}"
            else:
                cls = "(d) greedy-other"
            counts[cls] += 1
            if args.show and args.show in cls:
                gt = text[g[0] : g[1]] if g else "-"
                pt = text[q.source[0] : q.source[1]] if q.source else "-"
                gc = text[_hull(a.cue)[0] : _hull(a.cue)[1]] if a.cue else "-"
                pc = text[q.cue[0] : q.cue[1]] if q.cue else "-"
                shown.append(
                    f"--- {cls} iou={iou(h, q.content):.2f}  G[{gc}|{gt}]  P[{pc}|{pt}]\n"
                    f"    G {text[h[0] : h[1]][:300]!r}\n    P {text[q.content[0] : q.content[1]][:300]!r}"
                )
    total = sum(counts.values())
    print(f"matched at τ0.3: {total}")
    for cls, n in sorted(counts.items()):
        print(f"{n:5}  {cls}")
    for line in shown[: args.examples]:
        print(line)


if __name__ == "__main__":
    main()
