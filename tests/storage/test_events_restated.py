"""An item a spokesperson's answer published before the notice it restates (``storage.events._restated_by``): it rests
on the notice once the notice is read, which is no news; another difference (the end) is. Derived from the story
pages of tests/data/stories22 (W05; test_stories_lapses_and_corrections.py runs it through the real commands)."""

from __future__ import annotations

import dataclasses
from datetime import date

from storage.events import _restated_by
from storage.lifecycle import derive
from storage.records import EventKind, StoredNotice
from tests.mofcom_watch.stories import REPO
from tests.storage.test_lifecycle_corpus import parsed_pages

STORIES22 = REPO / "tests" / "data" / "stories22" / "main"


def stories22_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES22, *names)


def test_an_item_the_answer_published_first_rests_on_the_notice_it_restates() -> None:
    """``_restated_by``: the suspension item derived with the Q&A alone and with No. 36 too say the same change; it
    rests on No. 36 now, which is no news (no correction item); another difference (the end) is."""
    listing, notice, answer = stories22_pages("w05-mofcom-2027-35.txt", "w05-mofcom-2027-36-suspend.txt",
                                              "w05-qa-2027-06-07-ecl-restates.txt")
    day = date(2027, 6, 7)

    def item(notices: list[StoredNotice]) -> object:
        (one,) = [e for e in derive(notices, day).events if e.kind is EventKind.SUSPENDED and e.entity_key is None]
        return one

    first, then = item([listing, answer]), item([listing, answer, notice])
    assert (first.source_key, then.source_key) == (answer.record.key, "MOFCOM-2027-36")  # type: ignore[attr-defined]
    everyone = {n.record.key: n for n in (listing, notice, answer)}
    assert _restated_by(first, then, everyone)  # type: ignore[arg-type]
    assert not _restated_by(then, first, everyone)  # type: ignore[arg-type]  # a notice is never a restatement
    longer = dataclasses.replace(then, until=date(2027, 12, 4))  # type: ignore[type-var]
    assert not _restated_by(first, longer, everyone)  # type: ignore[arg-type]
    gone = {k: v for k, v in everyone.items() if k != answer.record.key}
    assert not _restated_by(first, then, gone)  # type: ignore[arg-type]

