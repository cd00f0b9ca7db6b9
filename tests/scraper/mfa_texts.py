"""MFA decisions and MOFCOM countermeasure orders written as the ministries publish them, for the MFA parser tests:
the real 2017-2025 texts of corpus/mfa17, and templates of a decree (HEAD, body, TAIL), a decision on persons, a MOFCOM
order and a suspending decree, with the dates and numbers a test sets."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from scraper.parse import parse_document
from storage.records import NoticeRecord

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus" / "mfa17"


def parsed(name: str, url: str | None = None) -> NoticeRecord:
    rec = parse_document((CORPUS / name).read_bytes(), url=url).notice
    assert rec is not None
    return rec


HEAD = "{title}\n{day} 16:00\n\n（{cn}中华人民共和国外交部令第{n}号公布，自{cn}起施行）\n\n"

TAIL = "\n\n本决定自{cn}起施行。\n\n外交部\n{cn}\n"


def decision(body: str, title: str = "关于对美国有关企业采取反制措施的决定", day: str = "2026-10-20",
             cn: str = "2026年10月20日", n: int = 29) -> NoticeRecord:
    text = HEAD.format(title=title, day=day, cn=cn, n=n) + body + TAIL.format(cn=cn)
    rec = parse_document(text.encode()).notice
    assert rec is not None
    return rec


LAW = "依据《中华人民共和国反外国制裁法》第三条、第四条、第五条、第六条、第九条、第十五条规定，"


# a decree on persons, and one stopping some measures: the same template with their own title, day and number
decision_on_persons = partial(decision, title="关于对美国有关机构和人员采取反制措施的决定", day="2026-10-15",
                              cn="2026年10月15日", n=36)
lifting_decision = partial(decision, title="关于停止实施部分反制措施的决定", day="2026-11-25", cn="2026年11月25日", n=39)


ORDER = """商务部令2026年第{n}号 关于对{whom}采取反制措施的决定
【发布单位】安全与管制局
【发布文号】商务部令2026年第{n}号
【发文日期】2026年10月28日

商务部令
2026年第{n}号

根据《中华人民共和国反外国制裁法》《中华人民共和国对外贸易法》等法律法规的有关规定，商务部决定对{body}

本决定自公布之日起施行。

商务部
2026年10月28日
"""


def order(whom: str, body: str, n: int = 8) -> NoticeRecord:
    rec = parse_document(ORDER.format(n=n, whom=whom, body=body).encode()).notice
    assert rec is not None and rec.key == f"MOFCOM-ORDER-2026-{n}"
    return rec


SUSPENDING_HEAD = "关于暂停实施有关反制措施的决定\n2026-12-15 16:00\n\n（2026年12月15日中华人民共和国外交部令第42号公布，自2026年12月15日起施行）\n\n"

SUSPENDING_TAIL = "\n\n本决定自2026年12月15日起施行。\n\n外交部\n2026年12月15日\n"


BY = "依据《中华人民共和国反外国制裁法》第十五条规定，中方决定"
ORDER15 = "2024年12月5日《关于对美国军工企业及高级管理人员采取反制措施的决定》（外交部令第15号）"


def suspending_decision(body: str) -> NoticeRecord:
    rec = parse_document((SUSPENDING_HEAD + BY + body + SUSPENDING_TAIL).encode()).notice
    assert rec is not None
    return rec
