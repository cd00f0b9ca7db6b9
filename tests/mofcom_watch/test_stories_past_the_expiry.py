"""Session 20's lifecycle stories (engine20), round 3 of the blind stories: sequences sessions 18 and 19 did not try,
most of them running past the 2026-11-10 expiry into 2027, composed in the official wording (domain.md section c)
with fictional US companies, replayed with the real ``replay`` (one real process) into a real SQLite file and read
back with ``status``, ``timeline`` and ``feeds`` at several as-of days, the boundary days among them (the day before
a step, its day, the day after). Expectations were written before the stories were first run and before the engine
was read (/work/s20/engine20-cases/EXPECTED.md); each difference is judged in /work/s20/engine20-table.md.
``MOFCOM_WATCH_TODAY`` is pinned to 2028-01-31 so that 2027's days are days past, as they will be.

U01 an ECL suspension of one year runs out on 2026-11-10 (lapsed, presumed back in force); a Q&A of 2026-12-14
    suspends the same notice again from 2026-12-15 for a year; that one lapses on 2027-12-15.
U02 a UEL suspension lapses on 2026-11-10; a Q&A restores the measures from 2026-11-24 (in force, not presumed).
U03 a company's ECL listing (2025 No. 142) stopped in 2026; the company listed again on the ECL by 2027 No. 3, which
    is suspended: each step reaches its own listing only.
U04 one company on the ECL (No. 144), the UEL (〔2026〕42号) and the MFA's list (order 2026 No. 28, another Chinese
    name): the ECL one suspended and lapsed, the UEL one stopped, the MFA one untouched.
U05 a notice published on 2026-09-07 in force from 2026-09-01 (backdated), then suspended and lapsed.
U06 on one day a notice removes one of No. 145's two companies and a Q&A suspends No. 145: the removed company is not
    suspended, nor lapsed later.
U07 a Q&A continues the suspension of "商务部公告2026年第146号至第148号" when No. 147 had been stopped: No. 147
    stays lifted (fault: it came back suspended and lapsed "presumed back in force").
U08 a later ECL listing names a company under a new name with its former one ("曾用名Lynx Avionics Inc."): the
    former name found both listings, the new name the ECL one only (timeline; fixed); ``screen`` hit the new name on
    the ECL listing only (fixed in session 21, storage/aliaslinks.py: each hit through the former name says so).
U09 No. 153 (3 companies) withdrawn by No. 154 ("商务部公告2026年第153号同时废止"), which lists 2 of them again
    (fault: No. 153 stayed in force for all three).
U10 a suspension "of the 2 US entities listed on 2025-09-15" continued on its very end day, 2026-11-10, for a year.
U12 (written after reading the engine, a probe of U07's fix) No. 155's suspension "延长90天" with no start, after one
    of its two companies was removed: counted from the running end of the other (fault: the removed one made "no
    single end", the end counted from the Q&A's day, 6 days short, with a problem).
Every story: the pages replayed one by one in the reverse order give the same items.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    assert_unique_with_provenance,
    ids,
    invoke,
    listing,
    replayed,
    row,
    state,
)

STORIES = REPO / "tests" / "data" / "stories20"
FETCHED = "2028-01-15T00:00:00+00:00"
TODAY = "2028-01-31"
FINAL = "2027-12-31"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("stories20"), STORIES / "main", FETCHED, today=TODAY)


def of(store: Store, day: str, key: str, feed: str = "all") -> set[str]:
    return {i for i in ids(store.items(day, feed)) if i.startswith(f"{TAG}{key}/")}


def problems(store: Store, day: str, *words: str) -> list[str]:
    return [p for p in store.status(day)["__problems__"] if any(w in p for w in words)]


def test_u01_suspended_again_after_the_2026_expiry(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    key = "MOFCOM-2025-141"
    assert state(store, "2025-11-09", key) == ("in_force", "2025-10-20", None)
    assert row(store, "2025-11-09", key)["next_state"] == "suspended"
    assert state(store, "2025-11-10", key) == ("suspended", "2025-11-10", "2026-11-10")
    assert state(store, "2026-11-09", key) == ("suspended", "2025-11-10", "2026-11-10")
    assert state(store, "2026-11-11", key) == ("lapsed", "2026-11-11", None)
    assert row(store, "2026-11-11", key)["presumed"] is True
    assert state(store, "2026-12-14", key) == ("lapsed", "2026-11-11", None)
    got = row(store, "2026-12-14", key)
    assert (got["next_state"], got["next_from"], got["next_until"]) == ("suspended", "2026-12-15", "2027-12-15"), got
    days = [line[:10] for line in got["history"]]  # the announced step told after the lapse before it
    assert days == sorted(days) == ["2025-10-20", "2025-11-10", "2026-11-11", "2026-12-15"], got["history"]
    assert state(store, "2026-12-15", key) == ("suspended", "2026-12-15", "2027-12-15")
    assert row(store, "2026-12-15", key)["presumed"] is False
    assert state(store, "2027-12-14", key) == ("suspended", "2026-12-15", "2027-12-15")
    assert state(store, "2027-12-16", key) == ("lapsed", "2027-12-16", None)
    items = of(store, FINAL, key)
    for one in ("suspended/ecl/2025-11-10", "suspension_lapsed/ecl/2026-11-11", "suspended/ecl/2026-12-15",
                "suspension_lapsed/ecl/2027-12-16"):
        assert f"{TAG}{key}/{one}" in items, (one, items)
    assert not [i for i in items if "/restored/" in i or "/correction/" in i], items
    soon = {i.rsplit("/", 1)[1] for i in items if "/suspension_ends_soon/" in i}
    assert soon == {"2026-10-12", "2026-11-04", "2027-11-16", "2027-12-09"}, soon
    assert not problems(store, FINAL, key, "QA-2026-12-14")


def test_u02_restored_after_the_lapse(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    key = "UEL-2025-41"
    assert state(store, "2026-11-09", key) == ("suspended", "2025-11-10", "2026-11-10")
    assert state(store, "2026-11-11", key) == ("lapsed", "2026-11-11", None)
    assert row(store, "2026-11-23", key)["next_state"] == "in_force"
    assert state(store, "2026-11-23", key) == ("lapsed", "2026-11-11", None)
    assert state(store, "2026-11-24", key) == ("in_force", "2026-11-24", None)
    got = row(store, "2026-11-24", key)
    assert got["presumed"] is False and got["by"].startswith("QA-2026-11-23"), got
    items = of(store, FINAL, key)
    assert f"{TAG}{key}/suspension_lapsed/uel/2026-11-11" in items, items
    assert f"{TAG}{key}/restored/uel/2026-11-24" in items, items
    assert not [i for i in items if "/correction/" in i], items


def test_u03_second_listing_on_the_same_list_after_a_lift(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    old, new = "MOFCOM-2025-142", "MOFCOM-2027-3"
    assert state(store, "2027-01-10", old) == ("lifted", "2026-01-12", None)
    assert new not in store.status("2027-01-10")
    assert state(store, "2027-01-11", new) == ("in_force", "2027-01-11", None)
    assert state(store, "2027-01-11", old) == ("lifted", "2026-01-12", None)
    assert state(store, "2027-03-01", new) == ("suspended", "2027-03-01", "2027-05-30")
    assert state(store, "2027-03-01", old) == ("lifted", "2026-01-12", None)
    assert state(store, "2027-05-29", new) == ("suspended", "2027-03-01", "2027-05-30")
    assert state(store, "2027-05-31", new) == ("lapsed", "2027-05-31", None)
    assert state(store, "2027-05-30", old) == ("lifted", "2026-01-12", None)
    sirius = store.timeline("天狼复合材料公司", FINAL)
    assert sirius["keys"] == ["siriuscomposites"], sirius["keys"]
    got = {e["notice_key"]: (e["state"]["state"], e["state"]["since"]) for e in sirius["listings"]}
    assert got == {old: ("lifted", "2026-01-12"), new: ("lapsed", "2027-05-31")}, got
    items = ids(store.items(FINAL, "entity/siriuscomposites"))
    assert {i[len(TAG):] for i in items if i.startswith(f"{TAG}{old}/")} == {
        f"{old}/imposed/ecl/2025-10-27/siriuscomposites", f"{old}/lifted/ecl/2026-01-12/siriuscomposites"}, items
    for one in ("imposed/ecl/2027-01-11", "suspended/ecl/2027-03-01", "suspension_lapsed/ecl/2027-05-31"):
        assert f"{TAG}{new}/{one}/siriuscomposites" in items, (one, items)
    capella = ids(store.items(FINAL, "entity/capellarobotics"))
    assert not [i for i in capella if new in i], capella


def test_u04_one_company_on_three_lists(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    ecl, uel, mfa = "MOFCOM-2026-144", "UEL-2026-42", "MFA-ORDER-2026-28"
    assert state(store, "2026-05-31", ecl) == ("in_force", "2026-04-13", None)
    assert state(store, "2026-06-01", ecl) == ("suspended", "2026-06-01", "2026-08-30")
    assert state(store, "2026-06-01", uel) == ("lifted", "2026-06-01", None)
    assert state(store, "2026-06-01", mfa, "miraphotonics") == ("in_force", "2026-05-20", None)
    assert state(store, "2026-08-29", ecl) == ("suspended", "2026-06-01", "2026-08-30")
    assert state(store, "2026-08-31", ecl) == ("lapsed", "2026-08-31", None)
    assert state(store, "2026-08-30", uel) == ("lifted", "2026-06-01", None)
    mira = store.timeline("Mira Photonics", "2026-09-01")
    assert mira["keys"] == ["miraphotonics"], mira["keys"]
    assert {"米拉光子公司", "米拉光子有限责任公司"} <= set(mira["names"]), mira["names"]
    got = {e["notice_key"]: (e["list"], e["state"]["state"], e["state"]["since"]) for e in mira["listings"]}
    assert got == {ecl: ("ecl", "lapsed", "2026-08-31"), uel: ("uel", "lifted", "2026-06-01"),
                   mfa: ("countermeasure", "in_force", "2026-05-20")}, got
    items = ids(store.items(FINAL, "entity/miraphotonics"))
    assert [i for i in items if i.startswith(f"{TAG}{mfa}/")] == [
        f"{TAG}{mfa}/imposed/countermeasure/2026-05-20/miraphotonics"], items
    assert f"{TAG}{uel}/lifted/uel/2026-06-01/miraphotonics" in items, items
    assert not [i for i in items if i.startswith(f"{TAG}{uel}/") and "/suspen" in i], items
    assert state(store, "2026-08-31", ecl, "lyramaterials") == ("lapsed", "2026-08-31", None)


def test_u05_backdated_notice(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    key = "MOFCOM-2026-151"
    assert key not in store.status("2026-09-06")
    assert state(store, "2026-09-07", key) == ("in_force", "2026-09-01", None)
    assert state(store, "2026-10-11", key) == ("in_force", "2026-09-01", None)
    assert state(store, "2026-10-12", key) == ("suspended", "2026-10-12", "2027-01-10")
    assert state(store, "2027-01-09", key) == ("suspended", "2026-10-12", "2027-01-10")
    assert state(store, "2027-01-11", key) == ("lapsed", "2027-01-11", None)
    imposed = [i for i in store.items(FINAL) if i["id"] == f"{TAG}{key}/imposed/ecl/2026-09-01"]
    assert len(imposed) == 1 and imposed[0]["date_published"][:10] == "2026-09-07", imposed


def test_u06_removal_and_suspension_of_one_day(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    key = "MOFCOM-2026-145"
    assert state(store, "2026-10-11", key) == ("in_force", "2026-02-09", None)
    assert state(store, "2026-10-12", key, "orionmachining") == ("removed", "2026-10-12", None)
    assert state(store, "2026-10-12", key, "polluxinstruments") == ("suspended", "2026-10-12", "2027-01-10")
    assert state(store, "2027-01-11", key, "polluxinstruments") == ("lapsed", "2027-01-11", None)
    assert state(store, "2027-01-10", key, "orionmachining") == ("removed", "2026-10-12", None)
    orion = ids(store.items(FINAL, "entity/orionmachining"))
    assert f"{TAG}{key}/removed/ecl/2026-10-12/orionmachining" in orion, orion
    assert not [i for i in orion if "/suspen" in i], orion
    pollux = ids(store.items(FINAL, "entity/polluxinstruments"))
    assert f"{TAG}{key}/suspension_lapsed/ecl/2027-01-11/polluxinstruments" in pollux, pollux


def test_u07_range_extension_leaves_a_stopped_notice_lifted(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    for key in ("MOFCOM-2026-146", "MOFCOM-2026-147", "MOFCOM-2026-148"):
        assert state(store, "2026-05-11", key) == ("suspended", "2026-05-11", "2026-08-09"), key
    assert state(store, "2026-06-15", "MOFCOM-2026-147") == ("lifted", "2026-06-15", None)
    for day in ("2026-08-08", "2026-08-09", "2026-11-07", FINAL):
        assert state(store, day, "MOFCOM-2026-147") == ("lifted", "2026-06-15", None), day
    assert row(store, "2026-08-08", "MOFCOM-2026-147").get("next_state") is None
    for key in ("MOFCOM-2026-146", "MOFCOM-2026-148"):
        got = state(store, "2026-08-09", key)
        assert got[0] == "suspended" and got[1] in ("2026-05-11", "2026-08-09") and got[2] == "2026-11-07", (key, got)
        assert state(store, "2026-11-08", key) == ("lapsed", "2026-11-08", None), key
        items = of(store, FINAL, key)
        assert f"{TAG}{key}/suspension_extended/ecl/2026-08-09" in items, items
        assert f"{TAG}{key}/suspension_lapsed/ecl/2026-11-08" in items, items
    stopped = of(store, FINAL, "MOFCOM-2026-147")  # no countdown either: stopped before its first countdown day
    assert stopped == {f"{TAG}MOFCOM-2026-147/{one}" for one in (
        "imposed/ecl/2026-03-09", "suspended/ecl/2026-05-11", "lifted/ecl/2026-06-15")}, stopped
    draco = ids(store.items(FINAL, "entity/dracoenergetics"))
    assert not [i for i in draco if "/suspension_extended/" in i or "/suspension_lapsed/" in i], draco
    # the Q&A named a stopped notice: said (a note, failing nothing: engine21), not acted on
    assert [n for n in store.notes("2026-08-09") if "MOFCOM-2026-147" in n], store.notes("2026-08-09")
    assert not problems(store, "2026-08-09", "MOFCOM-2026-147")


def test_u08_former_name_in_a_later_listing(store: Store) -> None:
    assert state(store, "2026-09-14", "UEL-2026-43") == ("suspended", "2026-09-14", "2026-12-13")
    assert state(store, "2026-09-14", "MOFCOM-2026-149") == ("in_force", "2026-07-06", None)
    for name in ("Lynx Avionics", "Polaris Defense Systems", "北极星防务系统公司"):  # the former name, the new ones
        found = store.timeline(name, "2026-10-01")
        got = {e["notice_key"]: e["state"]["state"] for e in found["listings"]}
        assert got == {"UEL-2026-43": "suspended", "MOFCOM-2026-149": "in_force"}, (name, got)
    ursa = store.timeline("Ursa Major Electronics", "2026-10-01")  # its neighbour in the annex: its own listing only
    assert [e["notice_key"] for e in ursa["listings"]] == ["MOFCOM-2026-149"], ursa["listings"]
    why = "listed as Lynx Avionics Inc., named by 商务部公告2026年第149号 as the former name of Polaris Defense Systems LLC"
    assert listing(store.timeline("Polaris Defense Systems", "2026-10-01"), "UEL-2026-43")["linked"] == why


def test_u08_screen_hits_both_listings_through_the_former_name(store: Store) -> None:
    """`screen` of the new name hit the ECL listing only (the UEL one, under the former name, was missed); each hit
    through the notice-given name says so. Before No. 149 was public nothing ties the two."""
    names = store.folder / "u08-screen.csv"
    names.write_text("Polaris Defense Systems LLC\n北极星防务系统公司\n林克斯航电公司\nAuriga Software Inc.\n", encoding="utf-8")

    def hits(day: str) -> dict[str, dict[str, str | None]]:
        result = invoke(store.db, "screen", str(names), "--json", "--as-of", day, env=store.env)
        return {r["query"]["name"]: {h["notice_key"]: h.get("reason") for h in r["hits"]}
                for r in json.loads(result.stdout)["results"]}

    why = "listed as Lynx Avionics Inc., named by 商务部公告2026年第149号 as the former name of Polaris Defense Systems LLC"
    got = hits("2026-10-01")
    assert got["Polaris Defense Systems LLC"] == {"MOFCOM-2026-149": None, "UEL-2026-43": why}, got
    assert got["北极星防务系统公司"] == {"MOFCOM-2026-149": None, "UEL-2026-43": why}, got
    assert got["林克斯航电公司"] == {"UEL-2026-43": None, "MOFCOM-2026-149": (
        "listed as Polaris Defense Systems LLC, named by 商务部公告2026年第149号 with the former name Lynx Avionics Inc.")}, got
    assert got["Auriga Software Inc."] == {"UEL-2026-43": None}, got  # Lynx's neighbour in the UEL annex: no join
    before = hits("2026-07-05")
    assert before["Polaris Defense Systems LLC"] == {} and before["林克斯航电公司"] == {"UEL-2026-43": None}, before



def test_u08_entity_feeds_carry_both_listings(store: Store) -> None:
    """The new name's entity feed lacked the UEL items of its former name (and the former name's the ECL ones). The
    items keep their ids (the watchlist feed's side: tests/feeds/test_watchlist_feed.py, pure)."""
    uel = {f"{TAG}UEL-2026-43/{one}/lynxavionics" for one in ("imposed/uel/2026-02-02", "suspended/uel/2026-09-14")}
    ecl = f"{TAG}MOFCOM-2026-149/imposed/ecl/2026-07-06/polarisdefensesystems"
    polaris = ids(store.items(FINAL, "entity/polarisdefensesystems"))
    lynx = ids(store.items(FINAL, "entity/lynxavionics"))
    assert uel | {ecl} <= polaris and uel | {ecl} <= lynx, (polaris, lynx)
    assert not any("aurigasoftware" in i or "ursamajor" in i for i in polaris | lynx), (polaris, lynx)
    about = json.loads((store.feeds(FINAL) / "entity" / "polarisdefensesystems.json").read_text("utf-8"))["description"]
    assert "former name of Polaris Defense Systems LLC" in about, about


def test_u09_withdrawn_notice_reissued(store: Store) -> None:
    old, new = "MOFCOM-2026-153", "MOFCOM-2026-154"
    assert state(store, "2026-10-20", old) == ("in_force", "2026-10-19", None)
    assert state(store, "2026-10-21", new) == ("in_force", "2026-10-21", None)
    assert state(store, "2026-10-21", old) == ("lifted", "2026-10-21", None)
    assert row(store, "2026-10-21", old)["by"] == new
    phoenix = store.timeline("Phoenix Material Sciences LLC", "2026-11-01")
    got = {e["notice_key"]: e["state"]["state"] for e in phoenix["listings"]}
    assert got == {old: "lifted"}, got
    aquila = store.timeline("Aquila Electronics Inc.", "2026-11-01")
    got = {e["notice_key"]: (e["state"]["state"], e["state"]["since"]) for e in aquila["listings"]}
    assert got == {old: ("lifted", "2026-10-21"), new: ("in_force", "2026-10-21")}, got
    items = ids(store.items(FINAL, "entity/phoenixmaterialsciences"))
    assert f"{TAG}{old}/lifted/ecl/2026-10-21/phoenixmaterialsciences" in items, items
    assert not problems(store, FINAL, old, new)


def test_u10_continued_on_its_end_day_by_date_and_count(store: Store) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    key = "MOFCOM-2025-143"
    assert state(store, "2025-11-10", key) == ("suspended", "2025-11-10", "2026-11-10")
    assert state(store, "2026-11-09", key) == ("suspended", "2025-11-10", "2026-11-10")
    assert row(store, "2026-11-09", key)["next_state"] == "suspended"
    for day in ("2026-11-10", "2026-11-11", "2027-11-09"):
        got = state(store, day, key)
        assert got[0] == "suspended" and got[1] in ("2025-11-10", "2026-11-10") and got[2] == "2027-11-10", (day, got)
    assert state(store, "2027-11-11", key) == ("lapsed", "2027-11-11", None)
    items = of(store, FINAL, key)
    assert f"{TAG}{key}/suspension_extended/ecl/2026-11-10" in items, items
    assert f"{TAG}{key}/suspension_lapsed/ecl/2027-11-11" in items, items
    assert f"{TAG}{key}/suspension_lapsed/ecl/2026-11-10" not in items, items
    assert not problems(store, FINAL, key, "QA-2026-11-05")


def test_u12_extension_by_a_duration_after_a_removal(store: Store) -> None:
    key = "MOFCOM-2026-155"
    assert state(store, "2026-03-02", key) == ("suspended", "2026-03-02", "2026-05-31")
    assert state(store, "2026-04-06", key, "grusprecision") == ("removed", "2026-04-06", None)
    for day in ("2026-05-25", "2026-05-31", "2026-08-28"):
        assert state(store, day, key, "apusoptronics")[::2] == ("suspended", "2026-08-29"), day
    assert state(store, "2026-08-30", key, "apusoptronics") == ("lapsed", "2026-08-30", None)
    assert state(store, "2026-08-29", key, "grusprecision") == ("removed", "2026-04-06", None)
    assert not problems(store, FINAL, key, "QA-2026-05-25")
    assert not [i for i in ids(store.items(FINAL)) if i.startswith(f"{TAG}QA-2026-05-25") and "/unresolved_" in i]
    grus = ids(store.items(FINAL, "entity/grusprecision"))
    assert not [i for i in grus if "/suspension_extended/" in i or "/suspension_lapsed/" in i], grus


def test_no_duplicate_items_and_provenance_everywhere(store: Store) -> None:
    assert_unique_with_provenance(store.items(FINAL))


def _items(db: str, out: Path, env: dict[str, str]) -> dict[str, set[tuple[str, str, str]]]:
    assert invoke(db, "feeds", "--out", str(out), "--as-of", FINAL, env=env).exit_code in (0, 1)
    got = {}
    for path in [out / "all.json", *sorted((out / "entity").glob("*.json"))]:
        items = json.loads(path.read_text(encoding="utf-8"))["items"]
        got[path.name] = {(i["id"], i["date_published"], i["title"]) for i in items
                          if "/unresolved" not in i["id"] and "/correction/" not in i["id"]}
    return got


def test_every_story_replayed_page_by_page_in_reverse_order(store: Store, tmp_path: Path) -> None:
    env = {"MOFCOM_WATCH_TODAY": TODAY}
    db = f"sqlite:///{tmp_path / 'reverse.sqlite'}"
    for n, page in enumerate(sorted((STORIES / "main").iterdir(), reverse=True)):
        one = tmp_path / f"page-{n:02d}"
        one.mkdir()
        (one / page.name).write_bytes(page.read_bytes())
        assert invoke(db, "replay", str(one), "--fetched-at", FETCHED, env=env).exit_code in (0, 1)
    whole = _items(store.db, tmp_path / "whole", env)
    reverse = _items(db, tmp_path / "reverse", env)
    assert whole.keys() == reverse.keys(), whole.keys() ^ reverse.keys()
    for name, got in whole.items():
        assert got == reverse[name], (name, got ^ reverse[name])
    assert len(whole["all.json"]) >= 70
