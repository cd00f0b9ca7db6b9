"""Session 41's review of session 40's unread parser commits (review42): inputs the commits' own tests missed."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_qa40 import ECL21, PRESSER, RELEASE, UEL7, _steps

STEP = f"中方决定自2026年12月10日起暂停实施{ECL21}相关措施1年"


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
@pytest.mark.parametrize("lead", ["关于外媒报道，", "至于有媒体报道，", "关于美方官员的说法，", "对于美方官员表示，"])
def test_a_topic_clause_naming_others_words_is_no_framing_of_the_authority(template: str, lead: str) -> None:
    """qa40's a3ecab82 took any clause opening with 关于/对于/至于 as the authority's framing: "关于外媒报道，中方决定…，
    我不掌握有关情况" (the spokesperson repeating a report) was read as a suspension of No. 21, a false item. A topic
    clause naming a report or others' words holds the step for a person, as the clause alone did before."""
    with pytest.raises(UnusablePage) as refused:
        _steps(template, f"{lead}{STEP}，我不掌握有关情况。")
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
def test_a_restore_stating_its_own_start_after_the_suspension_its_sentence_decides(template: str) -> None:
    """qa40's 849041b5 moved a restore with no start of its own to the end of the suspension its sentence decides; one
    stating its own start after that suspension ("…1年，暂停期满后，自2027年12月11日起恢复实施") still took the
    sentence's first start, the suspension's (12-10): No. 21 "in force" from the day its suspension began, silently."""
    answer = f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施1年，暂停期满后，自2027年12月11日起恢复实施。"
    assert _steps(template, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10"),
                                        ("restore", "MOFCOM-2025-21", "2027-12-11", None)]


@pytest.mark.parametrize("step", [
    "不再对{UEL7}相关措施采取任何暂停措施", "不再对{UEL7}相关措施予以暂停", "不再对{UEL7}相关措施暂停实施",
    "不再对{UEL7}相关措施实行暂停", "对{UEL7}相关措施不再予以暂停",
])
def test_no_longer_suspending_said_otherwise_restores(step: str) -> None:
    """audit40's 64c1f561 read "不再对…采取暂停措施" as a restore, but only with 采取/实施/执行 right before 暂停: "不再对…
    相关措施采取任何暂停措施", "…予以暂停", "…暂停实施" were each read as a suspension of 7号 (a false 'Suspended' item on
    measures that are back). Now a restore, or held for a person; never a suspension."""
    answer = f"中方决定，自2026年12月30日起，{step.format(UEL7=UEL7)}。"
    try:
        steps = _steps(RELEASE, answer)
    except UnusablePage as refused:  # "…予以暂停" after the object: the answers' gate holds it for a person (loud)
        assert refused.reason == "needs-review"
        return
    assert steps == [("restore", "UEL-2025-7", "2026-12-30", None)]


@pytest.mark.parametrize("verb", ["解除", "终止", "停止实施", "不再执行", "不再实施", "取消"])
def test_ending_a_listings_suspension_written_without_dui_restores(verb: str) -> None:
    """audit40's b28c912c read "不再执行对…的暂停" as a restore (as "解除对…的暂停" before it), but the same words without 对,
    "解除{…7号}相关措施的暂停", were read as a lift of 7号 (a false 'Lifted' item on measures that are back)."""
    answer = f"中方决定，自2026年12月30日起，{verb}{UEL7}相关措施的暂停。"
    assert _steps(RELEASE, answer) == [("restore", "UEL-2025-7", "2026-12-30", None)]


def test_ending_a_measure_named_a_suspension_of_imports_still_lifts() -> None:
    """A measure whose name holds 暂停 ("…的暂停进口措施") is the object of the lift: no restore."""
    answer = f"中方决定，自2026年12月30日起，停止实施{UEL7}所列实体的暂停进口措施。"
    assert _steps(RELEASE, answer) == [("lift", "UEL-2025-7", "2026-12-30", None)]


@pytest.mark.parametrize("step", ["不再对{UEL7}所列斯凯迪奥公司（Skydio, Inc.）采取暂停措施",
                                  "解除对{UEL7}所列斯凯迪奥公司（Skydio, Inc.）相关措施的暂停",
                                  "解除{UEL7}所列斯凯迪奥公司（Skydio, Inc.）相关措施的暂停"])
def test_a_comma_inside_a_name_ends_no_clause_of_a_suspension_undone(step: str) -> None:
    """The look after "不再对" / "解除对" stopped at any comma, one inside an English name's bracket too: "不再对…所列斯凯迪奥
    公司（Skydio, Inc.）采取暂停措施" was read as a suspension, "解除对…（Skydio, Inc.）相关措施的暂停" as a lift."""
    answer = f"中方决定，自2026年12月30日起，{step.format(UEL7=UEL7)}。"
    assert [(kind, day) for kind, _, day, _ in _steps(RELEASE, answer)] == [("restore", "2026-12-30")]


def _limits(answer: str) -> list[tuple[str, tuple[str, ...]]]:
    text = RELEASE.format(topic="中美经贸关系", q="请问中方对有关措施有何考虑？", a=answer)
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return [(a.action.value, a.entities) for a in notice.actions]


@pytest.mark.parametrize(("step", "kind"), [
    ("恢复实施{UEL7}所列斯凯迪奥公司（Skydio Inc.）相关措施", "restore"),
    ("停止实施{UEL7}所列斯凯迪奥公司（Skydio Inc.）相关措施", "lift"),
    ("不再对{UEL7}所列斯凯迪奥公司（Skydio Inc.）采取暂停措施", "restore"),
    ("解除对{UEL7}所列斯凯迪奥公司（Skydio Inc.）相关措施的暂停", "restore"),
])
def test_a_step_on_one_listed_entitys_measures_without_de_reaches_that_entity(step: str, kind: str) -> None:
    """"…7号所列X（x）的相关措施" limited the step to X; the same without 的 ("…所列X（x）相关措施"), and audit40's "不再对…所列X
    （x）采取暂停措施", took the whole notice: every other entity of 7号 falsely restored or lifted, silently."""
    answer = f"中方决定，自2026年12月30日起，{step.format(UEL7=UEL7)}。"
    assert _limits(answer) == [(kind, ("skydio",))]


def test_a_step_on_the_listed_entities_measures_without_de_is_the_whole_notices() -> None:
    answer = f"中方决定，自2026年12月30日起，恢复实施{UEL7}所列实体相关措施。"
    assert _limits(answer) == [("restore", ())]


@pytest.mark.parametrize("end", ["自即日起失效", "自即日起作废", "自即日起撤回", "自即日起结束", "至2030年12月31日止", "不再适用"])
def test_a_decision_ending_measures_taken_before_is_no_new_listing(end: str) -> None:
    """review40's 91ef106d held "中方决定，对X（x）采取的反制措施自即日起终止" (read as a new impose on X), 终止 only: the same
    sentence ending in 失效, 作废, 撤回, 结束, "至…止" or 不再适用 was still read as a new listing of Falcon, a false item. The
    measures "采取的" (taken before) are the sentence's subject: no new listing."""
    from tests.scraper.test_parse_review40 import FALCON, _lift

    with pytest.raises(UnusablePage) as refused:
        parse_document(_lift(f"中方决定，对{FALCON}采取的反制措施{end}。"))
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize(("obj", "zh", "en"), [
    ("蓝盾（美国）安全公司（“BlueShield” Security LLC）", "蓝盾（美国）安全公司", "“BlueShield” Security LLC"),
    ("晨星（北美）量子公司（“Morningstar” Quantum Corp.）", "晨星（北美）量子公司", "“Morningstar” Quantum Corp."),
])
def test_an_english_name_opening_with_a_quote_after_a_bracketed_chinese_name_is_kept(obj: str, zh: str, en: str) -> None:
    """audit40's 8f6e90e0 cut a closing bracket opening with a quote as a defined term ("（“Morningstar”）") wherever another
    bracket stood before it: a Chinese name holding one ("蓝盾（美国）安全公司") lost its whole English name, so screening by
    it and the key went by the Chinese alone. A quoted term alone is all its bracket holds."""
    from scraper.parse.entities.names import split_name
    from tests.scraper.test_parse_audit40 import ECL as ECL_LISTING

    assert split_name(obj) == (zh, en)
    notice = parse_document(ECL_LISTING.format(obj=obj).encode("utf-8")).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [(zh, en)]


SARONIC = "萨罗尼克科技公司（Saronic Technologies, Inc.）"
NORTHERN = "北方海事系统公司（Northern Maritime Systems, Inc.）"


@pytest.mark.parametrize("sentence", [
    f"商务部公告2025年第21号所列{SARONIC}已被{NORTHERN}收购。自2026年11月26日起，商务部公告2025年第21号对{SARONIC}采取的相关措施，"
    f"对{NORTHERN}继续适用。",
    f"商务部公告2025年第21号所列{SARONIC}已被{NORTHERN}收购。自2026年11月26日起，商务部公告2025年第21号对{SARONIC}采取的相关措施由"
    f"{NORTHERN}承继。",
])
def test_measures_carried_to_the_acquirer_in_other_words_are_held_for_a_person(sentence: str) -> None:
    """story41's 95f18bdd held a notice carrying a listed company's measures to the one it merged into by three words (合并,
    并入, 适用于): "…已被Y收购。…相关措施，对Y继续适用" or "…由Y承继" was still stored as changing nothing ("0/1", health
    green, Y's watchers told nothing)."""
    from tests.scraper.test_parse_story41 import MERGED

    text = MERGED.read_text(encoding="utf-8")
    start = text.index("商务部公告2025年第21号所列")
    text = text[:start] + sentence + text[text.index("\n", start):]
    with pytest.raises(UnusablePage, match="a person must read it"):
        parse_document(text.encode("utf-8"))


@pytest.mark.parametrize(("step", "read"), [
    ("停止实施{UEL7}相关措施，{ECL21}相关措施继续暂停实施1年",
     [("lift", ["UEL-2025-7"]), ("extend", ["MOFCOM-2025-21"])]),
    ("恢复实施{UEL7}相关措施，{ECL21}相关措施继续暂停实施1年",
     [("restore", ["UEL-2025-7"]), ("extend", ["MOFCOM-2025-21"])]),
    ("继续暂停{UEL7}相关措施1年，{ECL21}相关措施停止实施",
     [("extend", ["UEL-2025-7"]), ("lift", ["MOFCOM-2025-21"])]),
    ("恢复实施{UEL7}、{ECL21}相关措施", [("restore", ["UEL-2025-7", "MOFCOM-2025-21"])]),
])
def test_a_notice_opening_the_next_verbs_clause_is_its_subject_not_the_object_before(step: str, read: list) -> None:
    """The refs after a verb up to the next verb were all its objects: in "停止实施{…7号}相关措施，{…第21号}相关措施继续暂停
    实施1年" No. 21, the subject of 继续暂停, was lifted too (a false 'Lifted' item beside its extension)."""
    text = RELEASE.format(topic="中美经贸关系", q="请问中方对有关措施有何考虑？",
                          a=f"中方决定，自2026年12月30日起，{step.format(UEL7=UEL7, ECL21=ECL21)}。")
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [(k, t) for k, t in read]


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
@pytest.mark.parametrize("lead", ["根据外媒报道，", "针对有媒体报道，"])
def test_a_report_taken_as_the_authoritys_ground_holds_the_step(template: str, lead: str) -> None:
    """"根据…" (REASON_RE) and "针对…" (OWN_GROUND_RE, the rest of the sentence then its ground) took a media report as the
    authority's ground: "根据外媒报道，中方决定自…起暂停实施{No. 21}相关措施1年，我不掌握有关情况" was read as a suspension."""
    with pytest.raises(UnusablePage) as refused:
        _steps(template, f"{lead}{STEP}，我不掌握有关情况。")
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("lead", ["针对美方近期的错误言论，", "鉴于美方表示将取消有关措施，"])
def test_the_authoritys_own_ground_still_reads(lead: str) -> None:
    assert _steps(PRESSER, f"{lead}{STEP}。") == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10")]


def test_a_notices_measures_applied_to_another_company_with_no_merger_word_are_held_for_a_person() -> None:
    """"自…起，对北方海事系统公司（…）实施商务部公告2025年第21号规定的相关措施。" (the acquirer put under No. 21's measures, no
    merger word, no step read) was stored as changing nothing ("0/1", health green)."""
    from tests.scraper.test_parse_story41 import MERGED

    text = MERGED.read_text(encoding="utf-8")
    start = text.index("商务部公告2025年第21号所列")
    sentence = f"自2026年11月26日起，对{NORTHERN}实施商务部公告2025年第21号规定的相关措施。"
    text = text[:start] + sentence + text[text.index("\n", start):]
    with pytest.raises(UnusablePage, match="a person must read it"):
        parse_document(text.encode("utf-8"))
