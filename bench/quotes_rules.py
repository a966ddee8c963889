"""Which rule emitted each quote, and how precise each rule is on PolNeAR.

Wraps (in this process only) every function of ``nlp/quotes.py`` that returns ``Draft``s —
the QuoteFinder methods and the construction/frame helpers it calls — so each draft carries
the name of the first rule that made it (a debug attribute set here, never in the records).
Then scores the split as ``dateline eval quotes`` does and prints, per rule (and with
``--lemmas`` per rule and cue lemma), how many of its quotes the scorer matches at GGT τ0.3,
τ0.8 and who-said-what. A rule (or a rule × lemma) under ~F1/2 precise lowers F1.
``--features`` keys the rows by the cue's shape instead (tag/dep, its head, the preposition
or subordinator it hangs on, speaker or none), ``--nested`` by whether another quote's content
holds the quote, ``--where`` by where in the article it sits. ``--show REGEX`` lists the false
quotes of the matching rows with their sentence (``FP~``: touches a gold quote, covering ≤ 0.3
of it), with ``--ok`` the matched ones too (``OK``).

    .venv/bin/python bench/quotes_rules.py [--split dev|train] [--limit N] [--lemmas [--min N]]
        [--features | --nested | --where] [--show REGEX [--ok]]
"""

from __future__ import annotations

import argparse
import functools
import re
from collections import Counter
from typing import Any

from quotes_errors import lemma_of, parsed

from dateline.core import pipeline_info
from dateline.evaluate.polnear import read_split
from dateline.evaluate.quotes import _hull, _overlap, predictions
from dateline.nlp import load_pipeline, quotes, to_records
from dateline.nlp.quotes_direct import Draft
from dateline.records import Article, content_hash
from dateline.settings import shared_data_dir

_TAG = "_bench_rule"


def _tag(result: Any, name: str) -> Any:
    items = result if isinstance(result, list) else [result]
    for d in items:
        if isinstance(d, Draft) and not hasattr(d, _TAG):
            setattr(d, _TAG, name)
    return result


def _wrap(fn: Any, name: str) -> Any:
    @functools.wraps(fn)
    def inner(*args: Any, **kwargs: Any) -> Any:
        return _tag(fn(*args, **kwargs), name)

    return inner


def instrument() -> dict[tuple[int, int], str]:
    """Wrap the rules; return the (cue start, content start) -> rule map ``_records`` fills."""
    for name in (
        "speaker_lines",
        "headline",
        "framed",
        "attitudes",
        "seen_as",
        "light_verbs",
        "aims",
        "hearsay",
        "received_judgments",
        "noun_topics",
        "colon_objects",
        "misread_verbs",
        "framed_verbs",
        "_in_source",
        "relative_reports",
        "_object_reports",
        "_outer_stances",
        "_quoted_claims",
        "inverted_asides",
        "in_view",
    ):
        setattr(quotes, name, _wrap(getattr(quotes, name), name))
    reported = quotes.QuoteFinder._reported

    def branch(self: Any, doc: Any, cue: Any, in_quote: Any) -> Any:
        # Which of _reported's branches (roughly, in its order) produced the draft.
        d = reported(self, doc, cue, in_quote)
        if isinstance(d, Draft) and not hasattr(d, _TAG):
            cls = self.cues.verbs.get(cue.lemma_.lower())
            if cls == "appearance":
                how = "appearance"
            elif quotes.known_for(cue) is not None:
                how = "known_for"
            elif quotes.judged(cue) is not None:
                how = "judged"
            elif any(c.dep_ == "ccomp" for c in cue.children):
                how = "ccomp"
            elif quotes.as_host(cue) is not None:
                how = "as_host"
            elif cue.dep_ == "parataxis" or (cue.dep_ == "ROOT" and quotes._has_left_clause(cue)):
                how = "parataxis"
            elif quotes._passive(cue) is not None:
                how = "passive"
            elif (goal := quotes._goal(cue)) is not None:
                how = f"goal:{goal.dep_}"
            elif quotes._topic(cue) is not None:
                how = "topic"
            else:
                how = "other"
            setattr(d, _TAG, f"_reported:{how}:{cls}")
        return d

    # Deliberate monkeypatch (this process only): the tagging wrapper replaces the method.
    quotes.QuoteFinder._reported = branch  # type: ignore[method-assign]
    for name in ("_direct", "_that_clauses", "_according", "_noun", "_sourced_nouns"):
        setattr(quotes.QuoteFinder, name, _wrap(getattr(quotes.QuoteFinder, name), name))
    seen: dict[tuple[int, int], str] = {}
    records = quotes._records

    def spy(drafts: list[Draft], *args: Any) -> Any:
        for d in drafts:
            rule = getattr(d, _TAG, "inline")
            cue = d.cue_span[0] if d.cue_span else -1
            seen[(cue, d.content[0][0])] = rule
            seen.setdefault((cue, -1), rule)
        return records(drafts, *args)

    # Deliberate patch: spy takes the same arguments as _records but is typed loosely (*args).
    quotes._records = spy  # type: ignore[assignment]
    return seen


def greedy(hulls: list[tuple[int, int]], preds: list[Any], tau: float) -> set[int]:
    used: set[int] = set()
    for h in hulls:
        glen = max(1, h[1] - h[0])
        best = max(((_overlap(h, p.content) / glen, k) for k, p in enumerate(preds) if k not in used), default=(0, -1))
        if best[0] > tau:
            used.add(best[1])
    return used


def wsw(gold: Any, hulls: list[tuple[int, int]], preds: list[Any]) -> set[int]:
    used: set[int] = set()
    for a, h in zip(gold.attributions, hulls, strict=True):
        src = _hull(a.source) if a.source else None
        for k, q in enumerate(preds):
            if k in used:
                continue
            inter = _overlap(h, q.content)
            union = (h[1] - h[0]) + (q.content[1] - q.content[0]) - inter
            ok = (src is None and q.source is None) or (src and q.source and _overlap(src, q.source) > 0)
            if union and inter / union >= 0.5 and ok:
                used.add(k)
                break
    return used


def feature(doc: Any, p: Any) -> str:
    """The cue token's shape: tag/dep, its head's dep, and whether a speaker was found."""
    if p.cue is None:
        return "no cue"
    span = doc.char_span(p.cue[0], p.cue[1], alignment_mode="expand")
    tok = next((t for t in span if t.pos_ in ("VERB", "NOUN")), span[-1])
    head = f"{tok.head.dep_}:{tok.head.lower_}" if tok.dep_ == "pcomp" else tok.head.dep_
    if tok.dep_ == "advcl":
        mark = next((c.lower_ for c in tok.children if c.dep_ == "mark"), "-")
        head = f"{head} mark:{mark}"
    return f"{tok.tag_}/{tok.dep_} head {head} {'spk' if p.source else 'nospk'} {'D' if p.direct else 'I'}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--lemmas", action="store_true")
    parser.add_argument("--show", default=None)
    parser.add_argument("--features", action="store_true", help="key rows by the cue's tag/dep, not the rule")
    parser.add_argument("--nested", action="store_true", help="key rows by rule and whether another quote holds it")
    parser.add_argument("--where", action="store_true", help="key rows by where in the article the quote sits")
    parser.add_argument("--ok", action="store_true", help="--show: list the matched quotes too")
    parser.add_argument("--min", type=int, default=3, help="--lemmas: rows with at least this many quotes")
    args = parser.parse_args()
    seen = instrument()
    golds = read_split(shared_data_dir() / "quotes" / "polnear", args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    finder, info = nlp.get_pipe("dateline_quotes"), pipeline_info(nlp)
    rows: Counter[str] = Counter()
    hits = {m: Counter[str]() for m in ("t3", "t8", "wsw")}
    shown: list[str] = []
    for gold, doc in zip(golds, parsed(nlp, golds, args.split, args.limit), strict=True):
        seen.clear()
        finder(doc)
        ex = to_records(doc, Article(id=content_hash(gold.text), text=gold.text), info)
        preds = predictions(ex)
        hulls = [a.content_hull() for a in gold.attributions]
        got = {"t3": greedy(hulls, preds, 0.3), "t8": greedy(hulls, preds, 0.8), "wsw": wsw(gold, hulls, preds)}
        for k, p in enumerate(preds):
            cue = p.cue[0] if p.cue else -1
            rule = seen.get((cue, p.content[0])) or seen.get((cue, -1), "?")
            keys = [rule, f"{rule} / {lemma_of(doc, p.cue)}"] if args.lemmas else [rule]
            if args.features:
                keys = [feature(doc, p)]
            if args.where:
                text = gold.text
                tail = len(text) - p.content[0]
                keys = [
                    "first line"
                    if "\n" not in text[: p.content[0]].strip()
                    else ("last 300 chars" if tail < 300 else ("last 1000 chars" if tail < 1000 else "body"))
                ]
            if args.nested:
                inside = any(
                    j != k and o.content[0] <= p.content[0] and p.content[1] <= o.content[1] and o.content != p.content
                    for j, o in enumerate(preds)
                )
                keys = [f"{rule} {'nested' if inside else 'top'}"]
            for key in keys:
                rows[key] += 1
                for m, s in got.items():
                    hits[m][key] += k in s
            key0 = keys[0] if args.features or args.nested or args.where else rule
            if args.show and re.search(args.show, key0) and (args.ok or k not in got["t3"]):
                text = gold.text
                span = doc.char_span(p.content[0], p.content[1], alignment_mode="expand")
                sent = span[0].sent.text.strip()[:240] if span is not None and len(span) else "-"
                cue_text = text[p.cue[0] : p.cue[1]] if p.cue else "-"
                src = text[p.source[0] : p.source[1]] if p.source else "-"
                cover = max((_overlap(h, p.content) / max(1, h[1] - h[0]) for h in hulls), default=0.0)
                tag = "OK" if k in got["t3"] else ("FP~" if cover > 0 else "FP")
                shown.append(
                    f"{tag} {rule} {key0 if args.features else ''} [{cue_text}|{src}] {text[p.content[0] : p.content[1]][:140]!r}\n      in {sent!r}"
                )
    print(f"{'rule':48} {'n':>5} {'fp3':>4} {'p@0.3':>6} {'p@0.8':>6} {'p wsw':>6}")
    for key, n in sorted(rows.items(), key=lambda kv: -(kv[1] - hits["t3"][kv[0]])):
        if " / " in key and n < args.min:
            continue
        print(
            f"{key[:48]:48} {n:5} {n - hits['t3'][key]:4} {hits['t3'][key] / n:6.2f} {hits['t8'][key] / n:6.2f}"
            f" {hits['wsw'][key] / n:6.2f}"
        )
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
