"""The entity page (``/entity/<key>``) and the search results page: pure functions from data to bytes.

An entity page answers "is this company listed, where, since when, on whose word":
its names in both languages and every spelling seen, each list and instrument with its
state as of the day asked, the state picture, the event timeline, the official pages
and the stored snapshots they were read from, and the feeds to follow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from urllib.parse import quote, urlencode

from feeds.formats import BY_NAME
from feeds.picture import picture_title, render_svg
from mofcom_watch.server.data import REFUSED_NOTE, EntityView, Part
from mofcom_watch.server.pages import (
    AT_ROOT,
    FORMAT_TYPES,
    FUTURE_NOTE,
    ONE_DOWN,
    TIMELINE_DATED,
    Cell,
    countdown,
    entity_path,
    html_page,
    list_label,
    presumed_title,
    search_form,
    stacked_table,
    zh_marked,
)
from storage.bands import axis_for
from storage.names import TOO_SHORT, too_short
from storage.records import EventKind, PageCopy, Provenance
from storage.status import EntityHit, EntityListing, MatchKind
from storage.vocabulary import by_words, event_words, row_label, until_cell

MATCH_WORDS = {MatchKind.EXACT: "exact name", MatchKind.NORMALISED: "same name, written differently",
               MatchKind.FUZZY: "similar name", MatchKind.INSIDE: "a listed name inside the one searched for",
               MatchKind.HOLDS: "a listed name holding the one searched for"}


@dataclass(frozen=True)
class FeedLink:
    """One format of one feed, as the page links to it."""

    fmt: str  # atom | rss | json
    url: str

# A search the store could not answer (its database down or restarting): said so, and no "no match"
NO_ANSWER = ("No answer for {query}: the store could not be read just now, so whether a listed company or person matches is "
             "unknown; try again in a minute")
# ... and one serve refused at start: no retry helps until the store is mended and serve restarted
NO_ANSWER_REFUSED = ("No answer for {query}: the store was refused at start (above), so whether a listed company "
                     "or person matches is unknown until it is mended and serve restarted")


def evidence_path(key: str, as_of: date) -> str:
    """The entity's evidence pack (zip) as of a day, ``mofcom-watch evidence KEY --as-of D``'s bytes, from the site's
    root (``pages.entity_path``)."""
    return "entity/" + quote(key, safe="") + "/evidence.zip?" + urlencode({"as_of": as_of.isoformat()})


def snapshot_path(sha256: str) -> str:
    """A stored page from the site's root (``pages.entity_path``)."""
    return f"snapshot/{sha256}"


def _names(view: EntityView) -> str:
    tl = view.timeline
    rows = []
    if tl.en:
        rows.append(f"<tr><th>English</th><td>{escape(tl.en)}</td></tr>")
    if tl.zh:
        rows.append(f'<tr><th>Chinese</th><td lang="zh-CN">{escape(tl.zh)}</td></tr>')
    others = [n for n in tl.names if n not in (tl.en, tl.zh)]
    if others:
        spelled = "<br>".join(f'<span lang="{"zh-CN" if _cjk(n) else "en"}">{escape(n)}</span>' for n in others)
        rows.append(f"<tr><th>Also written</th><td>{spelled}</td></tr>")
    rows.append(f"<tr><th>Key</th><td><code>{escape(', '.join(tl.keys))}</code></td></tr>")
    return '<h2 id="names">Names</h2>\n<table><tbody>' + "".join(rows) + "</tbody></table>"


def _cjk(text: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in text)


def _instrument(listing: EntityListing) -> str:
    """Key and number, then who issued it (MFA / MOFCOM) and the role the notice gives a person."""
    number = f" {escape(listing.number)}" if listing.number else ""
    issuer = f'<br><span class="muted">issued by {escape(listing.ministry)}</span>' if listing.ministry else ""
    note = f'<br><span class="muted" lang="zh-CN">{escape(listing.note)}</span>' if listing.note else ""
    linked = f'<br><span class="muted">{escape(listing.linked)}</span>' if listing.linked else ""
    return f'<code>{escape(listing.notice_key)}</code><span lang="zh-CN">{number}</span>{issuer}{note}{linked}'


def _listings(view: EntityView, as_of: date) -> str:
    out = ['<h2 id="lists">Lists and instruments</h2>']
    if not view.timeline.listings:
        out.append(f'<p class="muted">Not on any list as of {as_of.isoformat()}.</p>')
        return "\n".join(out)
    cells: list[list[Cell]] = []
    for listing in view.timeline.listings:
        row = listing.state
        if row is None:
            state, since, until = '<span class="muted">not yet in effect</span>', "", ""
        else:
            label = row_label(row)
            words = by_words(row, listing.notice_key)
            by = f'<br><span class="muted">{escape(words)}</span>' if words else ""
            state = f'<span class="state-{escape(str(row.state))}">{escape(label)}</span>{by}'
            since = row.since.isoformat() if row.since else ""
            until = countdown(row, as_of)
        # the engine's problems on it (``EntityListing.problems``, what `status` exits 1 on): said, not a bare state
        state += "".join(f'<br><strong>problem:</strong> <span lang="zh-CN">{escape(p)}</span>' for p in listing.problems)
        cells.append([escape(list_label(listing.list, listing.issuer)), _instrument(listing), state,
                      (since, "d"), until])
    out.append(stacked_table(("List", "Instrument", "State", "Since", "Until"), cells))
    return "\n".join(out)


def _picture(view: EntityView, as_of: date, picture_url: str | None) -> str:
    out = ['<h2 id="picture">State over time</h2>']
    if not view.bands:
        out.append('<p class="muted">No state change known yet.</p>')
        return "\n".join(out)
    axis = axis_for(view.bands, as_of)
    title = picture_title(view.timeline.en or view.timeline.zh or view.timeline.keys[0], axis)
    out.append(f'<div class="picture">{render_svg(view.bands, axis, title=title, standalone=False)}</div>')
    if picture_url:
        out.append(f'<p><a href="{escape(picture_url, quote=True)}" type="image/svg+xml">The picture as an SVG file</a></p>')
    return "\n".join(out)


def _timeline(view: EntityView) -> str:
    out = ['<h2 id="timeline">Timeline</h2>']
    rows = [(e, listing) for listing in view.timeline.listings for e in listing.events]
    if not rows:
        out.append('<p class="muted">No events.</p>')
        return "\n".join(out)
    rows.sort(key=lambda r: (r[0].effective or date.min, r[0].occurred, r[0].id))
    cells: list[list[Cell]] = []
    for e, listing in rows:
        word = escape(event_words(e.kind, e.extra))
        # a lapse: its title says it is presumed and needs review, in red, once (wording30: the mark beside the
        # word said it a second time)
        title = (presumed_title(replace(e, presumed=True)) if e.presumed or e.kind is EventKind.SUSPENSION_LAPSED
                 else f'<span class="muted">{zh_marked(e.title)}</span>')
        cells.append([(e.effective.isoformat() if e.effective else "", "d"), f"{word}<br>{title}",
                      escape(list_label(listing.list, listing.issuer)),
                      (until_cell(e.kind, e.until, e.extra), "d"), f"<code>{escape(e.source_key or '')}</code>"])
    out.append(TIMELINE_DATED)
    out.append(stacked_table(("Effective", "Event", "List", "Until", "By"), cells))
    return "\n".join(out)


def _sources(sources: Sequence[Provenance], stored: frozenset[str]) -> str:
    out = ['<h2 id="sources">Sources</h2>']
    if not sources:
        out.append('<p class="muted">No notice recorded.</p>')
        return "\n".join(out)
    out.append("<p>The notices these states rest on: the official pages, and the copy stored when they were "
               "fetched (raw bytes; their SHA-256 is the one shown).</p><ul>")
    for p in sources:
        # a title that begins with the number ("商务部公告2025年第13号 公布将15家…") is not preceded by it again
        number = None if p.title and p.number and p.title.startswith(p.number) else p.number
        head = " ".join(x for x in (number, p.title if p.title and p.title != p.number else None) if x)
        # a notice at several URLs: each page with its own copy (``Provenance.copies``), as the feed items say it
        # (user46: two URLs of MOFCOM-2025-13 under one SHA-256, that of the first page only)
        copies = {c.url: c for c in p.copies}
        urls = "<br>".join(_page(u, copies.get(u), stored) for u in p.urls) or "none recorded"
        fetched = p.fetched_at.isoformat() if p.fetched_at else "unknown"
        snap = _snapshot(p.sha256, stored) if p.sha256 else "no snapshot recorded"
        same = [c.url for c in p.copies if c.sha256 is not None and (c.fetched_at, c.sha256) == (p.fetched_at, p.sha256)]
        read = f" (the copy read: that of {escape(' and '.join(same))})" if same else ""
        out.append(f'<li><strong lang="zh-CN">{escape(head or p.notice_key)}</strong> '
                   f"<code>{escape(p.notice_key)}</code><br>Official page{'s, each as fetched' if p.copies else ''}: "
                   f"{urls}<br>Fetched {escape(fetched)}; {snap}{read}</li>")
    out.append("</ul>")
    return "\n".join(out)


def _snapshot(sha256: str, stored: frozenset[str]) -> str:
    if sha256 in stored:
        return f'<a href="{ONE_DOWN}{snapshot_path(sha256)}">stored snapshot</a>, SHA-256 <code>{escape(sha256)}</code>'
    return f"SHA-256 <code>{escape(sha256)}</code>"


def _page(url: str, copy: PageCopy | None, stored: frozenset[str]) -> str:
    """One official page's link, and its own copy when the notice has several (``feeds.render._page``)."""
    link = f'<a href="{escape(url, quote=True)}">{escape(url)}</a>'
    if copy is None:
        return link
    if copy.sha256 is None:
        return f"{link} (no copy of this page stored)"
    fetched = copy.fetched_at.isoformat() if copy.fetched_at else "unknown"
    return f"{link} (fetched {escape(fetched)}; {_snapshot(copy.sha256, stored)})"


def _feeds(feeds: Sequence[FeedLink], name: str, person: bool = False) -> str:
    """Its feeds; "this person" for a person the MFA named (石平's page said "Follow this company", user41)."""
    out = [f'<h2 id="subscribe">Follow this {"person" if person else "company"}</h2>']
    if not feeds:
        out.append('<p class="muted">Its feed appears after the next cycle.</p>')
        return "\n".join(out)
    links = " ".join(f'<a href="{escape(f.url, quote=True)}" type="{FORMAT_TYPES[f.fmt]}">{BY_NAME[f.fmt].label}</a>'
                     for f in feeds)
    out.append(f"<p>Every change to {zh_marked(name)} on any list: {links}</p>")
    return "\n".join(out)




def standing_line(as_of: date) -> str:
    return f"<p>Its standing on China's MOFCOM and MFA lists as of <strong>{as_of.isoformat()}</strong>.</p>"


def render_entity_page(view: EntityView, as_of: date, feeds: Sequence[FeedLink], picture_url: str | None,
                       ahead: bool = False) -> bytes:
    """The entity's page as of ``as_of``; ``ahead``: a day after today (said so, as the CLI says it on stderr)."""
    tl = view.timeline
    name = tl.en or tl.zh or tl.keys[0]
    zh = f' <span lang="zh-CN">{escape(tl.zh)}</span>' if tl.en and tl.zh else ""
    asof_form = ('<form class="asof" method="get" action="">'
                 f'<label for="as_of">As of</label> <input type="date" id="as_of" name="as_of" '
                 f'value="{as_of.isoformat()}"> <button type="submit">Show</button></form>')
    body = "\n".join([
        f'<p><a href="{ONE_DOWN}">mofcom-watch</a></p>',
        f"<h1>{zh_marked(name)}{zh}</h1>",
        standing_line(as_of),
        *([FUTURE_NOTE] if ahead else []),
        asof_form,
        _names(view),
        _listings(view, as_of),
        _picture(view, as_of, picture_url),
        _timeline(view),
        _sources(view.sources, view.stored),
        f'<p><a href="{ONE_DOWN}{escape(evidence_path(tl.keys[0], as_of), quote=True)}">Evidence pack (zip)</a>: '
        "the timeline, every stored page it rests on, the feed items and a SHA-256 manifest, as of "
        f"{as_of.isoformat()}.</p>",
        _feeds(feeds, name, person=tl.type == "individual"),
        search_form(root=ONE_DOWN),
    ])
    head = "\n".join(f'<link rel="alternate" type="{FORMAT_TYPES[f.fmt]}" title="{escape(name)} ({f.fmt})" '
                     f'href="{escape(f.url, quote=True)}">' for f in feeds)
    return html_page(f"{name} - mofcom-watch", body, head, root=ONE_DOWN)


def render_search_page(query: str, part: Part, unread: Sequence[str] = ()) -> bytes:
    """``unread``: the lines saying pages are not read whole, whose entities no search finds (user43: "No listed
    company or person matches Hanwha" alone, Order 2025 No. 6 on Hanwha Ocean's subsidiaries read without names)."""
    hits = [h for h in part.rows if isinstance(h, EntityHit)]
    out = [f'<p><a href="{AT_ROOT}">mofcom-watch</a></p>', "<h1>Search</h1>", search_form(query)]
    if part.note:
        out.append(f'<p class="warn">{escape(part.note)}</p>')
    out.extend(f'<p class="warn">{escape(line)}</p>' for line in unread)
    if not hits and part.note:  # the store could not be read: no answer, never "no match" (a listed company was
        # reported unlisted while PostgreSQL restarted, HTTP 200; ops32)
        said = NO_ANSWER_REFUSED if part.note.startswith(REFUSED_NOTE) else NO_ANSWER
        out.append(f'<p class="bad">{escape(said.format(query=query))}</p>')
    elif not hits and too_short(query):  # matched as written only (`timeline` and `screen` say it so too): "a" listed
        # five "similar name, score 90" hits (user46)
        out.append(f"<p>No listed company or person is named <strong>{escape(query)}</strong>: "
                   f"{escape(TOO_SHORT.format(name=repr(query)))}.</p>")
    elif not hits:
        out.append(f"<p>No listed company or person matches <strong>{escape(query)}</strong>, exactly, written "
                   "differently or closely.</p>")
    else:
        # "company or person": the MFA lists people, and "1 company matches Yu Maochun" named 余茂春 (user42)
        out.append(f"<p>{len(hits)} listed {'company or person matches' if len(hits) == 1 else 'companies or people match'} "
                   f"<strong>{escape(query)}</strong>:</p><ul>")
        for h in hits:
            name = " / ".join(x for x in (h.en, h.zh) if x) or h.key
            how = MATCH_WORDS[h.match] + (f", score {h.score:g}" if h.match is MatchKind.FUZZY else "")
            how += ", review" if h.match in (MatchKind.INSIDE, MatchKind.HOLDS) else ""  # as screen's possible matches
            out.append(f'<li><a href="{entity_path(h.key)}">{zh_marked(name)}</a> '
                       f'<span class="muted">({escape(how)}: {escape(h.matched)})</span></li>')
        out.append("</ul>")
    return html_page(f"Search: {query} - mofcom-watch", "\n".join(out))


def render_not_found(what: str, detail: str, root: str = AT_ROOT) -> bytes:
    """A page saying what was not found; ``root``: its way to the site's root (``pages.ONE_DOWN`` under /entity/)."""
    body = (f'<p><a href="{root}">mofcom-watch</a></p><h1>{escape(what)}</h1><p>{escape(detail)}</p>'
            + search_form(root=root))
    return html_page(f"{what} - mofcom-watch", body, root=root)
