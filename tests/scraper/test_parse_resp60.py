"""resp60 (session 60): held suspension and extension wordings the lead has ruled on, through the real parser and the engine.

- "…第21号和第22号相关措施分别延长至D1和D2，期满后恢复实施" (resp51/07, 09, 19): the lead's rule: where the sentence says the
  measures come back after the end (期满后/届满后/到期后…恢复(实施), 重新实施), the suspension is what is extended, each
  notice's to its own day, and the measures are back the day after it (``actions.words.MEASURES_EXTENDED_TAIL``). Without
  that clause ("相关措施延长至D", "…，期满后停止实施", "…期满后不再恢复实施", "分别延长1年和6个月") it may be the measures'
  own term: held, as before (resp51/10, 22). Reading it, the restore first took no end (dropped, the notice left to lapse)
  and, after "自…起", the sentence's start (A, before landing): ``periods._last_suspension``, ``targets._after_the_suspension``.
- held59's probe r03: "…第21号暂停实施的相关措施将于2026年11月10日到期。中方决定，届时不再延长，相关措施自2026年11月11日起恢复
  实施。" was held ("names no notice"): the restore's "相关措施" right after "不再延长" are the measures the paragraph told as
  suspended (``targets._after_not_renewed``), back on the day named, else the day after the end told (not the answer's day).
- order52/06: "…第7号决定暂停实施商务部令2025年第6号有关措施1年。…商务部决定，将上述暂停期限延长至2027年11月10日。" was held (the
  "上述" before "暂停期限延长" taken for a told step, as in "上述暂停不适用于…"): "将上述/前述暂停期限延长…" lengthens the suspension
  told before, of the notices it named (``clauses.told_term_extended``, ``targets._suspended_before``).
- order52/21: an order recounting "2026年11月7日，商务部决定，…的期限延长1年。" before its own lift was held by
  ``mfa.checks.partly_read`` ("changes the term of an earlier decision"): a term change in a sentence opening with a day
  before the order's own is told, not decided (``checks._told_before``).
- mfa49/33, mfa52/24: "…第318号《…》对银狐隐身技术公司等十二家企业采取的反制措施" read the one named with a count warning;
  "…第35号对所列全部3家企业采取的反制措施" was held. Each is the whole decree now, its count on the reference
  (``mfa.status.counted_whole``), which the engine checks against the entities it stores for that decree
  (``storage.lifecycle.targets._targets``): a problem, nothing applied, where they differ (persons beside the companies).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.lifecycle import derive
from storage.records import UnusablePage
from tests.scraper.test_parse_clauses44 import N21, N22, RELEASE, _steps
from tests.storage.test_lifecycle_corpus import corpus, stored

D = "中方决定，商务部公告2025年第21号相关措施延长至2027年5月31日，"
TWO = "中方决定，商务部公告2025年第21号和第22号相关措施分别延长至2027年5月31日和2027年11月30日，"
EXTENDED = ("extend", N21, "2026-12-04", "2027-05-31", None)
RESTORED = ("restore", N21, "2027-06-01", None, None)


# --- the lead's rule: "相关措施(分别)延长至D，期满后恢复实施" -------------------------------------------------------------

@pytest.mark.parametrize("after", ["期满后恢复实施。", "届满后自动恢复实施。", "到期后，相关措施将恢复实施。", "期满后重新实施。",
                                   "期满后恢复执行。"])
def test_the_measures_extended_to_a_day_then_back_is_an_extension_of_their_suspension(after: str) -> None:
    assert _steps(D + after) == [EXTENDED, RESTORED]


def test_each_notice_extended_to_its_own_day_and_back_the_day_after() -> None:
    assert _steps(TWO + "期满后恢复实施。") == [
        ("extend", N21, "2026-12-04", "2027-05-31", None), ("extend", N22, "2026-12-04", "2027-11-30", None),
        ("restore", N21, "2027-06-01", None, None), ("restore", N22, "2027-12-01", None, None)]


def test_an_extension_from_a_later_start_is_back_at_its_end_not_its_start() -> None:
    said = "中方决定，自2026年12月10日起，商务部公告2025年第21号相关措施延长至2027年5月31日，期满后恢复实施。"
    assert _steps(said) == [("extend", N21, "2026-12-10", "2027-05-31", None), RESTORED]


def test_in_a_notice_and_with_the_day_in_chinese_numerals() -> None:
    assert _steps("现决定，商务部公告2025年第21号相关措施延长至2027年5月31日，期满后恢复实施。", notice=True) == [
        ("extend", N21, "2026-12-03", "2027-05-31", None), RESTORED]
    assert _steps("中方决定，商务部公告2025年第21号相关措施延长至二〇二七年五月三十一日，期满后恢复实施。") == [EXTENDED, RESTORED]


@pytest.mark.parametrize("said", [
    D.rstrip("，") + "。",  # no clause: maybe the measures' own term
    D + "期满后停止实施。",
    D + "期满后不再恢复实施。",
    D + "期满后是否恢复实施另行通知。",
    D + "期满之后恢复执行。",  # (no restore reads "期满之后": the extension alone would lapse at D, needing review)
    "中方决定，商务部公告2025年第21号和第22号相关措施分别延长1年和6个月。",
    TWO + "期满后停止实施。",
])
def test_the_measures_extended_with_no_word_of_their_coming_back_stay_held(said: str) -> None:
    with pytest.raises(UnusablePage, match="needs-review"):
        _steps(said)


def test_the_engine_keeps_the_notice_suspended_to_the_day_and_back_after_it() -> None:
    rec = parse_document(RELEASE.format(a=D + "期满后恢复实施。").encode("utf-8")).notice
    assert rec is not None
    notices = [*corpus(), stored(rec)]
    for day, state in ((date(2027, 5, 31), "suspended"), (date(2027, 6, 1), "in_force")):
        d = derive(notices, day)
        (row,) = [r for r in d.states if r.notice_key == N21]
        assert (row.state.value, d.problems) == (state, ()), day


# --- held59's r03: "届时不再延长，相关措施自…起恢复实施" after the suspension told in the sentence before -----------------------

TOLD = "商务部公告2025年第21号暂停实施的相关措施将于2026年11月10日到期。"
BEFORE_END = RELEASE.replace("2026-12-04", "2026-11-05").replace("就调整出口管制管控名单措施", "就出口管制管控名单相关措施")


def _restores(said: str) -> list[tuple[str, str, str | None]]:
    rec = parse_document(BEFORE_END.format(a=said).encode("utf-8")).notice
    assert rec is not None
    return [(a.action.value, t.key or "", a.effective) for a in rec.actions for t in a.targets]


@pytest.mark.parametrize(("said", "targets"), [
    (TOLD + "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施。", [N21]),
    (TOLD + "中方决定，届时不再延长，相关措施将自动恢复实施。", [N21]),  # no day: the day after the end told, not the answer's
    (TOLD + "中方决定，届时不再延长，相关措施于到期后恢复实施。", [N21]),
    (TOLD + "中方决定，不予延长，上述措施自2026年11月11日起恢复执行。", [N21]),
    (TOLD.replace("第21号", "第21号和第22号") + "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施。", [N21, N22]),
    ("2025年11月5日，中方决定暂停实施商务部公告2025年第21号相关措施1年，暂停期限将于2026年11月10日到期。"
     "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施。", [N21]),
])
def test_the_measures_back_after_a_suspension_not_renewed_are_those_told_before(said: str, targets: list[str]) -> None:
    assert _restores(said) == [("restore", t, "2026-11-11") for t in targets]


def test_a_restore_ending_its_clause_takes_no_object_from_the_next_verbs_clause() -> None:
    """"…届时不再延长，相关措施自2026年11月11日起恢复实施，商务部公告2025年第22号相关措施继续暂停1年": No. 22 opens 继续暂停's clause;
    read as the restore's object it was a false 'Restored' of No. 22 beside its extension, No. 21's restore missed (A, on main
    before session 60)."""
    said = TOLD + "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施，商务部公告2025年第22号相关措施继续暂停实施1年。"
    assert _restores(said) == [("restore", N21, "2026-11-11"), ("extend", N22, "2026-11-11")]


@pytest.mark.parametrize("said", [
    "中方决定，自2026年11月11日起，恢复实施，商务部公告2025年第22号相关措施继续暂停实施1年。",
    "中方决定，自2026年11月11日起，恢复实施，商务部公告2025年第22号相关措施停止实施。",
])
def test_a_restore_naming_nothing_before_another_verbs_clause_is_held(said: str) -> None:
    """A open since session 60, fixed in session 62: No. 22, the next verb's subject, was read as the restore's object
    (a false 'Restored' beside No. 22's own step, silently)."""
    with pytest.raises(UnusablePage, match="names no notice its 恢复实施 could act on: the notices after it are another step"):
        _restores(said)


@pytest.mark.parametrize("said", [  # the notice after the comma is the restore's own: a comma before the next verb, or none
    "中方决定，自2026年11月11日起，恢复实施，商务部公告2025年第21号相关措施，并继续暂停实施商务部公告2025年第22号相关措施1年。",
    "中方决定，自2026年11月11日起，恢复实施，商务部公告2025年第21号相关措施。",
])
def test_a_restore_ending_its_clause_before_its_own_notice_still_reads_it(said: str) -> None:
    assert _restores(said)[0] == ("restore", N21, "2026-11-11")


def test_a_restore_after_no_suspension_told_still_names_no_notice() -> None:
    with pytest.raises(UnusablePage, match="names no notice"):
        _restores("商务部公告2025年第21号相关措施已于2025年11月10日停止实施。中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施。")


def test_the_engine_restores_no21_on_the_day_with_no_lapse() -> None:
    rec = parse_document(BEFORE_END.format(a=TOLD + "中方决定，届时不再延长，相关措施自2026年11月11日起恢复实施。").encode("utf-8")).notice
    assert rec is not None
    d = derive([*corpus(), stored(rec)], date(2026, 11, 12))
    (row,) = [r for r in d.states if r.notice_key == N21]
    assert (row.state.value, row.since, d.problems) == ("in_force", date(2026, 11, 11), ())


# --- order52/06: "将上述暂停期限延长至…" after the suspension recounted; order52/21: a recounted term change before a lift ---

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "order52"
ORDER10 = (CORPUS / "06-order-extend-suspension-to-day-recounted-7.txt").read_text(encoding="utf-8")
TOLD7 = "2025年11月10日，商务部令2025年第7号决定暂停实施商务部令2025年第6号有关措施1年。"
O6 = "MOFCOM-ORDER-2025-6"


def _order10(body: str) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    rec = parse_document(ORDER10.replace(TOLD7 + "为落实中美经贸磋商共识，商务部决定，将上述暂停期限延长至2027年11月10日。", body)
                         .encode("utf-8")).notice
    assert rec is not None
    return [(a.action.value, a.targets[0].key, a.effective, a.until and a.until.isoformat(), a.extends_by)
            for a in rec.actions]


@pytest.mark.parametrize(("said", "steps"), [
    ("商务部决定，将上述暂停期限延长至2027年11月10日。", [("extend", O6, "2026-11-08", "2027-11-10", None)]),
    ("商务部决定，将前述暂停期限延长1年。", [("extend", O6, "2026-11-08", None, "P1Y")]),
])
def test_the_term_of_a_recounted_suspension_lengthened_is_an_extension_of_what_it_suspended(said: str, steps: list) -> None:
    assert _order10(TOLD7 + said) == steps


def test_the_extended_order_stays_suspended_to_the_new_end() -> None:
    from tests.storage.test_lifecycle_orders_watch import ORDER6, ORDER7

    rec = parse_document(ORDER10.encode("utf-8")).notice
    assert rec is not None
    d = derive([stored(ORDER6), stored(ORDER7), stored(rec)], date(2027, 11, 10))
    assert [(r.notice_key, r.state.value) for r in d.states] == [(O6, "suspended")] and d.problems == ()


def test_a_history_of_an_extension_told_by_its_month_stays_unread() -> None:
    """review55's history: "2025年11月，商务部决定将上述暂停期限延长至2026年11月10日。" is no step of the notice that tells it."""
    from tests.scraper.test_parse_review55 import _steps as notice_steps

    text = ("2025年5月，商务部决定暂停实施商务部公告2025年第55号相关措施至2025年11月10日；2025年11月，商务部决定将上述暂停期限延长至"
            "2026年11月10日。上述暂停期限届满后，商务部公告2025年第55号按期恢复实施。")
    assert notice_steps(text) == [("restore", ["MOFCOM-2025-55"], "2026-11-11", None)]


def test_an_order_recounting_a_dated_term_change_then_lifting_reads_the_lift() -> None:
    rec = parse_document((CORPUS / "21-order-recounts-extension-then-lifts.txt").read_bytes()).notice
    assert rec is not None
    assert [(a.action.value, a.targets[0].key, a.effective) for a in rec.actions] == [("lift", O6, "2027-03-01")]


def test_a_term_change_told_as_the_orders_own_is_still_its_step() -> None:
    """The same sentence with no day before it, or dated the order's own day, is the order's own extension (blind49/15), as before."""
    text = (CORPUS / "21-order-recounts-extension-then-lifts.txt").read_text(encoding="utf-8")
    for day in ("", "2027年2月20日，"):
        rec = parse_document(text.replace("2026年11月7日，", day).encode("utf-8")).notice
        assert rec is not None
        assert [(a.action.value, a.effective, a.extends_by) for a in rec.actions] == [
            ("extend", "2027-02-20", "P1Y"), ("lift", "2027-03-01", None)]


# --- mfa49/33, mfa52/24: a whole earlier decree by the count of its targets, the count the engine's to check --------------

MFA = Path(__file__).parents[1] / "data" / "corpus"
LIFT318 = (MFA / "mfa49" / "33-lift-whole-318-from-later-day.txt").read_text(encoding="utf-8")
LIFT35 = (MFA / "mfa52" / "24-lift-all-of-35-by-count.txt").read_text(encoding="utf-8")
O318, O35 = "MFA-ORDER-2040-318", "MFA-ORDER-2027-35"


def _lift(text: str) -> list[tuple[str, str | None, int | None, tuple[str, ...]]]:
    rec = parse_document(text.encode("utf-8")).notice
    assert rec is not None and rec.warnings == () and rec.entities == ()
    return [(a.action.value, a.targets[0].key, a.targets[0].count, a.entities) for a in rec.actions]


@pytest.mark.parametrize(("text", "read"), [
    (LIFT318, [("lift", O318, 12, ())]),
    (LIFT35, [("lift", O35, 3, ())]),
    (LIFT35.replace("对所列全部3家企业", "所列全部3家企业"), [("lift", O35, 3, ())]),
    (LIFT35.replace("停止执行", "恢复实施").replace("关于停止对", "关于恢复对"), [("restore", O35, 3, ())]),
])
def test_a_decree_acted_on_by_the_count_of_its_targets_is_the_whole_decree_with_its_count(text: str, read: list) -> None:
    assert _lift(text) == read


def test_the_names_a_count_counts_are_still_the_targets() -> None:
    text = LIFT318.replace("银狐隐身技术公司等十二家企业", "银狐隐身技术公司（Silver Fox Stealth Technologies）等1家企业")
    rec = parse_document(text.encode("utf-8")).notice
    assert rec is not None
    assert [(a.targets[0].count, len(a.entities)) for a in rec.actions] == [(None, 1)]


def test_a_kind_with_no_count_stays_held() -> None:
    with pytest.raises(UnusablePage, match="one kind of an earlier decree"):
        parse_document(LIFT35.replace("对所列全部3家企业", "对所列全部企业").encode("utf-8"))


def _decree(key: str, companies: int, persons: int = 0):
    from storage.records import EntityRecord, ListKind, NoticeKind
    from tests.storage.test_lifecycle_corpus import impose

    ents = tuple(EntityRecord(key=f"c{i}", zh=f"甲{i}公司", en=f"Co {i}", country="US", type="organization")
                 for i in range(companies)) + tuple(
        EntityRecord(key=f"p{i}", zh=f"乙{i}", en=f"Person {i}", country="US", type="individual") for i in range(persons))
    n = key.rsplit("-", 1)[1]
    return impose(key, f"外交部令{key.split('-')[2]}年第{n}号", ListKind.COUNTERMEASURE, date(2027, 3, 1), ents,
                  kind=NoticeKind.MFA_ORDER)


@pytest.mark.parametrize(("companies", "persons", "lifted"), [(3, 0, True), (4, 0, False), (2, 0, False), (3, 2, False)])
def test_the_engine_lifts_the_decree_only_where_it_lists_as_many(companies: int, persons: int, lifted: bool) -> None:
    rec = parse_document(LIFT35.encode("utf-8")).notice
    assert rec is not None
    d = derive([stored(_decree(O35, companies, persons)), stored(rec)], date(2029, 3, 4))
    (row,) = [r for r in d.states if r.notice_key == O35]
    assert (row.state.value == "lifted", any("count mismatch" in p for p in d.problems)) == (lifted, not lifted), d.problems


@pytest.mark.parametrize("said", [
    "现决定，自2026年11月11日起，恢复实施，商务部公告2025年第22号相关措施继续暂停实施1年。",
    "现决定，届时不再延长，相关措施自2026年11月11日起恢复实施，商务部公告2025年第22号相关措施继续暂停实施1年。",  # nothing told before
])
def test_in_a_notice_too_a_restore_whose_only_notice_is_the_next_steps_subject_is_held(said: str) -> None:
    """Outside an answer the restore was read on No. 22 as well (a false 'Restored'); dropped alone, it would be missed."""
    with pytest.raises(UnusablePage, match="the notices after it are another step"):
        parse_document(f"商务部公告2026年第90号\n{said}\n商务部\n2026年11月5日".encode("utf-8"))
