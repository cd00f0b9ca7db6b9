"""Press reports of a status change reached through the notice parser (a replayed folder, a page no news
source claims): news items, never notices, whether or not they state a date.

Since b950df6 the notice parser reads such a report as no notice (it changes nothing itself), so it was
dropped: only a configured news source carried it. An undated one is dated by its page's first fetch, and
its item says so; a later copy of other bytes does not move it. Real processes (``mofcom-watch replay``,
``feeds``) on real files.
"""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.faults.harness import ATOM, cli

UNDATED = ("www.chinanews.com.cn/gn/2025/11-05/10001.shtml",
           "商务部：继续暂停对16家美国实体的出口管制措施",
           "据商务部网站消息，商务部新闻发言人表示，为落实中美吉隆坡经贸磋商共识，中方决定自2025年11月10日起，"
           "停止执行3月4日公告（商务部公告2025年第13号）相关措施，继续暂停4月4日公告（商务部公告2025年第21号）相关措施1年。")
DATED = ("www.chinanews.com.cn/gn/2025/08-12/10002.shtml",
         "中方继续暂停对16家美国实体出口管制措施90天",
         "2025年08月12日 22:10　来源：中国新闻网</p><p>中新网8月12日电 商务部12日晚间宣布，对2025年4月4日被列入出口管制管控名单"
         "的16家美国实体，继续暂停实施相关措施90天；对4月9日被列入的12家美国实体，停止执行相关措施。")

# MOFCOM's news section reposting a paper's report: no list named, only the notice's number
REPOST = ("www.mofcom.gov.cn/syxwfb/art/2025/art_0123456789abcdef0123456789abcdef.html",
          "商务部新闻发言人就调整对美出口管制措施发表谈话",
          "商务部新闻发言人表示，为落实中美经贸磋商共识，商务部决定自2025年11月10日起，继续暂停实施商务部公告2025年第21号"
          "相关措施，暂停期为一年。")


def _page(title: str, body: str, extra: str = "") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_中国新闻网</title></head><body>'
            f'<h1>{title}</h1><div class="article-content"><p>{body}</p>{extra}</div></body></html>').encode()


def _write(tree: Path, path: str, data: bytes) -> None:
    target = tree / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _news_items(out: Path) -> dict[str, tuple[str, str, str]]:
    """url -> (title, updated, content) of every news.atom entry."""
    items = {}
    for entry in ET.parse(out / "news.atom").getroot().iter(f"{ATOM}entry"):
        link = [e.get("href") for e in entry.iter(f"{ATOM}link") if e.get("rel") in (None, "alternate")]
        content = "".join(entry.find(f"{ATOM}content").itertext()) if entry.find(f"{ATOM}content") is not None else ""
        items[link[0] if link else ""] = (entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}updated"), content)
    return items


def test_a_press_report_replayed_is_news_dated_by_its_first_fetch_when_it_states_no_date(tmp_path):
    tree, db = tmp_path / "tree", tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    _write(tree, UNDATED[0], _page(*UNDATED[1:]))
    _write(tree, DATED[0], _page(*DATED[1:]))
    _write(tree, REPOST[0], _page(*REPOST[1:]))
    done = cli(url, "replay", str(tree), "--fetched-at", "2026-11-20T08:00:00+00:00", "--as-of", "2026-11-29")
    assert done.code in (0, 1), done.err
    # a later copy of other bytes (a page's counter, an advertisement): the item keeps its first day
    _write(tree, UNDATED[0], _page(*UNDATED[1:], extra="<p>（编辑：张三）</p>"))
    done = cli(url, "replay", str(tree), "--fetched-at", "2026-11-25T08:00:00+00:00", "--as-of", "2026-11-29")
    assert done.code in (0, 1), done.err
    out = tmp_path / "feeds"
    done = cli(url, "feeds", "--out", str(out), "--as-of", "2026-11-29", "--allow-empty")
    assert done.code in (0, 1), done.err

    with sqlite3.connect(db) as con:
        notices = con.execute("SELECT count(*) FROM notice").fetchone()[0]
        reports = dict(con.execute("SELECT url, published FROM news_report").fetchall())
        snapshots = con.execute("SELECT count(*) FROM snapshot").fetchone()[0]
        checked = con.execute("SELECT last_fetched_at FROM page WHERE url = ?", (f"https://{UNDATED[0]}",)).fetchone()[0]
    assert notices == 0  # never a notice: nothing on any list moves
    assert snapshots == 3  # the later copy reads as the first: no copy kept, its fetch a check (session 47, churn47)
    assert checked.startswith("2026-11-25 08:00:00")
    undated, dated = f"https://{UNDATED[0]}", f"https://{DATED[0]}"
    repost = f"https://{REPOST[0]}"
    assert set(reports) == {undated, dated, repost} and reports[undated] is None and reports[dated] == "2025-08-12"

    items = _news_items(out)
    assert set(items) == {undated, dated, repost}, items
    title, updated, content = items[undated]
    assert title.startswith("News (undated, first fetched 2026-11-20)"), title
    assert updated.startswith("2026-11-20T08:00:00"), updated
    assert "states no date" in content and "2026-11-20" in content and "MOFCOM-2025-21" in content
    title, updated, _ = items[dated]
    assert "undated" not in title and updated.startswith("2025-08-12"), (title, updated)
    feed = json.loads((out / "news.json").read_text(encoding="utf-8"))
    assert len(feed["items"]) == 3
    title, updated, content = items[repost]  # no list named: the number it names, and no list guessed
    assert title.startswith("News (undated, first fetched 2026-11-20)") and "MOFCOM-2025-21" in content
    for lst in ("ecl", "all"):
        assert "chinanews" not in (out / f"{lst}.atom").read_text(encoding="utf-8")
        assert "syxwfb" not in (out / f"{lst}.atom").read_text(encoding="utf-8")
