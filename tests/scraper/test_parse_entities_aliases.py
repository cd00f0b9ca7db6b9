"""The other names an annex gives an entity (又称, 亦称, 别名, also known as, 曾用名, a 备注 cell, d/b/a) are kept as its
aliases (session 18 kept them in the note alone, where screening never looked), a former name in a bracket of an annex
English name among them. Pure: text in, entities out."""

from functools import partial
from pathlib import Path

from scraper.parse import parse_document
from scraper.parse.entities import annex_entities
from tests.scraper.corpus_cases import parse_case

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "entities18"


def _aliases(name: str, url: str | None = None) -> list[tuple[str | None, tuple[str, ...]]]:
    record = parse_document((CORPUS / name).read_bytes(), url=url).notice
    assert record is not None
    return [(e.en, e.aliases) for e in record.entities]


def test_an_annex_lines_aliases_and_former_names_are_kept():
    assert _aliases("08-uel-aliases.txt") == [
        ("Sequoia Dynamics Inc.", ("Sequoia Dynamic Systems",)), ("Gray Wolf Technologies LLC", ("灰狼技术公司",)),
        ("Hermes Aviation Corp.", ("Hermes Aero",)), ("Polaris Labs, Inc.", ("Polaris Research Institute",)),
        ("Blackstone Defense LLC", ("黑岩防务公司",))]
    assert _aliases("26-wl-annex-aliases.txt") == [
        ("Mitsubishi Heavy Industries, Ltd.", ()), ("Kawasaki Heavy Industries, Ltd.", ("KHI",)),
        ("IHI Corporation", ("石川岛播磨重工业株式会社",))]


def test_a_dba_name_stays_whole_and_gives_both_names():
    dba = [a for en, a in _aliases("05-ecl-english-punctuation.txt") if en and "d/b/a" in en]
    assert dba == [("Alpha Tactical Solutions, L.L.C.", "AlphaTac")]


def test_a_remarks_cell_giving_another_name_is_kept_an_address_is_not():
    rows = ["序号\t实体名称\t备注", "1\t猎鹰光电公司 Falcon Electro-Optics, Inc.\t又称Falcon EO",
            "2\t双子星防务公司 Gemini Defense Solutions\t地址：美国亚利桑那州图森市",
            "3\t峰值传感公司 Peak Sensing LLC\talso known as PeakSense"]
    got = [(e.en, e.note, e.aliases) for e in annex_entities(rows, 0, "US", chinese_numbers=True, clean=True)]
    assert got == [("Falcon Electro-Optics, Inc.", "又称Falcon EO", ("Falcon EO",)),
                   ("Gemini Defense Solutions", None, ()),
                   ("Peak Sensing LLC", "also known as PeakSense", ("PeakSense",))]


PROSE = """不可靠实体清单工作机制关于将红杉动力公司等2家美国企业列入不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制公告〔2026〕13号
【发文日期】2026年09月24日

不可靠实体清单工作机制依据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，决定将红杉动力公司（Sequoia Dynamics Inc.，又称Sequoia Dynamic Systems）、灰狼科技公司（Gray Wolf Technologies LLC, also known as Gray Wolf Tech）等2家美国实体列入不可靠实体清单，并采取以下处理措施：
一、禁止上述企业从事与中国有关的进出口活动。
本公告自公布之日起实施。

不可靠实体清单工作机制
2026年9月24日
"""


def test_an_alias_in_a_prose_list_is_no_part_of_the_name():
    """Session 18 cleaned annex lines and tables of aliases, not the "决定将A（a）、B（b）…" sentence: the English name
    read "Sequoia Dynamics Inc.，又称Sequoia Dynamic Systems" (key sequoiadynamicsinc又称…), so `screen` of the
    listed name itself found nothing, and the alias was no spelling of it."""
    record = parse_document(PROSE.encode(), url=None).notice
    assert record is not None
    assert [(e.en, e.key, e.note, e.aliases) for e in record.entities] == [
        ("Sequoia Dynamics Inc.", "sequoiadynamics", "又称Sequoia Dynamic Systems", ("Sequoia Dynamic Systems",)),
        ("Gray Wolf Technologies LLC", "graywolftechnologies", "also known as Gray Wolf Tech", ("Gray Wolf Tech",))]


_parse22 = partial(parse_case, "parse22")


def test_a_former_name_in_a_bracket_of_an_annex_english_name_is_an_alias() -> None:
    """"（Outpost Mission Systems LLC (formerly Outpost Aero Group LLC)）" kept the bracket in the English name."""
    e = _parse22("06-ecl-annex-fka-formerly.txt").entities[1]
    assert (e.en, e.key) == ("Outpost Mission Systems LLC", "outpostmissionsystems")
    assert "Outpost Aero Group LLC" in e.aliases



YOUMING = """商务部公告2026年第121号 关于将极光光电公司等3家美国实体列入出口管制管控名单的公告
【发布文号】商务部公告2026年第121号
【发文日期】2026年12月16日

商务部决定将极光光电公司等3家美国实体列入出口管制管控名单（见附件）。本公告自公布之日起正式实施。

附件
出口管制管控名单
1. 极光光电公司（Aurora Photonics LLC，又名Aurora Optics）
2. 哨兵系统公司（又名哨兵防务公司）（Sentinel Systems Corp.）
3. 红杉动力系统公司，又名红杉动力公司（Redwood Power Systems, Inc.）
"""


def test_youming_is_an_alias_word_in_an_annex_and_before_the_bracket() -> None:
    """Session 26 (parse26): 又名 was no alias word: "（又名…）" stayed in the Chinese name, "，又名…" in the English one, and
    a line "X，又名Y（English）" was no entity at all (only the count warned)."""
    record = parse_document(YOUMING.encode(), url=None).notice
    assert record is not None
    assert [(e.zh, e.en, e.aliases) for e in record.entities] == [
        ("极光光电公司", "Aurora Photonics LLC", ("Aurora Optics",)),
        ("哨兵系统公司", "Sentinel Systems Corp.", ("哨兵防务公司",)),
        ("红杉动力系统公司", "Redwood Power Systems, Inc.", ("红杉动力公司",))]


def test_youming_in_a_bracket_after_a_prose_name_is_an_alias() -> None:
    text = ("不可靠实体清单工作机制公告〔2026〕21号\n\n不可靠实体清单工作机制决定将银鲑海事技术公司（又名银鲑海洋技术公司）（Silver Salmon "
            "Maritime Technologies LLC）、雷霆无人系统公司（Thunder Unmanned Systems, Inc.，又名Thunder UAS）列入不可靠实体清单。\n"
            "本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n2026年12月10日\n")
    record = parse_document(text.encode(), url=None).notice
    assert record is not None
    assert [(e.zh, e.en, e.aliases) for e in record.entities] == [
        ("银鲑海事技术公司", "Silver Salmon Maritime Technologies LLC", ("银鲑海洋技术公司",)),
        ("雷霆无人系统公司", "Thunder Unmanned Systems, Inc.", ("Thunder UAS",))]
