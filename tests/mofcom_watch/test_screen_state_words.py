"""`screen`'s table says a hit's state in status's words, and its title how many hits are under measures now.

"lapsed" alone reads as "no longer applies", the opposite of what the tool presumes (back in force, needs
review); and a counterparty named only by lifted listings is listed, not controlled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mofcom_watch.commands.screen_cmd import state_shown, table_title
from storage.records import ListingState, ListKind
from storage.screening import Hit, Query, Screened


def hit(state: ListingState | None, match: str = "exact", **more: Any) -> Hit:
    return Hit(entity_key="skydio", entity_zh=None, entity_en="Skydio Inc.", entity_country="US", match=match,
               score=100.0, matched_name="Skydio Inc.", notice_key="UEL-2025-7", instrument=None, list=ListKind.UEL,
               issuer=None, ministry="MOFCOM", state=state, since=date(2026, 11, 10), until=None, **more)


def test_a_lapse_is_said_as_presumed_back_in_force_not_as_lapsed() -> None:
    assert state_shown(hit(ListingState.LAPSED)) == "lapsed: presumed back in force, needs review"
    assert state_shown(hit(ListingState.IN_FORCE)) == "in force"
    assert state_shown(hit(None)) == "not in effect"


def test_a_change_announced_is_said_with_its_day() -> None:
    lifting = hit(ListingState.IN_FORCE, next_state=ListingState.LIFTED, next_from=date(2025, 11, 10))
    assert state_shown(lifting) == "in force; announced: lifted from 2025-11-10"
    coming = hit(ListingState.ANNOUNCED, next_state=ListingState.IN_FORCE, next_from=date(2025, 4, 10))
    assert state_shown(coming) == "announced: in force from 2025-04-10"
    # UEL 〔2025〕7号 as of 2025-11-07: the Q&A of 11-05 extends the suspension from 11-10 for a year. It said
    # "suspended; announced: suspended from 2025-11-10, no end date" (the hit did not carry the end)
    extended = hit(ListingState.SUSPENDED, next_state=ListingState.SUSPENDED, next_from=date(2025, 11, 10),
                   next_until=date(2026, 11, 10))
    assert state_shown(extended) == "suspended; announced: suspended from 2025-11-10 until 2026-11-10"


@dataclass
class Row:
    hits: tuple[Hit, ...]
    possible: tuple[Hit, ...] = field(default=())


def test_the_title_counts_apart_the_counterparties_named_by_lifted_listings_only() -> None:
    """It said "4 of 5 counterparties listed (2 under measures …)": an officer reads "listed" as listed now, and Shield
    AI, lifted on both lists, was among them (screen33). Now: under measures now and, apart, no longer listed."""
    results = [Row((hit(ListingState.LIFTED), hit(ListingState.LAPSED))),  # TCOM: lifted on one list, lapsed on the other
               Row((hit(ListingState.LIFTED), hit(ListingState.LIFTED))),  # Shield AI: lifted on both
               Row((hit(ListingState.SUSPENDED),)), Row((hit(ListingState.IN_FORCE),)), Row(()),
               Row((hit(ListingState.REMOVED),)),  # removed: no longer listed either
               Row((hit(ListingState.LIFTED, measure_only=True),))]  # a measure lifted, not the listing: not "no longer"
    assert table_title(results, "2026-12-03") == (
        "7 counterparties as of 2026-12-03: 2 under measures in force now or presumed back in force, 2 listed before "
        "and no longer, 2 on a list with no measure in force now (suspended, announced, investigation)")
    assert table_title([Row(())], "2026-12-03") == (
        "1 counterparty as of 2026-12-03: 0 under measures in force now or presumed back in force, 0 listed before "
        "and no longer")


def test_the_json_counts_the_same_beside_matched() -> None:
    """``--json`` and the API keep ``matched`` (not renamed) and add the title's two counts."""
    from storage.screening import Query, Screened, report

    results = tuple(Screened(Query(i, "X"), hits) for i, hits in enumerate((
        (hit(ListingState.LIFTED), hit(ListingState.LAPSED)), (hit(ListingState.LIFTED),), (hit(ListingState.SUSPENDED),),
        ()), start=1))
    out = report(results, date(2026, 12, 3), complete=True)
    assert (out["matched"], out["under_measures"], out["no_longer_listed"], out["possible"]) == (3, 1, 1, 0)
    assert out["complete"] is True and report(results, date(2026, 12, 3), complete=False)["complete"] is False


def test_the_csv_says_the_state_in_status_words_in_its_last_column() -> None:
    """The CSV keeps the code ("lapsed") for machines; its last column but one says what it means to a spreadsheet
    reader (the last says whether the answer is complete)."""
    from mofcom_watch.commands.screen_cmd import COLUMNS, rows

    @dataclass
    class Query:
        line: int = 2
        name: str = "Skydio"
        country: str | None = "US"
        country_note: str | None = None
        cut_note: str | None = None

    @dataclass
    class Result:
        query: Query
        hits: tuple[Hit, ...]
        possible: tuple[Hit, ...] = ()
        listed_later: tuple[Any, ...] = ()

    [row] = rows([Result(Query(), (hit(ListingState.LAPSED),))])
    assert COLUMNS[-2:] == ("state_meaning", "complete")  # last but the answer's completeness (session 35)
    assert (row["state"], row["state_meaning"]) == ("lapsed", "lapsed: presumed back in force, needs review")


def test_a_possible_match_line_says_its_state() -> None:
    """story34 S3b: the possible match beside a hit on a removed listing, the same Chinese name listed again, said its
    listing and score but not that it is in force (the JSON and CSV did)."""
    from mofcom_watch.commands.screen_cmd import possible_line

    h = hit(ListingState.IN_FORCE, reason="the Chinese name … maybe the same company")
    assert possible_line(2, "Polaris Drones, Inc.", h) == (
        "line 2 Polaris Drones, Inc.: possible match: Skydio Inc. (MOFCOM uel, UEL-2025-7), score 100.0, review: the Chinese name "
        "… maybe the same company; state: in force")
    assert possible_line(2, "X", hit(ListingState.LAPSED)).endswith("; state: lapsed: presumed back in force, needs review")


def test_every_hit_has_every_next_key_in_json_null_where_none_applies() -> None:
    """`screen --json` and `POST /api/screen` left next_state, next_from, next_until out of a hit with no change to
    come: a script reading hit["next_from"] got a KeyError on nearly every hit (decided, session 36: as status --json)."""
    hits = (hit(ListingState.IN_FORCE), hit(ListingState.ANNOUNCED, next_state=ListingState.IN_FORCE,
                                            next_from=date(2025, 4, 10)))
    out = Screened(Query(line=2, name="Skydio Inc."), hits, (hit(ListingState.LAPSED, match="possible"),)).to_json()
    for h in (*out["hits"], *out["possible"]):
        assert {"next_state", "next_from", "next_until"} <= set(h)
    assert (out["hits"][0]["next_state"], out["hits"][0]["next_from"], out["hits"][0]["next_until"]) == (None, None, None)
    assert (out["hits"][1]["next_state"], out["hits"][1]["next_from"], out["hits"][1]["next_until"]) == (
        "in_force", "2025-04-10", None)
