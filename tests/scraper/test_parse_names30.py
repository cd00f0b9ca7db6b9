"""Counts written in the numerals of amounts (session 30, names30): "叁家", "壹拾陆家" are counts; a name holding one is not."""

from __future__ import annotations

from scraper.parse.entities import count_and_country, stated_count


def test_a_count_in_the_numerals_of_amounts_is_read_with_its_country():
    for text, want in (("商务部决定将叁家美国实体（见附件）列入出口管制管控名单", (3, "US")),
                       ("工作机制决定将壹拾陆家美国实体列入不可靠实体清单", (16, "US")),
                       ("将拾壹家美国实体（名单见附件）列入", (11, "US"))):
        assert count_and_country([text]) == want and stated_count([text]) == want


def test_a_name_holding_such_a_numeral_is_no_count():
    text = "商务部决定将上海陆家嘴金融服务公司（Lujiazui Finance Services Co.）列入出口管制管控名单"
    assert count_and_country([text]) == (None, None) and stated_count([text]) == (None, None)
    # and a count after it on the same line is still the one read
    assert count_and_country(["将上海陆家嘴金融服务公司（Lujiazui Finance Services Co.）等2家实体列入"]) == (2, None)
