"""The bounds on reading a page's hydration data.

The input is hostile (pages from anywhere): the script text read, the strings and values visited, the JSON
nesting and the rows of a flight payload are all bounded here.
"""

from __future__ import annotations

MAX_SCRIPT_CHARS = 4_000_000
"""Script text read per page, in all; a script that does not fit in what is left is skipped."""
MAX_STRINGS = 100_000
"""Strings read on their own per page (values, and object keys long enough to be text); the walk stops there."""
MAX_VALUES = 500_000
"""Decoded values visited per page (strings, numbers and containers alike, and those read again to tell
whether a list item is a paragraph); the walk stops there."""
MAX_DEPTH = 200
"""Nesting below which a decoded value is not walked (JSON itself stops at Python's recursion limit)."""
MAX_FLIGHT_ROWS = 100_000
"""Rows (or unreadable lines) of a flight payload read."""
