"""A listing whose prose points to its annex names no entity in the prose (session 24, parse24). "（名单见附件）" (the UEL
form) was not known as a pointer: "…决定将…台湾地区企业（名单见附件）列入…" with no count, its annex cut off, read as a listing
of one entity "台湾地区企业（名单见附件）" with no warning and no health issue (a false listed entity); "相关实体（详见附件）" read
"相关实体". Now the prose names none: the page is a listing of nobody, which the pipeline holds back
(``storage.shortread.names_nobody``), and with its annex the annex's names are read."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document

HEAD = ("不可靠实体清单工作机制关于将台湾地区企业列入不可靠实体清单的公告\n【发布文号】不可靠实体清单工作机制公告〔2026〕19号\n"
        "【发文日期】2026年12月10日\n\n")
BODY = ("不可靠实体清单工作机制依据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，决定将{obj}列入不可靠实体清单，"
        "并采取以下处理措施：\n一、禁止上述企业从事与中国有关的进出口活动；\n二、禁止上述企业在中国境内新增投资。\n\n本公告自公布之日起实施。\n\n"
        "不可靠实体清单工作机制\n（商务部代章）\n2026年12月10日\n")
ANNEX = "\n附件\n不可靠实体清单\n1. 雷霆防务科技股份有限公司（Thunder Defense Technology Co., Ltd.）\n"


@pytest.mark.parametrize("obj", ["与美国军工企业勾连、参与美国对台军售的台湾地区企业（名单见附件）", "相关实体（详见附件）",
                                 "有关美国实体（名单见附件）"])
def test_a_pointer_to_a_cut_annex_names_no_entity(obj: str) -> None:
    doc = parse_document((HEAD + BODY.format(obj=obj)).encode("utf-8"))
    assert doc.notice is not None
    assert doc.notice.entities == ()
    assert "no entities found for a listing" in doc.notice.warnings


def test_a_pointer_with_its_annex_reads_the_annex() -> None:
    doc = parse_document((HEAD + BODY.format(obj="参与美国对台军售的台湾地区企业（名单见附件）") + ANNEX).encode("utf-8"))
    assert doc.notice is not None
    assert [(e.zh, e.en) for e in doc.notice.entities] == [("雷霆防务科技股份有限公司", "Thunder Defense Technology Co., Ltd.")]
