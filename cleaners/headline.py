"""The headline, exactly: chosen between the page's ``<h1>`` and its metadata titles, without the site name,
a section label or a kicker.

A page names its headline several times: in its ``<h1>`` (as readers see
it), in ``og:title`` / ``twitter:title``, in its JSON-LD ``headline`` and in
``<title>``. The metadata titles often carry the site name ("Headline |
Site", "Site - Headline") or a section ("Headline | Opinion"); the ``<h1>``
may carry a kicker ("Exclusive: Headline"), and some pages use their
``<h1>`` for the logo or a section name. So:

1. every title loses the segments that name the site (its ``og:site_name``,
   its publisher, its host name, also written without spaces), at either
   end, and the host name standing first or last as a word of its own
   ("example.com Headline"), and an ``<h1>`` a last segment that is the
   site's name; a pipe is
   never headline punctuation, so what follows the first one goes too
   ("Headline | Top 10 picks", "Headline | Opinion"), when what comes before
   it reads like a headline (three words or more);
2. an ``<h1>`` whose question marks (or replacement characters) stand for
   characters of a title, as a page decoded with the wrong character set
   shows them, gives that title; an ``<h1>`` that agrees with a title is
   the headline, in the ``<h1>``'s
   spelling (unless it is all in capitals or all in lower case, which is
   styling): it agrees when both say the same words, or when the title is
   the ``<h1>`` plus separated segments around it (a section, a site name
   spelt otherwise; never the site's segment alone), or when the ``<h1>``
   is a short kicker and a separator before the title. An ``<h1>`` that is
   a title plus a few words before or after it (a date, a source, a
   comment count: "Dec 18 2025 Headline", "Headline (example.com) 87"),
   or a title and a dateline after it (a timestamp label of the page's
   language and a date: "Headline Posted on July 1, 2024 by jo"), gives
   the title; an ``<h1>`` in capitals or in lower case takes a title's
   spelling of the same words, from wherever in the title they stand;
3. with no agreement, the first ``<h1>`` that is not the site's name (a
   logo) if it reads like a headline (three to `MAX_HEADLINE_WORDS` words,
   not a label ending in a colon, not in capitals), else the first title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from cleaners.text_cleaners import labels_anywhere

SEPARATOR = re.compile(r"\s+[|\-–—·•:»/~]{1,2}\s+|\s*[|»]\s*")
"""What stands between a title's segments: " | ", " - ", " – ", " :: ", " · ", " » " (a middle dot between
letters is a letter: Catalan "col·legi")."""
PIPE = re.compile(r"\s*\|\s*|\s+[·•]\s+")
"""Separators that are never punctuation inside a headline: what follows is a tagline, a section or a site."""
_KICKER = re.compile(r"([^:|–—]{1,40}?)\s*[:|–—]\s+")
_NON_WORD = re.compile(r"\W+")
_DIGIT = re.compile(r"\d")
_DAMAGE = re.compile(r"[?\ufffd]")
"""What a character becomes when text is decoded with the wrong character set and the result re-encoded."""
_HOST_WORDS = frozenset({"www", "com", "org", "net", "co", "uk", "blog", "news", "io", "de", "fr", "es", "it"})
MAX_KICKER_WORDS = 3
MAX_SITE_EXTRA_WORDS = 2
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 30
"""An ``<h1>`` longer than this is a paragraph (a description set in the heading style), not a headline."""


def tidy(text: str | None) -> str | None:
    """A title as text: entities decoded (some pages escape them twice), whitespace collapsed; None if empty."""
    if not text:
        return None
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    text = " ".join(text.split())
    return text or None


def words(text: str) -> str:
    """The words of a title, case-folded, punctuation dropped: how two spellings of it are compared."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def site_names(names: Iterable[str | None], url: str | None) -> frozenset[str]:
    """The site's names, as `words`: those the page gives and its host name, whole and by label."""
    host = (urlsplit(url).hostname or "") if url else ""
    host = host.removeprefix("www.")
    labels = [label for label in host.split(".") if label not in _HOST_WORDS]
    return frozenset(w for w in (words(n) for n in [*names, host, *labels] if n) if w)


def _segments(title: str) -> tuple[list[str], list[str]]:
    return SEPARATOR.split(title), SEPARATOR.findall(title)


def _join(parts: Sequence[str], seps: Sequence[str]) -> str:
    text = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        text += sep + part
    return text


def _is_site(segment: str, sites: frozenset[str]) -> bool:
    """``segment`` names the site: one of its names, also written without spaces, or a part of a name, or a
    name and at most `MAX_SITE_EXTRA_WORDS` words more ("The Harbour Herald Online"), as whole words (never
    "ft" in "left", nor a headline that names the site: "The Harbour Herald view on the strike")."""
    said = words(segment)
    if not said:
        return False
    compact, padded, size = said.replace(" ", ""), f" {said} ", len(said.split())
    return any(
        said == s
        or compact == s.replace(" ", "")
        or (len(said) >= 3 and padded in f" {s} ")
        or (f" {s} " in padded and size <= len(s.split()) + MAX_SITE_EXTRA_WORDS)
        for s in sites
    )


def _without_host_word(title: str, sites: frozenset[str]) -> str:
    """``title`` without a host name of the site's that stands first or last with no separator, as a word of
    its own with its dots ("example.com Vibe coding"): a name with a dot is never a headline's first word
    on its own site."""
    first, _, rest = title.partition(" ")
    if rest and "." in first and words(first) in sites:
        return rest
    rest, _, last = title.rpartition(" ")
    if rest and "." in last and words(last) in sites:
        return rest
    return title


def without_site(title: str, sites: frozenset[str]) -> str:
    """``title`` without the segments at either end that name the site, and without its host name standing
    first or last as a word (`_without_host_word`)."""
    parts, seps = _segments(title)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts, seps = parts[1:], seps[1:]
    return _without_host_word(_join(parts, seps), sites)


def _without_site_suffix(h1: str, sites: frozenset[str]) -> str:
    """An ``<h1>`` without a last segment that is the site's name ("Headline – Site"): some pages set the
    ``<title>`` in their heading."""
    parts, seps = _segments(h1)
    if (
        len(parts) > 1
        and (said := words(parts[-1]))
        and any(said.replace(" ", "") == site.replace(" ", "") for site in sites)
    ):
        return _join(parts[:-1], seps[:-1])
    return h1


def before_pipe(text: str) -> str:
    """``text`` up to its first pipe, when what comes before it reads like a headline and is longer than
    what comes next (a tagline or a section is shorter: "Headline | Opinion"; "Milan Design Week | Headline"
    is not cut); else ``text``."""
    parts = PIPE.split(text, maxsplit=2)
    if len(parts) == 1:
        return text
    lead, after = len(parts[0].split()), len(parts[1].split())
    return parts[0] if lead >= MIN_HEADLINE_WORDS and lead > after else text


def core(title: str, sites: frozenset[str]) -> str:
    """The headline a title gives: without the site's segments, and without what follows a pipe."""
    return before_pipe(without_site(title, sites))


def _in_title(h1: str, title: str, sites: frozenset[str]) -> bool:
    """``title`` is ``h1``, or ``h1`` and separated segments after or before it (never the site name alone)."""
    said = words(h1)
    if words(title) == said:
        return True
    parts, seps = _segments(title)
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    for start, end in ((0, longest + 1), (longest, len(parts))):
        if all(_is_site(part, sites) for part in parts[start:end]):
            continue
        if words(_join(parts[start:end], seps[start : end - 1])) == said:
            return True
    return False


def _title_inside(h1: str, cores: Sequence[str]) -> str | None:
    """The title that ``h1`` is, with two or three words that hold a number (a date, a source and a count)
    before or after it; not words without one, which may be where a title was cut short ("... to prevent
    issues"), nor a lone year ("2025 Price Guide"), nor more words ("... from KBIS & IBS 2025")."""
    said = words(h1)
    for title in cores:
        inner = words(title)
        if len(inner.split()) < MIN_HEADLINE_WORDS or inner == said:
            continue
        if said.startswith(inner + " "):
            extra = said[len(inner) :]
        elif said.endswith(" " + inner):
            extra = said[: -len(inner)]
        else:
            continue
        if 2 <= len(extra.split()) <= MAX_KICKER_WORDS and any(ch.isdigit() for ch in extra):
            return title
    return None


def _title_before_dateline(h1: str, cores: Sequence[str], language: str | None) -> str | None:
    """The title that ``h1`` is, followed by a dateline: a timestamp label and a date, as a template that
    sets the article's details inside its heading gives it ("Headline Posted on July 1, 2024 by Jo")."""
    folded = h1.casefold()
    for title in cores:
        if len(title.split()) < MIN_HEADLINE_WORDS or not folded.startswith(title.casefold() + " "):
            continue
        rest = h1[len(title) :].strip()
        label = labels_anywhere(language).match(rest)
        if label is not None and _DIGIT.search(rest, label.end()):
            return title
    return None


def _title_undamaged(h1: str, cores: Sequence[str]) -> str | None:
    """The title that ``h1`` is, where the ``<h1>`` shows question marks (or replacement characters) for one
    to three characters of the title: text decoded with the wrong character set, as "Planning? Beginner?
    Guide" for "Planning: Beginner's Guide"."""
    pieces = _DAMAGE.split(h1)
    if len(pieces) == 1:
        return None
    damaged = re.compile(r"[^\s?\ufffd]{1,3}".join(re.escape(piece) for piece in pieces))
    return next((title for title in cores if title != h1 and damaged.fullmatch(title)), None)


def _agreed(
    h1: str, titles: Sequence[str], cores: Sequence[str], sites: frozenset[str], language: str | None
) -> str | None:
    """The headline an ``<h1>`` and the titles (and their `core`) agree on, or None."""
    undamaged = _title_undamaged(h1, cores)
    if undamaged is not None:
        return undamaged
    if any(_in_title(h1, title, sites) for title in [*cores, *titles]):
        return h1
    kicker = _KICKER.match(h1)
    if kicker and len(kicker.group(1).split()) <= MAX_KICKER_WORDS:
        rest = h1[kicker.end() :]
        if any(words(title) == words(rest) for title in [*cores, *titles]):
            return rest
    return _title_inside(h1, cores) or _title_before_dateline(h1, cores, language)


def _spelling_in(said: str, titles: Sequence[str]) -> str | None:
    """How a title spells the words ``said`` (as `words`), in its own letter case: the whole title or a run of
    its segments ("History of coffee" in "History of coffee | Origin, Spread, Facts | Britannica")."""
    for title in titles:
        parts, seps = _segments(title)
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                run = _join(parts[start:end], seps[start : end - 1])
                if words(run) == said and not _styled(run):
                    return run
    return None


def _styled(text: str) -> bool:
    """All in capitals or all in lower case: a style sheet's doing, not the headline's spelling."""
    return text.isupper() or text.islower()


def _reads_like_headline(h1: str) -> bool:
    """Three to `MAX_HEADLINE_WORDS` words, not a label ending in a colon, not in capitals (a banner)."""
    return MIN_HEADLINE_WORDS <= len(h1.split()) <= MAX_HEADLINE_WORDS and not h1.endswith(":") and not h1.isupper()


def choose_headline(
    h1s: Sequence[str], titles: Sequence[str], sites: frozenset[str], language: str | None = None
) -> str | None:
    """The headline, from the page's ``<h1>`` texts and its metadata titles (most trusted first), both
    `tidy`; ``sites`` are the site's names (`site_names`), ``language`` the page's (for the words of a
    dateline)."""
    cores = [core(title, sites) for title in titles]
    h1s = [before_pipe(_without_site_suffix(h1, sites)) for h1 in h1s]
    for h1 in h1s:
        agreed = _agreed(h1, titles, cores, sites, language)
        if agreed is None:
            continue
        if _styled(agreed):  # the title's spelling, if one says the same words
            return _spelling_in(words(agreed), [*cores, *titles]) or agreed
        return before_pipe(agreed)
    first = next((h1 for h1 in h1s if not _is_site(h1, sites)), None)  # a logo <h1> is passed over
    if first is not None and _reads_like_headline(first):
        return (_styled(first) and _spelling_in(words(first), [*cores, *titles])) or first
    return cores[0] if cores else (h1s[0] if h1s else None)
