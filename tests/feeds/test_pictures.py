"""State pictures: valid self-contained SVG, readable without colour, written beside the feeds and linked from items."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import feedparser
from lxml import etree

from feeds.picture import LEGEND_ORDER, STYLES, build_pictures, render_svg
from storage.bands import axis_for, listing_bands
from storage.db import open_store, session_factory
from storage.records import ListingState
from storage.status import derive_stored
from tests.feeds.replayed import AS_OF, write_feeds_cli

SVG = "{http://www.w3.org/2000/svg}"
BASE = "http://127.0.0.1:8765/feeds/"


def _derived(db_url: str, day: date):
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            return derive_stored(session, day)[1]
    finally:
        engine.dispose()


def test_picture_is_valid_self_contained_svg(fixture_db: str) -> None:
    day = date.fromisoformat(AS_OF)
    bands = listing_bands(_derived(fixture_db, day).events)
    axis = axis_for(bands, day)
    text = render_svg(bands, axis, title="Every listing")
    assert text == render_svg(bands, axis, title="Every listing")  # deterministic
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    assert not root.findall(f".//{SVG}script") and "href" not in text and "javascript" not in text.lower()
    rows = root.findall(f".//{SVG}g[@class='mw-row']")
    assert len(rows) == len(bands) == 26  # one row per listing: 12 MOFCOM of 2024-2025, 3 MFA decisions, 11 of issue 10 (2025 Nos. 55-58, 61, 62, Order No. 6, 2026 Nos. 11, 12, 23, Order 2026 No. 2)
    for row in rows:  # every row and every stretch in it says what it is when hovered
        assert row.find(f"{SVG}title").text
        stretches = [g for g in row.findall(f"{SVG}g") if g.find(f"{SVG}rect") is not None]
        assert stretches and all(g.find(f"{SVG}title").text for g in stretches)
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    used = set(re.findall(r"url\(#([\w-]+)\)", text))
    assert used and used <= ids
    assert f"as of {AS_OF}" in text
    legend = root.find(f".//{SVG}g[@class='mw-legend']")
    words = {t.text for t in legend.iter(f"{SVG}text")}
    assert {STYLES[s].label for s in LEGEND_ORDER} <= words
    # UEL-2025-7: in force, suspended (three times), lapsed; each change date ticked
    row = next(r for r in rows if "UEL-2025-7:" in r.find(f"{SVG}title").text)
    tips = [g.find(f"{SVG}title").text for g in row.findall(f"{SVG}g")]
    assert sum(t.startswith("suspended, 20") for t in tips) == 3
    # "1年" from 2025-11-10 runs through 2026-11-10: lapsed from 11-11 (lapse43)
    assert any(t.startswith("lapsed: presumed back in force, needs review, from 2026-11-11") for t in tips)
    for day_text in ("2025-04-04", "2025-05-14", "2025-08-12", "2025-11-10", "2026-11-11"):
        assert any(t.startswith(f"{day_text}: ") for t in tips), day_text


def test_every_row_heading_says_its_state_lapsed_first(fixture_db: str) -> None:
    """reader37 B: a row's state word was dropped whenever the long label and "lapsed: presumed back in force, needs
    review" did not fit the line, so every lapsed row of the fixtures' front picture showed no state in words (and
    UEL-2025-4, "in force", none): the label loses its count first, then the state is said in fewer words."""
    day = date.fromisoformat(AS_OF)
    bands = listing_bands(_derived(fixture_db, day).events)
    root = etree.fromstring(render_svg(bands, axis_for(bands, day), title="Every listing").encode("utf-8"))
    said = {}
    for row in root.findall(f".//{SVG}g[@class='mw-row']"):
        key = row.find(f"{SVG}title").text.split(":")[0]
        heading = row.find(f"{SVG}text[@class='mw-l']")
        said[key] = ("".join(heading.itertext()), heading.find(f"{SVG}tspan").text or "")
    assert all(word.startswith(" · ") for _, word in said.values()), said
    assert said["MOFCOM-2025-21"] == ("商务部公告2025年第21号 · export control list · lapsed, needs review",
                                      " · lapsed, needs review")
    assert said["UEL-2025-7"][1] == " · lapsed" and said["UEL-2025-4"][1] == " · in force"
    assert said["MFA-ORDER-2024-13"][0] == "外交部令第13号 · countermeasure list · 13 entities · in force"  # fits whole
    assert said["UEL-2024-3"][1] == " · investigation"


def test_states_differ_without_colour() -> None:
    """Greyscale or print: every state has its own pattern (solid, hatch, dots, ...), and its own word."""
    # ANNOUNCED is a status row's word, never a band's: a picture draws the announced change itself beyond the
    # as-of line (test_announced_changes_lie_beyond_the_as_of_line)
    assert set(STYLES) == set(ListingState) - {ListingState.ANNOUNCED}
    assert len({s.pattern for s in STYLES.values()}) == len(STYLES)
    assert len({s.label for s in STYLES.values()}) == len(STYLES)


def test_announced_changes_lie_beyond_the_as_of_line(fixture_db: str) -> None:
    """As of 2025-11-07 the 2025-11-10 lifts are announced: drawn, and said to be not yet in effect."""
    day = date(2025, 11, 7)
    bands = listing_bands(_derived(fixture_db, day).events)
    text = render_svg(bands, axis_for(bands, day), title="x")
    assert "lifted, from 2025-11-10" in text and "announced, not yet in effect on 2025-11-07" in text
    (b13,) = [b for b in bands if b.notice_key == "MOFCOM-2025-13"]
    assert b13.state_on(day) is ListingState.IN_FORCE


def test_feeds_out_writes_pictures_and_items_link_to_them(fixture_db: str, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    first = write_feeds_cli(fixture_db, out, base_url=BASE)
    assert first.exit_code in (0, 1), first.output
    for name in ("all", "ecl", "uel", "items", "notice/MOFCOM-2025-21", "notice/MOFCOM-2024-46", "entity/skydio"):
        root = etree.fromstring((out / f"{name}.svg").read_bytes())
        assert root.tag == f"{SVG}svg", name
    assert len(list((out / "notice").glob("*.svg"))) == 26  # one per listing: 12 + 3 MFA + 11
    linked: set[str] = set()
    for path in out.rglob("*.atom"):
        for entry in feedparser.parse(path.read_bytes()).entries:
            urls = re.findall(r'href="([^"]+\.svg)"', entry.content[0].value)
            assert len(urls) <= 1
            linked.update(urls)
            if entry.id.startswith("tag:mofcom-watch,2025:UEL-2025-7/"):
                assert urls == [f"{BASE}notice/UEL-2025-7.svg"], entry.id
    assert linked and all((out / url[len(BASE):]).is_file() for url in linked)
    assert {f"{BASE}notice/MOFCOM-2025-21.svg", f"{BASE}notice/MOFCOM-2024-46.svg"} <= linked
    again = write_feeds_cli(fixture_db, out, base_url=BASE)
    assert "0 written" in again.output  # same store, same bytes: nothing rewritten


def test_build_pictures_names() -> None:
    assert [p.name for p in build_pictures([], date(2026, 11, 29))] == ["all"]  # an empty store: an empty picture
    svg = build_pictures([], date(2026, 11, 29))[0].svg.decode()
    assert "No listing known as of 2026-11-29" in svg


def test_stretches_and_brackets_say_the_last_day_as_the_items_do(fixture_db: str) -> None:
    """user43: UEL-2025-7's last suspension was hovered as "suspended, 2025-11-10 to 2026-11-11" beside its item's
    "until 2026-11-10 inclusive", and the bracket said "suspension scheduled to end 2025-08-13" for one "until
    2025-08-12 inclusive": the picture counted to the lapse day where every item, `timeline` and README say the last
    day (session 42). Now a stretch ends on its last day, included, and the bracket says that day."""
    def tips(day: date) -> list[str]:
        bands = listing_bands(_derived(fixture_db, day).events)
        root = etree.fromstring(render_svg(bands, axis_for(bands, day), title="x").encode("utf-8"))
        row = next(r for r in root.findall(f".//{SVG}g[@class='mw-row']")
                   if r.find(f"{SVG}title").text.startswith("UEL-2025-7:"))
        return [g.find(f"{SVG}title").text for g in row.findall(f"{SVG}g")]

    now = tips(date.fromisoformat(AS_OF))
    assert any(t.startswith("suspended, 2025-11-10 to 2026-11-10 inclusive: ") and "until 2026-11-10 inclusive" in t
               for t in now), now
    # the next period begins on the last day ("自8月12日起"): that day stays the first suspension's
    assert any(t.startswith("suspended, 2025-05-14 to 2025-08-12 inclusive: ") for t in now), now
    assert not any("to 2026-11-11" in t for t in now), now
    before = tips(date(2025, 6, 1))
    assert "suspension set to run through 2025-08-12 inclusive (set by QA-2025-05-14-cf01eaa4)" in before, before
    assert not any("2025-08-13" in t for t in before), before
