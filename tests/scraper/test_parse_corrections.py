"""A correction notice's renamed entities (scraper/parse/corrections.py): keyed by the name as first written, so
the engine can rename the corrected listing's entity; anything not one clear old/new pair gives none (the engine
then reports the correction as not applied)."""

from __future__ import annotations

from scraper.parse import parse_text
from scraper.parse.corrections import corrected_entities
from tests.storage.test_lifecycle_corrections import CORRECTION


def test_a_correction_notice_names_the_new_entity_under_the_old_key():
    rec = parse_text(CORRECTION)
    assert rec is not None and rec.actions == () and rec.warnings == ()
    assert [(e.zh, e.en, e.key, e.n) for e in rec.entities] == [
        ("乌普西隆动力公司", "Upsilon Power LLC", "upsilonenergy", 2)]
    assert [r.key for r in rec.references] == ["MOFCOM-2024-89"]


def test_the_original_form_with_annex_numbers_quoted():
    text = ("商务部公告2026年第11号附件出口管制管控名单第7项实体名称有误，现更正如下：\n\n原“7. 甲乙丙公司（Alpha Beta Inc.）”"
            "更正为“7. 甲乙丁公司（Alpha Beta Inc.）”。\n\n其他内容不变。")
    assert [(e.zh, e.en, e.key, e.n) for e in corrected_entities(text)] == [
        ("甲乙丁公司", "Alpha Beta Inc.", "alphabeta", 7)]


def test_unclear_corrections_give_nothing():
    half = "第2项中文名称“乌普西隆能源公司”有误，现更正为“乌普西隆动力公司”。"  # no English: not matchable by key
    assert corrected_entities(half) == ()
    one_unread = ("第2项“甲公司（A Inc.）”有误，现更正为“乙公司（B Inc.）”。第3项英文名称有误，现更正为Gamma LLC。")
    assert corrected_entities(one_unread) == ()
    numbers_disagree = "第2项原“3. 甲公司（A Inc.）”更正为“3. 乙公司（B Inc.）”。"
    assert corrected_entities(numbers_disagree) == ()
