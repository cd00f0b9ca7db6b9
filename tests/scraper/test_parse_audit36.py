"""Session 36's blind round 22 (audit36, tests/data/corpus/audit36/): texts the parser read wrong, each as a short text.
Subsidiaries and branches named with a listed parent ("及其在华分支机构、" 15; "及其子公司，包括X、Y，共3家" 16; "及其关联企业" 17;
"（系…关联企业）" after an annex line's bracket 18); a notice recounting a suspension under a month-only date (21); English
versions quoting Chinese (10, 11); other ministries' spokespersons recounting MOFCOM's listings (12, 14); a removal decided
"自公布之日起" (24); news reports whose number is written where they recount the listing (05, 09: the news parser)."""

from __future__ import annotations

import pytest

from scraper.news import news_facts
from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

ECL_HEAD = "商务部公告2027年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第{n}号\n【发文日期】2027年06月08日\n\n"
ECL_BODY = ("根据《中华人民共和国出口管制法》有关规定，商务部决定将{names}列入出口管制管控名单，并采取以下措施：\n\n"
            "一、禁止出口经营者向上述实体出口两用物项。\n\n本公告自公布之日起正式实施。\n\n")
ECL_TAIL = "商务部\n2027年6月8日\n"
ANNEX = "附件：出口管制管控名单\n\n商务部\n2027年6月8日\n\n附件\n出口管制管控名单\n{lines}\n"
EN_PAGE = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
           '<meta name="PubDate" content="2027-05-21 11:00"><title>{title}</title></head><body>'
           '<div class="art-con art-con-bottonmLine">{body}</div></body></html>')
EN_URL = "https://english.mofcom.gov.cn/News/PressConference/art/2027/art_0d2f4b6d8f0a42c4e6a8c0e2a4c6e8a0.html"


def _notice(text: str, url: str | None = None):  # type: ignore[no-untyped-def]
    notice = parse_document(text.encode("utf-8"), url=url).notice
    assert notice is not None
    return notice


def _names(text: str) -> list[tuple[str | None, str | None]]:
    notice = _notice(text)
    assert not [w for w in notice.warnings if "notice states" in w], notice.warnings
    return [(e.zh, e.en) for e in notice.entities]


def _listing(names: str) -> str:
    return ECL_HEAD.format(n=58) + ECL_BODY.format(names=names) + ECL_TAIL


@pytest.mark.parametrize("where", ["在华", "在中国境内", "驻华", ""])
def test_a_parents_branches_in_china_are_no_entity(where: str) -> None:
    """15: "甲（a）及其在华分支机构、乙（b）2家美国实体": two entities, "其在华分支机构" none."""
    names = f"甲航天公司（Alpha Aerospace Corp.）及其{where}分支机构、乙动力公司（Beta Propulsion, Inc.）2家美国实体"
    assert _names(_listing(names)) == [("甲航天公司", "Alpha Aerospace Corp."), ("乙动力公司", "Beta Propulsion, Inc.")]


def test_subsidiaries_named_after_including_but_not_limited_to() -> None:
    """Probe P4: "及其子公司，包括但不限于乙（b）、丙（c）": no "但不限于" in a name."""
    names = "甲防务集团（Alpha Defense Group）及其子公司，包括但不限于乙导弹公司（Beta Missile LLC）、丙航电公司（Gamma Avionics Inc.）"
    assert [e.zh for e in _notice(_listing(names)).entities] == ["甲防务集团", "乙导弹公司", "丙航电公司"]


def test_subsidiaries_named_after_including_and_a_comma_count() -> None:
    """16: "甲（a）及其子公司，包括乙（b）、丙（c），共3家美国实体": three, no "，包括" in a name, no count read as a fourth."""
    names = "甲防务集团（Alpha Defense Group）及其子公司，包括乙导弹公司（Beta Missile LLC）、丙航电公司（Gamma Avionics Inc.），共3家美国实体"
    notice = _notice(_listing(names))
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [
        ("甲防务集团", "Alpha Defense Group", "US"), ("乙导弹公司", "Beta Missile LLC", "US"), ("丙航电公司", "Gamma Avionics Inc.", "US")]
    assert notice.stated_count == 3 and not notice.warnings


@pytest.mark.parametrize(("line", "zh", "en"), [
    ("1. 甲科技公司及其关联企业（Alpha Technologies Corp. and its affiliates）", "甲科技公司", "Alpha Technologies Corp."),
    ("1. 甲科技公司及其在华子公司（Alpha Technologies Corp. and its subsidiaries in China）", "甲科技公司", "Alpha Technologies Corp."),
    ("1. 甲科技公司（Alpha Technologies Corp.）（系乙防务集团关联企业）", "甲科技公司", "Alpha Technologies Corp."),
    ("1. 甲科技公司（Alpha Technologies Corp.）（乙防务集团全资子公司之一）", "甲科技公司", "Alpha Technologies Corp."),
])
def test_an_annex_lines_affiliate_words_are_no_part_of_the_name(line: str, zh: str, en: str) -> None:
    """17, 18: the affiliate words inside the name and its English, or a bracket naming the parent after the English."""
    text = (ECL_HEAD.format(n=77) + "根据有关规定，商务部决定将甲科技公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n\n"
            "一、禁止出口经营者向上述2家实体出口两用物项。\n\n本公告自公布之日起正式实施。\n\n"
            + ANNEX.format(lines=line + "\n2. 丙光学公司（Gamma Optics LLC）"))
    assert _names(text) == [(zh, en), ("丙光学公司", "Gamma Optics LLC")]


@pytest.mark.parametrize(("history", "suspends"), [
    ("2027年12月，商务部决定暂停实施上述公告相关措施6个月，暂停期限于2028年6月30日届满。", False),
    ("2027年12月1日，商务部决定暂停实施上述公告相关措施6个月，暂停期限于2028年6月30日届满。", False),
    ("2028年6月，商务部决定暂停实施上述公告相关措施6个月。", True),  # the notice's own month: no telling it is history
])
def test_a_suspension_recounted_under_a_month_is_history(history: str, suspends: bool) -> None:
    """21: "2027年12月，商务部决定暂停…6个月" in a notice of 2028-06 recounts; it was read as a suspension from the notice's day."""
    text = ("商务部公告2028年第131号\n【发布单位】安全与管制局\n【发布文号】商务部公告2028年第131号\n【发文日期】2028年06月24日\n\n"
            f"商务部公告2027年第108号将有关美国实体列入出口管制管控名单。{history}\n\n"
            "经研究，商务部决定，自2028年7月1日起，恢复实施商务部公告2027年第108号相关措施。\n\n商务部\n2028年6月24日\n")
    kinds = [(a.action.value, a.effective) for a in _notice(text).actions]
    assert ("restore", "2028-07-01") in kinds
    assert any(k == "suspend" for k, _ in kinds) is suspends


ANSWER_EN = ("<p>Q: What adjustments will China make to the export control measures on the relevant US entities?</p>"
             "<p>A: To implement the consensus reached in the China-US economic and trade consultations, MOFCOM decided to "
             "suspend the relevant measures of MOFCOM Announcement No. 23 of 2026 for 90 days starting from May 25, 2027 "
             "（原文：商务部决定，自2027年5月25日起，暂停实施商务部公告2026年第23号相关措施90天）.</p>"
             "<p>During the suspension, exporters may apply to MOFCOM for exports of dual-use items to the entities concerned.</p>")
LISTING_EN = ("<p>不可靠实体清单工作机制公告〔2027〕3号</p><p>In accordance with the Foreign Trade Law of the People's Republic of "
              "China and Articles 2, 8 and 10 of the Provisions on the Unreliable Entity List, the Working Mechanism decided to "
              "add the following 2 U.S. entities to the Unreliable Entity List: Polaris Missile Systems, Inc. (北极星导弹系统公司) "
              "and Thunder Avionics LLC (雷鸣航空电子公司), and to take the following measures:</p><p>1. The above enterprises are "
              "prohibited from engaging in import and export activities related to China.</p><p>This announcement shall take "
              "effect as of the date of promulgation.</p><p>Unreliable Entity List Working Mechanism</p><p>March 9, 2027</p>")


@pytest.mark.parametrize(("title", "body"), [
    ("MOFCOM Spokesperson Answers Reporter's Question", ANSWER_EN),
    ("Unreliable Entity List Working Mechanism Announcement [2027] No. 3", LISTING_EN),
])
def test_an_english_version_quoting_chinese_is_no_notice(title: str, body: str) -> None:
    """11: an English answer quoting the Chinese decision in brackets (a suspension under a DOC key, a second notice of the
    answer's step); 10: an English listing with the Chinese number and names in brackets (refused as cut short): news, no
    notice, no step, no entity."""
    doc = parse_document(EN_PAGE.format(title=title, body=body).encode(), url=EN_URL)
    assert doc.kind is DocumentKind.OTHER and doc.notice is None


def test_an_english_sites_page_is_no_notice_whatever_its_title() -> None:
    """Probe P8: english.mofcom's page under a Chinese <title>: still English, no notice (it read a suspension)."""
    doc = parse_document(EN_PAGE.format(title="商务部新闻发言人答记者问", body=ANSWER_EN).encode(), url=EN_URL)
    assert doc.kind is DocumentKind.OTHER and doc.notice is None


def test_a_chinese_notice_with_an_english_annex_is_still_read() -> None:
    """The English test asks the title first: a Chinese notice whose annex is long English names stays a notice."""
    lines = "\n".join(f"{i}. Company Number {i} With A Long English Name Incorporated (Delaware)" for i in range(1, 41))
    text = (ECL_HEAD.format(n=90) + "根据有关规定，商务部决定将附件所列40家美国实体列入出口管制管控名单，并采取以下措施：\n\n"
            "一、禁止出口两用物项。\n\n本公告自公布之日起正式实施。\n\n" + ANNEX.format(lines=lines))
    notice = _notice(text)
    assert notice.key == "MOFCOM-2027-90" and [a.action.value for a in notice.actions] == ["impose"]


@pytest.mark.parametrize(("title", "source"), [
    ("国防部新闻发言人就美国对台军售答记者问", "国防部网"),
    ("2027年4月13日外交部发言人毛宁主持例行记者会", "外交部网站"),
    ("外交部例行记者会（2027年4月13日）", "新华网"),  # probe P1: a press conference, not a spokesperson, in the title
    ("毛宁主持例行记者会", "外交部网站"),  # probe P1b: the source line says whose it is
])
def test_another_ministrys_spokesperson_recounting_a_listing_is_none_of_ours(title: str, source: str) -> None:
    """12, 14: their answers recount MOFCOM's listing ("商务部已依法决定将…列入…"): no notice (a listing of nobody under a DOC
    key; a Q&A with "no action found in the answer")."""
    text = (f"{title}\n\n来源：{source}　2027-04-13 19:02\n\n问：中国商务部昨天将3家美国实体列入出口管制管控名单。对此有何评论？\n\n"
            "答：我们注意到商务部发布了公告。商务部已依法决定将铁砧国防工业公司等3家美国实体列入出口管制管控名单，禁止向其出口两用物项。"
            "这是中方依法采取的正当举措。\n")
    assert parse_document(text.encode()).kind is DocumentKind.OTHER


def test_another_ministrys_spokesperson_deciding_sanctions_is_still_refused() -> None:
    """mfa22/08's shape: an MFA spokesperson deciding sanctions under the AFSL stays a page for a person (not dropped)."""
    text = ("外交部发言人宣布中方决定对菲律宾前参议员马科斯·德拉克鲁斯采取制裁措施\n2026-10-21 19:00\n\n外交部发言人宣布：\n\n"
            "依据《中华人民共和国反外国制裁法》，中方决定对马科斯·德拉克鲁斯（Marcos dela Cruz）采取制裁措施，禁止其入境。\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode())
    assert refused.value.reason == "needs-review"


def test_a_removal_decided_from_publication_states_its_day() -> None:
    """24: "商务部决定，自公布之日起，将甲（a）移出关注名单": no "no effective date stated" warning (a needless health issue)."""
    text = ("商务部公告2028年第47号\n【发布单位】安全与管制局\n【发布文号】商务部公告2028年第47号\n【发文日期】2028年04月06日\n\n"
            "根据有关规定，商务部决定，自公布之日起，将卡帕测控公司（Kappa Instruments Inc.）移出关注名单。\n\n商务部\n2028年4月6日\n")
    notice = _notice(text)
    assert [(a.action.value, a.effective) for a in notice.actions] == [("remove", "2028-04-06")]
    assert notice.warnings == ()


ETTODAY = ("陸商務部宣布　暫停對美10實體出口管制措施90天\n\n2027年05月21日 10:15\n\n"
           "中國大陸商務部20日晚間宣布，自5月25日起，暫停實施對2026年6月被列入出口管制管控名單的10家美國實體的相關措施，為期90天。\n\n"
           "大陸商務部去年6月以商務部公告2026年第23號將其列入出口管制管控名單。\n")
GLOBAL_TIMES = ("China adds 3 US defense firms to export control list\n\nPublished: Apr 12, 2027 08:41 PM\n\n"
                "China's Ministry of Commerce on Monday added three US entities to its export control list, according to MOFCOM "
                "Announcement No. 41 of 2027 released on its website.\n\nThe move follows the measures against 10 US entities on the "
                "Unreliable Entity List, which were suspended for one year from February 1.\n")


@pytest.mark.parametrize(("text", "action", "key"), [(ETTODAY, "suspend", "MOFCOM-2026-23"), (GLOBAL_TIMES, "impose", "MOFCOM-2027-41")])
def test_a_news_reports_change_takes_the_number_its_recounted_listing_names(text: str, action: str, key: str) -> None:
    """09, 05 through the news parser: the number is written in a sentence recounting the listing ("…以商务部公告2026年第23号将其
    列入…", "added … according to MOFCOM Announcement No. 41 of 2027" under a headline's listing); that clause is dropped
    beside the report's status change, and its number went with it: the report linked by the page's day and a count."""
    facts = news_facts(text)
    assert facts is not None
    first = next(a for a in facts.actions if a.action.value == action and a.list.value == "ecl")
    assert first.keys == (key,)
