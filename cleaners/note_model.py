"""A word-count model of the notes a site puts at an article's edges, for the wordings the families miss.

The rule tables (`cleaners/rules/text.toml`) read syndication notes, calls to comment, datelines and
affiliate notes by their wording, family by family. A wording no family reads stays in the text. This model
is a second opinion on such lines, learnt from the same data: the rows of the wordings table
(``tests/data/wordings.json``) and the lines written for the model alone (``tests/data/note_lines.json``,
probe sets no rule was written from), boilerplate lines against article sentences near the same words, in
every language the table holds.

It is a naive Bayes model over a line's words, its pairs of words and the four-letter pieces of its words
(two-character pieces in Chinese and Japanese), learnt as features present in a line or not: a feature's
weight is its log odds of boilerplate against article text, for the features the rows hold twice or more,
and a line's score is the sum of its words' weights, each with its pieces', and its pairs'. The weights
are data, in ``cleaners/rules/note_model.json``; rebuild it after either file changes with
``python -m cleaners.note_model tests/data/wordings.json tests/data/note_lines.json`` (a test checks that it
is current).

It is trusted where such notes stand: the first `HEAD` and last `TAIL` lines of an article of `MIN_LINES`
lines or more, on lines shaped like a note (`note_shaped`), above `THRESHOLD` (`CJK_THRESHOLD` in Chinese and
Japanese, `threshold`). Elsewhere, in the middle of an article or in a text too short to have edges, only a
short line that scores `ANYWHERE_FACTOR` times as high is a note.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from pathlib import Path

from cleaners.registry import Line, TextContext
from cleaners.rules import RULES_DIR
from cleaners.text_cleaners import MARKS, edges

MODEL_PATH = RULES_DIR / "note_model.json"
THRESHOLD = 10.0
"""A line's score above which it is a note. Chosen on data the rules were not written from: with each of the
probe sets left out of the model in turn, some 47% of their boilerplate lines score above it and none of their
4,360 article lines; on the 974 benchmark pages, eleven edge lines do, one of them in a ground truth
(`benchmarks/note_model.py`, `docs/cleaning.md`)."""
CJK_THRESHOLD = 20.0
"""`THRESHOLD` in Chinese and Japanese, whose features are pairs of characters: a short line has many, and
its score spreads wider. Left out of the model in turn, no article line of the probe sets scores above 5
(short ones included: openings, endings, subheadings, captions), and over half of their notes above 20 (356 of
661); the highest sentence of the benchmark pages' Japanese articles scores 15.2."""
HEAD = 2
"""The lines at the top of a text where the model is trusted (a dateline, a disclosure, a kicker's note)."""
TAIL = 3
"""The lines at the end of a text where the model is trusted (a syndication note, a call to comment)."""
MIN_LINES = 4
"""Fewer lines than this are not an article with edges of its own: the model reads them as it reads the middle
of a text."""
ANYWHERE_FACTOR = 2.0
"""Anywhere in a text (of more than one line), a line that scores above this many times the language's
`threshold` is a note too. `benchmarks/note_model.py` measures it: no article sentence of the probe sets left
out in turn scores above 10, and of the short lines away from the edges of the 974 benchmark pages' texts,
one scores above 20 (a note its ground truth leaves out), and the highest that a ground truth holds 17.5."""
ANYWHERE_MAX_WORDS = 25
"""Away from the edges, a note is a short line: of the probe sets' boilerplate lines scoring above twice the
threshold, left out in turn, 6 of 3,692 have more words than this; scoring every line of up to `MAX_WORDS`
would cost some 2.4 times as much."""
MIN_WORDS = 4
"""Fewer words than this give the model too few features to go by (a heading, a label)."""
MIN_CJK_CHARACTERS = 6
"""A line of Chinese or Japanese, written without spaces, is one or two "words": it needs this many Han and
kana characters instead of `MIN_WORDS` words."""
MAX_WORDS = 45
MAX_CJK_CHARACTERS = 60
"""A note is a sentence or two: longer lines are paragraphs, in words or in CJK characters."""
MIN_COUNT = 2
"""A feature the rows hold fewer times than this says nothing, and is left out of the model."""
WORDS_KEPT = 16384
"""Words whose weight `NoteModel` keeps at most (then it forgets them all and starts again)."""
CJK_LANGUAGES = frozenset({"zh", "ja"})
"""Languages written without spaces between words: their features are pairs of characters."""
_ASCII_WORD = re.compile(r"[a-z]+")
"""A word of a line in plain ASCII, lower-cased: its letters, as the word characters that are no digit nor "_" are
there, found sooner."""


_WORD_WITH_MARKS = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")
"""A word with its combining marks, for the lines that are not plain ASCII."""
_CODE = re.compile(r"[{}<>=\\]|\|.*\|")
_LIST_ITEM = re.compile(r"\s*[-*•]\s")
"""Code, markup and table rows (two bars or more), and list items: never a note's sentence (nor is an address,
`_shaped`). Not a semicolon, which joins a note's clauses as often as code's statements ("Our editors choose every
product independently; prices were correct at the time of publishing."), nor one bar, which parts a label from
its note ("PAID POST | Produced for …")."""
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _words_and_pairs(line: str) -> tuple[list[str], set[str]]:
    """The words of ``line`` (letters and their combining marks, in lower case) and its pairs of words."""
    lower = line.lower()
    words = (_ASCII_WORD if lower.isascii() else _WORD_WITH_MARKS).findall(lower)
    return words, set(map(" ".join, pairwise(words)))


def features(line: str, language: str | None) -> set[str]:
    """The model's features of ``line``: its words, pairs of words, and pieces of words."""
    words, pairs = _words_and_pairs(line)
    found = set(words) | pairs
    if language in CJK_LANGUAGES:
        letters = "".join(words)
        found.update(letters[i : i + 2] for i in range(len(letters) - 1))
    else:
        found.update(*map(_pieces, set(words)))
    return found


def _pieces(word: str) -> frozenset[str]:
    """The four-letter pieces of a word, marked at its ends ("#<lea", "#leav", "#eave", "#ave>" of "leave")."""
    marked = f"<{word}>"
    return frozenset("#" + marked[i : i + 4] for i in range(len(marked) - 3))


def note_shaped(line: str) -> bool:
    """Whether ``line`` could be a note: 4 to 45 words (in Chinese and Japanese, at least 6 Han and kana
    characters; at most 60 CJK characters), not code, a list item or an address, and not the introduction of
    what follows (a line ending with a colon)."""
    return _shaped(len(line.split()), line)


def _shaped(words: int, line: str) -> bool:
    """`note_shaped` for a line whose words are counted (the text stage's `Line` has counted them)."""
    if words > MAX_WORDS or _CODE.search(line) or _LIST_ITEM.match(line) or line.rstrip().endswith(":"):
        return False
    if "http://" in line or "https://" in line:
        return False
    if len(_CJK.findall(line)) > MAX_CJK_CHARACTERS:
        return False
    return words >= MIN_WORDS or len(_HAN_KANA.findall(line)) >= MIN_CJK_CHARACTERS


def threshold(language: str | None) -> float:
    """The score above which a line of ``language`` is a note."""
    return CJK_THRESHOLD if language in CJK_LANGUAGES else THRESHOLD


@dataclass(frozen=True)
class NoteModel:
    """Each feature's weight: its log odds of boilerplate against article text."""

    weights: Mapping[str, float]
    _by_word: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    """Each word's weight with its pieces', as `score` reads it, kept: the same words come back line after
    line."""

    def score(self, line: str, language: str | None) -> float:
        """The sum of the weights of ``line``'s words, each with its pieces (a piece two words share counts
        for both), and of its pairs of words; in Chinese and Japanese, of its `features`. Rounded to hundredths,
        as the weights are: a sum of floats depends on the order of its terms, the order of a set's, which
        changes from process to process, and a line on the threshold would be a note in one and not another."""
        if language in CJK_LANGUAGES:
            total = sum(map(self.weights.get, features(line, language), repeat(0.0)))
        else:
            words, pairs = _words_and_pairs(line)
            total = sum(map(self._word_weight, set(words))) + sum(map(self.weights.get, pairs, repeat(0.0)))
        return round(total, 2)

    def _word_weight(self, word: str) -> float:
        known = self._by_word.get(word)
        if known is None:
            if len(self._by_word) >= WORDS_KEPT:
                self._by_word.clear()
            get = self.weights.get
            known = self._by_word[word] = get(word, 0.0) + sum(get(piece, 0.0) for piece in _pieces(word))
        return known

    @classmethod
    def learn(cls, rows: Iterable[Mapping[str, object]]) -> NoteModel:
        """The model of rows of the wordings table and of the model's own lines (`is_note` tells which are
        boilerplate)."""
        boilerplate: Counter[str] = Counter()
        article: Counter[str] = Counter()
        lines = {True: 0, False: 0}
        for row in rows:
            note = is_note(row)
            found = features(str(row["line"]), str(row["language"]))
            (boilerplate if note else article).update(found)
            lines[note] += 1
        weights = {}
        for feature in boilerplate.keys() | article.keys():
            a, b = boilerplate[feature], article[feature]
            if a + b >= MIN_COUNT:
                odds = math.log((a + 0.5) / (lines[True] + 1)) - math.log((b + 0.5) / (lines[False] + 1))
                weights[feature] = round(odds, 2)
        return cls(weights)

    def dumps(self) -> str:
        """The model as written to `MODEL_PATH`."""
        return json.dumps(dict(sorted(self.weights.items())), ensure_ascii=False, indent=0) + "\n"


def is_note(row: Mapping[str, object]) -> bool:
    """Whether a row is boilerplate: a line of the model's own (``tests/data/note_lines.json``) says so in its
    ``note``; a row of the wordings table is boilerplate when it names a ``cleaner`` (even null: a known gap),
    and an article sentence when it names none."""
    return bool(row["note"]) if "note" in row else "cleaner" in row


def read_rows(paths: Iterable[Path]) -> list[dict[str, object]]:
    """The ``rows`` of each JSON file (the wordings table, the model's own lines), one list."""
    return [row for path in paths for row in json.loads(path.read_text(encoding="utf-8"))["rows"]]


@functools.cache
def shipped_model() -> NoteModel:
    """The model in `MODEL_PATH`, read once per process. The weights, rounded to hundredths, take some
    hundreds of values: each is one float object, shared by every feature of that weight (some 2 MB less, and
    fewer pages that a forked worker copies when it reads them)."""
    shared: dict[float, float] = {}
    weights = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return NoteModel({feature: shared.setdefault(weight, weight) for feature, weight in weights.items()})


def placed(count: int) -> tuple[frozenset[int], bool]:
    """Where the model reads a text of ``count`` lines: its edge lines (the first `HEAD` and last `TAIL` of a text
    of `MIN_LINES` or more), read at the `threshold`; and whether it reads the other lines too (those of at most
    `ANYWHERE_MAX_WORDS` words, at `ANYWHERE_FACTOR` times it), as it does unless the text is one line."""
    near = frozenset(edges(count, HEAD, TAIL)) if count >= MIN_LINES else frozenset()
    return near, count > 1


def model_notes(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Note-shaped lines that the model scores above the language's `threshold` among an article's edge lines,
    or above `ANYWHERE_FACTOR` times it elsewhere (with at most `ANYWHERE_MAX_WORDS` words), as `placed` says:
    the notes the rule tables' wordings miss."""
    near, elsewhere = placed(len(lines))
    if not near and not elsewhere:
        return []
    model = shipped_model()
    language = context.language
    above = threshold(language)
    return [
        i
        for i, line in enumerate(lines)
        if (i in near or (elsewhere and line.words <= ANYWHERE_MAX_WORDS))
        and _shaped(line.words, line.text)
        and model.score(line.text, language) > (above if i in near else above * ANYWHERE_FACTOR)
    ]


USAGE = "usage: python -m cleaners.note_model tests/data/wordings.json tests/data/note_lines.json"


def main(argv: Sequence[str]) -> int:
    """``python -m cleaners.note_model WORDINGS.json [LINES.json ...]``: rebuild `MODEL_PATH` from the
    wordings table and the model's own lines."""
    if any(arg in ("-h", "--help") for arg in argv):
        print(f"{USAGE}\n\nRebuild {MODEL_PATH} from the rows of the files given.")
        return 0
    if not argv or any(arg.startswith("-") for arg in argv):
        print(USAGE, file=sys.stderr)
        return 2
    try:
        rows = read_rows(map(Path, argv))
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"cannot read the rows: {error}", file=sys.stderr)
        return 2
    model = NoteModel.learn(rows)
    MODEL_PATH.write_text(model.dumps(), encoding="utf-8")
    print(f"{MODEL_PATH}: {len(model.weights)} features from {len(rows)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
