"""An MFA decree known only from its English version (mfa41/42's B, session 43: the lead's decision): a loud source-health
problem, "reported in English; the Chinese decree is not stored", until the Chinese decree is stored. Real processes on a real
SQLite store, the pages replayed from folders (tests/data/corpus/mfa43/20 is the English page)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests import zygote
from tests.conftest import REPO_ROOT

AS_OF = "2037-12-31"
ENGLISH = REPO_ROOT / "tests" / "data" / "corpus" / "mfa43" / "20-english-only-decree-chinese-not-stored.txt"
CHINESE = ("关于对美国蓝水声呐技术公司采取反制措施的决定\n2037-06-05 10:00\n\n（2037年6月5日中华人民共和国外交部令第232号公布，"
           "自2037年6月5日起施行）\n\n依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对蓝水声呐"
           "技术公司（Bluewater Sonar Technologies Inc.）采取以下反制措施：\n\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n二、禁止我国"
           "境内的组织、个人与其进行有关交易、合作等活动。\n\n本决定自2037年6月5日起施行。\n\n外交部\n2037年6月5日\n")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MOFCOM_WATCH_", "PYTHONIOENCODING", "LC_"))}
    env["MOFCOM_WATCH_TODAY"] = AS_OF
    return subprocess.run(zygote.command(*args), capture_output=True, cwd=REPO_ROOT, env=env, timeout=180,
                          stdin=subprocess.DEVNULL, text=True)


def page(root: Path, path: str, text: str) -> Path:
    dest = root / path
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(text, encoding="utf-8")
    return root


def issues(db: str) -> tuple[int, list[dict[str, str]]]:
    done = cli("--db", db, "status", "--json", "--as-of", AS_OF)
    report = json.loads(done.stdout)
    return done.returncode, [i for i in report["health_issues"] if i["kind"] == "decree-not-stored"]


def test_an_english_only_decree_is_a_problem_until_the_chinese_is_stored(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    english = page(tmp_path / "en", "www.mfa.gov.cn/eng/xw/wjbxw/203706/t20370605_13000532.html",
                   ENGLISH.read_text(encoding="utf-8"))
    first = cli("--db", db, "replay", str(english), "--as-of", AS_OF)
    assert first.returncode == 1, first.stderr
    assert "reported in English only: MFA-ORDER-2037-232" in first.stderr and "the Chinese decree is not stored" in first.stderr
    code, open_ = issues(db)
    assert code == 1 and [i["notice_key"] for i in open_] == ["MFA-ORDER-2037-232"]  # health was green: exit 0, no issue
    feeds = cli("--db", db, "feeds", "--out", str(tmp_path / "feeds"), "--as-of", AS_OF)
    health = (tmp_path / "feeds" / "source-health.atom").read_text(encoding="utf-8")
    assert "MFA-ORDER-2037-232: reported in English; the Chinese decree is not stored" in health, feeds.stderr

    chinese = page(tmp_path / "zh", "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/203706/t20370605_13000232.shtml",
                   CHINESE)
    second = cli("--db", db, "replay", str(chinese), "--as-of", AS_OF)
    assert second.returncode == 0, second.stderr
    code, open_ = issues(db)
    assert code == 0 and open_ == []
    again = cli("--db", db, "replay", str(english), "--as-of", AS_OF)  # the report read again: the decree is stored
    assert again.returncode == 0 and "reported in English" not in again.stderr
