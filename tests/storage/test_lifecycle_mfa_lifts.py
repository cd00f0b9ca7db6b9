"""A lift naming some of an order's targets after a long dated title, derived (session 17 audit, mfa17).

Before: "停止实施2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）中对斯凯迪奥公司（Skydio
Inc.）、边缘自治运营公司（Edge Autonomy Operations LLC）等2家企业采取的反制措施" read no name (the quoted title put the 对
beyond the decision's reach), so the action lifted Order No. 13 for all its 13 targets: 11 false items. Order No. 13 is the
official page in fixtures/; the lift is written for this test in the MFA's wording (illustrative: no MFA decision found in
public sources lifts an earlier one)."""

from __future__ import annotations

from scraper.parse import parse_text
from storage.records import ListingState
from tests.storage.test_lifecycle_yearless_orders import IN_FORCE_13, derived

LIFT = """关于停止实施部分反制措施的决定
2026-01-09 15:00

（2026年1月9日中华人民共和国外交部令第20号公布，自2026年1月9日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定自2026年1月9日起，停止实施2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）中对斯凯迪奥公司（Skydio Inc.）、边缘自治运营公司（Edge Autonomy Operations LLC）等2家企业采取的反制措施。

本决定自2026年1月9日起施行。

外交部
2026年1月9日
"""


def test_the_lift_covers_the_companies_it_names_alone() -> None:
    rec = parse_text(LIFT)
    assert rec is not None and rec.warnings == ()
    d = derived(rec)
    assert d.problems == ()
    lifted = ("skydio", "edgeautonomyoperations")
    assert sorted((r.state, r.by, r.entity_keys) for r in d.states if r.notice_key == "MFA-ORDER-2024-13") == [
        (ListingState.IN_FORCE, "MFA-ORDER-2024-13", tuple(k for k in IN_FORCE_13[4] if k not in lifted)),
        (ListingState.LIFTED, "MFA-ORDER-2026-20", ("edgeautonomyoperations", "skydio"))]
