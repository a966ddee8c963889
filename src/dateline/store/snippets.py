"""Search snippets made in Python: the words of a query marked ``[like this]`` in a window.

SQLite's ``snippet()`` must run inside a ``MATCH`` query, and re-running a prefix or phrase
query just to mark 20 rows costs more than the search itself on a large store; marking the
folded query words in the few texts shown is cheap and gives the same ``[`` ``]`` markers.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")
_QUERY_WORD = re.compile(r"(\w+)(\*?)")
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def fold(word: str) -> str:
    """Case and accents folded, as FTS5's unicode61 tokenizer does."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_terms(query: str) -> list[tuple[str, bool]]:
    """(folded word, is a prefix) for each word of a full-text query; operators dropped."""
    return [(fold(m.group(1)), bool(m.group(2))) for m in _QUERY_WORD.finditer(query) if m.group(1) not in _OPERATORS]


def snippet(text: str, terms: list[tuple[str, bool]], width: int = 24) -> str:
    """About ``width`` words of ``text`` around its first matched word, matches in brackets."""
    tokens = list(_WORD.finditer(text))
    if not tokens:
        return ""

    def hit(token: str) -> bool:
        folded = fold(token)
        return any(folded.startswith(t) if prefix else folded == t for t, prefix in terms)

    marked = [hit(t.group()) for t in tokens]
    first = marked.index(True) if True in marked else 0
    start = max(0, first - width // 4)
    end = min(len(tokens), start + width)
    out = []
    cursor = tokens[start].start()
    for token, is_hit in zip(tokens[start:end], marked[start:end], strict=True):
        out.append(text[cursor : token.start()])
        out.append(f"[{token.group()}]" if is_hit else token.group())
        cursor = token.end()
    body = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(tokens) else "")
