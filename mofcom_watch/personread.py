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

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mofcom_watch.pipeline import PageRouter, ingest_page, saved_page
from storage.models import Snapshot
from storage.outcomes import PageOutcome
from storage.reviews import person_read_pages
from storage.snapshots import snapshot_bytes
from storage.vocabulary import as_utc


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
