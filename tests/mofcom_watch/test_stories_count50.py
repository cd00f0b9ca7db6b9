"""count50 (session 50): a step on a whole notice whose count stands where the engine did not look, through the real
``replay`` of tests/data/stories50/count50/ into a real SQLite file, read back with ``status`` and ``feeds``.

The engine holds a step on whole notices whose text states fewer entities than it would reach
(storage/lifecycle/counted.py), reading the count in the step's text. But a title and a body saying the same step keep
one of the two texts (``rules.record.dedupe_actions``: the title's, read first), and a count may stand in the title
alone; so:

C1 "关于将商务部公告2025年第21号所列实体移出…的公告" over "将商务部公告2025年第21号所列2家美国实体移出…（见附件）", the annex
   missing: the step kept the title's text, no count, and removed all 16 of No. 21 (14 falsely "removed"; the only trace
   the parse warning "parsed 0 entities, notice states 2"). Held now, as K1 of test_stories_undercounted.
C2 "关于将2家日本实体移出…的公告" over "将商务部公告2026年第70号所列相关实体移出…（见附件）", the annex missing: the count in the
   title alone; all 3 of No. 70 removed. Held now: the notice's stated count is checked where its steps act on whole
   notices and it names no entity.
C3 blind49/39's shape: "停止实施商务部公告2026年第71号相关措施，将该公告所列3家日本实体移出出口管制关注名单": lifted and
   removed, as before; the parse no longer says "parsed 0 entities, notice states 3" (the engine checks that count).
C4 "关于将3家日本实体移出…" over "将商务部公告2026年第72号所列实体移出…": the title's count equals No. 72's: removed.
C5 "关于将商务部公告2026年第73号所列实体移出…" over "…第73号所列三家日本实体移出…": removed, no warning.
C6 "关于停止实施对2家日本实体出口管制措施的公告" over a lift of No. 75 (2) and a suspension of No. 74 (3): the title counts the
   lift's entities only; the notice's count is checked only where all its steps act on the same notices, so the suspension
   is applied, not held (it was, by the first form of the check: "states 2 entities, fewer than the 3").
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from tests.mofcom_watch.stories import REPO, Store, item_ids_of, replayed, state

PAGES = REPO / "tests" / "data" / "stories50" / "count50"
DAY = "2026-12-02"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return replayed(tmp_path_factory.mktemp("count50"), PAGES, "2026-12-02T08:00:00+00:00")


def _problems(store: Store, key: str) -> list[str]:
    return [p for p in store.status(DAY)["__problems__"] if p.startswith(key)]


def test_c1_a_count_in_the_body_under_a_whole_title_holds_the_removal(store: Store) -> None:
    rows = store.status(DAY)
    assert [(r["state"], r["since"], len(r["entity_keys"])) for r in rows["MOFCOM-2025-21"]] == [
        ("in_force", "2025-04-04", 16)]
    said = _problems(store, "MOFCOM-2026-351")
    assert said and all("states 2 entities, fewer than the 16" in p for p in said), rows["__problems__"]
    assert not [i for i in item_ids_of(store, DAY, "MOFCOM-2025-21") if "/removed/" in i]


def test_c2_a_count_in_the_title_alone_holds_the_removal(store: Store) -> None:
    assert state(store, DAY, "MOFCOM-2026-70") == ("in_force", "2026-06-01", None)
    said = _problems(store, "MOFCOM-2026-352")
    assert said and all("states 2 entities, fewer than the 3" in p for p in said), store.status(DAY)["__problems__"]
    assert not [i for i in item_ids_of(store, DAY, "MOFCOM-2026-70") if "/removed/" in i]


@pytest.mark.parametrize(("key", "by"), [("MOFCOM-2026-71", "MOFCOM-2026-353"), ("MOFCOM-2026-72", "MOFCOM-2026-354"),
                                        ("MOFCOM-2026-73", "MOFCOM-2026-355")])
def test_c3_c5_a_whole_removal_counting_the_notice_right_applies(store: Store, key: str, by: str) -> None:
    assert state(store, DAY, key) == ("removed", "2026-12-01", None)
    assert [i for i in item_ids_of(store, DAY, key) if "/removed/" in i]
    assert not _problems(store, by), store.status(DAY)["__problems__"]


@pytest.mark.parametrize("name", ["c3-mofcom-2026-353-lift-and-remove-all-of-71.txt",
                                  "c4-mofcom-2026-354-removal-title-three-body-whole.txt",
                                  "c5-mofcom-2026-355-removal-title-whole-body-three.txt"])
def test_c3_c5_no_count_warning_on_a_whole_removal_read_right(name: str) -> None:
    notice = parse_document((PAGES / name).read_bytes()).notice
    assert notice is not None and notice.stated_count == 3 and not notice.entities
    assert not [w for w in notice.warnings if "notice states" in w], notice.warnings


@pytest.mark.parametrize("name", ["c1-mofcom-2026-351-removal-title-whole-body-two-annex-missing.txt",
                                  "c2-mofcom-2026-352-removal-title-two-body-none-annex-missing.txt"])
def test_c1_c2_the_parse_still_warns_where_the_count_is_below_the_notice(name: str) -> None:
    # (the parse cannot know No. 21's or No. 70's count; the warning stays where the count is not the step's own text's
    # nor a count the engine checks against the notice it names: here it is, so either way it is loud)
    notice = parse_document((PAGES / name).read_bytes()).notice
    assert notice is not None and notice.stated_count == 2 and not notice.entities


def test_c6_a_count_of_one_step_of_two_on_other_notices_holds_neither(store: Store) -> None:
    assert state(store, DAY, "MOFCOM-2026-75") == ("lifted", "2026-12-01", None)
    assert state(store, DAY, "MOFCOM-2026-74") == ("suspended", "2026-12-01", "2027-12-01")
    assert not _problems(store, "MOFCOM-2026-356"), store.status(DAY)["__problems__"]
