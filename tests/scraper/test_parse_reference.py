"""Each real text in shared/reference parses to what its META header says, as .txt and
wrapped in a MOFCOM-style article page. Skipped when the folder is not there."""

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

REF_DIR = Path(os.environ.get("MOFCOM_WATCH_REFERENCE") or Path(__file__).parents[3] / "shared" / "reference")
# Official texts: the top folder and the subfolders listed here (mofcom/: 商务部公告2025年第1号, 第13号,
# 不可靠实体清单工作机制公告〔2025〕5号, which the fixtures hold on purpose).
SUBDIRS = ("", "mofcom")
FILES = sorted(p for sub in SUBDIRS for p in (REF_DIR / sub).glob("*.txt")) if REF_DIR.is_dir() else []
HEADER_RE = re.compile(r"=====META \(JSON\)[^\n]*=====\n(?P<meta>.*?)\n=====END META=====", re.DOTALL)
BODY_RE = re.compile(r"=====BEGIN ORIGINAL TEXT[^\n]*=====\n(?P<body>.*?)=====END ORIGINAL TEXT=====", re.DOTALL)
ACTIONS = {"impose": "impose", "suspend": "suspend", "extend_suspension": "extend", "stop": "lift", "lift": "lift"}
LISTS = {"export_control_control_list": "ecl", "unreliable_entity_list": "uel"}

IDS = [p.relative_to(REF_DIR).with_suffix("").as_posix() for p in FILES]

pytestmark = pytest.mark.skipif(not FILES, reason=f"no reference texts in {REF_DIR}")


def load(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    return json.loads(HEADER_RE.search(raw).group("meta")), BODY_RE.search(raw).group("body")


def article_page(body: str, title: str | None, pub: str) -> bytes:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body.split("\n"))
    head_title = html.escape(title or "")
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        f"<meta name=\"SiteName\" content=\"中华人民共和国商务部\"><meta name=\"ArticleTitle\" content=\"{head_title}\">"
        f"<meta name=\"PubDate\" content=\"{pub}\"><title>{head_title}</title>"
        "<script src=\"/images/js/common.js\"></script></head><body>"
        "<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/zcfb/\">政策发布</a></li></ul></div>"
        f"<div class=\"art-title\">{head_title}</div>"
        f"<div class=\"art-con art-con-bottonmLine\">{paragraphs}</div>"
        "<div class=\"footer\"><p>版权所有：中华人民共和国商务部</p></div></body></html>"
    ).encode("utf-8")


def check(record, meta: dict) -> None:
    exp = meta["expected"]
    assert record.number == exp.get("announcement_number")
    published = exp["date_published"]
    assert record.published == date.fromisoformat(published[:10])
    if len(published) > 10:
        assert record.published_at is not None
        assert record.published_at.strftime("%Y-%m-%d %H:%M") == published
    assert record.effective == exp["date_effective"]
    assert record.list.value == LISTS[exp["list_type"].split()[0]]
    if "issuer" in exp:  # "商务部 (发布单位: 安全与管制局)": the note in ASCII brackets names the bureau, not the issuer
        assert record.issuer == exp["issuer"].split(" (")[0]
    if "title" in exp:
        assert record.title == exp["title"]
    if "year" in exp and "number" in exp:
        prefix = "UEL" if "不可靠" in exp["announcement_number"] else "MOFCOM"
        assert record.key == f"{prefix}-{exp['year']}-{exp['number']}"
    if "actions" in exp:
        got = [(a.action.value, a.effective, a.duration, a.until.isoformat() if a.until else None) for a in record.actions]
        want = [(ACTIONS[a["action"].split()[0]], a["from"], a.get("duration"), a.get("until_computed")) for a in exp["actions"]]
        assert got == want
        for action, spec in zip(record.actions, exp["actions"]):
            keys = {t.key for t in action.targets}
            assert keys and all(k.split("-")[-1] + "号" in spec["target"].replace("和", "号") for k in keys)
    else:
        assert [a.action.value for a in record.actions] == [ACTIONS[exp["action"].split()[0]]]
    if "entities" in exp:
        got = [(e.zh, e.en) for e in record.entities]
        assert got == [(clean_display(e["zh"]), clean_display(e["en"])) for e in exp["entities"]]
        assert [e.n for e in record.entities] == [e.get("n") for e in exp["entities"]]
        assert all(e.country == exp["target_country"] for e in record.entities)
        assert record.stated_count == exp["entity_count"] == len(record.entities)
    else:
        assert record.entities == ()
        assert record.stated_count == exp.get("entity_count_referred")
    refs = exp.get("refers_to")
    if refs is not None:
        assert [r.key for r in record.references] == refs
    assert record.warnings == ()


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_reference_text(path):
    meta, body = load(path)
    doc = parse_document(body.encode("utf-8"), url=meta["source_url"].split()[0])
    assert doc.kind == "notice"
    check(doc.notice, meta)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_reference_text_with_its_header_left_on(path):
    meta, _ = load(path)
    doc = parse_document(path.read_bytes())
    check(doc.notice, meta)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_reference_text_wrapped_in_an_article_page(path):
    meta, body = load(path)
    exp = meta["expected"]
    title = exp.get("title")
    pub = exp["date_published"] if len(exp["date_published"]) > 10 else exp["date_published"] + " 20:15"
    doc = parse_document(article_page(body, title, pub), url=meta["source_url"].split()[0])
    assert doc.kind == "notice"
    check(doc.notice, meta)
