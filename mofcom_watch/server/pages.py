"""The HTML front page and the OPML feed list: pure functions from data to bytes.

The pages' own links are relative (``search``, ``entity/skydio`` from the front page, ``../snapshot/…`` from an entity
page; paths here are said from the site's root, without a leading slash, and each page puts its way up before them),
so a site a reverse proxy serves under a path prefix (``https://example.org/mofcom/`` to ``/``) keeps its readers in
it: root-relative links (``/search``) led out of the prefix, to the proxy's own root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from html import escape
from typing import Mapping, Sequence
from urllib.parse import quote, urlencode
from xml.sax.saxutils import quoteattr

from feeds.formats import ATOM, BY_NAME, FORMATS, FeedFormat
from feeds.identity import ENTITY_FEED_DIR, entity_feed_name, notice_picture_name
from feeds.picture import ALL_PICTURE, picture_title, render_svg
from mofcom_watch.server.data import OpenIssue, Part, SourceHealth, failed_unsaid
from mofcom_watch.server.feedfiles import FeedFile, http_date
from scraper.sources.defaults import SOURCE_DESCRIPTIONS
from storage.bands import Band, axis_for
from storage.health import FAILING_RUNS
from storage.records import EventRecord, ListingState, ListKind, StatusRow
from storage.vocabulary import (
    PRESUMED,
    REVIEW_WORDS,
    WEB_SCHEMES,
    HealthKind,
    by_words,
    day_count,
    ministry_of,
    row_label,
    source_label,
    until_words,
    whose_list,
)

FORMAT_TYPES = {f.name: f.media_type for f in FORMATS}
OPML_FORMAT = ATOM  # /feeds.opml lists each feed once, in Atom; each other format has an OPML of its own
OPML_LISTS_GROUP = "mofcom-watch"
OPML_ENTITIES_GROUP = "mofcom-watch: one feed per company or person"
AT_ROOT = "./"  # the way to the site's root from a page at it ("/", "/search"): "./" itself is the front page
ONE_DOWN = "../"  # from a page one folder down ("/entity/<key>")
FEEDS_FOLDER = "feeds/"  # where serve serves the feeds folder, under the site's root (app.py's route)
ZH = "zh-CN"  # the lang of Chinese text on these English pages
HAN = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"  # CJK characters, their punctuation, full width forms
ZH_RUN_RE = re.compile(f"[{HAN}](?:[{HAN}0-9·・ ]*[{HAN}])?")  # a run of Chinese, with the numbers and dots inside it
FIRST_HAN = 0x2E80
CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em .5em;border-bottom:1px solid #eee;vertical-align:top}td.d{white-space:nowrap}
th{background:#f6f6f6}.muted{color:#777}.warn{color:#a40}.bad{color:#b00;font-weight:bold}.ok{color:#070}
.state-suspended{color:#a60}.state-lapsed{color:#b00;font-weight:bold}.state-in_force{color:#b00}.state-announced{color:#639;font-style:italic}
.countdown{white-space:nowrap;font-weight:bold}code{font-size:.9em}
td,li,p,code{overflow-wrap:break-word}
.picture svg{display:block;width:100%;max-width:46em;height:auto}
form.search{margin:1em 0}form.search input[type=search]{width:min(24em,60vw);font:inherit;padding:.2em .4em}
form.search button,form.asof button{font:inherit}
@media (max-width:48em){body{margin:1em auto;padding:0 .6em}code{overflow-wrap:anywhere}
table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block}
table.stack tr{border-bottom:1px solid #ccc;padding:.3em 0}table.stack td{border:0;padding:.1em 0}
table.stack td:empty{display:none}table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:bold;color:#555}}
"""


# what the dates of the two event tables mean: the front page's are the feed items' dates, an entity's timeline's the
# days the events take effect; both were headed "Date" alone, and an announced lifting showed 2025-11-05 on one page and
# 2025-11-10 on the other (web32)
EVENTS_DATED = ('<p class="muted">Newest first, dated as their feed items: the day the notice was published (a change '
                "announced for a later day says that day in its title), a countdown or a lapse on its own day.</p>")
TIMELINE_DATED = ('<p class="muted">Each event on the day it takes effect (a countdown on its own day); its feed item '
                  "is dated the day the notice was published.</p>")

FUTURE_NOTE = ("<p><strong>A day to come:</strong> what is shown is what the stored notices schedule for that day "
               "(a suspension that will lapse, an announced lifting), not what holds now; a notice published "
               "meanwhile can change it.</p>")
"""What `timeline --as-of` a later day says on stderr, said on a page for ``?as_of=`` a later day."""


@dataclass(frozen=True)
class PageContext:
    as_of: date
    feeds_base_url: str
    feeds: Sequence[FeedFile]
    states: Part
    events: Part
    sources: Part
    issues: Part
    last_cycle: datetime | None
    next_cycle: datetime | None = None
    bands: Part = Part(())  # storage.bands.Band: the picture rows
    ahead: bool = False  # ``as_of`` is a day to come (``?as_of=``): said so
    pictures: frozenset[str] = frozenset()  # names of the state pictures in the feeds folder
    warnings: Part = Part(())  # OpenIssue: the sources' warnings (an index out of its column), failing nothing
    problems: Part = Part(())  # str: the engine's problems no item tells, which `status` and `run` exit 1 on
    names: Mapping[str, str] = field(default_factory=dict)  # entity key -> its name: each listing's entities linked


def entity_path(key: str, as_of: date | None = None) -> str:
    """An entity's page from the site's root (``entity/<key>``; a page links it as ``root + entity_path(...)``), as of a
    day when given."""
    path = "entity/" + quote(key, safe="")
    return path + ("?" + urlencode({"as_of": as_of.isoformat()}) if as_of else "")


def feed_url(base: str, feed: FeedFile, fmt: str) -> str:
    """A feed file's public URL, non-ASCII percent-encoded as the feed's own self link (``feeds.identity.feed_url``):
    the OPML and the front page gave "…/entity/石平.atom", no URI, where the feed says "…/entity/%E7%9F%B3%E5%B9%B3.atom"."""
    return f"{base}{quote(f'{feed.name}.{fmt}')}"


def _fmt_time(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M %Z").strip() if moment else "never"


def list_label(lst: ListKind | None, issuer: str | None = None) -> str:
    """The list's name for a table cell ("Export control list"; "MFA countermeasure list" by the listing notice's
    ``issuer``, for a list both ministries keep)."""
    return whose_list(lst, ministry_of(issuer))


def presumed_title(e: EventRecord) -> str:
    """An item's title in a table, a presumption marked once: a title saying "needs review" itself (a lapse's) in red,
    else followed by the red mark."""
    if not e.presumed:
        return zh_marked(e.title)
    if REVIEW_WORDS in e.title:
        return f'<span class="bad">{zh_marked(e.title)}</span>'
    return f'{zh_marked(e.title)} <span class="bad">{escape(PRESUMED)}</span>'


def zh_marked(text: str) -> str:
    """``text`` escaped, each run of Chinese in it marked ``lang="zh-CN"`` (``商务部公告2025年第13号`` one run): on the
    page's ``lang="en"`` a screen reader read a Chinese name or notice number as English, and a browser may pick a
    Japanese glyph for it (web32: item titles, notice titles and a person's Chinese-only name were unmarked)."""
    if not any(ord(ch) >= FIRST_HAN for ch in text):
        return escape(text)
    out, last = [], 0
    for m in ZH_RUN_RE.finditer(text):
        out += [escape(text[last:m.start()]), f'<span lang="{ZH}">{escape(m.group())}</span>']
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _note(part: Part) -> str:
    return f'<p class="warn">{escape(part.note)}</p>' if part.note else ""


def countdown(row: StatusRow, as_of: date) -> str:
    """'ends 2026-11-10, 12 days left' for a suspension; the lapse for a lapsed one."""
    if row.until is None:
        return ""
    days = row.days_left if row.days_left is not None else (row.until - as_of).days
    iso = row.until.isoformat()
    if row.state == ListingState.SUSPENDED:
        left = "ends today" if days == 0 else f"{day_count(days)} left" if days > 0 else f"ended {day_count(-days)} ago"
        return (f'<span class="countdown" data-until="{iso}">{escape(left)}</span>'
                f' <span class="muted">(until <time datetime="{iso}">{until_words(row.until, row.lapses_on)}</time>)</span>')
    if row.state == ListingState.LAPSED:
        return f'<span class="muted">suspension ended <time datetime="{iso}">{iso}</time></span>'
    return f'<time datetime="{iso}">{iso}</time>'


Cell = str | tuple[str, str]  # HTML, or (HTML, CSS class)


def stacked_table(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """A table that a narrow screen shows row by row, each cell labelled with its header (CSS only)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for h, cell in zip(headers, row):
            html, cls = cell if isinstance(cell, tuple) else (cell, "")
            attr = f' class="{cls}"' if cls else ""
            cells.append(f'<td data-label="{escape(h, quote=True)}"{attr}>{html}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<table class="stack"><thead><tr>{head}</tr></thead><tbody>' + "".join(body) + "</tbody></table>"


def _states_section(ctx: PageContext) -> str:
    rows = [r for r in ctx.states.rows if isinstance(r, StatusRow)]
    out = [f"<h2 id=\"state\">State on {ctx.as_of.isoformat()}</h2>", _note(ctx.states)]
    if not rows:
        if not ctx.states.note:  # (not read: the note says so; "none" would be false)
            out.append('<p class="muted">No listings known yet.</p>')
        return "\n".join(out)
    # a notice read short of the count it states: "0" alone beside "公布将20家日本实体…" reads as a listing of no one
    short = {i.notice_key for i in ctx.issues.rows
             if isinstance(i, OpenIssue) and i.kind == HealthKind.COUNT_MISMATCH and i.notice_key}
    cells: list[list[Cell]] = []
    for r in rows:
        count = _entities(r, ctx.names)
        if r.notice_key in short:
            count += ('<br><span class="bad">not the count the notice states: see '
                      '<a href="#health">source health</a></span>')
        state = row_label(r)
        title = f'<br><span class="muted">{zh_marked(r.title)}</span>' if r.title and r.title != r.number else ""
        number = "" if r.title and r.number and r.title.startswith(r.number) else (r.number or "")
        by = f'<br><span class="muted">{escape(words)}</span>' if (words := by_words(r, r.notice_key)) else ""
        pic = notice_picture_name(r.notice_key)
        pic_link = (f' <a href="{escape(ctx.feeds_base_url + pic)}.svg" type="image/svg+xml">picture</a>'
                    if pic in ctx.pictures else "")
        cells.append([escape(list_label(r.list, r.issuer)),
                      f"<code>{escape(r.notice_key)}</code> {zh_marked(number)}{title}{pic_link}", count,
                      (f"{escape(state)}{by}", f"state-{escape(str(r.state))}"),
                      (escape(r.since.isoformat()) if r.since else "", "d"), countdown(r, ctx.as_of)])
    out.append(stacked_table(("List", "Notice", "Entities", "State", "Since", "Countdown"), cells))
    return "\n".join(out)


def _entities(row: StatusRow, names: Mapping[str, str]) -> str:
    """A listing's entity count, opening onto its entities' names, each linking its page: the front page linked no
    company's page, an officer reached one by search alone (web32)."""
    if not row.entity_keys or not names:
        return str(row.entity_count)
    links = ", ".join(f'<a href="{escape(AT_ROOT + entity_path(k))}">{zh_marked(names.get(k, k))}</a>'
                      for k in row.entity_keys)
    return f"<details><summary>{row.entity_count}</summary>{links}</details>"


def _events_section(ctx: PageContext) -> str:
    events = [e for e in ctx.events.rows if isinstance(e, EventRecord)]
    out = ['<h2 id="events">Latest events</h2>', _note(ctx.events)]
    if not events:
        if not ctx.events.note:  # (not read: the note says so; "none" would be false)
            out.append('<p class="muted">No events yet.</p>')
        return "\n".join(out)
    cells: list[list[Cell]] = []
    for e in events:
        zh = f'<br><span class="muted" lang="zh">{escape(e.title_zh)}</span>' if e.title_zh else ""
        # a presumption's title says "needs review" itself (a lapse's): marked, not said twice; else the mark says it
        issuer = next((p.issuer for p in e.provenance if p.notice_key == e.notice_key), None)
        cells.append([(e.occurred.date().isoformat(), "d"), f"{presumed_title(e)}{zh}",
                      escape(list_label(e.list, issuer))])
    out.append(EVENTS_DATED)
    out.append(stacked_table(("Dated", "Event", "List"), cells))
    return "\n".join(out)


def _last_cycle(ctx: PageContext) -> str:
    """When the last cycle finished; "unknown" when the store could not be read (not "never": ops32, PostgreSQL
    restarting)."""
    if ctx.last_cycle is None and ctx.sources.note:
        return "unknown (the store could not be read)"
    return _fmt_time(ctx.last_cycle)


def _health_section(ctx: PageContext) -> str:
    out = ['<h2 id="health">Source health</h2>',
           f"<p>Last cycle finished: <strong>{escape(_last_cycle(ctx))}</strong>"
           + (f" &middot; next cycle: {escape(_fmt_time(ctx.next_cycle))}" if ctx.next_cycle else "") + "</p>",
           _note(ctx.sources)]
    sources = [s for s in ctx.sources.rows if isinstance(s, SourceHealth)]
    if sources:
        cells: list[list[Cell]] = []
        for s in sources:
            result = ('<span class="ok">ok</span>' if s.ok else '<span class="bad">problems</span>' if s.watched
                      else '<span class="warn">problems (no longer watched: not configured now)</span>')
            cells.append([escape(source_label(s.source, SOURCE_DESCRIPTIONS)), escape(_fmt_time(s.finished_at)), result,
                          str(s.fetched), str(s.new),
                          str(s.failed)])
        out.append(stacked_table(("Source", "Last run", "Result", "Fetched", "New", "Failed"), cells))
    issues = [i for i in ctx.issues.rows if isinstance(i, OpenIssue)]
    out.append(_note(ctx.issues))
    out += _listed("bad", len(issues), "open problem", ":", [
        f"<li><strong>{escape(source_label(i.source, SOURCE_DESCRIPTIONS))}</strong> {escape(i.kind)}: "
        f"{escape(i.detail)}{_issue_link(i)}</li>" for i in issues])
    problems = [p for p in ctx.problems.rows if isinstance(p, str)]
    out.append(_note(ctx.problems))
    out += _listed("bad", len(problems), "problem", " in what the notices say (<code>status</code> exits 1 on them):",
                   [f'<li class="bad">{escape(p)}</li>' for p in problems])
    # a source whose last run failed, not yet an issue (one opens after 3 runs in a row): `status` says "LAST RUN FAILED"
    # and exits 1 on it, so the page must not say "No open problems." beside it (story32 S4)
    unsaid = failed_unsaid(ctx.sources, issues)
    out += _listed("bad", len(unsaid), "source", " whose last run could not fetch every page (an issue opens if it "
                   f"fails {FAILING_RUNS} runs in a row; <code>status</code> exits 1 on it now):", [
        f'<li class="bad"><strong>{escape(source_label(s.source, SOURCE_DESCRIPTIONS))}</strong>: {s.failed} page(s) '
        f"not fetched at {escape(_fmt_time(s.finished_at))}</li>" for s in unsaid])
    if sources and not issues and not problems and not unsaid:
        out.append('<p class="ok">No open problems.</p>')
    warnings = [w for w in ctx.warnings.rows if isinstance(w, OpenIssue)]
    out.append(_note(ctx.warnings))
    out += _listed("warn", len(warnings), "warning",
                   " (read right, failing nothing; each clears with the next run that does not see it):", [
        f'<li class="warn"><strong>{escape(source_label(w.source, SOURCE_DESCRIPTIONS))}</strong>: '
        f"{escape(w.detail)}{_issue_link(w)}</li>" for w in warnings])
    return "\n".join(out)


def _listed(css: str, n: int, noun: str, tail: str, items: list[str]) -> list[str]:
    """The lines of "3 open problems:" and their list; none for none. ``tail`` is HTML."""
    if not n:
        return []
    return [f'<p class="{css}">{n} {noun}{"s" if n != 1 else ""}{tail}</p><ul>', *items, "</ul>"]


def _issue_link(issue: OpenIssue) -> str:
    """The page an issue is about, as a link a browser can open; a replayed file's ``file:texts/…`` is none (the
    issue's text names it already): as a link it opened nothing, or a file of the reader's own (reader35)."""
    return f' <a href="{escape(issue.url)}">{escape(issue.url)}</a>' if issue.url and issue.url.startswith(WEB_SCHEMES) else ""


def _feeds_section(ctx: PageContext) -> str:
    others = ", ".join(f'<a href="{opml_link(f, AT_ROOT)}" type="text/x-opml">{f.label}</a>' for f in FORMATS
                       if f is not OPML_FORMAT)
    out = ['<h2 id="subscribe">Subscribe</h2>',
           f'<p>Point your feed reader at one of these, or import them all: <a href="{opml_link(OPML_FORMAT, AT_ROOT)}" '
           f'type="text/x-opml">OPML, each feed once in {OPML_FORMAT.label}</a> (the same in {others}). Import one '
           "of these files, not several: every format carries the same items.</p>"]
    if not ctx.feeds:
        out.append('<p class="muted">No feeds written yet: they appear after the first cycle.</p>')
        return "\n".join(out)
    cells: list[list[Cell]] = []
    for f in ctx.feeds:
        links = " ".join(f'<a href="{escape(feed_url(ctx.feeds_base_url, f, fmt))}" type="{FORMAT_TYPES[fmt]}">'
                         f"{BY_NAME[fmt].label}</a>" for fmt in f.formats)
        if f.picture:
            links += f' <a href="{escape(feed_url(ctx.feeds_base_url, f, "svg"))}" type="image/svg+xml">picture</a>'
        cells.append([zh_marked(f.title), f"<code>{escape(f.name)}</code>", links])
    out.append(stacked_table(("Feed", "Name", "Formats"), cells))
    return "\n".join(out)


def search_form(value: str = "", root: str = AT_ROOT) -> str:
    """A plain GET form: works without JavaScript. ``root``: the page's way to the site's root."""
    return (f'<form class="search" method="get" action="{root}search" role="search">'
            '<label for="q">Find a company or person</label> '  # the MFA names people (石平): "a company" hid them
            f'<input type="search" id="q" name="q" value="{escape(value, quote=True)}" '
            'placeholder="Skydio, 斯凯迪奥, 石平, ..." required> <button type="submit">Search</button></form>')


def _picture_section(ctx: PageContext) -> str:
    bands = [b for b in ctx.bands.rows if isinstance(b, Band)]
    out = ['<h2 id="picture">State over time</h2>', _note(ctx.bands)]
    if not bands:
        if not ctx.bands.note:  # (not read: the note says so; "none" would be false)
            out.append('<p class="muted">No listing known yet.</p>')
        return "\n".join(out)
    axis = axis_for(bands, ctx.as_of)
    out.append("<p>One row per notice and list, on one time axis; hover a stretch for its dates and notice.</p>")
    out.append(f'<div class="picture">{render_svg(bands, axis, title=picture_title("Every listing", axis), standalone=False)}</div>')
    if ALL_PICTURE in ctx.pictures:
        out.append(f'<p><a href="{escape(ctx.feeds_base_url + ALL_PICTURE)}.svg" type="image/svg+xml">'
                   "The picture as an SVG file</a> (as of the last published run)</p>")
    return "\n".join(out)


def alternate_links(feeds_base_url: str, feeds: Sequence[FeedFile]) -> str:
    return "\n".join(
        f'<link rel="alternate" type="{FORMAT_TYPES[fmt]}" title="{escape(f.title)} ({fmt})" '
        f'href="{escape(feed_url(feeds_base_url, f, fmt))}">'
        for f in feeds for fmt in f.formats
    )


def html_page(title: str, body: str, head: str = "", root: str = AT_ROOT) -> bytes:
    """The page around ``body``: one stylesheet, no script. ``root``: the page's way to the site's root."""
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="alternate" type="text/x-opml" title="All feeds (OPML)" href="{opml_link(OPML_FORMAT, root)}">
{head}
<style>{CSS}</style></head>
<body>
{body}
</body></html>
"""
    return page.encode("utf-8")


def render_front_page(ctx: PageContext) -> bytes:
    body = "\n".join([
        "<h1>mofcom-watch</h1>",
        f"<p>China's MOFCOM and MFA listings (export control, unreliable entity, watch and countermeasure lists, "
        f"dual-use item controls), as of "
        f"<strong>{ctx.as_of.isoformat()}</strong>.</p>",
        *([FUTURE_NOTE] if ctx.ahead else []),
        search_form(),
        _picture_section(ctx),
        _states_section(ctx),
        _events_section(ctx),
        _health_section(ctx),
        _feeds_section(ctx),
    ])
    return html_page("mofcom-watch", body, alternate_links(ctx.feeds_base_url, [f for f in ctx.feeds if not f.is_entity]))


def opml_path(fmt: FeedFormat) -> str:
    """Where the OPML of one format is served: ``/feeds.opml`` for Atom (:data:`OPML_FORMAT`), ``/feeds-rss.opml``
    and ``/feeds-json.opml`` for the others."""
    return "/feeds.opml" if fmt is OPML_FORMAT else f"/feeds-{fmt.name}.opml"


def opml_link(fmt: FeedFormat, root: str) -> str:
    """The link to :func:`opml_path` from a page whose way to the site's root is ``root``."""
    return root + opml_path(fmt).removeprefix("/")


def site_home(feeds_base_url: str, links_configured: bool, request_home: str) -> str:
    """The front page's absolute URL for the OPML's page links (a reader needs them absolute): with ``public_base_url``
    naming serve's own feeds folder (``…/feeds/``), the folder's parent, so behind a proxy's path prefix the pages keep
    it as the feeds do (the request's address, ``https://example.org/``, has lost it); otherwise the address the
    request came by (``request_home``), as before."""
    if links_configured and feeds_base_url.endswith("/" + FEEDS_FOLDER):
        return feeds_base_url.removesuffix(FEEDS_FOLDER)
    return request_home


def _outline_feed(feed: FeedFile, fmt: FeedFormat) -> str | None:
    """The format a feed is listed in by ``fmt``'s OPML: ``fmt``, or, in the Atom OPML, the first the folder holds (a
    feed with no Atom file is listed all the same); None: not listed there."""
    if fmt.name in feed.formats:
        return fmt.name
    return feed.formats[0] if fmt is OPML_FORMAT and feed.formats else None


def entity_page_url(feed: FeedFile, home_url: str) -> str | None:
    """The page of an entity feed's company (``/entity/<key>``), when its name gives the key back: a key that is no
    safe file name is a hash in the feed's name (``feeds.identity.entity_feed_name``), and has no page found so."""
    if not feed.is_entity:
        return None
    key = feed.name.removeprefix(ENTITY_FEED_DIR + "/")
    return home_url.rstrip("/") + "/" + entity_path(key) if entity_feed_name(key) == feed.name else None


def render_opml(feeds: Sequence[FeedFile], feeds_base_url: str, home_url: str, fmt: FeedFormat | None = None) -> bytes:
    """OPML 2.0 with one outline per feed, in one format (Atom unless ``fmt``): a reader importing it gets each item
    once, not once per format (the formats carry the same items); the lists' feeds in one group, the companies' in
    another; each company's outline links to its page. Dated by the newest feed, so the bytes are stable."""
    fmt = fmt or OPML_FORMAT
    created = http_date_from_mtime(max((f.mtime for f in feeds), default=0.0))
    groups = []
    for label, entity in ((OPML_LISTS_GROUP, False), (OPML_ENTITIES_GROUP, True)):
        items = []
        for f in feeds:
            suffix = _outline_feed(f, fmt) if f.is_entity is entity else None
            if suffix is None:
                continue
            page = entity_page_url(f, home_url) or home_url
            items.append(f'      <outline type="rss" version="{BY_NAME[suffix].opml_version}" text={quoteattr(f.title)} '
                         f"title={quoteattr(f.title)} xmlUrl={quoteattr(feed_url(feeds_base_url, f, suffix))} "
                         f"htmlUrl={quoteattr(page)}/>")
        if items:
            groups.append(f"    <outline text={quoteattr(f'{label} ({fmt.opml_label})')}>\n" + "\n".join(items)
                          + "\n    </outline>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n'
        f"    <title>mofcom-watch feeds ({fmt.opml_label})</title>\n"
        f"    <dateModified>{created}</dateModified>\n  </head>\n  <body>\n"
        + "\n".join(groups)
        + "\n  </body>\n</opml>\n"
    ).encode("utf-8")


def http_date_from_mtime(mtime: float) -> str:
    return http_date(datetime.fromtimestamp(mtime).astimezone())
