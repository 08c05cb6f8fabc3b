"""The headline, exactly: chosen between the page's ``<h1>`` and its metadata titles, without the site name,
a section label or a kicker.

A page names its headline several times: in its ``<h1>`` (as readers see
it), in ``og:title`` / ``twitter:title``, in its JSON-LD ``headline`` and in
``<title>``. The metadata titles often carry the site name ("Headline |
Site", "Site - Headline") or a section ("Headline | Opinion"); the ``<h1>``
may carry a kicker ("Exclusive: Headline"), and some pages use their
``<h1>`` for the logo or a section name. So:

1. every title loses the segments that name the site (its ``og:site_name``,
   its publisher, its host name), at either end;
2. an ``<h1>`` that agrees with a title is the headline, in the ``<h1>``'s
   spelling (unless it is in capitals, which is styling): it agrees when
   both say the same words, or when the title is the ``<h1>`` plus
   separated segments around it (a section, a site name spelt otherwise),
   or when the ``<h1>`` is a short kicker and a separator before the
   title;
3. with no agreement, the first ``<h1>`` if it reads like a headline (three
   words or more, not the site's name), else the first title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

SEPARATOR = re.compile(r"\s+[|\-–—·•:»/~]{1,2}\s+|\s*[|·•»]\s*")
"""What stands between a title's segments: " | ", " - ", " – ", " :: ", " · ", " » "."""
_KICKER = re.compile(r"([^:|–—]{1,40}?)\s*[:|–—]\s+")
_NON_WORD = re.compile(r"\W+")
_HOST_WORDS = frozenset({"www", "com", "org", "net", "co", "uk", "blog", "news", "io", "de", "fr", "es", "it"})
MAX_KICKER_WORDS = 3
MIN_HEADLINE_WORDS = 3


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
    said = words(segment)
    return bool(said) and any(said == s or (len(said) >= 3 and (said in s or s in said)) for s in sites)


def without_site(title: str, sites: frozenset[str]) -> str:
    """``title`` without the segments at either end that name the site."""
    parts, seps = _segments(title)
    while len(parts) > 1 and _is_site(parts[-1], sites):
        parts, seps = parts[:-1], seps[:-1]
    while len(parts) > 1 and _is_site(parts[0], sites):
        parts, seps = parts[1:], seps[1:]
    return _join(parts, seps)


def _in_title(h1: str, title: str) -> bool:
    """``title`` is ``h1``, or ``h1`` and separated segments after or before it (never the site name alone)."""
    said = words(h1)
    if words(title) == said:
        return True
    parts, seps = _segments(title)
    longest = max(range(len(parts)), key=lambda i: len(parts[i]))
    for start, end in ((0, longest + 1), (longest, len(parts))):
        if words(_join(parts[start:end], seps[start : end - 1])) == said:
            return True
    return False


def _agreed(h1: str, titles: Sequence[str]) -> str | None:
    """The headline an ``<h1>`` and the titles agree on, or None."""
    if any(_in_title(h1, title) for title in titles):
        return h1
    kicker = _KICKER.match(h1)
    if kicker and len(kicker.group(1).split()) <= MAX_KICKER_WORDS:
        rest = h1[kicker.end() :]
        if any(words(title) == words(rest) for title in titles):
            return rest
    return None


def choose_headline(h1s: Sequence[str], titles: Sequence[str], sites: frozenset[str]) -> str | None:
    """The headline, from the page's ``<h1>`` texts and its metadata titles (most trusted first), both
    `tidy`; ``sites`` are the site's names (`site_names`)."""
    cores = [without_site(title, sites) for title in titles]
    candidates = [*cores, *titles]
    for h1 in h1s:
        agreed = _agreed(h1, candidates)
        if agreed is None:
            continue
        if agreed.isupper():  # capitals are styling: the title's spelling, if one says the same words
            return next((c for c in cores if words(c) == words(agreed) and not c.isupper()), agreed)
        return agreed
    if h1s and len(h1s[0].split()) >= MIN_HEADLINE_WORDS and not _is_site(h1s[0], sites):
        return h1s[0]
    return cores[0] if cores else (h1s[0] if h1s else None)
