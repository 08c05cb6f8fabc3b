"""Peak memory and CPU time of a process tree (Linux).

CPU time is exact: the measuring process becomes a "child subreaper", so
that every descendant of the command - the cleaning workers' fork server
included, which outlives the command's main process by a moment - is
waited for by a process of the tree or by this one, and its user + system
time is counted in this process's ``RUSAGE_CHILDREN``. Memory is the
proportional set size (PSS), so that pages shared by forked workers are
counted once, sampled from ``/proc`` every ``interval`` seconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36


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
    main_cpu_seconds: float
    """CPU seconds of the command's own process, as last sampled (a lower bound)."""


def newsrake_command() -> str:
    """The ``newsrake`` command of the Python running this (its virtual environment), else the one on PATH."""
    beside = Path(sys.executable).with_name("newsrake")
    return str(beside) if beside.exists() else shutil.which("newsrake") or "newsrake"


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


def _cpu_seconds(pid: int) -> float | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": utime is fields[11], stime fields[12]
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _set_subreaper(on: bool) -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _reap(pids: list[int], timeout: float = 10.0) -> None:
    """Wait for those of ``pids`` that became this process's children (descendants orphaned when the command
    ended), so that their CPU time is counted; give up on any still running after ``timeout``."""
    waiting = set(pids)
    deadline = time.monotonic() + timeout
    while waiting and time.monotonic() < deadline:
        for pid in list(waiting):
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # not ours (reaped by its own parent) or already gone
                waiting.discard(pid)
                continue
            if done:
                waiting.discard(pid)
        if waiting:
            time.sleep(0.01)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(command: list[str], interval: float = 0.5, *, sample: bool = True) -> Measured:
    """Run ``command`` and measure it; the tree's memory is sampled every ``interval`` seconds (not at all
    when ``sample`` is off)."""
    subreaper = _set_subreaper(True)
    peak = 0
    seen: set[int] = set()
    last_cpu: dict[int, float] = {}
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample_tree() -> None:
        nonlocal peak
        while not done.is_set():
            pids = _tree(process.pid)
            for pid in pids:
                seen.add(pid)
                cpu = _cpu_seconds(pid)
                if cpu is not None:
                    last_cpu[pid] = cpu
            if sample:
                peak = max(peak, sum(_pss_kib(pid) for pid in pids) * 1024)
            done.wait(interval)

    sampler = threading.Thread(target=sample_tree, daemon=True)
    sampler.start()
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if subreaper:
        _reap([pid for pid in seen if pid != process.pid])
        _set_subreaper(False)
    total = _children_cpu() - cpu_before if subreaper else sum(last_cpu.values())
    return Measured(
        subprocess.CompletedProcess(command, process.returncode, out, err),
        seconds,
        peak,
        total,
        last_cpu.get(process.pid, 0.0),
    )


def fill_cache(folder: Path) -> None:
    """Point newsrake's cache at ``folder`` (for this process and its children) and fill it, untimed: the
    decompressed language model that a machine's first run writes. newsrake's own modules are compiled to
    bytecode too, which Python writes on a first run unless PYTHONDONTWRITEBYTECODE is set (as it is on
    some build machines): without it every process would compile them again, some 30 ms each."""
    os.environ["NEWSRAKE_CACHE_DIR"] = str(folder)
    top = Path(__file__).resolve().parent.parent
    code = "from cleaners.language_model import identifier; identifier()"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=top)
    packages = [str(top / name) for name in ("cleaners", "crawler", "pipelines", "benchmarks")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True, stdout=subprocess.DEVNULL)
