"""Every page of the saved-site tree in fixtures/ parses to what fixtures/README.md says."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import ListKind, UnusablePage

FIXTURES = Path(__file__).parents[2] / "fixtures"
# notice key -> (list, entity count, actions)
NOTICES = {
    "MOFCOM-2025-1": ("ecl", 28, ["impose"]),
    "MOFCOM-2025-13": ("ecl", 15, ["impose"]),
    "MOFCOM-2025-21": ("ecl", 16, ["impose"]),
    "MOFCOM-2025-22": ("ecl", 12, ["impose"]),
    "MOFCOM-2025-51": ("ecl", 3, ["impose"]),
    "UEL-2024-3": ("uel", 1, ["investigate"]),
    "UEL-2025-4": ("uel", 2, ["impose"]),
    "UEL-2025-5": ("uel", 10, ["impose"]),
    "UEL-2025-6": ("uel", 1, ["measure"]),
    "UEL-2025-7": ("uel", 11, ["impose"]),
    "UEL-2025-8": ("uel", 6, ["impose"]),
    "MOFCOM-2024-46": (None, 0, []),  # item controls: no list, no entities
    "MOFCOM-2025-72": (None, 0, ["suspend"]),  # suspends clause 2 of No. 46 until 2026-11-27
    "MFA-ORDER-2022-4": ("countermeasure", 2, ["impose"]),  # www.mfa.gov.cn, official texts
    "MFA-ORDER-2024-13": ("countermeasure", 13, ["impose"]),
    "MFA-ORDER-2025-17": ("countermeasure", 1, ["impose"]),
    # item controls of 2025-10-09, suspended by No. 70 until 2026-11-10
    **{f"MOFCOM-2025-{n}": (None, 0, []) for n in (55, 56, 57, 58, 61, 62)},
    "MOFCOM-2025-70": (None, 0, ["suspend"]),
    "MOFCOM-ORDER-2025-6": ("countermeasure", 0, ["impose"]),  # the 5 Hanwha subsidiaries, not named in our copy
    "MOFCOM-ORDER-2025-7": ("countermeasure", 0, ["suspend"]),  # suspends Order No. 6 for 1 year
    "MOFCOM-2026-11": ("ecl", 0, ["impose"]),  # 20 Japanese entities, not named in our copy
    "MOFCOM-2026-12": ("watch", 0, ["impose"]),  # the first watch-list notice; its removal route is no removal
    "MOFCOM-2026-23": ("ecl", 10, ["impose"]),
    "MOFCOM-ORDER-2026-2": ("countermeasure", 1, ["impose"]),
}
# Copies written from the reported facts that state a count but name no entity: the parser must say so.
WARNINGS = {
    "MOFCOM-ORDER-2025-6": ("parsed 0 entities, notice states 5",),
    "MOFCOM-2026-11": ("parsed 0 entities, notice states 20",),
    "MOFCOM-2026-12": ("parsed 0 entities, notice states 20",),
}
MFA_ARTICLE = re.compile(r"^https://www\.mfa\.gov\.cn/web/.+/fzcqdcs/\d{6}/t\d{8}_\d+\.shtml$")
# Q&A date and list -> [(action, target keys or (date, count), until)]
QAS = {
    ("2025-05-14", "ecl"): [("suspend", [("2025-04-04", None), ("2025-04-09", None)], "2025-08-12")],
    ("2025-05-14", "uel"): [("suspend", ["UEL-2025-7"], "2025-08-12"), ("suspend", ["UEL-2025-8"], None)],
    ("2025-08-12", "ecl"): [("extend", [("2025-04-04", 16)], "2025-11-10"), ("lift", [("2025-04-09", 12)], None)],
    ("2025-08-12", "uel"): [("extend", ["UEL-2025-7"], "2025-11-10"), ("lift", ["UEL-2025-8"], None)],
    ("2025-11-05", "ecl"): [("lift", ["MOFCOM-2025-13"], None), ("extend", ["MOFCOM-2025-21"], "2026-11-10")],
    ("2025-11-05", "uel"): [("extend", ["UEL-2025-7"], "2026-11-10"), ("lift", ["UEL-2025-5", "UEL-2025-6"], None)],
}


def pages():
    if not FIXTURES.is_dir():
        return []
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".html", ".txt", ".json", ".htm", ".shtml"))


def url_of(path: Path) -> str | None:
    rel = path.relative_to(FIXTURES)
    return "https://" + rel.as_posix() if "." in rel.parts[0] else None


def parsed():
    out = {}
    for path in pages():
        try:
            out[path] = parse_document(path.read_bytes(), url=url_of(path))
        except UnusablePage as exc:
            out[path] = exc
    return out


pytestmark = pytest.mark.skipif(not pages(), reason="fixtures/ has no pages yet")


@pytest.fixture(scope="module")
def docs():
    return parsed()


def test_every_announcement_in_the_tree(docs):
    seen = {}
    for path, doc in docs.items():
        if isinstance(doc, UnusablePage) or doc.kind != "notice" or doc.notice.kind.value == "qa":
            continue
        rec = doc.notice
        assert rec.key in NOTICES, f"{path}: unexpected notice {rec.key}"
        lst, count, actions = NOTICES[rec.key]
        got_list = rec.list.value if rec.list else None
        assert (got_list, len(rec.entities), [a.action.value for a in rec.actions]) == (lst, count, actions), path
        assert rec.warnings == WARNINGS.get(rec.key, ()), f"{path}: {rec.warnings}"
        assert rec.published is not None
        seen[rec.key] = rec
    assert set(seen) == set(NOTICES)
    assert seen["MOFCOM-2025-22"].effective == "2025-04-10T12:01+08:00"
    assert seen["UEL-2025-8"].effective == "2025-04-10T12:01+08:00"
    assert seen["UEL-2025-6"].actions[0].entities == ("illumina",)
    (suspend,) = seen["MOFCOM-2025-72"].actions
    assert ([t.key for t in suspend.targets], suspend.effective, str(suspend.until)) == (
        ["MOFCOM-2024-46"], "2025-11-09", "2026-11-27")
    (no70,) = seen["MOFCOM-2025-70"].actions  # the title's "第55号等公告" is not a second, open-ended suspension
    assert ([t.key for t in no70.targets], no70.effective, str(no70.until)) == (
        [f"MOFCOM-2025-{n}" for n in (55, 56, 57, 58, 61, 62)], "2025-11-10", "2026-11-10")
    (order7,) = seen["MOFCOM-ORDER-2025-7"].actions
    assert ([t.key for t in order7.targets], order7.list, order7.effective, str(order7.until), order7.duration) == (
        ["MOFCOM-ORDER-2025-6"], ListKind.COUNTERMEASURE, "2025-11-10", "2026-11-10", "1年")
    assert seen["MOFCOM-ORDER-2025-6"].stated_count == 5  # "5家美国子公司" is a count, not a name
    assert seen["MOFCOM-2026-12"].list is ListKind.WATCH
    assert [e.en for e in seen["MOFCOM-2026-23"].entities][::9] == ["Aveox, Inc.", "USA Rare Earth, Inc."]
    assert seen["MOFCOM-2025-57"].effective == "2025-11-08"


def test_aliases_parse_identically(docs):
    by_key = {}
    for doc in docs.values():
        if not isinstance(doc, UnusablePage) and doc.kind == "notice" and doc.notice.kind.value != "qa":
            by_key.setdefault(doc.notice.key, []).append(doc.notice)
    for key, records in by_key.items():
        shapes = {(r.number, r.published, r.effective, tuple(e.key for e in r.entities)) for r in records}
        assert len(shapes) == 1, key


def test_every_qa_in_the_tree(docs):
    seen = {}
    for path, doc in docs.items():
        if isinstance(doc, UnusablePage) or doc.kind != "notice" or doc.notice.kind.value != "qa":
            continue
        rec = doc.notice
        ident = (rec.published.isoformat(), rec.list.value)
        got = [(a.action.value,
                [t.key or (t.date.isoformat(), t.count) for t in a.targets],
                a.until.isoformat() if a.until else None) for a in rec.actions]
        assert got == QAS[ident], path
        assert all(t.list is rec.list for a in rec.actions for t in a.targets)
        seen[ident] = rec.key
    assert set(seen) == set(QAS)
    assert len(set(seen.values())) == len(QAS)  # same titles on different days: still different keys


def test_index_pages_give_absolute_article_links(docs):
    indexes = {p: d for p, d in docs.items() if not isinstance(d, UnusablePage) and d.kind == "index"}
    assert indexes
    for path, doc in indexes.items():
        assert doc.links, path
        for link in doc.links:
            assert link.url.startswith("https://") and ("/art/" in link.url or MFA_ARTICLE.search(link.url)), link.url
            assert link.title and isinstance(link.date, date)


def test_no_page_is_a_notice_without_a_number_or_a_broken_page(docs):
    for path, doc in docs.items():
        if isinstance(doc, UnusablePage):
            assert doc.reason in {"js-shell", "bot-check", "not-found", "disclaimer", "empty", "error-page", "binary"}
        elif doc.kind == "notice":
            assert not doc.notice.key.startswith("DOC-"), path
