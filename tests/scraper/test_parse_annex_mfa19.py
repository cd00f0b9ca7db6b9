"""Annex lines of MOFCOM notices and orders the session 19 blind audit (mfa19) found unread (corpus
tests/data/corpus/mfa19/06, composed; names are illustrative)."""

from __future__ import annotations

from scraper.parse import parse_document
from storage.records import NoticeRecord

ORDER = """商务部令2026年第12号 关于对美国有关企业采取反制措施的决定
【发布单位】安全与管制局
【发布文号】商务部令2026年第12号
【发文日期】2026年10月28日

根据《中华人民共和国反外国制裁法》等有关规定，商务部决定将海湾咨询集团等三家美国企业列入反制清单（见附件），并采取以下反制措施：

一、禁止中国境内的组织、个人与上述企业进行有关交易、合作等活动；
二、禁止上述企业在中国境内新增投资。

本决定自公布之日起施行。

附件：反制清单

商务部
2026年10月28日

附件

反制清单

{lines}
"""
LINES = ("（一）海湾咨询集团（Gulf Advisory Group, LLC）\n（二）自由之桥基金会（Liberty Bridge Foundation）\n"
         "（三）格林伍德战略合伙公司（Greenwood Strategic Partners LP）")


def parsed(text: str) -> NoticeRecord:
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


def test_an_orders_annex_numbered_with_bracketed_chinese_numerals_is_read() -> None:
    rec = parsed(ORDER.format(lines=LINES))
    assert [(e.zh, e.en, e.n, e.country) for e in rec.entities] == [
        ("海湾咨询集团", "Gulf Advisory Group, LLC", 1, "US"), ("自由之桥基金会", "Liberty Bridge Foundation", 2, "US"),
        ("格林伍德战略合伙公司", "Greenwood Strategic Partners LP", 3, "US")]
    assert rec.stated_count == 3 and not rec.warnings


def test_a_name_opening_like_a_clause_is_a_name_when_its_english_follows() -> None:
    rec = parsed(ORDER.format(lines=LINES.replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3.")))
    assert [e.zh for e in rec.entities] == ["海湾咨询集团", "自由之桥基金会", "格林伍德战略合伙公司"]
    assert not rec.warnings


def test_the_persons_heading_of_an_orders_annex_is_no_entity() -> None:
    rec = parsed(ORDER.replace("海湾咨询集团等三家美国企业", "海湾咨询集团等1家美国企业及其1名高级管理人员").format(
        lines="一、企业\n1.海湾咨询集团（Gulf Advisory Group, LLC）\n二、高级管理人员\n"
              "1.约翰·卡特（John Carter），男，海湾咨询集团首席执行官"))
    assert [(e.zh, e.en) for e in rec.entities] == [("海湾咨询集团", "Gulf Advisory Group, LLC"), ("约翰·卡特", "John Carter")]
    assert not rec.warnings
