"""A possible match on a namesake: an entity no counterparty hit whose Chinese name is that of one a counterparty hit,
under another English name. Used by ``screen`` (storage/screening.py) and the watchlist feed (feeds/catalog.py)."""

from __future__ import annotations

from dataclasses import replace

from storage.aliaslinks import generic_alias
from storage.names import clean_display, name_key
from storage.possible import POSSIBLE
from storage.records import EntityRecord
from storage.watchlist import Match


def same_chinese_name(firm: dict[str, Match | None], spellings: dict[str, list[EntityRecord]]) -> dict[str, Match]:
    """A possible match (for review, never a hit) of each entity no hit reached whose Chinese name is that of one a hit
    reached, under another English name: 北极星无人机公司 removed as "Polaris Drones, Inc." and listed again as "Polaris
    Drone Systems, Inc." are two keys no link joins (``storage.aliaslinks``: nothing but what a notice says), and
    "Polaris Drones, Inc." answered "removed", none in force, of a company in force under its Chinese name (story34
    S3b). Not a generic Chinese name (``aliaslinks.generic_alias``), nor one the notices place in another country."""
    hit_names: dict[str, tuple[str, Match, str | None]] = {}
    for key, match in sorted(firm.items()):
        if match is None:
            continue
        records = spellings[key]
        country = next((e.country for e in records if e.country), None)
        for e in records:
            zh = name_key(e.zh)
            if zh and not generic_alias(e.zh or ""):
                hit_names.setdefault(zh, (key, match, country))
    out: dict[str, Match] = {}
    if not hit_names:
        return out
    for key, records in sorted(spellings.items()):
        if firm.get(key) is not None:
            continue
        country = next((e.country for e in records if e.country), None)
        for e in records:
            found = hit_names.get(name_key(e.zh))
            if found is None or (country and found[2] and country != found[2]):
                continue
            hit_key, match, _ = found
            shown = clean_display(e.en) or clean_display(e.zh) or key
            out[key] = replace(match, entity_name=shown, method=POSSIBLE, score=_ratio(name_key(match.matched_name),
                                                                                       name_key(shown)),
                               reason=f"the Chinese name {clean_display(e.zh)} of {match.entity_name} (a hit, {hit_key}), "
                                      f"listed as {shown}: another English name, maybe the same company", alias=None)
            break
    return out


def _ratio(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # as storage.watchlist: imported only when a name is compared

    return round(fuzz.ratio(a, b), 1)


