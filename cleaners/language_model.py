"""The language-identification model, kept decompressed in a cache folder so that loading it is cheap.

py3langid ships its model LZMA-compressed (4.6 MB), and decompressing it takes some 0.4 s of CPU in every
process that loads it: each crawl's cleaning fork server, each reclean. The first load therefore writes
the model's arrays, decompressed (68 MB), as plain ``.npy`` files under ``<cache>/py3langid-<key>/``;
later loads map them from there in a few hundredths of a second, and the pages of the largest array stay
shared with the file. The cache only ever saves time: when it can't be read or written, the model loads
the ordinary way and the language found is the same.

The cache folder is ``$NEWSRAKE_CACHE_DIR`` if that is set (set it empty to use no cache), else
``$XDG_CACHE_HOME/newsrake``, else ``~/.cache/newsrake``.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import tempfile
from array import array
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import py3langid
from py3langid import langid

from cleaners.cache_folder import cache_root

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "row", "output")


class Identifier(Protocol):
    """What language detection needs of py3langid's ``LanguageIdentifier``."""

    def classify(self, text: str) -> tuple[str, float]:
        """The most likely language of ``text`` and its score."""


def _model_file() -> Path:
    return Path(langid.MODEL_DIR, langid.MODEL_FILE)


def cache_key() -> str:
    """The name of the cache folder of the installed model: py3langid's version and the model file's size and
    time, so that an upgrade or a reinstall gets a folder of its own."""
    stat = _model_file().stat()
    return f"py3langid-{metadata.version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}"


def _identifier(ptc: Any, pc: Any, classes: list[str], nextmove: Any, row: Any, output: list[int]) -> Identifier:
    model: Identifier = langid.LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, tk_row=row
    )
    return model


def _as_array(values: np.ndarray[Any, Any]) -> array[int]:
    """A 1-D integer numpy array as the stdlib array py3langid's tokenizer indexes."""
    out = array(values.dtype.char)
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


def _read(folder: Path) -> Identifier:
    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    return _identifier(
        arrays["ptc"].view(np.ndarray),  # stays a view of the mapped file, shared by every process that maps it
        np.array(arrays["pc"]),
        arrays["classes"].tolist(),
        _as_array(arrays["nextmove"]),
        _as_array(arrays["row"]),
        arrays["output"].tolist(),
    )


def _write(root: Path, key: str, model: tuple[Any, ...]) -> None:
    """Write the model's arrays to ``root/key`` all at once (a folder renamed into place), so that a reader
    never sees half a model; another run that wrote it first wins. Older models' folders are removed."""
    ptc, pc, classes, nextmove, row, output = model
    root.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=root))
    try:
        values = {
            "ptc": np.asarray(ptc),
            "pc": np.asarray(pc),
            "classes": np.array(classes),
            "nextmove": np.asarray(nextmove),
            "row": np.asarray(row),
            "output": np.asarray(output, dtype=np.int64),
        }
        for name, value in values.items():
            np.save(scratch / f"{name}.npy", value, allow_pickle=False)
        scratch.rename(root / key)
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    for old in root.glob("py3langid-*"):
        if old.name != key:
            shutil.rmtree(old, ignore_errors=True)


class _Packaged:
    """py3langid's own module-level identifier, loaded its own way: without a cache, or for a py3langid whose
    model layout this module does not know."""

    def classify(self, text: str) -> tuple[str, float]:
        """The most likely language of ``text`` and its score."""
        code, score = py3langid.classify(text)
        return str(code), float(score)


@functools.cache
def identifier() -> Identifier:
    """The language identifier, loaded once per process: from the cache when it is there, else from
    py3langid's own model file (writing the cache for next time)."""
    try:
        return _cached_identifier()
    except (ImportError, AttributeError, TypeError, ValueError):  # another py3langid: its own loader
        return _Packaged()


def _cached_identifier() -> Identifier:
    root = cache_root()
    if root is None:
        return _Packaged()
    key = cache_key()
    folder = root / key
    if folder.is_dir():
        try:
            return _read(folder)
        except (OSError, ValueError, EOFError):  # damaged: load the ordinary way, and write it again
            shutil.rmtree(folder, ignore_errors=True)
    model = _load_packaged()
    with contextlib.suppress(OSError):  # a read-only or full disk: no cache, nothing else lost
        _write(root, key, model)
    return _identifier(*model)


def _load_packaged() -> tuple[Any, ...]:
    """The model as py3langid loads it: (ptc, pc, classes, nextmove, row, output)."""
    from py3langid.modelio import load_model

    return tuple(load_model(_model_file()))
