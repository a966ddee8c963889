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
  "a rule fires but the filters drop it" or "emitted with the wrong content";
- with ``--boundaries``: quotes matched at τ 0.3 whose normalised content differs from the
  gold one, grouped by where and how the start and the end differ (the words we add or
  drop, their first word), so boundary conventions can be fixed as classes;
- with ``--boundaries --pool``: only those the scorer matches at τ 0.3 but not at 0.8 (they
  cover at most 80 % of the gold content: the quotes a boundary fix can win at τ 0.8);
- with ``--boundaries --direct``: only gold quotes with quotation marks at their edges;
- with ``--fps``: every false positive (no gold content covered > 0.3) with its sentence;
- with ``--speakers``: quotes matched at τ 0.3 whose speaker mention misses the gold Source,
  grouped by the gold and our mention's kind (pronoun, name, none).

    .venv/bin/python bench/quotes_errors.py [--split dev|train] [--limit N] [--show LEMMA] [--listed-misses]
        [--boundaries [--examples N] [--pool] [--direct]] [--fps] [--speakers]
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from dateline.core import pipeline_info
from dateline.evaluate.polnear import GoldArticle, read_split
from dateline.evaluate.quotes import (
    Board,
    Pred,
    _EntityIndex,
    _hull,
    _overlap,
    gold_is_direct,
    normalise,
    predictions,
    score_article,
)
from dateline.nlp import load_pipeline, to_records
from dateline.nlp.quote_cues import load_cues, quote_pairs
from dateline.nlp.quotes_direct import quoted_tokens
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

CACHE = Path("/tmp/dateline-quotes-cache")


def parsed(nlp, golds: list[GoldArticle], split: str, limit: int | None):
    CACHE.mkdir(exist_ok=True)
    # Keyed by the pipes that parse, so branches that change them do not share a cache.
    pipes = "+".join(n for n in nlp.pipe_names if n not in ("dateline_entities", "dateline_quotes"))
    path = CACHE / f"{split}-{limit}-{zlib.crc32(pipes.encode()):08x}.spacy"
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


def matched(hulls: list[tuple[int, int]], preds: list[Pred], tau: float = 0.3) -> list[tuple[int, int]]:
    """The scorer's greedy GGT matching: (gold index, prediction index) pairs."""
    used: set[int] = set()
    pairs = []
    for gi, h in enumerate(hulls):
        glen = max(1, h[1] - h[0])
        best = max(
            ((_overlap(h, q.content) / glen, k) for k, q in enumerate(preds) if k not in used),
            default=(0.0, -1),
        )
        if best[0] > tau:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[A-Z“\"]")
# A full stop after a title or an initialism ("Mr. Trump", "Gov. Jack Markell", "the U.S. Senate")
# ends no sentence: without this, most "<sentences>" differences were names.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Sens|Rep|Reps|Gen|Lt|Col|Sgt|Capt|Adm|St|Jr|Sr|Rev|Prof|No|Vol|Inc|Co|Corp|"
    r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


def _edge_words(words: str) -> str:
    """A difference at a content edge named by its first word(s): ", which", "on", "if"."""
    words = words.strip()
    if not words:
        return "-"
    if "\n" in words or any(not _ABBREVIATION.search(words, 0, m.start() + 1) for m in _SENTENCE_BREAK.finditer(words)):
        return "<sentences>"
    toks = re.findall(r"[\w’'-]+|[^\w\s]", words)
    head = " ".join(toks[:2] if toks[0] in (",", "--", "—", "(", "“", '"') else toks[:1]).lower()
    return f"{head} ({'short' if len(toks) <= 4 else 'long'})"


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "his", "her", "its", "their"}


def _mention_kind(words: str) -> str:
    if words == "-":
        return "none"
    low = words.lower().strip()
    return low if low in _PRONOUNS else "name/noun"


def boundary(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> tuple[str, str]:
    """How a predicted content's start and end differ from the gold one (both normalised)."""
    (gs, ge), (ps, pe) = normalise(text, gold), normalise(text, pred)
    start = "same" if ps == gs else (f"+ {_edge_words(text[ps:gs])}" if ps < gs else f"- {_edge_words(text[gs:ps])}")
    end = "same" if pe == ge else (f"+ {_edge_words(text[ge:pe])}" if pe > ge else f"- {_edge_words(text[pe:ge])}")
    return start, end


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", default=None, help="print misses/false positives of this cue lemma")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--listed-misses", action="store_true", help="explain each miss whose cue is in the lexicon")
    parser.add_argument("--boundaries", action="store_true", help="list content boundary differences by class")
    parser.add_argument("--examples", type=int, default=2, help="examples per boundary class")
    parser.add_argument("--pool", action="store_true", help="--boundaries: only quotes matched at τ0.3, not τ0.8")
    parser.add_argument("--direct", action="store_true", help="--boundaries: only gold quotes with quotation marks")
    parser.add_argument("--fps", action="store_true", help="list every false positive")
    parser.add_argument("--speakers", action="store_true", help="list matched quotes with a wrong speaker")
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
    edges: dict[str, dict[str, list[str]]] = {"start": {}, "end": {}}
    n_differ = 0
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        finder(doc)
        ex = to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info)
        preds = predictions(ex)
        score_article(gold, preds, board, _EntityIndex(ex).entity_at)
        text = gold.text
        hulls = [a.content_hull() for a in gold.attributions]
        if args.speakers:
            for gi, k in matched(hulls, preds):
                a, q = gold.attributions[gi], preds[k]
                g = _hull(a.source) if a.source else None
                if (g is None and q.source is None) or (g and q.source and _overlap(g, q.source)):
                    continue
                gt = text[g[0] : g[1]] if g else "-"
                pt = text[q.source[0] : q.source[1]] if q.source else "-"
                kind = f"gold {_mention_kind(gt)} / ours {_mention_kind(pt)}"
                cue_text = text[q.cue[0] : q.cue[1]] if q.cue else "-"
                s = max(0, min(q.content[0], g[0] if g else q.content[0]) - 60)
                e = max(q.content[1], g[1] if g else 0)
                edges["start"].setdefault(kind, []).append(
                    f"    G {gt!r}  P {pt!r}  cue {cue_text!r}\n      {text[s : min(e, s + 300)]!r}"
                )
        if args.boundaries:
            for gi, k in matched(hulls, preds):
                # Names of their own here: q, g, p, cues and ex hold other types elsewhere in main.
                h, qc = hulls[gi], preds[k].content
                if normalise(text, h) == normalise(text, qc):
                    continue
                if args.pool and _overlap(h, qc) > 0.8 * max(1, h[1] - h[0]):
                    continue
                if args.direct and not gold_is_direct(text, h):
                    continue
                n_differ += 1
                st, en = boundary(text, h, qc)
                gn, pn = normalise(text, h), normalise(text, qc)
                gc, pc = _hull(gold.attributions[gi].cue) if gold.attributions[gi].cue else None, preds[k].cue
                pair = f"    cues G {text[gc[0] : gc[1]] if gc else '-'!r} P {text[pc[0] : pc[1]] if pc else '-'!r}\n"
                example = f"{pair}    G {text[gn[0] : gn[1]]!r}\n    P {text[pn[0] : pn[1]]!r}"
                edges["start"].setdefault(st, []).append(example)
                edges["end"].setdefault(en, []).append(example)
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
            if not ok and args.fps:
                sent = doc.char_span(p.content[0], p.content[1], alignment_mode="expand")
                where = sent[0].sent if sent is not None and len(sent) else None
                cue_text = text[p.cue[0] : p.cue[1]] if p.cue else "-"
                src = text[p.source[0] : p.source[1]] if p.source else "-"
                shown.append(
                    f"FP {'D' if p.direct else 'I'} [{cue_text}|{src}] {text[p.content[0] : p.content[1]][:140]!r}\n"
                    f"      in {where.text.strip()[:240] if where is not None else '-'!r}"
                )
            if (
                not ok
                and args.show
                and (lem == args.show or (args.show == "@direct" and p.direct) or args.show == "@fp")
            ):
                s = max(0, p.content[0] - 150)
                cue_text = text[p.cue[0] : p.cue[1]] if p.cue else "-"
                src = text[p.source[0] : p.source[1]] if p.source else "-"
                shown.append(f"FP [{cue_text}|{src}] {text[p.content[0] : p.content[1]][:120]!r}")
    if args.speakers:
        for kind, rows in sorted(edges["start"].items(), key=lambda kv: -len(kv[1])):
            print(f"{len(rows):4}  {kind}")
            for row in rows[: args.examples]:
                print(row)
        return
    if args.boundaries:
        print(f"matched at τ0.3 with a different normalised content: {n_differ}")
        for side in ("start", "end"):
            print(f"\n== {side}: + we add, - we drop ==")
            for kind, rows in sorted(edges[side].items(), key=lambda kv: -len(kv[1])):
                if kind == "same":
                    print(f"{len(rows):4}  same")
                    continue
                print(f"{len(rows):4}  {kind}")
                for row in rows[: args.examples]:
                    print(row)
        return
    if args.fps:
        for line in shown:
            print(line)
        return
    out = board.as_dict()
    for metric, splits in out.items():
        row = "  ".join(
            f"{s}: P {v['p']:.3f} R {v['r']:.3f} F {v['f1']:.4f}"
            + (f" spk {v['speaker_match']:.3f}" if "speaker_match" in v else "")
            for s, v in splits.items()
        )
        print(f"{metric:22} {row}")
    print("\ncue lemma            gold  recall   pred  prec")
    lemmas = sorted(set(gold_by) | set(pred_by), key=lambda k: (-(gold_by[k] - hit_by[k] + pred_by[k] - ok_by[k]), k))
    for lem in lemmas[: args.top]:
        ng, npr = gold_by[lem], pred_by[lem]
        print(
            f"{lem[:20]:20} {ng:5} {hit_by[lem] / ng if ng else 0:6.2f} {npr:6} {ok_by[lem] / npr if npr else 0:5.2f}"
            f"   miss {ng - hit_by[lem]:4} fp {npr - ok_by[lem]:4}"
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
