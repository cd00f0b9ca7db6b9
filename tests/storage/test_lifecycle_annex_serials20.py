"""A removal naming annex lines of an earlier notice by number ("商务部公告2026年第28号附件所列第2、3项实体…移出关注名单",
found by parse20's blind probe, session 20): it removes those lines, never the whole notice; lines it cannot find
are an unresolved reference that changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_corpus import stored

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
WL28 = (CORPUS / "ecl" / "08-wl-2026-annex-japan.txt").read_text(encoding="utf-8")  # 4 Japanese entities, numbered 1-4
REMOVAL = (CORPUS / "parse20" / "19-wl-removal-by-annex-serials-no-names.txt").read_text(encoding="utf-8").replace(
    "2026年第12号", "2026年第28号").replace("第3、5、8、11、17项", "第2、3项").replace("5家", "2家")
DAY = date(2027, 1, 10)


def _known(*texts: str) -> list:
    out = []
    for text in texts:
        rec = parse_text(text)
        assert rec is not None, text
        out.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    return out


def _states(d) -> set[tuple[ListingState, tuple[str, ...]]]:
    return {(r.state, r.entity_keys) for r in d.states if r.notice_key == "MOFCOM-2026-28"}


def test_only_the_numbered_lines_are_removed() -> None:
    """Before the fix the removal named no entity and removed all 4 of No. 28 (20 in the real notice: 15 false items)."""
    d = derive(_known(WL28, REMOVAL), DAY)
    assert _states(d) == {(ListingState.IN_FORCE, ("sumitomoheavyindustries", "nof")),
                          (ListingState.REMOVED, ("subaru", "tokyokeiki"))}
    removed = {e.entity_key for e in d.events if e.kind is EventKind.REMOVED and e.entity_key}
    assert removed == {"subaru", "tokyokeiki"}


def test_a_line_number_the_notice_does_not_have_changes_nothing_and_is_unresolved() -> None:
    d = derive(_known(WL28, REMOVAL.replace("第2、3项", "第2、9项")), DAY)
    assert {s for s, _ in _states(d)} == {ListingState.IN_FORCE}
    kinds = {e.kind for e in d.events if e.source_key == "MOFCOM-2027-2"}
    assert EventKind.UNRESOLVED_REFERENCE in kinds and EventKind.REMOVED not in kinds


def test_a_target_listed_in_prose_has_no_line_numbers_and_is_unresolved() -> None:
    prose = WL28.replace("（见附件）", "").split("附件：")[0] + "商务部\n2026年6月29日\n"
    prose = prose.replace("商务部无法对住友重机械工业株式会社等4家日本实体", "商务部无法对住友重机械工业株式会社（Sumitomo Heavy "
                          "Industries, Ltd.）、斯巴鲁株式会社（SUBARU Corporation）、东京计器株式会社（Tokyo Keiki Inc.）、"
                          "日油株式会社（NOF Corporation）等4家日本实体")
    d = derive(_known(prose, REMOVAL), DAY)
    assert {s for s, _ in _states(d)} == {ListingState.IN_FORCE}
    kinds = {e.kind for e in d.events if e.source_key == "MOFCOM-2027-2"}
    assert EventKind.UNRESOLVED_REFERENCE in kinds and EventKind.REMOVED not in kinds
