"""Counts and names left open by session 30 (session 31, names31)."""

from __future__ import annotations

import dataclasses

import pytest

from scraper.parse.draft import Draft
from scraper.parse.entities import (
    annex_entities,
    count_and_country,
    count_parts,
    make_entity,
    split_and_country,
    stated_count,
    typed_as,
)
from scraper.parse.rules.named import count_type
from scraper.parse.textnorm import fold
from storage.records import EntityRecord


def _both(text: str) -> tuple[int | None, str | None]:
    """The count and country of ``text``, folded as the parser reads it."""
    text = fold(text)
    got = count_and_country([text])
    assert stated_count([text]) == got  # the fast reading and the plain one agree
    return got


def test_ge_counts_an_entity_noun_right_after_it():
    assert _both("商务部决定将以下3个美国实体（见附件）列入出口管制管控名单") == (3, "US")
    assert _both("决定将5个实体列入不可靠实体清单") == (5, None)
    assert _both("将3个 日本 企业列入") == (3, "JP")
    # an MFA decision's wording (mfa18/10): the institution and the person joined, as after 家
    assert _both("中方决定对“北极光人权观察”（Northern Lights Rights Watch）等1个机构和格雷厄姆·麦肯齐（Graham MacKenzie）"
                 "等1名人员采取以下反制措施，为期三年") == (2, None)


def test_ge_counts_nothing_else():
    for text in (
        # official MFA wording (fixtures/www.mfa.gov.cn/…/t20241217_11494912.shtml, mfa-20241010)
        "美国近日宣布向中国台湾地区提供大额武器援助，严重违反一个中国原则和中美三个联合公报",
        "严重违背一个中国原则和中日四个政治文件精神",
        # MOFCOM wording (susp/06, a press conference; Q&As suspending for months)
        "第八届进博会正在上海举行，截至目前，已有来自155个国家、地区和国际组织参会。",
        "暂停实施不可靠实体清单工作机制公告（〔2025〕7号）相关措施6个月。",
        "暂停期限为3个月。核查完成后，",
        "并于履行完毕后15个工作日内向商务部报告",
        # composed: a noun only after other words, persons, a month
        "从两个方面加强出口管制", "一个月内", "对3个人采取措施", "两个美国以外的实体", "一个中国企业",
    ):
        assert _both(text) == (None, None), text


def test_a_count_joined_after_names_in_brackets_is_added():
    """names30/09: the companies' count stood past the window after "2名个人和", and a comma inside an English name ended
    the clause: 2 was stated for 5 read."""
    text = ("商务部决定对约翰·哈珀（John Harper）、玛丽·埃文斯（Mary Evans）2名个人和海岸线咨询集团（Coastline Advisory Group "
            "LLC）、铁杉合规服务公司（Hemlock Compliance Services, Inc.）、顶点供应链审计公司（Apex Supply Chain Audit Corp.）"
            "3家实体采取反制措施：")
    assert _both(text) == (5, None)
    assert _both(text.replace("2名个人和", "2名个人。另对")) == (2, None)  # another sentence: not joined


def test_its_counted_branches_and_their_parent_are_the_count():
    """names30/23: "X（x）及其2家子公司A（a）、B（b）" lists 3, and 2 was stated (a count warning on a text read right)."""
    text = "商务部决定将北极星防务系统公司（Polaris Defense Systems, Inc.）及其2家子公司北极星光学公司（Polaris Optics LLC）列入"
    assert _both(text) == (3, None)
    assert _both("将甲公司及其 2 家美国子公司列入") == (3, "US")
    # a count of branches with no parent named before them (fixture Order 2025 No. 6) stays as written
    assert _both("对韩华海洋株式会社的5家美国子公司采取反制措施") == (5, "US")


def test_its_counted_staff_and_their_company_are_the_count():
    """names30/10-11's title "关于对A公司及其2名高级管理人员采取反制措施的决定" stated no count: an executive left out was not told."""
    assert _both("关于对美国远航船舶服务公司及其2名高级管理人员采取反制措施的决定") == (3, None)
    assert _both("对甲公司（Alpha Inc.）等3家实体和乙（B）等2名人员采取反制措施") == (5, None)


def test_the_stated_count_in_organizations_and_persons():
    """What types the names a count leaves untyped (rules.named._typed_by_count): 家 counts organizations, 名 persons."""
    for text, want in (("将16家美国实体列入", (16, 0)), ("对甲（A）等2名个人采取", (0, 2)), ("对2名个人和3家实体采取", (3, 2)),
                       ("对3家实体和2人采取", (3, 2)), ("关于对美国远航船舶服务公司及其2名高级管理人员采取反制措施的决定", (1, 2)),
                       ("将以下3个美国实体列入", (3, 0)), ("从两个方面", None)):
        assert count_parts([fold(text)]) == want, text
        assert split_and_country([fold(text)])[0] == want, text  # as the count rule finds it (session 32)


def test_a_typed_entity_is_the_record_replace_gives():
    """typed_as (session 32: the typing by count, at two thirds of the constructor's cost) is dataclasses.replace: every
    other field as it was, equal and hashed alike, still frozen, the record typed left as it was."""
    e = make_entity("甲公司", "Alpha Inc. d/b/a Alpha Labs", "US", 3, ("-Alpha Japan KK",), "又称阿尔法")
    got = typed_as(e, "organization")
    want = dataclasses.replace(e, type="organization")
    assert got == want and hash(got) == hash(want) and repr(got) == repr(want) and type(got) is EntityRecord
    assert e.type is None and got.aliases == e.aliases != ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.type = "individual"  # type: ignore[misc]


def test_annex_lines_are_typed_as_they_are_read():
    """The annex reader builds its records typed (session 33: a typed copy of each cost about what building it costs): the
    records typing after the reading gives, the count's type given; untyped without one."""
    lines = ["附件", "1. 甲公司（Alpha Inc.）", "2. 乙研究所（Beta Institute）"]
    plain = annex_entities(lines, 0, "US")
    assert [e.type for e in plain] == [None, None]
    for kind in ("organization", "individual"):
        assert annex_entities(lines, 0, "US", type=kind) == [typed_as(e, kind) for e in plain]


@pytest.mark.parametrize(("count", "kind"), [
    ((16, "US", (16, 0)), "organization"),  # "16家美国实体"
    ((2, None, (0, 2)), "individual"),  # "2名个人"
    ((5, "US", (3, 2)), None),  # both kinds: typed after the reading, by the persons typed
    ((16, "US", (3, 0)), None),  # the title's count is not the stated one
    ((None, None, None), None),
])
def test_the_type_a_count_gives_every_name(count: tuple[int | None, str | None, tuple[int, int] | None],
                                           kind: str | None) -> None:
    d = Draft()
    d.count = count
    assert count_type(d) == kind
