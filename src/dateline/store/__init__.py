"""Store: where extractions live. ``open_store(path_or_url)`` returns a ``Store``.

SQLite is the default (one file, WAL, FTS5, readable in Datasette); ``postgresql://`` URLs
open the PostgreSQL backend, same schema and queries. The query contract (filters, row shapes,
``QueryError``) is in ``store/query.py``. Nothing here imports spaCy.
"""

from dateline.store.base import SaveResult, Store, open_store
from dateline.store.query import ArticleFilter, EventFilter, QueryError, QuoteFilter

__all__ = ["ArticleFilter", "EventFilter", "QueryError", "QuoteFilter", "SaveResult", "Store", "open_store"]
