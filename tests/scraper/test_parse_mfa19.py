"""MFA decisions the session 19 blind audit (mfa19) found read wrongly, each in the wording that broke it (the whole
texts are tests/data/corpus/mfa19/, composed; names and numbers are illustrative)."""

from __future__ import annotations

from scraper.parse import parse_document
from storage.records import NoticeRecord

HEAD = "{title}\n{day} 16:00\n\n（{cn}中华人民共和国外交部令第{n}号公布，自{cn}起施行）\n\n"
TAIL = "\n\n本决定自{cn}起施行。\n\n外交部\n{cn}\n"
LAW = "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"


def decision(body: str, title: str = "关于对美国有关机构和人员采取反制措施的决定", day: str = "2026-10-15",
             cn: str = "2026年10月15日", n: int = 36) -> NoticeRecord:
    text = HEAD.format(title=title, day=day, cn=cn, n=n) + body + TAIL.format(cn=cn)
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


def test_a_comma_inside_a_counted_list_of_persons_keeps_the_names_after_it() -> None:
    rec = decision(LAW + "中方决定对以下美国机构和人员采取反制措施：\n\n"
                   "一、对美国自由亚洲研究所（Free Asia Research Institute）、全球民主促进基金会（Global Democracy Promotion "
                   "Foundation）等2家机构，冻结其在我国境内的动产、不动产和其他各类财产。\n"
                   "二、对美国自由亚洲研究所所长罗伯特·金斯利（Robert Kingsley）、高级研究员艾米丽·陈（Emily Chen），全球民主促进基金会"
                   "主席威廉·哈特（William Hart）等3名人员，冻结其在我国境内的动产、不动产和其他各类财产，对其本人不予签发签证、不准入境。")
    assert [(e.zh, e.en, e.type) for e in rec.entities[2:]] == [
        ("罗伯特·金斯利", "Robert Kingsley", "individual"), ("艾米丽·陈", "Emily Chen", "individual"),
        ("威廉·哈特", "William Hart", "individual")]
    assert rec.entities[2].note == "美国自由亚洲研究所所长"
    assert rec.stated_count == 5 and not rec.warnings


def test_a_comma_between_measures_is_no_list_comma() -> None:
    rec = decision(LAW + "中方决定对美国自由亚洲研究所（Free Asia Research Institute）、全球民主促进基金会（Global Democracy "
                   "Promotion Foundation），冻结其在我国境内的财产，禁止与其进行交易等2项措施。")
    assert [e.en for e in rec.entities] == ["Free Asia Research Institute", "Global Democracy Promotion Foundation"]
