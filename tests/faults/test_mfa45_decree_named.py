"""MFA decisions naming the decree they act on in ways session 45's blind round (mfa45) found unread, replayed through
the CLI in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa45; the second decree listing
the same person is this test's). A step with no decree read was applied by the engine to the named person on EVERY
decree listing him: one person on Nos. 42 and 70, a lift meaning No. 42 alone, gave a false "Lifted" on No. 70 too,
silently. Each form is now read (令 after the number, a title alone) or held for a person ("前述决定")."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "mfa45"
NO_42 = CORPUS / "02-persons-three-scripts-annex.txt"  # 金泰勋, 伊万·彼得连科, 山田健一 (Hangul, Cyrillic, kana beside the Latin)
FETCHED = "2026-12-05T00:00:00+00:00"
AS_OF = "2028-12-01"
NO_70 = """关于对山田健一等人采取反制措施的决定
2028-02-02 15:00

（2028年2月2日中华人民共和国外交部令第70号公布，自2028年2月2日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对日本众议院议员山田健一（Yamada Kenichi）、日本参议院议员佐藤由美（Sato Yumi）采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；
三、对其本人不予签发签证、不准入境（包括香港、澳门）。

本决定自2028年2月2日起施行。

外交部
2028年2月2日
"""
LIFT = """关于解除对山田健一反制措施的决定
2028-06-20 15:30

（2028年6月20日中华人民共和国外交部令第75号公布，自2028年6月20日起施行）

{reasons}鉴于山田健一（Yamada Kenichi）已公开表示恪守一个中国原则，中方决定自即日起解除{decree}对山田健一采取的反制措施。

本决定自2028年6月20日起施行。

外交部
2028年6月20日
"""
DATED = "2027年5月20日，中方依据《中华人民共和国反外国制裁法》有关规定，决定对金泰勋等3名窜访中国台湾地区的外国议员采取反制措施。"


def replayed(tmp_path: Path, *texts: str) -> tuple[int, dict]:
    tree = tmp_path / "site" / "texts"
    tree.mkdir(parents=True)
    (tree / "a-42.txt").write_bytes(NO_42.read_bytes())
    (tree / "b-70.txt").write_text(NO_70, encoding="utf-8")
    for i, text in enumerate(texts):
        (tree / f"c-{i}.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path / "site"), "--fetched-at", FETCHED, "--as-of", AS_OF)
    assert done.code in (0, 1), done.err
    status = cli(db, "status", "--json", "--as-of", AS_OF)
    return status.code, json.loads(status.out)


def yamada(status: dict) -> list[tuple[str, str, str]]:
    return sorted((row["notice_key"], row["state"], row["by"]) for row in status["listings"]
                  if "yamadakenichi" in row["entity_keys"])


def test_ling_after_the_number_names_that_decree_alone(tmp_path: Path) -> None:
    for decree in ("外交部2027年第42号令", "2027年第42号外交部令", "2027年5月20日第42号外交部令", "外交部第42号令"):
        code, status = replayed(tmp_path / decree, LIFT.format(reasons="", decree=decree))
        assert yamada(status) == [("MFA-ORDER-2027-42", "lifted", "MFA-ORDER-2028-75"),
                                  ("MFA-ORDER-2028-70", "in_force", "MFA-ORDER-2028-70")], decree
        assert code == 0 and status["unresolved_references"] == [], decree


def test_a_title_alone_names_the_stored_decision_of_that_title(tmp_path: Path) -> None:
    code, status = replayed(tmp_path, LIFT.format(reasons="", decree="《关于对韩国、乌克兰、日本有关人员采取反制措施的决定》"))
    assert yamada(status) == [("MFA-ORDER-2027-42", "lifted", "MFA-ORDER-2028-75"),
                              ("MFA-ORDER-2028-70", "in_force", "MFA-ORDER-2028-70")]
    assert code == 0 and status["unresolved_references"] == []


def test_a_title_no_stored_decision_has_is_unresolved_never_applied_by_name(tmp_path: Path) -> None:
    code, status = replayed(tmp_path, LIFT.format(reasons="", decree="《关于对日本有关人员采取反制措施的决定》"))
    assert yamada(status) == [("MFA-ORDER-2027-42", "in_force", "MFA-ORDER-2027-42"),
                              ("MFA-ORDER-2028-70", "in_force", "MFA-ORDER-2028-70")]
    assert code == 1 and "has that title" in status["unresolved_references"][0]["summary"]


def test_qianshu_jueding_is_held_for_a_person_never_applied_to_every_decree(tmp_path: Path) -> None:
    for word in ("前述决定", "前次决定"):
        code, status = replayed(tmp_path / word, LIFT.format(reasons=DATED, decree=word))
        assert yamada(status) == [("MFA-ORDER-2027-42", "in_force", "MFA-ORDER-2027-42"),
                                  ("MFA-ORDER-2028-70", "in_force", "MFA-ORDER-2028-70")], word
        assert code == 1
        assert any(issue["kind"] == "unusable-page" and word in issue["detail"] and "needs-review" in issue["detail"]
                   for issue in status["health_issues"]), word


def test_a_person_named_in_three_scripts_is_found_by_his_latin_name(tmp_path: Path) -> None:
    # "伊万·彼得连科（Іван Петренко，Ivan Petrenko）": keyed with the Cyrillic, a lift naming "Ivan Petrenko" was unresolved
    lift = (LIFT.replace("山田健一（Yamada Kenichi）已公开表示恪守一个中国原则", "伊万·彼得连科（Ivan Petrenko）已卸任议员职务")
            .replace("对山田健一采取", "对伊万·彼得连科（Ivan Petrenko）采取"))
    code, status = replayed(tmp_path, lift.format(reasons="", decree="外交部令第42号"))
    [row] = [row for row in status["listings"] if "ivanpetrenko" in row["entity_keys"]]
    assert (row["notice_key"], row["state"], row["by"]) == ("MFA-ORDER-2027-42", "lifted", "MFA-ORDER-2028-75")
    assert code == 0 and status["unresolved_references"] == []
