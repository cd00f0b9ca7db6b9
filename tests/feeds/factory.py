"""Hand-made EventRecords modelled on the real UEL-2025-7 history (no store needed)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone

from storage.records import EntityRecord, EventKind, EventRecord, ListKind, Provenance
from storage.vocabulary import BEIJING as CST
from storage.vocabulary import TAG_PREFIX as TAG

SHA = "3f" * 32
URLS = (
    "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html",
    "http://www.mofcom.gov.cn/article/zwgk/gkzcfb/202504/20250403580000.shtml",
)
ENTITIES = (
    EntityRecord(zh="斯凯迪奥公司", en="Skydio Inc.", country="US", key="skydio", n=1),
    EntityRecord(zh="布林克无人机公司", en="BRINC Drones,Inc.", country="US", key="brincdrones", n=2),
    EntityRecord(zh="因西图公司", en="Insitu,Inc.", country="US", key="insitu", n=3),
)
PROV = Provenance(
    notice_key="UEL-2025-7",
    number="不可靠实体清单工作机制公告〔2025〕7号",
    title="不可靠实体清单工作机制关于将11家美国实体列入不可靠实体清单的公告",
    urls=URLS,
    fetched_at=datetime(2026, 11, 29, 2, 0, tzinfo=timezone.utc),
    sha256=SHA,
)


def at(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=CST)


def event(kind: EventKind, eff: date, *, scope: str = "notice", entity: EntityRecord | None = None,
          until: date | None = None, lst: ListKind | None = ListKind.UEL, **kw) -> EventRecord:
    key = "UEL-2025-7"
    eid = f"{TAG}{key}/{kind.value}/{lst.value if lst else '-'}/{eff.isoformat()}"
    if entity is not None:
        eid += f"/{entity.key}"
    defaults = dict(
        id=eid, kind=kind, scope=scope, list=lst, notice_key=key, source_key=key,
        entity_key=entity.key if entity else None, effective=eff, until=until,
        occurred=at(eff), updated=at(eff),
        title=f"{kind.value.replace('_', ' ').capitalize()}: "
              + (entity.en if entity else "3 US entities") + f" on the unreliable entity list ({key})",
        title_zh="不可靠实体清单工作机制关于将11家美国实体列入不可靠实体清单的公告",
        summary=f"{kind.value} effective {eff.isoformat()}",
        entities=(entity,) if entity else ENTITIES,
        provenance=(PROV,),
    )
    defaults.update(kw)
    return EventRecord(**defaults)


def history() -> list[EventRecord]:
    """Notice-, entity-, health- and news-scope events of UEL-2025-7, oldest first."""
    out = [
        event(EventKind.NOTICE, date(2025, 4, 4), lst=ListKind.UEL),
        event(EventKind.IMPOSED, date(2025, 4, 4)),
        event(EventKind.SUSPENDED, date(2025, 5, 14), until=date(2025, 8, 12)),
        event(EventKind.SUSPENSION_EXTENDED, date(2025, 8, 12), until=date(2025, 11, 10)),
        event(EventKind.SUSPENSION_EXTENDED, date(2025, 11, 10), until=date(2026, 11, 10)),
        event(EventKind.SUSPENSION_ENDS_SOON, date(2026, 10, 11), until=date(2026, 11, 10), days_left=30),
        event(EventKind.SUSPENSION_LAPSED, date(2026, 11, 10), presumed=True),
        event(EventKind.IMPOSED, date(2025, 3, 4), lst=ListKind.ECL),
    ]
    for notice_item in [e for e in out if e.kind != EventKind.NOTICE]:
        for ent in ENTITIES:
            out.append(event(notice_item.kind, notice_item.effective, scope="entity", entity=ent,
                             until=notice_item.until, lst=notice_item.list, presumed=notice_item.presumed,
                             days_left=notice_item.days_left))
    out.append(event(EventKind.SOURCE_HEALTH, date(2026, 11, 20), scope="health", lst=None, notice_key=None,
                     source_key=None, entities=(), provenance=(), title="Source health: bot check on www.mofcom.gov.cn"))
    out.append(event(EventKind.NEWS, date(2025, 5, 15), scope="news", lst=None, entities=(),
                     title="News: MOFCOM suspends measures on 11 US entities"))
    return out


def corrected(ev: EventRecord, when: datetime) -> EventRecord:
    return dataclasses.replace(ev, updated=when, summary=ev.summary + " (corrected)")
