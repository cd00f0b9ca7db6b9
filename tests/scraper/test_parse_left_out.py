"""Steps the parser sees and cannot read are refused for a person to read (session 22, loud22): parse22's cases 13 and
04 (tests/data/corpus/parse22/) cut or reworded. A warning alone is no health issue: the notice was stored as if it
changed less than it does. ``page.check_record`` raises "needs-review" (an unusable-page health issue in the pipeline,
tests/mofcom_watch/test_stories22.py L01-L03) for every warning ending in ``rules.LEFT_OUT``."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

CASES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "parse22"
LIFT = (CASES / "13-ecl-lift-some-extend-others-annex.txt").read_text(encoding="utf-8")
LEAD_IN = "商务部决定对商务部公告2025年第21号所列16家美国实体的相关措施作如下调整："


def _refused(text: str) -> str:
    with pytest.raises(UnusablePage) as got:
        parse_document(text.encode("utf-8"))
    assert got.value.reason == "needs-review", got.value
    return str(got.value.detail)


def test_a_lift_limited_to_an_annex_cut_off_is_refused() -> None:
    """The annex of "X等6家实体（见附件）" cut off: the lift was left out with a warning, and item 二's extension was
    stored for all 16 (6 falsely still suspended)."""
    assert "高点航空技术公司等6家实体（见附件）" in _refused(LIFT[:LIFT.index("附件\n\n停止执行相关措施的实体名单\n\n1.")])
    doc = parse_document(LIFT.encode("utf-8"))  # whole, it is read (parse22)
    assert doc.notice is not None and [a.action.value for a in doc.notice.actions] == ["lift", "extend"]


def test_an_item_naming_no_notice_under_a_lead_in_naming_none_is_refused() -> None:
    """"商务部决定：\\n一、…停止执行对X等6家实体（见附件）采取的相关措施": the lift was dropped without a word."""
    assert LEAD_IN in LIFT
    assert "停止执行" in _refused(LIFT.replace(LEAD_IN, "商务部决定："))


def test_a_name_change_is_refused() -> None:
    """"现将…该实体的名称变更为“…”" read as no action and no entity, without a warning: the new name no alias."""
    assert "名称变更为" in _refused((CASES / "04-ecl-entity-name-change.txt").read_text(encoding="utf-8"))
