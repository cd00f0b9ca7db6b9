"""review60 (session 51): a probe of this session's parser changes, through the real parser.

count51's check (``rules.checks.counts_at_odds``, commit 84b9d671; ``mfa.decision._total_at_odds``, 0ae11102) holds a listing
whose annex closes with a total at odds with the count the decision states and the lines agree with ("（以上共计11家实体）"
under 10 lines of a decision of "10家"). The same line written another way, "（共11家）", "（以上实体共11家）", "（以上11家实体）",
"以上实体合计11家。" (or an MFA annex's "（以上企业共4家）", "（共4家）"), was read silently as 10: the gate asked 共计/合计/总计/以上共/
上述共 only, and ``named.TOTAL_LINE_RE`` took no noun between 以上 and 共 and no line without 共. Held now
(tests/data/corpus/review60/01-07)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ECL = (CORPUS / "count51" / "25-ecl-ten-footer-eleven.txt").read_text(encoding="utf-8")
MFA = (CORPUS / "count51" / "34-mfa-three-footer-four.txt").read_text(encoding="utf-8")
ECL_FOOTER, MFA_FOOTER = "（以上共计11家实体）", "（以上共计4家企业）"


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


@pytest.mark.parametrize("footer", ["（共11家）", "（以上实体共11家）", "（以上11家实体）", "以上实体合计11家。", "（上述实体共计11家）",
                                    "（以上企业共十一家）"])
def test_an_ecl_annex_total_written_another_way_at_odds_is_held(footer: str) -> None:
    assert "a total line says 11" in _held(ECL.replace(ECL_FOOTER, footer))


@pytest.mark.parametrize("footer", ["（以上企业共4家）", "（以上4家企业）", "（共4家）"])
def test_an_mfa_annex_total_written_another_way_at_odds_is_held(footer: str) -> None:
    assert "a total line says 4" in _held(MFA.replace(MFA_FOOTER, footer))


@pytest.mark.parametrize("footer", ["（共10家）", "（以上实体共10家）", "（以上10家实体）", "以上实体合计10家。"])
def test_an_ecl_annex_total_that_agrees_is_read(footer: str) -> None:
    record = parse_document(ECL.replace(ECL_FOOTER, footer).encode("utf-8")).notice
    assert record is not None and len(record.entities) == 10 and record.stated_count == 10 and not record.warnings


@pytest.mark.parametrize("footer", ["（以上企业共3家）", "（共3家）"])
def test_an_mfa_annex_total_that_agrees_is_read(footer: str) -> None:
    record = parse_document(MFA.replace(MFA_FOOTER, footer).encode("utf-8")).notice
    assert record is not None and len(record.entities) == 3 and not record.warnings


# resp51's counted subsets (``checks.unread_counted_subset``, commit 0164843a: "…第21号有关3家实体的…", "…涉及的5家…"): the same
# step written "…第21号所涉两家美国实体的相关措施" or "…所涉及的2家实体…" was read as a step on all of No. 21 (a lift of all 16,
# silently: 所涉 was no word of it). Held now; "…所涉相关措施", "…所涉实体的相关措施" (no count) stay a step on the whole notice.
QA = ("商务部新闻发言人就出口管制有关问题答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-10 17:00\n\n"
      "问：请问中方对商务部公告2025年第21号所列美国实体有何新的安排？\n答：{a}\n")


@pytest.mark.parametrize("a", [
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号所涉两家美国实体的相关措施。",
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号所涉及的2家实体的相关措施。",
    "中方决定，自2026年11月11日起，继续暂停实施商务部公告2025年第21号所涉其余14家实体的相关措施1年。",
])
def test_a_step_on_counted_entities_the_notice_concerns_is_held(a: str) -> None:
    assert "entities of the notice it does not name" in _held(QA.format(a=a))


@pytest.mark.parametrize("a", [
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号所涉相关措施。",
    "中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号所涉实体的相关措施。",
])
def test_a_step_on_what_the_notice_concerns_stays_a_step_on_it(a: str) -> None:
    record = parse_document(QA.format(a=a).encode("utf-8")).notice
    assert record is not None
    assert [(x.action.value, [t.key for t in x.targets], x.effective) for x in record.actions] == [
        ("lift", ["MOFCOM-2025-21"], "2026-11-11")]


# resp51's lift at the end of a suspension (``checks.unread_lift_at_expiry``, 86ef1ea5; its gate 51327846): "…暂停至D，期满之后停止
# 实施" or "…期限届满以后停止实施" was not looked for (the pattern took "期满后" only): the lift missed, the notice presumed back in
# force at D's end, silently. Held now (reading it is for a later session).
@pytest.mark.parametrize("a", [
    "中方决定，商务部公告2025年第21号和第22号相关措施分别暂停至2027年5月31日和2027年11月30日，期满之后停止实施。",
    "中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，期限届满以后停止实施。",
    "中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，到期之后，上述措施终止执行。",
    # a notice named before the verb: the lift was read from the answer's own day (2026-11-10, not 2027-06-01), silently
    "中方决定，商务部公告2025年第21号相关措施暂停至2027年5月31日，期满后商务部公告2025年第21号相关措施停止实施。",
    "中方决定，商务部公告2025年第21号和第22号相关措施分别暂停至2027年5月31日和2027年11月30日，期满后第21号相关措施停止实施，"
    "第22号相关措施恢复实施。",
])
def test_a_lift_after_the_end_told_another_way_is_held(a: str) -> None:
    said = _held(QA.format(a=a))
    # (the last: "期满后第21号…" is no reference since "，第22号相关措施恢复实施" is one, session 57: held for that first)
    assert "a lift at the end of a suspension" in said or "\"第21号\", a notice no reference reads" in said


# resp51's later end that leaves its year to the one before (apart.ends_told, commit 3027942a): "…分别暂停实施6个月和1年，即分别至
# 2027年5月10日和8月10日" was held before (the yearless end not read); read since, the ends taken and the terms dropped: No. 22
# suspended to 2027-08-10 where its year runs to 2027-11-10, silently (as the same text with "2027年8月10日", or "暂停实施1年，
# 即至2027年8月10日", was read before). A term and the end told for it more than a day apart are held now
# (checks.unread_term_at_odds); a day apart is the authority's count ("自2025年11月10日起…1年，即至2026年11月10日").
@pytest.mark.parametrize("a", [
    "中方决定，自2026年11月11日起，商务部公告2025年第21号和第22号相关措施分别暂停实施6个月和1年，即分别至2027年5月10日和8月10日。",
    "中方决定，自2026年11月11日起，商务部公告2025年第21号和第22号相关措施分别暂停实施6个月和1年，即分别至2027年5月10日和2027年8月10日。",
    "中方决定，自2026年11月11日起，商务部公告2025年第21号相关措施暂停实施1年，即至2027年8月10日。",
])
def test_a_term_and_the_end_told_for_it_at_odds_are_held(a: str) -> None:
    assert "which is right cannot be told" in _held(QA.format(a=a))


@pytest.mark.parametrize(("a", "steps"), [
    ("中方决定，自2026年11月11日起，商务部公告2025年第21号和第22号相关措施分别暂停实施6个月和1年，即分别至2027年5月10日和11月10日。",
     [("suspend", ["MOFCOM-2025-21"], "2026-11-11"), ("suspend", ["MOFCOM-2025-22"], "2026-11-11")]),
    ("中方决定，自2025年11月10日起暂停实施商务部公告2025年第21号相关措施1年，即至2026年11月10日。",
     [("suspend", ["MOFCOM-2025-21"], "2025-11-10")]),
    ("中方决定，自2026年11月11日起，暂停实施商务部公告2025年第21号相关措施90天，即至2027年2月8日。",
     [("suspend", ["MOFCOM-2025-21"], "2026-11-11")]),
    ("中方决定，将商务部公告2025年第21号相关措施的暂停期限延长1年，即至2027年11月10日。",
     [("extend", ["MOFCOM-2025-21"], "2026-11-10")]),
])
def test_a_term_and_the_end_told_for_it_that_agree_are_read(a: str, steps: list[tuple[str, list[str], str]]) -> None:
    record = parse_document(QA.format(a=a).encode("utf-8")).notice
    assert record is not None
    assert [(x.action.value, [t.key for t in x.targets], x.effective) for x in record.actions] == steps


# resp51's step on named entities among a notice's (e9524bc9, "…第21号涉及的16家美国实体中的A（a）、B（b）、C（c）3家实体"): with
# two names before "3家实体" (no 等), the lift reached the two, the third lost, silently (the engine asks "等N家" only). Held now
# (checks.named_count_above); "A（a）、B（b）2家实体" stays read, limited to the two.
R = "赤杉航空技术公司（Redwood Aerotechnologies, Inc.）、银河航空技术公司（Galaxy Aerotechnologies, Inc.）"


@pytest.mark.parametrize("a", [
    f"中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号涉及的16家美国实体中的{R}3家实体的相关措施。",
    f"中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号所列{R}3家实体的相关措施。",
])
def test_a_step_naming_fewer_than_it_counts_is_held(a: str) -> None:
    assert "names 2 entities and counts them 3" in _held(QA.format(a=a))


def test_a_step_naming_as_many_as_it_counts_is_read() -> None:
    a = f"中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号涉及的16家美国实体中的{R}2家实体的相关措施。"
    record = parse_document(QA.format(a=a).encode("utf-8")).notice
    assert record is not None
    assert [(x.action.value, len(x.entities)) for x in record.actions] == [("lift", 2)]
