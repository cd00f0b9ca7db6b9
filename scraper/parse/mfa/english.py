"""The English version of a decision (www.fmprc.gov.cn/eng): a report of the Chinese decree, linked to its key."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime

from storage.records import ListKind, NoticeKind, NoticeRecord, NoticeRef

from ..draft import Source
from .reading import _published
from .wording import ISSUER, KEY_PREFIX

# The English version of a decision (www.fmprc.gov.cn/eng/…): "(Promulgated by Decree No. 13 of the Ministry of Foreign
# Affairs of the People's Republic of China on October 10, 2024, and effective as of October 10, 2024)", its measures
# "countermeasures" under the "Anti-Foreign Sanctions Law". No official English text is described in shared/domain.md
# (b.7 names the Chinese channel only): the Chinese decision is authoritative, so the English one is read as a report of
# it (NoticeKind.NEWS, linked to the decision's key), which changes no state, and says so in a warning.
EN_MONTH_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
EN_DECREE_RE = re.compile(
    rf"(?:Decree|Order)\s+No\.?\s*(?P<n>\d{{1,3}})\s+of\s+the\s+Ministry\s+of\s+Foreign\s+Affairs"
    rf"(?:\s+of\s+the\s+People'?’?s\s+Republic\s+of\s+China)?(?:\s+on\s+(?P<date>{EN_MONTH_DATE}))?"
    rf"|(?:Ministry\s+of\s+Foreign\s+Affairs|MFA)\s+(?:Decree|Order)\s+No\.?\s*(?P<n2>\d{{1,3}})",
    re.IGNORECASE)
EN_COUNTER_RE = re.compile(r"counter-?measures?|Anti-Foreign\s+Sanctions\s+Law", re.IGNORECASE)
EN_DATE_RE = re.compile(EN_MONTH_DATE)
ENGLISH_VERSION = ("an English version of MFA decree No. {n}{year}: the Chinese decision (外交部令第{n}号{key}) is "
                   "authoritative and is read from www.mfa.gov.cn; this page is kept as a report of it and changes no state")


def english_decree(src: Source) -> re.Match[str] | None:
    """The decree an English version of an MFA countermeasure decision names as its own (EN_DECREE_RE, in the first
    lines, with countermeasures named: EN_COUNTER_RE), else None."""
    head = src.folded[:3000]
    m = EN_DECREE_RE.search(head)
    return m if m is not None and EN_COUNTER_RE.search(src.folded) is not None else None


def _english_date(raw: str) -> date | None:
    try:
        return datetime.strptime(" ".join(raw.replace(",", " ").replace(".", " ").split()), "%B %d %Y").date()
    except ValueError:
        try:
            return datetime.strptime(" ".join(raw.replace(",", " ").replace(".", " ").split()), "%b %d %Y").date()
        except ValueError:
            return None


def english_version(src: Source, decree: re.Match[str]) -> NoticeRecord:
    """An English version of a decision as a report of it: no entities, no state change, the decision's key (its year
    from the promulgation date, else the page's date; without either the number as written, for ``storage.yearless``)
    as the reference, and a warning that says what it is."""
    n = int(decree.group("n") or decree.group("n2"))
    day = _english_date(decree.group("date")) if decree.group("date") else None
    if day is None:
        day = _published(src.folded, src.folded_lines, None, src.hints.pub)
    if day is None:
        found = EN_DATE_RE.search(src.folded[:3000])
        day = _english_date(found.group()) if found else None
    written = src.text[decree.start() : decree.end()].strip()
    key = f"{KEY_PREFIX}-{day.year}-{n}" if day is not None else None
    ref = (NoticeRef(text=written, key=key, list=ListKind.COUNTERMEASURE) if key is not None
           else NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n))
    warning = ENGLISH_VERSION.format(n=n, year=f" of {day.year}" if day else "", key=f", {key}" if key else "")
    digest = hashlib.sha256((src.hints.url or src.text).encode("utf-8")).hexdigest()[:8]
    title = src.title_hint or next((line.strip() for line in src.lines if line.strip()), None)
    return NoticeRecord(key=f"NEWS-{digest}", kind=NoticeKind.NEWS, number=None, issuer=ISSUER, title=title,
                        published=day, list=ListKind.COUNTERMEASURE, references=(ref,), warnings=(warning,),
                        url=src.hints.url, text=src.text[:4000])
