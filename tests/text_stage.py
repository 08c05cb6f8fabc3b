"""What the text-stage tests share: two article paragraphs a candidate line stands between, the whole text
stage run over lines, and the builders of test cases from wording tables."""

from __future__ import annotations

import pytest
from _pytest.mark import ParameterSet

from cleaners.catalog import TEXT_CLEANERS
from cleaners.registry import Removal, TextCleaner, TextContext, run_text_cleaners
from cleaners.rules import SourceRules

TITLE = "Harbour bridge closed to lorries after engineers find cracks"

# Two ordinary article paragraphs (original text, 25+ words each) that every case stands between.
PARAGRAPH_BEFORE = (
    "The regional council voted on Tuesday evening to close the old harbour bridge to heavy lorries after "
    "engineers found deep cracks in two of its stone piers during a routine inspection carried out last month."
)
PARAGRAPH_AFTER = (
    "Local business owners said the long diversion through the industrial estate would add at least half an "
    "hour to every delivery, and several of them asked the council to speed up the repair work before winter."
)


RULE_FAMILIES = tuple(cleaner for cleaner in TEXT_CLEANERS if cleaner.name != "note-model")
"""The text stage without the note model, which is learnt from the wordings table: the cleaners that read the
rule tables' wordings."""


def clean(
    lines: list[str],
    language: str | None,
    title: str | None = TITLE,
    cleaners: tuple[TextCleaner, ...] = TEXT_CLEANERS,
) -> tuple[tuple[str, ...], tuple[Removal, ...]]:
    """Run the whole text stage (or ``cleaners``) over ``lines``, with no per-source rules."""
    context = TextContext(title=title, language=language, rules=SourceRules())
    return run_text_cleaners(cleaners, lines, context)


def sandwich(line: str, paragraphs: tuple[str, str]) -> list[str]:
    """``line`` between the two article paragraphs."""
    return [paragraphs[0], line, paragraphs[1]]


def boilerplate_cases(rows: list[tuple[str, str, str, str]]) -> list[ParameterSet]:
    """Test cases of a table of boilerplate lines: ``(id, language, cleaner, line)``."""
    return [pytest.param(line, language, cleaner, id=case_id) for case_id, language, cleaner, line in rows]


def article_cases(rows: list[tuple[str, str, str]]) -> list[ParameterSet]:
    """Test cases of a table of article sentences that stay: ``(id, language, line)``."""
    return [pytest.param(line, language, id=case_id) for case_id, language, line in rows]
