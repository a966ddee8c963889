"""Dateline: news articles → sourced records (who said what, who did what to whom, when, where).

The public API::

    import dateline
    nlp = dateline.load_pipeline()
    for item in dateline.read(["article.txt"]):
        x = dateline.extract(item, nlp)          # Extraction: entities, quotes, events
    with dateline.open_store("dateline.db") as store:
        dateline.ingest(["articles/"], store, nlp)
"""

from dateline.core import extract, extract_many, ingest
from dateline.errors import (
    ConfigError,
    DatelineError,
    ExtractionError,
    IngestError,
    Rejection,
    StoreError,
)
from dateline.ingest import read_inputs as read
from dateline.nlp import load_pipeline
from dateline.records import Article, Entity, Event, Extraction, PipelineInfo, Quote, Span, When, Where
from dateline.store import Store, open_store
from dateline.version import __version__

__all__ = [
    "Article",
    "ConfigError",
    "DatelineError",
    "Entity",
    "Event",
    "Extraction",
    "ExtractionError",
    "IngestError",
    "PipelineInfo",
    "Quote",
    "Rejection",
    "Span",
    "Store",
    "StoreError",
    "When",
    "Where",
    "__version__",
    "extract",
    "extract_many",
    "ingest",
    "load_pipeline",
    "open_store",
    "read",
]
