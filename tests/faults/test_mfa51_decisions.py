"""Session 51's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa51,
mfa50): a person named after a post no rule cut and then again by the name alone (read twice before, one key: the store kept
one entity; each decree's persons once, and a lift of one lifts him there only), deletions from an earlier decree's list told "将X从…后附《反制清单》中删除" and "将…后附《反制裁清单》
中的“三、X…”删除" (refused as cut short, so the deleted stayed in force), and a lift naming one of "X等十二家企业" (mfa49/33, the
owner's question: it stays loud)."""

from __future__ import annotations

from pathlib import Path

from tests.faults.harness import cli
from tests.faults.test_mfa46_decisions import FETCHED, page, rows
from tests.faults.test_mfa46_decisions import replayed as replayed46
from tests.faults.test_mfa46_decisions import status as status46

AS_OF = "2045-12-31"
TWICE = """关于对美国密苏里州有关官员采取反制措施的决定
2044-04-03 10:00

（2044年4月3日中华人民共和国外交部令第531号公布，自2044年4月3日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对美国密苏里州总审计官艾伦·派克（Alan Pike）、密苏里州前州务卿杰伊·罗兹（Jay Rhodes）采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；

二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；

三、对艾伦·派克、杰伊·罗兹本人及其直系亲属不予签发签证、不准入境（包括香港、澳门）。

本决定自2044年4月3日起施行。

外交部
2044年4月3日
"""
LIFT_PIKE = """关于解除对艾伦·派克所采取反制措施的决定
2045-03-02 10:00

（2045年3月2日中华人民共和国外交部令第532号公布，自2045年3月2日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定解除外交部令2044年第531号对艾伦·派克（Alan Pike）采取的反制措施。

本决定自2045年3月2日起施行。

外交部
2045年3月2日
"""


def test_a_person_named_again_after_a_post_is_one_entity_and_his_lift_lifts_him(tmp_path: Path) -> None:
    db = replayed46(tmp_path, page("mfa51", "05"), page("mfa51", "17"), texts=(TWICE, LIFT_PIKE), as_of=AS_OF)
    code, state = status46(db, AS_OF)
    assert code == 0, state["health_issues"]
    for decree in ("MFA-ORDER-2044-505", "MFA-ORDER-2044-531"):
        keys = sorted(k for r in state["listings"] if r["notice_key"] == decree for k in r["entity_keys"])
        want = ["alanpike", "jayrhodes"] + (["missouristateinvestmentboard"] if decree.endswith("505") else [])
        assert keys == want, (decree, keys)  # each person once
    assert rows(state, "alanpike") == [("MFA-ORDER-2044-505", "in_force", "MFA-ORDER-2044-505"),
                                       ("MFA-ORDER-2044-531", "lifted", "MFA-ORDER-2045-532")]
    assert rows(state, "jayrhodes") == [("MFA-ORDER-2044-505", "lifted", "MFA-ORDER-2045-517"),
                                        ("MFA-ORDER-2044-531", "in_force", "MFA-ORDER-2044-531")]


def test_deletions_from_an_earlier_decrees_list_told_verb_last_remove(tmp_path: Path) -> None:
    db = replayed46(tmp_path, *(page("mfa51", case) for case in ("02", "06", "13", "26")), as_of=AS_OF)
    code, state = status46(db, AS_OF)
    assert code == 0, state["health_issues"]
    assert rows(state, "northernhumanrightscoalition") == [("MFA-ORDER-2044-506", "removed", "MFA-ORDER-2044-513")]
    assert rows(state, "carolking") == [("MFA-ORDER-2044-502", "removed", "MFA-ORDER-2044-526")]
    assert rows(state, "mapleleafinstitutefordemocracy") == [("MFA-ORDER-2044-506", "in_force", "MFA-ORDER-2044-506")]
    assert rows(state, "matthewgreen") == [("MFA-ORDER-2044-502", "in_force", "MFA-ORDER-2044-502")]


def test_a_lift_naming_one_of_twelve_stays_loud(tmp_path: Path) -> None:
    tree = tmp_path / "site" / "texts"
    tree.mkdir(parents=True)
    for case in ("01", "26"):
        (tree / page("mfa50", case).name).write_bytes(page("mfa50", case).read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path / "site"), "--fetched-at", FETCHED, "--as-of", "2043-12-31")
    assert done.code != 0, done.out
    # (session 60, resp60: read as a lift of all of No. 401 by its count, "等十二家企业"; No. 401 lists 12 companies and 5
    # executives, so the engine holds it, loud: before, Red Falcon alone was lifted, with a count warning)
    assert ('MFA-ORDER-2043-426: count mismatch: "外交部令2042年第401号" is acted on for 12 entities, but the stored '
            "MFA-ORDER-2042-401 lists 17") in done.err, done.err
    code, state = status46(db, "2043-12-31")
    assert code != 0 and any("count mismatch" in p for p in state["problems"]), state["problems"]
    for held in ("redfalconmissilesystems", "ironwallairdefense"):  # none lifted until a person reads it
        assert rows(state, held) == [("MFA-ORDER-2042-401", "in_force", "MFA-ORDER-2042-401")]


LIFT_ON_A_DAY = """关于停止对山本健一采取反制措施的决定
2045-06-01 10:00

（2045年6月1日中华人民共和国外交部令第560号公布，自2045年6月1日起施行）

依据《中华人民共和国反外国制裁法》第十五条规定，中方决定于2045年7月1日停止执行外交部令2044年第507号对山本健一（Yamamoto Kenichi）采取的反制措施。

本决定自2045年6月1日起施行。

外交部
2045年6月1日
"""


def test_a_lift_on_a_day_told_with_no_qi_lifts_from_that_day(tmp_path: Path) -> None:
    """"中方决定于2045年7月1日停止执行…": lifted from 2045-06-01 before, a month early, silently."""
    db = replayed46(tmp_path, page("mfa51", "07"), texts=(LIFT_ON_A_DAY,), as_of="2045-06-15")
    for as_of, want in (("2045-06-15", ("MFA-ORDER-2044-507", "in_force", "MFA-ORDER-2044-507")),
                        ("2045-07-02", ("MFA-ORDER-2044-507", "lifted", "MFA-ORDER-2045-560"))):
        code, state = status46(db, as_of)
        assert code == 0, state["health_issues"]
        assert rows(state, "yamamotokenichi") == [want], as_of
