"""MFA decisions the session 19 blind audit (mfa19) found read wrongly, each in the wording that broke it (the whole
texts are tests/data/corpus/mfa19/, composed; names and numbers are illustrative)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from scraper.parse import parse_document
from scraper.parse.article import extract_article
from storage.records import ActionKind, NoticeRecord

HEAD = "{title}\n{day} 16:00\n\n（{cn}中华人民共和国外交部令第{n}号公布，自{cn}起施行）\n\n"
TAIL = "\n\n本决定自{cn}起施行。\n\n外交部\n{cn}\n"
CORPUS = Path(__file__).parents[1] / "data" / "corpus"
LAW = "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"


def decision(body: str, title: str = "关于对美国有关机构和人员采取反制措施的决定", day: str = "2026-10-15",
             cn: str = "2026年10月15日", n: int = 36) -> NoticeRecord:
    text = HEAD.format(title=title, day=day, cn=cn, n=n) + body + TAIL.format(cn=cn)
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


def test_a_comma_inside_a_counted_list_of_persons_keeps_the_names_after_it() -> None:
    rec = decision(LAW + "中方决定对以下美国机构和人员采取反制措施：\n\n"
                   "一、对美国自由亚洲研究所（Free Asia Research Institute）、全球民主促进基金会（Global Democracy Promotion "
                   "Foundation）等2家机构，冻结其在我国境内的动产、不动产和其他各类财产。\n"
                   "二、对美国自由亚洲研究所所长罗伯特·金斯利（Robert Kingsley）、高级研究员艾米丽·陈（Emily Chen），全球民主促进基金会"
                   "主席威廉·哈特（William Hart）等3名人员，冻结其在我国境内的动产、不动产和其他各类财产，对其本人不予签发签证、不准入境。")
    assert [(e.zh, e.en, e.type) for e in rec.entities[2:]] == [
        ("罗伯特·金斯利", "Robert Kingsley", "individual"), ("艾米丽·陈", "Emily Chen", "individual"),
        ("威廉·哈特", "William Hart", "individual")]
    assert rec.entities[2].note == "美国自由亚洲研究所所长"
    assert rec.stated_count == 5 and not rec.warnings


def test_a_comma_between_measures_is_no_list_comma() -> None:
    rec = decision(LAW + "中方决定对美国自由亚洲研究所（Free Asia Research Institute）、全球民主促进基金会（Global Democracy "
                   "Promotion Foundation），冻结其在我国境内的财产，禁止与其进行交易等2项措施。")
    assert [e.en for e in rec.entities] == ["Free Asia Research Institute", "Global Democracy Promotion Foundation"]


STATUS_LAW = "依据《中华人民共和国反外国制裁法》第十五条规定，"


def test_a_lift_of_a_decision_named_by_its_date_alone_targets_that_decision() -> None:
    rec = decision(STATUS_LAW + "中方决定停止实施2024年12月27日决定中对银杉复合材料公司（Silverfir Composites LLC）、北方星辰导航公司"
                   "（Northern Star Navigation, Inc.）采取的反制措施。该决定对其他企业和人员采取的反制措施继续有效。",
                   title="关于停止实施部分反制措施的决定", day="2026-11-18", cn="2026年11月18日", n=38)
    (lift,) = rec.actions
    assert lift.action is ActionKind.LIFT and [(t.key, t.date) for t in lift.targets] == [(None, date(2024, 12, 27))]
    assert lift.entities == ("silverfircomposites", "northernstarnavigation")


def test_a_suspension_of_a_decision_named_by_its_date_alone_is_read_with_its_period() -> None:
    rec = decision(STATUS_LAW + "中方决定自2026年11月10日起，暂停实施2025年12月26日决定规定的反制措施，为期一年。",
                   title="关于暂停实施有关反制措施的决定", day="2026-11-10", cn="2026年11月10日", n=42)
    (suspend,) = rec.actions
    assert suspend.action is ActionKind.SUSPEND and [t.date for t in suspend.targets] == [date(2025, 12, 26)]
    assert suspend.until == date(2027, 11, 10)


def test_an_amendment_of_a_decision_named_by_date_with_section_only_lines_adds_its_lines() -> None:
    rec = decision(LAW + "中方决定对2025年12月26日决定所附《反制清单》作如下修改：\n\n一、在“一、企业”中增列：\n"
                   "（二十四）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n二、在“二、高级管理人员”中增列：\n"
                   "（十一）杰森·莫里斯（Jason Morris），男，铁杉无人系统公司首席执行官\n\n对上述增列的企业和人员，适用该决定规定的反制措施。",
                   title="关于修改对美国军工企业及高级管理人员反制措施决定的决定", day="2026-11-26", cn="2026年11月26日", n=39)
    (impose,) = rec.actions
    assert impose.action is ActionKind.IMPOSE and [t.date for t in impose.targets] == [date(2025, 12, 26)]
    assert [(e.en, e.type, e.country) for e in rec.entities] == [
        ("Hemlock Unmanned Systems, Inc.", "organization", "US"), ("Jason Morris", "individual", "US")]
    assert rec.title == "关于修改对美国军工企业及高级管理人员反制措施决定的决定"


PERSON = LAW + "中方决定对美国国会众议员约翰·多伊（John Doe）采取以下反制措施："


def test_a_term_on_one_measure_is_no_term_of_the_listing() -> None:
    """'五年内不准入境' ends the entry ban only: the assets stay frozen, so the listing has no end (read as its term it
    was a false 'lifted' five years on)."""
    for measures in ("冻结其在我国境内的动产、不动产和其他各类财产；禁止我国境内的组织、个人与其进行有关交易、合作等活动；"
                     "五年内不准其本人入境（包括香港、澳门）。",
                     "冻结其在我国境内的财产，禁止与其进行交易，并对其本人五年内不予签发签证、不准入境。",
                     "\n一、冻结其在我国境内的财产；\n二、对其本人不予签发签证，五年内不准入境。"):
        (impose,) = decision(PERSON + measures).actions
        assert (impose.until, impose.duration) == (None, None), measures


def test_a_term_of_the_decision_or_of_its_only_measure_is_the_listings() -> None:
    for measures, term in (("期限为5年：冻结其在我国境内的财产；禁止与其进行交易。", "期限为5年"),
                           ("五年内不准其本人入境。", "五年内")):
        (impose,) = decision(PERSON.replace("采取以下反制措施：", "采取以下反制措施，") + measures).actions
        assert impose.duration == term and impose.until is not None, measures


AMEND = LAW + ("中方决定对2024年12月27日《关于对美国军工企业采取反制措施的决定》（外交部令第16号）作如下修改：\n\n"
               "一、在《反制清单》“一、企业”中增列：\n（八）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n\n")


def test_a_term_on_an_amendments_additions_ends_them() -> None:
    rec = decision(AMEND + "对上述增列的企业采取的反制措施，期限为3年。", title="关于修改《关于对美国军工企业采取反制措施的决定》的决定")
    (impose,) = rec.actions
    assert impose.targets[0].key == "MFA-ORDER-2024-16" and [e.en for e in rec.entities] == ["Hemlock Unmanned Systems, Inc."]
    assert (impose.duration, impose.until) == ("期限为3年", date(2029, 10, 15))
    (plain,) = decision(AMEND, title="关于修改《关于对美国军工企业采取反制措施的决定》的决定").actions
    assert plain.until is None


# An fmprc.gov.cn page without a PubDate meta whose sidebar ("最新发布") shows other articles' "发布时间：" before its own.
SIDEBAR_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国外交部">
<title>外交部发言人就对美国国会众议员采取反制措施答记者问_中华人民共和国外交部</title></head><body>
<div class="header"><h1 class="logo"><a href="/web/">中华人民共和国外交部</a></h1></div>
<div class="vw-main"><div class="side-left"><h3>最新发布</h3><ul>
<li><a href="/web/wjdt_674879/fyrbt_674889/202611/t20261127_11940001.shtml">外交部发言人就美国国会通过涉台法案答记者问</a>
<p class="time">发布时间：2026-11-27 21:10</p></li></ul></div>
<div class="news-main"><h1 id="News_Body_Title">外交部发言人就对美国国会众议员采取反制措施答记者问</h1>
<p class="time"><span>发布时间：2026-12-01 16:00</span></p>
<div id="News_Body_Txt_A"><div class="TRS_Editor"><p>问：外交部今天宣布对美国国会众议员约翰·多伊采取反制措施。发言人能否介绍有关情况？</p>
<p>答：依据《中华人民共和国反外国制裁法》，外交部决定对其采取反制措施。</p></div></div></div></div></body></html>"""


def test_an_info_line_date_is_the_articles_own_not_a_sidebars() -> None:
    article = extract_article(LexborHTMLParser(SIDEBAR_PAGE), SIDEBAR_PAGE)
    assert article.pub is not None and (article.pub.day, article.pub.hour) == (date(2026, 12, 1), 16)


def test_a_mirror_qa_with_a_sidebar_before_it_keeps_its_own_date_and_key() -> None:
    page = (CORPUS / "pages/27-exportcontrol-mirror-qa1105.html").read_text(encoding="utf-8").replace(
        '<div class="detail">', '<div class="left"><ul><li><a href="/article/gndt/202511/1190.html">商务部召开例行新闻发布会</a>'
        '<span>发布时间：2025-10-30</span></li></ul></div>\n<div class="detail">', 1)
    rec = parse_document(page.encode(), url="http://exportcontrol.mofcom.gov.cn/article/gndt/202511/1186.html").notice
    assert rec is not None and rec.published == date(2025, 11, 6) and rec.key.startswith("QA-2025-11-06-")


def test_what_the_first_company_did_is_no_part_of_its_name() -> None:
    rec = decision(LAW + "中方决定对参与此次对台军售的L3哈里斯技术公司（L3Harris Technologies, Inc.）、德事隆系统公司（Textron Systems "
                   "Corporation）等2家美国军工企业采取反制措施，冻结其在我国境内的财产。", title="关于对美国军工企业采取反制措施的决定")
    assert [e.zh for e in rec.entities] == ["L3哈里斯技术公司", "德事隆系统公司"]
    rec = decision(LAW + "中方决定对参与对台军售的通用原子航空系统公司、雷神技术公司等2家军工企业采取反制措施，冻结其在我国境内的财产。",
                   title="关于对美国军工企业采取反制措施的决定")
    assert [e.zh for e in rec.entities] == ["通用原子航空系统公司", "雷神技术公司"]
