"""The record model: what every stage passes to the next.

Owns the frozen dataclasses that carry an article and what was extracted from it. Every
offset is a character offset into ``Article.text`` (``Span(start, end)``, end exclusive), so a
record can always be checked against the words it came from. Records hold plain data only
(str, int, tuples of those) so they serialise to JSON with no custom encoder and cross process
boundaries cheaply. Nothing here imports spaCy, a database or a web framework.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


class Span(NamedTuple):
    """Character offsets ``[start, end)`` into ``Article.text``; serialises as ``[start, end]``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The words this span points at."""
        return text[self.start : self.end]


def content_hash(text: str) -> str:
    """Hash of the normalised text: the identity used for idempotent ingest.

    Normalisation folds Unicode forms and whitespace runs so the same article saved with
    CRLF or NFC/NFD differences is still recognised as the same article.
    """
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def short_id(text: str) -> str:
    """A short, URL-safe article id derived from the content hash."""
    return content_hash(text)[:16]


@dataclass(frozen=True)
class Article:
    """One news article: its text exactly as read and what is known about it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    dateline: str | None = None  # place named at the head of the story ("TEHRAN")
    authors: tuple[str, ...] = ()
    language: str | None = None
    licence: str | None = None  # SPDX-style id ("CC-BY-4.0") or free text when unrecognised
    attribution: str | None = None  # how the licence asks to credit the source
    # Where the licence was read: "notice [start, end]" (offsets into ``text``) for a notice in the
    # article, or "SOURCE: evidence" for page markup (rel-license, json-ld, meta).
    licence_evidence: str | None = None
    fetched_from: str | None = None  # file path, feed entry or WARC record it came from

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def metadata(self) -> dict[str, Any]:
        """The article as it appears under ``"article"`` in the JSON contract."""
        data = asdict(self)
        del data["id"]
        data["authors"] = list(self.authors)
        return data


@dataclass(frozen=True)
class Entity:
    """One real-world actor within one article, with every mention that refers to it."""

    id: str  # "e1", unique within the article
    name: str  # the fullest name the article gives
    kind: str  # person | org | place | group
    mentions: tuple[Span, ...]
    label: str | None = None  # the NER label behind it (PERSON, ORG, GPE, NORP, ...)
    role: str | None = None  # title or office ("Defense Minister", "Second Brigadier General")
    actor_code: str | None = None  # CAMEO-style ("IRNMIL", "USA", "NATO")


@dataclass(frozen=True)
class Quote:
    """Who said what: reported words, the cue that reports them, and the speaker."""

    id: str  # "q1"
    kind: str  # direct | partial | indirect | mixed
    content: tuple[Span, ...]
    cue: Span | None = None
    speaker_mention: Span | None = None
    speaker: str | None = None  # Entity.id
    speaker_name: str | None = None


@dataclass(frozen=True)
class When:
    """A normalised time: ``value`` is ISO (``2020-01``, ``2023-04-28``) or an interval."""

    value: str
    start: str | None = None  # first day covered, ISO date
    end: str | None = None  # last day covered, ISO date
    span: Span | None = None  # the words it was read from
    approximate: bool = False


@dataclass(frozen=True)
class Where:
    """The place an event happened."""

    name: str
    entity: str | None = None  # Entity.id
    country: str | None = None  # ISO 3166 alpha-3
    span: Span | None = None


@dataclass(frozen=True)
class Event:
    """Who did what to whom, coded in PLOVER with its closest CAMEO code."""

    id: str  # "v1"
    type: str  # PLOVER type (ASSAULT, CONSULT, ...)
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: tuple[str, ...] = ()  # Entity ids
    target: tuple[str, ...] = ()
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    trigger: Span | None = None
    when: When | None = None
    where: Where | None = None
    quote: str | None = None  # Quote.id when the event is someone's claim


@dataclass(frozen=True)
class PipelineInfo:
    version: str
    model: str


@dataclass(frozen=True)
class Extraction:
    """An article and everything extracted from it, with what produced it."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    pipeline: PipelineInfo = field(default_factory=lambda: PipelineInfo("", ""))
    tone: float | None = None
    # Why the NLP did not run on this article ("not English (fr)"): it is kept with its
    # metadata and no records. None when it was parsed.
    skipped: str | None = None

    @property
    def id(self) -> str:
        return self.article.id

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: one object per article (see README, "Output")."""
        return {
            "id": self.article.id,
            "article": self.article.metadata(),
            "entities": [_plain(asdict(e)) for e in self.entities],
            "quotes": [_plain(asdict(q)) for q in self.quotes],
            "events": [_plain(asdict(v)) for v in self.events],
            "tone": self.tone,
            "pipeline": asdict(self.pipeline),
            "skipped": self.skipped,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an Extraction from its JSON contract form (the inverse of ``to_json``)."""
        meta = dict(data["article"])
        meta["authors"] = tuple(meta.get("authors") or ())
        article = Article(id=data["id"], **meta)
        entities = tuple(entity_from_dict(e) for e in data.get("entities", []))
        quotes = tuple(quote_from_dict(q) for q in data.get("quotes", []))
        events = tuple(event_from_dict(v) for v in data.get("events", []))
        return cls(
            article=article,
            entities=entities,
            quotes=quotes,
            events=events,
            pipeline=PipelineInfo(**data.get("pipeline", {"version": "", "model": ""})),
            tone=data.get("tone"),
            skipped=data.get("skipped"),
        )

    def spans(self) -> list[tuple[str, Span]]:
        """Every span in the extraction with a label saying where it came from."""
        found: list[tuple[str, Span]] = []
        for e in self.entities:
            found += [(f"entity {e.id}", m) for m in e.mentions]
        for q in self.quotes:
            found += [(f"quote {q.id} content", c) for c in q.content]
            found += [(f"quote {q.id} {name}", s) for name, s in (("cue", q.cue), ("speaker", q.speaker_mention)) if s]
        for v in self.events:
            found.append((f"event {v.id} evidence", v.evidence))
            if v.trigger:
                found.append((f"event {v.id} trigger", v.trigger))
            if v.when and v.when.span:
                found.append((f"event {v.id} when", v.when.span))
            if v.where and v.where.span:
                found.append((f"event {v.id} where", v.where.span))
        return found


def _span(value: Any) -> Span | None:
    # int() because components may hand over numpy integers, which JSON cannot encode.
    return Span(int(value[0]), int(value[1])) if value else None


# The JSON contract's entity, quote and event objects have the same shape as the plain dicts
# the NLP components write to ``Doc._``, so one set of constructors serves ``from_json`` and
# ``nlp.convert.to_records``.


def entity_from_dict(e: dict[str, Any]) -> Entity:
    return Entity(**{**e, "mentions": tuple(Span(int(s), int(t)) for s, t in e["mentions"])})


def quote_from_dict(q: dict[str, Any]) -> Quote:
    return Quote(
        **{
            **q,
            "content": tuple(Span(int(s), int(t)) for s, t in q["content"]),
            "cue": _span(q.get("cue")),
            "speaker_mention": _span(q.get("speaker_mention")),
        }
    )


def event_from_dict(v: dict[str, Any]) -> Event:
    fields = dict(v)
    fields["evidence"] = _span(v["evidence"])
    fields["trigger"] = _span(v.get("trigger"))
    for key in ("source", "target", "source_codes", "target_codes"):
        fields[key] = tuple(v.get(key) or ())
    if v.get("when"):
        fields["when"] = When(**{**v["when"], "span": _span(v["when"].get("span"))})
    if v.get("where"):
        fields["where"] = Where(**{**v["where"], "span": _span(v["where"].get("span"))})
    return Event(**fields)


def _plain(value: Any) -> Any:
    """Tuples to lists, recursively, so JSON output matches the documented contract exactly."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
