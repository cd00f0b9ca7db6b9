"""Test-only: a process's clock from libfaketime, set through its variables, never the ``faketime`` wrapper.

The wrapper normalises its date with a ``date`` process, makes a POSIX semaphore and shared memory per call, and a
bare date freezes the clock (monotonic too), where Python's timed waits break (EINVAL, or a hang: libfaketime
0.9.10). Session 44's final CI lost one ``faketime DATE mofcom-watch status --json`` call that way, nothing on its
standard output, not seen again in a loop of its module under load. With the library preloaded and a start
(``@``) the clock runs on, at a hundredth of real time's pace, so a process stays within the minute it starts in.
"""

from __future__ import annotations

import glob

FAKETIME_LIB = next(iter(sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))), None)
NO_FAKETIME = "no libfaketime (apt-get install faketime)"


def faked(start: str) -> dict[str, str]:
    """A process's clock from libfaketime: ``start`` (UTC) when it starts, then a hundredth of real time's pace."""
    assert FAKETIME_LIB is not None
    return {"LD_PRELOAD": FAKETIME_LIB, "FAKETIME": f"@{start} x0.01", "TZ": "UTC"}
