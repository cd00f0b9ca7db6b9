"""Session 49's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa49):
persons barred verb first by a bare name, after a long role, or as Taiwan-region persons ("禁止台湾地区A、B…进入大陆"), each
page refused before, then lifted by later decrees; a deletion verb first and an early restore of a suspended company of
No. 301 (both refused or held before); names as lines after the decision's colon, a list wrapped after "、" and a "，"-list
with no count (each refused or held before), listed whole."""

from __future__ import annotations

from pathlib import Path

from tests.faults.test_mfa46_decisions import page, rows
from tests.faults.test_mfa46_decisions import replayed as replayed46
from tests.faults.test_mfa46_decisions import status as status46

AS_OF = "2041-12-31"


def replayed(tmp_path: Path, *cases: str) -> str:
    return replayed46(tmp_path, *(page("mfa49", case) for case in cases), as_of=AS_OF)


def status(db: str) -> tuple[int, dict]:
    return status46(db, AS_OF)


def test_persons_barred_verb_first_are_listed_and_lifted_by_later_decrees(tmp_path: Path) -> None:
    db = replayed(tmp_path, "10", "11", "12", "17", "20", "30")
    code, state = status(db)
    assert code == 0, state["health_issues"]
    assert state["unresolved_references"] == []
    assert rows(state, "石原太郎") == [("MFA-ORDER-2040-310", "in_force", "MFA-ORDER-2040-310")]
    assert rows(state, "马克汤普森") == [("MFA-ORDER-2040-311", "in_force", "MFA-ORDER-2040-311")]
    assert rows(state, "陈建宏") == [("MFA-ORDER-2040-312", "lifted", "MFA-ORDER-2041-320")]
    assert rows(state, "黄淑芬") == [("MFA-ORDER-2040-312", "lifted", "MFA-ORDER-2041-330")]
    assert rows(state, "emilyshaw") == [("MFA-ORDER-2040-317", "lifted", "MFA-ORDER-2041-330")]
    assert rows(state, "edwardharrison") == [("MFA-ORDER-2040-317", "in_force", "MFA-ORDER-2040-317")]


def test_a_deletion_verb_first_and_an_early_restore_on_301(tmp_path: Path) -> None:
    db = replayed(tmp_path, "01", "09", "16", "21")
    code, state = status(db)
    assert code == 0, state["health_issues"]
    assert state["unresolved_references"] == []
    assert rows(state, "sungminkim") == [("MFA-ORDER-2040-301", "removed", "MFA-ORDER-2040-309")]
    assert rows(state, "siriusradar") == [("MFA-ORDER-2040-301", "in_force", "MFA-ORDER-2041-321")]
    assert rows(state, "thunderbirdaerosystems") == [("MFA-ORDER-2040-301", "in_force", "MFA-ORDER-2040-301")]


def test_lists_over_lines_and_a_comma_list_are_listed_whole(tmp_path: Path) -> None:
    db = replayed(tmp_path, "04", "13", "24")
    code, state = status(db)
    assert code == 0, state["health_issues"]
    listed = {r["notice_key"]: set(r["entity_keys"]) for r in state["listings"]}
    assert len(listed["MFA-ORDER-2040-304"]) == 4
    assert listed["MFA-ORDER-2040-313"] == {"jamescarter", "lisamorgan", "davidlee"}
    assert len(listed["MFA-ORDER-2041-324"]) == 5 and "goldeneagleaew" in listed["MFA-ORDER-2041-324"]
