"""Session 41's blind round 27 (audit41, tests/data/corpus/audit41/): texts the parser read wrong, each as a short text.
A move "决定将上述2家实体从关注名单移至出口管制管控名单" (01) was a measure on the watch list on no one: the ECL listing and
the watch-list removal lost, silently. Names English first with the Chinese in brackets, "Vantor Dynamics, Inc.（万托动力公司）"
(04, 17), were read whole as a Chinese name with no English. A plain text copied from a page's source with "&nbsp;",
"&ensp;" and "&amp;" (12) kept them in names and keys. Names in a paragraph of their own after "…列入不可靠实体清单：" (07)
were not read: a listing of nobody. A d/b/a told in Chinese in the English bracket (19) stayed in the English name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.document import unreferenced
from scraper.parse.entities.names import split_name
from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "audit41"
MOVE = ("商务部公告2026年第201号 关于将2家日本实体从关注名单移至出口管制管控名单的公告\n商务部公告2026年第201号\n"
        "经核查，东亚精工株式会社（Toa Seiko Co., Ltd.）、北辰光学株式会社（Hokushin Optics Co., Ltd.）未按规定配合开展核查。"
        "根据《中华人民共和国两用物项出口管制条例》第二十六条、第二十八条，商务部决定将上述2家实体{move}，并采取以下措施：\n"
        "一、禁止出口经营者向上述2家实体出口两用物项。\n本公告自公布之日起正式实施。\n商务部\n2026年12月10日\n")


@pytest.mark.parametrize("move", ["从关注名单移至出口管制管控名单", "从关注名单中调至出口管制管控名单",
                                  "从关注名单调入出口管制管控名单", "由关注名单转入出口管制管控名单"])
def test_a_move_from_the_watch_list_removes_there_and_lists_on_the_ecl(move: str) -> None:
    notice = parse_document(MOVE.format(move=move).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None) for a in notice.actions] == [("remove", "watch"), ("impose", "ecl")]
    assert [e.en for e in notice.entities] == ["Toa Seiko Co., Ltd.", "Hokushin Optics Co., Ltd."]


def test_a_move_is_stored_as_an_ecl_listing_of_the_two(tmp_path: Path) -> None:
    """The page of 01 replayed by the real CLI into a real store: an ECL listing of the 2 (was: a watch-list measure on no
    one, 0 entities, no health issue: the listing lost silently)."""
    site = tmp_path / "site"
    site.mkdir()
    page = next(CORPUS.glob("01-*.txt"))
    (site / page.name).write_bytes(page.read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(site), "--as-of", "2027-01-15")
    status = json.loads(cli(db, "status", "--json", "--as-of", "2027-01-15").out)
    mine = [x for x in status["listings"] if x["notice_key"] == "MOFCOM-2026-201"]
    assert [(x["list"], x["entity_count"], x["measure_only"]) for x in mine] == [("ecl", 2, False)], mine


@pytest.mark.parametrize(("name", "zh", "en"), [
    ("Vantor Dynamics, Inc.（万托动力公司）", "万托动力公司", "Vantor Dynamics, Inc."),
    ("Kestrel Labs LLC(凯斯特雷尔实验室)", "凯斯特雷尔实验室", "Kestrel Labs LLC"),
    ("斯特林航电公司（Sterling Avionics, Inc.）", "斯特林航电公司", "Sterling Avionics, Inc."),
])
def test_an_english_name_before_its_chinese_one_in_brackets(name: str, zh: str, en: str) -> None:
    assert split_name(name) == (zh, en)


@pytest.mark.parametrize("name", ["Aerkomm Inc.（美国）", "Halberd Corp.（注：原名Halberd Inc.）", "Falcon LLC（又名猎鹰公司）",
                                  "Josh Brungardt（首席运营官）", "Mark Lane（美国国会众议员）"])
def test_a_note_country_or_alias_in_brackets_after_an_english_name_is_no_chinese_name(name: str) -> None:
    zh, _ = split_name(name)
    assert zh is None or zh != name[name.index("（") + 1 : -1]


def test_an_annex_of_english_first_names_reads_both_names() -> None:
    notice = parse_document(next(CORPUS.glob("04-*.txt")).read_bytes()).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [
        ("万托动力公司", "Vantor Dynamics, Inc."), ("奎隆机器人公司", "Quillon Robotics LLC"),
        ("哈尔伯德航空航天公司", "Halberd Aerospace Corp.")]


def test_character_references_in_a_plain_text_are_read() -> None:
    assert unreferenced("1.&nbsp;甲公司（Wolf &amp; Finch&ensp;LLC）&#8194;") == "1.\xa0甲公司（Wolf & Finch\u2002LLC）\u2002"
    assert unreferenced("AT&T and R&D; &c") == "AT&T and R&D; &c"  # no reference: as written


def test_a_plain_text_with_character_references_gives_the_html_pages_names() -> None:
    notice = parse_document(next(CORPUS.glob("12-*.txt")).read_bytes()).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [
        ("斯塔克航电公司", "Stark Avionics, Inc."), ("狼与雀航空航天公司", "Wolf & Finch Aerospace LLC"),
        ("白桦无人机公司", "Birch Drone Works, Inc.")]


UEL = ("不可靠实体清单工作机制公告〔2026〕43号\n\n根据《不可靠实体清单规定》第二条等有关规定，不可靠实体清单工作机制决定将以下"
       "2家美国实体列入不可靠实体清单：{gap}鹰眼遥感公司（Hawkeye Remote Sensing, Inc.）、北极星卫星通信公司（Polaris Satcom LLC）。\n\n"
       "对上述实体采取以下处理措施：\n\n一、禁止上述企业从事与中国有关的进出口活动。\n\n本公告自公布之日起实施。\n\n"
       "不可靠实体清单工作机制\n（商务部代章）\n2026年12月15日\n")


@pytest.mark.parametrize("gap", ["\n\n", "\n", " \n \n", ""])
def test_names_in_a_paragraph_after_the_colon_are_read(gap: str) -> None:
    notice = parse_document(UEL.format(gap=gap).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ["Hawkeye Remote Sensing, Inc.", "Polaris Satcom LLC"]
    assert not [w for w in notice.warnings if "parsed" in w]


def test_a_sentence_in_the_paragraph_after_the_colon_is_no_name() -> None:
    """parse_equiv's mutation of a decree with its first line doubled: the second line read as a company's name."""
    text = ("中方决定对以下美国机构和人员采取反制措施：\n中方决定对以下美国机构和人员采取反制措施：\n\n"
            "一、对美国自由亚洲研究所（Free Asia Research Institute）、全球民主促进基金会（Global Democracy Promotion Foundation）"
            "等2家机构，冻结其在我国境内的动产、不动产和其他各类财产。\n")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is None or not [e for e in doc.notice.entities if "决定" in (e.zh or "")]


@pytest.mark.parametrize("bracket", ["Peregrine Electronics Corp.，亦以Falconer Systems名义经营", "Peregrine Electronics Corp.，以Falconer Systems的名义开展业务"])
def test_a_trade_name_told_in_chinese_in_the_english_bracket_is_an_alias(bracket: str) -> None:
    text = next(CORPUS.glob("19-*.txt")).read_text(encoding="utf-8").replace(
        "Peregrine Electronics Corp.，亦以Falconer Systems名义经营", bracket)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    first = notice.entities[0]
    assert (first.en, first.note) == ("Peregrine Electronics Corp.", "d/b/a Falconer Systems")
