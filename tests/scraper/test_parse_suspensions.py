"""A notice suspending several notices (商务部 海关总署公告2025年第70号): its official text is not public,
so the wordings it may use are tried here. Each gives one suspension of all six notices with its end
date, or a warning: never a notice that changes nothing, silently."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import ActionKind, UnusablePage

SIX = [f"MOFCOM-2025-{n}" for n in (55, 56, 57, 58, 61, 62)]
PAGE = """【发布文号】商务部 海关总署公告2025年第70号
【发文日期】2025年11月07日

商务部 海关总署公告2025年第70号

根据有关规定，现将有关事项公告如下：
{body}
本公告自2025年11月10日起正式实施。

商务部 海关总署
2025年11月7日
"""


@pytest.mark.parametrize("body", [
    "自2025年11月10日起至2026年11月10日，暂停实施2025年10月9日公布的商务部 海关总署公告2025年第55号、第56号、"
    "第57号、第58号和商务部公告2025年第61号、第62号。",
    "暂停实施商务部 海关总署公告2025年第55号、56号、57号、58号以及商务部公告2025年第61号、62号，暂停至2026年11月10日。",
    # the blind audit of session 12: a range (only No. 55 was read), and the notices named in the sentence before
    "自2025年11月10日起至2026年11月10日，暂停实施商务部 海关总署公告2025年第55号至第58号和商务部公告2025年第61号、第62号。",
    "2025年10月9日，商务部、海关总署发布商务部 海关总署公告2025年第55号、第56号、第57号、第58号，商务部发布商务部公告"
    "2025年第61号、第62号，对相关物项实施出口管制。为落实中美吉隆坡经贸磋商共识，现决定，自2025年11月10日起至2026年11月10日，"
    "暂停实施上述公告。",
])
def test_one_suspension_of_six_notices_to_2026_11_10(body: str) -> None:
    rec = parse_document(PAGE.format(body=body).encode()).notice
    assert rec.warnings == ()
    (action,) = rec.actions
    assert (action.action, [t.key for t in action.targets], action.effective, str(action.until)) == (
        ActionKind.SUSPEND, SIX, "2025-11-10", "2026-11-10")


def test_notices_named_without_their_year_are_not_read_but_refused():
    """Not read, the suspension is refused for a person to read (session 23: a warning alone was no health issue)."""
    body = "决定暂停实施第55号、56号、57号、58号、61号、62号公告，至2026年11月10日。"
    with pytest.raises(UnusablePage) as got:
        parse_document(PAGE.format(body=body).encode())
    assert (got.value.reason, got.value.detail) == (
        "needs-review", "says 暂停实施 but names no notice it suspends that could be read: left out: a person must read it")
