"""Steps after the 2026-11-10 lapse that read wrong silently (session 38, story39; the stories are
tests/mofcom_watch/test_stories_after_lapse39.py):

- a stop of some named entities of a notice written "…第21号中对A（a）、B（b）的相关措施" (or "…第21号中A（a）…的", "…涉及…",
  "对…第21号中的A（a）、B（b）停止执行…", "…所列的A（a）…的", "…所列实体中的…", "…项下对…") was read for the whole notice: its 14
  others falsely lifted; a restore of all "除A（a）、B（b）以外" restored the two as well;
- "商务部公告2025年第21号相关措施的暂停继续有效" in an answer reading no step was stored as nothing ("no action found", a
  warning only): the listing showed "back in force" while the ministry said the suspension held;
- an MFA decision lifting one company and saying another's measures go on ("对X（English）采取的反制措施继续有效") lifted both.
"""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

QA_HEAD = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-26 17:00\n\n商务部新闻发言人就调整出口管制管控名单措施答记者问\n"
           "问：请问商务部对4月4日公告（商务部公告2025年第21号）所列实体有何新的考虑？\n")
TWO = "内华达山脉公司（Sierra Nevada Corporation）、立方公司（Cubic Corporation）"
DECIDED = "答：为落实中美经贸磋商共识，商务部决定，自2026年12月1日起，"


def _steps(text: str) -> list[tuple[str, list[str | None], str | None, tuple[str, ...]]]:
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.entities) for a in doc.notice.actions]


@pytest.mark.parametrize("step", [
    f"停止执行商务部公告2025年第21号中对{TWO}的相关措施。",
    f"停止执行商务部公告2025年第21号中{TWO}的相关措施。",
    f"停止执行对商务部公告2025年第21号中{TWO}的相关措施。",
    f"停止执行商务部公告2025年第21号涉及{TWO}的相关措施。",
    f"对商务部公告2025年第21号中的{TWO}停止执行相关措施。",
    f"停止执行商务部公告2025年第21号所列的{TWO}的相关措施。",
    f"对商务部公告2025年第21号所列实体中的{TWO}停止执行相关措施。",
    f"停止执行商务部公告2025年第21号项下对{TWO}的相关措施。",
])
def test_a_stop_of_two_named_among_a_notice_is_theirs_alone(step: str) -> None:
    assert _steps(QA_HEAD + DECIDED + step) == [("lift", ["MOFCOM-2025-21"], "2026-12-01", ("sierranevada", "cubic"))]


@pytest.mark.parametrize("step", [f"恢复实施商务部公告2025年第21号中除{TWO}以外其他实体的相关措施。",
                                  f"恢复实施商务部公告2025年第21号中除{TWO}之外的相关措施。"])
def test_a_step_on_all_but_some_named_is_left_for_a_person(step: str) -> None:
    with pytest.raises(UnusablePage, match="excepts entities"):
        parse_document((QA_HEAD + DECIDED + step).encode("utf-8"))


def test_a_stop_of_the_notice_itself_is_not_limited() -> None:
    assert _steps(QA_HEAD + DECIDED + "停止执行商务部公告2025年第21号中规定的相关措施。") == [
        ("lift", ["MOFCOM-2025-21"], "2026-12-01", ())]


STILL = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-12 16:00\n\n商务部新闻发言人就出口管制管控名单有关问题答记者问\n"
         "问：商务部公告2025年第21号相关措施的暂停期限已经届满，请问相关措施是否已恢复实施？\n答：经研究，{}出口经营者可继续依照"
         "《中华人民共和国两用物项出口管制条例》向商务部提出申请。后续安排将另行公布。\n")


@pytest.mark.parametrize("said", ["商务部公告2025年第21号相关措施的暂停继续有效，", "商务部公告2025年第21号相关措施的暂停仍然有效，"])
def test_an_answer_saying_a_suspension_still_holds_is_left_for_a_person(said: str) -> None:
    with pytest.raises(UnusablePage, match="reads no step: left out"):
        parse_document(STILL.format(said).encode("utf-8"))


def test_one_under_a_title_naming_no_list_is_left_for_a_person_too() -> None:
    text = STILL.format("4月4日公告（商务部公告2025年第21号）相关措施的暂停继续有效，暂停期限至2027年11月10日。").replace(
        "就出口管制管控名单有关问题答记者问", "就出口管制有关问题答记者问").replace("商务部公告2025年第21号相关措施的暂停期限已经届满",
                                                                      "中方对美国实体的暂停措施已经到期")
    with pytest.raises(UnusablePage, match="reads no step: left out"):
        parse_document(text.encode("utf-8"))


MFA = ("关于停止对斯凯迪奥公司采取反制措施的决定\n2026-11-28 17:00\n\n（2026年11月28日中华人民共和国外交部令第60号公布，自2026年12月1日起施行）"
       "\n\n依据《中华人民共和国反外国制裁法》有关规定，中方决定，自2026年12月1日起，停止对斯凯迪奥公司（Skydio Inc.）采取的反制措施"
       "（见外交部令第13号）。{}\n\n本决定自2026年12月1日起施行。\n\n外交部\n2026年11月28日\n")


@pytest.mark.parametrize("kept", ["对边缘自治运营公司（Edge Autonomy Operations LLC）采取的反制措施继续有效。",
                                  "对边缘自治运营公司（Edge Autonomy Operations LLC）的反制措施继续实施。", ""])
def test_an_mfa_lift_of_one_keeps_those_it_says_go_on(kept: str) -> None:
    assert [step[3] for step in _steps(MFA.format(kept))] == [("skydio",)]


def test_an_mfa_lift_of_two_named_in_its_sentence_lifts_both() -> None:
    text = MFA.replace("停止对斯凯迪奥公司（Skydio Inc.）", "停止对斯凯迪奥公司（Skydio Inc.）、边缘自治运营公司（Edge Autonomy Operations LLC）")
    assert [step[3] for step in _steps(text.format("对其他企业的反制措施继续有效。"))] == [("skydio", "edgeautonomyoperations")]


CORRECTION = ("商务部公告2026年第256号\n\n关于商务部公告2026年第250号的更正公告\n\n商务部于2026年11月20日发布的商务部公告2026年第250号中，{}\n\n"
              "特此公告。\n\n商务部\n2026年11月27日\n")


@pytest.mark.parametrize(("said", "until"), [
    ("“暂停期限至2027年11月20日”有误，现更正为“暂停期限至2027年5月20日”。", "至2027年5月20日"),
    ("“继续暂停实施商务部公告2025年第21号相关措施，暂停期限至2027年11月20日”有误，应为“继续暂停实施商务部公告2025年第21号相关措施，"
     "暂停期限至2027年5月20日”。", "至2027年5月20日"),
    ("“自2026年11月21日起实施”有误，现更正为“自2026年11月22日起实施”。", None),  # an effective day: corrected_effective's
    ("“有效期至2027年11月20日”有误，现更正为“有效期至2027年5月20日”。", None),  # no suspension's end: stays loud
])
def test_a_correction_of_a_suspensions_end_day(said: str, until: str | None) -> None:
    doc = parse_document(CORRECTION.format(said).encode("utf-8"))
    assert doc.notice is not None and not doc.notice.actions
    assert doc.notice.corrected_until == until
