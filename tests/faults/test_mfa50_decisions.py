"""Session 50's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa50):
a suspension of two companies of No. 401 (No. 408) extended object first to a day (No. 409: "将外交部令…第401号对A（a）、B（b）所采取
反制措施的暂停期限延长至2043年6月30日") and then one of them by three months from that end (No. 421: "…反制措施的暂停期限延长3个月"),
each held before (the suspension lapsed on its first end, the companies shown back in force months early)."""

from __future__ import annotations

from pathlib import Path

from tests.faults.test_mfa46_decisions import page, rows
from tests.faults.test_mfa46_decisions import replayed as replayed46
from tests.faults.test_mfa46_decisions import status as status46


def test_a_suspension_extended_object_first_then_by_three_months(tmp_path: Path) -> None:
    db = replayed46(tmp_path, *(page("mfa50", case) for case in ("01", "08", "09", "21")), as_of="2043-03-01")
    for as_of, red, farsail in (
            ("2043-03-01", ("suspended", "MFA-ORDER-2042-409", "2043-06-30"), ("suspended", "MFA-ORDER-2042-409", "2043-06-30")),
            ("2043-08-01", ("suspended", "MFA-ORDER-2043-421", "2043-09-30"), ("lapsed", "MFA-ORDER-2042-409", None))):
        code, state = status46(db, as_of)
        assert code == 0, state["health_issues"]
        assert state["unresolved_references"] == []
        for key, want in (("redfalconmissilesystems", red), ("farsailmarineelectronics", farsail)):
            got = [(r["state"], r["by"], r["until"]) for r in state["listings"] if key in r["entity_keys"]]
            assert got == [want], (as_of, key, got)
    assert rows(state, "ironwallairdefense") == [("MFA-ORDER-2042-401", "in_force", "MFA-ORDER-2042-401")]
