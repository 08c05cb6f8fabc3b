"""Bad input stops nothing else: a bad command-line value is one usage line; a bad line of a seeds or feeds
file is skipped with one log line, counted, and every other source is crawled."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.demo.server import LoopbackServer

from conftest import FAST, generated_site, newsrake

ARTICLES = 3


@pytest.fixture(scope="module")
def site() -> Iterator[LoopbackServer]:
    with LoopbackServer(generated_site(ARTICLES), host="127.0.0.43") as server:
        yield server


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("newsrake: error: ")
    return lines[0]


UNREACHABLE = "http://127.0.0.1:9/feed.xml"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--feed", "javascript:alert(1)"], "'javascript:alert(1)': not an absolute http(s)", id="feed-js"),
        pytest.param(["--feed", "not a url"], "'not a url': not an absolute http(s) URL", id="feed-words"),
        pytest.param(["--feed", "/feeds/rss.xml"], "not an absolute http(s) URL", id="feed-relative"),
        pytest.param(["--feed", "ftp://127.0.0.1/rss"], "not an absolute http(s) URL", id="feed-ftp"),
        pytest.param(["--feed", "http://[::1/rss"], "Invalid IPv6 URL", id="feed-broken-ipv6"),
        pytest.param(["--feed", "http://127.0.0.1:99999/rss"], "Port out of range", id="feed-port-out-of-range"),
        pytest.param(["--feed", UNREACHABLE, "--since", "abc"], "bad duration 'abc': expected", id="since-word"),
        pytest.param(["--feed", UNREACHABLE, "--since", "nan"], "bad duration 'nan'", id="since-nan"),
        pytest.param(["--feed", UNREACHABLE, "--since", "1e12d"], "bad duration '1e12d'", id="since-overflow"),
        pytest.param(["--feed", UNREACHABLE, "--since", "-2d"], "bad duration '-2d'", id="since-negative"),
        pytest.param(["--feed", UNREACHABLE, "--max-runtime", "soon"], "bad duration 'soon'", id="max-runtime-word"),
        pytest.param(["--feed", UNREACHABLE, "--max-runtime", "inf"], "bad duration 'inf'", id="max-runtime-inf"),
        pytest.param(
            ["--feed", UNREACHABLE, "-s", "DOWNLOAD_DELAY=abc"],
            "DOWNLOAD_DELAY='abc': expected a number",
            id="setting-number",
        ),
        pytest.param(
            ["--feed", UNREACHABLE, "-s", "ROBOTSTXT_OBEY=maybe"], "expected true or false", id="setting-boolean"
        ),
        pytest.param(
            ["--feed", UNREACHABLE, "-s", "NEWSRAKE_CLEAN_WORKERS=many"],
            "expected a number",
            id="setting-newsrake-number",
        ),
        pytest.param(["--feed", UNREACHABLE, "--allow-address", "junk"], "'junk': expected HOST:PORT", id="address"),
        pytest.param(
            ["--feed", UNREACHABLE, "--allow-address", "127.0.0.1:http"], "expected HOST:PORT", id="address-port-word"
        ),
        pytest.param(["--feed", UNREACHABLE, "--allow-address", ":8080"], "expected HOST:PORT", id="address-no-host"),
    ],
)
def test_a_bad_command_line_value_is_one_usage_line(args: list[str], message: str, tmp_path: Path) -> None:
    run = newsrake("crawl", "--db", "news.db", *args, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    line = one_error_line(run.stderr)
    assert message in line
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "news.db").exists()


def test_a_bad_duration_names_the_expected_form(tmp_path: Path) -> None:
    run = newsrake("crawl", "--feed", UNREACHABLE, "--since", "abc", cwd=tmp_path)
    line = one_error_line(run.stderr)
    assert "--since" in line
    assert all(f" {form}" in line for form in ("2d", "12h", "45m"))
    assert "could not convert" not in line


def test_a_log_file_that_cannot_be_written_is_not_called_a_lock_error(tmp_path: Path) -> None:
    run = newsrake("crawl", "--feed", UNREACHABLE, "--log-file", "no/such/dir/crawl.log", cwd=tmp_path)
    assert run.returncode == 1
    line = one_error_line(run.stderr)
    assert line == "newsrake: error: cannot write the log file no/such/dir/crawl.log: No such file or directory"


def run_stats(db: Path) -> dict[str, object]:
    with sqlite3.connect(db) as conn:
        [(stats,)] = conn.execute("SELECT stats FROM runs")
    result: dict[str, object] = json.loads(stats)
    return result


def stored(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def crawl(site: LoopbackServer, tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    run = newsrake("crawl", "--db", "news.db", "--allow-address", site.address, "--log-file", "crawl.log", *FAST, *args,
                   cwd=tmp_path)  # fmt: skip
    assert "Traceback" not in run.stderr + (tmp_path / "crawl.log").read_text()
    problems = [
        line.split(": ", 1)[1] for line in (tmp_path / "crawl.log").read_text().splitlines() if "WARNING" in line
    ]
    return run.returncode, problems


def test_bad_lines_of_a_feeds_file_are_skipped_and_every_other_feed_is_crawled(
    site: LoopbackServer, tmp_path: Path
) -> None:
    text = f"# my feeds\nnot a url\n{site.base_url}/feed.xml\n\n  javascript:alert(1)  \n"
    (tmp_path / "feeds.txt").write_text(text, encoding="utf-8")
    code, problems = crawl(site, tmp_path, "--feeds-file", "feeds.txt")
    assert code == 0
    assert problems == [
        "feeds.txt:2: skipped 'not a url': not an absolute http(s) URL",
        "feeds.txt:5: skipped 'javascript:alert(1)': not an absolute http(s) URL",
    ]
    assert stored(tmp_path / "news.db") == ARTICLES
    assert run_stats(tmp_path / "news.db")["newsrake/sources_skipped"] == 2


def test_bad_urls_of_a_seeds_file_are_skipped_and_every_other_source_is_crawled(
    site: LoopbackServer, tmp_path: Path
) -> None:
    seeds = (
        f'[[source]]\nname = "Bad feed"\nfeeds = ["javascript:alert(1)"]\n\n'
        f'[[source]]\nname = "Good"\nfeeds = ["{site.base_url}/feed.xml", "feed.xml"]\n\n'
        f'[[source]]\nname = "Bad homepage"\nhomepage = "www.example.org"\n'
    )
    (tmp_path / "seeds.toml").write_text(seeds, encoding="utf-8")
    code, problems = crawl(site, tmp_path, "--seeds", "seeds.toml")
    assert code == 0
    assert problems == [
        "seeds.toml:3: skipped 'javascript:alert(1)': not an absolute http(s) URL",
        "seeds.toml:7: skipped 'feed.xml': not an absolute http(s) URL",
        "seeds.toml:11: skipped 'www.example.org': not an absolute http(s) URL",
    ]
    assert stored(tmp_path / "news.db") == ARTICLES
    assert run_stats(tmp_path / "news.db")["newsrake/sources_skipped"] == 3


def test_a_feeds_file_of_bad_lines_only_is_one_usage_line(tmp_path: Path) -> None:
    (tmp_path / "feeds.txt").write_text("not a url\njavascript:alert(1)\n", encoding="utf-8")
    run = newsrake("crawl", "--feeds-file", "feeds.txt", cwd=tmp_path)
    assert run.returncode == 2
    assert one_error_line(run.stderr) == (
        "newsrake: error: no usable sources: feeds.txt:1: skipped 'not a url': not an absolute http(s) URL "
        "(and 1 more) (see 'newsrake crawl --help')"
    )


SOURCE = '[[source]]\nname = "{name}"\nfeeds = ["{feed}"]\n\n'


@pytest.mark.parametrize("command", ["crawl", "reclean"])
@pytest.mark.parametrize(
    ("files", "message"),
    [
        pytest.param(
            {"seeds.toml": [("Gazette", "a"), ("Gazette", "b")]},
            "seeds.toml: source #2: the name 'Gazette' is already used by source #1; seed names must be unique",
            id="in-one-file",
        ),
        pytest.param(
            {"a.toml": [("Gazette", "a")], "b.toml": [("Gazette", "b")]},
            "b.toml: the name 'Gazette' is already used in a.toml; seed names must be unique",
            id="in-two-files",
        ),
    ],
)
def test_two_seeds_sources_of_one_name_are_one_error_line(
    command: str, files: dict[str, list[tuple[str, str]]], message: str, tmp_path: Path
) -> None:
    for name, sources in files.items():
        text = "".join(SOURCE.format(name=source, feed=f"{UNREACHABLE}?{tag}") for source, tag in sources)
        (tmp_path / name).write_text(text, encoding="utf-8")
    seeds = [arg for name in files for arg in ("--seeds", name)]
    if command == "reclean":
        assert newsrake("crawl", "--feed", UNREACHABLE, cwd=tmp_path).returncode == 1  # a database to reclean
    run = newsrake(command, *seeds, cwd=tmp_path)
    assert run.returncode == 1
    assert message in one_error_line(run.stderr)
