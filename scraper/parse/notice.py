"""``parse_text``: the text of a notice or Q&A in, a NoticeRecord out (pure).

Runs the tables of ``scraper.parse.rules`` over one ``Source``: every rule fills
one field of the ``Draft``, then the rejections and the checks (warnings).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from storage.records import ActionKind, ActionRecord, ListKind, NoticeRecord

from . import corrections
from .draft import Draft, PageHints, Source, first_line, read_source
from .held import hold_undecided
from .lazyre import lazy_compile
from .mfa import detect as mfa
from .rules import CHECKS, REJECTS, RULES, SKIPS, Check, Reject, Rule

# Texts of another ministry or genre, with a parser of their own: (name, detects, parse), tried
# in order before the MOFCOM rules (parse gives None for a text that is no notice). To add one: a
# module with the two functions, one row here.
GENRES: tuple[tuple[str, Callable[[Source], bool], Callable[[Source], NoticeRecord | None]], ...] = (
    ("mfa-decision", mfa.detects, mfa.parse_source),  # 外交部令: 关于对…采取反制措施的决定
    ("mfa-report", mfa.reports, mfa.no_notice),  # "外交部…决定对…采取反制措施" told by a report
)

Runner = Callable[[Source, Draft], "tuple[str, ...] | None"]

# An English text (english.mofcom.gov.cn's versions of notices and answers, a wire report): a title with no Chinese
# character, and fewer Chinese characters than one for every ENGLISH_LATIN_PER_CJK Latin letters. The Chinese text is
# the authority: an English version is news (``scraper.news.press`` reads it so), never a notice of its own (session 36,
# audit36/11: a suspension read from the Chinese quoted in brackets, keyed DOC-…, a second notice of the answer's step;
# /10: the Chinese number and names in brackets beside the English made it a notice refused as cut short).
ENGLISH_LATIN_PER_CJK = 10
CJK_RE = lazy_compile(r"[\u4e00-\u9fff]")
# A first line that is the Chinese number alone ("商务部公告2026年第151号" over an English version's title): no title to judge
# the text by; its letters are counted (session 38, audit38/41: an English version so headed refused as cut short).
NUMBER_ONLY_RE = lazy_compile(r"\s*(?:商务部|不可靠实体清单工作机制)\s*公告\s*(?:\d{4}\s*年\s*第?|〔\d{4}〕\s*)\d{1,3}\s*号\s*")


def compile_tables(rules: Sequence[tuple[str, Rule]], rejects: Sequence[tuple[str, Reject]],
                   checks: Sequence[Check], skips: Mapping[Check, str] | None = None) -> Runner:
    """The tables as one function of straight-line code, ``run(src, d)``: it fills ``d`` rule
    by rule, returns None when a rejection holds, else the checks' warnings in table order.
    A rejection ``(field, reject)`` is asked right after the last row filling ``field``, so a
    text it rejects skips the rows after it (the rules are pure: the outcome is the same).

    A loop over the tables pays a tuple unpacking, a ``setattr`` call and the loop's own steps
    per row (33 rows a text); the written-out function assigns each field directly
    (``d.name = rule(src, d)``), as the tables say. ``run_tables`` is that loop, kept to test
    this against. ``skips`` (``rules.SKIPS``): a check's condition of the Draft on which it returns None at once, asked
    inline before the call (a call that returns at once costs ~470 instructions: perf55); it names ``d``, ``len``,
    ``any``, ``ActionKind`` and ``ListKind`` alone."""
    names: dict[str, object] = {"ActionKind": ActionKind, "ListKind": ListKind}
    fields = [field for field, _ in rules]
    asked: dict[int, list[str]] = {}  # row index: the rejections asked after it
    for i, (field, reject) in enumerate(rejects):
        if field not in fields:
            raise ValueError(f"rejection {reject.__name__}: no rule fills {field!r}")
        names[f"reject{i}"] = reject
        asked.setdefault(len(fields) - 1 - fields[::-1].index(field), []).append(
            f"    if reject{i}(src, d):\n        return None")
    body = []
    for i, (field, rule) in enumerate(rules):
        if not field.isidentifier() or field not in getattr(Draft, "__slots__"):  # (mypyc: __slots__ is no class attribute)
            raise ValueError(f"rule {rule.__name__}: no Draft field {field!r}")
        names[f"rule{i}"] = rule
        body.append(f"    d.{field} = rule{i}(src, d)")
        body.extend(asked.get(i, ()))
    body.append("    warnings = []")
    for i, check in enumerate(checks):
        names[f"check{i}"] = check
        skip = (skips or {}).get(check)
        if skip is None:
            body.append(f"    w = check{i}(src, d)\n    if w:\n        warnings.append(w)")
        else:
            body.append(f"    if not ({skip}):\n        w = check{i}(src, d)\n        if w:\n            warnings.append(w)")
    body.append("    return tuple(warnings)")
    exec("def run(src, d):\n" + "\n".join(body) + "\n", names)  # noqa: S102 - code built from the tables above
    run: Runner = names["run"]  # type: ignore[assignment]
    return run


def run_tables(src: Source, d: Draft) -> tuple[str, ...] | None:
    """What ``compile_tables(RULES, REJECTS, CHECKS)`` gives, as a loop over the tables: every
    rule, then the rejections."""
    for name, rule in RULES:
        setattr(d, name, rule(src, d))
    for _field, reject in REJECTS:
        if reject(src, d):
            return None
    return tuple([w for check in CHECKS if (w := check(src, d))])


RUN_TABLES = compile_tables(RULES, REJECTS, CHECKS, SKIPS)


def parse_text(text: str, hints: PageHints | None = None) -> NoticeRecord | None:
    """Parse the text of a notice or Q&A. None when the text is neither (no number and
    no list action), or a Q&A that neither names a list nor acts on one."""
    return parse_source(read_source(text, hints or PageHints()))


def parse_source(src: Source) -> NoticeRecord | None:
    """:func:`parse_text` of a text already read (``draft.read_source``): its clean text, ``src.lead + src.text``, is
    what the page checks read after the parse (``page.check_record``), with no second clean of the whole page."""
    for _name, detects, parse in GENRES:
        if detects(src):
            return parse(src)
    if is_english(src):
        return None
    d = Draft()
    warnings = RUN_TABLES(src, d)
    if warnings is None:
        return None
    held: tuple[ActionRecord, ...] = ()
    if warnings and d.qa:  # a transcript's undecided topic held alone, its decided ones read (held.py)
        split = hold_undecided(src, d, warnings)
        if split is not None:
            d.actions, held, warnings, d.notice_list = split
    ident = d.identity
    entities = tuple(d.entities)
    corrected_effective = corrected_until = None
    stated = d.count[0]
    if not d.actions and not entities and (corrections.is_correction(ident.title)
                                           or corrections.amends_names(ident.title, src.text)):
        # "关于更正…附件有关内容的公告": the renamed entities, keyed as first written (scraper/parse/corrections.py)
        entities = corrections.corrected_entities(src.text)
        if entities:  # a count is the corrected notice's ("关于对《关于将…10家美国实体列入…的公告》附件第4项的名称进行更正的公告":
            stated = None  # session 38, audit38/15, a count-mismatch issue "parsed 1 entities, the notice states 10")
        if entities and not any(r.key for r in d.references):  # the corrected notice named by its day and title
            dated = corrections.dated_reference(src.text, d.published)
            d.references = (*d.references, dated) if dated else d.references
        if not entities:  # "…生效日期有误，现更正为…": the corrected notice's effective date
            corrected_effective = corrections.corrected_effective(src.text, d.published)
        refs = [r for r in d.references if r.key]
        if not entities and not corrected_effective:  # "“暂停期限至…”有误，现更正为“暂停期限至…”": a suspension's end
            corrected_until = corrections.corrected_until(src.text)
        deleted = corrections.deleted_items(src.text) if not entities and not corrected_effective and not corrected_until \
            else ()
        if deleted and len({r.key for r in refs}) == 1 and d.notice_list is not None:
            # an entry deleted as listed in error: a removal of that annex line from the correction's day (the
            # listing was published and in force until then: not voided), the item saying which notice deleted it
            d.actions.append(ActionRecord(action=ActionKind.REMOVE, list=d.notice_list, targets=(refs[0],),
                                          effective=d.effective or (d.published.isoformat() if d.published else None),
                                          entities=deleted, text=ident.title or ""))
    return NoticeRecord(
        key=ident.key, kind=ident.kind, number=ident.number, issuer=ident.issuer, title=ident.title,
        published=d.published, published_at=d.published_at, effective=d.effective, list=d.notice_list,
        actions=tuple(d.actions), entities=entities, stated_count=stated, references=d.references,
        warnings=warnings, url=src.hints.url, text=src.text, corrected_effective=corrected_effective,
        corrected_until=corrected_until, renamed=d.renames.records if d.renames.whole else (), held=held,
        recounted=tuple(d.recaps), stated_days=d.stated_days,
    )


def _line_after(text: str, line: str) -> str:
    """The first line with text after ``line`` (the first line of ``text``), else ""."""
    for nxt in text[text.find(line) + len(line) :].split("\n", 4)[:4]:
        if nxt.strip():
            return nxt.strip()
    return ""


def is_english(src: Source) -> bool:
    """Whether the text is an English one: a page of an "english." site, or a text whose title (the page's, else its first
    line) has no Chinese character and which has few (ENGLISH_LATIN_PER_CJK). A Chinese notice's title has some: only
    such rare texts are counted."""
    if "//english." in (src.hints.url or ""):  # english.mofcom.gov.cn, whatever its title says (probe P8)
        return True
    title = src.title_hint or first_line(src.text)
    if src.title_hint is None and title[:1] in "商不" and NUMBER_ONLY_RE.fullmatch(title) is not None:
        title = _line_after(src.text, title)  # the number alone: the title is the line after it
    if title[:1] >= "\u4e00" and title[:1] <= "\u9fff" or CJK_RE.search(title) is not None:  # most open with one
        return False
    text = src.text
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if "a" <= ch <= "z" or "A" <= ch <= "Z")
    return cjk * ENGLISH_LATIN_PER_CJK < latin
