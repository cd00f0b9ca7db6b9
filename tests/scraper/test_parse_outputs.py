"""The parser's whole output on every fixture page and every reference text is what it was when
``tests/data/parse_outputs.json`` was recorded: speed work on ``scraper/parse`` must change nothing.

Each input is parsed with ``parse_document`` and the result serialised in full (the kind, the links,
the NoticeRecord with its actions, entities and warnings; the text as its SHA-256; an unusable page
as its reason). The reference texts (``shared/reference``, its ``mofcom/`` and ``mfa/``) are parsed
as written (header on), as their body alone, wrapped in an article page, and in three variants that
send the text down other paths: full-width punctuation written in ASCII, CRLF line ends, and only the
first 60% of the lines (a notice cut short). A change of the parse on purpose rewrites the file:

    .venv/bin/python tests/scraper/test_parse_outputs.py --write
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
EXPECTED = ROOT / "tests" / "data" / "parse_outputs.json"
REF_DIR = Path(os.environ.get("MOFCOM_WATCH_REFERENCE") or ROOT.parent / "shared" / "reference")
SUFFIXES = {".html", ".htm", ".txt", ".json", ".shtml"}
BODY_RE = re.compile(r"=====BEGIN ORIGINAL TEXT[^\n]*=====\n(?P<body>.*?)=====END ORIGINAL TEXT=====", re.DOTALL)
ASCII_PUNCT = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "\u3000": " "})

Input = tuple[str, bytes, str | None]  # (name, page bytes, url)


def article_page(body: str) -> bytes:
    """The body in a MOFCOM-style article page (container, meta tags, navigation, footer)."""
    title = html.escape(body.strip().split("\n", 1)[0])
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n"))
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\""
        f"{title}\"><meta name=\"PubDate\" content=\"2025-04-04 20:15\"><title>{title}</title>"
        "<script src=\"/x.js\"></script></head><body><div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a>"
        f"</li></ul></div><div class=\"art-con art-con-bottonmLine\">{paragraphs}</div>"
        "<div class=\"footer\"><p>版权所有</p></div></body></html>"
    ).encode("utf-8")


def fixture_inputs() -> Iterator[Input]:
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix in SUFFIXES:
            rel = path.relative_to(FIXTURES)
            url = "https://" + rel.as_posix() if "." in rel.parts[0] else None
            yield f"fixtures/{rel.as_posix()}", path.read_bytes(), url


def reference_inputs() -> Iterator[Input]:
    for path in sorted(REF_DIR.rglob("*.txt")) if REF_DIR.is_dir() else []:
        name = f"reference/{path.relative_to(REF_DIR).as_posix()}"
        raw = path.read_bytes()
        body = BODY_RE.search(raw.decode("utf-8"))
        yield name, raw, None
        if body is None:
            continue
        text = body.group("body")
        lines = text.split("\n")
        yield f"{name}#body", text.encode("utf-8"), None
        yield f"{name}#article", article_page(text), "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_x.html"
        yield f"{name}#ascii", text.translate(ASCII_PUNCT).encode("utf-8"), None
        yield f"{name}#crlf", text.replace("\n", "\r\n").encode("utf-8"), None
        yield f"{name}#cut", "\n".join(lines[: len(lines) * 3 // 5]).encode("utf-8"), None


def serialise(raw: bytes, url: str | None, content_type: str | None = None) -> dict[str, Any]:
    """Everything ``parse_document`` returns, as JSON (the long text as its hash)."""
    from scraper.parse import parse_document
    from storage.records import UnusablePage

    try:
        doc = parse_document(raw, url=url, content_type=content_type)
    except UnusablePage as exc:
        return {"unusable": exc.reason, "detail": exc.detail}
    out: dict[str, Any] = {
        "kind": doc.kind.value, "encoding": doc.encoding, "title": doc.title, "warnings": list(doc.warnings),
        "links": [[link.url, link.title, link.date.isoformat() if link.date else None] for link in doc.links],
    }
    if doc.notice is not None:
        out["notice"] = doc.notice.to_json()
        out["notice"]["text_sha256"] = hashlib.sha256(doc.notice.text.encode("utf-8")).hexdigest()
    return out


def inputs() -> list[Input]:
    return [*fixture_inputs(), *reference_inputs()]


def expected() -> dict[str, Any]:
    return json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}


INPUTS = inputs()
EXPECTED_OUTPUTS = expected()


@pytest.mark.parametrize(("name", "raw", "url"), INPUTS, ids=[i[0] for i in INPUTS])
def test_parse_output_is_unchanged(name: str, raw: bytes, url: str | None) -> None:
    assert name in EXPECTED_OUTPUTS, f"{name} has no recorded output: run this file with --write"
    assert serialise(raw, url) == EXPECTED_OUTPUTS[name]


def test_every_fixture_has_a_recorded_output() -> None:
    names = {name for name, _, _ in fixture_inputs()}
    assert names and names <= set(EXPECTED_OUTPUTS)


def main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print(__doc__)
        return 2
    data = {name: serialise(raw, url) for name, raw, url in inputs()}
    old = expected()
    data = {**{k: v for k, v in old.items() if k.startswith("reference/") and not REF_DIR.is_dir()}, **data}
    EXPECTED.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data)} outputs to {EXPECTED}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
