"""Whether an index's answer is that index: its page 1 held against the copy it answered last time.

An index URL can answer 200 with another page's content and no redirect: the site's home page, another column's
index, a notice, a CDN's stale copy of an older index, a "page moved" shell. Read as the index, it hides a new
notice silently ("nothing new"). A list of notices changes in one way only: new links come in at the top and push
old ones down (and off page 1); now and then one is withdrawn. So the answer is held against the links its last
copy listed (that copy read as an index, :meth:`storage.pages.PageStore.stored_index`) and against its name (the
``ColumnName`` meta every government column page carries, and its ``<title>``):

- it lists none of the last copy's links (a copy of three or more) that the store still holds whole, and it is not
  a page full of links the store has never seen under the index's own name (a page's worth of new notices, pushing
  all the old off page 1): another page;
- it lacks the newest links of the last copy while it still lists older ones, with fewer new links above them: a
  stale copy (or another list that shares a few links);
- more of the last copy's links are gone than new ones came in, under another name: another page (the home page,
  which lists a few of a column's newest notices); under the same name: the index pages differently or dropped
  notices (a warning, ``Verdict.shrunk``: the crawler keeps it while the index answers short of that copy);
- another name, its links continuing: a renamed column (a warning: `status`, `/healthz`, failing nothing);
- the links it shares with the last copy (three or more) in reverse order: the list runs oldest first now (a sort
  setting flipped), its new notices past the pages an update reads: another page; unless the answer's own dates run
  newest first (``newest_first``): then the last copy was the one read oldest first (two shared links were too few to
  call it so) and the answer is the index again (a warning).

With no last copy (a store's first run, a new year's annual index) there is nothing to hold the links to; an annual
index's name still says its year ("2025年公告"): an answer whose name gives years, none of them the index's, is another
year's index (a CDN answering last year's page at the new year's URL) whatever the history (:func:`other_year`).

An answer with no link to follow at all is left to the crawler's zero-links problem. A link the store no longer
holds whole (its page failed, answers 404, was held back) is not asked for: a notice withdrawn from the index is the
notice's own problem, said on its page. Pure: links and names in, a verdict out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

MIN_HELD = 3  # a last copy of fewer links says too little to call an answer with none of them another page
MIN_REVERSED = 3  # shared links in reverse order that make a list read oldest first (two swapped may be a pinned row)
COLUMN_RE = re.compile(r"""<meta\b[^>]*\bname\s*=\s*["']ColumnName["'][^>]*>""", re.IGNORECASE)
CONTENT_RE = re.compile(r"""\bcontent\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
SPACE_RE = re.compile(r"\s+")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")  # a year a page's name gives: "2025年公告"
SHOWN = 2  # links named in a verdict


@dataclass(frozen=True)
class Name:
    """What a page says it is: its ``ColumnName`` meta and its ``<title>`` (None where it has none)."""

    column: str | None
    title: str | None

    def __str__(self) -> str:
        return " / ".join(f"{label} {value!r}" for label, value in (("column", self.column), ("title", self.title))
                          if value is not None) or "no name"


@dataclass(frozen=True)
class Verdict:
    wrong: bool  # True: not this index (a source-health problem); False: a note
    detail: str
    shrunk: bool = False  # (a note) fewer of the last copy's links, not pushed off by new ones: kept till whole again


def other_year(url: str, name: Name, year: int) -> Verdict | None:
    """An annual index's answer whose name gives years ("2024年公告"), none of them ``year``: another year's index."""
    said = {int(y) for part in (name.column, name.title) if part for y in YEAR_RE.findall(part)}
    if not said or year in said:
        return None
    return Verdict(True, f"{url} answered a page named for {', '.join(map(str, sorted(said)))} ({name}), not {year}: "
                         f"another year's index answered for this one, whose notices go unread")


def page_name(text: str) -> Name:
    """A page's name, from its head (a JSON list answer has none)."""
    column = None
    if meta := COLUMN_RE.search(text):
        if content := CONTENT_RE.search(meta.group(0)):
            column = _clean(content.group(1))
    title = _clean(found.group(1)) if (found := TITLE_RE.search(text)) else None
    return Name(column or None, title or None)


def _clean(value: str) -> str:
    return SPACE_RE.sub(" ", html.unescape(value)).strip()


def _named(urls: Sequence[str]) -> str:
    more = f" and {len(urls) - SHOWN} more" if len(urls) > SHOWN else ""
    return ", ".join(urls[:SHOWN]) + more


def runs_newest_first(days: Sequence[date | None]) -> bool:
    """Whether a list's own row dates run newest first: MIN_REVERSED dated rows or more, none older than a row below
    it, the first newer than the last (a pinned old row on top, or no dates, says nothing: False)."""
    dated = [day for day in days if day is not None]
    return len(dated) >= MIN_REVERSED and dated[0] > dated[-1] and all(a >= b for a, b in zip(dated, dated[1:]))


def _address(link: str) -> str:
    """A link without its query and fragment: the notice page it names."""
    return link.split("#", 1)[0].split("?", 1)[0]


def judge(url: str, before: Sequence[str], after: Sequence[str], before_name: Name, after_name: Name,
          held: Callable[[Iterable[str]], set[str]], held_to: str = "its last copy",
          newest_first: bool = False) -> Verdict | None:
    """``before``: the links (followed ones, in page order) of the index's last copy; ``after``: of its answer now;
    ``held``: which of some links the store holds whole; ``held_to``: what ``before`` is, as a verdict names it;
    ``newest_first``: the answer's own row dates run newest first (:func:`runs_newest_first`).
    None: the answer continues the index."""
    # links held by their address without its query: a list whose links gained or lost one ("…art_x.html?source=list")
    # still lists the same notices, and held to the links as written it was "another page" for good (the answer, not
    # stored, never became the copy the next one is held to: health37 H63)
    addresses = {_address(u): u for u in (*reversed(after), *reversed(before))}  # (each address: its first link)
    before = list(dict.fromkeys(map(_address, before)))
    after = list(dict.fromkeys(map(_address, after)))
    if not before or not after:
        return None  # (an answer with no link to follow is the crawler's zero-links problem)
    now, then = set(after), set(before)
    fresh = [u for u in after if u not in then]
    renamed = before_name != after_name and (before_name.column, before_name.title) != (None, None)
    named = f" (it calls itself {after_name}, its last copy {before_name})" if renamed else ""
    kept = [i for i, u in enumerate(before) if u in now]
    holds = {_address(u) for u in held([addresses[u] for u in (*before, *fresh)])}  # one question to the store
    if not kept:
        if len(before) < MIN_HELD:
            return None
        lost = [u for u in before if u in holds]
        if not lost or (len(fresh) >= len(before) and not holds.intersection(fresh) and not renamed):
            return None  # nothing of the last copy is held any more, or a page's worth of new notices (under the
            # index's own name: the English press index answering www's Chinese policy index, 20 links never seen,
            # was followed on the English host, each 404 retried by every later run, exit 1 for good: health39 L09)
        return Verdict(True, f"{url} answered a page listing none of the {len(before)} links its last copy listed "
                             f"({_named(lost)}){named}: another page (the home page, another column, a notice, an old "
                             f"copy) answered for this index, whose new notices go unread")
    where = {u: i for i, u in enumerate(after)}
    order = [where[before[i]] for i in kept]
    if len(order) >= MIN_REVERSED and all(a > b for a, b in zip(order, order[1:])):
        if newest_first:  # the last copy ran oldest first, taken with too few shared links to call it so; held to
            # it, the index answering newest first again was another page in every run for good (health41 N32)
            return Verdict(False, f"{url}: the {len(order)} links it shares with its last copy run in reverse order, "
                                  f"and its own dates run newest first: its last copy was read oldest first; read as "
                                  f"the index again")
        # the links both copies list, in reverse order: the list now runs oldest first (a sort setting flipped), so
        # its new notices sit on the pages an update never reaches; continuing it, they went unread (health38 K79)
        return Verdict(True, f"{url} lists the {len(order)} links it shares with its last copy in reverse order "
                             f"({_named([before[i] for i in kept])}){named}: the list runs oldest first now, and its "
                             f"new notices sit past the pages read")
    newest = [u for u in before[: kept[0]] if u in holds]
    first_kept = after.index(before[kept[0]])
    if len(newest) > len([u for u in after[:first_kept] if u not in then]):  # new ones on top may replace them
        return Verdict(True, f"{url} answered without the {len(newest)} newest link(s) its last copy listed "
                             f"({_named(newest)}), which the store still holds, while it lists older ones{named}: a "
                             f"stale or wrong copy of the index, whose new notices go unread")
    gone = [u for u in before if u not in now]
    lost = [u for u in gone if u in holds]
    if len(lost) > len(fresh):  # more old links gone than new ones could push off
        if renamed:
            return Verdict(True, f"{url} answered a page that keeps {len(kept)} of the {len(before)} links its last "
                                 f"copy listed and lost {len(lost)} ({_named(lost)}) with {len(fresh)} new{named}: "
                                 f"another page answered for this index, whose new notices go unread")
        return Verdict(False, f"{url}: {len(lost)} link(s) of {held_to} gone with {len(fresh)} new "
                              f"({_named(lost)}): the index pages differently or dropped notices", shrunk=True)
    if renamed:
        return Verdict(False, f"{url}: the index now calls itself {after_name} (its last copy {before_name}); its "
                              f"links continue")
    return None
