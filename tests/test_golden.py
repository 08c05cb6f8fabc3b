"""`clean_page` against the golden files: one test per case and field."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from golden import actual_fields, cases, expected_fields

FIELDS = sorted(expected_fields(cases()[0]))


@functools.cache
def _actual(name: str) -> dict[str, Any]:
    return actual_fields(name)


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", cases())
def test_golden(case: str, field: str) -> None:
    assert _actual(case)[field] == expected_fields(case)[field]


@pytest.mark.parametrize("case", cases())
def test_golden_file_has_every_field(case: str) -> None:
    assert sorted(expected_fields(case)) == sorted(_actual(case))
