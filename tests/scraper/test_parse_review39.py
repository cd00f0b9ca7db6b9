"""Session 39's line-by-line review of session 38's MFA reader (review39): faults found reading the code, each with
the decision text that shows it."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, UnusablePage
from tests.scraper.mfa_texts import HEAD, TAIL


def _decree(body: str) -> bytes:
    return (HEAD.format(title="关于停止实施有关反制措施的决定", day="2028-10-20", cn="2028年10月20日", n=95)
            + "依据《中华人民共和国反外国制裁法》第三条、第十五条规定，中方决定，" + body
            + TAIL.format(cn="2028年10月20日")).encode()


@pytest.mark.parametrize("orders, numbers", [
    ("外交部令第80号、第86号和外交部令第90号、第91号", [80, 86, 90, 91]),
    ("外交部令第80号、第86号，以及外交部令第90号", [80, 86, 90]),
], ids=["two-lists", "list-then-one"])
def test_numbers_after_each_order_are_orders_too(orders: str, numbers: list[int]) -> None:
    """"停止实施外交部令第80号、第86号和外交部令第90号、第91号所列…": the numbers after an order were read after the last
    order only, so No. 86's lift was lost with no warning."""
    rec = parse_document(_decree(f"停止实施{orders}所列全部反制措施。")).notice
    assert rec is not None
    [lift] = rec.actions
    assert lift.action is ActionKind.LIFT
    assert [t.number for t in lift.targets] == numbers


def test_the_year_written_in_full_width_digits_keys_the_numbers_after_it() -> None:
    """"外交部令２０２８年第80号、第86号": No. 86 was keyed "MFA-ORDER-２０２８-86" (the year taken from the text, not its fold)."""
    rec = parse_document(_decree("停止实施外交部令２０２８年第80号、第86号所列全部反制措施。")).notice
    assert rec is not None
    assert [t.key for t in rec.actions[0].targets] == ["MFA-ORDER-2028-80", "MFA-ORDER-2028-86"]


def test_a_number_after_a_decree_named_by_way_of_is_no_target() -> None:
    """"…、经外交部令第109号、第110号暂停实施的反制措施": No. 110 was read as a target of the restore, under No. 101's year."""
    rec = parse_document(_decree("恢复实施外交部令2028年第101号中对罗伯特·凯恩（Robert Kane）采取的、经外交部令第109号、"
                                 "第110号暂停实施的反制措施。")).notice
    assert rec is not None
    assert [t.key or t.number for a in rec.actions for t in a.targets] == ["MFA-ORDER-2028-101"]


@pytest.mark.parametrize("kept", [
    "对罗伯特·凯恩（Robert Kane）采取的反制措施继续有效",
    "外交部令第90号所列反制措施继续有效",
    "鲁塔·扬库特（Rūta Jankutė）除外",
], ids=["person", "decree", "chuwai"])
def test_a_lift_keeping_some_in_a_clause_of_its_sentence_is_for_a_person(kept: str) -> None:
    """"停止实施外交部令第80号所列反制措施，对罗伯特·凯恩（Robert Kane）采取的反制措施继续有效。": read as a lift of Kane, the one
    kept (a false "lifted"); "…，外交部令第90号所列反制措施继续有效": No. 90 lifted too. Neither has 但 (EXCEPT_RE) nor a sentence
    of its own (_kept_apart)."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(_decree(f"停止实施外交部令第80号所列反制措施，{kept}。"))
    assert caught.value.reason == "needs-review" and "in its own sentence" in str(caught.value)


@pytest.mark.parametrize("body", [
    "停止实施外交部令第80号所列反制措施，其他反制措施继续有效。",
    "暂停实施外交部令第80号所列反制措施，为期一年。",
], ids=["others-kept", "plain"])
def test_a_step_with_no_target_kept_is_read(body: str) -> None:
    rec = parse_document(_decree(body)).notice
    assert rec is not None and [t.number for t in rec.actions[0].targets] == [80]


def test_the_chu_of_yichu_opens_no_exception() -> None:
    """"将X从…中移除，该公司在境外的有关活动不受影响": 移除's 除 and the 外 of 境外 were read as "除…外" (all but X), the removal held."""
    rec = parse_document(_decree("将斯凯迪奥公司（Skydio Inc.）从外交部令第13号所列《反制清单》中移除，该公司在境外的有关活动不受影响。")).notice
    assert rec is not None
    assert [(a.action, a.entities) for a in rec.actions] == [(ActionKind.REMOVE, ("skydio",))]


@pytest.mark.parametrize("whom", ["鲁塔·扬库特（Rūta Jankutė）和直系亲属",
                                  "鲁塔·扬库特（Rūta Jankutė）、罗伯特·凯恩（Robert Kane）和直系亲属",
                                  "鲁塔·扬库特（Rūta Jankutė）与直系亲属", "鲁塔·扬库特（Rūta Jankutė）本人与直系亲属",
                                  "鲁塔·扬库特（Rūta Jankutė）本人和直系亲属"], ids=["one", "two", "yu", "benren-yu", "benren-he"])
def test_a_lift_of_persons_and_family_joined_by_he_is_read(whom: str) -> None:
    """"停止…中对鲁塔·扬库特（Rūta Jankutė）和直系亲属采取的反制措施": held as a lift of family members only (the person lifted too)."""
    rec = parse_document(_decree(f"停止外交部令第86号中对{whom}采取的反制措施。")).notice
    assert rec is not None and [a.action for a in rec.actions] == [ActionKind.LIFT]
    assert rec.actions[0].entities[0] == "rūtajankutė" and all("直系亲属" not in e.zh for e in rec.entities if e.zh)


def test_a_lift_of_the_spouses_and_family_members_is_still_for_a_person() -> None:
    with pytest.raises(UnusablePage) as caught:
        parse_document(_decree("解除对外交部令第86号所列人员的配偶和直系亲属采取的反制措施。"))
    assert "family members only" in str(caught.value)
