"""perf55 (session 53): cuts of the parser's instructions that change no reading (issue 11's parser row).

``rules.SKIPS``: the runner (``notice.compile_tables``) asks a check's own first condition of the Draft inline and calls
the check only where it does not hold. Each row must be the condition the check's first statement returns None on, as
written there: then skipping the call gives what the call gave (None). These tests hold every row to its check's
source, and the real runner (``notice.RUN_TABLES``) to not calling a check whose condition holds.
"""

from __future__ import annotations

import ast
import inspect
import random
import textwrap
from pathlib import Path
from typing import Any

import pytest

from scraper.parse import notice, rules
from scraper.parse.draft import Draft, PageHints, read_source
from scraper.parse.mfa import checks
from scraper.parse.notice import parse_text
from scraper.parse.textnorm import fold

# What a condition may name: the Draft, and what ``compile_tables`` puts beside the checks in the runner's namespace.
NAMES = {"d", "len", "any", "ActionKind", "ListKind"}

NOTICE = ("商务部公告2026年第301号\n"
          "根据《中华人民共和国出口管制法》有关规定，商务部决定，自2026年12月20日起，暂停实施商务部公告2026年第201号相关措施，"
          "暂停期限为1年。\n本公告自2026年12月20日起正式实施。\n商务部\n2026年12月15日")


def _first_statement(check: Any) -> ast.stmt:
    fn = ast.parse(textwrap.dedent(inspect.getsource(check))).body[0]
    assert isinstance(fn, ast.FunctionDef)
    body = fn.body[1:] if isinstance(fn.body[0], ast.Expr) and isinstance(fn.body[0].value, ast.Constant) else fn.body
    return body[0]


@pytest.mark.parametrize("check", sorted(rules.SKIPS, key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_each_skip_is_its_checks_first_condition(check: Any) -> None:
    """``if <condition>: return None`` opens the check (after its docstring), the condition the row's, as parsed."""
    first = _first_statement(check)
    assert isinstance(first, ast.If) and not first.orelse and len(first.body) == 1, check.__name__
    back = first.body[0]
    assert isinstance(back, ast.Return) and (back.value is None or isinstance(back.value, ast.Constant)
                                             and back.value.value is None), check.__name__
    row = ast.parse(rules.SKIPS[check], mode="eval").body
    assert ast.dump(row) == ast.dump(first.test), check.__name__
    bound = {n.id for n in ast.walk(row) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    assert {n.id for n in ast.walk(row) if isinstance(n, ast.Name)} - bound <= NAMES, check.__name__
    assert check in rules.CHECKS


def test_the_compiled_runner_asks_the_skip_before_the_call() -> None:
    """A check with a row is called only where its condition does not hold; one without is always called."""
    calls: list[str] = []

    def answer_only(src: Any, d: Draft) -> str | None:
        calls.append("answer_only")
        return "a" if d.qa else None

    def always(src: Any, d: Draft) -> str | None:
        calls.append("always")
        return "b"

    run = notice.compile_tables([("qa", lambda s, d: d.qa)], [], [answer_only, always], {answer_only: "not d.qa"})
    src = read_source("x", PageHints())
    assert run(src, Draft()) == ("b",) and calls == ["always"]
    calls.clear()
    assert run(src, Draft(qa=True)) == ("a", "b") and calls == ["answer_only", "always"]


def test_the_real_runner_skips_an_answers_check_on_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    """``notice.RUN_TABLES`` does not call ``unread_answer_step`` (its row: ``not d.qa``) on a notice, nor
    ``unread_range`` (``len(d.refs) < 2``) on a text naming one notice; it calls ``unread_start`` (``not d.drafts or
    d.published is None``) on a notice with a step and a day. (Reverted, ``compile_tables`` called without
    ``rules.SKIPS``, the first two are called.)"""
    space = notice.RUN_TABLES.__globals__  # the runner's namespace: checkN is CHECKS[N]
    called: list[str] = []
    for i, check in enumerate(rules.CHECKS):
        if check.__name__ in ("unread_answer_step", "unread_range", "unread_start"):
            def spy(src: Any, d: Draft, check: Any = check) -> str | None:
                called.append(check.__name__)
                return check(src, d)  # type: ignore[no-any-return]
            assert space[f"check{i}"] is check
            monkeypatch.setitem(space, f"check{i}", spy)
    d = Draft()
    warnings = notice.RUN_TABLES(read_source(NOTICE, PageHints()), d)
    assert warnings is not None and not d.qa and len(d.refs) == 1 and d.drafts and d.published is not None
    assert called == ["unread_start"]


def test_skips_change_no_reading() -> None:
    """The runner with the rows and the loop over the tables (every check called) give the same warnings and fields on
    a notice and an answer (tests/scraper/test_parse_views.py compares them on random texts)."""
    answer = "问：请问商务部是否将恢复实施相关措施？\n答：经研究，商务部决定，自2026年12月20日起恢复实施商务部公告2026年第201号相关措施。"
    for text in (NOTICE, answer):
        src = read_source(text, PageHints())
        d1, d2 = Draft(), Draft()
        assert notice.RUN_TABLES(src, d1) == notice.run_tables(read_source(text, PageHints()), d2)
        assert {f: getattr(d1, f) for f in Draft.__slots__} == {f: getattr(d2, f) for f in Draft.__slots__}


# ``mfa.checks.order_refs``: ANY_ORDER_REF_RE's matches found from each 第N号 back, no look at every character.

ORDER_ATOMS = ("外交部令", "商务部令", "外交部", "商务部", "第", "号", "令", "年", "2025", "２０２５", "二〇二五", "O", "Ｏ", "12", "十二",
               "三", " ", "\u3000", "\n", "和", "、", "公告", "外交部令第", "第3号", "7", "〔", "〕", "根据")


def _refs(found: Any) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group("n")) for m in found]


def test_order_refs_are_the_patterns_matches_on_the_corpus() -> None:
    """On every corpus text and fixture page, as written and folded, the matches ``finditer`` gives, in order."""
    root = Path(__file__).resolve().parents[2]
    paths = [*sorted((root / "tests" / "data" / "corpus").rglob("*.txt")), *sorted((root / "fixtures" / "texts").glob("*.txt"))]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in paths]
    assert len(texts) > 1000
    named = 0
    for text in texts:
        if "令" not in text:  # every match holds a 令 (of 外交部令, 商务部令, "第N号令"), as in the fold: none here
            assert checks.order_refs(text) == []
            continue
        for view in (text, fold(text)):
            want = _refs(checks.ANY_ORDER_REF_RE.finditer(view))
            assert _refs(checks.order_refs(view)) == want, view[:80]
            named += bool(want)
    assert named > 50


@pytest.mark.parametrize("seed", range(2))
def test_order_refs_are_the_patterns_matches_on_random_texts(seed: int) -> None:
    """Decree names, years (digits of any width, Chinese, O), 第, numbers, 号, blanks and line ends run together."""
    rng = random.Random(seed)
    found = 0
    for _ in range(8000):
        text = "".join(rng.choice(ORDER_ATOMS) for _ in range(rng.randint(1, 14)))
        want = _refs(checks.ANY_ORDER_REF_RE.finditer(text))
        assert _refs(checks.order_refs(text)) == want, text
        found += len(want)
    assert found > 200


def test_partly_read_finds_other_orders_without_a_scan_of_every_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """``partly_read`` reads the orders a decree names through ``order_refs`` (ANY_ORDER_REF_RE matched at a few places),
    never its ``finditer`` over the text; the reading is the same. (Reverted, the finditer is asked and this fails.)"""
    text = ("商务部令2026年第9号 关于暂停实施商务部令2026年第4号的决定\n商务部令\n2026年第9号\n"
            "商务部决定，自2026年12月20日起，暂停实施《关于对某公司采取反制措施的决定》（商务部令2026年第4号）相关措施1年。\n"
            "本决定自2026年12月20日起施行。\n商务部\n2026年12月15日")
    record = parse_text(text)
    assert record is not None
    want = checks.partly_read(record, record.text)
    assert [m.group("n") for m in checks.order_refs(record.text)] == ["9", "4", "9", "4"]

    real = checks.ANY_ORDER_REF_RE

    class Proxy:
        pattern = real.pattern

        def match(self, *args: Any) -> Any:
            return real.match(*args)

        def finditer(self, *args: Any) -> Any:
            raise AssertionError("ANY_ORDER_REF_RE.finditer asked")

    monkeypatch.setattr(checks, "ANY_ORDER_REF_RE", Proxy())
    assert checks.partly_read(record, record.text) == want


# ``mfa.reading.post_before``: ROLE_COUNTRY_RE and SHARED_ROLE_COUNTRY_RE are searched only up to a lead ending in a post.

POST_ATOMS = ("美国", "日本", "欧洲议会", "前", "原", "国防部", "副", "部长", "议员", "众议员", "大臣", "幕僚长", "人士", "局长", "、", "，",
              " ", "\n", "\u3000", "山本健一", "（Yamamoto）", "公司", "研究所", "X")


@pytest.mark.parametrize("seed", range(2))
def test_no_post_country_match_where_no_post_ends_the_lead(seed: int) -> None:
    """Where the lead does not end with a post's last word (ROLE_WORDS, blanks aside), neither pattern matches in it:
    the gate turns away only searches that find nothing."""
    from scraper.parse.mfa import reading

    rng = random.Random(seed)
    posts = 0
    for _ in range(6000):
        text = "".join(rng.choice(POST_ATOMS) for _ in range(rng.randint(1, 12)))
        at = len(text)
        for pattern, reach in ((reading.ROLE_COUNTRY_RE, reading.ROLE_LEAD_MAX),
                               (reading.SHARED_ROLE_COUNTRY_RE, reading.SHARED_LEAD_MAX)):
            lo = max(0, at - reach)
            if not reading.post_before(text, lo, at):
                assert pattern.search(text, lo, at) is None, text
            else:
                posts += pattern.search(text, lo, at) is not None
    assert posts > 500


def test_a_company_name_asks_no_post_country(monkeypatch: pytest.MonkeyPatch) -> None:
    """A company named with no post before it: ``_role_country`` searches neither pattern (reverted, it fails); a person
    after a post still takes the post's country."""
    from scraper.parse.mfa import reading

    folded = "决定对美国国防部前副部长约翰·史密斯、洛克公司、前防卫大臣铃木浩二采取反制措施。"
    assert reading._role_country(folded, "约翰·史密斯", None) == "US"
    real = (reading.ROLE_COUNTRY_RE, reading.SHARED_ROLE_COUNTRY_RE)

    class Refused:
        def search(self, *args: Any) -> Any:
            raise AssertionError("searched")

        def match(self, *args: Any) -> Any:
            return real[0].match(*args)

    monkeypatch.setattr(reading, "ROLE_COUNTRY_RE", Refused())
    monkeypatch.setattr(reading, "SHARED_ROLE_COUNTRY_RE", Refused())
    assert reading._role_country(folded, "洛克公司", None) is None


# ``rules.identify.decided_days``: DECIDED_DAY_RE matched only where a year can open, four characters before a 年.

def _decided(found: Any) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]


def _decided_text(rng: random.Random) -> str:
    parts = [rng.choice(["", "于", "已于", "商务部", "X", "年"]), rng.choice(["2026", "２０２６", "二〇二六", "二O二六", "026", "12026"]),
             rng.choice(["", " ", "\u3000", "\n"]), "年", rng.choice(["", " "]), rng.choice(["11", "3", "十一", "１１", "111"]), "月",
             rng.choice(["", " "]), rng.choice(["30", "三十", "1"]), "日", rng.choice(["", "，", ","]), rng.choice(["", " "]),
             rng.choice(["", "商务部", "商务部 "]), "决定", rng.choice(["", "，", "停止"])]
    if rng.random() < 0.3:
        del parts[rng.randrange(len(parts))]
    return "".join(parts)


@pytest.mark.parametrize("seed", range(2))
def test_decided_days_are_the_patterns_matches(seed: int) -> None:
    """Years in every script and width, blanks and line ends before 年, months, days, 商务部 and 决定, pieces dropped, run
    together: the matches ``finditer`` gives, in order."""
    from scraper.parse.rules import identify

    rng = random.Random(seed)
    found = 0
    for _ in range(5000):
        text = "".join(_decided_text(rng) for _ in range(rng.randint(1, 3)))
        want = _decided(identify.DECIDED_DAY_RE.finditer(text))
        assert _decided(identify.decided_days(text)) == want, text
        found += len(want)
    assert found > 3000


def test_decided_days_on_the_corpus() -> None:
    from scraper.parse.rules import identify

    root = Path(__file__).resolve().parents[2]
    paths = [*sorted((root / "tests" / "data" / "corpus").rglob("*.txt")), *sorted((root / "fixtures" / "texts").glob("*.txt"))]
    for text in (p.read_bytes().decode("utf-8", "replace") for p in paths):
        if "决定" in text:  # in every match
            assert _decided(identify.decided_days(text)) == _decided(identify.DECIDED_DAY_RE.finditer(text))


def test_stated_days_asks_no_scan_of_every_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """``stated_days`` reads a step's decided day through ``decided_days`` (reverted to the finditer, this fails)."""
    from scraper.parse.rules import identify

    text = ("商务部公告2026年第90号\n商务部于2026年11月30日决定，自2026年12月5日起，停止实施商务部公告2026年第23号相关措施。\n"
            "本公告自2026年12月5日起正式实施。\n商务部\n2026年12月3日")
    real = identify.DECIDED_DAY_RE

    class Proxy:
        def match(self, *args: Any) -> Any:
            return real.match(*args)

        def finditer(self, *args: Any) -> Any:
            raise AssertionError("DECIDED_DAY_RE.finditer asked")

    want = parse_text(text)
    assert want is not None and want.stated_days
    monkeypatch.setattr(identify, "DECIDED_DAY_RE", Proxy())
    record = parse_text(text)
    assert record is not None and record.stated_days == want.stated_days


# ``Source.filed`` / ``Source.signed``: the 【发文日期】 day and the signature's asked once a text, not by each rule.

def test_a_notice_asks_its_filing_date_and_signature_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The publication day, the days a notice states of itself and ``checks.dated_before_number`` read the views: a
    notice with a step and a 【发文日期】 asks ``filing_date`` once (reverted, the rules ask it themselves and the views
    are never read: this fails)."""
    from scraper.parse import draft

    asked: list[str] = []
    real_filed, real_signed = draft.filing_date, draft.signature_date

    def filed(folded: str) -> Any:
        asked.append("filed")
        return real_filed(folded)

    def signed(lines: list[str]) -> Any:
        asked.append("signed")
        return real_signed(lines)

    monkeypatch.setattr(draft, "filing_date", filed)
    monkeypatch.setattr(draft, "signature_date", signed)
    text = ("商务部公告2026年第90号\n【发文日期】2026年12月03日\n商务部于2026年11月30日决定，自2026年12月5日起，停止实施商务部公告"
            "2026年第23号相关措施。\n本公告自2026年12月5日起正式实施。\n商务部\n2026年11月30日")
    record = parse_text(text)
    assert record is not None and str(record.published) == "2026-12-03" and record.stated_days
    assert asked == ["filed", "signed"]
