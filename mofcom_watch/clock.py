"""The clock is an input: every date-dependent command takes ``--as-of``; "today" is a Beijing date.

MOFCOM dates its notices in Beijing time, so a suspension ending 2026-11-10 ends on that Beijing day,
whatever the server's time zone.
"""

from __future__ import annotations

from datetime import date, datetime

import typer

from storage.vocabulary import BEIJING, naive_as_utc

AS_OF_HELP = "Day to report on, YYYY-MM-DD (default: today in Beijing time)."


def today() -> date:
    return datetime.now(BEIJING).date()


def parse_as_of(value: str | None) -> date | None:
    """``--as-of YYYY-MM-DD`` -> date, None when not given; a bad value is a usage error (exit 2)."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"expected a date like 2026-11-29, got {value!r}", param_hint="--as-of") from None


def as_of_or_today(value: str | None) -> date:
    return parse_as_of(value) or today()


def parse_fetched_at(value: str | None) -> datetime | None:
    """``--fetched-at`` (ISO 8601; UTC when no offset) -> datetime, None when not given."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"not an ISO 8601 date-time: {value!r}", param_hint="--fetched-at") from None
    return naive_as_utc(moment)
