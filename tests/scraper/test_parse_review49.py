"""A clause naming another notice's measures after a step's object, with no step of its own read in it or told "the same"
(review49, session 44: review48's cases for clauses44, each read silently and wrong on main after the per-notice split):
held for a person (``rules.checks.unread_notice_clause``); the plain forms ``actions.apart`` reads stay read."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-04 18:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
P = "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年，"
FULL = "商务部公告2025年第22号相关措施"
N21, N22 = "MOFCOM-2025-21", "MOFCOM-2025-22"


def _read(answer: str) -> list[tuple[str, tuple[str, ...], str | None]]:
    record = parse_document(RELEASE.format(a=answer).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, tuple(t.key or "" for t in a.targets), a.until and a.until.isoformat()) for a in record.actions]


@pytest.mark.parametrize("answer", [
    # one step on both, No. 21's year lost (no end)
    f"{P}{FULL}同。", f"{P}{FULL}也一样。",
    # No. 22 suspended with no end (the year meant, or not plain)
    f"{P}{FULL}同样暂停。",
    # No. 22 missed: No. 21 alone read
    f"{P}第22号相关措施同。", f"{P}第22号相关措施也一样。",
    # ("…1年；第22号相关措施暂停半年。" is read since session 57: tests/scraper/test_parse_held57.py)
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施至2027年12月9日止，第22号相关措施至2027年6月9日止。",
    # No. 21 read with no end (suspended for good): the term after another notice's clause kept or denied
    f"中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，{FULL}不予暂停，暂停期限为1年。",
    f"中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，{FULL}维持不变，暂停期限为1年。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，第22号相关措施继续实施，暂停期限为1年。",
])
def test_a_notice_clause_no_step_reads_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(RELEASE.format(a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value


@pytest.mark.parametrize(("answer", "steps"), [
    (f"{P}第22号相关措施亦同。", [("suspend", (N21,), "2027-12-10"), ("suspend", (N22,), "2027-12-10")]),
    (f"{P}对第22号相关措施亦作相同处理。", [("suspend", (N21,), "2027-12-10"), ("suspend", (N22,), "2027-12-10")]),
    (f"{P}第22号相关措施6个月。", [("suspend", (N21,), "2027-12-10"), ("suspend", (N22,), "2027-06-10")]),
    (f"{P}{FULL}为期半年。", [("suspend", (N21,), "2027-12-10"), ("suspend", (N22,), "2027-06-10")]),
    (f"{P}第22号相关措施为期半年。", [("suspend", (N21,), "2027-12-10"), ("suspend", (N22,), "2027-06-10")]),
    (f"{P}{FULL}的暂停期限延长至2027年12月31日。",
     [("suspend", (N21,), "2027-12-10"), ("extend", (N22,), "2027-12-31")]),
    # the object's own list, a step's own clause and a term's clause name no other notice's measures
    ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号、第22号相关措施，暂停期限为1年。",
     [("suspend", (N21, N22), "2027-12-10")]),
    # a notice kept as it is, or its step denied, with no term told: no step of its own (qa43, review47)
    (f"{P}{FULL}维持不变。", [("suspend", (N21,), "2027-12-10")]),
    (f"{P}{FULL}不予暂停。", [("suspend", (N21,), "2027-12-10")]),
    ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，暂停期限为1年，第22号相关措施继续实施。",
     [("suspend", (N21,), "2027-12-10")]),
])
def test_a_notice_clause_read_stays_read(answer: str, steps: list[tuple[str, tuple[str, ...], str | None]]) -> None:
    assert _read(answer) == steps
