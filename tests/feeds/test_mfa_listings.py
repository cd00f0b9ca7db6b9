"""MFA countermeasure decisions beside MOFCOM's lists, on the replayed fixtures (real CLI, real SQLite):
one entity across two ministries (timeline, status, per-entity and watchlist feeds), each item
saying which ministry issued it."""

from __future__ import annotations

import json

import feedparser
from typer.testing import CliRunner

from mofcom_watch.cli import app
from tests.feeds.replayed import AS_OF, write_feeds_cli

MFA_13 = "MFA-ORDER-2024-13"


def cli(db: str, *args: str):
    return CliRunner().invoke(app, ["--db", db, *args])


def test_timeline_skydio_lists_three_instruments_of_two_ministries(fixture_db):
    res = cli(fixture_db, "timeline", "skydio", "--as-of", AS_OF, "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["as_of"] == AS_OF and data["keys"] == ["skydio"] and data["type"] == "organization"
    rows = {(x["notice_key"], x["list"]): (x["number"], x["ministry"], x["issuer"], x["state"]["state"], x["state"]["since"])
            for x in data["listings"]}
    assert rows == {
        (MFA_13, "countermeasure"): ("外交部令第13号", "MFA", "外交部", "in_force", "2024-10-10"),
        ("MOFCOM-2025-13", "ecl"): ("商务部公告2025年第13号", "MOFCOM", "商务部", "lifted", "2025-11-10"),
        ("UEL-2025-7", "uel"): ("不可靠实体清单工作机制公告〔2025〕7号", "MOFCOM", "不可靠实体清单工作机制（商务部代章）",
                                "lapsed", "2026-11-11"),  # "1年" through 2026-11-10 (lapse43)
    }
    # as of a day before the MFA decision, that listing has not taken effect
    earlier = json.loads(cli(fixture_db, "timeline", "斯凯迪奥公司", "--as-of", "2024-10-09", "--json").stdout)
    assert all(x["notice_key"] != MFA_13 for x in earlier["listings"])


def test_a_person_has_a_type_and_the_role_as_a_note_not_in_the_name(fixture_db):
    res = cli(fixture_db, "timeline", "ADAM BRY", "--as-of", AS_OF, "--json")
    data = json.loads(res.stdout)
    assert (data["en"], data["zh"], data["type"]) == ("Adam Bry", "亚当·布赖", "individual")
    [listing] = data["listings"]
    assert listing["note"] == "斯凯迪奥公司联合创始人、首席执行官" and listing["ministry"] == "MFA"
    text = cli(fixture_db, "timeline", "亚当·布赖", "--as-of", AS_OF)
    assert "countermeasure list (MFA): MFA-ORDER-2024-13 外交部令第13号 [斯凯迪奥公司联合创始人、首席执行官]" in text.stdout


def test_status_includes_mfa_listings_with_their_ministry(fixture_db):
    data = json.loads(cli(fixture_db, "status", "--as-of", AS_OF, "--json").stdout)
    mfa = {r["notice_key"]: (r["ministry"], r["issuer"], r["list"], r["state"], r["entity_count"])
           for r in data["listings"] if r["notice_key"].startswith("MFA-")}
    assert mfa == {
        "MFA-ORDER-2022-4": ("MFA", "外交部", "countermeasure", "in_force", 2),
        MFA_13: ("MFA", "外交部", "countermeasure", "in_force", 13),
        "MFA-ORDER-2025-17": ("MFA", "外交部", "countermeasure", "in_force", 1),
    }
    assert {r["ministry"] for r in data["listings"] if not r["notice_key"].startswith("MFA-")} == {"MOFCOM"}


def test_entity_and_watchlist_feeds_carry_mfa_items_saying_who_issued_them(fixture_db, tmp_path):
    watch = tmp_path / "watch.csv"
    watch.write_text("name,note\nSKYDIO INC,drone supplier\nAdam Bry,person\n", encoding="utf-8")
    out = tmp_path / "feeds"
    res = write_feeds_cli(fixture_db, out, "--watchlist", str(watch))
    # 1: three fixture copies state more entities than they name, on purpose (fixtures/README.md)
    assert res.exit_code in (0, 1) and "Traceback" not in res.output, res.output

    skydio = feedparser.parse((out / "entity" / "skydio.atom").read_bytes())
    assert skydio.bozo == 0
    by_id = {e.id: e for e in skydio.entries}
    mfa_id = f"tag:mofcom-watch,2025:{MFA_13}/imposed/countermeasure/2024-10-10/skydio"
    assert mfa_id in by_id
    assert any(i.startswith("tag:mofcom-watch,2025:UEL-2025-7/") for i in by_id)
    assert any(i.startswith("tag:mofcom-watch,2025:MOFCOM-2025-13/") for i in by_id)
    mfa_item = by_id[mfa_id]
    assert "Ministry of Foreign Affairs (外交部)" in mfa_item.content[0].value
    assert {t.term for t in mfa_item.tags} == {"imposed", "countermeasure", "MFA"}
    for entry in skydio.entries:  # every item says its ministry, MOFCOM ones too
        assert {"MFA", "MOFCOM"} & {t.term for t in entry.tags}, entry.id

    person = feedparser.parse((out / "entity" / "adambry.atom").read_bytes())
    [item] = person.entries
    assert item.id == f"tag:mofcom-watch,2025:{MFA_13}/imposed/countermeasure/2024-10-10/adambry"
    assert "斯凯迪奥公司联合创始人、首席执行官" in item.content[0].value

    watchlist = feedparser.parse((out / "watchlist.atom").read_bytes())
    ids = {e.id for e in watchlist.entries}
    assert mfa_id in ids and item.id in ids
    assert any(i.startswith("tag:mofcom-watch,2025:UEL-2025-7/") and i.endswith("/skydio") for i in ids)

    counter = feedparser.parse((out / "countermeasure.atom").read_bytes())
    assert {e.id.split(":", 2)[2].split("/")[0] for e in counter.entries} >= {"MFA-ORDER-2022-4", MFA_13, "MFA-ORDER-2025-17"}
