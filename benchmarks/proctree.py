"""Peak memory of a process tree, sampled from /proc (Linux): proportional set size, so that pages
shared by forked workers are counted once."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue.extend(_children(current))
    return pids


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def run_measured(
    command: list[str], interval: float = 0.2, *, sample: bool = True
) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run ``command``; return the finished process, wall seconds and the tree's peak PSS in bytes
    (0 when ``sample`` is off: a timing run that the sampling must not slow down)."""
    peak = 0
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample_tree() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_pss_kib(pid) for pid in _tree(process.pid)) * 1024)
            time.sleep(interval)

    sampler = threading.Thread(target=sample_tree, daemon=True)
    if sample:
        sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    if sample:
        sampler.join()
    return subprocess.CompletedProcess(command, process.returncode, out, err), seconds, peak
