"""Build a benchmark store from the 20k Tehran Times corpus with synthetic-but-realistic records.

Parsing 20,000 articles with spaCy takes far longer than a benchmark may run here, so the
records are made by cheap rules over the real texts, with real character offsets:

- people: runs of two or three capitalised words ("Mohammad Javad Zarif"), with every mention;
- quotes: text inside quotation marks (direct) and sentences with a speech verb (indirect),
  cue = the verb, speaker = a name in the sentence, else the article's most mentioned name;
  ``--quotes-per-article K`` tops an article up to K quotes with further sentences, clauses
  and runs of sentences (indirect), which is how the 1M-quote store is reached;
- events: sentences with an event verb (met, visited, condemned, attacked, signed, urged)
  coded to PLOVER/CAMEO, source = a name in the sentence, target = a country named in it;
- published: the corpus has no dates, so one is spread over 2018-06..2023-06 by article id
  (the ids are chronological), which gives date filters something real to cut.

``--copies N`` stores the corpus N times (each copy's texts marked so they hash apart) to
reach a million quotes. Every record goes through ``Store.save``, the same path as ingest.

    .venv/bin/python bench/make_synthetic_store.py --db /tmp/bench-20k.db
    .venv/bin/python bench/make_synthetic_store.py --db /tmp/bench-1m.db --articles 12000 --quotes-per-article 90
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from dateline.records import Article, Entity, Event, Extraction, PipelineInfo, Quote, Span
from dateline.settings import shared_data_dir
from dateline.store import open_store

NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")
NOT_NAMES = {
    "The", "In", "On", "At", "He", "She", "It", "This", "That", "But", "And", "Iran", "Islamic", "United", "Foreign",
    "Tehran", "Times", "Supreme", "Leader", "Minister", "President", "Middle", "European", "Security", "North",
    "South", "New", "Saudi", "Persian", "Majlis", "Guardian", "Revolutionary", "Mehr", "Tasnim", "Press",
    "According", "However", "Meanwhile", "Also", "While", "After", "Since", "During", "For", "As", "If",
}  # fmt: skip
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
CLAUSE = re.compile(r"[^.!?,;:\n]{40,}[,;:]")
SPEECH = re.compile(r"\b(said|says|told|added|stated|stressed|noted|remarked|announced|warned)\b")
QUOTED = re.compile(r"[“\"]([^”\"\n]{20,600})[”\"]")
EVENTS = [  # verb, PLOVER type, CAMEO code, Goldstein, quad class
    (re.compile(r"\b(met|meets|meeting with)\b"), "CONSULT", "040", 1.0, 1),
    (re.compile(r"\b(visited|visits)\b"), "CONSULT", "042", 1.9, 1),
    (re.compile(r"\b(condemned|condemns|criticized|slammed)\b"), "ACCUSE", "111", -2.0, 3),
    (re.compile(r"\b(attacked|bombed|struck)\b"), "ASSAULT", "190", -10.0, 4),
    (re.compile(r"\b(signed|agreed)\b"), "AGREE", "057", 8.0, 1),
    (re.compile(r"\b(urged|called on)\b"), "REQUEST", "020", 3.0, 1),
    (re.compile(r"\b(sanctioned|imposed sanctions)\b"), "COERCE", "163", -8.0, 4),
]
COUNTRIES = {
    "Iran": "IRN", "U.S.": "USA", "United States": "USA", "Washington": "USA", "Israel": "ISR", "Russia": "RUS",
    "China": "CHN", "Iraq": "IRQ", "Syria": "SYR", "Saudi Arabia": "SAU", "Turkey": "TUR", "Europe": "EUR",
    "Afghanistan": "AFG", "Pakistan": "PAK", "India": "IND", "Yemen": "YEM", "Lebanon": "LBN", "Germany": "DEU",
    "France": "FRA", "Britain": "GBR", "Japan": "JPN", "Qatar": "QAT", "Venezuela": "VEN",
}  # fmt: skip
COUNTRY = re.compile(r"\b(" + "|".join(re.escape(c) for c in sorted(COUNTRIES, key=len, reverse=True)) + r")(?!\w)")
PIPELINE = PipelineInfo("bench-synthetic", "rules over real text (bench/make_synthetic_store.py)")
BATCH = 500
FIRST_ID, LAST_ID = 423009, 486502
START, END = dt.date(2018, 6, 1), dt.date(2023, 6, 30)


def corpus(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def published(record_id: str) -> str:
    number = int(record_id.rsplit("-", 1)[-1])
    share = (number - FIRST_ID) / (LAST_ID - FIRST_ID)
    return (START + dt.timedelta(days=int(share * (END - START).days))).isoformat()


def build(record: dict[str, str], copy: int, per_article: int) -> Extraction:
    text = record["text"] if copy == 0 else f"{record['text']}\n\n[benchmark copy {copy}]"
    article = Article(
        id=record["id"] if copy == 0 else f"{record['id']}-copy{copy}",
        text=text,
        title=record.get("title"),
        url=record.get("url"),
        source=record.get("source"),
        published=published(record["id"]),
        language="en",
        licence="CC-BY-4.0",
        attribution="Tehran Times / Mehr News Agency, CC BY 4.0 (site footer)",
    )
    mentions: dict[str, list[Span]] = {}
    for m in NAME.finditer(text):
        if m.group().split()[0] not in NOT_NAMES:
            mentions.setdefault(m.group(), []).append(Span(m.start(), m.end()))
    places: dict[str, list[Span]] = {}
    for m in COUNTRY.finditer(text):
        places.setdefault(m.group(), []).append(Span(m.start(), m.end()))
    entities = [Entity(f"e{i}", n, "person", tuple(s), "PERSON") for i, (n, s) in enumerate(mentions.items(), 1)]
    offset = len(entities)
    entities += [
        Entity(f"e{offset + i}", n, "place", tuple(s), "GPE", actor_code=COUNTRIES[n])
        for i, (n, s) in enumerate(places.items(), 1)
    ]
    people = [e for e in entities if e.kind == "person"]
    top = max(people, key=lambda e: len(e.mentions)) if people else None
    quotes: list[Quote] = []
    events: list[Event] = []
    used: set[Span] = set()
    sentences = [Span(m.start(), m.end()) for m in SENTENCE.finditer(text)]

    def speaker_in(s: Span) -> Entity | None:
        inside = [e for e in people if any(s.start <= m.start < s.end for m in e.mentions)]
        return inside[0] if inside else top

    for m in QUOTED.finditer(text):
        s = Span(m.start(1), m.end(1))
        around = next((x for x in sentences if x.start <= s.start < x.end), s)
        who = speaker_in(Span(around.start, min(len(text), around.end + 200)))
        verb = SPEECH.search(text, s.end, min(len(text), s.end + 120))
        quotes.append(_quote(len(quotes) + 1, "direct", s, who, Span(verb.start(), verb.end()) if verb else None))
        used.add(around)
    for s in sentences:
        verb = SPEECH.search(text, s.start, s.end)
        if verb and s not in used:
            quotes.append(_quote(len(quotes) + 1, "indirect", s, speaker_in(s), Span(verb.start(), verb.end())))
            used.add(s)
    # Top-up candidates: sentences, clauses, then runs of 2-4 sentences (all real spans).
    clauses = [Span(m.start(), m.end()) for m in CLAUSE.finditer(text)]
    runs = [Span(a.start, sentences[i + k].end) for k in (1, 2, 3) for i, a in enumerate(sentences[:-k])]
    for s in [*sentences, *clauses, *runs]:
        if len(quotes) >= per_article:
            break
        if s not in used and s.end - s.start > 40:
            quotes.append(_quote(len(quotes) + 1, "indirect", s, speaker_in(s), None))
            used.add(s)
    by_name = {e.name: e for e in entities}
    for s in sentences:
        for verb_re, kind, cameo, goldstein, quad in EVENTS:  # not `verb`: that one holds a Match above
            hit = verb_re.search(text, s.start, s.end)
            if not hit:
                continue
            who = speaker_in(s)
            target = next((by_name[c.group()] for c in COUNTRY.finditer(text, s.start, s.end)), None)
            events.append(
                Event(
                    f"v{len(events) + 1}",
                    kind,
                    s,
                    cameo=cameo,
                    goldstein=goldstein,
                    quad_class=quad,
                    source=(who.id,) if who else (),
                    target=(target.id,) if target else (),
                    target_codes=(target.actor_code,) if target and target.actor_code else (),
                    trigger=Span(hit.start(), hit.end()),
                )
            )
            break
    return Extraction(article, tuple(entities), tuple(quotes), tuple(events), PIPELINE)


def _quote(n: int, kind: str, content: Span, who: Entity | None, cue: Span | None) -> Quote:
    mention = min(who.mentions, key=lambda m: abs(m.start - content.start)) if who else None
    return Quote(
        f"q{n}",
        kind,
        (content,),
        cue=cue,
        speaker_mention=mention,
        speaker=who.id if who else None,
        speaker_name=who.name if who else None,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="SQLite path or postgresql:// URL to create.")
    parser.add_argument("--corpus", type=Path, default=shared_data_dir() / "bench" / "tehran-times-20k.jsonl.gz")
    parser.add_argument("--articles", type=int, default=20_000, help="Articles per copy.")
    parser.add_argument("--quotes-per-article", type=int, default=0, help="Top each article up to this many quotes.")
    parser.add_argument("--copies", type=int, default=1, help="Store the corpus this many times.")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"benchmark corpus not found at {args.corpus}")
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    with open_store(args.db) as store:
        # Saves nest inside one outer transaction per batch: a bulk load need not commit per article.
        batch = getattr(store, "_transaction")  # noqa: B009
        for copy in range(args.copies):
            outer = batch()
            outer.__enter__()
            for i, record in enumerate(corpus(args.corpus)):
                if i >= args.articles:
                    break
                x = build(record, copy, args.quotes_per_article)
                counts[store.save(x).value] += 1
                if (i + 1) % BATCH == 0:
                    outer.__exit__(None, None, None)
                    outer = batch()
                    outer.__enter__()
                counts["quotes"] += len(x.quotes)
                counts["events"] += len(x.events)
                if (i + 1) % 5000 == 0:
                    rate = sum(counts[k] for k in ("stored", "duplicate")) / (time.perf_counter() - started)
                    print(f"copy {copy} · {i + 1} articles · {counts['quotes']:,} quotes · {rate:.0f} articles/s")
            outer.__exit__(None, None, None)
        final = store.counts()
    print(json.dumps({"seconds": round(time.perf_counter() - started, 1), **counts, "tables": final}))


if __name__ == "__main__":
    main()
