"""Exact and near-duplicate detection across a corpus (syndicated copies of one story).

Exact copies share a ``doc_id`` (it is a hash of the clean text). Near-duplicates
(the same wire story with another dateline, a reworded sentence, an extra line) are
found with MinHash signatures over word 5-shingles and locality-sensitive hashing
(Broder 1997; datasketch's ``MinHashLSH``), then confirmed by the estimated Jaccard
similarity. The first document seen (corpus order is sorted) is kept; later copies
are reported as duplicates of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["DuplicateMatch", "shingles", "DuplicateDetector"]

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DuplicateMatch:
    kind: str  # "exact" or "near"
    of_doc_id: str
    similarity: float


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word ``size``-grams of the case-folded text, as bytes for hashing.

    >>> sorted(shingles("Gold, gold and more GOLD", size=3))
    [b'and more gold', b'gold and more', b'gold gold and']
    """
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


class DuplicateDetector:
    """Stateful across one run: remembers the documents kept so far.

    Memory grows with the number of kept documents (a signature and an LSH entry,
    about 2 KB each at 128 permutations), not with their length.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, seed: int = 1):
        self.threshold = threshold
        self.num_perm = num_perm
        self.seed = seed
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}

    def _signature(self, text: str) -> MinHash:
        signature = MinHash(num_perm=self.num_perm, seed=self.seed)
        signature.update_batch(sorted(shingles(text)))
        return signature

    def check(self, doc_id: str, text: str) -> DuplicateMatch | None:
        """Return the match if ``text`` duplicates a kept document; otherwise keep it and return ``None``."""
        if doc_id in self._signatures:
            return DuplicateMatch("exact", doc_id, 1.0)
        signature = self._signature(text)
        candidates = sorted(self._lsh.query(signature), key=self._order.__getitem__)
        best: DuplicateMatch | None = None
        for candidate in candidates:
            similarity = round(float(np.mean(signature.hashvalues == self._signatures[candidate])), 4)
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = DuplicateMatch("near", candidate, similarity)
        if best is None:
            self._lsh.insert(doc_id, signature)
            self._signatures[doc_id] = signature.hashvalues
            self._order[doc_id] = len(self._order)
        return best
