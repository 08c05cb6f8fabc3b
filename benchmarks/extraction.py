"""Extraction quality on both public benchmarks: newsrake's `clean_page` against plain `trafilatura.extract`.

    python benchmarks/extraction.py DATA [DATA ...] [--worst N] [--update-floor [--lower-floor]]

Each DATA folder is one of the two public data sets, found by its layout (a
folder that holds both as subfolders, such as the project's shared data,
works too):

- the article-extraction benchmark of scrapinghub/article-extraction-benchmark
  (Zyte): ``html/<id>.html.gz``, ``ground-truth.json``, ``output/``; scored
  with its own metric (4-token shingles, corpus precision and recall);
- the article pages of the WCXB development split: ``html/NNNN.html.gz``,
  ``ground-truth/NNNN.json``; scored with its own metric (bag of lower-cased
  word tokens, the mean of the pages' precision, recall and F1), and the
  headline against its ``title``.

Every page is cleaned by newsrake and by ``trafilatura.extract`` with its
defaults, one after the other in the same process (which goes first
alternates page by page), and both are timed in CPU seconds: the cost ratio
is measured side by side, in the same run. For each set it prints
precision, recall, F1, empty outputs, pages under F1 0.5 and (WCXB)
headline exact matches, for both; the issue's targets with ok / MISSED; and
the ten worst pages of each set with the path their text came by and the
cleaner that removed most, so that a catastrophe is seen, not averaged away.

Fails (exit 1) when a set's F1 is below the floor pinned for it in
``benchmarks/extraction-floor.json``. ``--update-floor`` pins this run's
figures; lowering a floor also takes ``--lower-floor``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import trafilatura

from benchmarks.scoring import score_bag, score_corpus, score_page
from cleaners import Article, clean_page
from cleaners.pattern_cache import pattern_cache, save_patterns

FLOOR_FILE = Path(__file__).resolve().parent / "extraction-floor.json"
PUBLISHED_TRAFILATURA_F1 = 0.958
"""The article-extraction benchmark's published F1 of trafilatura's stored output: the scorer's check."""
ZYTE, WCXB = "article-extraction", "wcxb-dev"


@dataclass(frozen=True)
class Page:
    """One benchmark page and its ground truth."""

    id: str
    url: str
    html: bytes
    truth: str
    title: str | None = None


@dataclass
class Result:
    """What both extractors made of one page."""

    page: Page
    article: Article
    plain: str
    ours_cpu: float
    plain_cpu: float


@dataclass(frozen=True)
class Figures:
    """One extractor's figures on one set."""

    precision: float
    recall: float
    f1: float
    empty: int
    under_half: int
    title_exact: float | None = None


@dataclass
class DataSet:
    """A benchmark data set: its name, its pages and how a page is scored."""

    name: str
    folder: Path
    pages: list[Page] = field(default_factory=list)

    def page_f1(self, predicted: str, page: Page) -> tuple[float, float, float]:
        """(precision, recall, F1) of one prediction, in the set's own metric."""
        if self.name == ZYTE:
            score = score_page(predicted, page.truth)
            return score.precision or 0.0, score.recall, score.f1
        bag = score_bag(predicted, page.truth)
        return bag.precision, bag.recall, bag.f1

    def figures(self, predictions: dict[str, str], titles: dict[str, str | None] | None) -> Figures:
        """The set's headline figures for one extractor's predictions."""
        per_page = [self.page_f1(predictions[p.id], p) for p in self.pages]
        under = sum(f1 < 0.5 for _, _, f1 in per_page)
        empty = sum(not predictions[p.id].strip() for p in self.pages)
        exact = None
        if titles is not None and any(p.title for p in self.pages):
            exact = sum(_same_title(titles[p.id], p.title) for p in self.pages) / len(self.pages)
        if self.name == ZYTE:
            corpus = score_corpus(predictions, {p.id: p.truth for p in self.pages})
            return Figures(corpus.precision, corpus.recall, corpus.f1, empty, under, exact)
        count = len(per_page) or 1
        return Figures(
            sum(p for p, _, _ in per_page) / count,
            sum(r for _, r, _ in per_page) / count,
            sum(f for _, _, f in per_page) / count,
            empty,
            under,
            exact,
        )


def _same_title(found: str | None, truth: str | None) -> bool:
    return " ".join((found or "").split()) == " ".join((truth or "").split())


def load_zyte(folder: Path) -> DataSet:
    """The article-extraction benchmark: ``ground-truth.json`` and ``html/<id>.html.gz`` (or, as the
    project's test sample keeps them, ``<id>.html.gz`` beside it)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    html = folder / "html" if (folder / "html").is_dir() else folder
    pages = [
        Page(pid, t["url"], gzip.decompress((html / f"{pid}.html.gz").read_bytes()), t["articleBody"])
        for pid, t in truth.items()
    ]
    return DataSet(ZYTE, folder, pages)


def load_wcxb(folder: Path) -> DataSet:
    """The WCXB article pages: ``ground-truth/NNNN.json`` and ``html/NNNN.html.gz``."""
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data.get("ground_truth", {})
        html = gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes())
        url = data.get("url") or f"https://wcxb.invalid/{path.stem}"
        pages.append(Page(path.stem, url, html, truth.get("main_content") or "", truth.get("title")))
    return DataSet(WCXB, folder, pages)


def find_sets(folders: list[Path]) -> list[DataSet]:
    """The data sets in the folders given (a folder may be one set, or hold both as subfolders)."""
    found: list[DataSet] = []
    for folder in folders:
        candidates = [folder, *sorted(p for p in folder.iterdir() if p.is_dir())] if folder.is_dir() else []
        for candidate in candidates:
            if (candidate / "ground-truth.json").is_file():
                found.append(load_zyte(candidate))
            elif (candidate / "ground-truth").is_dir():
                found.append(load_wcxb(candidate))
    return found


def stored_output(folder: Path, name: str) -> dict[str, str] | None:
    """Predictions stored in the article-extraction benchmark's ``output/<name>.json``, if it is there."""
    path = folder / "output" / f"{name}.json"
    if not path.exists():
        return None
    raw = json.loads(path.read_text(encoding="utf-8"))
    entries = raw.get("output", raw)
    return {pid: entry.get("articleBody") or "" for pid, entry in entries.items()}


def _plain(html: bytes) -> str:
    return trafilatura.extract(html) or ""


def run_pages(pages: list[Page], progress: Callable[[int], None]) -> Iterator[Result]:
    """Clean every page with both extractors, side by side, timing each in CPU seconds."""
    for number, page in enumerate(pages):
        article: Article | None = None
        plain = ""
        costs: dict[str, float] = {}
        for name in ("ours", "plain") if number % 2 == 0 else ("plain", "ours"):
            started = time.process_time()
            if name == "ours":
                article = clean_page(page.html, page.url)
            else:
                plain = _plain(page.html)
            costs[name] = time.process_time() - started
        assert article is not None
        progress(number + 1)
        yield Result(page, article, plain, costs["ours"], costs["plain"])


def _path(article: Article) -> str:
    """How the page's text came: its extraction path and the guard's decisions (``problems``), or ``fast``."""
    notes = [p for p in article.problems if p.startswith(("text-from:", "guard-kept:", "no-text"))]
    return ", ".join(notes) or "fast"


def _top_removal(article: Article) -> str:
    removed: Counter[str] = Counter()
    for removal in article.removals:
        removed[removal.cleaner] += len(removal.text)
    if not removed:
        return "-"
    name, chars = removed.most_common(1)[0]
    return f"{name} ({chars} chars)"


def print_set(data: DataSet, results: list[Result], worst: int) -> tuple[Figures, Figures]:
    """Print one set's table and worst pages; return (trafilatura, newsrake) figures."""
    ours = {r.page.id: r.article.text for r in results}
    plain = {r.page.id: r.plain for r in results}
    ours_fig = data.figures(ours, {r.page.id: r.article.title for r in results})
    plain_fig = data.figures(plain, None)
    print(f"\n{data.name} ({len(results)} pages, {data.folder})")
    print(f"  {'extractor':<32} {'F1':>6} {'P':>6} {'R':>6} {'empty':>6} {'F1<0.5':>7} {'title':>6}")
    for name, fig in (("trafilatura.extract (defaults)", plain_fig), ("newsrake clean_page", ours_fig)):
        title = f"{fig.title_exact:6.3f}" if fig.title_exact is not None else "     -"
        print(
            f"  {name:<32} {fig.f1:6.3f} {fig.precision:6.3f} {fig.recall:6.3f} {fig.empty:6d} "
            f"{fig.under_half:7d} {title}"
        )
    if worst:
        print(f"  the {worst} worst pages for newsrake (F1, P/R; trafilatura's F1; path; what removed most):")
        scored = sorted(results, key=lambda r: data.page_f1(r.article.text, r.page)[2])
        for r in scored[:worst]:
            p, rec, f1 = data.page_f1(r.article.text, r.page)
            base = data.page_f1(r.plain, r.page)[2]
            print(
                f"    {r.page.id[:16]:<16} F1 {f1:.2f} ({p:.2f}/{rec:.2f})  traf {base:.2f}  {_path(r.article)};"
                f"  {_top_removal(r.article)};  {r.page.url[:70]}"
            )
    return plain_fig, ours_fig


@dataclass(frozen=True)
class Check:
    """One target: what is measured, its value, its bar, and whether it holds."""

    name: str
    value: float
    bar: str
    ok: bool


def checks(name: str, plain: Figures, ours: Figures) -> list[Check]:
    """The issue's targets for one set, against trafilatura's figures of the same run."""
    found = [
        Check(f"{name}: precision >= trafilatura + 0.02", ours.precision, f">= {plain.precision + 0.02:.3f}",
              ours.precision >= plain.precision + 0.02),
        Check(f"{name}: recall >= trafilatura - 0.005", ours.recall, f">= {plain.recall - 0.005:.3f}",
              ours.recall >= plain.recall - 0.005),
    ]  # fmt: skip
    if name == WCXB:
        found += [
            Check(f"{name}: F1", ours.f1, ">= 0.955", ours.f1 >= 0.955),
            Check(f"{name}: pages under F1 0.5, at most half of trafilatura's", ours.under_half,
                  f"<= {plain.under_half / 2:.1f}", ours.under_half <= plain.under_half / 2),
            Check(f"{name}: headline exact match", ours.title_exact or 0.0, ">= 0.90",
                  (ours.title_exact or 0.0) >= 0.90),
        ]  # fmt: skip
    if name == ZYTE:
        found += [
            Check(f"{name}: F1", ours.f1, ">= 0.976", ours.f1 >= 0.976),
            Check(f"{name}: empty outputs", ours.empty, "0", ours.empty == 0),
        ]
    return found


def _floors(path: Path) -> dict[str, float]:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    return {name: float(value) for name, value in data.items() if isinstance(value, int | float)}


def _progress(name: str, total: int) -> Callable[[int], None]:
    if not sys.stderr.isatty():
        return lambda done: None

    def show(done: int) -> None:
        end = "\n" if done == total else ""
        print(f"\r  {name}: {done}/{total} pages", end=end, file=sys.stderr, flush=True)

    return show


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, nargs="+", help="benchmark data folders (or one that holds both)")
    parser.add_argument("--worst", type=int, default=10, help="list the N pages newsrake scores worst on (10)")
    parser.add_argument("--update-floor", action="store_true", help="pin this run's F1 of each set as its floor")
    parser.add_argument("--lower-floor", action="store_true", help="allow --update-floor to lower a floor")
    parser.add_argument("--floor-file", type=Path, default=FLOOR_FILE, help="the pinned floors (%(default)s)")
    args = parser.parse_args()
    sets = find_sets(args.data)
    if not sets:
        parser.error("no benchmark data in " + ", ".join(map(str, args.data)))

    for data in sets:
        stored = stored_output(data.folder, "trafilatura") if data.name == ZYTE else None
        if stored is not None:
            check = score_corpus(stored, {p.id: p.truth for p in data.pages})
            print(f"scorer check: stored trafilatura output F1 {check.f1:.3f} (published {PUBLISHED_TRAFILATURA_F1})")
            if round(check.f1, 3) != PUBLISHED_TRAFILATURA_F1:
                print("FAIL: the scorer does not reproduce the published figure")
                return 1

    first = sets[0].pages[0]  # warm both up (imports, caches, the language model): no first-call cost timed
    trafilatura.extract(first.html)
    clean_page(first.html, first.url)
    cache = pattern_cache()
    print(
        f"pattern cache: {cache.loaded} compiled patterns in {cache.path or 'no cache folder'}"
        " (a run after the first builds the patterns it needs from there; the first compiles them and writes it)"
    )

    all_checks: list[Check] = []
    pinned: dict[str, float] = {}
    ours_cpu = plain_cpu = 0.0
    for data in sets:
        results = list(run_pages(data.pages, _progress(data.name, len(data.pages))))
        ours_cpu += sum(r.ours_cpu for r in results)
        plain_cpu += sum(r.plain_cpu for r in results)
        plain, ours = print_set(data, results, args.worst)
        all_checks += checks(data.name, plain, ours)
        pinned[data.name] = math.floor(ours.f1 * 10_000) / 10_000  # truncated: a floor never above its score

    save_patterns()
    pages = sum(len(d.pages) for d in sets)
    ratio = ours_cpu / plain_cpu if plain_cpu else math.inf
    print(
        f"\ncost, CPU per page side by side: newsrake {ours_cpu / pages * 1000:.2f} ms, "
        f"trafilatura {plain_cpu / pages * 1000:.2f} ms"
    )
    all_checks.append(Check("cleaning cost / trafilatura's", ratio, "<= 1.00", ratio <= 1.0))
    print("\ntargets:")
    for c in all_checks:
        value = f"{c.value:.3f}" if isinstance(c.value, float) else str(c.value)
        print(f"  {c.name:<60} {value:>7}  {c.bar:<9} {'ok' if c.ok else 'MISSED'}")

    floors = _floors(args.floor_file)
    if args.update_floor:
        lowered = [n for n, f1 in pinned.items() if f1 < floors.get(n, 0.0)]
        if lowered and not args.lower_floor:
            print(f"\nrefused: {', '.join(lowered)} below the floor; add --lower-floor to lower it deliberately")
            return 1
        args.floor_file.write_text(json.dumps({**floors, **pinned}, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nfloors set in {args.floor_file.name}: {pinned}")
        return 0
    failed = [n for n, f1 in pinned.items() if f1 < floors.get(n, 0.0)]
    for name, f1 in pinned.items():
        print(f"floor {name}: F1 {f1} {'<' if name in failed else '>='} {floors.get(name, 0.0)}")
    if failed:
        print("FAIL: below the pinned floor: " + ", ".join(failed))
        return 1
    print("floors: pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
