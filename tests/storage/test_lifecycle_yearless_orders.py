"""An MFA order named without its year ("停止实施外交部令第4号相关措施"): the engine finds the stored order it names.

The MFA writes its order numbers without a year and restarted them in 2023 (shared/domain.md b.7: Nos. 1-4 exist in
2022 and in 2023; Nos. 5 and up once so far). Before session 15 the parser kept such a reference keyless and the
engine left it unresolved for ever ("names neither a notice number nor a date and list"), even where one stored
order has that number. Now (storage/yearless.py): one stored order of that number published by the referring
notice -> resolved; several -> what the text quotes (the title) or names (the targets) decides, and without such a
hint it stays unresolved, loudly (a wrong pick lifts the measures on the wrong people).

Orders No. 4 of 2022 and No. 13 of 2024 are the official pages in fixtures/; No. 4 of 2023 (on 麦考尔, Michael
McCaul) and the decisions of 2026 that lift are written for these tests in the MFA's wording: their numbers, dates
and pairings are illustrative, not facts about real decisions."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from scraper.parse import parse_document, parse_text
from storage.lifecycle import Derivation, derive
from storage.records import EventKind, ListingState, NoticeRecord
from tests.storage.test_lifecycle_corpus import stored

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = FIXTURES / "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs"
NO_4_2022, NO_13_2024 = PAGES / "202212/t20221222_10993979.shtml", PAGES / "202412/t20241217_11494912.shtml"
NO_4_2023 = """关于对美国国会众议员麦考尔采取反制措施的决定
2023-04-12 17:30

中华人民共和国外交部令
第 4 号
　　现公布《关于对美国国会众议员麦考尔采取反制措施的决定》，自2023年4月12日起施行。
部  长　秦  刚
2023年4月12日

关于对美国国会众议员麦考尔采取反制措施的决定
　　美国国会众议员麦考尔近日窜访中国台湾地区，严重违反一个中国原则和中美三个联合公报规定，严重干涉中国内政，严重损害中国主权和领土完整。依据《中华人民共和国反外国制裁法》第四条、第五条、第六条、第九条、第十五条规定，中方决定对麦考尔采取以下反制措施：
　　一、冻结其在我国境内的动产、不动产和其他各类财产；
　　二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；
　　三、对其本人不予签发签证、不准入境（包括香港、澳门）。
　　本决定自2023年4月12日起施行。
外交部
2023年4月12日
"""
LIFT = """关于停止实施部分反制措施的决定
{day:%Y-%m-%d} 10:00

（{cn}中华人民共和国外交部令第{n}号公布，自{cn}起施行）

{decision}

本决定自{cn}起施行。

外交部
{cn}
"""
AS_OF = date(2026, 11, 30)


def lift(decision: str, day: date = date(2026, 3, 2), n: int = 21) -> NoticeRecord:
    cn = f"{day.year}年{day.month}月{day.day}日"
    rec = parse_text(LIFT.format(day=day, cn=cn, n=n, decision=decision.format(cn=cn)))
    assert rec is not None and rec.warnings == ()
    return rec


def derived(*records: NoticeRecord, as_of: date = AS_OF) -> Derivation:
    known = [parse_document(path.read_bytes(), url=f"https://{path.relative_to(FIXTURES)}").notice
             for path in (NO_4_2022, NO_13_2024)]
    known.append(parse_text(NO_4_2023))
    assert [(r.key, r.warnings) for r in known] == [  # type: ignore[union-attr]
        ("MFA-ORDER-2022-4", ()), ("MFA-ORDER-2024-13", ()), ("MFA-ORDER-2023-4", ())]
    fetched = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    return derive([stored(r, fetched=fetched) for r in [*known, *records]], as_of)  # type: ignore[arg-type]


def states(d: Derivation) -> list[tuple[str, ListingState, date | None, str | None, tuple[str, ...]]]:
    return sorted((r.notice_key, r.state, r.since, r.by, r.entity_keys) for r in d.states)


def unresolved(d: Derivation) -> list[tuple[str, str]]:
    return [(e.id, e.summary) for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


IN_FORCE_4_2022 = ("MFA-ORDER-2022-4", ListingState.IN_FORCE, date(2022, 12, 23), "MFA-ORDER-2022-4",
                   ("余茂春", "toddstein"))
IN_FORCE_4_2023 = ("MFA-ORDER-2023-4", ListingState.IN_FORCE, date(2023, 4, 12), "MFA-ORDER-2023-4", ("麦考尔",))
IN_FORCE_13 = ("MFA-ORDER-2024-13", ListingState.IN_FORCE, date(2024, 10, 10), "MFA-ORDER-2024-13",
               ("edgeautonomyoperations", "huntingtoningallsindustries", "skydio", "stevenrogerrudder",
                "jameswilliamickesii", "davidkeithsutton", "yeongtaepak", "patrickedwardjankowski", "johnpurvis",
                "joshbrungardt", "christopherdouglaskastner", "adambry", "tommoss"))
STOP = "中方决定自{cn}起，停止实施外交部令第{n}号相关措施。"


def test_a_number_one_stored_order_has_names_that_order() -> None:
    d = derived(lift(STOP.format(cn="{cn}", n=13)))
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023,
                         ("MFA-ORDER-2024-13", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", IN_FORCE_13[4])]


def test_a_number_two_stored_orders_have_stays_unresolved_without_a_hint() -> None:
    d = derived(lift(STOP.format(cn="{cn}", n=4)))
    why = ('reference "外交部令第4号" gives no year and fits MFA-ORDER-2022-4 (2022-12-23), MFA-ORDER-2023-4 '
           "(2023-04-12): the text gives no date, title or name that tells them apart")
    assert d.problems == (f"MFA-ORDER-2026-21: {why}",)
    assert unresolved(d) == [(
        "tag:mofcom-watch,2025:MFA-ORDER-2026-21/unresolved_reference/countermeasure/2026-03-02/countermeasure-MFA-ORDER-4",
        f'MFA-ORDER-2026-21 (外交部令第21号) says to lift the measures of "外交部令第4号" from 2026-03-02, but its {why}. No state was changed; '
        "this needs review.")]
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13]


LIFTED_4_2022 = ("MFA-ORDER-2022-4", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", ("余茂春", "toddstein"))


def test_the_title_quoted_before_the_number_tells_two_orders_apart() -> None:
    rec = lift("中方决定自{cn}起，停止实施《关于对余茂春、托德·斯坦恩采取反制裁措施的决定》（外交部令第4号）相关措施。")
    assert rec.actions[0].targets[0].title == "关于对余茂春、托德·斯坦恩采取反制裁措施的决定"
    d = derived(rec)
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [LIFTED_4_2022, IN_FORCE_4_2023, IN_FORCE_13]
    # quoted with the issuer before 关于 and a katakana middle dot: the same title
    d = derived(lift("中方决定自{cn}起，停止实施《外交部关于对美国国会众议员麦考尔采取反制措施的决定》（外交部令第4号）相关措施。"))
    assert (d.problems, states(d)) == ((), [
        IN_FORCE_4_2022, ("MFA-ORDER-2023-4", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", ("麦考尔",)),
        IN_FORCE_13])


def test_a_quoted_title_no_stored_order_of_that_number_has_stays_unresolved() -> None:
    d = derived(lift("中方决定自{cn}起，停止实施《关于对美国国会众议员加拉格尔采取反制措施的决定》（外交部令第4号）相关措施。"))
    assert d.problems == (
        'MFA-ORDER-2026-21: reference "外交部令第4号" gives no year, and its quoted title '
        "《关于对美国国会众议员加拉格尔采取反制措施的决定》 is none of the stored MFA-ORDER No. 4: "
        "MFA-ORDER-2022-4 (2022-12-23), MFA-ORDER-2023-4 (2023-04-12)",)
    assert len(unresolved(d)) == 1 and states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13]


def test_the_targets_named_tell_two_orders_apart() -> None:
    d = derived(lift("中方决定自{cn}起，取消依据外交部令第4号对托德·斯坦恩（Todd Stein）采取的反制措施。"))
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [
        ("MFA-ORDER-2022-4", ListingState.IN_FORCE, date(2022, 12, 23), "MFA-ORDER-2022-4", ("余茂春",)),
        ("MFA-ORDER-2022-4", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", ("toddstein",)),
        IN_FORCE_4_2023, IN_FORCE_13]


def test_a_person_named_by_the_chinese_name_alone_tells_two_orders_apart() -> None:
    """"停止外交部令第4号中对托德·斯坦恩采取的反制措施" of a person listed "托德·斯坦恩（Todd Stein）" (key toddstein): the step's
    key is the Chinese name's (session 38, mfa38: unresolved, "none of the stored MFA-ORDER No. 4 lists 托德斯坦恩", the
    lift not applied)."""
    d = derived(lift("中方决定自{cn}起，停止外交部令第4号中对托德·斯坦恩采取的反制措施。"))
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [
        ("MFA-ORDER-2022-4", ListingState.IN_FORCE, date(2022, 12, 23), "MFA-ORDER-2022-4", ("余茂春",)),
        ("MFA-ORDER-2022-4", ListingState.LIFTED, date(2026, 3, 2), "MFA-ORDER-2026-21", ("toddstein",)),
        IN_FORCE_4_2023, IN_FORCE_13]


def test_an_order_published_after_the_referring_decision_is_not_what_it_names() -> None:
    """A decision of 2023-03-01 on "外交部令第4号" can only mean No. 4 of 2022: No. 4 of 2023 came out on 04-12."""
    d = derived(lift(STOP.format(cn="{cn}", n=4), day=date(2023, 3, 1), n=1))
    assert d.problems == () and unresolved(d) == []
    assert states(d) == [("MFA-ORDER-2022-4", ListingState.LIFTED, date(2023, 3, 1), "MFA-ORDER-2023-1",
                          ("余茂春", "toddstein")), IN_FORCE_4_2023, IN_FORCE_13]


@pytest.mark.parametrize("n", [5, 30])
def test_a_number_no_stored_order_has_stays_unresolved(n: int) -> None:
    d = derived(lift(STOP.format(cn="{cn}", n=n)))
    assert d.problems == (f'MFA-ORDER-2026-21: reference "外交部令第{n}号" gives no year, and no MFA-ORDER No. {n} '
                          "published by 2026-03-02 is stored",)
    assert states(d) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13]


def test_a_reused_number_with_one_order_stored_needs_a_hint_in_a_text_after_the_reuse() -> None:
    """Session 17 (mfa17): "外交部令第4号" in a decision of 2026 with only No. 4 of 2022 stored was taken as that order,
    though No. 4 of 2023 (not stored here) is as likely: a silent wrong pick would lift the wrong people's measures."""
    no_4 = parse_document(NO_4_2022.read_bytes(), url=f"https://{NO_4_2022.relative_to(FIXTURES)}").notice
    fetched = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    d = derive([stored(r, fetched=fetched) for r in (no_4, lift(STOP.format(cn="{cn}", n=4)))], AS_OF)  # type: ignore[arg-type]
    assert d.problems == (
        'MFA-ORDER-2026-21: reference "外交部令第4号" gives no year; MFA-ORDER No. 4 names an order of more than one year, '
        "and the text quotes no title and names no entity that confirms the one stored, MFA-ORDER-2022-4 (2022-12-23): "
        "the order it means may be another year's",)
    assert [r.state for r in d.states] == [ListingState.IN_FORCE]
    # a name it gives confirms it
    named = lift("中方决定自{cn}起，取消依据外交部令第4号对托德·斯坦恩（Todd Stein）采取的反制措施。")
    d = derive([stored(r, fetched=fetched) for r in (no_4, named)], AS_OF)  # type: ignore[arg-type]
    assert d.problems == () and [r.state for r in d.states] == [ListingState.IN_FORCE, ListingState.LIFTED]


def test_an_unresolved_lift_of_some_measures_is_worded_in_english() -> None:
    """order35 B3: the title said 'MFA-ORDER-2026-21 lift_measures "外交部令第7号"' and the summary 'says to
    lift_measure the measures of': the action's raw value as a verb."""
    d = derived(lift("中方决定自{cn}起，停止实施外交部令第7号中对余茂春采取的冻结财产措施。"))
    [event] = [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]
    assert event.title.startswith('Unresolved reference: MFA-ORDER-2026-21 stops some measures of "外交部令第7号" on the MFA '
                                  "countermeasure list, ")
    assert event.summary.startswith('MFA-ORDER-2026-21 (外交部令第21号) says to stop some measures of "外交部令第7号" from '
                                    "2026-03-02, but ")
    assert "lift_measure" not in event.title + event.summary
