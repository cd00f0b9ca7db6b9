"""Two spokesperson answers of one title on one day, one answer short (blind57's B3, session 58): "暂停执行2月5日公告
（商务部公告2030年第72号）相关措施…" and "中方决定将商务部公告2029年第99号相关措施的暂停期限延长1年。", both 2030-03-20 under
"商务部新闻发言人就调整出口管制管控名单措施答记者问". The second is under ``SAME_ANSWER_MIN``, so ``same_answer`` could not
tell them apart and they were not split: one key, an alias conflict (loud), the short one's step left out. Now answers
naming disjoint notices, neither holding the other's, are two Q&As under the title's key and each one's split hash, in
either order (``mofcom_watch.reprints._apart``). Replayed in-process (the command's whole path) into real SQLite files
from tests/data/stories57/chains/ (u3 given the day of b3)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mofcom_watch.clock import TODAY_ENV
from tests.conftest import REPO_ROOT
from tests.mofcom_watch.stories import invoke

CHAINS = REPO_ROOT / "tests" / "data" / "stories57" / "chains"
TODAY = "2030-12-01"
DAY = "2030-04-01"


def pages(root: Path, names: list[str]) -> Path:
    root.mkdir()
    for name in names:
        (src,) = CHAINS.glob(f"{name}-*.txt")
        text = src.read_text(encoding="utf-8")
        if name == "u3":  # the short answer on b3's day
            text = text.replace("2030-03-19 18:00", "2030-03-20 18:00")
        (root / src.name).write_text(text, encoding="utf-8")
    return root


def replay(db: str, folder: Path) -> None:
    done = invoke(db, "replay", str(folder), env={TODAY_ENV: TODAY})
    assert done.exit_code in (0, 1), done.output


def read(db: str) -> tuple[list[str], dict[str, tuple[str, str | None, str | None]], list[str]]:
    got = json.loads(invoke(db, "status", "--json", "--as-of", DAY, env={TODAY_ENV: TODAY}).stdout)
    rows = {r["notice_key"]: (r["state"], r["since"], r["until"]) for r in got["listings"]
            if r["notice_key"] in ("MOFCOM-2030-72", "MOFCOM-2029-99")}
    keys = sorted({r["by"] for r in got["listings"] if (r["by"] or "").startswith("QA-2030-03-20")})
    return keys, rows, [i["notice_key"] for i in got["health_issues"] if i["kind"] == "alias-conflict"]


def test_two_answers_of_one_title_one_short_are_two_notices_in_either_order(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    replay(db, pages(tmp_path / "notices", ["b1", "u1", "u2"]))
    shutil.copy(tmp_path / "a.sqlite", tmp_path / "b.sqlite")
    replay(db, pages(tmp_path / "long-first", ["b3"]))
    replay(db, pages(tmp_path / "short-next", ["u3"]))
    keys, rows, conflicts = read(db)
    assert conflicts == []  # was QA-2030-03-20-68a81f8d's alias conflict, No. 99's extension left out
    assert len(keys) == 2 and all(k.startswith("QA-2030-03-20-68a81f8d-") for k in keys), keys
    assert rows["MOFCOM-2030-72"] == ("suspended", "2030-03-25", "2030-12-31")
    assert rows["MOFCOM-2029-99"] == ("suspended", "2029-12-31", "2031-03-31")  # 1 year after the end 03-31

    other = f"sqlite:///{tmp_path / 'b.sqlite'}"  # the short one first
    replay(other, pages(tmp_path / "short-first", ["u3"]))
    replay(other, pages(tmp_path / "long-next", ["b3"]))
    assert read(other) == (keys, rows, [])
