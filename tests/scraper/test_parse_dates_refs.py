"""Refs by number and by date (number.py, dates.py, actions.collect_refs): the cheaper ways of
finding them give what the plain regexes give."""

import random
import re
from datetime import date

import pytest

from scraper.parse import actions, number
from scraper.parse.actions import refs as actions_refs
from scraper.parse.textnorm import fold, keyword_spans

DATE_BITS = ["2025年", "二〇二五年", "4月", "十二月", "4日", "三十一日", "和", "、", "9日", "发布", "的", "公告", "决定", "被", "列入",
             "出口管制管控名单", "关注名单", "的", "16家", "美国", "实体", " ", "\u3000", ",", "〇", "O", "十", "x", "(", "7号", "\n"]


@pytest.mark.parametrize("seed", range(3))
def test_date_regexes_with_their_first_character_lookahead_are_the_plain_regexes(seed):
    """DATE_LIST_RE and DATE_NOTICE_RE open with a lookahead on a date's possible first
    characters: without it they find the same matches, spans and groups alike."""
    rnd = random.Random(seed)
    for regex in (actions.DATE_LIST_RE, actions.DATE_NOTICE_RE):
        assert regex.pattern.startswith(actions.DATE_START)
        plain = re.compile(regex.pattern[len(actions.DATE_START):])
        for _ in range(3000):
            text = "".join(rnd.choice(DATE_BITS) for _ in range(rnd.randint(0, 14)))
            assert [(m.span(), m.groups()) for m in regex.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)]


@pytest.mark.parametrize("seed", range(3))
def test_a_dated_notice_piece_read_up_to_its_last_notice_word_finds_every_match(seed):
    """attach_dates reads a piece only up to the end of its last 公告 / 决定 (every match ends there)."""
    rnd = random.Random(seed)
    for _ in range(3000):
        text = "".join(rnd.choice(DATE_BITS) for _ in range(rnd.randint(0, 14)))
        end = len(text)
        bound = max(text.rfind("公告", 0, end), text.rfind("决定", 0, end)) + 2
        assert [(m.span(), m.groups()) for m in actions.DATE_NOTICE_RE.finditer(text, 0, bound)] == \
            [(m.span(), m.groups()) for m in actions.DATE_NOTICE_RE.finditer(text, 0, end)]


NOTICE_BITS = [*DATE_BITS, "。", "\n", ",", "4日\n公告", "日 \n 的公告", "(商务部公告2025年第21号)", "(不可靠实体清单工作机制〔2025〕7号)",
               "4月4日公告", "3月4日和4月9日发布的公告", "日公告", "月", "实体"]


def _every_piece(folded, first):
    """The plain reading: every line piece (cut at "。" and ",") with a 公告 or 决定 and a 月, read whole."""
    return keyword_spans(folded, ("公告", "决定"), ("月",), "。,")


@pytest.mark.parametrize("seed", range(3))
def test_dated_notices_read_in_the_windows_before_each_gate_are_those_of_every_piece(seed, monkeypatch):
    """attach_dates reads DATE_NOTICE_RE only from the last stop before each gate match up to its end
    (``_notice_windows``): it dates and adds the refs that reading every piece whole gives."""
    rnd = random.Random(seed)
    read = 0
    for _ in range(3000):
        text = "".join(rnd.choice(NOTICE_BITS) for _ in range(rnd.randint(0, 18)))
        folded = fold(text)
        refs = number.find_references(folded, text)
        anchor = rnd.choice([date(2025, 5, 14), None])
        windows = [m.span() for s, e in actions_refs._notice_windows(folded, first) for m in actions.DATE_NOTICE_RE.finditer(folded, s, e)] \
            if (first := actions.DATE_NOTICE_GATE_RE.search(folded)) else []
        fast = actions.attach_dates(refs, folded, text, anchor, None)
        with monkeypatch.context() as m:
            m.setattr(actions_refs, "_notice_windows", _every_piece)
            assert fast == actions.attach_dates(refs, folded, text, anchor, None), text
            every = [m.span() for s, e in _every_piece(folded, None) for m in actions.DATE_NOTICE_RE.finditer(folded, s, e)]
        assert windows == every, text
        read += bool(every)
    assert read > 500
