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


def test_listings_on_two_lists_from_two_annexes_count_the_first_or_all() -> None:
    """"将甲等2家…列入出口管制管控名单（见附件1）…将上述2家实体列入关注名单（见附件2）" states the first listing's count (audit27/04):
    the store raised a count-mismatch issue (4 for 2) on a notice the parser read right. A total stated, or the first
    listing's, matches; a first listing that lost an annex line still mismatches."""
    record = _record("audit27/04-one-notice-ecl-and-wl-two-annexes.txt")
    assert record.stated_count == 2 and len(record.entities) == 4
    assert not count_mismatch(record)
    assert not count_mismatch(dataclasses.replace(record, stated_count=4))
    assert count_mismatch(dataclasses.replace(record, stated_count=3))
    short = dataclasses.replace(record.actions[0], entities=record.actions[0].entities[:1])
    assert count_mismatch(dataclasses.replace(record, actions=(short, *record.actions[1:]), entities=record.entities[1:]))
