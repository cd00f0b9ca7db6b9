"""Session 41's review of session 40's unread parser commits (review42): inputs the commits' own tests missed."""

from __future__ import annotations

import pytest

from storage.records import UnusablePage
from tests.scraper.test_parse_qa40 import ECL21, PRESSER, RELEASE, _steps

STEP = f"中方决定自2026年12月10日起暂停实施{ECL21}相关措施1年"


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
@pytest.mark.parametrize("lead", ["关于外媒报道，", "至于有媒体报道，", "关于美方官员的说法，", "对于美方官员表示，"])
def test_a_topic_clause_naming_others_words_is_no_framing_of_the_authority(template: str, lead: str) -> None:
    """qa40's a3ecab82 took any clause opening with 关于/对于/至于 as the authority's framing: "关于外媒报道，中方决定…，
    我不掌握有关情况" (the spokesperson repeating a report) was read as a suspension of No. 21, a false item. A topic
    clause naming a report or others' words holds the step for a person, as the clause alone did before."""
    with pytest.raises(UnusablePage) as refused:
        _steps(template, f"{lead}{STEP}，我不掌握有关情况。")
    assert refused.value.reason == "needs-review"


@pytest.mark.parametrize("template", [RELEASE, PRESSER], ids=["release", "presser"])
def test_a_restore_stating_its_own_start_after_the_suspension_its_sentence_decides(template: str) -> None:
    """qa40's 849041b5 moved a restore with no start of its own to the end of the suspension its sentence decides; one
    stating its own start after that suspension ("…1年，暂停期满后，自2027年12月11日起恢复实施") still took the
    sentence's first start, the suspension's (12-10): No. 21 "in force" from the day its suspension began, silently."""
    answer = f"中方决定，自2026年12月10日起，暂停实施{ECL21}相关措施1年，暂停期满后，自2027年12月11日起恢复实施。"
    assert _steps(template, answer) == [("suspend", "MOFCOM-2025-21", "2026-12-10", "2027-12-10"),
                                        ("restore", "MOFCOM-2025-21", "2027-12-11", None)]
