"""A single-process extraction loop over saved pages: the baseline of the crawl benchmark.

    python -m benchmarks.extract_loop DIR [--cleaner trafilatura|newsrake]

Reads every ``DIR/*.html`` in name order and extracts its text, with plain
``trafilatura.extract`` (no comments) or with newsrake's ``clean_page``;
prints one JSON object: pages, wall seconds and CPU seconds of the loop alone
(imports and start-up excluded, which favours this baseline).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", type=Path, help="a folder of *.html pages")
    parser.add_argument("--cleaner", choices=["trafilatura", "newsrake"], default="trafilatura")
    args = parser.parse_args()
    paths = sorted(args.pages.glob("*.html"))
    if args.cleaner == "trafilatura":
        import trafilatura

        def extract(body: bytes, url: str) -> object:
            return trafilatura.extract(body, include_comments=False)
    else:
        from cleaners import clean_page

        def extract(body: bytes, url: str) -> object:
            return clean_page(body, url)

    extract(paths[0].read_bytes(), "http://127.0.0.1/warm-up.html")  # lazy imports and caches, not timed
    wall, cpu = time.perf_counter(), time.process_time()
    empty = 0
    for path in paths:
        result = extract(path.read_bytes(), f"http://127.0.0.1/a/{path.name}")
        empty += not (result if isinstance(result, str) else getattr(result, "text", ""))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"pages": len(paths), "seconds": wall, "cpu_seconds": cpu, "empty": empty}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
