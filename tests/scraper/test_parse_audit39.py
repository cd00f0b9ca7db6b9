"""Session 39's blind round 25 (audit39, tests/data/corpus/audit39/): texts the parser read wrong, each as a short text.
A MOFCOM order under the Anti-Foreign Sanctions Law whose measures, under "…决定对…采取以下反制措施：", also put the firms on
the export control list ("三、将上述企业列入出口管制管控名单": 11)."""

from __future__ import annotations

from scraper.parse import parse_document
from storage.records import NoticeRecord

ORDER = ("商务部令2026年第8号 关于对参与对台军售的美国企业采取反制措施的决定\n\n"
         "中华人民共和国商务部令\n2026年第8号\n\n"
         "《关于对参与对台军售的美国企业采取反制措施的决定》已于2026年12月4日经商务部部务会议审议通过，现予公布，自公布之日起施行。\n\n"
         "部长　王文涛\n2026年12月4日\n\n"
         "关于对参与对台军售的美国企业采取反制措施的决定\n\n"
         "根据《中华人民共和国反外国制裁法》第三条、第四条、第六条、第九条、第十五条和《中华人民共和国出口管制法》有关规定，商务部决定对"
         "参与此次军售的海狼导弹系统公司（Seawolf Missile Systems, Inc.）、猎鹰之眼传感器公司（Falcon Eye Sensors LLC）3家美国企业"
         "{lead}\n"
         "一、禁止中国境内的组织、个人与上述企业进行交易、合作等活动；\n"
         "二、查封、扣押、冻结上述企业在中国境内的动产、不动产和其他各类财产；\n"
         "三、{third}\n\n"
         "本决定自公布之日起施行。\n")


def _notice(text: str) -> NoticeRecord:
    notice = parse_document(text.encode("utf-8")).notice
    assert notice is not None
    return notice


def _steps(notice: NoticeRecord) -> list[tuple[str, str | None, str | None]]:
    return [(a.action.value, a.list.value if a.list else None, a.effective) for a in notice.actions]


def test_an_orders_countermeasure_item_listing_on_the_ecl_is_an_ecl_listing() -> None:
    """11: "商务部决定对…3家美国企业采取以下反制措施：\\n…三、将上述企业列入出口管制管控名单，禁止向上述企业出口两用物项。": the
    countermeasures and an ECL listing of the same firms (was: the countermeasures alone, the ECL listing lost silently)."""
    for lead in ("采取以下反制措施：", "采取如下反制措施："):
        notice = _notice(ORDER.format(lead=lead, third="将上述企业列入出口管制管控名单，禁止向上述企业出口两用物项。"))
        assert _steps(notice) == [("impose", "countermeasure", "2026-12-04"), ("impose", "ecl", "2026-12-04")], lead
        assert notice.key == "MOFCOM-ORDER-2026-8"


def test_an_orders_items_that_list_nobody_add_no_listing() -> None:
    """The same order whose item 三 only bars exports (no 列入) and one whose item weighs a listing ("可以…列入") list on no
    other list: the countermeasures alone."""
    for third in ("禁止向上述企业出口两用物项。", "商务部可以依法将上述企业列入出口管制管控名单。"):
        notice = _notice(ORDER.format(lead="采取以下反制措施：", third=third))
        assert _steps(notice) == [("impose", "countermeasure", "2026-12-04")], third
