"""A correction item says what changed (an entity renamed, added or gone; a day), not only that something did."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from storage.events import what_changed
from storage.records import EntityRecord, EventKind, EventRecord, EventScope, ListKind

T = datetime(2026, 6, 22, 17, 0, tzinfo=timezone.utc)
MP = EntityRecord(zh="芒廷帕斯材料公司", en="MP Materials Corp.", country="US", key="mpmaterials")
USAR = EntityRecord(zh="美国稀土公司", en="USA Rare Earth, Inc.", country="US", key="usarareearth")
IMPOSED = EventRecord(id="tag:x/MOFCOM-2026-23/imposed/ecl/2026-06-22", kind=EventKind.IMPOSED, scope=EventScope.NOTICE,
                      list=ListKind.ECL, notice_key="MOFCOM-2026-23", source_key="MOFCOM-2026-23", entity_key=None,
                      effective=date(2026, 6, 22), until=None, occurred=T, updated=T, title="Imposed",
                      entities=(MP, USAR))


def test_a_renamed_entity_is_named_with_both_spellings():
    new = replace(IMPOSED, entities=(replace(MP, zh="芒廷帕斯矿业材料公司"), USAR))
    assert what_changed(IMPOSED, new) == ("芒廷帕斯材料公司 / MP Materials Corp. -> 芒廷帕斯矿业材料公司 / MP Materials Corp.")


def test_added_gone_and_days():
    other = EntityRecord(zh="红猫控股公司", en="Red Cat Holdings, Inc.", country="US", key="redcatholdings")
    new = replace(IMPOSED, entities=(MP, other), effective=date(2026, 6, 23))
    assert what_changed(IMPOSED, new) == ("added 红猫控股公司 / Red Cat Holdings, Inc.; no longer 美国稀土公司 / "
                                          "USA Rare Earth, Inc.; effective 2026-06-22 -> 2026-06-23")
    assert what_changed(IMPOSED, IMPOSED) == ""


def test_a_notice_re_dated_in_place_says_its_publication_moved():
    """cycles58's B2: a CMS re-dating a notice, its page's date alone changed, made a "Correction:" whose facts read
    the same, saying no change; it says the publication day and hour moved now."""
    new = replace(IMPOSED, occurred=datetime(2026, 6, 23, 1, 30, tzinfo=timezone.utc))
    assert what_changed(IMPOSED, new) == "published 2026-06-23 01:00 -> 2026-06-23 09:30 (Beijing time)"
