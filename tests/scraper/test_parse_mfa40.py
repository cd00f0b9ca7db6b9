"""Session 40's blind round on MFA decisions (tests/data/corpus/mfa40/): Canadian, Japanese, European and Lithuanian
persons and bodies, a body named after its chair ("及其领导的"), an end day told with the start, a lift of a chair whose body
stays, a term lengthened of a decree named by date, a list replaced whole, an answer that is the decision. Pure: text in,
parse out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord, UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa40"


def text_of(name: str) -> str:
    return next(CORPUS.glob(f"{name}-*.txt")).read_text(encoding="utf-8")


def case(name: str, old: str = "", new: str = "") -> NoticeRecord:
    text = text_of(name)
    rec = parse_document((text.replace(old, new) if old else text).encode()).notice
    assert rec is not None
    return rec


def people(rec: NoticeRecord) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.zh, e.en, e.type) for e in rec.entities]


def refused(text: str) -> UnusablePage:
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    return caught.value


@pytest.mark.parametrize("verb", ["领导", "创办", "牵头成立", "担任主席"])
def test_a_body_named_after_its_chair_with_jiqi_is_a_target(verb: str) -> None:
    """"对…维陶塔斯·扎卡雷维丘斯（Vytautas Žakarevičius）及其领导的“立陶宛—台湾论坛”（Lithuania–Taiwan Forum），以及…" (mfa40/04):
    the body was lost, silently (no "Imposed" item for it)."""
    rec = case("04", "及其领导的", f"及其{verb}的")
    assert people(rec) == [("维陶塔斯·扎卡雷维丘斯", "Vytautas Žakarevičius", "individual"),
                           ("立陶宛—台湾论坛", "Lithuania–Taiwan Forum", "organization"),
                           ("阿格涅·维苏凯特", "Agnė Visuckaitė", "individual")]
    assert rec.warnings == ()


def test_a_companys_staff_words_after_jiqi_still_name_no_one() -> None:
    """"X及其高级管理人员" (no names): the company alone, as before."""
    rec = case("04", "及其领导的“立陶宛—台湾论坛”（Lithuania–Taiwan Forum）", "及其高级管理人员")
    assert [e.zh for e in rec.entities] == ["维陶塔斯·扎卡雷维丘斯", "阿格涅·维苏凯特"]


def test_an_end_day_told_with_the_start_ends_the_countermeasures() -> None:
    """"中方决定，自2031年7月1日起至2033年6月30日止，对X（x）采取以下反制措施" (mfa40/07): no end was read, so the listing never
    lapsed (a wrong state after 2033-06-30, no item)."""
    [impose] = case("07").actions
    assert (impose.action, impose.effective, impose.until) == (ActionKind.IMPOSE, "2031-07-01", date(2033, 6, 30))


def test_an_end_day_in_the_reasons_is_no_term() -> None:
    """A span told before the decision (the reasons) is not the decision's."""
    rec = case("07", "长期与", "自2030年1月1日起至2030年3月1日止多次与")
    assert rec.actions[0].until == date(2033, 6, 30)
    rec = case("07", "自2031年7月1日起至2033年6月30日止，对", "对")
    assert rec.actions[0].until is None


def test_a_lift_of_a_chair_does_not_lift_the_body_kept_in_the_next_sentence() -> None:
    """"鉴于X已不再担任Y会长，…中方决定，…停止…第142号中对X（x）采取的反制措施。对Y采取的反制措施继续有效。" (mfa40/22): Y was
    lifted too ("Lifted: Taiwan Strategy Research Association and KITAZAWA Yuichiro"), falsely, silently: the reasons before
    the decision named it in the step's sentence."""
    rec = case("22")
    [lift] = rec.actions
    assert (lift.action, [t.key for t in lift.targets], lift.entities) == (
        ActionKind.LIFT, ["MFA-ORDER-2031-142"], ("kitazawayuichiro",))


def test_a_japanese_name_romanised_surname_first_in_capitals_is_a_person() -> None:
    """"北泽雄一郎（KITAZAWA Yuichiro）" in a lift (mfa40/22): typed an organisation (the capitals read as an acronym)."""
    assert people(case("22"))[0] == ("北泽雄一郎", "KITAZAWA Yuichiro", "individual")


@pytest.mark.parametrize("written", ["期限届满后延长两年，至2035年6月30日止", "期限延长至2035年6月30日"])
def test_a_term_lengthened_of_a_decision_named_by_its_date_is_for_a_person(written: str) -> None:
    """"中方于2031年6月20日决定对X（x）采取的反制措施，期限届满后延长两年，至2035年6月30日止" (mfa40/21): read as a new impose on X
    (a false "Imposed" item), the extension lost."""
    err = refused(text_of("21").replace("期限届满后延长两年，至2035年6月30日止", written))
    assert err.reason == "needs-review"
    assert "changes the term of an earlier decision" in str(err)


def test_a_list_replaced_whole_is_keyed_by_its_own_number_and_held_for_a_person() -> None:
    """"关于修订外交部令第144号所附《反制清单》的决定" / "…第144号《…》所附《反制清单》修订为本决定所附《反制清单》" (mfa40/11): keyed as
    No. 144 (an alias conflict with No. 144's own page; alone, a listing of the new annex under No. 144), and read as a new
    listing: the names the new list drops stayed in force, silently."""
    err = refused(text_of("11"))
    assert err.reason == "needs-review"
    assert "replaces an earlier decision's list whole" in str(err)
    assert "(MFA-ORDER-2031-150)" in err.notice


def test_a_decree_named_in_the_title_before_the_own_header_does_not_key_the_decision() -> None:
    """The title names No. 144, the header bracket No. 150: the key is No. 150's."""
    text = text_of("11").replace("修订为本决定所附《反制清单》", "增列玛丽亚·科瓦尔斯卡（Maria Kowalska）")
    try:
        rec = parse_document(text.encode()).notice
    except UnusablePage as err:
        assert "(MFA-ORDER-2031-150)" in err.notice
        return
    assert rec is not None and rec.key == "MFA-ORDER-2031-150"


def test_an_answer_that_decides_countermeasures_on_named_persons_is_for_a_person() -> None:
    """"外交部发言人就中方决定对捷克参议员采取反制措施答记者问" / "答：…中方决定对A（a）、B（b）采取反制措施，…为期五年" (mfa40/17):
    its title read as a report of a decree: no notice, exit 0, the two listings lost, silently."""
    err = refused(text_of("17"))
    assert err.reason == "needs-review"
    assert "an answer announces countermeasures" in str(err)


def test_an_answer_telling_of_a_decree_is_still_a_report() -> None:
    """An answer naming the decree (外交部令) reports it: no notice, as before."""
    text = text_of("17").replace("依据《中华人民共和国对外关系法》和", "外交部令第156号已依据")
    assert parse_document(text.encode()).notice is None


def test_a_lift_of_the_measures_announced_on_a_day_names_that_days_decision() -> None:
    """"停止实施中方于2031年6月1日宣布的反制措施" (mfa40/19): refused as cut short ("names no target"), the lift held."""
    [lift] = case("19").actions
    assert lift.action is ActionKind.LIFT
    assert [(t.key, t.date) for t in lift.targets] == [(None, date(2031, 6, 1))]


@pytest.mark.parametrize("name", ["03", "18"])
def test_a_country_before_a_quoted_name_is_no_part_of_it(name: str) -> None:
    """"对日本“台湾战略研究会”（Taiwan Strategy Research Association）" (mfa40/03, 18): the name kept the country and the quotes."""
    rec = case(name)
    assert rec.entities[0].zh in ("台湾战略研究会", "自由中国台湾协会")
    assert rec.entities[0].country in ("JP", "LT")


def test_two_decrees_on_a_page_are_held_under_the_first_ones_number() -> None:
    """Two decrees on one page (mfa40/16): held for a person, naming the first (No. 151), not the second's header."""
    err = refused(text_of("16"))
    assert err.reason == "needs-review" and "(MFA-ORDER-2031-151)" in err.notice


@pytest.mark.parametrize("name", ["23", "24", "25"])
def test_a_term_told_as_youxiaoqi_or_qixian_ends_the_countermeasures(name: str) -> None:
    """"本决定自…起施行，有效期三年。", "上述反制措施有效期至2035年4月30日。", "采取以下反制措施，期限两年：" (mfa40 probes 23-25): no end
    was read (TERM_RE wanted 期限为/为期, and only in the decision's sentence): the listing never lapsed."""
    [impose] = case(name).actions
    assert impose.until == {"23": date(2035, 4, 8), "24": date(2035, 4, 30), "25": date(2034, 6, 3)}[name]


def test_a_validity_of_something_else_is_no_term() -> None:
    """"有效期" of no countermeasure (a visa's, in the reasons) ends nothing."""
    rec = case("06", "长期在涉港问题上", "持有的签证有效期为五年，长期在涉港问题上")
    assert rec.actions[0].until == date(2034, 6, 1)  # 为期三年, as written
    rec = case("06", "采取以下反制措施，为期三年：", "采取以下反制措施：")
    assert rec.actions[0].until is None


def test_an_answer_deciding_on_named_persons_after_telling_of_an_earlier_decree_is_for_a_person() -> None:
    """"答：今年1月，中方已依据外交部令第140号对…采取反制措施。…中方决定对A（a）、B（b）采取反制措施…" (mfa40 probe 26): read as a
    report of a decree (it names one), no notice, exit 0, the two listings lost, silently."""
    err = refused(text_of("26"))
    assert err.reason == "needs-review" and "an answer announces countermeasures" in str(err)


def test_a_bodys_acronym_after_a_chinese_comma_is_no_part_of_its_english_name() -> None:
    """"（European Institute for China Policy，EICP）" (mfa40/05): the English and the key kept "，EICP", so a counterparty
    written "European Institute for China Policy" screened as a possible match only. A legal form is kept."""
    rec = case("05")
    assert (rec.entities[0].en, rec.entities[0].note) == ("European Institute for China Policy", "简称EICP")
    rec = case("05", "European Institute for China Policy，EICP", "European Institute for China Policy，LLC")
    assert rec.entities[0].en == "European Institute for China Policy，LLC"


@pytest.mark.parametrize("name", ["27", "28"])
def test_an_answer_deciding_sanctions_in_other_words_is_for_a_person(name: str) -> None:
    """"答：…中方依据《…反外国制裁法》宣布对其采取反制措施，禁止其入境…" (mfa40 probe 27: a Q&A with no action, silently) and
    "答：依据《…反外国制裁法》，中方决定对A（a）、B（b）实施制裁，禁止其入境。" (probe 28: no notice, exit 0)."""
    err = refused(text_of(name))
    assert err.reason == "needs-review"


def test_a_report_naming_the_decree_in_the_deciding_sentence_is_still_no_notice() -> None:
    """A page telling the decree ("外交部令第156号") in the deciding sentence is a report: no notice, as before."""
    text = text_of("28").replace("，中方决定对", "，外交部发布外交部令第156号，中方决定对")
    assert parse_document(text.encode()).notice is None


@pytest.mark.parametrize("words", ["及其控制的企业", "及其领导的组织", "及其领导的机构和人员", "及其控制的全部企业"])
def test_a_bodys_description_after_jiqi_names_no_target(words: str) -> None:
    """"X（x）及其控制的企业" names no body: no target "企业" (a false "Imposed" item), X alone as before."""
    rec = case("04", "及其领导的“立陶宛—台湾论坛”（Lithuania–Taiwan Forum）", words)
    assert [e.zh for e in rec.entities] == ["维陶塔斯·扎卡雷维丘斯", "阿格涅·维苏凯特"]


def test_a_span_of_one_measure_is_no_term_of_the_decision() -> None:
    """"…采取反制措施，冻结其…财产，并自2031年7月1日起至2033年6月30日止对其负责人不予签发签证。" (a probe of 07's fix): the span is
    the entry ban's; read as the listing's term it would lift the body from 2033-07-01 while its assets stay frozen."""
    rec = case("07", "中方决定，自2031年7月1日起至2033年6月30日止，对布拉格亚洲安全研究中心（Pražské centrum pro asijskou bezpečnost, "
               "z. ú.）采取以下反制措施：", "中方决定对布拉格亚洲安全研究中心（Pražské centrum pro asijskou bezpečnost, z. ú.）采取反制措施，冻结"
               "其在我国境内的动产、不动产和其他各类财产，并自2031年7月1日起至2033年6月30日止对其负责人不予签发签证。")
    assert rec.actions[0].until is None
