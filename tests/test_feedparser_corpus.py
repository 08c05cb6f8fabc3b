"""feedparser's own test feeds (BSD, in tests/data/feedparser) through newsrake's feed stage: no exception,
valid text, ill-formed feeds flagged, no script or event handler left in what is stored."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from crawler.feeds import parse_feed

CORPUS = Path(__file__).resolve().parent / "data" / "feedparser"
FILES = sorted(CORPUS.rglob("*.xml"))
_HEADER = re.compile(rb"^Header:\s*Content-type:\s*(.+?)\s*$", re.MULTILINE | re.IGNORECASE)
_EXPECT = re.compile(rb"^Expect:\s*(.+?)\s*$", re.MULTILINE)
_SKIP_UNLESS = re.compile(rb"^SkipUnless:\s*__import__\('(\w+)'\)", re.MULTILINE)
_ACTIVE = re.compile(r"<script|javascript:|\son[a-z]+\s*=|<iframe|<object|<embed", re.IGNORECASE)


def case_id(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix().removesuffix(".xml")


def content_type(body: bytes) -> str | None:
    found = _HEADER.search(body)
    return found.group(1).decode("latin-1") if found else None


def test_the_corpus_is_there() -> None:
    assert len(FILES) > 1500


@pytest.mark.parametrize("path", FILES, ids=case_id)
def test_feed_stage(path: Path) -> None:
    body = path.read_bytes()
    feed = parse_feed(body, "http://127.0.0.1:8000/feed.xml", content_type(body))
    texts = [feed.title or ""] + [value or "" for entry in feed.entries for value in (entry.title, entry.summary)]
    for text in texts:
        text.encode("utf-8")  # valid text: no lone surrogates
        assert "\x00" not in text
    if case_id(path).startswith("wellformed/sanitize"):
        assert not [text for text in texts if _ACTIVE.search(text)]
    expect = _EXPECT.search(body)
    needs = _SKIP_UNLESS.search(body)  # the corpus's own condition: e.g. encoding detection needs chardet
    applies = needs is None or importlib.util.find_spec(needs.group(1).decode()) is not None
    if case_id(path).startswith("illformed") and expect and expect.group(1).startswith(b"bozo") and applies:
        assert feed.bozo
