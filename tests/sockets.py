"""The TCP sockets a real process holds, read from /proc (Linux): to see connections left half-closed."""

from __future__ import annotations

import os
from pathlib import Path

STATES = {"01": "ESTABLISHED", "06": "TIME_WAIT", "08": "CLOSE_WAIT"}  # /proc/net/tcp's st column, the ones we name


def states(pid: int, port: int) -> list[str]:
    """The states of process ``pid``'s TCP sockets connected to ``port`` (CLOSE_WAIT: the server closed its side,
    the process has not closed its own)."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes and int(fields[2].rsplit(":", 1)[1], 16) == port:
                found.append(STATES.get(fields[3], fields[3]))
    return sorted(found)
