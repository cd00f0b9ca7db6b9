"""Session 49's MFA round (tests/data/corpus/mfa49/) and mfa48's open B: a bare Chinese name after 禁止 that the text vouches
for ("禁止石平本人及其直系亲属入境" under "关于对石平采取…"), a long role before a transliterated name after 禁止, Taiwan-region
persons "禁止台湾地区A、B…进入大陆", a "，"-list with no count, Latin names after "…所列" in a lift and typed by shape in a text
naming both kinds; the round's faults: "加拿大国籍", "…委员会委员X", "（English）（原名：…）", "等2家企业和1名…". Pure: text in,
parse out."""

from __future__ import annotations

import pytest

from scraper.parse.mfa.names import split_target
from tests.scraper.corpus_cases import case_named, read, refused


def text_of(name: str, corpus_set: str = "mfa49") -> str:
    return case_named(name, corpus_set)


def people(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(e.zh, e.en, e.country, e.type) for e in read(text).entities]


DECISION_10 = "中方决定禁止石原太郎本人及其直系亲属入境（包括香港、澳门），并禁止我国境内的组织、个人与其进行交易、合作等活动。"


def test_a_bare_name_after_jinzhi_vouched_for_by_an_office_or_the_title() -> None:
    """mfa49/10; mfa48's open B ("中方决定禁止石平本人及其直系亲属入境。": refused as cut short)."""
    rec = read(text_of("10"))
    assert [(e.zh, e.en, e.country, e.type) for e in rec.entities] == [("石原太郎", None, "JP", "individual")]
    assert [a.measures for a in rec.actions] == [("transaction_ban", "entry_ban")]
    assert not rec.warnings
    # the title alone vouches: "关于对石平采取反制措施的决定"
    only_title = text_of("10").replace("日本参议员石原太郎长期", "有关人员长期").replace(
        "关于对日本参议员石原太郎采取", "关于对石原太郎采取")
    assert [e.zh for e in read(only_title).entities] == ["石原太郎"]


@pytest.mark.parametrize(("old", "new"), [
    # nothing vouches for the name: a person must read it
    ("日本参议员石原太郎长期", "有关人员长期"),
    # descriptions, pronouns and a side are no names
    ("禁止石原太郎本人", "禁止有关人员"),
    ("禁止石原太郎本人", "禁止其本人"),
    ("禁止石原太郎本人", "禁止美方人员"),
    ("禁止石原太郎本人", "禁止上述人员"),
])
def test_other_bare_words_after_jinzhi_stay_refused(old: str, new: str) -> None:
    text = text_of("10").replace(old, new)
    if "有关人员长期" in text:
        text = text.replace("关于对日本参议员石原太郎采取", "关于对日本有关人员采取")
    assert refused(text).reason in ("cut-short", "needs-review")


def test_a_long_role_before_a_transliterated_name_after_jinzhi() -> None:
    """mfa49/11: "禁止美国国会众议院外交委员会主席马克·汤普森本人及其直系亲属入境" (a 13-character role): cut short."""
    assert people(text_of("11")) == [("马克·汤普森", None, "US", "individual")]


def test_taiwan_region_persons_barred_from_the_mainland() -> None:
    """mfa49/12 and mfa48's open wording "中方决定禁止台湾地区林志明、许雅婷及其直系亲属进入大陆以及香港、澳门特别行政区。"."""
    assert people(text_of("12")) == [("陈建宏", None, "TW", "individual"), ("黄淑芬", None, "TW", "individual")]
    mfa48 = text_of("07", "mfa48")
    decision = mfa48[mfa48.index("中方决定禁止") : mfa48.index("\n", mfa48.index("中方决定禁止"))]
    rec = read(mfa48.replace(decision, "中方决定禁止台湾地区林志明、许雅婷及其直系亲属进入大陆以及香港、澳门特别行政区。"))
    assert [(e.zh, e.country, e.type) for e in rec.entities] == [("林志明", "TW", "individual"), ("许雅婷", "TW", "individual")]
    assert [a.measures for a in rec.actions] == [("entry_ban",)]


@pytest.mark.parametrize("names", ["台湾地区有关人员", "台湾地区“台独”顽固分子林志明", "台湾地区林志明和许雅婷"])
def test_other_region_phrases_stay_refused(names: str) -> None:
    assert refused(text_of("12").replace("台湾地区陈建宏、黄淑芬", names)).reason in ("cut-short", "needs-review")


def test_a_comma_list_with_no_count() -> None:
    """mfa49/13; mfa48/17 with "等4人" taken out: held for a person."""
    assert people(text_of("13")) == [("詹姆斯·卡特", "James Carter", "US", "individual"),
                                     ("丽莎·摩根", "Lisa Morgan", "US", "individual"),
                                     ("大卫·李", "David Lee", "US", "individual")]
    assert len(read(text_of("17", "mfa48").replace("等4人采取", "采取")).entities) == 4


def test_a_comma_list_whose_items_are_not_all_names_in_brackets_stays_held() -> None:
    text = text_of("13").replace("，美国国会前幕僚大卫·李（David Lee）", "，美国国会前幕僚大卫·李")
    assert refused(text).reason == "needs-review"


def test_latin_names_after_suolie_in_a_lift_naming_both_kinds() -> None:
    """mfa49/14: "解除对外交部令2040年第313号所列Harbor Freedom Institute、John Miller、Susan Clark采取的反制措施" under
    "关于解除对有关机构和人员反制措施的决定": the pointer words were the body's Chinese name, the persons organisations."""
    rec = read(text_of("14"))
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [
        (None, "Harbor Freedom Institute", "organization"), (None, "John Miller", "individual"),
        (None, "Susan Clark", "individual")]
    assert [list(a.entities) for a in rec.actions] == [["harborfreedominstitute", "johnmiller", "susanclark"]]
    both = text_of("18", "mfa48").replace("关于解除对有关人员反制措施的决定", "关于解除对有关机构和人员反制措施的决定")
    assert {e.type for e in read(both).entities} == {"individual"}


def test_a_nationality_written_with_guoji() -> None:
    """mfa49/17: "…，男，加拿大国籍，…" under a title naming the UK first: both Canadians were GB, silently."""
    assert [e.country for e in read(text_of("17")).entities] == ["GB", "GB", "CA", "CA"]


def test_a_commissions_member_and_a_staffer_are_roles() -> None:
    """mfa49/23 ("…委员会委员贝丝·安德森"), mfa49/13 ("美国国会前幕僚大卫·李"); 委员会 and 委员长 are not the role."""
    assert [(e.zh, e.en) for e in read(text_of("23")).entities] == [("贝丝·安德森", "Beth Anderson"), ("亨利·沃德", "Henry Ward")]
    assert split_target("美国国会及行政当局中国委员会（Congressional-Executive Commission on China）")[:2] == (
        "美国国会及行政当局中国委员会", "Congressional-Executive Commission on China")
    assert split_target("美国国会前幕僚长约翰·史密斯（John Smith）")[:3] == ("约翰·史密斯", "John Smith", "美国国会前幕僚长")


def test_a_former_name_bracket_after_the_english() -> None:
    """mfa49/03: "（二）北辰精密制造公司（Polestar Precision Manufacturing LLC）（原名：北辰精工公司）"."""
    rec = read(text_of("03"))
    assert [(e.zh, e.en) for e in rec.entities][:2] == [("天穹防务系统公司", "Skydome Defense Systems Inc."),
                                                         ("北辰精密制造公司", "Polestar Precision Manufacturing LLC")]
    assert "北辰精工公司" in rec.entities[1].aliases
    assert not rec.warnings


def test_two_counts_of_two_kinds_after_names_of_both() -> None:
    """mfa49/05: "A（a）、B（b）及A公司总裁C（c）等2家企业和1名高级管理人员": C an organisation, 'states 2'."""
    rec = read(text_of("05"))
    assert [e.type for e in rec.entities] == ["organization", "organization", "individual"]
    assert rec.stated_count == 3 and not rec.warnings


def test_a_second_count_over_names_counted_again_later_is_not_added() -> None:
    """The opening "A、B等2家企业和2名高级管理人员" names only the companies; clause 二 names the two: 4, no warning."""
    text = text_of("34").replace(
        "等两家企业及凯文·墨菲（Kevin Murphy，赤鸢导弹公司总裁）、劳拉·吉布森（Laura Gibson，玄武装甲车辆公司首席执行官）等两名高级管理人员"
        "采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；",
        "等2家企业和2名高级管理人员采取以下反制措施：\n\n一、对赤鸢导弹公司、玄武装甲车辆公司，冻结其在我国境内的动产、不动产和其他各类财产；"
        "\n\n二、对凯文·墨菲（Kevin Murphy）、劳拉·吉布森（Laura Gibson）等2名高级管理人员，冻结其在我国境内的动产；")
    rec = read(text)
    assert len(rec.entities) == 4 and not rec.warnings


def test_names_as_numbered_lines_after_the_decisions_colon() -> None:
    """mfa49/04: "中方决定对以下4家美国军工企业采取反制措施：" / "1. X（x）" … / "对上述企业，冻结…": refused as cut short."""
    rec = read(text_of("04"))
    assert [(e.en, e.type) for e in rec.entities] == [
        ("Red Fox Electronic Warfare Inc.", "organization"), ("Grey Heron Reconnaissance Systems LLC", "organization"),
        ("Snow Leopard Power Corp.", "organization"), ("Goshawk Missile Technologies Inc.", "organization")]
    assert rec.stated_count == 4 and not rec.warnings
    # a line cut off: the count says so
    assert read(text_of("04").replace("4. 苍鹰导弹技术公司（Goshawk Missile Technologies Inc.）\n", "")).warnings


def test_a_prose_list_wrapped_after_a_dun_comma() -> None:
    """mfa49/24: "…、赤鹿运输机公司（Red Deer Airlifters Corp.）、\\n金雕预警机公司（…）、…等5家": held for a person."""
    rec = read(text_of("24"))
    assert len(rec.entities) == 5 and rec.stated_count == 5 and not rec.warnings
    # a line ending otherwise is not joined: held, as before
    assert refused(text_of("24").replace("、\n金雕预警机公司", "。\n金雕预警机公司")).reason == "needs-review"


def test_a_deletion_verb_first_in_the_decision_sentence() -> None:
    """mfa49/09: "中方决定删去外交部令2040年第301号后附《反制清单》“二、高级管理人员”中的“（四）金成民（Sung-Min Kim），…”。"."""
    rec = read(text_of("09"))
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in rec.actions] == [
        ("remove", ["MFA-ORDER-2040-301"], ["sungminkim"])]
    assert [(e.zh, e.type) for e in rec.entities] == [("金成民", "individual")]


def test_an_early_restore_of_a_named_company() -> None:
    """mfa49/21: "提前终止对天狼星雷达公司（Sirius Radar Company）反制措施的暂停，恢复执行外交部令…对其采取的反制措施": held, its
    target read as "…（Sirius Radar Company）反制措施的暂停"."""
    rec = read(text_of("21"))
    assert [(a.action.value, [t.key for t in a.targets], list(a.entities)) for a in rec.actions] == [
        ("restore", ["MFA-ORDER-2040-301"], ["siriusradar"])]
    assert [(e.zh, e.en) for e in rec.entities] == [("天狼星雷达公司", "Sirius Radar Company")]


@pytest.mark.parametrize("lines", [
    # the measures numbered as lines under the decision's colon, the names nowhere: no name (a probe of ef204ba4, which read
    # "冻结其在我国境内的动产、不动产和其他各类财产" and "禁止…活动" as two listed companies: false items)
    "（一）冻结其在我国境内的动产、不动产和其他各类财产；\n（二）禁止我国境内的组织、个人与其进行有关交易、合作等活动。",
    "1. 冻结其在我国境内的动产、不动产和其他各类财产；\n2. 禁止我国境内的组织、个人与其进行有关交易、合作等活动。",
    "1. 对其在我国境内的动产予以冻结；\n2. 禁止交易。",
    "1. 资产冻结；\n2. 交易禁止。",
    # a line of no name's shape among them: a person reads them all
    "1. 赤狐公司（Red Fox Inc.）\n2. 石平",
])
def test_lines_under_the_decisions_colon_that_are_no_names_are_refused(lines: str) -> None:
    text = text_of("04")
    block = text[text.index("1. 赤狐电子战公司") : text.index("\n\n对上述企业")]
    assert refused(text.replace(block, lines)).reason in ("cut-short", "needs-review")


@pytest.mark.parametrize("names", ["台湾地区民众", "台湾地区直系亲属", "直系亲属", "台湾地区居民", "台湾地区所有人员"])
def test_words_that_are_no_names_after_jinzhi_stay_refused(names: str) -> None:
    text = text_of("12").replace("禁止台湾地区陈建宏、黄淑芬及其直系亲属进入大陆", f"禁止{names}进入大陆")
    assert refused(text).reason in ("cut-short", "needs-review")


def test_a_second_count_whose_kind_no_name_bears_still_warns() -> None:
    """"A、B、C（three companies）等2家企业和1名高级管理人员": three companies where the text counts two and a person: the count
    warns, as before (a probe of the second count: read as 3 of 3, silently)."""
    text = text_of("05").replace("及极光航电公司总裁弗兰克·米勒（Frank Miller）", "、白鹭公司（Egret Inc.）")
    rec = read(text)
    assert {e.type for e in rec.entities} == {"organization"}
    assert rec.warnings == ("parsed 3 targets, the decision states 2",)
