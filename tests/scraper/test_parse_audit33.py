"""Session 33's blind round 19 (audit33, tests/data/corpus/audit33/): texts the parser read wrong, each as a short
text. Another authority's list and measures are none of ours (03, probes 24-26); steps on numbered annexes of which fewer were read
are refused (19); a name cut over two table columns under a header spanning both (12); names with 原名/现名 (11), with
their own script before the English (13), two in one table row (15) or on one annex line (16); "一、美国实体（3家）"
headings with no "附件" line (16); a title's "部分实体" states no count (08); a removal from two lists in one verb (20), several put on two lists respectively (probe 27)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ECL = "商务部公告2026年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】2026年12月21日\n\n"
ECL_SIGN = "\n\n本公告自公布之日起正式实施。\n\n附件：出口管制管控名单（2026年12月21日）\n\n商务部\n2026年12月21日\n"
LISTING = "决定将以下{k}家实体列入出口管制管控名单（见附件），禁止出口经营者向上述{k}家实体出口两用物项。"
ANNEX = "\n出口管制管控名单\n（2026年12月21日）\n\n"
PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"中华人民共和国商务部\">"
        "<meta name=\"ArticleTitle\" content=\"{title}\"><meta name=\"PubDate\" content=\"2026-12-21 17:00\"></head><body>"
        "<div class=\"art-title\"><h1>{title}</h1></div><div class=\"art-con art-con-bottonmLine\">{body}</div></body></html>")
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5.html"


def _notice(text: str, url: str | None = None):  # type: ignore[no-untyped-def]
    return parse_document(text.encode("utf-8"), url=url).notice


def _names(text: str, url: str | None = None) -> list[tuple[str | None, str | None, str | None]]:
    notice = _notice(text, url)
    assert notice is not None
    return [(e.zh, e.en, e.country) for e in notice.entities]


@pytest.mark.parametrize("who", ["国务院台湾事务办公室", "海关总署"])
def test_another_authoritys_measure_is_none_of_ours(who: str) -> None:
    # 03: the text recounts an ECL listing and cites the Anti-Foreign Sanctions Law, so it read as a measure on the ECL
    # on "林某甲、陈某乙2人", DOC-keyed
    text = (f"关于将2名\"台独\"顽固分子列入清单的公告\n\n2026年12月10日\n\n根据《中华人民共和国反外国制裁法》等有关法律规定，{who}"
            "决定将林某甲、陈某乙2人列入\"台独\"顽固分子清单，并依法采取以下惩戒措施：\n\n一、禁止上述人员进入大陆；\n\n"
            "二、限制上述人员关联的鼎峰科技股份有限公司（Dingfeng Technology Co., Ltd.）与大陆有关组织、个人进行交易、合作。\n\n"
            "上述企业已于2026年6月被商务部列入出口管制管控名单，相关管控措施继续有效。\n")
    notice = _notice(text)
    assert notice is None or (not notice.actions and not notice.entities)


@pytest.mark.parametrize("text", [
    # the spokesperson's "我们决定", the source line naming the Office (probe 24: a measure on the ECL on "林某某、黄某某2人")
    "国台办：依法惩戒\n\n来源：国务院台湾事务办公室 2026-12-16 10:40\n\n发言人表示，根据《中华人民共和国反外国制裁法》，我们决定将"
    "林某某、黄某某2人列入\"台独\"顽固分子清单，并依法对其惩戒：禁止其本人进入大陆；限制其关联企业与大陆进行交易、合作。\n\n"
    "经查，宏泰精密工业股份有限公司（Hongtai Precision Industry Co., Ltd.）为其关联企业，已被商务部列入出口管制管控名单。\n",
    # "采取反制措施" decided by another authority (probes 25, 26: listings on the countermeasure list)
    "国务院台湾事务办公室关于对台湾地区2家企业采取反制措施的决定\n\n2026年12月18日\n\n根据《中华人民共和国反外国制裁法》，"
    "国务院台湾事务办公室决定对宏泰精密工业股份有限公司（Hongtai Precision Industry Co., Ltd.）、鼎盛航电科技股份有限公司"
    "（Dingsheng Avionics Technology Corp.）等2家企业采取反制措施：冻结其在大陆的财产。\n\n本决定自即日起施行。\n",
    "海关总署公告2026年第190号 关于对美国2家企业采取反制措施的公告\n\n根据《中华人民共和国反外国制裁法》，海关总署决定对美国大河"
    "油籽公司（Great River Oilseed, Inc.）、草原收获出口公司（Prairie Harvest Export Co.）等2家企业采取反制措施：禁止其产品进口。\n\n"
    "本公告自公布之日起实施。\n\n海关总署\n2026年12月19日\n"])
def test_another_authority_publishing_or_deciding_is_none_of_ours(text: str) -> None:
    notice = _notice(text)
    assert notice is None or (not notice.actions and not notice.entities)


TWO_ANNEXES = ("商务部决定：\n\n一、将附件1所列2家美国实体列入出口管制管控名单，禁止出口经营者向上述2家实体出口两用物项。\n\n"
               "二、将附件2所列2家美国实体列入不可靠实体清单，禁止上述2家实体从事与中国有关的进出口活动。")


def test_steps_on_two_annexes_one_of_them_unread_are_refused() -> None:
    # 19: annex 2 only as a PDF: the UEL listing took annex 1's entities (2 false items), the 2 of annex 2 missed, silently
    text = (ECL.format(n=190) + TWO_ANNEXES + ECL_SIGN + "\n附件1\n出口管制管控名单\n\n1. 赤岩峡谷动力公司（Redstone Canyon "
            "Dynamics, Inc.）\n2. 银翼无人系统公司（Silverwing Unmanned Systems LLC）\n\n附件2：不可靠实体清单（见PDF文件）\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_steps_on_two_annexes_both_read_each_take_their_own() -> None:
    text = (ECL.format(n=191) + TWO_ANNEXES + ECL_SIGN + "\n附件1\n出口管制管控名单\n\n1. 赤岩峡谷动力公司（Redstone Canyon "
            "Dynamics, Inc.）\n2. 银翼无人系统公司（Silverwing Unmanned Systems LLC）\n\n附件2\n不可靠实体清单\n\n"
            "1. 雷鸣湾防务公司（Thunder Bay Defense Group, Inc.）\n2. 铁杉导弹技术公司（Hemlock Missile Technologies LLC）\n")
    notice = _notice(text)
    assert notice is not None
    assert [(a.list.value if a.list else None, a.entities) for a in notice.actions] == [
        ("ecl", ("redstonecanyondynamics", "silverwingunmannedsystems")),
        ("uel", ("thunderbaydefensegroup", "hemlockmissiletechnologies"))]


def _ecl_table_page(n: int, k: int, rows: str) -> str:
    """A jpaas page of 商务部公告2026年第{n}号 listing {k} entities on the ECL, its annex the table ``rows``."""
    body = (f"<p>【发布文号】商务部公告2026年第{n}号</p><p>【发文日期】2026年12月21日</p><p>" + LISTING.format(k=k) + "</p>"
            "<p>本公告自公布之日起正式实施。</p><p>商务部</p><p>2026年12月21日</p><p>附件</p><p>出口管制管控名单</p>"
            "<table><tbody>" + rows + "</tbody></table>")
    return PAGE.format(title=f"商务部公告2026年第{n}号", body=body)


def test_a_name_cut_over_the_two_columns_its_header_spans_is_joined() -> None:
    # 12: '太平洋沿岸水下' | '作战系统公司' under <th colspan="2">中文名称</th>: the second half read as the English name
    rows = ("<tr><th>序号</th><th colspan=\"2\">中文名称</th><th>英文名称</th><th>国家/地区</th></tr>"
            "<tr><td>1</td><td colspan=\"2\">鹰巢战术通信公司</td><td>Eagle Nest Tactical Communications, Inc.</td><td>美国</td></tr>"
            "<tr><td>2</td><td>太平洋沿岸水下</td><td>作战系统公司</td><td>Pacific Littoral Undersea Warfare Systems LLC</td>"
            "<td>美国</td></tr>")
    text = _ecl_table_page(192, 2, rows)
    assert _names(text, URL) == [("鹰巢战术通信公司", "Eagle Nest Tactical Communications, Inc.", "US"),
                                 ("太平洋沿岸水下作战系统公司", "Pacific Littoral Undersea Warfare Systems LLC", "US")]


def test_two_entities_in_one_table_row() -> None:
    # 15: read as one entity named by both, behind a count warning
    rows = ("<tr><th>序号</th><th>中文名称</th><th>英文名称</th><th>国家/地区</th></tr>"
            "<tr><td>1</td><td>星火定向能公司、星火光学公司</td><td>Starfire Directed Energy LLC、Starfire Optics LLC</td>"
            "<td>美国</td></tr><tr><td>2</td><td>寒峰导弹部件公司；寒峰精密制造公司</td><td>Cold Peak Missile Components Corp.; "
            "Cold Peak Precision Manufacturing Corp.</td><td>美国</td></tr>")
    text = _ecl_table_page(193, 4, rows)
    assert _names(text, URL) == [("星火定向能公司", "Starfire Directed Energy LLC", "US"),
                                 ("星火光学公司", "Starfire Optics LLC", "US"),
                                 ("寒峰导弹部件公司", "Cold Peak Missile Components Corp.", "US"),
                                 ("寒峰精密制造公司", "Cold Peak Precision Manufacturing Corp.", "US")]


def test_former_and_present_names_are_aliases() -> None:
    # 11: '（现名：…）' and '，原英文名称：…' stayed in the names and their keys
    text = (ECL.format(n=184) + LISTING.format(k=2) + ECL_SIGN + ANNEX
            + "1．天枢防务系统公司（原名：北辰防务系统公司）（Tianshu Defense Systems, Inc.，原英文名称：Polaris Defense Systems, Inc.）\n"
            "2．卡斯卡迪亚声呐公司（现名：蓝鲸海洋技术公司）（Cascadia Sonar LLC，现英文名称：Blue Whale Ocean Technologies LLC）\n")
    notice = _notice(text)
    assert notice is not None
    assert [(e.zh, e.en, e.aliases) for e in notice.entities] == [
        ("天枢防务系统公司", "Tianshu Defense Systems, Inc.", ("Polaris Defense Systems, Inc.", "北辰防务系统公司")),
        ("卡斯卡迪亚声呐公司", "Cascadia Sonar LLC", ("Blue Whale Ocean Technologies LLC", "蓝鲸海洋技术公司"))]


@pytest.mark.parametrize("native", ["日向精密エレクトロニクス株式会社，", "신성항공부품 주식회사；", "日向精密電子株式会社／"])
def test_a_name_in_its_own_script_before_the_english_is_no_part_of_it(native: str) -> None:
    # 13: the kana/hangul name stayed in the English name and its key
    text = (ECL.format(n=185) + LISTING.format(k=1) + ECL_SIGN + ANNEX
            + f"1．日向精密电子株式会社（{native}Hyuga Precision Electronics Co., Ltd.），日本\n")
    assert _names(text) == [("日向精密电子株式会社", "Hyuga Precision Electronics Co., Ltd.", "JP")]


def test_country_headings_numbered_without_an_annex_line_and_two_names_on_one_line() -> None:
    # 16: no '附件' line of its own (its title in the body): every country lost; the '；' line lost whole
    text = (ECL.format(n=189) + LISTING.format(k=4) + ECL_SIGN + ANNEX
            + "一、美国实体（3家）\n1．泰勒斯防务（美国）有限公司（Talus Defense (USA), Inc.）\n"
            "2．诺德光电（美国）公司（Nord Photonics (USA) LLC）；诺德光电（美国）研发中心（Nord Photonics (USA) Research Center）\n"
            "二、加拿大实体（1家）\n3．北极光（加拿大）航空系统公司（Aurora Borealis Aerosystems (Canada) Ltd.）\n")
    notice = _notice(text)
    assert notice is not None and notice.warnings == ()
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [
        ("泰勒斯防务（美国）有限公司", "Talus Defense (USA), Inc.", "US"),
        ("诺德光电（美国）公司", "Nord Photonics (USA) LLC", "US"),
        ("诺德光电（美国）研发中心", "Nord Photonics (USA) Research Center", "US"),
        ("北极光（加拿大）航空系统公司", "Aurora Borealis Aerosystems (Canada) Ltd.", "CA")]


def test_a_titles_part_of_a_notice_states_no_count() -> None:
    # 08: 'parsed 3 entities, notice states 16' (the history's count) on a text read right
    text = ("商务部公告2026年第183号 关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告\n"
            + ECL.format(n=183).split("\n", 1)[1] + "2025年4月4日，商务部发布公告2025年第21号，将高点航空技术公司等16家美国实体列入出口管制"
            "管控名单。\n\n商务部决定：\n\n一、自2026年12月15日起，对商务部公告2025年第21号所列内华达山脉公司（Sierra Nevada Corporation）、"
            "立方公司（Cubic Corporation）2家实体恢复实施相关措施。\n\n二、对商务部公告2025年第21号所列其余14家实体，继续暂停实施相关"
            "措施至2027年11月10日。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月21日\n")
    notice = _notice(text)
    assert notice is not None
    assert (notice.stated_count, notice.warnings) == (2, ())


@pytest.mark.parametrize("verb", ["分别移出不可靠实体清单和出口管制管控名单", "移出不可靠实体清单及出口管制管控名单"])
def test_a_removal_from_two_lists_in_one_verb(verb: str) -> None:
    # 20: off the UEL only, and the answer refused as cut short (its title names the ECL)
    text = ("商务部新闻发言人就将美国一实体移出不可靠实体清单和出口管制管控名单答记者问\n\n"
            "来源：商务部新闻办公室　类型：原创　分类：新闻　2026-12-28 18:00\n\n问：请问具体情况如何？\n\n"
            "答：斯凯迪奥公司（Skydio, Inc.）于2025年被列入出口管制管控名单和不可靠实体清单。\n\n"
            f"经审查，不可靠实体清单工作机制和商务部决定，自2027年1月1日起，将斯凯迪奥公司{verb}。\n")
    notice = _notice(text)
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None, a.effective, a.entities) for a in notice.actions] == [
        ("remove", "uel", "2027-01-01", ("skydio",)), ("remove", "ecl", "2027-01-01", ("skydio",))]


def test_a_listing_on_two_lists_in_one_verb() -> None:
    text = ("不可靠实体清单工作机制公告〔2026〕24号\n【发布文号】不可靠实体清单工作机制公告〔2026〕24号\n【发文日期】2026年12月29日\n\n"
            "不可靠实体清单工作机制决定将白鹭电子战系统公司（Egret Electronic Warfare Systems, Inc.）等1家美国实体列入不可靠实体清单和"
            "出口管制管控名单，并采取以下处理措施：禁止上述实体从事与中国有关的进出口活动。\n\n本公告自公布之日起实施。\n")
    notice = _notice(text)
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None) for a in notice.actions] == [("impose", "uel"), ("impose", "ecl")]


def test_several_put_on_two_lists_respectively_are_refused() -> None:
    # probe 27: "分别列入A和B" of 2 entities: each step reached both (2 false items), a name kept "2家美国实体分别"
    text = (ECL.format(n=196) + "商务部决定将甲光电公司（Alpha Photonics, Inc.）、乙推进公司（Beta Propulsion LLC）2家美国实体分别列入"
            "出口管制管控名单和关注名单。" + ECL_SIGN)
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_a_list_named_as_outside_is_no_second_list() -> None:
    text = (ECL.format(n=198) + "商务部决定将甲光电公司（Alpha Photonics, Inc.）列入出口管制管控名单及关注名单以外的其他管理措施范围。"
            + ECL_SIGN)
    notice = _notice(text)
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None) for a in notice.actions] == [("impose", "ecl")]
