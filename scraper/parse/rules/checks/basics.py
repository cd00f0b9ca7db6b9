"""What every record states: its publication date, its number, its effective date, a day at odds with the number or the
publication; one notice to a page."""

from __future__ import annotations

from datetime import date

from ...draft import Draft, Source
from ...lazyre import lazy_compile
from ..identify import number_year, own_source
from .common import LEFT_OUT, LISTING_WORDS

# "商务部决定，自公布之日起，将甲公司（…）移出关注名单": the day stated in the decision itself, not in a closing "本公告自…起实施"
# (session 36, audit36/24: "no effective date stated", a needless health issue).
# "自本公告公布之日起，将…" too (session 37, audit37/08).
DECIDED_FROM_PUBLICATION_RE = lazy_compile(r"决定\s*,?\s*自\s*(?:本公告\s*)?(?:公布|发布)\s*之日起\s*,?\s*将")

# A notice's day that cannot be right and no page's date replaces (``dated_before_number``): refused for a person to read
# (``page.unsure_date``), as a listing read in force a year early would be a false item.
UNSURE_DATE = ": its date cannot be right"

# The exportcontrol mirror (domain.md b.3): its page dates are often a day after MOFCOM's, and its copies of answers keep
# no dateline of MOFCOM's. Told by the page's URL or by the site's name in its title ("…答记者问_中国出口管制信息网").
MIRROR_HOST = "exportcontrol.mofcom.gov.cn"
MIRROR_SITE = "中国出口管制信息网"


def no_publication_date(src: Source, d: Draft) -> str | None:
    return "no publication date found" if d.published is None else None


def effective_defaulted(src: Source, d: Draft) -> str | None:
    """A numbered listing or removal that states no effective date (a rule's articles list no one)."""
    if d.qa or d.own is None or d.stated_effective or d.published is None:
        return None
    if d.effective is not None and d.effective[:10] > d.published.isoformat():
        return None  # the one later day its steps state (``operative.steps_effective``)
    body = src.folded if d.articles is None else src.folded[: d.articles]
    for word in LISTING_WORDS:
        if word in body:
            if "之日起" in body and DECIDED_FROM_PUBLICATION_RE.search(body) is not None:
                return None
            return "no effective date stated; using the publication date"
    return None


def mirror_day_start(src: Source, d: Draft) -> str | None:
    """A copy on the exportcontrol mirror dated by the mirror's page alone: an answer with no MOFCOM dateline nor a day of
    its own, a notice whose copy dropped its 【发文日期】 and signature. The mirror's date is often a day after MOFCOM's, so
    a step from that day ("自即日起", "自公布之日起") starts a day late, and an answer's copy is keyed apart from MOFCOM's
    page (session 54, pages56/41: beside MOFCOM's page, a second suspension from the next day to a year and a day later;
    alone, a suspension a day late; pages56/48: a listing in force a day late; each silently). The day cannot be known
    from the copy: left out (``page.check_record`` refuses the page for a person; MOFCOM's own page reads the step)."""
    if not d.published:
        return None
    pub, hints = src.hints.pub, src.hints
    if pub is None or pub.day != d.published:
        return None
    if not ((hints.url and MIRROR_HOST in hints.url) or (hints.title and MIRROR_SITE in hints.title)):
        return None
    dated = (d.dateline[0] is not None and own_source(d.dateline[1])) if d.qa else bool(src.filed or src.signed)
    if dated:  # an answer's MOFCOM dateline, a notice's own filing or signature day: the day is the copy's own
        return None
    day = d.published.isoformat()
    if not any(x.effective == day for x in d.drafts):
        return None
    return (f"a step from {day}, the exportcontrol mirror's date of its copy, often a day after MOFCOM's (the day is "
            f"on MOFCOM's own page){LEFT_OUT}")


def second_notice(src: Source, d: Draft) -> str | None:
    """A page holding a second numbered notice after this one ("商务部公告2026年第135号…\n商务部公告2026年第136号\n…"
    as one page of the day's two notices): its steps and entities were read as this one's (session 27, audit27: the watch
    list's two put on the ECL under No. 135 and the ECL's two on the watch list), so the page is left out for a person to
    read. The second notice is its number alone on a line below the first's number and decision, with a decision below it."""
    own = d.own
    if own is None or d.qa or not d.refs:
        return None
    folded = src.folded
    size, first = len(folded), None
    for start, end, r in d.refs:
        if start and not folded[start - 1].isspace() or end < size and not folded[end].isspace():
            continue  # (nearly every ref: one in a sentence, told by the characters beside it; blanks are looked at
            # below: an indented number line, "　　商务部公告…", is one alone on its line)
        if r.key is None or r.key == own.key:
            continue
        if first is None:  # below the first notice's number and its decision (a number line above the body is its heading)
            first = max(folded.find(own.number) if own.number else -1, folded.find("决定"))
        if start <= first:
            continue
        line = folded.rfind("\n", 0, start) + 1
        stop = folded.find("\n", end)
        if not folded[line:start].strip() and not folded[end : size if stop < 0 else stop].strip() \
                and folded.find("决定", end) >= 0:  # a body below it decides ("相关链接：\n商务部公告2026年第23号" is a link)
            return f"holds a second notice, {r.text}, whose steps were read as this one's{LEFT_OUT}"
    return None


def no_action_in_answer(src: Source, d: Draft) -> str | None:
    return "no action found in the answer" if d.qa and not d.actions else None


def no_notice_number(src: Source, d: Draft) -> str | None:
    return "no notice number found" if not d.qa and d.own is None else None


def dated_before_number(src: Source, d: Draft) -> str | None:
    """A notice dated before the year its number states: a signature's year typo the page's date put right
    (``identify.publication_day``: said), or a day before the December before that year, which cannot be right (refused
    for a person to read, ``UNSURE_DATE``: every day it gives would be a year off). A notice of the new year signed in
    the old one's December is no word (audit30/11: 〔2027〕1号 signed 2026-12-31)."""
    year = number_year(d)
    if year is None or d.published is None:
        return None
    number = d.own.number if d.own else ""
    if d.published < date(year - 1, 12, 1):
        return f"dated {d.published.isoformat()}, before the year of its number {number}{UNSURE_DATE}"
    pub = src.hints.pub
    if pub is None or d.published != pub.day or d.published.year != year:  # (``publication_day`` took no page date)
        return None
    folded = src.folded  # the year before's same month written: a look before reading the dates again
    if f"{year - 1}年{d.published.month}月" not in folded and f"{year - 1}年{d.published.month:02d}月" not in folded:
        return None
    signed = src.filed or src.signed
    if signed is not None and signed.year < year:
        return (f"signed {signed.isoformat()}, before the year of its number {number}; "
                f"read as the page's date {d.published.isoformat()}")
    return None


def effective_before_publication(src: Source, d: Draft) -> str | None:
    """A Q&A announcing something in force before it was published (itself, or one of its actions: a decision
    published late, ``actions.is_recounted``): check the dates."""
    if not d.qa or not d.published:
        return None
    first = min([x.effective for x in d.drafts if x.effective] + ([d.effective] if d.effective else []), default=None)
    if first and first < d.published.isoformat():
        return f"effective {first} is before publication {d.published.isoformat()}"
    return None
