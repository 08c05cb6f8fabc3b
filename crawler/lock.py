"""One run at a time per database: an advisory lock on ``<db>.lock``, released by the kernel on exit or kill.

The lock file is named from the database's resolved path, so that a symlink to the database, or a path
through a symlinked folder, takes the same lock.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path
from types import TracebackType


class LockHeldError(Exception):
    """Another process holds the lock; the message names it."""


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    """The lock file of a database: ``<resolved path>.lock``."""
    resolved = Path(db_path).resolve()
    return resolved.with_name(f"{resolved.name}.lock")


class RunLock:
    """``with RunLock(db_path):`` — raises `LockHeldError` at once if another run holds it (an `OSError` if the
    lock file cannot be opened)."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.name = Path(db_path).name
        """The database as the user named it, for messages."""
        self.path = lock_path(db_path)
        self._fd: int | None = None

    def acquire(self) -> RunLock:
        """Take the lock, or raise `LockHeldError` at once."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise LockHeldError(f"another newsrake run (pid {holder}) is using {self.name}") from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Let the lock go (the kernel does it too when the process ends)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


class LockOpenError(Exception):
    """The lock file cannot be opened or written; the message says which and why."""


def take_lock(db_path: str | os.PathLike[str]) -> RunLock:
    """The database's run lock, taken: `LockHeldError` at once if another run holds it, `LockOpenError` if the
    lock file cannot be opened. Only taking the lock raises these: what is done under it raises its own."""
    lock = RunLock(db_path)
    try:
        return lock.acquire()
    except OSError as error:
        raise LockOpenError(f"cannot lock {db_path}: {error.strerror or error}") from None


def unless_locked(db_path: str | os.PathLike[str], work: Callable[[], object]) -> bool:
    """Run ``work`` under the run lock and return True; if another run holds the lock, do nothing and return
    False (that run has the database in hand)."""
    try:
        lock = take_lock(db_path)
    except LockHeldError:
        return False
    try:
        work()
    finally:
        lock.release()
    return True
