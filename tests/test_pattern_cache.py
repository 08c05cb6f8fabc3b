"""The pattern cache (`cleaners.pattern_cache`): a pattern built from it is the one `re.compile` builds; a
later process builds from the file what an earlier one compiled; a missing, damaged, switched-off or
unwritable cache costs time, never a result; cleaning gives the same article cold, warm and without a cache."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners import pattern_cache as module
from cleaners.pattern_cache import PatternCache, cache_file
from cleaners.prefilter import first_characters, required_literals
from crawler.demo.server import LoopbackServer
from pipelines.cleaning.worker_loop import SAVE_PATTERNS_AFTER

from conftest import FAST, generated_site, newsrake

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = {
    "literal": (r"this article was originally published", re.IGNORECASE),
    "whole-line": (r"(?:(?:first|originally) (?:published|appeared) (?:in|on|by))\Z", re.IGNORECASE),
    "named-groups": (r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})", 0),
    "backreference": (r"(\w)\1+", 0),
    "lookarounds": (r"(?<!\w)(?:follow us)(?![^\W\d_])", re.IGNORECASE),
    "inline-flags": (r"(?-i:[A-ZÀ-Þ][a-zß-ÿ]+)(?: (?-i:[A-Z][a-z]+))*", re.IGNORECASE),
    "cyrillic": (r"(?:впервые|первоначально) опубликован[аоы]? (?:в|на) ", re.IGNORECASE),
    "cjk": (r"(?:本文|本記事)(?:は|の).{1,20}(?:に掲載|より転載)", 0),
    "dotless-i": (r"İstanbul|ışık", re.IGNORECASE),
}
TEXTS = [
    "This article was originally published in The Conversation.",
    "originally appeared on",
    "Updated 03.11.2026 at 10:15, first published 2.11.2026",
    "Follow us on Google News and followus; aa bbb",
    "Jean-Pierre Dupont Éditions Zürich Ölmann",
    "Эта статья впервые опубликована в «Новой газете». ",
    "本記事は東洋経済オンラインに掲載されたものです",
    "İSTANBUL ışık Istanbul",
]


def same(ours: re.Pattern[str], theirs: re.Pattern[str]) -> None:
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        theirs.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)], text
        assert ours.fullmatch(text) is None or ours.fullmatch(text).groups() == theirs.fullmatch(text).groups()  # type: ignore[union-attr]


@pytest.mark.parametrize(("source", "flags"), PATTERNS.values(), ids=PATTERNS.keys())
def test_a_pattern_from_the_cache_is_the_one_re_compile_builds(tmp_path: Path, source: str, flags: int) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    same(first.regex(source, flags), re.compile(source, flags))
    assert first.added == 1
    first.save()
    later = PatternCache(path)
    same(later.regex(source, flags), re.compile(source, flags))
    assert later.added == 0  # built from the file, not compiled


def test_a_later_process_builds_what_an_earlier_one_compiled(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    for source, flags in PATTERNS.values():
        first.regex(source, flags)
    first.save()
    assert first.added == 0
    later = PatternCache(path)
    assert len(later.compiled) == len(PATTERNS)
    for source, flags in PATTERNS.values():
        later.regex(source, flags)
    assert later.added == 0
    written = path.stat().st_mtime_ns
    path.chmod(0o400)
    later.save()  # nothing new: nothing written (it would replace the file)
    assert (path.stat().st_mtime_ns, path.stat().st_mode & 0o777) == (written, 0o400)


def test_two_processes_writing_keep_both_additions(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    one, two = PatternCache(path), PatternCache(path)
    one.regex("alpha", 0)
    two.regex("beta", 0)
    one.save()
    two.save()  # reads what the first wrote before writing
    assert set(PatternCache(path).compiled) == {("alpha", 0), ("beta", 0)}


def test_facts_are_kept_with_the_patterns(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    source = PATTERNS["whole-line"][0]
    first = PatternCache(path)
    assert first.fact("starts", source, re.IGNORECASE, first_characters) == first_characters(source, re.IGNORECASE)
    assert first.fact("literals", source, re.IGNORECASE, required_literals) == required_literals(source, re.I)
    first.save()

    def refuse(source: str, flags: int) -> object:
        raise AssertionError("computed again although the cache holds it")

    later = PatternCache(path)
    assert later.fact("starts", source, re.IGNORECASE, refuse) == first_characters(source, re.IGNORECASE)
    assert later.fact("literals", source, re.IGNORECASE, refuse) == required_literals(source, re.IGNORECASE)


DAMAGE = {
    "not-marshal": lambda data: b"not a cache at all",
    "truncated": lambda data: data[: len(data) // 2],
    "one-byte-changed": lambda data: data[:-40] + bytes([data[-40] ^ 0xFF]) + data[-39:],
    "empty": lambda data: b"",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_file_is_not_read_and_is_written_anew(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "patterns.marshal"
    first = PatternCache(path)
    for source, flags in PATTERNS.values():
        first.regex(source, flags)
    first.save()
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    later = PatternCache(path)
    assert later.compiled == {}
    for source, flags in PATTERNS.values():
        same(later.regex(source, flags), re.compile(source, flags))
    later.save()
    assert len(PatternCache(path).compiled) == len(PATTERNS)


def test_an_entry_the_engine_refuses_is_compiled_the_ordinary_way(tmp_path: Path) -> None:
    cache = PatternCache(tmp_path / "patterns.marshal")
    source, flags = PATTERNS["literal"]
    key = (source, flags)
    cache.regex(source, flags)
    final_flags, _, groups, names, by_index = cache.compiled[key]
    cache.compiled[key] = (final_flags, b"\x00" * 12, groups, names, by_index)  # code the engine's check refuses
    same(cache.regex(source, flags), re.compile(source, flags))


def test_without_a_cache_folder_nothing_is_kept(tmp_path: Path) -> None:
    cache = PatternCache(None)
    for source, flags in PATTERNS.values():
        same(cache.regex(source, flags), re.compile(source, flags))
    assert cache.compiled == {}
    assert cache.fact("starts", "abc", 0, first_characters) == first_characters("abc", 0)
    assert cache.facts == {}
    cache.save()
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_costs_nothing_but_time(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    cache = PatternCache(blocker / "patterns.marshal")
    same(cache.regex(*PATTERNS["cjk"]), re.compile(*PATTERNS["cjk"]))
    cache.save()  # no error
    assert blocker.read_text() == "a file where the cache folder should be"


def test_a_python_that_compiles_otherwise_gets_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PatternCache, "_build", lambda self, source, compiled: re.compile("something else"))
    cache = PatternCache(tmp_path / "patterns.marshal")
    assert cache.internals is None
    same(cache.regex(*PATTERNS["literal"]), re.compile(*PATTERNS["literal"]))
    cache.save()
    assert list(tmp_path.iterdir()) == []


def test_the_file_is_named_for_this_python(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSRAKE_CACHE_DIR", str(tmp_path))
    path = cache_file()
    assert path is not None
    assert path.parent == tmp_path
    assert ".".join(map(str, sys.version_info[:3])) in path.name
    monkeypatch.setenv("NEWSRAKE_CACHE_DIR", "")
    assert cache_file() is None


CLEAN = """
import json, sys
from cleaners import clean_page
from cleaners.pattern_cache import pattern_cache, save_patterns
page = open(sys.argv[1], encoding="utf-8").read()
article = clean_page(page, "https://news.example.org/2026/harbour.html")
cache = pattern_cache()
print(json.dumps({"text": article.text, "title": article.title, "credit": article.credit,
                  "removals": [[r.cleaner, r.text] for r in article.removals],
                  "loaded": cache.loaded, "added": cache.added}))
save_patterns()
"""

PAGE = """<html lang="en"><head><title>Harbour bridge reopens | The Example Times</title></head><body>
<article><h1>Harbour bridge reopens</h1><p>Issued on:</p>
<p>The harbour bridge reopened on Tuesday after two years of repairs, the council said in a statement.</p>
<p>Traffic was light in the morning, and the first buses crossed shortly after nine o'clock.</p>
<p>Engineers replaced the deck and the cables, which had corroded faster than expected.</p>
<p>This article was originally published on The Conversation.</p>
<p>Comments are open: share your thoughts below.</p>
<p>Reporting by Jane Doe; Editing by John Roe</p>
<p>For all the latest World News Click Here</p></article></body></html>"""


def _clean(page: Path, cache: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CLEAN, str(page)],
        env={**os.environ, "NEWSRAKE_CACHE_DIR": cache},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_cleaning_gives_the_same_article_cold_warm_and_without_a_cache(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "cache"
    cold = _clean(page, str(folder))
    warm = _clean(page, str(folder))
    plain = _clean(page, "")
    assert (cold["loaded"], warm["added"]) == (0, 0)  # the first compiled the patterns, the second built them
    assert cold["added"]
    assert warm["loaded"]
    assert {k: v for k, v in cold.items() if k not in ("added", "loaded")} == {
        k: v for k, v in warm.items() if k not in ("added", "loaded")
    }
    assert {k: v for k, v in plain.items() if k not in ("added", "loaded")} == {
        k: v for k, v in warm.items() if k not in ("added", "loaded")
    }
    assert "This article was originally published on The Conversation." not in str(warm["text"])


def test_a_module_level_cache_is_one_per_process() -> None:
    assert module.pattern_cache() is module.pattern_cache()


def test_a_crawls_cleaning_workers_keep_what_they_compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker writes the cache when no page waits for it, before it hands back the page it cleaned (workers
    are killed at the end, never ended): the next run builds from it what this one compiled. One worker, so
    that it cleans every page and compiles more than `SAVE_PATTERNS_AFTER` patterns."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSRAKE_CACHE_DIR", str(folder))
    with LoopbackServer(generated_site(8)) as server:
        run = newsrake("crawl", "--feed", f"{server.base_url}/feed.xml", "--db", "news.db",
                       "--allow-private-addresses", *FAST, "-s", "NEWSRAKE_CLEAN_WORKERS=1", cwd=tmp_path)  # fmt: skip
    assert run.returncode == 0, run.stderr
    [written] = folder.glob("patterns-*.marshal")
    assert len(PatternCache(written).compiled) >= SAVE_PATTERNS_AFTER
