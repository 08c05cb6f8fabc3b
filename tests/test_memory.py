"""pipelines.memory: the glibc calls that keep a long crawl's footprint flat work here (Linux, glibc)."""

from __future__ import annotations

import subprocess
import sys


def run_in_fresh_process(code: str) -> str:
    """``code``'s output, run in a new interpreter: mallopt changes the whole process."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_freed_memory_can_be_handed_back() -> None:
    code = (
        "from pipelines.memory import libc_function, release_free_memory\n"
        "b = [bytes(1000) for _ in range(10**5)]; del b; release_free_memory()\n"
        "print(libc_function('malloc_trim') is not None)"  # else handing back would silently do nothing
    )
    assert run_in_fresh_process(code) == "True"


def test_threads_can_be_kept_on_one_heap() -> None:
    assert run_in_fresh_process("from pipelines.memory import one_heap; print(one_heap())") == "True"
