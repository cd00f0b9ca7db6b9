"""An index's answer held against its last copy (scraper.continuity): another page is told from the index.

The pure rule; tests/faults/test_wrong_index.py runs it through real ``run`` processes against a local site.
"""

from __future__ import annotations

from scraper.continuity import Name, judge, page_name, runs_newest_first

U = [f"https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_{i:032x}.html" for i in range(40)]
POLICY = Name("政策发布", "政策发布")
HOME = Name(None, "中华人民共和国商务部")


def held_all(urls):
    return set(urls)


def held_none(_urls):
    return set()


def test_same_links_is_the_index():
    assert judge("i", U[:10], U[:10], POLICY, POLICY, held_all) is None


def test_new_links_push_old_ones_off():
    assert judge("i", U[2:12], U[:10], POLICY, POLICY, held_all) is None


def test_a_page_of_new_links_pushing_every_old_one_off():
    assert judge("i", U[20:30], U[:10], POLICY, POLICY, held_none) is None


def test_a_page_of_new_links_under_another_name_is_another_page():
    """A page's worth of links never seen, none of the last copy's, under another name: another index answered
    (health39 L09: the English press index answering www's Chinese policy index); under the same name, new notices."""
    def held_old(urls):
        return set(U[:10]) & set(urls)

    press = Name(None, "Press Conference")
    assert judge("i", U[:10], U[20:40], POLICY, POLICY, held_old) is None
    verdict = judge("i", U[:10], U[20:40], press, POLICY, held_old)
    assert verdict is not None and verdict.wrong and "none of the 10 links" in verdict.detail, verdict


def test_none_of_the_last_links_is_another_page():
    verdict = judge("i", U[:10], U[20:25], POLICY, POLICY, held_all)
    assert verdict is not None and verdict.wrong and "none of the 10 links" in verdict.detail


def test_none_left_but_the_old_links_are_no_longer_held():
    """Every link of the last copy failed or was withdrawn: said on their own pages, not here."""
    assert judge("i", U[:10], U[20:25], POLICY, POLICY, lambda urls: set(urls) - set(U[:10])) is None


def test_a_tiny_last_copy_says_too_little():
    assert judge("i", U[:2], U[20:21], POLICY, POLICY, held_all) is None


def test_stale_copy_lacks_the_newest():
    verdict = judge("i", U[:10], U[3:13], POLICY, POLICY, held_all)
    assert verdict is not None and verdict.wrong and "3 newest" in verdict.detail


def test_a_withdrawn_newest_notice_is_its_own_problem():
    assert judge("i", U[:10], U[1:11], POLICY, POLICY, lambda urls: set(urls) - {U[0]}) is None


def test_home_page_keeping_the_newest_link_is_another_page():
    verdict = judge("i", U[:10], [U[0], U[30], U[31]], POLICY, HOME, held_all)
    assert verdict is not None and verdict.wrong and "中华人民共和国商务部" in verdict.detail


def test_fewer_rows_under_the_same_name_is_a_note():
    verdict = judge("i", U[:20], U[:15], POLICY, POLICY, held_all)
    assert verdict is not None and not verdict.wrong


def test_renamed_column_with_its_links_is_a_note():
    verdict = judge("i", U[:10], U[:10], POLICY, Name("政策文件", "政策文件"), held_all)
    assert verdict is not None and not verdict.wrong


def test_json_lists_have_no_name():
    assert judge("i", U[:10], U[:10], Name(None, None), Name(None, None), held_all) is None
    verdict = judge("i", U[:10], U[5:15], Name(None, None), Name(None, None), held_all)
    assert verdict is not None and verdict.wrong


def test_page_name_reads_the_head():
    text = ('<html><head><meta charset="utf-8"><meta content="政策发布" name="ColumnName">'
            '<title>\n 政策发布 &amp; 解读 </title></head></html>')
    assert page_name(text) == Name("政策发布", "政策发布 & 解读")
    assert page_name('{"success":true}') == Name(None, None)


def test_a_new_link_on_top_in_place_of_the_newest():
    """One notice withdrawn (or moved to a new URL) as another comes in: no stale copy."""
    assert judge("i", U[:10], [U[30], *U[1:10]], POLICY, POLICY, held_all) is None


def test_a_stale_copy_with_older_links_below():
    """An older copy: the last copy's top gone, links pushed off since back at the bottom."""
    verdict = judge("i", U[:10], U[3:13], POLICY, POLICY, held_all)
    assert verdict is not None and verdict.wrong


def test_no_link_at_all_is_left_to_zero_links():
    assert judge("i", U[:10], [], POLICY, HOME, held_all) is None


def test_a_home_page_plan_is_not_held_to_one_list():
    """aqygzj's home page (headlines and blocks rotate) is read for links, not held to its last copy."""
    from datetime import date

    from scraper.sources.aqygzj import AqygzjSource
    from scraper.sources.base import Mode

    home, listed = AqygzjSource(name="aqygzj", host="aqygzj.mofcom.gov.cn").plans(Mode.UPDATE, date(2026, 12, 1), None)
    assert not home.one_list and listed.one_list


def test_a_shrunk_index_is_a_shrunk_verdict_named_after_the_copy_it_is_held_to():
    """fetch21: the crawler keeps an index-shrunk warning while the index stays short of its whole copy."""
    verdict = judge("i", U[:10], U[:7], POLICY, POLICY, held_all, held_to="its whole copy")
    assert verdict is not None and not verdict.wrong and verdict.shrunk and "of its whole copy gone" in verdict.detail
    renamed = judge("i", U[:10], U[:10], POLICY, Name("政策公告", "政策公告"), held_all)
    assert renamed is not None and not renamed.shrunk


def test_an_annual_index_named_for_another_year_is_another_page():
    """fetch21, G4: with no last copy (a first run, a new year's index) the name still tells another year's page."""
    from pathlib import Path

    from scraper.continuity import other_year

    site = Path(__file__).parents[2] / "fixtures" / "www.mofcom.gov.cn" / "zcfb" / "blgg" / "gg"
    for year in (2024, 2025):  # every annual index of the fixtures is its own year's
        name = page_name((site / str(year) / "index.html").read_text(encoding="utf-8"))
        assert other_year("i", name, year) is None, name
        wrong = other_year("i", name, year + 1)
        assert wrong is not None and wrong.wrong and f"named for {year}" in wrong.detail
    assert other_year("i", Name("2026年公告", "2025年公告"), 2026) is None  # a stale meta beside the right title
    assert other_year("i", Name("公告", "公告"), 2026) is None  # a name without a year says nothing
    assert other_year("i", Name(None, "中华人民共和国商务部"), 2026) is None


def test_links_that_gained_or_lost_a_query_are_the_same_notices():
    """health37 H63: a list whose links lost their "?source=list" listed "none of the links its last copy listed": a
    wrong page for good (the answer is not stored, so the next is held to the same copy)."""
    tagged = [f"{u}?source=list" for u in U[:10]]
    asked: list[str] = []

    def held(urls):
        asked.extend(urls)
        return set(urls)

    assert judge("i", tagged, U[:10], POLICY, POLICY, held) is None
    assert judge("i", U[:10], tagged, POLICY, POLICY, held_all) is None
    assert set(asked) == set(tagged)  # the store is asked for the links as it holds them
    assert judge("i", tagged, U[10:20], POLICY, HOME, held_all).wrong  # another page still is one


def test_a_list_turned_oldest_first_is_not_the_list():
    """health38 K79: page 1 of a list of 11 at 8 a page, newest first, then oldest first: 6 links shared, reversed."""
    oldest_first = list(reversed([U[39], *U[:10]]))[:8]  # one new notice (U[39]), all eleven oldest first: the 8 oldest
    verdict = judge("i", U[:8], oldest_first, POLICY, POLICY, held_all)
    assert verdict is not None and verdict.wrong and "in reverse order" in verdict.detail, verdict


def test_a_row_moved_to_the_top_is_no_reversal():
    """A notice re-dated or pinned (one row moved to the top): the others keep their order."""
    assert judge("i", U[:10], [U[9]] + U[:9], POLICY, POLICY, held_all) is None
    assert judge("i", U[:3], [U[2], U[0], U[1]], POLICY, POLICY, held_all) is None
    assert judge("i", U[:5], [U[1], U[0], *U[2:5]], POLICY, POLICY, held_all) is None  # two swapped


def test_links_reversed_while_the_answer_runs_newest_first_by_its_dates_are_the_index_again():
    """health41 N32: a 3-row index answered oldest first sharing 2 links with its last copy (too few to call it
    reversed) was stored; newest first again, the answer shared 3 links with it in reverse order and was another page,
    every run, for good. The answer's own dates running newest first say the last copy was the reversed one."""
    verdict = judge("i", U[:3][::-1], U[:3], POLICY, POLICY, held_all, newest_first=True)
    assert verdict is not None and not verdict.wrong and "its last copy was read oldest first" in verdict.detail
    assert judge("i", U[:3][::-1], U[:3], POLICY, POLICY, held_all).wrong  # (no dates: as before, health38 K79)


def test_runs_newest_first_reads_the_rows_own_dates():
    from datetime import date

    d = [date(2025, 9, 8), date(2024, 10, 10), date(2022, 12, 23)]
    assert runs_newest_first(d) and runs_newest_first([d[0], None, d[1], d[1], d[2]])
    assert not runs_newest_first(d[::-1])  # oldest first
    assert not runs_newest_first([d[2], d[0], d[1]])  # a pinned old row on top says nothing
    assert not runs_newest_first(d[:2]) and not runs_newest_first([d[0]] * 3) and not runs_newest_first([None] * 3)
