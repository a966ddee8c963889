"""Ingest: turn what users have (files, folders, stdin) into ``Article`` records.

Public surface: ``read_inputs(paths)`` yields an Article or a Rejection per article found;
``read_text``, ``read_html``, ``read_jsonl`` read one kind each. Formats are recognised by
content, not only by file name. Nothing here knows about NLP or storage.
"""

from dateline.ingest.html import read_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.sources import read_inputs
from dateline.ingest.text import read_text

__all__ = ["read_html", "read_inputs", "read_jsonl", "read_text"]
