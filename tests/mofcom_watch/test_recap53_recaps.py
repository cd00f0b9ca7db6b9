"""session 53, recap53: recap52's rule "a day the notice states takes a recap" through a real ``replay`` into a real
SQLite file (tests/data/recap53; texts composed, facts invented for 2026).

The engine read the days a notice states from its text, which the store does not keep (``NoticeRecord.to_json`` drops
it): through ``replay``, ``run`` and ``status`` no such day was ever read, and an answer "商务部已于2026年11月30日决定，停止
实施…第23号…相关措施" of No. 90 (published 2026-12-03, signed "2026年11月30日" at its foot) was a false problem, exit 1
(review63's B1). The parser now records the days a notice states of itself before it was published
(``NoticeRecord.stated_days``, kept in its JSON) and the engine reads those.

One store, one answer naming two notices: No. 23's lift (No. 90, signed 11-30) takes it; No. 24's (No. 91, signed on
its publication day 12-03) does not, and the problem names No. 24 alone (recap52's ``lift_decided_other_day``: the same
with one notice).

An end told ("…至2028年8月28日") of a stored extension by a period ("暂停期限延长1年") is compared with the end the engine
counts for it (review63's open B: never compared, quiet whatever the end).

``timeline`` names the engine problems on a listing it shows (``EntityListing.problems``; review63: it said nothing of
them, exit 0, where ``status`` exits 1).
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.mofcom_watch.stories import REPO, Store, cached, invoke, row

DATA = REPO / "tests" / "data" / "recap53"
FETCHED = "2026-12-06T02:00:00+00:00"
TODAY = "2026-12-06"


@pytest.fixture(scope="module")
def stores() -> dict[str, Store]:
    return {}


def test_a_day_the_notice_states_at_its_foot_takes_a_recap_in_the_store(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    store = cached(stores, tmp_path_factory, DATA / "stated_sign_day", FETCHED, TODAY, "r53")
    got = [p for p in store.status(TODAY)["__problems__"] if "recounts" in p]
    assert len(got) == 1 and "recounts the lift of MOFCOM-2026-24 from 2026-11-30: no stored notice does this" in got[0], got
    assert "stored: MOFCOM-2026-91 lifts it from 2026-12-03" in got[0] and "MOFCOM-2026-23" not in got[0].split(":")[1]
    for key, by in (("MOFCOM-2026-23", "MOFCOM-2026-90"), ("MOFCOM-2026-24", "MOFCOM-2026-91")):
        got_row = row(store, TODAY, key)
        assert (got_row["state"], got_row["since"], got_row["by"]) == ("lifted", "2026-12-03", by)
    with sqlite3.connect(store.db.removeprefix("sqlite:///")) as db:  # what the store keeps: the day, not the text
        kept = dict(db.execute("select key, record_json from notice where key like 'MOFCOM-2026-9_'").fetchall())
    assert json.loads(kept["MOFCOM-2026-90"])["stated_days"] == ["2026-11-30"]
    assert "stated_days" not in json.loads(kept["MOFCOM-2026-91"])  # signed on its publication day: omitted
    # timeline: the problem on No. 24's listing, said under its heading and in its JSON; none on No. 23's (review63:
    # `timeline` showed "lifted since 2026-12-03" with no word while `status` exited 1)
    on_24 = store.timeline("北岬光电公司", TODAY)["listings"]
    assert [len(one.get("problems", ())) for one in on_24] == [1] and "MOFCOM-2026-24 from 2026-11-30" in on_24[0]["problems"][0]
    assert [one.get("problems") for one in store.timeline("艾维奥克斯公司", TODAY)["listings"]] == [None]
    said = invoke(store.db, "timeline", "North Cape Photonics", "--as-of", TODAY, env=store.env)
    assert said.exit_code == 0 and "  problem (a person should read it; `mofcom-watch status` lists it): QA-2026-12-05-" in said.stdout


def test_an_end_told_otherwise_than_a_stored_extension_by_a_period_counts_is_a_problem(
        stores: dict[str, Store], tmp_path_factory: pytest.TempPathFactory) -> None:
    """review63's story term_by_period_to_day with the answer's end moved: No. 70 suspends No. 23 to 2027-02-28, No. 9
    "…相关措施的暂停期限延长1年" (a period, no end of its own: the engine counts 2028-02-28), an answer "…暂停实施商务部公告2026年
    第23号相关措施至2028年8月28日". Was quiet (an end told was not compared with an extension by a period): now a problem naming
    No. 9's step; the store follows No. 9 (the recap is never applied). The end told right (2028-02-28) stays quiet
    (tests/mofcom_watch/test_review63_recaps.py)."""
    store = cached(stores, tmp_path_factory, DATA / "end_by_period_other", FETCHED, "2027-03-08", "r53e")
    got = [p for p in store.status("2027-03-08")["__problems__"] if "recounts" in p]
    assert len(got) == 1 and "recounts the suspension of MOFCOM-2026-23 from 2027-02-20 to 2028-08-28: no stored notice " \
        "does this" in got[0], got
    assert "stored: MOFCOM-2027-9 extends the suspension of it from 2027-02-20 for P1Y, counted to 2028-02-28;" in got[0], got
    got_row = row(store, "2027-03-08", "MOFCOM-2026-23")
    assert (got_row["state"], got_row["until"], got_row["by"]) == ("suspended", "2028-02-28", "MOFCOM-2027-9")
