"""An evidence pack: what the tool knew about one entity, and when, as files an auditor can check.

:func:`pack_files` turns an :class:`Evidence` (read from the store by ``mofcom_watch.evidence``)
into named files plus a manifest, a pure function of its input: no wall clock, sorted names,
fixed JSON formatting, so the same store and as-of date give the same bytes. :func:`check_files`
checks them against the manifest. Reading the store and zipping happen at the edge.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from feeds.identity import entity_feed_name, item_id
from storage.csvcells import csv_text
from storage.records import EventRecord, ListKind, StatusRow
from storage.vocabulary import list_name, row_label

MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.sha256"  # sha256sum line of manifest.json: the manifest checks itself too
SUMMARY = "summary.html"
PACK_FORMAT = "mofcom-watch-evidence/1"
PDF_NOTE = ("No PDF copy: no PDF library is installed with this tool; this HTML page is the summary "
            "(print it to PDF if needed).")
EXTENSIONS = {"text/html": "html", "application/pdf": "pdf", "application/json": "json",
              "text/plain": "txt", "application/xml": "xml", "text/xml": "xml"}


@dataclass(frozen=True)
class StoredPage:
    """One stored snapshot of a page a notice rests on: raw bytes as fetched."""

    notice_key: str | None
    url: str
    fetched_at: datetime | None
    sha256: str
    status: int
    content_type: str | None
    encoding: str | None
    parser_version: str
    outcome: str
    body: bytes
    # a person accepted these bytes as the notice after review (``mofcom-watch accept``): who, when, what went
    accepted: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Standing:
    """The entity on one list under one notice (``storage.status.EntityListing``, as the pack needs it)."""

    notice_key: str
    number: str | None
    list: ListKind
    issuer: str | None
    state: StatusRow | None  # None: nothing took effect yet
    events: tuple[EventRecord, ...]


@dataclass(frozen=True)
class Evidence:
    """Everything a pack holds, before it becomes files."""

    as_of: date
    keys: tuple[str, ...]
    zh: str | None
    en: str | None
    names: tuple[str, ...]  # every spelling seen
    timeline: dict[str, Any]  # the timeline as ``timeline --json`` prints it
    listings: tuple[Standing, ...]
    items: tuple[EventRecord, ...]  # feed items about the entity, oldest first
    pages: tuple[StoredPage, ...]  # every stored snapshot of the notices it rests on
    tool_version: str
    parser_version: str


@dataclass(frozen=True)
class PackFile:
    name: str
    data: bytes


def pack_files(ev: Evidence) -> tuple[PackFile, ...]:
    """Every file of the pack, manifest last; names sorted within the content."""
    files = [PackFile("timeline.json", _json(dict(ev.timeline, as_of=ev.as_of.isoformat()))),
             PackFile("timeline.csv", _timeline_csv(ev.listings)),
             PackFile("feed-items.json", _json(_feed_items(ev))),
             PackFile(SUMMARY, _summary(ev).encode("utf-8"))]
    for page in ev.pages:
        stem = f"notices/{page.notice_key or 'unkeyed'}/{page.sha256}"
        files.append(PackFile(f"{stem}.{_extension(page.content_type)}", page.body))
        files.append(PackFile(f"{stem}.json", _json(_page_meta(page))))
    files.sort(key=lambda f: f.name)
    manifest = _json({
        "format": PACK_FORMAT,
        "tool": "mofcom-watch", "tool_version": ev.tool_version, "parser_version": ev.parser_version,
        "as_of": ev.as_of.isoformat(), "entity_keys": list(ev.keys),
        "files": [{"name": f.name, "sha256": sha256_hex(f.data), "size": len(f.data)} for f in files],
    })
    return (*files, PackFile(MANIFEST, manifest), PackFile(MANIFEST_SUM, manifest_sum_line(manifest)))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest_sum_line(manifest: bytes) -> bytes:
    """``sha256sum`` format, so ``sha256sum -c manifest.sha256`` works on an unpacked pack too."""
    return f"{sha256_hex(manifest)}  {MANIFEST}\n".encode("ascii")


def check_files(files: dict[str, bytes]) -> list[str]:
    """Every problem with a pack's files (empty: the pack is intact): the manifest, its own sum,
    each listed file's SHA-256 and size, and no file the manifest does not list."""
    manifest = files.get(MANIFEST)
    if manifest is None:
        return [f"{MANIFEST} is missing"]
    problems = []
    if files.get(MANIFEST_SUM) != manifest_sum_line(manifest):
        problems.append(f"{MANIFEST} does not match {MANIFEST_SUM}")
    try:
        listed = json.loads(manifest.decode("utf-8"))["files"]
        entries = {str(e["name"]): (str(e["sha256"]), int(e["size"])) for e in listed}
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        return [*problems, f"{MANIFEST} is not a valid manifest ({type(exc).__name__})"]
    for name, (digest, size) in sorted(entries.items()):
        data = files.get(name)
        if data is None:
            problems.append(f"{name}: listed in the manifest but missing")
        elif len(data) != size or sha256_hex(data) != digest:
            problems.append(f"{name}: SHA-256 differs from the manifest")
    for name in sorted(set(files) - set(entries) - {MANIFEST, MANIFEST_SUM}):
        problems.append(f"{name}: not listed in the manifest")
    return problems


# --- the files --------------------------------------------------------------------------------


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _extension(content_type: str | None) -> str:
    base = (content_type or "").split(";")[0].strip().lower()
    return EXTENSIONS.get(base, "bin")


def _page_meta(page: StoredPage) -> dict[str, Any]:
    return {"notice_key": page.notice_key, "url": page.url,
            "fetched_at": page.fetched_at.isoformat() if page.fetched_at else None,
            "sha256": page.sha256, "size": len(page.body), "http_status": page.status,
            "content_type": page.content_type, "encoding": page.encoding,
            "parser_version": page.parser_version, "outcome": page.outcome,
            **({"accepted_after_review": dict(page.accepted)} if page.accepted else {})}


def _feed_items(ev: Evidence) -> dict[str, Any]:
    feed = entity_feed_name(ev.keys[0]) if ev.keys else None
    return {"feed": feed, "items": [dict(e.to_json(), item_id=item_id(e.id)) for e in ev.items]}


TIMELINE_COLUMNS = ("notice_key", "number", "list", "issuer", "state_as_of", "since", "until", "event_date",
                    "event", "event_until", "by", "item_id", "state_meaning")


def _timeline_csv(listings: tuple[Standing, ...]) -> bytes:
    """One row per event (a listing with none: one row); cells a spreadsheet would run as formulas quoted. The last
    column says the state as status does (``row_label``: a lapse is "presumed back in force"): a spreadsheet reader
    takes "lapsed" alone for "no longer applies"."""
    rows = []
    for lst in listings:
        row = lst.state
        head = [lst.notice_key, lst.number or "", lst.list.value, lst.issuer or "",
                row.state.value if row else "", _iso(row.since if row else None), _iso(row.until if row else None)]
        meaning = row_label(row) if row else "not yet in effect"  # "lapsed" alone reads as ended: the words say
        for e in lst.events or (None,):
            rows.append(head + ([_iso(e.effective), e.kind.value, _iso(e.until), e.source_key or "", item_id(e.id)]
                                if e else ["", "", "", "", ""]) + [meaning])
    return csv_text(TIMELINE_COLUMNS, rows).encode("utf-8")


def _iso(value: date | datetime | None) -> str:
    return value.isoformat() if value else ""


def _reviewed(pages: list[StoredPage]) -> str:
    """The summary's section on copies a person accepted after review (none: no section), each said in words: who
    accepted which copy when, and what the notice no longer reads since (the acceptance's own record)."""
    if not pages:
        return ""
    e = html.escape
    said = []
    for p in pages:
        a = dict(p.accepted)
        said.append(f"<li>{e(a.get('accepted_at', ''))}: <strong>{e(a.get('accepted_by', 'someone'))}</strong> "
                    f"accepted the copy of {e(p.notice_key or '')} at {e(p.url)} (SHA-256 <code>{p.sha256}</code>). "
                    f"The record of it: {e(a.get('detail', ''))}.</li>")
    return ("<h2>Copies accepted after review</h2>\n<p>These copies read less than the copy stored before them (an "
            "entity, or an action's target, no longer read). mofcom-watch does not store such a copy by itself: a page "
            "cut short reads the same. A person reviewed each one and accepted it (<code>mofcom-watch accept</code>); "
            "the notice was read from it from then on, until a later copy, if any, replaced it. The copy it replaced "
            "is among the pages above.</p>\n"
            f"<ul>{''.join(said)}</ul>\n")


def _cited(items: tuple[EventRecord, ...]) -> dict[tuple[str, str, str], str]:
    """(notice key, URL, SHA-256) of each stored copy the items cite, with how: read (the notice's text is read from
    it) or the copy of that URL (``Provenance.copies``, a notice of several URLs). A notice of one URL: its copy read
    is that URL's."""
    cited: dict[tuple[str, str, str], str] = {}
    for item in items:
        for p in item.provenance:
            for c in p.copies:
                if c.sha256 is not None:
                    read = (c.fetched_at, c.sha256) == (p.fetched_at, p.sha256)
                    cited[(p.notice_key, c.url, c.sha256)] = "read from" if read else "this URL's copy"
            if (not p.copies or p.joined) and p.sha256 is not None:  # (joined: the copy read holds its pages)
                for url in p.urls:
                    cited.setdefault((p.notice_key, url, p.sha256), "read from")
    return cited


def _summary(ev: Evidence) -> str:
    e = html.escape
    name = " / ".join(x for x in (ev.en, ev.zh) if x) or ev.keys[0]
    standing = "".join(
        f"<tr><td>{e(list_name(lst.list))}</td><td>{e(lst.issuer or '')}</td>"
        f"<td>{e(lst.number or lst.notice_key)}</td>"
        f"<td>{e(row_label(lst.state)) if lst.state else 'not yet in effect'}</td>"
        f"<td>{_iso(lst.state.since) if lst.state else ''}</td><td>{_iso(lst.state.until) if lst.state else ''}</td></tr>"
        for lst in ev.listings)
    history = "".join(
        f"<tr><td>{_iso(x.effective)}</td><td>{e(x.title)}</td><td>{e(x.source_key or '')}</td></tr>"
        for x in ev.items)
    pages = sorted(ev.pages, key=lambda p: (p.fetched_at or datetime.min, p.notice_key or "", p.sha256))
    cited = _cited(ev.items)
    known = "".join(
        f"<tr><td>{e(p.notice_key or '')}</td><td>{_iso(p.fetched_at)}</td><td>{e(p.url)}</td>"
        f"<td><code>{p.sha256}</code></td><td>{e(p.outcome)}{', accepted after review' if p.accepted else ''}</td>"
        f"<td>{cited.get((p.notice_key or '', p.url, p.sha256), '')}</td></tr>"
        for p in pages)
    reviewed = _reviewed([p for p in pages if p.accepted])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence: {e(name)} as of {ev.as_of.isoformat()}</title>
<style>body{{font:14px/1.4 sans-serif;max-width:60em;margin:1em auto;padding:0 1em}}
table{{border-collapse:collapse;width:100%;margin-bottom:1em}}td,th{{border:1px solid #999;padding:2px 4px;
text-align:left;vertical-align:top;word-break:break-all}}code{{font-size:11px}}</style></head>
<body><h1>What mofcom-watch knew about {e(name)}, and when</h1>
<p>Entity key(s): {e(', '.join(ev.keys))}. Spellings seen: {e('; '.join(ev.names))}.
States are as of <strong>{ev.as_of.isoformat()}</strong>, derived from the stored notices by
mofcom-watch {e(ev.tool_version)} (parser version {e(ev.parser_version)}).</p>
<h2>Standing as of {ev.as_of.isoformat()}</h2>
<table><tr><th>List</th><th>Issuer</th><th>Instrument</th><th>State</th><th>Since</th><th>Until</th></tr>{standing}</table>
<h2>History (the feed items about this entity)</h2>
<table><tr><th>Effective</th><th>Item</th><th>By notice</th></tr>{history}</table>
<h2>The pages it rests on, as fetched</h2>
<p>Every stored snapshot of the notices above: when the tool fetched it, from where, and the SHA-256 of the
raw bytes (each is in this pack under <code>notices/</code>). The last column says which copies the feed items cite:
the copy a notice was read from, and, for a notice published at several URLs, the copy of each of its pages.</p>
<table><tr><th>Notice</th><th>Fetched (UTC)</th><th>URL</th><th>SHA-256</th><th>Outcome</th><th>The items cite it</th></tr>{known}</table>
{reviewed}<h2>Checking this pack</h2>
<p><code>manifest.json</code> lists every file with its SHA-256; <code>manifest.sha256</code> holds the
SHA-256 of the manifest itself. Run <code>mofcom-watch evidence --verify PACK.zip</code>, or unpack it and
run <code>sha256sum -c manifest.sha256</code> and compare each file with the manifest.</p>
<p>{e(PDF_NOTE)}</p>
</body></html>
"""

