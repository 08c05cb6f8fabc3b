"""The `newsrake` command line: help on every command, one-line errors, `extract` output."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import PAGES, newsrake, page_name

COMMANDS = ["crawl", "reclean", "serve", "extract", "demo"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str, tmp_path: Path) -> None:
    run = newsrake(command, "--help", cwd=tmp_path)
    assert run.returncode == 0
    assert f"Usage: newsrake {command}" in run.stdout
    assert "Example:" in run.stdout


def test_top_level_help_lists_every_command(tmp_path: Path) -> None:
    run = newsrake("--help", cwd=tmp_path)
    assert run.returncode == 0
    assert all(f"  {command} " in run.stdout for command in COMMANDS)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(["crawl", "--bogus"], 2, "No such option '--bogus'", id="bad-flag"),
        pytest.param(["frobnicate"], 2, "No such command 'frobnicate'", id="bad-command"),
        pytest.param(
            ["crawl", "--seeds", "missing.toml"], 1, "seeds file not found: missing.toml", id="missing-seeds-file"
        ),
        pytest.param(
            ["crawl", "--feeds-file", "nope.txt"], 1, "feeds file not found: nope.txt", id="missing-feeds-file"
        ),
        pytest.param(["crawl", "--seeds", "bad.toml"], 1, "is not valid TOML", id="bad-seeds-file"),
        pytest.param(["crawl"], 2, "no sources", id="no-sources"),
        pytest.param(
            ["crawl", "--feed", "http://127.0.0.1:9/f", "-s", "NOPE"], 2, "bad setting 'NOPE'", id="bad-setting"
        ),
        pytest.param(
            ["crawl", "--feed", "http://127.0.0.1:9/f", "--db", "no/such/dir/news.db"],
            1,
            "directory no/such/dir does not exist",
            id="db-in-missing-directory",
        ),
        pytest.param(
            ["crawl", "--feed", "http://127.0.0.1:9/f", "--db", "garbage.db"],
            1,
            "file is not a database",
            id="db-not-a-database",
        ),
        pytest.param(
            ["crawl", "--feed", "http://127.0.0.1:9/f", "--db", "adir"], 2, "is a directory", id="db-is-a-directory"
        ),
        pytest.param(["extract"], 2, "Missing argument 'FILES...'", id="extract-without-files"),
    ],
)
def test_errors_are_one_line_with_an_exit_code(args: list[str], code: int, message: str, tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text("[[source]\nname=")
    (tmp_path / "garbage.db").write_bytes(b"this is not sqlite" * 100)
    (tmp_path / "adir").mkdir()
    run = newsrake(*args, cwd=tmp_path)
    assert run.returncode == code
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("newsrake: error: ")
    assert message in lines[0]


def test_errors_leave_a_bad_database_untouched(tmp_path: Path) -> None:
    garbage = b"this is not sqlite" * 100
    (tmp_path / "garbage.db").write_bytes(garbage)
    newsrake("crawl", "--feed", "http://127.0.0.1:9/f", "--db", "garbage.db", cwd=tmp_path)
    assert (tmp_path / "garbage.db").read_bytes() == garbage


@pytest.fixture
def saved_pages(tmp_path: Path) -> list[Path]:
    """The fixture pages saved twice: as .html.gz and as plain .html."""
    files = []
    for path in PAGES[:3]:
        gz = tmp_path / path.name
        gz.write_bytes(path.read_bytes())
        plain = tmp_path / f"{page_name(path)}.html"
        plain.write_bytes(gzip.decompress(path.read_bytes()))
        files += [gz, plain]
    return files


def test_extract_prints_one_json_object_per_file(saved_pages: list[Path], tmp_path: Path) -> None:
    run = newsrake("extract", *map(str, saved_pages), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(p) for p in saved_pages]


@pytest.mark.parametrize("field", ["path", "url", "title", "text", "published", "authors"])
def test_extract_output_has(field: str, saved_pages: list[Path], tmp_path: Path) -> None:
    run = newsrake("extract", str(saved_pages[0]), cwd=tmp_path)
    record = json.loads(run.stdout)
    assert field in record
    assert record[field] not in (None, "", [])


def test_extract_same_page_same_result_gz_or_not(saved_pages: list[Path], tmp_path: Path) -> None:
    run = newsrake("extract", *map(str, saved_pages[:2]), cwd=tmp_path)
    first, second = (json.loads(line) for line in run.stdout.splitlines())
    assert {k: v for k, v in first.items() if k != "path"} == {k: v for k, v in second.items() if k != "path"}


def test_extract_unreadable_file_gives_error_object_and_exit_1(saved_pages: list[Path], tmp_path: Path) -> None:
    run = newsrake("extract", "missing.html", str(saved_pages[0]), cwd=tmp_path)
    assert run.returncode == 1
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [sorted(r) == ["error", "path"] for r in records] == [True, False]
    assert run.stderr.strip().startswith("newsrake: cannot read missing.html")
    assert "Traceback" not in run.stderr
