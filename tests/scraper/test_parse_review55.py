"""review55 (session 49): a hostile probe of session 49's new readings (range49, blind49, mfa49), false items first.

- "X规定，" closing a subject (blind49/12: "商务部 海关总署公告2025年第70号规定，暂停实施…" as history) also took "商务部决定，按商务部公告
  2025年第70号规定，暂停实施…第55号…" (按, 遵照, 参照, 比照, 结合: the rule a new step follows) as No. 70's history: the suspension
  missed, silently. "规定，" closes no subject where a ground word stands before the notice (``targets.grounded_by_rule``).
- "上述暂停期限届满后，…第55号按期恢复实施" after two suspensions told (No. 55's to 11-10, No. 46's to 11-27) restored No. 55 from
  the last end told, 11-28, 17 days late, silently: held now (``checks.unread_end_of_other``).
- "不再恢复实施…" (no longer restore) was read as a restore, a false 'Back in force' item: 不再 denies the verb after it
  (``tense.NEGATIONS``).
- "停止对除A（a）、B（b）等2家实体外的其余实体实施…", "…等3家实体" over two names, "…等2家实体的子公司": read as a lift of the named
  (blind49's count after the names): held now (``targets._object_after_verb``, ``checks.unread_object``); so are "继续对A、B…，
  停止对其余14家实体实施…" and "…第21号中对其他3家实体的…" (a lift of the whole notice), "剩余措施停止实施" and its kin beside a
  numbered step (``checks.VAGUE_OBJECT_RE``), and "第55号到第58号" (No. 55 alone; ``checks.unread_range_end``).
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = "商务部公告2026年第205号 关于有关公告相关措施的公告\n【发布文号】商务部公告2026年第205号\n【发文日期】2026年12月16日\n\n"
TAIL = "\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月16日\n"
N55 = "商务部 海关总署公告2025年第55号"

Step = tuple[str, list[str | None], str | None, str | None]


def _steps(text: str) -> list[Step]:
    record = parse_document((HEAD + text + TAIL).encode("utf-8")).notice
    assert record is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in record.actions]


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document((HEAD + text + TAIL).encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


# --- "按…第70号规定，暂停实施…": the rule the step follows, not a history of No. 70


@pytest.mark.parametrize("ground", ["按", "遵照", "参照", "比照", "结合", "按照"])
def test_a_step_grounded_on_a_notices_rule_is_read(ground: str) -> None:
    text = f"经研究，商务部决定，{ground}商务部公告2025年第70号规定，暂停实施{N55}相关措施至2027年11月10日。"
    assert _steps(text) == [("suspend", ["MOFCOM-2025-55"], "2026-12-16", "2027-11-10")]


def test_a_notice_opening_its_paragraph_with_its_rule_is_still_history() -> None:
    # blind49/12's reading stays: No. 70 told, the restore is the notice's step
    text = (f"商务部公告2025年第70号规定，暂停实施{N55}相关措施至2026年11月10日。上述暂停期限届满后，{N55}按期恢复实施。")
    assert _steps(text) == [("restore", ["MOFCOM-2025-55"], "2026-11-11", None)]


# --- "上述暂停期限届满后" after two suspensions told: which end is whose


@pytest.mark.parametrize("joint", ["；", "，"])
def test_a_restore_after_two_ends_told_is_held_when_the_last_is_another_notices(joint: str) -> None:
    text = (f"商务部公告2025年第70号规定，暂停实施{N55}相关措施至2026年11月10日{joint}商务部公告2025年第72号规定，暂停实施"
            f"商务部公告2024年第46号第二款至2026年11月27日。上述暂停期限届满后，{N55}按期恢复实施。")
    assert "2026-11-27 of other notices" in _held(text)


def test_a_restore_after_an_extension_told_reads_the_extended_end() -> None:
    text = ("2025年5月，商务部决定暂停实施商务部公告2025年第55号相关措施至2025年11月10日；2025年11月，商务部决定将上述暂停期限延长至"
            "2026年11月10日。上述暂停期限届满后，商务部公告2025年第55号按期恢复实施。")
    assert _steps(text) == [("restore", ["MOFCOM-2025-55"], "2026-11-11", None)]


# --- "不再恢复实施": denied


def test_no_longer_restored_is_no_restore() -> None:
    _held(f"商务部公告2025年第70号规定，暂停实施{N55}相关措施至2026年11月10日。上述暂停期限届满后，不再恢复实施{N55}。")


@pytest.mark.parametrize("verb", ["不再恢复实施", "不恢复实施", "暂缓恢复实施", "不予恢复实施"])
def test_a_notice_whose_only_step_is_denied_is_held(verb: str) -> None:
    # "不再…" was a restore (a false 'Back in force'); the others read nothing, silently (checks.unread_denied_step)
    assert "is denied" in _held(f"商务部决定，{verb}{N55}相关措施。")


@pytest.mark.parametrize(("text", "step"), [
    ("商务部决定，不再暂停实施商务部公告2025年第21号相关措施。", ("restore", ["MOFCOM-2025-21"], "2026-12-16", None)),
    ("商务部决定，自2026年12月20日起，不再执行商务部公告2025年第21号相关措施。", ("lift", ["MOFCOM-2025-21"], "2026-12-20", None)),
    ("商务部决定，自2026年12月20日起，不再延长商务部公告2025年第21号相关措施的暂停期限。",
     ("restore", ["MOFCOM-2025-21"], "2026-12-20", None)),
    ("商务部决定，自2026年12月20日起，商务部公告2025年第21号相关措施不再暂停实施。",
     ("restore", ["MOFCOM-2025-21"], "2026-12-20", None)),
])
def test_the_words_of_their_own_with_no_longer_stay_read(text: str, step: Step) -> None:
    assert _steps(text) == [step]


# --- "停止对A（a）、B（b）等2家实体…实施": the names are the object only where nothing excepts them and the count is theirs

RELEASE = ("商务部新闻发言人就有关出口管制措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-09 17:00\n\n"
           "问：请问中方对有关措施有何新的安排？\n答：{a}\n")
AB = "内华达山脉公司（Sierra Nevada Corporation）、立方公司（Cubic Corporation）"
N21 = "商务部公告2025年第21号"


def _answer(text: str) -> bytes:
    return RELEASE.format(a=text).encode("utf-8")


def _answer_steps(text: str) -> list[tuple[str, list[str | None], list[str]]]:
    record = parse_document(_answer(text)).notice
    assert record is not None
    return [(a.action.value, [t.key for t in a.targets], sorted(a.entities)) for a in record.actions]


def _answer_held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(_answer(text))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


@pytest.mark.parametrize("obj", [
    f"除{AB}等2家实体外的其余实体",  # was a lift of the two excepted, the 14 others' missed
    f"{AB}等2家实体以外的其他实体",
    f"{AB}等2家实体之外的实体",
    f"{AB}等3家实体",  # a third not named: was a lift of the two, silently
    "内华达山脉公司（Sierra Nevada Corporation）等2家实体",
    f"{AB}等2家实体的子公司",  # their subsidiaries, not them
    "内华达山脉公司（Sierra Nevada Corporation）的子公司",
])
def test_a_lifts_object_that_is_not_the_names_is_held(obj: str) -> None:
    _answer_held(f"中方决定，停止对{obj}实施{N21}相关措施。")


@pytest.mark.parametrize("count", ["等2家实体", "等2家美国实体", ""])
def test_a_lift_of_the_names_counted_stays_read(count: str) -> None:
    assert _answer_steps(f"中方决定，停止对{AB}{count}实施{N21}相关措施。") == [
        ("lift", ["MOFCOM-2025-21"], ["cubic", "sierranevada"])]


def test_a_lift_of_the_others_of_names_told_is_held() -> None:
    # was a lift of all of No. 21, the two it keeps falsely lifted
    held = _answer_held(f"中方决定，继续对{AB}等2家实体实施{N21}相关措施，停止对其余14家实体实施相关措施。")
    assert "the others of names" in held


# --- "…第21号相关措施1年，剩余措施停止实施": other measures, not No. 21's


@pytest.mark.parametrize("rest", ["剩余措施", "余下措施", "其他所有措施", "其余各项措施", "其他全部公告相关措施", "另外两份公告的相关措施",
                                  "其他出口管制措施"])
def test_a_clause_on_other_measures_beside_an_extension_is_held(rest: str) -> None:
    # each was a lift of No. 21 beside its extension, silently
    text = f"中方决定，自2026年12月10日起，继续暂停实施{N21}相关措施1年，{rest}停止实施。"
    assert "notices or measures it does not name" in _answer_held(text)


@pytest.mark.parametrize("rest", ["其他有关事项另行公告", "对其他国家实体的措施不作调整"])
def test_other_matters_beside_an_extension_stay_read(rest: str) -> None:
    text = f"中方决定，自2026年12月10日起，继续暂停实施{N21}相关措施1年，{rest}。"
    assert _answer_steps(text) == [("extend", ["MOFCOM-2025-21"], [])]


# --- "第55号到第58号": a range no reference reads


@pytest.mark.parametrize("nos", ["第55号到第58号", "第55号到58号", "第55号直至第58号", "第55号至2026年第3号"])
def test_a_range_joined_by_a_word_no_reference_reads_is_held(nos: str) -> None:
    # each was an extension of No. 55 alone, the others missed, silently
    text = f"中方决定，自2026年12月10日起，继续暂停实施商务部 海关总署公告2025年{nos}相关措施1年。"
    assert "a range no reference reads" in _answer_held(text)


@pytest.mark.parametrize("nos", ["第55号至第58号", "第55号～58号", "第55号—第58号"])
def test_a_range_read_stays_read(nos: str) -> None:
    text = f"中方决定，自2026年12月10日起，继续暂停实施商务部 海关总署公告2025年{nos}相关措施1年。"
    assert _answer_steps(text) == [("extend", [f"MOFCOM-2025-{n}" for n in range(55, 59)], [])]


# --- "停止实施…第21号中对其他3家实体的相关措施": some of a notice's entities, counted, not named


@pytest.mark.parametrize("of", ["中对其他3家实体", "中对3家实体", "对其余13家实体"])
def test_a_step_on_a_counted_subset_of_a_notice_is_held(of: str) -> None:
    # each was a lift of all of No. 21, silently
    text = f"中方决定，自2026年12月10日起，停止实施{N21}{of}的相关措施。"
    assert "entities of the notice it does not name" in _answer_held(text)


@pytest.mark.parametrize("of", ["对全部16家实体", "对16家美国实体", "所列16家美国实体"])
def test_a_step_on_a_notices_whole_count_stays_read(of: str) -> None:
    text = f"中方决定，自2026年12月10日起，停止实施{N21}{of}的相关措施。"
    assert _answer_steps(text) == [("lift", ["MOFCOM-2025-21"], [])]
