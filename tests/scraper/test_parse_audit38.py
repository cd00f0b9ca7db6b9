"""Session 38's blind round 24 (audit38, tests/data/corpus/audit38/): texts the parser read wrong, each as a short text.
An answer recounting last year's one-year extension after its lapse ("答：2025年11月，…中方决定继续暂停上述措施1年", 22); notices
that list some entities and remove others in numbered items under a lead-in ("商务部决定对…作如下调整：", "决定：": 06, 07) or by
their numbered annexes ("…所列附件2中的2家", 08)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import NoticeRecord, UnusablePage

QA_2026_11_11 = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-11 19:30\n\n"
                 "商务部新闻发言人就出口管制管控名单和不可靠实体清单相关措施暂停期限届满答记者问\n"
                 "问：2025年11月5日，商务部宣布自2025年11月10日起，继续暂停商务部公告2025年第21号所列16家美国实体和不可靠实体清单工作机制"
                 "公告〔2025〕7号相关措施1年。目前上述暂停期限已于2026年11月10日届满，请问商务部有何考虑？\n"
                 "答：{told}，为落实中美吉隆坡经贸磋商共识，中方决定继续暂停上述措施1年。目前，上述暂停期限已经届满。商务部正结合中美经贸磋商"
                 "进展情况，对相关措施的后续安排进行综合评估，有关情况将适时对外发布。\n")
HEAD = "商务部公告2026年第{n}号 关于{title}的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】2026年12月08日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月8日\n"


def _notice(text: str, url: str | None = None) -> NoticeRecord:
    notice = parse_document(text.encode("utf-8"), url=url).notice
    assert notice is not None
    return notice


def _steps(notice: NoticeRecord) -> list[tuple[str, tuple[str | None, ...], str | None, tuple[str, ...]]]:
    return [(a.action.value, tuple(t.key for t in a.targets), a.effective, a.entities) for a in notice.actions]


def test_an_answer_recounting_last_years_one_year_extension_extends_nothing() -> None:
    """22: "答：2025年11月，…中方决定继续暂停上述措施1年。目前，上述暂停期限已经届满…进行综合评估" in an answer of 2026-11-11: the
    decision of 2025 told, no new extension (was: No. 21 and UEL 7号 extended to 2027-11-10 from the answer's day, silently,
    after their lapse). Its title's "暂停期限届满" announces no change, so the page is read, not held."""
    for told in ("2025年11月", "去年11月"):
        notice = _notice(QA_2026_11_11.format(told=told))
        assert notice.actions == (), told
        assert notice.published is not None and notice.published.isoformat() == "2026-11-11"


def test_an_answer_deciding_now_with_no_told_day_still_extends() -> None:
    """The same answer deciding now (no month or past word before its 决定) still reads its extension."""
    notice = _notice(QA_2026_11_11.format(told="经研究").replace("目前，上述暂停期限已经届满。", ""))
    assert [(a.action.value, tuple(t.key for t in a.targets)) for a in notice.actions] == [
        ("extend", ("MOFCOM-2025-21", "UEL-2025-7"))]


ADD_AND_REMOVE = ("根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，商务部决定{lead}\n\n"
                  "一、将寒武纪微波公司（Cambrian Microwave Inc.）、北风系统公司（Northwind Systems LLC）{count}列入出口管制管控名单，"
                  "禁止出口经营者向上述实体出口两用物项；正在开展的相关活动应当立即停止。\n\n"
                  "二、鉴于商务部公告2026年第23号所列蒂尔无人机公司（Teal Drones, Inc.）已书面承诺不再从事危害中国国家安全和利益的活动，"
                  "并经核查属实，决定将{that}移出出口管制管控名单。")


def test_an_item_listing_under_a_lead_in_that_decides_is_read_beside_a_removal() -> None:
    """06: "商务部决定对出口管制管控名单作如下调整：\\n一、将A（a）、B（b）2家美国实体列入…\\n二、…所列C（c）…，决定将该实体移出…":
    the 2 listed (was: no entity but C, the 2 missed behind a count warning) and C removed from No. 23 alone."""
    notice = _notice(HEAD.format(n=154, title="调整出口管制管控名单") + ADD_AND_REMOVE.format(
        lead="对出口管制管控名单作如下调整：", count="2家美国实体", that="该实体") + TAIL)
    assert _steps(notice) == [("impose", (), "2026-12-08", ()),
                              ("remove", ("MOFCOM-2026-23",), "2026-12-08", ("tealdrones",))]
    assert [(e.zh, e.en) for e in notice.entities] == [("寒武纪微波公司", "Cambrian Microwave Inc."),
                                                      ("北风系统公司", "Northwind Systems LLC")]
    assert notice.warnings == ()


def test_a_removal_by_pronoun_beside_a_listing_removes_the_name_before_it() -> None:
    """07: "决定：\\n一、将A（a）、B（b）列入…\\n二、…所列C（c）…，决定将其移出…" (no count): the listing lists A and B, the
    removal removes C (was: C read as the notice's one entity, so listed; then, the items read, A and B removed)."""
    notice = _notice(HEAD.format(n=154, title="调整出口管制管控名单") + ADD_AND_REMOVE.format(
        lead="：", count="", that="其") + TAIL)
    assert _steps(notice) == [("impose", (), "2026-12-08", ()),
                              ("remove", ("MOFCOM-2026-23",), "2026-12-08", ("tealdrones",))]
    assert [e.key for e in notice.entities] == ["cambrianmicrowave", "northwindsystems"]


def test_a_removal_pointing_to_annex_2_beside_a_listing_of_annex_1() -> None:
    """08: "一、将附件1所列3家日本实体列入关注名单。二、…第12号所列附件2中的2家日本实体…决定将其移出关注名单": each step its own
    annex (was: the removal took all 5 and the listing listed the 2 removed too, a count warning 5 of 3)."""
    body = ("商务部决定：\n\n一、将附件1所列3家日本实体列入关注名单。\n\n二、商务部公告2026年第12号所列附件2中的2家日本实体已履行核查配合义务，"
            "经核查，决定将其移出关注名单。\n\n本公告自公布之日起实施。\n\n附件：1.列入关注名单的日本实体\n　　　2.移出关注名单的日本实体\n\n"
            "商务部\n2026年12月8日\n\n附件1\n列入关注名单的日本实体\n①东雲精密工业株式会社（Shinonome Precision Industries Co., Ltd.）\n"
            "②筑紫光学株式会社（Tsukushi Optical Corporation）\n③八幡电子材料株式会社（Yawata Electronic Materials Co., Ltd.）\n\n"
            "附件2\n移出关注名单的日本实体\n①三河机械株式会社（Mikawa Machinery Co., Ltd.）\n②琵琶湖化学株式会社（Biwako Chemical Co., Ltd.）\n")
    notice = _notice(HEAD.format(n=155, title="调整关注名单") + body)
    assert _steps(notice) == [
        ("impose", (), "2026-12-08", ("shinonomeprecisionindustries", "tsukushioptical", "yawataelectronicmaterials")),
        ("remove", ("MOFCOM-2026-12",), "2026-12-08", ("mikawamachinery", "biwakochemical"))]
    assert notice.warnings == ()


def test_a_press_conference_recounting_last_years_suspension_from_a_day_is_no_step() -> None:
    """24: "何咏前：关于你提到的问题，去年11月，中方决定自2025年11月10日起继续暂停相关措施1年，该期限已于11月10日届满。…商务部将根据磋商
    进展情况研究决定" in a press conference of 2026-11-13: told, no step (was: held for a person, "the answer decides … but
    names no notice its 继续暂停 could act on")."""
    text = ("来源：商务部新闻办公室　2026-11-13 18:05\n商务部召开例行新闻发布会（2026年11月13日）\n"
            "彭博社记者：去年11月中方宣布继续暂停对部分美国实体的出口管制措施和不可靠实体清单措施1年，上述暂停期限已于本周一届满。请问相关"
            "措施目前处于什么状态？\n何咏前：关于你提到的问题，去年11月，中方决定自2025年11月10日起继续暂停相关措施1年，该期限已于11月10日"
            "届满。目前中美双方经贸团队保持着沟通。关于后续安排，商务部将根据磋商进展情况研究决定，请大家关注商务部发布的信息。\n谢谢大家！\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or doc.notice.actions == ()


def test_a_correction_titled_with_the_quoted_title_of_a_listing_lists_nobody() -> None:
    """15: "关于对《关于将…等10家美国实体列入出口管制管控名单的公告》附件第4项的名称进行更正的公告": a correction of item 4 of No.
    23, no listing (was: a listing of nobody from the quoted title, "parsed 0 entities, notice states 10", and the
    correction dropped)."""
    text = ("商务部公告2026年第158号 关于对《关于将艾维奥克斯公司等10家美国实体列入出口管制管控名单的公告》附件第4项的名称进行更正的公告\n"
            "【发布单位】安全与管制局\n【发布文号】商务部公告2026年第158号\n【发文日期】2026年12月15日\n\n商务部公告2026年第158号\n\n"
            "商务部于2026年6月22日发布《关于将艾维奥克斯公司等10家美国实体列入出口管制管控名单的公告》（商务部公告2026年第23号）。现对该公告"
            "附件第4项的名称进行更正：\n\n原“美国IMSAR公司（IMSAR, LLC）”更正为“英萨尔公司（IMSAR, LLC）”。\n\n该公告其他内容不变。\n\n"
            "本公告自公布之日起实施。\n\n商务部\n2026年12月15日\n")
    notice = _notice(text)
    assert notice.actions == ()
    assert [(e.zh, e.en, e.key) for e in notice.entities] == [("英萨尔公司", "IMSAR, LLC", "imsar")]
    assert notice.stated_count is None  # the 10 is the quoted title's (was: a count-mismatch issue, 1 of 10)


def test_a_local_commerce_departments_forwarding_notice_is_no_notice_of_ours() -> None:
    """21: "上海市商务委员会关于转发《商务部公告2026年第151号》的通知" with the notice attached: not No. 151 (was: read as it, a
    measure from the bureau's day, and kept over the ministry's own page)."""
    text = ("上海市商务委员会关于转发《商务部公告2026年第151号》的通知\n沪商外经〔2026〕215号\n\n各区商务主管部门，各有关企业：\n\n"
            "现将《商务部公告2026年第151号 关于将北极星光电公司等4家美国实体列入出口管制管控名单的公告》转发给你们，请认真遵照执行。\n\n"
            "特此通知。\n\n上海市商务委员会\n2026年12月3日\n\n附件\n\n商务部公告2026年第151号\n\n根据《中华人民共和国出口管制法》有关规定，"
            "决定将北极星光电公司（Polaris Electro-Optics, Inc.）列入出口管制管控名单。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月1日\n")
    assert parse_document(text.encode("utf-8")).notice is None


def test_subsidiaries_after_jiqi_xiashu_in_prose_are_named_without_it() -> None:
    """04: "决定将甲集团（…）及其下属乙公司（…）、丙公司（…）共3家美国实体列入…": 乙 read as "乙公司", not "其下属乙公司"."""
    body = ("根据有关规定，决定将哨兵防务集团（Sentinel Defense Group, Inc.）及其下属哨兵海事公司（Sentinel Maritime LLC）、哨兵航电公司"
            "（Sentinel Avionics Corp.）共3家美国实体列入出口管制管控名单，并采取以下措施：\n\n一、禁止出口经营者向上述3家实体出口两用物项。")
    notice = _notice(HEAD.format(n=153, title="将哨兵防务集团及其下属企业列入出口管制管控名单") + body + TAIL)
    assert [e.zh for e in notice.entities] == ["哨兵防务集团", "哨兵海事公司", "哨兵航电公司"]


def test_circled_numbers_before_names_after_the_colon_are_no_part_of_them() -> None:
    """26: "决定将以下3家美国实体列入不可靠实体清单：①甲（a）；②乙（b）；③丙（c）。": names without ①②③."""
    body = ("根据有关规定，决定将以下3家美国实体列入出口管制管控名单：①黑曜石网络情报公司（Obsidian Cyber Intelligence LLC）；②云雀航空测绘"
            "公司（Skylark Aerial Mapping Inc.）；③铁壁装甲公司（Ironwall Armor Corp.）。并采取以下措施：\n\n一、禁止出口两用物项。")
    notice = _notice(HEAD.format(n=160, title="将3家美国实体列入出口管制管控名单") + body + TAIL)
    assert [e.zh for e in notice.entities] == ["黑曜石网络情报公司", "云雀航空测绘公司", "铁壁装甲公司"]


def test_annex_items_labelled_mingcheng_with_alias_and_address_lines() -> None:
    """27: "（一）名称：甲公司（a）" over "别名：…" and "地址：…" lines: the name without "名称：", the other lines no entity."""
    body = ("根据有关规定，决定将海风电子公司等2家美国实体列入出口管制管控名单（见附件）。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月8日\n\n"
            "附件\n出口管制管控名单\n\n（一）名称：海风电子公司（Seabreeze Electronics Inc.）\n　　　别名：海风科技公司（Seabreeze Technologies）\n"
            "　　　地址：美国佛罗里达州墨尔本市科技大道1500号\n（二）名称：山脊线精密光学公司（Ridgeline Precision Optics LLC）\n"
            "　　　地址：美国亚利桑那州图森市\n")
    notice = _notice(HEAD.format(n=162, title="将海风电子公司等2家美国实体列入出口管制管控名单") + body)
    assert [(e.zh, e.en) for e in notice.entities] == [("海风电子公司", "Seabreeze Electronics Inc."),
                                                      ("山脊线精密光学公司", "Ridgeline Precision Optics LLC")]


PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="SiteName" content="中华人民共和国商务部">'
        '<meta name="ArticleTitle" content="商务部公告2026年第152号 关于将红杉雷达公司等2家美国实体列入出口管制管控名单的公告">'
        '<meta name="PubDate" content="2026-12-02 17:30"><title>商务部公告2026年第152号</title></head><body>'
        '<div class="art-con art-con-bottonmLine"><p>【发布文号】商务部公告2026年第152号</p><p>【发文日期】2026年12月02日</p>'
        "<p>根据有关规定，决定将红杉雷达公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：</p><p>一、禁止出口两用物项。</p>"
        "<p>本公告自公布之日起正式实施。</p><p>商务部</p><p>2026年12月2日</p><p>附件</p><p>出口管制管控名单</p>{table}</div>"
        '<div class="footer">版权所有：中华人民共和国商务部</div></body></html>')


def test_a_table_whose_name_header_spans_a_chinese_and_an_english_column() -> None:
    """02: "序号 | 实体名称（colspan 2） | 地址" over a second header row "中文 | 英文": each row's two names (was: both read as one
    Chinese name, "红杉雷达公司Redwood Radar Inc.", no English)."""
    table = ('<table><tr><td rowspan="2">序号</td><td colspan="2">实体名称</td><td rowspan="2">地址</td></tr><tr><td>中文</td><td>英文</td></tr>'
             "<tr><td>1</td><td>红杉雷达公司</td><td>Redwood Radar Inc.</td><td>美国加利福尼亚州圣何塞市</td></tr>"
             "<tr><td>2</td><td>蓝水潜航器公司</td><td>Bluewater Submersibles LLC</td><td>美国罗得岛州纽波特市</td></tr></table>")
    notice = _notice(PAGE.format(table=table), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_5b1e9c0d2f3a4b6c8d7e6f5a4b3c2d1e.html")
    assert [(e.zh, e.en) for e in notice.entities] == [("红杉雷达公司", "Redwood Radar Inc."),
                                                      ("蓝水潜航器公司", "Bluewater Submersibles LLC")]


def test_a_table_giving_each_entity_a_chinese_row_and_an_english_row() -> None:
    """03: each entity over two rows (序号 and 国别 merged down, the English name the second row's one cell): both names
    (was: the English names lost, silently)."""
    table = ("<table><tr><th>序号</th><th>名称</th><th>国别</th></tr>"
             '<tr><td rowspan="2">1</td><td>雷霆导弹系统公司</td><td rowspan="2">美国</td></tr><tr><td>Thunderbolt Missile Systems, Inc.</td></tr>'
             '<tr><td rowspan="2">2</td><td>海鹰战术数据链公司</td><td rowspan="2">美国</td></tr><tr><td>Seahawk Tactical Datalink LLC</td></tr>'
             "</table>")
    notice = _notice(PAGE.format(table=table), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_5b1e9c0d2f3a4b6c8d7e6f5a4b3c2d1e.html")
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [
        ("雷霆导弹系统公司", "Thunderbolt Missile Systems, Inc.", "US"), ("海鹰战术数据链公司", "Seahawk Tactical Datalink LLC", "US")]


def test_a_uel_notice_deciding_items_lists_item_one_and_removes_item_twos_name() -> None:
    """07: "…有关规定，决定：\\n一、将A（a）、B（b）列入不可靠实体清单…\\n二、…〔2025〕2号所列C（c）…，决定将其移出…": A and B listed, C
    removed (was: C the one entity, listed by this notice, silently)."""
    text = ("不可靠实体清单工作机制关于将有关实体列入及移出不可靠实体清单的公告\n【发布单位】安全与管制局\n【发布文号】不可靠实体清单工作机制公告〔2026〕14号\n"
            "【发文日期】2026年12月09日\n\n根据《中华人民共和国对外贸易法》等有关法律，不可靠实体清单工作机制依据《不可靠实体清单规定》有关规定，决定：\n\n"
            "一、将长弓电子战公司（Longbow Electronic Warfare, Inc.）、海燕无人艇公司（Petrel Unmanned Surface Vessels LLC）列入不可靠实体清单，"
            "禁止上述企业从事与中国有关的进出口活动。\n\n二、不可靠实体清单工作机制公告〔2025〕2号所列海事战术系统公司（Maritime Tactical Systems）"
            "已按要求采取措施纠正其行为，决定将其移出不可靠实体清单。\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月9日\n")
    notice = _notice(text)
    assert _steps(notice) == [("impose", (), "2026-12-09", ()),
                              ("remove", ("UEL-2025-2",), "2026-12-09", ("maritimetacticalsystems",))]
    assert [e.key for e in notice.entities] == ["longbowelectronicwarfare", "petrelunmannedsurfacevessels"]


def test_a_forwarding_titled_zhuanfa_is_no_notice_of_ours() -> None:
    """29: a provincial page "转发商务部公告2026年第151号（…）" under "来源：广东省商务厅　发布时间：2026-12-04": not No. 151 (was:
    read as it, dated the bureau's day, three days after the ministry's)."""
    text = ("转发商务部公告2026年第151号（关于将北极星光电公司等4家美国实体列入出口管制管控名单的公告）\n来源：广东省商务厅　发布时间：2026-12-04 09:30\n"
            "各地级以上市商务主管部门、有关企业：\n现将商务部公告2026年第151号转发给你们，请遵照执行。\n广东省商务厅\n2026年12月4日\n"
            "商务部公告2026年第151号\n根据《中华人民共和国出口管制法》有关规定，决定将北极星光电公司（Polaris Electro-Optics, Inc.）列入出口管制"
            "管控名单。\n本公告自公布之日起正式实施。\n商务部\n2026年12月1日\n")
    assert parse_document(text.encode("utf-8")).notice is None


def test_an_amendment_of_an_annex_item_no_reader_reads_is_held_for_a_person() -> None:
    """32: "关于修改商务部公告2026年第156号附件有关内容的公告" whose "第3项修改为：3. 甲（a）" (no quotes, no old name) no reader
    reads: refused for a person to read (was: a notice changing nothing, silently, the entry's new name lost)."""
    text = ("商务部公告2026年第165号 关于修改商务部公告2026年第156号附件有关内容的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第165号\n"
            "【发文日期】2026年12月24日\n\n商务部公告2026年第165号\n\n现将商务部公告2026年第156号附件出口管制管控名单第3项修改为：3. 猎户座卫星"
            "通信系统公司（Orion SatCom Systems Corp.）。\n\n上述公告其他内容不变。\n\n商务部\n2026年12月24日\n")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review"


SUSPEND_TWO = ("商务部公告2026年第161号 关于对商务部公告2025年第21号所列部分实体暂停实施相关措施的公告\n【发布单位】安全与管制局\n"
               "【发布文号】商务部公告2026年第161号\n【发文日期】2026年12月07日\n\n商务部公告2026年第161号\n\n2025年4月4日，商务部发布2025年第21号"
               "公告，将高点航空技术公司等16家美国实体列入出口管制管控名单。该暂停期限已于2026年11月10日届满。\n\n根据有关规定，商务部决定，自"
               "2026年12月10日起，对{which}所列哈德森技术公司（Hudson Technologies Co.）、国际海洋工程公司（Oceaneering International, Inc.）"
               "2家实体暂停实施相关措施，暂停期限至2027年11月10日。对该公告所列其余14家实体，继续实施相关措施。\n\n本公告自公布之日起实施。\n\n"
               "商务部\n2026年12月7日\n")


def test_a_suspension_of_two_named_with_a_comma_in_an_english_name_is_theirs_alone() -> None:
    """23 (probe): "对商务部公告2025年第21号所列A（a）、B（Oceaneering International, Inc.）2家实体暂停实施…": the 2, not all 16 (was:
    the English name's comma taken for the clause's start, the names not read: all 16 suspended to 2027-11-10, silently)."""
    notice = _notice(SUSPEND_TWO.format(which="商务部公告2025年第21号"))
    assert _steps(notice) == [("suspend", ("MOFCOM-2025-21",), "2026-12-10", ("hudsontechnologies", "oceaneeringinternational"))]


def test_a_suspension_of_two_named_after_that_notice_is_read() -> None:
    """23: "对该公告所列A（a）、B（b）2家实体暂停实施…" after a paragraph naming No. 21: the 2 of No. 21 (was: held for a person,
    "names no notice its 暂停实施 could act on")."""
    notice = _notice(SUSPEND_TWO.format(which="该公告"))
    assert _steps(notice) == [("suspend", ("MOFCOM-2025-21",), "2026-12-10", ("hudsontechnologies", "oceaneeringinternational"))]


def test_a_removal_pointing_to_annex_2_beside_the_titles_removal_and_a_noted_annex_line() -> None:
    """40: a title "关于将2家美国实体列入…及将1家美国实体移出…的公告" over "一、将附件1所列2家美国实体列入…" and "二、鉴于附件2所列实体…，将该
    实体移出…", annex 2's line "1. 甲（a）（商务部公告2026年第23号所列）": Jaia removed, never listed (was: the title's removal kept in
    the body's place, no annex saying whom, so it was dropped, and annex 2's line listed, read whole as one Chinese name)."""
    body = ("根据有关规定，商务部决定：\n\n一、将附件1所列2家美国实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。\n\n二、鉴于附件2所列"
            "实体已书面承诺不再从事危害中国国家安全和利益的活动，将该实体移出出口管制管控名单。\n\n本公告自公布之日起正式实施。\n\n附件：1.列入出口"
            "管制管控名单的美国实体\n　　　2.移出出口管制管控名单的美国实体\n\n商务部\n2026年12月8日\n\n附件1\n列入出口管制管控名单的美国实体\n"
            "1. 飓风电子战公司（Hurricane Electronic Warfare Inc.）\n2. 雪峰光学公司（Snowpeak Optics LLC）\n\n附件2\n移出出口管制管控名单的美国实体\n"
            "1. 杰亚机器人公司（Jaia Robotics, Inc.）（商务部公告2026年第23号所列）\n")
    notice = _notice(HEAD.format(n=168, title="将2家美国实体列入出口管制管控名单及将1家美国实体移出出口管制管控名单") + body)
    assert sorted(_steps(notice)) == [("impose", (), "2026-12-08", ("hurricaneelectronicwarfare", "snowpeakoptics")),
                                      ("remove", (), "2026-12-08", ("jaiarobotics",))]
    assert notice.entities[-1].zh == "杰亚机器人公司" and notice.entities[-1].en == "Jaia Robotics, Inc."
    assert notice.warnings == ()


def test_an_english_version_headed_by_the_chinese_number_is_no_notice() -> None:
    """41: an English version whose first line is "商务部公告2026年第151号" alone: no notice, as any English text (was: read as
    No. 151 and refused as cut short, a false source-health problem). A Chinese text so headed is still read."""
    english = ("商务部公告2026年第151号\nMOFCOM Announcement No. 151 of 2026 on Adding Four US Entities to the Export Control List\n\n"
               "The Ministry of Commerce has decided to add four US entities, including Polaris Electro-Optics, Inc. (北极星光电公司), "
               "to the export control list.\nThis announcement shall come into force on the date of its publication.\n\n"
               "Ministry of Commerce\nDecember 1, 2026\n")
    assert parse_document(english.encode("utf-8")).notice is None
    chinese = ("商务部公告2026年第151号\n\n关于将北极星光电公司列入出口管制管控名单的公告\n\n根据有关规定，决定将北极星光电公司（Polaris "
               "Electro-Optics, Inc.）列入出口管制管控名单。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月1日\n")
    assert _notice(chinese).key == "MOFCOM-2026-151"


def test_a_break_inside_a_table_cells_chinese_name_is_no_space_of_it() -> None:
    """42: "<td>星尘推进<br>系统公司</td>": "星尘推进系统公司" (was "星尘推进 系统公司")."""
    table = ("<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家（地区）</td></tr>"
             "<tr><td>1</td><td>星尘推进<br>系统公司</td><td>Stardust Propulsion<br>Systems Inc.</td><td>美国</td></tr></table>")
    notice = _notice(PAGE.format(table=table).replace("等2家", "等1家"),
                     url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_5b1e9c0d2f3a4b6c8d7e6f5a4b3c2d1e.html")
    assert [(e.zh, e.en) for e in notice.entities] == [("星尘推进系统公司", "Stardust Propulsion Systems Inc.")]


def test_a_lift_of_one_named_beside_a_listing_of_others_is_read() -> None:
    """44: "一、自…起，停止执行商务部公告2025年第21号所列甲（a）的相关措施。二、将乙（b）、丙（c）2家美国实体列入…": the lift of 甲 alone
    and the listing of the 2 (was: held for a person, "lift limited to 甲, an entity that could not be read": the notice's
    entities are its listing's)."""
    body = ("根据有关规定，商务部决定：\n\n一、自2026年12月20日起，停止执行商务部公告2025年第21号所列高点航空技术公司（High Point "
            "Aerotechnologies）的相关措施。\n\n二、将锯齿山防务公司（Sawtooth Defense Inc.）、银狐电子公司（Silver Fox Electronics LLC）"
            "2家美国实体列入出口管制管控名单，禁止出口经营者向上述2家实体出口两用物项。")
    notice = _notice(HEAD.format(n=170, title="调整出口管制管控名单有关措施") + body + TAIL)
    assert _steps(notice) == [("lift", ("MOFCOM-2025-21",), "2026-12-20", ("highpointaerotechnologies",)),
                              ("impose", (), "2026-12-08", ())]
    assert [e.key for e in notice.entities] == ["sawtoothdefense", "silverfoxelectronics"]
