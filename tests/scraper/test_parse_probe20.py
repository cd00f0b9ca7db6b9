"""Faults parse20 found (session 20's blind probe, tests/data/corpus/parse20/), each as a text in, the parse out:
an investigation that weighs a later listing, an annex of items after the annex of entities, footnote marks after
annex names, a notice that lists some entities and removes others, a removal of annex lines named by number."""

from __future__ import annotations

from pathlib import Path

from scraper.parse import parse_text
from scraper.parse.rules import annex_serials
from storage.records import ActionKind

CASES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "parse20"


def _read(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def _acts(text: str) -> list[tuple[str, str | None, list[str | None], list[str]]]:
    rec = parse_text(text)
    assert rec is not None
    return [(a.action.value, a.list.value if a.list else None, [t.key for t in a.targets], list(a.entities))
            for a in rec.actions]


def test_an_investigation_that_weighs_a_later_listing_lists_nobody() -> None:
    """"…将根据调查结果，依法决定是否将上述企业列入不可靠实体清单" was read as a listing of the two companies under
    investigation (a false UEL item for each), and the title's "对甲和乙启动调查" as one entity "甲和乙" with no English."""
    text = _read("06-uel-investigation-two-no-listing.txt")
    assert _acts(text) == [("investigate", "uel", [], ["skylinedefense", "northstaraviation"])]
    rec = parse_text(text)
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("美国天际防务公司", "Skyline Defense Inc."),
                                                    ("北方之星航空公司", "Northstar Aviation LLC")]


def test_a_listing_decided_in_the_same_words_still_lists() -> None:
    text = _read("06-uel-investigation-two-no-listing.txt").replace(
        "依法决定是否将上述企业列入不可靠实体清单", "决定将上述企业列入不可靠实体清单")
    assert [a[0] for a in _acts(text)] == ["investigate", "impose"]


def test_an_annex_of_items_after_the_annex_of_entities_lists_no_items() -> None:
    """"附件2 / 相关两用物项清单 / 1. 镓及其化合物（Gallium and its compounds）…" gave 5 more US "entities" on the ECL
    (false listing items for gallium, germanium…), with a count warning (9 parsed, 4 stated)."""
    rec = parse_text(_read("03-ecl-entities-and-items-annex.txt"))
    assert rec is not None
    assert [e.en for e in rec.entities] == ["Raytheon Advanced Technologies, Inc.", "Northrop Optical Systems LLC",
                                            "Coastline Unmanned Systems, Inc.", "Blue Ridge Materials Corp."]
    assert rec.warnings == ()


def test_a_second_annex_of_entities_is_still_read() -> None:
    text = _read("03-ecl-entities-and-items-annex.txt").replace("相关两用物项清单", "出口管制管控名单（续）").replace(
        "镓及其化合物（Gallium and its compounds）", "甲公司（Alpha Inc.）")
    rec = parse_text(text)
    assert rec is not None
    assert "Alpha Inc." in [e.en for e in rec.entities]


def test_footnote_marks_after_annex_names_are_no_part_of_them() -> None:
    """"1. 猎鹰光电公司（Falcon Electro-Optics, Inc.）①" was read as the Chinese name "猎鹰光电公司（Falcon
    Electro-Optics, Inc.）①" with no English: its key matched no screening of "Falcon Electro-Optics"."""
    rec = parse_text(_read("15-ecl-annex-footnotes.txt"))
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities][::2] == [("猎鹰光电公司", "Falcon Electro-Optics, Inc."),
                                                         ("北极星光子公司", "Polaris Photonics Corp.")]
    for mark in ("[1]", "*", "注1"):
        text = _read("15-ecl-annex-footnotes.txt").replace("）①", "）" + mark)
        again = parse_text(text)
        assert again is not None and again.entities[0].en == "Falcon Electro-Optics, Inc.", mark


def test_a_notice_that_lists_and_removes_removes_only_what_its_removal_names() -> None:
    """"一、…决定将上述3家日本实体列入关注名单（见附件）…二、…被列入关注名单的川崎重工业株式会社（…）、日本电气株式
    会社（…）…决定将上述2家日本实体移出关注名单" removed the 3 just listed (the annex) and never the 2 it names."""
    text = _read("01-wl-add-and-remove-one-notice.txt")
    assert _acts(text) == [("impose", "watch", [], ["mitsubishielectric", "toshiba", "fujitsu"]),
                           ("remove", "watch", [], ["kawasakiheavyindustries", "nec"])]
    rec = parse_text(text)
    assert rec is not None and rec.warnings == ()
    assert {e.key: e.country for e in rec.entities}["nec"] == "JP"


def test_a_move_from_the_watch_list_to_the_ecl_is_as_before() -> None:
    assert _acts(_read("02-wl-to-ecl-transfer.txt")) == [("remove", "watch", [], ["subaru", "tokyokeiki"]),
                                                        ("impose", "ecl", [], [])]


def test_a_removal_of_annex_lines_by_number_names_those_lines() -> None:
    """"商务部公告2026年第12号附件所列第3、5、8、11、17项实体…移出关注名单" named no entity: the removal acted on the
    whole of No. 12 (20 entities removed, 15 of them falsely)."""
    rec = parse_text(_read("19-wl-removal-by-annex-serials-no-names.txt"))
    assert rec is not None
    [a] = rec.actions
    assert (a.action, [t.key for t in a.targets]) == (ActionKind.REMOVE, ["MOFCOM-2026-12"])
    assert a.entities == ("第3项", "第5项", "第8项", "第11项", "第17项")


def test_a_range_of_annex_lines_names_every_line_in_it() -> None:
    """"第3至第6项" named lines 3 and 6 only: 4 and 5 stayed listed, silently where the text states no count."""
    text = _read("19-wl-removal-by-annex-serials-no-names.txt").replace("第3、5、8、11、17项", "第3至第6项、第9项")
    rec = parse_text(text)
    assert rec is not None
    assert rec.actions[0].entities == ("第3项", "第4项", "第5项", "第6项", "第9项")
    assert annex_serials("3-5、8") == [3, 4, 5, 8]


FINE = ("不可靠实体清单工作机制公告〔2026〕3号\n\n洛克希德·马丁公司（Lockheed Martin Corporation）、雷神导弹与防务公司（Raytheon "
        "Missiles & Defense）已于2023年2月16日被列入不可靠实体清单。根据《不可靠实体清单规定》第十条等有关规定，不可靠实体清单"
        "工作机制决定对洛克希德·马丁公司处以罚款，金额为其对台军售合同金额的两倍；对雷神导弹与防务公司处以罚款，金额为其对台军售"
        "合同金额的两倍。\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年10月22日\n")


def test_a_fine_on_listed_entities_is_a_measure_on_each() -> None:
    """"决定对甲处以罚款，…；对乙处以罚款，…" (no "采取…措施") read no step at all: no measure item for either."""
    assert _acts(FINE) == [("measure", "uel", [], ["lockheedmartin", "raytheonmissilesanddefense"])]


def test_a_phrase_with_dui_inside_the_first_object_s_clause_names_no_entity() -> None:
    """"决定对甲（…）采取的…、对中国企业、其他组织或者个人采取歧视性措施的行为启动调查": one entity (real2/03)."""
    text = FINE.replace("；对雷神导弹与防务公司处以罚款", "、对中国企业、其他组织或者个人处以罚款")
    assert _acts(text) == [("measure", "uel", [], ["lockheedmartin"])]


def test_a_name_quoted_after_its_annex_line_number_is_the_name_alone() -> None:
    """"…第23号附件《出口管制管控名单》中所列第7项“奥什科什防务公司（Oshkosh Defense, LLC）”删除…对该实体采取的相关措施…"
    read the Chinese name as "中所列第7项“奥什科什防务公司"."""
    rec = parse_text(_read("13-ecl-amend-annex-delete-one.txt"))
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("奥什科什防务公司", "Oshkosh Defense, LLC")]
