"""trafilatura's fast mode without the copy of the cleaned tree that it never reads.

Before it reads a page, trafilatura (2.3) cleans a copy of the page's tree, then copies the cleaned tree once more
as a backup (``trafilatura.core._prepare_tree``). The backup is read only by its full mode, which compares its own
extraction with its fallbacks', and by its reading of comments, when they are asked for. newsrake's fast
extractions ask for neither: their backup is made and dropped unread, once for each extraction (some 1,200 on the
974 pages of the two benchmark sets), and the copy of a page's tree is one of the dearest steps of a fast
extraction. `without_backup` stands a version that makes no backup in for trafilatura's while newsrake's own
extraction runs; the full mode, and comments, still get the original. A trafilatura without that function (before
2.3) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import copy
from typing import Any

import trafilatura.core
from lxml.html import HtmlElement
from trafilatura.htmlprocessing import convert_tags, tree_cleaning

Prepare = Callable[[HtmlElement, Any, str | None], tuple[HtmlElement, HtmlElement]]
_NAME = "_prepare_tree"


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
