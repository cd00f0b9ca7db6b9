"""Notices given in full after a lead of the page's own: press reprints (Taiwan/HK, traditional script)
and MOFCOM's news pages ("商务部发布公告……公告全文如下："), and news reports that tell a notice in words
of their own (audit-trad A1-A3). A reprint reads exactly as the notice (same key, same record: storing it
beside the official page is idempotent) or as no notice at all; a report never acts.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_text
from storage.records import NoticeKind

ECL_22_ANNEX = [
    ("美国光子公司", "American Photonics"), ("诺沃特公司", "Novotech, Inc."), ("回声动力公司", "Echodyne Corp."),
    ("护盾人工智能公司", "Shield AI, Inc."), ("赛博勒克斯公司", "Cyberlux Corporation"),
    ("边缘自治运营公司", "Edge Autonomy Operations LLC"), ("群W公司", "Group W"), ("哈德森技术公司", "Hudson Technologies Co."),
    ("因温图斯动力公司", "Inventus Power"), ("纽卡斯尔系统公司", "Newcastle Systems"),
    ("普兰纳特管理集团", "Planate Management Group"), ("BRINC无人机公司", "BRINC Drones, Inc."),
]
ECL_22 = (
    "商务部公告2025年第22号 公布将12家美国实体列入出口管制管控名单\n\n"
    "根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，为维护国家安全和利益，"
    "履行防扩散等国际义务，决定将美国光子公司等12家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n\n"
    "一、禁止向上述12家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。\n"
    "二、特殊情况下确需出口的，出口经营者应当向商务部提出申请。\n\n"
    "本公告自2025年4月10日12时01分起正式实施。\n\n商务部\n2025年4月9日\n\n附件\n出口管制管控名单\n（2025年4月9日）\n\n"
    + "".join(f"{i}. {zh}（{en}）\n" for i, (zh, en) in enumerate(ECL_22_ANNEX, 1))
)
# The same notice as a Taiwan/HK paper prints it (traditional script, the title on one line).
ECL_22_TRAD = (
    "商務部公告2025年第22號 公佈將12家美國實體列入出口管制管控名單\n\n"
    "根據《中華人民共和國出口管制法》和《中華人民共和國兩用物項出口管制條例》等法律法規有關規定，為維護國家安全和利益，"
    "履行防擴散等國際義務，決定將美國光子公司等12家美國實體列入出口管制管控名單（見附件），並採取以下措施：\n\n"
    "一、禁止向上述12家美國實體出口兩用物項；正在開展的相關出口活動應當立即停止。\n"
    "二、特殊情況下確需出口的，出口經營者應當向商務部提出申請。\n\n"
    "本公告自2025年4月10日12時01分起正式實施。\n\n商務部\n2025年4月9日\n\n附件\n出口管制管控名單\n（2025年4月9日）\n\n"
    "1. 美國光子公司（American Photonics）\n2. 諾沃特公司（Novotech, Inc.）\n3. 回聲動力公司（Echodyne Corp.）\n"
    "4. 護盾人工智能公司（Shield AI, Inc.）\n5. 賽博勒克斯公司（Cyberlux Corporation）\n"
    "6. 邊緣自治運營公司（Edge Autonomy Operations LLC）\n7. 群W公司（Group W）\n8. 哈德森技術公司（Hudson Technologies Co.）\n"
    "9. 因溫圖斯動力公司（Inventus Power）\n10. 紐卡斯爾系統公司（Newcastle Systems）\n"
    "11. 普蘭納特管理集團（Planate Management Group）\n12. BRINC無人機公司（BRINC Drones, Inc.）\n"
)
# Leads of 50 characters or more with a comma: the head-line scan stops at such a line.
ECL_22_LEADS = {
    "crntt-traditional": (
        "陸商務部將12家美國實體列入出口管制管控名單\n2025-04-09 21:05:33\n\n"
        "中評社北京4月9日電／據商務部網站消息，商務部9日發布2025年第22號公告，將12家美國實體列入出口管制管控名單。"
        "公告全文如下：\n\n", ECL_22_TRAD),
    "ettoday-traditional": (
        "中國反制美國關稅　商務部宣布將12家美國實體列入出口管制管控名單\n記者陳弘逸／綜合報導\n2025年04月09日 21:12\n\n"
        "中國商務部9日晚間連發多則公告反制。其中商務部公告2025年第22號宣布，將美國光子公司等12家美國實體列入出口管制管控名單，"
        "禁止向上述實體出口兩用物項。以下為公告全文：\n\n", ECL_22_TRAD),
    "mofcom-news-simplified": (
        "商务部发布公告 将12家美国实体列入出口管制管控名单\n2025-04-09 20:05\n\n"
        "为维护国家安全和利益，履行防扩散等国际义务，商务部4月9日发布2025年第22号公告，将12家美国实体列入出口管制管控名单。"
        "公告全文如下：\n\n", ECL_22),
}


@pytest.mark.parametrize("lead, notice", list(ECL_22_LEADS.values()), ids=list(ECL_22_LEADS))
def test_a_notice_given_in_full_after_a_long_lead_reads_as_the_notice(lead, notice):
    """A1: the lead stopped the search for the notice's own number, and the page became 'other' under a DOC
    key with the notice's listing: a second listing of the same 12 entities beside MOFCOM-2025-22."""
    rec = parse_text(lead + notice)
    official = parse_text(ECL_22)
    assert (rec.key, rec.kind, rec.number, rec.warnings) == ("MOFCOM-2025-22", NoticeKind.ANNOUNCEMENT, "商务部公告2025年第22号", ())
    assert rec.to_json() == official.to_json()  # the same record as the notice's own page (its text aside)
    assert [(a.action.value, a.list.value, a.targets) for a in rec.actions] == [("impose", "ecl", ())]
    assert [(e.zh, e.en, e.country) for e in rec.entities] == [(zh, en, "US") for zh, en in ECL_22_ANNEX]
    assert (rec.published.isoformat(), rec.effective, rec.stated_count, rec.references) == (
        "2025-04-09", "2025-04-10T12:01+08:00", 12, ())


UNMARKED_LEADS = {
    "crntt-traditional": (
        "陸商務部將12家美國實體列入出口管制管控名單\n2025-04-09 21:05:33\n\n"
        "中評社北京4月9日電／據商務部網站消息，商務部9日發布2025年第22號公告，將12家美國實體列入出口管制管控名單。\n\n",
        ECL_22_TRAD),
    "press-simplified": (
        "商务部将12家美国实体列入出口管制管控名单\n2025-04-09 21:05\n\n"
        "本报北京4月9日电（记者 王某）据商务部网站消息，商务部9日发布2025年第22号公告，将12家美国实体列入出口管制管控名单。\n\n",
        ECL_22),
}


@pytest.mark.parametrize("lead, notice", list(UNMARKED_LEADS.values()), ids=list(UNMARKED_LEADS))
def test_a_notice_given_after_a_lead_that_does_not_say_so_is_no_notice(lead, notice):
    """A1, the fallback: a lead without "全文如下" is not known as one, so the text has no number of its own;
    the notice's title line inside it says it gives that notice: no action under a DOC key."""
    assert parse_text(lead + notice) is None
    # a text of no number of its own that names no notice title stays a text that acts (a fragment of a body)
    body = notice.split("\n\n", 1)[1]
    rec = parse_text(body)
    assert (rec.kind, rec.key[:15], [a.action.value for a in rec.actions]) == (NoticeKind.OTHER, "DOC-2025-04-09-", ["impose"])


UEL_2_NAMES = [
    ("海岸间电子公司", "Inter-Coastal Electronics"), ("系统研究与模拟公司", "System Studies & Simulation"),
    ("铁山解决方案公司", "IronMountain Solutions"), ("应用技术集团", "Applied Technologies Group"),
    ("阿克西恩特公司", "Axient"), ("安杜里尔公司", "Anduril Industries"), ("海上战术系统公司", "Maritime Tactical Systems"),
]
UEL_2 = (
    "不可靠实体清单工作机制公告〔2025〕2号\n\n"
    "决定将参与对台湾地区军售的海岸间电子公司（Inter-Coastal Electronics）、系统研究与模拟公司（System Studies & Simulation）、"
    "铁山解决方案公司（IronMountain Solutions）、应用技术集团（Applied Technologies Group）、阿克西恩特公司（Axient）、"
    "安杜里尔公司（Anduril Industries）、海上战术系统公司（Maritime Tactical Systems）列入不可靠实体清单，并采取以下处理措施：\n\n"
    "一、禁止上述企业从事与中国有关的进出口活动；\n二、禁止上述企业在中国境内新增投资。\n\n本公告自公布之日起实施。\n\n"
    "不可靠实体清单工作机制\n（商务部代章）\n2025年1月14日\n"
)
UEL_2_TRAD = (
    "不可靠實體清單工作機制公告〔2025〕2號\n\n"
    "決定將參與對台灣地區軍售的海岸間電子公司（Inter-Coastal Electronics）、系統研究與模擬公司（System Studies & Simulation）、"
    "鐵山解決方案公司（IronMountain Solutions）、應用技術集團（Applied Technologies Group）、阿克西恩特公司（Axient）、"
    "安杜里爾公司（Anduril Industries）、海上戰術系統公司（Maritime Tactical Systems）列入不可靠實體清單，並採取以下處理措施：\n\n"
    "一、禁止上述企業從事與中國有關的進出口活動；\n二、禁止上述企業在中國境內新增投資。\n\n本公告自公佈之日起實施。\n\n"
    "不可靠實體清單工作機制\n（商務部代章）\n2025年1月14日\n"
)
UEL_2_LEADS = {
    "wenweipo-traditional": (
        "不可靠實體清單工作機制公告[2025]2號：海岸間電子公司等7家美企列入清單\n2025-01-14 14:02　來源：香港文匯網\n\n"
        "香港文匯網訊（記者 海巖 北京報道）不可靠實體清單工作機制14日發布公告，決定將參與對台灣地區軍售的7家美國企業"
        "列入不可靠實體清單。全文如下：\n\n", UEL_2_TRAD),
    "mofcom-news-simplified": (
        "不可靠实体清单工作机制发布公告\n\n"
        "不可靠实体清单工作机制1月14日发布公告，决定将参与对台湾地区军售的7家美国企业列入不可靠实体清单。全文如下：\n\n", UEL_2),
}


@pytest.mark.parametrize("lead, notice", list(UEL_2_LEADS.values()), ids=list(UEL_2_LEADS))
def test_a_lead_that_tells_the_decision_is_not_the_notices_list_sentence(lead, notice):
    """A2: the lead's "决定将…7家美国企业列入不可靠实体清单" was read as the list sentence: 0 entities
    ("parsed 0 entities, notice states 7") instead of the 7 the notice names."""
    rec = parse_text(lead + notice)
    assert rec.to_json() == parse_text(UEL_2).to_json()
    assert (rec.key, rec.kind, rec.number, rec.published.isoformat(), rec.effective) == (
        "UEL-2025-2", NoticeKind.UEL_ANNOUNCEMENT, "不可靠实体清单工作机制公告〔2025〕2号", "2025-01-14", "2025-01-14")
    assert [(a.action.value, a.list.value, a.targets, a.text[:13]) for a in rec.actions] == [
        ("impose", "uel", (), "决定将参与对台湾地区军售的")]
    assert [(e.zh, e.en, e.country) for e in rec.entities] == [(zh, en, None) for zh, en in UEL_2_NAMES]
    assert (rec.references, rec.warnings) == ((), ())


CNA_REPORTS = {
    "cna-traditional": (
        "（中央社台北4日電）美國總統川普宣布對等關稅後，中國今天祭出一連串反制措施。中國商務部發布公告，將高點航空技術公司等16家"
        "美國實體列入出口管制管控名單，禁止向這些實體出口兩用物項；不可靠實體清單工作機制另將無人機製造商斯凱迪奧公司（Skydio）"
        "等11家美國企業列入不可靠實體清單，禁止其從事與中國有關的進出口活動、在中國境內新增投資。\n"
        "中國商務部並表示，自5月1日起對中重稀土相關物項實施出口管制。\n"),
    "xinhua-simplified": (
        "新华社北京4月4日电 商务部4日发布公告，将高点航空技术公司等16家美国实体列入出口管制管控名单，禁止向上述实体出口两用物项；"
        "不可靠实体清单工作机制同日发布公告，将斯凯迪奥公司（Skydio）等11家美国企业列入不可靠实体清单，禁止其从事与中国有关的"
        "进出口活动、在中国境内新增投资。\n商务部、海关总署当天还宣布，对中重稀土相关物项实施出口管制。\n"),
}


@pytest.mark.parametrize("text", list(CNA_REPORTS.values()), ids=list(CNA_REPORTS))
def test_a_news_report_of_measures_decides_no_measure(text):
    """A3: "禁止其…" told by a report (no number, no 决定) made a DOC record with a measure whose entity was
    the item category of "对中重稀土相关物项实施出口管制" ("中重稀土相关物项")."""
    assert parse_text(text) is None
    # A text of no number of its own that decides the measure still imposes it.
    rec = parse_text("不可靠实体清单工作机制决定对因美纳公司（Illumina）采取以下处理措施：禁止其向中国出口基因测序仪。\n")
    assert [(a.action.value, a.list.value) for a in rec.actions] == [("measure", "uel")]
    assert [(e.zh, e.en) for e in rec.entities] == [("因美纳公司", "Illumina")]


ITEM_CONTROL = {
    "simplified": (
        "商务部 海关总署公告2025年第18号 关于对部分中重稀土相关物项实施出口管制的决定\n\n"
        "根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》有关规定，为维护国家安全和利益、履行防扩散等国际义务，"
        "经国务院批准，决定对部分中重稀土相关物项实施出口管制措施。现将有关事项公告如下：\n"
        "一、满足以下特性的物项，未经许可，不得出口：\n（一）钐相关物项。\n1. 钐金属。\n"
        "二、本公告自公布之日起正式实施。\n\n商务部 海关总署\n2025年4月4日\n"),
    "traditional": (
        "商務部 海關總署公告2025年第18號 關於對部分中重稀土相關物項實施出口管制的決定\n\n"
        "根據《中華人民共和國出口管制法》《中華人民共和國兩用物項出口管制條例》有關規定，為維護國家安全和利益、履行防擴散等國際義務，"
        "經國務院批准，決定對部分中重稀土相關物項實施出口管制措施。現將有關事項公告如下：\n"
        "一、滿足以下特性的物項，未經許可，不得出口：\n（一）釤相關物項。\n1. 釤金屬。\n"
        "二、本公告自公佈之日起正式實施。\n\n商務部 海關總署\n2025年4月4日\n"),
}


@pytest.mark.parametrize("text", list(ITEM_CONTROL.values()), ids=list(ITEM_CONTROL))
def test_a_measure_decided_on_an_item_category_acts_on_no_entity(text):
    """A3, the general rule: "决定对部分中重稀土相关物项实施出口管制措施" read as a measure whose entity was the
    item category ("部分中重稀土相关物项"): an item control lists no one."""
    rec = parse_text(text)
    assert (rec.key, rec.kind, rec.number, rec.issuer) == (
        "MOFCOM-2025-18", NoticeKind.ANNOUNCEMENT, "商务部 海关总署公告2025年第18号", "商务部 海关总署")
    assert (rec.published.isoformat(), rec.effective, rec.list) == ("2025-04-04", "2025-04-04", None)
    assert (rec.actions, rec.entities, rec.stated_count, rec.references, rec.warnings) == ((), (), None, (), ())


def test_an_investigation_of_imports_names_no_entity():
    """The object of a trade-remedy case is goods ("原产于美国…的进口共聚聚甲醛"), never an entity."""
    text = (
        "商务部公告2024年第2号 关于对原产于美国、欧盟、台湾地区和日本的进口共聚聚甲醛进行反倾销立案调查的公告\n\n"
        "根据《中华人民共和国反倾销条例》的规定，商务部决定自2024年5月19日起对原产于美国、欧盟、台湾地区和日本的进口共聚聚甲醛"
        "进行反倾销立案调查。现将有关事项公告如下：\n一、立案调查及调查期\n自本公告发布之日起，调查机关开始进行调查。\n\n"
        "商务部\n2024年5月19日\n"
    )
    rec = parse_text(text)
    assert (rec.key, rec.published.isoformat(), rec.list, rec.entities) == ("MOFCOM-2024-2", "2024-05-19", None, ())
    assert [a.entities for a in rec.actions] in ([], [()])  # (the heading "一、立案调查及调查期" may still read as one)
