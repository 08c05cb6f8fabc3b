"""Does the order of the pages change what the trafilatura loop costs? Copies back to back against copies apart.

    python benchmarks/loop_order.py path/to/article-extraction [--group 30] [--copies 3] [--rounds 2]

The crawl benchmark replicates each page of the data into copies that differ by a comment only. Cleaned one
after the other, a page's copies find in trafilatura's caches what the copy before left there; a stream of
distinct articles (and the crawl, which fetches the copies far apart) never gets that. This measures the
difference in one process: the pages, ``--group`` at a time, each made into ``--copies`` copies, cleaned
once with each page's copies back to back and once with the copies of the group's pages in turn; the two
orders alternate group by group (which goes first too), so that the machine's drift falls on both alike.
Prints the CPU time per page of each order and their ratio, for ``trafilatura.extract`` and for newsrake's
``clean_page``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.extract_loop import _newsrake, _trafilatura
from benchmarks.loopback_site import load_pages


def compare(
    pages: list[bytes], extract: Callable[[bytes, str], object], group: int, copies: int, rounds: int
) -> tuple[float, float]:
    """CPU seconds per page with copies back to back, and with copies apart."""
    numbers = itertools.count()
    cpu = {"together": 0.0, "apart": 0.0}
    counted = {"together": 0, "apart": 0}
    for turn in range(rounds):
        for start in range(0, len(pages), group):
            members = pages[start : start + group]
            copied = {
                "together": [page for page in members for _ in range(copies)],
                "apart": [page for _ in range(copies) for page in members],
            }
            order = ["together", "apart"] if (start // group + turn) % 2 == 0 else ["apart", "together"]
            for name in order:
                bodies = [body + f"\n<!-- copy {next(numbers)} -->\n".encode() for body in copied[name]]
                started = time.process_time()
                for body in bodies:
                    extract(body, "http://127.0.0.1/a/page.html")
                cpu[name] += time.process_time() - started
                counted[name] += len(bodies)
    return cpu["together"] / counted["together"], cpu["apart"] / counted["apart"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, help="the article-extraction benchmark folder (with html/)")
    parser.add_argument("--group", type=int, default=30, help="pages whose copies are spread apart")
    parser.add_argument("--copies", type=int, default=3, help="copies of each page")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the data")
    args = parser.parse_args()
    if not (args.data / "html").is_dir():
        parser.error(f"{args.data}/html not found")
    if min(args.group, args.copies, args.rounds) < 1:
        parser.error("--group, --copies and --rounds take a positive number")
    pages = list(load_pages(args.data).values())
    for name, make in (("trafilatura.extract", _trafilatura), ("newsrake clean_page", _newsrake)):
        extract = make()
        extract(pages[0], "http://127.0.0.1/warm-up.html")
        together, apart = compare(pages, extract, args.group, args.copies, args.rounds)
        print(
            f"{name:20s} copies back to back {1000 * together:6.2f} ms/page, apart {1000 * apart:6.2f} ms/page:"
            f" back to back costs {together / apart:.3f} x",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
