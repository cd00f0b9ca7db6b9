"""perf57 (session 57): cuts of the parser's instructions that change no reading (issue 11's parser row).

``textnorm.inner_blanks`` asked ``_prose_blank`` of every blank between two ideographs; its first test (the blank's line
holds "，" or "。" and no tab) is the same for every blank of a line, and a spaced heading ("不 可 靠 实 体 清 单 工 作 机 制")
has a dozen: ``_prose_blanks`` asks it once a line and searches on after a line that fails it. ``textnorm._holds`` asks
the line cut out with ``in``, not ``str.find`` bounded by the span. These tests hold the new path to the old one (kept
here as it was, ``_holds`` too) on the corpus, the bench's pages and random texts. ``entities.annex._entity_annexes``
made each line's last character twice (a 1-character string per line, for the footnote gate and the stop gate): once now,
again only after the footnote marks are taken out; held equal to the old function on the corpus's annexes and random ones.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from scraper.parse import textnorm
from scraper.parse.entities import annex
from scraper.parse.entities.annex import (
    FOOTNOTE_END_CHARS,
    FOOTNOTE_MARK_RE,
    LAST_CHAR,
    NOTES_OPEN,
    STOP_END_CHARS,
    _continued_rows,
    _country_first,
    _entity_annexes,
    _footnoted_branches,
    _ideographic_table,
    _items_annex_at,
    annex_start,
    stop_after_names_cut,
)
from scraper.parse.textnorm import (
    COMMA_BREAK_RE,
    INNER_BLANK_RE,
    INNER_BREAK_RE,
    _body_start,
    _comma_broken,
    _ideograph,
    _issuers_parted,
    _prose_blank,
    _sentence_broken,
    clean_and_fold,
    inner_blanks,
)

ROOT = Path(__file__).resolve().parents[2]


def old_holds(text: str, marks: tuple[str, ...], span: tuple[int, int]) -> bool:
    """``textnorm._holds`` as it was before perf57 (bd479626)."""
    start, end = span
    return text.find("\t", start, end) < 0 and any(text.find(mark, start, end) >= 0 for mark in marks)


def old_inner_blanks(text: str, folded: str) -> list[int]:
    """``inner_blanks`` as it was before perf57 (bd479626), with the old ``_holds``."""
    real = textnorm._holds
    textnorm._holds = old_holds
    try:
        return _old_inner_blanks(text, folded)
    finally:
        textnorm._holds = real


def _old_inner_blanks(text: str, folded: str) -> list[int]:
    body = _body_start(text)
    cuts = [at for m in INNER_BLANK_RE.finditer(folded, max(body, 1)) if _ideograph(folded[(at := m.start()) - 1])
            and _prose_blank(text, folded, at) and not _issuers_parted(folded, at)] if " " in folded else []
    cuts += [at for m in INNER_BREAK_RE.finditer(folded, body) if _sentence_broken(text, folded, at := m.start())]
    if ",\n" in folded:  # (pages57, session 57: a sentence going on after a line ending in "，", read alike)
        cuts += [at for m in COMMA_BREAK_RE.finditer(folded, body) for at in _comma_broken(text, folded, m)]
    return sorted(cuts)


def test_inner_blanks_are_the_old_ones_on_the_corpus() -> None:
    paths = [*sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt")), *sorted((ROOT / "fixtures" / "texts").glob("*.txt"))]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in paths]
    assert len(texts) > 1000
    cut = 0
    for text in texts:
        if " " not in text and "\u3000" not in text and "\n" not in text:
            continue
        clean, folded = clean_and_fold(text)
        want = old_inner_blanks(clean, folded)
        assert inner_blanks(clean, folded) == want, text[:80]
        cut += bool(want)
    assert cut > 20


def test_inner_blanks_are_the_old_ones_on_the_bench_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """The texts the bench's pages give ``close_inner_blanks`` (their spaced headings: the case the cut is for)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import parse as bench_parse
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from scraper.parse import draft, parse_document
    from storage.records import UnusablePage

    seen: list[tuple[str, str]] = []
    real = draft.close_inner_blanks

    def recording(text: str, folded: str) -> tuple[str, str]:
        seen.append((text, folded))
        return real(text, folded)

    monkeypatch.setattr(draft, "close_inner_blanks", recording)
    for url, raw, _, _ in bench_parse.load(ROOT / "fixtures"):
        try:
            parse_document(raw, url=url)
        except UnusablePage:
            pass
    assert len(seen) > 30 and sum(" " in folded for _, folded in seen) > 10
    for text, folded in seen:
        assert inner_blanks(text, folded) == old_inner_blanks(text, folded), text[:80]


PIECES = ["商", "务", "部", "公", "告", "实", "体", "清", "单", "第一条", "第二章", "对", "自", "经", "除外", "海关总署",
          "，", "。", ":", "：", " ", " ", " ", "\u3000", "\t", "\n", "\n", "2026年", "A", "a1", "（", "）"]


@pytest.mark.parametrize("seed", range(2))
def test_inner_blanks_are_the_old_ones_on_random_texts(seed: int) -> None:
    rng = random.Random(5700 + seed)
    for _ in range(3000):
        clean, folded = clean_and_fold("".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 60))))
        assert inner_blanks(clean, folded) == old_inner_blanks(clean, folded), clean


@pytest.mark.parametrize("seed", range(2))
def test_holds_is_the_old_one_on_random_spans(seed: int) -> None:
    rng = random.Random(5710 + seed)
    marks = [("，",), ("。",), ("，", "。"), ("，。",), ("ab",)]
    for _ in range(4000):
        text = "".join(rng.choice(PIECES + ["ab", "b"]) for _ in range(rng.randrange(0, 30)))
        start = rng.randrange(0, len(text) + 2)
        end = rng.randrange(0, len(text) + 3)
        for m in marks:
            assert textnorm._holds(text, m, (start, end)) == old_holds(text, m, (start, end)), (text, start, end, m)


def test_a_blank_where_the_text_breaks_its_line_ends_the_search() -> None:
    """``text`` and ``folded`` differing at a blank (a caller's pair, not ``fold``'s): the search still moves on."""
    text, folded = "标题\n商务\n部", "标题\n商务 部"
    assert textnorm.inner_blanks(text, folded) == old_inner_blanks(text, folded)


def old_entity_annexes(block: list[str]) -> list[str]:
    """``entities.annex._entity_annexes`` as it was before perf57 (bd479626)."""
    joined = "\n".join(block)
    pos = joined.find("附", len(block[0]) + 1) if block else -1
    while pos >= 0:
        start = joined.rfind("\n", 0, pos) + 1
        if pos - start < 4:
            i = joined.count("\n", 0, pos)
            if _items_annex_at(block, i):
                block, joined = block[:i], joined[: start - 1]
                break
        end = joined.find("\n", pos)
        pos = -1 if end < 0 else joined.find("附", end + 1)
    if not FOOTNOTE_END_CHARS.isdisjoint(map(LAST_CHAR, block)):
        if "子公司" in joined or "分支机构" in joined or "分公司" in joined:
            block = _footnoted_branches(block)
        block = [FOOTNOTE_MARK_RE.sub("", line) for line in block]
        joined = "\n".join(block)
    if not STOP_END_CHARS.isdisjoint(map(LAST_CHAR, block)):
        notes = next((i for i, line in enumerate(block) if line.lstrip().startswith(NOTES_OPEN)), len(block))
        block = [*map(stop_after_names_cut, block[:notes]), *block[notes:]]
        joined = "\n".join(block)
    block = _ideographic_table(block) if "\u3000" in joined else block
    if "\t" not in joined:
        return block
    if "\t序号" in joined or "\t编号" in joined or "\tNo" in joined:
        block = _country_first(block)
    return _continued_rows(block)


def test_entity_annexes_are_the_old_ones_on_the_corpus() -> None:
    """Every corpus text's lines from its annex heading (``annex_start``), and from each line holding 附 or a footnote mark."""
    paths = [*sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt")), *sorted((ROOT / "fixtures" / "texts").glob("*.txt"))]
    blocks = 0
    for path in paths:
        text = clean_and_fold(path.read_bytes().decode("utf-8", "replace"))[0]
        start = annex_start(text)
        if start is None:
            continue
        lines = text.split("\n")
        for block in (lines[start:], lines[start + 1 :]):
            assert _entity_annexes(list(block)) == old_entity_annexes(list(block)), path.name
            blocks += 1
    assert blocks > 300


ANNEX_LINES = ["附件", "附件2：相关两用物项清单", "1. 甲公司（Alpha Inc.）", "2. 乙公司（Beta Ltd.）。", "3. 丙公司（Gamma）①",
               "4. 丁公司（Delta）[2]", "① 包括其子公司戊公司（Epsilon LLC）。", "注：1. 第3项实体包括其分公司。", "5. 己（Zeta）；",
               "序号\t中文名称\t英文名称", "1\t甲公司\tAlpha", "国家\t序号\t中文名称", "", " ", "6. 庚公司\u3000Eta Inc.",
               "7. 辛公司（Theta）， ", "8. 壬公司（Iota）*", "子公司：癸公司（Kappa）、", "9. 丑公司（Lambda Co.）。②",
               "①包括其子公司甲公司（Alpha LLC）；、乙公司（Beta LLC）"]


@pytest.mark.parametrize("seed", range(2))
def test_entity_annexes_are_the_old_ones_on_random_blocks(seed: int) -> None:
    rng = random.Random(5720 + seed)
    for _ in range(2000):
        block = [rng.choice(ANNEX_LINES) for _ in range(rng.randint(1, 9))]
        assert annex._entity_annexes(list(block)) == old_entity_annexes(list(block)), block
