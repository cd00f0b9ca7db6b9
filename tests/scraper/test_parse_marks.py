"""Words asked of a whole text by their mark (``textnorm.holds``, ``holds_any``, ``find_word``; gate46, issue 11) give what
``in`` and ``str.find`` gave: a text lacking the word's rarest character is passed by one memchr, any other is searched
as before."""

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest

from scraper.parse import article, page, renames, textnorm
from scraper.parse.mfa import checks as mfa_checks
from scraper.parse.mfa import reading as mfa_reading
from scraper.parse.rules import checks
from scraper.parse.textnorm import COMMON_CHARS, find_word, holds, holds_any, holds_in, mark_of, marked

# the gates' own words, words with a character whose low byte is 0 (一, 丐: never a memchr's), Latin words, one character
WORDS = ("不在", "不含", "不包括", "除外", "不适用", "届满", "期满", "到期", "修改为", "补列", "补充列入", "暂不", "暂缓", "份公告",
         "同日", "当日", "分别", "更名", "合并", "存续", "不在此列", "一、", "一日", "丐帮", "month", "<form", "、 将", ") 将", "月",
         "此", "、将", "其他")
PIECES = ("不", "在", "含", "包括", "除", "外", "适用", "届", "满", "期", "到", "修改", "为", "补", "列", "充", "入", "暂", "缓", "份",
          "公告", "同", "当", "日", "分", "别", "更", "名", "合", "并", "存", "续", "此", "一", "、", "丐", "帮", "mon", "th", "<",
          "form", " ", "将", ")", "其", "他", "。", "\n", "(")


def test_each_mark_is_a_character_of_its_word():
    for word in WORDS:
        assert mark_of(word) in word
        assert mark_of(word) == min(word, key=textnorm._rank)  # (kept: the same answer a second time)
    assert textnorm._rank("一") > textnorm._rank("的") > textnorm._rank("届")  # a low byte of 0 ranks as the commonest
    assert len(set(COMMON_CHARS)) == len(COMMON_CHARS)
    modules = [importlib.import_module(f"{checks.__name__}.{m.name}") for m in pkgutil.iter_modules(checks.__path__)]
    gates = list({id(v): v for mod in modules for name, v in vars(mod).items() if name.endswith("_MARKS")}.values())
    gates = [pairs for pairs in gates if isinstance(pairs, tuple) and all(isinstance(pair, tuple) for pair in pairs)]
    assert len(gates) >= 13  # the checks' gates (the other *_MARKS are strings of marks)
    gates += [article.FRAME_HEADS_MARKED, article.NEIGHBOUR_GATE_MARKED, renames.RENAME_MARKED, renames.BACKWARD_MARKED,
              mfa_checks.PART_DAY_MARKED, mfa_checks.KEPT_MARKED, mfa_reading.STATUS_MARKED, page.NO_EXTENSION_MARKS,
              page.NOT_FOUND_MARKED, page.UPGRADE_MARKED]
    for pairs in gates:
        assert pairs and all(len(pair) == 2 and pair[0] == mark_of(pair[1]) for pair in pairs), pairs


@pytest.mark.parametrize("seed", range(3))
def test_words_by_their_marks_are_the_words_found_in_the_text(seed):
    rng = random.Random(seed)
    groups = [WORDS[i : i + rng.randrange(1, 5)] for i in range(len(WORDS))]
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 40)))
        for word in WORDS:
            assert holds(text, word) is (word in text), (word, text)
            assert find_word(text, word) == text.find(word), (word, text)
            start, end = rng.randrange(-3, len(text) + 3), rng.randrange(-3, len(text) + 3)
            assert holds_in(text, word, start, end) is (text.find(word, start, end) >= 0), (word, text, start, end)
        for group in groups:
            assert holds_any(text, marked(group)) is any(word in text for word in group), (group, text)


ORDER_PIECES = ("外交部令", "商务部令", "外交部", "商务部", "第", "号", "令", "2025", "二〇二五", "ＯＯ", "O", "年", " ", "\u3000", "12",
                "十二", "一", "〔", "〕", "（", "(", "。", "\n", "对", "采取", "１２", "２０２５")


def test_order_refs_by_their_first_character_are_the_order_refs():
    """mfa.checks.ANY_ORDER_REF_RE asks first for a character every match opens with: the matches of the pattern without."""
    plain = re.compile(mfa_checks.ANY_ORDER_REF)
    rng = random.Random(46)
    texts = ["".join(rng.choice(ORDER_PIECES) for _ in range(rng.randrange(0, 30))) for _ in range(20000)]
    texts += [p.read_text("utf-8") for p in sorted(Path("tests/data/corpus").glob("mfa*/*.txt"))]
    assert len(texts) > 20050
    for text in texts:
        found = [(m.span(), m.group("n")) for m in mfa_checks.ANY_ORDER_REF_RE.finditer(text)]
        assert found == [(m.span(), m.group("n")) for m in plain.finditer(text)], text


INFO_PIECES = (">", "<", "发布", "发", "文", "字", "号", " ", "\u3000", "\t", "\n", "\x1c", "\x85", "\xa0", ":", "：", "td", "b",
               "文号", "文字号", "/", "公告")


def test_the_info_label_walk_is_the_words_and_the_label_searched():
    """article.info_label walks the page's 文 once: what the four words' scans and INFO_LABEL_RE's search of the page gave."""
    rng = random.Random(4646)
    for _ in range(40000):
        raw = "".join(rng.choice(INFO_PIECES) for _ in range(rng.randrange(0, 24)))
        expected = any(word in raw for word in article.INFO_NO_WORDS) and article.INFO_LABEL_RE.search(raw) is not None
        assert article.info_label(raw) is expected, repr(raw)
    for raw in ("<th>文号</th>", "<td><b>发文字号：</b></td>", "<label>文\u3000号：</label>", "<span> 发布文号 </span>", "x文号<"):
        assert article.info_label(raw) is (raw != "x文号<"), raw
