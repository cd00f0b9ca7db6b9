"""perf54: ``rules.checks.tallies.counts_stated_apart`` (count52's check, the session's costliest new row) counts the decision's
counts from its 家 (``tallies._counted_at``) before asking HEAD_COUNT_RE of it, and looks for the 【标题】 line's two
words with one search.

The decision sentence of every listing whose count agrees was searched whole by HEAD_COUNT_RE (a pattern opening with a
numeral: tried at every numeral of the sentence, a list of matches built) only to learn whether it holds one count (then
``count_parts`` reads it) or several (summed where joined). Each match ends at a 家 with a numeral before it, blanks
aside, so counting those 家 says the same; the pattern is asked only of a sentence with two or more. Nothing read
changes: the tests below hold the check's readings, and the gates themselves (break-checked: each fails with its gate
reverted).
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from scraper.parse import notice, parse_document, rules
from scraper.parse.draft import Draft, Source
from scraper.parse.rules.checks import tallies
from scraper.parse.textnorm import NUM, fold, holds
from storage.records import UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

TITLE = "商务部公告2027年第31号\n关于将3家美国实体列入出口管制管控名单的公告\n"
DECISION = ("根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，商务部决定将北辰导航公司等{n}美国实体"
            "列入出口管制管控名单，禁止向其出口两用物项。\n本公告自公布之日起正式实施。\n")
ANNEX = ("附件：出口管制管控名单\n1.北辰导航公司（Northstar Navigation Corporation）\n2.赤岩动力公司（Red Rock Dynamics Inc.）\n"
         "3.蓝湾系统公司（Blue Bay Systems LLC）\n商务部\n2027年3月2日\n")


class _Finds:
    """The real HEAD_COUNT_RE, its ``finditer`` calls counted (every other attribute the pattern's own)."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.asked = 0

    def finditer(self, *args: Any) -> Any:
        self.asked += 1
        return self.real.finditer(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.fixture
def finds(monkeypatch: pytest.MonkeyPatch) -> _Finds:
    spy = _Finds(tallies.HEAD_COUNT_RE)
    monkeypatch.setattr(tallies, "HEAD_COUNT_RE", spy)
    return spy


@pytest.mark.parametrize(("count", "held"), [("3家", False), ("2家", True), ("三家", False)])
def test_a_decision_with_one_count_is_read_without_the_pattern(finds: _Finds, count: str, held: bool) -> None:
    """"等3家美国实体" (国家 in the same sentence is no count): read by ``count_parts`` as before, at odds with the title's
    3 held as before (count52), and HEAD_COUNT_RE not asked of the sentence (break-checked: it was, once a text)."""
    text = (TITLE + DECISION.format(n=count) + ANNEX).encode("utf-8")
    if held:
        with pytest.raises(UnusablePage) as raised:
            parse_document(text)
        assert raised.value.reason == "needs-review"
        assert "the notice states 3 entities and 3 are read, where its decision says 2" in str(raised.value)
    else:
        notice = parse_document(text).notice
        assert notice is not None and not notice.warnings and notice.stated_count == len(notice.entities) == 3
    assert finds.asked == 0


def test_a_decision_with_counts_joined_is_summed_as_before(finds: _Finds) -> None:
    """"2家美国实体和1家日本实体" (parse21/03's reading): two counts, the pattern asked, summed to the title's 3."""
    text = TITLE + DECISION.format(n="2家").replace("美国实体", "美国实体和北辰东京公司1家日本实体", 1) + ANNEX
    assert tallies._said_in(fold(text.split("\n")[2])) == 3
    assert finds.asked == 1


def _matches(text: str) -> int:
    return min(2, len(list(tallies.HEAD_COUNT_RE.finditer(text))))


def test_counting_from_the_jia_agrees_with_the_pattern() -> None:
    """``_counted_at`` gives HEAD_COUNT_RE's number of matches (2 for more) on random texts of numerals, blanks (full-width,
    a line's end), 家 and other words, and on every corpus text: the gate says what the pattern would."""
    rng = random.Random(54)
    alphabet = ["家", "国家", "1", "１２", "٣", "二", "两", "百", "十", " ", "\u3000", "\n", "\t", "名", "甲", "a", "共"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    texts += [fold(p.read_bytes().decode("utf-8", "replace")) for p in sorted(CORPUS.glob("*/*.txt"))]
    for text in texts:
        assert tallies._counted_at(text) == _matches(text), text


def test_the_numerals_are_nums() -> None:
    """HEAD_NUMERALS are NUM's Chinese numerals (its other branch is \\d), so the gate and the pattern count the same."""
    classes = re.findall(r"\[([^\]]+)\]", NUM)
    assert classes == [tallies.HEAD_NUMERALS]


class _Folded(str):
    """A folded text whose ``find`` calls and the words asked of it by ``in`` are counted."""

    found = 0
    asked: list[str] = []

    def find(self, *args: Any) -> int:
        type(self).found += 1
        return super().find(*args)

    def __contains__(self, word: object) -> bool:
        type(self).asked.append(str(word))
        return super().__contains__(str(word))


def test_a_text_with_no_title_line_is_searched_once() -> None:
    """No 标题 in the text: one look for its rarer character 标 (``textnorm.holds``), no ``find`` of either word
    (break-checked: two finds; with ``"标题" in folded`` the word is asked whole, a slower scan of a text lacking it); a
    【标题】 line and a table's "标题:" are still read."""
    _Folded.found, _Folded.asked = 0, []
    assert tallies._header_title(_Folded("商务部公告\n关于…的公告\n")) == ""
    assert _Folded.found == 0 and _Folded.asked == ["标"]
    assert tallies._header_title("索引号:1\n【标题】关于将8家美国实体列入…的公告\n正文") == "关于将8家美国实体列入…的公告"
    assert tallies._header_title("标题:关于将8家美国实体列入…的公告") == "关于将8家美国实体列入…的公告"


def _check(name: str) -> Callable[[Source, Draft], str | None]:
    found: Callable[[Source, Draft], str | None] = next(c for c in rules.CHECKS if c.__name__ == name)
    return found


def _home(name: str) -> ModuleType:
    """The module defining the check ``name`` (``rules/checks.py``, or a module of its package since split52)."""
    return sys.modules[_check(name).__module__]


def _read(monkeypatch: pytest.MonkeyPatch) -> tuple[Source, Draft]:
    """The Source and Draft the checks see for a listing of three (one step, no 延长, 分别, suspension or 如 near it)."""
    seen: list[tuple[Source, Draft]] = []
    tables = notice.RUN_TABLES

    def grab(src: Source, d: Draft) -> Any:
        seen.append((src, d))
        return tables(src, d)

    monkeypatch.setattr(notice, "RUN_TABLES", grab)
    parse_document((TITLE + DECISION.format(n="3家") + ANNEX).encode("utf-8"))
    monkeypatch.setattr(notice, "RUN_TABLES", tables)
    assert len(seen) == 1 and len(seen[0][1].drafts) == 1
    return seen[0]


@pytest.mark.parametrize(("name", "word"), [("unread_extended_period", "延长"), ("unread_each_one_end", "分别")])
def test_a_check_asks_its_word_by_its_rare_character(monkeypatch: pytest.MonkeyPatch, name: str, word: str) -> None:
    """The word gating the check is looked for by ``textnorm.holds`` (its rarer character first: 延, 别), not by a whole
    scan for the word of a text lacking it (~300 ns a page each; perf54; break-checked: ``word in folded`` asks no holds)."""
    src, d = _read(monkeypatch)
    asked: list[str] = []
    monkeypatch.setattr(_home(name), "holds", lambda text, w: (asked.append(w), holds(text, w))[1])
    assert _check(name)(src, d) is None
    assert word in asked


class _Kinds:
    """``ActionKind`` with its members' look-ups counted."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.looked: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.looked.append(name)
        return getattr(self.real, name)


def test_the_loose_lift_asks_no_member_per_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """``unread_loose_lift_at_end`` finds a text's suspensions and extensions against a tuple made once (TERM_STEPS), no
    ``ActionKind.X`` looked up for each step of every text (the enum's look-up is slow on 3.11; perf54; break-checked)."""
    src, d = _read(monkeypatch)
    home = _home("unread_loose_lift_at_end")
    kinds = _Kinds(home.ActionKind)
    monkeypatch.setattr(home, "ActionKind", kinds)
    assert _check("unread_loose_lift_at_end")(src, d) is None
    assert kinds.looked == []


def test_a_step_with_no_if_near_it_reads_no_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """``conditional_step``'s look for a bare 如 before a step: none within IF_REACH, no sentence bounds are read (perf54;
    break-checked: they were, for every step of a text holding 如 anywhere); one within it is found as before (review62)."""
    home = _home("conditional_step")
    starts: list[int] = []
    real = home.sentence_start
    monkeypatch.setattr(home, "sentence_start", lambda folded, at: (starts.append(at), real(folded, at))[1])
    far = "具体如下:\n" + "商务部决定" + "，对有关实体" * 20 + "暂停实施相关措施。"
    assert home._if_clause_before(far, far.index("暂停")) is None
    assert starts == []
    near = fold("商务部决定，如北方海岸电子公司配合完成核查，将其移出关注名单。")
    assert home._if_clause_before(near, near.index("将其")) == "如北方海岸电子公司配合完成核查,"
