"""A byline, a date and a reading time on one line, in any order: "Af Mette Kjærgaard · 3 min. læsning",
"Elif Yıldırım | 22 Şubat 2024 | Okuma süresi: 5 dk", "作者：王晓明 | 2024-02-22 | 阅读约5分钟".

A site's article header puts these side by side, parted by bars, middle dots or dashes; when the extraction
keeps the header, they come out as one line. Each part is read alone: a reading time (``reading_time`` of the
rules), a date (the timestamp test the caller gives), an author's label and name (``author_label``: "Autor:
Jan Novák", "Teksti: Aino Lehtonen", "بقلم: أحمد المنصوري"), or a name alone. A line is such a header when
every part is one of these, a correspondent's credit (``correspondent_label``: "Van onze verslaggever · Groningen ·
21 november 2024", "Kiel, 14.05.2024 – von unserem Korrespondenten Jan Petersen"), a dateline or its place, and one
is a reading time, a labelled name or a correspondent's credit: a name and a date alone are read by
`cleaners.bylines.byline_and_date`, and a line of names is not a byline. The names of the labels and credits are
the authors; a name alone is one only when the line has none of those.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaners.registry import Line
from cleaners.rules import line_pattern, loose_pattern
from cleaners.text_cleaners import is_caseless, is_dateline, is_place

SEPARATOR = re.compile(r"\s*[|｜·•]\s*|\s+[—–-]\s+")
"""What parts a header line: a bar or a middle dot, or a dash between spaces (not the hyphen of a name)."""
MAX_WORDS = 24
"""A header line has at most this many words."""
MAX_PARTS = 5
"""...and at most this many parts."""
NAME_WORDS = 4
"""A name has at most this many words (particles aside: "Jan de Vries")..."""
CASELESS_NAME_WORDS = 3
"""...and at most this many in a script without letter case ("أحمد المنصوري", "王晓明")."""
CASELESS_WORD_CHARS = 12
"""A word of a name in a script without letter case has at most this many characters."""
NAME_PARTICLES = tuple("de van der den von da di du la le del dos das ten ter bin".split())  # noqa: SIM905
"""Small words inside a person's name ("Jan de Vries", "Ana da Silva"), for the names of header lines and of
bylines (`cleaners.bylines`)."""
_WORD_EDGES = ".,'’\"()"
_COLONS = (":", "：")


def is_name(text: str, *, least: int = 1) -> bool:
    """Whether ``text`` reads as a person's name: `least` to `NAME_WORDS` capitalised words (with small
    particles between them), or one to `CASELESS_NAME_WORDS` short words of a script without letter case."""
    words = [w.strip(_WORD_EDGES) for w in text.split()]
    words = [w for w in words if w]
    if not words or any(any(c.isdigit() for c in w) for w in words):
        return False
    if all(is_caseless(w) for w in words):
        return len(words) <= CASELESS_NAME_WORDS and all(len(w) <= CASELESS_WORD_CHARS for w in words)
    named = [w for w in words if w[0].isupper()]
    return (
        least <= len(named) <= NAME_WORDS
        and words[0][0].isupper()
        and all(w[0].isupper() or w in NAME_PARTICLES for w in words)
    )


def labelled_name(part: str, language: str | None) -> str | None:
    """The name of a part that is an author's label (``author_label``, or a byline's word, ``byline_word``) and a
    name ("Autor: Jan Novák", "Af Mette Kjærgaard", "作者：王晓明"), or None. A label without a colon ("Af", "Por",
    "Της") needs a name of two words or more, so that "De Gaulle" is no byline."""
    found = loose_pattern("author_label", language).match(part)
    if found is not None and found.end() > 0:
        label, name = found.group(), part[found.end() :].strip()
    else:  # a byline's word before the name ("By", "Af", "Por")
        label, _, name = part.partition(" ")
        if line_pattern("byline_word", language).match(label) is None:
            return None
    colon = label.rstrip().endswith(_COLONS)
    if not colon and (not name or part[len(label) : len(label) + 1] not in (" ", "\u00a0")):
        return None
    return name if is_name(name, least=1 if colon else 2) else None


def _name_and_date(part: str, is_date: Callable[[str], bool]) -> str | None:
    """A name, a comma and a date ("Денис Павлушкин, 27 февраля 2024"): the name, or None."""
    name, comma, rest = part.partition(", ")
    return name if comma and is_name(name, least=2) and is_date(rest) else None


def correspondent(part: str, language: str | None) -> str | None:
    """The name of a part that is a correspondent's credit (``correspondent_label``: "von unserem Korrespondenten Jan
    Petersen", "корреспондент «Вечерки» Андрей Рябов"), "" for one without a name ("Saját tudósítónktól"), or None
    if ``part`` is none."""
    found = loose_pattern("correspondent_label", language).match(part)
    if found is None or found.end() == 0 or part[found.end() : found.end() + 1].isalnum():
        return None
    rest = part[found.end() :].strip(" ,")
    return rest if not rest or is_name(rest) else None


def _is_place(part: str) -> bool:
    """A dateline's place alone (`cleaners.text_cleaners.is_place`), with no number."""
    return is_place(part.split()) and not any(c.isdigit() for c in part)


def header_names(text: str, language: str | None, is_date: Callable[[str], bool]) -> tuple[str, ...] | None:
    """The names of a header line of parts (a byline, a date, a reading time; see the module), () for one
    that names nobody ("18.10.2023 | Време за четене: 5 мин."), or None if ``text`` is not one.
    ``is_date`` tells a part that is a date."""
    if text.startswith("|") or len(text.split()) > MAX_WORDS or not SEPARATOR.search(text):
        return None
    parts = [part.strip() for part in SEPARATOR.split(text)]
    if not 2 <= len(parts) <= MAX_PARTS or not all(parts):
        return None
    reading = line_pattern("reading_time", language)

    def is_timestamp(line: Line) -> bool:
        return is_date(line.text)

    credited: list[str] = []
    others: list[str] = []
    marked = False
    for part in parts:  # the marks first: most lines of parts have none, and a date's test is the dearest
        if reading.match(part):
            marked = True
            continue
        labelled = labelled_name(part, language)
        if labelled is None:
            labelled = correspondent(part, language)
        if labelled is None:
            others.append(part)
        else:
            credited.extend([labelled] if labelled else [])
            marked = True
    if not marked:
        return None
    bare: list[str] = []
    for part in others:
        if is_date(part):
            continue
        if is_name(part, least=2) and not is_caseless(part.split()[0]):
            bare.append(part)
        elif (dated := _name_and_date(part, is_date)) is not None:
            bare.append(dated)
        elif not (is_dateline(Line.of(part), is_timestamp) or _is_place(part)):
            return None
    return tuple(credited or bare)
