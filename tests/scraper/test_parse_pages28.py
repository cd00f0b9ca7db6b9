"""Session 28's blind audit of whole pages (pages28, tests/data/corpus/pages28/): the faults it found, each as a short
page read by the parser (pure, milliseconds). The whole pages are pinned in the corpus."""

from __future__ import annotations

from scraper.parse import parse_document
from storage.records import NoticeRecord

PAGE = ('<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">'
        '<meta name="PubDate" content="{day} 18:00"><title>{title}</title></head><body>'
        '<div class="art-con art-con-bottonmLine">{body}</div></body></html>')
UEL_LISTING = ("<p>不可靠实体清单工作机制公告〔2026〕17号</p><p>不可靠实体清单工作机制决定将<span>红杉防务系统公司（Redwood{cut}"
               "Defense Systems, Inc.）</span>、灰隼航空公司（Gray Falcon Aviation LLC）等2家美国企业列入不可靠实体清单，"
               "并采取以下处理措施：</p><p>一、禁止上述企业从事与中国有关的进出口活动。</p><p>本公告自公布之日起实施。</p>"
               "<p>不可靠实体清单工作机制</p><p>2026年12月8日</p>")
ECL_LIFT = ("<p>商务部公告2026年第172号</p><p>商务部决定，自2026年12月15日起，停止执行商务部公告2025年第21号相关措施。</p>"
            "<p>本公告自公布之日起正式实施。</p><p>商务部</p><p>2026年12月11日</p>{links}")
RELATED = ('<div class="related-links"><p>相关链接：</p><ul>'
           '<li><a href="/zcfb/blgg/gg/2026/art/2026/art_1.html">商务部公告2026年第165号 关于暂停实施商务部公告2025年第51号相关措施的公告</a></li>'
           '<li><a href="/xwfb/xwfyrth/art/2026/art_2.html">商务部新闻发言人就恢复实施不可靠实体清单工作机制公告〔2025〕7号相关措施答记者问</a></li>'
           "</ul></div>")
QA_URL = "https://www.mofcom.gov.cn/xwfb/xwfyrth/art/2026/art_8a0c2e4b6d1f4a3c5e7b9d1f3a5c7e48.html"
QA_RESTORE = ("来源：商务部新闻办公室　类型：原创　分类：新闻　2026-12-21 20:00\n答：商务部决定，自2026年12月22日起，对奥什科什防务公司"
              "（Oshkosh Defense, LLC）、鲍尔航空航天技术公司（Ball Aerospace & Technologies Corp.）{count}恢复实施商务部公告2026年第23号"
              "相关措施。")
MFA_URL = "https://www.mfa.gov.cn/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/202612/t20261216_11812345.shtml"
MFA_TABLE = """关于对甲公司等2家美国企业及2名高级管理人员采取反制措施的决定
（2026年12月16日中华人民共和国外交部令第21号公布，自2026年12月16日起施行）
外交部决定对2家美国企业及2名高级管理人员采取反制措施：
一、对北岬无人系统公司、铁砧防务技术公司等2家后附《反制清单》列明的企业，冻结其在中国境内的动产、不动产和其他各类财产。
二、对后附《反制清单》列明的2名高级管理人员，不予签发签证、不准入境（包括香港、澳门）。
本决定自2026年12月16日起施行。
附件：反制清单
一、企业
序号\t名称\t英文名称
1\t北岬无人系统公司\tNorth Cape Unmanned Systems, Inc.
2\t铁砧防务技术公司\tAnvil Defense Technologies Corp.
二、高级管理人员
序号\t姓名\t英文姓名及职务
1\t约翰·卡特\tJohn Carter，男，北岬无人系统公司首席执行官
2\t苏珊·米勒\tSusan Miller，女，铁砧防务技术公司总裁
"""


def _page(body: str, title: str = "公告", day: str = "2026-12-08", url: str | None = None) -> NoticeRecord:
    doc = parse_document(PAGE.format(title=title, day=day, body=body).encode("utf-8"), url=url)
    assert doc.notice is not None
    return doc.notice


def _steps(notice: NoticeRecord) -> list[tuple[str, list[str | None], str | None, tuple[str, ...]]]:
    return [(a.action.value, [t.key for t in a.targets], a.effective, a.entities) for a in notice.actions]


def test_a_br_inside_a_names_bracket_does_not_cut_the_listing_sentence() -> None:
    """pages28/02: "（Redwood<br>Defense Systems, Inc.）" cut the sentence: no step, no entity, no warning."""
    notice = _page(UEL_LISTING.format(cut="<br>"))
    assert _steps(notice) == [("impose", [], "2026-12-08", ())]
    assert [(e.zh, e.en) for e in notice.entities] == [("红杉防务系统公司", "Redwood Defense Systems, Inc."),
                                                      ("灰隼航空公司", "Gray Falcon Aviation LLC")]
    assert _page(UEL_LISTING.format(cut=" ")).entities == notice.entities  # as the page without the break


def test_related_links_inside_the_article_container_are_no_steps() -> None:
    """pages28/07: the related links' titles inside div.art-con gave a false suspension of No. 51 and restore of 7号."""
    notice = _page(ECL_LIFT.format(links=RELATED), day="2026-12-11")
    assert _steps(notice) == [("lift", ["MOFCOM-2025-21"], "2026-12-15", ())]


def test_related_links_as_paragraphs_under_their_heading_are_no_steps() -> None:
    """pages28/07's block written as paragraphs of one link each under "相关链接：" (no class, no list); an attachment's
    link paragraph stays."""
    links = ("<p>相关链接：</p>" + "".join(f'<p><a href="{href}">{title}</a></p>' for href, title in (
        ("/zcfb/blgg/gg/2026/art/2026/art_1.html", "商务部公告2026年第165号 关于暂停实施商务部公告2025年第51号相关措施的公告"),
        ("/xwfb/xwfyrth/art/2026/art_2.html", "商务部新闻发言人就恢复实施不可靠实体清单工作机制公告〔2025〕7号相关措施答记者问"))))
    notice = _page(ECL_LIFT.format(links=links), day="2026-12-11")
    assert _steps(notice) == [("lift", ["MOFCOM-2025-21"], "2026-12-15", ())]
    attachment = '<p>相关链接：</p><p><a href="/attach/P0201.pdf">附件：出口管制管控名单（2026年12月11日）.pdf</a></p>'
    assert "管控名单（2026年12月11日）.pdf" in _page(ECL_LIFT.format(links=attachment), day="2026-12-11").text


def test_a_count_after_names_before_the_verb_limits_the_step_to_them() -> None:
    """pages28/14: "对A（a）、B（b）　2家实体恢复实施…第23号相关措施" restored the whole of No. 23."""
    named = ("oshkoshdefense", "ballaerospaceandtechnologies")
    for count in ("　2家实体", "2家实体", "等2家企业", ""):
        notice = parse_document(QA_RESTORE.format(count=count).encode("utf-8"), url=QA_URL).notice
        assert notice is not None
        assert _steps(notice) == [("restore", ["MOFCOM-2026-23"], "2026-12-22", named)], count


def test_an_mfa_table_english_cell_with_the_role_gives_the_english_name() -> None:
    """pages28/11: "英文姓名及职务" over "John Carter，男，…首席执行官": the English name was lost in the note, and the opening's
    "2名高级管理人员" counted again beside item 二's warned "the decision states 6"."""
    notice = parse_document(MFA_TABLE.encode("utf-8"), url=MFA_URL).notice
    assert notice is not None
    people = [(e.zh, e.en, e.note, e.type) for e in notice.entities if e.type == "individual"]
    assert people == [("约翰·卡特", "John Carter", "男，北岬无人系统公司首席执行官", "individual"),
                      ("苏珊·米勒", "Susan Miller", "女，铁砧防务技术公司总裁", "individual")]
    assert notice.stated_count == 4
    assert not [w for w in notice.warnings if "states" in w]
