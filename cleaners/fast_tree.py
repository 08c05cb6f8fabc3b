"""trafilatura without the copies of a page's tree that newsrake needs not.

trafilatura (2.3) copies the tree it is given, prunes that copy (the boxes of comments, of other articles loaded as
the reader scrolls, of share buttons), cleans a second copy of it, and copies the cleaned tree once more as a backup
(``trafilatura.core._prepare_tree``). A copy of a page's tree is one of the dearest steps of a fast extraction, and
newsrake makes some 1,200 extractions on the 974 pages of the two benchmark sets.

- The backup is read only by trafilatura's full mode, which compares its own extraction with its fallbacks', and by
  its reading of comments. newsrake's fast extractions ask for neither: `without_backup` stands a version that
  makes no backup in for trafilatura's (the full mode, and comments, still get the original). A trafilatura without
  that function (before 2.3) is left as it is.
- The first copy keeps the caller's tree as it was. newsrake hands trafilatura either a page it made for it alone
  (a box's copy, a copy with its words kept apart) or the page's own tree, whose later readings (newsrake's and
  trafilatura's, which prunes the same boxes first each time) are none the worse without those boxes: `uncopied`
  lets trafilatura prune that page itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import copy
from typing import Any, TypeVar

import trafilatura.core
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

T = TypeVar("T")
Prepare = Callable[[HtmlElement, Any, str | None], tuple[HtmlElement, HtmlElement]]
_NAME = "_prepare_tree"
_COPY = "copy"


def _stand_in(original: Prepare) -> Prepare:
    def prepare(tree: HtmlElement, options: Any, url: str | None) -> tuple[HtmlElement, HtmlElement]:
        """``original``'s cleaned and converted tree; in the fast mode without comments, the same tree in the
        backup's place (which that mode never reads), with no copy made."""
        if not options.fast or options.comments:
            return original(tree, options, url)
        cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
        return cleaned, cleaned

    return prepare


@contextmanager
def without_backup() -> Iterator[None]:
    """Within the block, trafilatura's fast extractions without comments make no backup of the cleaned tree; after
    it, trafilatura is as it was."""
    original = getattr(trafilatura.core, _NAME, None)
    if original is None:
        yield
        return
    setattr(trafilatura.core, _NAME, _stand_in(original))
    try:
        yield
    finally:
        setattr(trafilatura.core, _NAME, original)


def _first_copy_skipped(page: HtmlElement, original: Callable[[T], T]) -> Callable[[T], T]:
    skipped = False

    def copy_once(value: T) -> T:
        """``original``'s copy of ``value``; ``page`` itself, the first time it is asked to copy ``page``."""
        nonlocal skipped
        if value is page and not skipped:
            skipped = True
            return value
        return original(value)

    return copy_once


@contextmanager
def uncopied(page: HtmlElement) -> Iterator[None]:
    """Within the block, trafilatura's extraction reads ``page`` itself where it would first copy it: it prunes
    ``page`` in place (the boxes of comments, of other articles loaded as the reader scrolls, of share buttons),
    and makes its own copy to clean after that. For a page the caller made for trafilatura alone, or one whose
    later readings are the better without those boxes. A trafilatura that names no ``copy`` is left alone."""
    original = getattr(trafilatura.core, _COPY, None)
    if original is None:
        yield
        return
    setattr(trafilatura.core, _COPY, _first_copy_skipped(page, original))
    try:
        yield
    finally:
        setattr(trafilatura.core, _COPY, original)
