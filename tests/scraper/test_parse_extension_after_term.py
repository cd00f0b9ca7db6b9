"""An extension worded "在现行暂停期限届满后再延长暂停实施一年" (session 25, parse25): "暂停实施" after "再延长" was read as a new
suspension from the answer's day, one year on (2026-11-27 → 2027-11-27 where the running suspension ended 2026-11-20: a
week of false "suspended"); now one verb, an extension by P1Y counted by the engine from the running end. "暂停期限届满后
再延长一年" is the same; "…届满后不再延长" stays no extension."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

HEAD = ("来源：商务部新闻办公室 类型：原创 分类：新闻 2026-11-27 19:00\n\n商务部新闻发言人就不可靠实体清单相关措施答记者问\n"
        "问：不可靠实体清单工作机制公告〔2026〕3号相关措施的暂停期限已经届满，请问中方如何考虑？\n答：")


def _steps(answer: str) -> list[tuple[str, list[str | None], str | None, str | None]]:
    doc = parse_document((HEAD + answer + "\n").encode("utf-8"))
    assert doc.notice is not None
    return [(a.action.value, [t.key for t in a.targets], a.until and a.until.isoformat(), a.extends_by)
            for a in doc.notice.actions]


@pytest.mark.parametrize("answer", [
    "中方决定，对不可靠实体清单工作机制公告〔2026〕3号相关措施，在原暂停期限届满后再延长暂停实施一年。",
    "中方决定，不可靠实体清单工作机制公告〔2026〕3号相关措施的暂停期限届满后再延长一年。",
])
def test_a_lengthened_suspension_is_an_extension_by_a_year(answer: str) -> None:
    assert _steps(answer) == [("extend", ["UEL-2026-3"], None, "P1Y")]


def test_two_notices_lengthened_in_one_sentence() -> None:
    answer = ("中方决定，对商务部公告2025年第21号和不可靠实体清单工作机制公告〔2025〕7号相关措施，在现行暂停期限届满后再延长暂停实施"
              "一年。")
    assert _steps(answer) == [("extend", ["MOFCOM-2025-21", "UEL-2025-7"], None, "P1Y")]


def test_not_lengthened_is_no_extension() -> None:
    steps = _steps("中方决定，不可靠实体清单工作机制公告〔2026〕3号相关措施的暂停期限届满后不再延长，自2026年11月28日起恢复实施。")
    assert [s[0] for s in steps] == ["restore"]
