"""The clock is an input: every date-dependent command takes ``--as-of``; "today" is a Beijing date.

MOFCOM dates its notices in Beijing time, so a suspension ending 2026-11-10 ends on that Beijing day,
whatever the server's time zone.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import typer

from storage.vocabulary import BEIJING, naive_as_utc

AS_OF_HELP = ("Day to report on, YYYY-MM-DD (default: today in Beijing time); a later day shows what the stored "
              "notices schedule for it, with a note on stderr.")
# a command that stores or publishes what it derives: a day to come is refused (see refuse_future)
AS_OF_NOW_HELP = "Day to derive as of, YYYY-MM-DD, not after today (default: today in Beijing time)."


# How far after now a --fetched-at may be: a Beijing time written without its offset is read as UTC, 8 hours ahead.
FETCHED_AT_SLACK = timedelta(days=1)

# The day taken for today, instead of Beijing's: for a simulation, a benchmark or a test whose corpus is set in
# years to come (tests/corpus.py moves each copy 8 years on), where "after today" must mean after that day.
TODAY_ENV = "MOFCOM_WATCH_TODAY"
# the days --as-of takes: a calendar date, YYYY-MM-DD or YYYYMMDD. Python's date.fromisoformat also reads ISO week
# dates: '2026W481' was 2026-11-23 without a word (cli32's blind round)
AS_OF_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{8}")
# The days --as-of may name: the state pictures draw years around the day, and near year 1 or 9999 their arithmetic
# overflowed ("problem: feed pictures could not be built (OverflowError: date value out of range)", exit 1, the other
# feeds written: cli35); no notice of these lists is older than 1900, and a year past 2999 is a typo
AS_OF_RANGE = (date(1900, 1, 1), date(2999, 12, 31))


def today() -> date:
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if pinned:
        return date.fromisoformat(pinned)  # checked once when the CLI starts (check_today)
    return datetime.now(BEIJING).date()


def check_today() -> str | None:
    """What is wrong with ``MOFCOM_WATCH_TODAY``, or None."""
    try:
        today()
    except ValueError:
        return f"{TODAY_ENV}: expected a date like 2026-11-29, got {os.environ.get(TODAY_ENV)!r}"
    return None


def calendar_day(text: str) -> date:
    """A day as ``--as-of`` and ``?as_of=`` take it (:data:`AS_OF_SHAPE`); ValueError otherwise (an ISO week date, a
    time, another order)."""
    if not AS_OF_SHAPE.fullmatch(text.strip()):
        raise ValueError(text)
    return date.fromisoformat(text.strip())


def parse_as_of(value: str | None) -> date | None:
    """``--as-of YYYY-MM-DD`` -> date, None when not given; a bad value is a usage error (exit 2), and so is an empty
    one (``--as-of "$DAY"`` with DAY unset in a cron line): it meant today without a word, whatever DAY was for."""
    if value is None:
        return None
    if not value.strip():
        raise typer.BadParameter(f"expected a date like 2026-11-29, got {value!r} (leave --as-of out for today)",
                                 param_hint="--as-of")
    try:
        day = calendar_day(value)
    except ValueError:
        shaped = len(value.strip()) == len("2026-11-29") and value.strip()[4::3] == "--"  # the shape, not the day
        raise typer.BadParameter(f"expected a date like 2026-11-29, got {value!r}"
                                 + (": no such day" if shaped else ""), param_hint="--as-of") from None
    try:
        return within_range(day)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--as-of") from None


def within_range(day: date) -> date:
    """``day``, or ValueError when it is outside :data:`AS_OF_RANGE` (``--as-of``, ``serve``'s ``?as_of=``)."""
    if not AS_OF_RANGE[0] <= day <= AS_OF_RANGE[1]:
        raise ValueError(f"{day.isoformat()} is not a day from {AS_OF_RANGE[0]} to {AS_OF_RANGE[1]} (a typo in the "
                         "year?)")
    return day


def as_of_or_today(value: str | None) -> date:
    return parse_as_of(value) or today()


def parse_fetched_at(value: str | None) -> datetime | None:
    """``--fetched-at`` (ISO 8601; UTC when no offset) -> datetime, None when not given. A time more than a day after
    now (the later of the clock and the end of ``MOFCOM_WATCH_TODAY``) is a usage error: a typo (``2062`` for
    ``2026``), not a fetch time; stored, it dated every page's copy, the items' provenance and the evidence packs
    with a time to come (cli30: ``--fetched-at 2099-01-01`` was taken). A day's slack: a Beijing time written
    without its offset reads as UTC, 8 hours ahead."""
    if value is None:
        return None
    try:
        moment = naive_as_utc(datetime.fromisoformat(value))
    except ValueError:
        raise typer.BadParameter(f"not an ISO 8601 date-time: {value!r}", param_hint="--fetched-at") from None
    now = datetime.now(UTC)
    if os.environ.get(TODAY_ENV, "").strip():  # a simulation's today: its pages may be fetched that day
        now = max(now, datetime.combine(today() + timedelta(days=1), time.min, BEIJING).astimezone(UTC))
    if moment > now + FETCHED_AT_SLACK:
        raise typer.BadParameter(f"{value!r} is more than a day after now ({now:%Y-%m-%d %H:%M} UTC): a fetch time "
                                 "cannot be to come (a typo in the year?); leave --fetched-at out for now",
                                 param_hint="--fetched-at")
    return moment


def after_today(day: date | None) -> bool:
    """Whether ``--as-of`` names a day that has not come yet in Beijing."""
    return day is not None and day > today()


def _later(day: date) -> str:
    where = f", from {TODAY_ENV}" if os.environ.get(TODAY_ENV, "").strip() else " in Beijing"
    return f"--as-of {day.isoformat()} is after today ({today().isoformat()}{where})"


def note_future(command: str, day: date | None, what: str = "", then: str = "") -> None:
    """For a command that only shows a day: one line on stderr when it is a day to come, saying that what follows is
    what the stored notices schedule for it (a scheduled lapse, an announced lifting), not what holds: a notice
    published meanwhile can change it. The output and the exit code are the same as for any day."""
    if after_today(day):
        assert day is not None
        typer.echo(f"mofcom-watch {command}: note: {_later(day)}: {what or 'what is shown'} is what the stored notices "
                   f"schedule for that day, not what holds now; a notice published meanwhile can change it{then}",
                   err=True)


def refuse_future(command: str, day: date | None, why: str) -> None:
    """For a command that stores what it derives or publishes it where readers follow: a day to come is a usage
    error (exit 2). Its items would reach the feeds' readers before the day, or be stored and published (or
    retracted, with a correction item) by the next run: a false item either way."""
    if after_today(day):
        assert day is not None
        typer.echo(f"mofcom-watch {command}: {_later(day)}: {why}", err=True)
        raise typer.Exit(2)


def in_folder(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it (``serve`` serves what is under its feeds folder)."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def before_today(day: date | None) -> bool:
    """Whether ``--as-of`` names a day before today (Beijing's, or ``MOFCOM_WATCH_TODAY``)."""
    return day is not None and day < today()


def _earlier(day: date) -> str:
    where = f", from {TODAY_ENV}" if os.environ.get(TODAY_ENV, "").strip() else " in Beijing"
    return f"--as-of {day.isoformat()} is before today ({today().isoformat()}{where})"


def refuse_past(command: str, day: date | None, why: str) -> None:
    """For a command that keeps publishing into the configured feeds folder (``schedule``, ``serve --schedule``): a
    day before today is a usage error (exit 2), as it is for ``run`` and ``feeds`` into that folder."""
    if before_today(day):
        assert day is not None
        typer.echo(f"mofcom-watch {command}: {_earlier(day)}: {why}", err=True)
        raise typer.Exit(2)


def refuse_past_in_live(command: str, day: date | None, out_dir: Path, live: Path) -> None:
    """A day before today into the configured feeds folder is a usage error (exit 2): its feeds hold that day's state,
    so readers polling the folder would see the items published since vanish (the next run brings them back as if
    new). Today, or any day into a folder of its own (``--out DIR``), is written as asked."""
    if before_today(day) and in_folder(out_dir, live):
        assert day is not None
        typer.echo(f"mofcom-watch {command}: {_earlier(day)}: "
                   f"its feeds in the configured feeds folder {live}, which readers follow, would take back every item "
                   "published since; write that day's feeds to a folder of their own with --out DIR, or leave "
                   "--as-of out", err=True)
        raise typer.Exit(2)


class ClockBehind(Exception):
    """Today (the system clock's Beijing day, or ``MOFCOM_WATCH_TODAY``) is before the day the store was last synced
    as of: the clock went back (a machine restored from a snapshot, a container or VM with a wrong clock, a stale
    ``MOFCOM_WATCH_TODAY``). Publishing "today" into the configured feeds folder would take back from its readers
    every item published since that day, as ``--as-of`` a past day would (refused there); so nothing is written there,
    the attempt is logged as a failed publish (``status``, ``/healthz``), and the command exits 3 (a resource: the
    clock). Which clock was wrong cannot be told from here: if the store was synced as of a day to come (a clock that
    was ahead, then set right), ``--as-of`` today (``run``, ``feeds``, ``serve``) is the user's word for the day and
    publishes that day's view, as before this check."""

    def __init__(self, day: date, synced: date, folder: Path) -> None:
        where = f"from {TODAY_ENV}" if os.environ.get(TODAY_ENV, "").strip() else "in Beijing, by the system clock"
        super().__init__(
            f"today is {day.isoformat()} ({where}), before {synced.isoformat()}, the day this store was last synced "
            f"as of: the clock went back; the feeds in {folder} were left as they are (that day's feeds would take "
            f"back every item published since); set the clock right, then run again: the next run publishes. If the "
            f"clock is right (the store was synced as of a day to come, by a clock that was ahead or by "
            f"{TODAY_ENV}), say so with --as-of {day.isoformat()} until {synced.isoformat()}")


class DayPassed(Exception):
    """A process started with ``--as-of`` today that publishes into the configured feeds folder (a cycle of
    ``schedule`` or ``serve --schedule``, the one day they take; ``serve``'s publish of the store's feeds), once that
    day has passed: it would publish that day's feeds there, which readers follow, leaving out every item published
    since (docs33: a week on, 9 items where a cycle without ``--as-of`` published 13; ``serve`` took back what a cron
    ``run`` published). Nothing is fetched or written; a cycle logs a failed publish (``status``, ``/healthz``), as
    for :class:`ClockBehind`, ``serve`` says it in ``/healthz``."""

    def __init__(self, day: date, folder: Path) -> None:
        super().__init__(
            f"{_earlier(day)}: this process was started with --as-of {day.isoformat()} and would publish that day's "
            f"feeds into {folder}, which readers follow, leaving out every item published since; nothing was fetched "
            "or written: restart it without --as-of (each cycle and publish then takes its own today)")


def ago(age: timedelta) -> str:
    """An age in words a person reads at a glance: "95 minutes", "26 hours", "3 days"."""
    minutes = int(age.total_seconds() // 60)
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    if minutes < 48 * 60:
        return f"{minutes // 60} hours"
    return f"{minutes // (24 * 60)} days"


def stale_run(last: datetime | None, now: datetime, threshold: timedelta, why: str) -> str | None:
    """``status``'s line (and ``/healthz``'s) when the last run finished longer than ``threshold`` ago, else None.
    Was: a cron-only deployment (no ``/healthz``) whose cron stopped firing (a crontab lost, a CronJob suspended,
    a quota refusing every start) kept ``status`` exit 0 for ever. ``last``: when the newest source run finished
    (None: no run yet, a replayed store, judged by nothing here); a clock gone back (``last`` ahead) is not stale."""
    if last is None or now - last <= threshold:
        return None
    return (f"LAST RUN {ago(now - last)} ago: STALE: no run has finished since {last:%Y-%m-%d %H:%M} UTC, and runs "
            f"count as stale after {ago(threshold)} ({why}); is cron (or the scheduler) still starting them? "
            "(docs/deploy.md, 'Is it still running?')")
