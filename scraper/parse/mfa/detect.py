"""Which texts are MFA decisions (``detects``), which only report one (``reports``), and the genre entry
point ``parse_source``."""

from __future__ import annotations

from storage.records import NoticeRecord

from ..draft import Source
from ..lazyre import lazy_compile
from ..textnorm import despace, fold
from .wording import (
    DECISION_HEADER_RE,
    DECISION_MARK_RE,
    EN_MINISTRY,
    ISSUER,
    NUMBERED_MEASURE_RE,
    ORDER_NO_RE,
    ORDER_PAGE_RE,
    OWN_EFFECTIVE_LINE,
    TITLE_RE,
)


def _names_order(folded: str, title: str | None) -> bool:
    """The text names an 外交部令 and countermeasures (in its text or its title, TITLE_RE: a page cut in its reasons
    says neither 反制 nor 反外国制裁法)."""
    head = folded[:3000]
    # The literals first: every ORDER_NO_RE match holds 外交部令.
    return "外交部令" in head and ORDER_NO_RE.search(head) is not None and (
        "反制" in folded or "反外国制裁法" in folded
        or (title is not None and "反制" in title and TITLE_RE.match(fold(despace(title))) is not None))


def decision_shaped(folded: str) -> bool:
    """Whether the text holds the decision's own header or order page, a numbered measure (``wording``:
    DECISION_HEADER_RE, ORDER_PAGE_RE, NUMBERED_MEASURE_RE), its own effective line or its signature."""
    return ("外交部令" in folded and (DECISION_HEADER_RE.search(folded) is not None
                                    or ORDER_PAGE_RE.search(folded) is not None)) or (
        "、" in folded and NUMBERED_MEASURE_RE.search(folded) is not None) or OWN_EFFECTIVE_LINE in folded or (
        ISSUER in folded and any(despace(line) == ISSUER for line in folded.split("\n")))


def is_decision(folded: str, title: str | None = None) -> bool:
    """An MFA countermeasure decision: it names an 外交部令 and countermeasures and has the decision's shape
    (``decision_shaped``: a text that names the order without it is a report, ``reports``), or it is a 反制措施的决定
    signed by 外交部."""
    head = folded[:3000]
    if _names_order(folded, title) and decision_shaped(folded):
        return True
    if "商务部" in head:  # a MOFCOM text, whatever its title says (checked before the regexes)
        return False
    titled = bool(title and "措施" in title and DECISION_MARK_RE.search(fold(title))) or bool(
        "措施" in head and DECISION_MARK_RE.search(head))
    if not titled:
        return False
    return any(despace(line) == ISSUER for line in folded.split("\n"))  # signed by 外交部


def detects(src: Source) -> bool:
    """``is_decision`` on the text views the notice rules share (``notice.GENRES``). A text
    that neither names an 外交部令 nor says 措施 near its top cannot be one: most texts
    leave here before any regex runs."""
    head, title = src.folded[:3000], src.title_hint or ""
    named = "外交部令" in head
    if not named and "措施" not in head and "措施" not in title:
        # an English version (www.fmprc.gov.cn/eng): its text opens in Latin script, a Chinese page's almost never
        if not (head[:1].isascii() and EN_MINISTRY in head):
            return False
        from .english import english_decree  # (the decision reader is loaded for the texts it reads)

        return english_decree(src) is not None
    if not named and "商务部" in head:  # is_decision's answer for a MOFCOM text (its first test needs an 外交部令 named)
        return False
    return is_decision(src.folded, src.title_hint)


# A report of an MFA decision in words of its own (a wire story, a paper's summary: "外交部10日发布关于对…采取
# 反制措施的决定，决定对A、B等3家…企业及10名…采取反制措施"): the MFA decides, in one sentence, countermeasures.
REPORTED_RE = lazy_compile(r"外交部[^。；;\n]{0,80}?(?:决定|宣布)[^。；;\n]{0,300}?(?:反制|反制裁)措施")


def reports(src: Source) -> bool:
    """A text that tells an MFA countermeasure decision without being it (``detects`` said no: it gives
    no 外交部令 number, or no countermeasure, and no 外交部 signature; or it names the order but has none of the
    decision's own lines, ``decision_shaped``): no notice. Read by the MOFCOM rules, "决定对…采取反制措施" made an
    impose under a DOC key whose entity was the report's description of the group ("美国军工企业及高级管理人员"); read
    as the decision, a report naming the order was a decision without targets, refused as a page cut short. The
    decision itself is read from its own page (or from a reprint that gives it whole, with its number: ``detects``)
    under its own key. Not a MOFCOM text (商务部)."""
    head = src.folded[:3000]
    if "外交部" not in head or "商务部" in head:
        return False
    if "答" in head and "反外国制裁法" in src.folded and _decides_itself(src.folded):
        return False  # an answer that is the decision: read as a Q&A, and held for a person (``checks.announced_countermeasures``)
    return ("措施" in head and REPORTED_RE.search(head) is not None) or _names_order(src.folded, src.title_hint)


def _decides_itself(folded: str) -> bool:
    """Whether an answer ("答：") decides countermeasures under the Anti-Foreign Sanctions Law with no decree
    (``checks.decides_here``): "外交部发言人就中方决定对捷克参议员采取反制措施答记者问" / "答：…中方决定对A（a）、B（b）采取反制措施，
    禁止其…入境…，为期五年" (session 40, mfa40/17: its title read as a report of a decree, no notice, exit 0, silently)."""
    from .checks import decides_here  # (loaded for the few answers that cite the law)

    answer = max(folded.find("答:"), folded.find("答："))
    return answer >= 0 and decides_here(folded, answer)


def no_notice(src: Source) -> None:
    """What a text that is no notice reads as (``reports``)."""
    return None


def parse_source(src: Source) -> NoticeRecord:
    """``parse_decision`` on the shared text views (``notice.GENRES``); an English version of a decision
    (``english_decree``) is a report of it (``english_version``)."""
    from .decision import parse_decision  # loaded here: a MOFCOM text never needs it (issue 11, start-up)
    from .english import english_decree, english_version

    # a Chinese decision names 外交部 in its first line or two: that search stops there
    decree = (english_decree(src) if src.folded.find("外交部", 0, 3000) < 0 and src.folded.find(EN_MINISTRY, 0, 3000) >= 0
              else None)
    if decree is not None:
        return english_version(src, decree)
    return parse_decision(src.text, src.title_hint, src.hints.pub, src.hints.url, folded=src.folded,
                          lines=(src.lines, src.folded_lines))
