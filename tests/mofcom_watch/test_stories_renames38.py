"""One company on three lists renamed by one of them, two answers of one day under one title, and an MFA decision
renaming a listed company (session 37, story38's stories, /work/s37/story38-cases/EXPECTED.md, written before the
replay): replayed with the real ``replay`` (one real process) into real SQLite files from tests/data/stories38/two_lists/
and tests/data/stories38/mfa_rename/, read back with ``status``, ``timeline``, ``screen`` and ``feeds``; each folder
again in two batches, the later half first: the same items, the same ids. ``MOFCOM_WATCH_TODAY`` is 2028-01-31.

S  星桥防务公司（Starbridge Defense Inc.） on MFA Order No. 50, UEL〔2027〕4号 and ECL 2027 No. 20, all of 2027-03-03; UEL〔2027〕9号
   (06-01) "不可靠实体清单所列星桥防务公司（…）已更名为北极星防务公司（Polaris Star Defense Inc.）". Screening hit all three listings
   by the new name, but only the UEL feed said so: the ECL's Lifted item of 07-10 named the old name and no item of the
   ECL or MFA feeds told the new one (order36 C1, rename36 C1: the owner question, decided by the lead in session 37: a
   "Renamed" item on each of the company's listings, saying which list's notice renamed it).
Q  Two answers of 07-05 under one title "商务部新闻发言人就有关问题答记者问": one suspends UEL〔2027〕4号 1 year, the other stops
   ECL No. 20; both applied (their keys told apart by the text), nothing unresolved.
M  MFA Order No. 55 (06-10) "鉴于星桥防务公司（…）已更名为北极星防务公司（…），将《反制清单》中的“星桥防务公司（…）”修改为“北极星防务公司
   （…）”": refused as a decision cut short ("refers to an annex (反制清单) it does not hold"), which `accept` cannot close
   (rename36's carried B); now read as the rename. No. 60 (09-01) lifts the company by its new name under "外交部令第50号"
   (no year): it was unresolved ("none of the stored MFA-ORDER No. 50 lists polarisstardefense").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, ids, invoke, listings, replayed, replayed_in_halves, row, state

STORIES = REPO / "tests" / "data" / "stories38"
TODAY = "2028-01-31"
FETCHED = "2028-01-15T00:00:00+00:00"
LAST = "2028-01-20"
DAY = "2027-08-01"


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("two_lists38"), STORIES / "two_lists", FETCHED, today=TODAY)


@pytest.fixture(scope="module")
def mfa(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("mfa_rename38"), STORIES / "mfa_rename", FETCHED, today=TODAY)


def _titles(store: Store) -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(LAST)}


def _screen(store: Store, folder: Path, name: str) -> list[dict[str, object]]:
    csv = folder / "screen.csv"
    csv.write_text(f"name\n{name}\n", encoding="utf-8")
    result = invoke(store.db, "screen", str(csv), "--json", "--as-of", DAY, env=store.env)
    return list(json.loads(result.stdout)["results"][0]["hits"])


def test_s_three_lists_one_day_each_its_own_fate(lists: Store) -> None:
    assert listings(lists, "Polaris Star Defense", DAY) == {"MFA-ORDER-2027-50": ("in_force", "2027-03-03"),
                                                            "MOFCOM-2027-20": ("lifted", "2027-07-10"),
                                                            "UEL-2027-4": ("suspended", "2027-07-10")}
    assert state(lists, DAY, "UEL-2027-4", "bluewhalemaritime") == ("suspended", "2027-07-10", "2028-07-10")
    assert state(lists, DAY, "MOFCOM-2027-20", "frostpeakelectronics") == ("lifted", "2027-07-10", None)
    assert lists.status(DAY)["__problems__"] == []


def test_q_two_answers_of_one_day_under_one_title_are_both_applied(lists: Store) -> None:
    uel, ecl = row(lists, DAY, "UEL-2027-4")["by"], row(lists, DAY, "MOFCOM-2027-20")["by"]
    assert uel.startswith("QA-2027-07-05-") and ecl.startswith("QA-2027-07-05-") and uel != ecl


def test_s_a_rename_on_one_list_renames_the_company_on_its_other_lists(lists: Store, tmp_path: Path) -> None:
    titles = _titles(lists)
    renamed = {k: v for k, v in titles.items() if "/renamed/" in k}
    assert set(renamed) == {f"{key}/renamed/{lst}/2027-06-01" for key, lst in (
        ("UEL-2027-4", "uel"), ("MOFCOM-2027-20", "ecl"), ("MFA-ORDER-2027-50", "countermeasure"))}
    assert renamed["UEL-2027-4/renamed/uel/2027-06-01"].endswith("(UEL-2027-4) (notice UEL-2027-9)")
    assert renamed["MOFCOM-2027-20/renamed/ecl/2027-06-01"].endswith(
        "(MOFCOM-2027-20) (notice UEL-2027-9, on the unreliable entity list)")
    # the ECL's items from that day name the new name, as screening does
    assert titles["MOFCOM-2027-20/lifted/ecl/2027-07-10"].startswith("Lifted: Polaris Star Defense Inc.")
    hits = _screen(lists, tmp_path, "Polaris Star Defense Inc.")
    assert {h["notice_key"] for h in hits} == {"UEL-2027-4", "MOFCOM-2027-20", "MFA-ORDER-2027-50"}


def test_m_an_mfa_decision_renaming_a_listed_company_is_read(mfa: Store, tmp_path: Path) -> None:
    assert "MFA-ORDER-2027-50/renamed/countermeasure/2027-06-10" in _titles(mfa)
    assert state(mfa, "2027-08-01", "MFA-ORDER-2027-50") == ("in_force", "2027-03-03", None)
    assert [h["notice_key"] for h in _screen(mfa, tmp_path, "北极星防务公司")] == ["MFA-ORDER-2027-50"]
    got = row(mfa, "2027-09-02", "MFA-ORDER-2027-50")  # lifted by the new name, under a number without its year
    assert (got["state"], got["since"], got["by"]) == ("lifted", "2027-09-01", "MFA-ORDER-2027-60")
    assert mfa.status("2027-09-02")["__problems__"] == []
    assert [i for i in mfa.items(LAST, "source-health")] == []


@pytest.mark.parametrize("folder", ["two_lists", "mfa_rename"])
def test_the_same_pages_in_another_order_give_the_same_items(folder: str, lists: Store, mfa: Store,
                                                              tmp_path: Path) -> None:
    store = lists if folder == "two_lists" else mfa
    again = replayed_in_halves(tmp_path, STORIES / folder, FETCHED, today=TODAY)  # the later half of the pages first
    # "Resolved: …" items for the steps stored before the notices they name: news of that order, not of the notices
    resolved = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i
                and "/correction/" in i}
    assert ids(again.items(LAST)) - resolved == ids(store.items(LAST))
    assert {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in resolved} == {
        i["id"]: i["title"] for i in store.items(LAST)}


def test_two_renames_of_one_listing_on_one_day_are_both_on_the_lists_feed(tmp_path: Path) -> None:
    """order37: UEL〔2027〕9号 renames both companies UEL〔2027〕4号 lists, in two sentences. The list's "Renamed" item (its id
    the listing's, the list's and the day's) named the first rename only; the second was on the company's own feed and
    the notices feed, never on the UEL feed or all: a reader of the list was not told. Now one item names both; the
    other order gives the same ids and titles."""
    folder = STORIES / "two_renames"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
    store = replayed(tmp_path / "one", folder, FETCHED, today=TODAY)
    on_list = {i["id"][len(TAG):]: i["title"] for i in store.items(LAST, "uel") if "/renamed/" in i["id"]}
    assert on_list == {"UEL-2027-4/renamed/uel/2027-06-01": (
        "Renamed: Starbridge Defense Inc. (星桥防务公司) is now Polaris Star Defense Inc. (北极星防务公司); Blue Whale "
        "Maritime LLC (蓝鲸海事公司) is now Blue Sea Maritime LLC (蓝海海事公司) on the unreliable entity list (UEL-2027-4) "
        "(notice UEL-2027-9)")}
    assert [i["title"] for i in store.items(LAST) if "/renamed/" in i["id"]] == list(on_list.values())
    for key in ("starbridgedefense", "bluewhalemaritime"):  # each company's own feed, as before
        assert [i["id"][len(TAG):] for i in store.items(LAST, f"entity/{key}") if "/renamed/" in i["id"]] == [
            f"UEL-2027-4/renamed/uel/2027-06-01/{key}"]
    assert store.status(DAY)["__problems__"] == []
    later = tmp_path / "later"
    later.mkdir()
    pages = sorted(folder.iterdir())
    shutil.copy(pages[1], later / pages[1].name)
    replayed(tmp_path / "two", later, FETCHED, today=TODAY)
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(pages[0], first / pages[0].name)
    again = replayed(tmp_path / "two", first, FETCHED, today=TODAY)
    # the rename stored first was unresolved until its listing came: "Resolved: …" items, news of that order
    assert {i["id"]: i["title"] for i in again.items(LAST) if "/unresolved_reference/" not in i["id"]} == {
        i["id"]: i["title"] for i in store.items(LAST)}
    assert {i["id"]: i["title"] for i in again.items(LAST, "uel") if "/renamed/" in i["id"]} == {
        TAG + k: v for k, v in on_list.items()}


def test_two_notices_renaming_two_entities_of_one_listing_on_one_day_are_two_items(tmp_path: Path) -> None:
    """order37: UEL〔2027〕9号 and 〔2027〕10号 of one day each rename one company UEL〔2027〕4号 lists. The second's
    item on the list was dropped (its id the first's); now it is an item of its own, ``…/by/UEL-2027-9`` (the first
    in the engine's order, by key, keeps the id), as two notices changing one listing the same way on one day are."""
    store = replayed(tmp_path, STORIES / "two_rename_notices", FETCHED, today=TODAY)
    on_list = {i["id"][len(TAG):]: i["title"] for i in store.items(LAST, "uel") if "/renamed/" in i["id"]}
    assert on_list == {
        "UEL-2027-4/renamed/uel/2027-06-01": "Renamed: Blue Whale Maritime LLC (蓝鲸海事公司) is now Blue Sea Maritime "
                                             "LLC (蓝海海事公司) on the unreliable entity list (UEL-2027-4) (notice UEL-2027-10)",
        "UEL-2027-4/renamed/uel/2027-06-01/by/UEL-2027-9": "Renamed: Starbridge Defense Inc. (星桥防务公司) is now Polaris "
        "Star Defense Inc. (北极星防务公司) on the unreliable entity list (UEL-2027-4) (notice UEL-2027-9)"}
