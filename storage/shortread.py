"""A parse that reads less than the stored parse of the same page: what a page cut where no parser check sees
it reads as (an MFA annex cut after a whole executive line; a copy that lost a line inside, such as 2025 No. 70
without its action line). Since session 15 the parser refuses the cuts that were found here before (2025 No. 70
cut after its preamble stops before its closing, a Q&A cut after an answer's first sentence reads none of the
change its title announces: ``scraper.parse.page.check_record``); these checks stay behind it. Pure functions:
the pipeline holds such a parse back and names what would go."""

from __future__ import annotations

from storage.names import entity_key
from storage.records import ActionKind, EntityRecord, ListKind, NoticeKind, NoticeRecord


def names_nobody(record: NoticeRecord) -> bool:
    """A listing on an entity list that names no entity and states no count: what a page cut before its
    decision reads as when its title names the listing (UEL 2023年第1号: "关于将洛克希德·马丁公司、雷神导弹与
    防务公司列入不可靠实体清单的公告", no count anywhere). No whole page reads so: a listing that names nobody
    either states a count (checked as a count mismatch) or was cut short."""
    if record.entities or record.stated_count is not None or record.kind is NoticeKind.QA:
        return False
    for action in record.actions:
        if action.action is ActionKind.IMPOSE and (action.list or record.list) is not ListKind.ITEMS:
            return True
    return False


def _entity_name(entity: EntityRecord) -> str:
    return entity.zh or entity.en or entity.key


def _key(entity: EntityRecord) -> str:
    return entity.key or entity_key(entity.zh, entity.en)


def lost_entities(record: NoticeRecord, current: NoticeRecord) -> list[str]:
    """The entities of ``current`` that ``record`` does not name, when it reads less: it names fewer, or as
    many with one read short of the English name that keys it in ``current`` (an annex cut after the last
    Chinese name), nothing else new. None when it names something ``current`` does not (another text)."""
    named = {_key(e) for e in record.entities}
    gone = [e for e in current.entities if _key(e) not in named]
    if not gone:
        return []
    if len(record.entities) < len(current.entities):
        return [_entity_name(e) for e in gone]
    stored, shortened = {_key(e) for e in current.entities}, {e.zh for e in gone if e.zh and e.en}
    for e in record.entities:
        if _key(e) not in stored and (e.en or e.zh not in shortened):
            return []
    return [_entity_name(e) for e in gone]


def renamed_entities(record: NoticeRecord, current: NoticeRecord) -> tuple[list[str], list[str]]:
    """The entities of ``current`` that ``record`` does not name and the ones it names in their place, when it names
    others and no fewer (a republished copy naming an entity otherwise: "蒂尔无人机公司（Teal Drones, Inc.）" read
    as "蒂尔无人机系统公司（Teal Drone Systems, Inc.）", the count the same). Read as it stands, that retracts the old
    name's items and imposes the new one's: a delisting of a company still listed, to a reader. Empty lists when
    the entity set is the same (wording only) or :func:`lost_entities` holds the copy as reading less."""
    named = {_key(e) for e in record.entities}
    stored = {_key(e) for e in current.entities}
    gone = [e for e in current.entities if _key(e) not in named]
    new = [e for e in record.entities if _key(e) not in stored]
    if not gone or not new or len(record.entities) < len(current.entities):
        return [], []
    return [_entity_name(e) for e in gone], [_entity_name(e) for e in new]


def _acts(record: NoticeRecord) -> set[tuple[str, str]]:
    """What the notice does, one (action, target) per notice or entity it acts on: a page cut short reads fewer
    of them (a copy of 2025 No. 70 that lost its action line suspends fewer of Nos. 55-62).
    The list is left out: a cut may lose the words that name it, not what the action does."""
    done: set[tuple[str, str]] = set()
    for action in record.actions:
        on = [t.key or f"{t.date}/{t.list}/{t.count}/{t.country}" for t in action.targets]
        on += [f"entity {key}" for key in action.entities]
        done.update((action.action.value, what) for what in on or [""])
    return done


def reads_less(record: NoticeRecord, current: NoticeRecord) -> list[str]:
    """What ``record`` reads less than ``current``: the entities it lost (:func:`lost_entities`), else the actions it
    lost while doing nothing ``current`` does not (nothing: it reads no less, or reads something else)."""
    lost = lost_entities(record, current)
    if lost:
        return lost
    acts, stored = _acts(record), _acts(current)
    if acts < stored:
        return [" ".join(x for x in act if x) for act in sorted(stored - acts)]
    return []
