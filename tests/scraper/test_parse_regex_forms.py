"""The number and count regexes are written for sre's speed (optional groups as "(?:X|)", NUM with a
class first, a look-ahead on what a match can open with): on any text they find what their plain
forms find, match for match, with the same groups."""

from __future__ import annotations

import random
import re

import pytest

from scraper.parse import entities, number
from scraper.parse.entities import COUNT_PHRASE_RE, COUNTRY_ALT, ENTITY_NOUN
from scraper.parse.entities import prose as entities_prose
from scraper.parse.number import CO_ISSUER, UEL_NAME
from scraper.parse.textnorm import NUM, YEAR, fold

# The plain forms, as the patterns were written before they were shaped for sre.
PLAIN_MORE = rf"(?P<more>(?:\s*(?:[、,和及与]|以及)\s*(?:公告\s*)?(?:第\s*)?{NUM}\s*号)*)"
PLAIN = {
    "YEAR_NUMBER_RE": (
        rf"(?P<pre>(?:中华人民共和国)?商务部(?P<co>(?:\s*[、和]?\s*{CO_ISSUER})*)\s*(?P<pk>公告|令)"
        rf"|{UEL_NAME}\s*(?P<uk>公告)|(?P<bare>公告|令))?"
        rf"\s*(?:\(\s*)?(?P<y>{YEAR})\s*年\s*(?:度\s*)?第\s*(?P<n>{NUM})\s*号\s*(?:\))?"
        rf"{PLAIN_MORE}(?P<post>\s*(?:公告|令))?"
    ),
    "BRACKET_NUMBER_RE": (
        rf"(?:(?P<pre>{UEL_NAME}\s*(?:公告)?)|(?P<mpre>(?:中华人民共和国)?商务部(?P<mco>(?:\s*[、和]?\s*{CO_ISSUER})*)\s*(?P<mk>公告|令)))?"
        rf"\s*[〔\[【(]\s*(?P<y>{YEAR})\s*[〕\]】)]\s*(?:第\s*)?(?P<n>{NUM})\s*号{PLAIN_MORE}"
    ),
    "YEAR_NO_RE": r"年\s*(?:度\s*)?第",
    "FILING_NO_RE": r"【\s*(?:发布)?文\s*号\s*】\s*([^\n【]+)|发布文号\s*[:：]\s*([^\n]+)|文号\s*[:：]\s*([^\n]+)",
    "PLAIN_OWN_RE": (
        rf"商务部(?P<co> 海关总署)?(?P<kind>公告|令)(?P<y>\d{{4}})年第(?P<n>\d{{1,4}})号"
        rf"|{UEL_NAME}(?:公告)?〔(?P<uy>\d{{4}})〕(?P<un>\d{{1,4}})号"
    ),
}
PLAIN_COUNT = rf"(?P<n>{NUM})\s*[家名]\s*(?P<c>{COUNTRY_ALT})?\s*(?:的)?\s*(?P<q>[\u4e00-\u9fff]{{0,12}}?){ENTITY_NOUN}"

PIECES = ["中华人民共和国", "中华", "商务部", "商务", "海关总署", " 海关总署", "国家发展和改革委员会", "工业和信息化部", "、", "和",
          "公告", "令", "不可靠实体清单工作机制", "不可靠实体", "(", ")", "〔", "〕", "[", "]", "【", "】", "2025", "202", "12345",
          "二〇二五", "二〇", "O", "〇", "○", "年", "度", "第", "21", "7", "二十一", "百", "两", "号", ",", "以及", "及", "与", " ",
          "\u3000", "\n", "。", "\u0663", "０", "发布", "文", "文号", ":", "：", "家", "名", "名单", "美国", "日本", "台湾地区",
          "的", "实体", "企业", "个人", "子公司", "韩华海洋株式会社", "将", "列入", "甲"]
# Whole parts of numbers and counts, so that matches are common.
PARTS = ["(2025年第", " (2025年第", "( 二〇二五年度第", "〔2025〕", "不可靠实体清单工作机制〔2025〕", "〔2025〕7号", "商务部公告〔2025〕7号", "[2025]", "(2025)", "2025年第", "2025年度第", "二〇二五年第", "7号", "第7号", "、第8号", "和9号", "号令",
         "商务部公告", "商务部令", "商务部 海关总署公告", "不可靠实体清单工作机制公告", "公告2025年第21号", "【发布文号】",
         "发布文号：", "文 号:", "商务部公告2025年第21号", "商务部 海关总署令2025年第7号", "16家", "5名", "两家", "美国实体", "的5家", "12345家"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(rng.choice((PIECES, PARTS))) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def _found(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None], tuple[str | None, ...]]]:
    return [(m.span(), m.groupdict(), m.groups()) for m in regex.finditer(text)]


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("name", sorted(PLAIN))
def test_number_regexes_find_what_their_plain_forms_find(name, seed):
    shaped, plain = getattr(number, name), re.compile(PLAIN[name])
    matched = 0
    for text in _texts(seed, 6000):
        found = _found(shaped, text)
        assert found == _found(plain, text), text
        matched += bool(found)
        # finditer from a place, as ``_piece_matches`` runs it on a piece
        assert _found(shaped, text[3:]) == _found(plain, text[3:]), text
    assert matched > 200


@pytest.mark.parametrize("seed", range(2))
def test_count_regex_finds_what_its_plain_form_finds(seed):
    plain = re.compile(PLAIN_COUNT)
    matched = 0
    for text in _texts(seed, 6000):
        found = _found(entities.COUNT_RE, text)
        assert found == _found(plain, text), text
        matched += bool(found)
    assert matched > 150


class _Marked(str):
    """The folded segment prose_entities checks for the shortcut (slices of it are plain strings)."""


class _CountOffMarked:
    """COUNT_PHRASE_RE, but matching nothing on the marked segment: the shortcut is never taken."""

    def match(self, text: str) -> re.Match[str] | None:
        return None if isinstance(text, _Marked) else COUNT_PHRASE_RE.match(text)


@pytest.mark.parametrize("seed", range(2))
def test_prose_segment_that_is_a_count_reads_what_the_item_reading_reads(seed, monkeypatch):
    """prose_entities returns [] at once for a segment that opens with a count and has no "、" or ")" to
    cut at ("20家日本实体"): what reading it item by item gives (one item, a count, no name)."""
    rng = random.Random(seed)
    pieces = ["20", "5", "二十", "家", "名", " ", "日本", "美国", "实体", "子公司", "的", "韩华海洋株式会社", "、", "（A）",
              "（", "）", "和", "等", "甲公司", "Alpha", "上述", "、甲公司", "、乙集团"]
    segs = []
    for _ in range(6000):
        count = rng.choice(["20家", "5名", " 二十 家", "韩华海洋株式会社的5家"]) if rng.random() < 0.5 else ""
        segs.append(count + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))))
    fast = [entities.prose_entities(seg) for seg in segs]
    strip = entities_prose._strip_qualifier
    monkeypatch.setattr(entities_prose, "_strip_qualifier", lambda seg, folded: (lambda s, f: (s, _Marked(f)))(*strip(seg, folded)))
    monkeypatch.setattr(entities_prose, "COUNT_PHRASE_RE", _CountOffMarked())
    taken = 0
    for seg, found in zip(segs, fast):
        assert entities.prose_entities(seg) == found, seg
        _, cut = strip(*(lambda f: (f, f))(fold(seg)))  # the shortcut's test, summary aside
        taken += "、" not in cut and ")" not in cut and bool(COUNT_PHRASE_RE.match(cut))
    assert taken > 1000


ANNEX_PIECES = ["1. ", "12．", "３、", "(1)", "（2）", " ", "\u3000", "\t", "甲公司", "（Alpha Inc.）", "(Beta)", "-", "－", "—", "–",
                "•", "·", "一、", "十", "根据", "2025年1月2日", "附件", "。", "，", "Alpha", "29.", "3.5", "x"]


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("cn", [False, True])
def test_annex_line_regex_finds_what_its_plain_form_finds(cn, seed):
    """The look-ahead after each line's "\\n" only turns away lines neither branch can take."""
    plain = re.compile(rf"\n(?P<line>{entities.PLAIN_LINE}|{entities.CANDIDATE_LINES[cn]})", re.MULTILINE)
    rng = random.Random(seed)
    found = 0
    for _ in range(1500):
        lines = ["".join(rng.choice(ANNEX_PIECES) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 8))]
        text = "\n" + "\n".join(lines)
        fast = entities.ANNEX_LINE_RES[cn].findall(text)
        assert fast == plain.findall(text), lines
        found += len(fast)
    assert found > 1500
