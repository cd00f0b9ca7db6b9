"""Session 35's blind round 21 (audit35, tests/data/corpus/audit35/): texts the parser read wrong, each as a short text.
Page shapes from other tools: an annex as ``<ol><li>`` (02), footnote marks as superscripts (04, 20), an annex only as an
image's alt text (06), a PDF copy with page marks and page-cut lines (03, 21); a prose list after "决定，将" (05, 14) closed by
"共计5家" (14); full-width Latin in a Chinese name (05); references by date and number (07), by several numbers before one
公告 (10), a lift of one entity "…第21号对X的相关措施" (18)."""

from __future__ import annotations

import pytest

from scraper.parse import parse_document
from scraper.parse.pdfcopy import unpaged

ANSWER = "商务部新闻发言人就出口管制管控名单有关问题答记者问\n\n来源：商务部新闻办公室　类型：原创　分类：新闻　{day} 20:00\n\n问：{q}\n\n答：{a}\n"
QUESTION = "商务部公告2025年第21号相关措施的暂停期限届满后，商务部有何决定？"
ECL_HEAD = "商务部公告2026年第{n}号\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】2026年12月23日\n\n商务部公告2026年第{n}号\n\n"
LISTING = ("根据《中华人民共和国出口管制法》有关规定，商务部决定将{lead}等{k}家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n\n"
           "一、禁止出口经营者向上述{k}家实体出口两用物项。\n\n本公告自公布之日起正式实施。\n\n附件：出口管制管控名单\n\n商务部\n2026年12月23日\n\n")
UEL_HEAD = "不可靠实体清单工作机制公告〔2026〕23号\n\n不 可 靠 实 体 清 单 工 作 机 制\n公 告\n2026年 第23号\n\n"
UEL_TAIL = "\n\n一、禁止上述企业从事与中国有关的进出口活动。\n\n本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n2026年12月24日\n"
PAGE = ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="商务部公告2026年第{n}号">'
        '<meta name="PubDate" content="2026-12-23 17:00"><title>商务部公告2026年第{n}号</title></head><body>'
        '<div class="art-con art-con-bottonmLine"><p>【发布文号】商务部公告2026年第{n}号</p><p>{body}</p>{annex}</div></body></html>')
URL = "https://www.mofcom.gov.cn/zwgk/zcfb/art/2026/art_0123456789abcdef0123456789abcdef.html"
NAMES = (("甲防务公司", "Alpha Defense, Inc."), ("乙光学公司", "Beta Optics LLC"), ("丙雷达公司", "Gamma Radar Corp."))


def _notice(text: str, url: str | None = None):  # type: ignore[no-untyped-def]
    notice = parse_document(text.encode("utf-8"), url=url).notice
    assert notice is not None
    return notice


def _names(text: str, url: str | None = None) -> list[tuple[str | None, str | None]]:
    notice = _notice(text, url)
    assert not [w for w in notice.warnings if "notice states" in w], notice.warnings
    return [(e.zh, e.en) for e in notice.entities]


def _page(annex: str) -> str:
    body = "商务部决定将甲防务公司等3家美国实体列入出口管制管控名单（见附件），并采取以下措施：禁止出口两用物项。本公告自公布之日起正式实施。"
    return PAGE.format(n=230, body=body, annex="<p>附件：出口管制管控名单</p>" + annex)


def test_an_ordered_lists_items_are_annex_lines() -> None:
    """02: "<ol><li>…</li></ol>": the numbers are the browser's."""
    items = "".join(f"<li>{zh}（{en}）</li>" for zh, en in NAMES)
    assert _names(_page(f"<ol>{items}</ol>"), URL) == list(NAMES)


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "<sup>[2]</sup>", "<sup>*</sup>", "<sup>注1</sup>"])
def test_a_superscript_footnote_mark_is_no_part_of_a_name(mark: str) -> None:
    """20: a table's name cells with a superscript mark."""
    rows = "".join(f"<tr><td>{i}</td><td>{zh}{mark}</td><td>{en}{mark}</td><td>美国</td></tr>" for i, (zh, en) in enumerate(NAMES, 1))
    table = f"<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td><td>国家</td></tr>{rows}</table>"
    assert _names(_page(table), URL) == list(NAMES)


def test_a_power_stays_a_power() -> None:
    """A superscript after a digit is no footnote mark: "10<sup>6</sup>" is kept (as "106", what the text shows)."""
    from scraper.parse.article import html_to_text

    assert html_to_text("<div><p>功率10<sup>6</sup>瓦</p></div>") == "功率106瓦"


@pytest.mark.parametrize("mark", ["¹", "²", "¹²"])
def test_superscript_digits_after_an_annex_lines_bracket_are_a_footnote_mark(mark: str) -> None:
    """04: "1. 甲防务公司（Alpha Defense, Inc.）¹" and a note "¹ 该实体已于…被列入不可靠实体清单。" under the annex."""
    lines = "\n".join(f"{i}. {zh}（{en}）{mark}" for i, (zh, en) in enumerate(NAMES, 1))
    text = (ECL_HEAD.format(n=216) + LISTING.format(lead="甲防务公司", k=3) + "附件\n\n出口管制管控名单\n\n" + lines
            + "\n\n注：\n¹ 该实体已于2025年10月9日被列入不可靠实体清单。\n")
    assert _names(text) == list(NAMES)
    assert [a.action.value for a in _notice(text).actions] == ["impose"]


def test_an_annex_in_an_images_alt_text_is_read() -> None:
    """06: the annex only as an image, its alt text listing the names."""
    alt = "出口管制管控名单：" + "；".join(f"{i}.{zh}（{en}）" for i, (zh, en) in enumerate(NAMES, 1))
    assert _names(_page(f'<p><img src="/a.png" alt="{alt}"></p>'), URL) == list(NAMES)


@pytest.mark.parametrize("lead", ["不可靠实体清单工作机制决定，将", "工作机制决定，将参与对台湾地区军售的"])
def test_a_prose_list_after_a_comma_after_jueding(lead: str) -> None:
    """05: "…决定，将A（a）、B（b）、C（c）3家美国实体列入不可靠实体清单" (no date between the comma and 将)."""
    names = "、".join(f"{zh}（{en}）" for zh, en in NAMES)
    text = UEL_HEAD + f"根据《不可靠实体清单规定》有关规定，{lead}{names}3家美国实体列入不可靠实体清单，并采取以下处理措施：" + UEL_TAIL
    assert _names(text) == list(NAMES)


def test_a_forward_list_closed_by_its_total() -> None:
    """14: "…列入不可靠实体清单：A（a）、B（b）、C（c），共计3家。": the total is no sixth name."""
    names = "、".join(f"{zh}（{en}）" for zh, en in NAMES)
    text = UEL_HEAD + f"工作机制决定，将下列美国企业列入不可靠实体清单：{names}，共计3家。\n\n对上述企业采取以下处理措施：" + UEL_TAIL
    assert _names(text) == list(NAMES)


def test_a_quoted_title_ends_no_prose_segment() -> None:
    """"商务部决定，对甲（…）继续暂停实施《关于对…采取反制措施的决定》…": the title's 采取反制措施 is not the segment's end."""
    from scraper.parse.entities import decision_prose
    from scraper.parse.textnorm import clean_and_fold

    text, folded = clean_and_fold("商务部决定，对甲航运公司（Alpha Shipping LLC）继续暂停实施《关于对乙公司采取反制措施的决定》规定的反制措施1年。")
    assert decision_prose(folded, text) is None


def test_full_width_latin_in_a_chinese_name_is_ascii() -> None:
    """05: "ＢＲＩＮＣ无人机公司（ＢＲＩＮＣ　Ｄｒｏｎｅｓ，Ｉｎｃ．）": the Chinese name as another notice writes it; its brackets stay."""
    from scraper.parse.entities import make_entity

    assert make_entity("ＢＲＩＮＣ无人机公司", "BRINC Drones,Inc.").zh == "BRINC无人机公司"
    assert make_entity("沙丘雷达（弗吉尼亚）公司", None).zh == "沙丘雷达（弗吉尼亚）公司"


@pytest.mark.parametrize(("named", "key"), [
    ("2025年4月4日发布的第21号公告", "MOFCOM-2025-21"),  # 07
    ("2025年4月4日公布的第21号公告", "MOFCOM-2025-21"),
])
def test_a_notice_named_by_its_day_and_number(named: str, key: str) -> None:
    text = ANSWER.format(day="2026-12-22", q=QUESTION, a=f"经评估，商务部决定，自2027年1月1日起，恢复实施{named}相关措施。")
    assert [(a.action.value, [t.key for t in a.targets], a.effective) for a in _notice(text).actions] == \
        [("restore", [key], "2027-01-01")]


def test_a_number_by_its_day_in_a_text_on_the_uel_is_no_guess() -> None:
    """"2025年4月4日发布的第7号公告" beside the working mechanism's name: 〔2025〕7号 or MOFCOM's No. 7? Not read as either."""
    from scraper.parse.number import find_references
    from scraper.parse.textnorm import clean_and_fold

    text, folded = clean_and_fold("不可靠实体清单工作机制决定，恢复实施2025年4月4日发布的第7号公告相关措施。")
    assert [r.key for _, _, r in find_references(folded, text)] == []
    text, folded = clean_and_fold("商务部决定，恢复实施2025年4月4日发布的第21号公告相关措施。")
    assert [r.key for _, _, r in find_references(folded, text)] == ["MOFCOM-2025-21"]


def test_several_numbers_before_one_gonggao() -> None:
    """10: "暂停实施前述第23号、第24号公告相关措施，为期1年" after the history naming both with their year."""
    text = ("商务部公告2026年第219号 关于暂停实施商务部公告2026年第23号、第24号相关措施的公告\n\n商务部公告2026年第219号\n\n"
            "2026年6月22日、7月15日，商务部分别发布商务部公告2026年第23号、第24号，将10家和6家美国实体列入出口管制管控名单。\n\n"
            "商务部决定，自2027年1月1日起，暂停实施前述第23号、第24号公告相关措施，为期1年。\n\n本公告自公布之日起实施。\n\n商务部\n2026年12月24日\n")
    assert [(a.action.value, [t.key for t in a.targets], a.effective, a.until.isoformat() if a.until else None)
            for a in _notice(text).actions] == [("suspend", ["MOFCOM-2026-23", "MOFCOM-2026-24"], "2027-01-01", "2028-01-01")]


@pytest.mark.parametrize("name", ["ＢＲＩＮＣ无人机公司（ＢＲＩＮＣ　Ｄｒｏｎｅｓ，Ｉｎｃ．）", "布林克无人机公司（BRINC Drones, Inc.）"])
def test_a_step_on_one_entity_named_after_the_notice_with_dui(name: str) -> None:
    """18: "停止实施商务部公告2025年第21号对X（…）的相关措施": X only, not the notice's 16."""
    text = ANSWER.format(day="2026-12-29", q="有企业提出申请。", a=f"经审查，商务部决定，自2027年1月1日起，停止实施商务部公告2025年第21号对{name}的相关措施。")
    assert [(a.action.value, a.entities) for a in _notice(text).actions] == [("lift", ("brincdrones",))]


PDF_COPY = """商务部公告2026年第215号
根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口
管制条例》等法律法规有关规定，商务部决定将甲防务公司等3家美国实
体列入出口管制管控名单（见附件），并采取以下措施：
一、禁止出口经营者向上述3家实体出口两用物项；正在开展的相关活动
应当立即停止。
本公告自公布之日起正式实施。
附件：出口管制管控名单
商务部
2026年12月23日
— 1 —
\f附件
出口管制管控名单
1．甲防务公司（Alpha
Defense, Inc.）
2．乙光学
公司（Beta Optics LLC）
— 2 —
\f商务部公告2026年第215号
3．丙雷达公司（Gamma Radar Corp.）
— 3 —
"""


def test_a_pdf_copy_is_laid_out_again() -> None:
    """03, 21: page marks and the running header out, page-cut lines joined, a name cut before its bracket joined."""
    notice = _notice(PDF_COPY)
    assert [a.action.value for a in notice.actions] == ["impose"]  # not a measure: "列入出口管制管控名单" whole again
    assert [(e.zh, e.en) for e in notice.entities] == list(NAMES)
    assert not notice.warnings


def test_a_text_without_page_marks_is_never_joined() -> None:
    text = "商务部公告2026年第215号\n根据有关规定，商务部决定将甲防务公司等3家美国实体列入出口\n管制管控名单。\n"
    assert unpaged(text) is text
    assert unpaged("第一行很长很长很长很长很长很长很长很长很长很长很长很长很长\n— 1 —\n第二行很长很长很长很长很长很长很长很长很长很长很长很长很长\n") == \
        "第一行很长很长很长很长很长很长很长很长很长很长很长很长很长第二行很长很长很长很长很长很长很长很长很长很长很长很长很长\n"


def test_a_pdf_copys_hyphenated_word() -> None:
    assert unpaged("1．甲公司（Copper Peak Micro-\nwave LLC）\n2．乙公司（Redwood Electro-\nOptical Systems, Inc.）\n— 1 —\n") == \
        "1．甲公司（Copper Peak Microwave LLC）\n2．乙公司（Redwood Electro-Optical Systems, Inc.）"


def test_an_annex_lines_english_hyphenated_at_its_end() -> None:
    """03 without page marks: "…（Copper Peak Micro-" + "wave LLC）" (a word cut), "…（Redwood Electro-" + "Optical…）" (a hyphen)."""
    lines = "1. 甲防务公司（Copper Peak Micro-\nwave LLC）\n2. 乙光学公司（Redwood Electro-\nOptical Systems, Inc.）\n3. 丙雷达公司（Gamma Radar Corp.）"
    text = ECL_HEAD.format(n=216) + LISTING.format(lead="甲防务公司", k=3) + "附件\n\n出口管制管控名单\n\n" + lines + "\n"
    assert [e.en for e in _notice(text).entities] == ["Copper Peak Microwave LLC", "Redwood Electro-Optical Systems, Inc.",
                                                      "Gamma Radar Corp."]


def test_a_pdf_copys_title_over_two_lines_and_its_running_header() -> None:
    text = "关于对美国甲防务公司等3家企业采取\n反制措施的决定\n正文第一行。\n— 1 —\n关于对美国甲防务公司等3家企业采取\n正文第二行。\n"
    assert unpaged(text) == "关于对美国甲防务公司等3家企业采取反制措施的决定\n正文第一行。\n正文第二行。\n"


def test_superscript_marks_after_prose_names() -> None:
    """Probe after the fixes: "决定将甲公司（Alpha Inc.）¹、乙公司（Beta LLC）²2家美国实体列入…" (the names were read with their marks,
    no English, silent)."""
    text = ("商务部公告2026年第241号\n\n商务部公告2026年第241号\n\n商务部决定将甲防务公司（Alpha Defense, Inc.）¹、乙光学公司（Beta Optics LLC）²"
            "2家美国实体列入出口管制管控名单。\n\n注：¹ 该实体亦在不可靠实体清单内。\n\n本公告自公布之日起正式实施。\n\n商务部\n2026年12月23日\n")
    assert _names(text) == list(NAMES[:2])


def test_a_name_cut_before_its_bracket_on_a_line_written_twice_stays_loud() -> None:
    """The PDF copy with "2．乙光学" written twice (parse_equiv's duplicated line): the second joins its next line; the count
    then says one too many (never "乙光学" alone, without English, and the count agreeing)."""
    notice = _notice(PDF_COPY.replace("2．乙光学\n", "2．乙光学\n2．乙光学\n"))
    assert ("乙光学公司", "Beta Optics LLC") in [(e.zh, e.en) for e in notice.entities]
