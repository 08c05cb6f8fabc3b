"""How values are written to the store: JSON text, and the key of a canonical URL."""

from __future__ import annotations

import json
from typing import Any

from pipelines.url_identity import url_key


def json_text(value: Any) -> str:
    """``value`` as stored JSON text (keys sorted, non-ASCII kept)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def canonical_key(canonical_url: str | None) -> str | None:
    """The key of a page's canonical URL, or None when it has none or names a site's home page (a site that
    gives every page its home page as canonical URL would make every article a duplicate of the first)."""
    key = url_key(canonical_url) if canonical_url else None
    if key is None:
        return None
    path_and_query = key.split("/", 3)[3] if key.count("/") >= 3 else ""
    return key if path_and_query else None
