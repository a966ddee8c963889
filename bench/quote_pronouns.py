"""Quote speakers that are pronouns ("he said"): how many resolve to an article entity.

Parses a PolNeAR split once with the bare model (no Dateline components) and caches the Docs
in a DocBin under ``/tmp`` (PolNeAR texts never enter the repo); then runs the entities and
quotes components on each Doc, so a change to pronoun resolution is measured in seconds.
Prints the share of quotes whose speaker mention is a pronoun that have a speaker entity, by
pronoun, and with ``--show N`` a random sample of N resolved ones (sentence, pronoun, entity)
for checking precision by eye.

    .venv/bin/python bench/quote_pronouns.py [--split dev|train] [--limit N] [--show 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from dateline.evaluate.polnear import read_split
from dateline.nlp import load_pipeline
from dateline.settings import shared_data_dir

CACHE = Path("/tmp/dateline-pronoun-cache")
PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--unresolved", action="store_true", help="show unresolved ones instead")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    golds = read_split(shared_data_dir() / "quotes" / "polnear", args.split, args.limit)
    nlp = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"{args.split}-{args.limit}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g.text for g in golds), disable=["dateline_entities", "dateline_quotes"]))
        DocBin(docs=docs).to_disk(path)
    entities, quotes = nlp.get_pipe("dateline_entities"), nlp.get_pipe("dateline_quotes")
    total: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    samples: list[str] = []
    for doc in docs:
        entities(doc)
        quotes(doc)
        names = {e["id"]: e["name"] for e in doc._.dl_entities}
        text = doc.text
        for q in doc._.dl_quotes:
            if q["kind"] == "partial" or not q["speaker_mention"]:
                continue
            s, e = q["speaker_mention"]
            word = text[s:e].lower()
            if word not in PRONOUNS:
                continue
            total[word] += 1
            ok = q["speaker"] is not None
            resolved[word] += ok
            if ok != args.unresolved:
                lo = max(0, text.rfind("\n", 0, max(0, s - 250)) if s > 250 else 0)
                ctx = text[max(lo, s - 300) : s].replace("\n", " ¶ ")
                samples.append(f"[{word} -> {names.get(q['speaker'])}] …{ctx}<<{text[s:e]}>>{text[e : e + 40]!r}")
    for word in sorted(total, key=lambda w: -total[w]):
        print(f"{word:5} {resolved[word]:4}/{total[word]:4} = {resolved[word] / total[word]:.3f}")
    n, r = sum(total.values()), sum(resolved.values())
    print(f"all   {r:4}/{n:4} = {r / max(1, n):.3f}")
    random.Random(args.seed).shuffle(samples)
    for line in samples[: args.show]:
        print("\n" + line)


if __name__ == "__main__":
    main()
