"""Session 47's blind round on MFA decisions (tests/data/corpus/mfa47/) and session 46's open B: Latin company names with
", Inc." in a decision's sentence, one measure written in full ("冻结在我国境内的动产…的措施") suspended, a Taiwan-region company
among US ones under a US title, the states no country table held (格鲁吉亚, 黎巴嫩, …), the decree an amendment names by a
number with its year, a legal form after a traditional name in the bracket, labelled annex entries ("姓名：…", "国籍：…"),
a body with its bracket and a post before a person's name, a step naming a person in traditional script. Pure: text in,
parse out."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.parse.mfa.names import split_target
from storage.countries import STATES, country_code
from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused


def text_of(name: str) -> str:
    return case_named(name, "mfa47")


LATIN_FIRMS = ("Ironclad Defense Systems, Inc.", "Harbor Light Avionics Co., Ltd.", "Cobalt Ridge Aerospace, LLC")


def test_latin_names_with_a_legal_form_after_a_comma_are_whole() -> None:
    """"对Ironclad Defense Systems, Inc.、Harbor Light Avionics Co., Ltd.、Cobalt Ridge Aerospace, LLC等3家…" (mfa47/21): the
    comma of ", Inc." ended the targets: one entity "Ironclad Defense Systems", the other two and the count lost, silently."""
    rec = read(text_of("21"))
    assert [e.en for e in rec.entities] == list(LATIN_FIRMS)
    assert rec.stated_count == 3 and not rec.warnings
    assert [e.country for e in rec.entities] == ["US"] * 3


@pytest.mark.parametrize("form", ["Inc.", "Corp.", "L.L.C.", "GmbH", "S.A.", "PLC"])
def test_a_lift_of_a_latin_name_with_its_legal_form(form: str) -> None:
    lift = text_of("16").replace("对Jan van der Berg、Karin Meyer-Schmidt采取", f"对Ironclad Defense Systems, {form}采取")
    rec = read(lift)
    assert [(a.action, len(a.entities)) for a in rec.actions] == [(ActionKind.LIFT, 1)]
    assert [e.en for e in rec.entities] == [f"Ironclad Defense Systems, {form}"]


def test_a_comma_before_a_word_that_is_no_legal_form_still_ends_the_targets() -> None:
    """"Co" opening a word ("Cobalt") is no legal form: a comma before it ends the targets as before."""
    rec = read(text_of("21").replace("Ironclad Defense Systems, Inc.、Harbor Light Avionics Co., Ltd.、Cobalt Ridge Aerospace, LLC等3家",
                                     "Ironclad Defense Systems等1家"))
    assert [e.en for e in rec.entities] == ["Ironclad Defense Systems"]


@pytest.mark.parametrize("measure", [
    "冻结在我国境内的动产、不动产和其他各类财产的措施",
    "冻结在我国境内的动产、不动产和其他各类财产措施",
    "禁止我国境内的组织、个人与其进行有关交易、合作等活动的措施",
])
def test_a_suspension_of_one_measure_written_in_full_is_held(measure: str) -> None:
    """"暂停执行…对晨星定向能公司（…）采取的冻结在我国境内的动产、不动产和其他各类财产的措施，暂停期限为1年" (mfa47/17): no measure
    was read (的 inside it), so the company's whole listing was suspended, its transaction ban too, silently."""
    text = text_of("17").replace("冻结在我国境内的动产、不动产和其他各类财产的措施", measure)
    assert refused(text).reason == "needs-review"


def test_a_lift_of_one_measure_written_in_full_lifts_that_measure() -> None:
    text = text_of("17").replace("暂停执行", "解除").replace("，暂停期限为1年", "").replace("暂停对", "解除对")
    rec = read(text)
    assert [(a.action, a.measures) for a in rec.actions] == [(ActionKind.LIFT_MEASURE, ("asset_freeze",))]


def test_a_suspension_of_all_measures_is_no_measure() -> None:
    """"…采取的全部反制措施" stays a suspension of the listing (ALL_MEASURES_WORDS)."""
    text = text_of("17").replace("冻结在我国境内的动产、不动产和其他各类财产的措施", "全部反制措施").replace("其他反制措施继续执行。", "")
    rec = read(text)
    assert [(a.action, a.measures, a.until) for a in rec.actions] == [(ActionKind.SUSPEND, (), date(2033, 11, 15))]


@pytest.mark.parametrize(("lead", "code"), [("台湾地区", "TW"), ("中国台湾地区", "TW"), ("香港特别行政区", "HK"),
                                            ("中国澳门特别行政区", "MO")])
def test_a_region_company_among_us_ones_is_from_that_region(lead: str, code: str) -> None:
    """"美国A（a）、B（b）以及台湾地区C（c）" under "关于对美国军工企业…" (mfa47/10, mfa46's open B): C showed US, a false country."""
    rec = read(text_of("10").replace("台湾地区海峡", f"{lead}海峡"))
    assert [e.country for e in rec.entities] == ["US", "US", code]


def test_a_name_about_taiwan_keeps_the_decisions_country() -> None:
    """"台湾战略研究会" (no 地区) is about Taiwan, not from it (mfa40/03): the title's country, as before."""
    rec = read(text_of("10").replace("台湾地区海峡无人机股份有限公司", "台湾海峡研究会"))
    assert [e.country for e in rec.entities] == ["US", "US", "US"]


@pytest.mark.parametrize(("case", "codes"), [
    ("11", ["IL", "GR", "AM", "UA", "IN"]),
    ("12", ["GE", "LB", "MD", "MK", "ME"]),
    ("26", ["GE", "LB", "AT", "AZ"]),
])
def test_the_other_states_are_countries(case: str, codes: list[str]) -> None:
    """"亚美尼亚籍", "…），格鲁吉亚", a 国籍 cell "黎巴嫩" (mfa47/11, 12, 26; mfa46/12's open B): no country."""
    assert [e.country for e in read(text_of(case)).entities] == codes


def test_the_other_states_are_read_only_whole() -> None:
    """A state's name inside a person's name or a title is no country: "杰伊·马拉维" (Jay Malave, real2/28) holds 马拉维
    (Malawi); "关于对约翰·巴林顿…" 巴林 (Bahrain)."""
    person = text_of("15").replace("日本众议院议员高桥健一（Takahashi Kenichi）", "约翰·巴林顿（John Barrington）").replace(
        "高桥健一", "约翰·巴林顿").replace("关于对日本众议院议员", "关于对约翰·巴林顿")
    rec = read(person)
    assert [(e.zh, e.country) for e in rec.entities] == [("约翰·巴林顿", None)]


@pytest.mark.parametrize(("written", "code"), [("Georgia", "GE"), ("黎巴嫩", "LB"), ("MDA", "MD"), ("Swaziland", "SZ"),
                                               ("埃斯瓦蒂尼", "SZ"), ("North Macedonia", "MK"), ("Palau", "PW")])
def test_screening_reads_the_other_states(written: str, code: str) -> None:
    assert country_code(written) == code
    assert all(country_code(zh) == c for zh, (c, _, _) in STATES.items())


def test_an_amendment_names_its_decree_by_the_year_in_its_number() -> None:
    """"对外交部令2032年第151号后附《反制清单》作如下修改" (mfa47/07): read as a number of no year, the store left to guess the year."""
    rec = read(text_of("07"))
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [(ActionKind.IMPOSE, ["MFA-ORDER-2032-151"])]
    assert [(e.zh, e.en) for e in rec.entities] == [("马库斯·惠勒", "Marcus Wheeler")]


@pytest.mark.parametrize(("written", "en", "note"), [
    ("天穹防务科技股份有限公司（天穹防務科技股份有限公司，Skydome Defense Technology Co., Ltd.）",
     "Skydome Defense Technology Co., Ltd.", "天穹防務科技股份有限公司"),
    ("海峡无人机公司（Strait UAV Co.，Ltd.，中国台湾地区）", "Strait UAV Co., Ltd.", "中国台湾地区"),
    ("吉奥尔吉·贝里泽（გიორგი ბერიძე，Giorgi Beridze）", "Giorgi Beridze", "გიორგი ბერიძე"),
])
def test_a_legal_form_after_another_name_in_the_bracket_stays_in_the_english(written: str, en: str, note: str) -> None:
    """"（天穹防務科技股份有限公司，Skydome Defense Technology Co., Ltd.）" (mfa47/09): "Skydome Defense Technology Co.", "Ltd." a note."""
    assert split_target(written)[1:3] == (en, note)


def test_labelled_annex_entries() -> None:
    """"一、姓名：布拉德利·哈克（Bradley Hacker）" / "性别：男" / "国籍：美国" / "职务：…" (mfa47/14): "姓名：" kept in the Chinese name."""
    rec = read(text_of("14"))
    assert [(e.zh, e.en, e.country, e.type) for e in rec.entities] == [
        ("布拉德利·哈克", "Bradley Hacker", "US", "individual"), ("斯蒂芬妮·罗斯", "Stephanie Ross", "US", "individual")]
    assert [e.note for e in rec.entities] == ["美国国会众议员", "美国国会参议员"]
    other = read(text_of("14").replace("美国国会议员", "有关国家议员").replace("国籍：美国\n　　职务：美国国会参议员", "国籍：格鲁吉亚\n　　职务：议员"))
    assert [e.country for e in other.entities][1] == "GE"


def test_a_body_with_its_bracket_and_a_post_before_a_person() -> None:
    """"“自由之声基金会”（自由之聲基金會，Voice of Liberty Foundation）主席埃伦·哈珀（Ellen Harper）" (mfa47/19): the body, its bracket
    and the post were the person's Chinese name."""
    rec = read(text_of("19"))
    assert [(e.zh, e.en) for e in rec.entities] == [("埃伦·哈珀", "Ellen Harper"), ("迈克尔·唐", "Michael Tang")]
    assert rec.entities[0].note is not None and rec.entities[0].note.endswith("Voice of Liberty Foundation）主席")


def test_a_step_names_a_person_in_traditional_script() -> None:
    """"解除外交部令2029年第74号对陳建宏采取的反制措施" (mfa47/30; 陈建宏 listed): the lift's entity 陳建宏 was on no listing."""
    rec = read(text_of("30"))
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("陈建宏",))]
    assert [e.zh for e in rec.entities] == ["陈建宏"]


@pytest.mark.parametrize("measures", ["冻结、禁止交易等反制措施", "全部反制措施", "各项反制措施"])
def test_a_lift_of_measures_named_as_a_whole_lifts_the_listing(measures: str) -> None:
    """A measure verb before 等, 反制, 全部…: the measures as a whole, the listing lifted (VERB_OBJECT_RE reads none of them)."""
    text = text_of("17").replace("暂停执行", "解除").replace("，暂停期限为1年", "").replace("暂停对", "解除对").replace(
        "冻结在我国境内的动产、不动产和其他各类财产的措施", measures).replace("其他反制措施继续执行。", "")
    assert [(a.action, a.measures) for a in read(text).actions] == [(ActionKind.LIFT, ())]


REGION_PERSONS = """关于对黄淑芬等人采取反制措施的决定
2029-08-08 10:00

（2029年8月8日中华人民共和国外交部令第90号公布，自2029年8月8日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对台湾地区黄淑芬（Huang Shu-fen）、王志强（Wang Chih-chiang）等2名人员采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、禁止我国境内的组织、个人与其进行有关交易、合作等活动。

本决定自2029年8月8日起施行。

外交部
2029年8月8日
"""


def test_a_person_after_the_region_words_is_from_that_region() -> None:
    """"对台湾地区黄淑芬（Huang Shu-fen）、…": "台湾地区黄淑芬" was her Chinese name and no country read; the region is the
    note and her country (the key stays the English's)."""
    rec = read(REGION_PERSONS)
    assert [(e.zh, e.country, e.note, e.key) for e in rec.entities] == [
        ("黄淑芬", "TW", "台湾地区", "huangshufen"), ("王志强", None, None, "wangchihchiang")]
