"""Session 31's blind round 17 (audit31, tests/data/corpus/audit31/): texts the parser read wrong, each as a short
text. An answer's removal removes what its own words name (01: one of a notice's 7 named, all 7 removed; 02: "上述2家"
after their names, no one removed); a text with no number of its own that names no list, or punishes an exporter, takes
no measure (09: a Taiwan Affairs Office statement, 11: a penalty on a Chinese exporter, each a measure on the ECL or on
no list); a table's total row is no name (07); "甲公司及其子公司乙公司（Beta）" is two entities (17); a country written
before a name where its English is (19); a name's other script beside its English (16); an English name updated or two
entries merged are refused as a rename is (21, 22); a listing's one written name when its annex is only a link (05)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import EntityRecord, UnusablePage

QA = ("商务部新闻发言人就有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-17 17:30\n\n"
      "问：请问是否属实？\n\n答：")
UEL = "不可靠实体清单工作机制公告〔2027〕{n}号\n\n不可靠实体清单工作机制公告〔2027〕{n}号\n\n"
UEL_SIGN = "\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2027年2月25日\n"
ECL = "商务部公告2027年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2027年第{n}号\n【发文日期】2027年03月09日\n\n"
ECL_SIGN = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2027年3月9日\n"


def _steps(text: str) -> list[tuple[str, list[str | None], tuple[str, ...]]]:
    doc = parse_document(text.encode("utf-8"))
    return [] if doc.notice is None else [(a.action.value, [t.key for t in a.targets], a.entities)
                                          for a in doc.notice.actions]


def _entities(text: str) -> list[EntityRecord]:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return list(doc.notice.entities)


def test_an_answers_removal_of_one_named_entity_is_of_that_one() -> None:
    removal = "自2026年12月18日起，将不可靠实体清单工作机制公告〔2025〕2号所列海岸间电子公司移出不可靠实体清单。\n"
    # named with its English before: its key; named by its Chinese name alone: that name, found on the notice by the engine
    assert _steps(QA + "海岸间电子公司（Inter-Coastal Electronics）已提出申请。经研究决定，" + removal) == [
        ("remove", ["UEL-2025-2"], ("intercoastalelectronics",))]
    assert _steps(QA + "经研究决定，" + removal) == [("remove", ["UEL-2025-2"], ("海岸间电子",))]


def test_an_answers_removal_of_the_ones_named_before() -> None:
    text = (QA + "经核查，商务部公告2026年第12号所列富岳精密电子株式会社（Fugaku Precision Electronics Co., Ltd.）、"
            "北辰航空部件株式会社（Hokushin Aero Components Corporation）2家日本实体已履行有关义务。商务部决定，"
            "自2027年1月8日起，将上述2家日本实体移出关注名单。\n")
    assert _steps(text) == [("remove", [], ("fugakuprecisionelectronics", "hokushinaerocomponents"))]


@pytest.mark.parametrize("measures", ["相关处理措施", "相关管控措施", "有关反制措施", "相关措施"])
def test_a_lift_of_one_listed_entitys_measures_in_the_lists_own_word(measures: str) -> None:
    # "…所列X的相关处理措施" (the UEL's word for its measures) lifted the whole notice, its 6 others falsely
    text = (UEL.format(n=8) + "不可靠实体清单工作机制决定，自2027年3月1日起，停止实施不可靠实体清单工作机制公告〔2025〕2号所列"
            "海岸间电子公司（Inter-Coastal Electronics）的" + measures + "。" + UEL_SIGN)
    assert _steps(text) == [("lift", ["UEL-2025-2"], ("intercoastalelectronics",))]


def test_a_weighing_word_in_a_name_after_dui_is_no_weighing() -> None:
    step = "恢复实施不可靠实体清单工作机制公告〔2026〕3号相关措施。\n"
    assert _steps(QA + "中方决定，自2026年12月18日起，对兰德研究公司（RAND Research Corp.）" + step) == [
        ("restore", ["UEL-2026-3"], ("randresearch",))]
    assert _steps(QA + "中方正在对兰德研究公司的申请进行评估，暂不" + step) == []


def test_an_answers_removal_of_the_company_the_question_names() -> None:
    qa = QA.replace("问：请问是否属实？", "问：{q}")
    removal = "经不可靠实体清单工作机制研究决定，自2026年12月18日起，将该公司移出不可靠实体清单。\n"
    one = qa.format(q="蓝脊电子公司（Blue Ridge Electronics, Inc.）近日表示已申请移出不可靠实体清单，请问进展如何？")
    assert _steps(one + removal) == [("remove", [], ("blueridgeelectronics",))]
    two = qa.format(q="甲公司（Alpha Inc.）、乙公司（Beta Inc.）表示已申请移出，请问进展如何？")
    assert _steps(two + removal) == [("remove", [], ())]  # which one is not said: none (the engine's unresolved reference)


def test_an_answers_removal_of_a_whole_notice_is_not_limited_to_a_company_named_before() -> None:
    text = (QA + "美国鹰眼公司（Hawkeye Inc.）此前提出申请。经研究决定，自2026年12月18日起，将商务部公告2025年第13号所列15家美国实体"
            "移出出口管制管控名单。\n")
    assert _steps(text) == [("remove", ["MOFCOM-2025-13"], ())]
    named = QA + "经研究决定，自2026年12月18日起，将商务部公告2025年第13号所列莱多斯公司（Leidos）、宇航环境公司（Aero Vironment）移出出口管制管控名单。\n"
    assert _steps(named) == [("remove", ["MOFCOM-2025-13"], ("leidos", "aerovironment"))]


def test_an_answers_removal_of_two_named_and_a_name_holding_a_weighing_word() -> None:
    listed = "将不可靠实体清单工作机制公告〔2025〕2号所列"
    both = "海岸间电子公司（Inter-Coastal Electronics）和系统研究与模拟公司（System Studies & Simulation）"
    assert _steps(QA + "经研究决定，自2026年12月18日起，" + listed + both + "移出不可靠实体清单。\n") == [
        ("remove", ["UEL-2025-2"], ("intercoastalelectronics", "systemstudiesandsimulation"))]
    # 研究 of the name is no weighing ("正在研究…"): the step was dropped, "no action found in the answer"
    assert _steps(QA + "中方决定，自2026年12月18日起，停止实施" + listed[1:] + "系统研究与模拟公司的相关措施。\n") == [
        ("lift", ["UEL-2025-2"], ("系统研究与模拟",))]
    assert _steps(QA + "关于" + listed[1:] + "实体，我们正在研究是否停止实施相关措施。\n") == []


@pytest.mark.parametrize("text", [
    # a penalty on an exporter that sold to an ECL entity
    "商务部对违规出口两用物项的企业作出行政处罚\n来源：安全与管制局 2027-01-05 16:00\n\n近日，商务部对深圳锐驰电子科技有限公司作出"
    "行政处罚决定。经查，该企业向出口管制管控名单所列实体出口两用物项。商务部决定对深圳锐驰电子科技有限公司处以罚款人民币2130万元，"
    "并禁止该企业三年内从事有关出口经营活动。\n",
    # another authority's sanction, naming none of the lists
    "国台办：依法对“台独”顽固分子实施惩戒\n来源：国务院台湾事务办公室 2026-12-16 10:40\n\n发言人表示，根据《反分裂国家法》等法律"
    "法规，我们决定将林某某、黄某某2人列入“台独”顽固分子清单，并依法对其惩戒：禁止其本人及家属进入大陆；限制其关联企业与大陆有关"
    "组织、个人进行交易、合作。\n",
])
def test_no_measure_in_an_unnumbered_penalty_or_anothers_sanction(text: str) -> None:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or (doc.notice.actions == () and doc.notice.entities == ())


def test_a_spokespersons_sanction_under_the_afsl_is_still_refused() -> None:
    text = ("外交部发言人宣布中方决定对某前参议员采取制裁措施\n2026-10-21 19:00\n\n外交部发言人宣布：依据《中华人民共和国反外国制裁法》，"
            "中方决定对马科斯·德拉克鲁斯（Marcos dela Cruz）采取制裁措施，禁止其入境中国内地及香港、澳门特别行政区。\n")
    with pytest.raises(UnusablePage):
        parse_document(text.encode("utf-8"))


def test_a_tables_total_row_is_no_name() -> None:
    rows = "".join(f"<tr><td>{i}</td><td>{zh}</td><td>{en}</td><td>美国</td></tr>" for i, (zh, en) in enumerate(
        [("雷鸟战术系统公司", "Thunderbird Tactical Systems, Inc."), ("极光弹药公司", "Aurora Munitions, Inc.")], 1))
    html = ("<html><head><meta charset='utf-8'><title>不可靠实体清单工作机制公告〔2027〕3号</title></head><body>"
            "<div class='art-con art-con-bottonmLine'><p>不可靠实体清单工作机制公告〔2027〕3号</p><p>不可靠实体清单工作机制决定将"
            "2家美国企业列入不可靠实体清单（名单见附件），并采取以下处理措施：禁止上述企业从事与中国有关的进出口活动。</p>"
            "<p>本公告自公布之日起实施。</p><p>不可靠实体清单工作机制</p><p>2027年1月20日</p><p>不可靠实体清单</p>"
            "<table><tr><th>序号</th><th>中文名称</th><th>英文名称</th><th>国家/地区</th></tr>" + rows
            + "<tr><td colspan='3'>合计</td><td>2家</td></tr></table></div></body></html>")
    doc = parse_document(html.encode("utf-8"), url="https://aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2027/art_x.html")
    assert doc.notice is not None
    assert [(e.zh, e.en) for e in doc.notice.entities] == [
        ("雷鸟战术系统公司", "Thunderbird Tactical Systems, Inc."), ("极光弹药公司", "Aurora Munitions, Inc.")]
    assert doc.notice.warnings == ()


def test_a_parent_before_its_named_subsidiary_is_an_entity() -> None:
    text = (UEL.format(n=5) + "法国阿尔卑斯防务简化股份公司（Alpes Défense S.A.S.）参与对台军售。不可靠实体清单工作机制决定将"
            "阿尔卑斯防务简化股份公司及其子公司布列塔尼水下系统有限责任公司（Bretagne Systèmes Sous-Marins SARL）列入不可靠实体清单，"
            "并采取以下处理措施：一、禁止上述企业从事与中国有关的进出口活动。" + UEL_SIGN)
    assert [(e.zh, e.en, e.country) for e in _entities(text)] == [
        ("阿尔卑斯防务简化股份公司", "Alpes Défense S.A.S.", "FR"),
        ("布列塔尼水下系统有限责任公司", "Bretagne Systèmes Sous-Marins SARL", None)]


def test_the_country_before_a_name_where_its_english_is() -> None:
    text = (UEL.format(n=5) + "火风暴实验室公司已被美国铁拳国防控股公司（Iron Fist Defense Holdings, Inc.）收购。不可靠实体清单"
            "工作机制决定将铁拳国防控股公司列入不可靠实体清单，并采取以下处理措施：一、禁止该企业从事与中国有关的进出口活动。" + UEL_SIGN)
    assert [(e.zh, e.en, e.country) for e in _entities(text)] == [
        ("铁拳国防控股公司", "Iron Fist Defense Holdings, Inc.", "US")]


@pytest.mark.parametrize("bracket", ["漢昇精密機械股份有限公司；Hansheng Precision Machinery Co., Ltd.",
                                     "Hansheng Precision Machinery Co., Ltd.；漢昇精密機械股份有限公司"])
def test_a_names_other_script_is_no_part_of_its_english(bracket: str) -> None:
    text = (ECL.format(n=9) + "商务部决定将以下1家中国台湾地区实体列入关注名单：\n\n1. 汉昇精密机械股份有限公司（" + bracket + "）"
            + ECL_SIGN)
    (e,) = _entities(text)
    assert (e.zh, e.en, e.country, e.key) == (
        "汉昇精密机械股份有限公司", "Hansheng Precision Machinery Co., Ltd.", "TW", "hanshengprecisionmachinery")


@pytest.mark.parametrize("text", [
    UEL.format(n=6) + "不可靠实体清单工作机制公告〔2025〕2号所列系统研究与模拟公司的英文名称由“System Studies & Simulation”"
    "更新为“System Studies & Simulation, Inc.”。对其采取的处理措施不变。" + UEL_SIGN,
    ECL.format(n=12) + "商务部公告2025年第22号所列埃科达因公司（Echodyne）与埃克索维拉公司（Exovera）已合并。商务部决定将出口管制管控"
    "名单中上述2家实体的条目合并调整为埃科维拉系统公司（Echovera Systems, Inc.），适用该公告所列措施。" + ECL_SIGN,
])
def test_an_updated_english_name_or_a_merge_is_refused_as_a_rename(text: str) -> None:
    with pytest.raises(UnusablePage) as info:
        parse_document(text.encode("utf-8"))
    assert info.value.reason == "needs-review"


def test_a_listings_one_written_name_when_its_annex_is_a_link() -> None:
    text = (UEL.format(n=2) + "不可靠实体清单工作机制决定将北岬防务公司（North Cape Defense Corp.）等6家美国企业列入不可靠实体清单"
            "（名单见附件），并采取以下处理措施：一、禁止上述企业从事与中国有关的进出口活动。" + UEL_SIGN
            + "附件：不可靠实体清单（扫描件）.pdf\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    assert [(e.zh, e.en, e.country) for e in doc.notice.entities] == [("北岬防务公司", "North Cape Defense Corp.", "US")]
    assert doc.notice.warnings == ("parsed 1 entities, notice states 6",)
