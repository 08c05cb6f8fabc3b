"""Syndication notes and the publications they name: "This article originally appeared on The Conversation.",
"Republished with permission from …", "Bu yazı ilk olarak Cumhuriyet'te yayımlanmıştır.".

A note is read from its lead, the publication and a tail (the families of `cleaners/rules/text.toml`); the
publication becomes the article's ``syndicated_from``. `syndication_notes` is the text cleaner.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from cleaners.pattern_cache import compiled
from cleaners.prefilter import fold
from cleaners.registry import Line, TextContext
from cleaners.rules import FamilyPattern, contains_pattern, each_pattern, line_pattern, loose_pattern, word_pattern
from cleaners.text_cleaners import RULE_LANGUAGES, WORD_OR_NUMBER, YEAR, is_caseless

_NAME_WORD_SPLIT = re.compile(r"[\s'’]+")
_NAME_EDGES = " \"'“”‘’«»„*_()[]<>.…–—-「」『』《》〈〉【】（）。।"
_NOT_IN_NAME = re.compile(r"[,;:?|，；：？｜。、]|[!！](?!\w)")
"""What a publication's name never holds: a clause's punctuation, or an exclamation mark that ends a word (one
inside a name goes on with it: "Yahoo!ニュース")."""
CASELESS_NAME_CHARS = 20
"""A name with a word of a script without letter case (Korean, Japanese, Chinese; Arabic, Hebrew, Hindi) has at
most this many characters: a longer one is a phrase, as Chinese and Japanese write a sentence without spaces..."""
CASELESS_NAME_WORDS = 3
"""...and at most this many words ("BBC 코리아", the Hebrew "סוף שבוע פלוס"): nothing but its length tells such a
name from a clause (at four, "on Monday The Hindu" of a Hindi news sentence read as one)."""
_HOST = re.compile(r"\w\.\w")
FIRST_WORD_NAME_LANGUAGES = ("cs", "sk", "hr", "bg")
"""Languages that capitalise only the first word of a publication's name ("Lidové noviny"), so that a name after a
note's lead is read by `_first_word_name` too..."""
FIRST_WORD_NAME_WORDS = 4
"""...when it has at most this many words."""
_LICENCE = re.compile(r"creative[ -]commons|\bcc[ -]by(?!\w)", re.IGNORECASE)
"""A Creative Commons licence, which a syndication note may state ("… under a Creative Commons licence")."""
_LICENCE_LITERALS = ("commons", "cc by", "cc-by")
"""What every match of `_LICENCE` holds, case-folded: a line without any of them is no licence note, found
without the expression's search (some 6 µs on each line the syndication cleaner reads)."""
LICENCE_NOTE_WORDS = 30
"""A licence note (`_licence_note`) has at most this many words."""
NOUN_CAPITALS_LANGUAGES = ("de",)
"""Languages that capitalise every noun, where a capitalised word at a line's end is no sign of a name ("… unter
einer Creative-Commons-Lizenz zur Verfügung.")."""
TRAILING_NAME_WORDS = 6
"""A name that ends a licence note (`_trailing_name`) has at most this many words."""
_CLAUSE_END = re.compile(r"[.;:,(（]\s")
_SENTENCE_BREAK = re.compile(r"(?<=[.;!?。；।])\s+|\s+[—–]\s+")
_BREAK_MARK = re.compile(r"[.;!?。；।]\s|\s[—–]\s")
"""Where `_SENTENCE_BREAK` may part a line: a cheaper test, without its look-behind."""
SHORT_SENTENCE_WORDS = 8
"""A sentence beside a syndication note on its line may be this short and be part of the note, whatever it
says ("Read the original.", "Publikujemy go za jego zgodą.")..."""
SHORT_SENTENCE_CHARS = 120
"""...and its end is looked for in this many first characters of a line that no note's lead begins."""
DESCRIPTION_LETTERS = 3
"""A word that says what a publication is, before its name after a note's lead, has at least this many letters
("vakblad Cobouw": `_described_name`)..."""
DESCRIPTION_AFTER_WORDS = 1
"""...and a name so described may come before this many words ("the Halloway Institute newsroom")."""
_QUOTED = re.compile(
    r"\s*[«“„\"‘「『《〈【]((?:[^«»“”„\"‘’「」『』《》〈〉【】]|’(?=\w)){1,80})(?:[»”“\"’」』》〉】]|\Z)"
)
"""A name in quotation marks, as a syndication note may give its publication's («Новая газета»); the closing
mark may be missing at the end of a line, whose normalised text loses a closing "»", and an apostrophe inside a
word is part of the name («Карпатському кур’єрі»)."""


def _caseless(word: str) -> bool:
    """A short word of a script without letter case ("경향신문", "東洋経済オンライン"), which is named as a
    capitalised word is; at most `CASELESS_NAME_CHARS` characters (and the name it is in at most
    `CASELESS_NAME_WORDS` words: `_is_publication`)."""
    return len(word) <= CASELESS_NAME_CHARS and is_caseless(word)


def _is_publication(text: str, common: FamilyPattern | None = None) -> bool:
    """Whether ``text`` reads as a publication's name: at most twelve words and no comma, every word
    capitalised, a number, a host name ("example.org"), a short word of a script without letter case
    (`_caseless`, in a short name), a small particle ("of", "the", "della") or one of the words ``common``
    matches (an organisation's common nouns: `_is_issuer`), and neither a date nor starting with one ("3 May
    2024 on example.org")."""
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
    if not any(named) or not all(
        n or particles.match(w) or (common is not None and common.match(w)) for w, n in zip(words, named, strict=True)
    ):
        return False
    dates = line_pattern("date_name", None)
    tokens = WORD_OR_NUMBER.findall(text)
    first, second = [*tokens, "", ""][:2]
    starts_with_date = (first.isdigit() and (second.isdigit() or bool(dates.match(second)))) or (
        bool(dates.match(first)) and second.isdigit()
    )
    return not starts_with_date and not all(t.isdigit() or dates.match(t) for t in tokens)


def _syndication(text: str, language: str | None, folded: str | None = None) -> tuple[bool, str | None]:
    """Whether ``text`` (a normalised line) is a syndication note, and the publication it names (or None).

    A note is a lead (``syndication_note``), the publication, and an optional tail (``syndication_tail``);
    what stands between them must be empty, a place that names no publication (``syndication_unnamed``)
    or a publication's name (after words such as "the website of": ``publication_prefix``): a name as
    `_is_publication` reads one, or any short name in quotation marks («Новая газета», „Het Parool“), as
    languages that write a name's later words in lower case set it. A note that states a Creative Commons
    licence is one whatever stands between ("… on The Conversation og genudgives under en Creative
    Commons-licens"); its publication is the longest run of words after the lead that reads as a name. A
    sentence that says the text is a translation may come first (``translation_note``), or name the publication of
    its original itself (`_translation_source`), and a line of
    several sentences is a note when one is and the others are notes or short (`_sentences_of_a_note`).
    ``folded``: `fold` of ``text``, if the caller has it (`Line.folded`).
    """
    lead = loose_pattern("syndication_note", language).match(text, folded=folded)
    found = _note(text, language, lead) if lead is not None else _self_named(text, language, folded)
    if found[0]:
        return found
    translated = loose_pattern("translation_note", language).match(text, folded=folded)
    found = _note(text[translated.end() :], language) if translated else found
    found = found if found[0] else _translation_source(text, language)
    found = found if found[0] else _sentences_of_a_note(text, language, lead is not None)
    found = found if found[0] else _licence_note(text, language, folded)
    return found if found[0] else _issuer_first(text, language, folded)


def _self_named(text: str, language: str | None, folded: str | None = None) -> tuple[bool, str | None]:
    """A note whose lead follows words that name the text itself (``self_subject``: "This article is based on a
    press release from …", "Deze tekst is gebaseerd op een persbericht van …", "Der Text basiert auf einer
    Pressemitteilung der …"): `_note` of what follows them. Each pattern that matches is tried, the longest
    first: a noun without its article, as a shared pattern reads it ("Text "), may be the start of a language's
    longer subject ("Text bol spracovaný ")."""
    if loose_pattern("self_subject", language).match(text, folded=folded) is None:
        return False, None
    ends = {m.end() for m in (pattern.match(text) for pattern in each_pattern("self_subject", language)) if m}
    for end in sorted(ends, reverse=True):  # each subject that matches: a shared one may stop short of a language's
        found = _note(text[end:], language)
        if found[0]:
            return found
    return False, None


def _issuer_first(text: str, language: str | None, folded: str | None = None) -> tuple[bool, str | None]:
    """A note that the text is based on a press release, in a language that names the issuer before the release
    and ends with the verb (``press_release_after``: "Haber, Ege Üniversitesi'nin basın bülteninden
    derlenmiştir.", "A Szegedi Tudományegyetem sajtóközleménye alapján"): the whole line, and an issuer that reads
    as `_is_issuer` reads one (a name whose words may be an organisation's common nouns), or none ("यह खबर प्रेस
    विज्ञप्ति पर आधारित है।")."""
    note = line_pattern("press_release_after", language).match(text, folded=folded)
    if note is None:
        return False, None
    name = (note.group("name") or "").strip(_NAME_EDGES)
    if not name:
        return True, None
    common = line_pattern("organisation_word", language)
    return (True, name) if _is_publication(name, common) else (False, None)


TRANSLATION_FILLER_WORDS = 10
"""Between a translation note's lead and the word before its source stand at most this many words ("… from the
original English article published on …")."""
_LEAD_MARKS = "([*※ "
"""What may stand before a note's lead: an opening bracket, a mark of a footnote."""


def _translation_source(text: str, language: str | None) -> tuple[bool, str | None]:
    """A note that the text is a translation and names the publication of its original ("Translated from the
    original English, published by …", "Traduzione dall'originale inglese pubblicato su …", "Превод от …"): the
    word of translating at its start (``translation_lead``), followed by what it was translated from
    (``translation_of``: "from", "aus dem") or by the original (``translation_original``); then a word before the
    source (``translation_from``), straight after the lead or after words of which one names the original or its
    publishing (at most `TRANSLATION_FILLER_WORDS`: `_names_original`); and what follows reads as a note's
    publication and tail (`_after_lead`). A translator's credit is no such note (`_credit`); nor is news of a
    translation: "Translated into 40 languages, the novel was published by …", "Translated from the Greek by …,
    the poem …", "Translation services are offered by the city"."""
    start = len(text) - len(text.lstrip(_LEAD_MARKS))
    lead = loose_pattern("translation_lead", language).match(text, start)
    if lead is None or _credit(text, language):
        return False, None
    rest = text[lead.end() :]
    original = word_pattern("translation_original", language)
    first = rest.lstrip(" ,;:–—-")
    if not word_pattern("translation_of", language).match(first) and not original.match(first):
        return False, None
    for before in _source_word(language).finditer(rest):
        filler = rest[: before.start()]
        if filler.count(" ") > TRANSLATION_FILLER_WORDS:
            break
        source = rest[before.end() :]
        if not source.strip(_NAME_EDGES) or (filler.strip() and not _names_original(filler, before[0], original)):
            continue
        found = _after_lead(source, language, text)
        if found[0]:
            return found
    return False, None


def _credit(text: str, language: str | None) -> bool:
    """Whether ``text`` is a translator's credit ("Translated from English by …", ``credit``): a credit, which
    the credit cleaner reads, not the publication the original came from."""
    return bool(line_pattern("credit", language).match(text) or line_pattern("credit_by_name", language).match(text))


SMALL_WORD = 4
"""A word of at most this many characters before a clause's second word is an article or a pronoun ("the
original", "het origineel", "joka julkaistiin")."""
_CLAUSE_MARK = re.compile(r"[,;]")


def _names_original(filler: str, before: str, original: re.Pattern[str]) -> bool:
    """Whether the words between a translation note's lead and the word before its source (``filler``, then
    ``before``) name the original (``original``) just before its source: that word, or the one before it ("…
    article published on", "… eines Beitrags von"); and whether their last clause is about it: after a comma or a
    semicolon, its first word or the word after an article names it ("…, published by", "; the original appeared
    in"). "Translated from Spanish, the book was published by …" goes on with the book; "Übersetzt von … erschien
    der Roman erst 2019 auf Deutsch" names no original before its last word."""
    if not original.search(filler):
        return False
    words = (filler + before).split()
    if not (original.fullmatch(words[-1]) or (len(words) > 1 and original.fullmatch(words[-2]))):
        return False
    marks = list(_CLAUSE_MARK.finditer(filler))
    if not marks:
        return True
    words = (filler[marks[-1].end() :] + before).split()
    return bool(words) and (
        bool(original.fullmatch(words[0]))
        or (len(words) > 1 and len(words[0]) <= SMALL_WORD and bool(original.fullmatch(words[1])))
    )


@functools.cache
def _source_word(language: str | None) -> re.Pattern[str]:
    """The words of ``translation_from`` for ``language`` as whole words, before a space or (an elided article,
    "dall'") straight before the name."""
    table = loose_pattern("translation_from", language)
    source = "|".join(alternative.source for alternative in table.own or table.shared)
    return compiled(rf"(?<!\w)(?:{source})(?:\s+|(?<=[\x27’]))", re.IGNORECASE)


def _licence_note(text: str, language: str | None, folded: str | None = None) -> tuple[bool, str | None]:
    """A line that states a Creative Commons licence and ends with the name of the publication the text was
    taken from is a licence note, whatever its wording ("Článok preberáme v rámci licencie Creative Commons z
    portálu „Euractiv Slovensko“.", "Tekst publikujemy na licencji Creative Commons za portalem Krytyka
    Polityczna."): at most `LICENCE_NOTE_WORDS` words, and the name after the licence (`_trailing_name`). A
    sentence that only mentions such a licence goes on after it ("… under a Creative Commons licence last
    year, and downloads have since tripled.")."""
    if text.count(" ") >= LICENCE_NOTE_WORDS:
        return False, None
    folded = fold(text) if folded is None else folded
    if not any(literal in folded for literal in _LICENCE_LITERALS):
        return False, None
    licence = _LICENCE.search(text)
    if licence is None:
        return False, None
    name = _trailing_name(text[licence.end() :], language)
    return (True, name) if name else (False, None)


def _trailing_name(text: str, language: str | None) -> str | None:
    """The publication's name that ends ``text``, after at least one other word: a name in quotation marks, a
    host name, or a run of capitalised words after a word in lower case (`_is_publication`, with no word of a
    script without letter case, which nothing but quotation marks would tell from a clause, and not in a language
    that capitalises every noun: `NOUN_CAPITALS_LANGUAGES`); or None."""
    names = list(_QUOTED.finditer(text))
    quoted = names[-1] if names else None  # the last name in quotation marks
    if quoted is not None and text[: quoted.start()].strip() and not text[quoted.end() :].strip(_NAME_EDGES):
        name = quoted.group(1).strip()
        return name if name and not _NOT_IN_NAME.search(name) and not YEAR.search(name) else None
    words = text.strip(_NAME_EDGES).split()
    if len(words) > 1 and _HOST.search(words[-1]):
        return words[-1].strip(_NAME_EDGES)
    if language in NOUN_CAPITALS_LANGUAGES:
        return None
    for start in range(max(1, len(words) - TRAILING_NAME_WORDS), len(words)):
        name = " ".join(words[start:]).strip(_NAME_EDGES)
        after_word = words[start - 1][:1].islower()  # not the licence's own name: "… 4.0 International License"
        if name and after_word and _is_publication(name) and not any(_caseless(w) for w in words[start:]):
            return name
    return None


def _sentences_of_a_note(text: str, language: str | None, led: bool) -> tuple[bool, str | None]:
    """A line of several sentences, one of them a syndication note and each other one a note too, short
    (at most `SHORT_SENTENCE_WORDS` words: "Read the original.", "Oversat fra engelsk.", "Reprinted by
    permission.") or a promotion as a line of its own would be (``promo``: "Subscribe to their Friday newsletter to
    read stories like this first."), is a note: the publication the first note names, or None. ``led``: whether a
    note's lead begins the line (if not, its first sentence is no note, and only its length is looked at)."""
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
        elif len(sentence.split()) > SHORT_SENTENCE_WORDS and not line_pattern("promo", language).match(sentence):
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
    found = _after_lead(text[lead.end() :], language, text, lead.group(0))
    if found[0]:
        return found
    for pattern in each_pattern("syndication_note", language):
        other = pattern.match(text)
        if other is not None and other.end() != lead.end():
            found = _after_lead(text[other.end() :], language, text, other.group(0))
            if found[0]:
                return found
    return False, None


def _is_issuer(name: str, lead: str, language: str | None) -> bool:
    """Whether a note whose lead (``lead``) names a press release (``press_release``: "Adapted from a news release
    issued by", "Dal comunicato dell'") names the organisation it is from (``name``, what follows the lead): a
    name as `_is_publication` reads one whose words may also be the common nouns of an organisation
    (``organisation_word``: "the Westmoor University press office", "Русенския университет"). An article's
    sentence after such a lead goes on with other words ("Laut einer Pressemitteilung der Polizei Kiel wurde
    niemand verletzt")."""
    issued = word_pattern("press_release", language).search(lead) or word_pattern("press_release", "en").search(lead)
    return issued is not None and _is_publication(name, line_pattern("organisation_word", language))


def _after_lead(rest: str, language: str | None, whole: str, lead: str = "") -> tuple[bool, str | None]:
    """Whether what follows a note's lead (``lead``) in the line ``whole`` completes a note (`_syndication`),
    and the publication it names. An issuer after a press release's lead (`_is_issuer`) is read before a name
    described by a word in lower case (`_described_publication`), so that the organisation's own words stay in
    it ("Persbericht van de gemeente Utrecht" names "gemeente Utrecht")."""
    licence = _LICENCE.search(rest)
    if licence is not None:
        leading = _leading_publication(rest[: licence.start()], language)
        return True, leading or _trailing_name(rest[licence.end() :], language)
    tail = line_pattern("syndication_tail", language).search(rest)
    source = (rest[: tail.start()] if tail else rest).strip(_NAME_EDGES)
    if not source or line_pattern("syndication_unnamed", language).match(source):
        return True, None
    prefix = loose_pattern("publication_prefix", language).match(source)
    source = (source[prefix.end() :] if prefix else source).strip(_NAME_EDGES)
    named = _is_publication(source) or _quoted_name(rest, source) or _first_word_name(source, language)
    if named or _is_issuer(source, lead, language):
        return True, source
    described = _described_publication(source, language)
    return (True, described) if described and not _sponsored(whole, language) else (False, None)


def _sponsored(text: str, language: str | None) -> bool:
    """Whether ``text`` is a sponsor's disclosure (``affiliate_note``), which a partner described by what it is
    may make ("Tekst je nastao u saradnji sa kompanijom Telekom Srbija."): the affiliate cleaner reads it."""
    return bool(
        line_pattern("affiliate_note", language).match(text)
        or contains_pattern("affiliate_note", language).search(text)
    )


def _described_publication(text: str, language: str | None) -> str | None:
    """The publication ``text`` (what follows a note's lead) names when words that describe it stand around the
    name (`_described_name`: "de gemeente Zwolle", "vakblad Cobouw", "the Halloway Institute newsroom"); with an
    apposition after a comma that is a name so read ("the Irish Post, London"; not "Kilden, campusavisen ved
    Vestjysk Universitetscenter", whose description goes on after its word); or a second publication, so
    described, after a conjunction (``publication_joiner``: "Datos Abiertos MX y el
    pódcast Señal Débil"). The first name, or None. Article text after a lead goes on with a clause, which none of
    these allows ("the Lancet and caused an outcry", "The Lancet, the study found no link"). Not in a language
    that capitalises every noun (`NOUN_CAPITALS_LANGUAGES`), where a capital tells no name: "… im Herbst und löste
    eine Debatte aus"."""
    if language in NOUN_CAPITALS_LANGUAGES:
        return None
    head, comma, apposition = text.partition(", ")
    if comma and not _described_name(apposition.split()):
        return None
    words = head.split()
    name = _described_name(words)
    if name is not None:
        return name
    joiners = line_pattern("publication_joiner", language)
    for cut in (i for i, word in enumerate(words) if 0 < i < len(words) - 1 and joiners.match(word)):
        first = _described_name(words[:cut])
        if first is not None and _described_name(words[cut + 1 :]) is not None:
            return first
    return None


def _described_name(words: Sequence[str]) -> str | None:
    """The publication's name in ``words``, after the word in lower case that says what it is, with only small
    particles before that word ("de gemeente Zwolle", "tidningen Skogsindustrin Nu", "the weekly Harbour Post":
    not "researchers at Oxford University", "scientists from …") and before at most `DESCRIPTION_AFTER_WORDS`
    more (`_is_publication`, opening with a capital that opens no date's word: "Monday at the Met", "12-én" are
    no names); or None. Only in a script with letter case: nothing would tell a name from a clause in the others."""
    particles = line_pattern("publication_particle", None)
    dates = line_pattern("date_name", None)
    described = False
    for i, word in enumerate(words):
        bare = word.strip(_NAME_EDGES)
        if bare[:1].isupper():
            if dates.match(bare):
                return None
            for end in range(len(words), max(i, len(words) - DESCRIPTION_AFTER_WORDS - 1), -1):
                name = " ".join(words[i:end]).strip(_NAME_EDGES)
                if name and _is_publication(name) and not any(map(_caseless, words[i:end])):
                    return name
            return None
        if described or (not particles.match(bare) and (len(bare) < DESCRIPTION_LETTERS or not bare.isalpha())):
            return None
        described = not particles.match(bare)
    return None


def _first_word_name(text: str, language: str | None) -> bool:
    """Whether ``text`` is a publication's name as languages that capitalise only its first word write it
    (`FIRST_WORD_NAME_LANGUAGES`: "Jihočeské listy", "Přístavním zpravodaji"): at most `FIRST_WORD_NAME_WORDS`
    words of letters, the first capitalised, none a date's word, and none after the first a word that goes on with
    a sentence (``name_breaker``: "a", "minulý týždeň", "Sme minulý týždeň" is a name and a sentence's end)."""
    if language not in FIRST_WORD_NAME_LANGUAGES or _NOT_IN_NAME.search(text):
        return False
    words = text.split()
    dates = line_pattern("date_name", None)
    breakers = line_pattern("name_breaker", language)
    return (
        0 < len(words) <= FIRST_WORD_NAME_WORDS
        and words[0][0].isupper()
        and all(w.replace("-", "").isalpha() and not dates.match(w) for w in words)
        and not any(breakers.match(w) for w in words[1:])
    )


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
        and not YEAR.search(source)
    )


SOURCE_NOTE_WORDS = 30
"""A note that the text comes from a podcast (``podcast_note``) or a book (``book_note``), rather than from a
publication, has at most this many words."""


def syndication_notes(lines: Sequence[Line], context: TextContext) -> list[int]:
    """Syndication notes ("This article originally appeared on The Conversation.", "Republished with
    permission from …", "Dieser Beitrag ist zuerst bei … erschienen"), and notes that the text comes from a
    podcast's episode (``podcast_note``: "Adapted from an episode of the Harbour Lights podcast.") or a book
    (``book_note``: "Adapted from Jane Doe's book The Long Road, published by Penguin."); reported speech is
    kept. `syndication_source` gives the publication a removed note names."""
    speech = loose_pattern("speech", context.language)
    podcast = contains_pattern("podcast_note", context.language)
    book = contains_pattern("book_note", context.language)
    return [
        i
        for i, line in enumerate(lines)
        if line.words <= 60
        and (
            _syndication(line.norm, context.language, line.folded)[0]
            or (
                line.words <= SOURCE_NOTE_WORDS
                and (
                    podcast.search(line.norm, line.folded) is not None
                    or book.search(line.norm, line.folded) is not None
                )
            )
        )
        and not speech.search(line.norm)
    ]


def syndication_source(line: str, language: str | None = None) -> str | None:
    """The publication a syndication note names ("This story was originally published by ProPublica."
    gives "ProPublica"), without trailing punctuation or a licence tail; None if ``line`` is not a
    syndication note or names none ("Republished with permission."); a note enclosed whole in brackets is read
    inside them (`Line.inside`). Without ``language``, the wordings of every language of the rule tables are
    tried."""
    read = Line.of(line)
    text = read.inside.norm if read.inside is not None else read.norm
    for candidate in (language,) if language else RULE_LANGUAGES:
        is_note, source = _syndication(text, candidate)
        if is_note:
            return source
    return None
