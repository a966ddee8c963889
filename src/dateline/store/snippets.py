"""Search snippets made in Python: the words of a query marked ``[like this]`` in a window.

SQLite's ``snippet()`` must run inside a ``MATCH`` query, and re-running a prefix or phrase
query just to mark 20 rows costs more than the search itself on a large store; marking the
query words (case-insensitively, one regular expression) in the few texts shown is cheap and
gives the same ``[`` ``]`` markers. Unlike FTS5 it does not fold accents: a search for "cafe"
finds "Café" but its snippet leaves the word unmarked.
"""

from __future__ import annotations

import re
from functools import lru_cache

_QUERY_WORD = re.compile(r"(\w+)(\*?)")
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
CHARS_PER_WORD = 7


def query_terms(query: str) -> tuple[tuple[str, bool], ...]:
    """(lower-case word, is a prefix) for each word of a full-text query; operators dropped."""
    return tuple(
        (m.group(1).lower(), bool(m.group(2))) for m in _QUERY_WORD.finditer(query) if m.group(1) not in _OPERATORS
    )


@lru_cache(maxsize=256)
def _pattern(terms: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    words = "|".join(re.escape(t) + (r"\w*" if prefix else "") for t, prefix in sorted(terms, key=lambda t: -len(t[0])))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def snippet(text: str, terms: tuple[tuple[str, bool], ...], width: int = 24) -> str:
    """About ``width`` words of ``text`` around its first matched word, matches in brackets."""
    pattern = _pattern(terms)
    found = pattern.search(text) if pattern else None
    start = max(0, (found.start() if found else 0) - width // 4 * CHARS_PER_WORD)
    end = min(len(text), start + width * CHARS_PER_WORD)
    if start > 0:  # begin and end on whole words
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (found.start() if found else end) else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (found.end() if found else start) else end
    piece = text[start:end]
    if pattern:
        piece = pattern.sub(lambda m: f"[{m.group(0)}]", piece)
    return ("…" if start > 0 else "") + " ".join(piece.split()) + ("…" if end < len(text) else "")
