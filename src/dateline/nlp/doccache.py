"""Per-Doc values that several of our components read: the text and token attribute arrays.

spaCy rebuilds ``Doc.text`` from every token on each access (about 0.1 ms for a news
article), and ``Doc.to_array`` copies a column per call; entities, quotes and events each
read them, so they are computed once per Doc here and shared. The cache holds the Doc
weakly (an entry goes with its Doc, memory zones included) and is keyed on the Doc object:
our components change no token or annotation after the parse, and a Doc retokenized since
(its length changed) is read again.

Owns: ``doc_text``, ``attr_array``, ``token_bounds``, ``token_at_char``, ``token_ids_with`` (which tokens have an attribute
value among a few strings, without a Python loop over the tokens) and ``per_doc`` (any other
value computed from a Doc, once). Reads Docs; writes nothing
to them.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Collection
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import IDX, LENGTH
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


# The Doc asked for last: the rules ask for the text and arrays of one Doc hundreds of times
# in a row, and a weak reference to call is cheaper than a WeakKeyDictionary lookup.
_last: tuple[weakref.ref[Doc], _Entry] | None = None


def _entry(doc: Doc) -> _Entry:
    global _last
    if _last is not None and _last[0]() is doc and _last[1].length == len(doc):
        return _last[1]
    entry = _CACHE.get(doc)
    if entry is None or entry.length != len(doc):
        entry = _Entry(len(doc))
        _CACHE[doc] = entry
    _last = (weakref.ref(doc), entry)
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


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's first and past-the-end character offsets (``tok.idx``, ``tok.idx +
    len(tok)``), as lists, once per Doc."""
    return per_doc(doc, _token_bounds)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    starts = attr_array(doc, IDX)
    return starts.tolist(), (starts + attr_array(doc, LENGTH)).tolist()


def token_at_char(doc: Doc, char: int) -> int | None:
    """Index of the token whose text holds character ``char`` (None in the space after a token
    or outside the text): ``doc.char_span(char, char + 1, alignment_mode="expand")``'s one
    token, found by bisection without building a Span."""
    starts, ends = token_bounds(doc)
    i = bisect_right(starts, char) - 1
    return i if i >= 0 and char < ends[i] else None


def per_doc(doc: Doc, compute: Callable[[Doc], _T]) -> _T:
    """``compute(doc)``, computed once per Doc (a component's own index over its tokens that
    every sentence reads); ``compute`` must read only the Doc, and its value is shared."""
    derived = _entry(doc).derived
    if compute not in derived:
        derived[compute] = compute(doc)
    return derived[compute]  # type: ignore[no-any-return]


# id(values) -> (values, their sorted ids): the lexicon tables and constant tuples the rules
# pass are the same objects call after call; hashing a 200-word table to find it in an
# ``lru_cache`` cost as much as the search. The entry holds the object, so its id is not
# reused while cached; bounded, as per-article collections pass through too.
_IDS: OrderedDict[int, tuple[Collection[str], np.ndarray]] = OrderedDict()


def _sorted_ids(values: Collection[str]) -> np.ndarray:
    hit = _IDS.get(id(values))
    if hit is not None and hit[0] is values and len(hit[0]) == len(values):
        return hit[1]
    # ``get_string_id`` is ``vocab.strings[value]`` without a vocab: a symbol's id ("nsubj",
    # "VERB") or the string's hash, as ``to_array`` holds them.
    ids = np.unique(np.array([get_string_id(v) for v in values], dtype=np.uint64))
    _IDS[id(values)] = (values, ids)
    if len(_IDS) > 256:
        _IDS.popitem(last=False)
    return ids


def token_ids_with(doc: Doc, attr: str | int, values: Collection[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` is one of ``values``, in order. ``values`` is a
    constant (a lexicon table, a tuple): its ids are computed once per object, sorted, and
    searched here (``np.isin`` sorts both sides on every call)."""
    ids = _sorted_ids(values)
    if not len(ids) or not len(doc):
        return []
    column = attr_array(doc, attr)
    if len(ids) == 1:
        return (column == ids[0]).nonzero()[0].tolist()  # type: ignore[no-any-return]
    return (ids.take(ids.searchsorted(column), mode="clip") == column).nonzero()[0].tolist()  # type: ignore[no-any-return]
