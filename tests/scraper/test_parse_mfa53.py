"""Session 53's MFA round (tests/data/corpus/mfa53/): a restore ending a suspension named by the decree that set it
("提前结束外交部令2028年第66号规定的暂停，自…起恢复执行…", "…第75号规定的中止期限，…恢复执行2028年12月5日《…》规定的反制措施") was read
as a lift (of the suspended measure, of No. 75), the restore lost, silently; companies named with their countries in the
decision and alone in the annex all took the title's country, silently; a note's country behind a label ("注册地：英国",
"国籍：瑞士") was not read. Pure: text in, parse out."""

from __future__ import annotations

import pytest

from tests.scraper.corpus_cases import case_named, read, refused

DUVAL = "马克·杜瓦尔（Marc Duval）"
RESTORE = f"恢复执行外交部令2028年第62号对{DUVAL}采取的反制措施。"


def restore(sentence: str) -> str:
    """mfa53/11 with its step told as ``sentence``."""
    text = case_named("11", "mfa53")
    old = text[text.index("中方决定") : text.index("\n", text.index("中方决定"))]
    return text.replace(old, sentence)


def steps(text: str) -> list[tuple[str, list[str | None], list[str]]]:
    return [(a.action.value, [t.key or (t.date.isoformat() if t.date else None) for t in a.targets], list(a.entities))
            for a in read(text).actions]


def test_a_restore_of_a_whole_decree_after_its_early_ended_suspension() -> None:
    """mfa53/26: "提前结束2029年5月1日外交部令第75号规定的中止期限，自…起恢复执行2028年12月5日《…》规定的反制措施" was a lift of
    No. 75 (the suspending decree), No. 70's restore lost, silently."""
    assert steps(case_named("26", "mfa53")) == [("restore", ["2028-12-05"], [])]


@pytest.mark.parametrize("sentence", [
    f"中方决定提前结束外交部令2028年第66号规定的暂停，自2029年1月15日起{RESTORE}",
    f"中方决定提前结束外交部令2028年第66号的暂停，自2029年1月15日起{RESTORE}",
    f"中方决定提前终止外交部令2028年第66号作出的暂停，{RESTORE}",
    f"中方决定停止执行外交部令2028年第66号规定的暂停，{RESTORE}",
    f"中方决定提前结束外交部令2028年第66号规定的中止，自2029年1月15日起{RESTORE}",
])
def test_a_restore_after_ending_the_suspension_named_by_its_decree(sentence: str) -> None:
    """The suspension named by the decree that set it ("…第66号规定的暂停"): the restore of No. 62's target, not a lift of
    Nos. 66 and 62 (the second form, silently) nor a restore with no target beside it."""
    assert steps(restore(sentence)) == [("restore", ["MFA-ORDER-2028-62"], ["marcduval"])]


def test_a_restore_of_one_measure_after_an_early_end_is_held() -> None:
    """mfa53/11 as written (the entry ban alone restored): a lift of the entry ban on Nos. 66 and 62, silently; now held
    (no state per measure), as a suspension of one measure is (mfa53/06)."""
    assert refused(case_named("11", "mfa53")).reason == "needs-review"
    assert refused(case_named("06", "mfa53")).reason == "needs-review"


def test_an_early_end_of_a_decrees_own_measures_stays_a_lift() -> None:
    """"提前结束外交部令2028年第62号对X采取的反制措施": a lift (mfa41's reading), not a restore."""
    assert steps(restore(f"中方决定提前结束外交部令2028年第62号对{DUVAL}采取的反制措施。")) == [
        ("lift", ["MFA-ORDER-2028-62"], ["marcduval"])]


def countries(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.zh, e.country) for e in read(text).entities]


COMPANIES = [("天穹防务公司", "US"), ("北海雷达有限公司", "GB"), ("莱茵光电股份公司", "DE")]


def test_companies_named_with_their_countries_in_the_decision_alone_in_the_annex() -> None:
    """mfa53/01 without its annex's "，注册地：…": all three were US, the title's country, silently."""
    text = case_named("01", "mfa53")
    bare = "\n".join(line.split("，注册地：")[0] for line in text.split("\n"))
    assert countries(bare) == COMPANIES
    # one company's country alone is none of its own ("英国宇航系统公司" among US firms keeps the title's)
    one = bare.replace("英国北海雷达有限公司", "北海雷达有限公司").replace("德国莱茵光电股份公司", "莱茵光电股份公司")
    assert countries(one) == [(zh, "US") for zh, _ in COMPANIES]


def test_a_countrys_label_in_a_note() -> None:
    """mfa53/01 ("，注册地：英国") and mfa53/04 ("女，国籍：瑞士，职务：…"): the title's country, and none."""
    assert countries(case_named("01", "mfa53")) == COMPANIES
    assert countries(case_named("04", "mfa53")) == [("阿尔卑斯战略论坛", None), ("艾玛·施托克尔", "CH"), ("卢卡斯·贝格", "AT")]



@pytest.mark.parametrize("sentence", [
    "中方决定中止执行外交部令2028年第70号规定的反制措施，中止期限为1年。",
    "中方决定中止实施2028年12月5日《关于对韩国星辰重工株式会社等2家企业采取反制措施的决定》规定的反制措施，中止期限为1年。",
])
def test_zhongzhi_suspends(sentence: str) -> None:
    """mfa53/20: "中止执行…第70号规定的反制措施" was refused as cut short; named by date and title, a new listing (a count
    warning). 中止 suspends (终止 ends)."""
    text = case_named("20", "mfa53")
    old = "中方决定中止执行外交部令2028年第70号规定的反制措施，中止期限为1年。"
    rec = read(text.replace(old, sentence))
    assert [(a.action.value, a.effective, str(a.until)) for a in rec.actions] == [("suspend", "2029-05-01", "2030-05-01")]


def test_a_clause_keeping_the_other_measures_ends_the_step() -> None:
    """mfa53/25: "…采取的不予签发签证、不准入境措施，外交部令2028年第62号对上述人员采取的其他反制措施继续有效" was held (a lift of
    the whole listings read, the decree named again in the kept clause taken as the orders' end)."""
    rec = read(case_named("25", "mfa53"))
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities), a.measures) for a in rec.actions] == [
        ("lift_measure", ["MFA-ORDER-2028-62"], ["josereyes", "danielprice"], ("entry_ban",))]


def test_the_suspension_ended_told_after_the_restore() -> None:
    """"恢复执行…第62号规定的反制措施，外交部令2028年第66号规定的暂停提前结束": a restore of No. 62 alone (No. 66 was a target too)."""
    sentence = "中方决定自2029年1月15日起恢复执行外交部令2028年第62号规定的反制措施，外交部令2028年第66号规定的暂停提前结束。"
    assert steps(restore(sentence)) == [("restore", ["MFA-ORDER-2028-62"], [])]


BLACK = "约翰·布莱克（John Black）"
LOWELL = "苏珊·洛威尔（Susan Lowell）"


def verb_last(sentence: str) -> str:
    """mfa53/21 with its step told as ``sentence``."""
    text = case_named("21", "mfa53")
    old = f"中方决定，外交部令2028年第63号对{BLACK}采取的反制措施自2029年6月1日起停止执行。"
    assert old in text
    return text.replace(old, sentence)


@pytest.mark.parametrize(("sentence", "want"), [
    (f"中方决定，外交部令2028年第63号对{BLACK}采取的反制措施自2029年6月1日起停止执行。",
     [("lift", ["MFA-ORDER-2028-63"], ["johnblack"], ())]),
    ("中方决定，外交部令2028年第63号规定的反制措施自2029年6月1日起停止执行。", [("lift", ["MFA-ORDER-2028-63"], [], ())]),
    (f"中方决定，外交部令2028年第63号所列{BLACK}、{LOWELL}的反制措施自2029年6月1日起不再执行。",
     [("lift", ["MFA-ORDER-2028-63"], ["johnblack", "susanlowell"], ())]),
    (f"中方决定，外交部令2028年第63号对{BLACK}采取的冻结财产措施自2029年6月1日起停止执行。",
     [("lift_measure", ["MFA-ORDER-2028-63"], ["johnblack"], ("asset_freeze",))]),
    ("中方决定，外交部令2028年第61号和第62号规定的反制措施自2029年6月1日起停止执行。",
     [("lift", ["MFA-ORDER-2028-61", "MFA-ORDER-2028-62"], [], ())]),
    (f"中方决定，外交部令2028年第63号对{BLACK}采取的反制措施自2029年6月1日起恢复执行。",
     [("restore", ["MFA-ORDER-2028-63"], ["johnblack"], ())]),
])
def test_a_step_told_object_first_verb_last(sentence: str, want: list[tuple[str, list[str], list[str], tuple[str, ...]]]) -> None:
    """mfa53/21 and mfa52/30 (mfa51's open B): "…第63号对X采取的反制措施自…起停止执行" was held, or refused as cut short; the
    whole decree so told was refused too, and read now with no target made of the decree's number."""
    rec = read(verb_last(sentence))
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities), a.measures) for a in rec.actions] == want
    assert all(a.effective == "2029-06-01" for a in rec.actions)


@pytest.mark.parametrize("sentence", [
    "中方决定，外交部令2028年第67号规定的暂停自2029年6月1日起停止执行。",
    "中方决定，外交部令2028年第63号所列全部企业的反制措施自2029年6月1日起停止执行。",
    f"中方决定，外交部令2028年第63号对{BLACK}采取的反制措施自2029年6月1日起停止执行，对{LOWELL}采取的反制措施继续执行。",
    f"中方决定，外交部令2028年第63号对{BLACK}采取的不予签发签证、不准入境措施自2029年6月1日起恢复执行。",
])
def test_a_step_told_verb_last_stays_held_where_it_was(sentence: str) -> None:
    """A suspension's end, a kind of the decree's targets, a second target kept, one measure restored: loud as before."""
    assert refused(verb_last(sentence)).reason in ("needs-review", "cut-short")


def test_amendment_lines_naming_the_list_after_suoFu() -> None:
    """mfa53/09 and /18: "在所附《反制清单》“二、人员”中增列：“（三）…”", "一、将所附《反制清单》“二、高级管理人员”中的“（二）…”删除。":
    refused as cut short (所附 between 在/将 and the list)."""
    added = read(case_named("09", "mfa53"))
    assert [(a.action.value, [t.key for t in a.targets]) for a in added.actions] == [("impose", ["MFA-ORDER-2028-64"])]
    assert [(e.zh, e.en, e.country) for e in added.entities] == [("索菲·马丁", "Sophie Martin", "FR")]
    both = read(case_named("18", "mfa53"))
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in both.actions] == [
        ("impose", ["MFA-ORDER-2028-63"], ["beaverbayelectronics"]), ("remove", ["MFA-ORDER-2028-63"], ["susanlowell"])]


BAUER = "英格丽德·鲍尔（Ingrid Bauer）"


@pytest.mark.parametrize(("section", "name", "key"), [
    ("中的“二、人员”中的", BAUER, "ingridbauer"),
    ("“二、人员”中的", BAUER, "ingridbauer"),
    ("“一、机构”中的", "布拉格亚洲安全研究所（Prague Institute for Asian Security）", "pragueinstituteforasiansecurity"),
])
def test_an_unquoted_deletion_under_a_quoted_section(section: str, name: str, key: str) -> None:
    """mfa52's open O4: "…后附《反制清单》中的“二、人员”中的X删除" was refused as cut short (the names after the list are read
    only with no quote before them)."""
    text = case_named("29", "mfa52").replace(f"后附《反制清单》中的{BAUER}删除", f"后附《反制清单》{section}{name}删除")
    rec = read(text)
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in rec.actions] == [
        ("remove", ["MFA-ORDER-2027-32"], [key])]


def test_an_unquoted_deletion_of_a_kind_stays_refused() -> None:
    """"…中的“二、人员”中的全部人员删除": no names, refused as before (mfa52's kind words)."""
    text = case_named("29", "mfa52").replace(f"后附《反制清单》中的{BAUER}删除", "后附《反制清单》中的“二、人员”中的全部人员删除")
    assert refused(text).reason == "cut-short"
