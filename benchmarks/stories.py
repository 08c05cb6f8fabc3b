"""Stories (issue 19): are copies of an article found, and distinct articles kept apart, and at what cost?

    python benchmarks/stories.py DATA [--pages N] [--lookup-sizes 10000 1000000] [--threshold T] [--seed S]

DATA holds the public benchmark sets (``article-extraction/``, ``wcxb-dev/``; or one of them, or a bare
``html/`` folder). From each page ``benchmarks/story_pairs.py`` makes copies as syndicating and scraping sites
make them (boilerplate at the top, middle or end; paragraphs cut or reordered; another headline; all of these),
each on a copying site with its own chrome, and grafts pairs of distinct articles close in topic into one site's
chrome. Every page then takes the crawl's path: ``clean_page``, ``fingerprinted``, ``Store.save_articles`` in
batches of 50 into a real SQLite file, in a seeded shuffled order (a copy may come before its original).

Reported: pair precision and recall over all pairs of stored articles (same story = same ``story_id``), recall
per kind of copy and false positives per kind of negative; a pairwise threshold sweep; the fingerprint's cost
with rensa and with datasketch; what stories add to ``save_articles`` per article; the candidate look-up time
at each ``--lookup-sizes`` of synthetic signatures. Exit 0 once it ran, a target missed or not (``MISSED``).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

from benchmarks.story_lookup import lookups
from benchmarks.story_pairs import GRAFTED, ORIGINAL, Source, Specimen, load_sources, specimens
from cleaners import Article
from cleaners.page import clean_page
from pipelines import defaults
from pipelines.cleaning.one_page import fingerprinted
from pipelines.fingerprint import MIN_SHARED, NUM_PERM, SEED, SHINGLE_WORDS, Fingerprint, words
from pipelines.records import RawPage
from pipelines.store import ArticleRecord, Store
from pipelines.url_identity import url_key

BATCH = 50
Signed = tuple[bytes, int]
"""A stored fingerprint's signature and its number of shingles."""
FETCHED_AT = "2026-11-20T08:00:00+00:00"
SWEEP = [round(0.3 + 0.05 * step, 2) for step in range(13)]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def record(specimen: Specimen, article: Article, found: Fingerprint | None) -> ArticleRecord:
    page = RawPage(specimen.url, specimen.url, 200, specimen.html, {"Content-Type": "text/html"}, FETCHED_AT)
    return ArticleRecord(page, article, specimen.host, None, None, fingerprint=found)


def clean(specimen: Specimen) -> tuple[Article, Fingerprint | None]:
    return fingerprinted(clean_page(specimen.html, specimen.url, reference=FETCHED_AT))


def build(sources: list[Source], seed: int) -> tuple[list[Specimen], list[ArticleRecord], int]:
    """Every page to store and its record (cleaned and fingerprinted), in the order a crawl meets them; and the
    number of sources left out (an article too short for a fingerprint has no story to find)."""
    kept: list[tuple[Source, str, str]] = []
    cleaned: dict[str, tuple[Article, Fingerprint | None]] = {}
    for number, source in enumerate(sources, 1):
        original = Specimen(source.url, source.html, source.id, ORIGINAL)
        cleaned[source.url] = article, found = clean(original)
        if found is not None:
            kept.append((source, source.truth or article.text, article.title or ""))
        if number % 100 == 0:
            log(f"  originals cleaned: {number} / {len(sources)}")
    pages = list(specimens(kept, seed))
    random.Random(seed).shuffle(pages)
    records = []
    for number, page in enumerate(pages, 1):
        records.append(record(page, *(cleaned.get(page.url) if page.kind == ORIGINAL else None) or clean(page)))
        if number % 250 == 0:
            log(f"  pages cleaned: {number} / {len(pages)}")
    return pages, records, len(sources) - len(kept)


def store_all(path: Path, records: Sequence[ArticleRecord], threshold: float, *, stories: bool = True) -> float:
    """Store the records in batches into a new file at ``path``; the seconds ``save_articles`` took."""
    store = Store.open(path)
    store.story_threshold, store.stories_enabled = threshold, stories
    spent = 0.0
    try:
        for start in range(0, len(records), BATCH):
            started = time.perf_counter()
            store.save_articles(records[start : start + BATCH])
            spent += time.perf_counter() - started
    finally:
        store.close()
    return spent


def pair_counts(truth: Sequence[str], predicted: Sequence[object]) -> tuple[int, int, int]:
    """(pairs predicted together, pairs truly together, both) over all pairs of the articles."""

    def pairs(counter: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    return pairs(Counter(predicted)), pairs(Counter(truth)), pairs(Counter(zip(truth, predicted, strict=True)))


def negative_kind(a: Specimen, b: Specimen) -> str:
    if a.host != b.host:
        return "different sites"
    if a.kind == GRAFTED and b.kind == GRAFTED:
        return "same topic, same chrome (grafted)"
    if a.kind == ORIGINAL:
        return "same site, distinct articles (benchmark)"
    return "same copying site"


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def score(pages: list[Specimen], story_ids: list[int | None], signatures: list[Signed | None],
          hashes: list[str | None]) -> list[str]:  # fmt: skip
    """The report's quality lines: pair P/R, recall per kind, false positives per kind of negative, the sweep."""
    predicted = [sid if sid is not None else f"alone-{i}" for i, sid in enumerate(story_ids)]
    together, true_pairs, both = pair_counts([p.story for p in pages], predicted)
    lines = [f"pairs: {len(pages)} articles, {true_pairs} true pairs, {together} predicted, {both} right"]
    precision, recall = ratio(both, together), ratio(both, true_pairs)
    lines.append(f"PAIR {precision:.4f} {recall:.4f}")
    original_of = {p.story: i for i, p in enumerate(pages) if p.kind == ORIGINAL}
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for i, page in enumerate(pages):
        if page.kind != ORIGINAL and page.story in original_of:
            total[page.kind] += 1
            found[page.kind] += predicted[i] == predicted[original_of[page.story]]
    lines.append("recall per kind of copy (copy and its original in one story):")
    lines += [
        f"  {kind:<40} {found[kind]:5d} / {total[kind]:<5d} {ratio(found[kind], total[kind]):.3f}" for kind in total
    ]
    negatives: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    by_host: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        by_host.setdefault(page.host, []).append(i)
    for members in by_host.values():
        for a, b in combinations(members, 2):
            if pages[a].story != pages[b].story:
                kind = negative_kind(pages[a], pages[b])
                negatives[kind] += 1
                wrong[kind] += predicted[a] == predicted[b]
    false_positives = together - both
    wrong["different sites"] = false_positives - sum(wrong.values())
    negatives["different sites"] = len(pages) * (len(pages) - 1) // 2 - true_pairs - sum(negatives.values())
    lines.append("false positives per kind of negative pair (distinct articles in one story):")
    lines += [f"  {kind:<40} {wrong[kind]:5d} of {negatives[kind]}" for kind in sorted(negatives)]
    lines += sweep(pages, signatures, hashes)
    return lines


def sweep(pages: list[Specimen], signatures: list[Signed | None], hashes: list[str | None]) -> list[str]:
    """Pairwise P/R at each threshold: a pair is predicted together when its estimate (the store's:
    `pipelines.fingerprint.containment` of the Jaccard estimate) is at or over it (the same text: 1.0).
    Pairwise, not the store's rule (the earliest earlier article at or over the threshold)."""
    have = [i for i, s in enumerate(signatures) if s is not None]
    matrix = (
        np.stack([np.frombuffer(signed[0], dtype="<u4") for i in have if (signed := signatures[i])]) if have else None
    )
    sizes = np.array([signed[1] for i in have if (signed := signatures[i])], dtype=float)
    story = np.array([pages[i].story for i in have])
    positives: list[float] = []
    negatives: list[float] = []
    highest: list[float] = []
    for row, i in enumerate(have[:-1]):
        assert matrix is not None
        jaccard = (matrix[row + 1 :] == matrix[row]).sum(axis=1) / NUM_PERM
        others = sizes[row + 1 :]
        scaled = jaccard * (others + sizes[row]) / ((1 + jaccard) * np.minimum(others, sizes[row]))
        estimates = np.where(jaccard < MIN_SHARED, jaccard, np.minimum(1.0, scaled))
        same_text = np.array([hashes[j] == hashes[i] for j in have[row + 1 :]])
        estimates = np.where(same_text, 1.0, estimates)
        same = story[row + 1 :] == story[row]
        positives += estimates[same].tolist()
        negatives += estimates[~same & (estimates >= SWEEP[0])].tolist()
        highest = sorted([*highest, *np.sort(estimates[~same])[-5:].tolist()])[-5:]
    true_pairs = sum(n * (n - 1) // 2 for n in Counter(p.story for p in pages).values())
    lines = ["threshold sweep (pairwise: each pair's own estimate, not the store's earliest-match rule):",
             "  threshold  precision  recall  false pos  missed"]  # fmt: skip
    pos, neg = np.array(positives), np.array(negatives)
    for threshold in SWEEP:
        hits, wrong = int((pos >= threshold).sum()), int((neg >= threshold).sum())
        mark = "  <- default" if abs(threshold - defaults.STORY_THRESHOLD) < 1e-9 else ""
        lines.append(f"  {threshold:9.2f}  {ratio(hits, hits + wrong):9.4f}  {ratio(hits, true_pairs):6.4f}"
                     f"  {wrong:9d}  {true_pairs - hits:6d}{mark}")  # fmt: skip
    lines.append("  highest estimates between distinct articles: " + ", ".join(f"{v:.3f}" for v in highest[::-1]))
    return lines


def shingles_of(text: str) -> list[str]:
    """The shingles `pipelines.fingerprint.fingerprint` hashes."""
    tokens = words(text)
    return list(dict.fromkeys(" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)))


def fingerprint_costs(texts: list[str], pairs: list[tuple[int, int]]) -> list[str]:
    """ms per article of the fingerprint (rensa, as stored), and of the MinHash alone, rensa against datasketch;
    and how far each one's estimate is from the exact Jaccard similarity over ``pairs`` (copies, originals)."""
    import rensa

    started = time.process_time()
    found = [fingerprinted(Article(url="u", text=text))[1] for text in texts]
    whole = (time.process_time() - started) * 1000 / len(texts)
    shingled = [shingles_of(text) for text in texts]
    started = time.process_time()
    ours = []
    for shingles in shingled:
        minhash = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
        minhash.update(shingles)
        ours.append(minhash)
    cost = (time.process_time() - started) * 1000 / len(texts)
    exact = [len(set(shingled[a]) & set(shingled[b])) / len(set(shingled[a]) | set(shingled[b])) for a, b in pairs]
    errors = [abs(ours[a].jaccard(ours[b]) - truth) for (a, b), truth in zip(pairs, exact, strict=True)]
    lines = [
        f"fingerprint per article (words, shingles, MinHash, text hash; rensa): {whole:.3f} ms ({len(found)} texts)",
        f"  MinHash alone, {NUM_PERM} permutations: rensa {cost:.3f} ms",
        f"  estimate - exact Jaccard over {len(pairs)} copy/original pairs, mean |error| (max): rensa"
        f" {statistics.fmean(errors or [0]):.4f} ({max(errors or [0]):.3f})",
    ]
    try:
        import datasketch  # type: ignore[import-untyped]
    except ImportError:
        return [*lines, "  datasketch not installed (pip install -e '.[bench]'): not measured"]
    started = time.process_time()
    theirs = []
    for shingles in shingled:
        other = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED)
        other.update_batch([s.encode("utf-8") for s in shingles])
        theirs.append(other)
    spent = (time.process_time() - started) * 1000 / len(texts)
    lines[1] += f", datasketch {spent:.3f} ms ({spent / cost:.1f}x rensa's)"
    errors = [abs(theirs[a].jaccard(theirs[b]) - truth) for (a, b), truth in zip(pairs, exact, strict=True)]
    lines[2] += f", datasketch {statistics.fmean(errors or [0]):.4f} ({max(errors or [0]):.3f})"
    return lines


def sample_texts(pages: list[Specimen], records: list[ArticleRecord]) -> tuple[list[str], list[tuple[int, int]]]:
    """The texts of up to 1000 fingerprinted articles, and the (copy, original) pairs among them."""
    chosen = [i for i, r in enumerate(records) if r.fingerprint is not None][:1000]
    where = {i: n for n, i in enumerate(chosen)}
    original = {p.story: where[i] for i, p in enumerate(pages) if p.kind == ORIGINAL and i in where}
    copies = [(n, pages[i].story) for n, i in enumerate(chosen) if pages[i].kind != ORIGINAL]
    return [records[i].article.text for i in chosen], [(n, original[s]) for n, s in copies if s in original]


def store_costs(records: Sequence[ArticleRecord], folder: Path, threshold: float, rounds: int = 5) -> tuple[float, str]:
    """ms per article that stories add to ``save_articles``: the same records stored with stories on and off, each
    into a new file, in rounds (which goes first alternates); the median of the rounds' differences (wall and CPU).
    """
    added: list[float] = []
    cpu: list[float] = []
    spent: dict[bool, list[float]] = {True: [], False: []}
    for number in range(rounds):
        took: dict[bool, tuple[float, float]] = {}
        for stories in (True, False) if number % 2 == 0 else (False, True):
            path = folder / f"cost-{number}-{stories}.db"
            started = time.process_time()
            wall = store_all(path, records, threshold, stories=stories)
            took[stories] = (wall, time.process_time() - started)
            spent[stories].append(wall)
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink()
        added.append((took[True][0] - took[False][0]) * 1000 / len(records))
        cpu.append((took[True][1] - took[False][1]) * 1000 / len(records))
    on, off = (statistics.median(spent[flag]) * 1000 / len(records) for flag in (True, False))
    median = statistics.median(added)
    line = (
        f"save_articles per article ({len(records)} articles, batches of {BATCH}, median of {rounds} rounds):"
        f" stories on {on:.3f} ms, off {off:.3f} ms; added {median:.3f} ms (rounds {min(added):.3f} to"
        f" {max(added):.3f}), CPU added {statistics.median(cpu):.3f} ms"
    )
    return median, line


def target(name: str, value: float, op: str, limit: float) -> str:
    ok = value >= limit if op == ">=" else value <= limit
    return f"  {name:<52} {value:9.4f}  (target {op} {limit:g}) {'ok' if ok else 'MISSED'}"


def main(argv: Sequence[str] | None = None, progress: Callable[[str], None] = log) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the benchmarks folder (article-extraction/, wcxb-dev/ or html/)")
    parser.add_argument("--pages", type=int, default=0, help="use this many source pages, drawn at random (all)")
    parser.add_argument("--lookup-sizes", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--threshold", type=float, default=defaults.STORY_THRESHOLD)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args(argv)
    sources = load_sources(args.data) if args.data.is_dir() else []
    if not sources:
        print(
            f"stories.py: no benchmark pages in {args.data} (no article-extraction/, wcxb-dev/, html/)", file=sys.stderr
        )
        return 2
    if 0 < args.pages < len(sources):
        sources = random.Random(args.seed).sample(sources, args.pages)
    progress(f"{len(sources)} source pages: cleaning")
    pages, records, skipped = build(sources, args.seed)
    report = [f"stories benchmark: {len(sources)} source pages ({skipped} left out: under 50 words cleaned),"
              f" {len(pages)} pages stored, threshold {args.threshold}"]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="stories-bench-") as tmp:
        folder = Path(tmp)
        store_all(folder / "stories.db", records, args.threshold)
        with sqlite3.connect(folder / "stories.db") as conn:
            rows = dict(conn.execute("SELECT url, story_id FROM articles"))
            query = "SELECT a.url, f.signature, f.shingles FROM fingerprints f JOIN articles a ON a.id = f.article_id"
            signature = {url: (sig, shingles) for url, sig, shingles in conn.execute(query)}
            hashes = dict(conn.execute("SELECT url, text_hash FROM articles"))
            query = "SELECT {}, a.story_id FROM duplicates d JOIN articles a ON a.id = d.duplicate_of"
            duplicates = {**dict(conn.execute(query.format("d.url"))), **dict(conn.execute(query.format("d.link")))}
        rows, signature, hashes, duplicates = (
            {url: table[key] for url, key in ((p.url, url_key(p.url) or p.url) for p in pages) if key in table}
            for table in (rows, signature, hashes, duplicates)
        )  # the store's key is the URL less its tracking parameters
        kept = [p for p in pages if p.url not in rows and p.url in duplicates]
        rows.update((p.url, duplicates[p.url]) for p in kept)
        lost = [p.url for p in pages if p.url not in rows]
        report.append(
            f"stored as duplicates (same canonical URL as a stored article; scored in its story): {len(kept)}"
            f" ({', '.join(sorted({p.kind for p in kept})) or '-'}); not stored at all: {len(lost)}"
        )
        stored = [p for p in pages if p.url in rows]
        lines = score(stored, [rows[p.url] for p in stored], [signature.get(p.url) for p in stored],
                      [hashes.get(p.url) for p in stored])  # fmt: skip
        precision, recall = map(float, next(line for line in lines if line.startswith("PAIR")).split()[1:])
        report += [line for line in lines if not line.startswith("PAIR")]
        report += fingerprint_costs(*sample_texts(pages, records))
        progress("store-time cost")
        added, cost_line = store_costs(records[:600], folder, args.threshold)
        report.append(cost_line)
        timed = []
        for median, line in lookups(folder, args.lookup_sizes, args.seed):
            timed.append(median)
            report.append(line)
    growth = timed[-1] / timed[0]
    report += [
        "targets:",
        target(f"pair precision at threshold {args.threshold}", precision, ">=", 0.99),
        target(f"pair recall at threshold {args.threshold}", recall, ">=", 0.95),
        target("ms per article added to save_articles by stories", added, "<=", 1.0),
        target(f"look-up at {args.lookup_sizes[-1]:,} / at {args.lookup_sizes[0]:,}", growth, "<=", 2.0),
    ]
    print(f"pair precision {precision:.4f}, pair recall {recall:.4f} (threshold {args.threshold})")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
