"""review60 (session 51): a probe of this session's parser changes, through the real parser.

count51's check (``rules.checks.counts_at_odds``, commit 84b9d671; ``mfa.decision._total_at_odds``, 0ae11102) holds a listing
whose annex closes with a total at odds with the count the decision states and the lines agree with ("（以上共计11家实体）"
under 10 lines of a decision of "10家"). The same line written another way, "（共11家）", "（以上实体共11家）", "（以上11家实体）",
"以上实体合计11家。" (or an MFA annex's "（以上企业共4家）", "（共4家）"), was read silently as 10: the gate asked 共计/合计/总计/以上共/
上述共 only, and ``named.TOTAL_LINE_RE`` took no noun between 以上 and 共 and no line without 共. Held now
(tests/data/corpus/review60/01-07)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
ECL = (CORPUS / "count51" / "25-ecl-ten-footer-eleven.txt").read_text(encoding="utf-8")
MFA = (CORPUS / "count51" / "34-mfa-three-footer-four.txt").read_text(encoding="utf-8")
ECL_FOOTER, MFA_FOOTER = "（以上共计11家实体）", "（以上共计4家企业）"


def _held(text: str) -> str:
    with pytest.raises(UnusablePage) as refused:
        parse_document(text.encode("utf-8"))
    assert refused.value.reason == "needs-review", refused.value
    return str(refused.value)


@pytest.mark.parametrize("footer", ["（共11家）", "（以上实体共11家）", "（以上11家实体）", "以上实体合计11家。", "（上述实体共计11家）",
                                    "（以上企业共十一家）"])
def test_an_ecl_annex_total_written_another_way_at_odds_is_held(footer: str) -> None:
    assert "a total line says 11" in _held(ECL.replace(ECL_FOOTER, footer))


@pytest.mark.parametrize("footer", ["（以上企业共4家）", "（以上4家企业）", "（共4家）"])
def test_an_mfa_annex_total_written_another_way_at_odds_is_held(footer: str) -> None:
    assert "a total line says 4" in _held(MFA.replace(MFA_FOOTER, footer))


@pytest.mark.parametrize("footer", ["（共10家）", "（以上实体共10家）", "（以上10家实体）", "以上实体合计10家。"])
def test_an_ecl_annex_total_that_agrees_is_read(footer: str) -> None:
    record = parse_document(ECL.replace(ECL_FOOTER, footer).encode("utf-8")).notice
    assert record is not None and len(record.entities) == 10 and record.stated_count == 10 and not record.warnings


@pytest.mark.parametrize("footer", ["（以上企业共3家）", "（共3家）"])
def test_an_mfa_annex_total_that_agrees_is_read(footer: str) -> None:
    record = parse_document(MFA.replace(MFA_FOOTER, footer).encode("utf-8")).notice
    assert record is not None and len(record.entities) == 3 and not record.warnings
