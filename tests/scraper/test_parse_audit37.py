"""Session 37's blind round 23 (audit37, tests/data/corpus/audit37/): texts the parser read wrong, each as a short text.
Steps limited to names in a clause of their own ("…中的其中3家，即A（a）、B（b），停止…" 03, 04, 22; "…所列A（a）、B（b）二家实体，
自…起恢复…" 18); a title "关于停止对…采取反制措施的决定" (22); "暂停期限顺延至" (06); "延长至明年11月10日" (21); a suspension of a
provision inside one measure (26); a correction in the "原文：/现更正为：" layout (09); persons with chief officers' roles
before their names, counted after them (02); an annex as a <ul> (14); English names alone in prose (16); customs' notice
carrying out ours (11); "自本公告公布之日起，将…移出" (08); Chinese names after "…所列" in an answer (19)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import DocumentKind, NoticeRecord, UnusablePage

HEAD = "商务部公告2027年第{n}号 关于{title}的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第{n}号\n【发文日期】2027年04月10日\n\n"
TAIL = "\n\n本公告自公布之日起实施。\n\n商务部\n2027年4月10日\n"
QA_HEAD = "来源：商务部新闻办公室 类型：原创 分类：新闻 2027-01-20 16:30\n\n商务部新闻发言人就有关问题答记者问\n\n问：请问有何考虑？\n\n答："


def _notice(text: str, url: str | None = None) -> NoticeRecord:
    notice = parse_document(text.encode("utf-8"), url=url).notice
    assert notice is not None
    return notice


def _steps(notice: NoticeRecord) -> list[tuple[str, tuple[str | None, ...], str | None, tuple[str, ...]]]:
    return [(a.action.value, tuple(t.key for t in a.targets), a.effective, a.entities) for a in notice.actions]


@pytest.mark.parametrize("among", ["中的其中3家", "中的3家", "中的其中三家"])
def test_a_lift_of_three_named_after_ji_is_theirs_alone(among: str) -> None:
    """03: "对…所列16家美国实体中的其中3家，即A（a）、B（b）、C（c），停止实施相关措施": the 3, not all 16; no count warning."""
    body = (f"商务部决定，自2027年4月15日起，对商务部公告2025年第21号所列16家美国实体{among}，即环球世界物流公司（Universal Logistics "
            "Holdings, Inc.）、文本矿公司（TextOre）、摇杆舵公司（Stick Rudder Enterprises LLC），停止实施相关措施。对其余13家实体的相关措施不作调整。")
    notice = _notice(HEAD.format(n=14, title="停止实施部分措施") + body + TAIL)
    assert _steps(notice) == [("lift", ("MOFCOM-2025-21",), "2027-04-15",
                               ("universallogisticsholdings", "textore", "stickrudderenterprises"))]
    assert notice.warnings == ()


def test_a_restore_of_two_named_before_a_comma_is_theirs_alone() -> None:
    """18: "对…所列A（a）、B（b）二家实体，自2027年6月1日起恢复实施相关措施": the 2, not all 16."""
    body = ("商务部决定：\n\n一、对商务部公告2025年第21号所列内华达山脉公司（Sierra Nevada Corporation）、立方公司（Cubic Corporation）"
            "二家实体，自2027年6月1日起恢复实施相关措施。")
    notice = _notice(HEAD.format(n=40, title="调整措施") + body + TAIL)
    assert _steps(notice) == [("restore", ("MOFCOM-2025-21",), "2027-06-01", ("sierranevada", "cubic"))]


def test_an_answer_restoring_two_of_them_named_after_ji() -> None:
    """04: "对…7号所列11家美国企业，对其中2家，即A（a）、B（b），自…起恢复实施…；对其余9家企业，继续暂停…至…": the restore is the 2's."""
    text = QA_HEAD + ("不可靠实体清单工作机制决定，对4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）所列11家美国企业，对其中2家，即浩劫人工智能"
                      "公司（HavocAI）、尼罗斯科技公司（Neros Technologies），自2027年2月1日起恢复实施相关处理措施；对其余9家企业，继续暂停实施"
                      "相关措施至2027年11月10日。\n")
    restores = [s for s in _steps(_notice(text)) if s[0] == "restore"]
    assert restores == [("restore", ("UEL-2025-7",), "2027-02-01", ("havocai", "nerostechnologies"))]


ORDER = ("商务部令2027年第1号 关于停止对韩华海洋株式会社部分美国子公司采取反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2027年第1号\n"
         "【发文日期】2027年01月05日\n\n商务部令\n2027年第1号\n\n根据《中华人民共和国反外国制裁法》有关规定，商务部决定，自2027年1月10日起，对"
         "《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》（商务部令2025年第6号）所列5家美国子公司中的2家，即韩华费城造船厂（Hanwha "
         "Philly Shipyard Inc.）、韩华航运有限责任公司（Hanwha Shipping LLC），停止实施反制措施。对其余3家子公司的反制措施继续实施。\n\n"
         "本决定自2027年1月10日起施行。\n\n商务部\n2027年1月5日\n")


def test_an_order_stopping_measures_on_two_lists_no_one_and_lifts_the_two() -> None:
    """22: the title "关于停止对…采取反制措施的决定" lists no one; the lift is the 2 named, not all 5 of Order No. 6."""
    notice = _notice(ORDER)
    assert _steps(notice) == [("lift", ("MOFCOM-ORDER-2025-6",), "2027-01-10", ("hanwhaphillyshipyard", "hanwhashipping"))]
    assert notice.warnings == ()


@pytest.mark.parametrize(("verb", "until"), [("顺延至2027年11月10日", "2027-11-10"), ("延长至明年11月10日", "2027-11-10"),
                                             ("延长至今年12月31日", "2026-12-31")])
def test_an_answer_extending_to_a_day_in_other_words(verb: str, until: str) -> None:
    """06, 21: "暂停期限顺延至2027年11月10日" (no verb before), "延长至明年11月10日" (read as ten days) in an answer of 2026-11-06."""
    text = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-06 20:00\n\n商务部新闻发言人就不可靠实体清单有关措施答记者问\n\n问：请问有何考虑？\n\n"
            f"答：经研究，工作机制决定，将4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的暂停期限{verb}。\n")
    notice = _notice(text)
    assert [(a.action.value, a.until.isoformat() if a.until else None, a.extends_by) for a in notice.actions] == [
        ("extend", until, None)]


def test_a_suspension_of_a_provision_of_one_measure_is_left_for_a_person() -> None:
    """26: "暂停实施…第23号第一项中“禁止境外组织和个人将…转移或提供给上述实体”的规定": never the whole listing suspended."""
    body = ("商务部决定，自2027年8月1日起至2027年12月31日，暂停实施商务部公告2026年第23号第一项中“禁止境外组织和个人将原产于中华人民共和国的两用物项"
            "转移或提供给上述实体”的规定。商务部公告2026年第23号其他措施继续实施。")
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD.format(n=37, title="暂停实施部分措施") + body + TAIL).encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_a_correction_in_original_and_corrected_lines() -> None:
    """09: "原文：2. X（a）" / "现更正为：2. X（b）": the entity as corrected, keyed by its first name."""
    text = ("商务部公告2027年第11号 关于商务部公告2027年第9号附件有关内容的更正\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第11号\n"
            "【发文日期】2027年03月08日\n\n商务部公告2027年第9号附件《出口管制管控名单》中，第2项实体英文名称有误，现更正如下：\n\n"
            "原文：2. 蓝脊自主系统公司（Blue Ridge Autonomy LLC）\n\n现更正为：2. 蓝脊自主系统公司（Blue Ridge Autonomous Systems LLC）\n\n"
            "上述公告其他内容不变。特此更正。\n\n商务部\n2027年3月8日\n")
    notice = _notice(text)
    assert [(e.zh, e.en, e.key, e.n) for e in notice.entities] == [
        ("蓝脊自主系统公司", "Blue Ridge Autonomous Systems LLC", "blueridgeautonomy", 2)]


@pytest.mark.parametrize("count", ["两名", "2名"])
def test_an_orders_persons_with_chief_officers_roles_counted_after(count: str) -> None:
    """02: "对甲公司（a）及其首席执行官X（x）、首席技术官Y（y）两名高级管理人员采取…": the company and two persons, no count warning."""
    text = ("商务部令2027年第3号 关于对哈尔西恩防务公司及其高级管理人员采取反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2027年第3号\n"
            "【发文日期】2027年03月28日\n\n商务部令\n2027年第3号\n\n根据《中华人民共和国反外国制裁法》的规定，商务部决定对哈尔西恩防务公司（Halcyon Defense "
            f"Corporation）及其首席执行官马克·温特斯（Mark Winters）、首席技术官丽莎·陈（Lisa Chen）{count}高级管理人员采取以下反制措施：\n\n"
            "一、查封、扣押、冻结上述企业和人员在中国境内的动产、不动产和其他各类财产。\n\n本决定自2027年4月1日起施行。\n\n商务部\n2027年3月28日\n")
    notice = _notice(text)
    assert [(e.zh, e.en, e.type) for e in notice.entities] == [
        ("哈尔西恩防务公司", "Halcyon Defense Corporation", "organization"), ("马克·温特斯", "Mark Winters", "individual"),
        ("丽莎·陈", "Lisa Chen", "individual")]
    assert notice.warnings == ()


UL_PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{t}"><meta name="PubDate" '
           'content="2027-04-02 17:00"><title>{t}</title></head><body><div class="art-con art-con-bottonmLine">'
           '<p>【发布文号】不可靠实体清单工作机制公告〔2027〕4号</p><p>【发文日期】2027年04月02日</p><p>不可靠实体清单工作机制决定将以下3家美国实体列入'
           '不可靠实体清单，并采取以下处理措施：禁止上述企业从事与中国有关的进出口活动。</p>{ul}<p>本公告自公布之日起实施。</p>'
           '<p>不可靠实体清单工作机制</p><p>2027年4月2日</p></div></body></html>')
TITLE = "不可靠实体清单工作机制关于将海港点分析公司等3家美国实体列入不可靠实体清单的公告"


def test_an_annex_as_bullets_of_names_and_their_english() -> None:
    """14: "<ul><li>X <span>x</span></li>…</ul>": the 3 names, not 0 and a count warning."""
    ul = ("<ul><li>海港点分析公司 <span>Harbor Point Analytics, Inc.</span></li><li>铁木战术系统公司 <span>Ironwood Tactical Systems LLC"
          "</span></li><li>喀斯喀特旋翼机公司 <span>Cascade Rotorcraft Corp.</span></li></ul>")
    notice = _notice(UL_PAGE.format(t=TITLE, ul=ul), "https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2027/art_7c1e.html")
    assert [(e.zh, e.en) for e in notice.entities] == [("海港点分析公司", "Harbor Point Analytics, Inc."),
                                                      ("铁木战术系统公司", "Ironwood Tactical Systems LLC"),
                                                      ("喀斯喀特旋翼机公司", "Cascade Rotorcraft Corp.")]


def test_bullets_of_measures_stay_as_they_are() -> None:
    """A <ul> of sentences is no annex: no entity read from it (the count warning tells of the 3 not named)."""
    ul = "<ul><li>禁止上述企业从事与中国有关的进出口活动；</li><li>禁止上述企业在中国境内新增投资。</li></ul>"
    notice = _notice(UL_PAGE.format(t=TITLE, ul=ul), "https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2027/art_7c1e.html")
    assert notice.entities == ()


def test_english_names_alone_in_prose_joined_by_he() -> None:
    """16: "将A, Inc.、B, LLC和C, Inc.三家美国实体列入…": 3 names, no Chinese one made of two and the count."""
    body = ("商务部决定将Anvil Robotics, Inc.、Kestrel Dynamics, LLC和Vantor Space Systems, Inc.三家美国实体列入出口管制管控名单，"
            "并采取以下措施：\n\n一、禁止出口经营者向上述三家实体出口两用物项。")
    notice = _notice(HEAD.format(n=29, title="列入名单") + body + TAIL)
    assert [(e.zh, e.en, e.country) for e in notice.entities] == [
        (None, "Anvil Robotics, Inc.", "US"), (None, "Kestrel Dynamics, LLC", "US"), (None, "Vantor Space Systems, Inc.", "US")]
    assert notice.warnings == ()


def test_customs_carrying_out_our_listing_is_no_notice_of_ours() -> None:
    """11: "海关总署公告2027年第30号（关于执行商务部公告2027年第9号有关规定的公告）": not No. 9, no listing."""
    text = ("海关总署公告2027年第30号（关于执行商务部公告2027年第9号有关规定的公告）\n\n发布时间：2027-03-06　来源：海关总署\n\n"
            "商务部公告2027年第9号决定将奥瑞恩光电公司（Orion Electro-Optics, Inc.）等四家美国实体列入出口管制管控名单，禁止出口经营者向上述实体"
            "出口两用物项。为做好相关执行工作，现将有关事项公告如下：\n\n一、自2027年3月6日起，收货人为上述实体的，海关不予放行。\n\n特此公告。\n\n"
            "海关总署\n2027年3月5日\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.kind is not DocumentKind.NOTICE or doc.notice is None


def test_a_removal_decided_from_this_notices_publication_warns_nothing() -> None:
    """08: "商务部决定，自本公告公布之日起，将…移出出口管制关注名单": its day stated, no "no effective date stated"."""
    body = ("经核查，商务部公告2026年第12号所列大和精密机械株式会社（Yamato Precision Machinery Co., Ltd.）已履行相关义务。商务部决定，"
            "自本公告公布之日起，将上述实体移出出口管制关注名单。\n\n特此公告。\n\n商务部\n2027年4月10日\n")
    notice = _notice(HEAD.format(n=20, title="移出关注名单") + body)
    assert notice.warnings == ()


def test_an_answer_naming_chinese_names_after_suolie() -> None:
    """19: "停止对…7号所列A公司、B公司、C公司采取的处理措施": the three names, no "…所列" in the first."""
    text = QA_HEAD + ("经审查，工作机制决定，自2027年2月1日起，停止对不可靠实体清单工作机制公告〔2025〕7号所列红色六方案公司、多莫战术通信公司、"
                      "急速飞行公司采取的处理措施。\n")
    assert _steps(_notice(text)) == [("lift", ("UEL-2025-7",), "2027-02-01", ("红色六方案", "多莫战术通信", "急速飞行"))]


def test_an_answer_restoring_two_named_in_chinese_after_ji() -> None:
    """27 (a probe of 04's fix): "…中的2家，即甲公司、乙公司，自…起恢复…": the 2 short names, not all 11."""
    text = QA_HEAD + ("经审查，不可靠实体清单工作机制决定，对不可靠实体清单工作机制公告〔2025〕7号所列11家美国企业中的2家，即火风暴实验室公司、"
                      "英斯图公司，自2027年2月15日起恢复实施相关处理措施。\n")
    assert _steps(_notice(text)) == [("restore", ("UEL-2025-7",), "2027-02-15", ("火风暴实验室", "英斯图"))]


@pytest.mark.parametrize("object_", [
    "16家美国实体中的3家停止实施相关措施，名单见附件",
    "16家美国实体中的3家（环球世界物流公司（Universal Logistics Holdings, Inc.）、文本矿公司（TextOre）、摇杆舵公司（Stick Rudder "
    "Enterprises LLC）），停止实施相关措施",
])
def test_a_step_on_some_of_a_notice_counted_but_not_named_is_left_for_a_person(object_: str) -> None:
    """28, 29: "对…所列16家美国实体中的3家停止…" with the names elsewhere or unread: never a lift of all 16."""
    body = f"商务部决定，自2027年9月15日起，对商务部公告2025年第21号所列{object_}。"
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD.format(n=52, title="停止实施部分措施") + body + TAIL).encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_a_step_on_the_others_after_a_counted_clause_is_read() -> None:
    """The clause after "；" is its own: "…中的2家，即A（a）、B（b），…恢复…；对其余9家，继续暂停…" reads both (04)."""
    text = QA_HEAD + ("不可靠实体清单工作机制决定，对4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）所列11家美国企业中的2家，即浩劫人工智能"
                      "公司（HavocAI）、尼罗斯科技公司（Neros Technologies），自2027年2月1日起恢复实施相关处理措施；对其余9家企业，继续暂停实施"
                      "相关措施至2027年11月10日。\n")
    assert sorted(s[0] for s in _steps(_notice(text))) == ["extend", "restore"]


@pytest.mark.parametrize("dateline", ["新华社北京3月6日电（记者王涛）", "中新网3月6日电 ", "（中央社台北6日电）"])
def test_a_wire_report_of_a_listing_is_no_notice(dateline: str) -> None:
    """30 (13's probe): "新华社北京3月6日电 商务部5日发布公告，决定将…等4家美国实体列入…": a press report, not a listing of nobody."""
    text = (f"{dateline}商务部5日发布公告，决定将奥瑞恩光电公司等4家美国实体列入出口管制管控名单，禁止向其出口两用物项，自公布之日起正式实施。\n\n"
            "商务部新闻发言人表示，上述美国实体参与对台湾地区军售。\n\n（责任编辑：李明）\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.kind is not DocumentKind.NOTICE or doc.notice is None


def test_names_after_ji_right_before_the_verb_limit_it() -> None:
    """A probe of 03: "…中的其中3家，即A（a, Inc.）、B（b）、C（c）停止实施…" (no comma after the names; one inside an English
    name): the 3, not refused, not all 16."""
    body = ("商务部决定，对商务部公告2025年第21号所列16家美国实体中的其中3家，即环球世界物流公司（Universal Logistics Holdings, Inc.）、"
            "文本矿公司（TextOre）、摇杆舵公司（Stick Rudder Enterprises LLC）停止实施相关措施。")
    notice = _notice(HEAD.format(n=14, title="停止实施部分措施") + body + TAIL)
    assert [s[3] for s in _steps(notice)] == [("universallogisticsholdings", "textore", "stickrudderenterprises")]
