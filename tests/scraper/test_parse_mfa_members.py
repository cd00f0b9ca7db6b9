"""MFA decisions whose annex lists a company "及其子公司：" with its subsidiaries under it (scraper/parse/mfa/).

The subsidiaries are members of the company's entry, as MOFCOM's branch lines are (UEL〔2025〕10号 counts
"TechInsights + 10 branches" as one of its 14 entries, shared/domain.md a.2): the decision counts the entry once
("对X及其子公司、Z等2家…企业"), so they are the entry's ``branches``, every one kept as written, and the count
agrees. Texts composed in the MFA's wording (session 15's audit case 19, /work/audit-mfa15); order numbers and
dates illustrative.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document, parse_text
from storage.records import UnusablePage

MEASURES_ORG = "冻结在我国境内的动产、不动产和其他各类财产；禁止我国境内的组织、个人与其进行有关交易、合作等活动。"
HEAD = (
    "关于对美国军工企业及高级管理人员采取反制措施的决定\n2024-07-12 16:00\n"
    "（2024年7月12日中华人民共和国外交部令第12号公布，自2024年7月12日起施行）\n"
    "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"
    "中方决定对以下美国军工企业及高级管理人员采取反制措施：\n"
)
BODY = HEAD + (
    f"一、对安杜里尔工业公司及其子公司、通用原子航空系统公司等2家后附《反制清单》列明的企业，{MEASURES_ORG}\n"
    "二、对帕尔默·拉奇（安杜里尔工业公司创始人）等1名后附《反制清单》列明的企业高级管理人员，不予签发签证、不准入境（包括香港、澳门）。\n"
    "本决定自2024年7月12日起施行。\n附件：反制清单\n外交部\n2024年7月12日\n"
)
ANNEX = (
    "附件\n反制清单\n一、企业\n"
    "（一）安杜里尔工业公司（Anduril Industries, Inc.）及其子公司：\n"
    "\u3000\u30001.安杜里尔澳大利亚公司（Anduril Australia Pty Ltd）\n"
    "\u3000\u30002.安杜里尔英国公司（Anduril UK Limited）\n"
    "（二）通用原子航空系统公司（General Atomics Aeronautical Systems, Inc.）及其子公司：\n"
    "-通用原子欧洲公司（General Atomics Europe GmbH）\n"
    "二、高级管理人员\n"
    "（一）帕尔默·拉奇（Palmer Luckey），男，安杜里尔工业公司创始人\n"
)


def fields(rec):
    return [(e.n, e.zh, e.en, e.type, e.note, e.branches) for e in rec.entities]


def test_subsidiaries_under_an_entry_are_its_members_and_the_count_agrees():
    rec = parse_text(BODY + ANNEX)
    assert fields(rec) == [
        (1, "安杜里尔工业公司", "Anduril Industries, Inc.", "organization", None,
         ("安杜里尔澳大利亚公司（Anduril Australia Pty Ltd）", "安杜里尔英国公司（Anduril UK Limited）")),
        (2, "通用原子航空系统公司", "General Atomics Aeronautical Systems, Inc.", "organization", None,
         ("通用原子欧洲公司（General Atomics Europe GmbH）",)),
        (3, "帕尔默·拉奇", "Palmer Luckey", "individual", "安杜里尔工业公司创始人", ()),
    ]
    assert (rec.stated_count, rec.warnings) == (3, ())


def test_a_decision_counting_every_subsidiary_agrees_too():
    rec = parse_text(BODY.replace("等2家", "等5家").replace("等1名", "等1名") + ANNEX)
    assert [e.zh for e in rec.entities] == ["安杜里尔工业公司", "通用原子航空系统公司", "帕尔默·拉奇"]
    assert rec.warnings == ()


def test_a_count_short_of_both_readings_still_warns():
    rec = parse_text(BODY.replace("等2家", "等3家") + ANNEX)
    assert "parsed 3 targets, the decision states 4" in rec.warnings


def test_the_decision_alone_keeps_the_company_named_after_its_subsidiaries():
    """"对X及其子公司、Y等2家": 及其 opens X's scope, not X's persons; Y was lost with the rest of the phrase."""
    text = HEAD + (
        "对安杜里尔工业公司（Anduril Industries, Inc.）及其子公司、通用原子航空系统公司（General Atomics Aeronautical "
        f"Systems, Inc.）等2家企业，{MEASURES_ORG}\n本决定自2024年7月12日起施行。\n外交部\n2024年7月12日\n"
    )
    rec = parse_text(text)
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [
        ("安杜里尔工业公司", "Anduril Industries, Inc.", "及其子公司"),
        ("通用原子航空系统公司", "General Atomics Aeronautical Systems, Inc.", None)]
    assert (rec.stated_count, rec.warnings) == (2, ())


def test_an_annex_cut_after_an_entry_announcing_subsidiaries_is_cut_short():
    cut = ANNEX[: ANNEX.index("-通用原子欧洲公司")]
    with pytest.raises(UnusablePage) as raised:
        parse_document((BODY + cut).encode("utf-8"))
    assert (raised.value.reason, raised.value.detail) == (
        "cut-short", "the annex ends in an entry announcing its subsidiaries with none after it: cut short")
