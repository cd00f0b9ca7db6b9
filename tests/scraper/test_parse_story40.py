"""Steps of December 2026 read wrong (session 39, story40; the stories are tests/mofcom_watch/test_stories_december40.py):

- a notice stopping the measures on two named entities of No. 21 under a title naming none ("关于停止执行商务部公告2025年第
  21号中对2家美国实体相关措施的公告"): the title's step was kept over the body's, one naming no entity: nothing lifted;
- a listed company's Chinese name changed alone ("所列“哈德森技术公司（Hudson Technologies Co.）”已更名。现将…该实体的名称变更为
  “哈德逊科技公司（Hudson Technologies Co.）”"): the new name's key is the old one's (the English name's), so the rename was
  taken for no change and the page refused for a person; a later step naming the new Chinese name alone was unresolved.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

DATA = Path(__file__).resolve().parents[1] / "data" / "stories40"


def _notice(path: Path, title: str | None = None) -> object:
    text = path.read_text(encoding="utf-8")
    if title is not None:
        text = title + text[text.index("\n"):]
    doc = parse_document(text.encode("utf-8"))
    assert doc.notice is not None
    return doc.notice


@pytest.mark.parametrize("title", [
    None,  # "商务部公告2026年第252号 关于停止执行商务部公告2025年第21号中对2家美国实体相关措施的公告"
    "商务部公告2026年第252号 关于停止执行商务部公告2025年第21号中对立方公司等2家美国实体相关措施的公告",
    "商务部公告2026年第252号",  # no title step: read right before too
])
def test_a_stop_of_two_named_under_a_title_naming_none(title: str | None) -> None:
    notice = _notice(DATA / "corrected_step" / "d1-mofcom-2026-252-stop-two-from-1125.txt", title)
    steps = [(a.action.value, [t.key for t in a.targets], a.effective, a.entities) for a in notice.actions]  # type: ignore[attr-defined]
    assert steps == [("lift", ["MOFCOM-2025-21"], "2026-11-25", ("cubic", "sierranevada"))]


def test_a_chinese_name_changed_alone_is_a_rename() -> None:
    notice = _notice(DATA / "renamed" / "n1-mofcom-2026-261-chinese-name-change.txt")
    renamed = notice.renamed  # type: ignore[attr-defined]
    assert [(r.key, r.zh, r.en) for r in renamed] == [
        ("hudsontechnologies", "哈德逊科技公司", "Hudson Technologies Co.")]
    assert "哈德森技术公司" in renamed[0].aliases


@pytest.mark.parametrize("sentence", [
    "所列“哈德森技术公司（Hudson Technologies Co.）”已更名。现将出口管制管控名单中该实体的名称变更为“哈德森技术公司（Hudson Technologies Co.）”。",
    "所列“哈德森技术公司（Hudson Technologies Co.）”已更名。现将出口管制管控名单中该实体的名称变更为“哈德森技术公司（HUDSON TECHNOLOGIES CO）”。",
])
def test_the_same_names_written_otherwise_are_still_no_rename(sentence: str) -> None:
    path = DATA / "renamed" / "n1-mofcom-2026-261-chinese-name-change.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("商务部公告2025年第21号所列") + len("商务部公告2025年第21号")
    text = text[:start] + sentence + text[text.index("\n", start):]
    with pytest.raises(UnusablePage):
        parse_document(text.encode("utf-8"))
