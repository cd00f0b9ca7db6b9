"""An MFA decision lifting a person by the Chinese name the list gives, with the English written otherwise (story36 S4b,
story37 T4): "停止对约翰·史密斯（John Smith）…" of a person listed as "约翰·史密斯（John Andrew Smith）". The action's key is
built from the English name (``johnsmith``), on no listing: the lift was unresolved (loud, exit 1), though the Chinese
name is the listed one character for character. Now the person is lifted where exactly one listed entity has that
Chinese name; "约翰·A·史密斯（John A. Smith）" (another Chinese spelling) and a name two listed persons share stay
unresolved."""

from __future__ import annotations

from datetime import date

from storage.lifecycle import derive
from storage.records import EventKind, ListingState
from tests.storage.test_lifecycle_corpus import parsed_texts

DECREE = """关于对约翰·史密斯等5人采取反制措施的决定
2026-12-12 10:00

（2026年12月12日中华人民共和国外交部令第21号公布，自2026年12月12日起施行）

近期，美国国会部分议员及相关人员在涉台问题上发表错误言论，严重干涉中国内政。依据《中华人民共和国反外国制裁法》第四条、第五条、第六条、第九条、第十五条规定，中方决定对约翰·史密斯等5人采取反制措施：

一、冻结其在我国境内的动产、不动产和其他各类财产；
二、禁止我国境内的组织、个人与其进行有关交易、合作等活动；
三、对其本人不予签发签证、不准入境（包括香港、澳门）。

本决定自2026年12月12日起施行。

附件：反制清单

外交部
2026年12月12日

附件

反制清单

（一）约翰·史密斯（John Andrew Smith），男，美国国会众议员
（二）玛丽·琼斯（Mary Jones），女，美国国会众议员
（三）罗伯特·李（Robert Lee），男，美国某智库高级研究员
（四）{fourth}，女，美国某智库研究员
（五）迈克尔·布朗（Michael Brown），男，美国某基金会主席
"""
LIFT = """关于停止对约翰·史密斯等2人采取反制措施的决定
2027-12-15 10:00

外交部决定，自2027年12月15日起，停止对{smith}、玛丽·琼斯（Mary Jones）采取的反制措施。

其余人员的反制措施继续有效。

外交部
2027年12月15日
"""
LINDA = "琳达·陈（Linda Chen）"


def states(d) -> dict[str, tuple]:
    return {k: (r.state, r.since) for r in d.states if r.notice_key == "MFA-ORDER-2026-21" for k in r.entity_keys}


def test_a_person_lifted_by_the_listed_chinese_name_with_another_english_spelling() -> None:
    d = derive(parsed_texts(DECREE.format(fourth=LINDA), LIFT.format(smith="约翰·史密斯（John Smith）")), date(2027, 12, 16))
    assert d.problems == ()
    got = states(d)
    assert got["johnandrewsmith"] == got["maryjones"] == (ListingState.LIFTED, date(2027, 12, 15))
    assert {got[k] for k in ("robertlee", "lindachen", "michaelbrown")} == {(ListingState.IN_FORCE, date(2026, 12, 12))}
    lifted = {e.entity_key for e in d.events if e.kind is EventKind.LIFTED and e.entity_key}
    assert lifted == {"johnandrewsmith", "maryjones"}
    assert not [e for e in d.events if e.kind is EventKind.UNRESOLVED_REFERENCE]


def test_another_chinese_spelling_or_a_shared_chinese_name_stays_unresolved() -> None:
    d = derive(parsed_texts(DECREE.format(fourth=LINDA), LIFT.format(smith="约翰·A·史密斯（John A. Smith）")), date(2027, 12, 16))
    assert states(d)["johnandrewsmith"] == (ListingState.IN_FORCE, date(2026, 12, 12))
    assert [p for p in d.problems if "johnasmith" in p], d.problems
    twice = DECREE.format(fourth="约翰·史密斯（John Smith Jr.），男，美国某智库研究员".split("，")[0])
    d = derive(parsed_texts(twice, LIFT.format(smith="约翰·史密斯（John Smith）")), date(2027, 12, 16))
    assert states(d)["johnandrewsmith"] == (ListingState.IN_FORCE, date(2026, 12, 12))
    assert [p for p in d.problems if "johnsmith" in p], d.problems
