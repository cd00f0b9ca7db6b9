"""Counts and names left open by session 30 (session 31, names31)."""

from __future__ import annotations

from scraper.parse.entities import count_and_country, stated_count


def _both(text: str) -> tuple[int | None, str | None]:
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
