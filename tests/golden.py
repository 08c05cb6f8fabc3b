"""Golden cases for `cleaners.clean_page`: ``tests/fixtures/<case>/``.

Each case folder holds the input page (``page.html`` or ``page.html.gz``, or
``case.json`` names a page of the repository, such as one of the demo site's,
as ``page``), ``case.json`` (the page's URL and, optionally, a ``feed_entry``) and
``expected.json`` (the article fields `clean_page` must produce).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from cleaners import Article, FeedEntry, clean_page

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IGNORED_FIELDS = frozenset({"cleaner_version", "feed_entry"})
"""Fields left out of expected.json: the version changes with every cleaner edit."""


def cases() -> list[str]:
    """Names of the golden cases, sorted."""
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "case.json").exists())


def clean_case(name: str) -> Article:
    """Run `clean_page` on a case's page."""
    folder = FIXTURES / name
    spec = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    gz = folder / "page.html.gz"
    if spec.get("page"):
        raw = (FIXTURES.parent.parent / spec["page"]).read_bytes()
    elif gz.exists():
        raw = gzip.decompress(gz.read_bytes())
    else:
        raw = (folder / "page.html").read_bytes()
    entry = FeedEntry(**spec["feed_entry"]) if spec.get("feed_entry") else None
    return clean_page(raw, spec["url"], feed_entry=entry)


def actual_fields(name: str) -> dict[str, Any]:
    """The comparable fields of a case's cleaned article."""
    return {k: v for k, v in clean_case(name).to_dict().items() if k not in IGNORED_FIELDS}


def expected_fields(name: str) -> dict[str, Any]:
    """A case's expected.json."""
    data: dict[str, Any] = json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))
    return data
