"""The caches behind the fast path never hand one event's text to another.

Every event renders to the same bytes whether the caches are empty or already
hold a near-identical event (the same notice with one field changed).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from feeds import fastxml, render
from feeds.build import entry_bytes
from storage.records import EntityRecord, EventKind, ListKind
from tests.feeds.factory import PROV, history

BASE = history()[2]  # a notice-scope suspension with three entities
CHANGES = {
    "kind": {"kind": EventKind.LIFTED},
    "list": {"list": ListKind.ECL},
    "no list": {"list": None},
    "notice key": {"notice_key": "UEL-2025-8"},
    "source key": {"source_key": "UEL-2025-9"},
    "effective": {"effective": date(2025, 5, 15)},
    "until": {"until": date(2025, 8, 13)},
    "days left": {"days_left": 7},
    "presumed": {"presumed": True},
    "corrects": {"corrects": BASE.id},
    "extra": {"extra": (("note", "x"),)},
    "watchlist extra": {"extra": (("watchlist_counterparty", "Skydio"), ("watchlist_method", "exact"))},
    "summary": {"summary": "other summary"},
    "title": {"title": "Other title"},
    "title_zh": {"title_zh": "另一个标题"},
    "id": {"id": BASE.id + "/other"},
    "entity": {"entities": (EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="CN", key="skydio", n=1),)},
    "number": {"provenance": (dataclasses.replace(PROV, number="不可靠实体清单工作机制公告〔2025〕8号"),)},
    "fetched offset": {"provenance": (dataclasses.replace(
        PROV, fetched_at=PROV.fetched_at.astimezone(timezone(timedelta(hours=8)))),)},
    "occurred offset": {"occurred": BASE.occurred.astimezone(UTC), "updated": BASE.updated.astimezone(UTC)},
    "updated": {"updated": datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)},
}


def clear_caches() -> None:
    for module in (render, fastxml):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def rendered(event) -> tuple[str, bytes, bytes]:
    return (render.item_html(event), *entry_bytes(event))


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_warm_caches_give_what_empty_caches_give(change):
    variant = dataclasses.replace(BASE, **CHANGES[change])
    clear_caches()
    cold = rendered(variant)
    clear_caches()
    before = rendered(BASE)
    warm = rendered(variant)
    assert warm == cold
    assert warm != before  # the change shows, so the test would notice a stale cache entry
