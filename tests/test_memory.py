"""pipelines.process_memory: the glibc calls that keep a long crawl's footprint flat work here (Linux, glibc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

MB = 1 << 20
FREED = 100 * MB


def run_in_fresh_process(code: str) -> str:
    """``code``'s output, run in a new interpreter: mallopt changes the whole process."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


HAND_BACK = f"""
import os
from pipelines.process_memory import release_free_memory

def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

size = 1000  # above pymalloc's 512 bytes: from the C heap; a variable, so that no constant is folded
start = resident()
blocks = [b"x" * size for _ in range({FREED} // size)]
top = b"y" * size  # the heap's top stays in use: what free() would hand back itself is only what is above it
del blocks
held = resident()
release = {{release}}
release()
print(start, held, resident())
"""


@pytest.mark.parametrize(
    ("release", "handed_back"),
    [pytest.param("release_free_memory", True, id="released"), pytest.param("lambda: None", False, id="kept")],
)
def test_freed_memory_is_handed_back_to_the_system(release: str, handed_back: bool) -> None:
    start, held, after = map(int, run_in_fresh_process(HAND_BACK.format(release=release)).split())
    assert held - start > 0.8 * FREED  # freed by Python, still resident: glibc keeps it for reuse
    assert (after - start < 0.2 * FREED) == handed_back, (start // MB, held // MB, after // MB)


def test_threads_can_be_kept_on_one_heap() -> None:
    assert run_in_fresh_process("from pipelines.process_memory import one_heap; print(one_heap())") == "True"
