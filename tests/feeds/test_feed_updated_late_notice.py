"""A notice put online days after its own date: its item keeps the notice's date, and the feed's own ``updated`` moves.

story31 C1, story32 S2 (decided by the lead, session 31): 商务部公告2026年第41号, signed 12-01, is read on 12-03, after
No. 42 of 12-02. Its item is dated 12-01 and sorts below No. 42's, and the feeds' ``updated`` (Atom ``<updated>``, RSS
``<lastBuildDate>``) stayed No. 42's, 12-02 17:00: a reader or a bridge that skips a feed whose ``updated`` did not move
never showed the new item. The feed's ``updated`` is now the first sighting of the newest notice its items rest on when
that is later than every item's (``feeds.build.sighted``); a publish with nothing new leaves it.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import feedparser
from typer.testing import CliRunner

from feeds.build import build_feeds
from mofcom_watch.cli import app
from tests.feeds.factory import history

NOTICE = """商务部公告2026年第{no}号

关于将1家美国实体列入出口管制管控名单的决定

根据《中华人民共和国出口管制法》《中华人民共和国两用物项出口管制条例》等法律法规的有关规定，为维护国家安全和利益、履行防扩散等国际义务，商务部决定将{zh}列入出口管制管控名单（见附件），并采取如下措施：

一、禁止向上述1家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。
二、特殊情况下确需出口的，出口经营者应当向商务部提出申请。

本公告自公布之日起正式实施。

附件：出口管制管控名单（2026年12月{day}日）

商务部
2026年12月{day}日

附件
出口管制管控名单
（2026年12月{day}日）

1. {zh}（{en}）
"""
LATE = "tag:mofcom-watch,2025:MOFCOM-2026-41/imposed/ecl/2026-12-01"


def _cycle(db: str, tmp: Path, name: str, no: int, day: int, zh: str, en: str, fetched: str, out: Path) -> None:
    folder = tmp / name
    folder.mkdir()
    (folder / f"mofcom-2026-{no}.txt").write_text(NOTICE.format(no=no, day=day, zh=zh, en=en), encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(app, ["--db", db, "replay", str(folder), "--fetched-at", fetched, "--as-of", "2026-12-03"])
    assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["--db", db, "feeds", "--out", str(out), "--as-of", "2026-12-03",
                               "--base-url", "https://feeds.example.org/feeds/"])
    assert done.exit_code == 0, done.output


def _updated(out: Path, name: str = "all") -> tuple[str, str]:
    atom = (out / f"{name}.atom").read_text(encoding="utf-8")
    rss = (out / f"{name}.rss").read_text(encoding="utf-8")
    return (re.search(r"<feed[^>]*>.*?<updated>([^<]*)</updated>", atom, re.S).group(1),  # type: ignore[union-attr]
            re.search(r"<lastBuildDate>([^<]*)</lastBuildDate>", rss).group(1))  # type: ignore[union-attr]


def test_the_feeds_updated_moves_when_the_item_of_a_notice_read_late_appears(tmp_path: Path) -> None:
    db, out = f"sqlite:///{tmp_path / 'store.sqlite'}", tmp_path / "feeds"
    _cycle(db, tmp_path, "d2", 42, 2, "灰隼导航公司", "Grey Falcon Navigation Inc.", "2026-12-02T09:00:00+00:00", out)
    assert _updated(out) == ("2026-12-02T09:00:00+00:00", "Wed, 02 Dec 2026 09:00:00 +0000")
    _cycle(db, tmp_path, "d3", 41, 1, "赤狐雷达公司", "Red Fox Radar Inc.", "2026-12-03T02:00:00+00:00", out)
    atom = feedparser.parse((out / "all.atom").read_bytes())
    ids = [e.id for e in atom.entries]
    assert ids.index(LATE) > ids.index(LATE.replace("41", "42").replace("12-01", "12-02"))  # dated 12-01: below No. 42
    assert atom.entries[ids.index(LATE)].published.startswith("2026-12-01")  # the item keeps the notice's date
    assert _updated(out) == ("2026-12-03T02:00:00+00:00", "Thu, 03 Dec 2026 02:00:00 +0000")  # was No. 42's, 12-02
    assert _updated(out, "ecl")[0] == "2026-12-03T02:00:00+00:00"
    assert _updated(out, "entity/redfoxradar")[0] == "2026-12-03T02:00:00+00:00"
    assert _updated(out, "entity/greyfalconnavigation")[0] == "2026-12-02T09:00:00+00:00"  # nothing new there


def test_in_memory_feeds_move_their_updated_to_a_later_first_sighting_only() -> None:
    events = history()
    plain = {f.name: f for f in build_feeds(events, base_url="https://feeds.example.org/")}
    key = next(e.notice_key for e in events if e.notice_key and e.list is not None)
    later = datetime(2026, 12, 3, 2, 0, 0, 123456, tzinfo=timezone.utc)
    seen = {f.name: f for f in build_feeds(events, base_url="https://feeds.example.org/", first_seen={key: later})}
    assert feedparser.parse(plain["all"].atom).feed.updated != "2026-12-03T02:00:00+00:00"
    assert feedparser.parse(seen["all"].atom).feed.updated == "2026-12-03T02:00:00+00:00"  # to the second
    assert seen["source-health"].atom == plain["source-health"].atom  # no item of that notice there
    earlier = {f.name: f for f in build_feeds(events, base_url="https://feeds.example.org/",
                                              first_seen={key: datetime(2020, 1, 1, tzinfo=timezone.utc)})}
    assert earlier["all"].atom == plain["all"].atom  # a sighting before the newest item changes nothing
