"""Session 39's blind round on MFA decisions (tests/data/corpus/mfa39/): a suspension of one measure told verb last, an
earlier decision's measures applied to new subsidiaries, a company's executives named after "，即", roles joined by 兼, a
person named as a company's staff, English names before the Chinese or joined by 和. Pure: text in, parse out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord, UnusablePage
from tests.scraper.mfa_texts import LAW, decision

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa39"


def case(name: str, old: str = "", new: str = "") -> NoticeRecord:
    text = next(CORPUS.glob(f"{name}-*.txt")).read_text(encoding="utf-8")
    rec = parse_document((text.replace(old, new) if old else text).encode()).notice
    assert rec is not None
    return rec


def people(rec: NoticeRecord) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.zh, e.en, e.type) for e in rec.entities]


def test_a_measure_of_an_earlier_decree_ended_verb_last_after_a_comma_is_lifted() -> None:
    """mfa39/18 with "…不予签发签证、不准入境措施，自2030年2月15日起不再执行": held here until session 53, read since (mfa53's
    reading.verb_last): the entry ban's lift, no new listing."""
    text = next(CORPUS.glob("18-*.txt")).read_text(encoding="utf-8").replace("暂停执行六个月", "不再执行")
    rec = parse_document(text.encode()).notice
    assert rec is not None
    assert [(a.action, [t.key for t in a.targets], a.effective, a.measures) for a in rec.actions] == [
        (ActionKind.LIFT_MEASURE, ["MFA-ORDER-2029-102"], "2030-02-15", ("entry_ban",))]


@pytest.mark.parametrize("verb", ["暂停执行六个月", "暂停实施"])
def test_a_measure_of_an_earlier_decree_changed_verb_last_after_a_comma_is_for_a_person(verb: str) -> None:
    """"中方决定：…外交部令第102号对X（x）采取的不予签发签证、不准入境措施，自2030年2月15日起暂停执行六个月" (mfa39/18): read as a
    new impose of the entry ban on X, a false "Imposed" item, the suspension lost."""
    text = next(CORPUS.glob("18-*.txt")).read_text(encoding="utf-8").replace("暂停执行六个月", verb)
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    assert caught.value.reason == "needs-review"
    assert "changes an earlier decision's countermeasures" in str(caught.value)


def test_an_earlier_decisions_measures_applied_to_new_subsidiaries_join_its_list() -> None:
    """"将…外交部令第101号《…》规定的反制措施，适用于X新设立的子公司A（a）、B（b）" (mfa39/07): read as a new listing of a name made of
    the words before 适用于 (a false item), the two subsidiaries lost."""
    rec = case("07")
    [impose] = rec.actions
    assert (impose.action, [t.key for t in impose.targets]) == (ActionKind.IMPOSE, ["MFA-ORDER-2029-101"])
    assert people(rec) == [("红石海事系统公司", "Redstone Maritime Systems LLC", "organization"),
                           ("红石先进传感器公司", "Redstone Advanced Sensors Inc.", "organization")]
    assert rec.entities[0].note == "红石防务系统公司新设立的子公司"
    assert rec.warnings == ()


def test_a_companys_executives_named_after_ji_are_targets_with_it() -> None:
    """"对X（x）及其3名高级管理人员，即董事长兼首席执行官A（a）、总裁B（b）、…副总裁C（c），采取…" (mfa39/16): only the company was
    read; the three executives were lost with no warning."""
    rec = case("16")
    assert people(rec) == [("天弓航空系统公司", "Skybow Aerosystems Inc.", "organization"),
                           ("威廉·B·桑德斯", "William B. Saunders", "individual"),
                           ("伊丽莎白·福特", "Elizabeth Ford", "individual"),
                           ("詹姆斯·奥康奈尔", "James O'Connell", "individual")]
    assert [e.note for e in rec.entities[1:]] == ["董事长兼首席执行官", "总裁", "国际业务副总裁"]


def test_a_role_joined_to_another_by_jian_is_no_part_of_the_name() -> None:
    """"及其总裁兼首席执行官马修·J·哈特利（Matthew J. Hartley）" (mfa39/02): the name read "兼首席执行官马修·J·哈特利"."""
    rec = case("02")
    assert (rec.entities[1].zh, rec.entities[1].note) == ("马修·J·哈特利", "总裁兼首席执行官")


def test_a_person_named_as_a_companys_executive_is_not_the_company() -> None:
    """"对北方雷达集成公司高级管理人员丹尼尔·布莱克（Daniel Black）、…等2人" (mfa39/23): the name kept the company and the staff words."""
    rec = case("23")
    assert people(rec)[0] == ("丹尼尔·布莱克", "Daniel Black", "individual")
    assert rec.entities[0].note == "北方雷达集成公司高级管理人员"


def test_english_names_before_the_chinese_are_read() -> None:
    """"对美国国会众议员Gregory Lane 格雷戈里·莱恩、国会参议员Dana Whitfield 达娜·惠特菲尔德等2人" (mfa39/04): each kept whole as a
    Chinese name with its role, no English, so a later lift naming them ("对…Dana Whitfield 达娜·惠特菲尔德", mfa39/24) found no one."""
    rec = case("04")
    assert people(rec) == [("格雷戈里·莱恩", "Gregory Lane", "individual"), ("达娜·惠特菲尔德", "Dana Whitfield", "individual")]
    assert [e.note for e in rec.entities] == ["美国国会众议员", "国会参议员"]
    lift = case("24")
    assert [(a.action, a.entities) for a in lift.actions] == [(ActionKind.LIFT, ("danawhitfield",))]


def test_an_annex_line_written_english_first_keeps_its_chinese_name() -> None:
    """"二、Marcus T. Reyes（马库斯·雷耶斯），男，…" (mfa39/06): the Chinese name in the bracket was taken for a note."""
    rec = case("06")
    assert people(rec)[1] == ("马库斯·雷耶斯", "Marcus T. Reyes", "individual")


@pytest.mark.parametrize("joiner", ["和", "及", "与"])
def test_english_names_joined_by_a_chinese_joiner_are_each_lifted(joiner: str) -> None:
    """"停止…中对Northern Radar Integration Corporation和Redstone Defense Systems Inc.采取的反制措施" (mfa39/20, session 38's open B):
    one name of both, the lift unresolved."""
    rec = case("20", "Corporation和Redstone", f"Corporation{joiner}Redstone")
    assert [(a.action, a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ("northernradarintegration", "redstonedefensesystems"))]


def test_a_role_before_a_bracketed_note_stays_a_note() -> None:
    """Not a name in the bracket: "史蒂文·鲁德（摇杆舵公司创始人）" keeps its Chinese name and its note."""
    rec = decision(LAW + "中方决定对史蒂文·鲁德（摇杆舵公司创始人）、Josh Brungardt（首席运营官）等2名人员采取以下反制措施："
                   "对其本人不予签发签证、不准入境。")
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [("史蒂文·鲁德", None, "摇杆舵公司创始人"),
                                                             (None, "Josh Brungardt", "首席运营官")]


def test_companies_heading_their_executives_in_the_annex_are_no_persons() -> None:
    """"二、高级管理人员" / "（一）猎鹰电子战系统公司" / "1. 理查德·摩尔（Richard Moore），男，董事长" (mfa39/03): each company heading
    was read as one more person (a second listing of the company, under its Chinese key) and the counts warned."""
    rec = case("03")
    assert [e.en for e in rec.entities] == ["Falcon Electronic Warfare Systems Inc.", "Neptune Sonar Technologies LLC",
                                           "Richard Moore", "Karen Brooks", "David Kim", "Thomas Reed", "Emily Watson"]
    assert (rec.stated_count, rec.warnings) == (7, ())


def test_a_company_named_alone_among_persons_numbered_alike_is_still_read() -> None:
    """Not a heading: a line numbered as the next one (a company listed among the persons' lines) stays a target."""
    rec = case("03", "（一）猎鹰电子战系统公司\n1. 理查德·摩尔", "（一）猎鹰电子战系统公司\n（二）理查德·摩尔")
    assert "猎鹰电子战系统公司" in [e.zh for e in rec.entities[2:]]


def test_an_amendment_deleting_a_line_under_a_company_removes_the_person_only() -> None:
    """"删去“二、高级管理人员”“（一）猎鹰电子战系统公司”项下的“3. 大卫·金（David Kim），男，首席财务官”" (mfa39/08): the company was
    removed too ("Removed: 猎鹰电子战系统公司 and David Kim", a false item), and the executive added with his company in one quote
    kept "雷霆频谱防务公司 1." in his name."""
    rec = case("08")
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2029-103"], ("thunderspectrumdefense", "jenniferortega")),
        (ActionKind.REMOVE, ["MFA-ORDER-2029-103"], ("davidkim",))]
    assert [(e.zh, e.n) for e in rec.entities] == [("雷霆频谱防务公司", 3), ("詹妮弗·奥尔特加", 1), ("大卫·金", 3)]


def test_an_adjustment_adding_and_deleting_lines_after_yixia_is_read() -> None:
    """"…所附《反制清单》作如下调整：" / "一、增列以下企业：" / "（一）…" / "二、删除以下企业：" / "（一）…" (mfa39/21): refused as cut short
    ("refers to an annex it does not hold"), the additions and the removal with it."""
    rec = case("21")
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2029-101"], ("greyfalcontacticalcommunications", "polarshipbornesystems")),
        (ActionKind.REMOVE, ["MFA-ORDER-2029-101"], ("northernradarintegration",))]
    assert [e.type for e in rec.entities] == ["organization"] * 3
    assert rec.warnings == ()


def test_a_restore_naming_the_decree_that_suspended_after_jing_acts_on_the_listing_decree_only() -> None:
    """"恢复实施…外交部令第101号中对X（x）采取的、经…外交部令第109号暂停实施的反制措施。对Y（y）的反制措施继续暂停实施…" (mfa39/19): the
    restore named No. 109 too (a loud unresolved reference on every run), and the second sentence was read as a name."""
    rec = case("19")
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.RESTORE, ["MFA-ORDER-2029-101"], ("blueridgeavionics",))]
    assert [e.en for e in rec.entities] == ["Blue Ridge Avionics Company", "Sea Hawk Missile Technologies LLC"]
    assert rec.warnings == ()


def test_an_mfa_answer_in_plain_text_is_dated_by_its_time_line_and_issued_by_the_mfa() -> None:
    """"外交部发言人就…答记者问" / "2028-05-08 21:30" (session 38's open B, mfa38/07): keyed QA-undated ("no publication date"),
    issued by 商务部."""
    page = (CORPUS.parent / "mfa38" / "07-statement-takes-note-no-step.txt").read_bytes()
    rec = parse_document(page).notice
    assert rec is not None
    assert (rec.key[:14], rec.published.isoformat() if rec.published else None, rec.issuer) == (
        "QA-2028-05-08-", "2028-05-08", "外交部")


def test_a_date_line_below_the_first_lines_does_not_date_an_answer() -> None:
    """Only a time line among the first lines (under the title) is the page's: one further down is no date of it."""
    text = (CORPUS.parent / "mfa38" / "07-statement-takes-note-no-step.txt").read_text(encoding="utf-8")
    rec = parse_document((text.replace("2028-05-08 21:30\n", "") + "\n2028-05-08 21:30\n").encode()).notice
    assert rec is not None and rec.published is None


@pytest.mark.parametrize("name", ["25", "26", "27"])
def test_a_suspension_or_restoration_of_all_but_some_is_for_a_person(name: str) -> None:
    """Probes written after reading the parser (mfa39/25-27): "恢复实施…第101号所列反制措施，但对X（x）的暂停继续有效" (read as a restore
    of a name made of the clause), "暂停实施…所列反制措施，为期一年，但不包括X（x）" and "除X（x）外，…暂停实施…" (each read as a suspension
    of all of No. 101, X too: a false "Suspended" for X, silently). No state is held for "all but": for a person."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(next(CORPUS.glob(f"{name}-*.txt")).read_bytes())
    assert caught.value.reason == "needs-review"
    assert "all but some targets" in str(caught.value)


def test_an_english_name_before_a_chinese_surname_alone_is_read() -> None:
    """"对美国国会参议员Marco Rubio 卢比奥采取…" (probe mfa39/28): kept whole as one Chinese name, no English."""
    rec = case("28")
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [("卢比奥", "Marco Rubio", "美国国会参议员")]


@pytest.mark.parametrize("name", ["29", "30"])
def test_a_step_on_a_whole_decision_keeping_some_in_a_sentence_of_their_own_is_for_a_person(name: str) -> None:
    """Probes written after reading the parser (mfa39/29, 30): "暂停实施…第101号所列反制措施，暂停期限为一年。对X（x）采取的反制措施继续
    实施。" (read as a suspension of X alone: a false "Suspended" for the one kept, the others' suspension lost) and "停止实施…第103号所列
    反制措施。该决定所列X（x）不在此列。" (all lifted, X too): silent. For a person."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(next(CORPUS.glob(f"{name}-*.txt")).read_bytes())
    assert caught.value.reason == "needs-review"
    assert "keeps some of its targets in a sentence of its own" in str(caught.value)


def test_a_measure_kept_in_a_sentence_of_its_own_is_no_exception_of_targets() -> None:
    """"停止实施…中的禁止交易、合作措施。该决定规定的冻结财产措施继续实施。" (mfa20/11) stays a lift of that measure."""
    rec = parse_document((CORPUS.parent / "mfa20" / "11-lift-one-measure-whole-decision-transactions.txt").read_bytes()).notice
    assert rec is not None and [a.action for a in rec.actions] == [ActionKind.LIFT_MEASURE]


@pytest.mark.parametrize("name", ["31", "33"])
def test_a_step_told_verb_last_on_named_targets_with_no_decision_named_is_for_a_person(name: str) -> None:
    """Probes after reading the parser (mfa39/31, 33): "中方决定，自…起，对X（x）采取的反制措施不再执行。" and "…对X（x）采取的反制措施
    自…起暂停实施，为期一年。", no earlier decision named: each read as a new impose on X (a false "Imposed" item, the second with
    a term), the lift or the suspension lost, silently."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(next(CORPUS.glob(f"{name}-*.txt")).read_bytes())
    assert caught.value.reason == "needs-review"
    assert "changes an earlier decision's countermeasures" in str(caught.value)


def test_a_new_decision_with_measures_in_a_sentence_of_their_own_still_imposes() -> None:
    """Not a late step: "中方决定对X（x）采取反制措施。" then the measures: an impose."""
    rec = decision(LAW + "中方决定对红石海事系统公司（Redstone Maritime Systems LLC）采取以下反制措施：冻结其在我国境内的动产、不动产和其他各类财产。")
    assert [a.action for a in rec.actions] == [ActionKind.IMPOSE]


def test_names_listed_under_each_measure_line_are_the_targets() -> None:
    """"一、对以下企业，冻结…，禁止…：" / "（一）X（x）" … "二、对以下人员，不予签发签证、不准入境（包括香港、澳门）：" / "（一）Y（y），…公司总裁"
    (mfa39/17), no annex: refused as cut short ("the decision names no target"), the four listings held."""
    rec = case("17")
    assert people(rec) == [("风暴之眼无人机公司", "Stormeye Drones Inc.", "organization"),
                           ("峡湾战术系统公司", "Fjord Tactical Systems LLC", "organization"),
                           ("布莱恩·霍洛威", "Brian Holloway", "individual"),
                           ("奥利维亚·格兰特", "Olivia Grant", "individual")]
    assert [e.note for e in rec.entities][2:] == ["风暴之眼无人机公司总裁", "峡湾战术系统公司首席执行官"]
    assert rec.warnings == ()


def test_a_measure_line_cut_after_its_first_name_is_still_refused() -> None:
    """The lines read only up to the decision's end: a text cut after the first listed name stays cut short."""
    text = next(CORPUS.glob("17-*.txt")).read_text(encoding="utf-8")
    with pytest.raises(UnusablePage) as caught:
        parse_document(text[: text.index("（二）峡湾")].encode())
    assert caught.value.reason == "cut-short"


@pytest.mark.parametrize("name", ["34", "36"])
def test_a_decision_whose_sentence_holds_a_steps_verb_after_its_targets_is_for_a_person(name: str) -> None:
    """Probes after reading the parser (mfa39/34, 36): "…对X（x）恢复实施《…》规定的反制措施" and "…第109号对X（x）作出的暂停实施反制措施的
    决定，自…起继续实施180天": each read as a new impose of a name made of the clause (a false item), the restore and the extension
    lost, silently."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(next(CORPUS.glob(f"{name}-*.txt")).read_bytes())
    assert caught.value.reason == "needs-review"
    assert "holds a step's verb" in str(caught.value)


def test_persons_named_english_first_in_a_lift_are_lifted() -> None:
    """Probe mfa39/35: "停止…第106号中对Marcus T. Reyes 马库斯·雷耶斯、Stephen Patrick Walsh 史蒂芬·沃尔什采取的反制措施": both lifted."""
    rec = case("35")
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("marcustreyes", "stephenpatrickwalsh"))]
