"""A click group that imports a sub-command's module only when that command is used.

Listing the commands (``mofcom-watch --help``) uses the summaries in
:data:`mofcom_watch.commands.COMMANDS` instead of importing every module, which would pull in
SQLAlchemy, Alembic, the parser and the web server: several hundred milliseconds that every cron
start would pay for nothing.
"""

from __future__ import annotations

import gc
import importlib
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer.main
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.28 carries its own copy of click, whose errors are not click's
    from typer._click.core import Context
    from typer._click.exceptions import NoSuchOption, UsageError
    from typer._click.formatting import HelpFormatter
except ImportError:  # older typer: click itself
    from click.core import Context  # type: ignore[assignment]
    from click.exceptions import NoSuchOption, UsageError  # type: ignore[assignment]
    from click.formatting import HelpFormatter  # type: ignore[assignment]

from mofcom_watch.commands import COMMANDS
from mofcom_watch.exits import Terminated
from mofcom_watch.term import plain_metavars

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
# What stands in, while click wraps a help text, for the second column a wide (CJK) character takes on a terminal:
# click counts characters, so a line of Chinese examples ran past 80 columns ("又称KHI", "通用原子": screen34)
WIDE_PAD = "\x00"
# the program's own options (mofcom_watch.cli._global), each with what follows it in an example
GLOBAL_OPTIONS = {"--db": " URL", "--config": " FILE", "--verbose": "", "-v": "", "--quiet": "", "-q": ""}


def _padded(text: str) -> str:
    """``text`` with :data:`WIDE_PAD` after each wide character, so that its length is its width in columns."""
    return "".join(c + WIDE_PAD if unicodedata.east_asian_width(c) in "WF" else c for c in text)


class WideHelpFormatter(HelpFormatter):
    """click's help formatter, wrapping at the width a terminal shows (a Chinese character takes two columns), not at
    the number of characters; what is written is unchanged. Help on a terminal is rich's, which counts so already:
    this is the help piped or redirected (``screen --help | less``, ``COLUMNS=80``)."""

    def write_text(self, text: str) -> None:
        if text.isascii():
            super().write_text(text)
            return
        start = len(self.buffer)
        super().write_text(_padded(text))
        self.buffer[start:] = [part.replace(WIDE_PAD, "") for part in self.buffer[start:]]

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if all(a.isascii() and b.isascii() for a, b in rows):
            super().write_dl(rows, col_max, col_spacing)
            return
        start = len(self.buffer)
        super().write_dl([(_padded(a), _padded(b)) for a, b in rows], col_max, col_spacing)
        self.buffer[start:] = [part.replace(WIDE_PAD, "") for part in self.buffer[start:]]


class HelpContext(Context):
    """click's context, its help wrapped by :class:`WideHelpFormatter`."""

    formatter_class = WideHelpFormatter


class LazyGroup(TyperGroup):
    """Commands from :data:`COMMANDS`, built on first use; stand-ins while the group lists them."""

    context_class = HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: dict[str, TyperCommand] = {}
        self._listing = False

    def get_params(self, ctx: Any) -> list[Any]:
        plain_metavars(self)  # the global options: --db URL, --config FILE
        return list(super().get_params(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> TyperCommand | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        if self._listing:  # the group's own help: a stand-in carrying the summary is enough
            return TyperCommand(cmd_name, help=entry.summary, short_help=entry.summary)
        if cmd_name not in self._loaded:
            self._loaded[cmd_name] = load_command(cmd_name)
        return self._loaded[cmd_name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As click's, and an unknown command gets the nearest one as a suggestion (options already get theirs)."""
        try:
            return super().resolve_command(ctx, args)
        except UsageError as exc:
            from difflib import get_close_matches

            close = get_close_matches(args[0], list(COMMANDS), n=1) if args else []
            if close and exc.message.startswith("No such command"):
                exc.message += f" Did you mean '{close[0]}'?"
            raise

    def invoke(self, ctx: Any) -> Any:
        """The command, with two things said that click and typer leave unsaid: Ctrl-C and SIGTERM (typer exits 130
        without a word, which a log then shows as nothing at all), and a global option given after the command."""
        _Invoked.name = None
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:
            said = f"stopped by {exc.name}" if isinstance(exc, Terminated) else "interrupted"
            typer.echo(f"mofcom-watch {ctx.invoked_subcommand or ''}: {said}".replace(" :", ":"), err=True)
            raise typer.Exit(exc.code if isinstance(exc, Terminated) else INTERRUPTED) from None
        except NoSuchOption as exc:
            if exc.option_name in GLOBAL_OPTIONS:
                exc.message += (f" ({exc.option_name} is an option of mofcom-watch itself: put it before the "
                                f"command, as in 'mofcom-watch {exc.option_name}{GLOBAL_OPTIONS[exc.option_name]} "
                                f"{ctx.invoked_subcommand} ...')")
            raise
        except Exception:
            name = ctx.invoked_subcommand  # for the last line, said by mofcom_watch.cli.last_resort
            _Invoked.name = name if isinstance(name, str) and name in COMMANDS else None
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


class _Invoked:
    name: str | None = None  # the command an exception escaped from, if one did


def failed_command() -> str | None:
    """The command that an exception no command handled escaped from (None: it was raised before one ran)."""
    return _Invoked.name


def load_command(name: str) -> TyperCommand:
    """Import the command's module and build its click command the way typer would."""
    from mofcom_watch.term import App  # the same App class, so errors print the same way

    module = importlib.import_module(COMMANDS[name].module)
    holder = App(add_completion=False, pretty_exceptions_enable=False)
    module.register(holder)
    info = next(info for info in holder.registered_commands if info.name == name)
    command = typer.main.get_command_from_info(
        info, pretty_exceptions_short=holder.pretty_exceptions_short, rich_markup_mode=holder.rich_markup_mode
    )
    plain_metavars(command)
    command.context_class = HelpContext  # its help wrapped at the columns a terminal shows
    release_collector()
    return command


class _StartUp:
    held = False  # the collector is off while a command process imports (hold_collector)
    cli = False  # this process is a CLI command's (hold_collector was called): its imports live as long as it


def hold_collector() -> None:
    """Turn the collector off while the process imports the command (:func:`mofcom_watch.cli.main` calls this
    first): what imports make lives as long as the process, so collecting while importing is wasted work (a
    fifth of the import time of ``replay`` or ``run``)."""
    gc.disable()
    _StartUp.held = _StartUp.cli = True


def release_collector() -> None:
    """After :func:`hold_collector`, once the command is loaded: the imports' objects (modules, classes, functions,
    SQLAlchemy's tables and mappers) frozen out of the collector's full passes, which would walk them every time
    (a no-change replay at 100x spent 0.07 s in two such passes, 0.02 s after), and the collector on again. A
    command run in-process (tests) never held it: nothing is frozen there."""
    if _StartUp.held:
        _StartUp.held = False
        gc.freeze()
        gc.enable()


@contextmanager
def importing() -> Iterator[None]:
    """A command's imports made when it runs rather than when it is loaded (``run`` imports the fetcher and the
    store only then, so ``run --help`` stays light), treated as :func:`release_collector` treats the command's
    own: in a CLI process, made with the collector off and their objects frozen out of it afterwards (the
    collector's passes over them cost a ``run`` 0.05 s of CPU). A command run in-process (tests) is left alone."""
    if not _StartUp.cli or _StartUp.held or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
