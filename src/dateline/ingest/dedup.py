"""Near-duplicates: the same wire story on five sites, a Mehr text republished by Tehran Times.

MinHash signatures over word shingles, cut into LSH bands the way datasketch's
``MinHashLSH`` cuts them, find the earlier article a new one copies. Exact copies are the
store's job (content hash); this catches copies with a changed headline line, a credit line
or trimmed paragraphs. Nothing here stores anything: the store keeps each stored article's
``Fingerprint`` (signature, lead, band keys) so a copy arriving in a later run is found, and
``NearDuplicates`` asks it, plus an in-memory index of the articles of this run not yet
committed; ``core`` records the copy.

Whole-text similarity alone is not enough: outlets reuse long background paragraphs and
templates (a daily stock-index report with new figures), so two different stories can share
70-90% of their shingles. A copy of the same story also shares its lead, so a candidate
must pass both tests. On 50 pairs sampled from the Tehran Times bench corpus, whole-text
similarity alone was right 9 times in 50; every one of the 41 wrong pairs had a lead overlap
of 0.73 or less, every right one 1.0.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"\w+")

SHINGLE = 5  # words per shingle: long enough that common phrases do not make stories look alike
NUM_PERM = 128
# datasketch's permutation scheme, named so that stored signatures stay comparable when a
# newer datasketch changes its default: 32-bit hash values, 512 bytes a signature.
SCHEME = "affine32"
_VALUE = np.dtype("<u4")
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets above which a text is a copy
MIN_SHINGLES = 20  # a very short text (a brief, a caption) is too little evidence
LEAD_WORDS = 80  # the lead: the opening words a copy keeps
LEAD_SLACK = 40  # extra words searched in the other text, for a credit or dateline put in front
LEAD_THRESHOLD = 0.8  # share of one lead's shingles found at the head of the other

# The bands (b) and rows per band (r) datasketch picks for this threshold and signature size
# (14 × 9 for 0.7 / 128), so a stored band key means what a MinHashLSH bucket means.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BAND_RANGES: tuple[tuple[int, int], ...] = tuple(_LSH.hashranges)


def shingles(text: str, size: int = SHINGLE, limit: int | None = None) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)[:limit]]
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def lead_overlap(a: str, b: str) -> float:
    """How much of one text's lead opens the other (the larger of both directions).

    The figures in the lead count separately: a template report (today's index, this week's
    oil auction) repeats every word but its numbers, a copy of the same story keeps them all.
    """
    best = 0.0
    for first, second in ((a, b), (b, a)):
        lead = shingles(first, limit=LEAD_WORDS)
        head = shingles(second, limit=LEAD_WORDS + LEAD_SLACK)
        if lead:
            best = max(best, len(lead & head) / len(lead))
    figures_a, figures_b = _figures(a, LEAD_WORDS), _figures(b, LEAD_WORDS)
    if figures_a and figures_b:
        smaller = min(figures_a, figures_b, key=len)
        best = min(best, len(figures_a & figures_b) / len(smaller))
    return best


def _figures(text: str, limit: int) -> set[str]:
    return {w for w in _WORD.findall(text)[:limit] if any(c.isdigit() for c in w)}


def signature(text: str) -> MinHash | None:
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(found))
    return minhash


@dataclass(frozen=True)
class Fingerprint:
    """What the near-duplicate test needs of an article: its MinHash and its opening words."""

    minhash: MinHash
    head: str  # the first LEAD_WORDS + LEAD_SLACK words, for the lead check

    @cached_property
    def bands(self) -> tuple[int, ...]:
        """One key per LSH band: two texts that share any key are candidates.

        datasketch's own LSH storage is in memory, Redis or Cassandra; Dateline's store is
        SQLite or PostgreSQL, so the buckets live in a ``(band_key, article_id)`` table there
        and a lookup is one indexed query. A key hashes the band number with the band's
        values to a signed 64-bit integer (an SQL INTEGER/BIGINT); a collision only adds a
        candidate, which ``is_copy`` then rejects.
        """
        values = self.minhash.hashvalues
        return tuple(
            int.from_bytes(
                hashlib.blake2b(values[start:end].tobytes(), digest_size=8, person=band.to_bytes(16, "big")).digest(),
                "big",
                signed=True,
            )
            for band, (start, end) in enumerate(BAND_RANGES)
        )

    def signature_bytes(self) -> bytes:
        return self.minhash.hashvalues.astype(_VALUE).tobytes()

    @classmethod
    def from_stored(cls, signature: bytes, head: str) -> Fingerprint:
        # LeanMinHash: the values alone, without rebuilding the 128 permutations for each candidate.
        values = np.frombuffer(signature, dtype=_VALUE).astype(np.uint32)
        return cls(LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME), head)


# Memoised: ingest fingerprints an article to look for its original, and the store
# fingerprints it again when it saves it a few batches later; the signature is most of the
# cost. The cache holds the fingerprints of the last CACHED_TEXTS texts (1.7 MB of Tehran
# Times news), more than the batches in flight. Hand-written rather than functools.lru_cache,
# which keys on its argument and so kept the last 1,024 texts themselves alive in the ingest's
# parent (6.6 MB of Tehran Times news with the UTF-8 copies pickle and sqlite3 cache on a str);
# this one keys on a digest of the text.
CACHED_TEXTS = 1024
_cache: OrderedDict[bytes, Fingerprint | None] = OrderedDict()
_cache_lock = threading.Lock()  # the web app may ingest on several threads


def fingerprint(text: str) -> Fingerprint | None:
    """None for a text too short to judge (fewer than MIN_SHINGLES shingles)."""
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    found = _fingerprint(text)
    with _cache_lock:
        _cache[key] = found
        if len(_cache) > CACHED_TEXTS:
            _cache.popitem(last=False)
    return found


def _fingerprint(text: str) -> Fingerprint | None:
    minhash = signature(text)
    if minhash is None:
        return None
    # Lean: the hash values alone; a MinHash also keeps its 128 permutations (2 KB) per text.
    return Fingerprint(LeanMinHash(minhash), " ".join(_WORD.findall(text)[: LEAD_WORDS + LEAD_SLACK]))


def best_original(copy: Fingerprint, candidates: Mapping[str, Fingerprint]) -> str | None:
    """The candidate ``copy`` is a near-identical copy of (the most similar one), or None."""
    scored = sorted(((fp.minhash.jaccard(copy.minhash), key) for key, fp in candidates.items()), reverse=True)
    for similarity, key in scored:
        if similarity >= THRESHOLD and lead_overlap(candidates[key].head, copy.head) >= LEAD_THRESHOLD:
            return key
    return None


# Committed articles sharing a band key with the given keys: the store's lookup.
StoredLookup = Callable[[Sequence[int]], list[tuple[str, Fingerprint]]]


class NearDuplicates:
    """The near-duplicate index of one ingest run.

    Articles already committed are found through ``stored`` (the store's band table: one
    indexed query per chunk after ``look_up``, else per article); articles of this run that
    are not committed yet (their batch is still being parsed) are kept in memory until
    ``forget`` is told they are stored, so memory stays flat however long the run.
    """

    def __init__(self, stored: StoredLookup | None = None) -> None:
        self.stored = stored
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.pending: dict[str, Fingerprint] = {}
        self.fetched: dict[str, Fingerprint] = {}  # stored candidates of the chunk being planned
        self.fetched_for: set[int] = set()  # the band keys they were fetched for

    def look_up(self, texts: Iterable[str]) -> None:
        """Fetch the stored candidates of a whole chunk of articles in one query."""
        if self.stored is None:
            return
        keys = {key for text in texts if (found := fingerprint(text)) is not None for key in found.bands}
        self.fetched = dict(self.stored(sorted(keys))) if keys else {}
        self.fetched_for = keys

    def original_of(self, article_id: str, text: str) -> str | None:
        """The id of an earlier near-identical article; otherwise remember this one and return None."""
        found = fingerprint(text)
        if found is None:
            return None
        candidates = {key: self.pending[key] for key in self.lsh.query(found.minhash)}
        if self.stored is not None:
            bands = set(found.bands)
            if bands <= self.fetched_for:
                stored = [(key, fp) for key, fp in self.fetched.items() if bands.intersection(fp.bands)]
            else:
                stored = self.stored(found.bands)
            candidates.update((key, fp) for key, fp in stored if key != article_id)
        original = best_original(found, candidates)
        if original is None and article_id not in self.pending:
            self.lsh.insert(article_id, found.minhash)
            self.pending[article_id] = found
        return original

    def forget(self, article_ids: Iterable[str]) -> None:
        """These articles are committed (or dropped): the store answers for them from now on."""
        if self.stored is None:
            return  # nothing else would remember them
        for key in article_ids:
            if self.pending.pop(key, None) is not None:
                self.lsh.remove(key)
