"""The patterns the parser searches whole texts and sentences with keep a first-character set (session 41, perf41).

sre skips, in C, every character no match can start at when a pattern opens with a literal or each of its alternatives
opens with one character ("暂停…|停止…|转入…"). One alternative opening otherwise ("(?:转入|移至|调至|调入)(?=…)", "[由从](?=…)")
takes that set away from the whole pattern: each search then tries every alternative at every character. audit41's
eca69a1f did so to VERB_RE and prose.SEGMENT_ENDS (no reading changed): +166,850 instructions a page over the bench's
pages (`bench/parse.py --instructions`, 1,904,763 -> 2,071,598), a tenth of the parser's cost. Each verb is now an
alternative of its own; this keeps them so.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from scraper.parse.actions.clauses import TWO_TERMS_RE
from scraper.parse.actions.words import NOT_NOW_RE, VERB_RE
from scraper.parse.entities.names import PROSE_DECISION_RE
from scraper.parse.entities.prose import SEGMENT_ENDS
from scraper.parse.mfa.checks import KEPT_ONE_RE
from scraper.parse.rules.checks.starts import START_RE, TOLD_DAY_RE

_parser: Any = __import__("re._parser", fromlist=["parse"])
_compiler: Any = __import__("re._compiler", fromlist=["_get_charset_prefix"])


def first_chars_known(pattern: Any) -> bool:
    """Whether sre can skip to where a match may start: a literal prefix, or a set of first characters."""
    flags = int(pattern.flags)
    parsed = _parser.parse(pattern.pattern, flags)
    prefix = _compiler._get_literal_prefix(parsed, flags)[0]
    return bool(prefix) or bool(_compiler._get_charset_prefix(parsed, flags))


SEARCHED = {"words.VERB_RE": VERB_RE, "words.NOT_NOW_RE": NOT_NOW_RE,
            "names.PROSE_DECISION_RE": PROSE_DECISION_RE, "prose.SEGMENT_ENDS[将]": SEGMENT_ENDS["将"],
            "prose.SEGMENT_ENDS[对]": SEGMENT_ENDS["对"], "checks.START_RE": START_RE,
            "checks.TOLD_DAY_RE": TOLD_DAY_RE,  # (perf43: its digit alternative had taken the set away)
            "clauses.TWO_TERMS_RE": TWO_TERMS_RE, "mfa.checks.KEPT_ONE_RE": KEPT_ONE_RE}  # (perf44: each opened with a look behind)


@pytest.mark.parametrize("name", sorted(SEARCHED))
def test_searched_pattern_keeps_its_first_characters(name: str) -> None:
    assert first_chars_known(SEARCHED[name]), f"{name}: an alternative opens with no literal character"


def test_the_check_sees_an_alternative_opening_with_a_group() -> None:
    assert first_chars_known(re.compile("转入(?=名单)|移至(?=名单)|暂停"))
    assert not first_chars_known(re.compile("(?:转入|移至)(?=名单)|暂停"))
    assert not first_chars_known(re.compile("[由从](?=名单)|暂停"))
