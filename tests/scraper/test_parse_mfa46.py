"""Session 46's blind round on MFA decisions (tests/data/corpus/mfa46/) and session 45's open B: a decree in force from
"零时" of a later day, the Taiwan-region entry ban ("禁止…进入大陆"), a traditional-script name before the Latin in the reasons,
native scripts beyond session 45's (Georgian) kept as aliases, "前述决定" after one decree named, a quoted title before
"所列X", persons after 及其 behind roles no list held, a UK company among US ones under a US title. Pure: text in, parse out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, UnusablePage
from tests.scraper.corpus_cases import case_named, read, refused

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def text_of(name: str, corpus: str = "mfa46") -> str:
    return case_named(name, corpus)


@pytest.mark.parametrize("hour", ["零时", "0时", "00时"])
def test_a_decree_in_force_from_midnight_of_a_later_day(hour: str) -> None:
    """"（2030年9月20日…公布，自2030年10月1日零时起施行）" (mfa46/15): 零 was no hour, no day read, the listing in force from
    publication, 11 days early, silently."""
    rec = read(text_of("15").replace("零时", hour))
    assert rec.effective == "2030-10-01T00:00+08:00"
    assert [(a.action, a.effective) for a in rec.actions] == [(ActionKind.IMPOSE, "2030-10-01T00:00+08:00")]
    assert rec.title == "关于将美国有关企业列入反制清单的决定"
    assert [e.country for e in rec.entities] == ["US", "US"]


@pytest.mark.parametrize("case", ["05", "06"])
def test_the_taiwan_region_entry_ban_is_an_entry_ban(case: str) -> None:
    """"禁止其本人及直系亲属进入大陆以及香港、澳门特别行政区" (mfa46/05, 06): read as no measure, the items listed the freeze and
    the ban only."""
    assert read(text_of(case)).actions[0].measures == ("asset_freeze", "transaction_ban", "entry_ban")


def test_a_lift_of_the_mainland_entry_ban_is_a_lift_of_that_measure() -> None:
    lift = """关于解除对郑雅婷部分反制措施的决定
2030-05-06 10:00

（2030年5月6日中华人民共和国外交部令第86号公布，自2030年5月6日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定自即日起，解除外交部令2029年第73号对郑雅婷（Cheng Ya-ting）采取的禁止进入大陆措施。外交部令2029年第73号对其采取的其他反制措施继续有效。

本决定自2030年5月6日起施行。

外交部
2030年5月6日
"""
    rec = read(lift)
    assert [(a.action, a.entities, a.measures) for a in rec.actions] == [
        (ActionKind.LIFT_MEASURE, ("chengyating",), ("entry_ban",))]


def test_a_traditional_name_before_the_latin_gives_the_english() -> None:
    """"台湾地区陈建宏（陳建宏，Chen Chien-hung）" in the reasons, the decision naming "陈建宏" bare (mfa46/06): no English, so
    the persons were keyed by their Chinese names and a lift naming "Huang Shu-fen" found no one."""
    rec = read(text_of("06"))
    assert [(e.zh, e.en, e.key) for e in rec.entities] == [("陈建宏", "Chen Chien-hung", "chenchienhung"),
                                                           ("黄淑芬", "Huang Shu-fen", "huangshufen")]


def test_native_scripts_are_aliases_never_the_english_name() -> None:
    """Georgian was no native script (mfa46/12): "（გიორგი ბერიძე，Giorgi Beridze）" was one English name. Each native name is an
    alias, so screening by it finds the person (session 45's open B); the key stays the Latin's."""
    rec = read(text_of("12"))
    assert [(e.en, e.key, e.aliases) for e in rec.entities] == [
        ("Somchai Wattana", "somchaiwattana", ("สมชาย วัฒนา",)),
        ("Giorgi Beridze", "giorgiberidze", ("გიორგი ბერიძე",)),
        ("Yousef Haddad", "yousefhaddad", ("يوسف حداد",))]
    kim = read(text_of("02", "mfa45"))
    assert [e.aliases for e in kim.entities] == [("김태훈",), ("Іван Петренко",), ("やまだ けんいち",)]


def test_qianshu_jueding_after_one_decree_named_is_that_decree() -> None:
    """"…以外交部令2029年第74号决定对…采取反制措施。鉴于…，中方决定…解除前述决定对黄淑芬采取的反制措施" (mfa46/09): held though the
    text named one decree. Read as No. 74; the other person, whose measures "继续有效", no step's."""
    rec = read(text_of("09"))
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2029-74"], ("huangshufen",))]


@pytest.mark.parametrize(("old", "new"), [
    ("以外交部令2029年第74号决定", "以外交部令2029年第74号和第75号决定"),  # two numbers
    ("以外交部令2029年第74号决定", "以外交部令2029年第74号、外交部令2029年第75号决定"),  # two decrees
    ("以外交部令2029年第74号决定", "决定"),  # a day alone
    ("鉴于黄淑芬", "2029年12月1日，中方决定对黄淑芬另行采取反制措施。鉴于黄淑芬"),  # another decision told by its day
    ("以外交部令2029年第74号决定", "以第74号令决定"),  # a number not read as a decree
])
def test_qianshu_jueding_stays_held_where_it_could_be_another(old: str, new: str) -> None:
    text = text_of("09")
    assert old in text
    assert refused(text.replace(old, new)).reason == "needs-review"


def test_a_quoted_title_before_suo_lie_is_no_part_of_the_name() -> None:
    """"停止对外交部令2029年第71号《关于对美国、英国、加拿大…的决定》后附《反制清单》所列布伦特·卡拉汉（…）" (mfa46/03): the decree,
    its title and "后附《反制清单》所列" were the first person's Chinese name; and the earlier decree's annex was warned of as
    this one's missing."""
    for form in ("后附《反制清单》所列", "所列", "后附《反制清单》中的"):
        rec = read(text_of("03").replace("后附《反制清单》所列", form))
        assert [e.zh for e in rec.entities] == ["布伦特·卡拉汉", "多米尼克·拉方丹"], form
        assert rec.warnings == (), form


AFTER_ITS = "及其主任格雷戈里·哈特（Gregory Hart）、研究主管莉莎·蒙特罗（Lisa Montero）"


def _one_list(persons: str) -> str:
    text = text_of("02")
    head, tail = text.index("采取反制措施：对自由"), text.index("\n\n本决定")
    return (text[:head].replace(AFTER_ITS, persons) + "采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n"
            "二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；\n三、对其本人不予签发签证、不准入境（包括香港、澳门）。"
            + text[tail:])


@pytest.mark.parametrize("persons", [AFTER_ITS, "及其主任格雷戈里·哈特、研究主管莉莎·蒙特罗"])
def test_persons_after_its_behind_a_role_no_list_held(persons: str) -> None:
    """"及其主任X、研究主管Y" (mfa46/02): "主管" was no role, so "X、研究主管Y" was one person (without English: both lost, a
    false one, silently)."""
    rec = read(_one_list(persons))
    assert [(e.zh, e.type, e.note) for e in rec.entities] == [("自由亚洲研究中心", "organization", None),
                                                              ("格雷戈里·哈特", "individual", "主任"),
                                                              ("莉莎·蒙特罗", "individual", "研究主管")]


def test_two_names_read_as_one_person_are_held() -> None:
    """A role no list holds ("项目协调人") still makes one person of two: held, never a person named "X、项目协调人Y"."""
    page = refused(_one_list("及其主任格雷戈里·哈特、项目协调人莉莎·蒙特罗"))
    assert page.reason == "needs-review" and "two names read as one" in str(page)


def test_a_uk_company_among_us_ones_under_a_us_title() -> None:
    """Under "关于对美国军工企业…", "美国A、美国B和英国C" (mfa46/14, session 45's open B): C took the title's US."""
    rec = read(text_of("14"))
    assert [e.country for e in rec.entities] == ["US", "US", "GB"]
    # one name opening with another country among names with none is a name, not a country
    rec = read(text_of("14").replace("美国鹰岭", "鹰岭").replace("美国蓝海", "蓝海"))
    assert [e.country for e in rec.entities] == ["US", "US", "US"]


SPLIT_URL = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202803/t20280310_11000049.shtml"


@pytest.mark.parametrize("pager", [
    '1 <a href="t20280310_11000049_1.shtml">2</a> <a href="t20280310_11000049_1.shtml">下一页</a>',
    '首页 上一页 1 <a href="t20280310_11000049_1.shtml">2</a> <a href="t20280310_11000049_1.shtml">下一页</a> 尾页',
    '共2页 第1页 <a href="t20280310_11000049_1.shtml">下一页</a>',
])
def test_a_decree_page_ending_in_a_pager_is_held_where_no_count_shows_the_rest(pager: str) -> None:
    """Page 1 of an annex split over two pages, no count stated (mfa46/16, session 45's open B 3): 3 companies read, the 3
    executives of page 2 in no listing, silently."""
    html = text_of("16").replace(text_of("16").split('id="pages">')[1].split("</div>")[0], pager)
    with pytest.raises(UnusablePage) as caught:
        parse_document(html.encode(), url=SPLIT_URL)
    assert caught.value.reason == "needs-review" and "pager" in str(caught.value)


def test_a_count_that_shows_the_rest_keeps_what_page_one_reads() -> None:
    """With its counts (mfa45/09) the page keeps its 3 companies, the count mismatch loud (as session 45 left it); without a
    pager the same page is read."""
    rec = parse_document((CORPUS / "mfa45" / "09-html-annex-split-page-one.html").read_bytes(), url=SPLIT_URL).notice
    assert rec is not None and len(rec.entities) == 3 and rec.stated_count == 6
    whole = text_of("16").replace(text_of("16").split('id="pages">')[1].split("</div>")[0], "")
    rec = parse_document(whole.encode(), url=SPLIT_URL).notice
    assert rec is not None and len(rec.entities) == 3


def test_an_english_country_in_brackets_after_a_latin_name_is_the_country() -> None:
    """"Harbor Point Analytics LLC (United States)" in an annex of English lines (mfa46/17): "United States" was the English name
    and the key, the company's name the Chinese one; "(Ireland)" after an English role was no country (mfa46/08: EU)."""
    rec = read(text_of("17"))
    assert [(e.zh, e.en, e.key, e.country) for e in rec.entities] == [
        (None, "Harbor Point Analytics LLC", "harborpointanalytics", "US"),
        (None, "Redstone Ordnance Technologies, Inc.", "redstoneordnancetechnologies", "US"),
        (None, "Maple Leaf Defence Ltd.", "mapleleafdefence", "CA")]
    assert [e.country for e in read(text_of("08")).entities] == ["IE", "SI"]
    # a bracket that is no country stays the English name
    rec = read(text_of("17").replace("2. Redstone Ordnance Technologies, Inc. (United States)", "2. 红石军械技术公司（Redstone Ordnance）"))
    assert (rec.entities[1].zh, rec.entities[1].en) == ("红石军械技术公司", "Redstone Ordnance")


def test_a_short_form_in_brackets_after_a_latin_name_is_no_english_name() -> None:
    """"Lockheed Martin Missiles and Fire Control (LMMFC)" (mfa46/18): the name was the Chinese one, "LMMFC" the English name and
    the key. A Chinese name's English in brackets stays the English ("（BAE Systems）" is no short form)."""
    rec = read(text_of("18"))
    assert [(e.zh, e.en, e.key, e.note) for e in rec.entities] == [
        (None, "Lockheed Martin Missiles and Fire Control", "lockheedmartinmissilesandfirecontrol", "简称LMMFC"),
        (None, "Harbor Point Analytics LLC", "harborpointanalytics", "简称HPA")]
    rec = read(text_of("18").replace("2. Harbor Point Analytics LLC (HPA)", "2. 英国宇航系统公司（BAE）"))
    assert (rec.entities[1].zh, rec.entities[1].en) == ("英国宇航系统公司", "BAE")


LIFT_TWO = ("停止对外交部令2029年第71号《关于对美国、英国、加拿大有关军工企业及人员采取反制措施的决定》后附《反制清单》所列布伦特·卡拉汉"
            "（Brent Callahan）、多米尼克·拉方丹（Dominique Lafontaine）等2名人员采取的反制措施。")


@pytest.mark.parametrize("step", ["停止对外交部令2029年第71号所列全部人员采取的反制措施。",
                                  "停止对外交部令2029年第71号所列人员采取的反制措施。",
                                  "停止对外交部令2029年第71号后附《反制清单》“二、人员”中所列人员采取的反制措施。"])
def test_a_step_on_a_kind_of_a_decrees_targets_is_held(step: str) -> None:
    """"停止对外交部令2029年第71号所列全部人员采取的反制措施" (mfa46/19): a lift of all of No. 71, its 3 companies too, silently."""
    text = text_of("03")
    assert LIFT_TWO in text
    assert refused(text.replace(LIFT_TWO, step)).reason == "needs-review"


def test_a_kind_with_its_count_is_the_whole_decree_carrying_the_count() -> None:
    """"…第71号所列2名人员…" (held until resp60's ede8f035) is the whole of No. 71 with its count, 2: the engine lifts
    nothing where the decree lists another number of targets (No. 71 lists companies too), saying so
    (``test_parse_resp60.test_the_engine_lifts_the_decree_only_where_it_lists_as_many``): loud, never a silent lift."""
    rec = read(text_of("03").replace(LIFT_TWO, "停止对外交部令2029年第71号所列2名人员采取的反制措施。")
               .replace("该决定对其他企业采取的反制措施继续有效。", ""))
    assert [(a.action, [(t.key, t.count) for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, [("MFA-ORDER-2029-71", 2)], ())]


@pytest.mark.parametrize("step", ["停止实施外交部令2029年第71号所列全部反制措施。",
                                  "停止对外交部令2029年第71号所列企业和人员采取的全部反制措施。"])
def test_a_step_on_a_whole_decree_is_still_read(step: str) -> None:
    rec = read(text_of("03").replace(LIFT_TWO, step).replace("该决定对其他企业采取的反制措施继续有效。", ""))
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2029-71"], ())]
