"""Near-duplicate documents (syndicated copies, mirrors) with MinHash LSH over word shingles."""
from __future__ import annotations

import functools
import re

from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5
SCHEME = "affine32"      # datasketch 2 needs the scheme to rebuild a MinHash from stored values


@functools.cache
def _permutations():
    # datasketch draws the same permutations (seed 1) for every MinHash it builds, which cost more
    # than hashing a short article; drawn once here and shared (read-only) by every sketch
    permutations = MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations
    permutations.setflags(write=False)
    return permutations


def _minhash(values: list[int] | None = None) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=values, permutations=_permutations(), scheme=SCHEME)


def _shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


class NearDuplicateIndex:
    """The first stored copy is the original; later near-copies point at it (`duplicate_of`)."""

    def __init__(self, threshold: float):
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.threshold = threshold
        self.hashes: dict[str, MinHash] = {}

    @classmethod
    def from_store(cls, store, threshold: float) -> NearDuplicateIndex:
        index = cls(threshold)
        for doc_id, values in store.minhashes():
            index.add(doc_id, values)
        return index

    @staticmethod
    def signature(text: str) -> list[int]:
        mh = _minhash()
        mh.update_batch(list(_shingles(text)))
        return [int(v) for v in mh.hashvalues]

    def find(self, values: list[int]) -> str | None:
        mh = _minhash(values)
        best, best_sim = None, 0.0
        for cand in self.lsh.query(mh):
            sim = mh.jaccard(self.hashes[cand])
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = cand, sim
        return best

    def add(self, doc_id: str, values: list[int], is_duplicate: bool = False) -> None:
        if is_duplicate or doc_id in self.hashes:
            return          # only originals are match targets, so chains never form
        mh = _minhash(values)
        self.hashes[doc_id] = mh
        self.lsh.insert(doc_id, mh)
