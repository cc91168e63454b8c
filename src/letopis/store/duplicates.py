"""Near-duplicate articles: the same agency story republished or lightly edited.

Each document gets a MinHash signature of its word 5-shingles (datasketch). The signature is cut
into BANDS bands; a band's key is a hash of its values, stored in `minhash_bands`, so that the
documents sharing a band with a new one are found by a lookup in the store, not by loading every
signature (locality-sensitive hashing: two documents of Jaccard similarity s share a band with
probability 1 - (1 - s^ROWS)^BANDS, above 0.99 at s = 0.8). The candidates' signatures are then
compared, and the most similar one at or above THRESHOLD is the original.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from .database import Database

NUM_PERM = 64
BANDS, ROWS = 16, 4  # NUM_PERM = BANDS × ROWS
SHINGLE = 5
THRESHOLD = 0.8
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
WORD = re.compile(r"\w+")


def signature(text: str):
    from datasketch import MinHash

    words = WORD.findall(text.lower().replace("ё", "е"))
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


@lru_cache(maxsize=1)
def _permutations():
    """The seed's permutations, drawn once rather than for every document."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def band_keys(values) -> list[int]:
    """One stable 63-bit key per band of the signature."""
    array = np.asarray(values, dtype=np.uint64)
    return [int.from_bytes(hashlib.blake2b(array[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(), "big") >> 1 for b in range(BANDS)]


def band_rows(doc_id: str, values) -> list[dict]:
    return [{"doc_id": doc_id, "band": band, "key": key} for band, key in enumerate(band_keys(values))]


class NearDuplicates:
    """Checks a batch of documents against the store and against each other, in one lookup."""

    def __init__(self, db: Database):
        self.db = db
        _permutations()  # imports datasketch (and the scipy it loads) now, not inside the first batch

    def check_batch(self, documents: list[tuple[str, str]]) -> dict[str, tuple[list[int], list[dict], str | None, float | None]]:
        """doc id → (signature, band rows, the document it nearly duplicates, the similarity)."""
        values = {doc_id: signature(text).hashvalues.astype(np.uint64) for doc_id, text in documents}
        keys = {doc_id: band_keys(v) for doc_id, v in values.items()}
        stored = self._stored_candidates(keys)
        seen: dict[tuple[int, int], list[str]] = {}
        signatures = self._signatures({d for found in stored.values() for d in found})
        result = {}
        for doc_id, _ in documents:
            candidates = stored.get(doc_id, set()) | {d for band, key in enumerate(keys[doc_id]) for d in seen.get((band, key), ())}
            best, similarity = None, None
            for other in sorted(candidates):
                other_values = values[other] if other in values else signatures.get(other)
                if other_values is None:
                    continue
                score = float(np.mean(values[doc_id] == other_values))
                if score >= THRESHOLD and (similarity is None or score > similarity):
                    best, similarity = other, score
            for band, key in enumerate(keys[doc_id]):
                seen.setdefault((band, key), []).append(doc_id)
            rows = [{"doc_id": doc_id, "band": band, "key": key} for band, key in enumerate(keys[doc_id])]
            result[doc_id] = ([int(v) for v in values[doc_id]], rows, best, round(similarity, 3) if similarity is not None else None)
        return result

    def _stored_candidates(self, keys: dict[str, list[int]]) -> dict[str, set[str]]:
        docs = [d for d, k in keys.items() for _ in k]
        bands = [b for k in keys.values() for b in range(len(k))]
        values = [v for k in keys.values() for v in k]
        if not docs:
            return {}
        found: dict[str, set[str]] = {}
        rows = self.db.con.execute("""
            SELECT DISTINCT q.doc, m.doc_id
            FROM (SELECT unnest(?::VARCHAR[]) AS doc, unnest(?::INTEGER[]) AS band, unnest(?::UBIGINT[]) AS key) q
            JOIN minhash_bands m ON m.band = q.band AND m.key = q.key
        """, [docs, bands, values]).fetchall()
        for doc, other in rows:
            found.setdefault(doc, set()).add(other)
        return found

    def _signatures(self, doc_ids: set[str]) -> dict[str, np.ndarray]:
        if not doc_ids:
            return {}
        rows = self.db.con.execute("SELECT doc_id, minhash FROM signatures WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(doc_ids)]).fetchall()
        return {doc_id: np.asarray(v, dtype=np.uint64) for doc_id, v in rows}
