"""Quote errors on PolNeAR by class: misses and false positives grouped by cue lemma.

Parses a PolNeAR split once (model + entities) and caches the Docs in a DocBin under
``/tmp`` (PolNeAR texts never enter the repo), then runs only the quotes component, scores
it with ``dateline.evaluate.quotes`` and prints:

- the headline metrics (the same numbers ``dateline eval quotes`` prints);
- per cue lemma: gold attributions, recalled at GGT τ 0.3, and our predictions with their
  precision — so a cue class can be judged before it goes into the lexicon;
- per lexicon class (speech / belief / intent / evidence): precision of our predictions;
- with ``--show LEMMA``: the sentences of misses / false positives for that lemma;
- with ``--listed-misses``: every miss whose cue lemma IS in the lexicon, with its sentence,
  the cue token's parse (tag, dep, head, children's dep labels), what rule 2 alone makes of
  that cue (``raw``: its content, or ``-``) and what we finally emitted on that cue
  (``emitted``) — so a miss can be told apart as "no rule fires" (construction / parse),
  "a rule fires but the filters drop it" or "emitted with the wrong content".

    .venv/bin/python bench/quotes_errors.py [--split dev|train] [--limit N] [--show LEMMA] [--listed-misses]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from dateline.core import pipeline_info
from dateline.evaluate.polnear import GoldArticle, read_split
from dateline.evaluate.quotes import Board, _EntityIndex, _hull, _overlap, gold_is_direct, predictions, score_article
from dateline.nlp import load_pipeline, to_records
from dateline.nlp.quote_cues import load_cues, quote_pairs
from dateline.nlp.quotes_direct import quoted_tokens
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

CACHE = Path("/tmp/dateline-quotes-cache")


def parsed(nlp, golds: list[GoldArticle], split: str, limit: int | None):
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{split}-{limit}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((g.text for g in golds), disable=["dateline_quotes"], batch_size=16))
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def lemma_of(doc, span) -> str:
    """The cue's content word: its first verb or noun ("has learned" -> learn)."""
    if span is None:
        return "-"
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return "-"
    if toks[0].lower_ == "according":
        return "according to"
    tok = next((t for t in toks if t.pos_ in ("VERB", "NOUN")), toks[-1])
    return tok.lemma_.lower()


def explain(doc, finder, gold, hull, preds, near: bool) -> str:
    """One listed miss: sentence, gold content, the cue's parse and what the rules made of it."""
    text = doc.text
    cue_hull = _hull(gold.cue)
    toks = doc.char_span(cue_hull[0], cue_hull[1], alignment_mode="expand")
    tok = next((t for t in toks if t.pos_ in ("VERB", "NOUN")), toks[-1])
    pairs = [p for p in quote_pairs(text) if p[1] - p[0] > 1]
    in_quote = quoted_tokens(doc, pairs)
    raw, why = "-", "no-rule"
    if tok.pos_ in ("VERB", "AUX") and finder._is_verb_cue(tok):
        draft = finder._reported(doc, tok, in_quote)
        if draft is not None:
            got = (draft.content[0][0], draft.content[-1][1])
            raw = repr(text[got[0] : got[1]][:90])
            why = "dropped" if _overlap(hull, got) > 0.3 * (hull[1] - hull[0]) else "wrong-content"
    on_cue = [p for p in preds if p.cue is not None and p.cue[0] <= tok.idx < p.cue[1]]
    emitted = repr(text[on_cue[0].content[0] : on_cue[0].content[1]][:90]) if on_cue else "-"
    kids = " ".join(f"{c.dep_}:{c.lower_}" for c in tok.children)
    sent = tok.sent
    src = text[_hull(gold.source)[0] : _hull(gold.source)[1]] if gold.source else "-"
    return (
        f"--- {'OVERLAP' if near else 'UNTOUCHED'} {why} cue={text[cue_hull[0] : cue_hull[1]]!r} "
        f"{tok.lemma_}/{tok.tag_}/{tok.dep_} head={tok.head.lemma_}/{tok.head.dep_} kids=[{kids}]\n"
        f"    src={src!r}\n    gold={text[hull[0] : hull[1]][:160]!r}\n    raw={raw}\n    emitted={emitted}\n"
        f"    sent={sent.text[:300]!r}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", default=None, help="print misses/false positives of this cue lemma")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--listed-misses", action="store_true", help="explain each miss whose cue is in the lexicon")
    args = parser.parse_args()
    root = shared_data_dir() / "quotes" / "polnear"
    golds = read_split(root, args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    finder = nlp.get_pipe("dateline_quotes")
    info = pipeline_info(nlp)
    board = Board()
    gold_by: Counter[str] = Counter()
    hit_by: Counter[str] = Counter()
    pred_by: Counter[str] = Counter()
    ok_by: Counter[str] = Counter()
    cls_pred: Counter[str] = Counter()
    cls_ok: Counter[str] = Counter()
    cues = load_cues()
    classes = {**cues.verbs, **cues.nouns, **cues.phrases}
    shown: list[str] = []
    miss_kind: Counter[str] = Counter()
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        finder(doc)
        ex = to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info)
        preds = predictions(ex)
        score_article(gold, preds, board, _EntityIndex(ex).entity_at)
        text = gold.text
        hulls = [a.content_hull() for a in gold.attributions]
        for a, h in zip(gold.attributions, hulls, strict=True):
            lem = lemma_of(doc, _hull(a.cue) if a.cue else None)
            gold_by[lem] += 1
            hit = any(_overlap(h, p.content) > 0.3 * (h[1] - h[0]) for p in preds)
            hit_by[lem] += hit
            if not hit:
                near = any(_overlap(h, p.content) > 0 for p in preds)
                listed = "listed" if lem in classes else ("no-cue" if lem == "-" else "unlisted")
                miss_kind[f"{listed} {'overlapped' if near else 'untouched'}"] += 1
            if (
                not hit
                and args.show
                and (
                    lem == args.show
                    or (args.show == "@listed" and lem in classes and not near)
                    or (args.show == "@unlisted" and lem not in classes and not near)
                    or (args.show == "@direct" and gold_is_direct(text, h))
                    or (args.show == "@overlapped" and near)
                )
            ):
                s = max(0, h[0] - 150)
                cue_text = text[_hull(a.cue)[0] : _hull(a.cue)[1]] if a.cue else "-"
                shown.append(f"MISS [{cue_text}] {text[h[0] : h[1]][:100]!r} …{text[s : h[0]][-110:]!r}")
            if not hit and args.listed_misses and lem in classes:
                shown.append(explain(doc, finder, a, h, preds, near))
        for p in preds:
            lem = lemma_of(doc, p.cue)
            ok = any(_overlap(h, p.content) > 0.3 * (h[1] - h[0]) for h in hulls)
            pred_by[lem] += 1
            ok_by[lem] += ok
            cls = classes.get(lem, "unlisted" if p.cue else "no-cue")
            cls_pred[cls] += 1
            cls_ok[cls] += ok
            if p.source is None:  # the same, for quotes with no speaker
                cls_pred[cls + " (no speaker)"] += 1
                cls_ok[cls + " (no speaker)"] += ok
            if (
                not ok
                and args.show
                and (lem == args.show or (args.show == "@direct" and p.direct) or args.show == "@fp")
            ):
                s = max(0, p.content[0] - 150)
                cue_text = text[p.cue[0] : p.cue[1]] if p.cue else "-"
                src = text[p.source[0] : p.source[1]] if p.source else "-"
                shown.append(f"FP [{cue_text}|{src}] {text[p.content[0] : p.content[1]][:120]!r}")
    out = board.as_dict()
    for metric, splits in out.items():
        row = "  ".join(
            f"{s}: P {v['p']:.3f} R {v['r']:.3f} F {v['f1']:.3f}"
            + (f" spk {v['speaker_match']:.3f}" if "speaker_match" in v else "")
            for s, v in splits.items()
        )
        print(f"{metric:22} {row}")
    print("\ncue lemma            gold  recall   pred  prec")
    lemmas = sorted(set(gold_by) | set(pred_by), key=lambda k: -(gold_by[k] - hit_by[k] + pred_by[k] - ok_by[k]))
    for lem in lemmas[: args.top]:
        g, p = gold_by[lem], pred_by[lem]
        print(
            f"{lem[:20]:20} {g:5} {hit_by[lem] / g if g else 0:6.2f} {p:6} {ok_by[lem] / p if p else 0:5.2f}"
            f"   miss {g - hit_by[lem]:4} fp {p - ok_by[lem]:4}"
        )
    print("\nclass       pred  prec")
    for cls, n in cls_pred.most_common():
        print(f"{cls:10} {n:5} {cls_ok[cls] / n:5.2f}")
    print("\nmisses", dict(miss_kind.most_common()))
    many = args.listed_misses or args.show in ("@fp", "@listed", "@unlisted")
    for line in shown[: 1000 if many else 60]:
        print(line)
    if args.show is None:
        print(json.dumps({"gold": sum(gold_by.values()), "pred": sum(pred_by.values())}))


if __name__ == "__main__":
    main()
