"""Near-duplicates: the same wire story on five sites, a Mehr text republished by Tehran Times.

MinHash signatures over word shingles, indexed with datasketch's LSH, find the earlier
article a new one copies. Exact copies are the store's job (content hash); this catches
copies with a changed headline line, a credit line or trimmed paragraphs. Nothing here
stores anything: ``core`` asks ``original_of`` once per article and records the copy.
"""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+")

SHINGLE = 5  # words per shingle: long enough that common phrases do not make stories look alike
NUM_PERM = 128
THRESHOLD = 0.7  # estimated Jaccard similarity of shingle sets above which a text is a copy
MIN_SHINGLES = 20  # a very short text (a brief, a caption) is too little evidence


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(found))
    return minhash


class NearDuplicates:
    """An in-memory index of the articles seen in one run."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def original_of(self, article_id: str, text: str) -> str | None:
        """The id of an earlier near-identical article; otherwise remember this one and return None."""
        minhash = signature(text)
        if minhash is None:
            return None
        candidates = self.lsh.query(minhash)
        if candidates:
            # LSH candidates are probable matches; keep the closest one that truly passes.
            best = max(candidates, key=lambda key: self.signatures[key].jaccard(minhash))
            if self.signatures[best].jaccard(minhash) >= self.threshold:
                return str(best)
        if article_id not in self.signatures:
            self.lsh.insert(article_id, minhash)
            self.signatures[article_id] = minhash
        return None
