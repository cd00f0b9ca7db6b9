"""A countermeasure decision with a term ("期限为5年") ends when the term does, through real processes on a real store
(session 18, mfa18): ``replay`` of the decision at an MFA URL, then ``timeline --json`` on a day after the term shows
its listing lifted from that day by the decision, with the item saying so. Before, the listing stayed in force."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import ROOT, cli

PAGE = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202607/t20260708_11999026.shtml"


def test_the_term_of_a_decision_ends_its_listing(tmp_path: Path) -> None:
    tree, url = tmp_path / "tree", f"sqlite:///{tmp_path / 'store.sqlite'}"
    (tree / PAGE).parent.mkdir(parents=True)
    (tree / PAGE).write_bytes((ROOT / "tests/data/corpus/mfa17/12-impose-with-term.txt").read_bytes())
    done = cli(url, "replay", str(tree), "--fetched-at", "2026-07-08T04:00:00+00:00", "--as-of", "2026-07-09")
    assert done.code == 0, done.err
    shown = json.loads(cli(url, "timeline", "Iain Duncan Smith", "--json", "--as-of", "2031-07-09").out)
    text = json.dumps(shown, ensure_ascii=False)
    assert "MFA-ORDER-2026-26" in text and "2031-07-08" in text, text
    assert '"lifted"' in text and "term of the measures" in text, text
