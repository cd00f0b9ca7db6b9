"""Checks on the saved-site fixture tree (fixtures/<host>/<path>).

The parser, lifecycle and fetcher tests all build on this tree, so its invariants are
tested here with plain tools (selectolax and regexes), independent of the project's parser:
pages decode, carry the article layout, are reachable from an index, hold the entity
lines their text announces, and copy no reference text except the official ones they hold on purpose.
"""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
REFERENCE = REPO.parent / "shared" / "reference"

HOSTS = ("www.mofcom.gov.cn", "aqygzj.mofcom.gov.cn")
ARTICLE_PATH = re.compile(r"/art/\d{4}/art_[0-9a-f]{32}\.html$")
BODY_SELECTOR = "div.art-con.art-con-bottonmLine"
REQUIRED_META = ("SiteName", "ArticleTitle", "PubDate")
PUBDATE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
# "1. 名称（English）", "　　10.名称", but not a stray empty "29."
ENTITY_LINE = re.compile(r"^[\s\u3000]*\d{1,3}[.．、]\s*\S")
STRAY_NUMBER = re.compile(r"^[\s\u3000]*\d{1,3}[.．、]\s*$")
STATED_COUNT = re.compile(r"等(\d+)家(?:美国)?(?:实体|企业)")
BRACKETED_EN = re.compile(r"[（(]\s*[\u200c]?[A-Za-z][^（()）]*[)）]")
PROSE_PUNCT = re.compile(r"[，。；：]")
QA_FIRST_LINE = re.compile(r"^来源：商务部新闻办公室 类型：原创 分类：新闻 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})$")

# Index pages a crawler starts from (issue 4 sources).
SEED_INDEXES = (
    "www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html",
    "www.mofcom.gov.cn/zcfb/blgg/gg/2024/index.html",
    "www.mofcom.gov.cn/zwgk/zcfb/index.html",
    "www.mofcom.gov.cn/xwfb/xwfyrth/index.html",
    "aqygzj.mofcom.gov.cn/index.html",
)

WWW = "www.mofcom.gov.cn/"
AQ = "aqygzj.mofcom.gov.cn/"
ECL_1 = WWW + "zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html"
ECL_1_ALIAS = WWW + "zcfb/blgg/gg/2025nswbgg/art/2025/art_9b966e20a6934cc6b4fa2cf777626854.html"
ECL_13 = WWW + "zwgk/zcfb/art/2025/art_e1ea9512b1f84dc6b1a17f703fa4cf56.html"
ECL_13_ALIAS = WWW + "zcfb/blgg/gg/2025/art/2025/art_67b1b070edcb42e2ad9b8860c15f3b12.html"
ECL_21 = WWW + "zcfb/blgg/art/2025/art_eba76b74d5e147c99fd86bc8a47c5b57.html"
ECL_21_ALIAS = WWW + "zcfb/blgg/gg/2025/art/2025/art_e1772b9dcc6c4337aa61f1f8847d0a61.html"
ECL_22 = WWW + "zwgk/zcfb/art/2025/art_c6b190344a154e6f831e0fdfc190e41e.html"
ECL_22_ALIAS = WWW + "zcfb/blgg/gg/2025/art/2025/art_a3535a90814b4d33bf9dc2878c65c9e0.html"
UEL_4 = WWW + "zwgk/zcfb/art/2025/art_ab15d2258dda4e93b8ad1ec4776d37c3.html"
UEL_5 = WWW + "zwgk/zcfb/art/2025/art_beb25dc3bf9447f9ba7a34b25cca8f64.html"
UEL_6 = WWW + "zwgk/zcfb/art/2025/art_205cf5fddd1645a7be68d132cdb38cc3.html"
UEL_7 = WWW + "zwgk/zcfb/art/2025/art_e4f474d3aeba4672913db1042d845d78.html"
UEL_8 = WWW + "zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
UEL_8_AQ = AQ + "flzc/gzjgfxwj/art/2025/art_81fd0e00d5aa4be39db90f2c183c809a.html"
UEL_2024_3 = AQ + "flzc/gzjgfxwj/art/2024/art_f5ac8919a05743f78a3c25f3d0c138f5.html"

# Annexed lists: numbered entity lines must match this count and the count the text states.
ANNEX_COUNTS = {
    ECL_1: 28, ECL_1_ALIAS: 28, ECL_13: 15, ECL_13_ALIAS: 15, ECL_21: 16, ECL_21_ALIAS: 16,
    ECL_22: 12, ECL_22_ALIAS: 12, UEL_5: 10, UEL_7: 11,
}
# Prose lists ("决定将A（a）、B（b）…等N家美国实体列入…"): bracketed English names in the decision sentence.
PROSE_COUNTS = {UEL_8: 6, UEL_8_AQ: 6}
ALIASES = [(ECL_1, ECL_1_ALIAS), (ECL_13, ECL_13_ALIAS), (ECL_21, ECL_21_ALIAS), (ECL_22, ECL_22_ALIAS),
           (UEL_8, UEL_8_AQ)]
NUMBERS = {
    ECL_1: "商务部公告2025年第1号", ECL_13: "商务部公告2025年第13号", ECL_21: "商务部公告2025年第21号",
    ECL_22: "商务部公告2025年第22号", UEL_4: "不可靠实体清单工作机制公告〔2025〕4号",
    UEL_5: "不可靠实体清单工作机制公告〔2025〕5号", UEL_6: "不可靠实体清单工作机制公告〔2025〕6号",
    UEL_7: "不可靠实体清单工作机制公告〔2025〕7号", UEL_8: "不可靠实体清单工作机制〔2025〕8号",
    UEL_2024_3: "不可靠实体清单工作机制公告〔2024〕3号",
}


def _rel(path: Path) -> str:
    return path.relative_to(FIXTURES).as_posix()


def _site_files() -> list[Path]:
    return sorted(p for host in HOSTS for p in (FIXTURES / host).rglob("*") if p.is_file())


def _all_files() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*") if p.is_file())


def _articles() -> list[str]:
    return [_rel(p) for p in _site_files() if ARTICLE_PATH.search(_rel(p))]


def _tree(rel: str) -> HTMLParser:
    return HTMLParser((FIXTURES / rel).read_text(encoding="utf-8"))


def _body_lines(rel: str) -> list[str]:
    body = _tree(rel).css_first(BODY_SELECTOR)
    assert body is not None, f"{rel}: no {BODY_SELECTOR}"
    return [p.text() for p in body.css("p")]


def _meta(tree: HTMLParser, name: str) -> str | None:
    node = tree.css_first(f'meta[name="{name}"]')
    return node.attributes.get("content") if node is not None else None


def _links(rel: str) -> list[str]:
    """Absolute http(s) URLs of every <a href> on the page, resolved against the page's own URL."""
    base = "https://" + rel
    out = []
    for a in _tree(rel).css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if href and not href.startswith(("javascript:", "#", "mailto:")):
            out.append(urljoin(base, href))
    return out


def _url_to_rel(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.hostname not in HOSTS:
        return None
    return parts.hostname + (parts.path if parts.path != "/" else "/index.html")


def test_tree_has_the_required_pages() -> None:
    for rel in [*ANNEX_COUNTS, *PROSE_COUNTS, UEL_4, UEL_6, UEL_2024_3, *SEED_INDEXES]:
        assert (FIXTURES / rel).is_file(), rel
    assert (FIXTURES / "README.md").is_file()
    assert (FIXTURES / "texts" / "mofcom-2025-51.txt").is_file()
    qas = [a for a in _articles() if "/xwfb/xwfyrth/" in a]
    assert len(qas) == 6


@pytest.mark.parametrize("path", _all_files(), ids=_rel)
def test_every_file_is_utf8(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")  # raises on anything else
    assert not text.startswith("\ufeff")
    assert text.strip()


@pytest.mark.parametrize("rel", _articles())
def test_article_pages_have_layout(rel: str) -> None:
    tree = _tree(rel)
    for name in REQUIRED_META:
        assert _meta(tree, name), f"{rel}: meta {name} missing"
    assert _meta(tree, "SiteName") == "中华人民共和国商务部"
    assert PUBDATE.match(_meta(tree, "PubDate") or ""), rel
    assert tree.css_first("title").text() == _meta(tree, "ArticleTitle")
    lines = [line for line in _body_lines(rel) if line.strip()]
    assert len(lines) >= 4, rel
    assert tree.css("script"), f"{rel}: page chrome has no scripts"


@pytest.mark.parametrize("rel,number", sorted(NUMBERS.items()))
def test_numbered_notices_carry_their_number(rel: str, number: str) -> None:
    lines = _body_lines(rel)
    assert f"【发布文号】{number}" in lines or number in lines
    if "〔" in number:
        year, no = re.search(r"〔(\d{4})〕(\d+)号", number).groups()
        assert "不 可 靠 实 体 清 单 工 作 机 制" in lines
        assert f"{year}年 第{no}号" in lines


def test_both_uel_number_spellings_occur() -> None:
    texts = [" ".join(_body_lines(rel)) for rel in _articles()]
    assert any("不可靠实体清单工作机制公告〔2025〕7号" in t for t in texts)
    assert any("不可靠实体清单工作机制〔2025〕8号" in t for t in texts)


def test_every_article_is_reachable_from_the_seed_indexes() -> None:
    """Breadth-first crawl over index pages only (never via article chrome) reaches every article."""
    seen_articles: set[str] = set()
    seen_indexes: set[str] = set()
    queue = deque(SEED_INDEXES)
    while queue:
        rel = queue.popleft()
        if rel in seen_indexes:
            continue
        seen_indexes.add(rel)
        for url in _links(rel):
            target = _url_to_rel(url)
            if target is None:
                continue
            if ARTICLE_PATH.search(target):
                seen_articles.add(target)
            elif target.endswith("index.html") and (FIXTURES / target).is_file():
                queue.append(target)
    assert set(_articles()) - seen_articles == set()


# Linked from the aqygzj home page as on the real site, but a JavaScript shell: kept in tests/data.
JS_SHELL_COLUMN = "aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/index.html"


@pytest.mark.parametrize("rel", [*SEED_INDEXES, *_articles()])
def test_no_link_to_a_missing_page_on_the_watched_hosts(rel: str) -> None:
    for url in _links(rel):
        target = _url_to_rel(url)
        if target is not None and target != JS_SHELL_COLUMN:
            assert (FIXTURES / target).is_file(), f"{rel} links to {url}, which is not in the tree"


def test_index_rows_have_title_and_date() -> None:
    rows = _tree("www.mofcom.gov.cn/zcfb/blgg/gg/2025/index.html").css("ul.policy-list li")
    assert len(rows) >= 4
    for li in rows:
        a = li.css_first("a")
        assert a.attributes.get("title") == a.text()
        assert re.fullmatch(r"\[\d{4}-\d{2}-\d{2}\]", li.css_first("span").text())
        assert a.attributes["href"].startswith("/zcfb/blgg/gg/2025")


def test_aqygzj_list_is_a_js_shell_without_links() -> None:
    """The real column page is a JavaScript shell; it is kept out of the replayed tree (replay would
    rightly report it as unusable) and used by the parser and fetcher tests instead."""
    tree = HTMLParser((Path(__file__).parent / "data" / "aqygzj-gzjgfxwj-index-js-shell.html").read_text("utf-8"))
    assert tree.css("a") == []
    assert "jpaas-publish-server" in tree.html


@pytest.mark.parametrize("rel,expected", sorted(ANNEX_COUNTS.items()))
def test_annex_entity_lines_match_the_stated_count(rel: str, expected: int) -> None:
    lines = _body_lines(rel)
    entity_lines = [line for line in lines if ENTITY_LINE.match(line)]
    assert len(entity_lines) == expected
    stated = {int(n) for line in lines for n in STATED_COUNT.findall(line)}
    assert stated == {expected}
    numbers = [int(re.match(r"[\s\u3000]*(\d+)", line).group(1)) for line in entity_lines]
    assert numbers == list(range(1, expected + 1))


@pytest.mark.parametrize("rel,expected", sorted(PROSE_COUNTS.items()))
def test_prose_entity_lists_match_the_stated_count(rel: str, expected: int) -> None:
    decision = [line for line in _body_lines(rel) if "决定将" in line]
    assert len(decision) == 1
    assert len(BRACKETED_EN.findall(decision[0])) == expected
    assert [int(n) for n in STATED_COUNT.findall(decision[0])] == [expected]


def test_plain_text_notice_lists_its_three_entities() -> None:
    lines = (FIXTURES / "texts" / "mofcom-2025-51.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "商务部公告2025年第51号"
    assert len([line for line in lines if ENTITY_LINE.match(line)]) == 3
    assert "2025年9月25日" in lines


def test_real_variants_are_present() -> None:
    ecl1 = _body_lines(ECL_1)
    assert STRAY_NUMBER.match(ecl1[-1]) and ecl1[-1].strip() == "29."
    ecl21 = "\n".join(_body_lines(ECL_21))
    assert "（\u200cHigh Point Aerotechnologies）" in ecl21
    assert "Cyberlux\u2002Corporation" in ecl21
    uel7 = _body_lines(UEL_7)
    assert "\u3000\u300010.急速飞行公司（Rapid Flight LLC）" in uel7
    assert "\u3000\u30001. 特科姆公司（TCOM,Limited Partnership）" in _body_lines(UEL_5)  # no space after the comma
    assert "15. 宇航环境公司（Aero Vironment）" in _body_lines(ECL_13)
    assert "本公告自2025年4月10日12时01分起正式实施。" in _body_lines(ECL_22)
    assert "本公告自2025年4月10日12时01分起实施。" in _body_lines(UEL_8)
    assert "禁止其向中国出口基因测序仪" in "".join(_body_lines(UEL_6))
    uel_2024 = "".join(_body_lines(UEL_2024_3))
    assert "启动调查" in uel_2024 and "列入" not in uel_2024


@pytest.mark.parametrize("primary,alias", ALIASES)
def test_alias_copies_have_the_same_body_and_different_chrome(primary: str, alias: str) -> None:
    a, b = _tree(primary), _tree(alias)
    assert a.css_first(BODY_SELECTOR).html == b.css_first(BODY_SELECTOR).html
    assert (FIXTURES / primary).read_bytes() != (FIXTURES / alias).read_bytes()


def test_qa_pages_start_with_the_source_line_and_match_pubdate() -> None:
    dates = []
    for rel in (a for a in _articles() if "/xwfb/xwfyrth/" in a):
        lines = _body_lines(rel)
        m = QA_FIRST_LINE.match(lines[0])
        assert m, rel
        assert m.group(1) == _meta(_tree(rel), "PubDate")
        assert any(line.startswith("问：") for line in lines)
        assert any(line.startswith("答：") for line in lines)
        dates.append(m.group(1)[:10])
    assert sorted(dates) == ["2025-05-14"] * 2 + ["2025-08-12"] * 2 + ["2025-11-05"] * 2


# Official texts the tree holds on purpose (issue 10: no invented entity names): reference file ->
# the pages that carry its text, below their own page title, verbatim.
OFFICIAL_ON_PURPOSE = {
    "mofcom/mofcom-2025-001-ecl-28-us.txt": (ECL_1, ECL_1_ALIAS),
    "mofcom/mofcom-2025-013-ecl-15-us.txt": (ECL_13, ECL_13_ALIAS),
    "mofcom/uel-2025-05-10-us.txt": (UEL_5,),
}
# The MFA decisions (tests/test_fixtures_mfa.py checks them line by line: title and time line in the
# page chrome, the rest verbatim in the body): fixture path -> reference file.
MFA_CHANNEL = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"
OFFICIAL_COPIES = {
    MFA_CHANNEL + "202212/t20221222_10993979.shtml": "mfa/mfa-20221223.txt",
    MFA_CHANNEL + "202412/t20241217_11494912.shtml": "mfa/mfa-20241010.txt",
    MFA_CHANNEL + "202509/t20250908_11704050.shtml": "mfa/mfa-20250908.txt",
}


def _reference_bodies() -> list[tuple[str, str]]:
    if not REFERENCE.is_dir():
        return []
    out = []
    for path in sorted(REFERENCE.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r"=====BEGIN ORIGINAL TEXT[^\n]*\n(.*?)\n=====END ORIGINAL TEXT", text, re.S)
        out.append((path.relative_to(REFERENCE).as_posix(), m.group(1) if m else text))
    return out


def _fixture_texts() -> dict[str, str]:
    texts = {}
    for path in _all_files():
        raw = path.read_text(encoding="utf-8")
        texts[_rel(path)] = HTMLParser(raw).text() if path.suffix == ".html" else raw
    return texts


def _is_prose(line: str) -> bool:
    """A sentence of running text: long and punctuated (titles, entity lines and the Q&A source line are facts)."""
    return (len(line.strip()) >= 40 and PROSE_PUNCT.search(line) is not None
            and not ENTITY_LINE.match(line) and not QA_FIRST_LINE.match(line))


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared/reference not present")
def test_no_fixture_copies_a_reference_text() -> None:
    """Facts (titles, entity lines, short standard phrases) may repeat; prose and whole texts may not,
    except in the fixtures listed in OFFICIAL_COPIES, which hold their official text on purpose."""
    squash = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    texts = {rel: squash(t) for rel, t in _fixture_texts().items()}
    for name, body in _reference_bodies():
        whole = squash(body)
        prose = [squash(line) for line in body.splitlines() if _is_prose(line)]
        assert prose, name
        for rel, text in texts.items():
            if rel in OFFICIAL_ON_PURPOSE.get(name, ()) or OFFICIAL_COPIES.get(rel) == name:
                continue  # an official text held on purpose
            assert whole not in text, f"{rel} copies {name}"
            copied = [line for line in prose if line in text]
            assert copied == [], f"{rel} copies prose of {name}: {copied[0][:40]}…"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared/reference not present")
@pytest.mark.parametrize("name,rels", sorted(OFFICIAL_ON_PURPOSE.items()))
def test_official_texts_are_held_verbatim(name: str, rels: tuple[str, ...]) -> None:
    """The pages named official carry the whole official text (its first line is the page title)."""
    body = dict(_reference_bodies())[name]
    title, _, rest = body.partition("\n")
    for rel in rels:
        tree = _tree(rel)
        assert _meta(tree, "ArticleTitle") == title.strip()
        assert [line.rstrip() for line in _body_lines(rel)] == [line.rstrip() for line in rest.split("\n")]
