"""The count a notice states against what it lists (``storage.ingest.count_mismatch``; session 25, parse25): a notice
that lists some entities and removes others, each action naming its own ("列入…等3家…（见附件1）…移出…上述2家…（见附件2）",
the watch-list form of parse20/01), states the listing's count; counting every entity it names raised a false
count-mismatch health issue (5 for 3) on every fetch of it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from scraper.parse import parse_document
from storage.ingest import count_mismatch
from storage.records import NoticeRecord

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def _record(path: str) -> NoticeRecord:
    doc = parse_document((CORPUS / path).read_bytes())
    assert doc.notice is not None
    return doc.notice


def test_a_listing_beside_a_removal_counts_its_own_entities() -> None:
    assert not count_mismatch(_record("parse25/09-ecl-add-three-remove-two-two-annexes.txt"))
    assert not count_mismatch(_record("parse20/01-wl-add-and-remove-one-notice.txt"))


def test_a_listing_that_lost_an_annex_line_still_mismatches() -> None:
    record = _record("parse25/09-ecl-add-three-remove-two-two-annexes.txt")
    short = dataclasses.replace(record.actions[0], entities=record.actions[0].entities[:2])
    assert count_mismatch(dataclasses.replace(record, actions=(short, *record.actions[1:])))
