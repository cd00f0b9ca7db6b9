"""``counted.named_fewer`` and a count inside the quoted title of the decision a step names (mfa43 probe, session 43): "中方决定
自即日起解除2037年1月15日《关于对美国北辰防务系统公司等2家企业及1名高级管理人员采取反制措施的决定》对罗伯特·黑尔（Robert Hale）采取的
反制措施" lifts one person, read right, but the engine said "its lift action names 1 of the 2 entities its text counts" (a problem,
exit 1, for a step that names all it acts on). A count of the step's own phrase still counts."""

from __future__ import annotations

from storage.lifecycle.counted import named_fewer
from storage.records import ActionKind, ActionRecord, ListKind

TITLE = "《关于对美国北辰防务系统公司等2家企业及1名高级管理人员采取反制措施的决定》"


def lift(text: str) -> ActionRecord:
    return ActionRecord(action=ActionKind.LIFT, list=ListKind.COUNTERMEASURE, entities=("roberthale",), text=text)


def test_a_count_in_a_quoted_title_is_not_the_steps() -> None:
    assert named_fewer(lift(f"中方决定自即日起解除2037年1月15日{TITLE}对罗伯特·黑尔（Robert Hale）采取的反制措施")) is None


def test_the_steps_own_count_still_counts() -> None:
    said = f"中方决定自即日起解除2037年1月15日{TITLE}对北辰航电公司（Northstar Avionics LLC）等2家企业采取的反制措施"
    assert named_fewer(lift(said)) == 2
