"""Annex layouts the session 18 blind audit (tests/data/corpus/entities18/) found misread: tables read by their
header row, numbered annexes, country headings, wrapped names, aliases and addresses, circled numbers, a list
after "以下…：", doubled lines, persons' lines. Pure functions: text in, entities out."""

from scraper.parse import parse_text
from scraper.parse.entities import annex_entities, annex_start, distinct, make_entity


def _read(lines: list[str], country: str | None = "US") -> list[tuple[str | None, str | None, str | None]]:
    return [(e.zh, e.en, e.country) for e in annex_entities(lines, 0, country, chinese_numbers=True, clean=True)]


def test_a_table_is_read_by_its_header_row():
    # An empty English cell took the country in; a 列入时间 or 备注 column was read as the English name.
    assert _read(["序号\t中文名称\t英文名称\t国家/地区", "1\t顶点材料公司\tApex Materials Inc.\t美国",
                  "2\t经纬航太科技股份有限公司\t\t中国台湾地区", "3\t枫叶航电公司\tMaple Avionics Ltd.\t加拿大"], None) == [
        ("顶点材料公司", "Apex Materials Inc.", "US"), ("经纬航太科技股份有限公司", None, "TW"),
        ("枫叶航电公司", "Maple Avionics Ltd.", "CA")]
    assert _read(["序号\t名称\t列入时间", "1\t斯巴鲁株式会社 SUBARU Corporation\t2026年6月29日"], "JP") == [
        ("斯巴鲁株式会社", "SUBARU Corporation", "JP")]
    assert _read(["序号\t实体名称\t备注", "1\t猎鹰光电公司 Falcon Electro-Optics, Inc.\t又称Falcon EO",
                  "2\t双子星防务公司 Gemini Defense Solutions\t地址：美国亚利桑那州图森市"]) == [
        ("猎鹰光电公司", "Falcon Electro-Optics, Inc.", "US"), ("双子星防务公司", "Gemini Defense Solutions", "US")]


def test_a_country_cell_merged_over_rows_carries_to_them():
    assert [c for _, _, c in _read(["序号\t中文名称\t英文名称\t国家/地区", "1\t甲公司\tAlpha Inc.\t美国", "2\t乙公司\tBeta LLC",
                                    "3\t丙公司\tGamma Ltd\t英国", "4\t丁公司\tDelta Ltd"], None)] == ["US", "US", "GB", "GB"]


def test_numbered_annexes_start_at_the_first():
    text = "正文（见附件1、附件2）\n附件：1. 名单（一）\n2. 名单（二）\n商务部\n附件1\n1. 甲公司（Alpha Inc.）\n附件2\n2. 乙公司（Beta LLC）"
    assert annex_start(text) == 4
    assert annex_start("正文\n附件\n1. 甲公司（Alpha Inc.）") == 1
    assert annex_start("正文\n附件\n说明\n附件2\n2. 乙公司（Beta LLC）") == 3  # an unnumbered 附件 above: 2 is alone


def test_a_country_heading_line_gives_the_country_below():
    assert _read(["附件1", "美国实体名单", "1. 甲公司（Alpha Inc.）", "附件2", "英国实体名单", "1. 乙公司（Beta Ltd）"], None) == [
        ("甲公司", "Alpha Inc.", "US"), ("乙公司", "Beta Ltd", "GB")]
    assert [c for _, _, c in _read(["附件", "美国：", "1. 甲公司（Alpha Inc.）", "加拿大：", "2. 乙公司（Beta Ltd.）"], None)] == [
        "US", "CA"]


def test_a_name_wrapped_over_lines_is_one_name():
    assert _read(["附件", "1. 甲公司（Alpha Ordnance and", "Tactical Systems）", "", "2. 乙公司（Beta Holdings,", "", "Inc.）",
                  "3. 丙公司（IP ", "Video Market Info）"]) == [("甲公司", "Alpha Ordnance and Tactical Systems", "US"),
                                                             ("乙公司", "Beta Holdings, Inc.", "US"),
                                                             ("丙公司", "IP Video Market Info", "US")]


def test_aliases_and_addresses_are_no_part_of_the_name():
    found = annex_entities(["附件", "1. 红杉动力公司（Sequoia Dynamics Inc.，又称Sequoia Dynamic Systems）",
                            "2. 灰狼科技公司（Gray Wolf Technologies LLC），亦称灰狼技术公司",
                            "3. 赫尔墨斯航空公司（Hermes Aviation Corp., also known as Hermes Aero）",
                            "4. 黑石防务公司（别名：黑岩防务公司）（Blackstone Defense LLC）",
                            "5. 锐锋电子公司（Sharp Edge Electronics, Inc.），地址：美国弗吉尼亚州阿灵顿市",
                            "6. 海湾动力公司（Gulf Coast Dynamics Corp.）（地址：美国得克萨斯州休斯敦市）"], 0, "US", True, True)
    assert [(e.zh, e.en) for e in found] == [
        ("红杉动力公司", "Sequoia Dynamics Inc."), ("灰狼科技公司", "Gray Wolf Technologies LLC"),
        ("赫尔墨斯航空公司", "Hermes Aviation Corp."), ("黑石防务公司", "Blackstone Defense LLC"),
        ("锐锋电子公司", "Sharp Edge Electronics, Inc."), ("海湾动力公司", "Gulf Coast Dynamics Corp.")]
    assert found[0].note == "又称Sequoia Dynamic Systems" and found[4].note == "地址：美国弗吉尼亚州阿灵顿市"


def test_circled_numbers():
    assert [(e.n, e.zh) for e in annex_entities(["附件", "① 甲公司（Alpha Inc.）", "②乙公司（Beta LLC）"])] == [
        (1, "甲公司"), (2, "乙公司")]


def test_a_persons_line_is_an_individual():
    found = annex_entities(["二、个人", "1. 约翰·斯密特（John Smit），男，北岸雷达公司首席执行官"], 0, None, True, True)
    assert [(e.zh, e.en, e.type, e.note) for e in found] == [("约翰·斯密特", "John Smit", "individual", "男，北岸雷达公司首席执行官")]


def test_an_entity_named_twice_is_one():
    a, b = make_entity("甲公司", "Alpha Inc."), make_entity("乙公司", "Beta LLC")
    assert distinct([a, b, a]) == [a, b]


NOTICE = """商务部公告2026年第58号 公布将3家美国实体列入出口管制管控名单
【发布单位】安全与管制局
【发布文号】商务部公告2026年第58号
【发文日期】2026年10月22日

根据有关规定，决定将以下美国实体列入出口管制管控名单：北岸雷达公司（North Shore Radar, Inc.）；高原光学公司（Highland Optics LLC）；海湾动力公司（Gulf Coast Dynamics Corp.）。并采取以下措施：
一、禁止出口经营者向上述3家实体出口两用物项。
本公告自公布之日起正式实施。

商务部
2026年10月22日
"""


def test_names_after_the_colon_of_a_forward_pointing_decision():
    # "以下美国实体" was read as an entity's name, and the three names after the colon were missed.
    rec = parse_text(NOTICE)
    assert [(e.zh, e.en) for e in rec.entities] == [("北岸雷达公司", "North Shore Radar, Inc."),
                                                    ("高原光学公司", "Highland Optics LLC"),
                                                    ("海湾动力公司", "Gulf Coast Dynamics Corp.")]
    assert rec.warnings == ()


def test_a_doubled_annex_line_does_not_hide_a_missing_entity():
    text = NOTICE.replace("决定将以下美国实体列入出口管制管控名单：北岸雷达公司（North Shore Radar, Inc.）；高原光学公司（Highland Optics LLC）；"
                          "海湾动力公司（Gulf Coast Dynamics Corp.）。并", "决定将北岸雷达公司等3家美国实体列入出口管制管控名单（见附件），并")
    text += "\n附件\n1. 北岸雷达公司（North Shore Radar, Inc.）\n2. 高原光学公司（Highland Optics LLC）\n3. 高原光学公司（Highland Optics LLC）\n"
    rec = parse_text(text)
    assert [e.zh for e in rec.entities] == ["北岸雷达公司", "高原光学公司"]
    assert rec.warnings == ("parsed 2 entities, notice states 3",)


def test_a_measure_on_a_stated_count_with_no_entity_read_warns():
    # A listing pasted as one line reads as a measure on the notice's own entities; none read, the stated count
    # was checked only for a listing or a removal, so the loss was silent.
    rec = parse_text("商务部公告2025年第21号  决定将甲公司等1家美国实体列入出口管制管控名单（见附件），并采取以下措施： "
                     "一、禁止向上述1家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。 本公告自公布之日起正式实施。 "
                     "商务部 2025年4月4日 附件 1. 甲公司（Alpha Inc.）")
    assert [a.action.value for a in rec.actions] == ["measure"] and rec.entities == ()
    assert "parsed 0 entities, notice states 1" in rec.warnings


def test_persons_joined_to_companies_count_in_the_stated_count():
    from scraper.parse.entities import count_and_country, stated_count
    texts = ["商务部决定对北岸雷达公司等2家美国企业及约翰·斯密特等2名个人采取反制措施："]
    assert count_and_country(texts) == (4, "US") and stated_count(texts) == (4, "US")
    assert count_and_country(["禁止向上述16家美国实体出口两用物项，及其3名高级管理人员"]) == (16, "US")  # another clause


def test_a_table_without_header_keeps_its_empty_cells():
    # An empty English cell took the next cell in: "中国台湾地区" as the English name, "美国" as the key of "Beta LLC".
    assert _read(["附件", "1\t顶点材料公司\tApex Materials Inc.", "2\t经纬航太科技股份有限公司\t\t中国台湾地区",
                  "3\t\tBeta LLC\t美国", "4\t斯巴鲁株式会社 SUBARU Corporation\t2026年6月29日"], None) == [
        ("顶点材料公司", "Apex Materials Inc.", None), ("经纬航太科技股份有限公司", None, None), (None, "Beta LLC", None),
        ("斯巴鲁株式会社", "SUBARU Corporation", None)]
