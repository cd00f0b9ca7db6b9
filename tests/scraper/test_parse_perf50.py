"""perf50: session 49's checks are asked of a text only where their words or references can be (issue 11's parser row).

Each test runs a real text through the real tables (``read_source``, ``notice.RUN_TABLES``), then asks the gated checks
of the same text with its folded view watched, and says what the checks still ask of it. The texts the gates stop at
still hold through ``parse_text`` where their words are there.
"""

import dataclasses

from scraper.parse import notice
from scraper.parse.draft import Draft, PageHints, Source, read_source
from scraper.parse.notice import parse_text
from scraper.parse.rules.checks import corrections as corrections_checks
from scraper.parse.rules.checks import notices as notices_checks
from scraper.parse.rules.checks import targets as targets_checks
from scraper.parse.rules.checks import terms as terms_checks


class _WatchedText(str):
    """A folded text recording what is asked of it with ``find``/``rfind`` (the checks' walks of a step's sentences)."""

    asked: list[str]

    def find(self, sub: str, *args: int | None) -> int:  # type: ignore[override]
        self.asked.append(sub)
        return super().find(sub, *args)

    def rfind(self, sub: str, *args: int | None) -> int:  # type: ignore[override]
        self.asked.append(sub)
        return super().rfind(sub, *args)


def _read(text: str) -> tuple[Source, Draft, _WatchedText]:
    src = read_source(text, PageHints())
    d = Draft()
    assert notice.RUN_TABLES(src, d) is not None
    watched = _WatchedText(src.folded)
    watched.asked = []
    return dataclasses.replace(src, folded=watched), d, watched


PLAIN = ("商务部公告2026年第3号\n商务部决定，自2026年12月1日起，暂停实施商务部公告2025年第21号相关措施，暂停期限为1年。\n"
         "商务部\n2026年11月28日")


def test_a_step_with_no_vague_word_and_no_count_is_not_walked():
    """A notice naming a notice, holding none of VAGUE_WORDS and no 家: ``unread_vague_clause`` walked every step's
    sentence with nine finds (perf50: ~9,400 instructions a page of bench/parse.py), ``unread_counted_subset`` asked each
    reference for 家 (~3,500, with the references' gate); now neither asks the text anything."""
    src, d, watched = _read(PLAIN)
    assert d.refs and d.drafts and any(x.targets for x in d.drafts)
    assert notices_checks.unread_vague_clause(src, d) is None
    assert targets_checks.unread_counted_subset(src, d) is None
    assert notices_checks.unread_range_end(src, d) is None  # (two finds a reference before; a slice of four characters now)
    assert watched.asked == []


def test_a_text_naming_no_notice_is_not_walked_by_the_reference_checks():
    """A text no reference reads: the five checks of a named notice's clauses ask nothing (their sets of targets and
    spans were built first)."""
    src, d, watched = _read("商务部公告2026年第4号\n根据《中华人民共和国出口管制法》，商务部决定将以下1家实体列入出口管制管控名单：\n"
                            "甲公司（Alpha Co.）。\n本公告自发布之日起实施。\n商务部\n2026年11月28日")
    assert not d.refs
    for check in (notices_checks.unread_vague_clause, targets_checks.unread_counted_subset, notices_checks.unread_range, notices_checks.unread_range_end,
                  terms_checks.unread_end_of_other):
        assert check(src, d) is None
    assert watched.asked == []


def test_the_gated_checks_still_hold_where_their_words_are():
    """The forms the gates let through are held as before (range49's and review55's probes)."""
    vague = ("商务部公告2026年第5号\n商务部决定，继续暂停实施商务部公告2025年第21号相关措施1年，停止实施另一公告相关措施。\n"
             "商务部\n2026年11月28日")
    record = parse_text(vague)
    assert record is not None and any("notices or measures it does not name" in w for w in record.warnings)
    counted = ("商务部公告2026年第6号\n商务部决定，停止实施商务部公告2025年第21号中对其他3家实体的相关措施。\n商务部\n2026年11月28日")
    record = parse_text(counted)
    assert record is not None and any("entities of the notice it does not name" in w for w in record.warnings)
    ranged = ("商务部公告2026年第8号\n商务部决定，继续暂停实施商务部 海关总署公告2025年第55号到第58号相关措施1年。\n商务部\n"
              "2026年11月28日")
    record = parse_text(ranged)
    assert record is not None and any("a range no reference reads" in w for w in record.warnings), record and record.warnings


def test_a_status_verb_is_looked_for_by_one_search_as_the_nine_finds_said():
    """``unread_item`` asks a decision for a verb of STATUS_VERB_WORDS by one search of their alternation (perf50: nine finds
    over a listing's long decision cost ~4,700 instructions a page more); it answers what the nine finds answered, on every
    piece of a listing and of a step's text, and asks the text nothing with ``find``."""
    texts = [PLAIN, "商务部公告2026年第4号\n商务部决定：将以下2家实体列入出口管制管控名单，禁止出口两用物项。\n1.甲公司\n2.乙公司\n",
             "商务部决定：一、停止执行对甲公司采取的相关措施。二、恢复实施对乙公司的措施；终止执行、不再实施、不再执行、终止实施、恢复执行、停止实施"]
    for text in texts:
        for start in range(0, len(text), 3):
            for end in range(start, len(text) + 1, 5):
                found = any(text.find(w, start, end) >= 0 for w in corrections_checks.STATUS_VERB_WORDS)
                assert corrections_checks._status_verb_in(text, start, end) is found, (start, end)
    watched = _WatchedText(texts[1])
    watched.asked = []
    assert corrections_checks._status_verb_in(watched, 0, len(watched)) is False
    assert watched.asked == []
    held = ("商务部公告2026年第7号\n商务部决定：\n停止执行对甲公司（Alpha Co.）等2家实体采取的相关措施。\n商务部\n2026年11月28日")
    record = parse_text(held)
    assert record is not None and any("names no notice" in w for w in record.warnings), record and record.warnings
