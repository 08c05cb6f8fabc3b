"""What the commands share: exit codes, the one-line error, the ``--db`` option, default seeds, the run lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from pipelines import defaults

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 75  # EX_TEMPFAIL: another run holds the database; try again at the next tick
EXIT_INTERRUPTED = 130


class NewsrakeError(click.ClickException):
    """An error the user can act on: printed as one line, exit code 1."""

    exit_code = EXIT_FAILED


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=defaults.DB,
    show_default=True,
    help="The SQLite file to write.",
)


def default_seeds() -> list[Path]:
    """``seeds/*.toml`` in the working folder, sorted (none if there is no such folder)."""
    folder = Path("seeds")
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def check_db(db: Path) -> None:
    """Open (create, migrate) the database, or fail with one line."""
    from pipelines.store import Store, StoreError

    try:
        Store.open(db).close()
    except StoreError as error:
        raise NewsrakeError(str(error)) from None


def with_lock(db: Path, work: Callable[[], int]) -> int:
    """Run ``work`` holding the database's run lock; exit code 75 at once if another run holds it. Only
    taking the lock is reported as a lock error: what ``work`` raises is its own."""
    from crawler.lock import LockHeldError, LockOpenError, take_lock

    try:
        lock = take_lock(db)
    except LockHeldError as error:
        click.echo(f"newsrake: {error}; not starting (exit {EXIT_LOCKED})", err=True)
        return EXIT_LOCKED
    except LockOpenError as error:
        raise NewsrakeError(str(error)) from None
    try:
        return work()
    finally:
        lock.release()
