"""perf52: this session's checks and rules ask a text only where their words can be (issue 11's parser row).

As perf51's: a real text goes through the real tables (``read_source``, ``notice.RUN_TABLES``), then the gated check is
asked of it with its folded (or operative) text watched, and the test says what is still asked. Each gate is the test it
replaces, asked another way: the two are compared on every short text of their alphabet. The forms the gates let through
are still held through ``parse_document``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path

import pytest

from scraper.parse import notice, parse_document
from scraper.parse.draft import Draft, PageHints, Source, read_source
from scraper.parse.rules import named, recaps
from scraper.parse.rules.checks import counts as counts_checks
from scraper.parse.rules.checks import listings as listings_checks
from scraper.parse.rules.checks import terms as terms_checks
from scraper.parse.rules.named import TOTAL_LINE_RE
from scraper.parse.textnorm import fold
from storage.records import UnusablePage
from tests.scraper.test_parse_perf51 import LISTING, RELEASE, _WatchedText

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _read(text: str) -> tuple[Source, Draft, _WatchedText, _WatchedText]:
    """The text read by the tables, its folded and operative texts watched."""
    src = read_source(text, PageHints())
    d = Draft()
    assert notice.RUN_TABLES(src, d) is not None
    folded, op = _WatchedText(src.folded), _WatchedText(d.operative)
    folded.asked, op.asked = [], []
    d.operative = op
    return dataclasses.replace(src, folded=folded), d, folded, op


def _texts(alphabet: str, longest: int):
    """Every text of ``alphabet`` up to ``longest`` characters."""
    for n in range(longest + 1):
        for chars in itertools.product(alphabet, repeat=n):
            yield "".join(chars)


OPENING = re.compile(r"(?m)^[^\S\n]*\(?[^\S\n]*(?:以上|上述|共计|合计|总计|共)")  # TOTAL_LINE_RE's start


def test_a_total_lines_opening_is_what_the_pattern_opens_with():
    """``named.total_line_opens`` says whether TOTAL_LINE_RE's start is found (its words at a line's start), on every text
    of those characters up to six long; and on every corpus text the pattern finds a line in, it says so."""
    for text in _texts("以上述共计合\n (", 6):
        assert named.total_line_opens(text) == (OPENING.search(text) is not None), repr(text)
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = fold(path.read_bytes().decode("utf-8", "replace"))
        assert named.total_line_opens(text) == (OPENING.search(text) is not None), path
        if TOTAL_LINE_RE.search(text) is not None:
            assert named.total_line_opens(text), path


def test_the_other_listing_gate_says_what_its_pattern_needs():
    """``_then_above`` is "将\\s*上述" found (OTHER_LISTING_RE's start), blanks of every width between."""
    start = re.compile(r"将\s*上述")
    for text in _texts("将上述 \u3000\nx", 6):
        assert listings_checks._then_above(text) == (start.search(text) is not None), repr(text)


def test_a_listing_with_no_total_line_is_asked_three_characters():
    """count51's ``counts_at_odds`` asked every listing agreeing with its count five (six since review60) words' marks,
    then the words, as 上, 述, 计 and 共 stand in nearly every text ("上述", "共和国"): scans of the whole text, then the
    pattern where one stood, tried at every character (perf52: ~8,700 instructions a page of bench/parse.py). The lines
    words' characters are found now (共, 上, 计), and the pattern is asked only where a line opens with its words."""
    src, d, folded, _ = _read(LISTING)
    assert d.count[0] == 3 and len(d.entities) == 3
    assert counts_checks.counts_at_odds(src, d) is None
    assert folded.asked and set(folded.asked) <= {"共", "上", "计"}, folded.asked


REVIEW60 = CORPUS / "review60"


@pytest.mark.parametrize("line", ["共11家", "共11家实体", "上述实体共11家", "（上述实体共11家）", "上述11家实体", "（上述11家）",
                                  "（共11家）", "以上实体合计11家。"])
def test_a_total_line_at_odds_is_held_however_it_opens(line):
    """review60/01's ten lines under a decision of "10家", closed by a line of 11 that TOTAL_LINE_RE reads but the words
    asked before it did not hold ("共11家", "上述实体共11家", "上述11家实体": read as 10, silently; A): held now."""
    text = (REVIEW60 / "01-ecl-ten-footer-gong-eleven.txt").read_text(encoding="utf-8")
    assert "\n（共11家）\n" in text
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.replace("\n（共11家）\n", f"\n{line}\n").encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert "a total line says 11" in str(refused.value)


@pytest.mark.parametrize("line", ["共10家", "上述实体共10家", "上述10家实体"])
def test_a_total_line_that_agrees_is_read(line):
    text = (REVIEW60 / "01-ecl-ten-footer-gong-eleven.txt").read_text(encoding="utf-8")
    doc = parse_document(text.replace("\n（共11家）\n", f"\n{line}\n").encode("utf-8"))
    assert doc.notice is not None and len(doc.notice.entities) == 10


def test_an_mfa_total_line_opening_with_gong_alone_is_held():
    """review60/07's MFA annex of 3 closed by "（共4家）" is held; so is it now written "共4家" (no bracket: read as 3)."""
    text = (REVIEW60 / "07-mfa-three-footer-gong-four.txt").read_text(encoding="utf-8")
    assert "（共4家）" in text
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.replace("（共4家）", "共4家").encode("utf-8"))
    assert "a total line says 4" in str(refused.value)


def test_a_listing_with_no_jiang_shangshu_is_asked_for_jiang_alone():
    """blind51's ``unread_other_listing`` asked every listing saying 上述 (nearly each) for 列入 and 纳入 (two counts of the
    whole text), then its pattern; a listing is asked where its 将 stand now, and nothing more where none is followed by
    上述."""
    text = LISTING.replace("禁止向其出口", "禁止向上述实体出口")
    src, d, folded, op = _read(text)
    assert "上述" in text and "将以下" in text and d.drafts
    assert listings_checks.unread_other_listing(src, d) is None
    assert op.asked and set(op.asked) == {"将"}, op.asked
    assert folded.asked == []


@pytest.mark.parametrize("blank", ["", " ", "\u3000"])
def test_a_second_listing_is_still_held(blank):
    """blind51/38: "商务部同时…将上述2家实体列入出口管制管控名单" after a UEL listing, held (with blanks after 将 too)."""
    text = (CORPUS / "blind51" / "38-uel-listing-also-on-ecl.txt").read_text(encoding="utf-8")
    assert "将上述2家" in text
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.replace("将上述2家", f"将{blank}上述2家").encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert "puts the entities on a second list" in str(refused.value)


def test_an_answer_telling_nothing_done_is_asked_the_recap_marks_alone():
    """recount51's ``recounted_steps`` scanned an answer naming a notice for 已于, 已经, 此前, 先前 and 前期 (five scans), and
    made its eight cells first (perf52: ~5,000 instructions a page); their marks are asked now, and the body (with its
    cells) only past them."""
    src, d, folded, _ = _read(RELEASE.format(a="中方决定，自2026年11月11日起，停止实施商务部公告2025年第21号相关措施。"))
    assert d.qa and d.refs
    assert recaps.recounted_steps(src, d) == []
    assert folded.asked and all(len(w) == 1 for w in folded.asked), folded.asked


@pytest.mark.parametrize("check", [counts_checks.counts_at_odds, listings_checks.unread_other_listing, listings_checks.unread_answer_listing,
                                   recaps.recounted_steps])
def test_the_gated_checks_make_no_cells(check):
    """A comprehension over a check's names makes them cells, made at every call before any gate: these make none."""
    assert check.__code__.co_cellvars == ()


def test_a_move_between_lists_in_an_answer_is_still_held():
    """blind51's answer moving entities from the watch list to the control list in one verb: held."""
    answer = "商务部决定自2027年6月6日起，将该实体由关注名单转入出口管制管控名单。"
    src, d, _, _ = _read(RELEASE.format(a=answer))
    assert d.qa and not d.drafts
    assert "moves entities to another list" in (listings_checks.unread_answer_listing(src, d) or "")


def test_the_term_then_end_gate_says_what_its_words_said():
    """review60's ``unread_term_at_odds`` asked 即 and then its four words (a generator, its cell made at every call);
    ``_then_ends`` asks what follows each 即: its pattern's start found, on every text of its characters up to six long."""
    start = re.compile(r"即\s*(?:分别\s*)?(?:至|到)")
    for text in _texts("即至到分别 x", 6):
        assert terms_checks._then_ends(text) == (start.search(text) is not None), text
    assert terms_checks.unread_term_at_odds.__code__.co_cellvars == ()


def test_a_text_starting_from_today_is_asked_for_ji_alone():
    """"自即日起" (nearly every 即 of a notice): asked where its 即 stand, nothing more."""
    text = LISTING.replace("本公告自发布之日起实施", "本公告自即日起实施")
    assert "即日" in text
    src, d, folded, _ = _read(text)
    assert terms_checks.unread_term_at_odds(src, d) is None
    assert folded.asked and set(folded.asked) == {"即"}, folded.asked


@pytest.mark.parametrize("then", ["即至", "即 至", "即\u3000至"])
def test_a_term_and_its_end_at_odds_are_still_held(then):
    """(With a blank after 即 it was read, the end taken and the term dropped, silently: the words asked before had none.)"""
    answer = f"中方决定，自2026年11月11日起，暂停实施商务部公告2025年第21号相关措施1年，{then}2027年8月10日。"
    with pytest.raises(UnusablePage) as refused:
        parse_document(RELEASE.format(a=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"
    assert "a term of 1年" in str(refused.value)
