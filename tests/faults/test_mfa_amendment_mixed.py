"""An MFA amendment that deletes one line of the amended decision's list and adds another, replayed through the CLI in
real processes (session 17, mfa17).

Before: one instruction line holding both verbs ("在《反制清单》“一、企业”中删除“（三）X”，增加“（八）Y”。") was read as
one deletion of every line it quotes: Y was "removed" from Order No. 13, where it never stood (a problem, and no item
for its listing: missed), and nothing was added. And an amendment that both adds and deletes listed only the
additions as its entities: the deleted company was named nowhere in the amendment's own record. Now each verb takes
the lines that are its own, the notice's entities are both parts (added, then deleted), the impose names the added
ones (ActionRecord.entities) so that only they join the list, and the deletion is a removal of those entities from
the amended decision: an item of its own in the feeds.

Order No. 13 of 2024 is the official page in fixtures/; the amendment is written for this test in the MFA's wording
(illustrative: its number, date and the pairing are not facts about a real decision)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.faults.harness import AS_OF, FETCHED, FIXTURES, cli

MFA_13 = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"
AMENDMENT = """关于修改《关于对美国军工企业及高级管理人员采取反制措施的决定》的决定
2025-01-06 16:00

（2025年1月6日中华人民共和国外交部令第17号公布，自2025年1月6日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对2024年10月10日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第13号）作如下修改：

在《反制清单》“一、企业”中删除“（三）斯凯迪奥公司（Skydio Inc.）”，增加“（八）英西图公司（Insitu Inc.）”。

本决定自2025年1月6日起施行。

外交部
2025年1月6日
"""


def test_an_amendment_deleting_and_adding_in_one_line_removes_the_one_and_lists_the_other(tmp_path: Path) -> None:
    site = tmp_path / "site"
    page = site / MFA_13
    page.parent.mkdir(parents=True)
    page.write_bytes((FIXTURES / MFA_13).read_bytes())
    (site / "mfa-2025-17.txt").write_text(AMENDMENT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    record = json.loads(cli(db, "parse", str(site / "mfa-2025-17.txt")).out)
    assert [(e["n"], e["zh"], e["en"], e["type"]) for e in record["entities"]] == [
        (8, "英西图公司", "Insitu Inc.", "organization"), (3, "斯凯迪奥公司", "Skydio Inc.", "organization")]
    assert [(a["action"], a["entities"], [t["key"] for t in a["targets"]]) for a in record["actions"]] == [
        ("impose", ["insitu"], ["MFA-ORDER-2024-13"]), ("remove", ["skydio"], ["MFA-ORDER-2024-13"])]
    done = cli(db, "replay", str(site), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code == 0, done.err
    status = json.loads(cli(db, "status", "--json", "--as-of", AS_OF).out)
    assert (status["problems"], status["unresolved_references"]) == ([], [])
    rows = [(r["notice_key"], r["state"], r["by"], r["entity_count"]) for r in status["listings"]]
    assert rows == [("MFA-ORDER-2024-13", "in_force", "MFA-ORDER-2024-13", 12),
                    ("MFA-ORDER-2024-13", "removed", "MFA-ORDER-2025-17", 1),
                    ("MFA-ORDER-2025-17", "in_force", "MFA-ORDER-2025-17", 1)]
    assert [r["entity_keys"] for r in status["listings"]][1:] == [["skydio"], ["insitu"]]
    out = tmp_path / "feeds"
    assert cli(db, "feeds", "--out", str(out), "--as-of", AS_OF).code == 0
    titles = re.findall(r"<title>([^<]*)</title>", (out / "countermeasure.atom").read_text(encoding="utf-8"))
    assert titles[1:3] == ["Removed: Skydio Inc. on the MFA countermeasure list (MFA-ORDER-2024-13) from 2025-01-06",
                           "Imposed: Insitu Inc. on the MFA countermeasure list (MFA-ORDER-2025-17) from 2025-01-06"]
    skydio = (out / "entity" / "skydio.atom").read_text(encoding="utf-8")
    assert "Removed: Skydio Inc. (斯凯迪奥公司) on the MFA countermeasure list (MFA-ORDER-2024-13) from 2025-01-06" in skydio
