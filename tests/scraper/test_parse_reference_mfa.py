"""The official MFA decisions in shared/reference/mfa/ parse to what their META header says:
as .txt (body only, and raw with the header on) and wrapped in an MFA-style article page.
Skipped when the folder is not there.

One header value is not in its text: the 2025-09-08 decision (石平) gives no English name, so
the header's "Ishihara Ping" cannot be read from it; the parse leaves ``en`` empty rather than
invent one (``NOT_IN_TEXT``)."""

from __future__ import annotations

import html
import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.names import clean_display
from storage.records import ActionKind, ListKind, NoticeKind

REF_DIR = Path(os.environ.get("MOFCOM_WATCH_REFERENCE") or Path(__file__).parents[3] / "shared" / "reference") / "mfa"
FILES = sorted(REF_DIR.glob("*.txt")) if REF_DIR.is_dir() else []
HEADER_RE = re.compile(r"=====META \(JSON\)[^\n]*=====\n(?P<meta>.*?)\n=====END META=====", re.DOTALL)
BODY_RE = re.compile(r"=====BEGIN ORIGINAL TEXT[^\n]*=====\n(?P<body>.*?)=====END ORIGINAL TEXT=====", re.DOTALL)
NOT_IN_TEXT = {("石平", "Ishihara Ping")}  # (zh, en) header pairs whose English the text does not give

pytestmark = pytest.mark.skipif(not FILES, reason=f"no MFA reference texts in {REF_DIR}")


def load(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    return json.loads(HEADER_RE.search(raw).group("meta")), BODY_RE.search(raw).group("body")


def mfa_page(body: str, title: str, stamp: str) -> bytes:
    """The body without its title and time lines, in the layout of fixtures/www.mfa.gov.cn."""
    lines = body.strip("\n").split("\n")[2:]
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    t = html.escape(title)
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"SiteName\" content=\"中华人民共和国外交部\">"
        f"<meta name=\"ArticleTitle\" content=\"{t}\"><meta name=\"PubDate\" content=\"{stamp}\">"
        f"<title>{t}_中华人民共和国外交部</title><script src=\"/web/images/jquery.min.js\"></script></head><body>"
        "<div class=\"header\"><ul class=\"nav\"><li><a href=\"/web/\">首页</a></li></ul></div>"
        f"<div class=\"news-main\"><h1 id=\"News_Body_Title\">{t}</h1><p class=\"time\"><span>{stamp}</span></p>"
        f"<div id=\"News_Body_Txt_A\"><div class=\"TRS_Editor\">{paragraphs}</div></div></div>"
        "<div class=\"footer\"><p>版权所有：中华人民共和国外交部</p></div></body></html>"
    ).encode()


def check(record, meta: dict) -> None:
    exp = meta["expected"]
    assert (record.key, record.kind, record.number, record.issuer) == (
        exp["key"], NoticeKind.MFA_ORDER, exp["announcement_number"], "外交部")
    assert record.published == date.fromisoformat(exp["date_published"])
    assert record.effective == exp["date_effective"]
    assert record.list is ListKind.COUNTERMEASURE and exp["list_type"].startswith("countermeasure")
    assert [a.action for a in record.actions] == [ActionKind.IMPOSE] and exp["action"].startswith("impose")
    assert record.actions[0].measures == ("asset_freeze", "transaction_ban", "entry_ban")
    assert record.title == exp["title"]
    want = [(clean_display(e["zh"]), None if (e["zh"], e["en"]) in NOT_IN_TEXT else clean_display(e["en"]), e["type"])
            for e in exp["entities"]]
    assert [(e.zh, e.en, e.type) for e in record.entities] == want
    assert len(record.entities) == exp["names_found_in_text"]
    assert record.warnings == ()


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_reference_text(path):
    meta, body = load(path)
    doc = parse_document(body.encode("utf-8"), url=meta["source_url"])
    assert doc.kind == "notice"
    check(doc.notice, meta)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_reference_text_with_its_header_left_on(path):
    meta, _ = load(path)
    check(parse_document(path.read_bytes()).notice, meta)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_reference_text_wrapped_in_an_article_page(path):
    meta, body = load(path)
    title, stamp = [line.strip() for line in body.strip("\n").split("\n")[:2]]
    doc = parse_document(mfa_page(body, title, stamp), url=meta["source_url"])
    assert doc.kind == "notice"
    check(doc.notice, meta)


def test_roles_of_the_2024_executives_are_notes():
    _meta, body = load(REF_DIR / "mfa-20241010.txt")
    record = parse_document(body.encode("utf-8")).notice
    notes = {e.zh: e.note for e in record.entities}
    assert notes["亚当·布赖"] == "斯凯迪奥公司联合创始人、首席执行官"
    assert notes["克里斯托弗·卡斯特纳"] == "亨廷顿·英格尔斯工业公司总裁、首席执行官"
    assert notes["斯凯迪奥公司"] is None
    assert record.stated_count == 13  # 等3家 + 等10名
