"""A notice that lists some entities and removes others, each in an annex of its own, under a lead-in "商务部决定："
(session 25, parse25): "一、将甲公司等3家美国实体列入…（见附件1）" says no 决定 in its own sentence, so it was no listing,
and its 3 entities were read as removed from No. 23 with the 2 of item 二 (a false "removed" for 3 never on it, the
listing lost). Now item 一 lists annex 1's entities, item 二 removes annex 2's."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.corpus_cases import case_text

TEXT = """商务部公告2027年第19号 关于调整出口管制管控名单的公告
【发布文号】商务部公告2027年第19号
【发文日期】2027年03月01日

根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等有关规定，商务部决定：
一、将红杉湾海洋机器人公司等3家美国实体列入出口管制管控名单（见附件1），禁止出口经营者向上述实体出口两用物项。
二、鉴于商务部公告2026年第23号所列艾维奥克斯公司等2家美国实体已纠正相关行为，将上述2家美国实体移出出口管制管控名单（见附件2）。
本公告自公布之日起正式实施。

附件：1. 列入出口管制管控名单的实体
2. 移出出口管制管控名单的实体

商务部
2027年3月1日

附件1
列入出口管制管控名单的实体
1. 红杉湾海洋机器人公司（Redwood Bay Marine Robotics, Inc.）
2. 铁峰推进系统公司（Iron Peak Propulsion Systems LLC）
3. 蓝岭光电公司（Blue Ridge Electro-Optics Corp.）

附件2
移出出口管制管控名单的实体
1. 艾维奥克斯公司（Aveox, Inc.）
2. 杰亚机器人公司（Jaia Robotics, Inc.）
"""


def _read(text: str) -> tuple[list[tuple[str, list[str | None], tuple[str, ...]]], tuple[str, ...]]:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.entities) for a in doc.notice.actions], doc.notice.warnings


def test_the_listing_and_the_removal_each_take_their_annex() -> None:
    steps, warnings = _read(TEXT)
    assert steps == [
        ("impose", [], ("redwoodbaymarinerobotics", "ironpeakpropulsionsystems", "blueridgeelectrooptics")),
        ("remove", ["MOFCOM-2026-23"], ("aveox", "jaiarobotics")),
    ]
    assert warnings == ()  # the listing's count is 3


def test_a_listing_item_under_a_lead_in_that_decides_nothing_is_no_listing() -> None:
    """"情况如下：" decides nothing: item 一 tells, it does not list."""
    steps, _ = _read(TEXT.replace("商务部决定：", "有关情况如下：").replace("二、鉴于", "二、商务部决定，鉴于"))
    assert [s[0] for s in steps] == ["remove"]


def test_a_listing_on_two_lists_takes_each_lists_annex() -> None:
    """"一、将甲等2家日本实体列入出口管制管控名单（见附件1）…二、…将上述2家实体列入关注名单（见附件2）": both listings took all 4
    (replayed: 4 on the ECL and 4 on the watch list, 4 false items, a count-mismatch issue) (session 27, audit27/04)."""
    doc = parse_document(case_text("audit27", "04-one-notice-ecl-and-wl-two-annexes.txt").encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, a.list.value if a.list else None, a.entities) for a in doc.notice.actions] == [
        ("impose", "ecl", ("kashimadefenseresearch", "wakasaheavyindustries")),
        ("impose", "watch", ("sagamielectronics", "hakusanchemicalindustries"))]
    assert doc.notice.warnings == ()  # the count stated first is the first listing's


def test_a_page_of_two_notices_is_left_for_a_person() -> None:
    """A page holding the day's ECL notice and then its watch-list notice (each its number alone on a line) was read as one
    notice listing all 4 on both lists (session 27, audit27/03): refused for a person to read."""
    with pytest.raises(UnusablePage) as refused:
        parse_document(case_text("audit27", "03-page-two-notices-ecl-then-wl.txt").encode("utf-8"))
    assert refused.value.reason == "needs-review" and "商务部公告2026年第136号" in str(refused.value)


@pytest.mark.parametrize("indent, trail", [("\u3000\u3000", ""), ("  ", ""), ("", "  "), ("\u3000", " ")])
def test_a_second_notice_on_an_indented_line_is_left_for_a_person(indent: str, trail: str) -> None:
    """The second notice's number line indented (MOFCOM's full-width indent) or with blanks after it is alone on its
    line too (d020e58's cheaper look beside each ref had let these through)."""
    text = case_text("audit27", "03-page-two-notices-ecl-then-wl.txt")
    text = text.replace("\n商务部公告2026年第136号\n", f"\n{indent}商务部公告2026年第136号{trail}\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review" and "商务部公告2026年第136号" in str(refused.value)


def test_a_notice_naming_another_inside_a_line_is_no_second_notice() -> None:
    """Only a number alone on a line below the notice's own is a second notice."""
    text = case_text("audit27", "03-page-two-notices-ecl-then-wl.txt")
    first = text[: text.index("\n商务部公告2026年第136号\n")]
    doc = parse_document((first + "\n另见商务部公告2026年第136号。\n").encode("utf-8"))
    assert doc.notice is not None and doc.notice.key == "MOFCOM-2026-135"


def test_related_links_of_bare_numbers_are_no_second_notice() -> None:
    """"相关链接：\\n商务部公告2026年第23号\\n…" below a listing: links, not a notice (probe p06: the listing was refused)."""
    text = case_text("audit27", "16-ecl-listing-with-official-remarks-counts.txt") + "\n相关链接：\n商务部公告2026年第23号\n商务部公告2025年第51号\n"
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and len(doc.notice.entities) == 4
