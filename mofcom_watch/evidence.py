"""Evidence packs at the edge: read one entity's facts from the store, zip them, check a zip.

The files themselves come from :func:`feeds.evidence.pack_files`; here the zip gets fixed
timestamps, order and compression, so equal files give equal bytes.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from feeds.evidence import Evidence, PackFile, Standing, StoredPage, check_files, pack_files
from mofcom_watch import __version__
from scraper.joined import split
from scraper.parse import PARSER_VERSION
from storage.models import Page, Snapshot
from storage.reviews import acceptances
from storage.snapshots import snapshot_bytes
from storage.status import entity_timeline, entity_timeline_by_key
from storage.vocabulary import JOINED_TYPE, naive_as_utc

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: never the wall clock
ZIP_MODE = 0o644 << 16  # -rw-r--r--, in the external attributes
UNIX = 3  # create_system
# What every zip we write starts with (a local file header; an empty zip: its end record). A file that does not, and
# that zipfile cannot read, is no pack at all (the CSV, a PDF): input, not a damaged pack.
ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06")
# What reading a damaged zip raises: a member whose compressed bytes changed fails in the decompressor (zlib.error for
# deflate, OSError for bzip2, LZMAError) before its CRC is checked (cli35: one byte flipped inside a member's deflate
# stream was "internal error: error: Error -3 while decompressing data", exit 4, where docs promise 1, damaged)
ZIP_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, zlib.error,
                   OSError, lzma.LZMAError)


class PackError(ValueError):
    """The file is not a readable zip."""


class NotAZip(PackError):
    """The file is no zip at all (it does not start as one): the wrong file given, not a pack that fails its check.
    ``evidence --verify`` exits 2 for it, 1 for a pack that is damaged or changed (cli30: both were 1)."""


def collect_evidence(session: Session, name_or_key: str, as_of: date, *, key_only: bool = False) -> Evidence | None:
    """The entity by exact key first, else (unless ``key_only``) by name as ``timeline`` matches it;
    None when unknown. Snapshots: every one stored for a notice its listings and items rest on."""
    tl = entity_timeline_by_key(session, name_or_key, as_of)
    if tl is None and not key_only:
        tl = entity_timeline(session, name_or_key, as_of)
    if tl is None:
        return None
    items = tuple(sorted({e.id: e for lst in tl.listings for e in lst.events}.values(),
                         key=lambda e: (e.occurred, e.effective or date.min, e.id)))
    provenance = [p for e in items for p in e.provenance]
    notice_keys = sorted({lst.notice_key for lst in tl.listings} | {p.notice_key for p in provenance}
                         | {e.source_key for e in items if e.source_key})
    urls = sorted({u for p in provenance for u in p.urls})
    rows = session.scalars(select(Snapshot).join(Page, Snapshot.page_id == Page.id)
                           .where(Snapshot.notice_key.in_(notice_keys) | Page.url.in_(urls))).all()
    accepted = {(a.notice_key, a.url, a.sha256): (("accepted_by", a.accepted_by), ("accepted_at", a.accepted_at.isoformat()),
                                                  ("detail", a.detail))
                for a in acceptances(session) if a.notice_key in notice_keys}
    stored = [StoredPage(s.notice_key, s.page.url, naive_as_utc(s.fetched_at), s.sha256, s.status, s.content_type,
                         s.encoding, s.parser_version, s.outcome, snapshot_bytes(s),
                         accepted.get((s.notice_key, s.page.url, s.sha256), ())) for s in rows]
    held = {(p.notice_key, p.url, p.sha256) for p in stored}
    stored.extend(page for p in stored if p.content_type == JOINED_TYPE for page in _joined_pages(p, held))
    pages = tuple(sorted(stored, key=lambda p: (p.notice_key or "", p.url, p.sha256)))
    listings = tuple(Standing(x.notice_key, x.number, x.list, x.issuer, x.state, x.events) for x in tl.listings)
    return Evidence(as_of, tl.keys, tl.zh, tl.en, tl.names, tl.to_json(), listings, items, pages,
                    tool_version=__version__, parser_version=PARSER_VERSION)


JOINED_PAGE = "a page of the joined copy"  # the outcome said of a page cut from a joined copy (_joined_pages)


def _joined_pages(joined: StoredPage, held: set[tuple[str | None, str, str]]) -> list[StoredPage]:
    """Each page of a joined copy (``scraper.joined``: a notice read over several pages) that no stored copy in the
    pack already holds, as a page of its own, cut from it: its first page always (stored only inside the joined
    copy). An item cites each page by its own SHA-256 (``storage.notices.stored_notice``): each is then a file of the
    pack with that SHA-256, not only bytes inside the joined copy's file (review52)."""
    try:
        parts = split(joined.body)
    except ValueError:  # (a damaged joined copy: the pack holds it as stored)
        return []
    found = []
    for part in parts:
        if (joined.notice_key, part.url, part.sha256) not in held:
            held.add((joined.notice_key, part.url, part.sha256))
            found.append(StoredPage(joined.notice_key, part.url, joined.fetched_at, part.sha256, joined.status,
                                    part.content_type, None, joined.parser_version, JOINED_PAGE, part.body))
    return found


def build_pack(session: Session, name_or_key: str, as_of: date, *, key_only: bool = False) -> bytes | None:
    """The zip bytes of one entity's pack, or None for an unknown entity (CLI and server share it)."""
    ev = collect_evidence(session, name_or_key, as_of, key_only=key_only)
    return None if ev is None else zip_bytes(pack_files(ev))


def zip_bytes(files: Sequence[PackFile]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for f in files:
            info = zipfile.ZipInfo(f.name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = UNIX
            info.external_attr = ZIP_MODE
            zf.writestr(info, f.data, compresslevel=9)
    return buf.getvalue()


def read_zip(data: bytes) -> dict[str, bytes]:
    """Every member's bytes; :class:`PackError` for a file that is not a zip or fails its CRC."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            # a folder's own entry holds no file: a pack unzipped and zipped again (`zip -r`, an archive tool) has
            # them, and verify called them extra files (docs33)
            names = [i.filename for i in zf.infolist() if not (i.is_dir() and i.file_size == 0)]
            if len(set(names)) != len(names):
                raise PackError("the zip holds two members with the same name")
            return {name: zf.read(name) for name in names}
    except PackError:
        raise
    except ZIP_READ_ERRORS as exc:
        if not data.startswith(ZIP_STARTS):
            raise NotAZip(f"not a zip file ({exc}): an evidence pack is the .zip 'mofcom-watch evidence' wrote") from exc
        raise PackError(f"not a readable zip ({exc})") from exc


def verify_zip(data: bytes) -> list[str]:
    """Problems found in a pack; empty when every file matches the manifest. A file that is no zip at all raises
    :class:`NotAZip`; a zip cut short or failing its CRC is a problem, as a changed member is."""
    try:
        return check_files(read_zip(data))
    except NotAZip:
        raise
    except PackError as exc:
        return [str(exc)]
