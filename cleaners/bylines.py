"""Bylines: "By Jane Doe", "Par Jean Dupont", also with a date on the same line ("Posted on May 3, 2024 by Jane
Doe", "Von Anna Becker | 12. März 2024"). `bylines` is the text cleaner; `byline_authors` gives the names of a
line it removed, which become the article's authors when its metadata names none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cleaners.byline_parts import NAME_PARTICLES, header_names
from cleaners.prefilter import Phrases
from cleaners.registry import Line, TextContext
from cleaners.rules import line_pattern, loose_pattern
from cleaners.text_cleaners import DIGIT, edges, labels_anywhere, timestamp_test

_BYLINE_LEADS = ("By", "Par", "Von", "Por", "Di", "Door", "Av", "Af", "Oleh", "Autor:", "Автор:", "Közzétette", "Από")
"""The first word of a byline, in each language that has one ("By Jane Doe", "Par Jean Dupont", "Autor: Petr
Novák", "Közzétette Kovács Anna")."""
_CAPITAL = "A-ZÀ-ÞА-ЯЁЄІЇҐΑ-ΩΆΈΉΊΌΎΏ"
"""A capital letter of the Latin, Cyrillic and Greek scripts, as a name begins."""
_NAME_PARTICLE = rf"(?:(?:{'|'.join(NAME_PARTICLES)})\s+)*"
"""Small words inside a person's name (`cleaners.byline_parts.NAME_PARTICLES`)."""
_NAME = rf"[{_CAPITAL}][\w'’.-]*(?:\s+{_NAME_PARTICLE}[{_CAPITAL}][\w'’.-]*){{0,3}}"
_ARTICLE = r"(?:(?:τον|την|τη|του|της)\s+)?"
"""The article that may stand between a byline's first word and the name (Greek "Από τη Μαρία …")."""
_LEAD = rf"(?:{'|'.join(_BYLINE_LEADS)}|BY|PAR|VON|POR|di|de)"
"""A byline's first word as a byline begins with it (case-sensitive: "de" and "di" in lower case only)."""
_BYLINE = re.compile(
    rf"{_LEAD}\s+{_ARTICLE}"
    rf"(?P<names>{_NAME}(?:\s*(?:,|and|&|et|und|y|e)\s+{_NAME})*)"
    rf"(?:\s*[,|·•–—-]\s*[{_CAPITAL}@][\w .&@'’/-]{{0,60}})?"
)
_DATED_BYLINE = re.compile(
    rf"(?P<date>.*\d.*?)\s+(?P<lead>(?i:{'|'.join(_BYLINE_LEADS)}))\s+{_ARTICLE}(?P<byline>[{_CAPITAL}].*)"
)
"""A line that holds a number (its date), then a byline's first word and a capitalised name."""
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bet\b|\bund\b|\by\b|\be\b)\s*")


def byline_names(line: str) -> tuple[str, ...]:
    """The names of a byline ("By Jane Doe and John Roe" gives both), or () if the line is not one."""
    text = " ".join(line.split())
    found = _BYLINE.fullmatch(text)
    if found is None or len(text.split()) > 14:
        return ()
    names = tuple(name for name in _NAME_SPLIT.split(found.group("names")) if name)
    dates = line_pattern("date_name", None)
    return () if any(all(dates.match(word) for word in name.split()) for name in names) else names


def dated_byline(line: str) -> tuple[str, tuple[str, ...]] | None:
    """A date, then a byline, on one line ("Posted on May 3, 2024 by Jane Doe"): the date's part and the
    names the byline gives (`byline_names` of "By Jane Doe"), or None. Whether the first part is a
    timestamp line is for the caller to tell (`bylines`)."""
    found = _DATED_BYLINE.fullmatch(" ".join(line.split()))
    if found is None:
        return None
    names = byline_names(f"{found['lead'].capitalize()} {found['byline']}")
    return (found["date"], names) if names else None


_PARTS = re.compile(r"\s*[|·•–—]\s*|\s+-\s+|,\s+")
"""What parts a byline from its date on one line ("By Jane Doe | May 3, 2024", "Av Erik Lindqvist, 12 mars 2024")."""
_BARE_NAME = re.compile(rf"[{_CAPITAL}][\w'’.-]+(?:\s+[{_CAPITAL}][\w'’.-]+){{1,2}}")
"""A person's name alone: two or three capitalised words."""
SOURCE_WORDS = 4
"""Words a byline may name between itself and its date ("Por Mariana Souza, g1 RJ — 12/03/2024")."""
_LEAD_FIRST = re.compile(rf"{_LEAD}\s")
_NAME_LAST = re.compile(rf"(?:^|\s){_BARE_NAME.pattern}$")
"""What a byline and a date on one line need: a byline's first word at the start (`_LEAD_FIRST`), or a name
alone at the end: cheap tests before the line is parted."""


def byline_and_date(line: str, is_date: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The names of a byline and a date on one line, either way round, or (): a byline, then a date
    ("Von Anna Becker | 12. März 2024", with at most `SOURCE_WORDS` words of a source between them: "Por
    Mariana Souza, g1 RJ — 12/03/2024"), or a date, then a name alone ("Julkaistu: 12.3.2024 | Matti Virtanen").
    ``is_date`` tells a date's part (None: the line is known to be a byline, as `byline_authors` is given)."""
    text = " ".join(line.split())
    if not (_LEAD_FIRST.match(text) or _NAME_LAST.search(text)):
        return ()
    parts = list(_PARTS.finditer(text))
    for i, first in enumerate(parts):
        names = byline_names(text[: first.start()])
        if not names:
            continue
        for later in parts[i:]:
            between = text[first.end() : later.start()] if later is not first else ""
            if len(between.split()) > SOURCE_WORDS:
                break
            rest = text[later.end() :]
            if DIGIT.search(rest) and (is_date is None or is_date(rest)):
                return names
        return ()
    if parts:
        last = parts[-1]
        name = text[last.end() :]
        if _BARE_NAME.fullmatch(name) and (is_date is None or is_date(text[: last.start()])):
            return (name,)
    return ()


BY_WORD_AT_MOST = 3
"""The place of the byline's word in a timestamp line at the latest ("Last updated by …" has it third)."""
BY_NAME_WORDS = 4
"""Words of a name after the byline's word in a timestamp line ("Published by Newsroom Staff on …")."""


@functools.cache
def _by_word_early(language: str | None) -> re.Pattern[str]:
    """A byline's word (``byline_word``) among a line's first `BY_WORD_AT_MOST` + 1 words: the cheap test
    before `byline_in_timestamp` parts the line."""
    words = loose_pattern("byline_word", language).pattern
    return re.compile(rf"(?:\S+\s+){{0,{BY_WORD_AT_MOST}}}(?:{words})\s", re.IGNORECASE)


def byline_in_timestamp(line: str, language: str | None, is_date: Callable[[str], bool]) -> tuple[str, ...] | None:
    """A timestamp with a byline inside it: "Published by Jane Doe on 3 May 2024", "Publicado por Redacción
    el 12 de marzo de 2024", "Posted by admin on March 3". The line is one when it holds a byline's word
    (``byline_word`` of the rules) among its first words and, without that word and the one to
    `BY_NAME_WORDS` words after it, is a timestamp line (``is_date``). Gives the name as `byline_names` reads it
    (("Jane Doe",); () for "admin", though the line is one), or None if the line is not such a timestamp."""
    if not _by_word_early(language).match(line):
        return None
    words = line.split()
    by_word = line_pattern("byline_word", language)
    for i, word in enumerate(words[: BY_WORD_AT_MOST + 1]):
        if not by_word.fullmatch(word):
            continue
        for end in range(i + 2, min(i + 2 + BY_NAME_WORDS, len(words))):
            name = words[i + 1 : end]
            if DIGIT.search(name[-1]):
                break
            if is_date(" ".join(words[:i] + words[end:])):
                return byline_names("By " + " ".join(name))
    return None


STAFF_WORDS = 14
"""A byline that names the newsroom (`staff_byline`) has at most this many words, with its timestamp."""
_SIDE_MARKS = " ,;|·•–—-:"
"""What may part a newsroom's byline from a timestamp beside it."""


@functools.cache
def _staff_byline(language: str | None) -> Phrases:
    """A byline's word (``byline_word``) and a newsroom's name after it (``staff_name``), as whole words, with
    the literals a line must hold for it to be searched."""
    words = loose_pattern("byline_word", language).pattern
    names = loose_pattern("staff_name", language).pattern
    return Phrases.compile([rf"(?<!\w)(?:{words})\s+(?:{names})(?!\w)"])


def staff_byline(line: Line, language: str | None, is_date: Callable[[str], bool]) -> bool:
    """Whether ``line`` is a byline that names the newsroom, not a person: a byline's word and a newsroom's name
    (``staff_name``: "By the Editorial Board", "Von der SZ-Redaktion", "Door de redactie"), alone or with a
    timestamp (``is_date``) or a timestamp's label ("Published") beside it ("Posted 3 hours ago by the Newsroom
    team", "Published by the news desk"). A sentence that goes on stays ("By the editors' count, …", "Von der
    Redaktion geprüft.")."""
    if line.words > STAFF_WORDS:
        return False
    phrases = _staff_byline(language)
    if phrases.search(line.norm, line.folded) is None:
        return False
    for found in phrases.regex.finditer(line.norm):
        rest = f"{line.norm[: found.start()]} {line.norm[found.end() :]}".strip(_SIDE_MARKS)
        if not rest or is_date(rest) or not labels_anywhere(language).sub("", rest).strip(_SIDE_MARKS):
            return True
    return False


def byline_authors(line: str, language: str | None = None) -> tuple[str, ...]:
    """The names a line that `bylines` removed gives: a byline's, alone or with a date (`dated_byline`,
    `byline_and_date`), or inside a timestamp (`byline_in_timestamp`, with the byline's words of
    ``language``)."""
    names = byline_names(line)
    if names:
        return names
    dated = dated_byline(line)
    if dated:
        return dated[1]
    is_timestamp = timestamp_test(language)

    def is_date(text: str) -> bool:
        return is_timestamp(Line.of(text))

    return (
        byline_and_date(line)
        or byline_in_timestamp(line, language, is_date)
        or header_names(line, language, is_date)
        or ()
    )


def bylines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Byline lines near the start or end ("By Jane Doe", "Par Jean Dupont"), and bylines with a timestamp on
    the same line ("Posted on May 3, 2024 by Jane Doe", "Von Anna Becker | 12. März 2024") or with a reading
    time (`cleaners.byline_parts`: "Af Mette Kjærgaard · 3 min. læsning") wherever they stand: a date and a
    name alone on a line are never the article's prose (a live blog's entries, a note moved into the body).
    Their names become authors."""
    language = context.language
    is_timestamp = timestamp_test(language)

    def is_date(text: str) -> bool:
        return is_timestamp(Line.of(text))

    def is_dated(line: Line) -> bool:
        if line.words > 24:
            return False
        dated = dated_byline(line.text)
        if dated is not None and is_date(dated[0]):
            return True
        return (
            bool(byline_and_date(line.text, is_date))
            or byline_in_timestamp(line.text, language, is_date) is not None
            or header_names(line.text, language, is_date) is not None
        )

    near = set(edges(len(lines), 4, 2))
    return [
        i
        for i, line in enumerate(lines)
        if (i in near and line.words <= 14 and byline_names(line.text))
        or ((i in near or DIGIT.search(line.norm) is not None) and is_dated(line))
        or (line.words <= STAFF_WORDS and staff_byline(line, language, is_date))
    ]
