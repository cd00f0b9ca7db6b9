"""Pages a person read in the parser's place, read again by a newer parser (I/O at the edge).

A page the parser refused for a person to read (``needs-review``) and a person read (``accept URL SHA256``) is stored as
``read-by-person``: nothing of it is in the notices. A later parser may read it (session 36: a rename, "所列A（a）已更名为
B（b）", refused before, is read as the listed entity's second name): the crawl does not hand it over again (a page answering
304, or older than the source's recent pages re-checked), so its new name would stay unscreenable. Each cycle, before
the crawl, every such page whose copy another parser judged is read again from its stored bytes, with the fetch time
of that copy: read now, it becomes a notice (the snapshot updated in place, as for any page read again by another
parser); still refused, it stays read by the person, marked with this parser, and is not read again until the next
parser."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.orm import Session, sessionmaker

from mofcom_watch.pipeline import PageRouter, ingest_page, saved_page
from storage.db import WRITE_LOCK
from storage.ingest import record_issue
from storage.keys import unusable_key
from storage.models import Page, Snapshot
from storage.outcomes import PageOutcome, PageResult
from storage.reviews import checked_gone, person_read_pages
from storage.snapshots import snapshot_bytes
from storage.vocabulary import HealthKind, as_utc

AWAITING = ("{n} page(s) a person read in the parser's place (`mofcom-watch accept`) are yet to be read by this "
            "version's parser ({first}{more}), which may read in them what the person's reading left out, such as a "
            "listed company's new name: screened without it until `mofcom-watch run`, `schedule` or `replay` reads them")


def awaiting(session: Session) -> list[str]:
    """The URLs of the pages a person read that this version's parser has not read yet (:func:`read_again` reads them,
    at the start of a cycle or a replay): a read-only `screen` or `serve` cannot, and must not answer as if it had
    (order36 B1: a rename such a page gives was missed by screening between an upgrade and the first cycle, the answer
    complete). Judged by the parser identity alone, as :func:`read_again` judges it, without loading a source."""
    pages = person_read_pages(session)
    if not pages:  # nearly always
        return []
    from mofcom_watch.pipeline import NEWS_VERSION_SUFFIX
    from scraper.parser_identity import PARSER_VERSION, parser_digest

    digest = parser_digest()
    current = {(PARSER_VERSION, digest), (PARSER_VERSION + NEWS_VERSION_SUFFIX, digest)}
    return [p.url for p in pages if (p.parser_version, p.parser_digest) not in current]


def awaiting_lines(urls: list[str]) -> list[str]:
    """One line when pages await this parser (:func:`awaiting`), naming the first; none otherwise."""
    if not urls:
        return []
    return [AWAITING.format(n=len(urls), first=urls[0], more=f" and {len(urls) - 1} more" if len(urls) > 1 else "")]


def read_again(sf: sessionmaker[Session], router: PageRouter) -> list[str]:
    """Hand each page a person read, judged by another parser, to today's parser again; the URLs read now as notices."""
    with sf() as session:
        pages = person_read_pages(session)
        if not pages:  # nearly always: no parser identity to learn
            return []
        due = [(p, router.parser(p.url)) for p in pages]
        due = [(p, parser) for p, parser in due
               if (p.parser_version, p.parser_digest) != (parser.version, parser.digest or None)]
        copies = {p.url: session.scalars(select(Snapshot).where(Snapshot.id == p.snapshot_id)).one() for p, _ in due}
        saved = {url: (snapshot_bytes(s), as_utc(s.fetched_at), s.content_type, s.status) for url, s in copies.items()}
    read: list[str] = []
    for p, parser in due:
        raw, fetched_at, content_type, status = saved[p.url]
        page = saved_page(p.url, raw, fetched_at, content_type=content_type, source=p.source or "replay",
                          status=status)
        if ingest_page(sf, page, parser).outcome is PageOutcome.NOTICE:
            read.append(p.url)
    return read


_PAGES, _SNAPSHOTS = Page.__table__.c, Snapshot.__table__.c
# The notice pages whose latest copy another parser read (or failed on), but those a person checked gone: asked every cycle, almost
# always of none, so built once (the expressions built per cycle were most of its cost; perf45)
_STALE = (select(_PAGES.url, _SNAPSHOTS.id, _PAGES.source, _SNAPSHOTS.parser_version, _SNAPSHOTS.parser_digest)
          .join(Snapshot.__table__, and_(_SNAPSHOTS.page_id == _PAGES.id, _SNAPSHOTS.sha256 == _PAGES.last_sha256))
          .where(_SNAPSHOTS.outcome.in_((PageOutcome.NOTICE.value, PageOutcome.ERROR.value)),
                 or_(_SNAPSHOTS.parser_digest.is_(None), _SNAPSHOTS.parser_digest != bindparam("digest")),
                 _PAGES.url.not_in(checked_gone()))
          .order_by(_PAGES.url))


def read_stale(sf: sessionmaker[Session], router: PageRouter, digest: str | None, seen: datetime | None = None) -> int:
    """Read again, from their stored bytes and with the fetch time of that copy, the notice pages whose latest copy
    another parser read and that the crawl did not ask again: a notice older than its source's recent pages
    re-checked (``revalidate``), bytes unchanged, kept the earlier parser's reading for good after an upgrade, so a
    parser fix never reached it and the upgraded store said what a fresh one does not (order44: ``b58a4b48`` -> main
    on mfa44's pages served as a site, 5 of 51 MFA notices; two lifts a fresh store reads stayed unresolved
    references). Asked after the crawl (the pages it re-checked are read already); nothing is due in a cycle whose
    parser read every stored page, one indexed query. Returns how many pages were read again.

    A page read again that cannot be stored (the page's transaction rolled back: its copy keeps the earlier parser's
    mark, so the next cycle tries again) or on which this parser fails (a parser error: no reading, the earlier one
    stands) is said, not passed over (order44's B, session 45: it was retried every cycle, said nowhere): an
    unusable-page issue for its URL, seen at ``seen`` (now), which ``status`` and ``/healthz`` report and which the
    copy read whole later resolves (the pipeline resolves that key); the other pages are read all the same, the cycle
    goes on. A copy a parser failed on is read again by the next parser (as a notice's copy is), so a fixed parser
    closes the issue. A fault of the store itself (full, read-only, gone) stops the cycle, as in the crawl."""
    with sf() as session:
        due = session.execute(_STALE, {"digest": digest or ""}).all()
    read = 0
    for url, snapshot_id, source, version, page_digest in due:
        parser = router.parser(url)
        if (version, page_digest) == (parser.version, parser.digest or None):
            continue
        with sf() as session:  # one copy's bytes at a time: a store of thousands of pages is not held in memory
            copy = session.scalars(select(Snapshot).where(Snapshot.id == snapshot_id)).one()
            raw, fetched_at, content_type, status = (snapshot_bytes(copy), as_utc(copy.fetched_at), copy.content_type,
                                                     copy.status)
            key = copy.notice_key
        page = saved_page(url, raw, fetched_at, content_type=content_type, source=source or "replay", status=status)
        result = ingest_page(sf, page, parser)
        read += 1
        if result.outcome is PageOutcome.ERROR:
            _not_read(sf, url, source or "replay", key, fetched_at, result, seen or datetime.now(UTC))
    return read


def _not_read(sf: sessionmaker[Session], url: str, source: str, key: str | None, fetched_at: datetime,
              result: PageResult, seen: datetime) -> None:
    """The unusable-page issue of a stored page :func:`read_stale` could not read again (its own transaction)."""
    stored = result.detail is not None and result.detail.startswith("not stored")
    what = f"a stored copy of {key}" if key else "a stored copy"
    then = ("could not be stored" if stored else "could not be read by this version's parser")
    again = ("it is read again each cycle" if stored else "the next version of the parser reads it again")
    detail = (f"{url}: {what} (fetched {fetched_at:%Y-%m-%d %H:%M} UTC, page SHA-256 {result.sha256}), read again by "
              f"this version's parser after an upgrade, {then} ({result.detail}): the reading of an earlier version "
              f"stands in the feeds; {again}")
    with sf() as session, session.begin():
        session.connection(execution_options=WRITE_LOCK)  # (it reads first: storage.db.WRITE_LOCK)
        record_issue(session, key=unusable_key(url), source=source, kind=HealthKind.UNUSABLE_PAGE, detail=detail,
                     seen_at=seen, url=url)
