"""Session 40's blind round 26 (audit40, tests/data/corpus/audit40/): texts the parser read wrong, each as a short text.
A UEL listing "决定将附件所列参与对台湾地区军售的外国实体列入不可靠实体清单" whose annex is only behind a link, no count stated
(22): the kind noun "外国实体" was read as the one entity listed, a false listing, and the page was not held as a listing of
nobody (``storage.shortread.names_nobody``), so the missing names went unsaid. A defined term after a name,
"（Sterling Avionics, Inc.）（以下简称“该公司”）" (30: the whole read as a Chinese name, the English lost) or inside the English
bracket, "（Skydome Satellite Communications, Inc.（the “Company”））" (05: kept in the English name and its key)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.entities.names import split_name
from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "audit40"
UEL = ("不可靠实体清单工作机制公告〔2026〕21号\n关于将有关外国实体列入不可靠实体清单的公告\n"
       "根据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，不可靠实体清单工作机制决定将{obj}列入不可靠实体清单，"
       "并采取以下处理措施：\n一、禁止上述企业从事与中国有关的进出口活动；\n二、禁止上述企业在中国境内新增投资。\n本公告自公布之日起实施。\n"
       "附件：不可靠实体清单\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月22日\n")


@pytest.mark.parametrize("obj", ["附件所列参与对台湾地区军售的外国实体", "附件所列的境外企业", "参与对台湾地区军售的有关企业"])
def test_a_kind_noun_after_its_qualifier_is_no_entity(obj: str) -> None:
    notice = parse_document(UEL.format(obj=obj).encode("utf-8")).notice
    assert notice is not None
    assert notice.entities == ()
    assert "no entities found for a listing" in notice.warnings


@pytest.mark.parametrize("obj", ["参与对台湾地区军售的外国实体公司（Foreign Entity Co.）", "参与对台湾地区军售的长峰企业（Longpeak Corp.）"])
def test_a_name_ending_in_a_kind_noun_is_still_read(obj: str) -> None:
    notice = parse_document(UEL.format(obj=obj).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == [obj[obj.index("（") + 1 : -1]]


def test_a_listing_whose_annex_is_behind_a_link_is_held_not_stored_as_a_false_entity(tmp_path: Path) -> None:
    """The page of 22 replayed by the real CLI into a real store: no listing of "外国实体" (was: UEL-2026-21 in force on
    one entity "外国实体"), and a health issue for the page."""
    page = CORPUS / "22-html-uel-annex-link-only-no-count.html"
    url = json.loads((CORPUS / "22-html-uel-annex-link-only-no-count.expect.json").read_text(encoding="utf-8"))["url"]
    path = tmp_path / "site" / url.removeprefix("https://")
    path.parent.mkdir(parents=True)
    path.write_bytes(page.read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(tmp_path / "site"), "--as-of", "2027-01-15")
    status = json.loads(cli(db, "status", "--json", "--as-of", "2027-01-15").out)
    assert [x for x in status["listings"] if x["notice_key"] == "UEL-2026-21"] == []
    assert [i for i in status["health_issues"] if i["url"] == url], status["health_issues"]


ECL = ("商务部公告2026年第194号 关于将有关美国实体列入出口管制管控名单的公告\n商务部公告2026年第194号\n"
       "根据《中华人民共和国出口管制法》等法律法规有关规定，决定将{obj}列入出口管制管控名单，并采取以下措施：\n"
       "一、禁止出口经营者向上述实体出口两用物项。\n本公告自公布之日起正式实施。\n商务部\n2026年12月11日\n")


@pytest.mark.parametrize(("obj", "zh", "en"), [
    ("斯特林航电公司（Sterling Avionics, Inc.）（以下简称“该公司”）", "斯特林航电公司", "Sterling Avionics, Inc."),
    ("斯特林航电公司（Sterling Avionics, Inc.）（以下称“斯特林”）", "斯特林航电公司", "Sterling Avionics, Inc."),
    ("天穹卫星通信公司（Skydome Satellite Communications, Inc.（the “Company”））", "天穹卫星通信公司",
     "Skydome Satellite Communications, Inc."),
    ("晨星量子公司（Morningstar Quantum Corp.（“Morningstar”））", "晨星量子公司", "Morningstar Quantum Corp."),
    ("晨星量子公司（Morningstar Quantum Corp. (hereinafter \"Morningstar\")）", "晨星量子公司", "Morningstar Quantum Corp."),
])
def test_a_defined_term_after_a_name_is_no_part_of_it(obj: str, zh: str, en: str) -> None:
    notice = parse_document(ECL.format(obj=obj).encode("utf-8")).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [(zh, en)]
    assert split_name(obj) == (zh, en)


def test_a_quoted_english_name_alone_is_kept() -> None:
    assert split_name("蓝盾公司（“BlueShield” Security LLC）") == ("蓝盾公司", "“BlueShield” Security LLC")
    assert split_name("“蓝盾”安全系统公司（“BlueShield” Security Systems LLC）")[1] == "“BlueShield” Security Systems LLC"
