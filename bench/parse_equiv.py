"""Equivalence guard for parser speed work: the whole parse of many mutated inputs, recorded and compared.

    .venv/bin/python bench/parse_equiv.py record OUT.jsonl [--limit N]
    .venv/bin/python bench/parse_equiv.py compare OUT.jsonl [--limit N]

``record`` parses every input with this tree's parser and writes one JSON line per input (its name,
a hash of its bytes, and ``parse_document``'s whole result, or the UnusablePage reason, or the
exception). ``compare`` parses them again and prints each input whose result differs (exit 1); inputs are matched by
name and bytes, so a tree whose tests hold other literals is compared on the inputs both hold. Record
with the old parser (``git worktree add DIR REV``, then ``record OUT --parser DIR``: the inputs come
from this tree, the parser from DIR), compare with this one: a speed change must change nothing.

Inputs (about 37,000 with the reference texts): every fixture page and reference text (as
``tests/scraper/test_parse_outputs.py`` reads them), every Chinese string literal of the tests, and
mutations of each: cuts at every tenth (with and without closing tags), line ends, blanks, ASCII and
full-width punctuation and digits, Chinese years, U+3000 indents, NBSP, zero-width spaces, BOM,
UTF-16, GB2312/GBK/GB18030 with and without a lying charset header, traditional script, lines dropped,
duplicated and swapped, random deletions and insertions, and for HTML: tag, entity, comment, script,
table, list, container and meta changes, paragraphs dropped and duplicated, other URLs.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import html
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.scraper.test_parse_outputs import article_page, fixture_inputs, reference_inputs, serialise  # noqa: E402

Variant = tuple[str, bytes, str | None, str | None]  # name, bytes, url, Content-Type
ASCII_PUNCT = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "\u3000": " "})
WIDE_PUNCT = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
WIDE_DIGITS = str.maketrans({str(i): chr(0xFF10 + i) for i in range(10)})
CN_YEARS = {"2022": "二〇二二", "2023": "二〇二三", "2024": "二〇二四", "2025": "二〇二五", "2026": "二〇二六"}
TRADITIONAL = (("实体", "實體"), ("单", "單"), ("号", "號"), ("务", "務"), ("关于", "關於"), ("继续", "繼續"),
               ("暂", "暫"), ("机构", "機構"), ("发布", "發佈"), ("国际", "國際"))
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
HTML_RE = re.compile(r"<(?:p|div|html|body|br|td)\b", re.IGNORECASE)
ARTICLE_URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_y.html"
# (name, (old, new[, count]) ...) applied to an HTML page with str.replace.
HTML_EDITS: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...] = (
    ("p2div", (("<p", "<div"), ("</p>", "</div>"))), ("p2br", (("<p>", "<br>"), ("</p>", ""))),
    ("pnl", (("</p>", "</p>\n"),)), ("pjoin", (("</p>\n<p>", "</p><p>"), ("</p>\n", "</p>"))),
    ("upper", (("<p", "<P"), ("</p>", "</P>"), ("<div", "<DIV"), ("</div>", "</DIV>"))),
    ("nop", (("<p>", ""), ("</p>", ""))), ("span", (("<p>", '<p><span style="x">'), ("</p>", "</span></p>"))),
    ("strong", (("（", "<strong>（</strong>"),)), ("comment", (("</p>", "</p><!-- c -->"),)),
    ("script", (("</p>", "</p><script>var a='<p>x</p>';</script>"),)), ("style", (("<p>", "<style>p{}</style><p>"),)),
    ("table", (("<p>", "<table><tr><td>"), ("</p>", "</td><td>x</td></tr></table>"))),
    ("li", (("<p>", "<ul><li>"), ("</p>", "</li></ul>"))), ("ent-lp", (("（", "&#xFF08;"), ("）", "&#65289;"))),
    ("ent-nbsp", ((" ", "&nbsp;"),)), ("ent-dun", (("、", "&#12289;"),)), ("ent-shy", (("公司", "公&shy;司"),)),
    ("ent-lt", (("（", "&lt;"),)), ("attr", (("<p>", "<p  class='a' >"),)), ("h", (("<p>", "<h3>"), ("</p>", "</h3>"))),
    ("nocontainer", (("art-con", "xx-con"),)), ("nocontainer2", (("art-con-bottonmLine", "zz"),)),
    ("trs", (("art-con art-con-bottonmLine", "TRS_Editor"),)), ("nometa", (("ArticleTitle", "Xtitle"), ("PubDate", "XDate"))),
    ("noheadend", (("</head>", ""),)), ("nohtmlend", (("</html>", ""),)),
    ("filing", (("<p>", "<p>【发布单位】安全与管制局</p><p>", 1),)), ("iframe", (("</p>", "</p><iframe src='x'></iframe>"),)),
    ("link", (("<p>", '<p><a href="/zwgk/zcfb/art/2025/art_0123456789abcdef0123456789abcdef.html">链接</a>', 2),)),
    ("artlinks", (("</body>", '<ul><li><a href="/article/a/b/202501/1.shtml">公告一</a></li><li><a href="/zcfb/art/2025/'
                   'art_00000000000000000000000000000000.html">公告二</a>2025-01-02</li><li><a href="/x/202412/t20241217_1.shtml">'
                   "公告三</a></li></ul></body>"),)),
    ("tabs", (("<p>", "<p>\t"),)), ("nlcomma", (("，", "，\n"),)), ("pre", (("<p>", "<pre>"), ("</p>", "</pre>"))),
)


def literals_of_tests() -> list[str]:
    """The Chinese string literals (12 characters or more) of the tests, once each, in file order."""
    seen: dict[str, None] = {}
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) >= 12 \
                    and CJK_RE.search(node.value):
                seen.setdefault(node.value, None)
    return list(seen)


def text_variants(text: str) -> Iterator[tuple[str, str]]:
    """(suffix, text) of the edits that apply to any text."""
    for k in range(1, 10):
        yield f"cut{k}", text[: len(text) * k // 10]
    for suffix, old, new in (("crlf", "\n", "\r\n"), ("cr", "\n", "\r"), ("nl2sp", "\n", " "), ("nl2", "\n", "\n\n"),
                             ("sp2", " ", "  "), ("tab", " ", "\t"), ("period", "。", "."), ("semi", "；", "。"),
                             ("comma", "、", "，"), ("nbsp", " ", "\xa0"), ("zwsp", "公司", "公\u200b司")):
        yield suffix, text.replace(old, new)
    for suffix, table in (("ascii", ASCII_PUNCT), ("wide", WIDE_PUNCT), ("widedigits", WIDE_DIGITS)):
        yield suffix, text.translate(table)
    years, trad = text, text
    for old, new in CN_YEARS.items():
        years = years.replace(old + "年", new + "年")
    for old, new in TRADITIONAL:
        trad = trad.replace(old, new)
    yield "cnyear", years
    yield "trad", trad
    yield "ideosp", re.sub(r"(?m)^", "\u3000\u3000", text)


def line_variants(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    """Lines dropped, duplicated and swapped; characters deleted and inserted at random."""
    lines = text.split("\n")
    for i in sorted({rng.randrange(len(lines)) for _ in range(12)}) if len(lines) > 1 else []:
        yield f"drop{i}", "\n".join(lines[:i] + lines[i + 1 :])
        yield f"dup{i}", "\n".join(lines[: i + 1] + lines[i:])
        if i + 1 < len(lines):
            yield f"swap{i}", "\n".join(lines[:i] + [lines[i + 1], lines[i]] + lines[i + 2 :])
    for j in range(6):
        chars = list(text)
        for _ in range(max(1, len(text) // 200)):
            if chars:
                del chars[rng.randrange(len(chars))]
        yield f"del{j}", "".join(chars)
        chars = list(text)
        for _ in range(max(1, len(text) // 300)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(["\n", " ", "\u3000", "。", "、", "（", "）", "\t"]))
        yield f"ins{j}", "".join(chars)


def html_variants(text: str, rng: random.Random) -> Iterator[tuple[str, str]]:
    for key, edits in HTML_EDITS:
        edited = text
        for edit in edits:
            edited = edited.replace(*edit)
        if edited != text:
            yield key, edited
    for k in range(1, 10):
        yield f"cutclose{k}", text[: len(text) * k // 10] + "</div></body></html>"
    paragraphs = [m.span() for m in re.finditer(r"<p\b[^>]*>.*?</p>", text, re.S)]
    for i in sorted({rng.randrange(len(paragraphs)) for _ in range(10)}) if paragraphs else []:
        s, e = paragraphs[i]
        yield f"pdrop{i}", text[:s] + text[e:]
        yield f"pdup{i}", text[:e] + text[s:e] + text[e:]


def wrapped(body: str) -> Iterator[tuple[str, bytes, str | None]]:
    """A plain text inside HTML pages of several shapes."""
    yield "wrap-article", article_page(body), ARTICLE_URL
    paragraphs = "".join(f"<p>{html.escape(x)}</p>" for x in body.split("\n"))
    yield "wrap-nocontainer", f"<html><head><title>t</title></head><body>{paragraphs}</body></html>".encode(), None
    yield "wrap-div", f'<div class="TRS_Editor">{html.escape(body)}</div>'.encode(), None
    yield "wrap-pre", f'<html><body><div class="art-con"><pre>{html.escape(body)}</pre></div></body></html>'.encode(), None
    br = "<br>".join(html.escape(x) for x in body.split("\n"))
    yield "wrap-br", f'<html><body><div id="zoom">{br}</div></body></html>'.encode(), None
    cells = "".join(f"<tr><td>{html.escape(x)}</td><td>x</td></tr>" for x in body.split("\n")[:80])
    yield "wrap-table", f'<html><body><div class="art-con"><table>{cells}</table></div></body></html>'.encode(), None
    envelope = "header\n=====BEGIN ORIGINAL TEXT (x)=====\n" + body + "\n=====END ORIGINAL TEXT=====\n"
    yield "envelope", envelope.encode(), None


def encodings(text: str, raw: bytes, is_html: bool) -> Iterator[tuple[str, bytes, str | None]]:
    """(suffix, bytes, Content-Type) of the same text in other encodings and with other labels."""
    gb = text.replace('charset="utf-8"', 'charset="gb2312"').replace("charset=utf-8", "charset=gb2312")
    errors = "xmlcharrefreplace" if is_html else "replace"
    yield "bom", b"\xef\xbb\xbf" + raw, None
    yield "utf16", text.encode("utf-16"), None
    yield "ct-utf8", raw, "text/html; charset=utf-8"
    yield "ct-gbk", raw, "text/html; charset=gbk"
    yield "gb2312", gb.encode("gb2312", errors), None
    yield "gbk", gb.encode("gbk", errors), None
    yield "gbk-ct-utf8", gb.encode("gbk", "replace"), "text/html; charset=utf-8"
    yield "gb18030", text.encode("gb18030"), None


def mutations(name: str, raw: bytes, url: str | None, rng: random.Random) -> Iterator[Variant]:
    """The input itself, then its variants."""
    yield name, raw, url, None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    is_html = "<" in text[:3000] and HTML_RE.search(text) is not None
    for suffix, variant in (*text_variants(text), *line_variants(text, rng)):
        yield f"{name}~{suffix}", variant.encode("utf-8"), url, None
    for suffix, data, content_type in encodings(text, raw, is_html):
        yield f"{name}~{suffix}", data, url, content_type
    if is_html:
        for suffix, variant in html_variants(text, rng):
            yield f"{name}~{suffix}", variant.encode("utf-8"), url, None
        yield f"{name}~nourl", raw, None, None
        yield f"{name}~indexurl", raw, "https://www.mofcom.gov.cn/zwgk/zcfb/index.html", None
    else:
        for suffix, data, wrapped_url in wrapped(text):
            yield f"{name}~{suffix}", data, wrapped_url or url, None


def inputs() -> Iterator[Variant]:
    """Each input is named by what it is (a test literal by a hash of its text) and mutated by a random
    generator of its own, seeded by its name: two trees whose tests differ still share the inputs they
    have in common, with the same names and bytes (``compare`` matches them by both)."""
    for name, raw, url in (*fixture_inputs(), *reference_inputs()):
        yield from mutations(name, raw, url, random.Random(f"20261201:{name}"))
    seen = set()
    for literal in literals_of_tests():
        name = "test-literal-" + hashlib.sha256(literal.encode("utf-8")).hexdigest()[:12]
        if name not in seen:
            seen.add(name)
            yield from mutations(name, literal.encode("utf-8"), None, random.Random(f"20261201:{name}"))


def result(raw: bytes, url: str | None, content_type: str | None) -> dict[str, Any]:
    """Everything ``parse_document`` returns, as JSON (``test_parse_outputs.serialise``), or the crash."""
    try:
        return serialise(raw, url, content_type)
    except Exception as exc:  # noqa: BLE001 - a crash is a result to compare too
        return {"error": type(exc).__name__, "message": str(exc)}


def lines(limit: int | None) -> Iterator[str]:
    for i, (name, raw, url, content_type) in enumerate(inputs()):
        if limit is not None and i >= limit:
            return
        digest = hashlib.sha256(raw).hexdigest()[:16]
        yield json.dumps([name, digest, result(raw, url, content_type)], ensure_ascii=False, sort_keys=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("file", type=Path, help="the recording (JSON lines)")
    ap.add_argument("--limit", type=int, help="only the first N inputs")
    ap.add_argument("--parser", type=Path, help="parse with the scraper and storage packages of this tree")
    args = ap.parse_args()
    if args.parser is not None:  # nothing has imported them yet: serialise imports the parser on first use
        sys.path.insert(0, str(args.parser.resolve()))
    if args.mode == "record":
        count = 0
        with args.file.open("w", encoding="utf-8") as out:
            for line in lines(args.limit):
                out.write(line + "\n")
                count += 1
        print(f"recorded {count} inputs in {args.file}")
        return 0
    recorded = {tuple(json.loads(line)[:2]): line for line in args.file.read_text(encoding="utf-8").splitlines()}
    now = {tuple(json.loads(line)[:2]): line for line in lines(args.limit)}
    common = [key for key in now if key in recorded]  # the same name and bytes: the same input
    differ = [(recorded[key], now[key]) for key in common if recorded[key] != now[key]]
    for old, new in differ[:20]:
        print(f"differs: {json.loads(old)[0]}\n  recorded: {old[:400]}\n  now:      {new[:400]}")
    print(f"{len(recorded)} inputs recorded, {len(now)} now, {len(common)} in both (the others are inputs only one "
          f"tree's tests hold)")
    print(f"{len(common)} inputs compared, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
