"""Flat rows for exports: one per article, entity, quote or event, each with its source's
licence and attribution and an evidence snippet (the article words the record stands on).

Column lists carry a type so CSV, Parquet and JSONL agree on what each column holds; the
rows are built from ``Extraction`` records alone, so every backend exports the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dateline.records import Extraction, Span

WHATS = ("articles", "entities", "quotes", "events")
EVIDENCE_CHARS = 600
CONTEXT_CHARS = 80
NEAR_CHARS = 200

# Columns shared by every row kind: where the record came from and how to credit it.
SOURCE = [
    ("title", "str"),
    ("source", "str"),
    ("published", "str"),
    ("url", "str"),
    ("licence", "str"),
    ("attribution", "str"),
]
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("article_id", "str"),
        ("dateline", "str"),
        ("language", "str"),
        ("authors", "strs"),
        ("n_entities", "int"),
        ("n_quotes", "int"),
        ("n_events", "int"),
        ("tone", "float"),
        ("pipeline_version", "str"),
        ("model", "str"),
        ("evidence", "str"),
        *SOURCE,
    ],
    "entities": [
        ("article_id", "str"),
        ("entity_id", "str"),
        ("name", "str"),
        ("kind", "str"),
        ("label", "str"),
        ("role", "str"),
        ("actor_code", "str"),
        ("n_mentions", "int"),
        ("mentions", "spans"),
        ("evidence", "str"),
        *SOURCE,
    ],
    "quotes": [
        ("article_id", "str"),
        ("quote_id", "str"),
        ("kind", "str"),
        ("content", "str"),
        ("content_spans", "spans"),
        ("cue", "str"),
        ("speaker_id", "str"),
        ("speaker_name", "str"),
        ("speaker_role", "str"),
        ("speaker_actor_code", "str"),
        ("speaker_mention", "str"),
        ("evidence", "str"),
        *SOURCE,
    ],
    "events": [
        ("article_id", "str"),
        ("event_id", "str"),
        ("type", "str"),
        ("mode", "str"),
        ("cameo", "str"),
        ("goldstein", "float"),
        ("quad_class", "int"),
        ("source_names", "strs"),
        ("source_codes", "strs"),
        ("target_names", "strs"),
        ("target_codes", "strs"),
        ("when", "str"),
        ("when_start", "str"),
        ("when_end", "str"),
        ("where_name", "str"),
        ("where_country", "str"),
        ("quote_id", "str"),
        ("evidence", "str"),
        ("evidence_span", "spans"),
        *SOURCE,
    ],
}


def rows(extractions: Iterable[Extraction], what: str) -> Iterator[dict[str, Any]]:
    """Flat rows of one kind (``articles``, ``entities``, ``quotes`` or ``events``)."""
    build = {"articles": _articles, "entities": _entities, "quotes": _quotes, "events": _events}[what]
    for x in extractions:
        yield from build(x)


def _source(x: Extraction) -> dict[str, Any]:
    a = x.article
    return {k: getattr(a, k) for k, _ in SOURCE}


def clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def around(text: str, spans: Iterable[Span], context: int = 0) -> str:
    """The words covering all spans, widened by ``context`` characters each side."""
    found = list(spans)
    if not found:
        return ""
    start = max(0, min(s.start for s in found) - context)
    end = min(len(text), max(s.end for s in found) + context)
    return clip(text[start:end])


def _articles(x: Extraction) -> Iterator[dict[str, Any]]:
    a = x.article
    yield {
        "article_id": a.id,
        "dateline": a.dateline,
        "language": a.language,
        "authors": list(a.authors),
        "n_entities": len(x.entities),
        "n_quotes": len(x.quotes),
        "n_events": len(x.events),
        "tone": x.tone,
        "pipeline_version": x.pipeline.version,
        "model": x.pipeline.model,
        "evidence": clip(a.text),
        **_source(x),
    }


def _entities(x: Extraction) -> Iterator[dict[str, Any]]:
    text = x.article.text
    for e in x.entities:
        yield {
            "article_id": x.id,
            "entity_id": e.id,
            "name": e.name,
            "kind": e.kind,
            "label": e.label,
            "role": e.role,
            "actor_code": e.actor_code,
            "n_mentions": len(e.mentions),
            "mentions": [list(m) for m in e.mentions],
            "evidence": around(text, e.mentions[:1], CONTEXT_CHARS),
            **_source(x),
        }


def _quotes(x: Extraction) -> Iterator[dict[str, Any]]:
    text = x.article.text
    entities = {e.id: e for e in x.entities}
    for q in x.quotes:
        speaker = entities.get(q.speaker or "")
        # Evidence: the content with its cue and speaker mention when they sit close to it.
        start, end = min(c.start for c in q.content), max(c.end for c in q.content)
        near = [
            s for s in (q.cue, q.speaker_mention) if s and s.end >= start - NEAR_CHARS and s.start <= end + NEAR_CHARS
        ]
        parts = [*q.content, *near]
        yield {
            "article_id": x.id,
            "quote_id": q.id,
            "kind": q.kind,
            "content": " … ".join(c.of(text) for c in q.content),
            "content_spans": [list(c) for c in q.content],
            "cue": q.cue.of(text) if q.cue else None,
            "speaker_id": q.speaker,
            "speaker_name": q.speaker_name,
            "speaker_role": speaker.role if speaker else None,
            "speaker_actor_code": speaker.actor_code if speaker else None,
            "speaker_mention": q.speaker_mention.of(text) if q.speaker_mention else None,
            "evidence": around(text, parts),
            **_source(x),
        }


def _events(x: Extraction) -> Iterator[dict[str, Any]]:
    text = x.article.text
    names = {e.id: e.name for e in x.entities}
    for v in x.events:
        yield {
            "article_id": x.id,
            "event_id": v.id,
            "type": v.type,
            "mode": v.mode,
            "cameo": v.cameo,
            "goldstein": v.goldstein,
            "quad_class": v.quad_class,
            "source_names": [names[e] for e in v.source if e in names],
            "source_codes": list(v.source_codes),
            "target_names": [names[e] for e in v.target if e in names],
            "target_codes": list(v.target_codes),
            "when": v.when.value if v.when else None,
            "when_start": v.when.start if v.when else None,
            "when_end": v.when.end if v.when else None,
            "where_name": v.where.name if v.where else None,
            "where_country": v.where.country if v.where else None,
            "quote_id": v.quote,
            "evidence": clip(v.evidence.of(text)),
            "evidence_span": [list(v.evidence)],
            **_source(x),
        }
