"""What every part of `Store` shares: its connection, and the error it raises for the user."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from pipelines.store.columns import ARTICLE_COLUMNS, ArticleColumns

if TYPE_CHECKING:  # the storage driver is loaded when a store is opened
    import sqlite_utils

BUSY_TIMEOUT_MS = 5000


class StoreError(Exception):
    """The database cannot be opened, read or written; the message is for the user."""


class StoreBase:
    """A newsrake SQLite file's connection: the parts of `Store` (its writes and reads) build on it."""

    columns: ClassVar[ArticleColumns] = ARTICLE_COLUMNS
    """The columns of ``articles`` and how they are written (a subclass may add one: see `tests/test_columns.py`)."""

    def __init__(self, db: sqlite_utils.Database, path: str) -> None:
        self.db = db
        self.path = path
