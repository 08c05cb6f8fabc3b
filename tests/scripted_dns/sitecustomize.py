"""A DNS the tests control, for a `newsrake` subprocess: put this folder on its PYTHONPATH.

``NEWSRAKE_TEST_DNS`` holds JSON: ``{"name.test": ["93.184.216.34", "127.0.0.1"]}``. The n-th look-up of a
name, by anyone in the process (``socket.getaddrinfo`` or ``socket.gethostbyname``), gets the n-th answer,
the last one from then on; an empty answer ``""`` is a failed look-up. A name that answers a public
address and then a private one is a rebinding name, as a DNS server with a zero TTL can make one. Other
names are looked up as usual.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from typing import Any

_SCRIPT: dict[str, list[str]] = json.loads(os.environ.get("NEWSRAKE_TEST_DNS", "{}"))
_ASKED: dict[str, int] = {}
_LOCK = threading.Lock()
_getaddrinfo = socket.getaddrinfo
_gethostbyname = socket.gethostbyname


def _answer(host: object) -> str | None:
    """The scripted answer for this look-up, or None for a name the script does not know."""
    name = host.decode() if isinstance(host, bytes) else str(host)
    answers = _SCRIPT.get(name.lower().rstrip("."))
    if answers is None:
        return None
    with _LOCK:
        index = _ASKED.get(name, 0)
        _ASKED[name] = index + 1
    return answers[min(index, len(answers) - 1)]


def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    answer = _answer(host)
    if answer is None:
        return _getaddrinfo(host, port, *args, **kwargs)
    if not answer:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    family = socket.AF_INET6 if ":" in answer else socket.AF_INET
    where = (answer, int(port or 0), 0, 0) if family == socket.AF_INET6 else (answer, int(port or 0))
    return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", where)]


def gethostbyname(host: Any) -> str:
    answer = _answer(host)
    if answer is None:
        return _gethostbyname(host)
    if not answer or ":" in answer:  # gethostbyname answers IPv4 only
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return answer


socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
