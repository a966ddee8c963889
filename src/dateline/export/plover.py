"""PLOVER export in the shape of POLECAT records (JSON Lines, one event per line).

POLECAT (the PLOVER-coded successor of ICEWS) publishes per event: id, date, type, mode,
intensity, quad code, actor and recipient (name, country, sectors), location and the story
it came from. Dateline adds the CAMEO code, the evidence sentence and the source's licence and
attribution; fields it cannot fill are null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dateline.export.codes import ROOT_GOLDSTEIN, event_code, quad_class, split_actor_code
from dateline.export.rows import clip
from dateline.records import Entity, Event, Extraction
from dateline.version import __version__

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def plover_records(extractions: Iterable[Extraction]) -> Iterator[dict[str, Any]]:
    for x in extractions:
        entities = {e.id: e for e in x.entities}
        for v in x.events:
            yield _record(x, v, entities)


def _record(x: Extraction, v: Event, entities: dict[str, Entity]) -> dict[str, Any]:
    a = x.article
    code = event_code(v.cameo)
    quad = v.quad_class if v.quad_class is not None else quad_class(code[:2])
    return {
        "event_id": f"{a.id}/{v.id}",
        "event_date": (v.when.start or v.when.value) if v.when else a.published,
        "event_date_text": v.when.span.of(a.text) if v.when and v.when.span else None,
        "event_type": v.type,
        "event_mode": v.mode,
        "event_intensity": v.goldstein if v.goldstein is not None else ROOT_GOLDSTEIN.get(code[:2]),
        "quad_code": quad,
        "quad_name": QUAD_NAMES.get(quad or 0),
        "cameo": code or None,
        "contexts": [],
        "actor": _party(v.source, v.source_codes, entities),
        "recipient": _party(v.target, v.target_codes, entities),
        "location": (
            {"placename": v.where.name, "country": v.where.country, "raw_placename": _words(a.text, v.where.span)}
            if v.where
            else None
        ),
        "event_text": clip(v.evidence.of(a.text)),
        "evidence_span": list(v.evidence),
        "reported_by_quote": v.quote,
        "story_id": a.id,
        "headline": a.title,
        "publisher": a.source,
        "publication_date": a.published,
        "url": a.url,
        "language": a.language,
        "licence": a.licence,
        "attribution": a.attribution,
        "version": f"dateline {__version__}",
    }


def _party(ids: tuple[str, ...], codes: tuple[str, ...], entities: dict[str, Entity]) -> list[dict[str, Any]]:
    parties = []
    for i in ids:
        e = entities.get(i)
        if e is None:
            continue
        country, sectors = split_actor_code(e.actor_code)
        parties.append(
            {"name": e.name, "code": e.actor_code, "country": country or None, "sectors": sectors, "title": e.role}
        )
    known = {p["code"] for p in parties}
    for code in codes:
        if code not in known:
            country, sectors = split_actor_code(code)
            parties.append({"name": None, "code": code, "country": country or None, "sectors": sectors, "title": None})
    return parties


def _words(text: str, span: Any) -> str | None:
    return text[span[0] : span[1]] if span else None


def write_plover(extractions: Iterable[Extraction], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for record in plover_records(extractions):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
