"""A real Redis for the cluster tests: Debian's ``redis-server`` on a free loopback port, in a folder of its own,
with no persistence, so that `restart_empty` is a Redis that lost everything.

``.ci/run`` installs the package; where it is missing the tests that use the fixture fail, saying so (they do
not skip: a cluster test that silently never ran would prove nothing).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest

REDIS_SERVER = "/usr/bin/redis-server"
STARTUP_TIMEOUT = 30.0


def redis_server_binary() -> str:
    """The ``redis-server`` to run: Debian's, else one on PATH; a failure naming the package if there is none."""
    found = REDIS_SERVER if Path(REDIS_SERVER).exists() else shutil.which("redis-server")
    if found is None:
        pytest.fail("redis-server is not installed: the cluster tests need it (apt-get install redis-server)")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ping(port: int, timeout: float = 1.0) -> bool:
    """Whether a Redis on 127.0.0.1:``port`` answers PING (in the inline protocol, with no client library)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    """``redis-server`` on 127.0.0.1 at ``port`` (a free one by default), its files in ``folder``; a context
    manager. `url` is the address ``newsrake crawl --cluster`` takes."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = folder
        self.port = port if port is not None else _free_port()
        self.binary = redis_server_binary()
        self._process: subprocess.Popen[bytes] | None = None
        self._starts = 0

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> RedisServer:
        """Start it and wait until it answers PING; a test failure with its log if it does not."""
        self._starts += 1
        log = self.folder / f"redis-{self._starts}.log"
        command = [
            self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(self.folder), "--logfile", str(log), "--daemonize", "no", "--protected-mode", "yes",
        ]  # fmt: skip
        self._process = subprocess.Popen(command, cwd=self.folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not ping(self.port):
            if self._process.poll() is not None:
                error = self._process.stderr.read().decode(errors="replace") if self._process.stderr else ""
                logged = log.read_text(errors="replace") if log.exists() else ""
                pytest.fail(f"redis-server exited {self._process.returncode} on port {self.port}:\n{error}{logged}")
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"redis-server did not answer PING on port {self.port} within {STARTUP_TIMEOUT:.0f} s")
            time.sleep(0.05)
        return self

    def _end(self, stop: bool) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        if stop:
            process.terminate()
        else:
            process.kill()
        process.wait(timeout=30)
        if process.stderr is not None:
            process.stderr.close()

    def stop(self) -> None:
        """Stop it (SIGTERM: with no persistence configured it saves nothing)."""
        self._end(stop=True)

    def kill(self) -> None:
        """Kill it (SIGKILL), as a crashed server."""
        self._end(stop=False)

    def restart_empty(self) -> None:
        """Kill it and start a new, empty one on the same port (what its clients see of a Redis that crashed
        and lost its data)."""
        self.kill()
        self.start()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.kill()


@pytest.fixture
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A fresh, empty Redis for one test."""
    with RedisServer(tmp_path_factory.mktemp("redis")) as server:
        yield server
