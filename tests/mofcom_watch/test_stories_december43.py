"""December 2026, round 4, as an officer reads it (session 42, story43's stories, /work/s42/story43-cases/): the real texts of
ECL 2025 No. 21, UEL 〔2025〕7号, MFA order No. 13, 2024 No. 46, 2025 No. 72, MOFCOM orders 2025 No. 6 and 7 and the 2025
Q&As, then steps composed in the official wording, replayed with the real ``replay`` (one real process) into a real SQLite file
per folder of tests/data/stories43/ (some fed to a live store day by day), read back with ``status``, ``timeline``, ``feeds``
and ``evidence`` on the days before, of and after each step. ``MOFCOM_WATCH_TODAY`` 2027-01-31 (2028-01-31 for 2027's ends).

lapse72_backdated   No. 72's suspension of No. 46 clause 2 (to 2026-11-27 inclusive) lapses with no word; an answer of 12-03
                    "…的期限已于11月27日届满。…自2026年11月28日起，继续暂停实施…第二款，暂停期限为1年": suspended from 11-28, no
                    gap; a live store retracts the lapse item it published on 11-28 (on 12-03, with the step's name).
lapse72_notice_backdated  the same by a numbered notice (No. 309, 12-04, "自2026年11月28日起至2027年11月27日，继续暂停…").
lapse72_late        the same answer with no start day ("已于11月27日届满…继续暂停实施…暂停期限为1年"): in force as presumed from
                    11-28 to 12-02, suspended from 12-03 to the old end + 1 year (session 24's P7 reading); the lapse stands.
lapse72_unread      the answer with no decision word ("…已于11月27日届满，继续暂停实施…第二款，暂停期限为1年"). A: dropped as an answer
                    about nothing (its title names no list), the lapse "presumed back in force", exit 0: now held for a person.
lapse72_restart     "自2026年12月3日起，继续暂停…1年": lapsed 11-28 to 12-02, suspended 12-03 to 2027-12-03.
lapse72_restored    No. 307 (12-03) "上述暂停期限已届满。…自2026年12月10日起，恢复实施…第二款": presumed 11-28, in force by
                    No. 307 from 12-10 (said on 12-03).
uel_backdated_live  UEL 7号 lapsed 11-10; an answer of 11-20 "…已于11月10日届满。…继续暂停实施上述措施，暂停期限为1年".
one_list_restored   two answers of 12-01: UEL 7号 restored from 12-05, ECL No. 21 (also "4月4日公告") suspended a year from 12-05.
lift_then_listed    No. 301 (11-26) stops all of No. 21 from 12-01; No. 306 (12-10) lists Cubic again: two listings.
qa_before_notice    an answer of 12-03 suspends No. 302 (12-01) from 12-05 for 90 days; fetched before No. 302 in a live store.
english_restore     UEL 〔2026〕33号 restores "Skydio Inc.、BRINC Drones, Inc.、Insitu, Inc.等3家美国实体" (English names alone):
                    held for a person, loud (B); never all 11. Read since session 44 (story45): those 3 restored, the 8 others lapsed.
english_unknown     the same with a name on no list ("Raptor Swarm Dynamics, Inc."): loud; Skydio restored (session 44).
english_page        the English version of such an answer alone: news "reported, not yet confirmed", no state changes.
two_numbers         商务部令2026年第10号 and 商务部公告2026年第308号 (11-20) both restore order 2025 No. 6 from 12-01: in force
                    from 12-01, one item per decree (builder._own_id), no problem.
mfa_own_end_on_ecl  MFA order 65 (12-01) ends order 13's countermeasure on Edge Autonomy from 12-05; its ECL No. 21 listing
                    (suspended to 2027-11-10) is untouched.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.mofcom_watch.stories import (
    REPO,
    TAG,
    Store,
    cached,
    invoke,
    item_titles,
    live,
    own_problems,
    per_notice,
    pooled,
    replayed,
    row,
    state,
    watchlist_items,
)

DATA = REPO / "tests" / "data" / "stories43"
TODAY = "2027-01-31"
FETCHED = "2027-01-15T00:00:00+00:00"
ECL, UEL, MFA, N46 = "MOFCOM-2025-21", "UEL-2025-7", "MFA-ORDER-2024-13", "MOFCOM-2024-46"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str, today: str = TODAY) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, today, "s43")


# No. 72 (No. 46 clause 2), lapsed and then continued


def test_72_lapses_with_no_word_then_an_answer_continues_it_from_the_day_after_its_end(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "lapse72_backdated", today="2028-01-31")
    answer = "QA-2026-12-03-687a9ee6"
    assert state(store, "2026-11-27", N46) == ("suspended", "2025-11-09", "2026-11-27")
    for day in ("2026-11-28", "2026-12-02"):  # read on those days: nothing said yet, presumed back in force
        got = row(store, day, N46)
        assert (got["state"], got["since"], got["presumed"], got["scope"]) == ("lapsed", "2026-11-28", True, "clause 2")
    for day in ("2026-12-03", "2027-11-27"):
        got = row(store, day, N46)
        assert (got["state"], got["since"], got["until"], got["by"], got["presumed"]) == (
            "suspended", "2026-11-28", "2027-11-28", answer, False)
    assert state(store, "2027-11-29", N46) == ("lapsed", "2027-11-29", None)
    titles = item_titles(store, "2026-12-05", N46)
    assert titles[f"{N46}/suspension_extended/items/2026-11-28"].startswith(
        "Suspension extended: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) until 2027-11-28")
    assert f"{N46}/suspension_lapsed/items/2026-11-28" not in titles  # built from scratch: it never lapsed
    assert not [p for p in own_problems(store, "2026-12-05") if "2024-46" in p or "2026-12-03" in p]


def test_72_a_reader_day_by_day_sees_the_lapse_then_its_retraction(tmp_path: Path) -> None:
    pages = {"2026-11-01": ("b", "k1", "k2"), "2026-12-03": ("k3",)}
    days = ["2026-11-20", "2026-11-21", "2026-11-27", "2026-11-28", "2026-11-29", "2026-12-02", "2026-12-03", "2026-12-04"]
    seen, now = live(tmp_path, DATA / "lapse72_backdated", pages, days, N46)
    lapse = f"{N46}/suspension_lapsed/items/2026-11-28"
    assert seen[lapse] == "2026-11-28" and seen[f"{N46}/suspension_ends_soon/items/2026-11-21"] == "2026-11-21"
    assert seen[f"{lapse}/correction/1"] == "2026-12-03" and lapse not in now
    assert now[f"{lapse}/correction/1"]["title"].startswith("Retracted: Suspension lapsed: item controls of 商务部公告2024年第46号")
    assert "QA-2026-12-03-687a9ee6" in now[f"{lapse}/correction/1"]["content_html"]
    assert seen[f"{N46}/suspension_extended/items/2026-11-28"] == "2026-12-03"


def test_72_a_notice_continuing_it_backdated_read_day_by_day(tmp_path: Path) -> None:
    pages = {"2026-11-01": ("b", "k1", "k2"), "2026-12-04": ("k3",)}
    days = ["2026-11-21", "2026-11-28", "2026-12-03", "2026-12-05", "2027-10-29", "2027-11-21", "2027-11-27", "2027-11-28"]
    seen, now = live(tmp_path, DATA / "lapse72_notice_backdated", pages, days, N46)
    lapse = f"{N46}/suspension_lapsed/items/2026-11-28"
    assert (seen[lapse], seen[f"{lapse}/correction/1"]) == ("2026-11-28", "2026-12-04")
    assert now[f"{lapse}/correction/1"]["title"].endswith(": the suspension goes on (MOFCOM-2026-309)")
    assert now[f"{N46}/suspension_extended/items/2026-11-28"]["title"].endswith("until 2027-11-27 inclusive")
    assert (seen[f"{N46}/suspension_ends_soon/items/2027-10-29"], seen[f"{N46}/suspension_ends_soon/items/2027-11-21"],
            seen[f"{N46}/suspension_lapsed/items/2027-11-28"]) == ("2027-10-29", "2027-11-21", "2027-11-28")


def test_72_continued_after_its_end_with_no_start_day(stores: dict[str, Store],
                                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    """"已于11月27日届满…继续暂停…暂停期限为1年", no day: from the answer's day, to the old end + 1 year (session 24's P7
    reading of an extension told after the lapse); the days between stay lapsed, presumed, and the lapse item stands."""
    store = _get(stores, tmp_path_factory, "lapse72_late", today="2028-01-31")
    assert row(store, "2026-12-02", N46)["state"] == "lapsed"
    got = row(store, "2026-12-03", N46)
    assert (got["state"], got["since"], got["until"], got["presumed"]) == ("suspended", "2026-12-03", "2027-11-27", False)
    assert state(store, "2027-11-28", N46) == ("lapsed", "2027-11-28", None)
    ids = set(item_titles(store, "2026-12-05", N46))
    assert {f"{N46}/suspension_lapsed/items/2026-11-28", f"{N46}/suspension_extended/items/2026-12-03"} <= ids


def test_72_an_answer_going_on_after_the_end_with_no_decision_word_is_held(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """A: the answer was stored as no notice (``other``), status and review silent, the lapse shown as presumed: now the
    page is held for a person (review lists it, status exits 1); nothing is read from it, so No. 46 stays as it was."""
    store = _get(stores, tmp_path_factory, "lapse72_unread")
    done = invoke(store.db, "review", "--json", env=store.env)
    (held,) = json.loads(done.stdout)["needs_review"]
    assert held["url"].endswith("k3-qa-2026-12-03-items-72-no-decision.txt") and "a step after a term's end" in held["why"]
    assert invoke(store.db, "status", "--as-of", "2026-12-05", env=store.env).exit_code == 1
    assert row(store, "2026-12-05", N46)["state"] == "lapsed"  # not read: a person says what it does


def test_72_suspended_again_from_a_later_day(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "lapse72_restart", today="2028-01-31")
    assert row(store, "2026-12-02", N46)["presumed"] is True
    assert state(store, "2026-12-03", N46) == ("suspended", "2026-12-03", "2027-12-03")
    assert state(store, "2027-12-02", N46)[0] == "suspended"
    assert state(store, "2027-12-04", N46) == ("lapsed", "2027-12-04", None)
    assert {f"{N46}/suspension_lapsed/items/2026-11-28", f"{N46}/suspension_extended/items/2026-12-03",
            f"{N46}/suspension_lapsed/items/2027-12-04"} <= set(item_titles(store, "2027-12-05", N46))  # 1年 through 12-03 (lapse43)


def test_72_restored_by_a_notice_from_a_later_day(stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "lapse72_restored")
    got = row(store, "2026-12-03", N46)
    assert (got["state"], got["presumed"], got["next_state"], got["next_from"]) == ("lapsed", True, "in_force", "2026-12-10")
    assert (row(store, "2026-12-09", N46)["state"], row(store, "2026-12-10", N46)["state"]) == ("lapsed", "in_force")
    got = row(store, "2026-12-10", N46)
    assert (got["since"], got["by"], got["presumed"], got["scope"]) == ("2026-12-10", "MOFCOM-2026-307", False, "clause 2")
    titles = item_titles(store, "2026-12-05", N46)  # announced on 12-03 for 12-10
    assert titles[f"{N46}/restored/items/2026-12-10"] == (
        "Restored: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) back in force from 2026-12-10")
    assert f"{N46}/suspension_lapsed/items/2026-11-28" in titles


# the lists


def test_a_uel_suspension_continued_after_its_lapse_with_no_start_day(tmp_path: Path) -> None:
    """A live store: the lapse item of 11-10 stands (the measures in force as presumed until the answer's day), the
    extension of 11-20 runs to the old end + 1 year."""
    seen, now = live(tmp_path, DATA / "uel_backdated_live", {"2026-11-01": ("b",), "2026-11-20": ("u1",)},
                      ["2026-11-04", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-19", "2026-11-21"], UEL)
    assert seen[f"{UEL}/suspension_lapsed/uel/2026-11-11"] == "2026-11-11"  # the day after the year's last (lapse43)
    assert f"{UEL}/suspension_lapsed/uel/2026-11-11" in now
    assert now[f"{UEL}/suspension_extended/uel/2026-11-20"]["title"].endswith("(UEL-2025-7) until 2027-11-10 inclusive")


def test_one_list_restored_the_other_suspended_again(stores: dict[str, Store],
                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    """Two answers of 12-01 on two "4月4日公告": UEL 7号 restored, ECL No. 21 suspended a year, each from 12-05."""
    store = _get(stores, tmp_path_factory, "one_list_restored")
    uel, ecl = "QA-2026-12-01-3d525cbd", "QA-2026-12-01-68a81f8d"
    assert per_notice(store, "Skydio Inc.", "2026-12-04")[UEL] == ("lapsed", "2026-11-11", None, "QA-2025-11-05-3d525cbd",
                                                               "in_force", "2026-12-05")
    assert per_notice(store, "Cubic Corporation", "2026-12-04")[ECL][4:] == ("suspended", "2026-12-05")
    got = per_notice(store, "Skydio Inc.", "2026-12-05")  # (and in force on MFA order 13, untouched)
    assert got == {UEL: ("in_force", "2026-12-05", None, uel, None, None), MFA: ("in_force", "2024-10-10", None, MFA, None, None)}
    assert per_notice(store, "Cubic Corporation", "2026-12-05")[ECL][:4] == ("suspended", "2026-12-05", "2027-12-05", ecl)
    assert per_notice(store, "Insitu Inc.", "2027-12-05")[UEL][0] == "in_force"
    assert state(store, "2027-12-06", ECL) == ("lapsed", "2027-12-06", None)
    assert f"{UEL}/restored/uel/2026-12-05" in item_titles(store, "2026-12-05", UEL)
    assert f"{ECL}/suspension_extended/ecl/2026-12-05" in item_titles(store, "2026-12-05", ECL)
    assert not [i for i in item_titles(store, "2026-12-05", ECL) if "/restored/" in i]


def test_a_whole_notice_lifted_then_one_of_its_companies_listed_again(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "lift_then_listed")
    late = "QA-2026-11-20-68a81f8d"
    assert per_notice(store, "Cubic Corporation", "2026-11-30") == {
        ECL: ("suspended", "2026-11-20", "2027-11-10", late, "lifted", "2026-12-01")}
    for day in ("2026-12-01", "2026-12-09"):
        assert per_notice(store, "Cubic Corporation", day) == {ECL: ("lifted", "2026-12-01", None, "MOFCOM-2026-301", None, None)}
    assert per_notice(store, "Cubic Corporation", "2026-12-10") == {
        ECL: ("lifted", "2026-12-01", None, "MOFCOM-2026-301", None, None),
        "MOFCOM-2026-306": ("in_force", "2026-12-10", None, "MOFCOM-2026-306", None, None)}
    assert per_notice(store, "High Point Aerotechnologies", "2026-12-10") == {
        ECL: ("lifted", "2026-12-01", None, "MOFCOM-2026-301", None, None)}
    assert f"{ECL}/lifted/ecl/2026-12-01" in item_titles(store, "2026-12-10", ECL)
    assert item_titles(store, "2026-12-10", "MOFCOM-2026-306") == {
        "MOFCOM-2026-306/imposed/ecl/2026-12-10": "Imposed: Cubic Corporation on the export control list (MOFCOM-2026-306) "
                                                  "from 2026-12-10"}
    cubic = {i["id"][len(TAG):] for i in store.items("2026-12-10", "entity/cubic")}
    assert {f"{ECL}/lifted/ecl/2026-12-01/cubic", "MOFCOM-2026-306/imposed/ecl/2026-12-10/cubic"} <= cubic


def test_a_suspension_whose_answer_is_fetched_before_its_notice(stores: dict[str, Store],
                                                                 tmp_path_factory: pytest.TempPathFactory,
                                                                 tmp_path: Path) -> None:
    store = _get(stores, tmp_path_factory, "qa_before_notice")
    key, answer = "MOFCOM-2026-302", "QA-2026-12-03-68a81f8d"
    assert state(store, "2026-12-04", key) == ("in_force", "2026-12-01", None)
    assert row(store, "2026-12-03", key)["next_from"] == "2026-12-05"
    got = row(store, "2026-12-05", key)
    assert (got["state"], got["until"], got["by"]) == ("suspended", "2027-03-05", answer)
    assert state(store, "2027-03-06", key) == ("lapsed", "2027-03-06", None)
    assert not own_problems(store, "2026-12-05")
    # live: the answer alone on 12-03 (unresolved, loud), the notice on 12-04
    seen, now = live(tmp_path, DATA / "qa_before_notice", {"2026-11-01": ("b",), "2026-12-03": ("a0",), "2026-12-04": ("z9",)},
                      ["2026-12-05", "2026-12-06"], None)
    unresolved = f"{answer}/unresolved_reference/ecl/2026-12-05/{key}"
    assert seen[unresolved] == "2026-12-03" and seen[f"{unresolved}/correction/1"] == "2026-12-04"
    assert now[f"{unresolved}/correction/1"]["title"].startswith("Resolved: ")
    assert seen[f"{key}/suspended/ecl/2026-12-05"] == "2026-12-04"
    assert now[f"{key}/suspended/ecl/2026-12-05"]["date_published"][:10] == "2026-12-03"


def test_a_restore_naming_companies_by_english_names_alone(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """"对Skydio Inc.、BRINC Drones, Inc.、Insitu, Inc.等3家美国实体恢复实施…7号相关措施" was not read (the names' commas ended
    the clause): held as an unresolved step (story43/44's B). Read since session 44 (story45, ``actions.targets.LATIN_OBJECT_RE``):
    the 3 restored from 12-10, the 8 others lapsed, no problem; never all 11. A name on no list stays loud (a problem) while
    the one found is restored."""
    store = _get(stores, tmp_path_factory, "english_restore")
    assert state(store, "2026-12-10", UEL, "skydio") == ("in_force", "2026-12-10", None)
    assert set(row(store, "2026-12-10", UEL, "skydio")["entity_keys"]) == {"skydio", "brincdrones", "insitu"}
    assert state(store, "2026-12-10", UEL, "havocai") == ("lapsed", "2026-11-11", None)
    assert not [p for p in own_problems(store, "2026-12-10") if p.startswith("UEL-2026-33: ")]
    assert {i for i in item_titles(store, "2026-12-10", UEL) if "/restored/" in i and i.count("/") == 3} == {
        f"{UEL}/restored/uel/2026-12-10"}
    store = _get(stores, tmp_path_factory, "english_unknown")
    assert state(store, "2026-12-10", UEL, "skydio") == ("in_force", "2026-12-10", None)
    assert state(store, "2026-12-10", UEL, "insitu") == ("lapsed", "2026-11-11", None)
    assert "UEL-2026-34: entities raptorswarmdynamics are not on UEL-2025-7" in own_problems(store, "2026-12-10")


def test_an_english_answer_alone_is_news_not_a_step(stores: dict[str, Store],
                                                    tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "english_page")
    (news,) = store.items("2026-12-10", "news")
    assert news["title"].startswith("News (reported, not yet confirmed): MOFCOM Spokesperson Answers"), news["title"]
    assert state(store, "2026-12-10", UEL) == ("lapsed", "2026-11-11", None)


def test_one_step_published_as_an_order_and_as_an_announcement(stores: dict[str, Store],
                                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "two_numbers")
    key = "MOFCOM-ORDER-2025-6"
    assert state(store, "2026-11-11", key) == ("lapsed", "2026-11-11", None)
    assert row(store, "2026-11-20", key)["next_from"] == "2026-12-01"
    got = row(store, "2026-12-01", key)
    assert (got["state"], got["since"], got["presumed"], len(got["entity_keys"])) == ("in_force", "2026-12-01", False, 5)
    ids = set(item_titles(store, "2026-12-05", key))
    assert {i for i in ids if "/restored/" in i} == {f"{key}/restored/countermeasure/2026-12-01",
                                                     f"{key}/restored/countermeasure/2026-12-01/by/MOFCOM-ORDER-2026-10"}
    assert not own_problems(store, "2026-12-05")


def test_an_mfa_decision_ends_its_own_countermeasure_on_a_company_on_the_ecl(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "mfa_own_end_on_ecl")
    late = ("suspended", "2026-11-20", "2027-11-10", "QA-2026-11-20-68a81f8d")
    got = per_notice(store, "Edge Autonomy Operations LLC", "2026-12-04")
    assert got[MFA] == ("in_force", "2024-10-10", None, MFA, "lifted", "2026-12-05") and got[ECL][:4] == late
    got = per_notice(store, "Edge Autonomy Operations LLC", "2026-12-05")
    assert got[MFA] == ("lifted", "2026-12-05", None, "MFA-ORDER-2026-65", None, None) and got[ECL][:4] == late
    assert per_notice(store, "Skydio Inc.", "2026-12-05")[MFA][0] == "in_force"  # the order's other company
    assert item_titles(store, "2026-12-05", MFA)[f"{MFA}/lifted/countermeasure/2026-12-05"] == (
        "Lifted: Edge Autonomy Operations LLC on the MFA countermeasure list (MFA-ORDER-2024-13) from 2026-12-05")
    assert not [i for i in item_titles(store, "2026-12-05", ECL) if "2026-12" in i]


def test_evidence_and_timeline_agree_for_each_company_each_day(stores: dict[str, Store],
                                                              tmp_path_factory: pytest.TempPathFactory,
                                                              tmp_path: Path) -> None:
    for folder, name, days in (("lift_then_listed", "Cubic Corporation", ("2026-11-30", "2026-12-01", "2026-12-10")),
                               ("mfa_own_end_on_ecl", "Edge Autonomy Operations LLC", ("2026-12-04", "2026-12-05"))):
        store = _get(stores, tmp_path_factory, folder)
        for day in days:
            pack = tmp_path / f"{folder}-{day}.zip"
            done = invoke(store.db, "evidence", name, "--out", str(pack), "--as-of", day, env=store.env)
            assert done.exit_code in (0, 1), done.output
            with zipfile.ZipFile(pack) as z:
                (member,) = [m for m in z.namelist() if m.endswith("timeline.json")]
                packed = json.loads(z.read(member))
            said = {e["notice_key"]: e["state"] for e in store.timeline(name, day)["listings"]}
            assert {e["notice_key"]: e["state"] for e in packed["listings"]} == said, (name, day)
            assert invoke(store.db, "evidence", "--verify", str(pack), env=store.env).exit_code == 0


def test_a_watchlist_of_ten_across_these_stories(tmp_path: Path) -> None:
    """One store holding lapse72_backdated, lift_then_listed, qa_before_notice, two_numbers and mfa_own_end_on_ecl (their
    pages do not cross), ten counterparties watched (one on no list): the watchlist feed holds items of exactly the nine
    listed, each of a company's lists."""
    pages = pooled(tmp_path, DATA, ("lapse72_backdated", "lift_then_listed", "qa_before_notice", "two_numbers", "mfa_own_end_on_ecl"))
    store = replayed(tmp_path, pages, FETCHED, today=TODAY)
    names = ("Cubic Corporation", "High Point Aerotechnologies", "Edge Autonomy Operations LLC", "Skydio Inc.",
             "Insitu, Inc.", "Hanwha Philly Shipyard Inc.", "Anduril Maritime, LLC", "Polaris Radar Systems",
             "Red Six Solutions", "Acme Quantum Widgets LLC")
    items = watchlist_items(store, names, "2026-12-10", tmp_path)
    assert {i["id"][len(TAG):].split("/")[4] for i in items} == {
        "cubic", "highpointaerotechnologies", "edgeautonomyoperations", "skydio", "insitu", "hanwhaphillyshipyard",
        "andurilmaritime", "polarisradarsystems", "redsixsolutions"}
    got = {i["id"][len(TAG):] for i in items}
    assert {f"{ECL}/lifted/ecl/2026-12-01/cubic", "MOFCOM-2026-306/imposed/ecl/2026-12-10/cubic",
            f"{MFA}/lifted/countermeasure/2026-12-05/edgeautonomyoperations", f"{ECL}/lifted/ecl/2026-12-01/edgeautonomyoperations",
            "MOFCOM-ORDER-2025-6/restored/countermeasure/2026-12-01/hanwhaphillyshipyard",
            "MOFCOM-2026-302/suspended/ecl/2026-12-05/andurilmaritime"} <= got
