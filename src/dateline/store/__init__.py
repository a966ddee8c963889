"""Store: where extractions live. ``open_store(url_or_path)`` returns a ``Store``.

SQLite is the default (one file, WAL, readable in Datasette). Nothing here imports spaCy.
"""

from dateline.store.base import SaveResult, Store, open_store

__all__ = ["SaveResult", "Store", "open_store"]
