"""Dateline: news articles → sourced records (who said what, who did what to whom, when, where).

The public API::

    import dateline
    nlp = dateline.load_pipeline()
    for item in dateline.read(["article.txt"]):
        x = dateline.extract(item, nlp)          # Extraction: entities, quotes, events
    with dateline.open_store("dateline.db") as store:
        dateline.ingest(["articles/"], store, nlp)

Names are imported on first use (PEP 562), so ``import dateline`` and the query commands do
not pay for loading spaCy.
"""

import importlib as _importlib
import typing as _typing

from dateline.version import __version__

_EXPORTS = {
    "extract": "dateline.core",
    "extract_many": "dateline.core",
    "ingest": "dateline.core",
    "ConfigError": "dateline.errors",
    "DatelineError": "dateline.errors",
    "ExtractionError": "dateline.errors",
    "IngestError": "dateline.errors",
    "Rejection": "dateline.errors",
    "StoreError": "dateline.errors",
    "read": "dateline.ingest",
    "load_pipeline": "dateline.nlp",
    "Article": "dateline.records",
    "Entity": "dateline.records",
    "Event": "dateline.records",
    "Extraction": "dateline.records",
    "PipelineInfo": "dateline.records",
    "Quote": "dateline.records",
    "Span": "dateline.records",
    "When": "dateline.records",
    "Where": "dateline.records",
    "Store": "dateline.store",
    "open_store": "dateline.store",
}
_RENAMED = {"read": "read_inputs"}

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


def __getattr__(name: str) -> _typing.Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


if _typing.TYPE_CHECKING:
    from dateline.core import extract, extract_many, ingest
    from dateline.errors import ConfigError, DatelineError, ExtractionError, IngestError, Rejection, StoreError
    from dateline.ingest import read_inputs as read
    from dateline.nlp import load_pipeline
    from dateline.records import Article, Entity, Event, Extraction, PipelineInfo, Quote, Span, When, Where
    from dateline.store import Store, open_store
