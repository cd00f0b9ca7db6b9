"""A start written without 自 (session 24, parse24): "本公告2026年12月1日起正式实施" and "商务部决定，2026年12月1日起停止执行…" took
the publication day: a listing shown in force, and a lift applied, a week early ("no effective date stated")."""

from __future__ import annotations

from scraper.parse import parse_document
from scraper.parse.dates import effective_in

LISTING = ("商务部公告2026年第103号 公布将1家美国实体列入出口管制管控名单\n【发布文号】商务部公告2026年第103号\n"
           "【发文日期】2026年11月24日\n\n根据《中华人民共和国出口管制法》等法律法规有关规定，决定将白杨光电公司（Aspen Electro-Optics, "
           "Inc.）列入出口管制管控名单，并采取以下措施：\n一、禁止出口经营者向上述实体出口两用物项。\n\n本公告2026年12月1日起正式实施。\n\n"
           "商务部\n2026年11月24日\n")
ANSWER = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-26 18:00\n\n商务部新闻发言人就调整出口管制管控名单措施答记者问\n"
          "问：请问商务部有何新的安排？\n答：商务部决定，2026年12月1日起停止执行商务部公告2025年第21号相关措施。\n")


def test_a_start_without_zi_is_read() -> None:
    assert effective_in("商务部决定，2026年12月1日起停止执行商务部公告2025年第21号相关措施", None) == "2026-12-01"
    assert effective_in("本公告2026年12月1日零时起实施", None) == "2026-12-01T00:00+08:00"
    # 自 still wins where it stands; a day with no 起 after it is no start
    assert effective_in("2025年11月5日，中方决定自2025年11月10日起继续暂停", None) == "2025-11-10"
    assert effective_in("暂停期限于2026年11月10日届满", None) is None


def test_a_listing_in_force_from_a_day_without_zi() -> None:
    doc = parse_document(LISTING.encode("utf-8"))
    assert doc.notice is not None
    assert doc.notice.effective == "2026-12-01"
    assert [a.effective for a in doc.notice.actions] == ["2026-12-01"]
    assert "no effective date stated; using the publication date" not in doc.notice.warnings


def test_an_answers_lift_from_a_day_without_zi() -> None:
    doc = parse_document(ANSWER.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, a.effective) for a in doc.notice.actions] == [("lift", "2026-12-01")]
