"""review55 (session 49): a hostile probe of mfa49's new MFA readings.

- "禁止台湾地区陈建宏、黄淑芬…" (mfa49/12) also read "禁止台湾地区领导人及其直系亲属进入大陆" as a person named 领导人, a false item:
  a region's person now opens with a surname and ends in no post's character (``mfa.groups._bare_names``).
- "A（a）、B（b）等2家企业和1名高级管理人员" naming no person read 2 of 2, silently: the second count is a group of its own now,
  and the count warns (``mfa.groups``; a later clause naming them restates it).
"""

from __future__ import annotations

import pytest

from tests.scraper.corpus_cases import case_named, read, refused

# --- mfa49/12's region persons: "禁止台湾地区领导人及其直系亲属进入大陆" names a post, not a person


def _mfa_text(names: str) -> str:
    text = case_named("12", "mfa49")
    assert "禁止台湾地区陈建宏、黄淑芬及其直系亲属进入大陆" in text
    return text.replace("禁止台湾地区陈建宏、黄淑芬及其直系亲属进入大陆", f"禁止{names}及其直系亲属进入大陆")


@pytest.mark.parametrize("names", ["台湾地区领导人", "台湾地区负责人", "台湾地区首脑", "台湾地区政要", "台湾地区立委",
                                   "香港特别行政区高官"])
def test_a_post_after_a_region_is_no_person(names: str) -> None:
    # 台湾地区领导人 was read as a person named 领导人, a false item, silently
    assert refused(_mfa_text(names)).reason in ("cut-short", "needs-review")


@pytest.mark.parametrize(("names", "read_as"), [("台湾地区陈建宏、黄淑芬", ["陈建宏", "黄淑芬"]), ("台湾地区陈建军", ["陈建军"])])
def test_a_regions_persons_stay_read(names: str, read_as: list[str]) -> None:
    rec = read(_mfa_text(names))
    assert [(e.zh, e.country) for e in rec.entities] == [(n, "TW") for n in read_as]


# --- mfa49/05's second count "等2家企业和1名高级管理人员" over names that hold no person: the person missed


def test_a_second_count_no_name_answers_warns() -> None:
    text = case_named("05", "mfa49")
    assert "及极光航电公司总裁弗兰克·米勒（Frank Miller）等2家企业和1名高级管理人员" in text
    rec = read(text.replace("及极光航电公司总裁弗兰克·米勒（Frank Miller）等2家", "等2家"))
    # was 2 of 2, silently: the executive counted and named nowhere missed
    assert [e.type for e in rec.entities] == ["organization", "organization"]
    assert rec.warnings == ("parsed 2 targets, the decision states 3",)
