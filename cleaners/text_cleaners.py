"""Text-level cleaners: run on the extracted lines, each returns the indices of the lines to drop.

Each is a small pure function over the lines (`Line` records) and a
`TextContext`. The wordings they look for are pattern families in
`cleaners/rules/text.toml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cleaners.registry import Line, TextContext
from cleaners.rules import contains_pattern, each_pattern, line_pattern, loose_pattern

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
_LEAD_LABEL = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)?\s*[:：]\s*")
"""One or two words and a colon at the start of a line: a label in any language ("Yayınlanma:", "发布时间：")."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(")
_SRCSET_ENTRY = re.compile(r"\S+\s+\d{2,4}w\b")
_IMAGE_URL = re.compile(r"https?://\S+\.(?:jpe?g|png|gif|webp|avif|svg)(?:\?\S*)?", re.IGNORECASE)
_BYLINE_LEADS = ("By", "Par", "Von", "Por", "Di", "Door", "Av", "Af", "Oleh", "Autor:", "Автор:", "Közzétette", "Από")
"""The first word of a byline, in each language that has one ("By Jane Doe", "Par Jean Dupont", "Autor: Petr
Novák", "Közzétette Kovács Anna")."""
_CAPITAL = "A-ZÀ-ÞА-ЯЁЄІЇҐΑ-ΩΆΈΉΊΌΎΏ"
"""A capital letter of the Latin, Cyrillic and Greek scripts, as a name begins."""
_NAME_PARTICLE = r"(?:(?:de|van|der|den|von|da|di|du|la|le|del|dos|das|ten|ter)\s+)*"
"""Small words inside a person's name ("Jan de Vries", "Ana da Silva")."""
_NAME = rf"[{_CAPITAL}][\w'’.-]*(?:\s+{_NAME_PARTICLE}[{_CAPITAL}][\w'’.-]*){{0,3}}"
_ARTICLE = r"(?:(?:τον|την|τη|του|της)\s+)?"
"""The article that may stand between a byline's first word and the name (Greek "Από τη Μαρία …")."""
_BYLINE = re.compile(
    rf"(?:{'|'.join(_BYLINE_LEADS)}|BY|PAR|VON|POR|di|de)\s+{_ARTICLE}"
    rf"(?P<names>{_NAME}(?:\s*(?:,|and|&|et|und|y|e)\s+{_NAME})*)"
    rf"(?:\s*[,|·•–—-]\s*[{_CAPITAL}@][\w .&@'’/-]{{0,60}})?"
)
_DATED_BYLINE = re.compile(
    rf"(?P<date>.*\d.*?)\s+(?P<lead>(?i:{'|'.join(_BYLINE_LEADS)}))\s+{_ARTICLE}(?P<byline>[{_CAPITAL}].*)"
)
"""A line that holds a number (its date), then a byline's first word and a capitalised name."""
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\bet\b|\bund\b|\by\b|\be\b)\s*")
_NON_WORD = re.compile(r"\W+")
_HEADLINE_BULLETS = ("- ", "• ", "· ", "– ", "* ")
_DIGIT = re.compile(r"\d")
_NAME_WORD_SPLIT = re.compile(r"[\s'’]+")
_NAME_EDGES = " \"'“”‘’«»„*_()[]<>.…–—-「」『』《》〈〉【】（）。"
_NOT_IN_NAME = re.compile(r"[,;:!?|，；：！？｜。、]")
CASELESS_NAME_CHARS = 20
"""A name with a word of a script without letter case (Korean, Japanese, Chinese) has at most this many
characters: a longer one is a phrase, as those scripts write a sentence without spaces..."""
CASELESS_NAME_WORDS = 2
"""...and at most this many words ("BBC 코리아"): nothing but its length tells such a name from a clause."""
_HOST = re.compile(r"\w\.\w")
_LICENCE = re.compile(r"creative[ -]commons|\bcc[ -]by(?!\w)", re.IGNORECASE)
"""A Creative Commons licence, which a syndication note may state ("… under a Creative Commons licence")."""
_CLAUSE_END = re.compile(r"[.;:,(（]\s")
_SENTENCE_BREAK = re.compile(r"(?<=[.;!?。；])\s+|\s+[—–]\s+")
_BREAK_MARK = re.compile(r"[.;!?。；]\s|\s[—–]\s")
"""Where `_SENTENCE_BREAK` may part a line: a cheaper test, without its look-behind."""
SHORT_SENTENCE_WORDS = 8
"""A sentence beside a syndication note on its line may be this short and be part of the note, whatever it
says ("Read the original.", "Publikujemy go za jego zgodą.")..."""
SHORT_SENTENCE_CHARS = 120
"""...and its end is looked for in this many first characters of a line that no note's lead begins."""
_QUOTED = re.compile(r"\s*[«“„\"‘「『《〈【]([^«»“”„\"‘’「」『』《》〈〉【】]{1,80})(?:[»”“\"’」』》〉】]|\Z)")
"""A name in quotation marks, as a syndication note may give its publication's («Новая газета»); the closing
mark may be missing at the end of a line, whose normalised text loses a closing "»"."""
RELATIVE_WORDS = 8
"""A line without a number may be a dateline of a time ago written in words ("Updated a day ago", `date_relative`)
if it has at most this many words."""
_RULE_LANGUAGES = ("en", "fr", "de", "es", "pt", "it", "nl", "id", "pl", "sv", "ru")
"""The languages the text rule tables have wordings for in every family (besides a few Korean and Japanese ones;
syndication notes, comment calls and affiliate notes are also read in cs, da, nb/no, ro and uk, and timestamp
labels in more)."""


def _matching(family: str, lines: Sequence[Line], context: TextContext, max_words: int) -> list[int]:
    whole = line_pattern(family, context.language)
    anywhere = contains_pattern(family, context.language)
    if anywhere.never:
        return [i for i, line in enumerate(lines) if line.words <= max_words and whole.match(line.norm)]
    return [
        i
        for i, line in enumerate(lines)
        if line.words <= max_words and (whole.match(line.norm) or anywhere.search(line.norm, line.folded))
    ]


def _edges(count: int, head: int, tail: int) -> list[int]:
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
def _labels_anywhere(language: str | None) -> re.Pattern[str]:
    """The timestamp labels (of ``language`` and English) as one regex that finds them as whole words."""
    labels = loose_pattern("timestamp_label", language).pattern
    return re.compile(rf"(?<!\w)(?:{labels})(?!\w)", re.IGNORECASE)


@functools.lru_cache(maxsize=32768)
def _is_date_word(family: str, word: str) -> bool:
    """Whether ``word`` is one of a family's words for date lines (``date_name``, ``date_filler``,
    ``date_joiner``), as its whole-word pattern reads it; each word is tested once, not on every line and
    page that holds it (a large alternation, tried on most words of every short line with a number)."""
    return line_pattern(family, None).match(word) is not None


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
    "35分前": `date_ago`) counts as a date, so that it may stand alone.
    """
    is_timestamp = _timestamp_test(context.language)
    return [i for i, line in enumerate(lines) if is_timestamp(line)]


@functools.cache
def _timestamp_test(language: str | None) -> Callable[[Line], bool]:
    """Whether a line is a timestamp line (`timestamp_lines`), for a page in ``language``."""
    labels = _labels_anywhere(language)
    relative = contains_pattern("date_relative", language)
    ago = loose_pattern("date_ago", language)
    any_label = language is not None and language not in _RULE_LANGUAGES

    def is_timestamp(line: Line) -> bool:
        if line.words > 30 or len(line.norm) > 200 or line.text.startswith("|"):
            return False
        norm = line.norm
        if not _DIGIT.search(norm):
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
        if line.words > 15 * max(1, labelled) or len(_YEAR.findall(line.norm)) > labelled + 1:
            return False
        rest, agos = ago.subn(" 0 ", rest)
        dated = _NUMERIC_DATE.sub(" 0 ", rest)
        tokens = _WORD_OR_NUMBER.findall(dated)
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


def comment_prompts(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Comment calls to action and comment-section furniture ("Leave a comment", "Comments are closed",
    "Show comments (12)", "Réagissez à cet article", "Diskutieren Sie mit!"); reported speech is kept."""
    return _prompts("comment_prompt", lines, context, 40)


def affiliate_notes(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Affiliate and sponsorship disclosures ("This post contains affiliate links", "We may earn a
    commission", "Sponsored by Example", "Wir erhalten eine Provision"); reported speech is kept."""
    return _prompts("affiliate_note", lines, context, 60)


def _caseless(word: str) -> bool:
    """A short word of a script without letter case ("경향신문", "東洋経済オンライン"), which is named as a
    capitalised word is; at most `CASELESS_NAME_CHARS` characters (and the name it is in at most
    `CASELESS_NAME_WORDS` words: `_is_publication`)."""
    return (
        len(word) <= CASELESS_NAME_CHARS
        and any(c.isalpha() for c in word)
        and not any(c.isupper() or c.islower() for c in word)
    )


def _is_publication(text: str) -> bool:
    """Whether ``text`` reads as a publication's name: at most twelve words and no comma, every word
    capitalised, a number, a host name ("example.org"), a short word of a script without letter case
    (`_caseless`, in a short name) or a small particle ("of", "the", "della"),
    and neither a date nor starting with one ("3 May 2024 on example.org")."""
    words = [w for w in (w.strip(_NAME_EDGES) for w in _NAME_WORD_SPLIT.split(text)) if w]
    if not words or len(words) > 12 or len(text) > 100 or _NOT_IN_NAME.search(text):
        return False
    particles = line_pattern("publication_particle", None)
    caseless = [_caseless(w) for w in words]
    if any(caseless) and (len(words) > CASELESS_NAME_WORDS or len(text) > CASELESS_NAME_CHARS):
        return False
    named = [
        w[0].isdigit() or any(c.isupper() for c in w) or bool(_HOST.search(w)) or c
        for w, c in zip(words, caseless, strict=True)
    ]
    if not any(named) or not all(n or particles.match(w) for w, n in zip(words, named, strict=True)):
        return False
    dates = line_pattern("date_name", None)
    tokens = _WORD_OR_NUMBER.findall(text)
    first, second = [*tokens, "", ""][:2]
    starts_with_date = (first.isdigit() and (second.isdigit() or bool(dates.match(second)))) or (
        bool(dates.match(first)) and second.isdigit()
    )
    return not starts_with_date and not all(t.isdigit() or dates.match(t) for t in tokens)


def _syndication(text: str, language: str | None) -> tuple[bool, str | None]:
    """Whether ``text`` (a normalised line) is a syndication note, and the publication it names (or None).

    A note is a lead (``syndication_note``), the publication, and an optional tail (``syndication_tail``);
    what stands between them must be empty, a place that names no publication (``syndication_unnamed``)
    or a publication's name (after words such as "the website of": ``publication_prefix``): a name as
    `_is_publication` reads one, or any short name in quotation marks («Новая газета», „Het Parool“), as
    languages that write a name's later words in lower case set it. A note that states a Creative Commons
    licence is one whatever stands between ("… on The Conversation og genudgives under en Creative
    Commons-licens"); its publication is the longest run of words after the lead that reads as a name. A
    sentence that says the text is a translation may come first (``translation_note``), and a line of
    several sentences is a note when one is and the others are notes or short (`_sentences_of_a_note`).
    """
    lead = loose_pattern("syndication_note", language).match(text)
    found = _note(text, language, lead) if lead is not None else (False, None)
    if found[0]:
        return found
    translated = loose_pattern("translation_note", language).match(text)
    found = _note(text[translated.end() :], language) if translated else found
    return found if found[0] else _sentences_of_a_note(text, language, lead is not None)


def _sentences_of_a_note(text: str, language: str | None, led: bool) -> tuple[bool, str | None]:
    """A line of several sentences, one of them a syndication note and each other one a note too or short
    (at most `SHORT_SENTENCE_WORDS` words: "Read the original.", "Oversat fra engelsk.", "Reprinted by
    permission."), is a note: the publication the first note names, or None. ``led``: whether a note's lead
    begins the line (if not, its first sentence is no note, and only its length is looked at)."""
    if not led:  # the first sentence must then be short: look for its end near the start only
        first_break = _BREAK_MARK.search(text, 0, SHORT_SENTENCE_CHARS)
        if first_break is None or text.count(" ", 0, first_break.start()) >= SHORT_SENTENCE_WORDS:
            return False, None
    sentences = [part.strip(_NAME_EDGES) for part in _SENTENCE_BREAK.split(text)]
    notes = []
    for i, sentence in enumerate(sentences):
        found = _note(sentence, language) if sentence and (i or led) else (False, None)
        if found[0]:
            notes.append(found[1])
        elif len(sentence.split()) > SHORT_SENTENCE_WORDS:
            return False, None
    return (True, next(filter(None, notes), None)) if notes else (False, None)


def _note(text: str, language: str | None, lead: re.Match[str] | None = None) -> tuple[bool, str | None]:
    """`_syndication` of a text that begins with the note's lead (``lead``, if the caller has matched it). The
    leads are tried as one regex, which stops at the first that matches; if the note does not read after it,
    each other lead that matches is tried ("Artiklen er oversat fra engelsk" before "… og blev først bragt i
    The New York Times")."""
    lead = lead or loose_pattern("syndication_note", language).match(text)
    if lead is None:
        return False, None
    found = _after_lead(text[lead.end() :], language)
    if found[0]:
        return found
    for pattern in each_pattern("syndication_note", language):
        other = pattern.match(text)
        if other is not None and other.end() != lead.end():
            found = _after_lead(text[other.end() :], language)
            if found[0]:
                return found
    return False, None


def _after_lead(rest: str, language: str | None) -> tuple[bool, str | None]:
    """Whether what follows a note's lead completes a note (`_syndication`), and the publication it names."""
    licence = _LICENCE.search(rest)
    if licence is not None:
        return True, _leading_publication(rest[: licence.start()], language)
    tail = line_pattern("syndication_tail", language).search(rest)
    source = (rest[: tail.start()] if tail else rest).strip(_NAME_EDGES)
    if not source or line_pattern("syndication_unnamed", language).match(source):
        return True, None
    prefix = loose_pattern("publication_prefix", language).match(source)
    source = (source[prefix.end() :] if prefix else source).strip(_NAME_EDGES)
    return (True, source) if _is_publication(source) or _quoted_name(rest, source) else (False, None)


def _leading_publication(text: str, language: str | None) -> str | None:
    """The longest run of words at the start of ``text`` (up to its first punctuation) that reads as a
    publication's name and does not end in a particle ("The Conversation", not "The Conversation and"),
    after words such as "the website of" (``publication_prefix``); or None."""
    text = _CLAUSE_END.split(text, maxsplit=1)[0].strip(_NAME_EDGES)
    prefix = loose_pattern("publication_prefix", language).match(text)
    words = (text[prefix.end() :] if prefix else text).split()
    particles = line_pattern("publication_particle", None)
    for end in range(len(words), 0, -1):
        name = " ".join(words[:end]).strip(_NAME_EDGES)
        if name and not particles.match(words[end - 1]) and _is_publication(name):
            return name
    return None


def _quoted_name(rest: str, source: str) -> bool:
    """Whether ``source`` is the whole of a name in quotation marks that ``rest`` (what follows a note's
    lead) holds, with neither a sentence's punctuation nor a date in it."""
    quoted = _QUOTED.search(rest)
    return (
        quoted is not None
        and quoted.group(1).strip() == source
        and not _NOT_IN_NAME.search(source)
        and not _YEAR.search(source)
    )


def syndication_notes(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Syndication notes ("This article originally appeared on The Conversation.", "Republished with
    permission from …", "Dieser Beitrag ist zuerst bei … erschienen"); reported speech is kept.
    `syndication_source` gives the publication a removed note names."""
    speech = loose_pattern("speech", context.language)
    return [
        i
        for i, line in enumerate(lines)
        if line.words <= 60 and _syndication(line.norm, context.language)[0] and not speech.search(line.norm)
    ]


def syndication_source(line: str, language: str | None = None) -> str | None:
    """The publication a syndication note names ("This story was originally published by ProPublica."
    gives "ProPublica"), without trailing punctuation or a licence tail; None if ``line`` is not a
    syndication note or names none ("Republished with permission."). Without ``language``, the wordings
    of every language of the rule tables are tried."""
    text = Line.of(line).norm
    for candidate in (language,) if language else _RULE_LANGUAGES:
        is_note, source = _syndication(text, candidate)
        if is_note:
            return source
    return None


def cookie_notices(lines: Sequence[Line], context: TextContext) -> list[int]:
    """A site's cookie notice and its buttons ("We use cookies on our website to give you…", "Necessary
    cookies are absolutely essential…", "Manage consent"): a line that begins as a notice does."""
    return _matching("cookie_notice", lines, context, 400)


def contact_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Lines that are only an e-mail address or handle, or an author's contact note."""
    return _matching("contact", lines, context, 40)


def copyright_lines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Copyright and licence notices."""
    return _matching("copyright", lines, context, 60)


def agency_credits(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Agency and contributor credits near the start or end ("(FRANCE 24 with AFP)", "Reporting by ...")."""
    pattern = line_pattern("credit", context.language)
    return [i for i in _edges(len(lines), 3, 6) if lines[i].words <= 60 and pattern.match(lines[i].norm)]


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


def byline_and_date(line: str, is_date: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The names of a byline and a date on one line, either way round, or (): a byline, then a date
    ("Von Anna Becker | 12. März 2024", with at most `SOURCE_WORDS` words of a source between them: "Por
    Mariana Souza, g1 RJ — 12/03/2024"), or a date, then a name alone ("Julkaistu: 12.3.2024 | Matti Virtanen").
    ``is_date`` tells a date's part (None: the line is known to be a byline, as `byline_authors` is given)."""
    text = " ".join(line.split())
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
            if _DIGIT.search(rest) and (is_date is None or is_date(rest)):
                return names
        return ()
    if parts:
        last = parts[-1]
        name = text[last.end() :]
        if _BARE_NAME.fullmatch(name) and (is_date is None or is_date(text[: last.start()])):
            return (name,)
    return ()


def byline_authors(line: str) -> tuple[str, ...]:
    """The names a line that `bylines` removed gives: a byline's, alone or with a date (`dated_byline`,
    `byline_and_date`)."""
    names = byline_names(line)
    if names:
        return names
    dated = dated_byline(line)
    return dated[1] if dated else byline_and_date(line)


def bylines(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Byline lines near the start or end ("By Jane Doe", "Par Jean Dupont"), also with a timestamp on the
    same line ("Posted on May 3, 2024 by Jane Doe", "Von Anna Becker | 12. März 2024"); their names become
    authors."""
    is_timestamp = _timestamp_test(context.language)

    def is_date(text: str) -> bool:
        return is_timestamp(Line.of(text))

    def is_byline(line: Line) -> bool:
        if line.words <= 14 and byline_names(line.text):
            return True
        if line.words > 24:
            return False
        dated = dated_byline(line.text)
        if dated is not None and is_date(dated[0]):
            return True
        return bool(byline_and_date(line.text, is_date))

    return [i for i in _edges(len(lines), 4, 2) if is_byline(lines[i])]


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
