"""Session 52's MFA round (tests/data/corpus/mfa52/): a person's country written before the name under a title of several
countries, or of one, was the title's first ("澳大利亚参议员戴维·哈里森" under "关于对立陶宛议会议员和澳大利亚参议员…": LT), a second post
sharing the first's country ("日本众议院议员X、前防卫大臣Y", mfa51/07's open B), a Japanese name with its Hepburn typed an organisation in
a lift, targets of an earlier decree named right after it with no 对 ("…第34号所列A（a）、B（b）的反制措施": a lift of the whole
decree, silently), and a list going on after "X及其直系亲属、" (the rest lost, held). Pure: text in, parse out."""

from __future__ import annotations

import pytest

from scraper.parse.mfa.groups import _hepburn_person
from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused

LIFT_SENTENCE = ("停止执行外交部令2027年第34号所列4家美国企业中的2家，即阿尔戈斯传感器公司（Argos Sensors Corporation）、北极星舰船工程公司"
                 "（Polaris Naval Engineering Co.）的反制措施。对外交部令2027年第34号所列其余企业采取的反制措施继续有效。")
ARGOS = "阿尔戈斯传感器公司（Argos Sensors Corporation）"
POLARIS = "北极星舰船工程公司（Polaris Naval Engineering Co.）"


def lift(sentence: str) -> str:
    """mfa52/13 with its step told as ``sentence``."""
    text = case_named("13", "mfa52")
    assert LIFT_SENTENCE in text
    return text.replace(LIFT_SENTENCE, sentence)


def countries(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.zh, e.country) for e in read(text).entities]


def test_a_persons_country_before_the_name_comes_before_the_titles_first() -> None:
    """mfa52/18: the Australian senator was LT, the title's first country (silently); so under a title of one country, and
    of none."""
    text = case_named("18", "mfa52")
    want = [("莫妮卡·卡莱基耶内", "LT"), ("戴维·哈里森", "AU")]
    assert countries(text) == want
    assert countries(text.replace("关于对立陶宛议会议员和澳大利亚参议员", "关于对立陶宛议会议员等")) == want
    assert countries(text.replace("关于对立陶宛议会议员和澳大利亚参议员", "关于对有关外国议员")) == want


def test_a_second_post_takes_the_country_the_first_opens_with() -> None:
    """mfa52/01 and mfa51/07: "日本众议院议员石田浩、前防卫大臣村井正雄": no country for the second."""
    assert countries(case_named("01", "mfa52")) == [("石田浩", "JP"), ("村井正雄", "JP")]
    assert countries(case_named("07", "mfa51")) == [("山本健一", "JP"), ("铃木浩二", "JP")]


def test_a_japanese_name_with_its_hepburn_is_a_person() -> None:
    """mfa52/11: "停止执行外交部令2027年第31号对石田浩（Ishida Hiroshi）采取的反制措施" typed 石田浩 an organisation."""
    rec = read(case_named("11", "mfa52"))
    assert [(e.zh, e.type) for e in rec.entities] == [("石田浩", "individual")]
    assert [_hepburn_person(n) for n in ("Yamamoto Kenichi", "Sato Kenta", "Hattori Shinji")] == [True, True, True]
    assert [_hepburn_person(n) for n in ("Linda Shaw", "David Harrison", "Kim Cheol-su", "Nomura Holdings")] == [False] * 4


@pytest.mark.parametrize("sentence", [
    LIFT_SENTENCE,
    f"停止执行外交部令2027年第34号所列4家美国企业中的2家，即{ARGOS}、{POLARIS}的反制措施。",
    f"停止执行外交部令2027年第34号所列4家美国企业中的2家，即{ARGOS}、{POLARIS}，的反制措施。",
    f"停止执行外交部令2027年第34号所列{ARGOS}、{POLARIS}的反制措施。",
    f"停止执行外交部令2027年第34号中{ARGOS}、{POLARIS}的反制措施。",
    f"停止执行外交部令2027年第34号所列{ARGOS}、{POLARIS}2家企业的反制措施。",
    f"停止执行外交部令2027年第34号所列4家美国企业中{ARGOS}、{POLARIS}的反制措施。",
])
def test_targets_named_after_the_decree_with_no_dui_are_the_steps(sentence: str) -> None:
    """mfa52/13 and its probes: each was a lift of all of No. 34 (its two others "Lifted" too), silently."""
    rec = read(lift(sentence))
    assert [(a.action, [t.key for t in a.targets], list(a.entities)) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2027-34"], ["argossensors", "polarisnavalengineering"])]
    assert [(e.zh, e.en) for e in rec.entities] == [("阿尔戈斯传感器公司", "Argos Sensors Corporation"),
                                                     ("北极星舰船工程公司", "Polaris Naval Engineering Co.")]


@pytest.mark.parametrize("sentence", [
    "停止执行外交部令2027年第34号所列的反制措施。",
    "停止执行外交部令2027年第34号中所采取的反制措施。",
    "停止执行2027年5月18日《关于对美国军工企业采取反制措施的决定》中规定的反制措施。",
])
def test_a_whole_decree_named_so_stays_whole(sentence: str) -> None:
    """The words after the decree that are no names (a verb, 的) leave the step on the whole decree."""
    rec = read(lift(sentence))
    assert [(a.action, list(a.entities)) for a in rec.actions] == [(ActionKind.LIFT, [])]
    assert rec.entities == ()


def test_a_kind_with_a_country_and_its_count_is_the_whole_decree_carrying_the_count() -> None:
    """"…第34号所列全部4家美国企业…" (held until resp60's ede8f035) is the whole of No. 34 with its count, 4: the engine lifts
    it only where No. 34 lists exactly 4 targets, else says so (``test_parse_resp60``): loud, never a silent lift."""
    rec = read(lift("停止执行外交部令2027年第34号所列全部4家美国企业的反制措施。"))
    assert [(a.action, [(t.key, t.count) for t in a.targets], list(a.entities)) for a in rec.actions] == [
        (ActionKind.LIFT, [("MFA-ORDER-2027-34", 4)], [])]


@pytest.mark.parametrize("kind", ["所列有关企业"])
def test_a_kind_of_the_decrees_targets_with_a_country_or_youguan_is_held(kind: str) -> None:
    """"…第34号所列全部4家美国企业的反制措施", "…所列有关企业的全部反制措施": a lift of all of the decree (its persons too, where it
    lists any), silently; held as "…所列全部企业…" is."""
    caught = refused(lift(f"停止执行外交部令2027年第34号{kind}的反制措施。"))
    assert caught.reason == "needs-review"
    assert "one kind of an earlier decree's targets" in str(caught)


def test_a_list_goes_on_after_a_persons_family() -> None:
    """mfa52/27: "迈克尔·格林伍德（Michael Greenwood）及其直系亲属、美国猎户座战略咨询公司（…）及其子公司": the company was lost (held
    as a name not read); so without the subsidiaries."""
    want = [("迈克尔·格林伍德", "Michael Greenwood", "individual"),
            ("美国猎户座战略咨询公司", "Orion Strategic Advisory Group", "organization")]
    text = case_named("27", "mfa52")
    assert [(e.zh, e.en, e.type) for e in read(text).entities] == want
    bare = text.replace("（Orion Strategic Advisory Group）及其子公司", "（Orion Strategic Advisory Group）")
    assert [(e.zh, e.en, e.type) for e in read(bare).entities] == want


def test_one_measure_of_targets_named_after_the_decree() -> None:
    """"…第34号所列A（a）的冻结财产措施": the freeze of all of No. 34 lifted, silently; "…中的冻结财产的措施" names no one (read as a
    target "冻结财产" for a while: the measure's words are no names) and is the freeze's lift (read as a lift of all of No. 34,
    silently, as before session 52)."""
    rec = read(lift("停止执行外交部令2027年第34号所列海鹰防务系统公司（Seahawk Defense Systems, Inc.）的冻结财产措施。"))
    assert [(a.action, list(a.entities), list(a.measures)) for a in rec.actions] == [
        (ActionKind.LIFT_MEASURE, ["seahawkdefensesystems"], ["asset_freeze"])]
    rec = read(lift("停止执行外交部令2027年第34号中的冻结财产的措施。"))
    assert [(a.action, list(a.entities), list(a.measures)) for a in rec.actions] == [
        (ActionKind.LIFT_MEASURE, [], ["asset_freeze"])]
    assert rec.entities == ()


def test_deletions_after_the_list_the_verb_last() -> None:
    """mfa52/28, /29 (mfa51's open B): "…后附《反制清单》中的“（一）X…”和“（二）Y…”删除" (the gate reached 80 characters past 清单) and
    "…后附《反制清单》中的Y（y）删除" (unquoted) were refused as cut short; "…中的全部人员删除" names no one (still refused)."""
    rec = read(case_named("28", "mfa52"))
    assert [(a.action, [t.key for t in a.targets], list(a.entities)) for a in rec.actions] == [
        (ActionKind.REMOVE, ["MFA-ORDER-2027-32"], ["jannovák", "ingridbauer"])]
    text = case_named("29", "mfa52")
    rec = read(text)
    assert [(a.action, list(a.entities)) for a in rec.actions] == [(ActionKind.REMOVE, ["ingridbauer"])]
    assert refused(text.replace("中的英格丽德·鲍尔（Ingrid Bauer）删除", "中的全部人员删除")).reason == "cut-short"


def steps(text: str) -> list[tuple[ActionKind, list[str | None], list[str]]]:
    return [(a.action, [t.key for t in a.targets], list(a.entities)) for a in read(text).actions]


def test_a_clause_naming_targets_with_no_dui_beside_one_with_dui() -> None:
    """"停止执行…第34号所列A（a）的反制措施，停止执行…第36号对B（b）采取的反制措施": the first clause, naming no one the 对 path read,
    lifted all of No. 34, silently."""
    assert steps(lift(f"停止执行外交部令2027年第34号所列{ARGOS}的反制措施，停止执行外交部令2027年第36号对约翰·卡特（John Carter）"
                      "采取的反制措施。")) == [(ActionKind.LIFT, ["MFA-ORDER-2027-34"], ["argossensors"]),
                                            (ActionKind.LIFT, ["MFA-ORDER-2027-36"], ["johncarter"])]


@pytest.mark.parametrize("named", [f"所列{ARGOS}的", f"对{ARGOS}采取的"])
def test_one_order_named_whole_after_another_named_in_part(named: str) -> None:
    """"停止执行…第34号对A（a）采取的反制措施和…第35号规定的全部反制措施": one step on both orders limited to A, so No. 35's lift was
    lost, silently (with 对 too)."""
    assert steps(lift(f"停止执行外交部令2027年第34号{named}反制措施和外交部令2027年第35号规定的全部反制措施。")) == [
        (ActionKind.LIFT, ["MFA-ORDER-2027-34"], ["argossensors"]), (ActionKind.LIFT, ["MFA-ORDER-2027-35"], [])]


@pytest.mark.parametrize("kind", ["所列企业", "中的企业"])
def test_the_kinds_word_before_a_name_is_no_part_of_it(kind: str) -> None:
    """"…第34号所列企业A（a）的反制措施": "企业A" was the Chinese name."""
    rec = read(lift(f"停止执行外交部令2027年第34号{kind}{ARGOS}的反制措施。"))
    assert [(e.zh, e.en) for e in rec.entities] == [("阿尔戈斯传感器公司", "Argos Sensors Corporation")]
