"""Session 32's blind round 18 (audit32, tests/data/corpus/audit32/): texts the parser read wrong, each as a short
text. A removal from a list of Chinese exporters a notice sets up (a white list, a general-licence enterprise list) is
no removal from the ECL (17, 18); a signature a year before its number's year takes the page's date, or is refused (08);
a stop after an annex line's bracket is no part of the names (12); a table whose first column is the country, or
headed in English only (05, 04); an answer deciding a step on a notice named without its year is refused (23); a 决定
right after an earlier notice's number is told, not decided (16)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ECL = "商务部公告2026年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】2026年12月19日\n\n"
ECL_SIGN = "\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月19日\n"


def _steps(text: str) -> list[tuple[str, str | None, list[str | None], tuple[str, ...]]]:
    doc = parse_document(text.encode("utf-8"))
    return [] if doc.notice is None else [(a.action.value, a.list.value if a.list else None,
                                           [t.key for t in a.targets], a.entities) for a in doc.notice.actions]


@pytest.mark.parametrize("removal", ["商务部将其移出白名单", "商务部将其移出通用许可企业名单", "商务部将其从白名单中移除"])
def test_a_removal_from_a_list_of_exporters_is_none_of_ours(removal: str) -> None:
    # "…不得向出口管制管控名单所列实体出口…。违反规定的，商务部将其移出白名单": read as a removal of the listed
    # exporters from the ECL (the list the notice names)
    text = (ECL.format(n=160) + "商务部决定将中国稀土集团有限公司等2家企业列入稀土出口合规企业白名单（见附件）：\n"
            "一、列入白名单的企业不得向出口管制管控名单所列实体出口稀土相关物项。违反规定的，" + removal + "。" + ECL_SIGN
            + "\n附件\n\n1. 中国稀土集团有限公司\n2. 厦门钨业股份有限公司\n")
    assert _steps(text) == []


@pytest.mark.parametrize("listing", [
    "商务部决定将以下2家出口经营者列入两用物项出口通用许可企业名单，上述企业不得向出口管制管控名单所列实体出口：",
    "商务部决定将中国稀土集团有限公司等2家企业纳入稀土出口白名单管理，对出口管制管控名单所列实体不予许可。"])
def test_a_listing_of_exporters_on_a_list_of_theirs_is_none_of_ours(listing: str) -> None:
    # the ECL named later in the sentence (the exporters' rule) was read as the list they were put on: 2 false items
    text = (ECL.format(n=161) + listing + "\n1. 中国稀土集团有限公司（China Rare Earth Group Co., Ltd.）\n"
            "2. 厦门钨业股份有限公司（Xiamen Tungsten Co., Ltd.）" + ECL_SIGN)
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or (not doc.notice.actions and not doc.notice.entities)


@pytest.mark.parametrize("where", ["上述名单", "名单", "出口管制管控名单", "管控清单", "注名单"])
def test_a_removal_from_our_list_written_short_stays_one(where: str) -> None:
    text = (ECL.format(n=162) + "商务部决定将商务部公告2026年第23号所列美国IMSAR公司（IMSAR, LLC）移出" + where + "。" + ECL_SIGN)
    assert [s[0] for s in _steps(text)] == ["remove"]


LISTING_153 = ("商务部公告2026年第153号\n\n商务部决定将灰岩弹道公司（Greystone Ballistics, Inc.）、北风隐身材料公司（Boreas Stealth "
               "Materials LLC）2家美国实体列入出口管制管控名单，并采取以下措施：\n一、禁止出口经营者向上述2家实体出口两用物项。\n"
               "本公告自公布之日起正式实施。\n\n商务部\n{signed}\n")
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"中华人民共和国商务部\">"
        "<meta name=\"ArticleTitle\" content=\"商务部公告2026年第153号\"><meta name=\"PubDate\" content=\"{pub}\"></head><body>"
        "<div class=\"art-title\"><h1>商务部公告2026年第153号</h1></div><div class=\"art-con art-con-bottonmLine\">{body}"
        "</div></body></html>")
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_6f7a8b9c0d1e45c63748f9a0b1c2d3e4.html"


def _page(signed: str, pub: str) -> bytes:
    body = "".join(f"<p>{line}</p>" for line in LISTING_153.format(signed=signed).splitlines())
    return PAGE.format(pub=pub, body=body).encode("utf-8")


def test_a_signature_a_year_before_the_number_takes_the_pages_date() -> None:
    # "商务部公告2026年第153号" signed "2025年12月8日" on a page released 2026-12-08: read as published and in force on
    # 2025-12-08, a year before it was made
    doc = parse_document(_page("2025年12月8日", "2026-12-08 10:00"), url=URL)
    assert doc.notice is not None
    assert (str(doc.notice.published), [a.effective for a in doc.notice.actions]) == ("2026-12-08", ["2026-12-08"])
    assert any("signed 2025-12-08, before the year of its number" in w for w in doc.notice.warnings)
    # the right year signed: no word
    doc = parse_document(_page("2026年12月8日", "2026-12-08 10:00"), url=URL)
    assert doc.notice is not None and str(doc.notice.published) == "2026-12-08" and not doc.notice.warnings


def test_a_signature_a_year_before_the_number_with_no_page_date_of_its_year_is_refused() -> None:
    # signed in the December before the number's year, it may be a notice of the new year signed early: read as signed
    # (audit30/11); before that December, no day it gives can be right
    doc = parse_document(LISTING_153.format(signed="2025年12月8日").encode("utf-8"))
    assert doc.notice is not None and str(doc.notice.published) == "2025-12-08"
    for raw in (LISTING_153.format(signed="2025年6月8日").encode("utf-8"), _page("2025年6月8日", "2025-06-08 10:00"),
                _page("2025年6月8日", "2026-12-08 10:00")):
        with pytest.raises(UnusablePage) as refused:
            parse_document(raw, url=URL if raw.startswith(b"<") else None)
        assert refused.value.reason == "needs-review" and "before the year of its number" in str(refused.value)


ECL_156 = ("商务部公告2026年第156号\n\n商务部决定将以下3家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n"
           "一、禁止出口经营者向上述3家实体出口两用物项。\n本公告自公布之日起正式实施。\n\n附件：出口管制管控名单\n\n商务部\n"
           "2026年12月18日\n\n附件\n\n出口管制管控名单\n\n{lines}\n")


@pytest.mark.parametrize("stop", ["。", ".", "；", " 。"])
def test_a_stop_after_an_annex_lines_bracket_is_no_part_of_the_names(stop: str) -> None:
    # "1. 北极星“光学”公司（Polaris “Optics” Inc.）。": the line dropped; "…Corp.）.": read whole as a Chinese name
    lines = ["1. 北极星“光学”公司（Polaris “Optics” Inc.）", "2. 子午防务系统公司（Meridian Defense Systems Corp.）",
             "3. 海角先锋技术公司（Cape ‘Pioneer’ Technologies, LLC.）"]
    doc = parse_document(ECL_156.format(lines="\n".join(line + stop for line in lines)).encode("utf-8"))
    assert doc.notice is not None and not doc.notice.warnings
    assert [(e.zh, e.en) for e in doc.notice.entities] == [
        ("北极星“光学”公司", "Polaris “Optics” Inc."), ("子午防务系统公司", "Meridian Defense Systems Corp."),
        ("海角先锋技术公司", "Cape ‘Pioneer’ Technologies, LLC.")]


WL_151 = ("商务部公告2026年第151号\n\n商务部决定将东邦精密光学株式会社等4家实体列入出口管制关注名单（见附件），并采取以下措施：\n"
          "一、出口经营者向上述实体出口两用物项的，不得适用通用许可。\n本公告自公布之日起正式实施。\n\n附件：出口管制关注名单\n\n"
          "商务部\n2026年12月11日\n\n附件\n\n出口管制关注名单\n\n{rows}\n")


def _table(rows: list[str]) -> list[tuple[str | None, str | None, str | None]]:
    doc = parse_document(WL_151.format(rows="\n".join(rows)).encode("utf-8"))
    assert doc.notice is not None and not doc.notice.warnings
    return [(e.zh, e.en, e.country) for e in doc.notice.entities]


def test_a_table_whose_first_column_is_the_country_merged_down() -> None:
    # the rows opening with their country ("日本<tab>1<tab>…") were no annex lines: 2 of 4 read, no country
    assert _table(["国家（地区）\t序号\t中文名称\t英文名称", "日本\t1\t东邦精密光学株式会社\tToho Precision Optics Co., Ltd.",
                   "2\t北陆航空电子株式会社\tHokuriku Avionics Corporation", "韩国\t3\t韩星推进技术株式会社\tHanseong Propulsion Co., Ltd.",
                   "4\t东海精密材料公司\tDonghae Precision Materials Inc."]) == [
        ("东邦精密光学株式会社", "Toho Precision Optics Co., Ltd.", "JP"),
        ("北陆航空电子株式会社", "Hokuriku Avionics Corporation", "JP"),
        ("韩星推进技术株式会社", "Hanseong Propulsion Co., Ltd.", "KR"), ("东海精密材料公司", "Donghae Precision Materials Inc.", "KR")]


def test_a_table_headed_in_english_only_the_english_first() -> None:
    # "No. | Name | Chinese Name | Country/Region": the Chinese names were lost (no header read)
    assert _table(["No.\tName\tChinese Name\tCountry/Region", "1\tToho Precision Optics Co., Ltd.\t东邦精密光学株式会社\t日本",
                   "2\tHokuriku Avionics Corporation\t北陆航空电子株式会社\t日本",
                   "3\tHanseong Propulsion Co., Ltd.\t韩星推进技术株式会社\t韩国",
                   "4\tDonghae Precision Materials Inc.\t东海精密材料公司\t韩国"]) == [
        ("东邦精密光学株式会社", "Toho Precision Optics Co., Ltd.", "JP"),
        ("北陆航空电子株式会社", "Hokuriku Avionics Corporation", "JP"),
        ("韩星推进技术株式会社", "Hanseong Propulsion Co., Ltd.", "KR"), ("东海精密材料公司", "Donghae Precision Materials Inc.", "KR")]


QA = ("商务部新闻发言人就稀土相关物项出口管制措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 21:00\n\n"
      "问：第61号公告的暂停期限即将届满，请问商务部有何考虑？\n\n答：")


@pytest.mark.parametrize("step", ["继续暂停实施第61号公告，暂停期限1年", "恢复实施商务部第61号公告", "停止实施第 61 号公告"])
def test_an_answer_deciding_a_step_on_a_notice_without_its_year_is_refused(step: str) -> None:
    # read as no notice at all (an answer on something else: no list named, no step read), silently
    with pytest.raises(UnusablePage) as refused:
        parse_document((QA + "为落实中美经贸磋商共识，商务部决定，自2026年11月10日起，" + step + "。\n").encode("utf-8"))
    assert refused.value.reason == "needs-review" and "without its year" in str(refused.value)


def test_an_answer_telling_a_yearless_notice_is_no_step() -> None:
    doc = parse_document((QA + "商务部此前决定暂停实施第61号公告。商务部将继续依法审查出口许可申请。\n").encode("utf-8"))
    assert doc.notice is None or not doc.notice.actions


def test_the_early_end_of_a_suspension_an_earlier_notice_decided() -> None:
    # "一、商务部公告2026年第95号决定，自…至…暂停实施…第61号。二、…商务部决定提前终止上述暂停，自…起恢复实施…第61号":
    # the first 决定 (No. 95's, told) was taken as this notice's decision, its 暂停实施 as a suspension of no notice read:
    # the restore refused for review
    text = ("商务部公告2027年第12号\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第12号\n【发文日期】2027年02月20日\n\n"
            "一、商务部公告2026年第95号决定，自2026年11月10日起至2027年11月10日暂停实施商务部公告2025年第61号。\n"
            "二、商务部决定提前终止上述暂停，自2027年3月1日起恢复实施商务部公告2025年第61号。\n"
            "三、本公告自2027年3月1日起正式实施。\n\n商务部\n2027年2月20日\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in doc.notice.actions] == [
        ("restore", ["MOFCOM-2025-61"], "2027-03-01")]


@pytest.mark.parametrize(("number", "key"), [("不可靠实体清单工作机制公告〔2026〕16", "UEL-2026-16"),
                                             ("商务部公告2026年第164", "MOFCOM-2026-164")])
def test_a_filing_number_without_its_hao(number: str, key: str) -> None:
    # "【发布文号】不可靠实体清单工作机制公告〔2026〕16" (no 号 anywhere): keyed DOC-…, "no notice number found"
    text = (f"{number} 关于将1家美国实体列入不可靠实体清单的公告\n【发布单位】安全与管制局\n【发布文号】{number}\n"
            f"【发文日期】2026年12月16日\n\n{number}\n\n决定将海狼水下系统公司（Seawolf Undersea Systems, Inc.）列入不可靠实体清单。\n"
            "\n本公告自公布之日起实施。\n\n2026年12月16日\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None and doc.notice.key == key and "no notice number found" not in doc.notice.warnings
