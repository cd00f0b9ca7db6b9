"""Untrusted text made safe once, where it enters the store.

A page is hostile input: one ESC (U+001B) in one entity name stopped every feed (XML 1.0 cannot
carry it), and ``ESC ] 0 ; … BEL`` in a name retitled the terminal that printed it. Every string
taken from a page loses, before it is stored, what no reader can show and some readers obey:

- terminal escape sequences (CSI ``ESC [ … m``, OSC ``ESC ] … BEL``), whole;
- C0 and C1 control characters (tab and newline stay; CR becomes a newline) and DEL;
- bidirectional overrides, embeddings, isolates and marks (they reorder what a reader sees);
- what XML 1.0 forbids: lone surrogates, U+FFFE, U+FFFF.

The raw bytes stay in the snapshot, so nothing is lost. Feed rendering and terminal output apply the
same function again, for data stored before this existed.
"""

from __future__ import annotations

import dataclasses
import re
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from storage.names import entity_key

if TYPE_CHECKING:  # only named in annotations: every CLI start imports this module (mofcom_watch.term), not them
    from storage.records import NoticeRecord, ParsedDocument

# CSI (ESC [ params intermediates final) and OSC/DCS/PM/APC strings ending in BEL or ST (ESC \)
ESCAPE_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)")
UNSAFE_CHAR_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 but tab, newline, CR (below); DEL; C1
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\ud800-\udfff\ufffe\uffff]"  # XML 1.0 forbids these
)
T = TypeVar("T")


def clean_text(text: str) -> str:
    """``text`` without escape sequences, control, bidi or XML-forbidden characters (see the module doc)."""
    if text.isprintable():  # the usual case: none of the above can be present
        return text
    if "\x1b" in text:
        text = ESCAPE_SEQUENCE_RE.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return UNSAFE_CHAR_RE.sub("", text)


def clean_optional(text: str | None) -> str | None:
    return None if text is None else clean_text(text)


def clean_fields(value: T) -> T:
    """``value`` with :func:`clean_text` applied to every string inside it: frozen dataclasses,
    tuples, lists and dicts are rebuilt (only where something changed), enums and numbers kept."""
    return _clean(value)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    if isinstance(value, Enum):  # StrEnum members are str: keep them as they are
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, tuple | list):
        items = [_clean(v) for v in value]
        if all(a is b for a, b in zip(items, value, strict=True)):
            return value
        return type(value)(items)
    if isinstance(value, dict):
        cleaned = {_clean(k): _clean(v) for k, v in value.items()}
        return value if all(cleaned.get(k) is v for k, v in value.items()) else cleaned
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = _clean(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def clean_notice(record: NoticeRecord) -> NoticeRecord:
    """:func:`clean_fields` for a parsed notice, whose entity keys the parser derived from the names
    as written: a key derived from a name that cleaning changed is derived again from the clean name
    (and the actions naming it follow), so ``Sky<ESC>]0;x<BEL>dio`` is the same entity as ``Skydio``."""
    cleaned = clean_fields(record)
    if cleaned is record:
        return record
    renamed: dict[str, str] = {}
    entities = []
    for raw, ent in zip(record.entities, cleaned.entities, strict=True):
        if ent is not raw and raw.key == entity_key(raw.zh, raw.en):
            key = entity_key(ent.zh, ent.en)
            if key != ent.key:
                renamed[ent.key] = key
                ent = dataclasses.replace(ent, key=key)
        entities.append(ent)
    if not renamed:
        return cleaned
    actions = tuple(dataclasses.replace(a, entities=tuple(renamed.get(k, k) for k in a.entities))
                    for a in cleaned.actions)
    return dataclasses.replace(cleaned, entities=tuple(entities), actions=actions)


def clean_document(doc: ParsedDocument) -> ParsedDocument:
    """A parsed page with every string cleaned (its notice by :func:`clean_notice`)."""
    notice = clean_notice(doc.notice) if doc.notice is not None else None
    cleaned = clean_fields(dataclasses.replace(doc, notice=None) if doc.notice is not None else doc)
    return dataclasses.replace(cleaned, notice=notice) if notice is not None else cleaned
