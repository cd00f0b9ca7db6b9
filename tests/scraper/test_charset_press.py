"""Press pages in GB18030/GBK or Big5 (a mainland paper; a Hong Kong or Taiwan one), with or without a
``<meta>`` charset, under a wrong one, or under an HTTP header charset that disagrees: read through the real
fetch path (real HTTP from tests/site_server.py, the fetch client, the notice and news parsers as the
pipeline calls them) and through ``mofcom-watch parse FILE --url URL``.

Before: a Big5 label was Python's strict Big5, so a Hong Kong paper's 啓, 峯, 綫 (HKSCS) became U+FFFD; a
Big5 page under "charset=gbk" or a template's ``<meta charset="gb2312">`` read as GB18030 with no U+FFFD at
all (mojibake: the notice missed, silently); so did a GB page under "charset=ISO-8859-1" (a servlet's
default) or "charset=big5"; a wrong ``<meta charset="utf-8">`` made the page 'binary'; and the news
parser, which had no fallback for a lying header, gave a mojibake title.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.charset import decode
from scraper.fetch import Fetcher, FetchPolicy, FetchRequest, HostMap
from scraper.news import parse_news_document
from scraper.parse import parse_document
from storage.records import DocumentKind
from tests.scraper.test_parse_reprints import ECL_22, ECL_22_TRAD
from tests.site_server import SiteServer

HOST = "news.example.hk"
# 明報 (Hong Kong): a byline with HKSCS characters no Big5 has (啓, 峯, 綫), then the notice in full.
HK_LEAD = ("（記者 李啓峯 報道）據內地消息綫指，商務部昨晚發布2025年第22號公告，宣布將美國光子公司等12家美國實體列入"
           "出口管制管控名單，自今日中午12時01分起實施。公告原文如下：")
HK_TITLE = "商務部將12家美企列入出口管制管控名單"
# 中国新闻网: a GB18030-only character (镕) in the lead, then the notice in full.
CN_LEAD = "中新网4月9日电（记者 朱镕）据商务部网站消息，商务部9日发布公告，决定将12家美国实体列入出口管制管控名单。原文如下："
CN_TITLE = "商务部：将12家美国实体列入出口管制管控名单"


def page(title: str, lead: str, notice: str, meta: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in [lead, *notice.split("\n")] if line.strip())
    return (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class=\"article\">{paragraphs}</div></body></html>")


META = {"none": "", "big5": '<meta charset="big5">', "gb2312": '<meta charset="gb2312">', "utf-8": '<meta charset="utf-8">',
        "http-equiv-big5": '<meta http-equiv="Content-Type" content="text/html; charset=big5">'}
# (codec, meta, header charset or None)
HK_CASES = [
    ("big5hkscs", "big5", None), ("big5hkscs", "http-equiv-big5", None), ("big5hkscs", "none", None),
    ("big5hkscs", "gb2312", None), ("big5hkscs", "utf-8", None),  # a template's wrong meta
    ("big5hkscs", "big5", "utf-8"), ("big5hkscs", "big5", "ISO-8859-1"), ("big5hkscs", "big5", "gbk"),
    ("big5hkscs", "none", "gbk"), ("big5hkscs", "none", "big5"),
]
CN_CASES = [
    ("gb18030", "gb2312", None), ("gbk", "none", None), ("gb18030", "none", None),
    ("gb18030", "big5", None), ("gb18030", "utf-8", None),
    ("gb18030", "gb2312", "utf-8"), ("gb18030", "gb2312", "ISO-8859-1"), ("gb18030", "gb2312", "big5"),
    ("gb18030", "none", "utf-8"), ("gb18030", "none", "gb2312"),
]
CASES = [("hk", *c) for c in HK_CASES] + [("cn", *c) for c in CN_CASES]
IDS = [f"{side}-{codec}-meta:{meta}-header:{header}" for side, codec, meta, header in CASES]


def raw_page(side: str, codec: str, meta: str) -> bytes:
    if side == "hk":
        return page(HK_TITLE, HK_LEAD, ECL_22_TRAD, META[meta]).encode(codec)
    lead = CN_LEAD if codec == "gb18030" else CN_LEAD.replace("镕", "荣")  # 镕 is no GBK character
    return page(CN_TITLE, lead, ECL_22, META[meta]).encode(codec)


def assert_read(side: str, raw: bytes, content_type: str | None, url: str) -> None:
    """The notice (its 12 entities) and the paper's words, every character of them."""
    doc = parse_document(raw, url=url, content_type=content_type)
    assert doc.kind is DocumentKind.NOTICE and doc.notice is not None
    assert (doc.notice.key, len(doc.notice.entities), doc.notice.warnings) == ("MOFCOM-2025-22", 12, ())
    news = parse_news_document(raw, url=url, content_type=content_type)
    text, _ = decode(raw, content_type)
    if side == "hk":
        assert news.title == HK_TITLE and "李啓峯" in text and "消息綫" in text
    else:
        assert news.title == CN_TITLE and ("朱镕" in text or "朱荣" in text)
    assert "\ufffd" not in text


@pytest.fixture(scope="module")
def site():
    pages = {f"{HOST}/{i}.html": raw_page(side, codec, meta) for i, (side, codec, meta, _) in enumerate(CASES)}
    with SiteServer(pages=pages) as server:
        for i, (_, _, _, header) in enumerate(CASES):
            server.content_types[f"{HOST}/{i}.html"] = f"text/html; charset={header}" if header else "text/html"
        yield server


@pytest.mark.parametrize(("side", "codec", "meta", "header"), CASES, ids=IDS)
def test_a_press_page_decodes_right_through_the_fetch_path(site, side, codec, meta, header):
    policy = FetchPolicy(delay=0.0, attempts=1, backoff=0.01, max_wait=0.5, timeout=2.0, per_host=1, total=2)
    i = CASES.index((side, codec, meta, header))
    url = f"https://{HOST}/{i}.html"
    with Fetcher(policy, host_map=HostMap(site.base_urls([HOST])), allowed_hosts={HOST}) as fetcher:
        result = fetcher.fetch(FetchRequest(url))
    assert result.ok and result.content_type == site.content_types[f"{HOST}/{i}.html"]
    assert_read(side, result.body, result.content_type, url)


def test_parse_file_decodes_a_press_page_whatever_its_meta(tmp_path):
    """``mofcom-watch parse FILE --url URL``: a saved page has no header, only its bytes and its meta. One
    real process reads every file saved without a header."""
    files = []
    for i, (side, codec, meta, header) in enumerate(CASES):
        if header is None:
            path = tmp_path / f"{i}.html"
            path.write_bytes(raw_page(side, codec, meta))
            files.append(path)
    script = ("import json, sys\nfrom typer.testing import CliRunner\nfrom mofcom_watch.cli import app\n"
              "out = [CliRunner().invoke(app, ['parse', f, '--url', 'https://news.example.hk/a.html']).stdout for f in sys.argv[1:]]\n"
              "print(json.dumps(out))\n")
    done = subprocess.run([sys.executable, "-c", script, *map(str, files)], capture_output=True, text=True, timeout=60,
                          check=True, cwd=Path(__file__).resolve().parents[2])
    for stdout in json.loads(done.stdout):
        data = json.loads(stdout)
        assert (data["key"], len(data["entities"]), data["warnings"]) == ("MOFCOM-2025-22", 12, [])


@pytest.mark.parametrize(("text", "codec", "label"), [
    (HK_LEAD + ECL_22_TRAD, "big5hkscs", "gb2312"), (CN_LEAD + ECL_22, "gb18030", "big5"),
    (HK_LEAD + ECL_22_TRAD, "big5hkscs", "big5"), (CN_LEAD + ECL_22, "gb18030", "gbk"),
    ("出口管制管控名单", "gb18030", "big5"), ("出口管制管控名單", "big5hkscs", "gbk"),  # a title alone
])
def test_a_chinese_text_is_read_in_the_codec_it_reads_as_chinese_in(text, codec, label):
    """Big5 bytes under a GB label (and GB bytes under a Big5 one) decode strictly with no U+FFFD, as mojibake:
    the codec the bytes read best in is taken, whatever the label, even for a title alone."""
    assert decode(text.encode(codec), f"text/html; charset={label}") == (text, codec)


@pytest.mark.parametrize(("text", "codec", "label"), [
    ("Trade policy notes: 中新网4 and more English text. " * 2, "gb18030", "gb2312"),
    ("商务部", "gb18030", "gbk"), ("Hong Kong notes: 記者 and more English text.", "big5hkscs", "big5"),
])
def test_a_few_chinese_characters_keep_their_label(text, codec, label):
    """Too little Chinese to tell GB from Big5 (both read it cleanly): the label stands."""
    assert decode(text.encode(codec), f"text/html; charset={label}") == (text, codec)


@pytest.mark.parametrize(("raw", "label", "codec"), [
    ("Café Zürich, prices in € and £, “quoted”".encode("cp1252"), "windows-1252", "cp1252"),
    ("Café Zürich".encode("latin-1"), "iso-8859-1", "iso8859-1"),
])
def test_a_western_page_keeps_its_single_byte_label(raw, label, codec):
    """A label set aside only for Chinese text: an English page in cp1252 reads as its header says."""
    text, encoding = decode(raw, f"text/html; charset={label}")
    assert (text, encoding) == (raw.decode(codec), codec)
