"""Every Dateline spaCy factory, registered in one place with a versioned name.

``COMPONENTS`` maps the pipe name to its factory, in the order they run: entities first
(quotes resolve speakers through entity clusters; events read both).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from dateline.nlp import extensions  # noqa: F401  (declares Doc._ attributes)
from dateline.nlp.entities import EntityClusterer
from dateline.nlp.events import EventCoder
from dateline.nlp.paragraphs import ParagraphBreaks
from dateline.nlp.quotes import QuoteFinder
from dateline.nlp.tone import ToneScorer

COMPONENTS: dict[str, str] = {
    "dateline_entities": "dateline_entities_v1",
    "dateline_quotes": "dateline_quotes_v1",
    "dateline_events": "dateline_events_v1",
    "dateline_tone": "dateline_tone_v1",
}


# Runs before the parser (``pipeline.load_pipeline`` puts it there), so not in COMPONENTS.
@Language.factory("dateline_paragraphs_v1", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Any:
    return ParagraphBreaks()


@Language.factory(
    "dateline_entities_v1",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.dl_entities"],
)
def make_entities(nlp: Language, name: str) -> Any:
    return EntityClusterer(nlp.vocab)


@Language.factory(
    "dateline_quotes_v1",
    requires=["doc._.dl_entities", "token.dep", "token.lemma", "doc.sents"],
    assigns=["doc._.dl_quotes"],
)
def make_quotes(nlp: Language, name: str) -> Any:
    return QuoteFinder(nlp.vocab)


@Language.factory(
    "dateline_events_v1",
    requires=["doc.sents", "token.dep", "token.lemma", "doc._.dl_entities"],
    assigns=["doc._.dl_events"],
)
def make_events(nlp: Language, name: str) -> Any:
    return EventCoder()


@Language.factory("dateline_tone_v1", assigns=["doc._.dl_tone"])
def make_tone(nlp: Language, name: str) -> Any:
    return ToneScorer()
