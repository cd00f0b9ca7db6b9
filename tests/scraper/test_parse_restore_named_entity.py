"""A notice that restores one named entity of an earlier notice and continues the suspension of "the others" (session 26,
parse26, blind round 10): "一、对韩华费城造船厂（Hanwha Philly Shipyard Inc.）恢复实施《…》（商务部令2025年第6号）规定的反制措施；
二、对商务部令2025年第6号所列其余4家企业，继续暂停实施相关反制措施1年" read a restore of the whole order (the object of 对 before the
verb was not read as its limit): the 4 others shown in force again, the extension held for review. The restore is now
limited to the one named, and the step on "the others" (the whole order) goes first, so the named one's restore undoes it
for that one."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

HEAD = ("商务部令2026年第5号 关于调整商务部令2025年第6号相关反制措施的决定\n【发布单位】安全与管制局\n【发布文号】商务部令2026年第5号\n"
        "【发文日期】2026年11月09日\n\n商务部令\n2026年第5号\n\n")
TAIL = "\n\n本决定自2026年11月10日起施行。\n\n商务部\n2026年11月9日\n"
TITLE = "《关于对韩华海洋株式会社美国相关子公司采取反制措施的决定》（商务部令2025年第6号）"


def _steps(body: str) -> list[tuple[str, list[str | None], str | None, str | None, tuple[str, ...]]]:
    doc = parse_document((HEAD + body + TAIL).encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat(), a.entities)
            for a in doc.notice.actions]


def test_a_restore_of_one_named_and_an_extension_of_the_others() -> None:
    body = (f"商务部决定，自2026年11月10日起：\n一、对韩华费城造船厂（Hanwha Philly Shipyard Inc.）恢复实施{TITLE}规定的反制措施；\n"
            "二、对商务部令2025年第6号所列其余4家企业，继续暂停实施相关反制措施1年。")
    assert _steps(body) == [
        ("extend", ["MOFCOM-ORDER-2025-6"], "2026-11-10", "2027-11-10", ()),
        ("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None, ("hanwhaphillyshipyard",)),
    ]


def test_a_restore_of_the_order_itself_is_not_limited() -> None:
    body = f"商务部决定，自2026年11月10日起，恢复实施{TITLE}规定的反制措施。"
    assert _steps(body) == [("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None, ())]


def test_a_restore_of_two_named_is_limited_to_both() -> None:
    body = (f"商务部决定，自2026年11月10日起：\n一、对韩华费城造船厂（Hanwha Philly Shipyard Inc.）、HS美国控股公司（HS USA Holdings Corp.）"
            f"恢复实施{TITLE}规定的反制措施；\n二、对商务部令2025年第6号所列其余3家企业，继续暂停实施相关反制措施1年。")
    assert _steps(body) == [
        ("extend", ["MOFCOM-ORDER-2025-6"], "2026-11-10", "2027-11-10", ()),
        ("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None, ("hanwhaphillyshipyard", "hsusaholdings")),
    ]


QA = ("商务部新闻发言人就出口管制管控名单有关措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-09 20:30\n\n"
      "问：请问中方如何安排？\n答：中方决定，自2026年11月10日起，")


def _qa(answer: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    doc = parse_document((QA + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, a.until and a.until.isoformat(), a.entities) for a in doc.notice.actions]


def test_a_restore_but_two_named_continued_limits_the_extension_to_them() -> None:
    """Probe p8: "恢复实施…第21号相关措施，但对A（a）、B（b）继续暂停实施相关措施1年" read the extension for all 16 after the
    restore of all 16: replayed, all 16 suspended to 2027-11-10 (14 falsely)."""
    assert _qa("恢复实施4月4日公告（商务部公告2025年第21号）相关措施，但对高点航空技术公司（High Point Aerotechnologies）、"
               "立方公司（Cubic Corporation）继续暂停实施相关措施1年。") == [
        ("restore", None, ()), ("extend", "2027-11-10", ("highpointaerotechnologies", "cubic"))]


def test_a_named_restore_and_the_other_15_continued_in_one_sentence() -> None:
    """Probe p10: "对…第21号所列A（a）恢复实施相关措施，对其余15家实体继续暂停实施相关措施1年": the extension of the others (its
    object "其余15家实体", the whole notice) goes first; in the order written A was restored and then suspended again."""
    assert _qa("对4月4日公告（商务部公告2025年第21号）所列高点航空技术公司（High Point Aerotechnologies）恢复实施相关措施，"
               "对其余15家实体继续暂停实施相关措施1年。") == [
        ("extend", "2027-11-10", ()), ("restore", None, ("highpointaerotechnologies",))]


def test_the_others_said_qita_and_that_notices_others_as_the_subject() -> None:
    """Probes p11, p12: "对其他15家实体继续暂停…" kept the extension after the named restore (A suspended again), and
    "；该公告所列其余实体的相关措施继续暂停实施1年" lost the extension (the 15 presumed back in force at the old end)."""
    named = "对4月4日公告（商务部公告2025年第21号）所列高点航空技术公司（High Point Aerotechnologies）恢复实施相关措施"
    expected = [("extend", "2027-11-10", ()), ("restore", None, ("highpointaerotechnologies",))]
    assert _qa(named + "，对其他15家实体继续暂停实施相关措施1年。") == expected
    assert _qa(named + "；该公告所列其余实体的相关措施继续暂停实施1年。") == expected


def test_a_restore_inside_chu_wai_and_the_extension_after_it() -> None:
    """Probe p13: "对…所列实体，除A（a）恢复实施相关措施外，继续暂停实施相关措施1年" read a restore of all 16 and lost the
    extension. The restore is A's; the extension after "外，" is the notice's, first."""
    assert _qa("对4月4日公告（商务部公告2025年第21号）所列实体，除高点航空技术公司（High Point Aerotechnologies）恢复实施相关措施外，"
               "继续暂停实施相关措施1年。") == [("extend", "2027-11-10", ()), ("restore", None, ("highpointaerotechnologies",))]


def test_a_restore_of_one_named_without_english_and_the_others_of_that_decision() -> None:
    """Probe p14 of session 26 (session 27, parse27): the named one without its English, "该决定所列其他企业" continued. It was
    refused for review ("says 暂停实施 but names no notice it suspends"); the others are the order's, less the one named
    (the engine finds "韩华费城造船厂" by its Chinese name, one entity exactly, else holds both steps: loud)."""
    body = ("商务部决定，自2026年11月10日起，对商务部令2025年第6号所列韩华费城造船厂恢复实施反制措施，对该决定所列其他企业继续暂停实施反制"
            "措施1年。")
    assert _steps(body) == [
        ("extend", ["MOFCOM-ORDER-2025-6"], "2026-11-10", "2027-11-10", ()),
        ("restore", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None, ("韩华费城造船厂",)),
    ]


def test_the_named_among_the_notices_entities_qizhong() -> None:
    """story34 S1e: "继续暂停…第21号相关措施至2027年11月10日，但对其中的A（a）恢复实施相关措施": "其中的" was read as no name and
    "其" as the pointer to the whole notice, so the restore was the whole notice's, with no word: all 16 in force, the 15
    others falsely, and each got a "Restored" item. The names after 其中 limit it, joined by 、 or 和 ("A（a）和B（b）" was left
    out for a person to read); "对其中" before a name not read is no pointer to the whole notice: left out, never all."""
    head = "继续暂停4月4日公告（商务部公告2025年第21号）相关措施至2027年11月10日，但对其中"
    tail = "恢复实施相关措施。"
    extend = ("extend", "2027-11-10", ())
    assert _qa(head + "的高点航空技术公司（High Point Aerotechnologies）" + tail) == [
        extend, ("restore", None, ("highpointaerotechnologies",))]
    assert _qa(head + "高点航空技术公司（High Point Aerotechnologies）、立方公司（Cubic Corporation）" + tail) == [
        extend, ("restore", None, ("highpointaerotechnologies", "cubic"))]
    assert _qa(head + "高点航空技术公司（High Point Aerotechnologies）和立方公司（Cubic Corporation）" + tail) == [
        extend, ("restore", None, ("highpointaerotechnologies", "cubic"))]
    with pytest.raises(UnusablePage, match="not read as a name"):
        parse_document((QA + head + "Skydio Inc.、Cubic" + tail + "\n").encode("utf-8"))
