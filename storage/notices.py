"""Reading notices back as the lifecycle engine sees them: the parse plus its provenance."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from storage.heldsteps import published_in, with_published
from storage.keys import issue_key
from storage.models import HealthIssue, Notice, Page, Snapshot
from storage.outcomes import PageOutcome
from storage.records import ActionKind, ListKind, NoticeRecord, NoticeRef, PageCopy, Provenance, StoredNotice
from storage.vocabulary import JOINED_HEAD_MAX, JOINED_MAGIC, JOINED_TYPE, HealthKind, as_utc, official_first


def stored_notice(notice: Notice, copies: dict[str, Copy] | None = None) -> StoredNotice:
    """The notice with its provenance; ``copies``: the newest copy of each of its pages read as it
    (:func:`newest_copies`), which a notice of more than one URL cites page by page."""
    record = NoticeRecord.from_json(json.loads(notice.record_json))
    snapshot = notice.snapshot
    urls = official_first(u.url for u in notice.urls)  # the item links the ministry's page
    fetched_at = as_utc(snapshot.fetched_at) if snapshot is not None else None
    sha256 = snapshot.sha256 if snapshot is not None else None
    read_url = snapshot.page.url if snapshot is not None else None
    own = _joined_pages(snapshot) if snapshot is not None and snapshot.content_type == JOINED_TYPE else {}
    cited = page_copies(urls, read_url, fetched_at, sha256, copies or {})
    if own:  # the copy read is its pages joined: each of its pages cited by that page's own bytes in it
        cited = tuple(_joined_cite(c, own[c.url], fetched_at) if c.url in own else c for c in cited)
    return StoredNotice(
        record=record,
        provenance=Provenance(
            notice_key=notice.key,
            number=notice.number,
            title=notice.title,
            urls=urls,
            fetched_at=fetched_at,
            sha256=sha256,
            issuer=notice.issuer,
            copies=cited,
            joined=bool(own),
        ),
    )


def joined_heads(raw: bytes) -> list[tuple[str, str, str]]:
    """(role, URL, SHA-256) of each page a joined copy's header names, in page order ([]: not a joined copy)."""
    if not raw.startswith(JOINED_MAGIC) or (end := raw.find(b"\n\n", len(JOINED_MAGIC) - 1)) < 0:
        return []
    heads = []
    for line in raw[len(JOINED_MAGIC):end].decode("utf-8", "replace").splitlines():
        role, sha, _size, _type, url = line.split(" ", 4)
        heads.append((role, url, sha))
    return heads


def stored_heads(body: bytes) -> list[tuple[str, str, str]]:
    """:func:`joined_heads` of a stored (compressed) copy ``body``, its header alone decompressed."""
    return joined_heads(zlib.decompressobj().decompress(body, JOINED_HEAD_MAX))


def _joined_pages(snapshot: Snapshot) -> dict[str, str]:
    """URL -> SHA-256 of each page of a joined copy (:func:`joined_heads`), read from its header alone."""
    return {url: sha for _role, url, sha in stored_heads(snapshot.body)}


def _joined_cite(cited: PageCopy, sha256: str, fetched_at: datetime | None) -> PageCopy:
    """The copy an item cites for a page of the joined copy a notice was read from: that page's bytes in it (the
    header's SHA-256), never another copy of the URL. The first page, and a later page whose stored copy is other
    bytes or is stored as another notice's (an annex page two notices link: its copy names the notice that joined it
    last, review52), is cited as fetched with the joined copy, which holds those bytes."""
    return cited if cited.sha256 == sha256 else PageCopy(cited.url, fetched_at, sha256)


Copy = tuple[datetime, str]  # a stored copy of a page: when its bytes were fetched, their SHA-256


def page_copies(urls: tuple[str, ...], read_url: str | None, fetched_at: datetime | None, sha256: str | None,
                newest: dict[str, Copy]) -> tuple[PageCopy, ...]:
    """Each URL of a notice of more than one with the copy an item cites for it: the copy the notice was read from
    for its own page, the newest copy read as the notice for each other page (by fetch time, then SHA-256: the same
    whichever order the copies came in), none where no copy is stored (``newest``: :func:`newest_copies` of the
    notice). One URL: none (the copy read is that URL's, ``Provenance.fetched_at``/``sha256`` say it)."""
    if len(urls) < 2:
        return ()
    return tuple(PageCopy(url, fetched_at, sha256) if url == read_url
                 else PageCopy(url, *newest[url]) if url in newest else PageCopy(url, None, None)
                 for url in urls)


# the copies an item cites for a page of a notice: one read as it, or one of its later or annex pages (``PART``)
CITED = (PageOutcome.NOTICE.value, PageOutcome.PART.value)


def newest_copies(session: Session, keys: tuple[str, ...] | None = None) -> dict[str, dict[str, Copy]]:
    """Per notice key (all, or ``keys``), per URL, the newest stored copy of that page read as that notice (a
    snapshot whose outcome is ``notice``, or ``part``: a later page or an annex page of it, read joined to its first
    page; a copy held back or unusable is not one): one narrow query, no body."""
    query = (select(Snapshot.notice_key, Page.url, Snapshot.fetched_at, Snapshot.sha256)
             .join(Page, Snapshot.page_id == Page.id)
             .where(Snapshot.outcome.in_(CITED), Snapshot.notice_key.is_not(None)))
    if keys is not None:
        query = query.where(Snapshot.notice_key.in_(keys))
    found: dict[str, dict[str, Copy]] = {}
    for key, url, fetched_at, sha256 in session.execute(query):
        copy = (as_utc(fetched_at), sha256)
        pages = found.setdefault(str(key), {})
        if url not in pages or copy > pages[url]:
            pages[url] = copy
    return found


def reads_as(key: str, notice_key: str | None, outcome: str) -> bool:
    """Whether a copy whose snapshot says ``notice_key`` and ``outcome`` is still read as the notice ``key`` (the
    notice stored from it): the parser that read it last read it as that notice, or held it back as that notice (a
    copy reading less: the stored reading kept, ``outcome`` unusable), or failed on it (a parser error is no
    reading: ``error``). Not so when the current parser refused those bytes, read them as no notice or as another
    key: the notice's reading is then *withdrawn* (:func:`withdrawn`)."""
    if notice_key is None:
        return outcome in (PageOutcome.NOTICE.value, PageOutcome.ERROR.value)  # NULL before it was set: as read
    return notice_key == key or outcome == PageOutcome.ERROR.value


def withdrawn(notice: Notice) -> bool:
    """Whether ``notice``'s stored reading rests on a copy the current parser no longer reads as it (order38's A,
    session 39): the reading stays in the row (``record_json``, its versions) for a person to review, but nothing
    derives from it, so its items are retracted, saying why (``storage.events``). A copy of another page read as it
    makes it the notice again (``storage.ingest``); so do these bytes read as it again."""
    snap = notice.snapshot
    return snap is not None and not reads_as(notice.key, snap.notice_key, snap.outcome)


def count_read(session: Session) -> int:
    """How many stored notices are not withdrawn (:func:`withdrawn`): what a store made by this version would hold.
    One query (the notices joined with the snapshots they were read from, :func:`reads_as` in SQL)."""
    return session.scalar(select(func.count(Notice.id)).join(Snapshot, Snapshot.id == Notice.snapshot_id)
                          .where(_reading())) or 0


def _reading() -> ColumnElement[bool]:
    """:func:`reads_as` in SQL, on the notice and the snapshot it was read from (joined)."""
    error, notice = PageOutcome.ERROR.value, PageOutcome.NOTICE.value
    return or_(Snapshot.notice_key == Notice.key, Snapshot.outcome == error,
               and_(Snapshot.notice_key.is_(None), Snapshot.outcome == notice))


@dataclass(frozen=True)
class Withdrawn:
    """A notice whose reading is withdrawn (:func:`withdrawn`): the page and copy it was read from, and what the
    current parser makes of that copy now (the snapshot's outcome and detail)."""

    key: str
    title: str | None
    url: str
    sha256: str
    outcome: str
    detail: str | None
    read_as: str | None  # the key the current parser reads the copy as (another notice), else None
    # who accepted, on review, that this copy (of the page the notice was read from, reading as no notice) is the page
    # now, and when ("officer at 2026-11-06 07:00 UTC"): the notice taken off its page (``mofcom_watch.review``), not a
    # reading an earlier version made of these bytes
    accepted: str | None = None

    @property
    def refused(self) -> bool:
        return refused(self.outcome, self.read_as)

    @property
    def why(self) -> str:
        """What the current parser makes of the copy, for a reader: the page refused and why, no notice, another."""
        if self.accepted:
            return f"the page reads as no notice now, and {self.accepted} accepted on review that it no longer carries it"
        if self.read_as:
            return f"it reads them as another notice, {self.read_as}"
        if self.outcome in (PageOutcome.OTHER.value, PageOutcome.INDEX.value, PageOutcome.NEWS.value):
            return "it reads them as no notice of a listing"
        if self.outcome == PageOutcome.READ_BY_PERSON.value:
            return "a person read them and found no notice to derive from"
        return f"it refuses them and holds the page for a person ({self.detail or 'unusable'})"


def refused(outcome: str, read_as: str | None) -> bool:
    """Whether the current parser refuses a withdrawn reading's copy (an unusable page, its issue open for a person),
    rather than reading it as no notice or as another one (``outcome``, ``read_as``: its snapshot's)."""
    return read_as is None and outcome == PageOutcome.UNUSABLE.value


def held_words(held: bool) -> str:
    """Why a withdrawn reading's item goes, in its title's brackets: "held for a person" only where the page is
    :func:`refused` (else nothing is held). Shared by notices' items (``storage.events``) and news reports'
    (``storage.news``, which said "held for a person" of a page read as no notice too)."""
    return "held for a person" if held else "read otherwise now"


ACCEPTED_KIND = HealthKind.REVIEW_ACCEPTED.value


def withdrawn_notices(session: Session) -> dict[str, Withdrawn]:
    """Every withdrawn notice by key (few or none: one narrow query, asked only when an item goes)."""
    rows = session.execute(
        select(Notice.key, Notice.title, Page.url, Snapshot.sha256, Snapshot.outcome, Snapshot.detail,
               Snapshot.notice_key)
        .join(Snapshot, Snapshot.id == Notice.snapshot_id).join(Page, Page.id == Snapshot.page_id)
        .where(or_(Snapshot.outcome != PageOutcome.NOTICE.value, Snapshot.notice_key != Notice.key)))
    found = {key: Withdrawn(key, title, url, sha, outcome, detail, said)
             for key, title, url, sha, outcome, detail, said in rows if not reads_as(key, said, outcome)}
    if found:  # a copy a person accepted as the page now, the notice taken off it (``storage.reviews.review_key``)
        keys = {issue_key(ACCEPTED_KIND, w.key, w.sha256): w.key for w in found.values()}
        for key, by, at in session.execute(select(HealthIssue.key, HealthIssue.source, HealthIssue.first_seen)
                                           .where(HealthIssue.key.in_(keys))):
            found[keys[key]] = replace(found[keys[key]], accepted=f"{by} at {as_utc(at):%Y-%m-%d %H:%M} UTC")
    return found


def load_stored_notices(session: Session) -> list[StoredNotice]:
    """Every stored notice, sorted by key, each with all its URLs, the snapshot it was parsed from and, for a
    notice of more than one URL, the copy of each (:func:`page_copies`); not a withdrawn one (:func:`withdrawn`)."""
    notices = [n for n in session.scalars(
        select(Notice).options(selectinload(Notice.urls),  # the snapshot's time and hash, never its body
                               selectinload(Notice.snapshot).load_only(Snapshot.fetched_at, Snapshot.sha256,
                                                                       Snapshot.notice_key, Snapshot.outcome,
                                                                       Snapshot.content_type)
                               .joinedload(Snapshot.page).load_only(Page.url))
        .order_by(Notice.key)
    ).all() if not withdrawn(n)]
    several = tuple(n.key for n in notices if len(n.urls) > 1)
    copies = newest_copies(session) if several else {}
    found = [stored_notice(n, copies.get(n.key, {})) for n in notices]
    decided = published_in(session, [s.record for s in found])  # held steps a person published: read as steps
    return [replace(s, record=with_published(s.record, decided)) if s.record.held else s for s in found] \
        if decided else found


def first_seen(session: Session) -> dict[str, datetime]:
    """When the store first read each notice (its key -> ``Notice.first_seen_at``, UTC): a feed's ``updated`` moves
    when an item of a notice read late appears (``feeds.build.sighted``). One narrow query."""
    return {key: as_utc(at) for key, at in session.execute(select(Notice.key, Notice.first_seen_at))}


def load_records(session: Session) -> list[NoticeRecord]:
    """Every stored notice's record, sorted by key, without its provenance (not a withdrawn one): one narrow query, a
    third of :func:`load_stored_notices`' cost (what a table of notices shows)."""
    records = [NoticeRecord.from_json(json.loads(text))
               for text in session.scalars(select(Notice.record_json).join(Snapshot, Snapshot.id == Notice.snapshot_id)
                                           .where(_reading()).order_by(Notice.key))]
    decided = published_in(session, records)
    return [with_published(r, decided) for r in records] if decided else records


@dataclass(frozen=True)
class NoticeLine:
    """What a table of notices shows of one notice (``replay``'s): its record without the entities, the
    actions' details or the text, so a table of every stored notice does not build them all."""

    key: str
    list: ListKind | None
    published: date | None
    effective: str | None
    number: str | None
    title: str | None
    entity_count: int
    stated_count: int | None
    lists_entities: bool  # storage.ingest.lists_entities of the record (a test keeps the two equal)
    has_actions: bool
    targets: tuple[NoticeRef, ...]  # every action's targets, in order
    warnings: tuple[str, ...]
    listed_counts: tuple[int, ...]  # storage.ingest.listed_counts of the record: what its stated count may count

    @property
    def count_mismatch(self) -> bool:
        """:func:`storage.ingest.count_mismatch` of the record."""
        return (self.stated_count is not None and self.lists_entities
                and self.stated_count not in self.listed_counts)

    @classmethod
    def of(cls, record: NoticeRecord) -> NoticeLine:
        return cls(record.key, record.list, record.published, record.effective, record.number, record.title,
                   len(record.entities), record.stated_count,
                   bool(record.entities) or any(a.action is ActionKind.IMPOSE for a in record.actions), bool(record.actions),
                   tuple(t for a in record.actions for t in a.targets), record.warnings,
                   listed_counts([(a.action, bool(a.targets), a.entities) for a in record.actions], len(record.entities)))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoticeLine:
        """The line of ``NoticeRecord.from_json(data)``, read off the JSON (the same values, the same errors
        for a value the record would refuse)."""
        actions = data.get("actions", ())
        entities = data.get("entities", ())
        kinds = [ActionKind(a["action"]) for a in actions]
        published = data.get("published")
        return cls(data["key"], ListKind(data["list"]) if data.get("list") else None,
                   date.fromisoformat(published) if published else None, data.get("effective"),
                   data.get("number"), data.get("title"), len(entities), data.get("stated_count"),
                   bool(entities) or ActionKind.IMPOSE in kinds, bool(actions),
                   tuple(NoticeRef.from_json(t) for a in actions for t in a.get("targets", ())),
                   tuple(data.get("warnings", ())),
                   listed_counts([(kind, bool(a.get("targets")), tuple(a.get("entities", ()))) for kind, a in zip(kinds, actions)],
                                len(entities)))


def listed_counts(steps: list[tuple[ActionKind, bool, tuple[str, ...]]], named: int) -> tuple[int, ...]:
    """The counts a notice's stated count may rightly give, from its steps (kind, has targets, entity keys) and the
    ``named`` entities: all it names; but for a notice that lists some and removes others, each step naming its own
    (parse20/01, parse25/09), the listing's only (session 25, parse25: a false count-mismatch issue, 5 for 3); and for
    listings on two lists, each from its annex ("将甲等2家…列入出口管制管控名单（见附件1）…将上述2家实体列入关注名单（见附件2）",
    audit27/04), the total or the first listing's, as the parser's ``checks.count_mismatch`` takes it (session 27: the
    store raised a false count-mismatch, 4 for 2, on a notice the parser read right)."""
    imposed = [keys for kind, targeted, keys in steps if kind is ActionKind.IMPOSE and not targeted]
    if imposed and all(imposed) and any(kind is ActionKind.REMOVE and keys for kind, _, keys in steps):
        return (len({k for keys in imposed for k in keys}),)
    if len(imposed) > 1 and all(imposed) and sum(map(len, imposed)) == named == len({k for ks in imposed for k in ks}):
        return named, len(imposed[0])
    return (named,)


def load_lines(session: Session) -> list[NoticeLine]:
    """:class:`NoticeLine` of every stored notice but a withdrawn one, sorted by key: one column read as Core rows, and no record
    built (a fifth of :func:`load_records`' cost)."""
    table = Notice.__table__
    rows = session.connection().execute(select(table.c.record_json).join(Snapshot, Snapshot.id == table.c.snapshot_id)
                                        .where(_reading()).order_by(table.c.key)).scalars()
    return [NoticeLine.from_json(json.loads(text)) for text in rows]
