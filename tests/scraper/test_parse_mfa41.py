"""Session 41's blind round on MFA decisions (tests/data/corpus/mfa41/): US defence firms with subsidiaries in tables,
persons with two transliterations, countermeasures ended early ("提前终止"), answers lifting a decree by its number, annexes
out of the page, the same decision on the embassy site, an English decision alone. Pure: text in, parse out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord, UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa41"


def text_of(name: str) -> str:
    return next(CORPUS.glob(f"{name}-*.txt")).read_text(encoding="utf-8")


def case(name: str, old: str = "", new: str = "") -> NoticeRecord:
    text = text_of(name)
    rec = parse_document((text.replace(old, new) if old else text).encode()).notice
    assert rec is not None
    return rec


def refused(text: str) -> UnusablePage:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    return caught.value


def test_an_entry_ban_ended_early_is_a_lift_of_that_measure_not_a_new_one() -> None:
    """"提前终止2034年8月5日…外交部令第188号对鲁塔·佩特劳斯凯特（Rūta Petrauskaitė）采取的不予签发签证、不准入境措施" (mfa41/21):
    read as a new entry ban on her, a false "Imposed" item (she stays listed; her entry ban ends)."""
    [step] = case("21").actions
    assert (step.action, step.measures, step.entities) == (ActionKind.LIFT_MEASURE, ("entry_ban",), ("rūtapetrauskaitė",))
    assert [t.key for t in step.targets] == ["MFA-ORDER-2034-188"]
    assert str(step.effective) == "2035-07-20"


@pytest.mark.parametrize("name", ["09", "20"])
def test_countermeasures_ended_early_are_lifted(name: str) -> None:
    """"提前终止…第184号对X（x）采取的反制措施，自…起停止实施" (mfa41/09: refused for review) and "提前终止…第183号规定的反制措施，
    自…起不再执行" (mfa41/20: refused as cut short): a lift of X, of the whole decree."""
    [step] = case(name).actions
    assert step.action is ActionKind.LIFT
    assert [t.key for t in step.targets] == ["MFA-ORDER-2034-184" if name == "09" else "MFA-ORDER-2034-183"]
    assert step.entities == (("jamesashworth",) if name == "09" else ())


def test_an_early_end_of_a_suspension_is_still_a_restore() -> None:
    """"提前终止上述暂停，恢复实施…" (mfa21): the suspension ends, the measures apply again: a restore, as before."""
    text = text_of("20").replace("提前终止2034年4月15日中华人民共和国外交部令第183号规定的反制措施，自2035年7月15日起不再执行",
                                 "提前终止对2034年4月15日中华人民共和国外交部令第183号规定的反制措施的暂停，自2035年7月15日起恢复实施")
    rec = parse_document(text.encode()).notice
    assert rec is not None
    assert [a.action for a in rec.actions] == [ActionKind.RESTORE]


@pytest.mark.parametrize("verb", ["停止实施", "暂停实施", "恢复实施", "终止实施", "提前终止"])
def test_an_answer_taking_a_step_on_a_decree_by_its_number_is_for_a_person(verb: str) -> None:
    """"答：…依据《…反外国制裁法》有关规定，中方决定，自2035年5月10日起，停止实施外交部令第185号规定的反制措施。" with no decree of
    its own (mfa41/11): read as a report of a decree, no notice, exit 0: the lift lost silently."""
    text = text_of("11").replace("停止实施外交部令", f"{verb}外交部令")
    assert refused(text).reason == "needs-review"
    assert "外交部令第185号" in refused(text).detail


def test_an_answer_taking_a_step_without_citing_the_law_is_for_a_person_too() -> None:
    text = text_of("11").replace("依据《中华人民共和国反外国制裁法》有关规定，", "")
    assert refused(text).reason == "needs-review"


@pytest.mark.parametrize("old, new", [
    ("中方决定，自2035年5月10日起，停止实施", "外交部今天发布外交部令第193号，中方决定，自2035年5月10日起，停止实施"),
    ("中方决定，自2035年5月10日起，停止实施", "中方已于5月10日停止实施"),
])
def test_an_answer_telling_a_decree_or_a_step_taken_is_still_no_notice(old: str, new: str) -> None:
    """A decree named before the verb is the decision told; a step told as done decides nothing now (mfa41/12)."""
    assert parse_document(text_of("11").replace(old, new).encode()).notice is None
    assert parse_document(text_of("12").encode()).notice is None


def test_an_annex_as_a_pipe_table_reads_each_row_as_one_entity() -> None:
    """"| 序号 | 中文名称 | 英文名称 |" / "| --- | --- | --- |" / "| 1 | 泰坦装甲车辆公司 | Titan Armored Vehicles, Inc. |" (mfa41/23, a
    copy in Markdown): the header and the rule were read as companies ("Imposed: | 序号 | 中文名称 | 英文名称 |, …", a false
    item), a name and its English as one, "Titan Armored Vehicles" a person."""
    rec = case("23")
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [
        ("泰坦装甲车辆公司", "Titan Armored Vehicles, Inc.", "organization"),
        ("蓝焰定向能系统公司", "Blueflame Directed Energy Systems LLC", "organization"),
        ("哨塔反无人机技术公司", "Watchtower Counter-UAS Technologies Corp.", "organization")]
    assert (rec.stated_count, rec.warnings) == (3, ())


def test_a_pipe_table_of_persons_with_their_posts() -> None:
    old = text_of("23")[text_of("23").index("| 序号"):]
    new = ("| 序号 | 中文姓名 | 英文姓名 | 职务 |\n|:---:|---|---|---|\n| 1 | 约翰·卡特 | John Carter | 泰坦装甲车辆公司总裁 |\n"
           "| 2 | 玛丽·李 | Mary Lee | 蓝焰定向能系统公司首席执行官 |\n| 3 | 彼得·吴 | Peter Wu | 哨塔反无人机技术公司董事长 |\n")
    rec = case("23", old, new)
    assert [(e.zh, e.en, e.type, e.note) for e in rec.entities] == [
        ("约翰·卡特", "John Carter", "individual", "泰坦装甲车辆公司总裁"),
        ("玛丽·李", "Mary Lee", "individual", "蓝焰定向能系统公司首席执行官"),
        ("彼得·吴", "Peter Wu", "individual", "哨塔反无人机技术公司董事长")]


MFA40 = CORPUS.parent / "mfa40"


def test_a_decision_correcting_a_name_in_an_earlier_decree_gives_the_corrected_name() -> None:
    """"关于更正外交部令第140号中有关人员姓名的决定 … 第140号《…》中的“埃莱娜·博德罗（Hélène Bédard-Côté）”，更正为“埃莱娜·贝达尔-
    科泰（Hélène Bédard-Côté）”。对其采取的反制措施不变。" (mfa40/10, session 40's open B): refused as cut short, "names no target",
    a health problem until a person accepted it. Now the corrected name, keyed as first written, and the decree it corrects."""
    text = next(MFA40.glob("10-*.txt")).read_text(encoding="utf-8")
    rec = parse_document(text.encode()).notice
    assert rec is not None and rec.key == "MFA-ORDER-2031-149"
    assert rec.actions == () and rec.warnings == ()
    assert [(e.zh, e.en, e.key) for e in rec.entities] == [("埃莱娜·贝达尔-科泰", "Hélène Bédard-Côté", "hélènebédardcôté")]
    assert [r.key for r in rec.references] == ["MFA-ORDER-2031-140"]
    assert rec.title is not None and "更正" in rec.title


def test_a_name_correction_naming_two_decrees_is_still_refused() -> None:
    text = next(MFA40.glob("10-*.txt")).read_text(encoding="utf-8").replace(
        "中的“埃莱娜", "和2031年2月3日中华人民共和国外交部令第141号中的“埃莱娜")
    assert refused(text).reason == "cut-short"


def test_an_answer_naming_the_decree_between_its_decision_and_its_verb_is_for_a_person() -> None:
    """"答：…中方决定，外交部令第185号规定的反制措施自2035年5月10日起停止实施。" (mfa41 probe 26, written after reading
    ``steps_on_decree_here``: the decree looked for after the verb only, no notice, exit 0)."""
    text = (CORPUS / "26-probe-answer-decree-before-verb.txt").read_text(encoding="utf-8")
    assert refused(text).reason == "needs-review"


def test_a_name_the_annex_gives_as_another_transliteration_is_the_annexed_person() -> None:
    """Prose "卡塔琪娜·诺瓦科夫斯卡" of the annex's "卡塔日娜·诺瓦科夫斯卡（又译卡塔琪娜·诺瓦科夫斯卡，Katarzyna Nowakowska），女，
    波兰籍，…" (mfa41/22): a false warning "named in the decision but not in the annex" (a health problem)."""
    rec = case("22")
    assert rec.warnings == ()
    [_, person, _] = rec.entities
    assert (person.zh, person.en, person.aliases) == ("卡塔日娜·诺瓦科夫斯卡", "Katarzyna Nowakowska", ("卡塔琪娜·诺瓦科夫斯卡",))


def test_a_second_transliteration_is_an_alias_of_the_person() -> None:
    """"马克·韦瑟斯（又译马克·维泽斯，Mark Wethers）" (mfa41/03): the other transliteration is his other name (a lift or a
    screening by it finds him), the note's other words none."""
    [person] = case("03").entities
    assert (person.key, person.aliases) == ("markwethers", ("马克·维泽斯",))


URL24 = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/203509/t20350915_11900200.shtml"


@pytest.mark.parametrize("moved", [False, True])
def test_rows_under_a_cell_spanning_rows_keep_their_columns(moved: bool) -> None:
    """"<td rowspan=\\"3\\">洛克斯通防务集团（…）</td>" in a 所属集团 column (mfa41/24): the rows under it lost a cell, their Chinese
    names read as notes and no Chinese name; with the spanning column after the Chinese one, the English lost (a key of
    the Chinese name)."""
    html = next(CORPUS.glob("24-*.html")).read_text(encoding="utf-8")
    if moved:  # the group's column between the Chinese and the English names
        html = html.replace("<td>所属集团</td><td>中文名称</td>", "<td>中文名称</td><td>所属集团</td>").replace(
            '<td rowspan="3">洛克斯通防务集团（Rockstone Defense Group）</td><td>洛克斯通精确制导公司</td>',
            '<td>洛克斯通精确制导公司</td><td rowspan="3">洛克斯通防务集团（Rockstone Defense Group）</td>')
    rec = parse_document(html.encode(), url=URL24).notice
    assert rec is not None and rec.warnings == ()
    assert [(e.zh, e.en) for e in rec.entities] == [
        ("洛克斯通精确制导公司", "Rockstone Precision Guidance, Inc."),
        ("洛克斯通电子战系统公司", "Rockstone Electronic Warfare Systems LLC"),
        ("洛克斯通太空防御公司", "Rockstone Space Defense Corp.")]
    assert {e.note for e in rec.entities} == {"洛克斯通防务集团（Rockstone Defense Group）"}


def test_an_answer_on_a_page_saying_the_decree_was_issued_is_still_a_report() -> None:
    """"问：据报道，外交部今天发布决定，暂停实施…" (mfa39/11): the answer tells the decree published that day (no notice, as
    pinned); the same answer with no decree issued is held (mfa41/11)."""
    text = text_of("11").replace("问：据报道，中方决定", "问：据报道，外交部今天发布决定，")
    assert parse_document(text.encode()).notice is None


def test_countermeasures_ended_early_with_jieshu_are_lifted() -> None:
    """"提前结束…第184号对X（x）采取的反制措施" (mfa41 probe 25: held for review, '停止' after the targets)."""
    [step] = parse_document((CORPUS / "25-probe-early-end-tiqian-jieshu.txt").read_bytes()).notice.actions  # type: ignore[union-attr]
    assert (step.action, step.entities) == (ActionKind.LIFT, ("jamesashworth",))
    assert [t.key for t in step.targets] == ["MFA-ORDER-2034-184"]


def test_an_answer_whose_question_tells_of_a_report_is_still_held() -> None:
    """"问：有媒体发布消息称中方决定停止…" over the answer deciding "停止实施外交部令第185号…" (mfa41 probe 28): "发布…决定" read as a
    decree issued, so the answer a report: no notice, exit 0. Only the ministry issuing a decree makes it a report."""
    text = (CORPUS / "28-probe-answer-media-published-report.txt").read_text(encoding="utf-8")
    assert refused(text).reason == "needs-review"
    assert parse_document(text.replace("有媒体发布消息称", "外交部今天发布决定，").encode()).notice is None


def _piped(text: str, lines: list[str]) -> str:
    """``text`` with its numbered annex lines "N. 中文（English）" as a pipe table under a header and a rule."""
    rows = ["| 序号 | 中文名称 | 英文名称 |", "| --- | --- | --- |"]
    for line in lines:
        n, rest = line.split(".", 1)
        zh, en = rest.strip().split("（", 1)
        rows.append(f"| {n} | {zh} | {en.rstrip('）')} |")
    return text.replace("\n".join(lines), "\n".join(rows))


@pytest.mark.parametrize("name", ["mfa17/05", "ecl/01"])
def test_a_mofcom_annex_as_a_pipe_table_reads_each_row(name: str) -> None:
    """A MOFCOM AFSL order's and an ECL notice's annex written as a Markdown pipe table (mfa41 probes on the MOFCOM annex
    reader): 1 of 3 and 0 of 12 read, only a count warning said so."""
    text = next(CORPUS.parent.glob(f"{name}-*.txt")).read_text(encoding="utf-8")
    numbered = [line for line in text.split("\n") if line[:1].isdigit() and "（" in line and "." in line[:4]]
    rec = parse_document(_piped(text, numbered).encode()).notice
    plain = parse_document(text.encode()).notice
    assert rec is not None and plain is not None and len(numbered) >= 3
    assert [(e.zh, e.en) for e in rec.entities] == [(e.zh, e.en) for e in plain.entities]
    assert rec.warnings == plain.warnings


@pytest.mark.parametrize("verb", ["提前终止", "停止"])
def test_a_decree_listing_anew_with_a_clause_ending_anothers_measures_is_for_a_person(verb: str) -> None:
    """"三、提前终止2034年8月5日…外交部令第188号对鲁塔·佩特劳斯凯特（Rūta Petrauskaitė）采取的反制措施。" in a decree listing 3 (mfa41
    probe 29; with 停止 too): read as the listing alone, the lift lost, only a quiet "not in the annex" warning."""
    text = (CORPUS / "29-probe-impose-and-clause-ending-another-early.txt").read_text(encoding="utf-8")
    assert refused(text.replace("三、提前终止", f"三、{verb}")).reason == "needs-review"


def test_a_term_that_may_be_ended_early_is_no_step() -> None:
    """"…采取以下反制措施，为期三年，期满前可视情提前终止：" (mfa41 probe): 提前终止 with no object is no lift verb (held, as on main,
    for its 终止 after the targets; never a lift of the decree's own targets)."""
    text = text_of("08").replace("为期三年：", "为期三年，期满前可视情提前终止：")
    with pytest.raises(UnusablePage):
        parse_document(text.encode())
