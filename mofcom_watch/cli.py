"""`mofcom-watch`: one program, one sub-command per module in ``mofcom_watch.commands``.

Exit codes: 0 clean, 1 problems reported (source health), 2 usage or input error.
"""

from __future__ import annotations

import signal
import sys
from typing import Any


def _interrupted_while_starting(_signum: int, _frame: Any) -> None:
    """Ctrl-C while the imports below run (a quarter of a second): one line and 130, not an import traceback."""
    sys.stderr.write("mofcom-watch: interrupted\n")
    raise SystemExit(130)


_SIGINT = signal.getsignal(signal.SIGINT)
if _SIGINT is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import errno  # noqa: E402 - after the handler above
import os  # noqa: E402
import traceback  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Optional  # noqa: E402

import typer  # noqa: E402

from mofcom_watch.exits import (  # noqa: E402
    CLEAN,
    INTERNAL,
    PROBLEMS,
    RESOURCE_EXIT,
    USAGE,
    Terminated,
    resource_fault,
    stop_on_sigterm,
)
from mofcom_watch.lazygroup import LazyGroup, failed_command, hold_collector  # noqa: E402
from mofcom_watch.term import App, lost_stdout, quiet_pipes, tolerant_streams  # noqa: E402

signal.signal(signal.SIGINT, _SIGINT)  # KeyboardInterrupt again: main() and the commands say 'interrupted'

# What cron and a monitor act on, said where an operator looks first (was only in the README).
EXIT_CODES_HELP = (f"Exit codes: {CLEAN} clean; {PROBLEMS} problems reported (source health, unresolved references, "
                   f"a stale or failed last run, a disk nearly full: see status); {USAGE} usage or input (a bad option "
                   f"or file, a name that finds no entity); {RESOURCE_EXIT} a resource (a write failing on a full disk, "
                   f"a read-only or damaged store, the "
                   f"database gone, the run lock held too long, serve's port in use); {INTERNAL} a bug (--verbose "
                   "shows the traceback); 130, 143, 129: stopped by Ctrl-C, SIGTERM, SIGHUP.")

HELP_OPTIONS = ["-h", "--help"]  # -h as most command-line tools take it (cli34: "No such option: -h")


def _print_version(wanted: bool) -> None:
    """``mofcom-watch --version``: the installed version, and exit 0 (cli34: "No such option: --version", while a
    store written by a newer version is refused with "upgrade the program")."""
    if not wanted:
        return
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("mofcom-watch")
    except PackageNotFoundError:  # (run from a source tree that was never installed)
        number = "unknown (not installed)"
    typer.echo(f"mofcom-watch {number}")
    raise typer.Exit(CLEAN)


app = App(
    name="mofcom-watch",
    context_settings={"help_option_names": HELP_OPTIONS},
    help="Watch the Chinese lists that name companies and people (MOFCOM export control, unreliable entity, watch and countermeasure lists; MFA countermeasures) and the dual-use item controls; publish every change as feeds.",
    no_args_is_help=True,
    epilog=EXIT_CODES_HELP,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=LazyGroup,  # sub-commands are imported when used (mofcom_watch/commands/__init__.py)
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", envvar="MOFCOM_WATCH_DB", help="SQLAlchemy database URL (default: config database_url, else sqlite:///DATA_DIR/mofcom-watch.sqlite; mofcom-watch config shows it)."),
    config: Optional[Path] = typer.Option(None, "--config", envvar="MOFCOM_WATCH_CONFIG", help="TOML configuration file (default: none, the built-in settings and MOFCOM_WATCH_* variables)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="More log output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    _version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, expose_value=True,
                                  help="Print the version and exit."),
) -> None:
    # imported here, not at the top: `mofcom-watch --help` never calls this (its dataclasses and logging: issue 11)
    from mofcom_watch.config import ConfigError, load_settings, unknown_env
    from mofcom_watch.context import CONFIG_ERROR, AppContext
    from mofcom_watch.logs import setup_logging

    if verbose and quiet:
        typer.echo("mofcom-watch: choose one of --verbose and --quiet", err=True)
        raise typer.Exit(2)
    if db is not None and not db.strip():  # (cli37: `--db "$DB"`, $DB unset, took the default store in data/)
        typer.echo(f"mofcom-watch: --db {db!r} is empty: name a database URL, e.g. sqlite:///data/mofcom-watch.sqlite "
                   "(a variable left unset?), or leave --db out for the configured one", err=True)
        raise typer.Exit(2)
    if os.environ.get("MOFCOM_WATCH_TODAY", "").strip():  # the day taken for today (mofcom_watch.clock.TODAY_ENV)
        from mofcom_watch.clock import check_today

        if (wrong := check_today()) is not None:
            typer.echo(f"mofcom-watch: {wrong}", err=True)
            raise typer.Exit(2)
    try:
        settings = load_settings(config, db)
    except ConfigError as exc:
        if ctx.invoked_subcommand == "config":  # its --json says it as its JSON (README), which it alone can tell
            ctx.meta[CONFIG_ERROR] = str(exc)
            return
        typer.echo(f"mofcom-watch: {exc}", err=True)
        raise typer.Exit(2) from None
    for line in unknown_env():  # a typo in the environment: said on every command, even with --quiet
        typer.echo(f"mofcom-watch: warning: {line}", err=True)
    ctx.obj = AppContext(settings=settings, verbosity=1 if verbose else -1 if quiet else 0)
    setup_logging(ctx.obj.verbosity, log_format=settings.log_format)


def main() -> None:
    """The console entry point: no traceback ever reaches the user (``--verbose`` shows it)."""
    hold_collector()  # on again once the command is loaded (mofcom_watch.lazygroup)
    warnings.showwarning = _warning_line
    lost = lost_stdout()  # `status >&-`: said at the end, as coreutils do
    tolerant_streams()
    quiet_pipes()  # `status | head -1`: the command's own exit code, no BrokenPipeError
    stop_on_sigterm()  # `docker stop` of a run: its lock released, one line (mofcom_watch.exits.Terminated)
    try:
        _run()
    except SystemExit as exc:
        if lost is None or not lost.lost:
            raise
        _say(f"mofcom-watch: write error: {os.strerror(errno.EBADF)}")  # what was printed went nowhere
        sys.exit(PROBLEMS if exc.code in (0, None) else exc.code)


def _warning_line(message: Warning | str, category: type[Warning], _filename: str, _lineno: int,
                  _file: object = None, _line: str | None = None) -> None:
    """A Python warning (a library's: SQLAlchemy's on ``--db 'sqlite:///x.sqlite?mode=ro'``) as one line, said as
    the program's warnings are; was Python's two, the second a line of the library's source (cli37)."""
    text = (str(message).strip().splitlines() or [category.__name__])[0]
    _say(f"mofcom-watch: warning: {text}")


def _run() -> None:
    """The command, and the one line for whatever stopped it."""
    try:
        app()
    except Terminated as exc:
        typer.echo(f"mofcom-watch: stopped by {exc.name}", err=True)
        sys.exit(exc.code)
    except KeyboardInterrupt:
        typer.echo("mofcom-watch: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, a meaningful exit code
        sys.exit(last_resort(exc, failed_command()))


def last_resort(exc: BaseException, command: str | None = None) -> int:
    """Print one line for an exception no command handled; return the exit code. The line names the ``command`` it
    escaped from, as every other error line does (was: "mofcom-watch: writing the output … failed" after ``status``,
    "mofcom-watch: the database failed: …" after ``replay``, cli37)."""
    said = f"mofcom-watch {command}:" if command else "mofcom-watch:"
    line = resource_fault(exc)
    if line is not None:
        _say(f"{said} {line}")
        return RESOURCE_EXIT
    name = not_utf8(exc)
    if name is not None:
        _say(f"{said} a file or folder name that is not UTF-8 ({name}): this program stores and shows names as "
             "UTF-8; rename it, or give another path")
        return USAGE
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    _say(f"{said} internal error: {type(exc).__name__}: {first} "
         "(run again as 'mofcom-watch --verbose COMMAND ...' for the traceback, and please report it)")
    if "--verbose" in sys.argv or "-v" in sys.argv:
        traceback.print_exception(exc)
    return INTERNAL


def not_utf8(exc: BaseException) -> str | None:
    """The name, shown with its odd bytes escaped, when ``exc`` is a name from the command line or the file system
    that is not UTF-8 (Python holds its bytes as lone surrogates) reaching a place that needs text: the store, a URL
    (cli30: ``feeds --out $'caf\\xe9'`` was an internal error, exit 4; it is input, exit 2)."""
    if not isinstance(exc, UnicodeEncodeError) or not isinstance(exc.object, str):
        return None
    if not any("\udc80" <= ch <= "\udcff" for ch in exc.object[exc.start:exc.end]):
        return None
    return exc.object.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")[:200]


def _say(line: str) -> None:
    """The last line on stderr, when stderr can take it: with standard output and error both on a full disk
    (``run >/var/log/x 2>&1``, the log's disk full), the line's own OSError escaped ``main`` and the command exited 1,
    "problems reported", after a clean cycle; the exit code is then all a monitor gets, and it must be the fault's."""
    try:
        typer.echo(line, err=True)
    except OSError:
        pass
