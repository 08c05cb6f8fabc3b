"""The docs say what the runs table and the cleaning entry point do today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines.schema_docs import TABLES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLEANING = (ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")

OUTCOMES = ["ok", "partial", "failed", "stopped", "interrupted", "running"]
"""Every value newsrake writes to `runs.outcome`."""


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_readme_names_every_run_outcome(outcome: str) -> None:
    runs = README.split("- `runs`:", 1)[1].split("\n- ", 1)[0]
    assert f"`{outcome}`" in runs


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_the_datasette_description_names_every_run_outcome(outcome: str) -> None:
    assert re.search(rf"\b{outcome}\b", TABLES["runs"].columns["outcome"])


def test_cleaning_doc_opening_is_current() -> None:
    opening = CLEANING.split("\n\n", 2)[1]
    assert "later" not in opening  # reclean exists
    assert "pure" not in opening  # it reads dates against a reference time: deterministic given it
    assert "deterministic" in opening
