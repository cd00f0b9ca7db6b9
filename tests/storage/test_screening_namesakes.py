"""A hit's Chinese name borne by another entity under another English name (story34 S3b): offered as a possible match.

北极星无人机公司 listed as "Polaris Drones, Inc." by 〔2026〕3号 and removed, then listed again as "Polaris Drone Systems,
Inc." by 〔2027〕1号: two keys, which no link joins (``storage.aliaslinks``). `screen` of the ERP's "Polaris Drones, Inc."
said "1 of 1 counterparties listed (0 under measures in force …)": the removed listing, and no word of the listing in
force under the same Chinese name. Pure: entities in, possible matches out.
"""

from __future__ import annotations

from storage.names import entity_key
from storage.records import EntityRecord
from storage.screening import same_chinese_name
from storage.watchlist import Counterparty, Watchlist


def entity(zh: str | None, en: str | None, country: str | None = "US") -> EntityRecord:
    return EntityRecord(zh, en, country, key=entity_key(zh, en))


def firm_of(name: str, *entities: EntityRecord) -> tuple[dict[str, object], dict[str, list[EntityRecord]]]:
    wl = Watchlist((Counterparty(name),))
    spellings = {e.key: [e] for e in entities}
    return {k: wl.match(v[0]) for k, v in spellings.items()}, spellings


def test_the_entity_of_a_hits_chinese_name_under_another_english_name_is_a_possible_match() -> None:
    old, new = entity("北极星无人机公司", "Polaris Drones, Inc."), entity("北极星无人机公司", "Polaris Drone Systems, Inc.")
    other = entity("南极星无人机公司", "Antarctic Star Drones Inc.")
    firm, spellings = firm_of("Polaris Drones, Inc.", old, new, other)
    assert firm[old.key] is not None and firm[new.key] is None
    got = same_chinese_name(firm, spellings)  # type: ignore[arg-type]
    assert list(got) == [new.key]
    match = got[new.key]
    assert (match.method, match.entity_name, match.alias) == ("possible", "Polaris Drone Systems, Inc.", None)
    assert match.reason == ("the Chinese name 北极星无人机公司 of Polaris Drones, Inc. (a hit, polarisdrones), listed as "
                            "Polaris Drone Systems, Inc.: another English name, maybe the same company")
    assert 0 < match.score < 100


def test_no_possible_match_for_another_country_a_generic_chinese_name_or_no_hit() -> None:
    old, abroad = entity("北极星无人机公司", "Polaris Drones, Inc."), entity("北极星无人机公司", "Polaris Drones GmbH", "DE")
    firm, spellings = firm_of("Polaris Drones, Inc.", old, abroad)
    assert same_chinese_name(firm, spellings) == {}  # type: ignore[arg-type]
    short, other = entity("北极公司", "Arctic Inc."), entity("北极公司", "Arctic Systems Corp.")
    firm, spellings = firm_of("Arctic Inc.", short, other)
    assert same_chinese_name(firm, spellings) == {}  # type: ignore[arg-type]  # 北极: too few characters to tell
    firm, spellings = firm_of("Nobody Trading", entity("北极星无人机公司", "Polaris Drones, Inc."),
                              entity("北极星无人机公司", "Polaris Drone Systems, Inc."))
    assert same_chinese_name(firm, spellings) == {}  # type: ignore[arg-type]
