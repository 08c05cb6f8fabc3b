"""trafilatura's fast mode without the backup of the cleaned tree (`cleaners/fast_tree.py`): the same text from every
page of the golden cases, in each mode newsrake asks for, and trafilatura as it was after the block."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
import trafilatura.core
from trafilatura.core import bare_extraction
from trafilatura.settings import Document

from cleaners.fast_tree import without_backup

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


def _text(html: bytes, **mode: bool) -> str:
    options = {"include_comments": False, **mode}
    doc = bare_extraction(lxml.html.fromstring(html), url="https://example.org/a", with_metadata=False, **options)
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
