"""Session 40's blind round 26 (audit40, tests/data/corpus/audit40/): texts the parser read wrong, each as a short text.
A UEL listing "决定将附件所列参与对台湾地区军售的外国实体列入不可靠实体清单" whose annex is only behind a link, no count stated
(22): the kind noun "外国实体" was read as the one entity listed, a false listing, and the page was not held as a listing of
nobody (``storage.shortread.names_nobody``), so the missing names went unsaid. A defined term after a name,
"（Sterling Avionics, Inc.）（以下简称“该公司”）" (30: the whole read as a Chinese name, the English lost) or inside the English
bracket, "（Skydome Satellite Communications, Inc.（the “Company”））" (05: kept in the English name and its key).
"…不再对4月4日公告（…〔2025〕7号）相关措施采取暂停措施" (32): an answer read it as a suspension of 7号 (a false 'Suspended'
item, the measures being back), a notice as its title's restore from its own day, the body's later day lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.entities.names import split_name
from storage.records import UnusablePage
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


QA = ("商务部新闻发言人就不可靠实体清单相关措施答记者问\n来源：商务部新闻办公室 2026-12-29 19:00\n"
      "有记者问：请问中方对不可靠实体清单工作机制公告〔2025〕7号相关措施有何安排？\n答：{answer}\n")
NOTICE = ("不可靠实体清单工作机制公告〔2026〕23号\n{title}\n"
          "4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施的暂停期限已于2026年11月10日届满。"
          "不可靠实体清单工作机制决定，自2026年12月30日起，不再对该公告相关措施采取暂停措施。\n本公告自公布之日起实施。\n"
          "不可靠实体清单工作机制\n（商务部代章）\n2026年12月29日\n")


def _steps(text: str) -> list[tuple[str, list[str | None], str | None]]:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective) for a in notice.actions]


@pytest.mark.parametrize("answer", [
    "不可靠实体清单工作机制决定，自2026年12月30日起，不再对4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施采取暂停措施。",
    "中方决定，自2026年12月30日起不再对不可靠实体清单工作机制公告〔2025〕7号所列实体的相关措施采取暂停措施。",
    "中方决定，自2026年12月30日起，对不可靠实体清单工作机制公告〔2025〕7号相关措施不再采取暂停措施。",
])
def test_an_answer_no_longer_suspending_restores(answer: str) -> None:
    assert _steps(QA.format(answer=answer)) == [("restore", ["UEL-2025-7"], "2026-12-30")]


@pytest.mark.parametrize("title", ["关于不再暂停实施不可靠实体清单工作机制公告〔2025〕7号相关措施的公告",
                                   "关于不可靠实体清单工作机制公告〔2025〕7号相关措施的公告"])
def test_a_notice_no_longer_suspending_restores_from_its_day(title: str) -> None:
    assert _steps(NOTICE.format(title=title)) == [("restore", ["UEL-2025-7"], "2026-12-30")]


def test_a_suspension_taken_as_a_measure_is_still_a_suspension() -> None:
    """"对…采取暂停措施" with no 不再 before it stays a suspension (the restore needs the 不再)."""
    answer = "中方决定，自2026年12月30日起，对不可靠实体清单工作机制公告〔2025〕7号相关措施采取暂停措施，为期一年。"
    assert _steps(QA.format(answer=answer)) == [("suspend", ["UEL-2025-7"], "2026-12-30")]


def test_no_longer_suspending_as_implemented_is_never_a_suspension() -> None:
    """"不再对…相关措施实施暂停" (was: a suspension of 7号): held for a person by the answers' gate (its clause says more than
    who and when), or a restore; never a suspension."""
    answer = "中方决定，自2026年12月30日起，不再对不可靠实体清单工作机制公告〔2025〕7号相关措施实施暂停。"
    try:
        steps = _steps(QA.format(answer=answer))
    except UnusablePage as exc:
        assert exc.reason == "needs-review"
        return
    assert steps == [("restore", ["UEL-2025-7"], "2026-12-30")]


@pytest.mark.parametrize("answer", [
    "中方决定，自2026年12月30日起，不再执行对不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停。",
    "中方决定，自2026年12月30日起，不再实施对不可靠实体清单工作机制公告〔2025〕7号相关措施的暂停。",
])
def test_no_longer_carrying_out_a_suspension_restores(answer: str) -> None:
    """"不再执行对…的暂停" (a probe after 32): read as a lift of 7号's measures (a false 'Lifted' item, the measures being back)."""
    assert _steps(QA.format(answer=answer)) == [("restore", ["UEL-2025-7"], "2026-12-30")]


def test_no_longer_carrying_out_the_measures_still_lifts() -> None:
    answer = "中方决定，自2026年12月30日起，不再执行不可靠实体清单工作机制公告〔2025〕7号相关措施。"
    assert _steps(QA.format(answer=answer)) == [("lift", ["UEL-2025-7"], "2026-12-30")]
