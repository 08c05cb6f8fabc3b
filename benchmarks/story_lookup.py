"""The candidate look-up of stories at scale, for ``benchmarks/stories.py``: a store filled in bulk with synthetic
signatures, then `Stories._find_story` timed for new random fingerprints and near-copies of stored ones."""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from pipelines.fingerprint import BANDS, NUM_PERM, Fingerprint, band_keys, scheme
from pipelines.store import Store
from pipelines.store.stories import ORIGINAL


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fill(path: Path, size: int, rng: np.random.Generator) -> list[bytes]:
    """A store of ``size`` synthetic articles with random signatures, written in bulk (the band keys sorted, the
    article-id index built after); the signatures."""
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    index = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'story_bands_article_id'").fetchone()[0]
    conn.execute("DROP INDEX story_bands_article_id")
    signatures = rng.integers(0, 2**32, size=(size, NUM_PERM), dtype=np.uint32)
    keys = np.empty((size, BANDS), dtype=np.int64)
    current = scheme()
    stored = []
    for start in range(0, size, 100_000):
        chunk = [signatures[i].astype("<u4").tobytes() for i in range(start, min(size, start + 100_000))]
        stored += chunk
        rows = range(start + 1, start + 1 + len(chunk))
        with conn:
            insert = "INSERT INTO articles (id, url, story_id, story_role, text_hash) VALUES (?, ?, ?, ?, ?)"
            conn.executemany(insert, ((i, f"https://synthetic.example/{i}", i, ORIGINAL, f"{i:064x}") for i in rows))
            conn.executemany("INSERT INTO fingerprints VALUES (?, ?, ?, ?)",
                             ((i, current, s, 400) for i, s in zip(rows, chunk, strict=True)))  # fmt: skip
        for offset, signature in enumerate(chunk):
            keys[start + offset] = band_keys(signature)
        log(f"  {size}: {start + len(chunk)} articles and fingerprints")
    flat, ids = keys.ravel(), np.repeat(np.arange(1, size + 1, dtype=np.int64), keys.shape[1])
    order = np.lexsort((ids, flat))
    with conn:
        conn.executemany("INSERT OR IGNORE INTO story_bands VALUES (?, ?)",
                         zip(flat[order].tolist(), ids[order].tolist(), strict=True))  # fmt: skip
    log(f"  {size}: {len(flat)} band keys; indexing")
    with conn:
        conn.execute(index)
    conn.close()
    return stored


def near(signature: bytes, rng: random.Random, share: float) -> Fingerprint:
    values = np.frombuffer(signature, dtype="<u4").copy()
    for i in rng.sample(range(NUM_PERM), round(NUM_PERM * (1 - share))):
        values[i] = rng.randrange(2**32)
    return Fingerprint(values.astype("<u4").tobytes(), 400, f"near-{rng.random()}")


ROUNDS = 5
"""Rounds of look-ups, each size in turn (mirrored from one round to the next), so that a drift of the machine
weighs on every size alike."""


def lookups(folder: Path, sizes: list[int], seed: int) -> list[tuple[float, str]]:
    """For each of ``sizes``: the median µs of a candidate look-up in a store of that many synthetic signatures,
    and its line. Every store is filled first and written out (``os.sync``: no write-back under the timing);
    then the look-ups are timed in `ROUNDS` rounds, the sizes in turn."""
    rng = random.Random(seed)
    paths, probes = {}, {}
    for size in sizes:
        log(f"look-ups at {size}: filling")
        paths[size] = folder / f"lookup-{size}.db"
        stored = fill(paths[size], size, np.random.default_rng(seed))
        values = np.random.default_rng(seed + 1).integers(0, 2**32, size=(1000, NUM_PERM), dtype=np.uint32)
        fresh = [Fingerprint(row.astype("<u4").tobytes(), 400, f"new-{n}") for n, row in enumerate(values)]
        probes[size] = fresh + [near(rng.choice(stored), rng, rng.uniform(0.6, 0.95)) for _ in range(100)]
        rng.shuffle(probes[size])
    os.sync()
    stores = {size: Store.open(path) for size, path in paths.items()}
    times: dict[int, list[float]] = {size: [] for size in sizes}
    found = dict.fromkeys(sizes, 0)
    try:
        for size, store in stores.items():  # warm-up, untimed: each store's first reads
            for number, probe in enumerate(probes[size][:100]):
                store._find_story(size + 1, f"https://warm.example/{number}", None, probe)
        share = len(probes[sizes[0]]) // ROUNDS + 1
        for turn in range(ROUNDS):
            for size in sizes if turn % 2 == 0 else sizes[::-1]:
                for number, probe in enumerate(probes[size][turn * share : (turn + 1) * share]):
                    url = f"https://probe.example/{turn}/{number}"
                    started = time.perf_counter()
                    place = stores[size]._find_story(size + 1, url, None, probe)
                    times[size].append((time.perf_counter() - started) * 1e6)
                    found[size] += place.copy_of is not None
    finally:
        for store in stores.values():
            store.close()
        for path in paths.values():
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink()
    results = []
    for size in sizes:
        median, p95 = statistics.median(times[size]), sorted(times[size])[int(0.95 * len(times[size]))]
        results.append((median, f"look-up at {size:>9,} signatures: median {median:7.1f} µs, p95 {p95:7.1f} µs"
                                f" ({found[size]} of 100 near found)"))  # fmt: skip
    return results
