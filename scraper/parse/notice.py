"""``parse_text``: the text of a notice or Q&A in, a NoticeRecord out (pure).

Runs the tables of ``scraper.parse.rules`` over one ``Source``: every rule fills
one field of the ``Draft``, then the rejections and the checks (warnings).
"""

from __future__ import annotations

from collections.abc import Callable

from storage.records import NoticeRecord

from . import mfa
from .draft import Draft, PageHints, Source, read_source
from .rules import CHECKS, REJECTS, RULES

# Texts of another ministry or genre, with a parser of their own: (name, detects, parse), tried
# in order before the MOFCOM rules. To add one: a module with the two functions, one row here.
GENRES: tuple[tuple[str, Callable[[Source], bool], Callable[[Source], NoticeRecord]], ...] = (
    ("mfa-decision", mfa.detects, mfa.parse_source),  # 外交部令: 关于对…采取反制措施的决定
)


def parse_text(text: str, hints: PageHints | None = None) -> NoticeRecord | None:
    """Parse the text of a notice or Q&A. None when the text is neither (no number and
    no list action), or a Q&A that neither names a list nor acts on one."""
    src = read_source(text, hints or PageHints())
    for _name, detects, parse in GENRES:
        if detects(src):
            return parse(src)
    d = Draft()
    for name, rule in RULES:
        setattr(d, name, rule(src, d))
    for reject in REJECTS:
        if reject(src, d):
            return None
    warnings = tuple([w for check in CHECKS if (w := check(src, d))])
    ident = d.identity
    return NoticeRecord(
        key=ident.key, kind=ident.kind, number=ident.number, issuer=ident.issuer, title=ident.title,
        published=d.published, published_at=d.published_at, effective=d.effective, list=d.notice_list,
        actions=tuple(d.actions), entities=tuple(d.entities), stated_count=d.count[0], references=d.references,
        warnings=warnings, url=src.hints.url, text=src.text,
    )
