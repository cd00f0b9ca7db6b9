"""Session 42, review44 (a line-by-line review of session 41's code): a names paragraph after "…列入不可靠实体清单：" written
one name a line (audit41's eca69a1f read its first line alone: the other names lost, silently where the notice states no
count, as the real UEL 〔2025〕2号 states none), and a name opening with a Chinese numeral ("三星遥感公司") taken for a
numbered line (no name read)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

A, B, C = ("鹰眼遥感公司（Hawkeye Remote Sensing, Inc.）", "巨石弹药系统公司（Monolith Munitions Systems）",
           "北极星卫星通信公司（Polaris Satcom LLC）")
UEL = ("不可靠实体清单工作机制公告〔2026〕43号\n\n根据《不可靠实体清单规定》第二条等有关规定，不可靠实体清单工作机制决定将以下"
       "美国实体列入不可靠实体清单：\n\n{names}\n\n对上述实体采取以下处理措施：\n\n一、禁止上述企业从事与中国有关的进出口活动。\n\n"
       "本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月15日\n")
ENGLISH = ["Hawkeye Remote Sensing, Inc.", "Monolith Munitions Systems", "Polaris Satcom LLC"]


@pytest.mark.parametrize("names", [f"{A}\n{B}\n{C}", f"{A}\n\n{B}\n\n{C}", f"{A}；\n{B}；\n{C}。", f"{A}、\n{B}、\n{C}。",
                                   f"{A}\r\n{B}\r\n{C}", f"　　{A}\n　　{B}\n　　{C}", f"{A}、{B}\n{C}"],
                         ids=["lines", "blank-lines", "semicolons", "commas", "crlf", "indented", "two-and-one"])
def test_every_name_of_a_names_paragraph_one_a_line_is_read(names: str) -> None:
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ENGLISH
    assert [a.action.value for a in notice.actions] == ["impose"]


def test_a_sentence_after_the_names_lines_ends_them() -> None:
    names = f"{A}\n{B}\n{C}\n上述实体（3家）均参与对台军售。"
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ENGLISH


def test_a_name_opening_with_a_chinese_numeral_is_no_numbered_line() -> None:
    names = f"三星遥感公司（Samsing Remote Sensing, Inc.）、{B}、{C}。"
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ["Samsing Remote Sensing, Inc.", *ENGLISH[1:]]


# The suspension arrangement ended in other words than actions41's (2148d05f, e046f132): "…相关措施暂停安排自…起终止" (no 的
# before 暂停) and "…解除…暂停实施的安排" each read a suspension of No. 21 from that day (a false "Suspended" item, the restore
# lost), "…的暂停安排提前至…终止" and "…于…到期终止" a lift from the notice's day (a false "Lifted" item), "结束…暂停执行安排" a
# suspension.
NOTICE = ("商务部公告2026年第300号 关于商务部公告2025年第21号相关措施的公告\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第300号\n"
          "【发文日期】2026年12月20日\n\n根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"
          "商务部决定，{decision}\n\n本公告自2026年12月30日起正式实施。\n\n商务部\n2026年12月20日\n")


@pytest.mark.parametrize("decision", [
    "商务部公告2025年第21号相关措施暂停安排自2026年12月30日起终止。",
    "商务部公告2025年第21号相关措施暂停实施安排自2026年12月30日起终止，相关措施恢复实施。",
    "自2026年12月30日起，解除商务部公告2025年第21号相关措施暂停实施的安排。",
    "商务部公告2025年第21号相关措施的暂停安排提前至2026年12月30日终止。",
    "自2026年12月30日起，结束商务部公告2025年第21号相关措施暂停执行安排。",
    "自2026年12月30日起，终止商务部公告2025年第21号相关措施暂停安排。",
    "商务部公告2025年第21号相关措施的暂停安排于2026年12月30日到期终止。",
    "商务部公告2025年第21号相关措施的暂停安排于2026年12月30日届满终止，相关措施恢复实施。",
], ids=["no-de", "no-de-shishi", "jiechu-de-anpai", "tiqian-zhi", "jieshu-anpai", "zhongzhi-anpai", "daoqi", "jieman"])
def test_the_suspension_arrangement_ended_is_a_restore(decision: str) -> None:
    notice = parse_document(NOTICE.format(decision=decision).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective, [t.key for t in a.targets]) for a in notice.actions] == \
        [("restore", "2026-12-30", ["MOFCOM-2025-21"])]


@pytest.mark.parametrize(("decision", "day"), [
    ("商务部公告2025年第21号相关措施的暂停期限至2026年12月30日，不再延长。", "2026-12-31"),
    ("商务部公告2025年第21号相关措施的暂停期限至2026年12月30日，不再延续，相关措施恢复实施。", "2026-12-31"),
    ("商务部公告2025年第21号相关措施的暂停安排于2026年12月30日终止。", "2026-12-30"),
])
def test_a_term_written_to_its_last_day_and_not_renewed_restores_the_day_after(decision: str, day: str) -> None:
    """"…的暂停期限至D，不再延长" read no step before 70d5f9e2 took "至" (a notice changing nothing, silently), then D itself: a
    suspension "至D" includes D (storage.periods.LAST_DAY_RE), so the measures are back the day after, as its lapse is."""
    notice = parse_document(NOTICE.format(decision=decision).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("restore", day)]


def test_a_suspension_decided_is_still_one() -> None:
    decision = "自2026年12月30日起，暂停实施商务部公告2025年第21号相关措施，暂停期限为1年。"
    notice = parse_document(NOTICE.format(decision=decision).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [("suspend", "2026-12-30")]


# A title's restore on "部分美国实体" of No. 21 (story42's cef1cb0d took "部分实体" and "部分企业" alone): the title's step, read for
# all 16, kept the body's place, "…等3家实体恢复实施" named by the body: 13 falsely restored.
PARTIAL = Path(__file__).parents[1] / "data" / "stories42" / "partial_restore" / "p1-mofcom-2026-289-restore-three.txt"
SOME = "关于对商务部公告2025年第21号所列部分实体恢复实施相关措施的公告"


@pytest.mark.parametrize("some", ["部分实体", "部分美国实体", "部分企业和个人", "部分美方实体"])
def test_a_title_on_some_entities_leaves_the_body_its_named_step(some: str) -> None:
    text = PARTIAL.read_text(encoding="utf-8").replace(SOME, SOME.replace("部分实体", some))
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    restores = [a for a in notice.actions if a.action.value == "restore"]
    assert [(a.effective, a.entities) for a in restores] == [("2026-12-01", ("cubic", "sierranevada", "cyberlux"))]


# actions41's a92395bf let "…的暂停…终止" go unheld when nothing before it in its sentence named a notice's number or measures
# (a tariff's suspension: "对美加征24%关税的暂停期自…起结束"), so an answer ending the suspension of a list's entities without a
# number was "no action found in the answer", quiet: a restore missed silently. Held for a person again.
QA = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-20 18:00\n\n商务部新闻发言人就出口管制有关问题答记者问\n"
      "问：有关暂停安排何时结束？\n答：中方决定，{answer}\n")


@pytest.mark.parametrize("answer", ["出口管制管控名单所列美国实体的暂停安排自2026年12月30日起终止。",
                                    "不可靠实体清单所列企业的暂停安排自2026年12月30日起终止。"])
def test_a_listed_entities_suspension_ended_with_no_number_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(QA.format(answer=answer).encode("utf-8"))
    assert refused.value.reason == "needs-review"


def test_a_tariffs_suspension_ended_is_still_let_go() -> None:
    doc = parse_document(QA.format(answer="对美加征24%关税的暂停期自2026年12月30日起结束。").encode("utf-8"))
    assert doc.notice is None


# A numbered notice saying a suspension ends without extension, with no day and no end told ("…第21号相关措施的暂停期限届满后
# 不再延长"): the restore took the notice's own day (12-20), months before the suspension's end: false "Restored" items for the
# 16, silently (on main since session 24). Held for a person, as an answer saying so is; a stop or a day it writes is read.
@pytest.mark.parametrize("decision", ["商务部公告2025年第21号相关措施的暂停期限届满后不再延长。",
                                      "商务部公告2025年第21号相关措施的暂停期限届满后不再延长，相关措施恢复实施。"])
def test_a_notice_ending_a_suspension_with_no_day_is_held(decision: str) -> None:
    with pytest.raises(UnusablePage) as refused:
        parse_document(NOTICE.format(decision=decision).encode("utf-8"))
    assert refused.value.reason == "needs-review" and "the notice says" in str(refused.value)


@pytest.mark.parametrize(("decision", "step"), [
    ("商务部公告2025年第21号相关措施的暂停期限届满后不再延长，自2026年12月31日起恢复实施。", ("restore", "2026-12-31")),
    ("商务部公告2025年第21号相关措施的暂停期限于2026年12月30日届满后不再延长，自2026年12月31日起停止执行该公告相关措施。",
     ("lift", "2026-12-31")),
])
def test_a_notice_ending_a_suspension_with_its_day_is_read(decision: str, step: tuple[str, str]) -> None:
    notice = parse_document(NOTICE.format(decision=decision).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, a.effective) for a in notice.actions] == [step]
