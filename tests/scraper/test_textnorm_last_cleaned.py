"""``clean`` of the text ``clean_and_fold`` just read gives its clean copy without a second scan (perf42), and is
still ``clean`` of that text for every other text (a traditional reprint, CRLF, an invisible character)."""

from __future__ import annotations

from scraper.parse import textnorm
from scraper.parse.textnorm import clean, clean_and_fold

TRADITIONAL = "外交部決定，對上述實體採取的反制措施，自公佈之日起停止實施。\r\n"


def test_the_text_just_cleaned_gives_the_same_clean_copy_object() -> None:
    text = "".join(["商务部公告", "2025年第21号\r\n", "\u200b"])  # built at run time: a fresh object
    cleaned, _ = clean_and_fold(text)
    assert clean(text) is cleaned  # the held copy (a fresh clean would be another object)
    assert cleaned == "商务部公告2025年第21号\n"


def test_another_text_is_cleaned_afresh() -> None:
    clean_and_fold("商务部公告2025年第21号")
    got = clean(TRADITIONAL)
    assert "决定" in got and "对上述实体采取" in got and "\r" not in got
    assert textnorm._last_cleaned[0] is not TRADITIONAL


def test_an_equal_text_of_another_object_is_cleaned_the_same() -> None:
    first = "".join(["對上述實體", "採取的反制措施，自公佈之日起停止實施、決定"])
    cleaned, _ = clean_and_fold(first)
    second = "".join(["對上述實體", "採取的反制措施，自公佈之日起停止實施、決定"])
    assert second is not first and clean(second) == cleaned
