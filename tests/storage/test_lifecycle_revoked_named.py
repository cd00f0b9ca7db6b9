"""A notice of steps revoked before they took effect, its step naming the entity it acts on (review44, session 42): No. 290
"自2027年1月1日起，停止执行商务部公告2025年第21号中对立方公司（Cubic Corporation）的相关措施", then No. 297 "商务部公告2026年第290号
自本公告公布之日起废止". story42's revoked.py took only a notice naming no entity as one of steps, so No. 297's revocation was
"MOFCOM-2026-290 lists no entities" (a problem) and Cubic was lifted on 2027-01-01 as No. 290 had said (a false "Lifted"
item), though the ministry took the lift back."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import EventKind
from tests.storage.test_lifecycle_corpus import stored

STORY = Path(__file__).resolve().parents[1] / "data" / "stories42" / "lift_cancelled"
ECL = "MOFCOM-2025-21"


def test_a_revoked_lift_naming_its_entity_is_not_taken() -> None:
    known = []
    for path in sorted(STORY.iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("c1"):
            text = text.replace("停止执行商务部公告2025年第21号相关措施。",
                                "停止执行商务部公告2025年第21号中对立方公司（Cubic Corporation）的相关措施。")
        rec = parse_text(text)
        assert rec is not None, path.name
        known.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    d = derive(known, date(2027, 1, 2))
    cubic = [r for r in d.states if r.notice_key == ECL and "cubic" in r.entity_keys]
    assert [(r.state.value, r.until) for r in cubic] == [("suspended", date(2027, 11, 10))]
    assert not [e.id for e in d.events if e.kind is EventKind.LIFTED
                or e.kind is EventKind.UNRESOLVED_REFERENCE and "MOFCOM-2026-29" in e.id]
    assert not [p for p in d.problems if "MOFCOM-2026-29" in p]
    assert [n for n in d.notes if "revoked by MOFCOM-2026-297" in n]
