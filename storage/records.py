"""Plain records that cross the package boundary.

Parsers in ``scraper`` produce them, ``storage`` stores them and the lifecycle engine
reads them back. They live here because ``storage`` must not import ``scraper``.
Everything is frozen and made of tuples so records can be compared, hashed and
serialised deterministically.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from storage.frozen import quick_init

# Field metadata: the field is left out of the JSON while it holds its default, so records
# written before the field existed serialise (and compare, and hash) exactly as they did.
OMIT_DEFAULT = {"omit_default": True}


class ListKind(StrEnum):
    """Which MOFCOM list a notice or action concerns."""

    ECL = "ecl"  # 出口管制管控名单, export control list
    UEL = "uel"  # 不可靠实体清单, unreliable entity list
    WATCH = "watch"  # 关注名单, watch list
    COUNTERMEASURE = "countermeasure"  # 反制清单 / 反外国制裁法 countermeasures
    ITEMS = "items"  # dual-use item controls of a notice that names no entity (商务部公告2024年第46号); engine only


class NoticeKind(StrEnum):
    ANNOUNCEMENT = "announcement"  # 商务部公告YYYY年第N号 (also 商务部 海关总署公告)
    ORDER = "order"  # 商务部令YYYY年第N号
    MFA_ORDER = "mfa_order"  # 中华人民共和国外交部令第N号: a countermeasure decision (反制措施的决定)
    UEL_ANNOUNCEMENT = "uel_announcement"  # 不可靠实体清单工作机制(公告)〔YYYY〕N号
    QA = "qa"  # 商务部新闻发言人…答记者问
    NEWS = "news"  # a third-party or English news report about a MOFCOM action
    OTHER = "other"  # a MOFCOM page we keep but that is none of the above


# Kinds that restate what a numbered notice decided (an answer, a report): their same change adds no item of its own
# (storage.lifecycle), and an item one of them published first is the notice's when it comes (storage.events).
RESTATING_KINDS = frozenset({NoticeKind.QA, NoticeKind.NEWS})


class ActionKind(StrEnum):
    IMPOSE = "impose"  # 列入…名单/清单 (the notice's own entities)
    SUSPEND = "suspend"  # 暂停…相关措施
    EXTEND = "extend"  # 继续暂停…相关措施 (extends an existing suspension)
    LIFT = "lift"  # 停止(执行)…相关措施 / 取消
    REMOVE = "remove"  # 移出…名单
    RESTORE = "restore"  # 恢复…相关措施
    INVESTIGATE = "investigate"  # 启动调查 (not a listing)
    MEASURE = "measure"  # an extra measure on an entity already listed
    # 停止实施…中对X采取的冻结财产措施: some measures of an earlier listing lifted (``measures``), the listing stays
    LIFT_MEASURE = "lift_measure"


@quick_init
@dataclass(frozen=True)
class EntityRecord:
    """One listed entity as the notice writes it.

    ``zh``/``en`` are display forms: invisible characters removed and odd spaces
    folded, otherwise as written. ``key`` is the matching key from
    :func:`storage.names.entity_key` (computed by the parser). ``type`` is
    ``organization`` or ``individual`` where the parser knows: a reader typed it (an MFA
    decision's sections, "男，…"), or the stated count says which (``rules.named._typed_by_count``,
    session 31: counted with 家 or "个" an organization, with 名 a person); None where neither
    says: the title and the decision state no count, or one other than the notice's stated
    count, or both kinds with the persons not all typed (PVH, Illumina, RBA); ``note`` is
    what the notice says about the target besides its name, as written (a person's
    role: "斯凯迪奥公司联合创始人、首席执行官"), never part of the name; ``aliases`` the other names it gives
    (an alias, a former name), each a spelling of this entity, never its key.
    """

    zh: str | None
    en: str | None
    country: str | None = None  # ISO 3166 alpha-2 where the notice says ("美国" -> "US")
    key: str = ""
    n: int | None = None  # the number in the annex, when numbered
    branches: tuple[str, ...] = ()  # "-TechInsights Japan KK" lines under an entry
    type: str | None = field(default=None, metadata=OMIT_DEFAULT)  # organization | individual
    note: str | None = field(default=None, metadata=OMIT_DEFAULT)  # role as written
    # the other names the notice gives it (storage.names.other_names: "又称…", "also known as …", "曾用名…", a
    # "d/b/a" name's two parts): spellings of this entity that screening matches as its own, saying whence
    aliases: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)


@quick_init
@dataclass(frozen=True)
class NoticeRef:
    """A reference from one notice to earlier ones.

    Either by number (``key`` set, e.g. ``UEL-2025-7``) or only by date, list and
    count ("2025年4月4日被列入出口管制管控名单的16家美国实体": ``date``, ``list``,
    ``count``, ``country`` set, ``key`` None), or by a number written without its year
    ("外交部令第12号": ``series`` "MFA-ORDER" and ``number`` 12, ``key`` None; the engine
    finds the stored order it can only be). ``text`` is the phrase as written.
    """

    text: str
    key: str | None = None
    date: date | None = None
    list: ListKind | None = None
    count: int | None = None
    # "…的3家美国实体": the country of the entities referred to (ISO 3166 alpha-2), which tells two notices of
    # one day apart (3 US entities and 3 Japanese ones)
    country: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # A number without its year: the key prefix of its numbering ("MFA-ORDER") and the number; no year is guessed
    series: str | None = field(default=None, metadata=OMIT_DEFAULT)
    number: int | None = field(default=None, metadata=OMIT_DEFAULT)
    # The referred notice's title as the text quotes it ("停止实施《关于对…的决定》（外交部令第12号）"), without 《》
    title: str | None = field(default=None, metadata=OMIT_DEFAULT)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoticeRef:
        return _ref_from_json(data)


@quick_init
@dataclass(frozen=True)
class ActionRecord:
    """What a notice does.

    ``targets`` empty means the notice's own entities (an ``impose``). Otherwise
    the action applies to all entities of the referenced notices, or, when
    ``entities`` is set, only to those entity keys. An MFA decision amending an earlier one's list
    ("在《反制清单》…中增加：") is an ``impose`` of its own entities whose ``targets`` name the decision
    amended: they join its list (a later step on that decision covers them). One that also deletes lines (a ``remove``
    naming them) holds both parts as its entities, and its impose names the added ones in ``entities``.
    ``effective`` is ISO 8601: a date (``2025-05-14``) or a date-time with offset
    (``2025-04-10T12:01+08:00``). ``until`` is the computed end date, the period's
    last day, included (90天 from 2025-05-14 -> 2025-08-12; it lapses the day after,
    ``storage.periods.lapse_day``), None when open-ended.
    """

    action: ActionKind
    list: ListKind | None
    targets: tuple[NoticeRef, ...] = ()
    effective: str | None = None
    until: date | None = None
    duration: str | None = None  # as written: "90天", "1年", "至2026年11月27日"
    entities: tuple[str, ...] = ()  # entity keys when the action names entities
    text: str = ""  # the sentence the action was read from
    # What the measures are, where the notice spells them out (MFA: asset_freeze,
    # transaction_ban, entry_ban), in the order written.
    measures: tuple[str, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # An extension by a duration with no start or end written ("暂停期限延长1年"): the running suspension's
    # end moves on by this ISO 8601 period ("P1Y", "P90D", "P3M"). ``until`` is then None: the parser does
    # not know the running end; the engine counts it (storage/lifecycle/), and says so when it cannot.
    extends_by: str | None = field(default=None, metadata=OMIT_DEFAULT)


@quick_init
@dataclass(frozen=True)
class NoticeRecord:
    """Everything the parser extracts from one page."""

    key: str  # MOFCOM-2025-21, MOFCOM-ORDER-2025-7, UEL-2025-7, QA-2025-05-14-1a2b3c4d
    kind: NoticeKind
    number: str | None  # as written: 商务部公告2025年第21号
    issuer: str | None  # 商务部; 不可靠实体清单工作机制（商务部代章）; 商务部 海关总署
    title: str | None
    published: date | None
    published_at: datetime | None = None  # with time when the page gives one
    effective: str | None = None  # ISO date or date-time with +08:00
    list: ListKind | None = None
    actions: tuple[ActionRecord, ...] = ()
    entities: tuple[EntityRecord, ...] = ()
    stated_count: int | None = None  # "将16家美国实体" -> 16
    references: tuple[NoticeRef, ...] = ()
    warnings: tuple[str, ...] = ()
    url: str | None = None
    text: str = field(default="", repr=False)  # the main text the parse used
    # a correction notice's corrected effective date of the one notice it names ("…生效日期有误，现更正为2026年7月16日",
    # "“本公告自公布之日起实施”有误，现更正为“本公告自…起施行”"): ISO, as ``effective`` (scraper/parse/corrections.py)
    corrected_effective: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # a correction notice's corrected end of the one suspension the notice it names sets, as written ("至2027年5月20日":
    # "“暂停期限至2027年11月20日”有误，现更正为“暂停期限至2027年5月20日”"; scraper/parse/corrections.py)
    corrected_until: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # listed entities renamed by their own choice ("所列A（a）已更名为B（b）"): the new names, keyed by the old name's key,
    # the old names as aliases (scraper/parse/renames.py); the engine keeps the entity's key and gives it both names
    renamed: tuple[EntityRecord, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # steps read on the page but held for a person, apart from ``actions`` (a press conference's topic no decision takes,
    # "…会否…恢复实施，将根据美方表现而定", beside another topic's decided step: scraper/parse/held.py, session 41): never
    # applied until a person accepts one (``mofcom-watch accept KEY STEP``, storage/heldsteps.py); one open issue each
    held: tuple[ActionRecord, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # steps an answer recounts as taken before by a notice ("商务部已于…发布公告，自…起，停止实施…第21号相关措施": no step of
    # its own, scraper/parse/rules/recaps.py, session 51): never applied; the engine says a problem where no stored notice
    # takes such a step (storage/lifecycle/recaps.py)
    recounted: tuple[ActionRecord, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # the days a notice with steps states of itself before it was published, within a month: its signature or 【发文日期】
    # where the other is its publication day, the day a step of its own was decided ("商务部于2026年11月30日决定，…");
    # a recap telling such a day tells that notice's step (storage/lifecycle/recaps.py). Kept in the JSON, which is what the
    # store keeps (session 53, recap53: read from ``text`` before, never stored: the rule was dead in the store)
    stated_days: tuple[date, ...] = field(default=(), metadata=OMIT_DEFAULT)

    def to_json(self) -> dict[str, Any]:
        """The JSON shape printed by ``mofcom-watch parse`` (without the text)."""
        data: dict[str, Any] = _jsonable(self)
        data.pop("text", None)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoticeRecord:
        return _notice_from_json(data)

    def dumps(self) -> str:
        """Canonical JSON (sorted keys) used for storage and change detection."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)


class UnusablePage(Exception):
    """The page is not content: bot check, empty, truncated, 404 shell, disclaimer.

    Never parse such a page as a notice; callers record it as a source-health
    problem. ``reason`` is a short machine-friendly tag (``bot-check``,
    ``empty``, ``not-found``, ``disclaimer``, ``js-shell``, ``truncated``,
    ``binary``), ``detail`` a sentence for humans.
    """

    def __init__(self, reason: str, detail: str = "", notice: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        # the notice the page holds, where the parse read one before refusing it ("商务部公告2027年第70号 关于…的公告
        # (MOFCOM-2027-70)"): its source-health item names it, not the URL alone (reader35 B)
        self.notice = notice


@quick_init
@dataclass(frozen=True)
class IndexLink:
    """One link found on an index or list page."""

    url: str
    title: str | None = None
    date: date | None = None


# --- JSON helpers -------------------------------------------------------------


_FIELDS: dict[type, tuple[tuple[str, bool, Any], ...] | None] = {}


def _fields_of(cls: type) -> tuple[tuple[str, bool, Any], ...] | None:
    """(name, omit when default, default) per field of a dataclass type; None for any other type."""
    if cls not in _FIELDS:
        _FIELDS[cls] = (tuple((f.name, bool(f.metadata.get("omit_default")), f.default)
                              for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None)
    return _FIELDS[cls]


_PLAIN = frozenset({str, int, float, bool, type(None)})  # returned as they are (a StrEnum is a str subclass, not str)


def _jsonable(value: Any, shared: dict[int, tuple[Any, Any]] | None = None) -> Any:
    """Dataclasses to dicts, tuples to lists, enums to values, dates to ISO strings (every event is
    serialised at each sync: the field list of each class is read once, and a plain member is taken
    as it is, without a call). ``shared``: results by object, kept with the object (so its id stays
    its own): a record or tuple met again (the provenance and entities an entity's items share with
    their notice's item) is not written again; the result is then shared, to be read, never changed."""
    cls = type(value)
    if cls in _PLAIN:
        return value
    if shared is not None:
        hit = shared.get(id(value))
        if hit is not None:
            return hit[1]
    fields = _fields_of(cls)
    out: Any = value
    if fields is not None:
        out = {}
        for name, omit, default in fields:
            v = getattr(value, name)
            if not (omit and v == default):
                out[name] = v if type(v) in _PLAIN else _jsonable(v, shared)
    elif isinstance(value, (list, tuple)):
        out = [v if type(v) in _PLAIN else _jsonable(v, shared) for v in value]
    elif isinstance(value, StrEnum):
        return value.value
    elif isinstance(value, (date, datetime)):
        return value.isoformat()
    if shared is not None and value:  # a record, or a non-empty list or tuple
        shared[id(value)] = (value, out)
    return out


def held_step_id(action: ActionRecord) -> str:
    """The id of a step a page read but held for a person (``NoticeRecord.held``): 16 hex digits of the SHA-256 of what
    it says (kind, list, targets, days, sentence), never of a URL or a fetch: the same page read in any order, or again
    by the same parser, gives the same id, and a person's word on it (``storage.heldsteps``) holds for every copy."""
    text = json.dumps(_jsonable(action), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def step_fact(action: ActionRecord) -> tuple[str, str]:
    """A notice item's fact for one of its steps (``EventRecord.facts``): its kind, targets and measures."""
    return ("step", "|".join((action.action.value, ",".join(t.key or t.text for t in action.targets),
                              ",".join(action.measures))))


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _ref_from_json(data: dict[str, Any]) -> NoticeRef:
    return NoticeRef(
        text=data.get("text", ""),
        key=data.get("key"),
        date=_d(data.get("date")),
        list=ListKind(data["list"]) if data.get("list") else None,
        count=data.get("count"),
        country=data.get("country"),
        series=data.get("series"),
        number=data.get("number"),
        title=data.get("title"),
    )


def _entity_from_json(e: dict[str, Any]) -> EntityRecord:
    return EntityRecord(
        zh=e.get("zh"), en=e.get("en"), country=e.get("country"), key=e.get("key", ""), n=e.get("n"),
        branches=tuple(e.get("branches", ())), type=e.get("type"), note=e.get("note"),
        aliases=tuple(e.get("aliases", ())),
    )


def _action_from_json(a: dict[str, Any]) -> ActionRecord:
    return ActionRecord(
        action=ActionKind(a["action"]),
        list=ListKind(a["list"]) if a.get("list") else None,
        targets=tuple(_ref_from_json(t) for t in a.get("targets", ())),
        effective=a.get("effective"),
        until=_d(a.get("until")),
        duration=a.get("duration"),
        entities=tuple(a.get("entities", ())),
        text=a.get("text", ""),
        measures=tuple(a.get("measures", ())),
        extends_by=a.get("extends_by"),
    )


def _notice_from_json(data: dict[str, Any]) -> NoticeRecord:
    actions = tuple(_action_from_json(a) for a in data.get("actions", ()))
    entities = tuple(_entity_from_json(e) for e in data.get("entities", ()))
    published_at = data.get("published_at")
    return NoticeRecord(
        key=data["key"],
        kind=NoticeKind(data["kind"]),
        number=data.get("number"),
        issuer=data.get("issuer"),
        title=data.get("title"),
        published=_d(data.get("published")),
        published_at=datetime.fromisoformat(published_at) if published_at else None,
        effective=data.get("effective"),
        list=ListKind(data["list"]) if data.get("list") else None,
        actions=actions,
        entities=entities,
        stated_count=data.get("stated_count"),
        references=tuple(_ref_from_json(r) for r in data.get("references", ())),
        warnings=tuple(data.get("warnings", ())),
        url=data.get("url"),
        text=data.get("text", ""),
        corrected_effective=data.get("corrected_effective"),
        corrected_until=data.get("corrected_until"),
        renamed=tuple(_entity_from_json(e) for e in data.get("renamed", ())),
        held=tuple(_action_from_json(a) for a in data.get("held", ())),
        recounted=tuple(_action_from_json(a) for a in data.get("recounted", ())),
        stated_days=tuple(date.fromisoformat(day) for day in data.get("stated_days", ())),
    )


# --- documents: what one page turned out to be -----------------------------------


class DocumentKind(StrEnum):
    """What a usable page turned out to be."""

    NOTICE = "notice"  # a notice or Q&A: ``ParsedDocument.notice`` is set
    INDEX = "index"  # an index, list or JSON list endpoint page: ``links`` is set
    OTHER = "other"  # a real page that is neither, kept as a snapshot only


@quick_init
@dataclass(frozen=True)
class ParsedDocument:
    """The result of parsing one usable page.

    ``kind`` is ``notice`` (``notice`` set), ``index`` (``links`` set: an index,
    list or JSON list endpoint page) or ``other`` (a real page that is neither,
    kept as a snapshot only). Unusable pages raise :class:`UnusablePage` instead.
    """

    kind: DocumentKind
    encoding: str
    notice: NoticeRecord | None = None
    links: tuple[IndexLink, ...] = ()
    title: str | None = None
    warnings: tuple[str, ...] = ()


# --- events: what the lifecycle engine derives and the feeds publish ----------------


class EventKind(StrEnum):
    IMPOSED = "imposed"
    SUSPENDED = "suspended"
    SUSPENSION_EXTENDED = "suspension_extended"
    LIFTED = "lifted"
    REMOVED = "removed"
    RESTORED = "restored"
    SUSPENSION_LAPSED = "suspension_lapsed"  # presumed back in force, needs review
    SUSPENSION_ENDS_SOON = "suspension_ends_soon"  # countdown, 30 and 7 days before
    TERM_ENDS_SOON = "term_ends_soon"  # countdown to the end of a listing's own term ("期限为5年"), 30 and 7 days before
    INVESTIGATION = "investigation"
    MEASURE = "measure"
    MEASURE_LIFTED = "measure_lifted"  # some measures of a listing lifted; the listing stays in its state
    NOTICE = "notice"  # one per notice, for the `notices` feed
    CORRECTION = "correction"  # a notice's text changed; points to the corrected item
    UNRESOLVED_REFERENCE = "unresolved_reference"  # a reference the engine cannot expand
    NAME_CORRECTED = "name_corrected"  # a later notice corrects a listed entity's name (更正…附件有关内容)
    RENAMED = "renamed"  # a listed entity changed its name ("已更名为"): both names its own, its listing unchanged
    SOURCE_HEALTH = "source_health"
    NEWS = "news"


@dataclass(frozen=True)
class PageCopy:
    """One URL of a notice with the copy of it an item cites: when that page's bytes were fetched and their SHA-256
    (both None: no copy of that page read as the notice is stored)."""

    url: str
    fetched_at: datetime | None
    sha256: str | None


@dataclass(frozen=True)
class Provenance:
    """Where a notice came from: every item carries this for each notice it rests on.

    ``fetched_at`` and ``sha256`` are the copy the notice was read from. A notice published at more than one URL
    (a MOFCOM notice and its aliases, a Q&A and a paper's reprint) also has ``copies``: each URL with its own copy,
    so each page can be checked on its own (``storage.notices.page_copies``). Left out of the JSON while empty (one
    URL: the copy read is that URL's), so items of such notices serialise and hash as they did before it."""

    notice_key: str
    number: str | None
    title: str | None
    urls: tuple[str, ...]
    fetched_at: datetime | None
    sha256: str | None
    issuer: str | None = None  # 商务部, 外交部, …: which ministry issued the notice
    copies: tuple[PageCopy, ...] = field(default=(), metadata=OMIT_DEFAULT)  # in ``urls``' order
    # read from its pages joined (a notice over several pages, its annex a page of its own: ``scraper.joined``): the
    # copy read (``sha256``) is that joined copy; ``copies`` cite each page's own bytes
    joined: bool = field(default=False, metadata=OMIT_DEFAULT)


@dataclass(frozen=True)
class StoredNotice:
    """A notice as the lifecycle engine sees it: the parse plus its provenance."""

    record: NoticeRecord
    provenance: Provenance


class EventScope(StrEnum):
    """What one item is about, which decides the feeds it goes to (``feeds.catalog``)."""

    NOTICE = "notice"  # all entities of a notice on a list, or the notice itself
    ENTITY = "entity"  # one entity
    HEALTH = "health"  # a source-health problem or its resolution
    NEWS = "news"  # a third-party report (never a state change)


@dataclass(frozen=True)
class EventRecord:
    """One derived item, as stored in ``Event.payload`` and rendered by ``feeds``.

    ``scope``: ``notice`` (one item for all entities of a notice on a list),
    ``entity`` (one entity), ``health`` or ``news``. ``occurred`` is the item's
    publication time, derived from the notices (never "now"); ``updated`` equals
    ``occurred`` except on a correction.
    """

    id: str
    kind: EventKind
    scope: EventScope
    list: ListKind | None
    notice_key: str | None  # the notice that listed the entities
    source_key: str | None  # the notice whose action caused the event
    entity_key: str | None
    effective: date | None
    until: date | None
    occurred: datetime
    updated: datetime
    title: str  # clear English title
    title_zh: str | None = None
    summary: str = ""  # English paragraph: what happened, since when, until when
    entities: tuple[EntityRecord, ...] = ()
    presumed: bool = False  # True for a lapse: presumed, needs review
    days_left: int | None = None  # countdown items
    corrects: str | None = None
    provenance: tuple[Provenance, ...] = ()
    extra: tuple[tuple[str, str], ...] = ()  # small extra fields (matched name, score, ...)
    # a correction: the sources of the item it corrects, as that item cited them (its ``provenance`` names the pages
    # that made the correction, as stored then); left out of the JSON while empty, so other items hash as before
    corrected: tuple[Provenance, ...] = field(default=(), metadata=OMIT_DEFAULT)
    # the facts only its words say (the measures a measure lift stops, the clause a step acts on, the day a withdrawn
    # listing was to apply from, ...), as data: ``storage.events.FACT_FIELDS`` compares them, not the words
    facts: tuple[tuple[str, str], ...] = field(default=(), metadata=OMIT_DEFAULT)

    def to_json(self, shared: dict[int, tuple[Any, Any]] | None = None) -> dict[str, Any]:
        """``shared``: see :func:`_jsonable` (one sync writes each notice's provenance once)."""
        data: dict[str, Any] = _jsonable(self, shared)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventRecord:
        return cls(
            id=data["id"],
            kind=EventKind(data["kind"]),
            scope=EventScope(data["scope"]),
            list=ListKind(data["list"]) if data.get("list") else None,
            notice_key=data.get("notice_key"),
            source_key=data.get("source_key"),
            entity_key=data.get("entity_key"),
            effective=_d(data.get("effective")),
            until=_d(data.get("until")),
            occurred=datetime.fromisoformat(data["occurred"]),
            updated=datetime.fromisoformat(data["updated"]),
            title=data["title"],
            title_zh=data.get("title_zh"),
            summary=data.get("summary", ""),
            entities=tuple(_entity_from_json(e) for e in data.get("entities", ())),
            presumed=data.get("presumed", False),
            days_left=data.get("days_left"),
            corrects=data.get("corrects"),
            provenance=tuple(_provenance_from_json(p) for p in data.get("provenance", ())),
            extra=tuple((k, v) for k, v in data.get("extra", ())),
            corrected=tuple(_provenance_from_json(p) for p in data.get("corrected", ())),
            facts=tuple((k, v) for k, v in data.get("facts", ())),
        )


def _dt(v: str | None) -> datetime | None:
    return datetime.fromisoformat(v) if v else None


def _provenance_from_json(p: dict[str, Any]) -> Provenance:
    return Provenance(
        notice_key=p["notice_key"], number=p.get("number"), title=p.get("title"),
        urls=tuple(p.get("urls", ())), fetched_at=_dt(p.get("fetched_at")),
        sha256=p.get("sha256"), issuer=p.get("issuer"),
        copies=tuple(PageCopy(c["url"], _dt(c.get("fetched_at")), c.get("sha256")) for c in p.get("copies", ())),
        joined=bool(p.get("joined", False)),
    )


class ListingState(StrEnum):
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    LIFTED = "lifted"
    REMOVED = "removed"
    LAPSED = "lapsed"  # suspension ended with nothing newer: presumed back in force, needs review
    INVESTIGATION = "investigation"
    # published, not yet in effect: no step in effect yet gives the listing a state, and a notice already public
    # sets one from a later day (2025 No. 22, published 2025-04-09, in force from 2025-04-10; No. 70, published
    # 2025-11-07, suspends the item controls of No. 55 from 2025-11-10); the row's next_* fields say what and when
    ANNOUNCED = "announced"


@dataclass(frozen=True)
class StatusRow:
    """Current state of one notice's entities on one list, as ``status`` prints it.

    When entities of one notice differ in state (an action naming some of them),
    there is one row per distinct state, ``entity_keys`` saying which.
    """

    notice_key: str
    number: str | None
    title: str | None
    list: ListKind
    state: ListingState
    since: date | None
    until: date | None
    days_left: int | None
    entity_count: int
    presumed: bool = False
    by: str | None = None  # key of the notice that set the current state
    entity_keys: tuple[str, ...] = ()
    history: tuple[str, ...] = ()  # short lines: "2025-05-14 suspended until 2025-08-12 (QA-…)"
    issuer: str | None = None  # of the listing notice: 商务部, 外交部, …
    # "clause 2" when the notice that set the state acts on some clauses of the listing notice only (2025 No. 72
    # suspends clause 2 of 2024 No. 46; clause 1 stays in force)
    scope: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # The next change, published on or before the day but effective after it (a lift announced on 2025-11-05
    # from 2025-11-10): the state it sets, from when, until when (a suspension), by which notice. All omitted
    # from JSON while None; set on every ANNOUNCED row.
    next_state: ListingState | None = field(default=None, metadata=OMIT_DEFAULT)
    next_from: date | None = field(default=None, metadata=OMIT_DEFAULT)
    next_until: date | None = field(default=None, metadata=OMIT_DEFAULT)
    next_by: str | None = field(default=None, metadata=OMIT_DEFAULT)
    # the listing is a measure its notice added alone on entities another notice lists (UEL〔2025〕6号's on Illumina,
    # whose own listing under 〔2025〕4号 stays): its state is the measure's, not a listing's ("measure lifted")
    measure_only: bool = field(default=False, metadata=OMIT_DEFAULT)
    # the listing's notice only opened an investigation (UEL〔2024〕3号 on PVH), since ended (its notice repealed): "lifted"
    # would read as a delisting of an entity another notice lists (audit39/25: its items say "Investigation closed")
    investigation_closed: bool = field(default=False, metadata=OMIT_DEFAULT)
    # the day a suspension lapses (presumed back in force): the day after ``until``, its last day, counted or written
    # (``storage.periods.lapse_day``, the lead's decision of session 42). Of the
    # suspension in place, and of the one announced (``next_until``)
    lapses_on: date | None = field(default=None, metadata=OMIT_DEFAULT)
    next_lapses_on: date | None = field(default=None, metadata=OMIT_DEFAULT)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = _jsonable(self)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StatusRow:
        return cls(
            notice_key=data["notice_key"], number=data.get("number"), title=data.get("title"),
            list=ListKind(data["list"]), state=ListingState(data["state"]), since=_d(data.get("since")),
            until=_d(data.get("until")), days_left=data.get("days_left"), entity_count=data["entity_count"],
            presumed=data.get("presumed", False), by=data.get("by"), entity_keys=tuple(data.get("entity_keys", ())),
            history=tuple(data.get("history", ())), issuer=data.get("issuer"), scope=data.get("scope"),
            next_state=ListingState(data["next_state"]) if data.get("next_state") else None,
            next_from=_d(data.get("next_from")), next_until=_d(data.get("next_until")), next_by=data.get("next_by"),
            measure_only=data.get("measure_only", False), investigation_closed=data.get("investigation_closed", False),
            lapses_on=_d(data.get("lapses_on")),
            next_lapses_on=_d(data.get("next_lapses_on")),
        )
