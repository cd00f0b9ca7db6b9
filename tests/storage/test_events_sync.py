"""sync_events / load_events against a real database: idempotent, corrections, retractions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from feeds.render import item_html
from storage.events import (
    apply_derivation,
    content_hash,
    derive,
    falsifiable,
    load_events,
    payload_hash,
    payload_hashes,
    sync_events,
)
from storage.ingest import store_notice
from storage.models import Event, Page, Snapshot
from storage.notices import load_stored_notices
from storage.records import EventKind, NoticeRecord
from storage.snapshots import record_snapshot
from storage.vocabulary import TAG_PREFIX as TAG
from tests.storage.test_lifecycle_corpus import (
    ECL,
    LISTING_NOTICES,
    QA_0514_UEL,
    QA_0812_UEL,
    QAS,
    UEL,
    UEL7,
    UEL8,
    ent,
    impose,
    names,
)

AS_OF = date(2026, 11, 29)
T0 = datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)


def put(engine, record: NoticeRecord, *, at: datetime = T0, body: bytes | None = None, url: str | None = None):
    url = url or f"https://www.mofcom.gov.cn/test/{record.key}.html"
    raw = body if body is not None else record.dumps().encode()
    with Session(engine) as s, s.begin():
        snap, _ = record_snapshot(s, url=url, raw=raw, fetched_at=at, outcome="notice", notice_key=record.key,
                                  parser_version="test")
        store_notice(s, record, snap, url, at)


def sync(engine, as_of: date = AS_OF):
    with Session(engine) as s, s.begin():
        return sync_events(s, as_of)


def rows(engine) -> dict[str, tuple]:
    with Session(engine) as s:
        return {r.id: (r.payload_sha256, r.revision, r.retracted, r.corrects) for r in s.scalars(select(Event))}


def events(engine, as_of: date | None = AS_OF):
    with Session(engine) as s:
        return load_events(s, as_of)


def test_sync_is_idempotent_and_order_independent(engine, tmp_path):
    for rec in QAS + LISTING_NOTICES:  # the Q&As first: order must not matter
        put(engine, rec)
    first = sync(engine)
    assert first.new > 0 and first.corrected == first.retracted == 0 and first.problems == ()
    before = rows(engine)
    again = sync(engine)
    assert (again.new, again.corrected, again.retracted, again.refreshed) == (0, 0, 0, 0)
    assert again.unchanged == first.new
    assert rows(engine) == before
    loaded = events(engine)
    assert len(loaded) == first.new
    assert loaded[0].occurred >= loaded[-1].occurred  # newest first
    assert loaded[0].kind is EventKind.SUSPENSION_LAPSED
    lapsed = {e.id for e in loaded if e.kind is EventKind.SUSPENSION_LAPSED and e.scope == "notice"}
    assert lapsed == {f"{TAG}MOFCOM-2025-21/suspension_lapsed/ecl/2026-11-11",  # "1年" through 11-10 (lapse43)
                      f"{TAG}UEL-2025-7/suspension_lapsed/uel/2026-11-11"}


def test_load_events_filters_by_as_of(engine):
    for rec in (UEL7, QA_0514_UEL):
        put(engine, rec)
    sync(engine)
    assert all(e.occurred.date() <= date(2025, 5, 1) for e in events(engine, date(2025, 5, 1)))
    assert {e.kind for e in events(engine, date(2025, 5, 1))} == {EventKind.IMPOSED, EventKind.NOTICE}
    assert EventKind.SUSPENDED in {e.kind for e in events(engine, None)}


def test_changed_notice_text_gives_a_correction_not_a_silent_rewrite(engine):
    put(engine, UEL7)
    put(engine, UEL8)
    put(engine, QA_0514_UEL)
    sync(engine, date(2025, 6, 1))
    orig_id = f"{TAG}UEL-2025-7/suspended/uel/2025-05-14"
    (orig,) = [e for e in events(engine, date(2025, 6, 1)) if e.id == orig_id]
    assert orig.until == date(2025, 8, 12)
    # The Q&A page is re-fetched a day later with a different duration (a new revision).
    later = T0 + timedelta(days=1)
    a0 = replace(QA_0514_UEL.actions[0], until=date(2025, 8, 13), duration="91天")
    changed = replace(QA_0514_UEL, actions=(a0,) + QA_0514_UEL.actions[1:])
    put(engine, changed, at=later, body=b"changed page")
    result = sync(engine, date(2025, 6, 1))
    assert result.corrected >= 2  # notice-level and entity-level items of UEL-2025-7, the notice item
    evs = {e.id: e for e in events(engine, date(2025, 6, 1)) + events(engine, None)}
    fixed = evs[orig_id]
    assert fixed.until == date(2025, 8, 13)
    assert fixed.occurred == orig.occurred and fixed.updated == later
    corr = evs[f"{orig_id}/correction/1"]
    assert corr.kind is EventKind.CORRECTION and corr.corrects == orig_id and corr.updated == later
    assert "Suspended:" in corr.title and "2025-08-13" in corr.title
    # and once more: nothing moves
    assert sync(engine, date(2025, 6, 1)).changed is False


def test_countdowns_moved_by_a_changed_end_are_replaced_each_by_its_own(engine):
    """A step's two countdowns (30 and 7 days) move together when its end moves a day (a page re-fetched with "91天"; an
    upgrade to one convention for the last day, lapse43, moved every counted one so): each is "Replaced by a corrected
    item" continuing as the new one counting the same days. Was: two successors, so none, and each "Retracted: … the
    suspension goes on", naming the very step as read after it (a cause untrue)."""
    put(engine, UEL7)
    put(engine, QA_0514_UEL)
    sync(engine, date(2025, 8, 10))
    before = {e.id for e in events(engine, date(2025, 8, 10)) if e.kind is EventKind.SUSPENSION_ENDS_SOON
              and e.scope == "notice"}
    assert before == {f"{TAG}UEL-2025-7/suspension_ends_soon/uel/2025-07-14",
                      f"{TAG}UEL-2025-7/suspension_ends_soon/uel/2025-08-06"}
    a0 = replace(QA_0514_UEL.actions[0], until=date(2025, 8, 13), duration="91天")
    put(engine, replace(QA_0514_UEL, actions=(a0,) + QA_0514_UEL.actions[1:]), at=T0 + timedelta(days=1),
        body=b"changed page")
    sync(engine, date(2025, 8, 10))
    got = {e.id: e for e in events(engine, None)}
    for day, new, days in (("2025-07-14", "2025-07-15", 30), ("2025-08-06", "2025-08-07", 7)):
        corr = got[f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{day}/correction/1"]
        assert corr.title.startswith("Replaced by a corrected item: "), corr.title
        assert f"It continues as {TAG}UEL-2025-7/suspension_ends_soon/uel/{new} " in corr.summary, corr.summary
        assert got[f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{new}"].days_left == days


def sync_holding(engine, as_of: date):
    """A sync of a cycle with a source broken: lapses, countdowns and unresolved references new this sync are held
    back (``mofcom_watch.publish.derive_and_sync``: ``falsifiable``)."""
    with Session(engine) as s, s.begin():
        notices = load_stored_notices(s)
        return apply_derivation(s, derive(notices, as_of), as_of, {n.record.key: n for n in notices},
                                withhold=falsifiable)


def test_an_item_whose_successor_is_held_back_stays_until_that_one_is_published(engine):
    """order43 (the upgrade to lapse43's last day through ``run``, a source broken in the first cycle of the new version,
    its year index gone): each moved countdown's successor is held back (a broken source could falsify it), so it was
    no successor, and the old item was "Retracted: Suspension ends in 30 days …: the suspension goes on (QA…)", the
    lapse "Retracted: … presumed back in force from 2026-11-10 …: the suspension goes on", while the measures were
    presumed back from 11-11; the new items came a cycle later as news of their own, linked to nothing (a healthy first
    cycle: "Replaced by a corrected item … continues as"). It stays until its successor is published, as an item
    continuing under another key does (``_moved``); then it is replaced, as in a healthy cycle."""
    put(engine, UEL7)
    put(engine, QA_0514_UEL)
    sync(engine, date(2025, 8, 10))
    old = {f"{TAG}UEL-2025-7/suspension_ends_soon/uel/2025-07-14", f"{TAG}UEL-2025-7/suspension_ends_soon/uel/2025-08-06"}
    assert old <= {e.id for e in events(engine, date(2025, 8, 10))}
    a0 = replace(QA_0514_UEL.actions[0], until=date(2025, 8, 13), duration="91天")
    put(engine, replace(QA_0514_UEL, actions=(a0,) + QA_0514_UEL.actions[1:]), at=T0 + timedelta(days=1),
        body=b"changed page")
    held = sync_holding(engine, date(2025, 8, 10))
    assert {e.id for e in held.withheld} >= {f"{TAG}UEL-2025-7/suspension_ends_soon/uel/2025-07-15"}
    got = {e.id: e for e in events(engine, None)}
    assert old <= set(got), sorted(i for i in got if "ends_soon/uel/" in i)  # kept, not retracted
    assert not [i for i in got if i.startswith(tuple(f"{o}/correction/" for o in old))]
    sync(engine, date(2025, 8, 10))  # the source back: the successors published, the old items replaced
    got = {e.id: e for e in events(engine, None)}
    for day, new, days in (("2025-07-14", "2025-07-15", 30), ("2025-08-06", "2025-08-07", 7)):
        corr = got[f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{day}/correction/1"]
        assert corr.title.startswith("Replaced by a corrected item: "), corr.title
        assert f"It continues as {TAG}UEL-2025-7/suspension_ends_soon/uel/{new} " in corr.summary, corr.summary
        assert got[f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{new}"].days_left == days
        assert f"{TAG}UEL-2025-7/suspension_ends_soon/uel/{day}" not in got


def test_event_that_disappears_is_retracted_with_a_correction(engine):
    put(engine, UEL7)
    put(engine, UEL8)
    put(engine, QA_0812_UEL)  # extends 7号, lifts 8号
    sync(engine, date(2025, 9, 1))
    lifted = f"{TAG}UEL-2025-8/lifted/uel/2025-08-12"
    assert lifted in {e.id for e in events(engine)}
    # re-parsed: the page turns out to say nothing about 8号
    shorter = replace(QA_0812_UEL, actions=QA_0812_UEL.actions[:1])
    put(engine, shorter, at=T0 + timedelta(days=2), body=b"re-fetched")
    result = sync(engine, date(2025, 9, 1))
    assert result.retracted >= 2
    ids = {e.id for e in events(engine)}
    assert lifted not in ids
    corr = next(e for e in events(engine, None) if e.id == f"{lifted}/correction/1")
    assert corr.title.startswith("Retracted: Lifted:") and corr.corrects == lifted
    assert rows(engine)[lifted][2] is True  # kept, marked retracted
    # order30 B3: its sources are the pages as stored when it was made (the Q&A's copy re-fetched), the item
    # corrected's apart, as that item cited them (the first copy)
    re_fetched, first = (hashlib.sha256(b).hexdigest() for b in (b"re-fetched", QA_0812_UEL.dumps().encode()))
    assert {p.notice_key: p.sha256 for p in corr.provenance}[QA_0812_UEL.key] == re_fetched, corr.provenance
    assert {p.notice_key: p.sha256 for p in corr.corrected}[QA_0812_UEL.key] == first, corr.corrected
    assert sync(engine, date(2025, 9, 1)).changed is False


def test_earlier_clock_does_not_retract_later_events(engine):
    for rec in (UEL7, QA_0514_UEL):
        put(engine, rec)
    sync(engine, date(2025, 9, 1))
    result = sync(engine, date(2025, 5, 1))
    assert result.retracted == 0
    assert not any(r[2] for r in rows(engine).values())


def test_the_hashes_are_those_of_the_canonical_json_whatever_the_members(engine):
    """The one writer of the hashed text (one run, or runs of members with shared lists written once) gives byte for byte
    ``json.dumps(..., ensure_ascii=False, sort_keys=True)`` without ``updated`` (and without ``provenance``
    for the content hash), as stored hashes were always made."""
    put(engine, UEL7)
    sync(engine)
    with Session(engine) as s:
        stored = [e.payload for e in s.scalars(select(Event))]
    made = [
        {},
        {"updated": "2026-01-01"},
        {"provenance": [{"urls": ["https://x/一"]}]},
        {"a": 1, "provenance": [], "z": {"b": 2, "a": "名"}, "updated": "x"},
        {"zz": None, "prov": True, "provenance": {"k": "v"}, "provenancf": 1.5, "title": "制裁 \u2028 \"q\""},
    ]

    def canonical(payload: dict, drop: tuple[str, ...]) -> str:
        text = json.dumps({k: v for k, v in payload.items() if k not in drop}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    written: dict = {}
    for payload in stored + made:
        expected = canonical(payload, ("updated",)), canonical(payload, ("updated", "provenance"))
        assert payload_hashes(payload) == payload_hashes(payload, written) == expected
        assert (payload_hash(payload), content_hash(payload)) == expected
    assert len(stored) > 5 and {payload_hash(p) for p in stored} != {content_hash(p) for p in stored}


def test_a_retraction_is_dated_when_the_notice_that_retracts_it_was_fetched(engine):
    """The lapse of 〔2025〕7号 goes out on the morning of 2025-08-13 (90天 from 05-14 run through 08-12, lapse43); the Q&A of
    08-12 fetched that evening extends the suspension.
    The retraction of the lapse was dated by the May Q&A the lapse rested on (fetched 2025-05-14): three
    months down a reader's list (the engine audit of session 12). It is dated by the newest fetch now."""
    may = datetime(2025, 5, 14, 14, 30, tzinfo=timezone.utc)
    evening = datetime(2025, 8, 13, 13, 0, tzinfo=timezone.utc)
    put(engine, UEL7, at=may)
    put(engine, QA_0514_UEL, at=may)
    sync(engine, date(2025, 8, 13))
    lapsed = f"{TAG}UEL-2025-7/suspension_lapsed/uel/2025-08-13"
    assert lapsed in {e.id for e in events(engine, date(2025, 8, 13))}
    put(engine, QA_0812_UEL, at=evening)
    assert sync(engine, date(2025, 8, 13)).retracted >= 1
    corr = next(e for e in events(engine, None) if e.id == f"{lapsed}/correction/1")
    assert corr.occurred >= evening and corr.updated >= evening
    # the lapse was the presumption the notices known that morning gave (order30 B1b: the extension published the same
    # day, fetched after the lapse went out): the retraction names the step and its item, not only "disregard it"
    assert corr.title.startswith("Retracted: ") and ": the suspension goes on (" in corr.title, corr
    assert f"{TAG}UEL-2025-7/suspension_extended/uel/2025-08-12" in corr.summary, corr.summary


def test_a_correction_names_the_pages_that_made_it_and_those_the_corrected_item_cited(engine):
    """order30 B3: a retraction carried the provenance of the item retracted only: 〔2025〕7号 by the one URL the lapse
    cited (its second came with the extension), the May Q&A, not the evening's that made it. Now its sources are the
    step's item's, as stored then (the extension, both URLs of 7号 each with its copy), and the lapse's own apart."""
    may = datetime(2025, 5, 14, 14, 30, tzinfo=timezone.utc)
    evening = datetime(2025, 8, 13, 13, 0, tzinfo=timezone.utc)
    first, alias = "https://www.mofcom.gov.cn/test/uel7.html", "https://www.mofcom.gov.cn/alias/uel7.html"
    put(engine, UEL7, at=may, url=first)
    put(engine, QA_0514_UEL, at=may)
    sync(engine, date(2025, 8, 13))
    lapsed = f"{TAG}UEL-2025-7/suspension_lapsed/uel/2025-08-13"
    (was,) = [e for e in events(engine, date(2025, 8, 13)) if e.id == lapsed]
    put(engine, UEL7, at=evening, url=alias)
    put(engine, QA_0812_UEL, at=evening)
    sync(engine, date(2025, 8, 13))
    corr = next(e for e in events(engine, None) if e.id == f"{lapsed}/correction/1")
    made = {p.notice_key: p for p in corr.provenance}
    assert QA_0812_UEL.key in made and QA_0514_UEL.key not in made, corr.provenance
    assert set(made["UEL-2025-7"].urls) == {first, alias}
    assert {c.url: c.fetched_at for c in made["UEL-2025-7"].copies} == {first: may, alias: evening}
    with Session(engine) as s:
        stored = {(r.url, r.sha256) for r in s.execute(select(Page.url, Snapshot.sha256).join(Snapshot.page))}
    assert {(c.url, c.sha256) for c in made["UEL-2025-7"].copies} <= stored
    assert (made[QA_0812_UEL.key].urls[0], made[QA_0812_UEL.key].sha256) in stored
    assert corr.corrected == was.provenance and {p.notice_key: p.urls for p in was.provenance}["UEL-2025-7"] == (first,)
    html = item_html(corr)
    sources, rested = html.split("<strong>Sources</strong>")[1].split("<strong>The item corrected rested on</strong>")
    assert alias in sources and QA_0812_UEL.key in sources and QA_0514_UEL.key not in sources
    assert alias not in rested and QA_0514_UEL.key in rested
    assert "its Sources are the pages that made the correction" in html
    assert f"By notice (of the item corrected)</th><td>{QA_0514_UEL.key}</td>" in html  # not among its Sources


def test_aliases_kept_since_session_19_refresh_the_items_without_a_correction(engine):
    """A store written before session 19 has an entity's alias in its note only; once its notice holds the alias
    (migration 0011, or the page parsed again), its items differ in the payload alone: "Correction: the text of a
    notice it rests on changed" would be false. They are refreshed; a changed note still is a correction."""
    from storage.records import EntityRecord

    khi = EntityRecord(zh="川崎重工业株式会社", en="Kawasaki Heavy Industries, Ltd.", country="JP",
                       key="kawasakiheavyindustries", n=1, note="又称KHI")
    bare = replace(UEL7, entities=(khi,), stated_count=None)
    put(engine, bare)
    first = sync(engine)
    assert first.new > 0
    put(engine, replace(bare, entities=(replace(khi, aliases=("KHI",)),)), at=T0 + timedelta(hours=1),
        body=b"the same page, parsed again")
    again = sync(engine)
    assert (again.corrected, again.new, again.retracted) == (0, 0, 0) and again.refreshed == first.new
    stored = [e for e in events(engine) if e.entities]
    assert stored and all(e.entities[0].aliases == ("KHI",) for e in stored)  # the feed's matching sees them
    assert all(e.updated == e.occurred or e.kind is not EventKind.CORRECTION for e in events(engine))
    put(engine, replace(bare, entities=(replace(khi, aliases=("KHI", "Kawasaki"), note="又称KHI、Kawasaki"),)),
        at=T0 + timedelta(hours=2), body=b"the page, changed")
    assert sync(engine).corrected > 0


def test_a_type_given_where_none_was_refreshes_the_items_without_a_correction(engine):
    """Session 31 (names31): the parser now types an entity by what the text counts it with ("16家": an organization),
    where it gave none; no item's text shows the type, and "Correction: …" on every item of a store re-read (512 on the
    fixtures) would be noise. Refreshed in place; a type that changes from one to another still is a correction."""
    from storage.records import EntityRecord

    khi = EntityRecord(zh="川崎重工业株式会社", en="Kawasaki Heavy Industries, Ltd.", country="JP",
                       key="kawasakiheavyindustries", n=1)
    bare = replace(UEL7, entities=(khi,), stated_count=None)
    put(engine, bare)
    first = sync(engine)
    assert first.new > 0
    put(engine, replace(bare, entities=(replace(khi, type="organization"),)), at=T0 + timedelta(hours=1),
        body=b"the same page, parsed again")
    again = sync(engine)
    assert (again.corrected, again.new, again.retracted) == (0, 0, 0) and again.refreshed == first.new
    stored = [e for e in events(engine) if e.entities]
    assert stored and all(e.entities[0].type == "organization" for e in stored)
    put(engine, replace(bare, entities=(replace(khi, type="individual"),)), at=T0 + timedelta(hours=2),
        body=b"the page, parsed once more")
    assert sync(engine).corrected > 0


def test_a_country_another_notice_gives_refreshes_the_items_without_a_correction(engine):
    """story33 S3: UEL〔2026〕21号 names a company with no country; ECL No. 150 lists it as American a week later, and the
    UEL items say "1 US entity" from then (``known_countries``). They were "Correction: …: a new version of the parser or
    of the lifecycle engine read the stored pages again", false, on every item of the listing. Refreshed in place now,
    ``updated`` kept; a country that changes from one to another (the UEL notice read as Japanese) still corrects."""
    bare = ent("Orion Avionics Inc.", "奥瑞恩航电公司", country=None)
    day = date(2026, 12, 23)
    uel = impose("UEL-2026-21", "不可靠实体清单工作机制公告〔2026〕21号", UEL, date(2026, 12, 16), (bare,))
    put(engine, uel, at=datetime(2026, 12, 16, 2, 0, tzinfo=timezone.utc), body=b"the UEL page")
    first = sync(engine, day)
    assert first.new > 0
    before = {e.id: e for e in events(engine, None)}
    assert all(e.entities[0].country is None for e in before.values() if e.entities)
    ecl = impose("MOFCOM-2026-150", "商务部公告2026年第150号", ECL, day, (replace(bare, country="US"),))
    put(engine, ecl, at=datetime(2026, 12, 23, 4, 0, tzinfo=timezone.utc), body=b"the ECL page")
    again = sync(engine, day)
    assert (again.corrected, again.retracted) == (0, 0) and again.refreshed + again.unchanged == first.new, again
    assert again.refreshed > 0
    after = {e.id: e for e in events(engine, None)}
    assert not [e.id for e in after.values() if e.kind is EventKind.CORRECTION]
    for key, item in before.items():
        assert after[key].updated == item.updated
        if item.entities and item.kind is not EventKind.NOTICE:  # (the notice's own item names what its page says)
            assert after[key].entities[0].country == "US"
    # the words say it (refreshed), no item corrects them: the UEL listing's summaries count "1 US entity" now (its
    # titles name the company since session 35, the notices feed's since session 36)
    assert not any("1 US entity" in e.summary for e in before.values() if e.notice_key == "UEL-2026-21")
    assert any("1 US entity" in e.summary for e in after.values() if e.notice_key == "UEL-2026-21")
    put(engine, replace(uel, entities=(replace(bare, country="JP"),)), at=datetime(2026, 12, 24, tzinfo=timezone.utc),
        body=b"the UEL page, read as Japanese")
    assert sync(engine, day).corrected > 0


def test_a_new_parser_reading_the_same_page_is_not_said_to_be_a_changed_notice_text(engine):
    """Session 20 (corr20): an item whose notice is read differently by a new parser version from the same stored page
    (same SHA-256) was corrected with "the text of a notice it rests on changed": false, the page did not change.
    The correction names the true cause, keeps the item's id, and items that did not change are not announced again;
    a page whose bytes did change is still "the text … changed"."""
    put(engine, UEL7, body=b"the page as fetched")
    sync(engine, date(2025, 6, 1))
    before = {e.id: e for e in events(engine, date(2025, 6, 1))}
    first = UEL7.entities[0]
    reread = replace(UEL7, entities=(replace(first, en=f"{first.en} (read anew)"),) + UEL7.entities[1:])
    put(engine, reread, body=b"the page as fetched")  # the same bytes, parsed again
    result = sync(engine, date(2025, 6, 1))
    assert result.corrected > 0 and result.retracted == 0, result
    after = {e.id: e for e in events(engine, None)}
    corrections = [e for e in after.values() if e.kind is EventKind.CORRECTION]
    assert corrections and set(before) <= set(after)
    for corr in corrections:
        assert "the reading of the pages it rests on changed" in corr.summary
        assert "text of a notice it rests on changed" not in corr.summary
        assert corr.corrects in before
    # only the items that name the entity read anew changed: the other entities' items are not announced again
    assert all(after[c.corrects].entity_key in (first.key, None) for c in corrections), [c.corrects for c in corrections]
    put(engine, replace(reread, entities=UEL7.entities), at=T0 + timedelta(days=1), body=b"the page, changed")
    sync(engine, date(2025, 6, 1))
    later = [e for e in events(engine, None) if e.kind is EventKind.CORRECTION and e.id.endswith("/2")]
    assert later and all("the text of a notice it rests on changed" in c.summary for c in later)


def test_a_release_rewording_items_refreshes_them_and_a_fact_its_words_alone_say_is_still_corrected(engine,
                                                                                                   monkeypatch):
    """wording30: a store synced by one release and upgraded to another that only words its items otherwise gave 190
    "Correction: …" items on the demo store ("the reading of the pages … changed"), which to a reader means a fact
    changed. The same pages and facts in other words are refreshed in place: same ids, ``updated`` kept, no correction.
    A fact only the words say (``EventRecord.facts``: a measure, a clause) read otherwise from the same pages still is."""
    import storage.lifecycle.builder as builder

    put(engine, UEL7, body=b"the page as fetched")
    first = sync(engine, date(2025, 6, 1))
    before = {e.id: e for e in events(engine, None)}
    assert first.new == len(before) > 1
    title = builder._title
    monkeypatch.setattr(builder, "_title", lambda *a, **k: f"{title(*a, **k)}, in a new release's words")
    again = sync(engine, date(2025, 6, 1))
    assert (again.corrected, again.new, again.retracted, again.refreshed) == (0, 0, 0, first.new - 1), again
    after = {e.id: e for e in events(engine, None)}
    assert set(after) == set(before)  # no correction item, no id moved
    for key, item in after.items():
        if item.kind is not EventKind.NOTICE:  # (the notice's own item has no state title)
            assert item.title.endswith("in a new release's words") and item.updated == before[key].updated, item
    facts = builder._facts
    monkeypatch.setattr(builder, "_facts", lambda *a: facts(*a) + (("measures", "asset_freeze"),))
    read_anew = sync(engine, date(2025, 6, 1))
    assert read_anew.corrected == first.new - 1 and read_anew.refreshed == 0, read_anew
    corrections = [e for e in events(engine, None) if e.kind is EventKind.CORRECTION]
    assert corrections and all("the reading of the pages it rests on changed" in c.summary for c in corrections)


def test_an_item_stored_before_items_carried_facts_is_compared_by_what_its_words_show():
    """A payload a tree before session 31 stored has no ``facts``: each fact of the new item must show in its words
    (the clause in "(clause 2)"), else it counts as changed (a correction, never a silent refresh)."""
    from storage.events import words_only

    old = {"kind": "suspended", "list": "items", "title": "Suspended: item controls of MOFCOM-2024-46 (clause 2) from "
           "2025-11-09 until 2026-11-27", "summary": "…", "entities": [], "provenance": []}
    new = {**old, "title": "Suspended: item controls of 商务部公告2024年第46号 (MOFCOM-2024-46, clause 2) from 2025-11-09 "
             "until 2026-11-27",
           "facts": [["clauses", "2"]]}
    assert words_only(old, new)
    assert not words_only(old, {**new, "facts": [["clauses", "3"]]})
    assert not words_only({**old, "facts": [["clauses", "2"]]}, {**new, "facts": [["clauses", "2,3"]]})
    assert not words_only(old, {**new, "until": "2026-11-10"})  # a member that is a fact
    assert words_only({**old, "facts": []}, {**new, "facts": []})


SHIELD = [("Shield Al,Inc.", "护盾人工智能公司"), ("Sierra Nevada Corporation", "内华达山脉公司")]


def test_a_page_edited_under_an_item_replaces_it_and_says_so_with_both_sha256s(engine):
    """story30 S2 (`run` over three days): a notice page edited after publication. Its English name corrected
    ("Shield Al" -> "Shield AI", another entity key, the same Chinese name), then its effective day. Before: the old
    entity's feed got "Retracted: … disregard it" for a company still listed, the notice item's correction said
    "added …; no longer …" and cited only the new page's SHA-256; the corrected day, "Retracted … disregard it"."""
    first = impose("UEL-2025-90", "不可靠实体清单工作机制公告〔2025〕90号", UEL, date(2025, 4, 9), names(SHIELD))
    put(engine, first, body=b"page 1")
    sync(engine, date(2025, 6, 1))
    renamed = replace(first, entities=names([("Shield AI,Inc.", SHIELD[0][1]), SHIELD[1]]))
    put(engine, renamed, at=T0 + timedelta(days=1), body=b"page 2")
    sync(engine, date(2025, 6, 1))
    sha1, sha2, sha3 = (hashlib.sha256(b).hexdigest() for b in (b"page 1", b"page 2", b"page 3"))
    every = {e.id: e for e in events(engine, None)}
    base = f"{TAG}UEL-2025-90/imposed/uel/2025-04-09"
    said = every[f"{base}/correction/1"].summary  # the notice item, corrected in place
    assert "护盾人工智能公司 / Shield Al,Inc. -> 护盾人工智能公司 / Shield AI,Inc. (entity shieldal -> shieldai)" in said
    assert "no longer" not in said and "added" not in said
    assert f"SHA-256 was {sha1}, now {sha2}" in said
    gone = every[f"{base}/shieldal/correction/1"]  # in the feed of the entity its readers follow
    assert gone.entity_key == "shieldal" and gone.title.startswith("Replaced by a corrected item: Imposed:")
    assert f"continues as {base}/shieldai " in gone.summary and "disregard" not in gone.summary
    assert f"SHA-256 was {sha1}, now {sha2}" in gone.summary
    redated = replace(renamed, published=date(2025, 4, 10), effective="2025-04-10",
                      actions=(replace(renamed.actions[0], effective="2025-04-10"),))
    put(engine, redated, at=T0 + timedelta(days=2), body=b"page 3")
    result = sync(engine, date(2025, 6, 1))
    assert result.retracted == 0 and result.corrected >= 3
    every = {e.id: e for e in events(engine, None)}
    moved = every[f"{base}/correction/2"]
    assert moved.title.startswith("Replaced by a corrected item:") and "effective 2025-04-09 -> 2025-04-10" in moved.summary
    assert f"continues as {TAG}UEL-2025-90/imposed/uel/2025-04-10 " in moved.summary
    assert f"SHA-256 was {sha2}, now {sha3}" in moved.summary
    assert sync(engine, date(2025, 6, 1)).changed is False


def test_an_item_a_notice_stored_later_changes_names_that_notice_and_cites_its_page(engine):
    """order33 (stories20 in a shuffled order, A): the extension of 05-25 "延长90天" was read before the suspension of
    03-02 it extends (its item: until 08-23); once that is stored the item says 08-29, and its correction said "the
    reading of the pages it rests on changed, not the pages (…): a new version of the parser or of the lifecycle engine
    read the stored pages again", citing only the pages it rests on. It names the notice of its listing stored after
    them and cites its page, dated when that notice came."""
    from pathlib import Path

    from scraper.parse import parse_text

    folder = Path(__file__).resolve().parents[1] / "data" / "stories20" / "main"
    t0 = datetime(2026, 11, 29, tzinfo=timezone.utc)
    for n, name in enumerate(("u12-mofcom-2026-155.txt", "u12-qa-2026-05-25-ecl-extend-by.txt",
                              "u12-qa-2026-03-02-ecl-suspend.txt")):
        rec = parse_text((folder / name).read_text(encoding="utf-8"))
        assert rec is not None
        put(engine, rec, at=t0 + timedelta(minutes=n))
        sync(engine, date(2026, 11, 30))
    fixes = [e for e in events(engine, None) if e.kind is EventKind.CORRECTION
             and "/suspension_extended/ecl/2026-05-25" in (e.corrects or "")]
    assert len(fixes) == 3, [e.id for e in fixes]  # the notice's item, Apus's and Grus's
    for fix in fixes:
        assert "a new version of the parser" not in fix.summary and "until 2026-08-23 -> 2026-08-29" in fix.summary
        assert "stored after them: QA-2026-03-02-68a81f8d (fetched 2026-11-29T08:02:00+08:00)" in fix.summary, fix.summary
        assert "QA-2026-03-02-68a81f8d" in {p.notice_key for p in fix.provenance}
        assert fix.updated == t0 + timedelta(minutes=2)
    # the lapse of 08-23, on 08-29 now (another id): "Replaced by a corrected item", the same cause named and cited
    moved = [e for e in events(engine, None) if e.kind is EventKind.CORRECTION
             and e.title.startswith("Replaced by a corrected item: Suspension lapsed")]
    assert len(moved) == 3, [e.id for e in moved]
    for fix in moved:
        assert "a new version of the parser" not in fix.summary and "stored after them: QA-2026-03-02-68a81f8d" in \
            fix.summary and "QA-2026-03-02-68a81f8d" in {p.notice_key for p in fix.provenance}, fix.summary
