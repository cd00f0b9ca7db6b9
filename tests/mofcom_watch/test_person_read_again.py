"""A page a person read in the parser's place is read again by a newer parser (mofcom_watch/personread.py): a rename
refused before session 36 and accepted by a person (story36 S3's store) becomes its notice, with both names, at the
next cycle, though the site answers 304 for it or it is no longer among the source's recent pages; a page the new
parser still refuses stays read by the person, and is not read again by the same parser."""

from __future__ import annotations

from datetime import UTC, datetime

from mofcom_watch.personread import read_again
from mofcom_watch.pipeline import PageParser, ingest_page, saved_page
from scraper.parse import parse_document
from storage.db import session_factory
from storage.notices import load_stored_notices
from storage.records import ParsedDocument, UnusablePage
from storage.reviews import person_read_pages, record_reading, refused_pages

URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2027/art_rename.html"
T0 = datetime(2027, 2, 10, 9, 0, tzinfo=UTC)
PAGE = """商务部公告2027年第5号 关于出口管制管控名单所列实体更名的公告
【发布单位】安全与管制局
【发布文号】商务部公告2027年第5号
【发文日期】2027年02月10日

出口管制管控名单所列德尔塔系统公司（Delta Systems, Inc.）已更名为欧米茄防务公司（Omega Defense, Inc.）。更名后，该实体仍列入出口管制管控名单，相关管控措施继续实施。
本公告自公布之日起施行。

商务部
2027年2月10日
""".encode()


def _refuses(raw: bytes, url: str | None = None, content_type: str | None = None) -> ParsedDocument:
    raise UnusablePage("needs-review", 'a name change ("更名为") of a listed entity is not read')


class _Router:
    def __init__(self, parser: PageParser) -> None:
        self.chosen = parser

    def parser(self, url: str) -> PageParser:
        return self.chosen


def _accepted(engine) -> None:
    """The page stored as the old parser refused it, then read by a person (``accept URL SHA256``)."""
    sf = session_factory(engine)
    ingest_page(sf, saved_page(URL, PAGE, T0, source="mofcom-policy"), PageParser(_refuses, "old", "d-old"))
    with sf() as session, session.begin():
        (page,) = refused_pages(session)
        record_reading(session, page, why="a name change", by="officer", at=T0)


def test_a_page_a_person_read_is_read_again_by_a_newer_parser(engine) -> None:
    _accepted(engine)
    sf = session_factory(engine)
    with sf() as session:
        assert [(p.url, p.parser_digest) for p in person_read_pages(session)] == [(URL, "d-old")]
    assert read_again(sf, _Router(PageParser(parse_document, "new", "d-new"))) == [URL]  # type: ignore[arg-type]
    with sf() as session:
        (notice,) = load_stored_notices(session)
        assert notice.record.key == "MOFCOM-2027-5"
        assert [(e.key, e.en, e.aliases) for e in notice.record.renamed] == [
            ("deltasystems", "Omega Defense, Inc.", ("德尔塔系统公司", "Delta Systems, Inc."))]
        assert notice.provenance.fetched_at == T0  # the copy as fetched then
        assert person_read_pages(session) == []


def test_a_page_still_refused_stays_read_by_the_person_once_judged(engine) -> None:
    _accepted(engine)
    sf = session_factory(engine)
    newer = _Router(PageParser(_refuses, "new", "d-new"))
    assert read_again(sf, newer) == []  # type: ignore[arg-type]
    with sf() as session:
        assert [(p.url, p.parser_digest) for p in person_read_pages(session)] == [(URL, "d-new")]
        assert load_stored_notices(session) == [] and refused_pages(session) == []  # no issue opened again
    assert read_again(sf, _Router(PageParser(parse_document, "new", "d-new"))) == []  # type: ignore[arg-type]
