"""Session 48's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa47
and mfa48): a person barred from entry verb first ("中方决定禁止X及其直系亲属入境") and four persons with roles before their
names parted by "，" (each page refused, nothing listed; now listed), persons named in Latin alone lifted from a decree of
persons, and executives added by an amendment whose decision sentence names the decree ("中方决定在外交部令…后附《反制清单》
“二、高级管理人员”中增加：", refused as cut short) then one of them lifted from that decree."""

from __future__ import annotations

from pathlib import Path

from tests.faults.test_mfa46_decisions import page, rows
from tests.faults.test_mfa46_decisions import replayed as replayed46
from tests.faults.test_mfa46_decisions import status as status46

AS_OF = "2035-12-31"


def replayed(tmp_path: Path, *pages: Path, texts: tuple[str, ...] = ()) -> str:
    return replayed46(tmp_path, *pages, texts=texts, as_of=AS_OF)


def status(db: str) -> tuple[int, dict]:
    return status46(db, AS_OF)


def test_persons_barred_verb_first_and_listed_with_roles_between_commas_are_in_force(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa47", "03"), page("mfa48", "07"), page("mfa48", "17"))
    code, state = status(db)
    assert code == 0, state["health_issues"]
    assert rows(state, "jurgisvaitkus") == [("MFA-ORDER-2032-153", "in_force", "MFA-ORDER-2032-153")]
    assert rows(state, "马雷克德沃夏克") == [("MFA-ORDER-2034-187", "in_force", "MFA-ORDER-2034-187")]
    assert {k for r in state["listings"] if r["notice_key"] == "MFA-ORDER-2034-197" for k in r["entity_keys"]} == {
        "jonathanprice", "michelleward", "greghansen", "davidfinch"}


def test_persons_named_in_latin_are_lifted_and_the_others_stay(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa48", "04"), page("mfa48", "18"))
    code, state = status(db)
    assert code == 0 and state["unresolved_references"] == []
    for who in ("danielwhitman", "sarahlynch"):
        assert rows(state, who) == [("MFA-ORDER-2034-184", "lifted", "MFA-ORDER-2035-198")]
    for who in ("thomasgray", "emilyhart"):
        assert rows(state, who) == [("MFA-ORDER-2034-184", "in_force", "MFA-ORDER-2034-184")]


LIFT_PAUL = """关于解除对有关人员反制措施的决定
2035-09-02 10:00

（2035年9月2日中华人民共和国外交部令第216号公布，自2035年9月2日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定解除外交部令2034年第195号对保罗·赖特（Paul Wright）采取的反制措施。

本决定自2035年9月2日起施行。

外交部
2035年9月2日
"""


def test_executives_added_by_a_decision_sentence_join_the_decree(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa48", "15"), page("mfa48", "26"), texts=(LIFT_PAUL,))
    code, state = status(db)
    assert code == 0 and state["unresolved_references"] == [], state["unresolved_references"]
    assert rows(state, "paulwright") == [("MFA-ORDER-2035-206", "lifted", "MFA-ORDER-2035-216")]
    assert rows(state, "nancycarter") == [("MFA-ORDER-2035-206", "in_force", "MFA-ORDER-2035-206")]
    assert rows(state, "coldstarmissiles") == [("MFA-ORDER-2034-195", "in_force", "MFA-ORDER-2034-195")]


def test_thirty_companies_two_named_with_deng_are_thirty_listings(tmp_path: Path) -> None:
    """mfa48/35: 11 listings, no count mismatch, exit 0 (the 19 after '等离子体动力公司' never listed); and a lift naming
    '等离子体推进公司' first (mfa48/36: held for a person) of No. 181 listing it."""
    decree_181 = page("mfa48", "01").read_text(encoding="utf-8").replace(
        "雷霆航空动力公司（Thunder Aero Propulsion Inc.）", "等离子体推进公司（Plasma Propulsion Inc.）")
    db = replayed(tmp_path, page("mfa48", "35"), page("mfa48", "36"), texts=(decree_181,))
    code, state = status(db)
    assert code == 0, state["health_issues"]
    keys = {k for r in state["listings"] if r["notice_key"] == "MFA-ORDER-2035-215" for k in r["entity_keys"]}
    assert len(keys) == 30 and {"等离子体动力", "高能等离子体武器", "远洋声学"} <= keys
    for who in ("plasmapropulsion", "ironhawkdefensetechnologies"):
        assert rows(state, who) == [("MFA-ORDER-2034-181", "lifted", "MFA-ORDER-2034-216")]
