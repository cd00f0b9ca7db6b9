"""Session 48's MFA round (tests/data/corpus/mfa48/) and mfa47's open B: an entry ban naming a transliterated name after 禁止
("中方决定禁止X及其直系亲属入境"), roles before names in a list parted by "，", persons named in Latin alone in a lift of persons,
an amendment whose decision sentence names the decree, its list and the section ("中方决定在…后附《反制清单》“二、…”中增加："),
a quoted table row added. Pure: text in, parse out."""

from __future__ import annotations

import pytest

from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused


def text_of(name: str, corpus_set: str = "mfa48") -> str:
    return case_named(name, corpus_set)


ENTRY_07 = "中方决定禁止马雷克·德沃夏克本人及其直系亲属入境（包括香港、澳门特别行政区），禁止我国境内的组织、个人与其进行交易、合作等活动。"


def people(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    rec = read(text)
    return [(e.zh, e.en, e.country, e.type) for e in rec.entities]


def test_a_transliterated_name_barred_from_entry_verb_first_is_read() -> None:
    """"中方决定禁止马雷克·德沃夏克本人及其直系亲属入境…，禁止…与其进行交易…" (mfa48/07): no decision start (no 对, no comma after
    决定) and no verb-first entry ban: refused as cut short; mfa47/03's open B."""
    rec = read(text_of("07"))
    assert [(e.zh, e.country, e.type) for e in rec.entities] == [("马雷克·德沃夏克", "CZ", "individual")]
    assert [(a.action, a.measures) for a in rec.actions] == [(ActionKind.IMPOSE, ("transaction_ban", "entry_ban"))]
    assert not rec.warnings


def test_mfa47s_one_mp_barred_from_entry_is_read_with_his_english() -> None:
    assert people(text_of("03", "mfa47")) == [("尤尔吉斯·瓦伊特库斯", "Jurgis Vaitkus", "LT", "individual")]


@pytest.mark.parametrize(("decision", "names", "measures"), [
    ("中方决定禁止马雷克·德沃夏克、伊娃·诺瓦科娃及其直系亲属入境。", ["马雷克·德沃夏克", "伊娃·诺瓦科娃"], ("entry_ban",)),
    ("中方决定禁止捷克参议员马雷克·德沃夏克本人入境。", ["马雷克·德沃夏克"], ("entry_ban",)),
    ("中方决定冻结马雷克·德沃夏克在我国境内的动产、不动产和其他各类财产，禁止我国境内的组织、个人与其进行交易、合作等活动。",
     ["马雷克·德沃夏克"], ("asset_freeze", "transaction_ban")),
    ("中方决定禁止我国境内的组织、个人与马雷克·德沃夏克进行交易、合作等活动。", ["马雷克·德沃夏克"], ("transaction_ban",)),
    ("中方决定冻结马雷克·德沃夏克在我国境内的动产、不动产和其他各类财产，禁止马雷克·德沃夏克及其直系亲属入境。", ["马雷克·德沃夏克"],
     ("asset_freeze", "entry_ban")),
])
def test_a_transliterated_name_after_a_measures_verb(decision: str, names: list[str], measures: tuple[str, ...]) -> None:
    rec = read(text_of("07").replace(ENTRY_07, decision))
    assert [e.zh for e in rec.entities] == names
    assert [a.measures for a in rec.actions] == [measures]


@pytest.mark.parametrize("decision", [
    "中方决定禁止其本人及直系亲属入境。",  # a pronoun
    "中方决定禁止石平本人及其直系亲属入境。",  # a bare name of no middle dot: a person must read it
    "中方决定禁止我国境内的组织、个人与洛克希德·马丁公司进行交易、合作等活动。",  # a company's name ending: not a person's
    # (Taiwan-region persons after "台湾地区", "禁止台湾地区林志明、许雅婷及其直系亲属进入大陆…", are read since session 49:
    # test_parse_mfa49.py)
])
def test_other_names_after_a_measures_verb_stay_refused(decision: str) -> None:
    assert refused(text_of("07").replace(ENTRY_07, decision)).reason in ("cut-short", "needs-review")


def test_other_measures_after_jinzhi_are_no_names() -> None:
    """"…该决定规定的禁止交易、合作以及不予签发签证、不准入境等其他反制措施继续有效" (mfa18/09): read as a name barred from entry."""
    rec = read(text_of("09", "mfa18"))
    assert [(a.action, a.measures) for a in rec.actions] == [(ActionKind.LIFT_MEASURE, ("asset_freeze",))]


FOUR = [("乔纳森·普莱斯", "Jonathan Price"), ("米歇尔·沃德", "Michelle Ward"), ("格雷格·汉森", "Greg Hansen"),
        ("戴维·芬奇", "David Finch")]


def test_roles_before_names_in_a_list_parted_by_commas() -> None:
    """"对美国前国务卿乔纳森·普莱斯（Jonathan Price），前白宫国家安全副顾问米歇尔·沃德（…），…等4人采取…" (mfa48/17, mfa47/28):
    held for a person; "美国在台协会前处长" a role (处长)."""
    rec = read(text_of("17"))
    assert [(e.zh, e.en) for e in rec.entities] == FOUR
    assert {(e.country, e.type) for e in rec.entities} == {("US", "individual")}
    assert rec.stated_count == 4 and not rec.warnings
    assert [(e.zh, e.en) for e in read(text_of("28", "mfa47")).entities] == [
        ("帕特里夏·格兰特", "Patricia Grant"), ("威廉·肖", "William Shaw"), ("约翰·莫里森", "John Morrison")]


def test_a_comma_list_with_one_dun_comma_too() -> None:
    rec = read(text_of("17").replace("（Jonathan Price），", "（Jonathan Price）、"))
    assert [(e.zh, e.en) for e in rec.entities] == FOUR


@pytest.mark.parametrize(("old", "new"), [
    # (no count, every item a name in brackets up to 采取, "等4人采取" -> "采取": read since session 49, test_parse_mfa49.py)
    ("，美国在台协会前处长戴维·芬奇（David Finch）等4人采取以下反制措施",
     "等3人采取以下反制措施，美国在台协会前处长戴维·芬奇（David Finch）等人另行处理"),
])
def test_a_comma_list_not_ended_by_its_count_stays_held(old: str, new: str) -> None:
    assert refused(text_of("17").replace(old, new)).reason == "needs-review"


def test_persons_named_in_latin_alone_in_a_lift_of_persons() -> None:
    """"关于解除对有关人员反制措施的决定 … 解除…对Daniel Whitman、Sarah Lynch采取的反制措施。…对其他人员…继续有效" (mfa48/18,
    mfa47/16): typed organisations."""
    for rec in (read(text_of("18")), read(text_of("16", "mfa47"))):
        assert {e.type for e in rec.entities} == {"individual"}


@pytest.mark.parametrize(("old", "new"), [
    ("对Daniel Whitman、Sarah Lynch采取", "对Lockheed Martin采取"),  # "对其他人员" kept: people and no organisation...
    # (a title naming both kinds, "关于解除对有关机构和人员反制措施的决定": persons' shapes typed persons since session 49,
    # test_parse_mfa49.py)
])
def test_a_latin_name_in_a_text_naming_organisations_stays_an_organisation(old: str, new: str) -> None:
    text = text_of("18").replace(old, new)
    if "Lockheed" in text:
        text = text.replace("对其他人员采取", "对其他企业采取")
    assert {e.type for e in read(text).entities} == {"organization"}


ADDED_26 = [("保罗·赖特", "Paul Wright"), ("南希·卡特", "Nancy Carter")]


@pytest.mark.parametrize(("old", "new"), [
    ("", ""),
    ("关于修改外交部令2034年第195号后附《反制清单》的决定", "关于修改有关反制清单的决定"),  # the decree named only in the decision
    ("中方决定在外交部令2034年第195号后附",
     "中方决定在2034年11月3日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第195号）所附"),
    ("中方决定在外交部令", "中方决定：\n\n一、在外交部令"),
])
def test_an_amendment_naming_the_decree_in_its_decision_sentence(old: str, new: str) -> None:
    """"依据…规定，中方决定在外交部令2034年第195号后附《反制清单》“二、高级管理人员”中增加：" and the lines (mfa48/26): refused as
    cut short."""
    rec = read(text_of("26").replace(old, new) if old else text_of("26"))
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [(zh, en, "individual") for zh, en in ADDED_26]
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [(ActionKind.IMPOSE, ["MFA-ORDER-2034-195"])]


def test_an_amendment_deleting_in_its_decision_sentence() -> None:
    rec = read(text_of("26").replace("”中增加：", "”中删除："))
    assert [(a.action, list(a.entities)) for a in rec.actions] == [(ActionKind.REMOVE, ["paulwright", "nancycarter"])]


def test_a_prose_removal_is_still_read_as_one() -> None:
    """"中方决定将X（x）从外交部令第250号所附《反制清单》中删除" (mfa44/05) stays a removal of X (not a decided amendment)."""
    rec = read(text_of("05", "mfa44"))
    assert [(a.action, list(a.entities)) for a in rec.actions] == [(ActionKind.REMOVE, ["seahawkradarsystems"])]


def test_a_quoted_table_row_added() -> None:
    """"…所附《反制清单》中增列：“3	雷霆推进系统公司	Thunderbolt Propulsion Systems Corp.”" (mfa44/04): refused as cut short."""
    rec = read(text_of("04", "mfa44"))
    assert [(e.zh, e.en) for e in rec.entities] == [("雷霆推进系统公司", "Thunderbolt Propulsion Systems Corp.")]
    assert [[t.key for t in a.targets] for a in rec.actions] == [["MFA-ORDER-2038-250"]]


def test_an_impose_whose_decision_mentions_a_decree_is_no_amendment() -> None:
    rec = read(text_of("19").replace("中方决定对暗影电子公司", "中方决定在外交部令2034年第181号的基础上，对暗影电子公司"))
    assert len(rec.entities) == 12 and [a.targets for a in rec.actions] == [()]


def test_an_entry_ban_as_entering_the_country() -> None:
    rec = read(text_of("07").replace(ENTRY_07, "中方决定禁止马雷克·德沃夏克及其直系亲属进入我国境内。"))
    assert [e.zh for e in rec.entities] == ["马雷克·德沃夏克"]
    assert [a.measures for a in rec.actions] == [("entry_ban",)]


THIRTY_35 = text_of("35")


def test_names_holding_deng_in_a_list_of_thirty() -> None:
    """"对凌云航空科技公司、…、等离子体动力公司、…、高能等离子体武器公司、…等30家美国军工企业，冻结…" (mfa48/35): the 等 opening
    the 12th name was read as the list's count: 11 companies, no count, no warning, the 19 after it lost, silently."""
    rec = read(THIRTY_35)
    assert len(rec.entities) == 30 and rec.stated_count == 30 and not rec.warnings
    assert {"等离子体动力公司", "高能等离子体武器公司"} <= {e.zh for e in rec.entities}


@pytest.mark.parametrize(("old", "new", "names"), [
    ("凌云航空科技公司、", "等离子体推进公司、", 30),  # the first name
    ("等离子体动力公司", "追光激光公司", 30),  # only a name holding 等 in its middle
    ("、远洋声学公司等30家", "、等离子体声学公司等30家", 30),  # the last name
])
def test_a_name_holding_deng_anywhere_in_the_list(old: str, new: str, names: int) -> None:
    rec = read(THIRTY_35.replace(old, new))
    assert len(rec.entities) == names and rec.stated_count == 30 and not rec.warnings


@pytest.mark.parametrize("phrase", ["高能等离子体公司（High Energy Plasma Inc.）、北方之星航空公司（North Star Aviation LLC）",
                                    "北方之星航空公司（North Star Aviation LLC）、等离子体推进公司（Plasma Propulsion Inc.）"])
def test_names_holding_deng_with_no_count(phrase: str) -> None:
    text = text_of("13").replace("湾区无人机公司（Bay Area Drone Works Inc.）、北方之星航空公司（North Star Aviation LLC）等2家美国企业",
                                 phrase)
    assert len(read(text).entities) == 2


def test_a_lift_whose_first_name_opens_with_deng() -> None:
    rec = read(text_of("36"))
    assert [list(a.entities) for a in rec.actions] == [["plasmapropulsion", "blueridgemissilesystems", "ironhawkdefensetechnologies"]]


def test_a_count_after_deng_is_still_the_count() -> None:
    """"等美国军工企业" with no count, "等3家" after names: the list's tail as before."""
    assert read(text_of("30").replace("等30家美国军工企业", "等美国军工企业")).stated_count is None
    assert len(read(text_of("30").replace("等30家美国军工企业", "等美国军工企业")).entities) == 30
