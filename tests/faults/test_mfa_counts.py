"""An MFA decision on companies "and their senior executives" states how many companies it sanctions
("等3家…企业及其高级管理人员") and names the executives in its annex only, uncounted. The stated count is of the
companies (domain.md b.7: "等3家…企业" counts companies, "等10名…高级管理人员" people), so the count check
compares like with like: a complete page shows no count mismatch, a page short of one company does.
Real processes and files (a replay through the CLI); found by the engine audit of session 12 (C3), where a
complete decision of this form said "parsed 6 targets, the decision states 3"."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import AS_OF, cli

# Written for this test in the MFA's wording; the names are those of 外交部令第13号 (shared/reference/mfa/),
# the order number, date and wording illustrative.
DECISION = """关于对美国军工企业及其高级管理人员采取反制措施的决定
2024-12-05 16:00

（2024年12月5日中华人民共和国外交部令第15号公布，自2024年12月5日起施行）

美国近日再次宣布向中国台湾地区出售武器，严重违反一个中国原则和中美三个联合公报，严重损害中国主权和领土完整。依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对边缘自治运营公司、亨廷顿·英格尔斯工业公司、斯凯迪奥公司等3家后附《反制清单》列明的美国军工企业及其高级管理人员采取以下反制措施：

一、冻结在我国境内的动产、不动产和其他各类财产；
二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；
三、对上述高级管理人员不予签发签证、不准入境（包括香港、澳门）。

本决定自2024年12月5日起施行。

附件：反制清单

外交部
2024年12月5日

附件

反制清单

一、企业
（一）边缘自治运营公司（Edge Autonomy Operations LLC）
（二）亨廷顿·英格尔斯工业公司（Huntington Ingalls Industries Inc.）
（三）斯凯迪奥公司（Skydio Inc.）

二、高级管理人员
（一）约翰·普维斯（John Purvis），男，边缘自治运营公司前首席执行官
（二）克里斯托弗·卡斯特纳（Christopher Douglas Kastner），男，亨廷顿·英格尔斯工业公司总裁、首席执行官
（三）亚当·布赖（Adam Bry），男，斯凯迪奥公司联合创始人、首席执行官
"""
# The annex short of one company (a page served with a line lost): a count mismatch, not a smaller decision.
SHORT = DECISION.replace("（二）亨廷顿·英格尔斯工业公司（Huntington Ingalls Industries Inc.）\n", "")
KEY = "MFA-ORDER-2024-15"


def replay(db: str, tmp_path: Path, name: str, text: str, day: str) -> tuple[int, str, dict]:
    tree = tmp_path / name / "texts"
    tree.mkdir(parents=True)
    (tree / "mfa-2024-15.txt").write_text(text, encoding="utf-8")
    done = cli(db, "replay", str(tree.parent), "--fetched-at", f"2026-11-{day}T00:00:00+00:00", "--as-of", AS_OF)
    return done.code, done.out + done.err, json.loads(cli(db, "status", "--json", "--as-of", AS_OF).out)


def test_a_complete_decision_on_companies_and_their_executives_shows_no_count_mismatch(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, out, state = replay(db, tmp_path, "whole", DECISION, "28")
    assert code == 0, out
    (row,) = state["listings"]
    assert (row["notice_key"], row["state"]) == (KEY, "in_force")
    assert row["entity_keys"] == ["edgeautonomyoperations", "huntingtoningallsindustries", "skydio", "johnpurvis",
                                  "christopherdouglaskastner", "adambry"]
    assert state["health_issues"] == []
    # the same page short of a company, fetched later: held back, the six kept
    code, out, state = replay(db, tmp_path, "short", SHORT, "29")
    assert code == 1 and "1 unusable" in out, out
    assert [r["entity_keys"] for r in state["listings"]] == [row["entity_keys"]]
    (issue,) = state["health_issues"]
    assert issue["kind"] == "unusable-page" and "5 of the 6 entities" in issue["detail"], issue


def test_a_decision_short_of_one_company_shows_a_count_mismatch(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    code, out, state = replay(db, tmp_path, "short", SHORT, "28")
    assert code == 1, out
    (issue,) = state["health_issues"]
    assert issue["kind"] == "count-mismatch" and issue["notice_key"] == KEY, issue
    assert "parsed 5 entities, the notice states 6" in issue["detail"], issue
