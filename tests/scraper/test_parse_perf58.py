"""perf58 (session 58): cuts of the parser's instructions that change no reading (issue 11's parser row).

``any(text.find(w, start, end) >= 0 for w in words)`` stood at twenty sites of ``scraper/parse``: a generator and, per
word, a ``str.find`` given bounds (in CPython 3.11 its arguments are parsed as a tuple, ~1,300 instructions a call against
~200 for ``in``). ``textnorm.any_within`` cuts the span once and asks each word with ``in``; these tests hold it to the
old expression (kept here) on random texts and bounds (negative, past the end, reversed), on the corpus's texts with the
sites' own words, and hold every site's words non-empty (an empty word is where the two would differ: ``"" in ""``).

Found on the way (class A, fixed): an MFA decision's measures on a later day told with no 起 after a comma or with 将
("中方决定，在2029年4月1日对X（x）采取…", "中方决定，将于2029年6月15日对X（x）采取…") were in force from the decree's own day,
silently: ``mfa.decision.DECIDED_ON_GATE`` lacked "决定,在", "决定,自", "决定,从" (and blanks), and 将 before a day was taken
for the object's marker, the name read as "于2029年6月15日对X" (``tests/data/corpus/perf58/``).
"""

from __future__ import annotations

import importlib
import random
from pathlib import Path

import pytest

from scraper.parse.textnorm import any_within, clean_and_fold
from storage.records import ActionKind
from tests.scraper.corpus_cases import read

ROOT = Path(__file__).resolve().parents[2]

# The words each site asks (module, constant): every tuple ``any_within`` is given in ``scraper/parse``.
SITES = (
    ("actions.tense", "DECIDED_BEFORE"), ("actions.targets", "DECIDED_BEFORE"), ("actions.targets", "SHORT_ENDS"),
    ("actions.targets", "FOLLOWING"), ("actions.clauses", "TOPIC_OPENERS"), ("rules.checks.starts", "MOVE_WORDS"),
    ("rules.checks.notices", "SAME_STEP_WORDS"), ("rules.checks.notices", "VAGUE_WORDS"), ("rules.recaps", "END_WORDS"),
    ("rules.recaps", "ANCHORS"), ("rules.checks.targets", "OTHERS_WORDS"), ("rules.checks.targets", "NAMED_AFTER"),
    ("rules.checks.terms", "MEASURES_NAMED"), ("rules.checks.terms", "DAY_JOINERS"),
    ("rules.checks.terms", "SHARED_TERM_WORDS"), ("rules.checks.answers", "TOLD_STEP_WORDS"),
    ("rules.checks.corrections", "AFFILIATE_WORDS"), ("page", "LISTED_WORDS"),
)


def old_any_within(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """The expression each site held before perf58 (42f8f4e8)."""
    return any(text.find(w, start, end) >= 0 for w in words)


def site_words() -> list[tuple[str, ...]]:
    out = []
    for module, name in SITES:
        words = getattr(importlib.import_module(f"scraper.parse.{module}"), name)
        assert isinstance(words, tuple), (module, name)
        out.append(words)
    return out


def test_every_site_asks_words_none_empty() -> None:
    """Where ``any_within`` and the old expression are equal: no empty word (``"ab".find("", 3, 1)`` is -1)."""
    for words in site_words():
        assert words and all(isinstance(w, str) and w for w in words), words


def test_every_site_calls_any_within() -> None:
    """The sites named in SITES pass their words to ``any_within`` (a site dropped or renamed fails here)."""
    for module, name in SITES:
        source = (ROOT / "scraper" / "parse" / (module.replace(".", "/") + ".py")).read_text("utf-8")
        assert f", {name}, " in source and "any_within(" in source, (module, name)
    sources = "".join(p.read_text("utf-8") for p in (ROOT / "scraper" / "parse").rglob("*.py"))
    assert sources.count("any_within(") >= 22  # 21 calls and the definition


PIECES = ["决定", "宣布", "号", "相关措施", "暂停", "同日", "，", ",", "。", ";", "\n", " ", "至", "届满", "对", "其中",
          "中", "a", "b", "ab", "商务部", "公告"]


@pytest.mark.parametrize("seed", range(2))
def test_any_within_is_the_old_expression_on_random_texts(seed: int) -> None:
    rng = random.Random(5800 + seed)
    words_list = [*site_words(), ("a",), ("ab", "b"), ("，",)]
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 25)))
        n = len(text)
        start, end = rng.randint(-n - 3, n + 3), rng.randint(-n - 3, n + 3)
        words = rng.choice(words_list)
        assert any_within(text, words, start, end) == old_any_within(text, words, start, end), (text, words, start, end)


def test_any_within_is_the_old_expression_on_the_corpus() -> None:
    """Each corpus text folded, every site's words, spans at random (a sentence's length and the whole text)."""
    paths = sorted((ROOT / "tests" / "data" / "corpus").rglob("*.txt"))
    assert len(paths) > 1000
    rng = random.Random(5810)
    words_list = site_words()
    found = 0
    for path in paths[::8]:
        folded = clean_and_fold(path.read_bytes().decode("utf-8", "replace"))[1]
        n = len(folded)
        for words in words_list:
            start = rng.randrange(0, n + 1)
            for a, b in ((start, start + rng.randrange(0, 200)), (0, n)):
                want = old_any_within(folded, words, a, b)
                assert any_within(folded, words, a, b) == want, (path.name, words, a, b)
                found += want
    assert found > 200


DECREE = ("关于对有关人员采取反制措施的决定\n2029-03-12 10:00\n\n（2029年3月12日中华人民共和国外交部令第140号公布，自2029年3月12日起施行）"
          "\n\n依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定{told}对约翰·沃克（John Walker）"
          "采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n\n二、禁止我国境内的组织、个人与其进行有关交易、合作等活动。"
          "\n\n本决定自2029年3月12日起施行。\n\n外交部\n2029年3月12日\n")


def test_measures_on_a_later_day_told_after_a_comma_or_with_jiang_start_that_day() -> None:
    """The ways a day with no 起 stands between 决定 and 对: each in force from that day, the person named as written."""
    for told in ("，在2029年4月1日", "，自2029年4月1日", "，从2029年4月1日开始", "，于2029年4月1日", " 在2029年4月1日",
                 "，将于2029年4月1日", "将于2029年4月1日", "将在2029年4月1日", "，将自2029年4月1日", "于2029年4月1日"):
        rec = read(DECREE.format(told=told))
        assert [(a.action, a.effective) for a in rec.actions] == [(ActionKind.IMPOSE, "2029-04-01")], told
        assert [(e.zh, e.en) for e in rec.entities] == [("约翰·沃克", "John Walker")], told
    for told in ("", "，", "，自即日起"):  # no later day: the decree's own
        rec = read(DECREE.format(told=told))
        assert [(a.effective, [e.zh for e in rec.entities]) for a in rec.actions] == [("2029-03-12", ["约翰·沃克"])], told
