"""Faults parse21 found (session 21's blind probe, tests/data/corpus/parse21/), each as a text in, the parse out:
a notice named by its day and its title in 《》, an adjustment of an earlier notice's measures, a title's lift beside
the body's later one, an addition into an earlier annex, a removal naming the notice before the name, a prose list
in groups each closed by its own count, an annex line with nested full-width brackets, branches on "1.1" lines."""

from __future__ import annotations

from functools import partial

from storage.records import ActionKind, NoticeRecord
from tests.scraper.corpus_cases import parse_case

_parse = partial(parse_case, "")


def _acts(rec: NoticeRecord) -> list[tuple[str, list[object], str | None]]:
    return [(a.action.value, [t.key or (t.date.isoformat() if t.date else None, t.count, t.country) for t in a.targets],
             a.effective) for a in rec.actions]


def test_a_notice_named_by_its_day_and_title_is_a_target() -> None:
    """"停止执行2025年4月9日发布的《公布将12家美国实体列入出口管制管控名单》相关措施" gave no target: the lift was lost
    without a word; a title holding the number still names the notice by it."""
    rec = _parse("parse21/08-qa-by-date-and-title.txt")
    assert _acts(rec) == [("extend", ["MOFCOM-2025-21"], "2026-11-10"),
                          ("lift", [("2025-04-09", 12, "US")], "2026-11-10")]


def test_an_adjusted_measure_of_an_earlier_notices_entities_is_lifted_there() -> None:
    """"调整对…〔2025〕10号所列实体采取的处理措施：…不再禁止…" was a new measure on an entity '有关实体所'."""
    rec = _parse("parse21/09-uel-adjust-measures.txt")
    assert _acts(rec) == [("lift_measure", ["UEL-2025-10"], "2026-12-10")]
    assert rec.entities == ()
    rec = _parse("parse21/09-uel-adjust-measures.txt", "不再禁止中国境内的组织、个人向上述实体提供数据",
                 "增加禁止上述实体在中国境内开展相关业务的措施")
    assert _acts(rec) == [("measure", ["UEL-2025-10"], "2026-12-10")] and rec.entities == ()


def test_the_titles_lift_goes_beside_the_bodys_later_one() -> None:
    """The title's "关于停止执行…第23号相关措施的公告" gave a lift on the notice's day beside the body's from 7-01."""
    assert _acts(_parse("parse21/17-ecl-notice-recounts-listing-then-stops.txt")) == [
        ("lift", ["MOFCOM-2026-23"], "2027-07-01")]


def test_an_addition_into_an_earlier_annex_is_a_listing() -> None:
    """"在…第23号附件《出口管制管控名单》中增列以下2家美国实体" was a measure (parse20/12's xfail)."""
    rec = _parse("parse20/12-ecl-amend-annex-add.txt")
    assert [(a.action, a.targets) for a in rec.actions] == [(ActionKind.IMPOSE, ())]
    assert [e.en for e in rec.entities] == ["Red Cat Unmanned Systems, Inc.", "Teal Drones Defense LLC"]


def test_a_removed_name_after_the_notice_that_listed_it_is_the_name_alone() -> None:
    (e,) = _parse("parse21/13-ecl-removal-2027-named.txt").entities
    assert (e.zh, e.en, e.country) == ("长风船舶工业股份有限公司", "Changfeng Marine Industries Co., Ltd.", "TW")


def test_names_in_groups_each_closed_by_its_count_take_the_groups_country() -> None:
    rec = _parse("parse21/15-wl-2027-two-regions-prose.txt")
    assert [(e.zh, e.country) for e in rec.entities] == [
        ("三菱精工株式会社", "JP"), ("东和光电株式会社", "JP"), ("鼎新材料股份有限公司", "TW")]
    assert rec.warnings == ()


def test_a_full_width_comma_inside_nested_brackets_is_inside_the_name() -> None:
    rec = _parse("parse21/05-ecl-fullwidth-punct-english.txt")
    assert [e.zh for e in rec.entities] == ["哈德逊河精密制造公司", "艾伦与贝克（北美）控股公司"]
    assert rec.warnings == ()


def test_branches_numbered_under_their_parent_are_its_branches() -> None:
    """"1.1 …" lines under "1. X（…）及其分支机构：" were dropped without a word."""
    rec = _parse("parse21/04-uel-annex-parent-with-numbered-subsidiaries.txt")
    assert [(e.en, len(e.branches)) for e in rec.entities] == [("Thunder Defense Systems, Inc.", 3),
                                                             ("Blue Whale Ocean Technologies LLC", 0)]
    assert rec.entities[0].branches[0].startswith("雷霆防务系统（新加坡）有限公司")
    # a "2.1" line under entity 1 is no branch of it
    rec = _parse("parse21/04-uel-annex-parent-with-numbered-subsidiaries.txt", "1.2 雷霆", "2.2 雷霆")
    assert len(rec.entities[0].branches) == 2


def test_branch_words_after_an_annex_name_are_no_part_of_it() -> None:
    """"X及其分支机构（X Inc. and its branches）" kept the words in both names, and so in the key."""
    rec = _parse("parse21/14-ecl-annex-inline-branches.txt")
    e = rec.entities[0]
    assert (e.zh, e.en, e.key, e.note) == ("星链防务服务公司", "Starlane Defense Services, Inc.", "starlanedefenseservices",
                                           "及其分支机构")
