"""No traceback ever: an exception no command handled becomes one line and exit code 4 (a bug, with the
traceback under --verbose), or exit 3 when it is a resource fault (the disk, the store, the lock)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from mofcom_watch.cli import last_resort
from tests.faults.harness import cli_env


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


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX: a user id")
def test_a_read_only_store_names_the_user_that_must_write_it(capsys):
    """ops29: the image runs as uid 10001; on a host folder or a tmpfs owned by root (`-v /srv/mw:/data`) `serve` and
    `run` said "make the file and its folder writable for this user" (exit 3), naming no user. Now: which uid."""
    exc = OperationalError("CREATE TABLE ...", {}, sqlite3.OperationalError("unable to open database file"))
    assert last_resort(exc) == 3
    err = capsys.readouterr().err
    assert f"writable for this user (uid {os.geteuid()})," in err and err.count("\n") == 1


def test_an_unexplained_os_error_is_a_bug_not_a_resource(capsys):
    assert last_resort(OSError(errno.EINVAL, "Invalid argument")) == 4  # no folder named, no resource: say so
    assert capsys.readouterr().err.startswith("mofcom-watch: internal error: OSError: [Errno 22]")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_output_to_a_full_disk_is_a_resource_not_a_bug():
    """Was: ``status > report.txt`` from cron on a full disk (here /dev/full, which is always full): "internal error:
    OSError: [Errno 28] No space left on device ... please report it", exit 4. A full disk is a resource: one line
    saying what to do, exit 3, wherever the write was (standard output has no file name to give)."""
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path of ours
        done = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", "sqlite:////tmp/x.sqlite",
                               "config"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
                              env=cli_env())
    assert done.returncode == 3, done.stderr
    assert done.stderr == ("mofcom-watch config: writing the output (standard output, or a file) failed: No space "
                           "left on device: free some space on its disk (or raise the file size limit), then run "
                           "again\n")  # the command named, as every error line names it (was "mofcom-watch:", cli37)
    # standard error on the full disk too (`run >>/var/log/mofcom-watch.log 2>&1`, the log's disk full): the line
    # cannot be said, the exit code is all cron gets; was 1, "problems reported" (the line's OSError escaped main)
    # (the real program: a zygote's child exits 120 here, its stdout flushed at exit)
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path of ours
        both = subprocess.run([sys.executable, "-m", "mofcom_watch", "--db", "sqlite:////tmp/x.sqlite",
                               "config"], stdout=full, stderr=full, timeout=60, env=cli_env())
    assert both.returncode == 3


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [("parse", "fixtures/texts/mofcom-2025-51.txt"), ("timeline", "--help")])
def test_the_last_line_names_the_command_it_escaped_from(args: tuple[str, ...]) -> None:
    """cli37: a fault no command handled was said "mofcom-watch: …" while every other error line of a command says
    "mofcom-watch COMMAND: …"; in a log of several cron jobs it named none."""
    with open("/dev/full", "w") as full:  # noqa: PTH123 - a device, not a path of ours
        done = subprocess.run([sys.executable, "-m", "mofcom_watch", *args], stdout=full, stderr=subprocess.PIPE,
                              text=True, timeout=60, env=cli_env(), cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith(f"mofcom-watch {args[0]}: writing the output (standard output, or a file) failed: "
                                  "No space left on device"), done.stderr


def test_a_name_that_is_not_utf8_is_input_not_a_bug(capsys):
    """cli30: ``feeds --out $'/srv/caf\\xe9'`` (a folder name in Latin-1) was "internal error: UnicodeEncodeError …
    please report it", exit 4, when the store was asked to keep the name: it is input, one line naming it, exit 2."""
    name = os.fsdecode(b"/srv/caf\xe9")
    try:
        name.encode()
    except UnicodeEncodeError as exc:
        assert last_resort(exc) == 2
    err = capsys.readouterr().err
    assert err == ("mofcom-watch: a file or folder name that is not UTF-8 (/srv/caf\\xe9): this program stores and "
                   "shows names as UTF-8; rename it, or give another path\n")
    assert last_resort(UnicodeEncodeError("ascii", "café", 3, 4, "ordinal not in range")) == 4  # a bug still


def _closing_stdout() -> None:
    os.close(1)


def test_a_standard_output_that_cannot_be_written_is_a_write_error_exit_1():
    """Was: ``mofcom-watch --version >&-`` (or ``status >&-`` from a script) printed into nothing and exited 0, its
    output lost without a word; open for reading only (``1</dev/null``), "internal error: OSError: [Errno 9] Bad file
    descriptor", exit 4 (cli35, cli36). As coreutils: ``write error``, exit 1; a command that printed nothing on
    standard output keeps its own exit code and says nothing more."""
    version = [sys.executable, "-m", "mofcom_watch", "--version"]
    closed = subprocess.run(version, stdout=None, stderr=subprocess.PIPE, text=True, timeout=60, env=cli_env(),
                            preexec_fn=_closing_stdout)  # noqa: PLW1509 - only a close before the exec
    assert (closed.returncode, closed.stderr) == (1, "mofcom-watch: write error: Bad file descriptor\n")
    with open(os.devnull, "rb") as reading:  # noqa: PTH123 - a device opened for reading, as `1</dev/null` does
        read_only = subprocess.run(version, stdout=reading, stderr=subprocess.PIPE, text=True, timeout=60,
                                   env=cli_env())
    assert (read_only.returncode, read_only.stderr) == (1, "mofcom-watch: write error: Bad file descriptor\n")
    silent = subprocess.run([*version[:3], "parse", "/nonexistent/page.html"], stderr=subprocess.PIPE, text=True,
                            timeout=60, env=cli_env(), preexec_fn=_closing_stdout)  # noqa: PLW1509
    assert (silent.returncode, silent.stderr) == (2, "mofcom-watch parse: /nonexistent/page.html: no such file\n")


def _closing_stdin() -> None:
    os.close(0)


def test_a_closed_standard_input_is_input_that_cannot_be_read_not_a_bug(monkeypatch, capsys):
    """cli36: ``parse - <&-`` (and ``screen -``, ``evidence --verify -``) was "internal error: AttributeError:
    'NoneType' object has no attribute 'buffer'", exit 4. As ``cat`` says it: cannot read -, exit 2."""
    import typer

    from mofcom_watch.exits import read_input

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(typer.Exit) as info:
        read_input(Path("-"), "mofcom-watch screen")
    assert info.value.exit_code == 2
    assert capsys.readouterr().err == "mofcom-watch screen: cannot read -: Bad file descriptor\n"
    done = subprocess.run([sys.executable, "-m", "mofcom_watch", "parse", "-"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=60, env=cli_env(),
                          preexec_fn=_closing_stdin)  # noqa: PLW1509 - only a close before the exec
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "mofcom-watch parse: cannot read -: Bad file "
                                                                  "descriptor\n")
