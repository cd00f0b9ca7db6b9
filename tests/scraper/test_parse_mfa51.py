"""Session 51's MFA round (tests/data/corpus/mfa51/) and session 50's open B: posts before a name no rule cut ("前国家安全事务助理X",
"美国密苏里州总检察长X", "密苏里州前州务卿X", "政务参赞"), a person named again by the name alone after such a post (read twice), a
person's country from the post before his name or in his annex line ("日本前统合幕僚长X", "…，男，美国国务院前副国务卿"), a list going
on after "，以及" and a spouse named after "及其配偶" (held before), deletions from an earlier decree's list told "将X从…后附《反制清单》中
删除" and "将…后附《反制裁清单》中的“三、X…”删除" (refused as cut short before), and mfa50/22's false "refers to an annex but none
was found" on a lift of "…第401号对后附《反制清单》所列全部企业…采取的反制措施". Pure: text in, parse out."""

from __future__ import annotations

from storage.records import ActionKind
from tests.scraper.corpus_cases import case_named, read, refused

HEAD = ("关于对有关人员采取反制措施的决定\n2044-06-01 10:00\n\n（2044年6月1日中华人民共和国外交部令第540号公布，自2044年6月1日起施行）"
        "\n\n依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，")
MEASURES = ("采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n\n二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；"
            "\n\n三、对其本人及直系亲属不予签发签证、不准入境（包括香港、澳门）。")
TAIL = "\n\n本决定自2044年6月1日起施行。\n\n外交部\n2044年6月1日\n"


def decree(sentence: str) -> str:
    return HEAD + sentence + TAIL


def people(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(e.zh, e.en, e.country, e.note) for e in read(text).entities]


def test_posts_before_a_name_are_notes() -> None:
    """mfa51/01 ("前国家安全事务助理艾伦·布雷迪" was the Chinese name), /05 (the state's attorney general and former secretary of state:
    each person read twice, with and without the post), and a diplomat's post."""
    assert [(z, n) for z, _, _, n in people(case_named("01", "mfa51"))] == [
        ("理查德·斯通", "美国前国务卿"), ("艾伦·布雷迪", "前国家安全事务助理"), ("苏珊·霍尔", "前国会众议员")]
    assert people(case_named("05", "mfa51")) == [
        ("艾伦·派克", "Alan Pike", "US", "美国密苏里州总检察长"), ("杰伊·罗兹", "Jay Rhodes", "US", "密苏里州前州务卿"),
        ("密苏里州投资委员会", "Missouri State Investment Board", "US", None)]
    assert people(decree("中方决定对美国驻某国使馆前政务参赞卡尔·韦恩（Carl Wayne）" + MEASURES)) == [
        ("卡尔·韦恩", "Carl Wayne", "US", "美国驻某国使馆前政务参赞")]


def test_a_person_named_again_after_a_post_no_rule_cuts_is_one_entity() -> None:
    """"美国密苏里州总审计官艾伦·派克（Alan Pike）…", then "三、对艾伦·派克…本人…": one person, his name the later mention's."""
    text = case_named("05", "mfa51").replace("总检察长", "总审计官")
    assert people(text) == [
        ("艾伦·派克", "Alan Pike", "US", "美国密苏里州总审计官"), ("杰伊·罗兹", "Jay Rhodes", "US", "密苏里州前州务卿"),
        ("密苏里州投资委员会", "Missouri State Investment Board", "US", None)]


def test_a_persons_country_from_his_post() -> None:
    """mfa51/02 (annex posts), /07 (the post before the name), /23 ("前美国国务院…"), /25 (in the reasons), /28 (JP beside CA), and
    /12 (an amendment's added line "…，女，加拿大前参议员"); never the EU's ("欧洲议会议员X": mfa17/18, none)."""
    assert [c for _, _, c, _ in people(case_named("02", "mfa51"))] == ["US", "US", "US"]
    assert [c for _, _, c, _ in people(case_named("07", "mfa51"))] == ["JP", "JP"]  # the second: fixed in session 52 (mfa52)
    assert [c for _, _, c, _ in people(case_named("23", "mfa51"))] == ["US"]
    assert [c for _, _, c, _ in people(case_named("25", "mfa51"))] == ["US"]
    assert [c for _, _, c, _ in people(case_named("28", "mfa51"))] == ["CA", "JP"]
    assert [c for _, _, c, _ in people(case_named("12", "mfa51"))] == ["CA"]
    assert [c for _, _, c, _ in people(case_named("18", "mfa17"))] == [None]
    # a post naming no country, and a company's post, give none
    assert [c for _, _, c, _ in people(decree("中方决定对前国家安全事务助理卡尔·韦恩（Carl Wayne）" + MEASURES))] == [None]


def test_a_list_going_on_after_a_comma_and_yiji() -> None:
    """mfa51/04: "…B（b）及其下属机构，以及上述组织负责人C（c）、D（d）采取…" (held: C and D not read)."""
    assert [(e.zh, e.en, e.type) for e in read(case_named("04", "mfa51")).entities] == [
        ("全球民主观察", "Global Democracy Watch", "organization"), ("亚洲人权行动", "Asia Human Rights Action", "organization"),
        ("威廉·特纳", "William Turner", "individual"), ("南希·埃文斯", "Nancy Evans", "individual")]


def test_a_spouse_named_after_jiqi_peiou() -> None:
    """mfa51/11 (held: "names 及其配偶劳拉·费舍尔(Laura Fisher) but reads no target"); "及其配偶" naming no one names no one."""
    rec = read(case_named("11", "mfa51"))
    assert [(e.zh, e.en, e.type, e.note) for e in rec.entities] == [
        ("丹尼尔·费舍尔", "Daniel Fisher", "individual", "美国前国会众议员"), ("劳拉·费舍尔", "Laura Fisher", "individual", "配偶")]
    assert [(z, e) for z, e, _, _ in people(decree("中方决定对丹尼尔·费舍尔（Daniel Fisher）及其配偶" + MEASURES))] == [
        ("丹尼尔·费舍尔", "Daniel Fisher")]


def test_deletions_from_an_earlier_decrees_list_verb_last() -> None:
    """mfa51/13 ("将X（x）从外交部令…第506号后附《反制清单》中删除") and /26 ("将外交部令…第502号后附《反制裁清单》中的“三、X（x），女，…”删除"):
    refused as cut short before ("refers to an annex it does not hold")."""
    for case, decree_key, who in (("13", "MFA-ORDER-2044-506", "northernhumanrightscoalition"),
                                  ("26", "MFA-ORDER-2044-502", "carolking")):
        rec = read(case_named(case, "mfa51"))
        assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
            (ActionKind.REMOVE, [decree_key], (who,))], case
        assert not rec.warnings, case
    # the verb last, but no earlier decree named: still refused
    assert refused(decree("中方决定将后附《反制清单》中的“三、卡罗尔·金（Carol King），女”删除。")).reason in (
        "cut-short", "needs-review")


def test_a_lift_quoting_the_decrees_own_annex_words_warns_of_no_missing_annex() -> None:
    """mfa50/22: "停止执行外交部令2042年第401号对后附《反制清单》所列全部企业和高级管理人员采取的反制措施" (quietly warned "refers to an annex
    (反制清单) but none was found"); a decree imposing on those its own missing annex lists is still refused."""
    rec = read(case_named("22", "mfa50"))
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2042-401"], ())]
    assert rec.warnings == ()
    assert refused(decree("中方决定对后附《反制清单》所列企业" + MEASURES)).reason == "cut-short"


def test_after_yiji_and_peiou_words_that_name_no_one_are_no_targets() -> None:
    """Probes of this session's fixes (fffdcc59 read each as a false entity: "人员的直系亲属", "其子公司", "和子女", "子女"): the
    list goes on after "，以及" only for a name in brackets, and "及其配偶" reads a name, not the rest of the family; a country
    is the one nearest the name ("与美国国务卿会面的日本众议院议员X": US before)."""
    for words in ("，以及上述人员的直系亲属", "，以及其子公司", "及其配偶和子女", "及其配偶子女", "及其妻子", "及其配偶"):
        assert [(z, e) for z, e, _, _ in people(decree("中方决定对丹尼尔·费舍尔（Daniel Fisher）" + words + MEASURES))] == [
            ("丹尼尔·费舍尔", "Daniel Fisher")], words
    assert [(z, e) for z, e, _, _ in people(decree("中方决定对丹尼尔·费舍尔（Daniel Fisher）及其配偶李娜" + MEASURES))] == [
        ("丹尼尔·费舍尔", "Daniel Fisher"), ("李娜", None)]
    assert [(z, e) for z, e, _, _ in people(decree(
        "中方决定对北极星公司（Polaris Inc.）及其首席执行官约翰·多伊（John Doe），以及约翰·多伊的配偶简·多伊（Jane Doe）" + MEASURES))] == [
        ("北极星公司", "Polaris Inc."), ("约翰·多伊", "John Doe"), ("简·多伊", "Jane Doe")]
    rec = read(decree("中方决定停止执行外交部令2044年第502号对马修·格林（Matthew Green），以及外交部令2044年第510号对乔治·贝克"
                      "（George Baker）采取的反制措施。"))
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2044-502"], ("matthewgreen",)), (ActionKind.LIFT, ["MFA-ORDER-2044-510"], ("georgebaker",))]
    for said in ("中方决定对与美国国务卿会面的日本众议院议员佐藤隆（Sato Takashi）" + MEASURES,
                 "美国国务卿与日本众议院议员佐藤隆会面。中方决定对佐藤隆（Sato Takashi）" + MEASURES):
        assert [(z, c) for z, _, c, _ in people(decree(said))] == [("佐藤隆", "JP")], said
    # a status decision on those "后附《反制清单》" lists, its annex missing, is refused (its own annex, not the decree's)
    assert refused(decree("中方决定对后附《反制清单》所列人员暂停执行外交部令2044年第502号规定的反制措施，为期一年。")).reason == "cut-short"


def test_a_step_on_a_day_told_with_no_qi_takes_that_day() -> None:
    """A probe of mfa51/15-17 (lifts from a later day): "中方决定于2045年7月1日停止执行外交部令…第507号对X（x）采取的反制措施" was read
    from the decree's own day (2045-06-01), a month early, silently; so were "将于", "定于", "在", "自…停止执行", "从…开始", "于…，"
    and a suspension or a restore so told."""
    head = HEAD.replace("2044年6月1日", "2045年6月1日").replace("2044-06-01", "2045-06-01")
    tail = TAIL.replace("2044年6月1日", "2045年6月1日")
    for told, kind in (("于2045年7月1日停止执行", ActionKind.LIFT), ("将于2045年7月1日停止执行", ActionKind.LIFT),
                       ("定于2045年7月1日停止执行", ActionKind.LIFT), ("在2045年7月1日停止执行", ActionKind.LIFT),
                       ("自2045年7月1日停止执行", ActionKind.LIFT), ("从2045年7月1日开始停止执行", ActionKind.LIFT),
                       ("于2045年7月1日，解除", ActionKind.LIFT), ("于2045年7月1日恢复执行", ActionKind.RESTORE),
                       ("自2045年7月1日起停止执行", ActionKind.LIFT)):
        rec = read(head + "中方决定" + told + "外交部令2044年第507号对山本健一（Yamamoto Kenichi）采取的反制措施。" + tail)
        assert [(a.action, a.effective, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
            (kind, "2045-07-01", ["MFA-ORDER-2044-507"], ("yamamotokenichi",))], told
    rec = read(head + "中方决定停止执行外交部令2044年第507号对山本健一（Yamamoto Kenichi）采取的反制措施。" + tail)
    assert [a.effective for a in rec.actions] == ["2045-06-01"]  # no day told: the decree's


def test_measures_on_a_day_told_with_no_qi_start_that_day() -> None:
    """Probes of mfa51/25: "中方决定于2045年7月1日对X（x）采取以下反制措施" (a decree in force on publication) and "中方决定于…将X增列入
    …所附《反制清单》" were in force from the decree's own day, a month early, silently; "…增列入外交部令…后附《反制清单》" (后附, not
    所附) was refused as cut short."""
    head = HEAD.replace("2044年6月1日", "2045年6月1日").replace("2044-06-01", "2045-06-01")
    tail = "\n\n本决定自公布之日起施行。\n\n外交部\n2045年6月1日\n"
    for told in ("于2045年7月1日", "在2045年7月1日", "，于2045年7月1日，", "从2045年7月1日开始"):
        rec = read(head + "中方决定" + told + "对约翰·沃克（John Walker）" + MEASURES + tail)
        assert [(a.action, a.effective) for a in rec.actions] == [(ActionKind.IMPOSE, "2045-07-01")], told
    rec = read(head + "中方决定于2045年7月1日将约翰·沃克（John Walker）增列入外交部令2044年第501号所附《反制清单》。" + tail)
    assert [(a.action, a.effective, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, "2045-07-01", ["MFA-ORDER-2044-501"])]
    rec = read(head + "中方决定将约翰·沃克（John Walker）增列入外交部令2044年第501号后附《反制清单》。" + tail)
    assert [(a.action, a.effective, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, "2045-06-01", ["MFA-ORDER-2044-501"])]
    assert [(e.zh, e.en) for e in rec.entities] == [("约翰·沃克", "John Walker")]
    # an earlier day told so is not this decree's: its own day stays
    rec = read(head + "中方决定于2045年5月1日对约翰·沃克（John Walker）" + MEASURES + tail)
    assert [a.effective for a in rec.actions] == ["2045-06-01"]
