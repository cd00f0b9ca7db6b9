"""Which stored order a number written without its year names ("停止实施外交部令第12号相关措施",
"暂停实施…（商务部令第6号）"). Pure.

The MFA numbers its orders without a year, and the numbers restarted in 2023 (``shared/domain.md`` b.7:
2022 and 2023 both have Nos. 1-4; 2024 Nos. 5-16, 2025 Nos. 17-19 ran on). MOFCOM numbers its orders by year
(商务部令2025年第6号), but a later order may cite one without it; the parser gives the year only when the text
itself writes that number with one year. Either way the parser keeps such a reference as written
(``NoticeRef.series`` "MFA-ORDER" or "MOFCOM-ORDER" and ``number``, no key, no year guessed); the engine asks
``pick`` which stored order it names:

- only orders of that number published on or before the referring notice (it cannot act on a later one);
- the text's own hints narrow them: the title it quotes before the number ("停止实施《关于对…的决定》（外交部令
  第4号）"), the targets it names ("取消对X公司采取的反制措施…"); a hint no candidate fits leaves it unresolved
  (the order it means is not stored, or the reading is wrong), never resolved against the hint;
- one left: resolved, but for a number that names orders of several years (every MOFCOM order's, the MFA's Nos.
  1-4) only when a hint (the quoted title, the named targets) confirmed it: else the one stored order may be another
  year's than the one meant, which is not stored;
- several left: unresolved, loudly. The latest of them is the likelier reading, but the
  domain gives no fact that tells two orders of one number apart (the MFA cites an earlier order with its
  date and title: "《…》（2024年10月10日中华人民共和国外交部令第13号公布）"), and a wrong pick would lift or
  suspend the measures on the wrong people: a false item. An unresolved reference is a problem a person
  reviews; nothing is changed meanwhile.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from storage.frozen import quick_init
from storage.records import NoticeRef

# "MFA-ORDER-2023-4": the numbering (the key's prefix), the year, the number.
NUMBERED_KEY_RE = re.compile(r"^(?P<series>[A-Z][A-Z-]*[A-Z])-(?P<year>\d{4})-(?P<n>\d{1,4})$")
# A title as quoted or stored, compared without spaces, brackets, the issuer before 关于, the number a stored MOFCOM
# order's title opens with ("商务部令2025年第6号 关于对…的决定") or odd middle dots.
TITLE_NOISE_RE = re.compile(r"[\s《》]|^(?:中华人民共和国)?(?:外交部|商务部)(?=关于)|^商务部令\s*\d{4}\s*年\s*第\s*\d{1,4}\s*号")
# Series numbered anew each year (商务部令2025年第6号): one stored order of a number is no proof that a reference
# without the year means it (the order meant may be another year's, not stored), so a hint must confirm it.
PER_YEAR = frozenset({"MOFCOM-ORDER"})
# The MFA's numbers used twice (2022 and 2023 both have Nos. 1-4, domain.md b.7; 2023 No. 4 came out on 2023-04-12):
# the same holds for them in a text of that day or later.
REUSED = {"MFA-ORDER": (4, date(2023, 4, 12))}
DOTS = str.maketrans("•・‧∙", "····")


@quick_init
@dataclass(frozen=True)
class Numbered:
    """A stored order a yearless number may name: its key, publication day, title, entity keys."""

    key: str
    published: date | None
    title: str | None
    entities: frozenset[str]


def series_number(key: str) -> tuple[str, int] | None:
    """("MFA-ORDER", 4) of "MFA-ORDER-2023-4"; None for a key of another shape."""
    m = NUMBERED_KEY_RE.match(key)
    return (m.group("series"), int(m.group("n"))) if m else None


def index(orders: Iterable[Numbered]) -> dict[tuple[str, int], list[Numbered]]:
    """The orders by (series, number), in key order."""
    out: dict[tuple[str, int], list[Numbered]] = {}
    for order in sorted(orders, key=lambda o: o.key):
        sn = series_number(order.key)
        if sn is not None:
            out.setdefault(sn, []).append(order)
    return out


def title_key(title: str) -> str:
    return TITLE_NOISE_RE.sub("", unicodedata.normalize("NFKC", title).translate(DOTS))


def pick(ref: NoticeRef, orders: Mapping[tuple[str, int], Sequence[Numbered]], source_key: str,
         before: date | None, entities: Sequence[str] = ()) -> tuple[str | None, str | None]:
    """(the key of the one stored order ``ref`` names, None), or (None, why it names none for sure).
    ``before``: the referring notice's publication day; ``entities``: the entity keys its action names."""
    assert ref.series is not None and ref.number is not None
    what = f"reference \"{ref.text}\" gives no year"
    cands = [o for o in orders.get((ref.series, ref.number), ())
             if o.key != source_key and (before is None or (o.published is not None and o.published <= before))]
    if not cands:
        by = f" published by {before.isoformat()}" if before else ""
        return None, f"{what}, and no {ref.series} No. {ref.number}{by} is stored"
    if ref.title:
        quoted = title_key(ref.title)
        fits = [o for o in cands if o.title is not None and title_key(o.title) == quoted]
        if not fits:
            return None, (f"{what}, and its quoted title 《{ref.title}》 is none of the stored "
                          f"{ref.series} No. {ref.number}: {_listed(cands)}")
        cands = fits
    if entities:
        holding = [o for o in cands if set(entities) <= o.entities]
        if not holding:
            return None, (f"{what}, and none of the stored {ref.series} No. {ref.number} lists "
                          f"{', '.join(entities)}: {_listed(cands)}")
        cands = holding
    if len(cands) > 1:
        return None, f"{what} and fits {_listed(cands)}: the text gives no date, title or name that tells them apart"
    if _reused(ref.series, ref.number, before) and not (ref.title or entities):
        return None, (f"{what}; {ref.series} No. {ref.number} names an order of more than one year, and the text quotes "
                      f"no title and names no entity that confirms the one stored, {_listed(cands)}: the order it "
                      "means may be another year's")
    return cands[0].key, None


def _reused(series: str, number: int, before: date | None) -> bool:
    """Whether ``number`` of ``series`` named orders of several years by ``before`` (PER_YEAR, REUSED)."""
    if series in PER_YEAR:
        return True
    up_to, since = REUSED.get(series, (0, date.min))
    return number <= up_to and (before is None or before >= since)


def _listed(orders: Sequence[Numbered]) -> str:
    return ", ".join(f"{o.key} ({o.published.isoformat() if o.published else 'undated'})" for o in orders)
