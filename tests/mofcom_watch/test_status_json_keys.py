"""`status --json`: every listing has the same keys, null where one does not apply (lead's decision, session 35;
cli34's C2). Was: `scope`, `measure_only` and `next_*` present only on the rows they applied to, so a script reading
`row["next_from"]` failed with a KeyError on every row without an announced change. And the table's line for a day
with no row. Pure: rows in, dicts and text out."""

from __future__ import annotations

from datetime import date

from mofcom_watch.commands.status_cmd import print_report
from storage.records import ListingState, ListKind, StatusRow
from storage.vocabulary import state_json as row_json

PLAIN = StatusRow(notice_key="MOFCOM-2025-21", number="商务部公告2025年第21号", title=None, list=ListKind.ECL,
                  state=ListingState.IN_FORCE, since=date(2025, 4, 4), until=None, days_left=None, entity_count=16,
                  issuer="商务部")
ANNOUNCED = StatusRow(notice_key="MOFCOM-2025-13", number=None, title=None, list=ListKind.ECL,
                      state=ListingState.IN_FORCE, since=date(2025, 3, 4), until=None, days_left=None, entity_count=15,
                      scope="clause 2", next_state=ListingState.LIFTED, next_from=date(2025, 11, 10),
                      next_by="MOFCOM-2025-84", measure_only=True)
OPTIONAL = ("scope", "next_state", "next_from", "next_until", "next_by", "next_label")


def test_every_row_has_every_key_null_where_it_does_not_apply() -> None:
    plain, announced = row_json(PLAIN), row_json(ANNOUNCED)
    assert list(plain) == list(announced)  # the same keys in the same order
    assert {key: plain[key] for key in OPTIONAL} == dict.fromkeys(OPTIONAL) and plain["measure_only"] is False
    assert {key: announced[key] for key in OPTIONAL} == {
        "scope": "clause 2", "next_state": "lifted", "next_from": "2025-11-10", "next_until": None,
        "next_by": "MOFCOM-2025-84", "next_label": "lifted from 2025-11-10"}
    assert announced["measure_only"] is True and plain["state_label"] == "in force" and plain["ministry"] == "MOFCOM"


def test_a_day_before_every_listing_is_not_said_to_be_an_empty_store() -> None:
    """cli35: ``status --as-of 1999-01-01`` on the demo store said "No listings stored yet: run replay or run first"."""
    from rich.console import Console

    from storage.status import StatusReport

    console = Console(width=200, record=True)
    print_report(StatusReport(as_of=date(1999, 1, 1), rows=(), unresolved=(), problems=(), health=()), console,
                 notices=35)
    said = console.export_text()
    assert "No listing in effect or announced as of 1999-01-01 (35 notices stored)." in said and "yet" not in said
