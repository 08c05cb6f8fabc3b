"""Tests for crawler.progress: rate and ETA on a terminal, nothing at all anywhere else."""

from __future__ import annotations

import io

import pytest

from crawler.progress import ProgressBar


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "enabled"),
    [
        pytest.param(io.StringIO(), None, id="not-a-terminal"),
        pytest.param(Terminal(), False, id="quiet-on-a-terminal"),
    ],
)
def test_silent(stream: io.StringIO, enabled: bool | None) -> None:
    bar = ProgressBar("recleaning", stream=stream, enabled=enabled)
    for done in range(4):
        bar(done, 3)
    bar.close()
    assert stream.getvalue() == ""


def test_terminal_shows_count_rate_and_eta_on_one_line() -> None:
    stream = Terminal()
    bar = ProgressBar("recleaning", stream=stream)
    bar(3, 10)
    bar(10, 10)  # the last step is always drawn
    bar.close()
    drawn = stream.getvalue()
    assert drawn.endswith("\n")
    assert drawn.count("\n") == 1  # redrawn in place, one line
    first, last = drawn.rstrip("\n").split("\r")[1:]
    assert first.startswith("recleaning [#########---------------------] 3/10 ")
    assert last.startswith("recleaning [##############################] 10/10 ")
    for line in (first, last):
        assert "/s ETA " in line
    assert last.rstrip().endswith("ETA 0:00")
