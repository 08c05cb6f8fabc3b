"""trafilatura without the copies newsrake needs not (`cleaners/fast_tree.py`): its fast mode without the backup of the
cleaned tree, and its reading of a page without its first copy of it. The same text from every page of the golden
cases, in each mode newsrake asks for, and trafilatura as it was after the block."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
import trafilatura.core
from trafilatura.core import bare_extraction
from trafilatura.settings import Document

from cleaners.fast_tree import uncopied, without_backup

HERE = Path(__file__).parent
PAGES = [
    *sorted((HERE / "fixtures").glob("*/page.html")),
    *sorted((HERE / "data" / "article-extraction").glob("*.html.gz")),
    *sorted((HERE / "data" / "wcxb-dev" / "html").glob("*.html*")),
]
"""The golden cases' pages, and the real pages the tests hold (the two benchmarks' samples)."""
MODES = {
    "fast": {"fast": True},
    "fast-recall": {"fast": True, "favor_recall": True},
    "full": {"fast": False},
    "fast-with-comments": {"fast": True, "include_comments": True},
}


def _text(html: bytes | lxml.html.HtmlElement, **mode: bool) -> str:
    options = {"include_comments": False, **mode}
    page = lxml.html.fromstring(html) if isinstance(html, bytes) else html
    doc = bare_extraction(page, url="https://example.org/a", with_metadata=False, **options)
    return doc.text or "" if isinstance(doc, Document) else ""


def _read(page: Path) -> bytes:
    raw = page.read_bytes()
    return gzip.decompress(raw) if page.suffix == ".gz" else raw


@pytest.mark.parametrize("mode", MODES.values(), ids=MODES.keys())
@pytest.mark.parametrize("page", PAGES, ids=[p.parent.name if p.name == "page.html" else p.name for p in PAGES])
def test_the_same_text_without_the_backup(page: Path, mode: dict[str, bool]) -> None:
    html = _read(page)
    expected = _text(html, **mode)
    with without_backup():
        assert _text(html, **mode) == expected


def test_the_fast_mode_makes_no_backup_and_the_full_mode_does() -> None:
    tree = lxml.html.fromstring(_read(PAGES[0]))
    fast = trafilatura.core.Extractor(fast=True, comments=False)
    full = trafilatura.core.Extractor(fast=False, comments=False)
    with without_backup():
        cleaned, backup = trafilatura.core._prepare_tree(tree, fast, None)
        assert backup is cleaned
        cleaned, backup = trafilatura.core._prepare_tree(tree, full, None)
        assert backup is not cleaned


def _fail_inside(original: object) -> None:
    with without_backup():
        assert trafilatura.core._prepare_tree is not original
        raise RuntimeError


def test_trafilatura_is_as_it_was_after_the_block() -> None:
    original = trafilatura.core._prepare_tree
    with pytest.raises(RuntimeError):
        _fail_inside(original)
    assert trafilatura.core._prepare_tree is original


def test_a_trafilatura_without_the_function_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(trafilatura.core, "_prepare_tree")
    with without_backup():
        assert not hasattr(trafilatura.core, "_prepare_tree")
    assert not hasattr(trafilatura.core, "_prepare_tree")


UNCOPIED_MODES = {name: mode for name, mode in MODES.items() if not mode.get("include_comments")}
"""The modes newsrake reads pages in: comments never."""


@pytest.mark.parametrize("mode", UNCOPIED_MODES.values(), ids=UNCOPIED_MODES.keys())
@pytest.mark.parametrize("page", PAGES, ids=[p.parent.name if p.name == "page.html" else p.name for p in PAGES])
def test_the_same_text_from_the_page_itself(page: Path, mode: dict[str, bool]) -> None:
    html = _read(page)
    expected = _text(html, **mode)
    tree = lxml.html.fromstring(html)
    with uncopied(tree), without_backup():
        assert _text(tree, **mode) == expected
    assert _text(tree, **mode) == expected, "the pruned page, read again"


COMMENTED = b"""<html><body><article><h1>A headline</h1>
<p>The first paragraph of the article says what happened and where it happened in the town.</p>
<p>The second paragraph of the article says who was there and what they said about it after.</p>
</article><div id="comments"><p>A reader's comment on the article, long enough to be read as text.</p></div>
</body></html>"""


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "full"])
def test_the_page_itself_loses_its_comments_and_the_copy_is_trafilaturas_again(fast: bool) -> None:
    tree = lxml.html.fromstring(COMMENTED)
    original = trafilatura.core.copy
    with uncopied(tree):
        assert "second paragraph" in _text(tree, fast=fast)
    assert trafilatura.core.copy is original
    assert tree.find(".//div[@id='comments']") is None, "pruned in place"


def test_without_the_block_the_page_is_left_as_it_was() -> None:
    tree = lxml.html.fromstring(COMMENTED)
    assert "second paragraph" in _text(tree, fast=True)
    assert tree.find(".//div[@id='comments']") is not None


def test_a_trafilatura_that_names_no_copy_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(trafilatura.core, "copy")
    with uncopied(lxml.html.fromstring(COMMENTED)):
        assert not hasattr(trafilatura.core, "copy")
    assert not hasattr(trafilatura.core, "copy")
