"""Session 50's blind round on MOFCOM notices and answers after the 2026-11-10 lapse (blind50, tests/data/corpus/blind50/):
the faults it found, each reproduced with a whole notice or answer through the parser."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

UEL = ("不可靠实体清单工作机制公告〔2026〕4号 关于将有关实体列入不可靠实体清单的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕4号\n"
       "【发文日期】2026年12月05日\n\n{body}\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月5日\n")
ECL = ("商务部公告2026年第201号 关于将有关实体列入出口管制管控名单的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第201号\n"
       "【发文日期】2026年12月05日\n\n{body}\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月5日\n")
RED = "红杉导弹技术公司（Redwood Missile Technologies, Inc.）"
CLOUD = "战术云网络公司（Tactical Cloud Networks LLC）"
HAWK = "海鹰水面系统公司（Seahawk Surface Systems）"
NAMES = [("红杉导弹技术公司", "Redwood Missile Technologies, Inc."), ("战术云网络公司", "Tactical Cloud Networks LLC"),
         ("海鹰水面系统公司", "Seahawk Surface Systems")]


def _names(text: str) -> list[tuple[str | None, str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(e.zh, e.en) for e in notice.entities]


# --- blind50/06: "A（a）、以及B（b）", "A（a），以及B（b）", "A（a）与B（b）" in a prose list ------------------------------------------

@pytest.mark.parametrize("joined", [
    f"{RED}、{CLOUD}、以及{HAWK}",  # was the name "以及海鹰水面系统公司"
    f"{RED}、以及{CLOUD}、{HAWK}",
    f"{RED}、{CLOUD}，以及{HAWK}",  # was "以及海鹰水面系统公司"
    f"{RED}、{CLOUD} 、 以及 {HAWK}",
    f"{RED}、{CLOUD}与{HAWK}",  # was one name "战术云网络公司（Tactical Cloud Networks LLC）与海鹰水面系统公司", 战术云 lost
    f"{RED}、{CLOUD}以及{HAWK}",  # (read before)
    f"{RED}、{CLOUD}和{HAWK}",  # (read before)
])
@pytest.mark.parametrize("count", ["", "等3家实体"])
def test_a_joiner_after_a_cut_or_a_bracket_is_no_part_of_a_name(joined: str, count: str) -> None:
    body = f"不可靠实体清单工作机制决定将参与对台湾地区军售的{joined}{count}列入不可靠实体清单。"
    assert _names(UEL.format(body=body)) == NAMES


def test_a_name_beginning_with_yu_after_a_bracket_is_not_cut() -> None:
    # "与那国…" opens a name: a bracket right before it cuts nothing (as before; the count warns of the two read as one)
    body = f"商务部决定将{RED}、与那国海洋技术株式会社（Yonaguni Marine Technology Co., Ltd.）列入出口管制管控名单。"
    assert _names(ECL.format(body=body)) == [NAMES[0], ("与那国海洋技术株式会社", "Yonaguni Marine Technology Co., Ltd.")]


# --- blind50/25: "〔2025〕7号和2025年第9号": a bare year number after a bracket number -----------------------------------------

RELEASE = ("商务部新闻发言人就调整不可靠实体清单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-03 20:00\n\n"
           "问：请问不可靠实体清单有关措施有何调整？\n答：{a}\n")


def _targets(text: str) -> list[tuple[str, list[str | None]]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets]) for a in notice.actions]


@pytest.mark.parametrize(("refs", "keys"), [
    ("不可靠实体清单工作机制公告〔2025〕7号和2025年第9号", ["UEL-2025-7", "UEL-2025-9"]),  # was UEL-2025-7 alone
    ("不可靠实体清单工作机制〔2025〕7号、2025年第9号", ["UEL-2025-7", "UEL-2025-9"]),
    ("商务部公告〔2025〕21号和2025年第51号", ["MOFCOM-2025-21", "MOFCOM-2025-51"]),
    ("不可靠实体清单工作机制公告〔2025〕7号和〔2025〕9号", ["UEL-2025-7", "UEL-2025-9"]),  # (read before)
])
def test_a_bare_year_number_joined_to_a_bracket_number_is_its_issuers(refs: str, keys: list[str]) -> None:
    answer = f"中方决定，自2026年12月4日起，停止实施{refs}相关措施。"
    assert _targets(RELEASE.format(a=answer)) == [("lift", keys)]


def test_a_bare_year_number_not_joined_is_still_no_notice() -> None:
    # a day after a bracket number, not joined to it by a joiner: no ref of it
    answer = "中方决定，自2026年12月4日起，停止实施不可靠实体清单工作机制公告〔2025〕7号相关措施，2025年第9号文件另行处理。"
    assert _targets(RELEASE.format(a=answer)) == [("lift", ["UEL-2025-7"])]


# --- blind50/30: an end day that is no day --------------------------------------------------------------------------------

NOTICE = ("商务部公告2027年第12号 关于暂停实施商务部公告2025年第21号相关措施的公告\n【发布单位】安全与管制局\n"
          "【发布文号】商务部公告2027年第12号\n【发文日期】2027年02月10日\n\n{body}\n\n商务部\n2027年2月10日\n")


@pytest.mark.parametrize("body", [
    "商务部决定，自2027年2月11日起至2028年2月30日，暂停实施商务部公告2025年第21号相关措施。",  # was suspended with no end
    "商务部决定，自2027年2月11日起，暂停实施商务部公告2025年第21号相关措施，暂停期限至2028年2月30日。",
    "商务部决定，自2027年2月11日起，暂停实施商务部公告2025年第21号相关措施至2028年13月3日。",
    "商务部决定，自二〇二七年二月十一日起至二〇二八年二月三十日，暂停实施商务部公告2025年第21号相关措施。",
    "商务部决定，自2027年2月11日起，继续暂停实施商务部公告2025年第21号相关措施至2027年11月31日。",
])
def test_an_end_that_is_no_day_is_held(body: str) -> None:
    with pytest.raises(UnusablePage) as held:
        parse_document(NOTICE.format(body=body).encode("utf-8"))
    assert held.value.reason == "needs-review"
    assert "is no day the dates read: the step has no end" in str(held.value)


@pytest.mark.parametrize(("body", "until"), [
    ("商务部决定，自2027年2月11日起至2028年2月29日，暂停实施商务部公告2025年第21号相关措施。", "2028-02-29"),
    ("商务部决定，自二〇二七年二月十一日起至二〇二八年二月二十九日，暂停实施商务部公告2025年第21号相关措施。", "2028-02-29"),
])
def test_an_end_that_is_a_day_is_read(body: str, until: str) -> None:
    notice = parse_document(NOTICE.format(body=body).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.until and a.until.isoformat()) for a in notice.actions] == [("suspend", until)]
