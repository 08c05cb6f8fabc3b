"""Peak memory and CPU time of a process tree, sampled from /proc (Linux).

Memory is the proportional set size (PSS), so that pages shared by forked
workers are counted once. CPU time is each process's user + system time as
last seen (``/proc/<pid>/stat``), summed over every process the tree ever
had; a process is sampled until it ends, so at most one interval of its
CPU time can be missed.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Measured:
    """A finished command and what it cost."""

    process: subprocess.CompletedProcess[str]
    seconds: float
    """Wall-clock time, start-up included."""
    peak_pss: int
    """Peak PSS of the whole tree in bytes (0 when memory was not sampled)."""
    cpu_seconds: float
    """User + system CPU time of every process of the tree."""
    cpu_by_process: dict[str, float]
    """CPU seconds of each process, by ``"<pid> <command line>"``."""


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


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "?"


def _cpu_ticks(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": state is fields[0], utime fields[11]
    return int(fields[11]) + int(fields[12])


def run_measured(command: list[str], interval: float = 0.05, *, sample: bool = True, memory_every: int = 4) -> Measured:
    """Run ``command`` and measure it. CPU time is sampled every ``interval`` seconds; memory (PSS, which
    costs more to read) every ``memory_every`` intervals, and not at all when ``sample`` is off."""
    peak = 0
    cpu: dict[int, int] = {}
    commands: dict[int, str] = {}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample_tree() -> None:
        nonlocal peak
        rounds = 0
        while not done.is_set():
            pids = _tree(process.pid)
            for pid in pids:
                ticks = _cpu_ticks(pid)
                if ticks is not None:
                    cpu[pid] = max(cpu.get(pid, 0), ticks)
                    if pid not in commands:
                        commands[pid] = _command(pid)
            if sample and rounds % memory_every == 0:
                peak = max(peak, sum(_pss_kib(pid) for pid in pids) * 1024)
            rounds += 1
            time.sleep(interval)

    sampler = threading.Thread(target=sample_tree, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return Measured(
        subprocess.CompletedProcess(command, process.returncode, out, err),
        seconds,
        peak,
        sum(cpu.values()) / _TICKS,
        {f"{pid} {commands.get(pid, '?')}": ticks / _TICKS for pid, ticks in cpu.items()},
    )
