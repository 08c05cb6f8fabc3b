"""The README stays true: its quick start, its command reference, its settings table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crawler import settings
from crawler.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_blocks() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.DOTALL)]


def test_quick_start_has_two_bash_commands() -> None:
    blocks = quick_start_blocks()
    assert len(blocks) == 2
    assert all(len(block.splitlines()) == 1 for block in blocks)
    assert "newsrake demo" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and line[0] not in "#"]
    assert quick_start_blocks()[1] in ci_lines


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command: str) -> None:
    assert f"### `newsrake {command}`" in README


@pytest.mark.parametrize("name", re.findall(r"^\| `([A-Z_]+)` \|", README, re.MULTILINE))
def test_settings_table_names_real_settings(name: str) -> None:
    assert hasattr(settings, name)
