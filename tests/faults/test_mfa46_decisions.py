"""Session 46's MFA fixes through the CLI, in real processes into a real SQLite store (the decrees: tests/data/corpus/mfa45
and mfa46): a person screened by the name in his own script (session 45's open B: "김태훈" found no one), "前述决定" after one
decree named (read as that decree: the person on another decree stays in force), and a decree in force from "零时" of a
later day (in force from publication before, 11 days early)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus"
FETCHED = "2026-12-05T00:00:00+00:00"
AS_OF = "2031-01-15"
ANOTHER = """关于对黄淑芬等人采取反制措施的决定
2029-08-08 10:00

（2029年8月8日中华人民共和国外交部令第90号公布，自2029年8月8日起施行）

依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，中方决定对台湾地区黄淑芬（Huang Shu-fen）、王志强（Wang Chih-chiang）采取以下反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、禁止我国境内的组织、个人与其进行有关交易、合作等活动。

本决定自2029年8月8日起施行。

外交部
2029年8月8日
"""


def page(corpus: str, case: str) -> Path:
    return next(p for p in (CORPUS / corpus).glob(f"{case}-*") if not p.name.endswith(".json"))


def replayed(tmp_path: Path, *pages: Path, texts: tuple[str, ...] = (), as_of: str = AS_OF) -> str:
    tree = tmp_path / "site" / "texts"
    tree.mkdir(parents=True)
    for i, p in enumerate(pages):
        (tree / f"{i:02d}-{p.name}").write_bytes(p.read_bytes())
    for i, text in enumerate(texts):
        (tree / f"x{i}.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    done = cli(db, "replay", str(tmp_path / "site"), "--fetched-at", FETCHED, "--as-of", as_of)
    assert done.code == 0, done.out + done.err
    return db


def status(db: str, as_of: str = AS_OF) -> tuple[int, dict]:
    done = cli(db, "status", "--json", "--as-of", as_of)
    return done.code, json.loads(done.out)


def rows(state: dict, key: str) -> list[tuple[str, str, str]]:
    return sorted((r["notice_key"], r["state"], r["by"]) for r in state["listings"] if key in r["entity_keys"])


def test_a_person_is_found_by_the_name_in_his_own_script(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa45", "02"), page("mfa46", "12"))
    for name, who, decree in (("김태훈", "kimtaehoon", "MFA-ORDER-2027-42"), ("Іван Петренко", "ivanpetrenko", "MFA-ORDER-2027-42"),
                              ("やまだ けんいち", "yamadakenichi", "MFA-ORDER-2027-42"),
                              ("გიორგი ბერიძე", "giorgiberidze", "MFA-ORDER-2030-82"),
                              ("สมชาย วัฒนา", "somchaiwattana", "MFA-ORDER-2030-82")):
        shown = cli(db, "timeline", name, "--as-of", AS_OF)
        assert shown.code == 0, (name, shown.err)
        assert f"key {who}," in shown.out and decree in shown.out, (name, shown.out)
    csv = tmp_path / "people.csv"
    csv.write_text("name,country\n김태훈,KR\nგიორგი ბერიძე,\nJohn Nobody,US\n", encoding="utf-8")
    screened = cli(db, "screen", str(csv), "--as-of", AS_OF)
    assert screened.code == 1, screened.err  # hits
    assert "Kim Tae-hoon, alias given by notice 外交部令第42号" in screened.out
    assert "Giorgi Beridze, alias given by notice 外交部令第82号" in screened.out
    code, state = status(db)
    assert code == 0 and rows(state, "kimtaehoon") == [("MFA-ORDER-2027-42", "in_force", "MFA-ORDER-2027-42")]


def test_qianshu_jueding_after_one_decree_lifts_on_that_decree_alone(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa46", "06"), page("mfa46", "09"), texts=(ANOTHER,))
    code, state = status(db)
    assert rows(state, "huangshufen") == [("MFA-ORDER-2029-74", "lifted", "MFA-ORDER-2030-79"),
                                          ("MFA-ORDER-2029-90", "in_force", "MFA-ORDER-2029-90")]
    assert rows(state, "chenchienhung") == [("MFA-ORDER-2029-74", "in_force", "MFA-ORDER-2029-74")]
    assert code == 0 and state["unresolved_references"] == []


def test_a_decree_in_force_from_midnight_of_a_later_day(tmp_path: Path) -> None:
    db = replayed(tmp_path, page("mfa46", "15"))
    _, before = status(db, "2030-09-30")
    assert rows(before, "arcturusspacesystems") == [("MFA-ORDER-2030-85", "announced", "MFA-ORDER-2030-85")]
    _, after = status(db, "2030-10-01")
    assert rows(after, "arcturusspacesystems") == [("MFA-ORDER-2030-85", "in_force", "MFA-ORDER-2030-85")]
