"""Pages cut short but well formed: a browser's save closes every tag, a plain text has no end mark.
Such a page must never replace the complete notice stored from the same URL, nor read as a notice that
lists or decides less than it does. Real processes and files (found by the blind page audit of session 12:
the cut UEL 8号 page below withdrew six listings with no health problem; the cut Q&A dropped an extension)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.harness import AS_OF, FETCHED, FIXTURES, cli, replay_args

UEL8 = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
QA_NOV = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_3cd57285290044edb3036563bc4c7352.html"
MFA_ORDER = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"


def cut_after(page: str, marker: str) -> str:
    """``page`` cut right after the first ``marker``, its open tags closed as a browser's save closes them."""
    at = page.index(marker) + len(marker)
    return page[:at] + "</p></div></div></body></html>"


CUTS = [
    # in the decision sentence, before its 列入: the count ("6家") is in the title only
    (UEL8, "赛博勒克斯公司（Cyberlux Corporation）、"),
    # inside the bracket of the second notice the answer acts on: the lift of 〔2025〕5号/6号 is lost
    (QA_NOV, "停止3月4日公告（不可靠实体清单"),
    # in the reasons, before its decision: the page no longer reads as a decision at all ('other')
    (MFA_ORDER, "严重违反一个中国原则和中美三个联合公报，"),
]


def status(db: str) -> dict:
    done = cli(db, "status", "--json", "--as-of", AS_OF)
    return json.loads(done.out)


@pytest.mark.parametrize(("path", "marker"), CUTS)
def test_a_cut_page_keeps_the_complete_notice_and_says_so(tmp_path: Path, path: str, marker: str) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert cli(db, *replay_args()).code in (0, 1)  # the fixtures hold known problems: exit 1 says so
    before = status(db)["listings"]
    cut = tmp_path / "cut"
    (cut / path).parent.mkdir(parents=True)
    (cut / path).write_text(cut_after((FIXTURES / path).read_text(encoding="utf-8"), marker), encoding="utf-8")
    done = cli(db, "replay", str(cut), "--fetched-at", FETCHED.replace("29T", "30T"), "--as-of", AS_OF)
    assert "1 unusable" in done.out + done.err
    after = status(db)
    assert after["listings"] == before  # nothing withdrawn, nothing lifted or extended less
    url = "https://" + path
    assert any(i["kind"] == "unusable-page" and i["url"] == url for i in after["health_issues"]), after["health_issues"]
