"""MFA decisions amending an earlier decision's list (scraper/parse/mfa/amend.py): which lines are added or deleted,
and a term on the additions. Pure: text in, parse out (texts in tests/data/corpus/mfa17/ to mfa19/, composed)."""

from __future__ import annotations

from datetime import date

from storage.records import ActionKind
from tests.scraper.mfa_texts import LAW, decision, decision_on_persons, parsed


def test_tiaochu_deletes_the_line_it_quotes() -> None:
    rec = parsed("10-amend-numbered-zenglie-tiaochu.txt")
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2025-19"]), (ActionKind.REMOVE, ["MFA-ORDER-2025-19"])]
    assert [(e.n, e.zh, e.type) for e in rec.entities] == [
        (21, "阿尔忒弥斯航空系统公司", "organization"), (22, "铁砧防务技术公司", "organization"), (4, "理查德·布朗", "individual")]
    assert rec.actions[0].entities == tuple(e.key for e in rec.entities[:2])
    assert rec.actions[1].entities == (rec.entities[2].key,)


def test_an_amendment_in_one_sentence_adds_or_removes() -> None:
    added = parsed("08-amend-zenglie-prose.txt")
    [action] = added.actions
    assert (action.action, [t.key for t in action.targets], action.entities) == (
        ActionKind.IMPOSE, ["MFA-ORDER-2024-16"], ())
    assert ([e.en for e in added.entities], added.stated_count, added.warnings) == (
        ["Starshield Defense LLC", "Poseidon Unmanned Systems, Inc."], 2, ())
    removed = parsed("09-amend-yichu-prose.txt")
    [action] = removed.actions
    assert (action.action, [t.key for t in action.targets], action.entities) == (
        ActionKind.REMOVE, ["MFA-ORDER-2024-13"], ("skydio",))
    assert ([e.en for e in removed.entities], removed.warnings) == (["Skydio Inc."], ())


def test_an_amendment_line_with_its_verb_first_deletes_what_it_quotes() -> None:
    rec = decision("依据《中华人民共和国反外国制裁法》第十五条规定，中方决定对2025年12月26日《关于对美国军工企业及高级管理人员"
                   "采取反制措施的决定》（2025年12月26日外交部令第19号公布，根据2026年3月6日外交部令第22号修改）作如下修改：\n\n"
                   "一、在《反制清单》“一、企业”中增列：\n（二十三）黑曜石导航系统公司（Obsidian Navigation Systems, Inc.）\n"
                   "二、删去《反制清单》“一、企业”中的“（二十一）阿尔忒弥斯航空系统公司（Artemis Aerosystems, Inc.）”。",
                   title="关于修改《关于对美国军工企业及高级管理人员采取反制措施的决定》的决定")
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2025-19"]), (ActionKind.REMOVE, ["MFA-ORDER-2025-19"])]
    added, deleted = rec.entities
    assert (added.zh, added.en, deleted.zh, deleted.en) == (
        "黑曜石导航系统公司", "Obsidian Navigation Systems, Inc.", "阿尔忒弥斯航空系统公司", "Artemis Aerosystems, Inc.")
    assert rec.actions[0].entities == (added.key,) and rec.actions[1].entities == (deleted.key,)


def test_an_amendment_of_a_decision_named_by_date_with_section_only_lines_adds_its_lines() -> None:
    rec = decision_on_persons(LAW + "中方决定对2025年12月26日决定所附《反制清单》作如下修改：\n\n一、在“一、企业”中增列：\n"
                              "（二十四）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n二、在“二、高级管理人员”中增列：\n"
                              "（十一）杰森·莫里斯（Jason Morris），男，铁杉无人系统公司首席执行官\n\n对上述增列的企业和人员，适用该决定规定的反制措施。",
                              title="关于修改对美国军工企业及高级管理人员反制措施决定的决定", day="2026-11-26", cn="2026年11月26日", n=39)
    (impose,) = rec.actions
    assert impose.action is ActionKind.IMPOSE and [t.date for t in impose.targets] == [date(2025, 12, 26)]
    assert [(e.en, e.type, e.country) for e in rec.entities] == [
        ("Hemlock Unmanned Systems, Inc.", "organization", "US"), ("Jason Morris", "individual", "US")]
    assert rec.title == "关于修改对美国军工企业及高级管理人员反制措施决定的决定"


AMEND = LAW + ("中方决定对2024年12月27日《关于对美国军工企业采取反制措施的决定》（外交部令第16号）作如下修改：\n\n"
               "一、在《反制清单》“一、企业”中增列：\n（八）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n\n")


def test_a_term_on_an_amendments_additions_ends_them() -> None:
    rec = decision_on_persons(AMEND + "对上述增列的企业采取的反制措施，期限为3年。", title="关于修改《关于对美国军工企业采取反制措施的决定》的决定")
    (impose,) = rec.actions
    assert impose.targets[0].key == "MFA-ORDER-2024-16" and [e.en for e in rec.entities] == ["Hemlock Unmanned Systems, Inc."]
    assert (impose.duration, impose.until) == ("期限为3年", date(2029, 10, 15))
    (plain,) = decision_on_persons(AMEND, title="关于修改《关于对美国军工企业采取反制措施的决定》的决定").actions
    assert plain.until is None

