"""Session 52's count probe (count52, tests/data/corpus/count52/): a listing whose entities agree with the count read
first (the title's, else the decision's), where another place the count stands says another count. The other places
were never read, so the text at odds with itself was read silently (the store's count check passed).

- count51/15: a 【标题】 line saying 8 over a title, body and annex of 9 (count51 left it open).
- audit32/13: a title and decision of 6 over measures "向上述五家实体出口" (open since session 32).
- a title of 9 over a decision of 8; an annex heading "出口管制管控名单（8家）" or "附件：…（共8家）" over 9: found by count52.
All now held for a person (``rules.checks.tallies.counts_stated_apart``); counts that agree, in digits or numerals, are read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
BASE = (CORPUS / "count51" / "15-ecl-header-title-eight-body-nine.txt").read_text(encoding="utf-8")
HEADER_8 = "【标题】关于将8家美国实体列入出口管制管控名单的公告"
HEADER_9 = "【标题】关于将9家美国实体列入出口管制管控名单的公告"
TITLE_9 = "商务部公告2026年第415号 关于将9家美国实体列入出口管制管控名单的公告"
DECISION_9 = "商务部决定将云杉动力公司等9家美国实体列入"
MEASURE_9 = "禁止出口经营者向上述9家实体出口两用物项"
ANNEX_HEAD = "出口管制管控名单\n（2026年12月8日）"
ANNEX_LINE = "附件：出口管制管控名单（2026年12月8日）"
AGREEING = BASE.replace(HEADER_8, HEADER_9)


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as raised:
        parse_document(text.encode("utf-8"))
    assert raised.value.reason == "needs-review"
    return str(raised.value)


def _read(text: str) -> int:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None and not notice.warnings
    assert notice.stated_count == len(notice.entities)
    return len(notice.entities)


@pytest.mark.parametrize(("text", "where"), [
    (BASE, "its 【标题】 line says 8"),
    (AGREEING.replace(DECISION_9, DECISION_9.replace("9家", "8家")), "its decision says 8"),
    (AGREEING.replace(MEASURE_9, MEASURE_9.replace("9家", "八家")), "its measures says 8"),
    (AGREEING.replace(MEASURE_9, MEASURE_9.replace("上述9家", "前述8家")), "its measures says 8"),
    (AGREEING.replace(MEASURE_9, MEASURE_9.replace("上述9家", "该8家")), "its measures says 8"),
    (AGREEING.replace(ANNEX_HEAD, "出口管制管控名单（8家）\n（2026年12月8日）"), "its annex's heading says 8"),
    (AGREEING.replace(ANNEX_LINE, "附件：出口管制管控名单（共8家）"), "its annex's heading says 8"),
    # the title with no count: the decision's 9 is the stated count, the 【标题】 line still at odds
    (BASE.replace(TITLE_9, "商务部公告2026年第415号 关于将云杉动力公司等美国实体列入出口管制管控名单的公告"),
     "its 【标题】 line says 8"),
], ids=["header", "decision", "measures", "measures-qianshu", "measures-gai", "annex-heading", "annex-line",
        "title-uncounted"])
def test_a_count_at_odds_with_the_one_the_entities_agree_with_is_held(text: str, where: str) -> None:
    assert f"the notice states 9 entities and 9 are read, where {where}" in _held(text)


def test_count51_15_and_audit32_13_are_held() -> None:
    assert "its 【标题】 line says 8" in _held(BASE)
    audit = (CORPUS / "audit32" / "13-ecl-count-arabic-six-chinese-five.txt").read_text(encoding="utf-8")
    assert "the notice states 6 entities and 6 are read, where its measures says 5" in _held(audit)


@pytest.mark.parametrize("text", [
    AGREEING,
    AGREEING.replace(DECISION_9, DECISION_9.replace("9家", "九家")).replace(MEASURE_9, MEASURE_9.replace("9家", "９家")),
    AGREEING.replace(ANNEX_HEAD, "出口管制管控名单（共九家）\n（2026年12月8日）"),
    BASE.replace(HEADER_8, "【标题】关于将云杉动力公司等美国实体列入出口管制管控名单的公告"),
    BASE.replace(HEADER_8, ""),
], ids=["all-nine", "numerals", "annex-heading-agrees", "header-uncounted", "no-header"])
def test_counts_that_agree_are_read(text: str) -> None:
    assert _read(text) == 9


def test_annexes_apart_are_summed() -> None:
    # two annexes, each with its count: 6 + 3 = 9 agrees; a wrong one is at odds
    text = AGREEING.replace(ANNEX_LINE, "附件1：出口管制管控名单（一）（6家）\n附件2：出口管制管控名单（二）（3家）")
    first = "附件\n出口管制管控名单\n（2026年12月8日）\n\n"
    text = text.replace(first, "附件1\n出口管制管控名单（一）（6家）\n\n")
    text = text.replace("7. 赤杉", "附件2\n出口管制管控名单（二）（3家）\n\n7. 赤杉")
    assert _read(text) == 9
    assert "its annex's heading says 10" in _held(text.replace("（二）（3家）", "（二）（4家）"))


def test_an_annex_of_no_count_beside_a_counted_one_is_not_summed() -> None:
    # annex 2 (goods, say) states no count: the counts of the annexes cannot be summed; the lines are the count check's
    text = AGREEING.replace(ANNEX_LINE, "附件1：出口管制管控名单（6家）\n附件2：两用物项清单")
    assert _read(text) == 9


def test_a_several_step_text_is_not_asked() -> None:
    # a listing beside a removal states a count of each: neither is at odds with the other
    text = AGREEING.replace("并采取以下措施：", "同时将此前列入的2家实体移出出口管制管控名单，并采取以下措施：")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is None or "its decision says" not in " ".join(notice.warnings)


def _case(stem: str) -> str:
    (page,) = [p for p in (CORPUS / "count52").glob(f"{stem}-*") if not p.name.endswith(".expect.json")]
    return page.read_text(encoding="utf-8")


def test_the_bodys_annex_list_beside_numbered_annexes_is_not_summed_with_them() -> None:
    # count52/04: "附件：1. 美国实体名单（4家）\n 2. 加拿大实体名单（2家）" in the body, "附件1…（4家）", "附件2…（2家）" below: 6, read
    # (bf298427 summed the body's first line with both annexes, 10, and held a right text)
    assert _read(_case("04")) == 6
    assert "its annex's heading says 7" in _held(_case("05"))


def test_a_removal_of_several_named_read_as_a_draft_each_is_asked() -> None:
    # count52/12: "将A（a）、B（b）、C（c）等3家实体移出…" under a 【标题】 of 2 (three drafts: bf298427 asked one-draft texts only)
    assert _read(_case("11")) == 3
    assert "the notice states 3 entities and 3 are read, where its 【标题】 line says 2" in _held(_case("12"))


def test_counts_by_country_in_one_phrase_are_summed() -> None:
    # parse21/03: "决定将3家美国实体和2家中国台湾地区实体列入…" under a title of 5: 5, read (the first count alone, 3, was a false
    # hold); "…3家美国实体和3家中国台湾地区实体…" over the same 5 lines: 6, held
    text = (CORPUS / "parse21" / "03-ecl-us-and-taiwan-region-headings.txt").read_text(encoding="utf-8")
    assert _read(text) == 5
    at_odds = text.replace("和2家中国台湾地区实体列入", "和3家中国台湾地区实体列入")
    assert "the notice states 5 entities and 5 are read, where its decision says 6" in _held(at_odds)


def test_a_tab_inside_a_tables_english_cell_keeps_the_country() -> None:
    # blind51/23: "1<tab>新德里精密电子有限公司<tab>New Delhi Precision Electronics<tab>Private Limited<tab>印度" under a header
    # of 4 cells: the English cut at its tab and the country lost, silently (the key is the Chinese name's)
    raw = (CORPUS / "blind51" / "23-wl-add-table-wrapped-english.txt").read_bytes()
    notice = parse_document(raw).notice
    assert notice is not None
    first = notice.entities[0]
    assert (first.en, first.country) == ("New Delhi Precision Electronics Private Limited", "IN")
    assert [e.country for e in notice.entities] == ["IN", "SG", "TR"]


def test_a_row_with_an_empty_cell_after_its_country_is_read_as_before() -> None:
    text = (CORPUS / "blind51" / "23-wl-add-table-wrapped-english.txt").read_text(encoding="utf-8")
    text = text.replace("Electronics\tPrivate Limited\t印度", "Electronics Private Limited\t印度\t")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None and [e.country for e in notice.entities] == ["IN", "SG", "TR"]


@pytest.mark.parametrize("tail", ["（John D. Webber），美国籍", "（John D. Webber）（美国籍）", "（John D. Webber，美国籍）"])
def test_a_persons_nationality_after_the_name_gives_the_country(tail: str) -> None:
    # blind51/31: "1. 约翰·D·韦伯（John D. Webber），美国籍" under "二、个人": no country (美国籍 is no country's name)
    text = (CORPUS / "blind51" / "31-ecl-annex-with-persons-section.txt").read_text(encoding="utf-8")
    notice = parse_document(text.replace("（John D. Webber），美国籍", tail).encode("utf-8")).notice
    assert notice is not None
    person = notice.entities[2]
    assert (person.zh, person.en, person.country) == ("约翰·D·韦伯", "John D. Webber", "US")


def test_a_total_in_the_decisions_bracket_is_compared() -> None:
    # "…等9家美国实体列入…（见附件，共8家）": two counts set apart by the bracket, neither summed nor compared: read as 9
    text = AGREEING.replace("列入出口管制管控名单（见附件）", "列入出口管制管控名单（见附件，共8家）", 1)
    assert "where its decision's total says 8" in _held(text)
    assert _read(AGREEING.replace("列入出口管制管控名单（见附件）", "列入出口管制管控名单（见附件，共9家）", 1)) == 9
