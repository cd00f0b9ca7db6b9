"""Annex layouts (scraper/parse/entities/annex.py): tables read by their header row, numbered annexes, country
headings, wrapped names, aliases and addresses, circled numbers, a list after "以下…：", doubled lines, persons' lines,
orders' annexes numbered （一）, a second annex of entities and an annex of items, footnote marks, branches under their
parent, English names alone on the next paragraph. Pure functions: text in, entities out. Found misread by the blind
audits and probes of sessions 18-23 (tests/data/corpus/entities18/, mfa19/, parse20/ to parse23/)."""

from functools import partial

from scraper.parse import parse_document, parse_text
from scraper.parse.entities import annex_entities, annex_start, distinct, make_entity
from storage.records import NoticeRecord
from tests.scraper.corpus_cases import CORPUS, case_text, parse_case


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


def test_an_annex_of_items_after_the_annex_of_entities_lists_no_items() -> None:
    """"附件2 / 相关两用物项清单 / 1. 镓及其化合物（Gallium and its compounds）…" gave 5 more US "entities" on the ECL
    (false listing items for gallium, germanium…), with a count warning (9 parsed, 4 stated)."""
    rec = parse_text(case_text("parse20", "03-ecl-entities-and-items-annex.txt"))
    assert rec is not None
    assert [e.en for e in rec.entities] == ["Raytheon Advanced Technologies, Inc.", "Northrop Optical Systems LLC",
                                            "Coastline Unmanned Systems, Inc.", "Blue Ridge Materials Corp."]
    assert rec.warnings == ()


def test_a_second_annex_of_entities_is_still_read() -> None:
    text = case_text("parse20", "03-ecl-entities-and-items-annex.txt").replace("相关两用物项清单", "出口管制管控名单（续）").replace(
        "镓及其化合物（Gallium and its compounds）", "甲公司（Alpha Inc.）")
    rec = parse_text(text)
    assert rec is not None
    assert "Alpha Inc." in [e.en for e in rec.entities]


def test_footnote_marks_after_annex_names_are_no_part_of_them() -> None:
    """"1. 猎鹰光电公司（Falcon Electro-Optics, Inc.）①" was read as the Chinese name "猎鹰光电公司（Falcon
    Electro-Optics, Inc.）①" with no English: its key matched no screening of "Falcon Electro-Optics"."""
    rec = parse_text(case_text("parse20", "15-ecl-annex-footnotes.txt"))
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities][::2] == [("猎鹰光电公司", "Falcon Electro-Optics, Inc."),
                                                         ("北极星光子公司", "Polaris Photonics Corp.")]
    for mark in ("[1]", "*", "注1"):
        text = case_text("parse20", "15-ecl-annex-footnotes.txt").replace("）①", "）" + mark)
        again = parse_text(text)
        assert again is not None and again.entities[0].en == "Falcon Electro-Optics, Inc.", mark


_parse_pin = partial(parse_case, "")


def test_a_full_width_comma_inside_nested_brackets_is_inside_the_name() -> None:
    rec = _parse_pin("parse21/05-ecl-fullwidth-punct-english.txt")
    assert [e.zh for e in rec.entities] == ["哈德逊河精密制造公司", "艾伦与贝克（北美）控股公司"]
    assert rec.warnings == ()


def test_branches_numbered_under_their_parent_are_its_branches() -> None:
    """"1.1 …" lines under "1. X（…）及其分支机构：" were dropped without a word."""
    rec = _parse_pin("parse21/04-uel-annex-parent-with-numbered-subsidiaries.txt")
    assert [(e.en, len(e.branches)) for e in rec.entities] == [("Thunder Defense Systems, Inc.", 3),
                                                             ("Blue Whale Ocean Technologies LLC", 0)]
    assert rec.entities[0].branches[0].startswith("雷霆防务系统（新加坡）有限公司")
    # a "2.1" line under entity 1 is no branch of it
    rec = _parse_pin("parse21/04-uel-annex-parent-with-numbered-subsidiaries.txt", "1.2 雷霆", "2.2 雷霆")
    assert len(rec.entities[0].branches) == 2


def test_branch_words_after_an_annex_name_are_no_part_of_it() -> None:
    """"X及其分支机构（X Inc. and its branches）" kept the words in both names, and so in the key."""
    rec = _parse_pin("parse21/14-ecl-annex-inline-branches.txt")
    e = rec.entities[0]
    assert (e.zh, e.en, e.key, e.note) == ("星链防务服务公司", "Starlane Defense Services, Inc.", "starlanedefenseservices",
                                           "及其分支机构")


PARSE22 = CORPUS / "parse22"


def test_an_annex_pasted_as_a_table_with_ideographic_spaces_is_read_below_its_header_only() -> None:
    """parse21/18: "序号　中文名称　英文名称" / "1　大西洋复合材料公司　Atlantic Composites Co., Ltd." gave no entity (loud).
    Without the header row the lines are not cut (a body line or an indented name keeps its U+3000)."""
    path = PARSE22.parent / "parse21" / "18-ecl-annex-ideographic-space-table.txt"
    rec = parse_text(path.read_text(encoding="utf-8"))
    assert rec is not None and [(e.zh, e.en, e.n) for e in rec.entities] == [
        ("大西洋复合材料公司", "Atlantic Composites Co., Ltd.", 1), ("凤凰火控系统公司", "Phoenix Fire Control Systems, Inc.", 2),
        ("松林测绘技术公司", "Pinewood Survey Technologies, LLC", 3)]
    headless = parse_text(path.read_text(encoding="utf-8").replace("序号　中文名称　英文名称\n", ""))
    assert headless is not None and headless.entities == () and headless.warnings == ("parsed 0 entities, notice states 3",)


PARSE23 = CORPUS / "parse23"


def test_english_names_alone_on_the_next_paragraph_are_read_with_the_chinese() -> None:
    """"<p>1. 北风导航公司</p><p>Northwind Navigation, Inc.</p>": every English name was lost (keys from the Chinese)."""
    doc = parse_document((PARSE23 / "01-html-ecl-annex-en-next-paragraph.html").read_bytes())
    assert doc.notice is not None
    assert [e.en for e in doc.notice.entities] == ["Northwind Navigation, Inc.", "Anvil & Hammer Defense LLC",
                                                    "Bluefin Undersea Systems Corp.", "Zenith Electro-Optics Company"]
    assert doc.notice.warnings == ()


def test_an_address_alone_on_the_next_line_is_no_english_name() -> None:
    """The same layout with "Address: …" lines: a line with a colon is no name (the Chinese name keeps no English)."""
    text = (
        "商务部公告2027年第90号\n决定将甲乙公司等2家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n"
        "商务部\n2027年6月18日\n附件\n出口管制管控名单\n1. 甲乙公司\nAddress: 1 Main Street, Reston, VA\n2. 丙丁公司\nBingding Corp.\n"
    )
    rec = parse_text(text)
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("甲乙公司", None), ("丙丁公司", "Bingding Corp.")]


ORDER = """商务部令2026年第12号 关于对美国有关企业采取反制措施的决定
【发布单位】安全与管制局
【发布文号】商务部令2026年第12号
【发文日期】2026年10月28日

根据《中华人民共和国反外国制裁法》等有关规定，商务部决定将海湾咨询集团等三家美国企业列入反制清单（见附件），并采取以下反制措施：

一、禁止中国境内的组织、个人与上述企业进行有关交易、合作等活动；
二、禁止上述企业在中国境内新增投资。

本决定自公布之日起施行。

附件：反制清单

商务部
2026年10月28日

附件

反制清单

{lines}
"""
LINES = ("（一）海湾咨询集团（Gulf Advisory Group, LLC）\n（二）自由之桥基金会（Liberty Bridge Foundation）\n"
         "（三）格林伍德战略合伙公司（Greenwood Strategic Partners LP）")


def parsed(text: str) -> NoticeRecord:
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


def test_an_orders_annex_numbered_with_bracketed_chinese_numerals_is_read() -> None:
    rec = parsed(ORDER.format(lines=LINES))
    assert [(e.zh, e.en, e.n, e.country) for e in rec.entities] == [
        ("海湾咨询集团", "Gulf Advisory Group, LLC", 1, "US"), ("自由之桥基金会", "Liberty Bridge Foundation", 2, "US"),
        ("格林伍德战略合伙公司", "Greenwood Strategic Partners LP", 3, "US")]
    assert rec.stated_count == 3 and not rec.warnings


def test_a_name_opening_like_a_clause_is_a_name_when_its_english_follows() -> None:
    rec = parsed(ORDER.format(lines=LINES.replace("（一）", "1.").replace("（二）", "2.").replace("（三）", "3.")))
    assert [e.zh for e in rec.entities] == ["海湾咨询集团", "自由之桥基金会", "格林伍德战略合伙公司"]
    assert not rec.warnings


def test_the_persons_heading_of_an_orders_annex_is_no_entity() -> None:
    rec = parsed(ORDER.replace("海湾咨询集团等三家美国企业", "海湾咨询集团等1家美国企业及其1名高级管理人员").format(
        lines="一、企业\n1.海湾咨询集团（Gulf Advisory Group, LLC）\n二、高级管理人员\n"
              "1.约翰·卡特（John Carter），男，海湾咨询集团首席执行官"))
    assert [(e.zh, e.en) for e in rec.entities] == [("海湾咨询集团", "Gulf Advisory Group, LLC"), ("约翰·卡特", "John Carter")]
    assert not rec.warnings



def test_holds_alias_word_is_the_search_for_every_alias_word():
    """``_holds_alias_word`` (the four English words each by ``in``, the Chinese ones only in a text past ASCII) says
    what ``any(w in english for w in ALIAS_WORDS)`` says; its English words are ALIAS_WORDS' ASCII ones."""
    import random

    from scraper.parse.entities import annex
    from scraper.parse.entities.names import ALIAS_WORDS

    assert {w for w in ALIAS_WORDS if w.isascii()} == {"known as", "a.k.a", "f/k/a", "formerly"}
    rng = random.Random(0)
    pieces = [*ALIAS_WORDS, "known", " as", "a.k", ".a", "f/k", "/a", "former", "ly", "Inc.", "\n", " ", "又", "称", "公司",
              "é", "\u3000", "Ｆ"]
    for _ in range(4000):
        english = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert annex._holds_alias_word(english) == any(w in english for w in ALIAS_WORDS), repr(english)


def test_a_clean_block_without_its_branch_words_is_read_as_with_their_look(monkeypatch):
    """``_branch_words_out`` skips ``branch_words_out`` for a clean block without "及其": random annex lines (names,
    brackets, spaces, numbers, branch words cut apart, tables, headings) give the same entities as with the look at
    every name, and no name of a block without "及其" holds it."""
    import itertools
    import random

    from scraper.parse.entities import annex

    pieces = ["1. ", "2、", "（3）", "一、", "- ", "\t", " ", "\u3000", "甲", "公司", "及", "其", "及其", "子公司", "分支机构",
              "（", "）", "(Alpha Inc.)", "Beta", "，", "又称", "美国", "：", "序号\t中文名称\t英文名称", "①", "\u200b"]
    rng = random.Random(0)
    blocks = [["".join(rng.choice(pieces) for _ in range(rng.randint(0, 7))) for _ in range(rng.randint(1, 4))]
              for _ in range(400)]
    blocks += [[f"{n}. 甲公司{mid}{words}{en}", "", f"{n + 1}、乙公司"] for n, mid, words, en in itertools.product(
        (1, 12), ("及其", "及\u200b其", "及 其", "及", "其"), ("分支机构", "子公司", "附属机构"), ("（Alpha Inc.）", ""))]
    cases = [(block, cn, "\u200b" not in "".join(block)) for block in blocks for cn in (False, True)]  # clean: none
    gated = [annex._annex_block(block, "US", cn, clean) for block, cn, clean in cases]
    monkeypatch.setattr(annex, "_branch_words_out", lambda out, text, clean: annex.branch_words_out(out))
    assert gated == [annex._annex_block(block, "US", cn, clean) for block, cn, clean in cases]
    assert sum(map(bool, gated)) > 100 and any(e.zh and "及其" in e.zh for e in annex.annex_entities(
        ["1. 甲及其公司（Alpha Inc.）"], clean=True))  # entities read, and a name holding 及其 that the look keeps
    for (block, _, clean), got in zip(cases, gated):
        if clean and "及其" not in "\n".join(block):
            assert all(e.zh is None or "及其" not in e.zh for e in got), block
