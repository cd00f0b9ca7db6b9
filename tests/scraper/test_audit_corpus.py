"""The audit corpus (tests/data/corpus/): every case the blind auditors wrote, parsed in-process and
compared field by field with its pin (``<case>.expect.json``, described in tests/data/corpus/README.md).

What a pin holds is what priority 1 needs (never a false item, never a missed one): the notice key and
kind, the list, the dates, each action (kind, list, targets, effective, until, entity limitation), each
entity (Chinese name, English name, country; organization or individual where an MFA decision types it)
and the stated count; for a refused page, the UnusablePage reason; for an index, its links. A field left
out of a pin is not checked (the cases whose reading is ambiguous pin only what is not). A case whose
pin has ``known_wrong`` is a fault the parser still has: its other fields must hold, and the test is an
expected failure until the parser gives the ``known_wrong`` values, when it fails and asks for them to be
moved into ``expect``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scraper.parse import parse_document
from storage.records import DocumentKind, UnusablePage

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
PAGE_SUFFIXES = (".txt", ".html", ".json")
PIN_SUFFIX = ".expect.json"
PIN_KEYS = {"origin", "auditor_verdict", "status", "why", "url", "expect", "xfail", "known_wrong"}
EXPECT_KEYS = {"outcome", "unusable", "key", "kind", "list", "published", "effective", "stated_count",
               "actions", "entities", "links", "warnings", "corrected_effective", "renamed", "held",
               "recounted"}
ACTION_KEYS = {"action", "list", "targets", "effective", "until", "extends_by", "entities", "measures"}
ENTITY_KEYS = {"zh", "en", "country", "type"}


@dataclass(frozen=True)
class Case:
    name: str  # <set>/<case>
    page: Path
    pin: dict[str, Any]


def _pages() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*/*") if p.suffix in PAGE_SUFFIXES and not p.name.endswith(PIN_SUFFIX))


def _pin_path(page: Path) -> Path:
    return page.with_name(page.stem + PIN_SUFFIX)


def _cases() -> list[Case]:
    return [Case(f"{p.parent.name}/{p.stem}", p, json.loads(_pin_path(p).read_text(encoding="utf-8")))
            for p in _pages() if _pin_path(p).exists()]


CASES = _cases()


def _target(ref: dict[str, Any]) -> Any:
    """A target as pins write it: the notice key, else the date/list/count/country it is named by."""
    if ref.get("key"):
        return ref["key"]
    return {k: ref[k] for k in ("date", "list", "count", "country") if ref.get(k) is not None}


def observed(raw: bytes, url: str | None) -> dict[str, Any]:
    """What the parser makes of a page, in the pins' vocabulary (a page that is no notice has no action
    and no entity)."""
    try:
        doc = parse_document(raw, url=url)
    except UnusablePage as exc:
        return {"outcome": "unusable", "unusable": exc.reason, "actions": [], "entities": [], "warnings": []}
    if doc.kind == DocumentKind.INDEX:
        links = [[link.url, link.date.isoformat() if link.date else None] for link in doc.links]
        return {"outcome": "index", "links": links, "actions": [], "entities": [], "warnings": list(doc.warnings)}
    if doc.kind != DocumentKind.NOTICE or doc.notice is None:
        return {"outcome": "other", "actions": [], "entities": [], "warnings": list(doc.warnings)}
    n = doc.notice.to_json()

    def steps(field: str) -> list[dict[str, Any]]:
        return [{"action": a["action"], "list": a["list"], "targets": [_target(t) for t in a["targets"]],
                 "effective": a["effective"], "until": a["until"], "extends_by": a.get("extends_by"),
                 "entities": a.get("entities", []), "measures": a.get("measures", [])}
                for a in n.get(field, ())]

    return {
        "outcome": "notice",
        **{k: n[k] for k in ("key", "kind", "list", "published", "effective", "stated_count", "warnings")},
        "corrected_effective": n.get("corrected_effective"),  # a correction's corrected date of another notice
        "actions": steps("actions"),
        "held": steps("held"),  # steps read but held for a person apart, the page's others read (session 41)
        "recounted": steps("recounted"),  # steps an answer recounts as a notice's, never applied (session 51)
        "entities": [{"zh": e["zh"], "en": e["en"], "country": e["country"], "type": e.get("type")}
                     for e in n["entities"]],
        # a listed entity renamed: its new names under the old name's key, the old names as aliases
        "renamed": [{"zh": e["zh"], "en": e["en"], "key": e["key"], "aliases": e.get("aliases", [])}
                    for e in n.get("renamed", ())],
    }


def differences(expect: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """One line per pinned field that differs: ``path: expected X, got Y``."""
    out: list[str] = []
    for field, want in expect.items():
        have = got.get(field)
        if field in ("actions", "entities", "links", "renamed", "held", "recounted"):
            out.extend(_list_differences(field, want, have or []))
        elif want != have:
            read = f" (read as {got.get('outcome')} {got.get('key') or ''})" if field == "unusable" else ""
            out.append(f"{field}: expected {want!r}, got {have!r}{read}")
    return out


def _list_differences(field: str, want: list[Any], have: list[Any]) -> list[str]:
    out = []
    if len(want) != len(have):
        out.append(f"{field}: expected {len(want)} item(s), got {len(have)}")
    for i, (w, h) in enumerate(zip(want, have)):
        if isinstance(w, dict):  # an action or an entity: only the fields the pin names
            out.extend(f"{field}[{i}].{k}: expected {v!r}, got {h.get(k)!r}" for k, v in w.items() if h.get(k) != v)
        else:  # a link [url, date]; a url of None is not pinned
            if (w[0] is not None and w[0] != h[0]) or w[1] != h[1]:
                out.append(f"{field}[{i}]: expected {w!r}, got {h!r}")
    out.extend(f"{field}: unexpected {h!r}" for h in have[len(want):])
    out.extend(f"{field}: missing {w!r}" for w in want[len(have):])
    return out


def _report(case: Case, what: str, lines: list[str]) -> str:
    head = f"corpus case {case.name} ({case.page.name}, status {case.pin.get('status')}): {what}"
    why = f"\n  pin note: {case.pin['why']}" if case.pin.get("why") else ""
    return head + "".join(f"\n  {line}" for line in lines) + why


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reads_as_pinned(case: Case) -> None:
    got = observed(case.page.read_bytes(), case.pin.get("url"))
    wrong = differences(case.pin["expect"], got)
    if wrong:
        pytest.fail(_report(case, f"{len(wrong)} pinned field(s) differ", wrong), pytrace=False)
    if "known_wrong" in case.pin:
        still = differences(case.pin["known_wrong"], got)
        if still:
            pytest.xfail(f"{case.pin['xfail']} [{'; '.join(still)}]")
        pytest.fail(_report(case, "the known fault is fixed: move 'known_wrong' into 'expect' and drop 'xfail'",
                            [f"{k}: now {got.get(k)!r}" for k in case.pin["known_wrong"]]), pytrace=False)


def test_every_page_has_a_pin_and_every_pin_a_page() -> None:
    pages = {p.parent.name + "/" + p.stem for p in _pages()}
    pins = {p.parent.name + "/" + p.name[: -len(PIN_SUFFIX)] for p in CORPUS.glob(f"*/*{PIN_SUFFIX}")}
    assert pages - pins == set(), "pages without a pin"
    assert pins - pages == set(), "pins without a page"
    assert len(CASES) >= 190  # the five audit sets of session 12


def test_pins_name_only_known_fields() -> None:
    """A misspelt field in a pin would silently be checked against nothing."""
    bad = []
    for case in CASES:
        pin = case.pin
        bad += [f"{case.name}: pin key {k!r}" for k in set(pin) - PIN_KEYS]
        for part in ("expect", "known_wrong"):
            exp = pin.get(part, {})
            bad += [f"{case.name}: {part} key {k!r}" for k in set(exp) - EXPECT_KEYS]
            bad += [f"{case.name}: action key {k!r}" for a in exp.get("actions", []) for k in set(a) - ACTION_KEYS]
            bad += [f"{case.name}: entity key {k!r}" for e in exp.get("entities", []) for k in set(e) - ENTITY_KEYS]
        if ("known_wrong" in pin) != ("xfail" in pin):
            bad.append(f"{case.name}: 'known_wrong' and 'xfail' go together")
    assert bad == []
