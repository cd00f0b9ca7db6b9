"""Where output goes decides its shape: a terminal gets tables fitted to its width and colours;
a pipe or a log gets plain lines that are never wrapped (a wrapped path or message breaks ``grep``
and every test that looks for it).

rich and typer wrap at 80 columns whenever stdout is not a terminal; everything printed by the
commands goes through :func:`console` and :class:`App`, which do not.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from typing import TYPE_CHECKING, Any, TextIO

import typer

if TYPE_CHECKING:  # rich costs ~0.1 s to import: only the commands that print tables pay for it
    from rich.console import Console

# rich needs a width; into a pipe it gets one no line reaches, so nothing is wrapped
PIPE_WIDTH = 1_000_000


def on_terminal(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):  # a closed or odd stream
        return False


# what a stream must be able to write for our output: Chinese names (one outside the BMP), accents, the box
PROBE_TEXT = "商务部\U0002a6a5é┃"


def writes_unicode(stream: TextIO | None) -> bool:
    """Whether ``stream``'s encoding can write any name a page gives (UTF-8, GB18030); not ASCII or Latin-1."""
    try:
        PROBE_TEXT.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeError, LookupError):
        return False
    return True


def ascii_stream(stream: TextIO | None) -> bool:
    """Whether ``stream`` says its encoding is ASCII (the C or POSIX locale, ``PYTHONIOENCODING=ascii``)."""
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "ascii"
    except LookupError:
        return False


def tolerant_streams() -> None:
    """stdout and stderr that cannot write a Chinese name. An ASCII one (``LC_ALL=C`` with ``PYTHONUTF8=0`` and
    ``PYTHONCOERCECLOCALE=0``, ``PYTHONIOENCODING=ascii``) writes UTF-8, as click, under typer, takes an ASCII stream
    for a misconfigured one and writes this program's own lines (``typer.echo``) in UTF-8 there, and as Python itself
    does under the C locale unless told not to (PEP 538, 540). Any other (a Latin-1 locale, a Windows console) writes
    the name as ``\\u5546`` escapes, which :func:`shown` makes before a table measures its cells: the command's output
    and exit code, rather than a UnicodeEncodeError at the first name (exit 4, nothing printed). Was: an ASCII stream
    got rich's tables in escapes, measured as the names they stand for (columns out of line), and click's lines
    between them in UTF-8 (cli35, cli36)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or writes_unicode(stream) or not hasattr(stream, "reconfigure"):
            continue
        if ascii_stream(stream):
            stream.reconfigure(encoding="utf-8", errors=stream.errors)
        else:
            stream.reconfigure(errors="backslashreplace")


class LostOutput(io.TextIOBase):
    """Standard output that cannot be written: closed (``status >&-``) or open for reading only (``status 1</dev/null``).
    What the command prints is counted here, not written; :func:`mofcom_watch.cli.main` then says ``write error`` and
    exits 1, as coreutils do. Was: the output lost without a word and the command's own exit code (0 to a script), or,
    open for reading, "internal error: OSError: [Errno 9] Bad file descriptor", exit 4 (cli35, cli36)."""

    def __init__(self) -> None:
        super().__init__()
        self.lost = 0  # characters the command printed that went nowhere

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str | bytes) -> int:  # type: ignore[override]
        self.lost += len(text)
        return len(text)

    @property
    def buffer(self) -> LostOutput:  # (``evidence --out -`` writes the zip's bytes there)
        return self


def lost_stdout() -> LostOutput | None:
    """Put a :class:`LostOutput` in place of a standard output that cannot be written, and return it (None when it
    can be). A descriptor 1 closed at the start is taken by ``/dev/null``: the next file the command opens would
    otherwise get it, and whatever wrote to descriptor 1 (a child process) would write into that file."""
    stream = sys.stdout
    if stream is None:  # closed at the interpreter's start
        devnull = os.open(os.devnull, os.O_WRONLY)
        if devnull != 1:
            os.dup2(devnull, 1)
            os.close(devnull)
    else:
        try:
            import fcntl

            readable_only = fcntl.fcntl(stream.fileno(), fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
        except (ImportError, AttributeError, OSError, ValueError):  # no descriptor: a stand-in (tests in-process)
            return None
        if not readable_only:
            return None
    sys.stdout = lost = LostOutput()
    return lost


class QuietPipe(io.FileIO):
    """Standard output or error going into a pipe whose reader has left (``status | head -1``): what follows
    goes to ``/dev/null``, as ``cat`` or ``git`` would have stopped writing, rather than a BrokenPipeError in the
    middle of a table (which click turns into exit 1, "problems reported", and Python's exit into a traceback)."""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except BrokenPipeError:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self.fileno())
            finally:
                os.close(devnull)
            return len(memoryview(data))  # the reader wanted no more: written, as far as the command is concerned


def quiet_pipes() -> None:
    """stdout and stderr into a pipe or socket become streams a closed reader cannot break (:class:`QuietPipe`): the
    command carries on and exits with its own code, as it would with its output read to the end. Python ignores
    SIGPIPE (``serve`` needs that on its sockets), so the Unix habit of dying by it is not to be had; a terminal or
    a file never closes under the writer and keeps its stream."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        try:
            fd = stream.fileno()
            mode = os.fstat(fd).st_mode
        except (AttributeError, OSError, ValueError):  # no stream, or a stand-in (tests run commands in-process)
            continue
        if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)) or not isinstance(stream, io.TextIOWrapper):
            continue
        stream.flush()
        quiet = io.TextIOWrapper(io.BufferedWriter(QuietPipe(fd, "w", closefd=False)), encoding=stream.encoding,
                                 errors=stream.errors, line_buffering=stream.line_buffering,
                                 write_through=stream.write_through)
        setattr(sys, name, quiet)


def json_text(value: Any) -> str:
    """``value`` as the JSON a command prints: UTF-8 text as it is, ``\\uXXXX`` escapes (still valid JSON, the
    same strings once read) where stdout cannot write it."""
    import json  # not at the top: `--help` prints no JSON

    return json.dumps(value, ensure_ascii=not writes_unicode(sys.stdout), indent=2)


def console(*, stderr: bool = False) -> Console:
    """A rich console for stdout (or stderr): the terminal's width, or no wrapping at all into a pipe."""
    from rich.console import Console

    if on_terminal(sys.stderr if stderr else sys.stdout):
        return Console(stderr=stderr)
    return Console(stderr=stderr, width=PIPE_WIDTH, soft_wrap=True, no_color=True, highlight=False)


def shown(value: Any) -> str:
    """Page-derived text made safe to print: no terminal escape sequence, control or bidi character; on a standard
    output that cannot write it (:func:`tolerant_streams`), with ``\\u5546`` escapes for what it cannot."""
    from storage.cleantext import clean_text  # not at the top: `--help` prints no page text (issue 11)

    text = clean_text("" if value is None else str(value))
    if text.isascii() or writes_unicode(sys.stdout):
        return text
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"  # escaped here, so a table measures what is printed
    return text.encode(encoding, "backslashreplace").decode(encoding)


def print_command(console: Console, command: str) -> None:
    """A command for a person to copy (``mofcom-watch accept 'URL' SHA256``): one line at any terminal width, wrapped
    on screen by the terminal alone. Was: rich broke it at the width with newlines (a page's URL is 90 to 300
    characters), and the lines copied and pasted into a shell ran ``mofcom-watch accept`` without its arguments
    (cli34)."""
    from rich.text import Text

    console.print(Text(shown(command)), soft_wrap=True)


# what a value is, by option name; any other option shows its name upper-cased
METAVARS = {"db": "URL", "config": "FILE", "as_of": "DATE", "out": "DIR", "since": "YEAR", "watchlist": "FILE",
            "fetched_at": "TIME", "base_url": "URL", "cron": "EXPR", "host": "HOST", "port": "PORT",
            "directory": "DIR"}


def plain_metavars(command: Any) -> None:
    """Values named for what they are (``--db URL``, ``parse FILE``), as argparse and click users
    expect; typer would print the Python type (``--db <str>``, ``file <path>``)."""
    for param in command.params:
        if param.param_type_name == "argument":
            param.make_metavar = _usage_metavar(param)  # FILE, [NAME]; not typer's {FILE}
        if param.metavar is not None or getattr(param, "is_flag", False) or getattr(param, "count", False):
            continue
        name = param.name or "value"
        param.metavar = METAVARS.get(name, name.upper())
    for param in command.params:
        if getattr(param.type, "name", None) == "path":
            _plain_paths(param)


def _plain_paths(param: Any) -> None:
    """A path given as an empty string or as a URL is a usage error naming it, as click says any bad value. Was:
    ``""`` became ``.`` (``replay ""`` stored every file of the working directory, the store among them, as pages;
    ``feeds --out ""`` wrote 35 feed files there; ``--config ""``: "cannot read .: Is a directory"), and a URL lost a
    slash ("https:/www.mofcom.gov.cn/x.html: no such file") (cli37)."""
    convert = param.type.convert

    def plain(value: Any, given: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            param.type.fail(f"{value!r} is empty: name a {param.metavar or 'path'} (a variable left unset?)", given, ctx)
        if isinstance(value, str) and "://" in value and not os.path.lexists(value):
            param.type.fail(f"{value!r} is a URL: {param.metavar or 'it'} is a path on this machine (download it "
                            "first)", given, ctx)
        return convert(value, given, ctx)

    param.type.convert = plain


def _usage_metavar(param: Any) -> Any:
    """An argument as click and argparse show it: ``FILE`` when required, ``[NAME]`` when not (typer 0.28
    writes a required one as ``{FILE}``, which reads as a set or a template)."""
    def make_metavar(*_args: Any, usage: bool = False, **_kwargs: Any) -> str:
        name = param.metavar or (param.name or "value").upper()
        name += "..." if param.nargs != 1 else ""
        return f"[{name}]" if usage and not param.required else name

    return make_metavar


class App(typer.Typer):
    """typer's app, whose usage errors are plain click lines (``Error: …``) unless both stdout and
    stderr are terminals: its rich error panel is boxed and wrapped at 80 columns in a pipe."""

    @property  # type: ignore[override]
    def rich_markup_mode(self) -> Any:
        if on_terminal(sys.stdout) and on_terminal(sys.stderr):
            return self._rich_markup_mode
        return None

    @rich_markup_mode.setter
    def rich_markup_mode(self, value: Any) -> None:
        self._rich_markup_mode = value
