"""The fingerprint cache remembers fingerprints, not texts: an ingest's parent must not keep
the last thousand article texts alive just to skip recomputing their MinHash."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

from datasketch import LeanMinHash

from dateline.ingest.dedup import fingerprint

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


class _Text(str):
    """A str that can be weakly referenced, to see whether anything still holds it."""


def test_the_fingerprint_cache_keeps_no_text() -> None:
    story = json.loads(WIKINEWS.read_text(encoding="utf-8").splitlines()[0])["text"]
    text = _Text(story)
    gone = weakref.ref(text)
    found = fingerprint(text)
    assert found is not None
    assert fingerprint(story) is found  # the same text again is a cache hit
    assert isinstance(found.minhash, LeanMinHash)  # no per-text permutation tables either
    del text
    gc.collect()
    assert gone() is None
