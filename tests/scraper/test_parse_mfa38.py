"""Session 38's blind round on MFA decisions (tests/data/corpus/mfa38/, and mfa37's two open cases): a deletion line of an
amendment with its verb first, targets added to a decision named by title without 所附《反制清单》, a count after the annex
pointed to, a nationality before a person's name, a bare Chinese name in a lift. Pure: text in, parse out."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, UnusablePage
from tests.scraper.mfa_texts import HEAD, LAW, TAIL, decision

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
AMENDMENT = (CORPUS / "mfa38" / "05-amend-list-add-two-delete-one-2024-13.txt").read_text(encoding="utf-8")
DELETION = "二、删去“二、高级管理人员”中的“（十）汤姆·莫斯（Tom Moss），男，斯凯迪奥公司亚太区总经理”。"


def test_a_deletion_line_with_its_verb_before_the_section_removes_the_line_it_quotes() -> None:
    """"一、在“一、企业”中增加：“（四）…”\\n二、删去“二、高级管理人员”中的“（十）汤姆·莫斯（Tom Moss），男，…”。" (mfa38/05): the
    deletion was not read, so Tom Moss stayed in force on 2024 No. 13 with no warning, while the additions were read."""
    rec = parse_document(AMENDMENT.encode()).notice
    assert rec is not None
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2024-13"], ("auroraunmannedsystems", "anvilnavigationtechnologies")),
        (ActionKind.REMOVE, ["MFA-ORDER-2024-13"], ("tommoss",))]
    assert [(e.zh, e.en, e.type, e.n) for e in rec.entities][-1] == ("汤姆·莫斯", "Tom Moss", "individual", 10)
    assert rec.warnings == ()


@pytest.mark.parametrize("line", [
    "二、将“（十）汤姆·莫斯（Tom Moss），男，斯凯迪奥公司亚太区总经理”从“二、高级管理人员”中删去。",
    "二、“二、高级管理人员”中的“（十）汤姆·莫斯（Tom Moss），男，斯凯迪奥公司亚太区总经理”予以删除。",
], ids=["from-section", "yuyi"])
def test_a_deletion_line_nothing_reads_is_for_a_person(line: str) -> None:
    """A numbered line deleting a quoted line of the list in a shape no instruction pattern reads: refused for a person
    (it was a silent loss: the removal dropped, the additions read)."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(AMENDMENT.replace(DELETION, line).encode())
    assert caught.value.reason == "needs-review"
    assert "deletes from an earlier decision's list" in str(caught.value)


@pytest.mark.parametrize("where, target", [
    ("2027年2月14日《关于对美国有关军工企业及人员采取反制措施的决定》", (None, "2027-02-14")),
    ("2027年2月14日外交部令第62号《关于对美国有关军工企业及人员采取反制措施的决定》", ("MFA-ORDER-2027-62", "2027-02-14")),
], ids=["by-date-and-title", "by-date-and-number"])
def test_persons_added_to_a_decision_named_by_title_without_its_list_join_that_decision(
        where: str, target: tuple[str | None, str]) -> None:
    """"中方决定将X（x）、Y（y）等2人增列入2027年2月14日《…的决定》，并对其采取…" (mfa37/10, mfa38/15): the impose named no decision,
    so the item did not say which decision they joined."""
    rec = decision(LAW + "中方决定将托马斯·R·格林（Thomas R. Green）、苏珊·J·怀特（Susan J. White）等2人增列入" + where
                   + "，并对其采取不予签发签证、不准入境（包括香港、澳门）的反制措施。",
                   title="关于修改《关于对美国有关军工企业及人员采取反制措施的决定》的决定", day="2027-05-06",
                   cn="2027年5月6日", n=68)
    [impose] = rec.actions
    assert impose.action is ActionKind.IMPOSE and impose.measures == ("entry_ban",)
    assert [(t.key, t.date.isoformat() if t.date else None) for t in impose.targets] == [target]
    assert ([e.en for e in rec.entities], rec.stated_count, rec.warnings) == (
        ["Thomas R. Green", "Susan J. White"], 2, ())


def test_a_new_decision_naming_an_earlier_one_in_its_reasons_has_no_target() -> None:
    """An earlier decision named in the reasons, not as what the targets join: the impose stays a listing of its own."""
    rec = decision("2027年2月14日，中方依据《关于对美国有关军工企业及人员采取反制措施的决定》对有关企业采取了反制措施。" + LAW
                   + "中方决定对托马斯·R·格林（Thomas R. Green）采取以下反制措施：对其本人不予签发签证、不准入境。")
    assert [a.targets for a in rec.actions] == [()]


def test_the_words_before_zenglieru_are_no_name() -> None:
    """"将后附表格所列2名人员增列入…外交部令第80号《…》" (mfa38/15): "后附表格所列2名人员增" was read as a name missing from the
    annex, and the count as 3: 'parsed 2 entities, the notice states 3', a false problem."""
    page = (CORPUS / "mfa38" / "15-older-layout-amend-html-table.html").read_bytes()
    rec = parse_document(page).notice
    assert rec is not None
    assert (rec.stated_count, rec.warnings, [t.key for t in rec.actions[0].targets]) == (2, (), ["MFA-ORDER-2028-80"])
    assert [e.en for e in rec.entities] == ["Stephen P. O'Connor", "Linda M. Garcia"]


ANNEXED = (CORPUS / "mfa37" / "09-taiwan-council-subsidiaries-annex.txt").read_text(encoding="utf-8")


def test_a_count_after_the_annex_pointed_to_is_read() -> None:
    """"对美台商业协会等后附《反制清单》列明的3家机构和企业" (mfa37/09): the count was not read (an annex cut short would not warn)."""
    rec = parse_document(ANNEXED.encode()).notice
    assert rec is not None and (rec.stated_count, rec.warnings) == (3, ())
    cut = parse_document(ANNEXED.replace("3. 红杉防务科技公司（Redwood Defense Technologies LLC）\n", "").encode()).notice
    assert cut is not None and cut.stated_count == 3 and "parsed 2 targets, the decision states 3" in cut.warnings


def test_a_nationality_before_a_persons_name_is_no_part_of_it() -> None:
    """"对德国籍人员约尔格·米勒（Jörg Müller，…）、…" (mfa38/17): the Chinese name kept "德国籍人员"."""
    rec = decision(LAW + "中方决定对德国籍人员约尔格·米勒（Jörg Müller，德国联邦议院前议员）、安内莉泽·舍弗-克劳斯（Anneliese "
                   "Schäfer-Krauß，某研究所研究员）及其直系亲属采取以下反制措施：对其本人及其直系亲属不予签发签证、不准入境。",
                   title="关于对德国有关人员采取反制措施的决定")
    assert [(e.zh, e.en, e.type, e.country) for e in rec.entities] == [
        ("约尔格·米勒", "Jörg Müller", "individual", "DE"), ("安内莉泽·舍弗-克劳斯", "Anneliese Schäfer-Krauß", "individual", "DE")]


@pytest.mark.parametrize("name", ["石平", "余茂春"])
def test_a_bare_chinese_name_in_a_lift_is_a_person(name: str) -> None:
    """"停止2025年9月8日外交部令第17号《…》中对石平采取的反制措施" (mfa38/03): typed an organisation (no English, no dot, a lift
    states no measure), and the stored person took that type."""
    text = (HEAD.format(title=f"关于停止对{name}采取反制措施的决定", day="2028-03-01", cn="2028年3月1日", n=82)
            + "依据《中华人民共和国反外国制裁法》第三条、第十五条规定，中方决定，停止2025年9月8日外交部令第17号"
            + f"《关于对{name}采取反制措施的决定》中对{name}采取的反制措施。" + TAIL.format(cn="2028年3月1日"))
    rec = parse_document(text.encode()).notice
    assert rec is not None
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, (name,))]
    assert [(e.zh, e.type) for e in rec.entities] == [(name, "individual")]


def _decree(title: str, body: str) -> str:
    return (HEAD.format(title=title, day="2028-10-20", cn="2028年10月20日", n=95)
            + "依据《中华人民共和国反外国制裁法》第三条、第十五条规定，中方决定，" + body + TAIL.format(cn="2028年10月20日"))


@pytest.mark.parametrize("orders, keys", [
    ("外交部令第80号、第86号", [(None, 80), (None, 86)]),
    ("外交部令第80号和第86号", [(None, 80), (None, 86)]),
    ("外交部令2028年第80号、第86号", [("MFA-ORDER-2028-80", None), ("MFA-ORDER-2028-86", None)]),
], ids=["dunhao", "he", "year-written"])
def test_numbers_after_the_first_order_are_orders_too(orders: str, keys: list[tuple[str | None, int | None]]) -> None:
    """"停止实施外交部令第80号、第86号所列全部反制措施" (mfa38/19): No. 86 was not read, its lift lost with no warning."""
    rec = parse_document(_decree("关于停止实施有关反制措施的决定", f"停止实施{orders}所列全部反制措施。").encode()).notice
    assert rec is not None
    [lift] = rec.actions
    assert lift.action is ActionKind.LIFT and lift.entities == ()
    assert [(t.key, t.number if t.key is None else None) for t in lift.targets] == keys


def test_persons_of_two_decrees_joined_by_he_are_each_lifted_from_their_own() -> None:
    """"停止…第80号中对罗伯特·凯恩（Robert Kane）和…第86号中对鲁塔·扬库特（Rūta Jankutė）采取的反制措施" (mfa38/21): Robert Kane
    was read into the second name, his lift lost with no warning."""
    page = (CORPUS / "mfa38" / "21-lift-one-person-of-each-of-two-decrees.txt").read_bytes()
    rec = parse_document(page).notice
    assert rec is not None
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2028-80"], ("robertkane",)), (ActionKind.LIFT, ["MFA-ORDER-2028-86"], ("rūtajankutė",))]
    assert [(e.zh, e.en) for e in rec.entities] == [("罗伯特·凯恩", "Robert Kane"), ("鲁塔·扬库特", "Rūta Jankutė")]


@pytest.mark.parametrize("where, target", [
    ("从2024年10月10日外交部令第13号《关于对美国军工企业及高级管理人员采取反制措施的决定》的反制清单中移除", "MFA-ORDER-2024-13"),
    ("从外交部令第13号所列《反制清单》中移除", None),
    ("从2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》中移出", None),
], ids=["de-list", "suolie-list", "decision"])
def test_a_removal_in_one_sentence_without_suofu_is_a_removal(where: str, target: str | None) -> None:
    """"中方决定将汤姆·莫斯（Tom Moss）从…的反制清单中移除" (mfa38/20): read as a new listing of "汤姆·莫斯（Tom Moss）从…中移除"."""
    text = _decree("关于修改有关反制措施决定的决定", "").replace("中方决定，", "中方决定将汤姆·莫斯（Tom Moss）" + where + "。")
    rec = parse_document(text.encode()).notice
    assert rec is not None
    [removal] = rec.actions
    assert (removal.action, removal.entities, len(removal.targets)) == (ActionKind.REMOVE, ("tommoss",), 1)
    assert target is None or removal.targets[0].key == target
    assert [(e.zh, e.en, e.type) for e in rec.entities] == [("汤姆·莫斯", "Tom Moss", "individual")]


@pytest.mark.parametrize("body", [
    "解除对外交部令第86号所列人员直系亲属采取的不予签发签证、不准入境的反制措施。",
    "解除外交部令第86号所列人员的直系亲属不予签发签证、不准入境的反制措施。",
    "停止对外交部令第86号所列鲁塔·扬库特（Rūta Jankutė）的直系亲属采取的反制措施。",
], ids=["caiqu", "no-caiqu", "one-persons-family"])
def test_a_lift_on_family_members_only_is_for_a_person(body: str) -> None:
    """A lift of what listed persons' family members are under (mfa38/22): read as a lift of all of No. 86 (false "lifted"
    items for persons still under every measure) or of an entity "人员直系亲属"."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_decree("关于解除部分反制措施的决定", body).encode())
    assert caught.value.reason == "needs-review" and "family members only" in str(caught.value)


def test_a_lift_of_a_person_and_his_family_is_read() -> None:
    rec = parse_document(_decree("关于停止对鲁塔·扬库特采取反制措施的决定",
                                 "停止外交部令第86号中对鲁塔·扬库特（Rūta Jankutė）及其直系亲属采取的反制措施。").encode()).notice
    assert rec is not None and [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("rūtajankutė",))]


def test_a_deletion_line_quoting_the_entry_alone_removes_it() -> None:
    """"一、删去“（九）亚当·布赖（Adam Bry），男，斯凯迪奥公司联合创始人、首席执行官”。" (mfa38/23): refused as cut short."""
    rec = parse_document((CORPUS / "mfa38" / "23-amend-delete-line-quoted-alone.txt").read_bytes()).notice
    assert rec is not None
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.REMOVE, ["MFA-ORDER-2024-13"], ("adambry",))]
    assert [(e.zh, e.type, e.n) for e in rec.entities] == [("亚当·布赖", "individual", 9)]


@pytest.mark.parametrize("body, entities", [
    ("撤销2025年9月8日外交部令第17号《关于对石平采取反制措施的决定》中对石平采取的反制措施。", ("石平",)),
    ("废止2025年9月8日外交部令第17号公布的《关于对石平采取反制措施的决定》。", ()),
], ids=["chexiao", "feizhi"])
def test_chexiao_and_feizhi_lift(body: str, entities: tuple[str, ...]) -> None:
    """"中方决定，撤销…中对石平采取的反制措施", "…废止…《关于对石平采取反制措施的决定》" (mfa38/24, 25): each read as a new impose on
    石平, a false "Imposed" item, the lift lost."""
    rec = parse_document(_decree("关于撤销有关反制措施的决定", body).encode()).notice
    assert rec is not None
    assert [(a.action, [t.key for t in a.targets], a.entities) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2025-17"], entities)]


@pytest.mark.parametrize("body", [
    "2025年9月8日《关于对石平采取反制措施的决定》规定的反制措施自2028年12月1日起不再执行。",
    "2025年9月8日《关于对石平采取反制措施的决定》所列反制措施停止实施。",
], ids=["title", "tingzhi"])
def test_a_decree_whose_measures_stop_told_verb_last_is_for_a_person(body: str) -> None:
    """"中方决定，…《关于对石平采取反制措施的决定》规定的反制措施自…起不再执行" (mfa38/26): a new impose on 石平, the lift lost."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_decree("关于有关反制措施的决定", body).encode())
    assert caught.value.reason == "needs-review" and "not read as a new listing" in str(caught.value)


def test_a_decree_by_number_whose_measures_stop_told_verb_last_is_a_lift() -> None:
    """The number written ("…外交部令第17号《…》规定的反制措施自…起不再执行"): held here until session 53, read since (mfa53's
    reading.verb_last): the lift of No. 17 from that day, no new listing."""
    rec = parse_document(_decree("关于有关反制措施的决定", "2025年9月8日外交部令第17号《关于对石平采取反制措施的决定》规定的反制措施"
                                 "自2028年12月1日起不再执行。").encode()).notice
    assert rec is not None and not rec.entities
    assert [(a.action, [t.key for t in a.targets], a.effective) for a in rec.actions] == [
        (ActionKind.LIFT, ["MFA-ORDER-2025-17"], "2028-12-01")]


def test_a_decision_recounting_an_earlier_one_in_its_reasons_imposes() -> None:
    rec = parse_document(_decree("关于对高桥一郎采取反制措施的决定", "").replace(
        "中方决定，", "中方决定对高桥一郎（Takahashi Ichiro）采取以下反制措施：\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n"
        "二、对其本人不予签发签证、不准入境。").replace(
        "依据《", "2025年9月8日，中方依据《关于对石平采取反制措施的决定》对石平采取了反制措施，上述措施继续实施。依据《").encode()).notice
    assert rec is not None and [(a.action, a.targets) for a in rec.actions] == [(ActionKind.IMPOSE, ())]
    assert [e.en for e in rec.entities] == ["Takahashi Ichiro"]


@pytest.mark.parametrize("targets", [
    "灰隼航空公司（Grey Falcon Aviation, Inc.）及其子公司灰隼无人系统公司（Grey Falcon Unmanned Systems LLC）、灰隼传感器公司（Grey "
    "Falcon Sensors LLC）",
    "灰隼航空公司（Grey Falcon Aviation, Inc.）及其子公司：灰隼无人系统公司（Grey Falcon Unmanned Systems LLC）、灰隼传感器公司（Grey "
    "Falcon Sensors LLC）",
], ids=["after-scope", "after-colon"])
def test_subsidiaries_named_after_the_parents_scope_words_are_targets_with_it(targets: str) -> None:
    """"对X（x）及其子公司Y（y）、Z（z）采取…" (mfa38/27): the parent was read into the first subsidiary's name, with its English:
    the parent lost with no warning; after "及其子公司：" the subsidiaries were lost."""
    rec = decision(LAW + f"中方决定对{targets}采取以下反制措施：\n一、冻结其在我国境内的动产、不动产和其他各类财产。")
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [
        ("灰隼航空公司", "Grey Falcon Aviation, Inc.", "及其子公司"), ("灰隼无人系统公司", "Grey Falcon Unmanned Systems LLC", None),
        ("灰隼传感器公司", "Grey Falcon Sensors LLC", None)]
    assert rec.warnings == ()


@pytest.mark.parametrize("body", [
    "停止实施外交部令第86号所列反制措施，但对多维达斯·凯里斯（Dovydas Kairys）采取的反制措施继续有效。",
    "除多维达斯·凯里斯（Dovydas Kairys）外，停止对外交部令第86号所列其他人员采取的反制措施。",
    "停止对外交部令第86号所列人员采取的反制措施，但多维达斯·凯里斯（Dovydas Kairys）除外。",
], ids=["dan-jixu-youxiao", "chu-wai", "dan-chuwai"])
def test_a_lift_of_all_but_some_is_for_a_person(body: str) -> None:
    """A lift of a decree with an exception in its sentence (mfa38/28): "…所列反制措施，但对X采取的反制措施继续有效" was read as a lift
    of X alone (a false "lifted" for the one kept, the others' lifts lost); "除X外，…" as a lift of all, X too."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_decree("关于停止部分反制措施的决定", body).encode())
    assert caught.value.reason == "needs-review" and "all but some" in str(caught.value)


def test_a_lift_of_one_with_the_others_kept_in_a_sentence_of_their_own_is_read() -> None:
    rec = parse_document(_decree("关于停止对鲁塔·扬库特采取反制措施的决定",
                                 "停止外交部令第86号中对鲁塔·扬库特（Rūta Jankutė）采取的反制措施。该决定中对其他人员采取的反制措施继续有效。"
                                 ).encode()).notice
    assert rec is not None and [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("rūtajankutė",))]


@pytest.mark.parametrize("among, count", [("4名人员中的2名", 2), ("4名人员中的其中2名", 2), ("4名人员中的3名", 3)],
                         ids=["zhongde", "qizhong", "miscounted"])
def test_some_of_a_decrees_persons_named_after_ji_are_lifted(among: str, count: int) -> None:
    """"停止对外交部令第86号所列4名人员中的2名，即A（a）、B（b），采取的反制措施" (mfa38): "4名人员中的2名" was read as a name (the lift
    unresolved: loud), the two named after 即 not at all."""
    rec = parse_document(_decree("关于停止对部分人员采取反制措施的决定", f"停止对外交部令第86号所列{among}，即鲁塔·扬库特（Rūta Jankutė）、"
                                 "伊奈塔·瓦伊特库特（Ineta Vaitkutė），采取的反制措施。").encode()).notice
    assert rec is not None
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.LIFT, ("rūtajankutė", "inetavaitkutė"))]
    assert rec.stated_count == count
    assert ("parsed 2 targets, the decision states 3" in rec.warnings) is (count == 3)
