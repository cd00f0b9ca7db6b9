"""Entities joined by the other names official notices give them: one company under two keys.

ECL notice No. 149 lists "北极星防务系统公司（Polaris Defense Systems LLC，曾用名Lynx Avionics Inc.）"; an earlier UEL
notice lists "Lynx Avionics Inc.". The two listings are two entity keys (``polarisdefensesystems``, ``lynxavionics``)
and stay so: keys and item ids never move. What joins them is read at screen, timeline and publish time from the
notices themselves (pure: entities in, links out), so it is the same whichever notice arrived first.

A link joins entity A, which a notice gives another name X (``EntityRecord.aliases``: 曾用名 / 原名 / 又称 / 别名 /
formerly / also known as / d/b/a, :func:`storage.names.other_names`), and entity B, listed under X: X's matching key
is B's key or the key of B's own Chinese or English name. So does a notice naming a company by its Chinese name alone
(no English name: "决定将北极星光电公司列入不可靠实体清单"), with the one entity another notice names by that Chinese name and an
English name ("北极星光电公司（Polaris Optical LLC）"): the key of a name with no English one is its Chinese one, so the two are
two keys, and the English-named one's page and feed missed the other listing (story32 S7). So does a rename a notice states,
its new names given by the renamed entity (:func:`_rename_givers`), with a later listing under them. Nothing else joins:

- one step only: a link is what one notice says. A linked to B and B to C does not link A to C (no notice ties
  those two), and two entities given the same other name are not linked to each other;
- a generic name joins nothing (:func:`generic_alias`): a key too short, a single common word, a bare country name;
- a name naming two or more other entities joins none of them (which one the notice meant is not known);
- a person and an organisation, or two entities the notices place in different countries, are not joined.

The other name is still matched as the giver's own spelling by screening (:mod:`storage.watchlist`), whether it
joins or not; a link adds the *other* entity's listings to a hit, saying why (:meth:`Link.reason`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.countries import country_code
from storage.names import ALIAS_PHRASE_RE, clean_display, entity_key, name_key, name_words, zh_core
from storage.records import EntityRecord, NoticeRecord, StoredNotice

MIN_LATIN_KEY = 5  # "KHI", "Lynx": a few letters name too many companies to join two listings on
MIN_ZH_CORE = 3  # "中航", "北极": likewise, a Chinese name without its legal words
# One word of these names no company of its own: "Global", "Dynamics" (storage.watchlist.GENERIC_WORDS and more).
COMMON_WORDS = frozenset({
    "and", "of", "the", "technologies", "technology", "tech", "systems", "system", "group", "holdings",
    "holding", "international", "industries", "industry", "aerospace", "defense", "defence", "solutions",
    "services", "engineering", "electronics", "enterprises", "management", "labs", "laboratories",
    "laboratory", "logistics", "materials", "robotics", "drones", "global", "partners", "research",
    "dynamics", "aviation", "avionics", "security", "trading", "consulting", "software", "energy", "marine",
    "capital", "ventures", "networks", "communications", "devices", "instruments", "manufacturing", "national",
    "american", "united", "general", "advanced", "applied", "integrated", "company", "corporation", "incorporated",
})
FORMER_WORDS = ("曾用名", "原名", "formerly", "f/k/a")  # the rest: another name it goes by
RENAMED_NOTE = "更名"  # the note of a giver a rename notice makes (:func:`_rename_givers`): its other names are its new ones
CHINESE_ALONE = "Chinese name alone"  # a Link's word: the giver is named by its Chinese name only (no English name)


def generic_alias(alias: str) -> bool:
    """Whether an other name is too generic to join two listings: a key shorter than 5 letters (3 Chinese
    characters without 公司, 集团, …), one common word ("Global", "Dynamics"), or a bare country name ("USA", "美国")."""
    key = name_key(alias)
    if not key:
        return True
    if any("\u4e00" <= ch <= "\u9fff" for ch in key):
        if len(zh_core(key)) < MIN_ZH_CORE:
            return True
    elif len(key) < MIN_LATIN_KEY:
        return True
    words = name_words(alias)
    if len(words) == 1 and words[0] in COMMON_WORDS:
        return True
    return country_code(clean_display(alias) or "") is not None


def _word(entity: EntityRecord, alias: str) -> str:
    """"former name" when the notice says so before ``alias`` (曾用名, 原名, formerly), "new name" for a rename's, else
    "other name"."""
    note = entity.note or ""
    if note == RENAMED_NOTE:
        return "new name"
    at = note.find(alias)
    phrases = [m for m in ALIAS_PHRASE_RE.finditer(note) if at < 0 or m.start() <= at]
    if phrases and any(w in phrases[-1].group(0).casefold() for w in FORMER_WORDS):
        return "former name"
    return "other name"


def _display(entity: EntityRecord) -> str:
    return clean_display(entity.en) or clean_display(entity.zh) or entity.key


@dataclass(frozen=True)
class Link:
    """One notice-given tie: ``giver`` (the entity the notices give the other name ``alias``) and ``named`` (the
    entity listed under that name)."""

    giver: str  # entity key
    giver_name: str  # as the giving notice writes it
    named: str  # entity key
    named_name: str  # as its own notice writes it
    alias: str  # the other name as the giving notice writes it
    word: str  # "former name" | "other name"
    notices: tuple[str, ...]  # the notices that give it, by number, sorted
    giver_record: EntityRecord | None = None  # as the giving notice names it (the watchlist feed matches it)
    named_record: EntityRecord | None = None

    def other(self, key: str) -> str:
        return self.named if key == self.giver else self.giver

    def record(self, key: str) -> EntityRecord | None:
        """The entity record of ``key`` (one of the two) as its notice names it."""
        return self.giver_record if key == self.giver else self.named_record

    def name(self, key: str) -> str:
        return self.giver_name if key == self.giver else self.named_name

    def reason(self, listed: str) -> str:
        """Why a hit on one of the two reaches the listing of ``listed`` (one of the two keys)."""
        by = ", ".join(self.notices)
        if self.word == CHINESE_ALONE:
            if listed == self.named:
                return f"listed as {self.named_name}, whose Chinese name {self.alias} {by} names alone"
            return f"listed as {self.giver_name} by {by}, with no English name: the Chinese name of {self.named_name}"
        if listed == self.named:
            return f"listed as {self.named_name}, named by {by} as the {self.word} of {self.giver_name}"
        return f"listed as {self.giver_name}, named by {by} with the {self.word} {self.alias}"


@dataclass(frozen=True)
class AliasLinks:
    """Every link among a set of notices' entities, both ways."""

    links: tuple[Link, ...] = ()
    refused: tuple[tuple[str, str, str], ...] = ()  # (giver, alias, why): other names that join nothing

    def of(self, key: str) -> tuple[Link, ...]:
        return tuple(link for link in self.links if key in (link.giver, link.named))

    def others(self, key: str) -> list[str]:
        """The keys linked to ``key`` (one step), sorted."""
        return sorted({link.other(key) for link in self.of(key)})

    def keys(self) -> set[str]:
        return {k for link in self.links for k in (link.giver, link.named)}

    def between(self, key: str, other: str) -> Link | None:
        return next((link for link in self.of(key) if link.other(key) == other), None)


def alias_links(named: Iterable[tuple[str, EntityRecord]]) -> AliasLinks:
    """The links among the entities of ``named``: (the notice's number or key, an entity it names) pairs, in any
    order (the same links whatever the order). The caller passes the notices public on its day only."""
    given_pairs = {(label, e) for label, e in named if e.key}
    # most stores: no notice gives another name, nor names alone in Chinese a company another names in English too
    if not any(e.aliases for _, e in given_pairs) and not _chinese_alone(e for _, e in given_pairs):
        return AliasLinks()
    pairs = sorted(given_pairs, key=lambda p: (p[1].key, p[0], repr(p[1])))
    by_name: dict[str, set[str]] = defaultdict(set)  # a name's key -> the entities listed under it
    records: dict[str, EntityRecord] = {}
    kinds: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for _, e in pairs:
        records.setdefault(e.key, e)
        for k in {e.key, name_key(e.zh), name_key(e.en)} - {""}:
            by_name[k].add(e.key)
        if e.type:
            kinds[e.key].add(e.type)
        if e.country:
            countries[e.key].add(e.country)
    given: dict[tuple[str, str], list[str]] = defaultdict(list)  # (giver, named) -> notices
    first: dict[tuple[str, str], tuple[EntityRecord, str, str]] = {}  # the giving record, the alias, the word
    refused: set[tuple[str, str, str]] = set()
    for label, e in pairs:
        for alias in e.aliases:
            targets = by_name.get(name_key(alias), set()) - {e.key}
            if not targets:
                continue
            why = None
            if generic_alias(alias):
                why = "too generic a name to join two listings"
            elif len(targets) > 1:
                why = f"names {len(targets)} listed entities: {', '.join(sorted(targets))}"
            else:
                other = next(iter(targets))
                if kinds[e.key] and kinds[other] and not kinds[e.key] & kinds[other]:
                    why = f"{other} is another kind of entity"
                elif countries[e.key] and countries[other] and not countries[e.key] & countries[other]:
                    why = f"{other} is of another country"
            if why is not None:
                refused.add((e.key, alias, why))
                continue
            pair = (e.key, next(iter(targets)))
            given[pair].append(label)
            first.setdefault(pair, (e, alias, _word(e, alias)))
    with_en: dict[str, set[str]] = defaultdict(set)  # a Chinese name's key -> the entities named by it and in English
    for _, e in pairs:
        if e.en and name_key(e.zh):
            with_en[name_key(e.zh)].add(e.key)
    for label, e in pairs:  # a company named by its Chinese name alone: the one named so and in English
        if e.en or not name_key(e.zh):
            continue
        targets = with_en.get(name_key(e.zh), set()) - {e.key}
        if not targets or any((t, e.key) in given for t in targets):  # (already tied by another name)
            continue
        alias = clean_display(e.zh) or e.zh or ""
        other = next(iter(targets))
        why = ("too generic a name to join two listings" if generic_alias(alias)
               else f"names {len(targets)} listed entities: {', '.join(sorted(targets))}" if len(targets) > 1
               else f"{other} is another kind of entity" if kinds[e.key] and kinds[other] and not kinds[e.key] & kinds[other]
               else f"{other} is of another country" if countries[e.key] and countries[other]
               and not countries[e.key] & countries[other] else None)
        if why is not None:
            refused.add((e.key, alias, why))
            continue
        given[e.key, other].append(label)
        first.setdefault((e.key, other), (e, alias, CHINESE_ALONE))
    links = []
    for (giver, target), labels in sorted(given.items()):
        e, alias, word = first[giver, target]
        links.append(Link(giver, _display(e), target, _display(records[target]), alias, word,
                          tuple(sorted(set(labels))), e, records[target]))
    return AliasLinks(tuple(links), tuple(sorted(refused)))


def _chinese_alone(entities: Iterable[EntityRecord]) -> bool:
    """Whether an entity is named by its Chinese name alone whose Chinese name another names with an English one."""
    alone: set[str] = set()
    named: set[str] = set()
    for e in entities:
        (named if e.en else alone).add(name_key(e.zh))
    alone.discard("")
    return bool(alone & named)


def notice_links(notices: Iterable[StoredNotice], as_of: date) -> AliasLinks:
    """The links among the entities of the stored notices public on ``as_of`` (a correction's names are another
    notice's entities, not listings of their own: left out)."""
    return alias_links((n.record.number or n.record.key, e) for n in notices if _names_listings(n.record, as_of)
                       for e in (*n.record.entities, *_rename_givers(n.record.renamed)))


def _rename_givers(renamed: Iterable[EntityRecord]) -> list[EntityRecord]:
    """A rename notice's renames ("所列斯凯迪奥公司（Skydio Inc.）已更名为天空之眼科技公司（SkyEye Technologies Inc.）", the new names
    keyed by the old one's key, the old names as aliases) as entities that give another name: the renamed entity under its
    old names, giving its new ones, which a later notice may list under another key ("天空之眼科技公司（SkyEye Technologies
    Inc.）" listed on the ECL after the UEL renamed Skydio: story40, session 39, `timeline Skydio` and Skydio's entity feed
    did not show that listing). A rename keeping the key (a Chinese name changed alone) gives none: its new names are
    the key's own."""
    out = []
    for e in renamed:
        new = tuple(name for name in (e.zh, e.en) if name)
        if not e.key or not new or entity_key(e.zh, e.en) == e.key:
            continue
        old_zh = next((a for a in e.aliases if any("\u4e00" <= ch <= "\u9fff" for ch in a)), None)
        old_en = next((a for a in e.aliases if a != old_zh), None)
        out.append(EntityRecord(zh=old_zh, en=old_en, key=e.key, aliases=new, note=RENAMED_NOTE))
    return out


def _names_listings(rec: NoticeRecord, as_of: date) -> bool:
    """Whether ``rec``'s entities take part in the links as of ``as_of``: public that day and not a correction."""
    from storage.lifecycle import corrects_names, known_from_record

    return not corrects_names(rec) and (known_from_record(rec) or as_of) <= as_of


def stored_links(session: Session, as_of: date) -> AliasLinks:
    """:func:`notice_links` of the store's notices (the publisher's entity and watchlist feeds), the same links
    without building every stored notice: a publish that skipped the derive held them all for this alone (a
    third of ``feeds --out``'s peak memory growth at 100x the fixtures). Records are read one at a time, the
    entities that can take part kept (:func:`_linkable_rows`), and only their notices built."""
    from storage.models import Notice

    rows = _linkable_rows(session)
    if not rows:
        return AliasLinks()
    keys, ids = rows
    named: list[tuple[str, EntityRecord]] = []
    for chunk in _chunks(sorted(ids), 500):
        for text in session.scalars(select(Notice.record_json).where(Notice.id.in_(chunk))):
            rec = NoticeRecord.from_json(json.loads(text))
            if _names_listings(rec, as_of):
                named.extend((rec.number or rec.key, e) for e in (*rec.entities, *_rename_givers(rec.renamed))
                             if e.key in keys)
    return alias_links(named)


def _records(session: Session) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every stored notice's id and record as JSON, read a few hundred at a time (none kept); not a withdrawn one
    (``storage.notices.withdrawn``: nothing derives from its reading, its other names neither)."""
    from storage.models import Notice, Snapshot
    from storage.notices import reads_as

    query = (select(Notice.id, Notice.record_json, Notice.key, Snapshot.notice_key, Snapshot.outcome)
             .join(Snapshot, Snapshot.id == Notice.snapshot_id).execution_options(yield_per=256))
    for notice_id, text, key, said, outcome in session.execute(query):
        if reads_as(key, said, outcome):
            yield notice_id, json.loads(text)


def _linkable_rows(session: Session) -> tuple[set[str], set[int]] | None:
    """The entity keys that can take part in a link (one given another name, or one listed under such a name),
    and the notices naming them; None when no notice gives any entity another name (no link at all). Two passes
    over the records as JSON: the other names first, then who bears them."""
    givers: set[str] = set()
    other_names: set[str] = set()
    alone: dict[str, set[str]] = defaultdict(set)  # a Chinese name's key -> the entities named by it alone
    in_english: set[str] = set()  # the Chinese names' keys of entities named in English too
    renaming: set[int] = set()  # the notices renaming an entity (no entity of their own: read for their renames)
    for notice_id, data in _records(session):
        for e in data.get("renamed", ()):
            if e.get("key"):
                givers.add(e["key"])
                other_names.update((name_key(e.get("zh")), name_key(e.get("en"))))
                renaming.add(notice_id)
        for e in data.get("entities", ()):
            if e.get("aliases") and e.get("key"):
                givers.add(e["key"])
                other_names.update(name_key(a) for a in e["aliases"])
            zh = name_key(e.get("zh"))
            if zh and e.get("key"):
                if e.get("en"):
                    in_english.add(zh)
                else:
                    alone[zh].add(e["key"])
    for zh in alone.keys() & in_english:
        givers |= alone[zh]
        other_names.add(zh)
    if not givers:
        return None
    other_names.discard("")
    keys = set(givers)
    notices_of: dict[str, list[int]] = defaultdict(list)
    for notice_id, data in _records(session):
        for e in data.get("entities", ()):
            key = e.get("key")
            if not key:
                continue
            notices_of[key].append(notice_id)
            if key not in keys and {key, name_key(e.get("zh")), name_key(e.get("en"))} & other_names:
                keys.add(key)
    return keys, {i for key in keys for i in notices_of.get(key, ())} | renaming


def _chunks(items: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
