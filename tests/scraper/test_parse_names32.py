"""Session 32 (names32), counts and names left open by session 31. "但…除外。" then, in the next paragraph, "对上述2家实体，继续
暂停…" is read as on one line (audit30/07: refused for review): the step on the excepted takes the notice and the day of the
step that excepts them. An answer's "将X公司等2家…移出" reads X. Traditional count words count as their simplified forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from scraper.parse.entities import count_and_country, count_parts, stated_count
from scraper.parse.textnorm import fold
from storage.records import UnusablePage

HEAD = "商务部公告2026年第206号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第206号\n【发文日期】2026年12月28日\n\n"
SIGN = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月28日\n"
EXCEPT = ("根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定，自2027年1月1日起，停止实施商务部公告2025年第21号相关措施，"
          "但该公告所列立方公司（Cubic Corporation）、内华达山脉公司（Sierra Nevada Corporation）2家实体除外。")
CONTINUED = "对上述2家实体，继续暂停实施相关措施至2027年11月10日。"


def _steps(body: str) -> list[tuple[str, list[str | None], str | None, str | None, tuple[str, ...]]]:
    doc = parse_document((HEAD + body + SIGN).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None,
             a.entities) for a in doc.notice.actions]


# "\n": a line ending in 除外 ends a clause of its own, no sentence parted (session 53's join held it; par54, session 54)
@pytest.mark.parametrize("join", ["\n", "\n\n", "。"])
def test_the_step_on_the_excepted_in_the_next_sentence_is_read_as_on_one_line(join: str) -> None:
    one_line = _steps(EXCEPT.replace("除外。", "除外；") + CONTINUED)
    assert one_line == [("lift", ["MOFCOM-2025-21"], "2027-01-01", None, ()),
                        ("extend", ["MOFCOM-2025-21"], "2027-01-01", "2027-11-10", ("cubic", "sierranevada"))]
    assert _steps(EXCEPT.replace("除外。", "除外" + join) + CONTINUED) == one_line


def test_a_step_on_entities_two_paragraphs_below_the_exception_is_still_refused() -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD + EXCEPT + "\n上述实体应遵守有关规定。\n" + CONTINUED + SIGN).encode("utf-8"))
    assert refused.value.reason == "needs-review"


QA = ("商务部新闻发言人就有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-17 17:30\n\n"
      "问：请问是否属实？\n\n答：经研究决定，自2026年12月18日起，将{obj}移出不可靠实体清单。\n")


def _removed(obj: str) -> list[tuple[str, list[str | None], tuple[str, ...]]]:
    doc = parse_document(QA.format(obj=obj).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.entities) for a in doc.notice.actions]


@pytest.mark.parametrize(("obj", "keys"), [
    # one name of two, with its English (read before) and by its Chinese name alone (no entity before: audit31's answer)
    ("蓝脊电子公司（Blue Ridge Electronics, Inc.）等2家美国实体", ("blueridgeelectronics",)),
    ("蓝脊电子公司等2家美国实体", ("蓝脊电子",)),
    ("蓝脊电子公司、银松科技公司等3家美国实体", ("蓝脊电子", "银松科技")),
    # no name: the removal names no one (the engine's unresolved reference), as before
    ("有关公司等2家美国实体", ()),
    ("15家美国实体", ()),
])
def test_an_answers_removal_of_named_ones_of_a_count_reads_the_named(obj: str, keys: tuple[str, ...]) -> None:
    assert _removed(obj) == [("remove", [], keys)]


def _count(text: str) -> tuple[int | None, str | None]:
    folded = fold(text)
    got = count_and_country([folded])
    assert stated_count([folded]) == got  # the fast reading and the plain one agree
    return got


@pytest.mark.parametrize(("simplified", "traditional"), [
    ("决定将以下3个美国实体（见附件）列入出口管制管控名单", "决定将以下3個美国实体（见附件）列入出口管制管控名单"),
    ("决定将甲公司等2家机构列入关注名单", "决定将甲公司等2家機構列入关注名单"),
    ("决定对甲公司及其2名高级管理人员采取反制措施", "决定对甲公司及其2名高级管理人員采取反制措施"),
    ("中方决定对“北极光人权观察”（Northern Lights Rights Watch）等1个机构和格雷厄姆·麦肯齐（Graham MacKenzie）等1名人员采取",
     "中方决定对“北极光人权观察”（Northern Lights Rights Watch）等1個機構和格雷厄姆·麦肯齐（Graham MacKenzie）等1名人員采取"),
    ("对约翰·哈珀（John Harper）等2名个人和甲公司（Alpha Inc.）等3家实体采取", "对约翰·哈珀（John Harper）等2名個人和甲公司（Alpha Inc.）等3家實體采取"),
])
def test_traditional_count_words_count_as_their_simplified_forms(simplified: str, traditional: str) -> None:
    """A text too few of whose characters are traditional for ``clean`` to convert it (names31's finding 5: "1个機構", no
    count read, a mutated MFA sentence counting its persons only)."""
    assert _count(simplified)[0] is not None
    assert _count(traditional) == _count(simplified)
    assert count_parts([fold(traditional)]) == count_parts([fold(simplified)])


@pytest.mark.parametrize("text", ["严重违反一個中国原则和中美三個联合公报", "暂停实施相关措施6個月", "从两個方面加强出口管制",
                                  "对3個人采取措施", "一個中國企業", "两個美国以外的实体"])
def test_traditional_ge_counts_nothing_else(text: str) -> None:
    assert _count(text) == (None, None)
    assert _count(text.replace("個", "个").replace("國", "国").replace("業", "业")) == (None, None)  # as the simplified


TAIWAN = (Path(__file__).resolve().parents[1] / "data" / "corpus" / "audit31"
          / "16-wl-taiwan-region-entities-traditional-alias.txt").read_text(encoding="utf-8")
VARIANT, ENGLISH = "漢昇精密機械股份有限公司；", "Hansheng Precision Machinery Co., Ltd."


@pytest.mark.parametrize(("text", "aliases"), [
    (TAIWAN, ("漢昇精密機械股份有限公司",)),  # audit31/16: dropped before
    (TAIWAN.replace(VARIANT + ENGLISH, ENGLISH + "；" + VARIANT[:-1]), ("漢昇精密機械股份有限公司",)),  # after the English
    (TAIWAN.replace(VARIANT, "汉昇精密机械股份有限公司；"), ()),  # the name again as it is: no other spelling
    (TAIWAN.replace(VARIANT, "某某精密公司；"), ()),  # another Chinese name: nothing says it is one of this entity
])
def test_a_traditional_script_name_beside_the_english_is_an_alias(text: str, aliases: tuple[str, ...]) -> None:
    """Decided by the lead (session 32): screening by the traditional name must find the entity; its English name and key
    stay the English's."""
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    first, *others = doc.notice.entities
    assert (first.en, first.key, first.aliases) == (ENGLISH, "hanshengprecisionmachinery", aliases)
    assert [e.aliases for e in others] == [(), ()]


ALPES = next((Path(__file__).resolve().parents[1] / "data" / "corpus" / "audit31").glob("17-*.txt")).read_text(encoding="utf-8")
SUBSIDIARY = "及其子公司布列塔尼水下系统有限责任公司"


@pytest.mark.parametrize(("text", "country"), [
    (ALPES, None),  # audit31/17: the parent's France is written before the parent only
    (ALPES.replace(SUBSIDIARY, "及其子公司德国布列塔尼水下系统有限责任公司"), "DE"),  # written next to it: its own
])
def test_a_subsidiary_has_the_country_written_next_to_it_never_its_parents(text: str, country: str | None) -> None:
    """Decided by the lead (session 32): no country where none is written next to the subsidiary or in its heading."""
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    parent, subsidiary = doc.notice.entities
    assert (parent.en, parent.country) == ("Alpes Défense S.A.S.", "FR")
    assert (subsidiary.en, subsidiary.country) == ("Bretagne Systèmes Sous-Marins SARL", country)
