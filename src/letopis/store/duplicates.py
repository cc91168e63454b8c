"""Near-duplicate articles: the same agency story republished or lightly edited.

Each document gets a MinHash signature of its word 5-shingles (datasketch); an LSH index over
the signatures already stored finds earlier documents whose estimated Jaccard similarity is at
least THRESHOLD. The signatures are stored, so a later ingest finds duplicates of earlier ones.
"""

from __future__ import annotations

import re

import numpy as np

from .database import Database

NUM_PERM = 64
SHINGLE = 5
THRESHOLD = 0.8
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
WORD = re.compile(r"\w+")


def signature(text: str):
    from datasketch import MinHash

    words = WORD.findall(text.lower().replace("ё", "е"))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


class NearDuplicates:
    def __init__(self, db: Database):
        from datasketch import MinHash, MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, object] = {}
        for doc_id, values in db.con.execute("SELECT doc_id, minhash FROM signatures").fetchall():
            minhash = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)
            self._add(doc_id, minhash)

    def _add(self, doc_id: str, minhash) -> None:
        if doc_id not in self.signatures:
            self.lsh.insert(doc_id, minhash)
            self.signatures[doc_id] = minhash

    def check(self, doc_id: str, text: str) -> tuple[list[int], str | None, float | None]:
        """The document's signature, and the stored document it most resembles above the threshold."""
        minhash = signature(text)
        best, similarity = None, None
        for other in sorted(self.lsh.query(minhash)):
            score = minhash.jaccard(self.signatures[other])
            if score >= THRESHOLD and (similarity is None or score > similarity):
                best, similarity = other, score
        self._add(doc_id, minhash)
        return [int(v) for v in minhash.hashvalues], best, (round(float(similarity), 3) if similarity is not None else None)
