"""A joint notice adjusting the dual-use items list (session 25, parse25): "二、将“…惯性测量单元”等3项物项移出《中华人民
共和国两用物项出口管制清单》（见附件2）" read as a removal of nobody on no list, its annex's items ("高纯度砷化镓单晶衬底
（3C901）") as 3 entities with the control codes as English names: an unresolved reference for review and three false
entities. Items put on or taken off a list of items act on no entity."""

from __future__ import annotations

from scraper.parse import parse_document

TEXT = """商务部 国家原子能机构 海关总署公告2026年第140号 关于调整《中华人民共和国两用物项出口管制清单》的公告
【发布文号】商务部 国家原子能机构 海关总署公告2026年第140号
【发文日期】2026年12月18日

根据《中华人民共和国出口管制法》有关规定，现将调整事项公告如下：
一、将"高纯度砷化镓单晶衬底"等12项物项列入《中华人民共和国两用物项出口管制清单》（见附件1）。
二、将"用于民用航空器的惯性测量单元"等3项物项移出《中华人民共和国两用物项出口管制清单》（见附件2）。
本公告自2027年1月1日起正式实施。

附件：1. 列入清单的物项
2. 移出清单的物项

商务部
2026年12月18日

附件1
列入清单的物项
1. 高纯度砷化镓单晶衬底（3C901）
2. 碳化硅外延片生长设备（3B903）
"""


def test_items_moved_on_and_off_the_items_list_act_on_no_entity() -> None:
    doc = parse_document(TEXT.encode("utf-8"))
    assert doc.notice is not None and doc.notice.key == "MOFCOM-2026-140"
    assert doc.notice.actions == () and doc.notice.entities == ()


def test_a_watch_list_removal_beside_it_still_reads() -> None:
    """An entity removal on a list of entities is no item: "将东京精密株式会社（…）移出关注名单" stays a removal."""
    text = TEXT.replace("二、将\"用于民用航空器的惯性测量单元\"等3项物项移出《中华人民共和国两用物项出口管制清单》（见附件2）",
                        "二、商务部决定将东京精密株式会社（Tokyo Seimitsu Co., Ltd.）移出关注名单")
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    assert [(a.action.value, a.list and a.list.value) for a in doc.notice.actions] == [("remove", "watch")]
