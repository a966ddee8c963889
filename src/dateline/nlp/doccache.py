"""Per-Doc values that several of our components read: the text and token attribute arrays.

spaCy rebuilds ``Doc.text`` from every token on each access (about 0.1 ms for a news
article), and ``Doc.to_array`` copies a column per call; entities, quotes and events each
read them, so they are computed once per Doc here and shared. The cache holds the Doc
weakly (an entry goes with its Doc, memory zones included) and is keyed on the Doc object:
our components change no token or annotation after the parse, and a Doc retokenized since
(its length changed) is read again.

Owns: ``doc_text``, ``attr_array``, ``token_ids_with`` (which tokens have an attribute
value among a few strings, without a Python loop over the tokens) and ``per_doc`` (any other
value computed from a Doc, once). Reads Docs; writes nothing
to them.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc


class _Entry:
    __slots__ = ("length", "text", "arrays", "derived")

    def __init__(self, length: int) -> None:
        self.length = length
        self.text: str | None = None
        self.arrays: dict[Any, np.ndarray] = {}
        self.derived: dict[Callable[[Doc], Any], Any] = {}


_CACHE: weakref.WeakKeyDictionary[Doc, _Entry] = weakref.WeakKeyDictionary()


def _entry(doc: Doc) -> _Entry:
    entry = _CACHE.get(doc)
    if entry is None or entry.length != len(doc):
        entry = _Entry(len(doc))
        _CACHE[doc] = entry
    return entry


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    entry = _entry(doc)
    if entry.text is None:
        entry.text = doc.text
    return entry.text


def attr_array(doc: Doc, attr: str | int) -> np.ndarray:
    """``doc.to_array(attr)`` for one attribute ("LEMMA", "DEP", ``spacy.attrs.POS``), read
    once per Doc; read-only, as every caller shares it."""
    entry = _entry(doc)
    found = entry.arrays.get(attr)
    if found is None:
        found = doc.to_array(attr)
        found.flags.writeable = False
        entry.arrays[attr] = found
    return found


_T = TypeVar("_T")


def per_doc(doc: Doc, compute: Callable[[Doc], _T]) -> _T:
    """``compute(doc)``, computed once per Doc (a component's own index over its tokens that
    every sentence reads); ``compute`` must read only the Doc, and its value is shared."""
    derived = _entry(doc).derived
    if compute not in derived:
        derived[compute] = compute(doc)
    return derived[compute]  # type: ignore[no-any-return]


@lru_cache(maxsize=256)
def _sorted_ids(values: tuple[str, ...]) -> np.ndarray:
    # ``get_string_id`` is ``vocab.strings[value]`` without a vocab: a symbol's id ("nsubj",
    # "VERB") or the string's hash, as ``to_array`` holds them.
    return np.unique(np.array([get_string_id(v) for v in values], dtype=np.uint64))


def token_ids_with(doc: Doc, attr: str | int, values: Iterable[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` is one of ``values``, in order (``np.isin``
    sorts both sides on every call; the values' ids are sorted once and searched here)."""
    ids = _sorted_ids(tuple(values))
    if not len(ids) or not len(doc):
        return []
    column = attr_array(doc, attr)
    at = np.searchsorted(ids, column)
    np.minimum(at, len(ids) - 1, out=at)
    return np.flatnonzero(ids[at] == column).tolist()  # type: ignore[no-any-return]
