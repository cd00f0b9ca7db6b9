"""A term an MFA amendment sets on what it adds ("对上述增列的企业采取的反制措施，期限为3年。"): the added names' listing ends
with it, the decision's own names stay in force (session 19, mfa19; before, the term was not read)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from scraper.parse import parse_text
from storage.lifecycle import derive
from storage.records import ListingState
from tests.storage.test_lifecycle_corpus import stored

LAW = "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"
DECISION = ("关于对美国军工企业采取反制措施的决定\n2024-12-27 16:00\n\n（2024年12月27日中华人民共和国外交部令第16号公布，"
            "自2024年12月27日起施行）\n\n" + LAW + "中方决定对银杉复合材料公司（Silverfir Composites LLC）采取反制措施，冻结其在我国"
            "境内的动产、不动产和其他各类财产。\n\n本决定自2024年12月27日起施行。\n\n外交部\n2024年12月27日\n")
AMENDMENT = ("关于修改《关于对美国军工企业采取反制措施的决定》的决定\n2026-10-15 16:00\n\n（2026年10月15日中华人民共和国外交部令第36号"
             "公布，自2026年10月15日起施行）\n\n" + LAW + "中方决定对2024年12月27日《关于对美国军工企业采取反制措施的决定》（外交部令第16号）"
             "作如下修改：\n\n一、在《反制清单》“一、企业”中增列：\n（二）铁杉无人系统公司（Hemlock Unmanned Systems, Inc.）\n\n"
             "对上述增列的企业采取的反制措施，期限为3年。\n\n本决定自2026年10月15日起施行。\n\n外交部\n2026年10月15日\n")


def test_an_amendments_term_ends_its_additions_only() -> None:
    decision, amendment = parse_text(DECISION), parse_text(AMENDMENT)
    assert decision is not None and amendment is not None and amendment.actions[0].until == date(2029, 10, 15)
    known = [stored(decision, fetched=datetime(2024, 12, 27, 9, 0, tzinfo=timezone.utc)),
             stored(amendment, fetched=datetime(2026, 10, 15, 9, 0, tzinfo=timezone.utc))]
    before = derive(known, date(2029, 10, 14))
    assert {(r.notice_key, r.state) for r in before.states} == {
        ("MFA-ORDER-2024-16", ListingState.IN_FORCE), ("MFA-ORDER-2026-36", ListingState.IN_FORCE)}
    after = derive(known, date(2029, 10, 15))
    assert {(r.notice_key, r.state) for r in after.states} == {
        ("MFA-ORDER-2024-16", ListingState.IN_FORCE), ("MFA-ORDER-2026-36", ListingState.LIFTED)}
    assert after.problems == ()
