"""A blocking order under the blocking rules (阻断外国法律与措施不当域外适用办法; 2026 No. 21's kind, out of scope) names the
Chinese firms a foreign list put on it and forbids obeying those sanctions: it lists, measures and removes no one
(session 27, audit27/01: "…不得遵守美国对上述5家中国企业采取的相关制裁措施" was read as a measure on an entity "上述企业")."""

from __future__ import annotations

from scraper.parse import parse_text
from tests.scraper.corpus_cases import parse_case


def test_a_blocking_order_lists_and_measures_no_one() -> None:
    rec = parse_case("audit27", "01-blocking-order-sdn-five-chinese-firms.txt")
    assert (rec.key, rec.actions, rec.entities, rec.warnings) == ("MOFCOM-2026-21", (), (), ())


def test_a_measure_this_side_takes_on_a_notices_entities_is_still_read() -> None:
    """"调整对…〔2025〕10号所列实体采取的处理措施" (parse21/09) is this side's measure, not another's sanctions."""
    rec = parse_case("parse21", "09-uel-adjust-measures.txt")
    assert [(a.action.value, [t.key for t in a.targets]) for a in rec.actions] == [("lift_measure", ["UEL-2025-10"])]


def test_a_measure_decided_on_a_named_firm_is_still_a_measure() -> None:
    text = ("不可靠实体清单工作机制公告〔2026〕9号\n【发布文号】不可靠实体清单工作机制公告〔2026〕9号\n【发文日期】2026年12月20日\n\n"
            "不可靠实体清单工作机制决定对美国天际防务公司（Skyline Defense Inc.）采取以下处理措施：禁止其从事与中国有关的进出口活动。\n\n"
            "本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n2026年12月20日\n")
    rec = parse_text(text)
    assert rec is not None and [a.action.value for a in rec.actions] == ["measure"]


def test_a_blocking_order_on_restrictive_measures_of_the_us_lists_no_one() -> None:
    """"不得遵守美国对甲石化有限公司等3家中国企业采取的相关限制措施" (no 制裁): a measure on "甲石化有限公司等3家中国企业" (probe
    after reading the parser, audit27 p08)."""
    text = ("商务部公告2026年第154号\n【发布文号】商务部公告2026年第154号\n【发文日期】2026年12月31日\n\n根据《阻断外国法律与措施不当"
            "域外适用办法》，工作机制决定发布禁令：任何中国公民、法人或者其他组织不得承认、不得执行、不得遵守美国对甲石化有限公司等3家"
            "中国企业采取的相关限制措施。\n\n本禁令自公布之日起施行。\n\n商务部\n2026年12月31日\n")
    rec = parse_text(text)
    assert rec is not None and (rec.actions, rec.entities, rec.warnings) == ((), (), ())
