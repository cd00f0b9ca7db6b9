"""Notice records modelled on the real 2024-2025 notices, built by hand for the engine tests.

Numbers, dates, counts and the actions follow /work/shared/domain.md a.1-a.3; entity
names are real where the domain notes give them, placeholders elsewhere (the engine
only cares about keys and counts).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone

from storage.names import entity_key
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
    Provenance,
    StoredNotice,
)

CST = timezone(timedelta(hours=8))
ECL, UEL = ListKind.ECL, ListKind.UEL


def ent(en: str | None, zh: str | None = None, country: str | None = "US") -> EntityRecord:
    return EntityRecord(zh=zh, en=en, country=country, key=entity_key(zh, en))


def fill(prefix: str, names: list[EntityRecord], total: int) -> tuple[EntityRecord, ...]:
    extra = [ent(f"{prefix} Placeholder Entity {i}") for i in range(len(names) + 1, total + 1)]
    return tuple(names + extra)


def stored(rec: NoticeRecord, url: str | None = None, fetched: datetime | None = None) -> StoredNotice:
    url = url or f"https://www.mofcom.gov.cn/test/{rec.key}.html"
    sha = hashlib.sha256(rec.dumps().encode()).hexdigest()
    fetched = fetched or datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)
    return StoredNotice(record=rec, provenance=Provenance(rec.key, rec.number, rec.title, (url,), fetched, sha))


def impose(key: str, number: str, lst: ListKind, published: date, entities: tuple[EntityRecord, ...],
           *, effective: str | None = None, kind: NoticeKind | None = None,
           action: ActionKind = ActionKind.IMPOSE, title: str | None = None) -> NoticeRecord:
    kind = kind or (NoticeKind.ANNOUNCEMENT if key.startswith("MOFCOM") else NoticeKind.UEL_ANNOUNCEMENT)
    eff = effective or published.isoformat()
    return NoticeRecord(
        key=key, kind=kind, number=number, issuer="商务部", title=title or f"{number} 列入{lst.value}",
        published=published, effective=eff, list=lst, entities=entities, stated_count=len(entities),
        actions=(ActionRecord(action=action, list=lst, effective=eff),),
    )


def by_key(key: str, text: str | None = None, lst: ListKind | None = None) -> NoticeRef:
    return NoticeRef(text=text or key, key=key, list=lst)


def by_date(day: date, lst: ListKind, count: int) -> NoticeRef:
    return NoticeRef(text=f"{day.year}年{day.month}月{day.day}日被列入名单的{count}家美国实体", date=day, list=lst,
                     count=count)


def qa(key: str, published: datetime, title: str, actions: tuple[ActionRecord, ...], lst: ListKind,
       effective: str | None = None) -> NoticeRecord:
    return NoticeRecord(
        key=key, kind=NoticeKind.QA, number=None, issuer="商务部新闻办公室", title=title,
        published=published.date(), published_at=published, effective=effective or published.date().isoformat(),
        list=lst, actions=actions,
    )


def act(kind: ActionKind, lst: ListKind, *targets: NoticeRef, effective: str, until: date | None = None,
        duration: str | None = None, entities: tuple[str, ...] = ()) -> ActionRecord:
    return ActionRecord(action=kind, list=lst, targets=targets, effective=effective, until=until,
                        duration=duration, entities=entities)


SKYDIO = ent("Skydio, Inc.", "斯凯迪奥公司")
SHIELD_AI = ent("Shield AI, Inc.", "盾牌人工智能公司")
TCOM = ent("TCOM, Limited Partnership", "特科姆公司")
ILLUMINA = ent("Illumina, Inc.", "因美纳公司")
PVH = ent(None, "美国PVH集团")

NO1 = impose("MOFCOM-2025-1", "商务部公告2025年第1号", ECL, date(2025, 1, 2),
             fill("No1", [ent("General Dynamics", "通用动力公司"), ent("Summit Technologies Inc.", "顶峰科技公司")], 28))
NO13 = impose("MOFCOM-2025-13", "商务部公告2025年第13号", ECL, date(2025, 3, 4),
              fill("No13", [ent("Leidos", "莱多斯公司"), SKYDIO, SHIELD_AI, ent("Aero Vironment", "宇航环境公司")], 15))
NO21 = impose("MOFCOM-2025-21", "商务部公告2025年第21号", ECL, date(2025, 4, 4), (
    ent("\u200cHigh Point Aerotechnologies", "高点航空技术公司"),
    ent("Universal Logistics Holdings, Inc.", "环球世界物流公司"),
    ent("Source Intelligence, Inc.", "Source Intelligence公司"),
    ent("Coalition For A Prosperous America", "美国繁荣联盟"),
    ent("Sierra Nevada Corporation", "内华达山脉公司"),
    ent("Edge Autonomy Operations LLC", "边缘自治运营公司"),
    ent("Cyberlux\u2002Corporation", "赛博勒克斯公司"),
    ent("Hudson Technologies Co.", "哈德森技术公司"),
    ent("Saronic Technologies, Inc.", "萨罗尼克科技公司"),
    ent("Oceaneering International, Inc.", "国际海洋工程公司"),
    ent("Stick Rudder Enterprises LLC", "摇杆舵公司"),
    ent("Cubic Corporation", "立方公司"),
    ent("S3 AeroDefense", "S3航空防务公司"),
    TCOM,
    ent("TextOre", "文本矿公司"),
    ent("ACT1 Federal", "ACT1联邦公司"),
))
NO22 = impose("MOFCOM-2025-22", "商务部公告2025年第22号", ECL, date(2025, 4, 9),
              fill("No22", [ent("American Photonics", "美国光子公司"), ent("Insitu, Inc.", "英斯图公司")], 12),
              effective="2025-04-10T12:01+08:00")
UEL2024_3 = impose("UEL-2024-3", "不可靠实体清单工作机制公告〔2024〕3号", UEL, date(2024, 9, 24), (PVH,),
                   action=ActionKind.INVESTIGATE)
UEL4 = impose("UEL-2025-4", "不可靠实体清单工作机制〔2025〕4号", UEL, date(2025, 2, 4), (PVH, ILLUMINA))
UEL5 = impose("UEL-2025-5", "不可靠实体清单工作机制公告〔2025〕5号", UEL, date(2025, 3, 4),
              fill("UEL5", [TCOM, ent("Huntington Ingalls Industries, Inc."), ent("Planate Management Group")], 10))
UEL6 = impose("UEL-2025-6", "不可靠实体清单工作机制〔2025〕6号", UEL, date(2025, 3, 4), (ILLUMINA,),
              action=ActionKind.MEASURE)
UEL7 = impose("UEL-2025-7", "不可靠实体清单工作机制公告〔2025〕7号", UEL, date(2025, 4, 4),
              fill("UEL7", [ent("Skydio Inc."), ent("BRINC Drones,Inc."), ent("Insitu,Inc.")], 11))
UEL8 = impose("UEL-2025-8", "不可靠实体清单工作机制〔2025〕8号", UEL, date(2025, 4, 9),
              fill("UEL8", [ent("Shield AI,Inc."), ent("Sierra Nevada Corporation")], 6),
              effective="2025-04-10T12:01+08:00")

D0404, D0409, D0304 = date(2025, 4, 4), date(2025, 4, 9), date(2025, 3, 4)

QA_0514_ECL = qa("QA-2025-05-14-ecl00001", datetime(2025, 5, 14, 22, 0, tzinfo=CST),
                 "商务部新闻发言人就暂停28家美国实体出口管制管控措施答记者问", (
                     act(ActionKind.SUSPEND, ECL, by_date(D0404, ECL, 16), effective="2025-05-14",
                         until=date(2025, 8, 12), duration="90天"),
                     act(ActionKind.SUSPEND, ECL, by_date(D0409, ECL, 12), effective="2025-05-14",
                         until=date(2025, 8, 12), duration="90天"),
                 ), ECL)
QA_0514_UEL = qa("QA-2025-05-14-uel00001", datetime(2025, 5, 14, 22, 0, tzinfo=CST),
                 "商务部新闻发言人就暂停17家美国实体不可靠实体清单措施答记者问", (
                     act(ActionKind.SUSPEND, UEL, by_key("UEL-2025-7"), effective="2025-05-14",
                         until=date(2025, 8, 12), duration="90天"),
                     act(ActionKind.SUSPEND, UEL, by_key("UEL-2025-8"), effective="2025-05-14"),
                 ), UEL)
QA_0812_ECL = qa("QA-2025-08-12-ecl00001", datetime(2025, 8, 12, 18, 0, tzinfo=CST),
                 "商务部新闻发言人就调整出口管制管控名单措施答记者问", (
                     act(ActionKind.EXTEND, ECL, by_date(D0404, ECL, 16), effective="2025-08-12",
                         until=date(2025, 11, 10), duration="90天"),
                     act(ActionKind.LIFT, ECL, by_date(D0409, ECL, 12), effective="2025-08-12"),
                 ), ECL)
QA_0812_UEL = qa("QA-2025-08-12-uel00001", datetime(2025, 8, 12, 18, 0, tzinfo=CST),
                 "商务部新闻发言人就调整不可靠实体清单措施答记者问", (
                     act(ActionKind.EXTEND, UEL, by_key("UEL-2025-7"), effective="2025-08-12",
                         until=date(2025, 11, 10), duration="90天"),
                     act(ActionKind.LIFT, UEL, by_key("UEL-2025-8"), effective="2025-08-12"),
                 ), UEL)
QA_1105_ECL = qa("QA-2025-11-05-ecl00001", datetime(2025, 11, 5, 17, 0, tzinfo=CST),
                 "商务部新闻发言人就调整出口管制管控名单措施答记者问", (
                     act(ActionKind.LIFT, ECL, by_date(D0304, ECL, 15), effective="2025-11-10"),
                     act(ActionKind.EXTEND, ECL, by_date(D0404, ECL, 16), effective="2025-11-10",
                         until=date(2026, 11, 10), duration="1年"),
                 ), ECL, effective="2025-11-10")
QA_1105_UEL = qa("QA-2025-11-05-uel00001", datetime(2025, 11, 5, 17, 0, tzinfo=CST),
                 "商务部新闻发言人就调整不可靠实体清单措施答记者问", (
                     act(ActionKind.EXTEND, UEL, by_key("UEL-2025-7"), effective="2025-11-10",
                         until=date(2026, 11, 10), duration="1年"),
                     act(ActionKind.LIFT, UEL, by_key("UEL-2025-5"), by_key("UEL-2025-6"), effective="2025-11-10"),
                 ), UEL, effective="2025-11-10")

LISTING_NOTICES = (NO1, NO13, NO21, NO22, UEL2024_3, UEL4, UEL5, UEL6, UEL7, UEL8)
QAS = (QA_0514_ECL, QA_0514_UEL, QA_0812_ECL, QA_0812_UEL, QA_1105_ECL, QA_1105_UEL)


def corpus() -> list[StoredNotice]:
    return [stored(r) for r in LISTING_NOTICES + QAS]


def test_corpus_counts_match_the_real_notices():
    counts = {r.key: len(r.entities) for r in LISTING_NOTICES}
    assert counts["MOFCOM-2025-1"] == 28 and counts["MOFCOM-2025-13"] == 15
    assert counts["MOFCOM-2025-21"] == 16 and counts["MOFCOM-2025-22"] == 12
    assert counts["UEL-2025-7"] == 11 and counts["UEL-2025-8"] == 6
    assert len({e.key for e in NO21.entities}) == 16
