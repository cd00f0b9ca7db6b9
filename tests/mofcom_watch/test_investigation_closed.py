"""A notice ending an investigation is no lift of a listing (session 39, audit39/25): UEL〔2024〕3号 only opened an
investigation into PVH, which 〔2025〕4号 then listed. A later notice repealing (废止) 3号 "Lifted: 美国PVH集团 on the
unreliable entity list" in PVH's feed while 4号 kept PVH listed: a false item. Real processes on a real SQLite store,
the real fixture pages of 3号 and 4号."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from tests import zygote
from tests.conftest import REPO_ROOT

FIXTURES = REPO_ROOT / "fixtures"
PAGES = ("aqygzj.mofcom.gov.cn/flzc/gzjgfxwj/art/2024/art_f5ac8919a05743f78a3c25f3d0c138f5.html",  # 〔2024〕3号
         "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_ab15d2258dda4e93b8ad1ec4776d37c3.html")  # 〔2025〕4号
REPEAL = """不可靠实体清单工作机制公告〔2026〕31号 关于废止不可靠实体清单工作机制公告〔2024〕3号的公告
【发布单位】安全与管制局
【发布文号】不可靠实体清单工作机制公告〔2026〕31号
【发文日期】2026年12月05日

2024年9月24日，不可靠实体清单工作机制发布公告（不可靠实体清单工作机制公告〔2024〕3号），决定对美国PVH集团启动调查。2025年2月4日，\
不可靠实体清单工作机制发布公告（不可靠实体清单工作机制公告〔2025〕4号），将该企业列入不可靠实体清单。鉴于相关调查已经终结，\
不可靠实体清单工作机制决定，废止不可靠实体清单工作机制公告〔2024〕3号。不可靠实体清单工作机制公告〔2025〕4号继续有效。

特此公告。

不可靠实体清单工作机制
（商务部代章）
2026年12月5日
"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT, env=env, timeout=180,
                          stdin=subprocess.DEVNULL, text=True)


def test_repealing_an_investigation_notice_is_no_lift_of_the_listing(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    for rel in PAGES:
        (pages / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / rel, pages / rel)
    (pages / "texts").mkdir()
    (pages / "texts" / "uel-2026-31.txt").write_text(REPEAL, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    replay = cli("--db", db, "replay", str(pages), "--as-of", "2027-01-15")
    assert replay.returncode == 0, replay.stderr
    feeds = cli("--db", db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", "2027-01-15")
    assert feeds.returncode == 0, feeds.stderr
    atom = (tmp_path / "feeds" / "all.atom").read_text(encoding="utf-8")
    titles = re.findall(r"<title>([^<]*)</title>", atom)
    about_pvh = [t for t in titles if "PVH" in t]
    assert not [t for t in about_pvh if t.startswith("Lifted")], about_pvh
    assert "Investigation closed (not a listing): 美国PVH集团, under the unreliable entity list rules (UEL-2024-3) " \
           "from 2026-12-05" in about_pvh, about_pvh
    assert any(t.startswith("Imposed: 美国PVH集团 and Illumina, Inc. on the unreliable entity list (UEL-2025-4)")
               for t in about_pvh), about_pvh
    shown = html.unescape(atom)
    assert "is not a lift of a listing" in shown and "Event</th><td>Investigation closed (not a listing)</td>" in shown
    assert "Opened by UEL-2024-3 (" in shown and "Listed by UEL-2024-3" not in shown
    timeline = cli("--db", db, "timeline", "pvh", "--as-of", "2027-01-15")
    assert "investigation closed (not a listing)" in timeline.stdout and "UEL-2025-4" in timeline.stdout
    # the listings too (audit39's open B: `status` and `timeline` called the ended investigation's row "lifted")
    status = cli("--db", db, "status", "--json", "--as-of", "2027-01-15")
    rows = {r["notice_key"]: r for r in json.loads(status.stdout)["listings"]}
    assert rows["UEL-2024-3"]["state"] == "lifted" and rows["UEL-2024-3"]["investigation_closed"] is True
    assert rows["UEL-2024-3"]["state_label"] == "investigation closed (not a listing)", rows["UEL-2024-3"]
    assert rows["UEL-2025-4"]["state_label"] == "in force" and rows["UEL-2025-4"]["investigation_closed"] is False
    table = cli("--db", db, "status", "--as-of", "2027-01-15")
    line = next(x for x in table.stdout.splitlines() if "UEL-2024-3" in x and "〔2024〕3号" in x)
    assert "investigation closed (not a listing)" in line and "lifted" not in line, line
    now = next(x for x in timeline.stdout.splitlines() if "now" in x.lower() or "since" in x.lower())
    assert "lifted" not in now, timeline.stdout
