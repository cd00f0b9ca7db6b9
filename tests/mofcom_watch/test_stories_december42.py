"""December 2026, round 3, as an officer reads it (session 41, story42's stories, /work/s41/story42-cases/): the real texts of
ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13 and their 2025 Q&As, then steps composed in the official wording, replayed
with the real ``replay`` (one real process) into a real SQLite file per folder of tests/data/stories42/, read back with
``status``, ``timeline`` and ``feeds`` on the days before, of and after each step. ``MOFCOM_WATCH_TODAY`` 2027-01-31 (2028-06-01
for the stories reaching 2028).

partial_restore   No. 289 (11-25) "…所列16家美国实体中的立方公司（…）、…等3家实体恢复实施相关措施。其余实体继续暂停执行相关措施"
                  from 12-01, under the title "关于对…第21号所列部分实体恢复实施相关措施的公告". A: all 16 restored (the title's step took
                  the body's place) and "其余…继续暂停" read as a suspension "until further notice": now the 3 in force from 12-01, the
                  13 suspended to 2027-11-10 inclusive as before, lapsing on 11-11. The answer of the same day ("其中…等3家实体…")
                  is held for a person (loud).
lift_cancelled    No. 290 (11-27) lifts No. 21 from 2027-01-01; No. 297 (12-15) "第290号自本公告公布之日起废止，第21号相关措施继续
                  暂停执行至2027年11月10日". A: No. 21 lifted from 12-15 (a false item), "Lifted: item controls of …第290号" and
                  the lift of 2027-01-01 kept: now suspended to 2027-11-10, No. 290's lift not taken (a note), its item retracted
                  in a live store.
overlap_ext       an answer of 11-06 continues No. 21's suspension 6 months (to 2027-05-10), one of 12-03 suspends it a year from
                  2027-03-01: no lapse and no countdown on 2027-05-10; lapsed on 2028-03-01.
gap_resuspend     UEL 7号 lapsed 11-10; an answer of 11-25 suspends it a year from 12-15: lapsed (presumed in force) between.
relisted_renamed  Cubic removed by No. 240 (11-12), listed again by No. 288 (12-01) as "立方防务系统公司（…，原名立方公司…）".
mfa_person_uel    MFA order 64 (12-01) on Red Six Solutions' CEO, the company on UEL 7号: two entities, two lists.
renumbered        No. 250 re-numbered 251 by No. 253; an answer suspends "第251号": not applied, loud (B).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    cached,
    invoke,
    item_titles,
    live_notice_feeds,
    per_notice,
    replayed,
    watchlist_items,
)

DATA = REPO / "tests" / "data" / "stories42"
TODAY = "2027-01-31"
FETCHED = "2027-01-15T00:00:00+00:00"
ECL, UEL = "MOFCOM-2025-21", "UEL-2025-7"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, today: str = TODAY) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, today, "s42")


def test_some_entities_restored_the_others_kept_to_their_end(stores: dict[str, Store],
                                                            tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "partial_restore")
    late = "QA-2026-11-20-68a81f8d"
    assert per_notice(store, "Cubic Corporation", "2026-11-30")[ECL][4:] == ("in_force", "2026-12-01")
    assert per_notice(store, "Cubic Corporation", "2026-12-01")[ECL][:4] == ("in_force", "2026-12-01", None, "MOFCOM-2026-289")
    # A: High Point was restored too (the title's step on "部分实体" for all 16), then "suspended until further notice"
    for day in ("2026-11-30", "2026-12-01", "2027-11-10"):
        assert per_notice(store, "High Point Aerotechnologies", day)[ECL][:4] == ("suspended", "2026-11-20", "2027-11-10", late)
    assert per_notice(store, "High Point Aerotechnologies", "2027-11-11")[ECL][:2] == ("lapsed", "2027-11-11")
    titles = item_titles(store, "2026-12-05", ECL)
    restored = titles[f"{ECL}/restored/ecl/2026-12-01"]
    assert "3 " in restored or "1 more" in restored, restored
    assert "High Point" not in restored
    assert f"{ECL}/suspension_extended/ecl/2026-12-01" not in titles  # no "until further notice"
    # the answer of that day ("其中…等3家实体…恢复实施") is held for a person: loud, not read
    done = invoke(store.db, "review", "--json", env=store.env)
    assert done.exit_code == 1 and "p2-qa-2026-11-25" in done.stdout


def test_a_lift_announced_for_later_and_revoked_before_that_day(stores: dict[str, Store],
                                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "lift_cancelled")
    late = "QA-2026-11-20-68a81f8d"
    assert per_notice(store, "Cubic Corporation", "2026-11-30")[ECL] == (
        "suspended", "2026-11-20", "2027-11-10", late, "lifted", "2027-01-01")
    # A: lifted from 12-15 by No. 297 (its 废止 read on No. 21), then from 2027-01-01 by No. 290, revoked
    for day in ("2026-12-15", "2027-01-01", "2027-11-10"):
        assert per_notice(store, "Cubic Corporation", day)[ECL] == ("suspended", "2026-11-20", "2027-11-10", late, None, None)
    assert item_titles(store, "2026-12-01", ECL)[f"{ECL}/lifted/ecl/2027-01-01"].startswith("Lifted: ")
    later = {**item_titles(store, "2027-01-05", ECL), **item_titles(store, "2027-01-05", "MOFCOM-2026-290")}
    assert not [i for i in later if "/lifted/" in i], later
    assert "MOFCOM-2026-290: revoked by MOFCOM-2026-297 from 2026-12-15; its lift of MOFCOM-2025-21 from 2027-01-01 " \
           "is not taken" in store.notes("2026-12-20")
    assert not [p for p in store.status("2026-12-20")["__problems__"] if "2026-29" in p]


def test_a_live_store_retracts_the_revoked_lift(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"  # (``replayed``'s)
    for day, prefixes in (("2026-11-28", ("b", "l1-", "c1-")), ("2026-12-15", ("c2-",))):
        part = tmp_path / f"pages-{day}"
        part.mkdir()
        for page in sorted((DATA / "lift_cancelled").iterdir()):
            if page.name.startswith(prefixes):
                shutil.copy(page, part / page.name)
        replayed(tmp_path, part, f"{day}T10:00:00+00:00", today=day)
        done = invoke(db, "feeds", "--out", str(tmp_path / "out"), env={"MOFCOM_WATCH_TODAY": day})
        assert done.exit_code in (0, 1), done.output
    items = json.loads((tmp_path / "out" / "all.json").read_text(encoding="utf-8"))["items"]
    titles = {i["id"][len(TAG):]: i["title"] for i in items}
    assert titles[f"{ECL}/lifted/ecl/2027-01-01/correction/1"].startswith("Retracted: Lifted: ")
    assert not [i for i in titles if i.startswith("MOFCOM-2026-290/lifted/")], titles


def test_two_answers_with_overlapping_terms(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    store = _get(stores, tmp_path_factory, "overlap_ext", today="2028-06-01")
    first, second = "QA-2026-11-06-68a81f8d", "QA-2026-12-03-68a81f8d"
    assert per_notice(store, "Cubic Corporation", "2026-12-03")[ECL][2:] == ("2027-05-10", first, "suspended", "2027-03-01")
    assert per_notice(store, "Cubic Corporation", "2027-05-10")[ECL][:4] == ("suspended", "2027-03-01", "2028-03-01", second)
    assert per_notice(store, "Cubic Corporation", "2027-05-11")[ECL][0] == "suspended"
    assert per_notice(store, "Cubic Corporation", "2028-03-01")[ECL][0] == "suspended"  # its last day
    assert per_notice(store, "Cubic Corporation", "2028-03-02")[ECL][:2] == ("lapsed", "2028-03-02")
    ids = set(item_titles(store, "2028-04-01", ECL))
    assert not [i for i in ids if "/2027-05-10" in i or "/2027-04-" in i or "/2027-05-03" in i], ids
    assert {f"{ECL}/suspension_ends_soon/ecl/2028-02-01", f"{ECL}/suspension_ends_soon/ecl/2028-02-24",
            f"{ECL}/suspension_lapsed/ecl/2028-03-02"} <= ids


def test_a_new_suspension_after_a_gap(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    store = _get(stores, tmp_path_factory, "gap_resuspend")
    assert per_notice(store, "Skydio Inc.", "2026-12-14")[UEL] == (
        "lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd", "suspended", "2026-12-15")
    assert per_notice(store, "Skydio Inc.", "2026-12-15")[UEL][:4] == (
        "suspended", "2026-12-15", "2027-12-15", "QA-2026-11-25-3d525cbd")
    titles = item_titles(store, "2026-12-20", UEL)
    assert titles[f"{UEL}/suspended/uel/2026-12-15"].endswith("from 2026-12-15 until 2027-12-15 inclusive")
    assert f"{UEL}/suspension_lapsed/uel/2026-11-11" in titles


def test_removed_then_listed_again_under_a_new_name(stores: dict[str, Store],
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "relisted_renamed")
    assert per_notice(store, "Cubic Corporation", "2026-11-30") == {
        ECL: ("removed", "2026-11-12", None, "MOFCOM-2026-240", None, None)}
    found = store.timeline("Cubic Corporation", "2026-12-01")  # the old name finds both: the former name links them
    assert found["keys"] == ["cubic", "cubicdefensesystems"]
    got = {e["notice_key"]: (e["state"]["state"], e["state"]["since"]) for e in found["listings"]}
    assert got == {ECL: ("removed", "2026-11-12"), "MOFCOM-2026-288": ("in_force", "2026-12-01")}


def test_an_mfa_countermeasure_on_a_person_whose_company_is_on_the_uel(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "mfa_person_uel")
    assert set(per_notice(store, "Red Six Solutions", "2026-12-05")) == {UEL}
    person = store.timeline("Daniel Robinson", "2026-12-05")
    assert [(e["notice_key"], e["state"]["state"], e["state"]["since"]) for e in person["listings"]] == [
        ("MFA-ORDER-2026-64", "in_force", "2026-12-01")]
    assert item_titles(store, "2026-12-05", "MFA-ORDER-2026-64")[
        "MFA-ORDER-2026-64/imposed/countermeasure/2026-12-01"].startswith("Imposed: Daniel Robinson")


def test_a_step_on_a_renumbered_notice_is_loud(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "renumbered")
    problems = store.status("2026-12-10")["__problems__"]
    assert [p for p in problems if "MOFCOM-2026-253" in p and "not applied" in p]
    assert [p for p in problems if "MOFCOM-2026-251" in p]


def test_replay_says_an_investigation_closed_not_lifted(tmp_path: Path) -> None:
    """story41's B: ``replay``'s table said "lifted" for UEL〔2024〕3号, an investigation 〔2026〕31号 closed, where ``status``
    says "investigation closed (not a listing)"."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    done = invoke(db, "replay", str(REPO / "tests" / "data" / "stories41" / "inv_closed"), "--fetched-at", FETCHED,
                  "--as-of", "2026-12-05", env={"MOFCOM_WATCH_TODAY": TODAY, "COLUMNS": "250"})
    assert done.exit_code in (0, 1), done.output
    (line,) = [one for one in done.stdout.splitlines() if one.lstrip("│ ").startswith("UEL-2024-3 ")]
    assert "investigation closed (not a listing)" in line and "lifted" not in line, line


def test_a_reader_day_by_day_sees_each_item_once_on_its_day(tmp_path: Path) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    """lift_cancelled as a live store takes it: each page replayed on the day it was published, ``feeds`` into one folder
    on each day something falls on or is published, and the days either side, from 11-01 to 12-20. Each new item appears on the day it is dated (its page's day or the day it falls on),
    and an item once in ``all`` stays there or has a correction there (No. 290's lift, revoked: "Retracted: …")."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    pages = {"2026-11-01": ("b",), "2026-11-20": ("l1-",), "2026-11-27": ("c1-",), "2026-12-15": ("c2-",)}
    seen: dict[str, str] = {}  # item id: the first day it was in all.json
    held: set[str] = set()
    every = ("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-09", "2026-11-10", "2026-11-11",
             "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-26", "2026-11-27", "2026-11-28", "2026-12-14",
             "2026-12-15", "2026-12-16", "2026-12-20")
    for iso in every:
        if iso in pages:
            part = tmp_path / f"pages-{iso}"
            part.mkdir()
            for page in sorted((DATA / "lift_cancelled").iterdir()):
                if page.name.startswith(pages[iso]):
                    shutil.copy(page, part / page.name)
            replayed(tmp_path, part, f"{iso}T10:00:00+00:00", today=iso)
        if iso == every[-1]:  # the last day's feeds by a real ``feeds --out``; the days before, its notice feeds alone
            done = invoke(db, "feeds", "--out", str(tmp_path / "out"), env={"MOFCOM_WATCH_TODAY": iso})
            assert done.exit_code in (0, 1), done.output
        out = tmp_path / "out" if iso == every[-1] else live_notice_feeds(db, iso, tmp_path / "days")
        items = json.loads((out / "all.json").read_text(encoding="utf-8"))["items"]
        now = {i["id"][len(TAG):]: i for i in items}
        for iid, item in now.items():
            if iid not in seen:
                seen[iid] = iso
                published = item["date_published"][:10]
                if iso > "2026-11-01" and "/correction/" not in iid:
                    assert published == iso, (iid, published, iso)  # on its day, not late nor early
        gone = held - set(now)
        assert not [g for g in gone if not any(k.startswith(f"{g}/correction/") for k in now)], gone
        held = set(now)
    assert seen[f"{ECL}/suspension_lapsed/ecl/2026-11-11"] == "2026-11-11"
    assert seen[f"{ECL}/suspension_extended/ecl/2026-11-20"] == "2026-11-20"
    assert seen[f"{ECL}/lifted/ecl/2027-01-01"] == "2026-11-27"  # announced on its publication day
    assert seen[f"{ECL}/lifted/ecl/2027-01-01/correction/1"] == "2026-12-15"


def test_evidence_and_timeline_agree_for_each_company_each_day(stores: dict[str, Store],
                                                              tmp_path_factory: pytest.TempPathFactory,
                                                              tmp_path: Path) -> None:
    """The evidence pack of Cubic and High Point (partial_restore) on the days around No. 289: its timeline says what
    ``timeline`` says that day, and the pack verifies."""
    import zipfile

    store = _get(stores, tmp_path_factory, "partial_restore")
    for name in ("Cubic Corporation", "High Point Aerotechnologies"):
        for day in ("2026-11-24", "2026-11-25", "2026-12-01", "2027-01-05"):
            pack = tmp_path / f"{name[:5]}-{day}.zip"
            done = invoke(store.db, "evidence", name, "--out", str(pack), "--as-of", day, env=store.env)
            assert done.exit_code in (0, 1), done.output
            with zipfile.ZipFile(pack) as z:
                (member,) = [m for m in z.namelist() if m.endswith("timeline.json")]
                packed = json.loads(z.read(member))
            said = {e["notice_key"]: e["state"] for e in store.timeline(name, day)["listings"]}
            assert {e["notice_key"]: e["state"] for e in packed["listings"]} == said, (name, day)
            assert invoke(store.db, "evidence", "--verify", str(pack), env=store.env).exit_code == 0


def test_a_watchlist_of_ten_companies(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                     tmp_path: Path) -> None:
    """Ten counterparties (one a person, one on no list) watched across ECL No. 21, UEL 7号 and the MFA orders: the
    watchlist feed holds the items of exactly the nine listed, the CEO's MFA listing among them."""
    store = _get(stores, tmp_path_factory, "mfa_person_uel")
    names = ("Cubic Corporation", "High Point Aerotechnologies", "Sierra Nevada Corporation", "Skydio Inc.",
             "Red Six Solutions", "Insitu Inc.", "Edge Autonomy Operations LLC", "Daniel Robinson", "BRINC Drones",
             "Acme Quantum Widgets LLC")
    items = watchlist_items(store, names, "2026-12-05", tmp_path)
    keys = {i["id"].rsplit("/", 1)[1] for i in items}
    assert keys == {"cubic", "highpointaerotechnologies", "sierranevada", "skydio", "redsixsolutions", "insitu",
                    "edgeautonomyoperations", "danielrobinson", "brincdrones"}
    assert f"{TAG}MFA-ORDER-2026-64/imposed/countermeasure/2026-12-01/danielrobinson" in {i["id"] for i in items}


def test_a_suspension_revoked_while_under_way_is_a_persons_to_read(stores: dict[str, Store],
                                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    """No. 291 suspends No. 21 from 11-12; No. 298 (12-15) "第291号自本公告公布之日起废止": whether the measures are back is a
    person's to read. Read as "Lifted: item controls of 商务部公告2026年第291号" before (a false item); then as nothing, silently."""
    store = _get(stores, tmp_path_factory, "revoked_in_effect")
    problems = store.status("2026-12-20")["__problems__"]
    assert "MOFCOM-2026-298: revokes MOFCOM-2026-291 from 2026-12-15, whose steps in effect before that day (suspend of " \
           "MOFCOM-2025-21) stand as read: a person should read both" in problems
    assert not [i for i in item_titles(store, "2026-12-20", "MOFCOM-2026-291") if "/lifted/" in i]
