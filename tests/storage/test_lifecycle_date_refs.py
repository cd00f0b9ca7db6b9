"""A reference by date, list and count names the country of its entities: "2026年3月2日被列入出口管制管控名单的3家
美国实体" among two notices of that day, 3 US entities and 3 Japanese ones, is the US notice.

Found by the blind engine audit of session 12 (composed texts in the official wording; ECL notices for
several countries came out close together in 2026): the reference was left unresolved as a count mismatch and
the US notice stayed in force."""

from __future__ import annotations

from datetime import date, datetime, timezone

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import ListingState
from tests.storage.test_lifecycle_corpus import stored

ECL = """商务部公告2026年第{n}号 公布将3家{country}实体列入出口管制管控名单
【发布文号】商务部公告2026年第{n}号
【发文日期】2026年03月02日

商务部决定将{first}等3家{country}实体列入出口管制管控名单（见附件）。
本公告自公布之日起正式实施。

附件：出口管制管控名单（2026年3月2日）
1. {first}（{en}A）
2. 乙{first}（{en}B）
3. 丙{first}（{en}C）
"""
QA = """商务部新闻发言人就暂停3家美国实体出口管制管控措施答记者问
来源：商务部新闻办公室 类型：原创 分类：新闻 2026-04-01 21:00

问：请问在出口管制管控名单方面有何安排？
答：为落实中美经贸磋商共识，中方决定自2026年4月1日起，暂停2026年3月2日被列入出口管制管控名单的3家美国实体相关措施90天。
"""


def test_a_reference_by_date_and_count_names_the_country_of_its_entities():
    texts = [ECL.format(n=40, country="美国", first="甲航空公司", en="Alpha Aero "),
             ECL.format(n=44, country="日本", first="大和精机株式会社", en="Yamato Seiki "), QA]
    recs = [parse_text(t) for t in texts]
    assert all(r is not None and r.warnings == () for r in recs)
    (ref,) = recs[2].actions[0].targets
    assert (ref.date, ref.count, ref.country) == (date(2026, 3, 2), 3, "US")
    known = [stored(r, fetched=datetime(2026, 4, 1, 14, 0, tzinfo=timezone.utc)) for r in recs]
    d = derive(known, date(2026, 4, 2))
    assert d.problems == ()
    states = {r.notice_key: (r.state, r.until) for r in d.states}
    assert states["MOFCOM-2026-40"] == (ListingState.SUSPENDED, date(2026, 6, 30))
    assert states["MOFCOM-2026-44"] == (ListingState.IN_FORCE, None)
