"""December 2026, round 2, as an officer reads it (session 40, story41's stories, /work/s40/story41-cases/): the real texts
of ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13 (and UEL 〔2024〕3号, 〔2025〕4号) and their 2025 Q&As, then steps
composed in the official wording, replayed with the real ``replay`` (one real process) into a real SQLite file per folder of
tests/data/stories41/, read back with ``status``, ``timeline`` and ``feeds`` (the state pictures too) on the days before, of
and after each step; some folders again in another order. ``MOFCOM_WATCH_TODAY`` 2027-01-31.

early_end         the late extension of No. 21 (11-20, to 2027-11-10) ended early by No. 275 (12-01) "自2026年12月8日起，提前终止
                  对…相关措施的暂停，恢复实施相关措施": suspended to 12-07, in force from 12-08, said on 12-01.
same_day          No. 276 and No. 277 of one day (12-01), one stopping and one restoring the measures on Cubic: the later
                  number decides (in force by No. 277); each notice's item stands; B: nothing said so, now a note.
qa_then_notice    an answer of 11-20 stops the measures on Cubic from 12-01, No. 278 (11-27) removes it from the list from
                  12-01. A: the row said "lifted … by QA-2026-11-20-…" (the answer, ordered after the notices of its day,
                  overrode the removal): now removed by No. 278; both items stand.
qa_confirmed      the same answer, confirmed by a numbered notice stopping the same measures: one item, the notice's.
withdrawn         No. 279 removes Cubic from 11-25; No. 280 (11-28) "现予撤回": held for a person, loud (not read).
uel_off_ecl_kept  Skydio taken off the UEL from 12-01: removed there, in force on the ECL (No. 246) and the MFA list.
merged            No. 281 "…所列萨罗尼克科技公司（…）已被北方海事系统公司（…）吸收合并。…相关措施适用于北方海事系统公司". A: read as
                  nothing ("0/1"), the company the measures now reach told nothing, health green: now held for a person.
mfa_date_only     an MFA order lifting Edge Autonomy "停止实施2024年10月10日决定中对…采取的反制措施": its MFA listing lifted, its
                  ECL listing untouched.
backdated_restore UEL 7号 lapsed 11-10, restored by 〔2026〕25号 of 12-01 "自2026年11月10日起恢复实施": in force since 11-10.
early_end_qa      UEL 7号 extended late from the lapse day (11-20), then an answer of 12-03 ends the suspension early "自2026年12月1日
                  起，提前终止…的暂停，恢复实施": suspended when read on 12-02, in force since 12-01 when read on 12-03.
inv_closed        UEL 〔2024〕3号 (an investigation of PVH) ended by 〔2026〕31号 while 〔2025〕4号 lists PVH. A: the state pictures
                  (the list's, the entity's, the entity page's) said "lifted" where status says "investigation closed".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, ids, invoke, replayed, replayed_in_halves, row

DATA = REPO / "tests" / "data" / "stories41"
TODAY = "2027-01-31"
FETCHED = "2027-01-15T00:00:00+00:00"
LAST = "2027-01-31"
ECL, UEL, MFA = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    if name not in stores:
        stores[name] = replayed(factory.mktemp(f"s41-{name}"), DATA / name, FETCHED, today=TODAY)
    return stores[name]


def _lists(store: Store, name: str, day: str) -> dict[str, tuple[Any, ...]]:
    """Per notice, (state, since, by, next state, next from) of the one entity ``timeline NAME`` finds as of ``day``."""
    found = store.timeline(name, day)
    assert len(found["keys"]) == 1, found["keys"]
    return {e["notice_key"]: (e["state"]["state"], e["state"]["since"], e["state"].get("by"),
                              e["state"].get("next_state"), e["state"].get("next_from")) for e in found["listings"]}


def _titles(store: Store, day: str, key: str) -> dict[str, str]:
    return {i["id"][len(TAG):]: i["title"] for i in store.items(day) if i["id"].startswith(f"{TAG}{key}/")}


def _said(store: Store, day: str, key: str) -> list[str]:
    """What ``status --json`` says of notice ``key`` as of ``day`` among its health issues and problems (exit 1)."""
    done = invoke(store.db, "status", "--json", "--as-of", day, env=store.env)
    assert done.exit_code == 1, done.output
    got = json.loads(done.stdout)
    return [str(x) for x in got["health_issues"] + got["problems"] if key in str(x)]


def test_a_suspension_ended_early_by_a_later_notice(stores: dict[str, Store],
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "early_end")
    assert _lists(store, "Cyberlux Corporation", "2026-11-30")[ECL][:3] == ("suspended", "2026-11-20",
                                                                            "QA-2026-11-20-68a81f8d")
    assert _lists(store, "Cyberlux Corporation", "2026-12-07")[ECL] == (
        "suspended", "2026-11-20", "QA-2026-11-20-68a81f8d", "in_force", "2026-12-08")
    assert _lists(store, "Cyberlux Corporation", "2026-12-08")[ECL] == (
        "in_force", "2026-12-08", "MOFCOM-2026-275", None, None)
    restored = f"{ECL}/restored/ecl/2026-12-08"
    assert restored not in _titles(store, "2026-11-30", ECL)
    assert _titles(store, "2026-12-01", ECL)[restored].startswith("Restored: High Point Aerotechnologies")


def test_two_notices_of_one_day_the_later_number_decides(stores: dict[str, Store],
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "same_day")
    # the answer's "1年" from 2025-11-10 runs through 11-10: lapsed from 11-11 (lapse43, one convention)
    assert _lists(store, "Cubic Corporation", "2026-11-30")[ECL][:2] == ("lapsed", "2026-11-11")
    assert _lists(store, "Cubic Corporation", "2026-12-01")[ECL][:3] == ("in_force", "2026-12-01", "MOFCOM-2026-277")
    titles = _titles(store, "2026-12-05", ECL)
    assert {f"{ECL}/lifted/ecl/2026-12-01", f"{ECL}/restored/ecl/2026-12-01"} <= set(titles)
    # said (a note, failing nothing): which of two contradicting notices of one day is followed
    assert [n for n in store.notes("2026-12-05") if "take different steps" in n] == [
        "MOFCOM-2025-21: MOFCOM-2026-276 and MOFCOM-2026-277 take different steps on cubic the same day (2026-12-01): "
        "lifted and in_force; MOFCOM-2026-277's, the later, is followed: a person should read both"]


def test_an_answer_stopping_the_measures_then_a_notice_removing_the_company(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "qa_then_notice")
    assert _lists(store, "Cubic Corporation", "2026-11-20")[ECL] == (
        "lapsed", "2026-11-11", "QA-2025-11-05-68a81f8d", "lifted", "2026-12-01")  # through 11-10 (lapse43)
    # A: read after No. 278 came, the answer of that day decided ("lifted … by QA-2026-11-20-…"), the removal lost
    assert _lists(store, "Cubic Corporation", "2026-11-28")[ECL][3:] == ("removed", "2026-12-01")
    assert _lists(store, "Cubic Corporation", "2026-12-01")[ECL] == (
        "removed", "2026-12-01", "MOFCOM-2026-278", None, None)
    assert row(store, "2026-12-05", ECL, "cubic")["state"] == "removed"
    titles = _titles(store, "2026-12-05", ECL)
    assert {f"{ECL}/lifted/ecl/2026-12-01", f"{ECL}/removed/ecl/2026-12-01"} <= set(titles)


def test_an_answer_confirmed_by_a_notice_of_the_same_step_is_one_item(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "qa_confirmed")
    assert _lists(store, "Cubic Corporation", "2026-12-01")[ECL][:3] == ("lifted", "2026-12-01", "MOFCOM-2026-278")
    recent = {i for i in _titles(store, "2026-12-05", ECL) if i.split("/")[3] >= "2026-11-12"}  # after the lapse (11-11)
    assert recent == {f"{ECL}/lifted/ecl/2026-12-01"}


def test_a_withdrawal_is_held_for_a_person_loudly(stores: dict[str, Store],
                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "withdrawn")
    assert any("撤回" in p for p in _said(store, "2026-12-05", "MOFCOM-2026-280"))


def test_taken_off_the_uel_and_kept_on_the_ecl(stores: dict[str, Store],
                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "uel_off_ecl_kept")
    assert _lists(store, "Skydio Inc.", "2026-11-30")[UEL][3:] == ("removed", "2026-12-01")
    got = _lists(store, "Skydio Inc.", "2026-12-01")
    assert {k: v[:2] for k, v in got.items()} == {
        UEL: ("removed", "2026-12-01"), "MOFCOM-2026-246": ("in_force", "2026-11-16"), MFA: ("in_force", "2024-10-10")}


def test_a_merger_carrying_the_measures_to_another_company_is_not_read_as_nothing(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "merged")
    # A: No. 281 was stored as a notice with no step ("0/1"), nothing said, status clean of it
    said = _said(store, "2026-11-30", "MOFCOM-2026-281")
    assert said and "合并" in said[0]


def test_an_mfa_lift_naming_the_decision_by_its_date(stores: dict[str, Store],
                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "mfa_date_only")
    assert _lists(store, "Edge Autonomy Operations LLC", "2026-11-30")[MFA][:2] == ("in_force", "2024-10-10")
    got = _lists(store, "Edge Autonomy Operations LLC", "2026-12-01")
    assert got[MFA][:3] == ("lifted", "2026-12-01", "MFA-ORDER-2026-63")
    assert got[ECL][:2] == ("lapsed", "2026-11-11")  # through 11-10 (lapse43)
    assert _lists(store, "Skydio Inc.", "2026-12-01")[MFA][:2] == ("in_force", "2024-10-10")


def test_a_restore_told_after_the_lapse_from_the_lapse_day(stores: dict[str, Store],
                                                           tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "backdated_restore")
    # lapsed from 11-11, the day after the year's last day (lapse43); the notice's own day, 11-10, kept for its restore
    assert _lists(store, "Skydio Inc.", "2026-11-30")[UEL][:2] == ("lapsed", "2026-11-11")
    assert _lists(store, "Skydio Inc.", "2026-12-01")[UEL][:3] == ("in_force", "2026-11-10", "UEL-2026-25")
    assert f"{UEL}/suspension_lapsed/uel/2026-11-11" in _titles(store, "2026-11-30", UEL)
    titles = _titles(store, "2026-12-01", UEL)
    assert f"{UEL}/suspension_lapsed/uel/2026-11-11" not in titles
    assert titles[f"{UEL}/restored/uel/2026-11-10"].endswith("back in force from 2026-11-10")


def test_a_live_store_that_told_the_lapse_says_the_restore_replaced_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"  # (``replayed``'s)
    for day, prefixes in (("2026-11-11", ("b",)), ("2026-12-01", ("r1-",))):
        part = tmp_path / f"pages-{day}"
        part.mkdir()
        for page in sorted((DATA / "backdated_restore").iterdir()):
            if page.name.startswith(prefixes):
                shutil.copy(page, part / page.name)
        replayed(tmp_path, part, f"{day}T10:00:00+00:00", today=day)
        done = invoke(db, "feeds", "--out", str(tmp_path / "out"), env={"MOFCOM_WATCH_TODAY": day})
        assert done.exit_code in (0, 1), done.output
    items = json.loads((tmp_path / "out" / "all.json").read_text(encoding="utf-8"))["items"]
    titles = {i["id"][len(TAG):]: i["title"] for i in items}
    # story41's B, decided in session 41: "Retracted: … restored earlier", its summary "did not come back in force on
    # 2026-11-10", said otherwise than the restore from that very day. Since lapse43 the year runs through 11-10 and lapses
    # on 11-11, and the notice's restore from 11-10 (its own day, kept) is a day earlier: "restored earlier" is true now,
    # and the summary says the measures were back from 11-10, before the lapse, never that they were not
    lapse = titles[f"{UEL}/suspension_lapsed/uel/2026-11-11/correction/1"]
    assert lapse.startswith("Retracted: Suspension lapsed") and lapse.endswith(": restored earlier (UEL-2026-25)")
    summary = {i["id"][len(TAG):]: i["content_html"] for i in items}[f"{UEL}/suspension_lapsed/uel/2026-11-11/correction/1"]
    assert "did not come back in force" not in summary and "back in force from 2026-11-10, before 2026-11-11" in summary
    assert titles[f"{UEL}/restored/uel/2026-11-10"].endswith("back in force from 2026-11-10")


def test_an_answer_ends_a_suspension_early_from_a_day_before_it(stores: dict[str, Store],
                                                                tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "early_end_qa")
    assert _lists(store, "Skydio Inc.", "2026-12-02")[UEL][:2] == ("suspended", "2026-11-10")
    assert _lists(store, "Skydio Inc.", "2026-12-03")[UEL][:3] == ("in_force", "2026-12-01", "QA-2026-12-03-3d525cbd")
    assert f"{UEL}/restored/uel/2026-12-01" in _titles(store, "2026-12-03", UEL)


def test_the_state_pictures_say_an_investigation_closed_not_lifted(stores: dict[str, Store],
                                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "inv_closed")
    assert row(store, "2026-12-05", "UEL-2024-3")["state"] == "lifted"  # the state; its words say what it is
    out = store.feeds("2026-12-05")
    for picture in (out / "uel.svg", out / "entity" / "pvh.svg"):
        svg = picture.read_text(encoding="utf-8")
        # A: the row's heading, tooltip and segment said "lifted" (PVH read as delisted while 〔2025〕4号 lists it)
        assert "1 entity: investigation closed (not a listing) on 2026-12-05" in svg, picture
        assert "investigation closed (not a listing), from 2026-12-05" in svg, picture
        assert " · lifted<" not in svg and "lifted on 2026-12-05" not in svg, picture
    assert 'mw-now"> · in force<' in (out / "uel.svg").read_text(encoding="utf-8")  # 〔2025〕4号 stays in force
    before = (store.feeds("2026-12-04") / "entity" / "pvh.svg").read_text(encoding="utf-8")
    assert "investigation (not a listing) on 2026-12-04" in before


@pytest.mark.parametrize("name", ["same_day", "qa_then_notice"])
def test_the_same_pages_in_another_order_give_the_same_items(name: str, stores: dict[str, Store],
                                                             tmp_path_factory: pytest.TempPathFactory,
                                                             tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, name)
    again = replayed_in_halves(tmp_path, DATA / name, FETCHED, today=TODAY)  # the later half of the pages first
    extra = {i for i in ids(again.items(LAST)) - ids(store.items(LAST)) if "/unresolved_reference/" in i}
    assert {i["id"]: i["title"] for i in again.items(LAST) if i["id"] not in extra} == {
        i["id"]: i["title"] for i in store.items(LAST)}
    assert again.status("2026-12-05")[ECL] == store.status("2026-12-05")[ECL]
