"""Effective configuration: defaults, then a TOML file, then environment variables, then flags.

Every setting has a default that works out of the box. One table (:data:`FIELDS`) says, for each
setting, where it lives in the TOML file, which environment variable overrides it and how to
read it, so loading, validation and ``mofcom-watch config`` all agree. Each value remembers where
it came from (``Settings.origins``).
"""

from __future__ import annotations

import dataclasses
import ipaddress
import math
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_DATA_DIR = "data"
DEFAULT_CRON = "*/30 * * * *"
DEFAULT_PORT = 8080
DEFAULT_HOST = "127.0.0.1"
WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})  # listen on every address
DEFAULT_USER_AGENT = "mofcom-watch/0.1.0 (+https://github.com/mofcom-watch/mofcom-watch)"
CONFIG_ENV = "MOFCOM_WATCH_CONFIG"
DB_ENV = "MOFCOM_WATCH_DB"
LOG_FORMATS = ("text", "json")
URL_SCHEMES = ("http://", "https://")  # public_base_url, base_urls, feeds --base-url (any case)
HOST_LABEL_RE = re.compile(r"[\w-]{1,63}")  # one label of a host name (\w: '_' of Docker service names, IDN letters)
HOST_NAME_MAX = 253
# the most a setting in seconds may be: past these a run waits for nothing a person would wait for, and past ~1e11 the
# clock's arithmetic overflows (an internal error, exit 4, on every run)
MAX_REQUEST_DELAY = 600.0  # between two requests to one host: 40 pages would take 6 h 40 min
MAX_TIMEOUT = 3600.0  # per read (a whole answer: 10 times it)
MAX_LOCK_WAIT = 86400.0  # for another writer's run lock: a day, as storage.runlock's stale limit is below one


class ConfigError(ValueError):
    """A bad configuration file or value: the CLI prints it as one clear line and exits 2."""

    def __init__(self, message: str) -> None:
        super().__init__(f"configuration: {message}")


@dataclass(frozen=True)
class Settings:
    """The effective configuration, read-only once loaded. Paths are as given (relative to the working directory)."""

    data_dir: Path = field(default_factory=lambda: Path(DEFAULT_DATA_DIR))
    db_url: str | None = None  # None: sqlite file under data_dir
    feeds_dir: Path | None = None  # None: data_dir / "feeds"
    public_base_url: str | None = None  # None: serve_url + "feeds/"
    watchlist: Path | None = None
    cron: str = DEFAULT_CRON
    timezone: str = "UTC"
    run_at_start: bool = True  # the scheduler runs one cycle as soon as it starts
    stale_after_minutes: int = 180  # status and /healthz fail when the last run is older (default: see stale_after)
    lock_wait_seconds: float = 600.0  # replay and run wait this long for another writer's run lock
    http_host: str = DEFAULT_HOST
    http_port: int = DEFAULT_PORT
    sources: tuple[str, ...] = ()  # empty: every default source
    base_urls: dict[str, str] = field(default_factory=dict)  # host -> URL (a local copy of the site)
    since: int | None = None  # backfill back to this year on the first run
    user_agent: str = DEFAULT_USER_AGENT
    request_delay: float = 2.0  # seconds between requests to one host
    per_host_concurrency: int = 1
    concurrency: int = 4
    timeout: float = 30.0
    retries: int = 3
    max_body_bytes: int = 20_000_000
    log_format: str = "text"
    config_path: Path | None = None
    origins: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def database_url(self) -> str:
        if self.db_url:
            return self.db_url
        return f"sqlite:///{self.data_dir / 'mofcom-watch.sqlite'}"

    @property
    def feeds_path(self) -> Path:
        """Where feed files are written and served from."""
        return self.feeds_dir if self.feeds_dir is not None else self.data_dir / "feeds"

    @property
    def serve_url(self) -> str:
        """Where ``serve`` answers on this machine: the address it listens on, so a link names the
        host and port actually serving it (``localhost`` may resolve to ::1 while it listens on
        127.0.0.1); a wildcard address is reachable as ``localhost``."""
        host = self.http_host
        if host in WILDCARD_HOSTS:
            host = "localhost"
        elif ":" in host:  # an IPv6 literal
            host = f"[{host}]"
        return f"http://{host}:{self.http_port}/"

    @property
    def links_name_localhost(self) -> bool:
        """Whether the links ``serve`` hands out name ``localhost`` while it listens on every address: no public URL
        set, a wildcard host (the image's 0.0.0.0). A reader on another machine cannot follow them (the feeds' self
        links, the OPML's feed URLs, the pages' feed links), so ``serve`` says so when it starts (cli30: it did not)."""
        return not self.public_base_url and self.http_host in WILDCARD_HOSTS

    @property
    def feeds_url_outside_serve(self) -> bool:
        """Whether ``public_base_url`` names a folder other than ``serve``'s ``/feeds/`` (web32: an operator giving the
        site's root, ``https://example.org/mofcom/``, made every feed link 404 unless the proxy maps that path to
        ``serve``'s ``/feeds/``); ``serve`` says so when it starts, and goes on: a proxy or another server may map it."""
        if not self.public_base_url:
            return False
        path = urlsplit(self.public_base_url).path
        return not (path if path.endswith("/") else path + "/").endswith("/feeds/")

    @property
    def feeds_base_url(self) -> str:
        """Public URL prefix of the feed files, always ending in a slash."""
        url = self.public_base_url or self.serve_url + "feeds/"
        return url if url.endswith("/") else url + "/"

    def origin(self, name: str) -> str:
        return self.origins.get(name, "default")

    def with_overrides(self, origin: str, **values: Any) -> "Settings":
        """A copy with the non-None ``values`` applied (validated), recorded as coming from ``origin``. Every bad value
        is named at once, as unknown keys are (was: the first only, an operator's round trip per typo, user41)."""
        updates: dict[str, Any] = {}
        origins = dict(self.origins)
        problems: list[str] = []
        for name, raw in values.items():
            if raw is None:
                continue
            spec = FIELDS_BY_NAME.get(name)
            if spec is None:
                raise ConfigError(f"unknown setting {name!r}")
            try:
                updates[name] = spec.parse(raw, origin)
            except ConfigError as exc:
                problems.append(str(exc).removeprefix("configuration: "))
            origins[name] = origin
        if problems:
            raise ConfigError("; ".join(problems))
        return dataclasses.replace(self, **updates, origins=origins)


DEFAULT_STALE_AFTER_MINUTES = 180
TOO_SHORT = ", shorter than the "  # stale_after's reason for a stale_after_minutes under the schedule's gaps
STALE_CHECK_OFF = ("LAST RUN not judged by its age: stale_after_minutes = 0 turns the check off (an archive store, a "
                   "copy no cron runs); a cron that stopped starting runs goes unseen here (docs/deploy.md, 'Is it "
                   "still running?')")


def stale_after(settings: Settings) -> tuple[timedelta | None, str]:
    """How old the last run may be before ``status`` and ``/healthz`` say it is stale, and where that comes from.

    ``stale_after_minutes`` when it is set (0: never, the check is off: None, with :data:`STALE_CHECK_OFF`; was:
    0 was refused, and an archive store or a laptop copy no cron runs made ``status`` exit 1 for ever, ops26's owner
    question 2); else, for a ``[schedule] cron`` that is set (``MOFCOM_WATCH_CRON``,
    ``--cron``), twice the longest gap between two of its times plus an hour, never under the default 180 minutes
    (a daily schedule: 49 hours; was: ``/healthz`` of a daily ``serve --schedule`` failed 3 hours after each cycle);
    else 180 minutes. A cron-only deployment (system cron starts ``run``) sets ``[schedule] cron`` to its crontab's
    expression, or ``stale_after_minutes``."""
    minutes = settings.stale_after_minutes
    explicit = settings.origin("stale_after_minutes") != "default"
    if explicit and minutes == 0:
        return None, STALE_CHECK_OFF
    default = timedelta(minutes=DEFAULT_STALE_AFTER_MINUTES)
    if settings.origin("cron") == "default":  # (the configuration's cron may not be what starts the runs)
        return (timedelta(minutes=minutes), f"stale_after_minutes = {minutes}") if explicit else \
            (default, f"the default, {DEFAULT_STALE_AFTER_MINUTES} minutes")
    from mofcom_watch.scheduler import CronError, longest_gap

    try:
        gap = longest_gap(settings.cron, settings.timezone)
    except CronError:  # (read when the settings were loaded: it cannot be bad here)
        gap = None
    if explicit:  # the operator's word; one shorter than the schedule's gaps reads every wait between runs as stale
        gap_minutes = int(gap.total_seconds() // 60) if gap is not None else 0  # exact: the threshold's own unit
        short = (f"{TOO_SHORT}{gap_minutes} minute{'s' if gap_minutes != 1 else ''} between two times of [schedule] cron "
                 f"{settings.cron!r}: every wait between two runs reads as stale; set it above that"
                 if gap is not None and timedelta(minutes=minutes) <= gap else "")
        return timedelta(minutes=minutes), f"stale_after_minutes = {minutes}{short}"
    derived = timedelta(minutes=-(-(2 * gap + timedelta(hours=1)).total_seconds() // 60)) if gap else default
    if derived <= default:
        return default, f"the default, {DEFAULT_STALE_AFTER_MINUTES} minutes"
    return derived, f"twice the longest gap of [schedule] cron {settings.cron!r} plus an hour"


# --- value readers: each takes the raw value (TOML value or env string) and a place for errors ----------


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a non-empty string, got {value!r}")
    return value.strip()


def _opt_str(value: Any, where: str) -> str | None:
    if isinstance(value, str) and not value.strip():
        return None
    return _str(value, where)


def _path(value: Any, where: str) -> Path:
    return Path(os.path.expanduser(_str(value, where)))


def _opt_path(value: Any, where: str) -> Path | None:
    if isinstance(value, Path):
        return value
    text = _opt_str(value, where)
    return Path(os.path.expanduser(text)) if text else None


def _int_in(low: int, high: int) -> Callable[[Any, str], int]:
    def read(value: Any, where: str) -> int:
        if isinstance(value, bool):
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: expected a whole number, got {value!r}") from None
        if isinstance(value, float) and number != value:
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        if not low <= number <= high:
            raise ConfigError(f"{where}: {number} is outside {low}..{high}")
        return number

    return read


def _opt_year(value: Any, where: str) -> int | None:
    """A year a backfill can walk back to, from 1990 to this year (Beijing's), as ``run --since`` takes it. Was: up to
    2100: ``since = 2027`` (a typo) loaded without a word, and the first run read the announcements of this year
    only, as ``since = 2026`` asks, the runs after it never backfilling the earlier years (cli37)."""
    if isinstance(value, str) and not value.strip():
        return None
    from mofcom_watch.clock import today

    year = _int_in(1990, 2100)(value, where)
    if year > (this_year := today().year):
        raise ConfigError(f"{where}: {year} is not a year from 1990 to this year, {this_year} (a backfill walks back "
                          "to a year that has been)")
    return year


def _float_in(low: float, high: float) -> Callable[[Any, str], float]:
    """A number of seconds from ``low`` to ``high``. Was: any number at or above ``low``: ``timeout = inf`` (or nan,
    or 1e308) loaded, ``config`` exited 0, and every ``run`` then died as an internal error (exit 4: "timestamp out of
    range for platform time_t"); ``request_delay = 1e9`` hung each run between two requests (cli37)."""
    def read(value: Any, where: str) -> float:
        if isinstance(value, bool):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: expected a number, got {value!r}") from None
        if not math.isfinite(number):
            raise ConfigError(f"{where}: expected a number of seconds from {low:g} to {high:g}, got {value!r}")
        if number < low:
            raise ConfigError(f"{where}: {number} is below {low}")
        if number > high:
            raise ConfigError(f"{where}: {number:g} is above {high:g} (seconds)")
        return number

    return read


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError(f"{where}: expected true or false, got {value!r}")


def _str_list(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):  # env: comma separated
        items = [v.strip() for v in value.split(",")]
        return tuple(v for v in items if v)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    raise ConfigError(f"{where}: expected a list of names, got {value!r}")


def parse_base_url_pair(text: str, where: str = "--base-url") -> tuple[str, str]:
    """``host=URL`` -> (host, URL)."""
    host, sep, url = text.partition("=")
    if not sep or not host.strip() or not url.strip():
        raise ConfigError(f"{where}: expected HOST=URL, got {text!r}")
    return host.strip().lower(), _url(url, where)


def host_problem(host: str) -> str | None:
    """Why ``host`` is no host a link can name (a listen address, a URL's host), or None: an IP address, or a name of
    dot-separated labels of letters, digits, '-' and '_'. Was: any string: ``http.host = "[::1]"`` published feeds
    whose every link was ``http://[[::1]]:8080/feeds/…``, ``"http://feeds.example.org"`` ones linking to
    ``http://[http://feeds.example.org]:8080/``, exit 0, found only by a reader (cli34)."""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if host.startswith("[") and host.endswith("]"):
        return f"written in brackets, as a URL writes it: give the address alone, {host[1:-1]}"
    if "://" in host:
        return "a URL, not a host: give the host name or address alone (the feeds' public URL is public_base_url)"
    labels = host[:-1].split(".") if host.endswith(".") else host.split(".")
    if len(host) > HOST_NAME_MAX or not all(HOST_LABEL_RE.fullmatch(label) for label in labels):
        return "not a host name or an IP address"
    return None


def url_problem(text: str) -> str | None:
    """Why ``text`` is no http(s) URL a reader can follow, or None: its scheme, a host (:func:`host_problem`), a port
    that is a number up to 65535 (port 0: :func:`port_0_problem`), no space. Was: only its first characters were
    checked: ``https://`` alone made every feed's self link ``https://all.atom``; ``https://x.org:abc/`` and
    ``https://feeds example/`` went into the feeds as they were (cli34)."""
    from urllib.parse import urlsplit

    if any(ch.isspace() or not ch.isprintable() for ch in text):
        return "it holds a space or a control character"
    try:
        parts = urlsplit(text)
        _ = parts.port  # a port that is no number up to 65535 raises
    except ValueError as exc:
        return f"not a URL ({exc})"
    if not text.lower().startswith(URL_SCHEMES):
        return "it does not start with http:// or https://"
    host = parts.hostname
    if not host:
        return "it names no host"
    if "[" in parts.netloc:  # an IPv6 literal, as URLs write it
        try:
            ipaddress.IPv6Address(host.split("%")[0])
        except ValueError:
            return f"[{host}] is no IPv6 address"
    elif (why := host_problem(host)) is not None:
        return f"its host {host!r} is {why}"
    return None


def _url(value: Any, where: str) -> str:
    text = _str(value, where)
    if (why := url_problem(text)) is not None:
        raise ConfigError(f"{where}: expected an http(s) URL, got {text!r}: {why}")
    return text


def _host(value: Any, where: str) -> str:
    text = _str(value, where)
    if (why := host_problem(text)) is not None:
        raise ConfigError(f"{where}: {text!r} is {why}")
    return text


def _opt_url(value: Any, where: str) -> str | None:
    if isinstance(value, str) and not value.strip():
        return None
    return _url(value, where)


def _base_urls(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):  # env: "host=URL,host=URL"
        return dict(parse_base_url_pair(p, where) for p in value.split(",") if p.strip())
    if isinstance(value, Mapping):
        return {str(k).strip().lower(): _url(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return dict(parse_base_url_pair(str(p), where) for p in value)
    raise ConfigError(f"{where}: expected a table of host = URL, got {value!r}")


def _cron(value: Any, where: str) -> str:
    text = " ".join(_str(value, where).split())
    from mofcom_watch.scheduler import CronError, parse_cron  # scheduler imports nothing from here at load

    try:
        trigger = parse_cron(text, "UTC")
    except CronError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    from datetime import UTC, datetime

    # a day that never comes (February 30, April 31): the scheduler ran its first cycle, then none, without a word
    # until /healthz went stale hours later (the search for a next time costs ~0.3 s only for such an expression)
    if trigger.get_next_fire_time(None, datetime.now(UTC)) is None:
        raise ConfigError(f"{where}: cron expression {text!r} never fires (no such day in any year)")
    return text


def _timezone(value: Any, where: str) -> str:
    text = _str(value, where)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"{where}: unknown time zone {text!r}") from None
    return text


def _log_format(value: Any, where: str) -> str:
    text = _str(value, where).lower()
    if text not in LOG_FORMATS:
        raise ConfigError(f"{where}: expected one of {', '.join(LOG_FORMATS)}, got {value!r}")
    return text


def _database_url(value: Any, where: str) -> str | None:
    text = _opt_str(value, where)
    if text is None:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(text)
        parsed.port  # noqa: B018 - a port that is no number raises (was: exit 4, "internal error", cli35)
    except (ArgumentError, ValueError):
        from storage.db import shown_url

        raise ConfigError(f"{where}: not a database URL: {shown_url(text)!r} (e.g. sqlite:///data/x.sqlite)") from None
    if parsed.get_backend_name() == "sqlite" and in_memory(parsed.database, parsed.query.get("mode")):
        raise ConfigError(f"{where}: {text!r} is a SQLite database in memory, gone when the command ends: nothing "
                          "stored would be kept; name a file (e.g. sqlite:///data/mofcom-watch.sqlite)")
    return text


def in_memory(database: str | None, mode: Any) -> bool:
    """Whether SQLite keeps this database in memory only. Was: ``--db sqlite://`` (or ``sqlite:///:memory:``) was
    taken: ``replay`` stored every page into a database gone at its end and exited 0 when clean, ``status`` said "the
    database failed: cannot start a transaction within a transaction", exit 3 (cli37)."""
    name = database or ""
    return name in ("", ":memory:") or name.startswith("file::memory:") or mode == "memory"


@dataclass(frozen=True)
class FieldSpec:
    """One setting: attribute name, place in the TOML file, environment variable, reader, help."""

    name: str
    toml: tuple[str, ...]  # ("http", "port") -> [http] port = ...
    env: str | None
    read: Callable[[Any, str], Any]
    help: str

    def parse(self, raw: Any, origin: str) -> Any:
        return self.read(raw, f"{'.'.join(self.toml)} (from {origin})")  # as the file names it: http.port


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("data_dir", ("data_dir",), "MOFCOM_WATCH_DATA_DIR", _path, "folder for the SQLite file and feeds"),
    FieldSpec("db_url", ("database_url",), DB_ENV, _database_url,
              "SQLAlchemy URL; empty = sqlite file in data_dir; postgresql+psycopg://... for a shared store"),
    FieldSpec("feeds_dir", ("feeds_dir",), "MOFCOM_WATCH_FEEDS_DIR", _opt_path, "where feed files go; empty = data_dir/feeds"),
    FieldSpec("public_base_url", ("public_base_url",), "MOFCOM_WATCH_PUBLIC_URL", _opt_url,
              "public URL of the feeds folder; empty = http://<host>:<port>/feeds/ (localhost if host is 0.0.0.0)"),
    FieldSpec("watchlist", ("watchlist",), "MOFCOM_WATCH_WATCHLIST", _opt_path, "CSV or TOML file of counterparties"),
    FieldSpec("cron", ("schedule", "cron"), "MOFCOM_WATCH_CRON", _cron,
              "when cycles run: 5-field crontab, or 6 fields with seconds first"),
    FieldSpec("timezone", ("schedule", "timezone"), "MOFCOM_WATCH_TZ", _timezone, "time zone of the cron expression"),
    FieldSpec("run_at_start", ("schedule", "run_at_start"), "MOFCOM_WATCH_RUN_AT_START", _bool,
              "run one cycle when the scheduler starts"),
    FieldSpec("stale_after_minutes", ("schedule", "stale_after_minutes"), "MOFCOM_WATCH_STALE_AFTER",
              _int_in(0, 60 * 24 * 365), "status and /healthz fail when the last run finished longer ago (0: never, "
              "the check is off); default: twice the longest gap between two times of [schedule] cron plus an hour, "
              "at least 180"),
    FieldSpec("lock_wait_seconds", ("schedule", "lock_wait_seconds"), "MOFCOM_WATCH_LOCK_WAIT", _float_in(0.0, MAX_LOCK_WAIT),
              "how long replay and run wait for another writer's run lock before giving up"),
    FieldSpec("http_host", ("http", "host"), "MOFCOM_WATCH_HOST", _host, "address serve listens on"),
    FieldSpec("http_port", ("http", "port"), "MOFCOM_WATCH_PORT", _int_in(0, 65535),
              "port serve listens on; 0 = any free one, named by serve's log line 'serving url='"),
    FieldSpec("sources", ("fetch", "sources"), "MOFCOM_WATCH_SOURCES", _str_list,
              "source names to fetch; empty = all default sources"),
    FieldSpec("base_urls", ("base_urls",), "MOFCOM_WATCH_BASE_URLS", _base_urls,
              "host = URL: fetch a host from another address (env: host=URL,host=URL)"),
    FieldSpec("since", ("fetch", "since"), "MOFCOM_WATCH_SINCE", _opt_year, "first run backfills back to this year"),
    FieldSpec("user_agent", ("fetch", "user_agent"), "MOFCOM_WATCH_USER_AGENT", _str, "User-Agent header"),
    FieldSpec("request_delay", ("fetch", "request_delay"), "MOFCOM_WATCH_REQUEST_DELAY", _float_in(0.0, MAX_REQUEST_DELAY),
              "seconds between two requests to one host"),
    FieldSpec("per_host_concurrency", ("fetch", "per_host_concurrency"), "MOFCOM_WATCH_PER_HOST",
              _int_in(1, 16), "requests at once to one host"),
    FieldSpec("concurrency", ("fetch", "concurrency"), "MOFCOM_WATCH_CONCURRENCY", _int_in(1, 64), "requests at once in total"),
    FieldSpec("timeout", ("fetch", "timeout"), "MOFCOM_WATCH_TIMEOUT", _float_in(0.1, MAX_TIMEOUT), "seconds per request (each read; a whole answer may take 10 times it)"),
    FieldSpec("retries", ("fetch", "retries"), "MOFCOM_WATCH_RETRIES", _int_in(0, 10), "retries on timeouts, 429 and 5xx"),
    FieldSpec("max_body_bytes", ("fetch", "max_body_bytes"), "MOFCOM_WATCH_MAX_BODY", _int_in(1024, 2**31),
              "largest page body accepted"),
    FieldSpec("log_format", ("log", "format"), "MOFCOM_WATCH_LOG_FORMAT", _log_format, "text (key=value) or json lines"),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}
_TOML_TREE: dict[str, Any] = {}
for _f in FIELDS:
    _node = _TOML_TREE
    for _part in _f.toml[:-1]:
        _node = _node.setdefault(_part, {})
    _node[_f.toml[-1]] = _f


def read_config_file(path: Path) -> dict[str, Any]:
    """The file's values by setting name; unknown keys and bad values are errors (typos must not pass)."""
    import tomllib  # here: a command given no file never loads the TOML parser (issue 11, start-up)

    try:  # utf-8-sig: a byte-order mark at the start (Windows Notepad's) is read as none (cli35: "Invalid
        # statement (at line 1, column 1)", exit 2, of a file that showed nothing wrong)
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}): TOML is UTF-8; save it as "
                          "UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None  # not "[Errno 21] … '/tmp'" again
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    values: dict[str, Any] = {}
    unknown: list[str] = []
    _collect(data, _TOML_TREE, (), path, values, unknown)
    if unknown:  # every one at once (user38: 'publc_base_url' said, then 'http.prot' only on the next try), and the
        try:  # known keys' bad values with them (user46: 'http.prot' said, then fetch.timeout = "x" on the next try)
            Settings().with_overrides(f"file {path}", **values)
        except ConfigError as exc:
            unknown.append(str(exc).removeprefix("configuration: "))
        raise ConfigError(f"{path}: " + "; ".join(unknown))
    return values


def _meant(dotted: str) -> str:
    """The setting an unknown key of the file most likely means: a typo ('data_dri', 'http.prot') or a key in the
    wrong table ('port' for http.port); else every known one (cli30: the list alone, 23 names, hid the answer)."""
    from difflib import get_close_matches

    names = sorted(".".join(f.toml) for f in FIELDS)
    by_key: dict[str, list[str]] = {}
    for name in names:
        by_key.setdefault(name.rsplit(".", 1)[-1], []).append(name)
    close = get_close_matches(dotted, names, n=1, cutoff=0.75) or [
        name for key in get_close_matches(dotted.rsplit(".", 1)[-1], list(by_key), n=1, cutoff=0.75) for name in by_key[key]]
    if len(close) == 1:
        return f"did you mean {close[0]}?"
    tables = sorted({".".join(f.toml[:-1]) for f in FIELDS if len(f.toml) > 1} | {"base_urls"})
    table = get_close_matches(dotted, tables, n=1, cutoff=0.75)  # a misspelt table: '[schedul]' (cli32)
    return f"did you mean [{table[0]}]?" if table else "known: " + ", ".join(names)


def _collect(data: Mapping[str, Any], tree: Mapping[str, Any], prefix: tuple[str, ...], path: Path,
             out: dict[str, Any], unknown: list[str]) -> None:
    for key, value in data.items():
        dotted = ".".join(prefix + (key,))
        node = tree.get(key)
        if node is None:
            unknown.append(f"unknown setting {dotted!r} ({_meant(dotted)})")
        elif isinstance(node, FieldSpec):
            out[node.name] = value
        elif isinstance(value, Mapping):
            _collect(value, node, prefix + (key,), path, out, unknown)
        else:
            raise ConfigError(f"{path}: {dotted!r} must be a table ([{dotted}])")


def load_settings(
    config_path: Path | None = None,
    db_url: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults < TOML file (``config_path`` or ``$MOFCOM_WATCH_CONFIG``) < environment < ``db_url``.

    ``db_url`` is the ``--db`` flag (typer also fills it from ``$MOFCOM_WATCH_DB``; both give the
    same value, recorded as coming from the environment when it equals it).
    """
    env = os.environ if environ is None else environ
    settings = Settings()
    if config_path is None and env.get(CONFIG_ENV):
        config_path = Path(env[CONFIG_ENV])
    if config_path is not None:
        named = env.get(CONFIG_ENV) == str(config_path)  # (typer fills --config from the variable)
        config_path = Path(os.path.expanduser(str(config_path)))
        try:
            values = read_config_file(config_path)
        except ConfigError as exc:  # a stale variable in a unit file or a container: say which (cli32)
            if not named:
                raise
            raise ConfigError(f"{str(exc).removeprefix('configuration: ')} (named by {CONFIG_ENV})") from None
        settings = settings.with_overrides(f"file {config_path}", **values)
        settings = dataclasses.replace(settings, config_path=config_path)
    for spec in FIELDS:
        if spec.env and spec.env in env:
            settings = settings.with_overrides(f"env {spec.env}", **{spec.name: env[spec.env]})
    if db_url:
        origin = f"env {DB_ENV}" if env.get(DB_ENV) == db_url else "flag --db"
        settings = settings.with_overrides(origin, db_url=db_url)
    check_seconds_env(env)
    return settings


LOCK_ENV = ("MOFCOM_WATCH_LOCK_HEARTBEAT", "MOFCOM_WATCH_LOCK_STALE")  # read by storage.runlock (_env_seconds)
LOCK_ENV_MAX = 86400  # seconds: storage.runlock takes values strictly between 0 and this
# serve's tries of a store refused at start (mofcom_watch.server.app.reopen_seconds; the same range)
REOPEN_ENV = "MOFCOM_WATCH_REOPEN_SECONDS"
SECONDS_ENV = (*LOCK_ENV, REOPEN_ENV)


def check_seconds_env(env: Mapping[str, str]) -> None:
    """The run lock's tuning variables, read by ``storage.runlock`` when it is imported, and serve's
    ``MOFCOM_WATCH_REOPEN_SECONDS``: a value they cannot use (``MOFCOM_WATCH_LOCK_STALE=5m``) was replaced by the
    default without a word, as ``lock_wait_seconds`` is not (exit 2). Said the same way: :class:`ConfigError`."""
    for name in SECONDS_ENV:
        raw = env.get(name)
        if raw is None or not raw.strip():
            continue
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0 < value < LOCK_ENV_MAX:
            raise ConfigError(f"{name}: expected a number of seconds above 0 and below {LOCK_ENV_MAX}, got {raw!r}")


ENV_PREFIX = "MOFCOM_WATCH_"
# Variables read outside the settings (the CLI, the clock, the run lock, serve's tries, the sources, dev.py, the store's
# engines: storage.engines.ACCEPT_ENV, named here so that --help's import stays light), and by the test suite
OTHER_ENV = frozenset({CONFIG_ENV, "MOFCOM_WATCH_TODAY", "MOFCOM_WATCH_LOCK_HEARTBEAT", "MOFCOM_WATCH_LOCK_STALE",
                       REOPEN_ENV, "MOFCOM_WATCH_SOURCES_FILE", "MOFCOM_WATCH_VENV", "MOFCOM_WATCH_ACCEPT_OLDER_ENGINE"})
TEST_ENV = frozenset({"MOFCOM_WATCH_TEST_PG", "MOFCOM_WATCH_REGEN_GOLDEN", "MOFCOM_WATCH_FAULT_TRIALS",
                      "MOFCOM_WATCH_REFERENCE"})


def unknown_env(environ: Mapping[str, str] | None = None) -> list[str]:
    """One line per ``MOFCOM_WATCH_*`` variable that nothing reads, with the variable meant when it can tell: a typo
    in a container's or a crontab's environment (``MOFCOM_WATCH_FEED_DIR``) was ignored without a word, and the
    feeds went on being written where nobody looked. (A warning, not an error as in the file: a variable left over
    from another version must not stop a cron job.)"""
    from difflib import get_close_matches

    env = os.environ if environ is None else environ
    meant = {spec.env.removeprefix(ENV_PREFIX): spec.env for spec in FIELDS if spec.env}
    meant |= {name.removeprefix(ENV_PREFIX): name for name in OTHER_ENV}
    # a setting's TOML name in capitals (MOFCOM_WATCH_DATABASE_URL, ..._LOCK_WAIT_SECONDS) means its variable
    meant |= {spec.toml[-1].upper(): spec.env for spec in FIELDS if spec.env and spec.toml[-1].upper() not in meant}
    known = set(meant.values()) | TEST_ENV
    lines = []
    for name in sorted(n for n in env if n.startswith(ENV_PREFIX) and n not in known):
        close = get_close_matches(name.removeprefix(ENV_PREFIX), list(meant), n=1, cutoff=0.75)
        hint = (f"did you mean {meant[close[0]]}?" if close else
                "known: " + ", ".join(sorted({v.removeprefix(ENV_PREFIX) for v in meant.values()})))
        lines.append(f"{name} is not a setting and is ignored ({hint})")
    return lines


# --- printing ---------------------------------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _toml_string(str(value))


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


RELATIVE_NOTE = "relative paths are read from the working directory, {cwd}, not from the configuration file's folder"


def relative_paths(settings: Settings) -> dict[str, str]:
    """The paths of ``settings`` given relative (by name: ``data_dir``, ``feeds_dir``, ``database_file``,
    ``watchlist``), each as the absolute path it is read as now: from the working directory, which is not the
    configuration file's folder (cron's is ``$HOME``). ``config`` said ``data_dir = "data"`` and
    ``sqlite:///data/mofcom-watch.sqlite`` without saying from where (cli32's blind round)."""
    from storage.db import sqlite_file

    paths = {"data_dir": settings.data_dir, "feeds_dir": settings.feeds_path,
             "database_file": sqlite_file(settings.database_url), "watchlist": settings.watchlist}
    return {name: str(Path.cwd() / path) for name, path in paths.items()
            if path is not None and not path.expanduser().is_absolute()}


def render_toml(settings: Settings) -> str:
    """The effective configuration as a TOML file, each value commented with where it came from.

    Unset optional values are shown as comments with what they resolve to, so the output can be
    saved and used as a configuration file.
    """
    derived = {
        "db_url": settings.database_url,
        "feeds_dir": str(settings.feeds_path),
        "public_base_url": settings.feeds_base_url,
    }
    sections: dict[tuple[str, ...], list[str]] = {}
    values = {f.name: settings.__dict__[f.name] for f in dataclasses.fields(settings)}
    for spec in FIELDS:
        section, key = spec.toml[:-1], spec.toml[-1]
        lines = sections.setdefault(section, [])
        value = values[spec.name]
        if spec.name == "db_url" and value:
            value = redact_url(value)
        origin = settings.origin(spec.name)
        if spec.name == "stale_after_minutes" and origin == "default" and settings.origin("cron") != "default":
            value = int((stale_after(settings)[0] or timedelta(0)).total_seconds() // 60)  # what status and
            # /healthz use (a default is never None: only an explicit 0 turns the check off)
            origin = "default: derived from cron"
        env = f" (env {spec.env})" if spec.env and origin != f"env {spec.env}" else ""
        if spec.name == "base_urls":
            continue  # its own table below
        if value is None or value == ():
            shown = derived.get(spec.name)
            note = f"  # -> {shown}" if shown else ""
            lines.append(f"# {key} = (unset: {spec.help}){note}   [{origin}]{env}")
        else:
            lines.append(f"{key} = {_toml_value(value)}   # [{origin}] {spec.help}{env}")
    out: list[str] = []
    if settings.config_path:
        out.append(f"# configuration file: {settings.config_path}")
    out.append(f"# database: {redact_url(settings.database_url)}")
    if relative := relative_paths(settings):
        out.append(f"# {RELATIVE_NOTE.format(cwd=Path.cwd())}: "
                   + "; ".join(f"{name} -> {path}" for name, path in relative.items()))
    for section, lines in sections.items():
        if section:
            out.append("")
            out.append(f"[{'.'.join(section)}]")
        out.extend(lines)
    origin = settings.origin("base_urls")
    out.append("")
    out.append(f"[base_urls]   # [{origin}] host = URL (env MOFCOM_WATCH_BASE_URLS=host=URL,...)")
    for host, url in sorted(settings.base_urls.items()):
        out.append(f"{_toml_string(host)} = {_toml_string(url)}")
    return "\n".join(out) + "\n"


def render_json(settings: Settings) -> dict[str, Any]:
    """The effective configuration for a program to read (``config --json``): each setting by its name in the file
    (``http.port``, ``database_url``), with its value, where it came from and its variable; an unset one has the value
    ``null`` and, where it resolves to one, the value it takes (``resolved``). The same facts :func:`render_toml`
    prints as comments, and the database URL without its password likewise."""
    derived = {"db_url": redact_url(settings.database_url), "feeds_dir": str(settings.feeds_path),
               "public_base_url": settings.feeds_base_url}
    out: dict[str, Any] = {}
    for spec in FIELDS:
        value = settings.__dict__[spec.name]
        origin = settings.origin(spec.name)
        if spec.name == "db_url" and value:
            value = redact_url(value)
        if spec.name == "stale_after_minutes" and origin == "default" and settings.origin("cron") != "default":
            value = int((stale_after(settings)[0] or timedelta(0)).total_seconds() // 60)  # as render_toml says it
            origin = "default: derived from cron"
        if isinstance(value, Path):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict):
            value = dict(sorted(value.items()))
        entry: dict[str, Any] = {"value": None if value == [] else value, "origin": origin, "env": spec.env}
        if (value is None or value == []) and spec.name in derived:
            entry["resolved"] = derived[spec.name]
        out[".".join(spec.toml)] = entry
    return {"config_file": str(settings.config_path) if settings.config_path else None,
            "database": redact_url(settings.database_url), "settings": out,
            "working_directory": str(Path.cwd()), "relative_paths": relative_paths(settings)}


def redact_url(url: str) -> str:
    """A database URL without its password (nor one in its query: ``storage.db.shown_url``)."""
    from storage.db import shown_url

    return shown_url(url)


def db_folder_problem(settings: Settings) -> str | None:
    """Why a command that writes must not open the store a given ``database_url`` names, or None: a SQLite file whose
    folder does not exist. ``--db sqlite:////nonexistent/dir/x.sqlite replay …`` made every missing folder and a new
    empty store (cli34's C1; the lead decided in session 35: refused, exit 2, one line naming the folder), where a typo
    was meant; only ``data_dir``, the default store's folder, is still made by the commands that write."""
    if settings.db_url is None:
        return None
    from storage.db import sqlite_file

    path = sqlite_file(settings.db_url)
    if path is None or path.parent.exists():
        return None
    relative = "" if path.is_absolute() else f", relative to the folder the command started in, {Path.cwd()}"
    return (f"no folder {path.parent} for the SQLite file {path.name} (database_url from "
            f"{settings.origin('db_url')}{relative}): check the path; if it is right, create the folder first "
            "(a given database URL's folder is never made: a typo would start a new, empty store)")


READ_ONLY_URI = (("mode", ("ro",)), ("immutable", ("1", "true", "yes", "on")))  # SQLite URI options that open read-only


def read_only_url_problem(settings: Settings) -> str | None:
    """Why a command that writes cannot use a given SQLite URL, or None: one that opens its file read-only
    (``sqlite:///file:PATH?mode=ro&uri=true``, ``immutable=1``). The writers failed on it at their first write, exit 3,
    "is read-only …: make the file and its folder writable" (health43's R1/R2): the file was not to blame, the URL was."""
    if settings.db_url is None:
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(settings.db_url)
    except ArgumentError:
        return None
    query = {k: v[-1] if isinstance(v, tuple) else v for k, v in url.query.items()}  # (SQLite's keys: lower case)
    if url.get_backend_name() != "sqlite" or query.get("uri", "").lower() not in ("1", "true", "yes", "on"):
        return None  # (without uri=true SQLAlchemy ignores the options, warning: the file is opened to write)
    said = [f"{k}={query[k]}" for k, values in READ_ONLY_URI
            if (query.get(k, "") if k == "mode" else query.get(k, "").lower()) in values]  # mode=RO: no mode at all
    if not said:
        return None
    path = (url.database or "").removeprefix("file:")
    return (f"the database URL (database_url from {settings.origin('db_url')}) opens the SQLite file {path} read-only "
            f"({', '.join(said)}): this command writes to the store; give a URL without {' or '.join(said)}, e.g. "
            f"sqlite:///{path} (the read-only commands may keep it)")


def default_links_warning(settings: Settings, folder: Path) -> str | None:
    """The warning said on each publish into ``folder`` whose links name ``serve``'s default address because no
    ``public_base_url`` is set (None when one is): ``run`` and ``schedule`` from cron, and ``feeds``, into the
    configured folder behind nginx published self links, pictures and OPML entries to ``http://127.0.0.1:8080/feeds/``
    without a word (cli34's C3; the lead decided in session 35: a warning every time, which cron mails until the key is
    set; ``status`` says it as a note). Not ``serve``'s own folder: ``serve`` says its own at start."""
    if settings.public_base_url:
        return None
    return (f"the feeds in {folder} link to {settings.feeds_base_url}, serve's own address, as no public_base_url is "
            "set: readers elsewhere reach nothing there unless serve serves this folder at that address; set "
            "public_base_url (MOFCOM_WATCH_PUBLIC_URL) to the URL readers reach the feeds at (that one too, if it is)")


def port_0_problem(settings: Settings, base_url: str | None = None) -> str | None:
    """Why feeds published with ``settings`` would link nowhere, or None: with ``http.port = 0`` (any free port, which
    only ``serve`` learns when it binds) and no ``public_base_url``, their self links would name port 0."""
    from urllib.parse import urlsplit

    url = base_url or settings.feeds_base_url
    try:
        zero = urlsplit(url).port == 0
    except ValueError:
        return None
    if not zero:
        return None
    return (f"the feeds' URL {url} names port 0 (http.port = 0 means any free port, which only serve learns when it "
            "binds): set public_base_url (MOFCOM_WATCH_PUBLIC_URL) to where the feeds are served")
