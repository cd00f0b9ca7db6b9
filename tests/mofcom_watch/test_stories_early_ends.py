"""Session 21's lifecycle stories (engine21), round 4 of the blind stories: sequences sessions 18-20 did not try,
composed in the official wording (domain.md section c) with fictional US companies, replayed with the real
``replay`` (one real process) into a real SQLite file and read back with ``status``, ``timeline`` and ``feeds`` on
the boundary days. Expectations were written before the stories were first run and before the engine was read
(/work/s21/engine21-cases/EXPECTED.md); each difference is judged in /work/s21/engine21-table.md.
``MOFCOM_WATCH_TODAY`` is pinned to 2028-01-31 so that 2027's days are days past.

V01 a 90-day suspension continued for a year, then ended early: No. 161 restored, No. 162 stopped (no lapse, no
    countdown for the end that never came).
V02 one notice removes Titan from the ECL (No. 164's listing) and another lists it again on the same day
    (fault: the removal reached the new listing too: "removed", and no "imposed" item for it).
V03 a UEL removal of a company also on the ECL: the ECL listing stays in force.
V04 a Q&A titled for the ECL suspends "4月5日公告" by its day only, when an ECL and a UEL notice share that day:
    the ECL one is suspended, the UEL one untouched.
V05 a listing announced to take effect on 2027-07-01 withdrawn (废止) on 06-21 (fault: in force from 07-01 all the
    same, and "announced: in force from 07-01" after the withdrawal).
V06 suspensions ending on the as-of day, by a count of days (ECL) and "至" a day (UEL, that day included: lapsed the day after).
V07 a company on the ECL and on the MFA's list under another Chinese name: MOFCOM stops its listing, the MFA's stays.
V08 every page replayed in the reverse order (one replay, a transaction a page, the last page first): the same
    items (ids, titles, dates) in all.json and in every entity feed.
V09 a suspension naming Nos. 171-173 when No. 172 was stopped: 171 and 173 suspended, 172 left lifted, and said as
    a note that fails nothing (it was a problem for as long as the Q&A stood: ``feeds`` and ``replay`` exit 1).
V10 a company on two ECL notices, one of them suspended: the other stays in force.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    assert_unique_with_provenance,
    ids,
    invoke,
    item_ids_of,
    listings,
    replayed,
    row,
    state,
)

STORIES = REPO / "tests" / "data" / "stories21" / "main"
FETCHED = "2028-01-15T00:00:00+00:00"
TODAY = "2028-01-31"
ENV = {"MOFCOM_WATCH_TODAY": TODAY}
FINAL = "2027-12-31"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("stories21"), STORIES, FETCHED, today=TODAY)


of = item_ids_of


def told(store: Store, name: str, day: str) -> set[str]:
    """The ids of the items ``timeline NAME`` holds as of ``day`` (a boundary day read without a feeds build)."""
    return {e["id"][len(TAG):] for one in store.timeline(name, day)["listings"] for e in one["events"]}


def test_v01_a_year_long_extension_ended_early(store: Store) -> None:
    restored, stopped = "MOFCOM-2026-161", "MOFCOM-2026-162"
    for key in (restored, stopped):
        assert state(store, "2026-05-11", key) == ("suspended", "2026-05-11", "2026-08-09"), key
        got = state(store, "2027-02-07", key)
        assert got[0] == "suspended" and got[2] == "2027-08-09", (key, got)
    assert row(store, "2027-02-07", restored)["next_state"] == "in_force"
    assert row(store, "2027-02-07", stopped)["next_state"] == "lifted"
    assert state(store, "2027-02-08", restored) == ("in_force", "2027-02-08", None)
    assert row(store, "2027-02-08", restored)["presumed"] is False
    assert state(store, FINAL, stopped) == ("lifted", "2027-02-08", None)
    for key, last in ((restored, "restored/ecl/2027-02-08"), (stopped, "lifted/ecl/2027-02-08")):
        items = of(store, FINAL, key)
        for one in ("suspended/ecl/2026-05-11", "suspension_extended/ecl/2026-08-09", last):
            assert f"{key}/{one}" in items, (one, items)
        assert not [i for i in items if "2026-08-09" in i and "/suspension_lapsed/" in i], items
        assert not [i for i in items if i.split("/")[1] in ("suspension_lapsed", "suspension_ends_soon")
                    and i.split("/")[3] >= "2027-02-08"], items  # the end that never came: no countdown, no lapse


def test_v02_removed_and_listed_again_on_one_day(store: Store) -> None:
    old, new = "MOFCOM-2026-164", "MOFCOM-2027-22"
    assert new not in store.status("2027-03-14")
    assert state(store, "2027-03-15", old, "titanmaterials") == ("removed", "2027-03-15", None)
    assert state(store, "2027-03-15", old, "enceladusoptics") == ("in_force", "2026-06-08", None)
    assert state(store, "2027-03-15", new) == ("in_force", "2027-03-15", None)  # one row: Titan with Iapetus
    assert row(store, "2027-03-15", new)["entity_keys"] == ["titanmaterials", "iapetuselectronics"]
    assert listings(store, "Titan Materials", FINAL) == {old: ("removed", "2027-03-15"),
                                                          new: ("in_force", "2027-03-15")}
    titan = of(store, FINAL, new, "entity/titanmaterials")
    assert titan == {f"{new}/imposed/ecl/2027-03-15/titanmaterials"}, titan
    assert f"{old}/removed/ecl/2027-03-15/titanmaterials" in of(store, FINAL, old, "entity/titanmaterials")
    assert not [i for i in of(store, FINAL, old, "entity/enceladusoptics") if "/removed/" in i or "/lifted/" in i]


def test_v03_uel_removal_leaves_the_ecl_listing(store: Store) -> None:
    uel, ecl = "UEL-2026-44", "MOFCOM-2026-165"
    assert state(store, "2027-01-17", uel) == ("in_force", "2026-04-20", None)
    assert state(store, "2027-01-18", uel, "tritonunmannedsystems") == ("removed", "2027-01-18", None)
    assert state(store, "2027-01-18", uel, "nereidradar") == ("in_force", "2026-04-20", None)
    assert state(store, FINAL, ecl) == ("in_force", "2026-05-18", None)
    assert listings(store, "Triton Unmanned Systems", FINAL) == {uel: ("removed", "2027-01-18"),
                                                                  ecl: ("in_force", "2026-05-18")}
    triton = ids(store.items(FINAL, "entity/tritonunmannedsystems"))
    assert f"{TAG}{uel}/removed/uel/2027-01-18/tritonunmannedsystems" in triton, triton
    assert {i for i in triton if f"{TAG}{ecl}/" in i} == {f"{TAG}{ecl}/imposed/ecl/2026-05-18/tritonunmannedsystems"}


def test_v04_a_suspension_naming_the_notice_by_its_day_alone(store: Store) -> None:
    assert state(store, "2027-05-10", "MOFCOM-2027-23") == ("suspended", "2027-05-10", "2027-08-08")
    assert state(store, "2027-08-09", "MOFCOM-2027-23") == ("lapsed", "2027-08-09", None)
    assert state(store, FINAL, "UEL-2027-8") == ("in_force", "2027-04-05", None)  # the same day, another list
    assert of(store, FINAL, "UEL-2027-8") == {"UEL-2027-8/imposed/uel/2027-04-05"}
    assert not [p for p in store.status(FINAL)["__problems__"] if "QA-2027-05-10" in p]


def test_v05_a_listing_withdrawn_before_its_day(store: Store) -> None:
    key = "MOFCOM-2027-24"
    assert key not in store.status("2027-05-31")
    got = row(store, "2027-06-01", key)
    assert (got["state"], got["next_state"], got["next_from"]) == ("announced", "in_force", "2027-07-01"), got
    for day in ("2027-06-21", "2027-06-30", "2027-07-01", FINAL):
        got = row(store, day, key)
        assert (got["state"], got["since"], got.get("next_state")) == ("lifted", "2027-06-21", None), (day, got)
    assert any("2027-07-01" in line and "withdrawn" in line for line in row(store, FINAL, key)["history"])
    assert listings(store, "Eris Technologies", FINAL) == {key: ("lifted", "2027-06-21")}
    assert of(store, FINAL, key) == {f"{key}/lifted/ecl/2027-06-21"}
    assert f"{key}/imposed/ecl/2027-07-01/eristechnologies" in told(store, "Eris Technologies", "2027-06-01")


def test_v05_the_announced_listing_retracted_once_withdrawn(tmp_path: Path) -> None:
    """In a store kept day by day, the 'imposed from 07-01' item published on 06-01 is retracted by the feeds once
    the withdrawal is stored, not left standing as an imposition that never happened."""
    db = f"sqlite:///{tmp_path / 'kept.sqlite'}"
    imposed = f"{TAG}MOFCOM-2027-24/imposed/ecl/2027-07-01"
    for n, (name, day) in enumerate((("v05-mofcom-2027-24.txt", "2027-06-01"),
                                     ("v05-mofcom-2027-25-withdrawal.txt", "2027-06-21"))):
        folder = tmp_path / f"day{n}"
        folder.mkdir()
        (folder / name).write_bytes((STORIES / name).read_bytes())
        assert invoke(db, "replay", str(folder), "--fetched-at", f"{day}T12:00:00+00:00", "--as-of", day,
                      env=ENV).exit_code == 0
        assert invoke(db, "feeds", "--out", str(tmp_path / f"f{n}"), "--as-of", day, env=ENV).exit_code == 0
    first, second = ([i["id"] for i in json.loads((tmp_path / f"f{n}" / "all.json").read_text("utf-8"))["items"]]
                     for n in (0, 1))
    assert imposed in first
    assert imposed not in second and [i for i in second if i.startswith(f"{imposed}/correction/")], second
    # withdrawn, not "Retracted: … disregard it": the impose was true as published; its readers are sent to the item
    # saying the withdrawal (order30)
    items = {i["id"]: i for i in json.loads((tmp_path / "f1" / "all.json").read_text("utf-8"))["items"]}
    fix = items[f"{imposed}/correction/1"]
    assert fix["title"].startswith("Withdrawn before it took effect: Imposed:"), fix["title"]
    assert f"({TAG}MOFCOM-2027-24/lifted/ecl/2027-06-21)" in fix["content_html"], fix["content_html"]


def test_v06_suspensions_ending_on_the_day_asked(store: Store) -> None:
    """90 days from 2027-01-04 run through 04-04 (ECL) and "至2027年4月4日" includes 04-04 (UEL; the lead's decision on
    story36's C1): both lapse on 04-05 (one convention, lapse43), the countdowns counted to that day."""
    for key, lst, name, lapse_day, counts in (
            ("MOFCOM-2026-166", "ecl", "Haumea Microelectronics", "2027-04-05", ("2027-03-06", "2027-03-29")),
            ("UEL-2026-45", "uel", "Makemake Satellite", "2027-04-05", ("2027-03-06", "2027-03-29"))):
        eve = (date.fromisoformat(lapse_day) - timedelta(days=1)).isoformat()
        assert state(store, eve, key) == ("suspended", "2027-01-04", "2027-04-04"), key
        assert state(store, lapse_day, key) == ("lapsed", lapse_day, None), key
        assert row(store, lapse_day, key)["presumed"] is True
        before, on = told(store, name, eve), told(store, name, lapse_day)
        ent = name.lower().replace(" ", "")
        lapse = f"{key}/suspension_lapsed/{lst}/{lapse_day}/{ent}"
        assert lapse not in before and lapse in on, (before, on)
        assert {f"{key}/suspension_ends_soon/{lst}/{d}/{ent}" for d in counts} <= before, before
        assert f"{key}/suspension_lapsed/{lst}/{lapse_day}" in of(store, FINAL, key)


def test_v07_mofcom_stops_its_listing_the_mfa_keeps_its_own(store: Store) -> None:
    ecl, mfa = "MOFCOM-2026-167", "MFA-ORDER-2026-46"
    assert state(store, "2027-02-14", ecl) == ("in_force", "2026-07-13", None)
    assert state(store, "2027-02-15", ecl) == ("lifted", "2027-02-15", None)
    assert state(store, FINAL, mfa) == ("in_force", "2026-08-01", None)
    for name in ("Charon Aerospace", "卡隆航天公司", "卡戎航天公司"):  # MOFCOM's and the MFA's Chinese names
        assert listings(store, name, FINAL) == {ecl: ("lifted", "2027-02-15"), mfa: ("in_force", "2026-08-01")}, name
    charon = ids(store.items(FINAL, "entity/charonaerospace"))
    assert f"{TAG}{ecl}/lifted/ecl/2027-02-15/charonaerospace" in charon, charon
    assert {i for i in charon if f"{TAG}{mfa}/" in i} == {
        f"{TAG}{mfa}/imposed/countermeasure/2026-08-01/charonaerospace"}, charon


def test_v09_a_stopped_notice_named_in_a_suspension_is_a_note(store: Store) -> None:
    for key in ("MOFCOM-2026-171", "MOFCOM-2026-173"):
        assert state(store, "2027-01-11", key) == ("suspended", "2027-01-11", "2028-01-11"), key
    for day in ("2027-01-10", "2027-01-11", FINAL):
        assert state(store, day, "MOFCOM-2026-172") == ("lifted", "2026-10-12", None), day
    assert of(store, FINAL, "MOFCOM-2026-172") == {"MOFCOM-2026-172/imposed/ecl/2026-09-07",
                                                   "MOFCOM-2026-172/lifted/ecl/2026-10-12"}
    said = store.status(FINAL)
    notes = store.notes(FINAL)
    assert [n for n in notes if n.startswith("QA-2027-01-11") and "MOFCOM-2026-172" in n], notes
    assert not said["__problems__"], said["__problems__"]  # (nor any other story's)
    history = row(store, FINAL, "MOFCOM-2026-172")["history"]
    assert any(line.startswith("2027-01-11 named by QA-2027-01-11") for line in history), history
    store.feeds(FINAL)  # said, and failing nothing: feeds exit 0 with the note on stderr
    code, stderr = store.feeds_said[FINAL]
    assert code == 0 and "note: QA-2027-01-11" in stderr, (code, stderr)


def test_v10_one_of_two_listings_of_a_company_suspended(store: Store) -> None:
    old, new = "MOFCOM-2026-168", "MOFCOM-2027-26"
    assert state(store, "2027-08-02", old) == ("suspended", "2027-08-02", "2027-10-31")
    assert state(store, "2027-08-02", new) == ("in_force", "2027-07-05", None)
    assert listings(store, "Ceres Photonics", "2027-08-02") == {old: ("suspended", "2027-08-02"),
                                                                new: ("in_force", "2027-07-05")}
    assert state(store, "2027-11-01", old) == ("lapsed", "2027-11-01", None)
    assert state(store, "2027-10-31", new) == ("in_force", "2027-07-05", None)
    ceres = of(store, FINAL, new, "entity/ceresphotonics")
    assert ceres == {f"{new}/imposed/ecl/2027-07-05/ceresphotonics"}, ceres
    assert f"{old}/suspended/ecl/2027-08-02/ceresphotonics" in of(store, FINAL, old, "entity/ceresphotonics")


def test_no_duplicate_items_and_provenance_everywhere(store: Store) -> None:
    assert_unique_with_provenance(store.items(FINAL))


def _items(db: str, out: Path) -> dict[str, set[tuple[str, str, str]]]:
    assert invoke(db, "feeds", "--out", str(out), "--as-of", FINAL, env=ENV).exit_code == 0
    got = {}
    for path in [out / "all.json", *sorted((out / "entity").glob("*.json"))]:
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        got[path.name] = {(i["id"], i["date_published"], i["title"]) for i in items if "/correction/" not in i["id"]}
    return got


def test_v08_replayed_in_reverse_order(store: Store, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'reverse.sqlite'}"
    backwards = tmp_path / "backwards"  # one replay, a page at a time (a transaction each), the last page first
    backwards.mkdir()
    for n, page in enumerate(sorted(STORIES.iterdir(), reverse=True)):
        (backwards / f"{n:02d}-{page.name}").write_bytes(page.read_bytes())
    assert invoke(db, "replay", str(backwards), "--fetched-at", FETCHED, env=ENV).exit_code == 0
    whole = _items(store.db, tmp_path / "whole")
    reverse = _items(db, tmp_path / "reverse")
    assert whole.keys() == reverse.keys(), whole.keys() ^ reverse.keys()
    for name, got in whole.items():
        assert got == reverse[name], (name, got ^ reverse[name])
    assert len(whole["all.json"]) >= 50
