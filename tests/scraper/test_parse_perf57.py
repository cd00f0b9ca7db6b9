"""perf57 (session 57): cuts of the parser's instructions that change no reading (issue 11's parser row).

``textnorm.inner_blanks`` asked ``_prose_blank`` of every blank between two ideographs; its first test (the blank's line
holds "，" or "。" and no tab) is the same for every blank of a line, and a spaced heading ("不 可 靠 实 体 清 单 工 作 机 制")
has a dozen: ``_prose_blanks`` asks it once a line and searches on after a line that fails it. ``textnorm._holds`` asks
the line cut out with ``in``, not ``str.find`` bounded by the span. These tests hold the new path to the old one (kept
here as it was, ``_holds`` too) on the corpus, the bench's pages and random texts.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from scraper.parse import textnorm
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
