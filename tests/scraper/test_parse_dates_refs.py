"""Refs by number and by date (number.py, dates.py, actions.collect_refs): the cheaper ways of
finding them give what the plain regexes give."""

import random
import re

import pytest

from scraper.parse import actions

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
