"""The corpus pins' texts for the probe tests (tests/data/corpus/<set>/): read one, edit it, parse it."""

from __future__ import annotations

from pathlib import Path

from scraper.parse import parse_text
from storage.records import NoticeRecord

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def parse_case(corpus_set: str, name: str, old: str = "", new: str = "") -> NoticeRecord:
    """The pin's text parsed, ``old`` replaced by ``new`` first when given (a variant of the case)."""
    text = (CORPUS / corpus_set / name).read_text(encoding="utf-8")
    rec = parse_text(text.replace(old, new) if old else text)
    assert rec is not None
    return rec


def names(rec: NoticeRecord) -> list[tuple[str | None, str | None, str | None]]:
    """Each entity's Chinese name, English name and country."""
    return [(e.zh, e.en, e.country) for e in rec.entities]
