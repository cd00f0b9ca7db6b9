from datetime import date, datetime, timezone

from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    EventKind,
    EventRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
    Provenance,
)


def test_notice_record_round_trips_through_json():
    rec = NoticeRecord(
        key="QA-2025-05-14-1a2b3c4d", kind=NoticeKind.QA, number=None, issuer="商务部", title="t",
        published=date(2025, 5, 14), list=ListKind.UEL,
        actions=(ActionRecord(ActionKind.SUSPEND, ListKind.UEL,
                              targets=(NoticeRef(text="x", key="UEL-2025-7"),),
                              effective="2025-05-14", until=date(2025, 8, 12), duration="90天"),),
        entities=(EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", key="skydio"),),
    )
    assert NoticeRecord.from_json(rec.to_json()) == rec


def test_event_record_round_trips_through_json():
    t = datetime(2025, 5, 14, 22, tzinfo=timezone.utc)
    ev = EventRecord(
        id="tag:x", kind=EventKind.SUSPENDED, scope="notice", list=ListKind.UEL, notice_key="UEL-2025-7",
        source_key="QA", entity_key=None, effective=date(2025, 5, 14), until=date(2025, 8, 12),
        occurred=t, updated=t, title="Suspended",
        provenance=(Provenance("UEL-2025-7", "n", "t", ("https://a",), t, "ab"),),
        extra=(("matched", "Skydio"),),
    )
    assert EventRecord.from_json(ev.to_json()) == ev
