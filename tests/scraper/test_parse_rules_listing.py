"""Listings and measures (scraper/parse/rules/): what lists an entity and what only weighs a listing, an addition
into an earlier annex, a fine on listed entities, a re-listing. Each a text in, the parse out."""

from __future__ import annotations

from functools import partial

from scraper.parse import parse_text
from storage.records import ActionKind, ListKind
from tests.scraper.corpus_cases import acts_by_list, case_text, parse_case


def test_an_investigation_that_weighs_a_later_listing_lists_nobody() -> None:
    """"…将根据调查结果，依法决定是否将上述企业列入不可靠实体清单" was read as a listing of the two companies under
    investigation (a false UEL item for each), and the title's "对甲和乙启动调查" as one entity "甲和乙" with no English."""
    text = case_text("parse20", "06-uel-investigation-two-no-listing.txt")
    assert acts_by_list(text) == [("investigate", "uel", [], ["skylinedefense", "northstaraviation"])]
    rec = parse_text(text)
    assert rec is not None
    assert [(e.zh, e.en) for e in rec.entities] == [("美国天际防务公司", "Skyline Defense Inc."),
                                                    ("北方之星航空公司", "Northstar Aviation LLC")]


def test_a_listing_decided_in_the_same_words_still_lists() -> None:
    text = case_text("parse20", "06-uel-investigation-two-no-listing.txt").replace(
        "依法决定是否将上述企业列入不可靠实体清单", "决定将上述企业列入不可靠实体清单")
    assert [a[0] for a in acts_by_list(text)] == ["investigate", "impose"]


FINE = ("不可靠实体清单工作机制公告〔2026〕3号\n\n洛克希德·马丁公司（Lockheed Martin Corporation）、雷神导弹与防务公司（Raytheon "
        "Missiles & Defense）已于2023年2月16日被列入不可靠实体清单。根据《不可靠实体清单规定》第十条等有关规定，不可靠实体清单"
        "工作机制决定对洛克希德·马丁公司处以罚款，金额为其对台军售合同金额的两倍；对雷神导弹与防务公司处以罚款，金额为其对台军售"
        "合同金额的两倍。\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年10月22日\n")


def test_a_fine_on_listed_entities_is_a_measure_on_each() -> None:
    """"决定对甲处以罚款，…；对乙处以罚款，…" (no "采取…措施") read no step at all: no measure item for either."""
    assert acts_by_list(FINE) == [("measure", "uel", [], ["lockheedmartin", "raytheonmissilesanddefense"])]


_parse_pin = partial(parse_case, "")


def test_an_addition_into_an_earlier_annex_is_a_listing() -> None:
    """"在…第23号附件《出口管制管控名单》中增列以下2家美国实体" was a measure (parse20/12's xfail). Its target is No. 23, whose
    listing it joins (session 43)."""
    rec = _parse_pin("parse20/12-ecl-amend-annex-add.txt")
    assert [(a.action, a.list, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, ListKind.ECL, ["MOFCOM-2026-23"])]
    assert [e.en for e in rec.entities] == ["Red Cat Unmanned Systems, Inc.", "Teal Drones Defense LLC"]


_parse23 = partial(parse_case, "parse23")


def test_a_relisting_reads_the_name_without_chongxin() -> None:
    """"决定将全球维度公司（Global Dimensions LLC）重新列入…": the name was "全球维度公司（Global Dimensions LLC）重新"."""
    rec = _parse23("16-ecl-relisting-chongxin-lieru.txt")
    assert [(e.zh, e.en) for e in rec.entities] == [("全球维度公司", "Global Dimensions LLC")]
    assert [a.action.value for a in rec.actions] == ["impose"]

