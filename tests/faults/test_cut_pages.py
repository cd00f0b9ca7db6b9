"""Pages cut short but well formed: a browser's save closes every tag, a plain text has no end mark.
Such a page must never replace the complete notice stored from the same URL, nor read as a notice that
lists or decides less than it does. Real processes and files (found by the blind page audit of session 12:
the cut UEL 8号 page below withdrew six listings with no health problem; the cut Q&A dropped an extension)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.harness import AS_OF, FETCHED, FIXTURES, cli, fixtures_replayed, store_copy

UEL8 = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_c29bed8111a5406ea44f363694865ac2.html"
QA_NOV = "www.mofcom.gov.cn/xwfb/xwfyrth/art/2025/art_3cd57285290044edb3036563bc4c7352.html"
MFA_ORDER = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202412/t20241217_11494912.shtml"
MFA_ORDER_4 = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202212/t20221222_10993979.shtml"
MFA_ORDER_17 = "www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202509/t20250908_11704050.shtml"


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
    # MFA decisions cut after a whole sentence (the tags closed, no comma to see), found by the cut sweep of
    # session 13: after the reasons, they read as 'other' (the decision missed); before the annex, as the 13
    # names of the decision without their English, so keyed anew (the stored 13 withdrawn); inside the
    # decision, with the names cut; in the annex, one person short of an annex that states no count, or the last
    # person without the English name that keys him
    (MFA_ORDER, "严重损害中国主权和领土完整。"),
    (MFA_ORDER_17, "严重损害中国主权和领土完整。"),
    (MFA_ORDER, "本决定自2024年10月10日起施行。"),
    (MFA_ORDER_4, "中方决定对余茂春、托德·斯"),
    (MFA_ORDER_4, "一、余茂春，男"),
    # the annex's last line cut right after a whole name: its English, and so its key, lost
    (MFA_ORDER_4, "二、托德·斯坦恩"),
]


def status(db: str) -> dict:
    done = cli(db, "status", "--json", "--as-of", AS_OF)
    return json.loads(done.out)


@pytest.fixture(scope="module")
def replayed_once(tmp_path_factory) -> tuple[Path, list]:
    """The fixtures replayed once (a real process) and that store's listings: each cut starts from a copy."""
    path = fixtures_replayed(tmp_path_factory.mktemp("cut-pages"))
    return path, status(f"sqlite:///{path}")["listings"]


@pytest.mark.parametrize(("path", "marker"), CUTS)
def test_a_cut_page_keeps_the_complete_notice_and_says_so(replayed_once, tmp_path: Path, path: str, marker: str) -> None:
    store, before = replayed_once
    db = store_copy(store, tmp_path / "store.db")
    cut = tmp_path / "cut"
    (cut / path).parent.mkdir(parents=True)
    (cut / path).write_text(cut_after((FIXTURES / path).read_text(encoding="utf-8"), marker), encoding="utf-8")
    done = cli(db, "replay", str(cut), "--fetched-at", FETCHED.replace("29T", "30T"), "--as-of", AS_OF)
    assert "1 unusable" in done.out + done.err
    after = status(db)
    assert after["listings"] == before  # nothing withdrawn, nothing lifted or extended less
    url = "https://" + path
    assert any(i["kind"] == "unusable-page" and i["url"] == url for i in after["health_issues"]), after["health_issues"]


UEL_2023_1 = """不可靠实体清单工作机制关于将洛克希德·马丁公司、雷神导弹与防务公司列入不可靠实体清单的公告
【发布单位】安全与管制局
【发布文号】不可靠实体清单工作机制公告2023年第1号
【发文日期】2023年02月16日

不 可 靠 实 体 清 单 工 作 机 制
公    告
2023年 第1号
"""
UEL_2023_1_DECISION = """
为维护国家主权、安全和发展利益，不可靠实体清单工作机制依据《不可靠实体清单规定》第二条、第八条和第十条等有关规定，决定将参与对台湾地区军售的洛克希德·马丁公司（Lockheed Martin Corporation）、雷神导弹与防务公司（Raytheon Missiles & Defense）列入不可靠实体清单，并采取以下处理措施：
一、禁止上述企业从事与中国有关的进出口活动；
二、禁止上述企业在中国境内新增投资。
本公告自公布之日起实施。
"""


def test_a_page_cut_before_a_decision_that_states_no_count_keeps_the_stored_entities(tmp_path: Path) -> None:
    """UEL 2023年第1号 names its two companies in its title instead of counting them. Cut after its header (a
    whole line, no comma, no count to check), the copy replaced the stored one: Lockheed Martin and Raytheon
    left the list with no health problem (found while closing the page audit of session 12). Since session 15 the
    parser itself refuses the copy, which stops before its closing (no effective clause, no signature's date);
    the pipeline's own check of a listing that names nobody (``storage.shortread.names_nobody``) stays behind it."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    for name, text, day in (("whole", UEL_2023_1 + UEL_2023_1_DECISION, "29"), ("cut", UEL_2023_1, "30")):
        tree = tmp_path / name / "texts"
        tree.mkdir(parents=True)
        (tree / "uel-2023-1.txt").write_text(text, encoding="utf-8")
        done = cli(db, "replay", str(tree.parent), "--fetched-at", f"2026-11-{day}T00:00:00+00:00", "--as-of", AS_OF)
    assert "1 unusable" in done.out + done.err
    after = status(db)
    (row,) = [x for x in after["listings"] if x["notice_key"] == "UEL-2023-1"]
    assert (row["state"], row["entity_keys"]) == ("in_force", ["lockheedmartin", "raytheonmissilesanddefense"])
    assert any(i["kind"] == "unusable-page" and "before its closing" in i["detail"] for i in after["health_issues"])


@pytest.mark.parametrize(("path", "marker"), [(MFA_ORDER, "严重损害中国主权和领土完整。"),
                                              (MFA_ORDER, "本决定自2024年10月10日起施行。")])
def test_a_cut_mfa_decision_on_a_first_fetch_is_reported_then_read_whole(tmp_path: Path, path: str, marker: str) -> None:
    """The same cuts with nothing stored: the decision must not be missed silently (it read as 'other', or as 13
    targets keyed without their English names), nor stored short; once the whole page comes, it is read whole."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    url = "https://" + path
    cut = tmp_path / "cut"
    (cut / path).parent.mkdir(parents=True)
    (cut / path).write_text(cut_after((FIXTURES / path).read_text(encoding="utf-8"), marker), encoding="utf-8")
    done = cli(db, "replay", str(cut), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code == 1 and "1 unusable" in done.out + done.err
    first = status(db)
    assert first["listings"] == []  # nothing imposed on anyone, nothing to withdraw later
    (issue,) = [i for i in first["health_issues"] if i["url"] == url]
    assert issue["kind"] == "unusable-page" and "cut short" in issue["detail"], issue
    whole = tmp_path / "whole"
    (whole / path).parent.mkdir(parents=True)
    (whole / path).write_bytes((FIXTURES / path).read_bytes())
    cli(db, "replay", str(whole), "--fetched-at", FETCHED.replace("29T", "30T"), "--as-of", AS_OF)
    after = status(db)
    (row,) = after["listings"]
    assert (row["notice_key"], row["state"], len(row["entity_keys"])) == ("MFA-ORDER-2024-13", "in_force", 13)
    assert not [i for i in after["health_issues"] if i["url"] == url]


QA_CUTS = [
    # after a whole question (session 13)
    ("请问不可靠实体清单方面将如何调整？", "before its answer"),
    # after the answer's first sentence, which recounts the listings (session 15): a Q&A that does nothing, with
    # only the warning "no action found in the answer" and no health problem
    ("对一批美国实体采取了不可靠实体清单措施。", "announces a change"),
]


@pytest.mark.parametrize(("marker", "why"), QA_CUTS, ids=["question", "first-sentence"])
def test_a_qa_cut_before_its_decision_on_a_first_fetch_is_reported_then_read_whole(tmp_path: Path, marker: str,
                                                                                    why: str) -> None:
    """A Q&A cut after a whole question (tags closed, no comma, no bracket open), or after its answer's first
    sentence, was stored as a Q&A that does nothing, with no health problem: the lift of 〔2025〕5号/6号 and the
    extension of 7号 were missed until a whole copy came. Read whole, a question recounting history would even
    give a false action (session 13)."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    url = "https://" + QA_NOV
    cut = tmp_path / "cut"
    (cut / QA_NOV).parent.mkdir(parents=True)
    (cut / QA_NOV).write_text(cut_after((FIXTURES / QA_NOV).read_text(encoding="utf-8"), marker), encoding="utf-8")
    done = cli(db, "replay", str(cut), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code == 1 and "1 unusable" in done.out + done.err
    (issue,) = [i for i in status(db)["health_issues"] if i["url"] == url]
    assert issue["kind"] == "unusable-page" and why in issue["detail"], issue
    whole = tmp_path / "whole"
    (whole / QA_NOV).parent.mkdir(parents=True)
    (whole / QA_NOV).write_bytes((FIXTURES / QA_NOV).read_bytes())
    cli(db, "replay", str(whole), "--fetched-at", FETCHED.replace("29T", "30T"), "--as-of", AS_OF)
    assert not [i for i in status(db)["health_issues"] if i["url"] == url]


NO_55 = "www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_949f47563b834dad95b0010f375a892c.html"
NO_70 = "texts/mofcom-2025-70.txt"


@pytest.mark.parametrize("marker", ["第61号、第62号。", "现将有关事项公告如下："], ids=["before-closing", "after-preamble"])
def test_a_notice_cut_before_its_closing_on_a_first_fetch_is_reported_then_read_whole(tmp_path: Path,
                                                                                      marker: str) -> None:
    """2025 No. 70 (published 2025-11-07: "自2025年11月10日起至2026年11月10日，暂停实施…第55号、第56号…") fetched for the
    first time cut after a whole sentence (session 15). Cut before "本公告自2025年11月10日起正式实施", it read its title's
    suspension of No. 55 beside the body's, dated the day of publication: on 2025-11-08 No. 55 was "suspended since
    2025-11-07", open-ended, a false item. Cut after its preamble, it suspended No. 55 alone, silently. The copy
    stops before its closing: refused, a health problem; the whole page then reads whole."""
    db = f"sqlite:///{tmp_path / 'store.db'}"
    as_of = "2025-11-08"
    text = (FIXTURES / NO_70).read_text(encoding="utf-8")
    for run, no70 in (("cut", text[: text.index(marker) + len(marker)] + "\n"), ("whole", text)):
        tree = tmp_path / run
        for path in (NO_55, NO_70):
            (tree / path).parent.mkdir(parents=True)
        (tree / NO_55).write_bytes((FIXTURES / NO_55).read_bytes())
        (tree / NO_70).write_text(no70, encoding="utf-8")
        done = cli(db, "replay", str(tree), "--fetched-at", f"2025-11-0{8 if run == 'cut' else 9}T00:00:00+00:00",
                   "--as-of", as_of)
        state = json.loads(cli(db, "status", "--json", "--as-of", as_of).out)
        issues = [i for i in state["health_issues"] if i["url"] == "file:" + NO_70]
        if run == "cut":
            assert done.code == 1 and "1 unusable" in done.out + done.err, done.out + done.err
            assert state["listings"] == []  # nothing suspended by the cut copy, at no date
            (issue,) = issues
            assert issue["kind"] == "unusable-page" and "before its closing" in issue["detail"], issue
        else:
            assert issues == []
            (row,) = [x for x in state["listings"] if x["notice_key"] == "MOFCOM-2025-55"]
            assert (row["next_state"], row["next_from"], row["next_until"], row["next_by"]) == (
                "suspended", "2025-11-10", "2026-11-10", "MOFCOM-2025-70"), row
