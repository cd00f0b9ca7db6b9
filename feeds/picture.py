"""State pictures: bands over one shared time axis as a self-contained SVG. Pure.

One row per band: a label line, then a bar cut into segments, one per state. Each
state has a colour *and* a pattern (and a word inside the segment when it fits), so
the picture reads in greyscale and in print; every segment, change mark and row has
a ``<title>`` tooltip. Change dates are ticked on the bar (labelled under it where
they do not collide), a suspension's last day (the lapse the next day) is a bracket, the as-of day is a
dashed line with what lies after it shaded, and a legend closes the picture.

The same text is a standalone ``.svg`` file next to the feeds and is inlined in the
web pages: no script, no external reference, deterministic (same bands, same bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from xml.sax.saxutils import escape

from feeds.identity import entity_feed_name, notice_picture_name
from storage.bands import Axis, Band, Change, Segment, axis_for, bands_by_entity, listing_bands
from storage.records import EventRecord, EventScope, ListingState, ListKind
from storage.vocabulary import LISTS, STATE_LABELS, list_name

WIDTH = 520  # viewBox units; the picture scales to its container (readable at 390 px wide)
MARGIN = 8
FONT = 12
CHAR_W = 6.6  # average width of a Latin character at FONT, for fitting text
CJK_W = 12.0  # width of a CJK character at FONT
LABEL_H = 16  # the row's label line
BAR_H = 18
DATES_H = 14  # the change dates under a bar
ROW_GAP = 8
AXIS_Y = 20  # the axis line; the as-of label above it, month and year labels below
AXIS_H = 42  # where the rows start
LEGEND_ROW_H = 20

@dataclass(frozen=True)
class StateStyle:
    state: ListingState
    fill: str
    ink: str  # pattern strokes
    pattern: str  # solid | hatch | dots | cross | lines | none
    text: str  # colour of the word inside the segment

    @property
    def label(self) -> str:
        """The word drawn in the segment and in the legend: the state's one label."""
        return STATE_LABELS[self.state]


# Every state a change can leave entities in (storage.lifecycle.EVENT_STATES); not ANNOUNCED, a status row's word
# for a listing with nothing in effect yet: its coming change is drawn as itself, beyond the as-of line.
STYLES = {
    ListingState.IN_FORCE: StateStyle(ListingState.IN_FORCE, "#b2182b", "#b2182b", "solid", "#ffffff"),
    ListingState.SUSPENDED: StateStyle(ListingState.SUSPENDED, "#fee0b6", "#b35806", "hatch", "#3b1d00"),
    ListingState.LAPSED: StateStyle(ListingState.LAPSED, "#f4a6a6", "#8b0000", "dots", "#3a0000"),
    ListingState.LIFTED: StateStyle(ListingState.LIFTED, "#e5f5e0", "#31a354", "none", "#0b3d16"),
    ListingState.REMOVED: StateStyle(ListingState.REMOVED, "#eeeeee", "#777777", "lines", "#222222"),
    ListingState.INVESTIGATION: StateStyle(ListingState.INVESTIGATION, "#e7d4e8", "#762a83", "cross", "#2d0b33"),
}
LEGEND_ORDER = (ListingState.IN_FORCE, ListingState.SUSPENDED, ListingState.LAPSED, ListingState.LIFTED,
                ListingState.REMOVED, ListingState.INVESTIGATION)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@lru_cache(maxsize=4096)
def text_width(text: str, size: float = FONT) -> float:
    """An estimate of the drawn width (no font metrics here): CJK characters are square. Kept per text: a picture
    measures the same dates, state words and legend again and again (~3% of a publish, session 56)."""
    return sum(CJK_W if ord(ch) > 0x2E80 else CHAR_W for ch in text) * size / FONT


def band_label(band: Band) -> str:
    """"商务部公告2025年第21号 · export control list · 16 entities" (or "3 of 16 entities")."""
    return "".join(_label_parts(band))


def _label_parts(band: Band) -> tuple[str, str]:
    """:func:`band_label` as (notice and list, " · 16 entities")."""
    who = ""
    if band.entity_keys:
        n = len(band.entity_keys)
        noun = "entity" if band.of_entities == 1 else "entities"
        who = f" · {n} {noun}" if n == band.of_entities else f" · {n} of {band.of_entities} {noun}"
    return f"{band.number or band.notice_key} · {list_name(band.list)}", who


# A row's state in fewer words, where its label and the state's one label do not fit on the line (reader37: a lapsed
# row, the state a reader most needs, lost its word on every long label; the tooltip and the legend say it in full).
SHORT_STATE = {ListingState.LAPSED: ("lapsed, needs review", "lapsed"), ListingState.INVESTIGATION: ("investigation",)}


def state_word(change: Change) -> str:
    """The words for the state ``change`` leaves: the engine's own where it gave some (an investigation ended is
    "investigation closed (not a listing)", not "lifted", as status and the items say), else the state's one label."""
    return change.words or STYLES[change.state].label


def _heading(band: Band, change: Change | None) -> tuple[str, str]:
    """The row's label and its state on the as-of day (" · " and the state's label from storage.vocabulary), fitting the
    line: without its count (the state matters more), then the state in fewer words, else the label alone."""
    head, who = _label_parts(band)
    state = change.state if change else None
    shorter = (change.words.split(" (")[0], change.words.split(" (")[0].split()[-1]) if change and change.words else ()
    words = [state_word(change), *shorter, *SHORT_STATE.get(state, ())] if change and state else ["not yet in effect"]
    for word in words:
        for label in (head + who, head):
            if text_width(f"{label} · {word}") <= WIDTH - 2 * MARGIN:
                return label, f" · {word}"
    return head + who, ""  # the tooltip and the bar say it


def _pattern(state: ListingState, style: StateStyle) -> str:
    pid = f"mw-{state.value}"
    head = f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">'
    bg = f'<rect width="6" height="6" fill="{style.fill}"/>'
    ink = style.ink
    marks = {
        "hatch": f'<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{ink}" stroke-width="1.2"/>',
        "dots": f'<circle cx="3" cy="3" r="1.3" fill="{ink}"/>',
        "cross": f'<path d="M0,0 l6,6 M6,0 l-6,6" stroke="{ink}" stroke-width="0.9"/>',
        "lines": f'<path d="M0,3 h6" stroke="{ink}" stroke-width="1"/>',
    }.get(style.pattern, "")
    return f"{head}{bg}{marks}</pattern>"


def _fill(state: ListingState) -> str:
    style = STYLES[state]
    return style.fill if style.pattern in ("solid", "none") else f"url(#mw-{state.value})"


class _Scale:
    def __init__(self, axis: Axis) -> None:
        self.axis = axis
        self.x0 = MARGIN
        self.w = WIDTH - 2 * MARGIN

    def x(self, day: date) -> float:
        frac = (day - self.axis.start).days / self.axis.days
        return round(self.x0 + self.w * min(max(frac, 0.0), 1.0), 1)


def _span(start: date, end: date, until: date | None) -> str:
    """A stretch by its last day, included, as every item says a suspension's end ("until 2026-11-10 inclusive");
    ``end`` is the day the next state begins, ``until`` a suspension's lapse day (user43: "suspended, 2025-11-10
    to 2026-11-11" beside "until 2026-11-10 inclusive"). A next period that begins on the suspension's own last
    day ("自8月12日起") leaves that day the suspension's."""
    last = end if until is not None and until - timedelta(days=1) == end else end - timedelta(days=1)
    if last <= start:
        return f"on {start.isoformat()}"
    return f"{start.isoformat()} to {last.isoformat()} inclusive"


def _segment(seg: Segment, sc: _Scale, y: float, as_of: date) -> str:
    x1, x2 = sc.x(seg.start), sc.x(seg.end)
    style = STYLES[seg.state]
    c = seg.change
    span = _span(seg.start, seg.end, c.until) if seg.end < sc.axis.end else f"from {seg.start.isoformat()}"
    tip = f"{state_word(c)}, {span}: {c.title}" + (f" (by {c.by})" if c.by else "")
    if seg.start > as_of:
        tip += f"; announced, not yet in effect on {as_of.isoformat()}"
    out = [f'<g><title>{escape(tip)}</title>'
           f'<rect x="{x1}" y="{y}" width="{round(x2 - x1, 1)}" height="{BAR_H}" fill="{_fill(seg.state)}" '
           f'stroke="{style.ink}" stroke-width="0.8"/>']
    word = state_word(c)
    if text_width(word, FONT - 1) + 8 > x2 - x1 and c.words:
        word = c.words.split(" (")[0]  # "investigation closed": never the state's "lifted" it was given instead of
    if text_width(word, FONT - 1) + 8 > x2 - x1 and seg.state is ListingState.LAPSED:
        word = "lapsed"
    if text_width(word, FONT - 1) + 8 <= x2 - x1:
        out.append(f'<text x="{round(x1 + 4, 1)}" y="{y + BAR_H - 5}" fill="{style.text}" class="mw-w">'
                   f"{escape(word)}</text>")
    out.append("</g>")
    return "".join(out)


def _row(band: Band, sc: _Scale, y: float) -> str:
    axis = sc.axis
    change = band.change_on(axis.as_of)
    now = f"{state_word(change)} on {axis.as_of.isoformat()}" if change else f"not yet in effect on {axis.as_of.isoformat()}"
    keys = f"; entities: {', '.join(band.entity_keys)}" if band.entity_keys and len(band.entity_keys) <= 40 else ""
    label, shown = _heading(band, change)
    out = [f'<g class="mw-row"><title>{escape(f"{band.notice_key}: {band_label(band)}: {now}{keys}")}</title>',
           f'<text x="{MARGIN}" y="{y + FONT}" class="mw-l">{escape(label)}'
           f'<tspan class="mw-now">{escape(shown)}</tspan></text>']
    bar_y = y + LABEL_H
    out.extend(_segment(s, sc, bar_y, axis.as_of) for s in band.segments(axis.end))
    last_label_end = -1.0
    for c in band.changes:
        x = sc.x(c.day)
        tip = f"{c.day.isoformat()}: {c.title}"
        out.append(f'<g><title>{escape(tip)}</title><path d="M{x},{bar_y - 3} v{BAR_H + 6}" stroke="#000" '
                   f'stroke-width="1.6"/></g>')
        text = c.day.isoformat()
        w = text_width(text, FONT - 2)
        left = min(max(x - w / 2, MARGIN), WIDTH - MARGIN - w)
        if left > last_label_end + 4:
            out.append(f'<text x="{round(left, 1)}" y="{bar_y + BAR_H + 11}" class="mw-d">{text}</text>')
            last_label_end = left + w
    for c in band.changes:
        if c.until and c.state is ListingState.SUSPENDED and c.until not in {x.day for x in band.changes}:
            x = sc.x(c.until)  # drawn where the last day ends: the lapse is the next day (session 42)
            tip = f"suspension set to run through {(c.until - timedelta(days=1)).isoformat()} inclusive (set by {c.by})"
            out.append(f'<g><title>{escape(tip)}</title><path d="M{x - 4},{bar_y - 3} h4 v{BAR_H + 6} h-4" '
                       f'fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="2,1"/></g>')
    out.append("</g>")
    return "".join(out)


def _axis(sc: _Scale, y: float, bottom: float) -> str:
    """Month ticks, year labels (and quarter months where there is room), the as-of line."""
    axis = sc.axis
    out = [_ticks(axis, y)]
    _as_of_line(sc, y, bottom, out)
    return "".join(out)


MIN_MONTH_PX = 2.0  # months narrower than this are not ticked: the axis counts years (a span of about 21 years or more)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
YEAR_LABEL_PX = 30.0  # room for a year's label ("2025" at FONT - 1) and a gap


@lru_cache(maxsize=8)  # a few spans: one string per span, long for a long one
def _ticks(axis: Axis, y: float) -> str:
    """The axis line with its month ticks and labels: the same for every picture on the same span
    (the entities of one listing), so made once per span. A span too long for month ticks (a date misread
    centuries off would stretch every picture of its listing) counts years in steps that leave room for their
    labels: the axis stays readable and a few kilobytes whatever the span."""
    sc = _Scale(axis)
    out = [f'<path d="M{MARGIN},{y} H{WIDTH - MARGIN}" stroke="#444" stroke-width="1"/>']
    month_px = sc.w * 30.4 / axis.days
    if month_px < MIN_MONTH_PX:
        _year_ticks(sc, y, out)
        return "".join(out)
    d = date(axis.start.year, axis.start.month, 1)
    while d <= axis.end:
        if d >= axis.start:
            x = sc.x(d)
            major = d.month == 1
            out.append(f'<path d="M{x},{y} v{7 if major else 3}" stroke="#444" stroke-width="{1.2 if major else 0.6}"/>')
            if major or (month_px >= 14 and d.month in (4, 7, 10)) or month_px >= 34:
                label = str(d.year) if major else MONTHS[d.month - 1]
                if x + text_width(label, FONT - 1) <= WIDTH - MARGIN:
                    out.append(f'<text x="{x + 2}" y="{y + 13}" class="{"mw-y" if major else "mw-m"}">{label}</text>')
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return "".join(out)


def _year_ticks(sc: _Scale, y: float, out: list[str]) -> None:
    """Labelled ticks every ``step`` years (the first of YEAR_STEPS whose labels do not collide), a small tick
    every year between them when years are at least 4 units apart."""
    axis = sc.axis
    year_px = sc.w * 365.25 / axis.days
    step = next((k for k in YEAR_STEPS if k * year_px >= YEAR_LABEL_PX), YEAR_STEPS[-1])
    minor = 1 if year_px >= 4 else step
    first = -(-axis.start.year // minor) * minor  # the first multiple of ``minor`` on the axis
    for year in range(max(first, 1), min(axis.end.year, 9999) + 1, minor):
        d = date(year, 1, 1)
        if d < axis.start or d > axis.end:
            continue
        x = sc.x(d)
        major = year % step == 0
        out.append(f'<path d="M{x},{y} v{7 if major else 3}" stroke="#444" stroke-width="{1.2 if major else 0.6}"/>')
        if major and x + text_width(str(year), FONT - 1) <= WIDTH - MARGIN:
            out.append(f'<text x="{x + 2}" y="{y + 13}" class="mw-y">{year}</text>')


def _as_of_line(sc: _Scale, y: float, bottom: float, out: list[str]) -> None:
    axis = sc.axis
    xa = sc.x(axis.as_of)
    top = y - 4
    out.append(f'<rect x="{xa}" y="{top}" width="{round(WIDTH - MARGIN - xa, 1)}" height="{round(bottom - top, 1)}" '
               f'fill="#000" fill-opacity="0.06"><title>after {axis.as_of.isoformat()}: announced, not yet in '
               f"effect</title></rect>")
    out.append(f'<g><title>as of {axis.as_of.isoformat()}</title><path d="M{xa},{top} V{bottom}" stroke="#000" '
               f'stroke-width="1.4" stroke-dasharray="5,3"/></g>')
    label = f"as of {axis.as_of.isoformat()}"
    w = text_width(label, FONT - 1)
    lx = min(max(xa - w / 2, MARGIN), WIDTH - MARGIN - w)
    out.append(f'<text x="{round(lx, 1)}" y="{top - 4}" class="mw-a">{label}</text>')


def _legend(y: float) -> tuple[str, float]:
    """Swatch + word per state, wrapped to the width, then the marks; returns (svg, height)."""
    items = [(f'<rect width="22" height="12" fill="{_fill(s)}" stroke="{STYLES[s].ink}" stroke-width="0.8"/>',
              STYLES[s].label) for s in LEGEND_ORDER]
    items += [('<path d="M11,-2 v16" stroke="#000" stroke-width="1.6"/>', "change (date below)"),
              ('<path d="M7,-2 h4 v16 h-4" fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="2,1"/>',
               "last day of a suspension"),
              ('<path d="M11,-2 v16" stroke="#000" stroke-width="1.4" stroke-dasharray="5,3"/>', "as-of day")]
    out, x, row = ['<g class="mw-legend">'], float(MARGIN), 0
    for swatch, word in items:
        w = 28 + text_width(word, FONT - 2) + 14
        if x + w > WIDTH - MARGIN and x > MARGIN:
            x, row = float(MARGIN), row + 1
        yy = y + row * LEGEND_ROW_H
        out.append(f'<g transform="translate({round(x, 1)},{yy})">{swatch}'
                   f'<text x="28" y="10" class="mw-d">{escape(word)}</text></g>')
        x += w
    out.append("</g>")
    return "".join(out), (row + 1) * LEGEND_ROW_H


STYLE = (f".mw-l{{font:bold {FONT}px sans-serif;fill:#111}}.mw-now{{font-weight:normal;fill:#333}}"
         f".mw-w{{font:{FONT - 1}px sans-serif;paint-order:stroke;stroke:none}}"
         f".mw-d,.mw-m{{font:{FONT - 2}px sans-serif;fill:#333}}.mw-y{{font:bold {FONT - 1}px sans-serif;fill:#111}}"
         f".mw-a{{font:bold {FONT - 1}px sans-serif;fill:#000}}")


def render_svg(bands: Sequence[Band], axis: Axis, *, title: str, standalone: bool = True) -> str:
    """The picture of ``bands`` on ``axis``; ``standalone`` adds the XML declaration (for files)."""
    sc = _Scale(axis)
    rows_top = AXIS_H
    row_h = LABEL_H + BAR_H + DATES_H + ROW_GAP
    rows = [_row(b, sc, rows_top + i * row_h) for i, b in enumerate(bands)]
    if not bands:
        rows.append(f'<text x="{MARGIN}" y="{rows_top + FONT}" class="mw-l">No listing known as of '
                    f"{axis.as_of.isoformat()}.</text>")
    bottom = rows_top + max(len(bands), 1) * row_h
    legend, legend_h = _legend(bottom + 6)
    height = round(bottom + 6 + legend_h + 4)
    desc = (f"{len(bands)} row{'s' if len(bands) != 1 else ''} of state over time, "
            f"{axis.start.isoformat()} to {axis.end.isoformat()}, as of {axis.as_of.isoformat()}")
    patterns = "".join(_pattern(s, STYLES[s]) for s in LEGEND_ORDER if STYLES[s].pattern not in ("solid", "none"))
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="mw-title mw-desc" class="mw-picture">'
        f'<title id="mw-title">{escape(title)}</title><desc id="mw-desc">{escape(desc)}</desc>'
        f"<style>{STYLE}</style><defs>{patterns}</defs>"
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>'
        + _axis(sc, AXIS_Y, bottom)
        + "".join(rows)
        + legend
        + "</svg>\n"
    )


def picture_title(what: str, axis: Axis) -> str:
    return f"{what}: state over time, as of {axis.as_of.isoformat()}"


@dataclass(frozen=True)
class PictureFile:
    """One picture, written as ``<name>.svg`` next to the feed of the same name."""

    name: str  # "all", "ecl", "notice/MOFCOM-2025-21", "entity/skydio"
    svg: bytes


ALL_PICTURE = "all"


def picture(name: str, what: str, bands: Sequence[Band], as_of: date) -> PictureFile:
    axis = axis_for(bands, as_of)
    return PictureFile(name, render_svg(bands, axis, title=picture_title(what, axis)).encode("utf-8"))


def build_pictures(events: Sequence[EventRecord], as_of: date) -> list[PictureFile]:
    """Every picture for these events: all listings, one per list, one per notice, one per entity.

    Each has its own time axis; the rows within one picture share it. (``publish`` makes the same
    pictures a notice and an entity at a time, see :mod:`mofcom_watch.publisher`.)
    """
    bands = listing_bands(events)
    out = overview_pictures(bands, as_of)
    by_notice: dict[str, list[Band]] = {}
    for b in bands:
        by_notice.setdefault(b.notice_key, []).append(b)
    out.extend(notice_picture(key, mine, as_of) for key, mine in sorted(by_notice.items()))
    names = _entity_names(events)
    for key, mine_t in bands_by_entity(events).items():
        out.append(entity_picture(key, names.get(key, key), mine_t, as_of))
    return out


def overview_pictures(bands: Sequence[Band], as_of: date) -> list[PictureFile]:
    """The picture of every listing, and one per list that has any (``bands`` in band order)."""
    out = [picture(ALL_PICTURE, "Every listing", bands, as_of)]
    for lst in ListKind:
        mine = [b for b in bands if b.list is lst]
        if mine:
            out.append(picture(lst.value, LISTS[lst].label, mine, as_of))
    return out


def notice_picture(notice_key: str, bands: Sequence[Band], as_of: date) -> PictureFile:
    """The bands of one notice's listings (never empty)."""
    return picture(notice_picture_name(notice_key), bands[0].number or notice_key, bands, as_of)


def entity_picture(entity_key: str, name: str, bands: Sequence[Band], as_of: date) -> PictureFile:
    return picture(entity_feed_name(entity_key), name, bands, as_of)


def entity_name(events: Iterable[EventRecord], entity_key: str) -> str:
    """How a picture names an entity: its names on the first of ``events`` (in store order) that has them."""
    return _entity_names(events).get(entity_key, entity_key)


def _entity_names(events: Iterable[EventRecord]) -> dict[str, str]:
    names: dict[str, str] = {}
    for e in events:
        if e.scope == EventScope.ENTITY and e.entity_key and e.entity_key not in names and e.entities:
            ent = e.entities[0]
            names[e.entity_key] = " / ".join(x for x in (ent.en, ent.zh) if x) or e.entity_key
    return names


__all__ = ["ALL_PICTURE", "STYLES", "PictureFile", "band_label", "build_pictures", "entity_name", "entity_picture",
           "notice_picture", "overview_pictures", "picture", "picture_title", "render_svg"]
