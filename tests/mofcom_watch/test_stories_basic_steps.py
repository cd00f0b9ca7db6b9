"""Session 18's lifecycle stories (engine18): small sequences of notices, composed in the official wording
(domain.md section c) with fictional US companies, replayed with the real ``replay`` into a real SQLite file and
read back with ``status``, ``timeline`` and ``feeds`` at several as-of days. The expectations were written from
domain.md a.3, design.md's lifecycle and docs/feeds.md before the stories were first run (blind), then each
difference was judged (/work/s18/engine18-table.md).

Stories (pages in tests/data/stories18/; the file names say which story a page belongs to):
S01 ECL listing (No. 81), removal of one of its two entities (No. 90), re-listing under No. 95.
S02 one company on the ECL (No. 82) and the UEL (〔2024〕11号), the UEL listing stopped by a Q&A.
S03 a Q&A suspends Nos. 83 and 84 for 90 days; 83 extended by number, 84 not (lapses); 83 lapses; 83 restored.
S04 a UEL suspension to a stated day that passes.
S05 a UEL notice of 3, one removed by a later notice, then the notice's measures suspended.
S06 a suspension announced 9 days before its start.
S07 three notices on one day; two Q&As on one day with one title (one suspends an ECL notice, one stops a UEL one).
S08 S03's pages replayed in another order (Q&As first): the same items and ids.
S09 No. 81 under two URLs: one notice, one item per event.
S10 one company whose Chinese name differs between two ECL notices (same English name); the first listing stopped.
S11 an MFA countermeasure decision on S02's company.
S12 No. 89 republished at the same URL with a corrected Chinese name.
S13 a later notice (No. 93) correcting an English and Chinese name in No. 89's annex.
S15 a Q&A suspending "the 2 US entities listed on 2024-10-14" (by date and count): No. 92 only.
S16 an ECL suspension (90 days) restored before its end.
S17 a UEL suspension (90 days) stopped before its end.
S18 a UEL suspension with no end stated.
S19 a watch-list listing of two, one removed ("移出关注名单", no notice named), the same company on the ECL meanwhile.
S21 an MFA decision stops S11's countermeasures on the company alone (the executive stays), by order number.
S20 S03's No. 84 lapses on 2024-08-18 and the lapse is published; a Q&A of 2024-08-19 extends the suspension from
    2024-08-18 (late): replayed day by day, the lapse item is retracted, loudly, and No. 84 is suspended again.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
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

STORIES = REPO / "tests" / "data" / "stories18"
FETCHED = "2026-11-29T00:00:00+00:00"
FETCHED_LATER = "2026-11-30T00:00:00+00:00"
S03_PAGES = ("s03-mofcom-2024-83.txt", "s03-mofcom-2024-84.txt", "s03-qa-2024-05-20-suspend.txt",
             "s03-qa-2024-08-16-extend.txt", "s03-qa-2024-12-20-restore.txt")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    replayed_store = replayed(tmp_path_factory.mktemp("stories18"), STORIES / "main", FETCHED)
    again = invoke(replayed_store.db, "replay", str(STORIES / "corrected"), "--fetched-at", FETCHED_LATER)
    assert again.exit_code in (0, 1), again.output
    return replayed_store


# ---- status at past days: only what was published by then -------------------------------------------------------

def test_past_day_shows_only_notices_published_by_then(store: Store) -> None:
    rows = {k for k in store.status("2024-04-01") if k != "__problems__"}
    assert rows == {"MOFCOM-2024-81", "MOFCOM-2024-82", "UEL-2024-11"}
    assert state(store, "2024-04-01", "MOFCOM-2024-81") == ("in_force", "2024-03-05", None)


# ---- S01 / S09: listing, partial removal, re-listing; one notice under two URLs ------------------------------------

def test_s01_removed_company_is_not_in_force_and_relisting_is_new(store: Store) -> None:
    alpha = store.timeline("Alpha Optics Inc.", "2024-07-01")
    assert alpha["keys"] == ["alphaoptics"]
    first = listing(alpha, "MOFCOM-2024-81")
    assert (first["state"]["state"], first["state"]["since"]) == ("removed", "2024-06-10"), first["state"]
    alpha = store.timeline("阿尔法光学公司", "2024-10-01")
    assert listing(alpha, "MOFCOM-2024-81")["state"]["state"] == "removed"
    second = listing(alpha, "MOFCOM-2024-95")
    assert (second["state"]["state"], second["state"]["since"]) == ("in_force", "2024-09-02")
    beta = store.timeline("Beta Marine LLC", "2024-10-01")
    entry = listing(beta, "MOFCOM-2024-81")
    assert (entry["state"]["state"], entry["state"]["since"]) == ("in_force", "2024-03-05")
    assert not [e for e in entry["events"] if e["kind"] != "imposed"], entry["events"]
    # the notice's row for Beta stays in force and does not count Alpha among what is in force
    got = row(store, "2024-07-05", "MOFCOM-2024-81", "betamarine")
    assert got["state"] == "in_force" and "alphaoptics" not in got["entity_keys"]
    assert state(store, "2024-07-05", "MOFCOM-2024-81", "alphaoptics")[:2] == ("removed", "2024-06-10")
    assert state(store, "2024-10-01", "MOFCOM-2024-95", "alphaoptics") == ("in_force", "2024-09-02", None)


def test_s01_entity_feed_has_each_step_once(store: Store) -> None:
    items = store.items("2025-03-10", "entity/alphaoptics")
    kinds = Counter(item["id"][len(TAG):].split("/")[1] for item in items)
    assert kinds["imposed"] == 2 and kinds["removed"] == 1, kinds
    assert f"{TAG}MOFCOM-2024-81/imposed/ecl/2024-03-05/alphaoptics" in ids(items)
    assert f"{TAG}MOFCOM-2024-95/imposed/ecl/2024-09-02/alphaoptics" in ids(items)
    # No. 90 both removes Alpha and stops No. 81's measures on it: a lifted item beside the removal is what the
    # text says (C: two items for one day's change, kept as session 12 decided); none for No. 95
    assert not [i for i in items if ("/lifted/" in i["id"] and "MOFCOM-2024-81/lifted/ecl/2024-06-10/" not in i["id"])
                or "/suspended/" in i["id"] or "/removed/ecl/2024-06-10/" in i["id"] and "MOFCOM-2024-95" in i["id"]]
    beta = store.items("2025-03-10", "entity/betamarine")
    assert not [i for i in beta if "/removed/" in i["id"] or "/lifted/" in i["id"]], ids(beta)


def test_s09_one_notice_under_two_urls(store: Store) -> None:
    items = [i for i in store.items("2025-03-10") if i["id"].startswith(f"{TAG}MOFCOM-2024-81/imposed/")]
    assert len(items) == 1, ids(items)
    html = items[0]["content_html"]
    assert "art_5a1e0c81aa6b4c0d9e7f10a2b3c4d581" in html and "art_7b2f1d81bb7c4d1e8f9021b3c4d5e681" in html


# ---- S02 / S11: one company, three lists, three histories ------------------------------------------------------------

def test_s02_s11_status_per_list_not_per_company(store: Store) -> None:
    delta = store.timeline("Delta Robotics", "2024-10-01")
    assert delta["keys"] == ["deltarobotics"]
    got = {e["notice_key"]: (e["list"], e["state"]["state"], e["state"]["since"]) for e in delta["listings"]}
    assert got == {"MOFCOM-2024-82": ("ecl", "in_force", "2024-03-12"),
                   "UEL-2024-11": ("uel", "lifted", "2024-04-15"),
                   "MFA-ORDER-2024-12": ("countermeasure", "in_force", "2024-09-18")}, got
    assert listing(delta, "MFA-ORDER-2024-12")["ministry"] == "MFA"
    assert listing(delta, "UEL-2024-11")["ministry"] == "MOFCOM"
    assert state(store, "2024-07-05", "MOFCOM-2024-82") == ("in_force", "2024-03-12", None)
    assert state(store, "2024-07-05", "UEL-2024-11") == ("lifted", "2024-04-15", None)
    assert row(store, "2024-07-05", "UEL-2024-11")["by"].startswith("QA-2024-04-15")


# ---- S03: suspend two, extend one, lapse, restore ----------------------------------------------------------------

def test_s03_suspension_extension_lapse_restoration(store: Store) -> None:
    for key in ("MOFCOM-2024-83", "MOFCOM-2024-84"):
        assert state(store, "2024-06-01", key) == ("suspended", "2024-05-20", "2024-08-18")
        assert row(store, "2024-06-01", key)["by"].startswith("QA-2024-05-20")
    assert row(store, "2024-08-17", "MOFCOM-2024-83")["state"] == "suspended"
    assert state(store, "2024-08-20", "MOFCOM-2024-83") == ("suspended", "2024-08-18", "2024-11-16")
    assert row(store, "2024-08-20", "MOFCOM-2024-83")["by"].startswith("QA-2024-08-16")
    assert state(store, "2024-08-20", "MOFCOM-2024-84")[:2] == ("lapsed", "2024-08-19")  # through 08-18 (lapse43)
    assert row(store, "2024-08-20", "MOFCOM-2024-84")["presumed"] is True
    assert state(store, "2024-12-01", "MOFCOM-2024-83")[:2] == ("lapsed", "2024-11-17")  # lapse43
    assert row(store, "2024-12-01", "MOFCOM-2024-83")["presumed"] is True
    assert state(store, "2024-12-21", "MOFCOM-2024-83") == ("in_force", "2024-12-20", None)
    assert row(store, "2024-12-21", "MOFCOM-2024-83")["presumed"] is False
    assert row(store, "2024-12-21", "MOFCOM-2024-83")["by"].startswith("QA-2024-12-20")
    assert state(store, "2024-12-21", "MOFCOM-2024-84")[:2] == ("lapsed", "2024-08-19")  # lapse43


def test_s03_feed_items(store: Store) -> None:
    got = ids(store.items("2025-03-10"))
    for tail in ("83/imposed/ecl/2024-04-08", "83/suspended/ecl/2024-05-20", "83/suspension_extended/ecl/2024-08-18",
                 "83/suspension_lapsed/ecl/2024-11-17", "83/restored/ecl/2024-12-20",  # each a day after its last (lapse43)
                 "84/imposed/ecl/2024-04-11", "84/suspended/ecl/2024-05-20", "84/suspension_lapsed/ecl/2024-08-19"):
        assert f"{TAG}MOFCOM-2024-{tail}" in got, tail
    assert not [i for i in got if i.startswith(f"{TAG}MOFCOM-2024-84/") and
                ("/suspension_extended/" in i or "/restored/" in i or "/lifted/" in i)]
    assert not [i for i in got if i.startswith(f"{TAG}MOFCOM-2024-83/suspension_lapsed/ecl/2024-08-19")]


# ---- S04: suspended to a day that passes ------------------------------------------------------------------------

def test_s04_suspension_to_a_date_then_lapse(store: Store) -> None:
    assert state(store, "2024-07-05", "UEL-2024-12") == ("suspended", "2024-06-03", "2024-09-03")
    assert state(store, "2024-09-03", "UEL-2024-12")[0] == "suspended"  # "至2024年9月3日": its last day (C1, session 36)
    assert state(store, "2024-10-01", "UEL-2024-12")[:2] == ("lapsed", "2024-09-04")
    assert f"{TAG}UEL-2024-12/suspension_lapsed/uel/2024-09-04" in ids(store.items("2025-03-10"))


# ---- S05: partial removal, then the notice suspended: the removed company stays removed ----------------------------

def test_s05_removed_company_not_suspended(store: Store) -> None:
    assert state(store, "2024-08-20", "UEL-2024-13", "mulabs") == ("suspended", "2024-08-05", "2024-11-03")
    assert row(store, "2024-08-20", "UEL-2024-13", "mulabs")["entity_keys"] == ["mulabs", "xivision"]
    assert state(store, "2024-08-20", "UEL-2024-13", "nudefense")[:2] == ("removed", "2024-07-15")
    nu = store.timeline("Nu Defense Corp.", "2024-08-20")
    entry = listing(nu, "UEL-2024-13")
    assert (entry["state"]["state"], entry["state"]["since"]) == ("removed", "2024-07-15"), entry["state"]
    mu = store.timeline("Mu Labs Inc.", "2024-08-20")
    entry = listing(mu, "UEL-2024-13")
    assert (entry["state"]["state"], entry["state"]["until"]) == ("suspended", "2024-11-03")
    nu_items = store.items("2025-03-10", "entity/nudefense")
    assert [i for i in nu_items if "/removed/" in i["id"] and "2024-07-15" in i["id"]], ids(nu_items)
    assert not [i for i in nu_items if "/suspended/" in i["id"] or "/suspension_" in i["id"]], ids(nu_items)
    assert state(store, "2024-12-01", "UEL-2024-13", "mulabs")[:2] == ("lapsed", "2024-11-04")  # lapse43


# ---- S06: announced before its start --------------------------------------------------------------------------

def test_s06_suspension_announced_before_start(store: Store) -> None:
    got = row(store, "2024-07-05", "MOFCOM-2024-85")
    assert (got["state"], got["since"]) == ("in_force", "2024-06-14"), got
    assert (got.get("next_state"), got.get("next_from"), got.get("next_until")) == \
        ("suspended", "2024-07-10", "2024-10-08"), got
    assert state(store, "2024-07-10", "MOFCOM-2024-85") == ("suspended", "2024-07-10", "2024-10-08")
    assert state(store, "2024-10-09", "MOFCOM-2024-85")[:2] == ("lapsed", "2024-10-09")  # lapse43
    early = [i for i in store.items("2024-07-05") if i["id"] == f"{TAG}MOFCOM-2024-85/suspended/ecl/2024-07-10"]
    assert len(early) == 1 and early[0]["date_published"].startswith("2024-07-01"), early


# ---- S07: same day -----------------------------------------------------------------------------------------------

def test_s07_same_day_notices_and_qas(store: Store) -> None:
    assert state(store, "2024-10-01", "MOFCOM-2024-86") == ("in_force", "2024-07-22", None)
    assert state(store, "2024-10-01", "MOFCOM-2024-87") == ("suspended", "2024-08-26", "2024-11-24")
    assert state(store, "2024-10-01", "UEL-2024-15") == ("lifted", "2024-08-26", None)
    assert state(store, "2024-12-01", "MOFCOM-2024-87")[:2] == ("lapsed", "2024-11-25")  # lapse43
    pi = store.timeline("Pi Materials", "2024-10-01")
    got = {e["notice_key"]: e["state"]["state"] for e in pi["listings"]}
    assert got == {"MOFCOM-2024-86": "in_force", "UEL-2024-15": "lifted"}, got
    everything = ids(store.items("2025-03-10"))
    assert not [i for i in everything if i.startswith(f"{TAG}MOFCOM-2024-86/") and "/imposed/" not in i], everything
    qas = {i[len(TAG):].split("/")[0] for i in ids(store.items("2025-03-10", "notices")) if "QA-2024-08-26-" in i}
    assert len(qas) == 2, qas  # one title, one day, two answers acting on two lists: two notices
    assert not [p for p in store.status("2025-03-10")["__problems__"] if "QA-2024-08-26" in p]


# ---- S10 / S15: one company, two Chinese names; lifted under one, suspended by date and count under the other -------

def test_s10_s15_one_company_two_chinese_names(store: Store) -> None:
    sigma = store.timeline("Sigma Aerospace", "2025-01-05")
    assert sigma["keys"] == ["sigmaaerospace"]
    assert {"西格玛航天公司", "西格玛航空航天公司"} <= set(sigma["names"])
    got = {e["notice_key"]: (e["state"]["state"], e["state"]["since"], e["state"]["until"]) for e in sigma["listings"]}
    assert got == {"MOFCOM-2024-88": ("lifted", "2024-11-18", None),
                   "MOFCOM-2024-92": ("suspended", "2024-12-09", "2025-03-09")}, got
    assert store.timeline("西格玛航天公司", "2025-01-05")["keys"] == ["sigmaaerospace"]
    assert state(store, "2025-01-05", "MOFCOM-2024-92") == ("suspended", "2024-12-09", "2025-03-09")
    assert state(store, "2025-03-10", "MOFCOM-2024-92")[:2] == ("lapsed", "2025-03-10")  # lapse43
    for other in ("MOFCOM-2024-88", "MOFCOM-2024-95", "MOFCOM-2024-89"):  # not the 2 entities listed on 2024-10-14
        assert all(one["state"] != "suspended" for one in store.status("2025-01-05")[other]), other


# ---- S12: a republished page with a corrected Chinese name ----------------------------------------------------------

def test_s12_corrected_name_keeps_the_item_and_says_so(store: Store) -> None:
    tau = store.timeline("Tau Photonics Inc.", "2025-03-10")
    assert tau["keys"] == ["tauphotonics"]
    # C: the entity's own Chinese name stays the first one stored (the old spelling, still a name screening
    # matches); the corrected one is among its names, and the items give it
    assert "陶光电公司" in tau["names"], tau["names"]
    entry = listing(tau, "MOFCOM-2024-89")
    assert (entry["state"]["state"], entry["state"]["since"]) == ("in_force", "2024-09-09")
    items = store.items("2025-03-10", "entity/tauphotonics")
    imposed = [i for i in items if i["id"] == f"{TAG}MOFCOM-2024-89/imposed/ecl/2024-09-09/tauphotonics"]
    assert len(imposed) == 1 and "陶光电公司" in imposed[0]["content_html"]
    assert not [i for i in items if "/removed/" in i["id"] or "/lifted/" in i["id"]], ids(items)
    # B: the correction was fetched on 2026-11-30, so the feeds of an earlier day do not have it yet
    assert not [i for i in store.items("2025-03-10") if "/correction/" in i["id"]]
    corrections = [i for i in store.items("2026-12-01") if "/correction/" in i["id"] and "MOFCOM-2024-89" in i["id"]]
    assert f"{TAG}MOFCOM-2024-89/imposed/ecl/2024-09-09/correction/1" in ids(corrections), ids(corrections)


# ---- S13: a notice correcting another's annex ------------------------------------------------------------------

def test_s13_correction_notice_applied_or_reported(store: Store) -> None:
    power = store.timeline("Upsilon Power LLC", "2025-03-10")
    applied = any(e["notice_key"] == "MOFCOM-2024-89" and e["state"]["state"] == "in_force"
                  and e["state"]["since"] == "2024-09-09" for e in power.get("listings", []))
    problems = store.status("2025-03-10")["__problems__"]
    reported = [p for p in problems if "MOFCOM-2024-93" in p]
    assert applied or reported, (power.get("listings"), problems)


# ---- S16 / S17 / S18: a suspension ended early by a restoration or a stop; one with no end ------------------------

def test_s16_restored_before_its_end_no_lapse_no_countdown(store: Store) -> None:
    assert state(store, "2024-12-01", "MOFCOM-2024-96") == ("suspended", "2024-11-04", "2025-02-02")
    assert state(store, "2025-03-10", "MOFCOM-2024-96") == ("in_force", "2024-12-16", None)
    assert row(store, "2025-03-10", "MOFCOM-2024-96")["presumed"] is False
    got = {i for i in ids(store.items("2025-03-10")) if i.startswith(f"{TAG}MOFCOM-2024-96/")}
    assert {f"{TAG}MOFCOM-2024-96/suspended/ecl/2024-11-04", f"{TAG}MOFCOM-2024-96/restored/ecl/2024-12-16"} <= got
    # after the restoration the end of 2025-02-02 is no more: no lapse, no "ends in 30/7 days" (2025-01-03, 01-26)
    assert not [i for i in got if "/suspension_lapsed/" in i or "/suspension_ends_soon/ecl/2025-" in i], got


def test_s17_stopped_before_its_end_no_lapse_no_countdown(store: Store) -> None:
    assert state(store, "2024-12-01", "UEL-2024-16") == ("suspended", "2024-11-11", "2025-02-09")
    assert state(store, "2025-03-10", "UEL-2024-16") == ("lifted", "2024-12-23", None)
    got = {i for i in ids(store.items("2025-03-10")) if i.startswith(f"{TAG}UEL-2024-16/")}
    assert f"{TAG}UEL-2024-16/lifted/uel/2024-12-23" in got
    assert not [i for i in got if "/suspension_lapsed/" in i or "/suspension_ends_soon/uel/2025-" in i], got
    chi = store.timeline("Chi Defense", "2025-03-10")
    assert listing(chi, "UEL-2024-16")["state"]["state"] == "lifted"


def test_s18_open_ended_suspension_never_lapses(store: Store) -> None:
    assert state(store, "2025-03-10", "UEL-2024-17") == ("suspended", "2024-12-02", None)
    assert row(store, "2025-03-10", "UEL-2024-17")["presumed"] is False
    got = {i for i in ids(store.items("2025-03-10")) if i.startswith(f"{TAG}UEL-2024-17/")}
    assert f"{TAG}UEL-2024-17/suspended/uel/2024-12-02" in got
    assert not [i for i in got if "/suspension_lapsed/" in i or "/suspension_ends_soon/" in i], got


def test_s19_watch_list_removal_leaves_the_other_list(store: Store) -> None:
    assert state(store, "2024-12-10", "MOFCOM-2024-97") == ("in_force", "2024-11-25", None)
    assert state(store, "2025-03-10", "MOFCOM-2024-97", "titanphotonics")[:2] == ("removed", "2024-12-30")
    assert state(store, "2025-03-10", "MOFCOM-2024-97", "rheamaterials") == ("in_force", "2024-11-25", None)
    assert state(store, "2025-03-10", "MOFCOM-2024-98") == ("in_force", "2024-12-02", None)
    titan = store.timeline("Titan Photonics", "2025-03-10")
    got = {e["notice_key"]: (e["list"], e["state"]["state"]) for e in titan["listings"]}
    assert got == {"MOFCOM-2024-97": ("watch", "removed"), "MOFCOM-2024-98": ("ecl", "in_force")}, got
    items = ids(store.items("2025-03-10", "entity/titanphotonics"))
    assert [i for i in items if "/removed/watch/2024-12-30/" in i], items
    assert not [i for i in items if "MOFCOM-2024-98/" in i and "/imposed/" not in i], items


def test_s21_mfa_lift_of_one_company_leaves_the_person_and_mofcom_lists(store: Store) -> None:
    assert state(store, "2025-03-10", "MFA-ORDER-2024-12", "deltarobotics")[:2] == ("lifted", "2024-11-20")
    assert state(store, "2025-03-10", "MFA-ORDER-2024-12", "paulgreen") == ("in_force", "2024-09-18", None)
    delta = store.timeline("Delta Robotics", "2025-03-10")
    got = {e["notice_key"]: (e["list"], e["state"]["state"], e["state"]["since"]) for e in delta["listings"]}
    assert got == {"MOFCOM-2024-82": ("ecl", "in_force", "2024-03-12"),
                   "UEL-2024-11": ("uel", "lifted", "2024-04-15"),
                   "MFA-ORDER-2024-12": ("countermeasure", "lifted", "2024-11-20")}, got
    items = ids(store.items("2025-03-10", "entity/deltarobotics"))
    assert f"{TAG}MFA-ORDER-2024-12/lifted/countermeasure/2024-11-20/deltarobotics" in items, items
    assert not [i for i in items if "MOFCOM-2024-82/" in i and "/imposed/" not in i], items


# ---- feeds as a whole ---------------------------------------------------------------------------------------------

def test_no_duplicate_items_and_provenance_everywhere(store: Store) -> None:
    assert_unique_with_provenance(store.items("2025-03-10"))


# ---- S08: another order, the same items --------------------------------------------------------------------------

def test_s08_replay_order_gives_the_same_items(tmp_path: Path) -> None:
    whole, qas, notices = tmp_path / "whole", tmp_path / "qas", tmp_path / "notices"
    for name in S03_PAGES:
        for dest in (whole, qas if "-qa-" in name else notices):
            dest.mkdir(exist_ok=True)
            shutil.copyfile(STORIES / "main" / name, dest / name)
    a, b = f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    assert invoke(a, "replay", str(whole), "--fetched-at", FETCHED).exit_code in (0, 1)
    assert invoke(b, "replay", str(qas), "--fetched-at", FETCHED).exit_code in (0, 1)
    assert invoke(b, "replay", str(notices), "--fetched-at", FETCHED_LATER).exit_code in (0, 1)
    got = {}
    for name, db in (("a", a), ("b", b)):
        out = tmp_path / f"feeds-{name}"
        assert invoke(db, "feeds", "--out", str(out), "--as-of", "2025-03-10").exit_code in (0, 1)
        items = json.loads((out / "all.json").read_text(encoding="utf-8"))["items"]
        got[name] = {(i["id"], i["date_published"], i["title"]) for i in items
                     if "/unresolved" not in i["id"] and "correct" not in i["id"]}
        for key in ("etaphotonics", "iotadynamics"):
            ent = json.loads((out / "entity" / f"{key}.json").read_text(encoding="utf-8"))["items"]
            got[f"{name}-{key}"] = {i["id"] for i in ent}
    assert got["a"] == got["b"], (got["a"] ^ got["b"])
    assert got["a-etaphotonics"] == got["b-etaphotonics"] and got["a-iotadynamics"] == got["b-iotadynamics"]
    assert len(got["a"]) >= 8


# ---- S20: an extension published the day after the lapse it undoes ---------------------------------------------

def test_s20_late_extension_retracts_the_published_lapse(tmp_path: Path) -> None:
    first = tmp_path / "first"
    first.mkdir()
    for name in ("s03-mofcom-2024-84.txt", "s03-qa-2024-05-20-suspend.txt", "s03-mofcom-2024-83.txt"):
        shutil.copyfile(STORIES / "main" / name, first / name)
    db = f"sqlite:///{tmp_path / 'late.sqlite'}"
    # "90天" through 08-18: lapsed and published on 08-19, retracted by the Q&A of that evening (lapse43)
    lapse = f"{TAG}MOFCOM-2024-84/suspension_lapsed/ecl/2024-08-19"
    assert invoke(db, "replay", str(first), "--fetched-at", "2024-08-18T02:00:00+00:00",
                  "--as-of", "2024-08-19").exit_code in (0, 1)
    assert invoke(db, "feeds", "--out", str(tmp_path / "f1"), "--as-of", "2024-08-19").exit_code in (0, 1)
    published = json.loads((tmp_path / "f1" / "all.json").read_text(encoding="utf-8"))["items"]
    assert lapse in ids(published)
    assert invoke(db, "replay", str(STORIES / "late"), "--fetched-at", "2024-08-19T14:00:00+00:00",
                  "--as-of", "2024-08-19").exit_code in (0, 1)
    got = json.loads(invoke(db, "status", "--json", "--as-of", "2024-08-19").stdout)
    rows = [r for r in got["listings"] if r["notice_key"] == "MOFCOM-2024-84"]
    assert [(r["state"], r["since"], r["until"], r["presumed"]) for r in rows] == [
        ("suspended", "2024-08-18", "2024-11-16", False)], rows
    assert invoke(db, "feeds", "--out", str(tmp_path / "f2"), "--as-of", "2024-08-19").exit_code in (0, 1)
    items = json.loads((tmp_path / "f2" / "all.json").read_text(encoding="utf-8"))["items"]
    assert lapse not in ids(items)
    retracted = [i for i in items if i["id"].startswith(f"{lapse}/correction/")]
    assert len(retracted) == 1 and retracted[0]["title"].startswith("Retracted: ") and (
        ": the suspension goes on (" in retracted[0]["title"]), retracted  # the step that undoes it, named (order30 B1b)
    assert f"{TAG}MOFCOM-2024-84/suspension_extended/ecl/2024-08-18" in retracted[0]["content_html"], retracted
    assert f"{TAG}MOFCOM-2024-84/suspension_extended/ecl/2024-08-18" in ids(items)
