"""English versions of MFA countermeasure decisions (www.fmprc.gov.cn/eng/…), scraper/parse/mfa/.

Before session 16 such a page read as "other", silently: nothing said it was the English version of a decision. No
official English text is described in shared/domain.md (b.7 names the Chinese channel only), so the Chinese decision
stays the one read; the English page is now a report of it (kind news, linked by the decision's key, no entities,
never a state change) with a warning saying what it is. The page below is written for this test after the fmprc
layout (session 15's audit case 21); the wording is the test's, not the MFA's."""

from __future__ import annotations

from datetime import date

from scraper.parse import parse_document, parse_text
from storage.records import DocumentKind, NoticeKind, NoticeRef
from tests.storage.test_lifecycle_yearless_orders import IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13, derived, states

URL = "https://www.fmprc.gov.cn/eng/wjbxw/202410/t20241010_11505622.html"
TITLE = "Decision on Taking Countermeasures Against U.S. Military Companies and Senior Executives"
BODY = (
    "<p>(Promulgated by Decree No. 13 of the Ministry of Foreign Affairs of the People's Republic of China on "
    "October 10, 2024, and effective as of October 10, 2024)</p>"
    "<p>In accordance with Articles 3, 4, 5, 6, 9 and 15 of the Anti-Foreign Sanctions Law of the People's Republic "
    "of China, China decides to take countermeasures against the following U.S. military companies:</p>"
    "<p>1. The property in China of Edge Autonomy Operations LLC, Huntington Ingalls Industries Inc. and Skydio Inc., "
    "the three companies listed in the annexed Countermeasure List, shall be frozen.</p>"
    "<p>This Decision shall take effect as of October 10, 2024.</p><p>Annex: Countermeasure List</p>"
    "<p>Ministry of Foreign Affairs</p><p>October 10, 2024</p><p>Countermeasure List</p><p>I. Companies</p>"
    "<p>(1) Edge Autonomy Operations LLC</p><p>(2) Huntington Ingalls Industries Inc.</p><p>(3) Skydio Inc.</p>"
)
PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<meta name=\"SiteName\" content=\"Ministry of Foreign Affairs of the People's Republic of China\">"
    f'<meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2024-10-10 19:00">'
    f"<title>{TITLE}</title></head><body><div class=\"vw-main\"><div class=\"news-main\">"
    f'<h1 id="News_Body_Title">{TITLE}</h1><p class="time"><span>2024-10-10 19:00</span></p>'
    f'<div id="News_Body_Txt_A"><div class="TRS_Editor">{BODY}</div></div></div></div></body></html>'
)
WARNING = ("an English version of MFA decree No. 13 of 2024: the Chinese decision (外交部令第13号, MFA-ORDER-2024-13) is "
           "authoritative and is read from www.mfa.gov.cn; this page is kept as a report of it and changes no state")


def test_an_english_decision_page_is_a_report_of_the_chinese_decision_and_says_so() -> None:
    doc = parse_document(PAGE.encode("utf-8"), url=URL)
    assert doc.kind is DocumentKind.NOTICE and doc.notice is not None
    rec = doc.notice
    assert (rec.kind, rec.key.startswith("NEWS-"), rec.published, rec.entities, rec.actions) == (
        NoticeKind.NEWS, True, date(2024, 10, 10), (), ())
    assert [(r.key, r.list) for r in rec.references] == [("MFA-ORDER-2024-13", "countermeasure")]
    assert doc.warnings == (WARNING,)
    # a report never changes a state: the decision's own listing stays as the Chinese page made it
    assert states(derived(rec)) == [IN_FORCE_4_2022, IN_FORCE_4_2023, IN_FORCE_13]


def test_a_plain_text_copy_without_the_promulgation_date_keeps_the_number_as_written() -> None:
    text = ("Decision on Taking Countermeasures Against Test Person C\n\n(Ministry of Foreign Affairs Decree No. 17)\n\n"
            "China decides to take countermeasures against Test Person C under the Anti-Foreign Sanctions Law.\n")
    rec = parse_text(text)
    assert rec is not None and rec.kind is NoticeKind.NEWS
    assert rec.references == (NoticeRef(text="Ministry of Foreign Affairs Decree No. 17", list="countermeasure",
                                        series="MFA-ORDER", number=17),)
    assert rec.warnings[0].startswith("an English version of MFA decree No. 17: the Chinese decision (外交部令第17号) ")


def test_english_text_naming_no_countermeasure_is_not_one() -> None:
    assert parse_text("Ministry of Foreign Affairs Decree No. 3\n\nRules on consular fees.\n") is None
