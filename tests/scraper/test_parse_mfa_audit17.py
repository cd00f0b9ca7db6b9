"""MFA decisions the session 17 blind audit (mfa17) found read wrongly, each in the wording that broke it. The texts are
tests/data/corpus/mfa17/ (composed in the MFA's and MOFCOM's wording; numbers, dates and names are illustrative).

- "终止实施…（外交部令第14号）所列全部反制措施": refused as cut short ("names no target"): the lift missed;
- "不再对X采取…反制措施": read as a new impose on X (a false item);
- "停止实施2024年12月27日《…》（外交部令第16号）中对A、B、C等3家企业采取的反制措施": the quoted title put the 对 out of
  the decision's reach, so no name was read and the action lifted the whole order (false items for its other targets);
- "自2025年11月10日起至2026年11月10日，暂停实施…": the end date before the verb was not read (an open suspension);
- "将《反制清单》…中的“（四）X”调出": 调出 no verb, so the line was read as one more addition (a false item);
- "将X、Y等2家企业增列入…（外交部令第16号）所附《反制清单》", "将X从…所附《反制清单》中移除": refused as cut short;
- "加拿大维吾尔权利倡导项目", "…高级管理人员约翰·卡特" in the decision, the bare name in the annex: "named in the decision
  but not in the annex", a false alarm."""

from __future__ import annotations

from pathlib import Path

from scraper.parse import parse_document
from storage.records import ActionKind, NoticeRecord

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa17"


def parsed(name: str, url: str | None = None) -> NoticeRecord:
    rec = parse_document((CORPUS / name).read_bytes(), url=url).notice
    assert rec is not None
    return rec


def test_zhongzhi_lifts_the_order_it_names() -> None:
    rec = parsed("14-html-fmprc-lift-zhongzhi.html",
                 "https://www.fmprc.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202609/t20260930_11923456.shtml")
    [action] = rec.actions
    assert (rec.key, rec.warnings, action.action, action.effective, action.entities) == (
        "MFA-ORDER-2026-28", (), ActionKind.LIFT, "2026-10-01", ())
    assert [t.key for t in action.targets] == ["MFA-ORDER-2024-14"]  # the date before the quoted title gives the year


def test_buzai_dui_is_a_lift_of_the_person_not_an_impose() -> None:
    rec = parsed("18-lift-buzai-named-person.txt")
    [action] = rec.actions
    assert (action.action, action.targets, action.entities) == (ActionKind.LIFT, (), (rec.entities[0].key,))
    assert [(e.zh, e.en) for e in rec.entities] == [("赖因哈德·比蒂科弗", "Reinhard Bütikofer")]


def test_a_lift_naming_companies_after_a_long_dated_title_lifts_those_alone() -> None:
    rec = parsed("02-lift-named-companies-dated-order.txt")
    [action] = rec.actions
    assert action.action is ActionKind.LIFT and [t.key for t in action.targets] == ["MFA-ORDER-2024-16"]
    assert [e.en for e in rec.entities] == ["Insitu Inc.", "Hudson Technologies Co.", "Sierra Nevada Corporation"]
    assert action.entities == tuple(e.key for e in rec.entities) and rec.stated_count == 3 and rec.warnings == ()


def test_an_end_date_before_the_verb_ends_the_suspension() -> None:
    [action] = parsed("21-suspend-until-date.txt").actions
    assert (action.action, action.duration, str(action.until)) == (ActionKind.SUSPEND, "至2026年11月10日", "2026-11-10")


def test_tiaochu_deletes_the_line_it_quotes() -> None:
    rec = parsed("10-amend-numbered-zenglie-tiaochu.txt")
    assert [(a.action, [t.key for t in a.targets]) for a in rec.actions] == [
        (ActionKind.IMPOSE, ["MFA-ORDER-2025-19"]), (ActionKind.REMOVE, ["MFA-ORDER-2025-19"])]
    assert [(e.n, e.zh, e.type) for e in rec.entities] == [
        (21, "阿尔忒弥斯航空系统公司", "organization"), (22, "铁砧防务技术公司", "organization"), (4, "理查德·布朗", "individual")]
    assert rec.actions[0].entities == tuple(e.key for e in rec.entities[:2])
    assert rec.actions[1].entities == (rec.entities[2].key,)


def test_an_amendment_in_one_sentence_adds_or_removes() -> None:
    added = parsed("08-amend-zenglie-prose.txt")
    [action] = added.actions
    assert (action.action, [t.key for t in action.targets], action.entities) == (
        ActionKind.IMPOSE, ["MFA-ORDER-2024-16"], ())
    assert ([e.en for e in added.entities], added.stated_count, added.warnings) == (
        ["Starshield Defense LLC", "Poseidon Unmanned Systems, Inc."], 2, ())
    removed = parsed("09-amend-yichu-prose.txt")
    [action] = removed.actions
    assert (action.action, [t.key for t in action.targets], action.entities) == (
        ActionKind.REMOVE, ["MFA-ORDER-2024-13"], ("skydio",))
    assert ([e.en for e in removed.entities], removed.warnings) == (["Skydio Inc."], ())


def test_a_country_or_description_before_an_annex_name_is_that_name() -> None:
    for name, count in (("01-persons-nationality-annex.txt", 3), ("17-canada-institutions-academics-sections.txt", 5)):
        rec = parsed(name)
        assert (len(rec.entities), rec.stated_count, rec.warnings) == (count, count, ())


def test_a_mofcom_orders_persons_named_after_their_roles_are_named_without_them() -> None:
    """"加拿大北方科技公司（…）及其首席执行官罗伯特·麦克唐纳（…）、首席财务官艾米丽·陈（…）" (a MOFCOM order, read by
    entities.prose_entities): the names were "其首席执行官罗伯特·麦克唐纳" and "首席财务官艾米丽·陈"."""
    rec = parsed("07-mofcom-order-company-and-executives.txt")
    assert [(e.zh, e.en, e.note) for e in rec.entities] == [
        ("加拿大北方科技公司", "Northern Tech Corp.", None), ("罗伯特·麦克唐纳", "Robert MacDonald", "首席执行官"),
        ("艾米丽·陈", "Emily Chen", "首席财务官")]


def test_each_order_named_after_a_dated_title_takes_the_date_of_its_own_title() -> None:
    """"停止实施2022年12月23日《…》（外交部令第4号）和2024年10月10日《…》（外交部令第13号）相关措施": before, both were kept
    without a year (the engine then needed the titles); the date searched before a number is the one of the title
    quoted right before it, never an earlier title's."""
    text = (CORPUS / "14-html-fmprc-lift-zhongzhi.html").read_text(encoding="utf-8").replace(
        "终止实施2024年12月5日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第14号）所列全部反制措施",
        "终止实施2022年12月23日《关于对余茂春、托德·斯坦恩采取反制裁措施的决定》（外交部令第4号）和2024年10月10日"
        "《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）相关措施")
    rec = parse_document(text.encode("utf-8")).notice
    assert rec is not None
    assert [t.key for a in rec.actions for t in a.targets] == ["MFA-ORDER-2022-4", "MFA-ORDER-2024-13"]
