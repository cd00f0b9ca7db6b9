"""perf51: the checks added after perf50's gates are asked of a text only where their words can be (issue 11's parser row).

Each test runs a real text through the real tables (``read_source``, ``notice.RUN_TABLES``), then asks the gated checks
of the same text with its folded view watched (a ``str`` recording ``find``, ``rfind`` and ``in``), and says what the
checks still ask of it. The texts the gates let through are still held through ``parse_document`` where their words are.
"""

from __future__ import annotations

import dataclasses

import pytest

from scraper.parse import notice, parse_document
from scraper.parse.draft import Draft, PageHints, Source, read_source
from scraper.parse.rules.checks import counts as counts_checks
from scraper.parse.rules.checks import targets as targets_checks
from scraper.parse.rules.checks import terms as terms_checks
from storage.records import UnusablePage
from tests.scraper import test_parse_perf50 as perf50


class _WatchedText(perf50._WatchedText):
    """perf50's watched text, recording ``in`` too."""

    def __contains__(self, sub: object) -> bool:
        self.asked.append(str(sub))
        return super().__contains__(sub)  # type: ignore[operator]


def _read(text: str) -> tuple[Source, Draft, _WatchedText]:
    src = read_source(text, PageHints())
    d = Draft()
    assert notice.RUN_TABLES(src, d) is not None
    watched = _WatchedText(src.folded)
    watched.asked = []
    return dataclasses.replace(src, folded=watched), d, watched


RELEASE = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-10 17:00\n\n"
           "问：请问中方对商务部公告2025年第21号所列美国实体有何新的安排？\n答：{a}\n")
FROM = "中方决定，自2026年11月11日起，"
N21 = "商务部公告2025年第21号"
A = "高点航空技术公司（High Point Aerotechnologies）"


def test_a_whole_step_whose_bracket_restates_its_notice_is_not_walked():
    """"继续暂停4月4日公告（…第21号）相关措施1年": a step read on a whole notice with a bracket in its line. qa50's
    ``unread_named_after_verb`` found the line's end, the bracket, the full stop, then walked the clause's brackets for
    each such step (perf51: ~8,400 instructions a page of bench/parse.py, the bracket of nearly every such step restating
    its notice); now one test says the text holds no bracket with a letter, and nothing is found."""
    src, d, watched = _read(RELEASE.format(a=f"{FROM}继续暂停实施4月4日公告（{N21}）相关措施1年。"))
    assert any(x.targets and x.on_entities is None for x in d.drafts)
    assert targets_checks.unread_named_after_verb(src, d) is None
    assert watched.asked == ["("]


def test_a_text_with_one_reference_is_not_asked_for_fenbie():
    """fix60's ``unread_ends_respectively`` needs two notices or more: a text naming one is asked nothing (it was asked for
    "别" and "分别" first)."""
    src, d, watched = _read(f"商务部公告2026年第3号\n商务部决定，自2026年12月1日起，分别暂停实施{N21}相关措施1年。\n商务部\n"
                            "2026年11月28日")
    assert len(d.refs) == 1
    assert terms_checks.unread_ends_respectively(src, d) is None
    assert watched.asked == []


def test_a_reference_with_no_count_after_it_is_not_asked_for_one():
    """review59's ``unread_counted_subset`` asked the twelve characters after each reference for 家, 个 and 部分 with three
    bounded finds each; a slice of the twelve is asked now: nothing of the text but the gate's "家" (its mark, then the
    word: ``holds_any``)."""
    src, d, watched = _read(RELEASE.format(a=f"{FROM}停止实施{N21}相关措施，对3家实体另行处理。"))
    assert d.refs and any(x.targets for x in d.drafts)
    assert targets_checks.unread_counted_subset(src, d) is None
    assert watched.asked == ["家", "家"]


@pytest.mark.parametrize("check", [targets_checks.unread_named_after_verb, terms_checks.unread_ends_respectively,
                                   targets_checks.unread_counted_subset, counts_checks.counts_at_odds, terms_checks.unread_lift_at_expiry])
def test_the_gated_checks_make_no_cells(check):
    """A generator or comprehension over a check's names makes them cells, made at every call, before any gate (~200
    instructions a cell a text): these checks make none."""
    assert check.__code__.co_cellvars == ()


@pytest.mark.parametrize("answer,said", [
    (f"{FROM}恢复实施{N21}中{A}相关措施。", "not read as its limit"),
    (f"{FROM}恢复实施4月4日公告（{N21}）中{A}相关措施。", "not read as its limit"),
    (f"{FROM}停止实施{N21}中对其他3个实体的相关措施。", "entities of the notice it does not name"),
    (f"{FROM}停止实施{N21}所列部分实体的相关措施。", "entities of the notice it does not name"),
])
def test_the_gated_forms_are_still_held(answer, said):
    """The forms the gates let through are held as before (qa50/27's probe, review59's)."""
    with pytest.raises(UnusablePage) as refused:
        parse_document(RELEASE.format(a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert said in str(refused.value)


# --- session 50's end review: two small repeats in rules/checks.py ---------------------------------------------------------

CLAUSED = ("商务部决定，继续暂停实施商务部公告2025年第21号、第22号相关措施，其中第22号公告相关措施暂停至2027年12月31日；"
           "对其余14家实体，停止实施相关措施,其他措施不变;另行公告。\n第二行，无分号")


def test_a_clause_stop_is_the_first_comma_or_semicolon():
    """``_clause_stop`` (used by ``clause_spans``, ``unread_ends_apart``, ``unread_end_of_other``, ``unread_each_one_end``) says
    what the expression each of them repeated said: the first "," or ";" of the stretch, else its end."""
    folded = read_source(CLAUSED, PageHints()).folded
    for c0 in range(len(folded) + 1):
        for s1 in range(c0, len(folded) + 1):
            old = min([i for i in (folded.find(",", c0, s1), folded.find(";", c0, s1)) if i >= 0] + [s1])
            assert terms_checks._clause_stop(folded, c0, s1) == old, (c0, s1)


@pytest.mark.parametrize("day", ["2027年5月31日", "二〇二七年五月三十一日", "2028年2月30日", "二〇二八年二月三十日",
                                 "2027年13月3日", "2〇27年5月31日", "2027年1二月1日", "2027 年 11 月 31 日", "二〇二七年十二月三十一日"])
def test_an_end_told_is_read_as_the_dates_read_a_start(day):
    """``unread_term`` reads an end told after 至 with ``parse_cn_date`` (it built "自<day>起" for ``effective_in`` before):
    the same day, or none, for digits, Chinese numerals, mixed ones and days that are none."""
    from scraper.parse.dates import effective_in, parse_cn_date
    told = terms_checks.END_DAY_TOLD_RE.search(f"至{day}")
    assert told is not None
    assert (parse_cn_date(told["day"]) is None) is (effective_in(f"自{told['day']}起", None) is None)
    assert parse_cn_date(told["day"]) == (None if effective_in(f"自{told['day']}起", None) is None
                                          else parse_cn_date(effective_in(f"自{told['day']}起", None) or ""))


# --- this session's own new checks (count51's counts_at_odds, resp51's unread_lift_at_expiry) ------------------------------

LISTING = ("商务部公告2026年第204号 关于将3家美国实体列入出口管制管控名单的公告\n"
           "根据《中华人民共和国出口管制法》，商务部决定将以下3家美国实体列入出口管制管控名单，禁止向其出口两用物项。\n"
           "1.红杉导弹技术公司（Redwood Missile Technologies, Inc.）\n2.战术云网络公司（Tactical Cloud Networks LLC）\n"
           "3.海鹰水面系统公司（Seahawk Surface Systems）\n本公告自发布之日起实施。\n商务部\n2026年11月28日")


def test_a_listing_with_no_total_line_is_not_scanned_for_one():
    """count51's ``counts_at_odds`` asked every listing agreeing with its count for five words of a total line, each a scan
    of the whole text (~10,000 instructions a page of bench/parse.py); their rarest characters are asked first now."""
    src, d, watched = _read(LISTING)
    assert d.count[0] == 3 and len(d.entities) == 3
    assert counts_checks.counts_at_odds(src, d) is None
    assert not {"共计", "合计", "总计"} & set(watched.asked), watched.asked


def test_a_text_with_no_end_word_is_not_asked_for_a_lift_at_expiry():
    """resp51's ``unread_lift_at_expiry`` asked 停止 (its two characters, common in notices) before an end's word; the
    end's words' marks are asked first now, and a text with neither 满 nor 到 is asked nothing more."""
    src, d, watched = _read(LISTING.replace("禁止", "停止"))
    assert terms_checks.unread_lift_at_expiry(src, d) is None
    assert watched.asked == ["满", "到", "届"]  # (届时: "…暂停至D，届时停止实施", session 52, resp52)


def test_a_lift_at_expiry_is_still_held():
    """resp51's form: the end counted from the running one, held (resp51's tests have the others)."""
    with pytest.raises(UnusablePage) as refused:
        parse_document(RELEASE.format(a="中方决定，继续暂停实施商务部公告2025年第21号相关措施1年，期满后停止实施。").encode())
    assert refused.value.reason == "needs-review"
    assert "a lift at the end of a suspension" in str(refused.value)


def test_a_total_line_at_odds_is_still_held():
    text = LISTING.replace("\n本公告", "\n（以上共计2家实体）\n本公告")
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode())
    assert "a total line says 2" in str(refused.value)
