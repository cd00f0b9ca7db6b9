"""A numbered notice whose body recounts what an earlier notice did ("商务部公告2025年第72号暂停实施商务部公告
2024年第46号第二款，…。现决定，…恢复实施…", "…第40号已暂停实施…", "上述暂停不适用于…") before deciding something
else: the recounted suspension is no step of this notice (recount17; the cases are pinned in
tests/data/corpus/recount17/). A notice that suspends itself, an earlier notice named before its verb, still acts."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "recount17"


@pytest.mark.parametrize(("name", "steps"), [
    ("01-mofcom-2026-restore-subject-recount", [("restore", ["MOFCOM-2024-46"], "2026-11-28", None)]),
    ("02-uel-2026-stop-after-subject-recount", [("lift", ["UEL-2025-9"], "2026-12-01", None)]),
    ("03-mofcom-2026-extend-after-yi-recount", [("extend", ["MOFCOM-2025-21"], "2026-11-10", "2027-11-10")]),
    ("04-mofcom-order-2026-lift-after-recount", [("lift", ["MOFCOM-ORDER-2025-6"], "2026-11-10", None)]),
    ("05-mofcom-2026-genju-le-recount-then-list", [("impose", [], "2026-11-12", None)]),
    ("06-uel-2026-stop-after-subject-recount-within-gap", [("lift", ["UEL-2026-4"], "2026-12-02", None)]),
    # controls: the notice itself suspends or continues
    ("07-mofcom-2026-suspend-own", [("suspend", ["MOFCOM-2026-23"], "2026-11-28", "2027-11-27")]),
    ("08-mofcom-2026-suspend-after-earlier-period", [("extend", ["MOFCOM-2024-46"], "2026-11-28", "2027-11-27")]),
])
def test_a_recounted_suspension_is_no_step_of_the_notice(name: str, steps: list[tuple]) -> None:
    rec = parse_document((CORPUS / f"{name}.txt").read_bytes()).notice
    got = [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
           for a in rec.actions]
    assert got == steps



PAGE = ("【发布文号】商务部公告2026年第65号\n【发文日期】2026年11月20日\n\n商务部公告2026年第65号\n\n现将有关事项公告如下：\n\n"
        "{}\n\n商务部\n2026年11月20日\n")


@pytest.mark.parametrize(("body", "steps"), [
    # the earlier notice "决定" the step: still its subject, told
    ("商务部公告2025年第72号决定暂停实施商务部公告2024年第46号第二款。现决定，自2026年11月28日起，恢复实施商务部公告"
     "2024年第46号第二款。", [("restore", ["MOFCOM-2024-46"], "2026-11-28")]),
    # a notice named as the ground ("根据…") is no subject: the step is this notice's
    ("根据商务部公告2026年第50号规定暂停实施商务部公告2024年第46号第二款，自2026年11月28日起施行。",
     [("suspend", ["MOFCOM-2024-46"], "2026-11-28")]),
])
def test_a_notice_before_the_verb_is_its_subject_unless_its_ground(body: str, steps: list[tuple]) -> None:
    rec = parse_document(PAGE.format(body).encode()).notice
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in rec.actions] == steps


@pytest.mark.parametrize(("body", "steps"), [
    # a relative clause: "Y, which No. 72 suspended" is the object (not No. 72)
    ("自2026年11月28日起，恢复实施商务部公告2025年第72号暂停实施的商务部公告2024年第46号第二款。",
     [("restore", ["MOFCOM-2024-46"], "2026-11-28", None)]),
    ("自2026年11月28日起，恢复实施商务部公告2025年第72号所暂停实施的商务部公告2024年第46号第二款。",
     [("restore", ["MOFCOM-2024-46"], "2026-11-28", None)]),
    # the state an earlier notice made, told before the decision
    ("根据商务部公告2025年第72号，商务部公告2024年第46号第二款暂停实施至2026年11月27日。现决定，自2026年11月28日起，"
     "恢复实施商务部公告2024年第46号第二款。", [("restore", ["MOFCOM-2024-46"], "2026-11-28", None)]),
    # controls: the sentence decides or gives its own start, or no decision follows it: the notice's step
    ("自2026年11月28日起，商务部公告2024年第46号第二款继续暂停实施至2027年11月27日。",
     [("extend", ["MOFCOM-2024-46"], "2026-11-28", "2027-11-27")]),
    ("现决定，商务部公告2024年第46号第二款暂停实施至2027年11月27日。",
     [("suspend", ["MOFCOM-2024-46"], "2026-11-20", "2027-11-27")]),
])
def test_a_relative_clause_or_a_state_told_is_no_step(body: str, steps: list[tuple]) -> None:
    rec = parse_document(PAGE.format(body).encode()).notice
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until and a.until.isoformat())
            for a in rec.actions] == steps


@pytest.mark.parametrize("name", [
    "01-mofcom-2026-restore-subject-recount", "02-uel-2026-stop-after-subject-recount",
    "04-mofcom-order-2026-lift-after-recount", "05-mofcom-2026-genju-le-recount-then-list",
    "06-uel-2026-stop-after-subject-recount-within-gap", "09-mofcom-2026-restore-relative-clause",
    "10-mofcom-2026-restore-after-state",
])
def test_a_told_suspension_is_no_suspension_left_unread(name: str) -> None:
    """The 暂停实施 these notices tell (an earlier notice's step) is no suspension whose targets could not be read: the
    warning "says 暂停实施 but names no notice it suspends" was a false alarm on each."""
    rec = parse_document((CORPUS / f"{name}.txt").read_bytes()).notice
    assert not [w for w in rec.warnings if "暂停实施" in w]


def test_a_suspension_of_notices_not_read_is_still_refused() -> None:
    with pytest.raises(UnusablePage) as got:
        parse_document(PAGE.format("自2026年11月28日起，暂停实施第55号、56号公告。").encode())
    assert "says 暂停实施 but names no notice it suspends that could be read" in str(got.value)
