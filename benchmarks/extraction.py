"""Extraction quality: `clean_page` against plain trafilatura on the article-extraction benchmark.

    python benchmarks/extraction.py path/to/article-extraction [--update-floor] [--lower-floor]

The data folder is that of the public scrapinghub/article-extraction-benchmark
repository (html/<id>.html.gz, ground-truth.json, output/trafilatura.json); a
copy sits in this project's shared data, or clone the repository.

Prints precision, recall, F1, accuracy, empty outputs and mean per-page F1
for newsrake and for plain trafilatura (``include_comments=False``) scored
in the same run, and the median milliseconds per page of both. Checks the
scorer first by reproducing the published trafilatura F1 (0.958) from the
stored ``output/trafilatura.json``. Fails (exit 1) when newsrake's F1 drops
below the floor pinned in ``benchmarks/extraction-floor.json``; raising the
floor takes ``--update-floor``, lowering it also ``--lower-floor``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import math
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from benchmarks.scoring import CorpusScore, score_corpus, score_page
from cleaners import clean_page

FLOOR_FILE = Path(__file__).resolve().parent / "extraction-floor.json"
PUBLISHED_TRAFILATURA_F1 = 0.958
TARGETS = {"f1": 0.975, "precision": 0.96, "recall": 0.975}


def load(data: Path) -> tuple[dict[str, bytes], dict[str, str], dict[str, str]]:
    """Pages, ground-truth bodies and URLs, by page id."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {pid: gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()) for pid in truth}
    return pages, {pid: t["articleBody"] for pid, t in truth.items()}, {pid: t["url"] for pid, t in truth.items()}


def stored_output(data: Path, name: str) -> dict[str, str]:
    """Predictions stored in the benchmark's ``output/<name>.json`` (either of its two shapes)."""
    raw = json.loads((data / "output" / f"{name}.json").read_text(encoding="utf-8"))
    entries = raw.get("output", raw)
    return {pid: entry.get("articleBody") or "" for pid, entry in entries.items()}


def timed(pages: dict[str, bytes], run: Callable[[str, bytes], str]) -> tuple[dict[str, str], list[float]]:
    """Run an extractor over every page; predictions and per-page seconds."""
    predictions, seconds = {}, []
    gc.collect()
    for pid, body in pages.items():
        start = time.perf_counter()
        predictions[pid] = run(pid, body)
        seconds.append(time.perf_counter() - start)
    return predictions, seconds


def row(name: str, score: CorpusScore, seconds: list[float] | None) -> str:
    ms = f"{statistics.median(seconds) * 1000:8.2f}" if seconds else "       -"
    return (
        f"{name:<28} {score.f1:6.3f} {score.precision:6.3f} {score.recall:6.3f} {score.accuracy:6.3f} "
        f"{score.empty:6d} {score.mean_page_f1:8.3f} {ms}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder")
    parser.add_argument("--update-floor", action="store_true", help="pin this run's F1 as the new floor")
    parser.add_argument("--lower-floor", action="store_true", help="allow --update-floor to lower the floor")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages newsrake scores worst on")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        parser.error(f"{args.data} is not the article-extraction benchmark folder (no ground-truth.json)")
    pages, truths, urls = load(args.data)

    check = score_corpus(stored_output(args.data, "trafilatura"), truths)
    print(f"scorer check: stored trafilatura output F1 {check.f1:.3f} (published {PUBLISHED_TRAFILATURA_F1:.3f})")
    if round(check.f1, 3) != PUBLISHED_TRAFILATURA_F1:
        print("FAIL: the scorer does not reproduce the published figure")
        return 1

    # Warm both up (imports, language model) so that neither pays a first-call cost in the timing.
    first = next(iter(pages))
    trafilatura.extract(pages[first], include_comments=False)
    clean_page(pages[first], urls[first])
    plain, plain_s = timed(pages, lambda pid, body: trafilatura.extract(body, include_comments=False) or "")
    ours, ours_s = timed(pages, lambda pid, body: clean_page(body, urls[pid]).text)
    plain_score, our_score = score_corpus(plain, truths), score_corpus(ours, truths)

    print(f"\n{'extractor':<28} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'empty':>6} {'page F1':>8} {'ms/page':>8}")
    print(row("trafilatura (no comments)", plain_score, plain_s))
    print(row("newsrake clean_page", our_score, ours_s))
    ratio = statistics.median(ours_s) / statistics.median(plain_s)
    print(f"\nmedian time ratio newsrake / trafilatura: {ratio:.2f} (target <= 1.25)")
    for name, target in TARGETS.items():
        value = getattr(our_score, name)
        print(f"{name:<10} {value:.3f}  target >= {target}  {'ok' if value >= target else 'MISSED'}")
    print(f"empty      {our_score.empty}      target 0      {'ok' if our_score.empty == 0 else 'MISSED'}")

    if args.worst:
        worst = sorted(truths, key=lambda pid: score_page(ours[pid], truths[pid]).f1)[: args.worst]
        print("\nworst pages:")
        for pid in worst:
            page = score_page(ours[pid], truths[pid])
            print(f"  {pid[:16]}  P {page.precision or 0:.3f}  R {page.recall:.3f}  {urls[pid][:70]}")

    floor = json.loads(FLOOR_FILE.read_text())["f1"] if FLOOR_FILE.exists() else 0.0
    f1 = math.floor(our_score.f1 * 10_000) / 10_000  # truncated, so a floor is never above the score it pins
    if args.update_floor:
        if f1 < floor and not args.lower_floor:
            print(f"\nrefused: F1 {f1} is below the floor {floor}; add --lower-floor to lower it deliberately")
            return 1
        FLOOR_FILE.write_text(json.dumps({"f1": f1}, indent=2) + "\n")
        print(f"\nfloor set to {f1} in {FLOOR_FILE.name}")
        return 0
    if f1 < floor:
        print(f"\nFAIL: F1 {f1} is below the pinned floor {floor}")
        return 1
    print(f"\nF1 {f1} >= floor {floor}: pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
