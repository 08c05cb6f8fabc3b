"""A single-process extraction loop over saved pages: the baseline of the crawl benchmark.

    python -m benchmarks.extract_loop DIR [--cleaner trafilatura|newsrake|both] [--order files|copies-together]
                                          [--limit N]

Reads every ``DIR/*.html`` and extracts its text, with plain
``trafilatura.extract`` (no comments) or with newsrake's ``clean_page``;
prints one JSON object: pages, wall seconds and CPU seconds of the loop alone
(imports and start-up excluded, which favours this baseline).

``--order files`` (the default) takes the pages in file-name order, which the
crawl benchmark makes the order the crawl fetches them in: the copies of one
page far apart, as distinct articles come. ``--order copies-together`` sorts
by the name of the page copied, so that its copies come back to back (this
loop's order until the benchmark was changed to the crawl's): trafilatura
then finds in its caches what it computed for the copy before, which a
stream of distinct articles never gives it.

``--cleaner both`` cleans each page with both, one after the other (which one
first alternates from page to page), and prints the CPU seconds of each: the
two costs measured side by side, so that the machine's drift over minutes
falls on both alike.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

Extract = Callable[[bytes, str], object]


def _trafilatura() -> Extract:
    import trafilatura

    def extract(body: bytes, url: str) -> object:
        return trafilatura.extract(body, include_comments=False)

    return extract


def _newsrake() -> Extract:
    from cleaners import clean_page

    def extract(body: bytes, url: str) -> object:
        return clean_page(body, url)

    return extract


def _copied_page(path: Path) -> str:
    """The name of the page a saved copy copies: ``000123-<page>-<copy>.html`` gives ``<page>-<copy>``."""
    return path.stem.split("-", 1)[-1]


def _is_empty(result: object) -> bool:
    return not (result if isinstance(result, str) else getattr(result, "text", ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", type=Path, help="a folder of *.html pages")
    parser.add_argument("--cleaner", choices=["trafilatura", "newsrake", "both"], default="trafilatura")
    parser.add_argument("--order", choices=["files", "copies-together"], default="files")
    parser.add_argument("--limit", type=int, default=0, help="clean only the first N pages (0: all)")
    args = parser.parse_args()
    paths = sorted(args.pages.glob("*.html"))
    if args.order == "copies-together":
        paths.sort(key=_copied_page)
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        parser.error(f"no *.html pages in {args.pages}")
    names = ["trafilatura", "newsrake"] if args.cleaner == "both" else [args.cleaner]
    extractors = [_trafilatura() if name == "trafilatura" else _newsrake() for name in names]
    for extract in extractors:  # lazy imports and caches, not timed
        extract(paths[0].read_bytes(), "http://127.0.0.1/warm-up.html")
    cpu = dict.fromkeys(names, 0.0)
    empty = dict.fromkeys(names, 0)
    wall = time.perf_counter()
    for number, path in enumerate(paths):
        body, url = path.read_bytes(), f"http://127.0.0.1/a/{path.name}"
        turn = list(zip(names, extractors, strict=True))
        for name, extract in turn if number % 2 == 0 else reversed(turn):
            started = time.process_time()
            result = extract(body, url)
            cpu[name] += time.process_time() - started
            empty[name] += _is_empty(result)
    wall = time.perf_counter() - wall
    if len(names) == 1:
        report: dict[str, object] = {"pages": len(paths), "seconds": wall, "cpu_seconds": cpu[names[0]]}
        report["empty"] = empty[names[0]]
    else:
        report = {"pages": len(paths), "seconds": wall, "cpu_seconds": cpu, "empty": empty}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
