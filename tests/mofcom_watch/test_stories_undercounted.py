"""A step on a whole notice whose text states fewer entities than it would reach (storage/lifecycle/counted.py),
through the real ``replay`` of tests/data/stories24/counted/ into a real SQLite file, read back with ``status`` and
``feeds`` (the story harness).

K1 the real 商务部公告2025年第21号 (16 US entities); No. 230 removes "商务部公告2025年第21号所列高点航空技术公司等2家美国实体",
    its annex missing: it read as a removal of all 16 (14 falsely "removed", the only trace a parse warning). Held:
    No. 21 in force for all 16, a problem and an unresolved-reference item naming the 2 and the 16, no removed item.
K2 No. 60 (3 entities); No. 61 removes the first by name; No. 62 removes "…所列妊神星动力公司等2家" naming none: the 2
    No. 60 still holds, applied (the count is compared with what the listing still holds, not what it listed).
K3 Nos. 63 (2) and 64 (1); a Q&A suspends "第63号和第64号…涉及3家": one count for two notices, applied to both; a Q&A
    stops "第63号所列1家美国实体" naming none: held (1 of 2), the suspension stands.
K4 No. 231 removes "高点航空技术公司等2家美国实体" from the ECL and stops "商务部公告2025年第21号对上述实体采取的相关措施":
    the count written before the notice is named; both steps held as K1's (they removed all 16 before).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.lifecycle.counted import stated_count
from storage.records import ActionKind, ActionRecord, ListKind, NoticeRef
from tests.mofcom_watch.stories import REPO, Store, item_ids_of, replayed, state

PAGES = REPO / "tests" / "data" / "stories24" / "counted"
DAY = "2026-12-02"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("counted"), PAGES, "2026-12-02T08:00:00+00:00")


def test_k1_a_removal_of_2_naming_none_leaves_the_16_and_is_a_problem(store: Store) -> None:
    rows = store.status(DAY)
    assert [(r["state"], r["since"], len(r["entity_keys"])) for r in rows["MOFCOM-2025-21"]] == [
        ("in_force", "2025-04-04", 16)]
    said = [p for p in rows["__problems__"] if p.startswith("MOFCOM-2026-230")]
    assert said and all("states 2 entities, fewer than the 16" in p for p in said), rows["__problems__"]
    items = item_ids_of(store, DAY, "MOFCOM-2025-21")
    assert items and not [i for i in items if "/removed/" in i], items
    assert "MOFCOM-2026-230/unresolved_reference/ecl/2026-12-01/a0-count" in item_ids_of(store, DAY, "MOFCOM-2026-230")


def test_k4_a_count_written_before_the_notice_named_holds_too(store: Store) -> None:
    problems = store.status(DAY)["__problems__"]
    said = [p for p in problems if p.startswith("MOFCOM-2026-231")]
    assert said and all("states 2 entities, fewer than the 16" in p for p in said), problems
    assert not [i for i in item_ids_of(store, DAY, "MOFCOM-2025-21") if "/removed/" in i or "/lifted/" in i]


def test_k2_a_count_equal_to_what_the_listing_still_holds_removes_those(store: Store) -> None:
    assert state(store, DAY, "MOFCOM-2026-60", "makemakeacoustics") == ("removed", "2026-07-06", None)
    assert state(store, DAY, "MOFCOM-2026-60", "haumeadynamics") == ("removed", "2026-09-07", None)
    assert state(store, DAY, "MOFCOM-2026-60", "erismaterials") == ("removed", "2026-09-07", None)
    assert not [p for p in store.status(DAY)["__problems__"] if p.startswith(("MOFCOM-2026-61", "MOFCOM-2026-62"))]


def test_k3_one_count_for_two_notices_applies_and_a_lift_of_1_of_2_is_held(store: Store) -> None:
    assert state(store, "2026-06-15", "MOFCOM-2026-63") == ("suspended", "2026-06-15", "2026-09-13")
    assert state(store, "2026-06-15", "MOFCOM-2026-64") == ("suspended", "2026-06-15", "2026-09-13")
    assert state(store, "2026-08-03", "MOFCOM-2026-63") == ("suspended", "2026-06-15", "2026-09-13")
    problems = store.status("2026-08-03")["__problems__"]
    said = [p for p in problems if p.startswith("QA-2026-08-03")]
    assert said and all("states 1 entities, fewer than the 2" in p for p in said), problems
    assert not [p for p in problems if p.startswith("QA-2026-06-15")], problems
    assert not [i for i in item_ids_of(store, DAY, "MOFCOM-2026-63") if "/lifted/" in i]


def _action(text: str, *refs: str) -> ActionRecord:
    return ActionRecord(action=ActionKind.REMOVE, list=ListKind.ECL, text=text,
                        targets=tuple(NoticeRef(text=r, key="MOFCOM-2025-21") for r in refs))


@pytest.mark.parametrize(("text", "refs", "count"), [
    ("商务部决定将商务部公告2025年第21号所列高点航空技术公司等2家美国实体移出出口管制管控名单", ("商务部公告2025年第21号",), 2),
    ("商务部决定，自２０２６年１１月１０日起，停止执行商务部公告２０２５年第２１号所列１６家美国实体的相关措施",
     ("商务部公告２０２５年第２１号",), 16),
    ("对商务部公告2025年第21号所列其余十家实体继续暂停", ("商务部公告2025年第21号",), 10),
    # a listing recounted is no count of the step; months and lists are none either
    ("商务部于4月9日将12家美国实体列入出口管制管控名单。继续暂停商务部公告2025年第21号相关措施6个月",
     ("商务部公告2025年第21号",), None),
    ("暂停实施商务部公告2025年第21号和第22号公告相关措施90天，涉及28家美国实体", ("商务部公告2025年第21号",), 28),
    ("对商务部公告2025年第21号所列A等2家、B等3家实体", ("商务部公告2025年第21号",), 3),
    # the count before the notice named (K4)
    ("商务部决定将高点航空技术公司等2家美国实体从出口管制管控名单中移出，商务部公告2025年第21号对上述实体采取的相关措施停止执行",
     ("商务部公告2025年第21号",), 2),
    ("商务部决定将高点航空技术公司等2家美国实体（商务部公告2025年第21号所列）移出出口管制管控名单", ("商务部公告2025年第21号",), 2),
    # a title quoted, of the listing itself
    ("暂停实施《不可靠实体清单工作机制关于将3家美国实体列入不可靠实体清单的公告》（不可靠实体清单工作机制公告〔2026〕13号）相关措施",
     ("不可靠实体清单工作机制公告〔2026〕13号",), None),
])
def test_the_count_a_step_states(text: str, refs: tuple[str, ...], count: int | None) -> None:
    assert stated_count(_action(text, *refs)) == count


def test_the_pages_are_there() -> None:
    assert len(list(Path(PAGES).glob("*.txt"))) == 10
