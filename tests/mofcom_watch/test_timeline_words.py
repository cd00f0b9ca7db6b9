"""What `timeline` prints for an entity, in a pure function: an EntityTimeline in, the text out."""

from __future__ import annotations

import io

from rich.console import Console

from mofcom_watch.commands.timeline_cmd import print_timeline
from storage.status import EntityTimeline


def test_a_day_before_its_first_notice_says_not_on_any_list() -> None:
    """`timeline skydio --as-of 2024-01-01` printed the name and its spellings and nothing more: a bare header
    that reads as a blank answer, where the entity was on no list yet (MFA Order No. 13 came on 2024-10-10)."""
    out = io.StringIO()
    tl = EntityTimeline(keys=("skydio",), zh="斯凯迪奥公司", en="Skydio Inc.", names=("Skydio Inc.",), listings=())
    print_timeline(tl, "2024-01-01", Console(file=out, width=1000, no_color=True))
    assert "not on any list as of 2024-01-01" in out.getvalue()
