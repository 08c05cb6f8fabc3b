"""Rewrite the golden files on purpose: ``python tests/regenerate_golden.py [CASE ...]``.

Run it after a deliberate change to the cleaners, then read the diff of
``tests/fixtures/*/expected.json`` before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden import FIXTURES, actual_fields, cases


def main(names: list[str]) -> int:
    unknown = sorted(set(names) - set(cases()))
    if unknown:
        print(f"unknown case(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for name in names or cases():
        path = FIXTURES / name / "expected.json"
        path.write_text(json.dumps(actual_fields(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
