"""Notice numbers -> keys (never from the URL)."""

from functools import partial

import pytest

from scraper.parse import parse_text
from scraper.parse.number import find_references
from scraper.parse.textnorm import clean, fold
from storage.records import NoticeKind
from tests.scraper.corpus_cases import parse_case


def refs(text):
    t = clean(text)
    return [r.key for _, _, r in find_references(fold(t), t)]


def head(number_line, body="决定将甲公司（Alpha Inc.）列入出口管制管控名单。\n本公告自公布之日起正式实施。\n商务部\n2025年4月4日"):
    return parse_text(f"{number_line}\n\n{body}")


@pytest.mark.parametrize(
    ("line", "key", "kind"),
    [
        ("商务部公告2025年第21号", "MOFCOM-2025-21", NoticeKind.ANNOUNCEMENT),
        ("商务部 海关总署公告2025年第18号", "MOFCOM-2025-18", NoticeKind.ANNOUNCEMENT),
        ("商务部令2025年第7号", "MOFCOM-ORDER-2025-7", NoticeKind.ORDER),
        ("不可靠实体清单工作机制公告〔2025〕7号", "UEL-2025-7", NoticeKind.UEL_ANNOUNCEMENT),
        ("不可靠实体清单工作机制〔2025〕8号", "UEL-2025-8", NoticeKind.UEL_ANNOUNCEMENT),
        ("不可靠实体清单工作机制公告[2025]9号", "UEL-2025-9", NoticeKind.UEL_ANNOUNCEMENT),
        ("不可靠实体清单工作机制公告［2025］10号", "UEL-2025-10", NoticeKind.UEL_ANNOUNCEMENT),
        ("不可靠实体清单工作机制公告（2024）1号", "UEL-2024-1", NoticeKind.UEL_ANNOUNCEMENT),
        ("商务部公告二〇二五年第二十一号", "MOFCOM-2025-21", NoticeKind.ANNOUNCEMENT),
        ("商务部公告２０２５年第５１号", "MOFCOM-2025-51", NoticeKind.ANNOUNCEMENT),
        # the ministry's number in the bracket form (parse20/08, parse21/20): MOFCOM's, not the UEL's
        ("商务部公告〔2026〕53号", "MOFCOM-2026-53", NoticeKind.ANNOUNCEMENT),
        ("商务部 海关总署公告〔2026〕60号", "MOFCOM-2026-60", NoticeKind.ANNOUNCEMENT),
        ("商务部令〔2026〕第3号", "MOFCOM-ORDER-2026-3", NoticeKind.ORDER),
    ],
)
def test_own_number_gives_the_key(line, key, kind):
    rec = head(line)
    assert (rec.key, rec.kind) == (key, kind)


def test_joint_announcement_shares_mofcom_numbering_and_names_both_issuers():
    rec = head("商务部 海关总署公告2025年第18号")
    assert rec.issuer == "商务部 海关总署"
    assert rec.number == "商务部 海关总署公告2025年第18号"


def test_spaced_uel_header_gives_the_key():
    text = "不 可 靠 实 体 清 单 工 作 机 制\n公    告\n2025年 第7号\n\n决定将甲公司（Alpha Inc.）列入不可靠实体清单。\n不可靠实体清单工作机制\n（商务部代章）\n2025年4月4日"
    rec = parse_text(text)
    assert rec.key == "UEL-2025-7"
    assert rec.issuer == "不可靠实体清单工作机制（商务部代章）"


def test_filing_number_wins_over_a_reference_in_the_body():
    text = ("【发布文号】不可靠实体清单工作机制公告〔2025〕6号\n【发文日期】2025年03月04日\n\n"
            "2025年2月4日，不可靠实体清单工作机制发布公告（不可靠实体清单工作机制公告〔2025〕4号），将因美纳公司（Illumina, Inc.）列入不可靠实体清单。"
            "不可靠实体清单工作机制决定对因美纳公司采取以下处理措施：禁止其向中国出口基因测序仪。")
    rec = parse_text(text)
    assert rec.key == "UEL-2025-6"
    assert [r.key for r in rec.references] == ["UEL-2025-4"]


def test_key_never_comes_from_the_url():
    rec = parse_text("商务部公告2025年第1号\n\n决定将甲公司（Alpha Inc.）列入出口管制管控名单。\n2025年1月2日",
                     __import__("scraper.parse", fromlist=["PageHints"]).PageHints(url="https://x/art/2025/art_" + "a" * 32 + ".html"))
    assert rec.key == "MOFCOM-2025-1"


def test_two_numbers_in_one_phrase_are_two_references():
    assert refs("停止3月4日公告（不可靠实体清单工作机制公告〔2025〕5号和6号）相关措施") == ["UEL-2025-5", "UEL-2025-6"]
    assert refs("暂停商务部公告2025年第21号、第22号相关措施") == ["MOFCOM-2025-21", "MOFCOM-2025-22"]
    assert refs("暂停实施商务部令2025年第6号") == ["MOFCOM-ORDER-2025-6"]


def test_bare_year_number_is_not_a_reference():
    assert refs("2025年第3季度") == []
    assert refs("按2025年第3号文件") == []


def test_uel_context_makes_old_style_number_a_uel_key():
    assert refs("不可靠实体清单工作机制于2023年2月16日发布公告2023年第1号") == ["UEL-2023-1"]


def test_spaced_header_number_is_written_canonically():
    text = "不 可 靠 实 体 清 单 工 作 机 制\n公　　告\n2025年 第10号\n\n决定将甲公司（Alpha Inc.）列入不可靠实体清单。\n2025年10月9日"
    assert parse_text(text).number == "不可靠实体清单工作机制公告〔2025〕10号"


def test_traditional_reprint_of_a_uel_notice():
    text = ("不 可 靠 實 體 清 單 工 作 機 制\n公　　告\n2025年 第10號\n\n不可靠實體清單工作機制決定將甲公司等2家外國實體列入不可靠實體清單（見附件）。\n"
            "本公告自公布之日起實施。\n2025年10月9日\n附件\n1. 英國航太系統公司（BAE Systems, Inc.）\n2. 乙公司（Beta LLC）\n-Beta Japan KK")
    rec = parse_text(text)
    assert rec.key == "UEL-2025-10" and rec.stated_count == 2 and rec.warnings == ()
    assert [(e.zh, e.country, e.branches) for e in rec.entities] == [("英国航太系统公司", None, ()), ("乙公司", None, ("Beta Japan KK",))]


def test_title_naming_another_notice_does_not_steal_the_key():
    from scraper.parse import PageHints

    text = "商务部公告2025年第72号\n\n现决定，自即日起至2026年11月27日，暂停实施商务部公告2024年第46号第二款。\n2025年11月9日"
    rec = parse_text(text, PageHints(title="关于暂停实施商务部公告2024年第46号第二款的公告"))
    assert rec.key == "MOFCOM-2025-72"


def test_order_number_split_over_two_lines():
    text = "中华人民共和国商务部令\n2025年第6号\n\n根据《中华人民共和国反外国制裁法》，商务部决定对甲公司（Alpha LLC）采取反制措施。\n2025年10月14日"
    rec = parse_text(text)
    assert rec.key == "MOFCOM-ORDER-2025-6" and rec.list.value == "countermeasure"


@pytest.mark.parametrize(("phrase", "keys"), [
    ("商务部 海关总署公告2025年第55号至第58号", ["MOFCOM-2025-55", "MOFCOM-2025-56", "MOFCOM-2025-57", "MOFCOM-2025-58"]),
    ("不可靠实体清单工作机制公告〔2025〕1号至3号", ["UEL-2025-1", "UEL-2025-2", "UEL-2025-3"]),
    ("商务部公告2025年第21号、第22号至第24号和第30号",
     ["MOFCOM-2025-21", "MOFCOM-2025-22", "MOFCOM-2025-23", "MOFCOM-2025-24", "MOFCOM-2025-30"]),
    ("商务部公告2025年第十号至第十二号", ["MOFCOM-2025-10", "MOFCOM-2025-11", "MOFCOM-2025-12"]),
    # wider than RANGE_MAX, or backwards: the two ends only, never a run of notices nobody named
    ("商务部公告2025年第1号至第90号", ["MOFCOM-2025-1", "MOFCOM-2025-90"]),
    ("商务部公告2025年第9号至第3号", ["MOFCOM-2025-9", "MOFCOM-2025-3"]),
])
def test_a_range_of_numbers_names_every_notice_in_it(phrase, keys):
    """Found by the blind audit of session 12: "第55号至第58号" named only No. 55 (three missed notices)."""
    assert refs(f"暂停实施{phrase}。") == keys


def test_a_ministrys_bracket_number_named_in_a_text_is_the_ministrys_not_the_working_mechanisms():
    """parse21: "商务部公告〔2026〕53号" was read as the UEL's 〔2026〕53号 (the bracket form was the working
    mechanism's alone), so a notice in that form got no number and a reference to one named a UEL notice."""
    assert refs("暂停实施商务部公告〔2026〕53号相关措施") == ["MOFCOM-2026-53"]
    assert refs("停止执行商务部令〔2026〕第3号和4号") == ["MOFCOM-ORDER-2026-3", "MOFCOM-ORDER-2026-4"]
    assert refs("停止不可靠实体清单工作机制公告〔2025〕5号和6号相关措施") == ["UEL-2025-5", "UEL-2025-6"]
    assert head("【发布文号】商务部公告〔2026〕53号").issuer == "商务部"


_parse23 = partial(parse_case, "parse23")


def test_a_title_naming_an_english_company_keeps_the_notice_number() -> None:
    """"商务部公告2027年第39号 公布将Vanguard Tactical Systems, Inc.等3家…": the comma made the title body text, so the
    notice had no number (keyed DOC-…)."""
    rec = _parse23("06-ecl-annex-english-only.txt")
    assert (rec.key, rec.kind.value, rec.warnings) == ("MOFCOM-2027-39", "announcement", ())
    assert [e.en for e in rec.entities] == ["Vanguard Tactical Systems, Inc.", "Ironclad Microelectronics LLC",
                                            "Trident Ocean Robotics Corporation"]

