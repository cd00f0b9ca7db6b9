"""cycles58 (session 58): a general word for entities named elsewhere ("有关美国实体", "相关企业") is no name.

A notice first published with its annex only as a PDF link ("决定将有关美国实体列入出口管制管控名单（见附件）") had
"有关美国实体" read as the one entity it lists: an Imposed item of it, exit 0 (class A, found running cycles over real
HTTP, ``tests/data/corpus/cycles58/01``). ``entities.is_generic`` says such a segment names nobody; the page is then a
listing of nobody stating no count, held until its annex is in the page. The pins say what the parser reads; this says
what the word check takes and leaves."""

from __future__ import annotations

import pytest

from scraper.parse import entities as ent
from scraper.parse.textnorm import fold


@pytest.mark.parametrize("seg", ["有关美国实体", "相关企业", "有关实体", "相关军工企业", "相关外国组织", " 有关日本公司 ",
                                 "相关美国个人"])
def test_a_general_word_for_entities_is_no_name(seg):
    assert ent.is_generic(fold(seg))


@pytest.mark.parametrize("seg", [
    "有关美国实体霜岭导航公司(Frostridge Navigation Inc.)",  # a name after the word: read (cycles58/03, its Chinese name B)
    "相关科技发展研究院有限责任公司",  # too long between the words to be a general word
    "有关", "实体", "上述实体", "以下美国实体", "星桥通信公司",
    "相关(美国)企业",  # not Chinese between the words
])
def test_a_name_or_a_pointer_is_no_general_word(seg):
    assert not ent.is_generic(fold(seg))
