"""The note model's threshold, measured on what the rules were not written from and on real pages.

    python benchmarks/note_model.py [DATA ...] [--wordings FILE] [--lines [FILE ...]] [--thresholds T ...]
                                    [--show N] [--probes FILE ...]

The note model (`cleaners/note_model.py`) is learnt from the wordings table and the model's own lines
(``--lines``). Its threshold is chosen on two measures, both printed for each of ``--thresholds``:

1. **Probe sets left out.** The rows that came from a probe set (their ``probe_set``, written by a writer
   who never read the rules) are left out of the model in turn; the share of each left-out set's
   boilerplate lines that scores above the threshold (note-shaped, as `note_shaped` reads them), and the
   article sentences that do (which must be none). A line of Chinese or Japanese is measured against each
   threshold scaled as the model scales its own (`CJK_THRESHOLD` / `THRESHOLD`).
2. **Real pages** (with ``DATA``, the benchmark folders `benchmarks/extraction.py` reads): each page is
   cleaned with the model's own removals turned off, and the edge lines of its text that score above the
   threshold are counted, and those of them that the page's ground truth holds (which the model would cut
   from the article); so are the other lines the model reads (short ones, `ANYWHERE_MAX_WORDS`) that score
   above `ANYWHERE_FACTOR` times the threshold. ``--show`` lists the first N of each.

With ``--probes`` (probe sets: JSON lists of ``language``, ``kind`` and ``line``, ``kind`` "article" for a
sentence that must stay; or a wordings table), it also runs the whole text stage, as it stands, over each
line put first or last in a text of five article paragraphs, fifth of nine lines, and alone between two
paragraphs (a text of three lines, as the wording tests put it), and prints the boilerplate lines that stay
and the article sentences lost, by position and kind: counts only, so that sets kept unread stay unread.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.extraction import Page, find_sets
from cleaners import clean_page, note_model
from cleaners.catalog import TEXT_CLEANERS
from cleaners.note_model import (
    ANYWHERE_FACTOR,
    ANYWHERE_MAX_WORDS,
    CJK_LANGUAGES,
    CJK_THRESHOLD,
    THRESHOLD,
    NoteModel,
    is_note,
    note_shaped,
    placed,
    read_rows,
)
from cleaners.registry import TextContext, run_text_cleaners
from cleaners.rules import SourceRules

DEFAULT_WORDINGS = Path(__file__).resolve().parents[1] / "tests" / "data" / "wordings.json"
DEFAULT_LINES = DEFAULT_WORDINGS.with_name("note_lines.json")
KINDS = ("syndication", "comments", "dates", "affiliate")

# Original article paragraphs (each 25+ words, no two alike) around the lines under test; the note model's
# tests put their lines among them too.
ARTICLE = (
    "The island ferry company will run two fewer evening crossings from November to March, leaving commuters "
    "who work late in the harbour town without a boat home after half past eight.",
    "The company said fewer than a dozen passengers used each of the two late sailings last winter, and that "
    "the crew hours saved would pay for a second engineer on the morning boats.",
    "Parents on the island said the change would make it harder for teenagers to take part in evening sport "
    "and music lessons on the mainland, and asked for one late crossing on Fridays.",
    "The operations manager said the timetable would be reviewed in January once the new booking system "
    "showed how many people had wanted to travel on the cancelled sailings.",
    "Fishermen who moor their boats at the north pier said the quieter evenings would at least make it easier "
    "to unload their catch without waiting for the ferry to leave the slipway.",
    "The winter timetable starts on the first Monday of November and is already on sale at the harbour "
    "office, at the island shop and on the company's own website.",
    "Last year the company carried just over four hundred thousand passengers, most of them in July and "
    "August, when it adds a third boat and runs crossings every forty minutes.",
    "The island council will discuss the timetable at its next meeting, where members are expected to ask "
    "for a ticket discount for residents who can no longer travel in the evening.",
)
PLACES = {
    "first": lambda line: [line, *ARTICLE[:5]],
    "last": lambda line: [*ARTICLE[:5], line],
    "middle": lambda line: [*ARTICLE[:4], line, *ARTICLE[4:]],
    "between two": lambda line: [ARTICLE[0], line, ARTICLE[1]],
}
"""Where a line is put: first or last of a text of five paragraphs, fifth of nine lines, between two."""


def normalised(score: float, language: str | None) -> float:
    """A line's score on `THRESHOLD`'s scale: a Chinese or Japanese line's scaled as `CJK_THRESHOLD` is."""
    return score * THRESHOLD / CJK_THRESHOLD if language in CJK_LANGUAGES else score


def left_out(rows: list[dict[str, object]], thresholds: list[float]) -> None:
    """Print, per threshold, the share of each probe set's lines above it when the set is left out."""
    sets = sorted({str(r["probe_set"]) for r in rows if r.get("probe_set")})
    if not sets:
        print("no row of the table names its probe_set: nothing to leave out")
        return
    caught: Counter[float] = Counter()
    flagged: Counter[float] = Counter()
    boilerplate = article = 0
    for name in sets:
        model = NoteModel.learn(r for r in rows if r.get("probe_set") != name)
        for row in (r for r in rows if r.get("probe_set") == name):
            line, language = str(row["line"]), str(row["language"])
            score = normalised(model.score(line, language), language) if note_shaped(line) else -math.inf
            note = is_note(row)
            boilerplate += note
            article += not note
            for threshold in thresholds:
                if score > threshold:
                    (caught if note else flagged)[threshold] += 1
    print(f"probe sets left out in turn ({len(sets)}): {boilerplate} boilerplate lines, {article} article sentences")
    for threshold in thresholds:
        share = caught[threshold] / max(1, boilerplate)
        sentences = flagged[threshold]
        print(f"  above {threshold:g}: {caught[threshold]} boilerplate lines ({share:.1%}), {sentences} sentences")


def _placed(text: str) -> tuple[list[str], list[str]]:
    """The lines of ``text`` the model reads at its edges, and the others it reads (`placed`): those of at
    most `ANYWHERE_MAX_WORDS` words, in a text of more than one line."""
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    near, elsewhere = placed(len(lines))
    return [lines[i] for i in sorted(near)], [
        line for i, line in enumerate(lines) if i not in near and elsewhere and len(line.split()) <= ANYWHERE_MAX_WORDS
    ]


def on_pages(pages: list[Page], thresholds: list[float], show: int) -> None:
    """Print, per threshold, the edge lines of the pages' texts above it, and those in the ground truth; and
    the other lines the model reads above `ANYWHERE_FACTOR` times it."""
    model = note_model.shipped_model()
    # the model's own removals off: every threshold sees the same lines
    saved = note_model.THRESHOLD, note_model.CJK_THRESHOLD
    note_model.THRESHOLD = note_model.CJK_THRESHOLD = math.inf
    scored: dict[str, list[tuple[float, bool, str, str]]] = {"edge": [], "other": []}
    try:
        for number, page in enumerate(pages, 1):
            article = clean_page(page.html, page.url)
            truth = " ".join(page.truth.split())
            language = article.language
            for place, lines in zip(scored, _placed(article.text), strict=True):
                for line in lines:
                    if note_shaped(line):
                        score = normalised(model.score(line, language), language)
                        scored[place].append((score, line in truth, page.id, line))
            print(f"\r  {number}/{len(pages)} pages", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    finally:
        note_model.THRESHOLD, note_model.CJK_THRESHOLD = saved
    edge, other = scored["edge"], scored["other"]
    print(f"real pages ({len(pages)}): {len(edge)} note-shaped edge lines, {len(other)} other lines the model reads")
    for threshold in thresholds:
        above = [s for s in edge if s[0] > threshold]
        elsewhere = [s for s in other if s[0] > threshold * ANYWHERE_FACTOR]
        print(
            f"  above {threshold:g}: {len(above)} edge lines, {sum(s[1] for s in above)} of them in a ground truth;"
            f" above {threshold * ANYWHERE_FACTOR:g} elsewhere: {len(elsewhere)} lines,"
            f" {sum(s[1] for s in elsewhere)} in a ground truth"
        )
    for place, lines in (("edge", edge), ("elsewhere", other)):
        for score, in_truth, page_id, line in sorted(lines, reverse=True)[:show]:
            print(f"    {place:<9} {score:6.1f} {'truth' if in_truth else '-    '} {page_id:<18} {line[:90]}")


def read_probes(path: Path) -> list[dict[str, str]]:
    """The rows of a probe set (a JSON list), of a wordings table or of the model's lines (``{"rows": [...]}``,
    where `is_note` tells an article sentence)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return [{**r, "kind": r["kind"] if is_note(r) else "article"} for r in data["rows"]]
    return list(data)


def by_place(rows: list[dict[str, str]]) -> None:
    """Print, for each place a line is put, the boilerplate lines that stay and the article sentences lost."""
    stayed: Counter[tuple[str, str]] = Counter()
    totals = Counter(r["kind"] for r in rows)
    for row in rows:
        line, language = row["line"], row["language"]
        for place, build in PLACES.items():
            lines = build(line)
            context = TextContext(title=None, language=language, rules=SourceRules())
            kept, _ = run_text_cleaners(TEXT_CLEANERS, lines, context)
            if row["kind"] == "article":
                stayed[(place, "article")] += all(text in kept for text in lines)
            else:
                stayed[(place, row["kind"])] += line in kept
    boilerplate = sum(n for kind, n in totals.items() if kind != "article")
    print(f"probe lines: {boilerplate} boilerplate, {totals['article']} article sentences")
    for place in PLACES:
        leaked = sum(stayed[(place, kind)] for kind in totals if kind != "article")
        kinds = ", ".join(f"{kind} {stayed[(place, kind)]}/{totals[kind]}" for kind in KINDS if totals[kind])
        lost = totals["article"] - stayed[(place, "article")]
        print(f"  {place:<12} leaked {leaked} ({leaked / max(1, boilerplate):.1%}) [{kinds}]; article lost {lost}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path, nargs="*", help="benchmark data folders (or one that holds both)")
    parser.add_argument("--wordings", type=Path, default=DEFAULT_WORDINGS, help="the wordings table (%(default)s)")
    parser.add_argument(
        "--lines", type=Path, nargs="*", default=[DEFAULT_LINES], help="the model's own lines (%(default)s)"
    )
    parser.add_argument("--thresholds", type=float, nargs="+", default=[6.0, 8.0, 10.0, 12.0, 15.0])
    parser.add_argument("--show", type=int, default=10, help="list the N highest-scoring edge lines (%(default)s)")
    parser.add_argument("--probes", type=Path, nargs="+", default=[], help="probe sets to put into texts")
    args = parser.parse_args()
    try:
        rows = read_rows([args.wordings, *args.lines])
    except (OSError, ValueError, KeyError, TypeError) as error:
        parser.error(f"cannot read the rows of {args.wordings} and {' '.join(map(str, args.lines))}: {error}")
    try:
        probes = [row for path in args.probes for row in read_probes(path)]
    except (OSError, ValueError, KeyError, TypeError) as error:
        parser.error(f"cannot read the probe lines: {error}")
    sets = find_sets(args.data) if args.data else []
    if args.data and not sets:
        parser.error("no benchmark data in " + ", ".join(map(str, args.data)))
    print(f"note model threshold now: {note_model.THRESHOLD:g} ({note_model.CJK_THRESHOLD:g} in Chinese and Japanese)")
    left_out(rows, sorted(args.thresholds))
    for data in sets:
        print(f"{data.name}:")
        on_pages(data.pages, sorted(args.thresholds), args.show)
    if probes:
        by_place(probes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
