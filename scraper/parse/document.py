"""One page in, one ParsedDocument out: the orchestration of the text parsers.

``parse_document`` decodes, rejects non-content, parses HTML once with Lexbor and
routes to the article, index or plain-text path. ``parse_text`` turns the text
of a notice or Q&A into a NoticeRecord (pure).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser

from scraper.charset import decode
from storage.records import (
    ActionKind, ActionRecord, EntityRecord, ListKind, NoticeKind, NoticeRecord, NoticeRef, ParsedDocument,
    UnusablePage,
)

from . import actions as act
from . import entities as ent
from . import page
from .article import extract_article, find_container, page_title
from .dates import (
    Stamp, effective_in, filing_date, notice_effective, signature_date,
)
from .index import json_fragment, link_text_share, links_from_tree, looks_like_index_url, parse_index
from .number import filing_number, find_own_number
from .qa import answer_spans, clean_title, is_qa, qa_key, qa_title, source_stamp
from .textnorm import clean, fold, line_spans

HTML_SNIFF_RE = re.compile(r"^\s*(?:<!doctype|<html|<head|<body|<meta|<div|<p\b|<table|<!--|<\?xml|<title|<script|<span|<section|<ul|<ol|<li|<a\s|<h[1-6])", re.IGNORECASE)
TAG_COUNT_RE = re.compile(r"</?(?:p|div|br|span|a|td|table|body|html|ul|li)\b", re.IGNORECASE)
BODY_LINE_MIN = 50
FILING_LINE_RE = re.compile(r"^\s*【")
DECISION_WORDS = ("列入", "移出", "采取", "调查", "纳入")
INDEX_LINK_MIN = 3
QA_ISSUER = "商务部新闻办公室"
ART_HREF_HINT_RE = re.compile(r"art_[0-9a-f]{32}|/article/|\.shtml")
# A captured text inside an envelope ("=====BEGIN ORIGINAL TEXT…=====" … "=====END…=====").
ENVELOPE_BEGIN_RE = re.compile(r"^={3,}[^\n]*BEGIN[^\n]*={3,}[ \t]*\n", re.MULTILINE)
ENVELOPE_END_RE = re.compile(r"^={3,}[^\n]*END[^\n]*={3,}[ \t]*$", re.MULTILINE)
INDEX_SHARE_MIN = 0.4
MISLABEL_MIN = 8  # replacement characters that make a header charset suspect


@dataclass(frozen=True)
class PageHints:
    """What the page around the text says (meta tags), if any."""

    title: str | None = None
    pub: Stamp | None = None
    url: str | None = None


def _head_lines(lines: list[str]) -> list[str]:
    head = []
    for line in lines:
        s = line.strip()
        if len(s) >= BODY_LINE_MIN and ("，" in s or "。" in s or "," in s):
            break
        if s:
            head.append(s)
        if len(head) >= 15:
            break
    return head


def _announcement_title(lines: list[str], number: str | None) -> str | None:
    content = [line.strip() for line in lines if line.strip() and not FILING_LINE_RE.match(line)]
    if not content:
        return None
    first = content[0]
    if number and "".join(first.split()) == "".join(number.split()) and len(content) > 1:
        second = content[1]
        if len(second) < 80 and "。" not in second:
            return f"{first} {second}"
    return first


def has_listing_words(folded: str) -> bool:
    return "列入" in folded or "移出" in folded


def _doc_key(published: date | None, title: str | None) -> str:
    digest = hashlib.sha256("".join(unicodedata.normalize("NFKC", title or "").split()).encode()).hexdigest()
    return f"DOC-{published.isoformat() if published else 'undated'}-{digest[:8]}"


def parse_text(text: str, hints: PageHints | None = None) -> NoticeRecord | None:
    """Parse the text of a notice or Q&A. None when the text is neither (no number and
    no list action), or a Q&A that neither names a list nor acts on one."""
    hints = hints or PageHints()
    text = clean(text)
    folded = fold(text)
    lines = text.split("\n")
    warnings: list[str] = []
    title_hint = clean_title(clean(hints.title)) if hints.title else None

    filing_no = filing_number(folded, text)
    head = _head_lines(lines)
    folded_head = [fold(h) for h in head]
    # A Q&A has no number of its own: a page with a 【发布文号】 or opening with a number is a
    # notice even when it mentions or links a Q&A, unless its title says it is a Q&A.
    qa_title_says = bool(title_hint and ("答记者问" in title_hint or "新闻发言人" in title_hint))
    numbered = find_own_number(head, folded_head, text, title_hint, filing_no, strict=True)
    qa = qa_title_says or (numbered is None and is_qa(title_hint, folded))
    own = None if qa else (numbered or find_own_number(head, folded_head, text, title_hint, filing_no))

    # --- dates -----------------------------------------------------------------
    stamp, source = source_stamp(folded) if qa else (None, None)
    pub_hint = hints.pub
    if qa:
        best = stamp or pub_hint
        published = best.day if best else signature_date(lines)
        published_at = best.as_datetime() if best else None
    else:
        published = filing_date(folded) or signature_date(lines) or (pub_hint.day if pub_hint else None)
        if published is None and stamp:
            published = stamp.day
        published_at = pub_hint.as_datetime() if pub_hint and pub_hint.day == published else None
    if published is None:
        warnings.append("no publication date found")

    # --- identity --------------------------------------------------------------
    if qa:
        body_title = qa_title(lines)
        strong_body = bool(body_title and "答记者问" in body_title)
        title = title_hint if title_hint and ("答记者问" in title_hint or not strong_body) else (body_title or title_hint)
        spokesperson = "新闻发言人" in (title or "") or source == QA_ISSUER
        key, kind, number = qa_key(published, title), NoticeKind.QA, None
        issuer = QA_ISSUER if spokesperson else (source or "商务部")
    elif own:
        title = title_hint or _announcement_title(lines, own.number)
        key, kind, number, issuer = own.key, own.kind, own.number, own.issuer
    else:
        title = title_hint or _announcement_title(lines, None)
        key, kind, number, issuer = _doc_key(published, title), NoticeKind.OTHER, None, None
    folded_title = fold(title or "")

    # --- operative spans, lists, effective ----------------------------------------
    annex_line = ent.annex_start(lines)
    body_end = sum(len(line) + 1 for line in lines[:annex_line]) if annex_line else len(folded)
    spans = answer_spans(folded) if qa else [(0, body_end)]
    operative = "\n".join(folded[s:e] for s, e in spans)
    context_list = act.list_in(folded_title) or act.list_in(operative)
    if kind is NoticeKind.UEL_ANNOUNCEMENT:
        context_list = ListKind.UEL
    elif kind is NoticeKind.ORDER and ("反制" in folded or "反外国制裁法" in folded):
        context_list = ListKind.COUNTERMEASURE
    if qa:
        effective = None
        for s, e in spans:
            for sm in act.SENTENCE_RE.finditer(folded, s, e):
                if "自" in sm.group(0):
                    effective = effective_in(sm.group(0), published)
                    if effective:
                        break
            if effective:
                break
        effective = effective or (published.isoformat() if published else None)
    else:
        effective = notice_effective(folded, published)
        if effective is None and published:
            effective = published.isoformat()
            if own and has_listing_words(folded):
                warnings.append("no effective date stated; using the publication date")

    refs = act.collect_refs(folded, text, published, context_list, own.key if own else None)
    drafts = act.find_actions(folded, text, spans=spans, refs=refs, published=published,
                              default_effective=effective, notice_list=context_list, allow_impose=not qa)
    has_impose = any(d.action is ActionKind.IMPOSE for d in drafts)
    if not qa and not has_impose and not any(d.action is ActionKind.INVESTIGATE for d in drafts):
        measure = act.measure_action(folded, text, (0, len(folded)), effective, context_list)
        if measure and not any(d.targets or d.action is ActionKind.REMOVE for d in drafts):
            drafts.append(measure)
    notice_list = next((d.list for d in drafts if d.action is ActionKind.IMPOSE and d.list), None)
    notice_list = notice_list or context_list or next((d.list for d in drafts if d.list), None)

    # --- entities ------------------------------------------------------------------
    acting = next((d.start for d in drafts if d.action in (ActionKind.IMPOSE, ActionKind.REMOVE) and not d.targets), None)
    anchor = _sentence_start(folded, acting) if acting is not None else 0
    decision = _decision_sentence(folded, anchor) or (_decision_sentence(folded) if anchor else None)
    decision_f = folded[decision[0] : decision[1]] if decision else ""
    annex_heading = next((folded[s:e] for s, e in line_spans(folded, "列入") if "家" in folded[s:e] and "的" in folded[s:e]), "")
    count_texts = [folded_title, decision_f, annex_heading, operative]
    stated, country = ent.stated_count(count_texts)
    country = ent.country_of(count_texts) or country
    entities: list[EntityRecord] = []
    # A removal names its entities even when it also names the notice that listed them.
    needs_entities = not qa and any(d.action is ActionKind.REMOVE or (d.action in (
        ActionKind.IMPOSE, ActionKind.INVESTIGATE, ActionKind.MEASURE) and not d.targets) for d in drafts)
    if needs_entities:
        entities = _entities(lines, folded, text, decision, drafts, annex_line, anchor)
        entities = ent.with_country(ent.english_from_text(entities, folded, text), country)
    if not qa and stated is not None and (entities or has_impose) and len(entities) != stated:
        warnings.append(f"parsed {len(entities)} entities, notice states {stated}")
    if not qa and has_impose and not entities:
        if stated is None:
            warnings.append("no entities found for a listing")

    keys = tuple(e.key for e in entities)
    action_records = []
    for d in drafts:
        names = keys if d.action is ActionKind.REMOVE or (
            d.action in (ActionKind.INVESTIGATE, ActionKind.MEASURE) and not d.targets) else ()
        action_records.append(ActionRecord(action=d.action, list=d.list, targets=d.targets, effective=d.effective,
                                           until=d.until, duration=d.duration, entities=names, text=d.text))
    action_records = _dedupe_actions(action_records)
    if qa and not action_records:
        if context_list is None:
            return None  # a spokesperson answer about something else (trade data, tariffs, ...)
        warnings.append("no action found in the answer")

    references = _dedupe_refs([r for _, _, r in refs])
    if not qa and not own:
        if not action_records or not any(len(line) >= BODY_LINE_MIN for line in lines):
            return None
        warnings.append("no notice number found")
    if qa and effective and published and effective < published.isoformat():
        warnings.append(f"effective {effective} is before publication {published.isoformat()}")
    return NoticeRecord(
        key=key, kind=kind, number=number, issuer=issuer, title=title, published=published,
        published_at=published_at, effective=effective, list=notice_list, actions=tuple(action_records),
        entities=tuple(entities), stated_count=stated, references=references, warnings=tuple(warnings),
        url=hints.url, text=text,
    )


def _sentence_start(folded: str, pos: int) -> int:
    return max(folded.rfind("。", 0, pos), folded.rfind("\n", 0, pos)) + 1


def _decision_sentence(folded: str, start: int = 0) -> tuple[int, int] | None:
    """Span of the first sentence (from ``start``, the acting sentence) with 决定 and a listing verb."""
    pos = folded.find("决定", start)
    while pos >= 0:
        start = max(folded.rfind("。", 0, pos), folded.rfind("\n", 0, pos)) + 1
        ends = [i for i in (folded.find("。", pos), folded.find("\n", pos)) if i >= 0]
        end = min(ends) if ends else len(folded)
        if any(word in folded[start:end] for word in DECISION_WORDS):
            return start, end
        pos = folded.find("决定", end)
    return None


def _entities(lines: list[str], folded: str, text: str, decision, drafts, start: int | None,
              anchor: int = 0) -> list[EntityRecord]:
    annex_marked = start is not None
    if start is None and decision is not None:
        start = folded.count("\n", 0, decision[0])
    found = ent.annex_entities(lines, start or 0, folded_lines=folded.split("\n"), chinese_numbers=annex_marked)
    if found:
        return found
    prose = (ent.decision_prose(folded, text, anchor) if anchor else None) or ent.decision_prose(folded, text)
    if prose and ent.is_anaphor(prose[0]):
        return ent.earlier_named(folded, text, prose[1])
    if prose:
        found = ent.prose_entities(prose[0])
        if found:
            return found
    if any(d.action in (ActionKind.INVESTIGATE, ActionKind.MEASURE) for d in drafts):
        name = ent.object_of_dui(folded, text)
        if name:
            zh, en = ent.split_name(name)
            if zh or en:
                return [ent.make_entity(zh, en)]
    return []


def _dedupe_actions(records: list[ActionRecord]) -> list[ActionRecord]:
    """One action per (verb, list, targets, effective): the title ("关于暂停实施…的公告") and the
    body say the same thing, the body with the duration, so the fuller one wins. A removal
    without targets is dropped when the same list has one with targets."""
    out: list[ActionRecord] = []
    for r in records:
        same = [i for i, o in enumerate(out) if (o.action, o.list, o.targets, o.effective) == (r.action, r.list, r.targets, r.effective)]
        if not same:
            out.append(r)
        elif (r.until, r.duration) != (None, None) and (out[same[0]].until, out[same[0]].duration) == (None, None):
            out[same[0]] = r
    targeted = {(r.action, r.list) for r in out if r.targets}
    return [r for r in out if r.targets or r.action is not ActionKind.REMOVE or (r.action, r.list) not in targeted]


def _dedupe_refs(refs: list[NoticeRef]) -> tuple[NoticeRef, ...]:
    out: dict[tuple, NoticeRef] = {}
    for r in refs:
        ident = (r.key, r.date, r.list, r.count) if r.key is None else (r.key,)
        if ident in out:
            prev = out[ident]
            if prev.date is None and r.date is not None:
                out[ident] = r
            continue
        out[ident] = r
    keyed = {(r.date, r.list) for r in out.values() if r.key and r.date}
    return tuple(r for r in out.values() if r.key or r.count or (r.date, r.list) not in keyed)


def strip_envelope(text: str) -> str:
    """The text between BEGIN/END marker lines, when a capture tool wrapped it in one."""
    begin = ENVELOPE_BEGIN_RE.search(text)
    if not begin:
        return text
    end = ENVELOPE_END_RE.search(text, begin.end())
    return text[begin.end() : end.start() if end else len(text)]


def _is_html(text: str) -> bool:
    return bool(HTML_SNIFF_RE.match(text[:2000])) or len(TAG_COUNT_RE.findall(text[:5000])) >= 5


def _decode(raw: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode with the header's charset, unless the body does not decode with it (a GBK page
    served as "charset=utf-8"): then the page's own meta label or a guess."""
    text, encoding = decode(raw, content_type)
    if content_type and "\ufffd" in text:
        bad = text.count("\ufffd")
        if bad > MISLABEL_MIN:
            other, other_encoding = decode(raw, None)
            if other.count("\ufffd") < bad // 4:
                return other, other_encoding
    return text, encoding


def parse_document(raw: bytes | str, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    """Parse one fetched or saved page. Raises UnusablePage for non-content."""
    if isinstance(raw, bytes):
        page.check_raw(raw)
        text, encoding = _decode(raw, content_type)
    else:
        text, encoding = raw, "utf-8"
    page.check_decoded(text)
    stripped = text.lstrip()
    if stripped.startswith("{"):  # jpaas list endpoints answer JSON, whatever their Content-Type says
        fragment = json_fragment(stripped)
        if fragment is not None:
            links = parse_index(stripped, url or "")
            warnings = () if links else ("the list body holds no article links",)
            return ParsedDocument(kind="index", encoding=encoding, links=links, warnings=warnings)
        if stripped.startswith('{"success":false') or '"success": false' in stripped[:100]:
            raise UnusablePage("error-page", "the list endpoint answered success=false")
    if not _is_html(text):
        text = strip_envelope(text)
        page.check_content(text, text, html=False)
        record = parse_text(text, PageHints(url=url))
        if record is None:
            return ParsedDocument(kind="other", encoding=encoding, warnings=("no notice found in the text",))
        return ParsedDocument(kind="notice", encoding=encoding, notice=record, title=record.title,
                              warnings=record.warnings)
    tree = LexborHTMLParser(text)
    hinted = bool(ART_HREF_HINT_RE.search(text))
    found = find_container(tree)
    # Without a container, links first: the fallback text extraction removes navigation from
    # the tree. With one, links only matter if the page turns out not to be a notice.
    links = links_from_tree(tree, url) if hinted and found[0] is None else ()
    if links and looks_like_index_url(url):
        return ParsedDocument(kind="index", encoding=encoding, links=links, title=page_title(tree))
    art = extract_article(tree, text, found)
    if links and art.container is None and link_text_share(tree, art.visible_chars) >= INDEX_SHARE_MIN:
        return ParsedDocument(kind="index", encoding=encoding, links=links, title=art.title)
    page.check_content(art.text, text, html=True)
    record = parse_text(art.text, PageHints(title=art.title, pub=art.pub, url=url))
    if record is not None:
        return ParsedDocument(kind="notice", encoding=encoding, notice=record, title=record.title,
                              warnings=record.warnings)
    if hinted and found[0] is not None:
        links = links_from_tree(tree, url)
    if len(links) >= INDEX_LINK_MIN:
        return ParsedDocument(kind="index", encoding=encoding, links=links, title=art.title)
    return ParsedDocument(kind="other", encoding=encoding, title=art.title)
