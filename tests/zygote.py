"""Test-only: real ``mofcom-watch`` processes without paying the imports each time (trim23).

A ``python -m mofcom_watch`` process spends ~0.8-1 s of CPU importing (SQLAlchemy's ORM, the storage, the parser)
before it does anything, and the suite starts well over a thousand of them. The zygote is a process that imports
``mofcom_watch.cli`` and every command's module once (per pytest worker), then forks a child per command. The child
is a real process (its own pid, exit code, files and locks): it gets the launcher's standard input, output and error
(the same descriptors: the test's pipes), argv, environment, working folder and umask, rebuilds ``sys.stdin``/
``sys.stdout``/``sys.stderr`` as the interpreter's start would have on those descriptors (the encodings the launcher's
own start chose), re-reads the time zone, and runs ``mofcom_watch`` as ``-m`` does (``runpy``): the same
``__main__``, ``main()``, exit handling and interpreter exit (threads joined, ``atexit``, streams flushed; the freeing of every object only where the command left one that does something when freed: :func:`end`). Tests call :func:`command` where they would have
started ``[sys.executable, "-m", "mofcom_watch", ...]``; the process they start is ``tests/zygote_launch.py``, which
exits as the child did.

Used only where a test does not look at start-up, imports, terminals, process groups, signals sent to the process or
its pid: those keep plain ``subprocess``. The launcher becomes the real program (exec) whenever the zygote cannot
reproduce the start exactly: a different locale, ``PYTHON*``, ``LD_*``/faketime, terminal or colour variable read at
import, other resource limits, signals ignored other than the zygote's, a session or group leader, descriptors passed
beyond 0-2, or no zygote.
Before serving, the zygote runs a few commands in-process on a throwaway store (:func:`warm_sql`), so that its
children find their SQL compiled (``storage.sqlcache``), and puts back what they changed in the program's modules.
``MOFCOM_TEST_NO_ZYGOTE=1`` turns it off for the whole suite (every command then exec's the real program).
``MOFCOM_TEST_ZYGOTE_LOGS=DIR`` keeps each worker's ``served.log``, ``refused.log`` and ``exits.log`` in DIR when the
worker ends (what went through a zygote, what did not and why, which child exited as the interpreter does and why:
removed with the zygote's folder otherwise). A child ends without freeing the zygote's objects (:func:`end`).

The project's modules read no environment, working folder or terminal at import (checked: nothing at module level
reads ``os.environ``, ``Path.cwd()``, ``sys.stdout`` or ``isatty``); the zygote refuses to serve if importing them
printed or warned anything, since a real process would have shown that on its stderr.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import io
import os
import resource
import runpy
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAUNCH = Path(__file__).resolve().with_name("zygote_launch.py")
OFF = "MOFCOM_TEST_NO_ZYGOTE"
KEEP_LOGS = "MOFCOM_TEST_ZYGOTE_LOGS"  # a folder: each worker copies its zygote's served.log and refused.log there at exit
# differing values of these mean a different start (locale, interpreter options, preloaded libraries, terminal)
# (typer reads TYPER_USE_RICH, TERMINAL_WIDTH, _TYPER_*, GITHUB_ACTIONS, FORCE_COLOR, PY_COLORS when imported; COLUMNS
# and LINES are read when a console is made, in the child: GNU readline puts them in the C environment of a pytest -n 0)
KEEP_PREFIXES = ("PYTHON", "LC_", "LD_", "FAKETIME", "SQLALCHEMY", "TERM", "COLORTERM", "CLICOLOR", "FORCE_COLOR",
                 "NO_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "LANG", "_TYPER", "TYPER", "RICH", "JUPYTER", "TTY")
BENIGN = frozenset({"PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE"})  # where compiled bytecode goes: not behaviour
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2,
           signal.SIGALRM, signal.SIGCHLD)  # as tests/zygote_launch.py lists them


def ignored() -> str:
    """Which of :data:`SIGNALS` this process started with ignored (a shell's background job: INT and QUIT)."""
    return ",".join("ign" if signal.getsignal(s) == signal.SIG_IGN else "dfl" for s in SIGNALS)


LIMITS = ";".join("%d,%d" % resource.getrlimit(n) for n in range(16))  # as tests/zygote_launch.py sends them


# ---- the server (python -m tests.zygote SOCKET) -------------------------------------------------------------------

def preload() -> str | None:
    gc.disable()  # as mofcom_watch/__main__.py and cli.main do while the command is imported
    out, err = io.StringIO(), io.StringIO()
    before = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        with warnings.catch_warnings(record=True) as caught:
            from storage.codecache import install

            install()  # as mofcom_watch/__main__.py's console_main does before it imports the CLI
            importlib.import_module("mofcom_watch.cli")
            from mofcom_watch.commands import COMMANDS

            for entry in COMMANDS.values():
                importlib.import_module(entry.module)
            for name in lazy_modules():
                importlib.import_module(name)
            compile_lazy_patterns()
            from sqlalchemy.orm import configure_mappers

            configure_mappers()  # what a command's first query does (its mapped classes are all imported by now)
            unchanged = warm_sql()
    finally:
        sys.stdout, sys.stderr = before
    gc.collect()
    gc.freeze()  # what the imports made lives as long as the process (mofcom_watch.lazygroup.release_collector)
    gc.enable()
    said = out.getvalue() + err.getvalue() + "".join(f"{w.category.__name__}: {w.message}\n" for w in caught)
    return said or unchanged


# The warm-up's commands (tests.feeds.replayed's fixtures, fetch time and day): what most forked commands compile
WARM_AS_OF = "2026-11-29"
WARM_COMMANDS = (("replay", str(ROOT / "fixtures"), "--fetched-at", "2026-11-29T02:00:00+00:00", "--as-of", WARM_AS_OF),
                 ("status", "--as-of", WARM_AS_OF), ("status", "--json", "--as-of", WARM_AS_OF),
                 ("timeline", "skydio", "--as-of", WARM_AS_OF), ("feeds", "--as-of", WARM_AS_OF, "--out"))
# what the warm-up is there to fill, or keeps as any command would (pure caches: the same for every store and day)
WARMED = frozenset({("storage.sqlcache", "COMPILED"), ("storage.records", "_FIELDS"), ("scraper.parse.textnorm", "_MARKS"),
                    ("mofcom_watch.publish", "_renderer_version"), ("storage.newstore", "_SCRIPT")})


def warm_sql() -> str | None:
    """Run a few commands in this process on a throwaway store (a replay of the fixtures, status, a timeline, a
    publish), so that the SQL they compile is in :data:`storage.sqlcache.COMPILED`, which every forked command then
    finds compiled (session 56: compiling was ~15% of a forked command's CPU). A child must still start as the real
    program: the warm-up must leave every global of the program's modules and every attribute of their classes as it
    found them (but :data:`WARMED`), the logging setup, the environment, the working folder and the threads. Returns
    what it changed (the zygote then serves no command: each runs the real program, slower, never otherwise)."""
    from typer.testing import CliRunner

    from mofcom_watch.cli import app

    state, logs = module_state(), logging_state()
    process = process_state()
    folder = tempfile.mkdtemp(prefix="mofcom-zygote-warm-")
    failed = []
    try:
        runner = CliRunner()
        for args in WARM_COMMANDS:
            result = runner.invoke(app, ["--db", f"sqlite:///{folder}/store.sqlite", *args, *(
                [f"{folder}/out"] if args[-1] == "--out" else [])],
                                   env={"MOFCOM_WATCH_DATA_DIR": folder, "MOFCOM_WATCH_FEEDS_DIR": f"{folder}/feeds"})
            if result.exit_code not in (0, 1):  # 1: the fixtures hold unusable pages on purpose
                failed.append(f"{args[0]}: exit {result.exit_code}: {result.output[-300:]!r}")
    finally:
        restore_logging(logs)
        shutil.rmtree(folder, ignore_errors=True)
        gc.collect()  # the warm-up's engines (weakly held by the program's registries)
        restore_modules(state)
    after = module_state()
    changed = sorted(f"{module}.{name}" for module, name in set(state) | set(after)
                     if (module, name.split(".")[0]) not in WARMED and differs(state.get((module, name)), after.get((module, name))))
    changed += [f"the process's {what}" for what, (was, now) in zip(PROCESS, zip(process, process_state())) if was != now]
    if failed or changed:
        return "the warm-up " + "; ".join(failed + [f"changed {', '.join(changed[:8])}"] if changed else failed)
    return None


PROCESS = ("environment", "working folder", "umask", "threads", "signal handlers", "exit handlers", "standard streams")


def process_state() -> tuple[object, ...]:
    """What a forked child inherits beside the modules (:data:`PROCESS`)."""
    import threading

    umask = os.umask(0o022)
    os.umask(umask)
    return (dict(os.environ), os.getcwd(), umask, threading.active_count(), [signal.getsignal(s) for s in SIGNALS],
            atexit._ncallbacks(), (sys.stdin, sys.stdout, sys.stderr))


Held = tuple[object, object, object]  # (the object, where it is: a module or a class, its contents if a container)


def module_state() -> dict[tuple[str, str], Held]:
    """Every global of the program's modules and every attribute of their classes: the object, what holds it, and for
    a container (a dict, list, set or their kin) a copy of what it holds."""
    import collections.abc

    state: dict[tuple[str, str], Held] = {}

    def held(value: object, owner: object) -> Held:
        if isinstance(value, collections.abc.Mapping) and isinstance(value, collections.abc.MutableMapping):
            return value, owner, list(value.items())
        if isinstance(value, (collections.abc.MutableSequence, collections.abc.MutableSet)):
            return value, owner, list(value)
        return value, owner, None

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in PACKAGES:
            continue
        for attr, value in list(vars(module).items()):
            if attr == "__builtins__":  # (the interpreter's)
                continue
            state[(name, attr)] = held(value, module)
            if isinstance(value, type) and value.__module__ == name:
                for inner, member in list(vars(value).items()):
                    state[(name, f"{attr}.{inner}")] = held(member, value)
    return state


def differs(was: Held | None, now: Held | None) -> bool:
    return was is None or now is None or was[0] is not now[0] or was[2] != now[2]


def restore_modules(state: dict[tuple[str, str], Held]) -> None:
    """Put back what the warm-up changed (but :data:`WARMED`): a name bound to another object is bound to the first
    again, a container refilled with what it held; the descriptors ``storage.heldfile`` kept open are closed. What the
    program keeps once per process (its engine's digest, a first reading of a file) is then made again by each child,
    as by the real program."""
    import collections.abc

    from storage import heldfile

    for fd in set(heldfile._kept) - {fd for fd, _ in state[("storage.heldfile", "_kept")][2]}:  # type: ignore[union-attr]
        heldfile._kept.pop(fd)
        os.close(fd)
    now = module_state()
    for (module, name), (value, owner, contents) in state.items():
        if (module, name.split(".")[0]) in WARMED or not differs((value, owner, contents), now.get((module, name))):
            continue
        attr = name.rsplit(".", 1)[-1]
        if getattr(owner, attr, None) is not value:
            setattr(owner, attr, value)
        if isinstance(value, collections.abc.MutableMapping):
            value.clear()
            value.update(contents)  # type: ignore[arg-type]
        elif isinstance(value, collections.abc.MutableSequence):
            value[:] = contents  # type: ignore[index]
        elif isinstance(value, collections.abc.MutableSet):
            value.clear()
            value |= set(contents)  # type: ignore[arg-type]


def logging_state() -> list[tuple[object, ...]]:
    import logging

    loggers = [logging.getLogger(), *(v for v in logging.Logger.manager.loggerDict.values() if isinstance(v, logging.Logger))]
    return [(lg, lg.level, list(lg.handlers), list(lg.filters), lg.propagate, lg.disabled) for lg in loggers] + [
        (None, logging.root.manager.disable)]


def restore_logging(saved: list[tuple[object, ...]]) -> None:
    """The logging setup as :func:`logging_state` found it (a command's ``setup_logging`` sets the root's handlers and
    levels; a child sets its own as the real program does, on a logging module as it was after the imports)."""
    import logging

    known = set()
    for entry in saved:
        if entry[0] is None:
            logging.disable(entry[1])
            continue
        lg, level, handlers, filters, propagate, disabled = entry
        known.add(id(lg))
        lg.setLevel(level)
        lg.handlers[:] = handlers
        lg.filters[:] = filters
        lg.propagate, lg.disabled = propagate, disabled
    for lg in list(logging.Logger.manager.loggerDict.values()):  # made by the warm-up: as a fresh one
        if isinstance(lg, logging.Logger) and id(lg) not in known:
            lg.setLevel(logging.NOTSET)
            lg.handlers[:] = []


PACKAGES = ("feeds", "mofcom_watch", "scraper", "storage")
NOT_IMPORTED = ("storage.migrations",)  # alembic runs its env.py (which migrates at import) and version files itself
# what commands import inside a function, when they need it (the program's lazy imports, issue 11's start-up): alembic
# to migrate, cn2an for a Chinese numeral, the SQL dialects an engine loads
LIBRARIES = ("alembic.command", "alembic.config", "alembic.runtime.environment", "alembic.runtime.migration",
             "alembic.script", "alembic.ddl.sqlite", "alembic.ddl.postgresql", "cn2an", "sqlalchemy.dialects.sqlite",
             "sqlalchemy.dialects.sqlite.pysqlite", "sqlalchemy.dialects.postgresql")


def lazy_modules() -> list[str]:
    """Every module of the program (each command imports the rest of what it uses when it runs: the parser's MFA
    readers, the crawler, the publisher, ...) and the libraries it imports late: imported once here, each forked
    command finds them imported, as the CLI and the commands' modules (trim23; ~25% of the forked commands' profiled
    time was these imports, session 55). None reads the environment or the terminal at import."""
    import pkgutil

    names = []
    for package in PACKAGES:
        names.append(package)
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if not info.name.startswith(NOT_IMPORTED) and not info.name.endswith(".__main__"):
                names.append(info.name)
    return [*names, *LIBRARIES]


def compile_lazy_patterns() -> int:
    """Compile the parser's patterns that compile on their first use (:mod:`scraper.parse.lazyre`: a module-level
    one, or one in a module-level tuple, list or dict), as a command's first use does; their use is the same after.
    Was: each forked command compiled those its pages asked for (~4% of their profiled time, session 55)."""
    from scraper.parse.lazyre import LazyPattern

    done = 0
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith(PACKAGES):
            continue
        for value in list(vars(module).values()):
            held = value.values() if isinstance(value, dict) else value if isinstance(value, (tuple, list)) else (value,)
            for item in held:
                if isinstance(item, LazyPattern):
                    item.search  # noqa: B018 - the first attribute asked compiles it
                    done += 1
    return done


def keep(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith(KEEP_PREFIXES) and k not in BENIGN}


def receive(conn: socket.socket) -> tuple[list[bytes], list[int]]:
    data, fds = b"", []
    msg, ancdata, _flags, _addr = conn.recvmsg(1 << 16, socket.CMSG_SPACE(3 * 4))
    for level, kind, raw in ancdata:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds += [int.from_bytes(raw[i:i + 4], sys.byteorder) for i in range(0, len(raw) - len(raw) % 4, 4)]
    size, data = int.from_bytes(msg[:8], "big"), msg[8:]
    while len(data) < size:
        more = conn.recv(size - len(data))
        if not more:
            raise OSError("short request")
        data += more
    return data.split(b"\0"), fds


class Request:
    def __init__(self, fields: list[bytes]) -> None:
        text = [os.fsdecode(f) for f in fields]
        self.cwd, umask, self.signals, self.limits, self.group, self.fds = text[:6]
        self.umask = int(umask)
        self.streams = [text[6 + 4 * i: 10 + 4 * i] for i in range(3)]
        argc = int(text[18])
        self.args = text[19:19 + argc]
        self.env = dict(item.split("=", 1) for item in text[19 + argc:])

    def refusal(self, home_env: dict[str, str], home_signals: str) -> str | None:
        """Why the zygote's child would not start as the real program would (None: it would)."""
        if self.signals != home_signals:  # the child inherits the zygote's dispositions: they must be the launcher's
            return f"signals ignored: {self.signals} (zygote: {home_signals})"
        if self.limits != LIMITS:
            return f"resource limits {self.limits}"
        if self.group != "member":
            return "a session or process-group leader"
        if len(self.fds.split(",")) != 4 or not self.fds.startswith("0,1,2,"):
            return f"descriptors {self.fds}"
        if keep(self.env) != keep(home_env):
            mine, theirs = keep(home_env), keep(self.env)
            return "environment differs: " + ", ".join(f"{k}={theirs.get(k)!r} (zygote: {mine.get(k)!r})"
                                                       for k in sorted(set(mine) | set(theirs)) if mine.get(k) != theirs.get(k))
        return None


def become(req: Request, fds: list[int]) -> None:
    """In the forked child: the launcher's descriptors, folder, environment and streams; then ``-m mofcom_watch``."""
    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target, inheritable=True)
    for fd in fds:
        if fd > 2:
            os.close(fd)
    os.chdir(req.cwd)
    os.umask(req.umask)
    os.environ.clear()
    os.environ.update(req.env)
    time.tzset()
    sys.path[0] = req.cwd  # as -m puts the working folder first
    streams = []
    for fd, (encoding, errors, line_buffering, write_through) in enumerate(req.streams):
        buffered = io.open(fd, "rb" if fd == 0 else "wb", -1, closefd=False)
        buffered.raw.name = ("<stdin>", "<stdout>", "<stderr>")[fd]  # type: ignore[attr-defined,union-attr]
        text = io.TextIOWrapper(buffered, encoding, errors, "\n", line_buffering == "1", write_through == "1")
        text.mode = "r" if fd == 0 else "w"  # type: ignore[misc]
        streams.append(text)
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams  # type: ignore[misc]
    sys.argv = ["-m", *req.args]
    try:
        runpy._run_module_as_main("mofcom_watch")  # type: ignore[attr-defined]  # as python -m does
    except SystemExit as done:
        code = done.code
    else:
        code = None
    if code is not None and not isinstance(code, int):
        raise SystemExit(code)  # the interpreter prints it: as the real program's exit does
    end(0 if code is None else code)


def end(code: int) -> None:
    """The child's exit, as the interpreter's would be, without tearing down the zygote's modules.

    An interpreter's exit joins the threads, runs the ``atexit`` functions, flushes the standard streams, then frees
    every module and object. Freed in a forked child, the zygote's ~130 MB of objects are each written to (their
    reference counts), a copy of nearly every page: ~0.1 s of CPU a command on these machines (session 61: 9,500
    page faults for a 59 MB heap), 2,000-odd commands in the suite. What the freeing could still do that a user
    sees comes from the command's own objects, all in :func:`gc.get_objects` (the zygote's are frozen): an open
    file's unwritten buffer, a SQLite connection's last close (its checkpoint removes the ``-wal``), a suspended
    generator's ``finally``, a ``__del__``. While any of these lives, the child exits as the interpreter does."""
    import atexit
    import threading

    threading._shutdown()  # type: ignore[attr-defined]  # as the interpreter's exit, in its order
    atexit._run_exitfuncs()  # clears them: the interpreter's own exit below does not run them twice
    if lingering():
        note("exits.log", f"{os.getpid()} the interpreter's exit: {lingering(True)}")
        raise SystemExit(code)
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except BaseException:  # noqa: BLE001 - said by the interpreter's own flush, as the real program's exit says it
        raise SystemExit(code) from None
    os._exit(code & 0xFF)


def lingering(say: bool = False) -> bool | str:
    """Whether an object the command made would do something when freed at the interpreter's exit (``say``: which)."""
    import sqlite3
    import types

    streams = set()  # the standard streams, their buffers and raw files: flushed by end()
    for layer in (sys.stdin, sys.stdout, sys.stderr):
        while layer is not None:
            streams.add(id(layer))
            layer = getattr(layer, "buffer", None) or getattr(layer, "raw", None)
    finalized: dict[type, bool] = {}
    wrappers: list[object] = []
    for obj in gc.get_objects():
        kind = type(obj)
        if kind not in finalized:  # a __del__ written in Python (a C type's is a slot wrapper: its own, freeing memory)
            method = getattr(kind, "__del__", None)
            finalized[kind] = method is not None and not isinstance(method, types.WrapperDescriptorType)
        if isinstance(obj, io.IOBase):
            if id(obj) in streams or obj.closed or isinstance(obj, (io.StringIO, io.BytesIO)):
                continue
            raw = obj
            while getattr(raw, "buffer", None) is not None or getattr(raw, "raw", None) is not None:
                raw = getattr(raw, "buffer", None) or raw.raw
            if not (isinstance(raw, io.FileIO) and not raw.closefd):
                return repr(obj) if say else True  # freeing it would close a file (and flush what it holds)
            wrappers.append(obj)  # another stream on a standard descriptor (the program's own): freeing flushes it
        elif isinstance(obj, sqlite3.Connection):
            return repr(obj) if say else True
        elif isinstance(obj, (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)):
            if getattr(obj, "gi_frame", None) is not None or getattr(obj, "cr_frame", None) is not None \
                    or getattr(obj, "ag_frame", None) is not None:
                return repr(obj) if say else True
        elif finalized[kind]:
            return repr(kind) if say else True
    try:
        for stream in wrappers:
            if not isinstance(stream, io.FileIO):
                stream.flush()  # type: ignore[attr-defined]
    except BaseException:  # noqa: BLE001 - the interpreter's exit tries it again and says it
        return "a stream's flush failed" if say else True
    return False


def note(name: str, line: str) -> None:
    """One line in the zygote's folder (``served.log``: pid and argv of each child; ``refused.log``: why not)."""
    with open(os.path.join(FOLDER, name), "a", encoding="utf-8") as handle:
        handle.write(line.replace("\n", " ") + "\n")


def watch(conn: socket.socket, req: Request, fds: list[int]) -> bool:
    """In the watcher (forked per request): fork the child, tell the launcher its pid, pass its signals on, report how
    it ended. True in the child (which goes on to :func:`become`); the watcher itself never returns."""
    child = os.fork()
    if child == 0:
        return True
    try:
        for fd in fds:
            os.close(fd)
        pidfd = os.pidfd_open(child)
        note("served.log", f"{child} {req.args!r}")
        conn.sendall(b"P%d\n" % child)
        while True:
            ready, _, _ = select.select([pidfd, conn], [], [])
            if pidfd in ready:
                _, status = os.waitpid(child, 0)
                if os.WIFSIGNALED(status):
                    conn.sendall(b"S%d\n" % os.WTERMSIG(status))
                else:
                    conn.sendall(b"X%d\n" % os.waitstatus_to_exitcode(status))
                break
            if conn in ready and not conn.recv(64):  # the launcher is gone (killed): so is its process
                raise ConnectionResetError
    except OSError:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    finally:
        os._exit(0)


FOLDER = ""


def leave(_signum: int, _frame: object) -> None:
    """SIGTERM (the worker is done): reap every watcher first, so that the children's CPU time is counted in ours."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            os._exit(0)


def serve(path: str) -> None:
    global FOLDER
    FOLDER = os.path.dirname(path)
    home_signals = ignored()  # before anything is imported, as the launcher's start
    home_term = signal.getsignal(signal.SIGTERM)
    refused = preload()
    home_env = dict(os.environ)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(128)
    parent = os.getppid()
    signal.signal(signal.SIGTERM, leave)
    while True:
        while True:  # reap the watchers that have finished
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        if not select.select([listener], [], [], 5)[0]:
            if os.getppid() != parent:  # the pytest worker is gone (killed): no one will stop us
                os._exit(0)
            continue
        conn, _ = listener.accept()
        fds: list[int] = []
        args: list[str] = []
        try:
            fields, fds = receive(conn)
            req = Request(fields)
            args = req.args
            why = refused or req.refusal(home_env, home_signals)
        except (OSError, ValueError, IndexError) as exc:
            why = f"bad request: {exc}"
        if why is not None or len(fds) != 3:  # the launcher becomes the real program
            note("refused.log", f"{why or 'no descriptors'}: {args!r}")
            try:
                conn.sendall(b"E%s\n" % (why or "no descriptors").replace("\n", " ").encode())
            except OSError:
                pass
            for fd in fds:
                os.close(fd)
            conn.close()
            continue
        if os.fork() == 0:  # the watcher
            signal.signal(signal.SIGTERM, home_term)  # as the zygote started (the child's too)
            listener.close()
            if watch(conn, req, fds):  # only the child returns
                conn.close()
                break
        for fd in fds:
            os.close(fd)
        conn.close()
    become(req, fds)  # the child alone gets here; SystemExit from the command ends it as the interpreter would


# ---- the client side (pytest workers) -----------------------------------------------------------------------------

_state: dict[str, object] = {}


def _socket_path() -> str | None:
    if os.environ.get(OFF):
        return None
    if "path" not in _state:
        folder = tempfile.mkdtemp(prefix="mofcom-zygote-")
        path = os.path.join(folder, "z.sock")
        env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
        proc = subprocess.Popen([sys.executable, "-m", "tests.zygote", path], cwd=ROOT, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)

        def stop() -> None:
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            keep = os.environ.get(KEEP_LOGS)
            if keep:  # what was served and refused, per worker, for a look at the suite's cost after the run
                for name in ("served.log", "refused.log", "exits.log"):
                    if os.path.exists(os.path.join(folder, name)):
                        os.makedirs(keep, exist_ok=True)
                        shutil.copyfile(os.path.join(folder, name), os.path.join(keep, f"{os.getpid()}-{name}"))
            shutil.rmtree(folder, ignore_errors=True)

        atexit.register(stop)
        deadline = time.monotonic() + 60
        while not os.path.exists(path) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # the imports (~1.5 s of CPU): until then every command would exec the real program
        _state["path"] = path
        _state["proc"] = proc
    return str(_state["path"])


def logged(name: str) -> list[str]:
    """The lines of the running zygote's ``served.log`` or ``refused.log`` (see :func:`note`)."""
    path = _socket_path()
    log = Path(path or "").with_name(name)
    return log.read_text(encoding="utf-8").splitlines() if path and log.exists() else []


def command(*args: str) -> list[str]:
    """The command line that starts ``mofcom-watch ARGS``: through the zygote, or the real program when it is off."""
    path = _socket_path()
    if path is None:
        return [sys.executable, "-m", "mofcom_watch", *args]
    return [sys.executable, "-S", str(LAUNCH), path, *args]


if __name__ == "__main__":
    serve(sys.argv[1])
