"""Language of an article's text, for pages that do not declare it."""

from __future__ import annotations

from cleaners.language_model import identifier

_SAMPLE = 600  # characters looked at: enough for a confident guess, cheap on long articles
_MIN_TEXT = 40


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None for text too short to tell."""
    sample = text[:_SAMPLE]
    if len(sample.strip()) < _MIN_TEXT:
        return None
    code, _score = identifier().classify(sample)
    return str(code) if code else None
