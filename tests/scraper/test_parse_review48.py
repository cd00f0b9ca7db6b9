"""review48 (session 44): faults found reading session 43's code line by line, each with the input that showed it."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.scraper.test_parse_qa43 import _release_page

ML = "出口管制管控名单"

# --- a second step naming its notice without the year, beside a step read -------------------------------------------------
# "…暂停实施商务部公告2025年第21号相关措施1年；同时，停止实施第23号公告相关措施" read No. 21's suspension alone: the lift of
# No. 23 (no year written anywhere, so never keyed: a year is never guessed) was dropped without a word, as unread_answer_step
# holds such a number only in a sentence where nothing else is read (session 32's audit32/23).


@pytest.mark.parametrize("answer", [
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年；同时，停止实施第23号公告相关措施。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年，同时暂停实施第22号公告相关措施1年。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年，并暂停实施第22号相关措施6个月。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施，并暂停实施第22号相关措施，暂停期限均为1年。",
    "中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年；同时，停止实施商务部公告第23号相关措施。",
])
def test_a_step_on_a_notice_named_without_its_year_beside_a_step_read_is_held(answer: str) -> None:
    with pytest.raises(UnusablePage, match="without its year"):
        parse_document(_release_page(answer, ML).encode("utf-8"))


@pytest.mark.parametrize(("answer", "steps"), [
    # the year told beside the number in the same text: keyed, read
    ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号、第22号相关措施，暂停期限为1年。",
     [("suspend", ["MOFCOM-2025-21", "MOFCOM-2025-22"])]),
    ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年，并暂停实施2025年第22号公告相关措施6个月。",
     [("suspend", ["MOFCOM-2025-21"]), ("suspend", ["MOFCOM-2025-22"])]),
    # a number after the verb that is no notice's: an item of an annex, read as such elsewhere; here a plain step stays read
    ("中方决定，自2026年12月10日起，暂停实施商务部公告2025年第21号相关措施1年。", [("suspend", ["MOFCOM-2025-21"])]),
])
def test_numbers_keyed_beside_a_step_still_read(answer: str, steps: list[tuple[str, list[str]]]) -> None:
    notice = parse_document(_release_page(answer, ML).encode("utf-8")).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == steps
