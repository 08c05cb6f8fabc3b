"""The language model loads from a decompressed copy in newsrake's cache, and finds the same languages as
py3langid's own loader; a missing, damaged, switched-off or unwritable cache costs time, never a result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import py3langid
import pytest
from py3langid import langid

from cleaners import language_model
from cleaners.cache_folder import cache_root
from cleaners.language import detect_language
from cleaners.language_model import cache_key, identifier

SAMPLES = {
    "english": "The council voted on Tuesday to reopen the harbour bridge after two years of repairs.",
    "french": "Le conseil municipal a voté mardi la réouverture du pont du port après deux ans de travaux.",
    "german": "Der Stadtrat hat am Dienstag beschlossen, die Hafenbrücke nach zwei Jahren Bauzeit wieder zu öffnen.",
    "spanish": "El ayuntamiento votó el martes la reapertura del puente del puerto tras dos años de obras.",
    "russian": "Городской совет во вторник проголосовал за открытие моста после двух лет ремонта.",
    "japanese": "市議会は火曜日、二年間の修理を経て港の橋を再開することを決めた。",
    "arabic": "صوت المجلس البلدي يوم الثلاثاء على إعادة فتح جسر الميناء بعد عامين من الإصلاحات.",
    "mixed-case-and-digits": "BREAKING 2026: MARKETS RALLY AS RATES FALL 0.25 POINTS ACROSS EUROPE TODAY",
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of the test's own, and no identifier loaded yet in this process."""
    root = tmp_path / "cache"
    monkeypatch.setenv("NEWSRAKE_CACHE_DIR", str(root))
    identifier.cache_clear()
    yield root
    identifier.cache_clear()


def _forbid_packaged_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the packaged model was decompressed although the cache holds it")

    monkeypatch.setattr(language_model, "_load_packaged", refuse)


@pytest.mark.parametrize("text", SAMPLES.values(), ids=SAMPLES.keys())
def test_the_cached_model_finds_what_py3langid_finds(cache: Path, text: str) -> None:
    expected = py3langid.classify(text)
    first = identifier()  # decompresses the model and writes the cache
    identifier.cache_clear()
    second = identifier()  # maps the cache
    assert first.classify(text) == expected
    assert second.classify(text) == expected


def test_the_first_load_writes_the_cache_and_later_loads_read_it(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    identifier()
    folder = cache / cache_key()
    assert sorted(path.name for path in folder.iterdir()) == [
        "classes.npy", "nextmove.npy", "output.npy", "pc.npy", "ptc.npy", "row.npy"
    ]  # fmt: skip
    assert not [path for path in cache.iterdir() if path.name.startswith(".")], "no scratch folder left behind"
    identifier.cache_clear()
    _forbid_packaged_load(monkeypatch)
    assert isinstance(identifier(), langid.LanguageIdentifier)  # the installed py3langid: the cache, no fallback
    assert detect_language(SAMPLES["german"]) == "de"


@pytest.mark.parametrize("damage", ["truncated", "emptied", "missing"])
def test_a_damaged_cache_is_rewritten_and_the_result_is_unchanged(cache: Path, damage: str) -> None:
    identifier()
    ptc = cache / cache_key() / "ptc.npy"
    if damage == "truncated":
        ptc.write_bytes(ptc.read_bytes()[:1000])
    elif damage == "emptied":
        ptc.write_bytes(b"")
    else:
        ptc.unlink()
    identifier.cache_clear()
    assert identifier().classify(SAMPLES["french"]) == py3langid.classify(SAMPLES["french"])
    assert ptc.stat().st_size > 1_000_000  # written again, whole


def test_an_empty_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSRAKE_CACHE_DIR", "")
    monkeypatch.chdir(tmp_path)
    identifier.cache_clear()
    try:
        assert cache_root() is None
        assert identifier().classify(SAMPLES["spanish"]) == py3langid.classify(SAMPLES["spanish"])
    finally:
        identifier.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(cache: Path) -> None:
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the cache folder should be")
    assert identifier().classify(SAMPLES["russian"]) == py3langid.classify(SAMPLES["russian"])
    assert cache.read_text() == "a file where the cache folder should be"


def test_an_older_models_folder_is_removed_when_the_new_one_is_written(cache: Path) -> None:
    stale = cache / "py3langid-0.0.1-1-1"
    stale.mkdir(parents=True)
    (stale / "ptc.npy").write_bytes(b"old")
    identifier()
    assert [path.name for path in cache.iterdir()] == [cache_key()]


@pytest.mark.parametrize(
    ("setting", "xdg", "expected"),
    [
        ("/srv/cache", "/xdg", "/srv/cache"),
        (None, "/xdg", "/xdg/newsrake"),
        (None, "relative/ignored", "HOME/.cache/newsrake"),
        (None, None, "HOME/.cache/newsrake"),
    ],
    ids=["newsrake-setting", "xdg-cache-home", "relative-xdg-ignored", "home"],
)
def test_where_the_cache_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, setting: str | None, xdg: str | None, expected: str
) -> None:
    for name, value in (("NEWSRAKE_CACHE_DIR", setting), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_root() == Path(expected.replace("HOME", str(tmp_path)))
