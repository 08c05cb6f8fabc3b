"""One run at a time per database: an advisory lock on ``<db>.lock``, released by the kernel on exit or kill."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class LockHeldError(Exception):
    """Another process holds the lock; the message names it."""


class RunLock:
    """``with RunLock(db_path):`` — raises `LockHeldError` at once if another run holds it."""

    def __init__(self, db_path: str | os.PathLike[str]) -> None:
        self.path = Path(f"{os.fspath(db_path)}.lock")
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise LockHeldError(f"another newsrake run (pid {holder}) is using {self.path.name[:-5]}") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
