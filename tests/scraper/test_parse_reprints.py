"""Notices given in full after a lead of the page's own: press reprints (Taiwan/HK, traditional script)
and MOFCOM's news pages ("商务部发布公告……公告全文如下："), and news reports that tell a notice in words
of their own (audit-trad A1-A3). A reprint reads exactly as the notice (same key, same record: storing it
beside the official page is idempotent) or as no notice at all; a report never acts.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_text
from scraper.parse.draft import PageHints
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


# --- session 15 (press15): the other wordings papers use before a notice in full, leads of any length ----------

# The lead's last words as each paper writes them (simplified: 中国新闻网, 人民网, 新华网, 环球网, 第一财经; traditional:
# 明报, 联合报, 星岛, 大公报).
OTHER_LEADS = {
    "chinanews-yuanwen": (
        "商务部：将12家美国实体列入出口管制管控名单\n2025年04月09日 21:10　来源：中国新闻网\n\n"
        "中新网4月9日电 据商务部网站消息，商务部9日发布公告，决定将12家美国实体列入出口管制管控名单。原文如下：\n\n", ECL_22),
    "people-neirong": (
        "商务部公告：将12家美国实体列入出口管制管控名单\n2025年04月09日21:26 | 来源：人民网－财经频道\n\n"
        "人民网北京4月9日电 （记者王震）据商务部网站消息，商务部9日发布2025年第22号公告，公布将12家美国实体列入出口管制管控名单。"
        "公告内容如下：\n\n", ECL_22),
    "xinhua-yixiashi": (
        "商务部将12家美国实体列入出口管制管控名单\n2025-04-09 21:15:03　来源：新华网\n\n"
        "新华社北京4月9日电 商务部9日发布公告，将美国光子公司等12家美国实体列入出口管制管控名单，禁止向上述实体出口两用物项。"
        "以下是公告原文：\n\n", ECL_22),
    "huanqiu-yixiawei": (
        "商务部：12家美国实体被列入出口管制管控名单\n2025-04-09 21:08　来源：环球网\n\n"
        "【环球网报道 记者 倪浩】据商务部网站4月9日消息，商务部公布将12家美国实体列入出口管制管控名单，本公告自2025年4月10日"
        "12时01分起正式实施。以下为公告原文：\n\n", ECL_22),
    "yicai-own-line": (
        "商务部：12家美国实体列入出口管制管控名单\n2025-04-09 21:20:11　作者：陈益刊　责编：任绍敏\n\n"
        "第一财经从商务部网站获悉，商务部9日晚间发布2025年第22号公告，宣布将美国光子公司等12家美国实体列入出口管制管控名单。"
        "这是商务部本周内第二次对美国实体采取出口管制措施。\n\n商务部公告原文如下：\n\n", ECL_22),
    "mingpao-traditional": (
        "商務部將12家美企列入出口管制管控名單\n【明報專訊】2025年4月10日 星期四\n\n"
        "中國商務部昨晚發布2025年第22號公告，宣布將美國光子公司等12家美國實體列入出口管制管控名單，"
        "自今日中午12時01分起實施。公告原文如下：\n\n", ECL_22_TRAD),
    "udn-traditional": (
        "陸商務部再出招 12家美企列出口管制名單\n2025-04-09 21:35 聯合報／記者林宸誼／即時報導\n\n"
        "大陸商務部9日晚間宣布，將美國光子公司等12家美國實體列入出口管制管控名單，禁止向上述實體出口兩用物項。"
        "以下為公告原文：\n\n", ECL_22_TRAD),
    "singtao-traditional": (
        "商務部將12家美國實體列入出口管制管控名單\n星島日報 2025-04-09 21:40\n\n"
        "商務部周三（9日）晚發表公告，決定將12家美國實體列入出口管制管控名單，公告內容如下：\n\n", ECL_22_TRAD),
}
# 21世纪经济报道: the notice after an article of well over 1,000 characters, under "附：商务部公告全文".
LONG_ARTICLE = (
    "今年以来，美方以所谓国家安全为由，将多家中国企业列入实体清单，并对自华进口商品加征关税。对此，中方多次表示坚决反对，"
    "并依法采取了一系列反制措施。4月4日，商务部、海关总署宣布对钐、钆、铽、镝、镥、钪、钇等7类中重稀土相关物项实施出口管制；"
    "同日，商务部将高点航空技术公司等16家美国实体列入出口管制管控名单，不可靠实体清单工作机制将斯凯迪奥公司等11家美国实体"
    "列入不可靠实体清单。\n\n"
    "对外经济贸易大学国际经济研究院教授崔凡在接受21世纪经济报道记者采访时表示，出口管制管控名单是我国出口管制法律体系中的"
    "重要工具，其法律依据是《中华人民共和国出口管制法》第十八条。被列入名单的外国进口商和最终用户，将被禁止或限制交易，"
    "中方出口经营者不得违反规定与其进行交易。他指出，此次被列入名单的实体多涉及无人机、军工电子、激光通信等领域，"
    "与美国国防产业链关系密切，相关措施具有明确的针对性。\n\n"
    "中国国际经济交流中心首席研究员张燕生认为，中方的反制措施是有理、有利、有节的。一方面，相关措施针对的是参与对台军售或"
    "损害中国国家安全和利益的特定实体，而非普通的美国企业；另一方面，出口管制管控名单设置了许可例外安排，特殊情况下确需出口的，"
    "出口经营者可以向商务部提出申请，体现了依法依规、精准施策的原则。他表示，中国愿意通过对话协商解决分歧，但在涉及核心利益的"
    "问题上不会退让。\n\n"
    "业内人士分析称，随着中美经贸摩擦持续，出口管制工具的使用频率明显上升。企业应当建立健全出口管制合规体系，"
    "及时关注商务部发布的公告，对交易对手进行筛查，避免与被列入名单的实体发生违规交易。多家外贸企业负责人向记者表示，"
    "公司已第一时间组织法务和合规团队对客户名单进行排查，目前尚未发现与上述实体存在直接业务往来。\n\n"
    "从被列入名单的实体看，美国光子公司主要从事光学和光电子器件研发，回声动力公司是雷达系统供应商，护盾人工智能公司"
    "研发军用无人机自主飞行软件，赛博勒克斯公司和边缘自治运营公司分别生产战术照明设备和无人机系统，BRINC无人机公司"
    "则为执法部门提供无人机。这些企业均与美国军方或执法部门存在合作关系。\n\n"
    "记者梳理发现，这是商务部今年第三次集中将美国实体列入出口管制管控名单。1月2日，商务部曾将28家美国实体列入该名单；"
    "4月4日又将16家美国实体列入。加上此次的12家，今年以来被列入该名单的美国实体已达56家。\n\n"
    "延伸阅读\n"
    "出口管制管控名单是什么？\n"
    "出口管制管控名单由国家出口管制管理部门依据出口管制法设立。\n"
    "被列入名单会有什么影响？\n"
    "禁止或限制与其进行有关两用物项、军品、核等管制物项交易。\n"
    "能否申请移出名单？\n"
    "列入名单的进口商、最终用户可以向国家出口管制管理部门申请移出。\n\n"
    "（编辑：李某 校对：王某）\n\n"
)
OTHER_LEADS["21jingji-long-article"] = (
    "商务部再出手：12家美国实体被列入出口管制管控名单 专家称反制措施精准有力\n21世纪经济报道 记者 周潇枭 北京报道\n"
    "2025-04-10 07:05\n\n4月9日晚间，商务部发布2025年第22号公告，将美国光子公司等12家美国实体列入出口管制管控名单，"
    "本公告自2025年4月10日12时01分起正式实施。\n\n" + LONG_ARTICLE + "附：商务部公告全文\n\n", ECL_22)
UEL_OTHER_LEADS = {
    "chinanews-uel-yuanwen": (
        "不可靠实体清单工作机制：将7家美国企业列入不可靠实体清单\n2025年01月14日 14:05　来源：中国新闻网\n\n"
        "中新网1月14日电 据商务部网站消息，不可靠实体清单工作机制发布公告，决定将参与对台湾地区军售的海岸间电子公司等7家美国企业"
        "列入不可靠实体清单。原文如下：\n\n", UEL_2),
    "takungpao-uel-traditional": (
        "不可靠實體清單工作機制：7家美企列入不可靠實體清單\n2025-01-14 13:30 大公文匯網\n\n"
        "【大公報訊】綜合報道：不可靠實體清單工作機制14日發布公告，決定將參與對台灣地區軍售的7家美國企業列入不可靠實體清單。"
        "公告原文：\n\n", UEL_2_TRAD),
}


@pytest.mark.parametrize("lead, notice", [*OTHER_LEADS.values(), *UEL_OTHER_LEADS.values()],
                         ids=[*OTHER_LEADS, *UEL_OTHER_LEADS])
def test_a_notice_after_any_lead_promising_it_in_full_reads_as_the_notice(lead, notice):
    """Leads ending "原文如下：", "公告内容如下：", "以下是公告原文：", "以下为公告原文：", "附：商务部公告全文" (and
    their traditional forms), or longer than 1,000 characters, were not known: the page read as no notice (a
    missed copy) or, where the lead told the decision ("决定将12家美国实体列入…"), as a DOC record listing the
    12 entities (or the UEL's 7 with none named) a second time beside the notice's own key."""
    rec = parse_text(lead + notice)
    official = parse_text(ECL_22 if notice in (ECL_22, ECL_22_TRAD) else UEL_2)
    assert rec is not None and rec.to_json() == official.to_json()
    assert rec.key in ("MOFCOM-2025-22", "UEL-2025-2") and rec.warnings == ()


def test_the_long_lead_is_longer_than_a_head():
    """The 21世纪经济报道 lead is past the 1,000 characters and the 15 head lines a lead was looked for in."""
    lead = OTHER_LEADS["21jingji-long-article"][0]
    assert len(lead) > 1000 and len([line for line in lead.split("\n") if line.strip()]) > 15


def test_a_notice_of_its_own_that_names_another_after_a_promise_stays_itself():
    """A line ending "全文" inside a notice, before a line opening with another notice's number, is no lead:
    the notice's own number comes first."""
    text = ECL_22.replace("（见附件）", "（见附件）。相关公告全文\n商务部公告2025年第21号所列实体不变")
    rec = parse_text(text)
    assert rec.key == "MOFCOM-2025-22"


# Reprinted spokesperson Q&As: the paper's date is not the Q&A's (it prints it the next morning).
QA_UEL_1105 = (
    "商务部新闻发言人就调整不可靠实体清单措施答记者问\n\n"
    "问：据报道，中美吉隆坡经贸磋商达成共识后，中方将调整一批非关税措施。请问不可靠实体清单方面将如何调整？\n\n"
    "答：不可靠实体清单工作机制今年3月4日和4月4日发布公告，对一批美国实体采取了不可靠实体清单措施。\n\n"
    "为落实中美吉隆坡经贸磋商共识，中方决定自2025年11月10日起，继续暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年，"
    "停止3月4日公告（不可靠实体清单工作机制公告〔2025〕5号和6号）相关措施。\n\n"
    "依照《不可靠实体清单规定》，国内企业可以申请与上述实体开展交易，工作机制依法审核，符合条件的予以批准。\n"
)
QA_ECL_1105 = (
    "商务部新闻发言人就调整出口管制管控名单措施答记者问\n\n"
    "问：有消息称，根据中美吉隆坡经贸磋商共识，中方将调整针对美国的部分出口管制措施。请问在出口管制管控名单方面有何安排？\n\n"
    "答：为落实中美吉隆坡经贸磋商共识，中方决定自2025年11月10日起，停止执行3月4日公告（商务部公告2025年第13号）相关措施，"
    "继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。\n\n"
    "暂停期间，出口经营者确需向上述实体出口两用物项的，可依照《中华人民共和国两用物项出口管制条例》向商务部提出申请，"
    "商务部将依法审查，对符合规定的申请予以许可。\n"
)
QA_REPRINTS = {
    "people-next-morning": (
        "商务部新闻发言人就调整不可靠实体清单措施答记者问\n2025年11月06日08:12 | 来源：人民网－人民日报\n\n"
        "本报北京11月5日电 商务部新闻发言人11月5日就调整不可靠实体清单措施答记者问。全文如下：\n\n" + QA_UEL_1105,
        "QA-2025-11-05-3d525cbd"),
    "xinhua-dateline": (
        "商务部新闻发言人就调整出口管制管控名单措施答记者问\n2025-11-06 09:02:33　来源：新华网\n\n"
        "新华社北京11月5日电 商务部新闻发言人5日就调整出口管制管控名单措施答记者问。\n\n" + QA_ECL_1105,
        "QA-2025-11-05-68a81f8d"),
    "yicai-dated-heading": (
        "商务部新闻发言人就调整出口管制管控名单措施答记者问（2025年11月5日）\n2025-11-06 10:15:40　来源：第一财经\n\n"
        + QA_ECL_1105.split("\n", 1)[1], "QA-2025-11-05-68a81f8d"),
    "hk01-traditional": (
        "商務部新聞發言人就調整不可靠實體清單措施答記者問\n2025-11-06 00:15 香港01\n\n"
        "商務部新聞發言人11月5日表示，中方決定自2025年11月10日起，繼續暫停相關措施1年。以下為答記者問全文：\n\n" + QA_UEL_1105,
        "QA-2025-11-05-3d525cbd"),
    "wenweipo-own-source-line-last": (
        "香港文匯報訊（記者 朱燁 北京報道）中美斯德哥爾摩經貿會談後，商務部12日宣布調整對美出口管制管控名單措施。"
        "商務部新聞發言人答記者問全文如下：\n\n商務部新聞發言人就調整出口管制管控名單措施答記者問\n"
        "問：中美斯德哥爾摩經貿會談後，請問中方對出口管制管控名單相關措施將作何調整？\n"
        "答：為落實中美斯德哥爾摩經貿會談共識，中方決定，自2025年8月12日起，繼續暫停2025年4月4日被列入出口管制管控名單的"
        "16家美國實體相關措施90天，停止執行2025年4月9日被列入出口管制管控名單的12家美國實體相關措施。\n\n"
        "【來源：香港文匯報】 2025-08-13\n", "QA-2025-08-12-68a81f8d"),
}


@pytest.mark.parametrize("text, key", list(QA_REPRINTS.values()), ids=list(QA_REPRINTS))
def test_a_reprinted_qa_keeps_the_day_it_states(text, key):
    """A reprinted Q&A took the paper's date (the source line "【来源：香港文汇报】 2025-08-13", the page's
    date), or none: a Q&A of another key on the next day, acting again (a false item). The day the Q&A
    states (MOFCOM's source line, its heading, "新闻发言人11月5日…", "…5日电", "商务部12日宣布") is its own;
    with the title MOFCOM gives it, the reprint is the same Q&A (its key)."""
    rec = parse_text(text)
    assert (rec.kind, rec.key, rec.published.isoformat()) == (NoticeKind.QA, key, key[3:13])
    assert rec.warnings == ()
    assert [a.action.value for a in rec.actions] in (["extend", "lift"], ["lift", "extend"])


def test_a_qa_dated_by_mofcoms_source_line_keeps_it_whatever_the_paper_says():
    """MOFCOM's source line is the Q&A's date wherever it stands; the paper's lead and date line do not move it."""
    text = ("商务部新闻发言人就调整不可靠实体清单措施答记者问\n2025-11-06 08:00 来源：某报\n\n"
            "本报讯 商务部新闻发言人7日表示……全文如下：\n\n来源：商务部新闻办公室 类型：原创 分类：新闻 2025-11-05 17:00\n\n"
            + QA_UEL_1105)
    rec = parse_text(text)
    assert (rec.key, rec.published_at.isoformat()) == ("QA-2025-11-05-3d525cbd", "2025-11-05T17:00:00+08:00")


# Press reports of a status change: no number, no question, no answer: told, not made.
REPORTS = {
    "undated-ecl-extend-lift": (
        "商务部：继续暂停对16家美国实体的出口管制措施\n\n"
        "据商务部网站消息，商务部新闻发言人表示，为落实中美吉隆坡经贸磋商共识，中方决定自2025年11月10日起，"
        "停止执行3月4日公告（商务部公告2025年第13号）相关措施，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。\n"
        "暂停期间，出口经营者确需向上述实体出口两用物项的，可向商务部提出申请。\n"),
    "undated-uel-suspend-traditional": (
        "陸商務部：暫停不可靠實體清單相關措施\n\n"
        "中國商務部新聞發言人14日表示，為落實中美日內瓦經貿會談共識，自2025年5月14日起，暫停4月4日公告（不可靠實體清單工作機制"
        "〔2025〕7號）相關措施90天，暫停4月9日公告（不可靠實體清單工作機制〔2025〕8號）相關措施。\n"),
    "dated-ecl-extend": (
        "中方继续暂停对16家美国实体出口管制措施90天\n2025年08月12日 22:10　来源：中国新闻网\n\n"
        "中新网8月12日电 商务部12日晚间宣布，对2025年4月4日被列入出口管制管控名单的16家美国实体，继续暂停实施相关措施90天；"
        "对4月9日被列入的12家美国实体，停止执行相关措施。\n"),
    "report-quoting-the-answer": (
        "中美延長關稅休戰　陸不可靠實體清單措施續暫停90天\n2025/08/12 21:40\n\n"
        "（中央社台北12日電）中美延長關稅休戰90天後，中國商務部今晚發布答記者問。商務部新聞發言人表示，「自2025年8月12日起，"
        "繼續暫停4月4日公告（不可靠實體清單工作機制〔2025〕7號）相關措施90天，停止4月9日公告（不可靠實體清單工作機制〔2025〕8號）"
        "相關措施」。\n"),
}


@pytest.mark.parametrize("text", list(REPORTS.values()), ids=list(REPORTS))
def test_a_press_report_of_a_status_change_acts_not(text):
    """Undated, such a report was a DOC-undated-… (or QA-undated-…) record with the suspensions as its
    actions, ignored by the engine only for want of a date; dated, the engine acted on it. It is no notice:
    the Q&A that made the change is read under its own key."""
    assert parse_text(text) is None


def test_an_answer_that_tells_an_earlier_change_still_acts():
    """An answer is MOFCOM's own words, even where it says "商务部于5月14日宣布暂停…"."""
    rec = parse_text("答：商务部于5月14日宣布暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。为落实共识，"
                     "自2025年8月12日起，继续暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。\n")
    assert rec is not None and "extend" in [a.action.value for a in rec.actions]


MOFCOM_STATEMENT = (
    "商务部新闻发言人就调整对美出口管制措施发表谈话\n"
    "【发文日期】2025年11月5日\n"
    "商务部新闻发言人表示，为落实中美经贸磋商共识，商务部决定自2025年11月10日起，继续暂停实施商务部公告2025年第21号相关措施，"
    "暂停期为一年。\n")


@pytest.mark.parametrize("hints", [PageHints(url="https://www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_0.html"), None],
                         ids=["on-its-site", "its-publisher-line"])
def test_a_statement_mofcom_publishes_itself_acts_though_it_says_biaoshi(hints):
    """MOFCOM's own spokesperson's statement says "表示" as a paper's report does; on MOFCOM's site, or under its
    【发布单位】 line, it is MOFCOM's words and acts (the reported-change rule of b950df6 read it as no notice)."""
    text = MOFCOM_STATEMENT if hints else MOFCOM_STATEMENT.replace("\n", "\n【发布单位】商务部\n", 1)
    rec = parse_text(text, hints)
    assert rec is not None and rec.published is not None and rec.published.isoformat() == "2025-11-05"
    assert [(a.action.value, [t.key for t in a.targets], str(a.effective), str(a.until)) for a in rec.actions] == [
        ("extend", ["MOFCOM-2025-21"], "2025-11-10", "2026-11-10")]
    for elsewhere in ("https://www.chinanews.com.cn/gn/2025/11-05/1.shtml",
                      "https://www.mofcom.gov.cn/syxwfb/art/2025/art_0.html"):  # a paper's report, reposted or not
        assert parse_text(MOFCOM_STATEMENT, PageHints(url=elsewhere)) is None
