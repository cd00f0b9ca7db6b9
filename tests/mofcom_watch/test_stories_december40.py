"""December 2026, several lists per company, as an officer reads them (session 39, story40's stories,
/work/s39/story40-cases/): the real texts of ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13 and their 2025 Q&As, then
steps composed in the official wording, replayed with the real ``replay`` (one real process) into a real SQLite file per
folder of tests/data/stories40/, read back with ``status``, ``timeline`` and ``feeds`` (the entity and watchlist feeds
too) on the days before, of and after each step; each folder again in another order. ``MOFCOM_WATCH_TODAY`` 2027-01-31.

three_lists     Skydio on the ECL (a new notice, No. 246 of 11-16), the UEL (7号, lapsed 11-10) and the MFA list (order
                No. 13): restored on the UEL and lifted by the MFA the same day (12-01), taken off the ECL from 12-10 by a
                notice of 12-03 (pending when read on 12-05); the MFA lifting Edge Autonomy from 2027-01-01; No. 246's
                English version a week later (A: "reported, not yet confirmed", replay never linked it to the notice).
relisted        Cubic removed from No. 21 (11-12) and listed again by No. 262 (11-30); High Point listed again by No. 263
                as "高点航空技术有限公司（High Point Aerotechnologies, Inc.）": one company, two listings each.
before_lapse    a continuation announced on 11-08 from the lapse day (no lapse); a suspension announced on 11-06 from 11-20
                (lapsed 11-10 to 11-19, said in advance).
corrected_step  No. 252 "关于停止执行…第21号中对2家美国实体相关措施的公告" stops two named from 11-25 (A: the title's step,
                naming no one, was kept over the body's: nothing lifted); No. 266 corrects its "本公告自2026年11月25日起正式
                实施" to 12-15 (A: "correction not applied", the two shown lifted from the day said wrong).
backdated       a lift "自2026年11月10日起" told on 11-25 (ECL) and 11-27 (UEL): lifted from the lapse day; a live store
                retracts the lapse item it published.
split_qa        two answers of 11-20 under one title (two keys; the second served again as a page of the site: one notice).
renamed         "所列“哈德森技术公司（Hudson Technologies Co.）”已更名。…名称变更为“哈德逊科技公司（Hudson Technologies Co.）”"
                (the Chinese name alone: A, refused for a person, the key being the English name's), then a lift naming
                the new Chinese name alone (was unresolved).
new_name_listed Skydio renamed SkyEye Technologies by the UEL (〔2026〕20号, 11-25), then listed on the ECL under the new name
                (No. 264, 12-01): another key. A: `timeline Skydio` and Skydio's entity feed left the ECL listing out (the
                new name's timeline had both); screening called it a possible match, to review.
english_qa      the English version (11-27) of the answer of 11-20 extending No. 21 ("…continue suspending the relevant
                measures of the April 4 announcement (MOFCOM Announcement No. 21 of 2025)…"). A: without the Chinese answer
                stored, it was "News: …", confirmed by No. 21 itself (the listing of April 2025), the listing shown lapsed.
corrected_name  No. 252 stops Cubic and Sierra Nevada from 11-25; No. 267 (11-23) "第252号中“立方公司（Cubic Corporation）”有误，
                应为“赛博勒克斯公司（Cyberlux Corporation）”". A: "correction not applied", Cubic shown lifted; and Cyberlux,
                keyed as first written (Cubic's key), found Cubic's listing in screening and its timeline.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    ids,
    invoke,
    item_ids_of,
    replayed,
    replayed_in_halves,
    row,
    state,
)

DATA = REPO / "tests" / "data" / "stories40"
TODAY = "2027-01-31"
FETCHED = "2027-01-15T00:00:00+00:00"
LAST = "2027-01-31"
ECL, UEL, MFA = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13"
FOLDERS = ["three_lists", "relisted", "before_lapse", "corrected_step", "backdated", "split_qa", "renamed",
           "new_name_listed", "english_qa", "corrected_name"]


def _store(factory: pytest.TempPathFactory, name: str) -> Store:
    return replayed(factory.mktemp(f"s40-{name}"), DATA / name, FETCHED, today=TODAY)


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    """The folders' stores, each replayed once for the module, when a test first asks for it."""
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    if name not in stores:
        stores[name] = _store(factory, name)
    return stores[name]


@pytest.fixture
def three(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _get(stores, tmp_path_factory, "three_lists")


def _lists(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    """Per notice, (state, since, next state, next from) of the one entity ``timeline NAME`` finds as of ``day``."""
    found = store.timeline(name, day)
    assert len(found["keys"]) == 1, found["keys"]
    return {e["notice_key"]: (e["state"]["state"], e["state"]["since"], e["state"].get("next_state"),
                              e["state"].get("next_from")) for e in found["listings"]}


def _titles(store: Store, day: str, key: str, feed: str = "all") -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(day, feed) if i["id"].startswith(f"{TAG}{key}/")}


def _recent(store: Store, day: str, start: str) -> set[str]:
    """The ids (tag dropped) as of ``day`` of items dated ``start`` or later, unresolved references aside."""
    out = {i[len(TAG):] for i in ids(store.items(day))}
    return {i for i in out if i.split("/")[3] >= start and "/unresolved_reference/" not in i}


def _problems(store: Store, day: str) -> list[str]:
    return list(store.status(day)["__problems__"])


def _watch(store: Store, day: str, tmp_path: Path, *names: str) -> dict[str, str]:
    """The watchlist feed of ``names`` as of ``day``: id (tag dropped) -> title."""
    csv = tmp_path / "watch.csv"
    csv.write_text("name\n" + "".join(f"{n}\n" for n in names), encoding="utf-8")
    out = tmp_path / f"watch-{day}"
    done = invoke(store.db, "feeds", "--out", str(out), "--watchlist", str(csv), "--as-of", day, env=store.env)
    assert done.exit_code in (0, 1), done.output
    items = json.loads((out / "watchlist.json").read_text(encoding="utf-8"))["items"]
    return {i["id"][len(TAG):]: i["title"] for i in items}


# three_lists


def test_one_company_on_three_lists_goes_its_own_way_on_each(three: Store) -> None:
    mfa, uel, ecl = MFA, UEL, "MOFCOM-2026-246"
    assert _lists(three, "Skydio", "2026-11-15") == {
        mfa: ("in_force", "2024-10-10", None, None), uel: ("lapsed", "2026-11-11", None, None)}
    assert _lists(three, "Skydio", "2026-11-16")[ecl] == ("in_force", "2026-11-16", None, None)
    # 11-30: the UEL restore (told 11-24) and the MFA lift (11-27) of the same day ahead, each on its own list
    assert _lists(three, "Skydio", "2026-11-30") == {
        mfa: ("in_force", "2024-10-10", "lifted", "2026-12-01"), uel: ("lapsed", "2026-11-11", "in_force", "2026-12-01"),
        ecl: ("in_force", "2026-11-16", None, None)}
    assert _lists(three, "Skydio", "2026-12-02") == {
        mfa: ("lifted", "2026-12-01", None, None), uel: ("in_force", "2026-12-01", None, None),
        ecl: ("in_force", "2026-11-16", None, None)}
    # read on 12-05 (today): the ECL removal of 12-03 takes effect on 12-10, pending
    assert _lists(three, "Skydio", "2026-12-05")[ecl] == ("in_force", "2026-11-16", "removed", "2026-12-10")
    assert _lists(three, "Skydio", "2026-12-10")[ecl] == ("removed", "2026-12-10", None, None)
    assert row(three, "2026-12-10", uel)["state"] == "in_force"


def test_a_step_taking_effect_later_is_told_on_its_day_of_publication(three: Store, tmp_path: Path) -> None:
    removal = "MOFCOM-2026-246/removed/ecl/2026-12-10"
    assert removal not in _titles(three, "2026-12-02", "MOFCOM-2026-246")
    assert _titles(three, "2026-12-03", "MOFCOM-2026-246")[removal] == (
        "Removed: Skydio Inc. on the export control list (MOFCOM-2026-246) from 2026-12-10")
    entity = {i["id"][len(TAG):] for i in three.items("2026-12-05", "entity/skydio")}
    assert {f"{removal}/skydio", f"{MFA}/lifted/countermeasure/2026-12-01/skydio",
            f"{UEL}/restored/uel/2026-12-01/skydio", "MOFCOM-2026-246/imposed/ecl/2026-11-16/skydio"} <= entity
    # the MFA lifts Edge Autonomy from 2027-01-01 (order of 12-03): in force on 12-05, the lift said that day
    got = row(three, "2026-12-05", MFA, "edgeautonomyoperations")
    assert (got["state"], got["next_state"], got["next_from"]) == ("in_force", "lifted", "2027-01-01")
    assert f"{MFA}/lifted/countermeasure/2027-01-01" in _titles(three, "2026-12-05", MFA)
    assert f"{MFA}/lifted/countermeasure/2027-01-01" not in _titles(three, "2026-12-02", MFA)
    watched = _watch(three, "2026-12-05", tmp_path, "Skydio Inc.")
    assert {f"{removal}/skydio", f"{MFA}/lifted/countermeasure/2026-12-01/skydio"} <= set(watched)


def test_an_english_version_a_week_later_is_news_of_the_stored_notice(three: Store) -> None:
    news = three.items("2026-12-05", "news")
    assert len(news) == 1, news
    # A: replay never linked the report to its notice ("News (reported, not yet confirmed): … no official MOFCOM notice
    # for this is stored yet (the report names MOFCOM-2026-246)"), though No. 246 was stored a week before
    assert news[0]["title"] == ("News: MOFCOM Announcement No. 246 of 2026 on Adding Three US Entities to the Export "
                                "Control List")
    assert "Official notice: MOFCOM-2026-246." in news[0]["content_html"]
    assert "MOFCOM-2026-246" in three.status("2026-12-05")  # no notice of its own: the Chinese one alone
    assert not [k for k in three.status("2026-12-05") if k.startswith("DOC-")]


# relisted


def test_removed_then_listed_again_and_listed_again_under_another_form_of_the_name(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "relisted")
    assert _lists(store, "Cubic Corporation", "2026-11-11") == {ECL: ("lapsed", "2026-11-11", None, None)}
    assert _lists(store, "立方公司", "2026-11-12") == {ECL: ("removed", "2026-11-12", None, None)}
    assert _lists(store, "Cubic Corporation", "2026-11-30") == {
        ECL: ("removed", "2026-11-12", None, None), "MOFCOM-2026-262": ("in_force", "2026-11-30", None, None)}
    assert _lists(store, "高点航空技术有限公司", "2026-12-05") == {
        ECL: ("lapsed", "2026-11-11", None, None), "MOFCOM-2026-263": ("in_force", "2026-12-02", None, None)}
    entity = {i["id"][len(TAG):] for i in store.items("2026-12-05", "entity/cubic")}
    assert {f"{ECL}/removed/ecl/2026-11-12/cubic", "MOFCOM-2026-262/imposed/ecl/2026-11-30/cubic"} <= entity


# before_lapse


def test_steps_announced_before_the_lapse(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    # lapse43: a counted end is its last day too; the lapse and its countdowns a day later
    store = _get(stores, tmp_path_factory, "before_lapse")
    # ECL: No. 238 of 11-08 continues from the lapse day to 2027-11-09: never lapsed, no lapse item
    assert row(store, "2026-11-07", ECL)["next_state"] is None
    assert (row(store, "2026-11-08", ECL)["next_state"], row(store, "2026-11-08", ECL)["next_from"]) == (
        "suspended", "2026-11-10")
    got = row(store, "2026-11-10", ECL)
    assert (got["state"], got["since"], got["until"], got["lapses_on"], got["by"]) == (
        "suspended", "2026-11-10", "2027-11-09", "2027-11-10", "MOFCOM-2026-238")
    # UEL: the answer of 11-06 suspends from 11-20 for a year: lapsed 11-11 to 11-19, said in advance
    got = row(store, "2026-11-11", UEL)
    assert (got["state"], got["since"], got["presumed"], got["next_state"], got["next_from"]) == (
        "lapsed", "2026-11-11", True, "suspended", "2026-11-20")
    assert state(store, "2026-11-20", UEL) == ("suspended", "2026-11-20", "2027-11-20")
    assert _recent(store, "2026-12-05", "2026-11-06") == {
        f"{UEL}/suspension_lapsed/uel/2026-11-11", f"{UEL}/suspended/uel/2026-11-20",
        f"{ECL}/suspension_extended/ecl/2026-11-10"}


# corrected_step


@pytest.fixture
def corrected(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _get(stores, tmp_path_factory, "corrected_step")


def test_a_notice_stopping_two_named_under_a_title_naming_none_lifts_the_two(corrected: Store) -> None:
    # A: the title's "关于停止执行…第21号中对2家美国实体相关措施的公告" (no name) was kept over the body's step naming the two:
    # "names MOFCOM-2025-21 but no entity", nothing lifted, Cubic and Sierra Nevada left lapsed (presumed in force)
    got = row(corrected, "2026-11-24", ECL, "cubic")
    assert (got["next_state"], got["next_from"], sorted(got["entity_keys"])) == (
        "lifted", "2026-11-25", ["cubic", "sierranevada"])
    assert state(corrected, "2026-11-25", ECL, "sierranevada") == ("lifted", "2026-11-25", None)
    assert row(corrected, "2026-11-25", ECL, "highpointaerotechnologies")["state"] == "lapsed"
    assert not [p for p in _problems(corrected, "2026-11-25") if "MOFCOM-2026-252" in p]


def test_a_correction_of_the_stopping_notices_effective_day_moves_the_step(corrected: Store) -> None:
    # A: No. 266 (12-02) corrects No. 252's "本公告自2026年11月25日起正式实施" to 12-15: was "correction not applied",
    # the two shown lifted from 11-25
    assert state(corrected, "2026-12-01", ECL, "cubic") == ("lifted", "2026-11-25", None)  # as known that day
    got = row(corrected, "2026-12-02", ECL, "cubic")
    assert (got["state"], got["since"], got["next_state"], got["next_from"]) == (
        "lapsed", "2026-11-11", "lifted", "2026-12-15")
    assert state(corrected, "2026-12-15", ECL, "cubic") == ("lifted", "2026-12-15", None)
    assert not [p for p in _problems(corrected, "2026-12-05") if "not applied" in p]
    items = _titles(corrected, "2026-12-05", ECL)
    assert f"{ECL}/lifted/ecl/2026-12-15" in items and f"{ECL}/lifted/ecl/2026-11-25" not in items


def _live(tmp_path: Path, folder: str, steps: list[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    """A store fed day by day (``MOFCOM_WATCH_TODAY`` moving on), its live feeds published each day; the last feed."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"  # (``replayed``'s)
    pages = sorted((DATA / folder).iterdir())
    for day, prefixes in steps:
        part = tmp_path / f"pages-{day}"
        part.mkdir()
        for page in pages:
            if page.is_file() and page.name.startswith(tuple(prefixes)):
                shutil.copy(page, part / page.name)
        replayed(tmp_path, part, f"{day}T10:00:00+00:00", today=day)
        done = invoke(db, "feeds", "--out", str(tmp_path / "out"), env={"MOFCOM_WATCH_TODAY": day})
        assert done.exit_code in (0, 1), done.output
    return list(json.loads((tmp_path / "out" / "all.json").read_text(encoding="utf-8"))["items"])


def test_a_live_store_says_the_step_it_published_was_moved(tmp_path: Path) -> None:
    items = _live(tmp_path, "corrected_step", [("2026-11-26", ["b-", "d1-"]), ("2026-12-02", ["d2-"])])
    titles = {i["id"][len(TAG):]: i["title"] for i in items}
    assert titles[f"{ECL}/lifted/ecl/2026-11-25/correction/1"].startswith("Replaced by a corrected item: Lifted: ")
    assert titles[f"{ECL}/lifted/ecl/2026-12-15"].endswith("from 2026-12-15")


# backdated


def test_a_lift_dated_back_to_the_lapse_day(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory,
                                            tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "backdated")
    assert state(store, "2026-11-24", ECL) == ("lapsed", "2026-11-11", None)
    assert row(store, "2026-11-25", ECL)["state"] == "lifted" and row(store, "2026-11-25", ECL)["since"] == "2026-11-10"
    assert state(store, "2026-11-26", UEL) == ("lapsed", "2026-11-11", None)
    got = row(store, "2026-11-27", UEL)
    assert (got["state"], got["since"], got["by"]) == ("lifted", "2026-11-10", "UEL-2026-23")
    # rebuilt as known on 12-05, neither lapsed: no lapse item, one lift each dated 11-10
    assert _recent(store, "2026-12-05", "2026-11-10") == {f"{ECL}/lifted/ecl/2026-11-10", f"{UEL}/lifted/uel/2026-11-10"}
    # a live store that published the lapse on 11-11 takes it back on 11-25
    items = _live(tmp_path, "backdated", [("2026-11-11", ["b-"]), ("2026-11-25", ["e1-"])])
    titles = {i["id"][len(TAG):]: i["title"] for i in items}
    assert titles[f"{ECL}/suspension_lapsed/ecl/2026-11-11/correction/1"].startswith("Retracted: Suspension lapsed")
    assert f"{ECL}/lifted/ecl/2026-11-10" in titles and f"{UEL}/suspension_lapsed/uel/2026-11-11" in titles


# split_qa


def test_two_answers_of_one_day_under_one_title(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "split_qa")
    got = row(store, "2026-11-21", ECL)
    assert (got["state"], got["since"], got["until"], got["by"]) == (
        "suspended", "2026-11-21", "2027-11-20", "QA-2026-11-20-f8b39082-003c")
    got = row(store, "2026-12-01", "MOFCOM-2026-246")
    assert (got["state"], got["since"], got["until"], got["by"]) == (
        "suspended", "2026-12-01", "2027-06-01", "QA-2026-11-20-f8b39082-51f3")
    qas = [k for k in store.status("2026-12-05") if k.startswith("QA-2026")]
    assert qas == [] or all(k.startswith("QA-2026-11-20-f8b39082-") for k in qas)
    assert item_ids_of(store, "2026-12-05", "MOFCOM-2026-246") >= {"MOFCOM-2026-246/suspended/ecl/2026-12-01"}


# renamed


def test_a_chinese_name_changed_alone_and_a_step_naming_it(stores: dict[str, Store],
                                                           tmp_path_factory: pytest.TempPathFactory,
                                                           tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "renamed")
    # A: the change was refused for a person ("a name change … is not read"): the key is the English name's, the same;
    # the lift of 12-03 naming "哈德逊科技公司" alone was unresolved, Hudson left lapsed (presumed in force)
    assert invoke(store.db, "timeline", "哈德逊科技公司", "--json", "--as-of", "2026-11-25", env=store.env).exit_code == 2
    assert _lists(store, "哈德逊科技公司", "2026-11-26") == {ECL: ("lapsed", "2026-11-11", None, None)}
    assert _lists(store, "哈德森技术公司", "2026-12-05") == {ECL: ("lapsed", "2026-11-11", "lifted", "2026-12-08")}
    assert _lists(store, "Hudson Technologies", "2026-12-08") == {ECL: ("lifted", "2026-12-08", None, None)}
    assert row(store, "2026-12-08", ECL, "cubic")["state"] == "lapsed"
    items = _titles(store, "2026-12-08", ECL)
    assert items[f"{ECL}/renamed/ecl/2026-11-26"].startswith(
        "Renamed: Hudson Technologies Co. (哈德森技术公司) is now Hudson Technologies Co. (哈德逊科技公司)")
    assert items[f"{ECL}/lifted/ecl/2026-12-08"] == (
        "Lifted: Hudson Technologies Co. on the export control list (MOFCOM-2025-21) from 2026-12-08")
    assert not [p for p in _problems(store, "2026-12-08") if "2026" in p.split(":")[0]]
    assert f"{ECL}/lifted/ecl/2026-12-08/hudsontechnologies" in _watch(store, "2026-12-08", tmp_path, "哈德逊科技公司")


# new_name_listed


def test_a_listing_under_the_new_name_a_rename_gave_is_the_companys(stores: dict[str, Store],
                                                                     tmp_path_factory: pytest.TempPathFactory,
                                                                     tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "new_name_listed")
    ecl = "MOFCOM-2026-264"
    for name in ("Skydio", "斯凯迪奥公司", "SkyEye Technologies", "天空之眼科技公司"):
        found = store.timeline(name, "2026-12-05")
        assert sorted(found["keys"]) == ["skydio", "skyeyetechnologies"], name
        got = {e["notice_key"]: (e["state"]["state"], e["state"]["since"]) for e in found["listings"]}
        assert got == {MFA: ("in_force", "2024-10-10"), UEL: ("lapsed", "2026-11-11"), ecl: ("in_force", "2026-12-01")}
    entity = {i["id"][len(TAG):] for i in store.items("2026-12-05", "entity/skydio")}
    assert f"{ecl}/imposed/ecl/2026-12-01/skyeyetechnologies" in entity
    watched = _watch(store, "2026-12-05", tmp_path, "Skydio Inc.")
    assert watched[f"{ecl}/imposed/ecl/2026-12-01/skyeyetechnologies"].startswith("Imposed: SkyEye Technologies Inc.")
    done = invoke(store.db, "screen", str(tmp_path / "watch.csv"), "--json", "--as-of", "2026-12-05", env=store.env)
    hits = json.loads(done.stdout)["results"][0]["hits"]
    assert {(h["notice_key"], h["match"]) for h in hits} >= {(ecl, "exact"), (UEL, "exact"), (MFA, "exact")}, hits


# english_qa


def test_an_english_answer_is_confirmed_by_the_step_not_by_the_notice_it_acts_on(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "english_qa")
    (news,) = store.items("2026-12-05", "news")
    assert news["title"].startswith("News: MOFCOM Spokesperson Answers"), news["title"]
    # the same pages but the Chinese answer: the step is not stored, and the report is not confirmed by No. 21
    pages = tmp_path / "pages"
    shutil.copytree(DATA / "english_qa", pages, ignore=shutil.ignore_patterns("q1-*"))
    alone = replayed(tmp_path, pages, FETCHED, today=TODAY)
    (news,) = alone.items("2026-12-05", "news")
    assert news["title"].startswith("News (reported, not yet confirmed): MOFCOM Spokesperson Answers"), news["title"]
    assert "the report names MOFCOM-2025-21" in news["content_html"]
    assert state(alone, "2026-12-05", ECL) == ("lapsed", "2026-11-11", None)


# corrected_name


def test_a_name_corrected_in_a_stopping_notice_moves_the_step_to_that_entity(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "corrected_name")
    assert _lists(store, "Cubic Corporation", "2026-11-22") == {ECL: ("lapsed", "2026-11-11", "lifted", "2026-11-25")}
    assert _lists(store, "Cyberlux Corporation", "2026-11-23") == {ECL: ("lapsed", "2026-11-11", "lifted", "2026-11-25")}
    assert _lists(store, "Cubic Corporation", "2026-11-25") == {ECL: ("lapsed", "2026-11-11", None, None)}
    assert _lists(store, "赛博勒克斯公司", "2026-11-25") == {ECL: ("lifted", "2026-11-25", None, None)}
    assert state(store, "2026-11-25", ECL, "sierranevada") == ("lifted", "2026-11-25", None)
    assert not [p for p in _problems(store, "2026-11-25") if "not applied" in p]
    assert _titles(store, "2026-11-25", ECL)[f"{ECL}/lifted/ecl/2026-11-25"] == (
        "Lifted: Sierra Nevada Corporation and Cyberlux Corporation on the export control list (MOFCOM-2025-21) from 2026-11-25")
    (tmp_path / "rows.csv").write_text("name\nCyberlux Corporation\nCubic Corporation\n", encoding="utf-8")
    done = invoke(store.db, "screen", str(tmp_path / "rows.csv"), "--json", "--as-of", "2026-11-25", env=store.env)
    got = [[(h["notice_key"], h["state"]) for h in r["hits"] if h["match"] == "exact"] for r in json.loads(done.stdout)["results"]]
    assert got == [[(ECL, "lifted")], [(ECL, "lapsed")]], got


# every folder, another order


@pytest.mark.parametrize("name", FOLDERS)
def test_the_same_pages_in_another_order_give_the_same_items(name: str, stores: dict[str, Store],
                                                             tmp_path_factory: pytest.TempPathFactory,
                                                             tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, name)
    again = replayed_in_halves(tmp_path, DATA / name, FETCHED, today=TODAY)  # the later half of the pages first
    extra = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i}
    assert {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in extra} == {
        i["id"]: i["title"] for i in store.items(LAST)}
    assert {i["id"]: i["title"] for i in again.items(LAST, "news")} == {
        i["id"]: i["title"] for i in store.items(LAST, "news")}
    assert os.path.exists(again.db.removeprefix("sqlite:///"))
