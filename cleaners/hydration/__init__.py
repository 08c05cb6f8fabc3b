"""Article text from a page's hydration data: the JSON a JavaScript framework leaves in ``<script>`` elements.

Some pages built with Next.js, Nuxt or a bare React/Vue/Apollo store have no article in their HTML body:
the browser renders it from data the server put in scripts. `hydrated_text` reads that data, with no
browser, from the scripts' texts (`page_scripts` gives them, in page order):

- Next.js pages router: the ``__NEXT_DATA__`` JSON (``"next-data"``);
- Next.js app router: the ``self.__next_f.push([1, "..."])`` chunks, joined into the React Server
  Components ("flight") payload and read row by row (``"next-flight"``);
- Nuxt: ``window.__NUXT__=`` and Nuxt 3's flat "devalue" array (``"nuxt"``);
- ``window.__*_STATE__ =`` assignments (``__INITIAL_STATE__``, ``__PRELOADED_STATE__``, ``__APOLLO_STATE__``,
  ``__APP_STATE__`` ...: ``"state"``) and any other script whose text is JSON (``"json-script"``).

A script's text does not carry its ``id`` or ``type``: a script is read as JSON when its text begins
with ``{`` or ``[``, and the payload tells which framework made it (Next.js data has ``buildId`` and
``props``; Nuxt 3 data is a devalue array). The article is then found without any per-site rule, from the
decoded values alone (see `hydrated_text`).

The input is hostile (pages from anywhere): the script text read, the strings and values visited, the JSON
nesting and the rows of a flight payload are all bounded, no regular expression here can backtrack, and
nothing raises: a chunk that does not decode is skipped.

The modules: `scripts` (the page's scripts, each sent to its reader; `hydrated_text`), `flight` (Next.js
flight chunks and rows), `nuxt` (Nuxt 3's devalue array), `javascript` (values assigned in code, string
literals), `scan` (the walk through the decoded values, the candidates and the best of them), `runs` (list
items read as paragraphs, and their runs), `strings` (what one string holds, and how much prose),
`limits` (the bounds).
"""

from __future__ import annotations

from cleaners.hydration.limits import MAX_SCRIPT_CHARS
from cleaners.hydration.scan import HydratedText
from cleaners.hydration.scripts import hydrated_text, page_scripts

__all__ = ["MAX_SCRIPT_CHARS", "HydratedText", "hydrated_text", "page_scripts"]
