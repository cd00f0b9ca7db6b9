"""Session 20's lifecycle story (mfa20): MFA decisions that lift ONE measure of an earlier countermeasure decision
("停止实施…中对X采取的冻结财产措施", "…中的禁止交易、合作措施。该决定规定的冻结财产措施继续实施"). Replayed with the real
``replay`` (one real process) into a real SQLite file and read back with ``status``, ``timeline`` and ``feeds``.

Before session 20 such a decision read as a lift of the whole listing: ``status`` said "lifted" and the feeds carried
"Lifted: …" for people and companies still under the decision's other measures (a false item), or, where the text said
"其他反制措施继续有效", the page was refused for review and no item told a reader anything. Now the decision is a
``lift_measure`` action: a "Measure lifted: asset freeze … still listed" item on each entity it reaches (ids from the
listing's notice key + event + list + day [+ entity], as every state item), the listing's state and since unchanged, a
line in its history; a decision naming every measure the listing's decision spelled out is a lift.

S01 MFA order 2024 No. 13 (2 companies, 2 executives; freeze, transactions, entry ban), S04 order 2026 No. 39 lifts the
    asset freeze on one executive only, his entry ban kept.
S02 order 2024 No. 15 (2 companies; freeze and transactions), S05 order 2026 No. 40, published 2026-11-20, lifts the
    transaction ban from 2026-11-26 (announced before it takes effect), the freeze kept.
S03 order 2024 No. 14 (1 company; freeze and transactions), S06 order 2026 No. 41 lifts both: a lift; S07 order 2026
    No. 42, a day later, lifts its freeze again: nothing left to lift, a problem, no "still listed" item.
"""

from __future__ import annotations

import json

import pytest

from tests.mofcom_watch.stories import REPO, TAG, Store, ids, invoke, listing, replayed, row, state

STORIES = REPO / "tests" / "data" / "stories-mfa20"
FETCHED = "2026-11-29T00:00:00+00:00"
FINAL = "2026-11-29"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("stories20"), STORIES / "main", FETCHED)


def test_s01_one_measure_lifted_for_one_person_leaves_him_listed(store: Store) -> None:
    assert state(store, FINAL, "MFA-ORDER-2024-13", "adambry") == ("in_force", "2024-10-10", None)
    assert state(store, FINAL, "MFA-ORDER-2024-13", "tommoss") == ("in_force", "2024-10-10", None)
    got = row(store, FINAL, "MFA-ORDER-2024-13", "adambry")
    assert got["history"][-1] == "2026-11-25 asset freeze (冻结财产) lifted, still listed (MFA-ORDER-2026-39)", got
    assert "tommoss" not in got["entity_keys"]
    items = {i["id"]: i for i in store.items(FINAL)}
    lifted = f"{TAG}MFA-ORDER-2024-13/measure_lifted/countermeasure/2026-11-25"
    assert lifted in items, sorted(items)
    assert items[lifted]["title"].startswith("Measure lifted: asset freeze (冻结财产) for "), items[lifted]["title"]
    assert not [i for i in items if i.startswith(f"{TAG}MFA-ORDER-2024-13/lifted/")], sorted(items)
    person = ids(store.items(FINAL, "entity/adambry"))
    assert f"{lifted}/adambry" in person, person
    assert not [i for i in ids(store.items(FINAL, "entity/tommoss")) if "/measure_lifted/" in i]
    bry = store.timeline("Adam Bry", FINAL)
    assert listing(bry, "MFA-ORDER-2024-13")["state"]["state"] == "in_force", bry


def test_s02_a_measure_lift_announced_before_its_day(store: Store) -> None:
    # published 2026-11-20, effective 2026-11-26: the item from its publication, the state untouched before and after
    before = row(store, "2026-11-22", "MFA-ORDER-2024-15")
    assert (before["state"], before["since"], before.get("next_state")) == ("in_force", "2024-12-05", None), before
    assert before["history"][-1].endswith("(MFA-ORDER-2026-40, announced 2026-11-20)"), before["history"]
    assert f"{TAG}MFA-ORDER-2024-15/measure_lifted/countermeasure/2026-11-26" in ids(store.items("2026-11-22"))
    assert state(store, FINAL, "MFA-ORDER-2024-15") == ("in_force", "2024-12-05", None)
    for key in ("omegaavionics", "sigmamissilesystems"):
        got = ids(store.items(FINAL, f"entity/{key}"))
        assert f"{TAG}MFA-ORDER-2024-15/measure_lifted/countermeasure/2026-11-26/{key}" in got, got
        assert not [i for i in got if "/lifted/" in i], got


def test_s03_every_measure_named_is_a_lift(store: Store) -> None:
    assert state(store, FINAL, "MFA-ORDER-2024-14") == ("lifted", "2026-11-27", None)
    got = ids(store.items(FINAL))
    assert f"{TAG}MFA-ORDER-2024-14/lifted/countermeasure/2026-11-27" in got, got
    assert not [i for i in got if i.startswith(f"{TAG}MFA-ORDER-2024-14/measure_lifted/")], got
    # order No. 42 lifts a freeze of a listing lifted the day before: it reaches nothing at all, a problem (engine22:
    # a decision changing nothing means a misread step; engine21 had made it a note, as for a range spanning a
    # stopped notice, which stays one)
    (said,) = store.status(FINAL)["__problems__"]
    assert said.startswith("MFA-ORDER-2026-42: lifts some measures of MFA-ORDER-2024-14, and every entity it names "
                           "had its measures lifted or was removed before 2026-11-28: it changes nothing"), said
    assert store.notes(FINAL) == []


def test_the_notice_items_name_the_measures(store: Store) -> None:
    notices = {i["id"]: i["title"] for i in store.items(FINAL, "notices")}
    assert "stops the asset freeze (冻结财产) of MFA-ORDER-2024-13" in notices[f"{TAG}MFA-ORDER-2026-39/notice"], notices


def test_an_answer_deciding_countermeasures_with_no_decree_is_a_health_issue(tmp_path_factory: pytest.TempPathFactory) -> None:
    """An MFA press-conference answer that decides countermeasures on a named congressman (依据《反外国制裁法》…中方决定对
    埃里克·桑德斯（Eric Sanders）采取以下反制措施) was read as a MOFCOM Q&A with no date and no action: `replay` said
    "ignored", exited 0 and opened no issue, so the named person was missed without a word. No key holds such an
    announcement yet: it must be a source-health issue a person reads (blind round mfa20, case 05)."""
    got = replayed(tmp_path_factory.mktemp("answer"), STORIES / "answer", FETCHED)
    status = invoke(got.db, "status", "--json", "--as-of", FINAL)
    assert status.exit_code == 1, status.output
    issues = json.loads(status.stdout)["health_issues"]
    assert [(i["kind"], "needs-review" in i["detail"]) for i in issues] == [("unusable-page", True)], issues
