"""The rule tables' regular expressions, kept compiled between runs.

Each cleaning process compiles the patterns the lines of its pages need, the first time they need them: a
few hundred for a short cron run, some 10% of its cleaning time, and each worker of each run compiles them
again. Python's own compiler (a parser and a code generator written in Python) is what costs; the compiled
form is a list of integers, which CPython's regular-expression engine takes as it is. So a process that
compiled new patterns writes their compiled form to ``<cache>/patterns-<python>.marshal``
(`PatternCache.save`; a cleaning worker does when no page waits for it), and a later process builds those
from it in microseconds. The first characters and the literals the prefilter reads off each pattern
(`cleaners.prefilter`) are kept there too.

The cache only ever saves time: a pattern built from it is the one `re.compile` builds (the file carries a
digest of itself, and a damaged one is not read); when the cache can't be read or written, or this Python
compiles in a way this module does not know (checked once, at load, against `re.compile` itself), every
pattern is compiled the ordinary way. The cache folder is `cleaners.cache_folder.cache_root`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from cleaners.cache_folder import cache_root

T = TypeVar("T")
Compiled = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
"""A pattern as CPython's engine takes it: its flags, code (``array("I")`` bytes), groups, group names both
ways."""

MAX_ENTRIES = 40_000
"""A cache file holding more is written anew with only what this process used (old rules' patterns go)."""
_DIGEST = 32
"""The file begins with a digest of the rest: a damaged file is never read (a damaged pattern's code could
crash the engine, whose check of the code is not complete)."""
_PROBES = (r"(?P<name>\w+)\s+(?:of|the)?[^\W\d_]{2,}(?<!x)\Z", r"a(?=b)|[à-ÿ]+|(?i:Zz)$", r"(\d)\1?")


def _internals() -> tuple[Any, Any, Any] | None:
    """The parser, the code generator's module and the engine, or None on a Python without them."""
    try:
        parser = importlib.import_module("re._parser")  # private, hence the checks below
        compiler = importlib.import_module("re._compiler")
        engine = importlib.import_module("_sre")
    except ImportError:
        return None
    if not callable(getattr(compiler, "_code", None)) or not callable(getattr(engine, "compile", None)):
        return None
    return parser, compiler, engine


class PatternCache:
    """Compiled patterns (and facts read off them) by source and flags, loaded from ``path`` and written back
    with what this process added (`save`). ``path`` None: nothing is kept, everything is computed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.internals = _internals()
        self.compiled: dict[tuple[str, int], Compiled] = {}
        self.facts: dict[tuple[str, str, int], Any] = {}
        self.added = 0
        self.used: set[tuple[str, int]] = set()
        if self.internals is not None and not self._agrees():
            self.internals = None
        if path is not None and self.internals is not None:
            self._load(path)
        self.loaded = len(self.compiled)
        """How many compiled patterns the file held when this process read it."""

    def _load(self, path: Path) -> None:
        self.compiled, self.facts = _read(path)

    def _agrees(self) -> bool:
        """Whether patterns built here are those `re.compile` builds, on a few probes (else: no cache)."""
        try:
            for source in _PROBES:
                ours, theirs = self._build(source, self._compile(source, re.IGNORECASE)), re.compile(source, re.I)
                same = (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
                    theirs.pattern,
                    theirs.flags,
                    theirs.groups,
                    theirs.groupindex,
                )
                if not same or ours.findall("The Name of ÀÉ zz ab 11") != theirs.findall("The Name of ÀÉ zz ab 11"):
                    return False
        except Exception:  # noqa: BLE001 - any way this Python differs means: no cache
            return False
        return True

    def _compile(self, source: str, flags: int) -> Compiled:
        """What `re._compiler.compile` hands the engine for ``source``."""
        assert self.internals is not None
        parser, compiler, _ = self.internals
        parsed = parser.parse(source, flags)
        code = array("I", [int(op) for op in compiler._code(parsed, flags)])
        names = dict(parsed.state.groupdict)
        by_index: list[str | None] = [None] * parsed.state.groups
        for name, index in names.items():
            by_index[index] = name
        return int(flags | parsed.state.flags), code.tobytes(), parsed.state.groups - 1, names, tuple(by_index)

    def _build(self, source: str, compiled: Compiled) -> re.Pattern[str]:
        assert self.internals is not None
        flags, code, groups, names, by_index = compiled
        pattern: re.Pattern[str] = self.internals[2].compile(
            source, flags, array("I", code).tolist(), groups, names, by_index
        )
        return pattern

    def regex(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(source, flags)``, from the cache when it holds it."""
        if self.internals is None or self.path is None:
            return re.compile(source, flags)
        key = (source, int(flags))
        self.used.add(key)
        found = self.compiled.get(key)
        if found is not None:
            try:
                return self._build(source, found)
            except (RuntimeError, TypeError, ValueError):  # damaged entry: the engine's check refused it
                del self.compiled[key]
        try:
            compiled = self._compile(source, int(flags))
            pattern = self._build(source, compiled)
        except Exception:  # noqa: BLE001 - whatever this path can't do, re.compile does (or raises re.error)
            return re.compile(source, flags)
        self.compiled[key] = compiled
        self.added += 1
        return pattern

    def fact(self, kind: str, source: str, flags: int, compute: Callable[[str, int], T]) -> T:
        """``compute(source, flags)`` (marshal-able: strings, tuples, frozensets, None), from the cache when it
        holds it under ``kind``."""
        key = (kind, source, int(flags))
        if key in self.facts:
            found: T = self.facts[key]
            return found
        value = compute(source, flags)
        if self.path is not None and self.internals is not None:
            self.facts[key] = value
            self.added += 1
        return value

    def save(self) -> None:
        """Write the cache back if this process added to it: what the file holds now (another process may have
        written it meanwhile), and this process's additions, all at once (a file renamed into place)."""
        if self.path is None or self.internals is None or not self.added:
            return
        compiled, facts = _read(self.path)
        if len(compiled) > MAX_ENTRIES:
            compiled, facts = {}, {}
        compiled.update(self.compiled if len(self.compiled) <= MAX_ENTRIES else self._used())
        facts.update(self.facts)
        with contextlib.suppress(OSError):  # a read-only or full disk: no cache, nothing else lost
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, scratch = tempfile.mkstemp(prefix=".patterns-", dir=self.path.parent)
            try:
                payload = marshal.dumps((compiled, facts))
                with os.fdopen(handle, "wb") as out:
                    out.write(hashlib.blake2b(payload, digest_size=_DIGEST).digest() + payload)
                Path(scratch).replace(self.path)
            except OSError:
                Path(scratch).unlink(missing_ok=True)
                raise
        self.added = 0

    def _used(self) -> dict[tuple[str, int], Compiled]:
        return {key: value for key, value in self.compiled.items() if key in self.used}


def _plain(value: Any) -> bool:
    """Whether a fact read from the file is of the kinds facts are: None, a string, or strings in a tuple or a
    frozenset."""
    if value is None or isinstance(value, str):
        return True
    return isinstance(value, tuple | frozenset) and all(isinstance(item, str) for item in value)


def _read(path: Path) -> tuple[dict[tuple[str, int], Compiled], dict[tuple[str, str, int], Any]]:
    """The compiled patterns and facts a cache file holds; none when it is missing or damaged (it is then
    written anew). A compiled entry is checked when it is used (the engine checks its code)."""
    try:
        data = path.read_bytes()
        if len(data) <= _DIGEST or hashlib.blake2b(data[_DIGEST:], digest_size=_DIGEST).digest() != data[:_DIGEST]:
            return {}, {}  # damaged: the engine does not check everything in a pattern's code
        # Our own file of plain data (marshal runs no code from it), in the user's own cache folder.
        compiled, facts = marshal.loads(data[_DIGEST:])  # noqa: S302
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if not isinstance(compiled, dict) or not isinstance(facts, dict) or not all(map(_plain, facts.values())):
        return {}, {}
    return compiled, facts


def cache_file() -> Path | None:
    """Where this Python's compiled patterns are kept (the engine's code changes between versions), or None."""
    root = cache_root()
    engine = sys.modules.get("_sre")
    magic = getattr(engine, "MAGIC", 0)
    code_size = getattr(engine, "CODESIZE", 0)
    version = ".".join(str(part) for part in sys.version_info[:3])
    name = f"patterns-{sys.implementation.name}-{version}-{magic}-{code_size}.marshal"
    return root / name if root is not None else None


@functools.cache
def pattern_cache() -> PatternCache:
    """This process's pattern cache, loaded on first use."""
    return PatternCache(cache_file())


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, through this process's pattern cache."""
    return pattern_cache().regex(source, flags)


def save_patterns(at_least: int = 1) -> None:
    """Write what this process compiled to the cache, for the next process, if it compiled ``at_least`` new
    patterns since it last wrote (a worker that writes only when it has some to write spends no more than a
    few writes on a run)."""
    if pattern_cache.cache_info().currsize and pattern_cache().added >= at_least:
        pattern_cache().save()
