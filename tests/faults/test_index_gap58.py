"""An index of one page that answers a page full of new rows after a gap: rows between may be unread, said loudly.

cycles58's blind round of the live path, scenario P: a suspension of 30 days, then cron stopped for three weeks; the
Q&A extending the suspension was published in the gap, and by the next run the Q&A column's index (one page, no page 2
to read: ``mofcom-qa``) listed only newer answers. The run read the page as the index, found nothing to extend the
suspension and published "Suspension lapsed: presumed back in force" with every run exit 0 (class A: a missed step,
silently). Now an update whose answer lists none of the links the index's last copy listed is a failure of the run
(``index-gap``, an unusable-page issue naming the index): its new rows are read, what a missed Q&A could falsify (the
lapse) is held back, and the run is not ok. Scenario M9: an answer read as no step, edited in place the same day to
carry the decision, was never asked again; now it is, for two days. Real HTTP (``tests/site_server.py``) and a real SQLite file; the cycle runs
in-process, as ``tests/mofcom_watch/test_run_hold_back.py``'s."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from mofcom_watch.config import Settings
from mofcom_watch.cycle import run_cycle
from scraper.fetch import FetchPolicy
from scraper.sources.registry import load_sources
from storage.db import open_store, session_factory
from storage.events import load_events
from storage.models import HealthIssue
from storage.vocabulary import HealthKind
from tests.faults.test_site_changes import QA514, UEL5, UEL7, UEL8, fx, index_page
from tests.site_server import SiteServer

BEFORE_LAPSE, AS_OF = date(2026, 11, 1), date(2026, 11, 29)
WWW = "www.mofcom.gov.cn"
QA_INDEX = f"{WWW}/xwfb/xwfyrth/index.html"
POLICY_INDEX = f"{WWW}/zwgk/zcfb/index.html"
UEL6 = "zwgk/zcfb/art/2025/art_205cf5fddd1645a7be68d132cdb38cc3.html"
NOTICES = (UEL7, UEL8, UEL5, UEL6)  # what the Q&As name
# the UEL Q&As: No. 7's suspension, extended to 2026-11-10 (fixtures/README.md), lapses on 11-11
QAS = ("xwfb/xwfyrth/art/2025/art_53ec1f591dba49a39b65fd89b6d73e6f.html",
       "xwfb/xwfyrth/art/2025/art_2d1e85ffaebf4ed9913f35f2afb5c436.html",
       "xwfb/xwfyrth/art/2025/art_3cd57285290044edb3036563bc4c7352.html")
LAPSE = "tag:mofcom-watch,2025:UEL-2025-7/suspension_lapsed/uel/2026-11-11"
POLICY = FetchPolicy(delay=0.0, attempts=1, timeout=30.0, total=4)
TOPICS = ("消费品以旧换新", "跨境电商发展", "服务贸易统计", "外资准入负面清单", "自贸试验区建设", "稳外贸政策")


def _site() -> SiteServer:
    """The fixture site cut to the UEL notices on the policy index and the UEL Q&As on the Q&A index."""
    pages = {f"{WWW}/{path}": fx(WWW, path) for path in (*NOTICES, *QAS)}
    pages[POLICY_INDEX] = index_page("政策发布", [(f"/{path}", f"不可靠实体清单工作机制公告{i}", "2025-04-04")
                                              for i, path in enumerate(NOTICES)])
    pages[QA_INDEX] = index_page("新闻发言人谈话", [(f"/{path}", f"商务部新闻发言人答记者问{i}", "2025-05-14")
                                               for i, path in enumerate(reversed(QAS))])
    return SiteServer(pages=pages)


def _run(data: Path, site: SiteServer, as_of: date, fetched_at: datetime | None = None):
    settings = Settings(data_dir=data, public_base_url="https://feeds.example.org/")
    return settings, run_cycle(settings, as_of=as_of, base_urls=site.base_urls([WWW]), policy=POLICY, progress=False,
                               sources=[s for s in load_sources() if s.name in ("mofcom-policy", "mofcom-qa")],
                               out_dir=data / "feeds", fetched_at=fetched_at)


def _answer(topic: str, day: str, answer: str | None = None) -> bytes:
    """A spokesperson's answer in the fixture Q&A's layout: on another topic, no step, nothing it names (or ``answer``)."""
    body = fx(WWW, QA514).decode()
    title = re.search(r'<meta name="ArticleTitle" content="([^"]*)"', body).group(1)  # type: ignore[union-attr]
    body = body.replace(title, f"商务部新闻发言人就{topic}有关问题答记者问").replace("2025-05-14", day)
    start = body.index('<div class="art-con art-con-bottonmLine">') + len('<div class="art-con art-con-bottonmLine">')
    answer = answer or (f"{topic}工作总体平稳有序。今年以来，商务部会同有关部门认真贯彻落实决策部署，持续推进相关工作，取得积极"
                        "成效。下一步，我们将继续加强政策协调，优化服务保障，推动各项工作落地见效。")
    text = f"\n<p>问：请介绍{topic}有关情况。</p>\n<p>答：{answer}</p>\n"
    return (body[:start] + text + body[body.index("</div>", start):]).encode()


def _gap_page(site: SiteServer) -> None:
    """The Q&A index after a gap: six newer answers, every row it listed before pushed off its one page."""
    rows = []
    for i, topic in enumerate(TOPICS):
        day = f"2026-11-{28 - i:02d}"
        path = f"xwfb/xwfyrth/art/2026/art_{i + 1:032x}.html"
        site.set_page(f"{WWW}/{path}", _answer(topic, day))
        rows.append((f"/{path}", f"商务部新闻发言人就{topic}有关问题答记者问", day))
    site.set_page(QA_INDEX, index_page("新闻发言人谈话", rows))


def _stored(db_url: str, as_of: date = AS_OF) -> tuple[set[str], list[HealthIssue]]:
    engine = open_store(db_url)
    try:
        with session_factory(engine)() as session:
            events = {e.id for e in load_events(session, as_of)}
            issues = list(session.scalars(select(HealthIssue).where(HealthIssue.kind == HealthKind.UNUSABLE_PAGE)))
            return events, issues
    finally:
        engine.dispose()


def test_a_one_page_index_whose_rows_were_all_pushed_off_is_a_failure_and_holds_back_the_lapse(tmp_path):
    with _site() as site:
        settings, first = _run(tmp_path / "d", site, BEFORE_LAPSE)
        assert first.ok and LAPSE not in _stored(settings.database_url)[0]
        _gap_page(site)
        _s, second = _run(tmp_path / "d", site, AS_OF)
        assert not second.ok and second.held_back == ("mofcom-qa",)
        assert LAPSE in second.withheld  # an unread Q&A could have extended the suspension
        events, issues = _stored(settings.database_url)
        assert LAPSE not in events
        gap = [i for i in issues if i.url == f"https://{QA_INDEX}" and i.resolved_at is None]
        assert len(gap) == 1 and "index-gap" in gap[0].detail and "pushed off it unread" in gap[0].detail
        asked = {hit.path.split("?")[0].lstrip("/") for hit in site.hits}
        assert all(f"{WWW}/xwfb/xwfyrth/art/2026/art_{i + 1:032x}.html" in asked for i in range(len(TOPICS)))  # read
        health = (tmp_path / "d" / "feeds" / "source-health.atom").read_text(encoding="utf-8")
        assert "pushed off it unread" in health


HOLDING = ("我们注意到有关情况。中方一贯坚持以对话协商解决经贸领域的分歧，将根据形势发展适时作出安排，有关情况将另行发布。"
           "希望双方相向而行，共同维护双边经贸关系的稳定发展。")  # names no notice: read as no notice
DECIDED = ("中方一贯坚持以对话协商解决经贸领域的分歧，有关措施的调整是根据形势发展作出的。经研究，中方决定自2026年11月11日起，"
           "继续暂停执行不可靠实体清单工作机制公告〔2025〕7号相关措施，暂停期限为1年。")
ANSWER = "xwfb/xwfyrth/art/2026/art_00000000000000000000000000000b11.html"


def test_an_answer_read_as_no_step_then_edited_in_place_is_asked_again(tmp_path):
    """cycles58 M9: an answer first published before its decision was written in ("有关情况将另行发布"), read as no step,
    then edited in place to continue No. 7's suspension: it was never asked again (not a notice page, so not among the
    recent pages an update re-checks), the extension missed for good and "Suspension lapsed" published, exit 0. Now an
    update asks again the pages read as no notice whose bytes were first fetched in the last two days."""
    with _site() as site:
        topic = "中美经贸磋商"
        site.set_page(f"{WWW}/{ANSWER}", _answer(topic, "2026-11-10", HOLDING))
        rows = [(f"/{ANSWER}", f"商务部新闻发言人就{topic}有关问题答记者问", "2026-11-10")]
        rows += [(f"/{path}", f"商务部新闻发言人答记者问{i}", "2025-05-14") for i, path in enumerate(reversed(QAS))]
        site.set_page(QA_INDEX, index_page("新闻发言人谈话", rows))
        settings, first = _run(tmp_path / "d", site, date(2026, 11, 10), datetime(2026, 11, 10, 2, tzinfo=UTC))
        assert first.ok
        site.set_page(f"{WWW}/{ANSWER}", _answer(topic, "2026-11-10", DECIDED))  # the decision, written in that evening
        _s, second = _run(tmp_path / "d", site, date(2026, 11, 11), datetime(2026, 11, 11, 1, tzinfo=UTC))
    assert second.ok
    events = _stored(settings.database_url, date(2026, 11, 11))[0]
    assert "tag:mofcom-watch,2025:UEL-2025-7/suspension_extended/uel/2026-11-11" in events and LAPSE not in events
