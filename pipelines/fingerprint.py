"""The fingerprint of an article's cleaned text: MinHash over word shingles, for finding copies of a story.

Pure: text in, `Fingerprint` out; no SQLite (the store keeps fingerprints: `pipelines.store.stories`). It is
computed where the page is cleaned (a cleaning worker), after the cleaners, so that boilerplate a copying site
injects is gone before the text is fingerprinted.

- Text is normalised (NFKC, case-folded) and split into words: runs of letters and digits, and each character
  of the scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), which then
  count as words. Punctuation, spacing and case do not change a fingerprint.
- The shingles are the runs of `SHINGLE_WORDS` consecutive words; the signature is `rensa`'s ``RMinHash`` of
  them with `NUM_PERM` permutations (chosen over ``datasketch`` by measurement: docs/performance.md).
- The text hash is the SHA-256 of the normalised words: two texts that differ only in spacing, punctuation or
  case have the same one.
- A text of fewer than `MIN_WORDS` words gets no fingerprint (`fingerprint` returns None): too short to tell a
  copy from a coincidence.
- Two texts are compared by `containment`: the estimated share of the shorter one's shingles that the other has,
  scaled from the Jaccard estimate of the two signatures and their sizes (Broder's resemblance and containment).
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

NUM_PERM = 128
"""Permutations of the MinHash signature: the standard error of a similarity estimate is about
sqrt(s(1-s)/128), 0.04 at s = 0.5."""
SHINGLE_WORDS = 5
"""Words per shingle."""
BANDS = 42
ROWS = 3
"""LSH banding: the first 126 values of the signature cut into `BANDS` bands of `ROWS`; two articles are
candidates when one band is equal. A pair at Jaccard similarity s is a candidate with probability
1 - (1 - s^3)^42: 0.68 at 0.3, 0.94 at 0.4, 0.996 at 0.5 (the curve's midpoint, (1/42)^(1/3), is 0.29: at
`MIN_SHARED`)."""
MIN_SHARED = 0.3
"""The Jaccard estimate (39 of 128 values equal) under which `containment` is not scaled up from it: below, two
texts share too little for one to be a cut copy of the other (distinct articles that share a site's leftover
boilerplate reach 0.2), and the estimate is too uncertain to scale."""
MIN_WORDS = 50
"""Texts of fewer words get no fingerprint and stay alone."""
SEED = 19
"""The MinHash seed: fixed, so that a fingerprint is the same in every process and every run."""

TOO_SHORT = "no-fingerprint: text too short"
"""The ``problems`` entry of an article whose text has fewer than `MIN_WORDS` words."""

_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
)
_WORDS = re.compile(f"[{_UNSPACED}]|[^\\W{_UNSPACED}]+")
_SPACED_WORDS = re.compile(r"\w+")
"""The same words, faster, for a text with no character of `_UNSPACED`."""
_ANY_UNSPACED = re.compile(f"[{_UNSPACED}]")


@lru_cache(maxsize=1)
def scheme() -> str:
    """What a signature depends on: stored with each fingerprint, and part of every band key, so that
    signatures made another way are never compared."""
    import rensa

    return f"rensa-rminhash/{rensa.RMinHash.ALGORITHM_VERSION}/p{NUM_PERM}/w{SHINGLE_WORDS}/s{SEED}"


@dataclass(frozen=True)
class Fingerprint:
    """An article text's MinHash signature, its LSH band keys, its size in shingles and its text hash
    (picklable: computed in a cleaning worker, stored by the crawl's process)."""

    signature: bytes
    """`NUM_PERM` unsigned 32-bit values, little-endian."""
    shingles: int
    text_hash: str
    bands: tuple[int, ...] = ()
    """`band_keys` of the signature (computed from it when empty)."""

    def band_keys(self) -> list[int]:
        """The key of each LSH band: signed 64-bit integers (SQLite's), the band's number and the scheme
        mixed in, so that equal values in different bands, or of different schemes, never collide."""
        return list(self.bands) if self.bands else band_keys(self.signature)


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (see the module's docstring)."""
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).casefold()
    pattern = _WORDS if _ANY_UNSPACED.search(folded) else _SPACED_WORDS
    return pattern.findall(folded)


def fingerprint(text: str | None) -> Fingerprint | None:
    """The fingerprint of ``text``; None when it has fewer than `MIN_WORDS` words."""
    import rensa

    tokens = words(text or "")
    if len(tokens) < MIN_WORDS:
        return None
    shingles = set(map(" ".join, zip(*(tokens[i:] for i in range(SHINGLE_WORDS)), strict=False)))
    minhash = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update(shingles)
    values = array("I", minhash.digest())
    if sys.byteorder == "big":
        values.byteswap()
    signature = values.tobytes()
    digest = hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()
    return Fingerprint(signature, len(shingles), digest, tuple(band_keys(signature)))


FINGERPRINT_ERROR = "fingerprint-error"
"""The ``problems`` entry (with the error's type) of a text that could not be fingerprinted."""


def fingerprint_or_problem(text: str | None) -> tuple[Fingerprint | None, str | None]:
    """`fingerprint`, never raising: the fingerprint, or None and the ``problems`` entry saying why (`TOO_SHORT`,
    or `FINGERPRINT_ERROR` with the error's type)."""
    try:
        found = fingerprint(text)
    except Exception as error:  # noqa: BLE001 - a fingerprint is never worth an article
        return None, f"{FINGERPRINT_ERROR}: {type(error).__name__}"
    return found, None if found is not None else TOO_SHORT


def similarity(signature: bytes, other: bytes) -> float:
    """The estimated Jaccard similarity of the shingle sets of two signatures: the share of equal values."""
    a, b = _values(signature), _values(other)
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_PERM


def containment(jaccard: float, shingles: int, other_shingles: int) -> float:
    """The estimated share of the shorter text's shingles that the other text has, from the two texts' Jaccard
    estimate and sizes: J (a + b) / ((1 + J) min(a, b)), at most 1. It is never under J, and it finds a copy cut
    short (an excerpt, a page whose cleaned text kept less) that J alone would miss. Under `MIN_SHARED`, J
    itself is returned."""
    smaller = min(shingles, other_shingles)
    if jaccard < MIN_SHARED or smaller <= 0:
        return jaccard
    return min(1.0, jaccard * (shingles + other_shingles) / ((1 + jaccard) * smaller))


def band_keys(signature: bytes) -> list[int]:
    """`Fingerprint.band_keys` of a signature: each band's values folded into 64 bits (FNV-1a's prime over
    whole values, with a shift that mixes the high bits down), salted with the scheme and the band's number."""
    values = _values(signature)
    salt, step = _salts()
    keys = []
    for band in range(BANDS):
        key = (salt + band * step) & _MASK
        for value in values[band * ROWS : (band + 1) * ROWS]:
            key = ((key ^ value) * 0x100000001B3) & _MASK
            key ^= key >> 29
        keys.append(key - (1 << 64) if key >= 1 << 63 else key)  # SQLite's integers are signed
    return keys


_MASK = (1 << 64) - 1


def _values(signature: bytes) -> array[int]:
    if len(signature) != 4 * NUM_PERM:
        raise ValueError(f"a signature has {NUM_PERM} values of 4 bytes, not {len(signature)} bytes")
    values = array("I", signature)
    if sys.byteorder == "big":
        values.byteswap()
    return values


@lru_cache(maxsize=1)
def _salts() -> tuple[int, int]:
    digest = hashlib.sha256(scheme().encode()).digest()
    return int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:16], "little") | 1
