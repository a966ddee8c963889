"""``to_records``: the one place a spaCy ``Doc`` becomes frozen Dateline records.

spaCy never leaks past this module: everything after it sees only ``dateline.records``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from dateline.records import (
    Article,
    Entity,
    Event,
    Extraction,
    PipelineInfo,
    Quote,
    Span,
    When,
    Where,
)


def to_records(doc: Doc, article: Article, pipeline: PipelineInfo) -> Extraction:
    entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            kind=e["kind"],
            label=e.get("label"),
            role=e.get("role"),
            actor_code=e.get("actor_code"),
            mentions=tuple(Span(*m) for m in e["mentions"]),
        )
        for e in doc._.dl_entities or ()
    )
    quotes = tuple(
        Quote(
            id=q["id"],
            kind=q["kind"],
            content=tuple(Span(*c) for c in q["content"]),
            cue=_span(q.get("cue")),
            speaker_mention=_span(q.get("speaker_mention")),
            speaker=q.get("speaker"),
            speaker_name=q.get("speaker_name"),
        )
        for q in doc._.dl_quotes or ()
    )
    events = tuple(_event(v) for v in doc._.dl_events or ())
    return Extraction(
        article=article, entities=entities, quotes=quotes, events=events, pipeline=pipeline, tone=doc._.dl_tone
    )


def _span(value: Any) -> Span | None:
    return Span(int(value[0]), int(value[1])) if value else None


def _event(v: dict[str, Any]) -> Event:
    when = v.get("when")
    where = v.get("where")
    return Event(
        id=v["id"],
        type=v["type"],
        evidence=Span(*v["evidence"]),
        mode=v.get("mode"),
        cameo=v.get("cameo"),
        goldstein=v.get("goldstein"),
        quad_class=v.get("quad_class"),
        source=tuple(v.get("source") or ()),
        target=tuple(v.get("target") or ()),
        source_codes=tuple(v.get("source_codes") or ()),
        target_codes=tuple(v.get("target_codes") or ()),
        trigger=_span(v.get("trigger")),
        when=When(**{**when, "span": _span(when.get("span"))}) if when else None,
        where=Where(**{**where, "span": _span(where.get("span"))}) if where else None,
        quote=v.get("quote"),
    )
