"""A page holding two MFA decrees of its own (session 25, parse25): "外交部令（第25号、第26号）" with two decisions, each
under its own publication line. One record reads one decree: the second decree's three companies were lost without a
word (the page read as decree No. 25 on one congressman). Now refused for a person to read."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage

ONE = ("关于对美国国会众议员马克·哈里森采取反制措施的决定\n（2027年1月8日中华人民共和国外交部令第25号公布，自2027年1月8日起施行）\n"
       "近期，美国国会众议员马克·哈里森（Mark Harrison）窜访台湾地区。根据《中华人民共和国反外国制裁法》第四条、第五条、第六条和第九条、"
       "第十五条的规定，外交部决定对马克·哈里森采取以下反制措施：\n一、冻结其在我国境内的动产、不动产和其他各类财产；\n"
       "二、对其不予签发签证、不准入境（包括香港、澳门）。\n本决定自2027年1月8日起施行。\n")
TWO = ("关于对美国北极星防务公司等3家企业采取反制措施的决定\n（2027年1月8日中华人民共和国外交部令第26号公布，自2027年1月8日起施行）\n"
       "根据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条和第九条、第十五条的规定，外交部决定对北极星防务公司（Polaris "
       "Defense Corporation）、峡谷导弹技术公司（Canyon Missile Technologies, Inc.）、银鹰航电公司（Silver Eagle Avionics "
       "LLC）等3家美国企业采取以下反制措施：\n一、冻结上述企业在我国境内的动产、不动产和其他各类财产；\n"
       "二、禁止我国境内的组织、个人与上述企业进行有关交易、合作等活动。\n本决定自2027年1月8日起施行。\n")
HEAD = "外交部令（第25号、第26号）\n2027-01-08 18:00\n\n"


def test_two_decrees_on_one_page_are_refused_for_review() -> None:
    with pytest.raises(UnusablePage) as raised:
        parse_document((HEAD + ONE + "\n" + TWO).encode("utf-8"))
    assert raised.value.reason == "needs-review"


def test_one_decree_naming_an_earlier_one_in_a_sentence_is_read() -> None:
    """A decree naming another by its publication in a sentence ("《…》（2024年9月18日…外交部令第12号公布）") holds one."""
    body = ONE.replace("近期，", "继《关于对美国军工企业采取反制措施的决定》（2024年9月18日中华人民共和国外交部令第12号公布）之后，近期，")
    doc = parse_document(("外交部令（第25号）\n2027-01-08 18:00\n\n" + body).encode("utf-8"))
    assert doc.notice is not None and doc.notice.key == "MFA-ORDER-2027-25"
    assert [e.zh for e in doc.notice.entities] == ["马克·哈里森"]
