"""The article-extraction benchmark's metric: 4-token shingles, corpus precision/recall/F1.

As defined by the benchmark's README: tokens are runs of ``\\w+``; a text is
a multiset of overlapping 4-token shingles (1-3 tokens: one shorter
shingle); per page tp/fp/fn from the multisets; corpus precision is the mean
per-page precision over non-empty predictions, recall the mean over all
pages, F1 the harmonic mean of those two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def tokens(text: str) -> list[str]:
    """The benchmark's tokens of ``text``."""
    return _TOKEN.findall(text)


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of ``text``."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    """Precision and recall of one page's prediction."""

    precision: float | None  # None when the prediction is empty
    recall: float
    exact: bool

    @property
    def f1(self) -> float:
        """Per-page F1, an empty prediction counting as 0."""
        p = self.precision or 0.0
        return 2 * p * self.recall / (p + self.recall) if p + self.recall else 0.0


def score_page(predicted: str, truth: str) -> PageScore:
    """Score one prediction against its ground truth."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    if fp == 0 and fn == 0:
        precision: float | None = 1.0 if pred else None
        recall = 1.0
    else:
        precision = tp / (tp + fp) if pred else None
        recall = tp / (tp + fn) if tp + fn else 1.0
    return PageScore(precision, recall, tokens(predicted) == tokens(truth))


@dataclass(frozen=True)
class CorpusScore:
    """The benchmark's corpus figures, and what they hide."""

    precision: float
    recall: float
    f1: float
    accuracy: float
    empty: int
    mean_page_f1: float
    pages: int


def score_corpus(predictions: Mapping[str, str], truths: Mapping[str, str]) -> CorpusScore:
    """Score predictions ``{page id: text}`` against truths ``{page id: text}`` over every truth page."""
    pages = [score_page(predictions.get(page_id) or "", truth) for page_id, truth in truths.items()]
    precisions = [p.precision for p in pages if p.precision is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(p.recall for p in pages) / len(pages)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return CorpusScore(
        precision=precision,
        recall=recall,
        f1=f1,
        accuracy=sum(p.exact for p in pages) / len(pages),
        empty=sum(p.precision is None for p in pages),
        mean_page_f1=sum(p.f1 for p in pages) / len(pages),
        pages=len(pages),
    )


# The WCXB benchmark's metric: a bag of lower-cased word tokens per page, the headline the mean of the pages.


def word_bag(text: str) -> Counter[str]:
    """The multiset of WCXB tokens of ``text``: every run of ``\\w+`` in its lower-cased form."""
    return Counter(_TOKEN.findall(text.lower()))


@dataclass(frozen=True)
class BagScore:
    """Precision, recall and F1 of one page's prediction by token overlap."""

    precision: float
    recall: float
    f1: float


def score_bag(predicted: str, truth: str) -> BagScore:
    """Score one prediction as WCXB does: token-multiset overlap; an empty prediction scores 0, or 1 when the
    reference is empty too."""
    pred, true = word_bag(predicted), word_bag(truth)
    if not pred:
        return BagScore(1.0, 1.0, 1.0) if not true else BagScore(0.0, 0.0, 0.0)
    if not true:
        return BagScore(0.0, 1.0, 0.0)
    overlap = sum((pred & true).values())
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BagScore(precision, recall, f1)
