"""Session 42, review44 (a line-by-line review of session 41's code): a names paragraph after "…列入不可靠实体清单：" written
one name a line (audit41's eca69a1f read its first line alone: the other names lost, silently where the notice states no
count, as the real UEL 〔2025〕2号 states none), and a name opening with a Chinese numeral ("三星遥感公司") taken for a
numbered line (no name read)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

A, B, C = ("鹰眼遥感公司（Hawkeye Remote Sensing, Inc.）", "巨石弹药系统公司（Monolith Munitions Systems）",
           "北极星卫星通信公司（Polaris Satcom LLC）")
UEL = ("不可靠实体清单工作机制公告〔2026〕43号\n\n根据《不可靠实体清单规定》第二条等有关规定，不可靠实体清单工作机制决定将以下"
       "美国实体列入不可靠实体清单：\n\n{names}\n\n对上述实体采取以下处理措施：\n\n一、禁止上述企业从事与中国有关的进出口活动。\n\n"
       "本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月15日\n")
ENGLISH = ["Hawkeye Remote Sensing, Inc.", "Monolith Munitions Systems", "Polaris Satcom LLC"]


@pytest.mark.parametrize("names", [f"{A}\n{B}\n{C}", f"{A}\n\n{B}\n\n{C}", f"{A}；\n{B}；\n{C}。", f"{A}、\n{B}、\n{C}。",
                                   f"{A}\r\n{B}\r\n{C}", f"　　{A}\n　　{B}\n　　{C}", f"{A}、{B}\n{C}"],
                         ids=["lines", "blank-lines", "semicolons", "commas", "crlf", "indented", "two-and-one"])
def test_every_name_of_a_names_paragraph_one_a_line_is_read(names: str) -> None:
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ENGLISH
    assert [a.action.value for a in notice.actions] == ["impose"]


def test_a_sentence_after_the_names_lines_ends_them() -> None:
    names = f"{A}\n{B}\n{C}\n上述实体（3家）均参与对台军售。"
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ENGLISH


def test_a_name_opening_with_a_chinese_numeral_is_no_numbered_line() -> None:
    names = f"三星遥感公司（Samsing Remote Sensing, Inc.）、{B}、{C}。"
    notice = parse_document(UEL.format(names=names).encode("utf-8")).notice
    assert notice is not None
    assert [e.en for e in notice.entities] == ["Samsing Remote Sensing, Inc.", *ENGLISH[1:]]
