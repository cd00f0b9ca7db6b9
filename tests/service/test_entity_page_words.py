"""What the entity page says about its day and its lists, in pure functions: no store, no server."""

from __future__ import annotations

from datetime import date

from mofcom_watch.server.entity_pages import standing_line


def test_the_page_names_both_ministries_it_shows() -> None:
    """It said "China's MOFCOM lists" above a table holding 外交部令第13号 (MFA) for Skydio."""
    line = standing_line(date(2026, 12, 3))
    assert "MOFCOM and MFA" in line and "2026-12-03" in line



def test_a_lapse_row_has_no_until_and_every_event_is_a_word() -> None:
    """The timeline's lapse row said "Until 2026-11-10" beside "suspension lapsed", as if in force until then, and
    the Event column showed keys with the underscores taken out ("measure" for an added measure) (wording29)."""
    from mofcom_watch.server.data import EntityView
    from mofcom_watch.server.entity_pages import _timeline
    from storage.records import EventKind, ListKind
    from storage.status import EntityListing, EntityTimeline
    from tests.feeds.factory import event

    events = (event(EventKind.SUSPENSION_EXTENDED, date(2025, 11, 10), until=date(2026, 11, 10)),
              event(EventKind.SUSPENSION_LAPSED, date(2026, 11, 10), until=date(2026, 11, 10)),
              event(EventKind.MEASURE, date(2025, 3, 4)))
    listing = EntityListing("UEL-2025-7", "不可靠实体清单工作机制公告〔2025〕7号", ListKind.UEL, None, events)
    html = _timeline(EntityView(EntityTimeline(("skydio",), "斯凯迪奥公司", "Skydio Inc.", (), (listing,)), (), ()))
    rows = html.split("<tr")
    lapse = next(r for r in rows if "suspension lapsed" in r)
    assert "2026-11-10" in lapse and lapse.count("2026-11-10") == 1, lapse  # its Date, no Until
    assert "2026-11-10" in next(r for r in rows if "suspension extended" in r)  # an extension keeps its Until
    assert "measure added" in html


def test_a_source_whose_title_begins_with_its_number_names_it_once() -> None:
    """"商务部公告2025年第13号 商务部公告2025年第13号 公布将15家美国实体…" in Skydio's sources (wording29)."""
    from mofcom_watch.server.entity_pages import _sources
    from storage.records import Provenance

    number = "商务部公告2025年第13号"
    both = Provenance("MOFCOM-2025-13", number, f"{number} 公布将15家美国实体列入出口管制管控名单", ("https://x/1.html",),
                      None, None)
    other = Provenance("MFA-ORDER-2024-13", "外交部令第13号", "关于对美国军工企业及高级管理人员采取反制措施的决定", (), None, None)
    html = _sources((both, other), frozenset())
    assert html.count(number) == 1, html
    assert "外交部令第13号 关于对美国军工企业" in html


def test_a_lapse_row_says_presumed_needs_review_once_in_red() -> None:
    """The lapse row showed "suspension lapsed" with a red "presumed - needs review" mark above the title ending
    "…presumed back in force, needs review": said twice (wording30). The title says it, in red, once."""
    from mofcom_watch.server.data import EntityView
    from mofcom_watch.server.entity_pages import _timeline
    from storage.records import EventKind, ListKind
    from storage.status import EntityListing, EntityTimeline
    from storage.vocabulary import PRESUMED
    from tests.feeds.factory import event

    title = "Suspension lapsed: Skydio Inc. on the unreliable entity list (UEL-2025-7) presumed back in force, needs review"
    lapse = event(EventKind.SUSPENSION_LAPSED, date(2026, 11, 10), until=date(2026, 11, 10), title=title, presumed=True)
    listing = EntityListing("UEL-2025-7", "不可靠实体清单工作机制公告〔2025〕7号", ListKind.UEL, None, (lapse,))
    html = _timeline(EntityView(EntityTimeline(("skydio",), "斯凯迪奥公司", "Skydio Inc.", (), (listing,)), (), ()))
    row = next(r for r in html.split("<tr") if "suspension lapsed" in r)
    assert f'<span class="bad">{title}</span>' in row and PRESUMED not in row and row.count("needs review") == 1, row


def test_the_list_column_says_whose_countermeasure_list() -> None:
    """The front page and entity pages said "Countermeasure list" for the MFA's and MOFCOM's alike (wording29)."""
    from mofcom_watch.server.pages import list_label
    from storage.records import ListKind

    assert list_label(ListKind.COUNTERMEASURE, "外交部") == "MFA countermeasure list"
    assert list_label(ListKind.COUNTERMEASURE, "商务部") == "MOFCOM countermeasure list"
    assert list_label(ListKind.COUNTERMEASURE) == "Countermeasure list"  # issuer unknown: no guess
    assert list_label(ListKind.ECL, "商务部") == "Export control list"  # one ministry's list: as before
