"""``to_records``: the one place a spaCy ``Doc`` becomes frozen Dateline records.

spaCy never leaks past this module: everything after it sees only ``dateline.records``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.records import (
    Article,
    Extraction,
    PipelineInfo,
    entity_from_dict,
    event_from_dict,
    quote_from_dict,
)


def to_records(doc: Doc, article: Article, pipeline: PipelineInfo) -> Extraction:
    return Extraction(
        article=article,
        entities=tuple(entity_from_dict(e) for e in doc._.dl_entities or ()),
        quotes=tuple(quote_from_dict(q) for q in doc._.dl_quotes or ()),
        events=tuple(event_from_dict(v) for v in doc._.dl_events or ()),
        pipeline=pipeline,
        tone=doc._.dl_tone,
    )
