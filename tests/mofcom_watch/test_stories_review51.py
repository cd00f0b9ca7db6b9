"""review51 (session 46): story46's rule "an answer set against a notice's step, the notice decides"
(``storage.lifecycle.collect._restated``), read line by line, met two stories it did not foresee. Each folder of
tests/data/stories-review51 is replayed by a real process into a real SQLite store and read back through the CLI.

two_answers_lift_day_moved_by_notice      No. 337 (10-09) lists 2 US companies; an answer of 12-02 and one of 12-03 (a press
                                          conference saying it again) "自2026年12月10日起，停止实施商务部公告2026年第337号相关措施";
                                          No. 366 (12-09) "自2026年12月15日起，停止执行…". A (fixed): each answer's lift counted the
                                          other as a step between the two days (``_on_another_day``), so both stood: lifted since
                                          12-10, five days early, no problem (story46's fix undone by a second answer).
later_answer_continues_past_auto_restore  No. 250 (2026-11-20) "继续暂停…至2027年11月20日，期满后自动恢复实施" (a restore step on
                                          2027-11-21); an answer of 2027-11-15 "自2027年11月21日起，继续暂停实施…第21号相关措施，暂停期限
                                          为1年". A (fixed): b8e09a91 took the later answer for one the notice contradicts and
                                          dropped it: No. 21 "in force since 2027-11-21" with a "Restored" item, the problem
                                          calling the notice the one followed (before b8e09a91: suspended, but a false "Restored"
                                          item beside "Suspension extended" and a problem "extends a suspension … not in place").
                                          Now the later word is followed: suspended to 2028-11-21, no restore item, a note.
later_answer_suspends_what_a_notice_lifts No. 360 (12-01) lifts No. 337 from 12-10, an answer of 12-05 suspends it from 12-10:
                                          not the scheduled restore above, so the notice followed, a problem (the first
                                          version of the fix dropped the notice's lift with a note: suspended, then lapsed).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, dated, own_problems, per_notice, row

DATA = REPO / "tests" / "data" / "stories-review51"
TODAY = "2029-01-01"
FETCHED = "2028-06-01T00:00:00+00:00"
LAST = "2028-12-31"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def _get(stores: dict[str, Store], factory: pytest.TempPathFactory, name: str) -> Store:
    return cached(stores, factory, DATA / name, FETCHED, TODAY, "r51")


def _state(got: dict[str, Any]) -> tuple[Any, ...]:
    return got["state"], got["since"], got["until"], got["by"]


def test_a_second_answer_repeating_the_lift_does_not_undo_the_notice_s_day(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "two_answers_lift_day_moved_by_notice")
    name, key = "Silver Fir Electronics Inc.", "MOFCOM-2026-337"
    for day in ("2026-12-10", "2026-12-14"):
        assert per_notice(store, name, day)[key][:4] == ("in_force", "2026-10-09", None, key), day
    assert per_notice(store, name, "2026-12-15")[key][:4] == ("lifted", "2026-12-15", None, "MOFCOM-2026-366")
    said = sorted(p for p in own_problems(store, "2026-12-15") if "otherwise than MOFCOM-2026-366" in p)
    assert [p.split(":")[0] for p in said] == ["QA-2026-12-02-f8b39082", "QA-2026-12-03-f8b39082"], said
    assert all("from 2026-12-10 lifted, otherwise than MOFCOM-2026-366 (lifted from 2026-12-15)" in p for p in said)
    got = dated(store, LAST, key)
    assert f"{key}/lifted/ecl/2026-12-10" not in got and got[f"{key}/lifted/ecl/2026-12-15"] == "2026-12-09", got


def test_an_answer_published_after_a_notice_s_restore_continues_the_suspension(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = _get(stores, tmp_path_factory, "later_answer_continues_past_auto_restore")
    key, answer = "MOFCOM-2025-21", "QA-2027-11-15-30b177df"
    before = row(store, "2027-11-14", key)  # the answer not published yet: the notice's restore is what is known
    assert _state(before) == ("suspended", "2026-11-21", "2027-11-20", "MOFCOM-2026-250")
    assert (before["next_state"], before["next_from"]) == ("in_force", "2027-11-21")
    assert _state(row(store, "2027-11-20", key)) == ("suspended", "2026-11-21", "2027-11-20", "MOFCOM-2026-250")
    for day in ("2027-11-21", "2028-11-21"):
        assert _state(row(store, day, key)) == ("suspended", "2027-11-21", "2028-11-21", answer), day
    assert _state(row(store, "2028-11-22", key)) == ("lapsed", "2028-11-22", None, answer)
    assert not [p for p in own_problems(store, "2027-12-01") if key in p], own_problems(store, "2027-12-01")
    assert [n for n in store.notes("2027-12-01") if "superseded by" in n] == [
        f"MOFCOM-2026-250: its step on {key} from 2027-11-21 (in_force) is superseded by {answer}, published later "
        "(suspended, until 2028-11-21), which is followed"]
    got = dated(store, LAST, key)
    assert f"{key}/restored/ecl/2027-11-21" not in got, got
    assert got[f"{key}/suspension_extended/ecl/2027-11-21"] == "2027-11-15", got


def test_a_later_answer_against_a_notice_s_own_lift_is_said_not_followed_quietly(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """No. 360 (12-01) lifts No. 337 from 12-10; an answer of 12-05 suspends it for a year from 12-10. Only a restore a notice
    set for its suspension's lapse gives way to a later answer (``collect._superseded_by_later_answer``, the story above):
    a notice's own lift, dropped for the later answer with a note alone, left No. 337 suspended, then lapsed and presumed
    back in force on 2027-12-11 (review51's first version). The notice is followed, and the problem says the answer says
    otherwise (as for an answer published before it; session 47, probe47: the answer's own step was still kept, which a
    later answer lifting what a notice suspends made the state, silently): lifted since 12-10 by No. 360."""
    store = _get(stores, tmp_path_factory, "later_answer_suspends_what_a_notice_lifts")
    key = "MOFCOM-2026-337"
    for day in ("2026-12-10", "2027-12-11"):
        assert _state(row(store, day, key)) == ("lifted", "2026-12-10", None, "MOFCOM-2026-360"), day
    assert [p for p in own_problems(store, "2026-12-10") if p.startswith("QA-2026-12-05-f8b39082: it says of MOFCOM-2026-337")
            and "otherwise than MOFCOM-2026-360 (lifted), the notice, which is followed" in p]
    assert not [n for n in store.notes("2026-12-10") if "superseded by" in n]
