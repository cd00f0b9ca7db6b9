"""Exit codes every command shares (the README's table): cron and monitors act on them."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NoReturn

import typer

CLEAN = 0
PROBLEMS = 1  # problems reported: source health, unresolved references, skipped files
USAGE = 2  # bad options or input
RESOURCE_EXIT = 3  # a resource is unavailable: disk full, read-only store, database gone, lock wait timed out
INTERNAL = 4  # a bug: one line, the traceback with --verbose
TERMINATED = 128 + signal.SIGTERM  # 143, as a shell reports a command stopped by SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM (``docker stop``, a CronJob's deadline, systemd, ``kill``) stops a command as Ctrl-C does: it unwinds,
    so the page being written is rolled back, the run lock is released and one line says so. Python's default dies
    without a word and leaves the lock, which a run in another container then waits for until its heartbeat is stale
    (5 minutes); as a container's PID 1 the signal is not even delivered without a handler (the stop waits for its
    SIGKILL). A KeyboardInterrupt, so that whatever unwinds on Ctrl-C unwinds on it too. SIGHUP (the terminal a
    ``schedule`` was started from closed) is the same stop, unless it is ignored (``nohup``): :func:`stop_signals`."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def code(self) -> int:
        """The exit code a shell reports for the signal: 143 for SIGTERM, 129 for SIGHUP."""
        return 128 + self.signum


def _terminate(signum: int, _frame: Any) -> None:
    raise Terminated(signum)


def stop_signals() -> tuple[signal.Signals, ...]:
    """The signals that stop a command cleanly besides Ctrl-C: SIGTERM, and SIGHUP unless the process was started
    ignoring it (``nohup``, a supervisor's choice: left ignored). Was: SIGHUP killed ``schedule``, ``serve`` and
    ``run`` at once, mid-cycle, without a word, leaving the run lock held (ops27 P8)."""
    hangup = signal.getsignal(signal.SIGHUP)
    return (signal.SIGTERM, signal.SIGHUP) if hangup is not signal.SIG_IGN else (signal.SIGTERM,)


def stop_on_sigterm() -> None:
    """SIGTERM (and SIGHUP: :func:`stop_signals`) raises :class:`Terminated` in the main thread (``schedule`` and
    ``serve`` take the signals over with their own handling while they run)."""
    for sig in stop_signals():
        signal.signal(sig, _terminate)


@contextlib.contextmanager
def first_on_stop(call: Callable[[], None], holds: Callable[[int], bool] | None = None) -> Iterator[None]:
    """While the block runs, a stop signal calls ``call`` before it raises :class:`Terminated`: ``run`` sets its
    cycle's :class:`~scraper.stop.StopRequest` there, so the fetches in flight in other threads end at once. Was:
    the unwinding crawl waited for each of them (a page a server held: its 30 s read timeout, one request after the
    other), past a container's 10 s stop. ``call`` runs in a thread of its own: a handler runs in the main thread
    between two of its steps, maybe while it holds a lock ``call`` takes (``concurrent.futures.as_completed``'s waiter
    lock, which ``Future.set_result`` of the crawl's stop future takes; an ``Event``'s condition): called there, it
    waited for itself, and the run hung with no word until a SIGKILL (the final CI of session 50, once in ~10,000
    runs of the test). The main thread unwinds at once and lets go of its locks; ``call`` runs as they come free.
    ``holds(signum)`` True: the main thread is where raising now could leave a lock of another thread's held for ever
    (``run``'s crawl: :meth:`scraper.stop.StopRequest.quiet`, which raises the signal again when it ends): only
    ``call`` runs. With ``holds``, Ctrl-C (SIGINT, unless ignored or taken over) is held alike, then raised as the
    ``KeyboardInterrupt`` it is ("interrupted", 130): it hung the crawl the same way (ops51)."""
    def stopping(signum: int, frame: Any) -> None:
        threading.Thread(target=call, name="mofcom-watch-stop", daemon=True).start()
        if holds is not None and holds(signum):
            return
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        _terminate(signum, frame)

    signals = list(stop_signals())
    if holds is not None and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signals.append(signal.SIGINT)
    previous = {sig: signal.signal(sig, stopping) for sig in signals}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

# Writing the feeds folder failed for a reason of the folder, not of the program.
FEEDS_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO})
# A write that failed for want of room (or a failing disk): a resource wherever it happens, standard output too
# (``status > report.txt`` on a full disk was "internal error ... please report it", exit 4).
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
# A file where the feeds folder (or a folder on its path) should be: the folder's fault only when the failing
# path is in it (the same errors elsewhere, e.g. a watchlist path, are not the feeds folder's). The folder removed
# while a publish wrote it: :func:`removed_mid_publish`.
PATH_ERRNOS = frozenset({errno.ENOTDIR, errno.EEXIST})


def _under(filename: object, folder: Path) -> bool:
    if not isinstance(filename, (str, Path)):
        return False
    path, top = Path(filename).absolute(), folder.absolute()
    return path == top or top in path.parents


def removed_mid_publish(exc: BaseException, folder: Path) -> bool:
    """``exc`` is the feeds folder (or a folder in it) gone while a publish wrote it: a file of the folder no longer
    there (ENOENT on a path in it), removed by another process (a cleanup job, a person): the folder's fault, not a bad
    ``--out`` (exit 2) nor a bug (exit 4, "internal error: NothingPlaced", health46)."""
    if not isinstance(exc, OSError):
        return False
    if exc.errno == errno.EEXIST:  # os.makedirs met the folder, then found it gone (removed between its two looks)
        return _under(exc.filename, folder) and not os.path.lexists(exc.filename)
    return exc.errno == errno.ENOENT and (
        _under(exc.filename, folder) or _under(getattr(exc, "filename2", None), folder))


def resource_fault(exc: BaseException, *, db_url: str | None = None, feeds_dir: Path | None = None) -> str | None:
    """One line for a resource fault (the store, the run lock, the feeds folder), or None for anything else."""
    from feeds.write import write_error
    from mofcom_watch.clock import ClockBehind, DayPassed
    from storage.faults import store_fault
    from storage.runlock import RunLockHeld

    if isinstance(exc, (RunLockHeld, ClockBehind, DayPassed)):
        return str(exc)
    fault = store_fault(exc, db_url)
    if fault is not None:
        return str(fault)
    if isinstance(exc, OSError) and feeds_dir is not None and (
            exc.errno in FEEDS_ERRNOS or (exc.errno in PATH_ERRNOS and _under(exc.filename, feeds_dir))
            or removed_mid_publish(exc, feeds_dir)):
        return write_error(exc, feeds_dir)
    if isinstance(exc, PermissionError) and isinstance(exc.filename, (str, Path)):
        return denied_line(exc.filename, exc.strerror or str(exc))
    if isinstance(exc, OSError) and exc.errno in FULL_ERRNOS:
        what = f"writing {exc.filename}" if exc.filename else "writing the output (standard output, or a file)"
        return (f"{what} failed: {exc.strerror or exc}: free some space on its disk (or raise the file size limit), "
                "then run again")
    return None


def denied_line(filename: str | Path, cause: str) -> str:
    """One line for a path this user may not use: the folder on its way this user may not enter (a container volume's
    folder, 0700 root's, seen from the host by another user), with its owner and mode, else the path itself. Was:
    every command on a store under such a folder (``status``, ``run``, ``config``…) said "internal error:
    PermissionError: … please report it", exit 4 (ops50)."""
    path = Path(filename).absolute()
    uid = f"uid {os.geteuid()}" if hasattr(os, "geteuid") else "this user"
    for folder in reversed(path.parents):  # from the root down: the first this user may not enter
        if not os.access(folder, os.X_OK):
            try:
                st = folder.stat()
                whose = f" (owned by uid {st.st_uid}, mode {st.st_mode & 0o777:o})"
            except OSError:
                whose = ""
            return (f"cannot reach {path}: this user ({uid}) may not enter the folder {folder}{whose} ({cause}): run "
                    "as a user that may (for a store, the service's user), or give a path this user can reach")
    return (f"cannot use {path}: {cause} for this user ({uid}): run as a user that may (for a store, the service's "
            "user), or give a path this user can use")


def failure_line(exc: BaseException, *, db_url: str | None = None, feeds_dir: Path | None = None) -> str | None:
    """One plain line for a failure a person can act on, as ``run`` says it: a resource fault
    (:func:`resource_fault`), or any other error of the file system with its cause and path; None for anything else
    (a bug, said with its type). For a ``schedule`` cycle's log line: it said
    ``error="NotADirectoryError: [Errno 20] Not a directory: '…/feeds/notice/X.svg'"`` for a file lying where the
    feeds folder should be, where ``run`` names the folder, the cause and the cure (cli31)."""
    line = resource_fault(exc, db_url=db_url, feeds_dir=feeds_dir)
    if line is not None or not isinstance(exc, OSError):
        return line
    cause = exc.strerror or str(exc)
    return f"cannot use {exc.filename}: {cause}" if exc.filename else cause


def exit_on_resource_fault(command: str, exc: BaseException, **where: Any) -> NoReturn:
    """Print ``command: <line>`` and exit 3 for a resource fault; re-raise anything else."""
    line = resource_fault(exc, **where)
    if line is None:
        raise exc
    typer.echo(f"{command}: {line}", err=True)
    raise typer.Exit(RESOURCE_EXIT) from None


PROGRAM = "mofcom-watch"


def prefix() -> str:
    """How every line a command says on stderr begins: ``mofcom-watch COMMAND:`` while a command runs, ``mofcom-watch:``
    for what is said before one does (the global options, the configuration, the environment) or after it (the last
    resort). One rule for every command (cli35: ``screen /dev/null`` said ``mofcom-watch: /dev/null: …`` where
    ``replay`` says ``mofcom-watch replay: …``); a log or a cron mail tells which command spoke."""
    try:
        from typer._click.globals import get_current_context  # typer 0.2x carries its own click
    except ImportError:  # (an older typer, on click itself)
        from click import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None or ctx.parent is None or not ctx.info_name:
        return f"{PROGRAM}:"
    return f"{PROGRAM} {ctx.info_name}:"


def say(line: str) -> None:
    """``line`` on stderr after :func:`prefix`."""
    typer.echo(f"{prefix()} {line}", err=True)


STDIN = "-"  # the file name that means standard input, as in cat, sort or grep


def stdin_bytes(limit: int = -1) -> bytes:
    """Standard input's bytes (up to ``limit``); closed (``<&-``), an OSError as ``cat`` says it, "Bad file
    descriptor". Was: "internal error: AttributeError: 'NoneType' object has no attribute 'buffer'", exit 4, for
    ``parse -``, ``screen -`` and ``evidence --verify -`` (cli36)."""
    if sys.stdin is None:
        import os

        raise OSError(errno.EBADF, os.strerror(errno.EBADF))
    return sys.stdin.buffer.read(limit)


def read_input(path: Path, command: str | None = None) -> bytes:
    """A file the user named (``-``: standard input), or one line and exit 2: unreadable input is a usage error,
    not a fault."""
    try:
        if str(path) == STDIN:
            return stdin_bytes()
        return path.read_bytes()
    except OSError as exc:
        typer.echo(f"{command + ':' if command else prefix()} cannot read {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(USAGE) from None


def exit_on_unknown_hosts(command: str, base_urls: Mapping[str, str]) -> None:
    """A host in ``base_urls`` that no source fetches from (a typo) is one line and exit 2, for ``run``, ``schedule``
    and ``serve --schedule`` alike: every cycle skipped the sources of the host meant, without a word
    (``mofcom_watch.cycle.unknown_base_url_hosts``)."""
    mistyped = unknown_hosts(base_urls)
    if mistyped is not None:
        typer.echo(f"mofcom-watch {command}: {mistyped}", err=True)
        raise typer.Exit(USAGE)


def unknown_hosts(base_urls: Mapping[str, str]) -> str | None:
    """The line :func:`exit_on_unknown_hosts` says, or None (``config --json`` lists it)."""
    from mofcom_watch.cycle import unknown_base_url_hosts
    from scraper.sources import SourceConfigError

    try:
        return unknown_base_url_hosts(dict(base_urls))
    except SourceConfigError as exc:
        return str(exc)


def exit_on_unknown_sources(command: str, names: tuple[str, ...]) -> None:
    """A source name in ``[fetch] sources`` or ``MOFCOM_WATCH_SOURCES`` that no source has (a typo, ``mofcom-polcy``),
    or a sources file that cannot be read: one line and exit 2 at start, for ``schedule`` and ``serve --schedule`` as
    for ``run``. Was: the scheduler started and every cycle failed ("cycle failed … unknown source(s)") in the log
    only; ``status`` said nothing of it (no cycle recorded a source run)."""
    unknown = unknown_sources(names)
    if unknown is not None:
        typer.echo(f"mofcom-watch {command}: {unknown}", err=True)
        raise typer.Exit(USAGE)


def unknown_sources(names: tuple[str, ...]) -> str | None:
    """The line :func:`exit_on_unknown_sources` says, or None (``config --json`` lists it)."""
    from scraper.sources import SourceConfigError, load_sources

    try:
        load_sources(names)
    except SourceConfigError as exc:
        return str(exc)
    return None


def warn_short_stale(command: str, settings: Any) -> None:
    """A ``stale_after_minutes`` no longer than the gaps of the ``[schedule] cron`` it runs by: one warning line at start
    (``status`` and ``/healthz`` would say STALE in every wait between two cycles, a flapping alarm that gets ignored)."""
    from mofcom_watch.config import TOO_SHORT, stale_after

    why = stale_after(settings)[1]
    if TOO_SHORT in why:
        typer.echo(f"mofcom-watch {command}: warning: {why}", err=True)


def exit_on_missing_db_folder(command: str, settings: Any) -> None:
    """A given database URL naming a SQLite file in a folder that does not exist: one line and exit 2 before the store
    is opened, for the commands that write (``replay``, ``run``, ``schedule``, ``serve --schedule``), which made the
    folder and a new empty store (:func:`mofcom_watch.config.db_folder_problem`); nor a URL that opens the file
    read-only (:func:`mofcom_watch.config.read_only_url_problem`: it failed at the first write, blaming the file)."""
    from mofcom_watch.config import db_folder_problem, read_only_url_problem

    missing = read_only_url_problem(settings) or db_folder_problem(settings)
    if missing is not None:
        typer.echo(f"mofcom-watch {command}: {missing}", err=True)
        raise typer.Exit(USAGE)
