"""``collect._set_apart``: the one way a step is set apart from named entities (perf47, the end review's mend of session 46:
``_without``, ``_moot_restores`` and ``_one_step_each`` each wrote it). A step on the whole listing excludes them, beside
those it excluded already (sorted: the step's items and ids do not depend on the order they were named in); a step on
named entities keeps the others, in its own order, perhaps none. The stories that need each caller are in
test_probe46_answer_vs_notice, test_stories_review51, test_lifecycle_same_day and test_stories_same_day_steps."""

from datetime import date, datetime, timezone

from storage.lifecycle.collect import _set_apart
from storage.lifecycle.model import Step
from storage.records import (
    ActionKind,
    ActionRecord,
    EventKind,
    ListingState,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
    Provenance,
    StoredNotice,
)

DAY = date(2026, 12, 10)


def _step(subset: tuple[str, ...] | None, excluded: tuple[str, ...] = ()) -> Step:
    record = NoticeRecord(key="MOFCOM-2026-350", kind=NoticeKind.ANNOUNCEMENT, number="商务部公告2026年第350号",
                          issuer="商务部", title=None, published=DAY, list=ListKind.ECL)
    source = StoredNotice(record, Provenance(record.key, record.number, None, ("https://www.mofcom.gov.cn/a.html",),
                                             datetime(2026, 12, 10, 2, tzinfo=timezone.utc), "0" * 64))
    action = ActionRecord(ActionKind.SUSPEND, ListKind.ECL, targets=(NoticeRef("商务部公告2026年第337号", key="MOFCOM-2026-337"),),
                          effective=DAY.isoformat(), entities=subset or ())
    return Step(source, action, EventKind.SUSPENDED, ListingState.SUSPENDED, DAY, DAY, (DAY, record.key, 0, 0),
                subset, excluded=excluded)


def test_a_step_on_the_whole_listing_excludes_the_keys_beside_those_it_excluded():
    step = _step(None, excluded=("mofcom-2026-337-c",))
    apart = _set_apart(step, {"mofcom-2026-337-e", "mofcom-2026-337-a"})
    assert apart.subset is None
    assert apart.excluded == ("mofcom-2026-337-a", "mofcom-2026-337-c", "mofcom-2026-337-e")
    assert (apart.action, apart.effective, apart.order) == (step.action, step.effective, step.order)
    assert step.excluded == ("mofcom-2026-337-c",)  # (the step itself unchanged: a new one)


def test_a_step_on_named_entities_keeps_the_others_in_its_own_order():
    step = _step(("mofcom-2026-337-d", "mofcom-2026-337-a", "mofcom-2026-337-b"))
    apart = _set_apart(step, {"mofcom-2026-337-a", "mofcom-2026-337-x"})
    assert apart.subset == ("mofcom-2026-337-d", "mofcom-2026-337-b")
    assert apart.excluded == ()
    assert _set_apart(step, set(step.subset or ())).subset == ()  # none left: the caller decides (_moot_restores drops it)
