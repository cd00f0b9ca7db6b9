"""The corpus pins' texts for the probe tests (tests/data/corpus/<set>/): read one, edit it, parse it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.parse import parse_document, parse_text
from storage.records import NoticeRecord, UnusablePage

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def case_text(corpus_set: str, name: str) -> str:
    """The pin's text as written."""
    return (CORPUS / corpus_set / name).read_text(encoding="utf-8")


def parse_case(corpus_set: str, name: str, old: str = "", new: str = "") -> NoticeRecord:
    """The pin's text parsed, ``old`` replaced by ``new`` first when given (a variant of the case)."""
    text = (CORPUS / corpus_set / name).read_text(encoding="utf-8")
    rec = parse_text(text.replace(old, new) if old else text)
    assert rec is not None
    return rec


def names(rec: NoticeRecord) -> list[tuple[str | None, str | None, str | None]]:
    """Each entity's Chinese name, English name and country."""
    return [(e.zh, e.en, e.country) for e in rec.entities]


def acts_by_list(text: str) -> list[tuple[str, str | None, list[str | None], list[str]]]:
    """Each action of the parse: its kind, list, the notices it targets and the entities it names."""
    rec = parse_text(text)
    assert rec is not None
    return [(a.action.value, a.list.value if a.list else None, [t.key for t in a.targets], list(a.entities))
            for a in rec.actions]


def case_named(name: str, corpus_set: str) -> str:
    """The text of the pin of ``corpus_set`` whose file name starts with ``name-`` (its number: "07")."""
    return next(p for p in (CORPUS / corpus_set).glob(f"{name}-*") if not p.name.endswith(".json")).read_text(encoding="utf-8")


def refused(text: str) -> UnusablePage:
    """Why the parser refuses ``text`` (it must)."""
    with pytest.raises(UnusablePage) as caught:
        parse_document(text.encode())
    return caught.value


def read(text: str) -> NoticeRecord:
    """``text`` parsed as a notice (it must be one)."""
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec
