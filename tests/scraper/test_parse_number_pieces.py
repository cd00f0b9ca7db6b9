"""find_references reads only the pieces where a number other than the text's own can end
(number._piece_matches): on random texts it finds what reading every piece with a 号 finds."""

import random
import re

import pytest

from scraper.parse import number
from scraper.parse.textnorm import NUM, fold, keyword_spans

NUMBER_BITS = [
    "商务部", "公告", "令", "2025年第21号", "2025年第22号", "2025年 第21号", "〔2025〕7号", "[2025]7号", "〔2025〕8号", "第7号",
    "不可靠实体清单工作机制", "海关总署", "中华人民共和国", " ", "\u3000", "\n", "。", ",", "、", "和", "第", "号", "文号",
    "【发布文号】", "21号", " 号", "二十一号", "(", ")", "(", ")", "x", "1", "二〇二五年第二十一号", "商务部公告2025年第21号",
    "商务部令2025年第21号", "不可靠实体清单工作机制公告〔2025〕7号", "第一百号", "百号", "两号", "2025年", "〔2025〕", "第٣号", "٢١号",
]
OWN_LINES = [
    "商务部公告2025年第21号", "商务部令2025年第21号", "商务部 海关总署公告2025年第21号", "中华人民共和国商务部公告2025年第21号",
    "不可靠实体清单工作机制公告〔2025〕7号", "不可靠实体清单工作机制〔2025〕7号", "不可靠实体清单工作机制公告2025年第21号",
    "商务部公告二〇二五年第二十一号", "商务部公告2025年第21号令", "商务部公告(2025年第21号)", "商务部公告2025年第 21 号",
    "商务部公告2025年第21号、第22号",
]


def every_piece_matches(folded, own=None):
    """What ``_piece_matches`` found before: both regexes on every line piece (cut at "。") with a 号."""
    found, mixed = [], False
    for start, end in keyword_spans(folded, ("号",), stops="。"):
        bracketed = list(number.BRACKET_NUMBER_RE.finditer(folded, start, end))
        dated = list(number.YEAR_NUMBER_RE.finditer(folded, start, end))
        found += bracketed + dated
        mixed = mixed or bool(bracketed and dated)
    return found, mixed


def random_text(rnd, own_line):
    bits = [rnd.choice(NUMBER_BITS) for _ in range(rnd.randint(0, 16))]
    for _ in range(rnd.randint(0, 3)):
        before, after = rnd.choice(["\n", "。", "", "【发布文号】"]), rnd.choice(["\n", "。", "", " 关于", "令", " )令", "号"])
        bits.insert(rnd.randint(0, len(bits)), before + own_line + after)
    return "".join(bits)


@pytest.mark.parametrize("seed", range(3))
def test_references_read_from_the_pieces_where_a_number_can_end_are_those_of_every_piece(seed, monkeypatch):
    """Pieces whose 号 are all inert ("文号") go unread, and so do those naming only the own number
    (its ``OwnNumber.shape``): the refs are what every piece with a 号 gives."""
    rnd = random.Random(seed)
    skipped = 0
    for _ in range(3000):
        line = rnd.choice(OWN_LINES)
        own = number._own_from(fold(line), line, line)
        assert own is not None
        text = random_text(rnd, line)
        folded = fold(text)
        bare = rnd.choice(["MOFCOM", "UEL"])
        fast = [number.find_references(folded, text, bare, skip=own.key, own=own.shape),
                number.find_references(folded, text, bare, skip=own.key), number.find_references(folded, text, bare)]
        with monkeypatch.context() as m:
            m.setattr(number, "_piece_matches", every_piece_matches)
            plain = number.find_references(folded, text, bare, skip=own.key)
            assert fast == [plain, plain, number.find_references(folded, text, bare)]
        skipped += len(number._piece_matches(folded, own.shape)[0]) < len(every_piece_matches(folded)[0])
    assert skipped > 600  # the own number's pieces were left unread often


def test_inert_holds_num_s_chinese_digits():
    """A 号 after one of NUM's characters is never taken for inert."""
    assert set(re.fullmatch(r"\(\?:\\d\{1,4\}\|\[(.+)\]\{1,6\}\)", NUM).group(1)) == number.NUM_CHARS


OWN_SLOTS = [  # a number's parts, each with variants the plain reading must refuse or read alike
    ["", "中华人民共和国", " ", "x"],
    ["商务部", "不可靠实体清单工作机制", "商务部 海关总署", "商务部\u3000海关总署", "商务部  海关总署", "商务部、海关总署", "海关总署"],
    ["公告", "令", "", " 公告"],
    ["2025年第", "二〇二五年第", "\u0662\u0660\u0662\u0665年第", "2025年 第", "2025年度第", "〔2025〕", "[2025]", "(2025)", "〔2025〕第", "20251年第"],
    ["21", "7", "\u0663", "二十一", "12345", "0", " 21"],
    ["号", "号 ", "号令", "号、第22号", "号)", "", "号号"],
]


@pytest.mark.parametrize("seed", range(2))
def test_a_plain_filing_number_reads_as_the_general_regexes_read_it(seed):
    """_plain_own gives what _own_from gives (shape included) wherever it reads a number."""
    rnd = random.Random(seed)
    read = 0
    for _ in range(6000):
        text = "".join(slot[0] if rnd.random() < 0.6 else rnd.choice(slot) for slot in OWN_SLOTS)
        if rnd.random() < 0.2:
            text = text.replace("2025年第", "〔2025〕").replace("商务部公告", "不可靠实体清单工作机制公告")
        folded = fold(text)
        full = rnd.choice(["", "商务部代章"])
        plain = number._plain_own(folded, text, full)
        if plain is not None:
            read += 1
            general = number._own_from(folded, text, full)
            assert general is not None
            assert (plain, plain.shape) == (general, general.shape)
    assert read > 300


class _CountingRegex:
    """A compiled pattern whose ``finditer`` calls are recorded (the pieces it reads)."""

    def __init__(self, regex, calls):
        self.regex, self.calls = regex, calls

    def finditer(self, text, start, end):
        self.calls.append(text[start:end])
        return self.regex.finditer(text, start, end)


def test_a_piece_without_an_issuer_word_is_not_read_by_the_year_number_regex(monkeypatch):
    """A heading line "2025年 第7号" (under "不可靠实体清单工作机制 公告") holds no 公告 or 令, so no
    number YEAR_NUMBER_RE could give there is kept: that piece goes unread, the others not."""
    calls = []
    monkeypatch.setattr(number, "YEAR_NUMBER_RE", _CountingRegex(number.YEAR_NUMBER_RE, calls))
    text = "不可靠实体清单工作机制\n公告\n2025年 第7号\n见2025年第3号文。商务部公告2025年第21号\n2025年第4号令"
    keys = [r.key for _, _, r in number.find_references(fold(text), text)]
    assert keys == ["MOFCOM-2025-21", "MOFCOM-ORDER-2025-4"]
    assert calls == ["商务部公告2025年第21号", "2025年第4号令"]
