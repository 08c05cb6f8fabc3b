"""Text-level cleaners: run on the extracted lines, each returns the indices of the lines to drop.

Each is a small pure function over the lines (`Line` records) and a
`TextContext`. The wordings they look for are pattern families in
`cleaners/rules/text.toml`. Syndication notes (`cleaners/syndication.py`)
and bylines (`cleaners/bylines.py`) have modules of their own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence

from cleaners import hosted, link_fees
from cleaners.prefilter import Phrases, lines_passing
from cleaners.registry import Line, TextContext
from cleaners.rules import WITHOUT_SPACES, contains_pattern, line_pattern, loose_pattern, word_gate, word_pattern

_SENTENCE_END = re.compile(r"[.!?…:;\"”’'»)\]]$")
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_NUMERIC_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?<!\d)(?:{_DAY}\.\s?{_DAY}\.\s?|{_DAY}/{_DAY}/|{_DAY}-{_DAY}-)(?:19|20)\d\d(?!\d)"
    rf"|(?<!\d)(?:19|20)\d\d(?:\.\s?{_MONTH}\.\s?{_DAY}\.?|/{_MONTH}/{_DAY})(?!\d)"
    r"|(?<!\d)(?:19|20)\d\d\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
    r"(?:\s*(?:\([^\W\d_]\)|[^\W\d_]요일))?(?:\s*\d{1,2}\s*[時时시]\s*(?:\d{1,2}\s*[分분])?)?"
)
"""A date written in numbers alone: ISO 8601 ("2024-05-03T10:12:00Z"), day, month and year in any order a
language writes them ("03.05.2024", "3. 5. 2024", "05/03/2024", "2024.05.03", "2024/5/3"), or with the year,
month and day signs of Chinese, Japanese and Korean ("2024年5月3日", "2024년 5월 3일"), with a weekday and an
hour in those signs."""


def _combining_marks() -> str:
    """The combining marks from U+0300 to U+2FFF (accents written apart, vowel signs of the Indic scripts, Arabic
    and Hebrew points, Thai vowels), as the ranges of a regular expression's character class. A word holds them,
    but Python's word characters leave them out, and would cut "हिंदी" into "ह" and "द"."""
    marks = [code for code in range(0x300, 0x3000) if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")]
    runs: list[list[int]] = []
    for code in marks:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)


MARKS = _combining_marks()
_LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*"
"""A word's letters, with the combining marks (`MARKS`) inside it ("सितंबर", not "स", "त", "बर")."""
_LEAD_LABEL = re.compile(rf"{_LETTERS}(?:[ -]{_LETTERS})?\s*[:：]\s*")
"""One or two words and a colon at the start of a line: a label in any language ("Yayınlanma:", "发布时间：")."""
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WORD_OR_NUMBER = re.compile(rf"{_LETTERS}|\d+")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_SRCSET_ENTRY = re.compile(r"\S+\s+\d{2,4}w\b")
_IMAGE_URL = re.compile(r"https?://\S+\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?\S*)?", re.IGNORECASE)
_NON_WORD = re.compile(r"\W+")
_HEADLINE_BULLETS = ("- ", "• ", "· ", "– ", "* ")
DIGIT = re.compile(r"\d")
RELATIVE_WORDS = 8
"""A line without a number may be a dateline of a time ago written in words ("Updated a day ago", `date_relative`)
if it has at most this many words."""
RULE_LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl", "id", "pl", "sv", "ru")
"""The languages the text rule tables have wordings for in every family (besides a few Korean and Japanese ones;
syndication notes, comment calls and affiliate notes are also read in cs, da, nb/no, ro and uk, and timestamp
labels in more)."""


def _matching(family: str, lines: Sequence[Line], context: TextContext, max_words: int) -> list[int]:
    whole = line_pattern(family, context.language)
    anywhere = contains_pattern(family, context.language)
    if anywhere.never:
        return [
            i for i, line in enumerate(lines) if line.words <= max_words and whole.match(line.norm, folded=line.folded)
        ]
    return [
        i
        for i, line in enumerate(lines)
        if line.words <= max_words
        and (whole.match(line.norm, folded=line.folded) or anywhere.search(line.norm, line.folded))
    ]


def edges(count: int, head: int, tail: int) -> list[int]:
    return sorted(set(range(min(head, count))) | set(range(max(0, count - tail), count)))


def is_image_line(text: str) -> bool:
    """A line that is image markup turned into text: ``![](...)``, a srcset list, a bare image URL."""
    if "/" not in text:
        return False
    return bool(_MARKDOWN_IMAGE.match(text) or len(_SRCSET_ENTRY.findall(text)) >= 2 or _IMAGE_URL.fullmatch(text))


def _is_headline(line: Line) -> bool:
    return line.text.startswith(_HEADLINE_BULLETS) or (line.words <= 25 and not _SENTENCE_END.search(line.text))


def image_teasers(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Headline lines glued to an image line: a teaser card for another story (headline + thumbnail)."""
    images = [is_image_line(line.text) for line in lines]
    return [
        i
        for i, line in enumerate(lines)
        if not images[i]
        and ((i > 0 and images[i - 1]) or (i + 1 < len(lines) and images[i + 1]))
        and 3 <= line.words <= 20
        and not _SENTENCE_END.search(line.text)
    ]


def image_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Image markup left as text: ``![](url 388w, url 720w)``, srcset lists, bare image URLs."""
    return [i for i, line in enumerate(lines) if is_image_line(line.text)]


def empty_labels(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Labels with nothing after them ("Issued on:", "Modified:", "Tags") and punctuation-only lines."""
    return _matching("empty_label", lines, context, 6)


@functools.cache
def labels_anywhere(language: str | None) -> re.Pattern[str]:
    """The timestamp labels (of ``language`` and English) as one regex that finds them as whole words; a
    number may follow with no space, as Chinese and Japanese write it ("发布于2024年5月3日")."""
    labels = loose_pattern("timestamp_label", language).pattern
    return re.compile(rf"(?<!\w)(?:{labels})(?![^\W\d_])", re.IGNORECASE)


@functools.lru_cache(maxsize=32768)
def _is_date_word(family: str, word: str) -> bool:
    """Whether ``word`` is one of a family's words for date lines (``date_name``, ``date_filler``,
    ``date_joiner``), as its whole-word pattern reads it; each word is tested once, not on every line and
    page that holds it (a large alternation, tried on most words of every short line with a number)."""
    return line_pattern(family, None).match(word) is not None


AGE_NOTICE_WORDS = 14
"""A notice of an article's age (``article_age``: "This article is more than 2 years old") has at most this many
words."""


def timestamp_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Lines that are only dates or times with their labels ("Updated: Tue., Nov. 19, 2019",
    "Published 3 May 2024 | Updated 4 May 2024", "May 3, 2024 · 4 min read").

    A bare time ("10 p.m.") or number is kept: it may be a heading of a live
    page or a phone number. A line needs a label, a month or day name, or a
    date in numbers (`_NUMERIC_DATE`); on a page in a language the label
    tables have no wordings for, one or two words and a colon before such a
    date are its label ("Yayınlanma: 03.05.2024 10:15"), unless the line is a
    list item ("- Last checked: 2025-10-28"). A table's row is never a
    timestamp line. Besides its labels a line holds only numbers, names and
    filler words (and, between two labelled dates, a joining word such as
    "and"); it may hold a year per label and one more (the first date may go
    unlabelled: "3 May 2019 – Updated 4 May 2024"), so a range without labels
    ("May 2019 – June 2020") stays. An article sentence has other words ("The
    report was published on 3 May and updated the week after"). A time ago
    written in words ("Updated a day ago", "Mis à jour il y a une heure":
    `date_relative`) counts as a number, on a line of at most
    `RELATIVE_WORDS` words; one written with a number ("2 hours ago",
    "35分前": `date_ago`) counts as a date, so that it may stand alone. A notice of the article's age is such a
    line too ("This article is more than 2 years old": ``article_age``), and so are a note of when the text was
    published or updated (`_update_notes`) and a notice that it is updated or still developing (``update_label``:
    "This is a developing story and will be updated.").
    """
    is_timestamp = timestamp_test(context.language)
    found = {i for i, line in enumerate(lines) if is_timestamp(line)}
    found.update(_update_notes(lines, context, is_timestamp, found))
    found.update(_matching("update_label", lines, context, UPDATE_NOTE_WORDS))
    return sorted(found.union(_matching("article_age", lines, context, AGE_NOTICE_WORDS)))


UPDATE_NOTE_WORDS = 30
"""A note of when the text was published or updated (`_update_notes`), or a notice that it is updated
(``update_label``), has at most this many words."""


def _update_notes(
    lines: Sequence[Line], context: TextContext, is_timestamp: Callable[[Line], bool], found: set[int]
) -> list[int]:
    """Notes of when the text was published or updated: the words that name the text (``update_subject``: "This
    post was", "Dieser Artikel wurde") before a timestamp line (``is_timestamp``: "This post was last updated on
    January 12, 2025.", "This article was first published on 3 March 2024 and last updated on 5 March 2024."),
    which a short reason may follow (``update_reason``: "This story was updated at 3:40 p.m. to include comments
    from the mayor."). A sentence that goes on with other words stays ("This report was published on 3 May by the
    ministry.")."""
    subject = loose_pattern("update_subject", context.language)
    reason = loose_pattern("update_reason", context.language)
    notes = []
    for i, line in enumerate(lines):
        if i in found or line.words > UPDATE_NOTE_WORDS:
            continue
        lead = subject.match(line.norm, folded=line.folded)
        if lead is None:
            continue
        rest = line.norm[lead.end() :]
        why = reason.search(rest)
        stamp = rest[: why.start()] if why is not None else rest
        if stamp.strip() and is_timestamp(Line.of(stamp)):
            notes.append(i)
    return notes


@functools.cache
def timestamp_test(language: str | None) -> Callable[[Line], bool]:
    """Whether a line is a timestamp line (`timestamp_lines`), for a page in ``language``."""
    labels = labels_anywhere(language)
    relative = contains_pattern("date_relative", language)
    ago = loose_pattern("date_ago", language)
    any_label = language is not None and language not in RULE_LANGUAGES

    def is_timestamp(line: Line) -> bool:
        if line.words > 30 or len(line.norm) > 200 or line.text.startswith("|"):
            return False
        norm = line.norm
        if not DIGIT.search(norm):
            if line.words > RELATIVE_WORDS or not relative.search(norm, line.folded):
                return False
            norm = relative.regex.sub(" 0 ", norm)  # "a day ago" reads as "0 days ago" does
        rest, labelled = labels.subn(" ", norm)
        lead = (
            _LEAD_LABEL.match(rest)
            if any_label and not labelled and not line.text.startswith(_HEADLINE_BULLETS)
            else None
        )
        if lead and _NUMERIC_DATE.match(rest, lead.end()):
            rest, labelled = rest[lead.end() :], 1
        if line.words > 15 * max(1, labelled) or len(YEAR.findall(line.norm)) > labelled + 1:
            return False
        rest, agos = ago.subn(" 0 ", rest)
        dated = _NUMERIC_DATE.sub(" 0 ", rest)
        tokens = WORD_OR_NUMBER.findall(dated)
        words = [t for t in tokens if not t.isdigit()]
        return (
            any(t.isdigit() for t in tokens)
            and bool(labelled or agos or dated != rest or any(_is_date_word("date_name", t) for t in words))
            and all(
                _is_date_word("date_name", t)
                or _is_date_word("date_filler", t)
                or (labelled > 1 and _is_date_word("date_joiner", t))
                for t in words
            )
        )

    return is_timestamp


DATELINE_HEAD = 2
"""A place and a date alone on a line are a dateline among this many first lines of a text ("Buenos Aires, 4 de
diciembre de 2023"). Further down such a line may be an item of a list (a tour's dates, a timeline, a show's venue
and its run), so there it needs one date, no bullet, no dateline or date on the lines beside it, and a line
before it that announces nothing (ends with no colon)."""
DATELINE_WORDS = 14
"""Below the first lines, a dateline has at most this many words (a place of three, a date with its weekday and
time, an agency), begins with its place's capital (or a letter of a script without case) and holds a number: quick
tests before the line is parted."""
DATELINE_PLACE_WORDS = 4
"""A dateline's place has fewer words than this, each capitalised ("SPRINGFIELD, Mo.", "Nová Ves") or each of a
script without letter case ("नई दिल्ली")."""
_DATELINE_BREAK = re.compile(r",\s+|\s+[—–-]\s+|\s*[|｜]\s*")
_DANGLING_DASH = re.compile(r"\s[—–-]$")
"""A dateline broken from the paragraph it opened ends with the dash that joined them ("Košice 4. októbra 2023 –")."""
_AGENCY_TAIL = re.compile(r"\s*\([^()]{1,30}\)$")
"""An agency's name in brackets after a dateline's date ("Λος Άντζελες, 10 Ιουνίου (ΑΠΕ) —")."""


def datelines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """A dateline alone on one of the first lines of a text (`DATELINE_HEAD`), or further down with no dateline or
    date beside it (a note moved into the body, a live page's entry): a place in capitalised words (or
    in a script without letter case), then what `timestamp_lines` reads as a date ("Buenos Aires, 4 de diciembre
    de 2023", "CAMBRIDGE, Mass. — Feb. 14, 2024", "Новосибирск, 21 ноября.", "Barcelona | 22 de octubre de
    2024", "नई दिल्ली, 5 सितंबर।"), in any language; also with the dash that joined it to the paragraph it
    opened, and an agency in brackets before it ("Košice 4. októbra 2023 –", "Λος Άντζελες, 10 Ιουνίου (ΑΠΕ) —")."""
    is_timestamp = timestamp_test(context.language)
    found = [i for i in range(min(DATELINE_HEAD, len(lines))) if is_dateline(lines[i], is_timestamp)]
    found += [
        i
        for i in range(DATELINE_HEAD, len(lines))
        if lines[i].words <= DATELINE_WORDS
        and DIGIT.search(lines[i].norm) is not None
        and _may_be_dateline(lines[i])
        and is_dateline(lines[i], is_timestamp)
    ]
    if not found or found[-1] < DATELINE_HEAD:
        return found

    def alone(i: int) -> bool:
        if lines[i - 1].text.rstrip().endswith(":"):
            return False  # an item of what the line before announces ("Tour dates:")
        return not any(0 <= j < len(lines) and (j in found or is_timestamp(lines[j])) for j in (i - 1, i + 1))

    return [i for i in found if i < DATELINE_HEAD or alone(i)]


def _may_be_dateline(line: Line) -> bool:
    """What a dateline below the first lines needs besides a number: its place's capital (or a letter of a script
    without case) first, one year at most (a second date makes a run: "…, October 2, 2025 – February 15, 2026"),
    and no bullet (a list's item)."""
    first = line.norm[:1]
    return (
        (first.isupper() or is_caseless(first))
        and len(YEAR.findall(line.norm)) <= 1
        and not line.text.startswith(_HEADLINE_BULLETS)
    )


def is_place(words: Sequence[str]) -> bool:
    """Fewer than `DATELINE_PLACE_WORDS` words, each capitalised, or each of a script without letter case."""
    return 0 < len(words) < DATELINE_PLACE_WORDS and (
        all(word[:1].isupper() for word in words) or all(is_caseless(word) for word in words)
    )


def is_caseless(word: str) -> bool:
    """A word of a script without letter case (Arabic, Hebrew, Hindi, Chinese, Japanese, Korean)."""
    return any(c.isalpha() for c in word) and not any(c.isupper() or c.islower() for c in word)


def is_dateline(line: Line, is_timestamp: Callable[[Line], bool]) -> bool:
    """Whether ``line`` is a place (`is_place`) and, after a comma, a bar or a dash, a date; or, ending with a
    dash (`_DANGLING_DASH`), a place and a date with nothing between them."""
    if line.text.startswith("|"):
        return False  # a table's row
    dangling = _DANGLING_DASH.search(line.text) is not None
    text = _AGENCY_TAIL.sub("", line.norm) if dangling else line.norm
    text = text.removesuffix("।")
    for mark in _DATELINE_BREAK.finditer(text):
        if not is_place(text[: mark.start()].split()):
            return False
        if is_timestamp(Line.of(text[mark.end() :])):
            return True
    if not dangling:
        return False
    words = text.split()
    first_number = next((i for i, word in enumerate(words) if word[:1].isdigit()), 0)
    return is_place(words[:first_number]) and is_timestamp(Line.of(" ".join(words[first_number:])))


def reading_times(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Reading-time notes ("4 min read", "Tempo de leitura: 2 minutos")."""
    return _matching("reading_time", lines, context, 8)


def ad_markers(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Advertisement markers ("Advertisement", "Story continues below advertisement")."""
    return _matching("ad_marker", lines, context, 12)


def share_prompts(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Share bars and prompts left as text ("Share on Facebook", "Like this story? Share it")."""
    return _matching("share_prompt", lines, context, 15)


def related_blocks(lines: Sequence[Line], context: TextContext) -> list[int]:
    """A "Related" / "Most read" / "You may also like" heading and the headline lines under it."""
    header = line_pattern("related_header", context.language)
    drop: list[int] = []
    i = 0
    while i < len(lines):
        if lines[i].words <= 8 and header.match(lines[i].norm.rstrip(" :.…!|»>")):
            j = i + 1
            while j < len(lines) and j - i <= 15 and _is_headline(lines[j]):
                j += 1
            drop.extend(range(i, j))
            i = j
        else:
            i += 1
    return drop


def related_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Pointers to other stories ("Read more: ...", "Related: ...", "Lire aussi : ..."), and the
    bulleted headlines right under one."""
    drop: list[int] = []
    for i in _matching("related_line", lines, context, 40):
        drop.append(i)
        j = i + 1
        while j < len(lines) and lines[j].text.startswith(_HEADLINE_BULLETS) and _is_headline(lines[j]):
            drop.append(j)
            j += 1
    return drop


def headline_tags(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Headlines tagged as links to other content ("... [VIDEO]", "... [INSIGHT]")."""
    return _matching("headline_tag", lines, context, 40)


def _prompts(family: str, lines: Sequence[Line], context: TextContext, max_words: int) -> list[int]:
    """The lines of a family of calls to action, less those of reported speech (a quotation, "said")."""
    speech = loose_pattern("speech", context.language)
    return [i for i in _matching(family, lines, context, max_words) if not speech.search(lines[i].norm)]


def promo_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Calls to action: click here, follow us, subscribe, get the app.

    A line of reported speech (a quotation, "said", "a déclaré") is article text and is kept.
    """
    return _prompts("promo", lines, context, 40)


LOGIN_NOTICE_WORDS = 30
"""A notice that commenting needs an account (``comment_login``: "Zaloguj się, aby dodać komentarz.") has at
most this many words."""


def comment_prompts(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Comment calls to action and comment-section furniture ("Leave a comment", "Comments are closed",
    "Show comments (12)", "Réagissez à cet article", "Diskutieren Sie mit!"; a count with a short call after it,
    `_count_before_call`), notices that commenting needs an
    account ("Please log in with your library card number to post a reply.", ``comment_login``), and such a call
    after a question to the reader on its line, in any wording of the question (`_after_question`: "Welche
    Erfahrungen haben Sie mit Mietwagen gemacht? Diskutieren Sie mit!"), or any short call there that names where
    readers comment (``comment_place``: "… Tell us in the comments or on our social pages."); and a notice that the
    discussion of the piece is closed, in any wording (`_closed_discussions`); reported speech is kept."""
    whole = line_pattern("comment_prompt", context.language)
    anywhere = contains_pattern("comment_prompt", context.language)
    login = contains_pattern("comment_login", context.language)
    place = contains_pattern("comment_place", context.language)
    speech = loose_pattern("speech", context.language)

    def is_call(line: Line) -> bool:
        if whole.match(line.norm, folded=line.folded) or anywhere.search(line.norm, line.folded):
            return True
        if line.words <= LOGIN_NOTICE_WORDS and login.search(line.norm, line.folded):
            return True
        count = _count_before_call(line)
        if count is not None and whole.match(count):
            return True
        call = _after_question(line.norm)
        return call is not None and bool(
            whole.match(call) or anywhere.search(call) or _names_the_comments(line.norm, call, place)
        )

    closed = set(_closed_discussions(lines, context.language))
    return [
        i
        for i, line in enumerate(lines)
        if line.words <= 40 and (i in closed or is_call(line)) and not speech.search(line.norm)
    ]


def _passing(gate: Phrases, lines: Sequence[Line], indices: Sequence[int]) -> list[int]:
    """The positions in ``indices`` of the lines that may match ``gate`` (`lines_passing`)."""
    return lines_passing(gate, [lines[i].norm for i in indices], [lines[i].folded for i in indices])


CLOSED_WORDS = 16
"""A notice that the discussion of the piece is closed (`_closed_discussions`) has at most this many words."""
CLOSED_LEAD_WORDS = 3
"""The word for the comments stands among a closing notice's first words ("Die Kommentarfunktion …", "Bu habere
yorumlar …")..."""
CLOSED_TAIL_WORDS = 6
"""...and at most this many words follow the word of closing ("… is closed for this article")."""


def _closed_discussions(lines: Sequence[Line], language: str | None) -> list[int]:
    """The short lines (`CLOSED_WORDS`) that say the discussion of the piece is closed, in any wording: a word for
    the comments or the discussion (``closed_comments``), one that says they are closed or off (``closed_state``)
    and one that names the piece (``closed_piece``): "Discussion on this story has now closed.", "Die
    Kommentarfunktion für diesen Artikel wurde nach 72 Stunden automatisch geschlossen.". The lines that hold a
    closing word are found in all of them joined (`lines_passing`)."""
    short = [i for i, line in enumerate(lines) if line.words <= CLOSED_WORDS]
    held = _passing(word_gate(language, "closed_state"), lines, short)
    return [i for i in (short[k] for k in held) if _is_closed_notice(lines[i].norm, language)]


def _is_closed_notice(text: str, language: str | None) -> bool:
    """Whether ``text`` names the comments, their closing and the piece, the comments among its first
    `CLOSED_LEAD_WORDS` words (or in the closing's own words: "… ya no admite comentarios") and at most
    `CLOSED_TAIL_WORDS` words after the closing: news of a closure says who closed them, or why, after it ("Comments
    are disabled for this article at the request of the publisher, …", "Nach Drohungen gegen die Autorin wurde die
    Kommentarfunktion … geschlossen.")."""
    state = word_pattern("closed_state", language).search(text)
    comments = word_pattern("closed_comments", language).search(text)
    if state is None or comments is None or word_pattern("closed_piece", language).search(text) is None:
        return False
    if language in WITHOUT_SPACES:
        return True
    leads = text.count(" ", 0, comments.start()) < CLOSED_LEAD_WORDS or state.start() <= comments.start() < state.end()
    return leads and len(text[state.end() :].split()) <= CLOSED_TAIL_WORDS


PLACE_CALL_WORDS = 15
"""A call that names where readers comment (``comment_place``) has at most this many words..."""
PLACE_QUESTION_WORDS = 3
"""...after a question of at least this many words ("Which route do you take?"; not "Why?", which an article asks
and answers: "Why? Because users complained in the comments.")..."""
PLACE_QUESTION_CHARACTERS = 6
"""...or, in a script without letter case written without spaces, of more than this many characters
("皆さんはどう思いますか？", not "为什么？")."""


def _names_the_comments(text: str, call: str, place: Phrases) -> bool:
    """Whether ``call``, which follows the question that ``text`` opens with, is a short call that names where
    readers comment (``place``: `PLACE_CALL_WORDS`), after a question to the reader, not an article's own short
    question (`PLACE_QUESTION_WORDS`)."""
    if len(call.split()) > PLACE_CALL_WORDS or place.search(call) is None:
        return False
    question = text[: len(text) - len(call)].strip()
    words = len(question.split())
    return words >= PLACE_QUESTION_WORDS or (
        words == 1 and len(question) > PLACE_QUESTION_CHARACTERS and is_caseless(question)
    )


COUNT_CALL_WORDS = 8
"""A comment count with a short call after it ("14 Kommentare – jetzt mitdiskutieren") has at most this many words."""
CALL_WORDS = 4
"""The call after a comment count has at most this many words."""
_COUNT_PARTS = re.compile(r"\s+[–—|·•-]\s+|\s*[|·•]\s*")
"""What parts a comment count from the call after it: a dash between spaces, a bar or a dot."""


def _count_before_call(line: Line) -> str | None:
    """The part of a short line with a number before a mark and a call of `CALL_WORDS` words or fewer ("56
    comentarios · Participa", "24 commenti – leggi e partecipa"), for the whole-line patterns to read as a comment
    count; None for any other line. Only lines with a digit are split."""
    if line.words > COUNT_CALL_WORDS or not DIGIT.search(line.norm):
        return None
    parts = _COUNT_PARTS.split(line.norm, maxsplit=1)
    if len(parts) != 2 or not DIGIT.search(parts[0]) or not 0 < len(parts[1].split()) <= CALL_WORDS:
        return None
    return parts[0]


QUESTION_WORDS = 20
"""A question to the reader before a call to comment on its line has fewer words than this ("What do you think of
the new fares? Leave a comment below.")."""
_QUESTION_END = re.compile(r"[?？]")


@functools.cache
def _mailbox(family: str) -> re.Pattern[str]:
    """An e-mail address whose first part begins with one of a family's words (``newsroom_mailbox``,
    ``letters_mailbox``)."""
    stems = loose_pattern(family, None).pattern
    return re.compile(rf"(?<![\w.+-])(?:{stems})[\w.+-]*@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)


def _writes_in(text: str) -> bool:
    """Whether ``text`` (a line of at most 40 words that holds an "@") is a call to write to a newsroom, in any
    wording: a letters page's or newsroom's address (``letters_mailbox``: "Envíe sus cartas al director a
    cartas@…", "Skriv til os på redaktionen@…"), or after a short question to the reader (`_after_question`) a
    newsroom's address for tips too (``newsroom_mailbox``: "Got a tip? Email newsdesk@…")."""
    if _mailbox("letters_mailbox").search(text):
        return True
    call = _after_question(text)
    return call is not None and _mailbox("newsroom_mailbox").search(call) is not None


def _after_question(text: str) -> str | None:
    """What follows the question that ``text`` opens with, if it is short (`QUESTION_WORDS`) and something
    follows it; or None."""
    mark = _QUESTION_END.search(text)
    if mark is None or text.count(" ", 0, mark.start()) >= QUESTION_WORDS:
        return None
    return text[mark.end() :].strip() or None


LABELLED_DISCLOSURE_WORDS = 30
"""A line of a sponsor's label or note and a disclaimer (`_labelled_disclosures`) has at most this many words..."""
DISCLAIMER_WORDS = 12
"""...and each of its parts that is no label or note has at most this many: "Za obsah zodpovedá zadávateľ.", "The
newsroom was not involved.", "this content was produced in collaboration with Northfield Online MBA."."""
_PART_BREAK = re.compile(r"(?<=[.;:!?。；：])\s+|\s+[—–-]\s+")
"""Where a line's sentences and parts meet: after a sentence's or a label's mark, or at a dash between spaces."""
_PART_MARK = re.compile(r"[.;:!?。；：]\s|\s[—–-]\s")
"""Whether `_PART_BREAK` may part a line: a cheaper test, without its look-behind."""
_LABEL_END = " .:;!–—-"
"""The mark after a label that parts it from the rest ("Sponsored content.", "Paid partnership:")."""


def _labelled_disclosures(lines: Sequence[Line], context: TextContext, found: set[int]) -> list[int]:
    """Lines of several parts, one of them a sponsor's label or note as a line of its own would be (``ad_marker``,
    ``affiliate_note``: "Platená spolupráca.", "Betalt innhold fra …") and the others short disclaimers (at most
    `DISCLAIMER_WORDS` words, `_sponsor_parts`) or labels too: "Materiał partnera. Redakcja nie ponosi
    odpowiedzialności za jego treść.", "Paid content – the newsroom was not involved.". Not the lines in ``found``,
    nor reported speech, nor a definition ("Advertising – earned and paid advertising."). Only the lines that hold a
    disclaimer's word are parted (`lines_passing`): a sentence's mark is in most lines."""
    short = [i for i, line in enumerate(lines) if line.words <= LABELLED_DISCLOSURE_WORDS and i not in found]
    held = _passing(word_gate(context.language, "sponsor_disclaimer"), lines, short)
    speech = loose_pattern("speech", context.language)
    return [
        i
        for i in (short[k] for k in held)
        if _PART_MARK.search(lines[i].norm)
        and _sponsor_parts(lines[i].norm, context.language)
        and not speech.search(lines[i].norm)
    ]


def _sponsor_parts(text: str, language: str | None) -> bool:
    """Whether ``text`` parts (`_PART_BREAK`) into a sponsor's label or note and short disclaimers
    (``sponsor_disclaimer``: the newsroom, the content, who answers for it), and labels or notes besides."""
    parts = [part for part in _PART_BREAK.split(text) if part.strip(" .")]
    if len(parts) < 2:
        return False
    disclaimer = word_pattern("sponsor_disclaimer", language)
    kinds = [len(part.split()) <= DISCLAIMER_WORDS and disclaimer.search(part) is not None for part in parts]
    if not any(kinds):
        return False
    marker = line_pattern("ad_marker", language)
    whole = line_pattern("affiliate_note", language)
    anywhere = contains_pattern("affiliate_note", language)
    labelled = False
    for part, disclaims in zip(parts, kinds, strict=True):
        label = part.rstrip(_LABEL_END)
        if marker.match(label) or whole.match(part) or whole.match(label) or anywhere.search(part):
            labelled = True
        elif not disclaims:
            return False
    return labelled


def affiliate_notes(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Affiliate and sponsorship disclosures ("This post contains affiliate links", "We may earn a
    commission", "Sponsored by Example", "Wir erhalten eine Provision"), a host's gift the writer discloses
    in any wording (`cleaners.hosted`: "Die Pressereise wurde vom Veranstalter bezahlt."), the fees the page's
    links may earn, in any wording (`cleaners.link_fees`), and a sponsor's label or note with a short disclaimer
    on its line (`_labelled_disclosures`); reported speech is kept."""
    found = set(_prompts("affiliate_note", lines, context, 60))
    found.update(_labelled_disclosures(lines, context, found))
    short = [i for i, line in enumerate(lines) if i not in found and line.words <= hosted.MAX_WORDS]
    norms = [lines[i].norm for i in short]
    folded = [lines[i].folded for i in short]
    found.update(short[k] for k in hosted.hosted_disclosures(norms, folded, context.language))
    found.update(short[k] for k in link_fees.link_fee_notes(norms, folded, context.language))
    return sorted(found)


def cookie_notices(lines: Sequence[Line], context: TextContext) -> list[int]:
    """A site's cookie notice and its buttons ("We use cookies on our website to give you…", "Necessary
    cookies are absolutely essential…", "Manage consent"): a line that begins as a notice does."""
    return _matching("cookie_notice", lines, context, 400)


def contact_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Lines that are only an e-mail address or handle, or an author's contact note; and a call to write to a
    newsroom, in any wording (`_writes_in`: "Håller du med? Mejla debatt@example.se"); reported speech is kept."""
    found = set(_matching("contact", lines, context, 40))
    speech = loose_pattern("speech", context.language)
    found.update(
        i
        for i, line in enumerate(lines)
        if line.words <= 40 and "@" in line.norm and _writes_in(line.norm) and not speech.search(line.norm)
    )
    return sorted(found)


def copyright_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Copyright and licence notices."""
    return _matching("copyright", lines, context, 60)


CREDIT_HEAD = 3
CREDIT_TAIL = 6
"""Where a credit line may stand in any form: among the first and the last lines of a text."""
SIGN_OFF_LINES = 2
SIGN_OFF_WORDS = 4
"""An agency's bare sign-off ("STT", "— Reuters": ``credit_sign_off``) is read among this many last lines of a
text, at most `SIGN_OFF_WORDS` words long: at its top, a word in capitals is a kicker ("VIDEO")."""
AGENCY_NAME_WORDS = 6
"""A known agency's name alone on a line (``agency_name``: "Lusa", "Agencia EFE", "dpa/lnw"), or its dateline
("WASHINGTON (AP) —"), has at most this many words, and is a credit wherever it stands."""
CREDIT_BY_NAME_WORDS = 30
"""A contributor's credit in prose form (``credit_by_name``: "Additional reporting by …; Editing by …") far from a
text's edges has at most this many words."""
LABELLED_CREDIT_WORDS = 12
"""A credit set apart as one (`_set_apart`) is one anywhere in the text if it has at most this many words."""
LABEL_CHARS = 40
"""A label's colon stands within this many characters of a line's start (two words of `_LEAD_LABEL`)."""
_OPENING_MARKS = "([（〈《【/"
"""What opens a credit set apart by its marks: a bracket of any kind, or a slash ("/БТА/")."""
_CREDIT_MARKS = "()[]（）〈〉《》【】/"
_BRACKETED = re.compile(r"[\[(（〈《【][^\[\](（）)〈〉《》【】]+[)\]）〉》】]\.?|/[^/]+/\.?")


def credit_text(line: str) -> str:
    """A removed credit line as the article's credit: without the brackets or slashes that set it apart
    ("(SITA, red)" gives "SITA, red", "/БТА/" gives "БТА")."""
    return line.strip(_CREDIT_MARKS + " ")


def _set_apart(text: str) -> bool:
    """A line that is set apart from prose by its form: wholly in brackets ("(With inputs from PTI)") or between
    slashes ("/БТА/"), or opened by a label and a colon ("Via: example.org", "Courtesy: …", "Kaynak: DHA")."""
    if text[:1] in _OPENING_MARKS:
        return bool(_BRACKETED.fullmatch(text))
    head = text[:LABEL_CHARS]
    return ("：" in head or ":" in head) and bool(_LEAD_LABEL.match(text))


def agency_credits(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Agency and contributor credits ("(FRANCE 24 with AFP)", "Reporting by ...", "Via: example.org"): near the
    start or end of the text in any form; anywhere when the line is short and set apart as a label or in brackets,
    or is a contributor's credit in prose form, a role, "by" and names (``credit_by_name``), as a copying site puts
    its credit where the copy's paragraphs break, not only at the end; an agency's bare sign-off ("STT",
    "— Reuters") among the last lines; a known agency's name or dateline alone on a line ("Lusa", "Agencia EFE",
    "WASHINGTON (AP) —": ``agency_name``) anywhere."""
    pattern = line_pattern("credit", context.language)
    by_name = line_pattern("credit_by_name", context.language)
    agency = line_pattern("agency_name", context.language)
    sign_off = line_pattern("credit_sign_off", context.language)
    near = set(edges(len(lines), CREDIT_HEAD, CREDIT_TAIL))
    last = len(lines) - SIGN_OFF_LINES
    return [
        i
        for i, line in enumerate(lines)
        if (
            (line.words <= 60 if i in near else line.words <= LABELLED_CREDIT_WORDS and _set_apart(line.norm))
            and pattern.match(line.norm, folded=line.folded)
        )
        or (line.words <= (60 if i in near else CREDIT_BY_NAME_WORDS) and by_name.match(line.norm, folded=line.folded))
        or (i >= last and line.words <= SIGN_OFF_WORDS and sign_off.match(line.text.strip()))  # with its dash
        or (line.words <= AGENCY_NAME_WORDS and agency.match(line.text))  # not a list's item: "- Reuters"
    ]


@functools.lru_cache(maxsize=256)  # the headline's spellings and the first lines, again in every round
def _simplified(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _repeats(line: str, original: str) -> bool:
    return bool(line) and (line == original or (len(line) >= 0.6 * len(original) and original.startswith(line)))


def title_repeats(lines: Sequence[Line], context: TextContext) -> list[int]:
    """The headline (in any of the page's spellings of it) repeated as one of the first lines."""
    titles = [_simplified(t) for t in (context.title, *context.headlines) if t]
    return [i for i in range(min(3, len(lines))) if any(_repeats(_simplified(lines[i].text), t) for t in titles)]


def taxonomy_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Tag, topic and category lines ("Filed under: ...", "Tags: ...")."""
    return _matching("taxonomy", lines, context, 30)


def source_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Lines matching the source's own ``drop_lines`` patterns (per-source rules in seeds)."""
    pattern = context.rules.compiled_lines()
    if pattern is None:
        return []
    return [i for i, line in enumerate(lines) if pattern.fullmatch(line.norm)]


REPEAT_SHARE = 0.2
"""A run of lines that repeats earlier lines word for word and holds this share of the text's characters is the
article (or a large part of it) given twice: a page's desktop and mobile copies, or a tab's, read as one.
Shorter repeats (a meal plan's days, a line of code, a step said twice) are the article's own."""
REPEAT_LINES = 2
"""...and at least this many lines: a single line said twice is the article's own..."""
REPEAT_CHARS = 200
"""...and at least this many characters: two short lines said twice are no article given twice."""


def repeated_text(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Every later copy of a run of lines the text holds already, word for word, when the run holds
    `REPEAT_SHARE` of the text or more (the article given twice); the first copy stays. Positional: the share
    grows as other cleaners remove lines."""
    total = sum(len(line.text) for line in lines)
    first: dict[str, int] = {}
    drop: list[int] = []
    i = 0
    while i < len(lines):
        start = first.get(lines[i].text)
        if start is not None:
            run = 0
            while i + run < len(lines) and start + run < i and lines[i + run].text == lines[start + run].text:
                run += 1
            chars = sum(len(line.text) for line in lines[i : i + run])
            if run >= REPEAT_LINES and chars >= max(REPEAT_CHARS, REPEAT_SHARE * total):
                drop.extend(range(i, i + run))
                i += run
                continue
        first.setdefault(lines[i].text, i)
        i += 1
    return drop
