"""Session 50's MFA round (tests/data/corpus/mfa50/) and session 49's open B: an extension of a suspension told object first
("中方决定将外交部令…第301号对X（x）所采取反制措施的暂停期限延长至<day>", "…反制措施的暂停期限延长3个月"; mfa49/25, mfa50/09, /21: held
before) and with the suspending decree as its subject ("外交部令…第408号规定的暂停对…第401号所列X等2家企业采取反制措施的期限延长6个月，
自…起至…"; mfa50/10: held before); a suspension extended beside another step in one sentence ("停止执行…第401号相关措施，…第402号
相关措施的暂停期限延长1年": a false lift of No. 402, silently, before): held. Pure: text in, parse out."""

from __future__ import annotations

import pytest

from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused

HEAD = ("关于延长有关反制措施暂停期限的决定\n2043-05-10 10:00\n\n（2043年5月10日中华人民共和国外交部令第430号公布，自2043年5月10日起"
        "施行）\n\n依据《中华人民共和国反外国制裁法》第十五条规定，")
TAIL = "\n\n本决定自2043年5月10日起施行。\n\n外交部\n2043年5月10日\n"
RED = "赤隼导弹系统公司（Red Falcon Missile Systems Inc.）"
FARSAIL = "远航海事电子公司（Farsail Marine Electronics Corp.）"


def decree(sentence: str) -> str:
    return HEAD + sentence + TAIL


def steps(text: str) -> list[tuple[str, list[str | None], str | None, str | None, str | None, tuple[str, ...]]]:
    rec = read(text)
    return [(a.action.value, [t.key or t.text for t in a.targets], a.effective,
             a.until.isoformat() if a.until else None, a.extends_by, a.entities) for a in rec.actions]


def test_an_extension_told_object_first_to_a_day() -> None:
    """mfa49/25 (held: "the decision's sentence … extends … (延长)") and mfa50/09 (two companies)."""
    rec = read(case_named("25", "mfa49"))
    assert [(a.action, a.until.isoformat() if a.until else None, a.entities, [t.key for t in a.targets])
            for a in rec.actions] == [(ActionKind.EXTEND, "2041-12-31", ("siriusradar",), ["MFA-ORDER-2040-301"])]
    assert [(e.zh, e.en) for e in rec.entities] == [("天狼星雷达公司", "Sirius Radar Company")]
    assert not rec.warnings
    assert steps(case_named("09", "mfa50")) == [
        ("extend", ["MFA-ORDER-2042-401"], "2042-12-20", "2043-06-30", None,
         ("redfalconmissilesystems", "farsailmarineelectronics"))]


def test_an_extension_by_a_period_runs_from_the_running_end() -> None:
    """mfa50/21: "…所列X（x）反制措施的暂停期限延长3个月" (no start told): by P3M from the running suspension's end."""
    assert steps(case_named("21", "mfa50")) == [
        ("extend", ["MFA-ORDER-2042-401"], "2043-06-20", None, "P3M", ("redfalconmissilesystems",))]


def test_an_order_extending_the_suspension_an_order_set() -> None:
    """mfa50/10 (blind49/15's shape in an MFA decree; held: "changes the term of an earlier decision"): the suspending No. 408
    is no target; the named one of "等2家" is extended, with the count warning (loud, as mfa49/33)."""
    rec = read(case_named("10", "mfa50"))
    assert steps(case_named("10", "mfa50")) == [
        ("extend", ["MFA-ORDER-2042-401"], "2043-01-01", "2043-06-30", None, ("赤隼导弹系统",))]
    assert rec.warnings == ("parsed 1 targets, the decision states 2",)


@pytest.mark.parametrize(("sentence", "want"), [
    ("中方决定将外交部令2042年第401号和第402号相关措施的暂停期限延长6个月。",
     [("extend", ["MFA-ORDER-2042-401", "MFA-ORDER-2042-402"], "2043-05-10", None, "P6M", ())]),
    ("中方决定自2043年7月1日起，将外交部令2042年第401号相关措施的暂停期限延长1年。",
     [("extend", ["MFA-ORDER-2042-401"], "2043-07-01", "2044-07-01", None, ())]),
    (f"中方决定将外交部令2042年第401号《关于对美国军工企业及高级管理人员采取反制措施的决定》对{RED}所采取反制措施的暂停期限延长1年。",
     [("extend", ["MFA-ORDER-2042-401"], "2043-05-10", None, "P1Y", ("redfalconmissilesystems",))]),
    (f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延期半年。",
     [("extend", ["MFA-ORDER-2042-401"], "2043-05-10", None, "P6M", ("redfalconmissilesystems",))]),
    ("中方决定，外交部令2042年第408号规定的暂停对外交部令2042年第401号相关措施的期限延长至2043年12月31日。",
     [("extend", ["MFA-ORDER-2042-401"], "2043-05-10", "2043-12-31", None, ())]),
])
def test_extensions_told_object_first(sentence: str, want: list) -> None:
    text = decree(sentence)
    assert steps(text) == want
    rec = read(text)
    assert not rec.warnings
    assert all("第" not in (e.zh or "") and "《" not in (e.zh or "") for e in rec.entities)  # no order or title as a name


@pytest.mark.parametrize("sentence", [
    # no end and no period, or one that is none
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长。",
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长至另行通知。",
    # another step after it in the sentence: not read as one extension
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长至2043年12月31日，并将外交部令2042年第402号相关措施的暂停期限延长1年。",
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长90天，对{FARSAIL}的暂停不再延长。",
    # a term of the measures, not of a suspension; a negation
    "中方决定将外交部令2042年第401号所列反制措施的期限延长3年。",
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的期限延长至2050年12月31日。",
    f"中方决定不将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长。",
    # only the suspending decree named
    "中方决定，外交部令2042年第408号规定的暂停期限延长至2043年12月31日。",
    # a suspension extended beside another step (mfa50 probe: a false lift, or restore, of all of No. 402, silently)
    "中方决定停止执行外交部令2042年第401号相关措施，外交部令2042年第402号相关措施的暂停期限延长1年。",
    "中方决定停止执行外交部令2042年第401号相关措施，将外交部令2042年第402号相关措施的暂停期限延长1年。",
    f"中方决定恢复执行外交部令2042年第401号对{RED}采取的反制措施，外交部令2042年第402号相关措施的暂停期限延长1年。",
])
def test_extensions_not_read_stay_held(sentence: str) -> None:
    assert refused(decree(sentence)).reason in ("needs-review", "cut-short")


def test_a_lift_beside_a_continued_suspension_still_reads_both() -> None:
    """The held shape's neighbour, read before: "停止执行…第401号…，并继续暂停实施…第402号相关措施1年"."""
    assert steps(decree("中方决定停止执行外交部令2042年第401号相关措施，并继续暂停实施外交部令2042年第402号相关措施1年。")) == [
        ("lift", ["MFA-ORDER-2042-401"], "2043-05-10", None, None, ()),
        ("extend", ["MFA-ORDER-2042-402"], "2043-05-10", "2044-05-10", None, ())]


def test_chinese_names_with_their_romanisation_are_persons() -> None:
    """Session 49's open B: "关于对黄淑芬等人采取反制措施的决定 … 对台湾地区黄淑芬（Huang Shu-fen）、王志强（Wang Chih-chiang）采取以下
    反制措施：" (no count, no entry ban) typed both organisations and kept "台湾地区黄淑芬" as her name."""
    from tests.faults.test_mfa46_decisions import ANOTHER
    rec = read(ANOTHER)
    assert [(e.zh, e.en, e.country, e.type) for e in rec.entities] == [
        ("黄淑芬", "Huang Shu-fen", "TW", "individual"), ("王志强", "Wang Chih-chiang", None, "individual")]
    assert [e.key for e in rec.entities] == ["huangshufen", "wangchihchiang"]
    # a company's name stays one
    company = read(ANOTHER.replace("王志强（Wang Chih-chiang）", "长城公司（Great Wall）"))
    assert [e.type for e in company.entities] == ["individual", "organization"]


def test_a_german_scholar_and_person_of_german_nationality() -> None:
    """mfa50/18: "德国学者X长期…" / "中方决定对德国籍人员X（x）采取以下反制措施" gave no country."""
    assert [(e.zh, e.country) for e in read(case_named("18", "mfa50")).entities] == [("郝尔曼·韦伯", "DE")]


def test_lines_added_quoted_as_one_block() -> None:
    """mfa50/06: "在“一、企业”中增加：" / "“（十三）A（a）" / "（十四）B（b）”。" was held ("names B but reads no target")."""
    rec = read(case_named("06", "mfa50"))
    assert [(e.zh, e.en) for e in rec.entities] == [
        ("黑鹰战术通信公司", "Blackhawk Tactical Communications Inc."), ("海燕无人水面艇公司", "Petrel Unmanned Surface Vessels LLC")]
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [(ActionKind.IMPOSE, ["MFA-ORDER-2042-401"])]
    assert not rec.warnings


RECALLED = (f"2042年12月20日，中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长至2043年6月30日。鉴于上述期限已届满，"
            f"中方决定恢复执行外交部令2042年第401号对{RED}采取的反制措施。")


def test_an_extension_recalled_with_its_day_is_no_step_of_this_decree() -> None:
    """A probe of this session's reader: the extension recalled with its day ("2042年12月20日，中方决定将…延长至…") was read as this
    decree's step, the restore it decides lost (a false extension); then held by extension_unread. The restore, as before."""
    assert steps(decree(RECALLED)) == [("restore", ["MFA-ORDER-2042-401"], "2043-05-10", None, None,
                                        ("redfalconmissilesystems",))]


@pytest.mark.parametrize("sentence", [
    # the extension recalled by its decree, then a restore: held, as before
    f"鉴于外交部令2042年第409号决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长至2043年6月30日，现该期限届满，"
    f"中方决定自2043年7月1日起恢复执行外交部令2042年第401号对{RED}采取的反制措施。",
    # two decisions in two sentences
    f"中方决定将外交部令2042年第401号对{RED}所采取反制措施的暂停期限延长至2043年6月30日。中方决定停止执行外交部令2042年第402号相关措施。",
])
def test_an_extension_beside_another_decision_stays_held(sentence: str) -> None:
    assert refused(decree(sentence)).reason == "needs-review"
