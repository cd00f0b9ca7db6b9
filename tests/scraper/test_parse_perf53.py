"""perf53: ``rules.named.stated_count`` asks for a closing total line ("合计：3家") only where a line can open with its
words (``named.total_line_opens``, perf52's test of it: ``test_parse_perf52``), as ``counts_at_odds`` does.

A listing stating no count in its title or decision, with 共 or 计 anywhere, was searched whole by TOTAL_LINE_RE, whose
``^`` has no first character (every position tried): 71 of the 2,771 corpus texts, 17 us each, a line found in 3 (the 3
the gate lets through). The line is still read where it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from scraper.parse import parse_text
from scraper.parse.rules import named
from scraper.parse.rules.checks import tallies
from scraper.parse.textnorm import fold

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

HEAD = ("商务部公告2027年第31号\n关于将美国实体列入出口管制管控名单的公告\n"
        "根据《中华人民共和国出口管制法》等法律法规有关规定，商务部决定将附件所列美国实体列入出口管制管控名单，"
        "禁止向其出口两用物项，共同维护国家安全。\n本公告自公布之日起正式实施。\n附件：出口管制管控名单\n"
        "1.北辰导航公司（Northstar Navigation Corporation）\n2.赤岩动力公司（Red Rock Dynamics Inc.）\n"
        "3.蓝湾系统公司（Blue Bay Systems LLC）\n")
SIGNED = "商务部\n2027年3月2日\n"


class _Searches:
    """The real TOTAL_LINE_RE, its searches counted (every other attribute the pattern's own)."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.searched = 0

    def search(self, *args: Any) -> re.Match[str] | None:
        self.searched += 1
        found: re.Match[str] | None = self.real.search(*args)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> _Searches:
    spy = _Searches(named.TOTAL_LINE_RE)
    monkeypatch.setattr(named, "TOTAL_LINE_RE", spy)
    return spy


def test_a_listing_with_no_total_line_is_not_searched_for_one(searches: _Searches) -> None:
    """No count in the title or the decision, 共 in "共同": nothing to find, nothing searched (break-checked: the search ran
    before the gate)."""
    record = parse_text(HEAD + SIGNED)
    assert record is not None and record.stated_count is None and len(record.entities) == 3
    assert searches.searched == 0


@pytest.mark.parametrize(("line", "searched"), [("合计：3家", 1), ("共3家", 1), ("总计：三家", 1), ("（以上共计3家实体）", 0)])
def test_a_closing_total_line_is_read_as_before(searches: _Searches, line: str, searched: int) -> None:
    """The annex's closing line gives the count (session 45, audit45/12-13): a line opening with its words is searched
    for (the last, "3家实体", is read as a count in prose before any search)."""
    record = parse_text(HEAD + line + "\n" + SIGNED)
    assert record is not None and record.stated_count == 3 and len(record.entities) == 3 and not record.warnings
    assert searches.searched == searched


def test_an_annex_with_no_count_after_its_heading_is_not_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """count52's ``counts_stated_apart`` read each annex heading's next lines for a count (``tallies._annex_heads``: about a
    third of the check, ~30,000 instructions a page of bench/parse.py); where no 家 follows the first annex word opening a
    line, no heading can hold one (HEAD_COUNT_RE's 家), and none is read (break-checked: the heads were read)."""
    read: list[str] = []
    heads = tallies._annex_heads
    monkeypatch.setattr(tallies, "_annex_heads", lambda folded: (read.append(folded), heads(folded))[1])
    counted = HEAD.replace("附件所列美国实体", "附件所列3家美国实体")
    record = parse_text(counted + SIGNED)
    assert record is not None and record.stated_count == 3 and len(record.entities) == 3 and not read
    record = parse_text(counted.replace("出口管制管控名单\n", "出口管制管控名单（3家）\n") + SIGNED)
    assert record is not None and record.stated_count == 3 and not record.warnings and read


def test_the_annex_gate_closes_only_where_no_heading_counts() -> None:
    """On every corpus text: where the gate closes (no annex word opening a line, or no 家 after the first), the headings
    read state no count, so the check's answer is the one it gave reading them."""
    closed = 0
    for path in sorted(CORPUS.glob("*/*.txt")):
        folded = fold(path.read_bytes().decode("utf-8", "replace"))
        first = tallies._first_annex_line(folded)
        if first < 0 or folded.find(tallies.COUNTED, first) < 0:
            closed += 1
            assert not any(tallies._annex_heads(folded).values()), path
    assert closed > 100
