"""No traceback ever: an exception no command handled becomes one line and exit code 4 (a bug, with the
traceback under --verbose), or exit 3 when it is a resource fault (the disk, the store, the lock)."""

from __future__ import annotations

import errno
import sqlite3

from sqlalchemy.exc import OperationalError

from mofcom_watch.cli import last_resort


def test_a_bug_is_one_line_and_exit_4(capsys):
    code = last_resort(ValueError("first line\nsecond line"))
    err = capsys.readouterr().err
    assert code == 4
    assert err == ("mofcom-watch: internal error: ValueError: first line (run again as 'mofcom-watch --verbose "
                   "COMMAND ...' for the traceback, and please report it)\n")


def test_a_store_fault_nobody_caught_is_one_line_and_exit_3(capsys):
    exc = OperationalError("INSERT INTO page ...", {}, sqlite3.OperationalError("database or disk is full"))
    assert last_resort(exc) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is full: free some space" in err and "INSERT" not in err


def test_an_unexplained_os_error_is_a_bug_not_a_resource(capsys):
    assert last_resort(OSError(errno.ENOSPC, "No space left on device")) == 4  # no folder named: say so
    assert capsys.readouterr().err.startswith("mofcom-watch: internal error: OSError: [Errno 28]")
