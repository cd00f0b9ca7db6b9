"""Notice records modelled on the real 2024-2025 notices, built by hand for the engine tests.

Numbers, dates, counts and the actions follow /work/shared/domain.md a.1-a.3; entity
names are the official ones (shared/reference/, domain.md a.2), as in fixtures/: none is made up.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from storage.lifecycle import derive
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


def names(pairs: list[tuple[str, str]]) -> tuple[EntityRecord, ...]:
    """(English, Chinese) as the notice writes them, in annex order."""
    return tuple(ent(en, zh) for en, zh in pairs)


def stored(rec: NoticeRecord, url: str | None = None, fetched: datetime | None = None) -> StoredNotice:
    url = url or f"https://www.mofcom.gov.cn/test/{rec.key}.html"
    sha = hashlib.sha256(rec.dumps().encode()).hexdigest()
    fetched = fetched or datetime(2026, 11, 28, 8, 0, tzinfo=timezone.utc)
    return StoredNotice(record=rec, provenance=Provenance(rec.key, rec.number, rec.title, (url,), fetched, sha))


def parsed_texts(*texts: str, clean: bool = False) -> list[StoredNotice]:
    """``texts`` parsed, each stored as fetched on its publication day; with ``clean``, each must read with no warning."""
    from scraper.parse import parse_text

    out = []
    for text in texts:
        rec = parse_text(text)
        assert rec is not None and not (clean and rec.warnings), text[:200]
        out.append(stored(rec, fetched=datetime.combine(rec.published, datetime.min.time(), timezone.utc)))
    return out


def parsed_pages(folder: Path, *names: str) -> list[StoredNotice]:
    """The story pages ``names`` of ``folder``, parsed, each stored as fetched on its publication day."""
    return parsed_texts(*((folder / name).read_text(encoding="utf-8") for name in names))


STORIES21 = Path(__file__).resolve().parents[1] / "data" / "stories21" / "main"


def stories21_pages(*names: str) -> list[StoredNotice]:
    return parsed_pages(STORIES21, *names)


def rows_with_next(notices: list[StoredNotice], day: date, key: str) -> dict[tuple[str, ...], tuple[object, ...]]:
    """Per set of entities, the notice's state, since and the next state announced, as of ``day``."""
    return {r.entity_keys: (r.state.value, r.since, r.next_state.value if r.next_state else None)
            for r in derive(notices, day).states if r.notice_key == key}


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
SHIELD_AI = ent("Shield AI, Inc.", "护盾人工智能公司")
TCOM = ent("TCOM, Limited Partnership", "特科姆公司")
ILLUMINA = ent("Illumina, Inc.", "因美纳公司")
PVH = ent(None, "美国PVH集团")

NO1 = impose("MOFCOM-2025-1", "商务部公告2025年第1号", ECL, date(2025, 1, 2),
             names([("General Dynamics", "通用动力公司"), ("L3 Harris Technologies", "L3哈里斯公司"),
                    ("Intelligent Epitaxy Technology", "英特磊公司"), ("Clear Align LLC", "可利尔阿莱恩公司"),
                    ("Boeing Defense, Space & Security", "波音防务、空间与安全集团"),
                    ("Lockheed Martin Corporation", "洛克希德·马丁公司"), ("Raytheon Missiles & Defense", "雷神导弹与防务公司"),
                    ("Lockheed Martin Missiles and Fire Control", "洛克希德·马丁导弹与火控公司"),
                    ("Lockheed Martin Aeronautics", "洛克希德·马丁航空公司"),
                    ("Raytheon/Lockheed Martin Javelin Joint Venture", "标枪合资公司"),
                    ("Raytheon Missile Systems", "雷神导弹系统公司"),
                    ("General Dynamics Ordnance and Tactical Systems", "通用动力军械与战术系统公司"),
                    ("General Dynamics Information Technology", "通用动力信息技术公司"),
                    ("General Dynamics Mission Systems", "通用动力任务系统公司"), ("Inter-Coastal Electronics", "海岸间电子公司"),
                    ("System Studies & Simulation", "系统研究与模拟公司"), ("IronMountain Solutions", "铁山解决方案公司"),
                    ("Applied Technologies Group", "应用技术集团"), ("Axient", "阿克西恩特公司"),
                    ("Lockheed Martin Missile System Integration Lab", "洛克希德·马丁导弹系统集成实验室"),
                    ("Lockheed Martin Advanced Technology Laboratories", "洛克希德·马丁先进技术实验室"),
                    ("Lockheed Martin Ventures", "洛克希德·马丁风险投资公司"), ("Anduril Industries", "安杜里尔公司"),
                    ("Maritime Tactical Systems", "海上战术系统公司"), ("Pacific Rim Defense", "环太平洋防务公司"),
                    ("AEVEX Aerospace", "AEVEX航天公司"), ("LKD Aerospace", "LKD航天公司"),
                    ("Summit Technologies Inc.", "顶峰科技公司")]))
NO13 = impose("MOFCOM-2025-13", "商务部公告2025年第13号", ECL, date(2025, 3, 4),
              (ent("Leidos", "莱多斯公司"),
               *names([("Gibbs&Cox, Inc.", "吉布斯和考克斯公司"), ("IP Video Market Info, Inc.", "监控研究公司"),
                       ("Sourcemap, Inc.", "SourceMap公司")]),
               SKYDIO,
               *names([("Rapid Flight LLC", "急速飞行公司"), ("Red Six Solutions", "红色六方案公司")]),
               SHIELD_AI,
               *names([("HavocAI", "浩劫人工智能公司"), ("Neros Technologies", "尼罗斯科技公司"), ("Group W", "Group W公司"),
                       ("Aerkomm Inc.", "爱尔康公司"), ("General Atomics Aeronautical Systems, Inc.", "通用原子航空系统公司"),
                       ("General Dynamics Land Systems", "通用动力陆地系统公司"), ("Aero Vironment", "宇航环境公司")])))
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
              names([("American Photonics", "美国光子公司"), ("Novotech, Inc.", "诺沃特公司"), ("Echodyne", "埃科达因公司"),
                     ("Marvin Engineering Company, Inc.", "马文工程公司"), ("Exovera", "埃克索维拉公司"),
                     ("Teledyne Brown Engineering, Inc.", "特励达·布朗工程公司"), ("BRINC Drones, Inc.", "BRINC无人机公司"),
                     ("SYNEXXUS, Inc.", "赛尼克斯公司"), ("Firestorm Labs, Inc.", "火风暴实验室公司"),
                     ("Kratos Unmanned Aerial Systems, Inc.", "奎托斯无人机系统公司"),
                     ("Domo Tactical Communications", "多莫战术通信公司"), ("Insitu, Inc.", "英斯图公司")]),
              effective="2025-04-10T12:01+08:00")
UEL2024_3 = impose("UEL-2024-3", "不可靠实体清单工作机制公告〔2024〕3号", UEL, date(2024, 9, 24), (PVH,),
                   action=ActionKind.INVESTIGATE)
UEL4 = impose("UEL-2025-4", "不可靠实体清单工作机制〔2025〕4号", UEL, date(2025, 2, 4), (PVH, ILLUMINA))
UEL5 = impose("UEL-2025-5", "不可靠实体清单工作机制公告〔2025〕5号", UEL, date(2025, 3, 4),
              (TCOM, *names([("Stick Rudder Enterprises LLC", "摇杆舵公司"), ("Teledyne Brown Engineering,Inc.", "特励达·布朗工程公司"),
                             ("Huntington Ingalls Industries Inc.", "亨廷顿·英格尔斯工业公司"), ("S3 AeroDefense", "S3航空防务公司"),
                             ("Cubic Corporation", "立方公司"), ("TextOre", "文本矿公司"), ("ACT1 Federal", "ACT1联邦公司"),
                             ("Exovera", "埃克索维拉公司"), ("Planate Management Group", "扁平地球管理公司")])))
UEL6 = impose("UEL-2025-6", "不可靠实体清单工作机制〔2025〕6号", UEL, date(2025, 3, 4), (ILLUMINA,),
              action=ActionKind.MEASURE)
UEL7 = impose("UEL-2025-7", "不可靠实体清单工作机制公告〔2025〕7号", UEL, date(2025, 4, 4),
              names([("Skydio Inc.", "斯凯迪奥公司"), ("BRINC Drones,Inc.", "BRINC无人机公司"), ("Red Six Solutions", "红色六方案公司"),
                     ("SYNEXXUS,Inc.", "赛尼克斯公司"), ("Firestorm Labs,Inc.", "火风暴实验室公司"),
                     ("Kratos Unmanned Aerial Systems,Inc.", "奎托斯无人机系统公司"), ("HavocAI", "浩劫人工智能公司"),
                     ("Neros Technologies", "尼罗斯科技公司"), ("Domo Tactical Communications", "多莫战术通信公司"),
                     ("Rapid Flight LLC", "急速飞行公司"), ("Insitu,Inc.", "英斯图公司")]))
UEL8 = impose("UEL-2025-8", "不可靠实体清单工作机制〔2025〕8号", UEL, date(2025, 4, 9),
              names([("Shield AI,Inc.", "护盾人工智能公司"), ("Sierra Nevada Corporation", "内华达山脉公司"),
                     ("Cyberlux Corporation", "赛博勒克斯公司"), ("Edge Autonomy Operations LLC", "边缘自治运营公司"),
                     ("Group W", "Group W公司"), ("Hudson Technologies Co.", "哈德森技术公司")]),
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
