"""Entity names and countries in texts a blind audit wrote in the official style (audit-ecl repro 02,
05-09 and case C): a place after the English, group headings, an HTML table, a clause or a branch's
words before a name, a removal "从…名单中移出". The whole parse is asserted."""

from scraper.parse import parse_document, parse_text
from scraper.parse.entities import annex_entities, prose_entities

ECL_HEAD = "商务部公告2026年第{n}号 公布将{what}\n【发布单位】安全与管制局\n【发布文号】商务部公告2026年第{n}号\n【发文日期】{day}\n\n"
UEL_SIGN = "本公告自公布之日起实施。\n\n不可靠实体清单工作机制\n（商务部代章）\n{day}\n"


def acts(rec):
    return [(a.action.value, a.list.value if a.list else None, [t.key for t in a.targets], a.effective, a.entities)
            for a in rec.actions]


def ents(rec):
    return [(e.zh, e.en, e.country, e.n, e.branches, e.note) for e in rec.entities]


def test_country_after_the_english_name_from_the_whole_table():
    text = ECL_HEAD.format(n=20, what="7家外国实体列入出口管制管控名单", day="2026年04月24日") + (
        "决定将萨博动力公司等7家外国实体列入出口管制管控名单（见附件），并采取以下措施：禁止出口经营者向上述7家实体出口两用物项。\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年4月24日\n\n附件\n出口管制管控名单\n"
        "1. 萨博动力公司（Saab Dynamics AB）（瑞典）\n2. 莱昂纳多直升机公司（Leonardo Helicopters S.p.A.）（意大利）\n"
        "3. 比利时防务公司（Belgian Defence SA）（比利时）\n4. 新加坡动力公司（ST Power Pte. Ltd.）（新加坡）\n"
        "5. 波兰雷达公司（Polish Radar Sp. z o.o.）（波兰）\n6. 西班牙电子公司（Spanish Electronics S.L.）（西班牙）\n"
        "7. 高加索工程公司（Caucasus Engineering LLC）（科索沃）\n"
    )
    rec = parse_text(text)
    assert acts(rec) == [("impose", "ecl", [], "2026-04-24", ())]
    assert ents(rec) == [
        ("萨博动力公司", "Saab Dynamics AB", "SE", 1, (), None),
        ("莱昂纳多直升机公司", "Leonardo Helicopters S.p.A.", "IT", 2, (), None),
        ("比利时防务公司", "Belgian Defence SA", "BE", 3, (), None),
        ("新加坡动力公司", "ST Power Pte. Ltd.", "SG", 4, (), None),
        ("波兰雷达公司", "Polish Radar Sp. z o.o.", "PL", 5, (), None),
        ("西班牙电子公司", "Spanish Electronics S.L.", "ES", 6, (), None),
        # a place the table lacks: the name stays clean, the place is the note
        ("高加索工程公司", "Caucasus Engineering LLC", None, 7, (), "科索沃"),
    ]
    assert rec.stated_count == 7 and rec.warnings == ()


def test_annex_grouped_under_country_headings():
    text = ECL_HEAD.format(n=36, what="3家外国实体列入出口管制管控名单", day="2026年08月25日") + (
        "决定将3家外国实体列入出口管制管控名单（见附件），并采取以下措施：禁止出口经营者向上述3家实体出口两用物项。\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年8月25日\n\n附件\n出口管制管控名单\n"
        "一、美国实体\n1. 峡谷电子公司（Canyon Electronics）\n二、英国实体（2家）：\n"
        "1. 泰晤士海事系统公司（Thames Maritime Systems Ltd）\n2. 彭布罗克防务公司（Pembroke Defence Ltd）\n"
    )
    rec = parse_text(text)
    assert acts(rec) == [("impose", "ecl", [], "2026-08-25", ())]
    assert ents(rec) == [("峡谷电子公司", "Canyon Electronics", "US", 1, (), None),
                         ("泰晤士海事系统公司", "Thames Maritime Systems Ltd", "GB", 1, (), None),
                         ("彭布罗克防务公司", "Pembroke Defence Ltd", "GB", 2, (), None)]
    assert rec.stated_count == 3 and rec.warnings == ()


def test_html_table_with_paragraphs_in_its_cells():
    rows = "".join(f"<tr><td><p>{i}</p></td><td><p>{zh}</p></td><td><p>{en}</p></td></tr>"
                   for i, zh, en in (("序号", "中文名称", "英文名称"), (1, "斯凯迪奥公司", "Skydio Inc."), (2, "英斯图公司", "Insitu,Inc.")))
    html = (
        '<html><head><meta name="ArticleTitle" content="不可靠实体清单工作机制关于将斯凯迪奥公司等2家美国企业列入不可靠实体清单的公告">'
        '<meta name="PubDate" content="2025-04-04 18:30"></head><body><div class="art-con art-con-bottonmLine">'
        "<p>不 可 靠 实 体 清 单 工 作 机 制</p><p>公    告</p><p>2025年 第7号</p>"
        "<p>　　不可靠实体清单工作机制决定将斯凯迪奥公司等2家实体列入不可靠实体清单，并采取以下处理措施：禁止上述企业从事与中国有关的进出口活动。</p>"
        "<p>　　本公告自公布之日起实施。</p><p>不可靠实体清单工作机制</p><p>（商务部代章）</p><p>2025年4月4日</p><p>附件</p>"
        f'<table border="1"><tbody>{rows}</tbody></table></div></body></html>'
    )
    rec = parse_document(html.encode(), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_" + "e" * 32 + ".html").notice
    assert (rec.key, rec.stated_count) == ("UEL-2025-7", 2)
    assert acts(rec) == [("impose", "uel", [], "2025-04-04", ())]
    # the title's "2家美国企业" gives the country
    assert ents(rec) == [("斯凯迪奥公司", "Skydio Inc.", "US", 1, (), None), ("英斯图公司", "Insitu,Inc.", "US", 2, (), None)]
    assert rec.warnings == ()


def test_layout_table_holding_the_body_keeps_its_lines():
    """A page laid out in a table: the cell holding the body keeps its paragraphs as lines (only the short
    cells of a row of two or more are read as one line), and the annex table inside it is read."""
    rows = "".join(f"<tr><td><p>{i}</p></td><td><p>{zh}</p><p>（{en}）</p></td></tr>"
                   for i, zh, en in ((1, "斯凯迪奥公司", "Skydio Inc."), (2, "英斯图公司", "Insitu,Inc.")))
    body = (
        "<p>商务部公告2025年第21号</p><p>根据有关法律法规，决定将斯凯迪奥公司等2家美国实体列入出口管制管控名单（见附件），"
        "并采取以下措施：</p><p>一、禁止向上述2家美国实体出口两用物项。</p><p>本公告自公布之日起正式实施。</p>"
        "<p>商务部</p><p>2025年4月4日</p>"
    )
    annexes = (f"<table>{rows}</table>", "<p>1. 斯凯迪奥公司（Skydio Inc.）</p><p>2. 英斯图公司（Insitu,Inc.）</p>")
    heading = "<p>附件</p><p>出口管制管控名单</p>"
    for annex, nav in ((a, n) for a in annexes for n in ("", "<td><p>首页</p><p>政务公开</p></td>")):
        html = (
            '<html><head><meta name="ArticleTitle" content="商务部公告2025年第21号 公布将2家美国实体列入出口管制管控名单">'
            '<meta name="PubDate" content="2025-04-04 18:30"></head><body><div class="art-con art-con-bottonmLine">'
            f'<table width="100%"><tr>{nav}<td class="layout">{body}{heading}{annex}</td></tr></table></div></body></html>'
        )
        rec = parse_document(html.encode(), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_" + "f" * 32 + ".html").notice
        assert (rec.key, rec.stated_count, rec.effective) == ("MOFCOM-2025-21", 2, "2025-04-04")
        assert acts(rec) == [("impose", "ecl", [], "2025-04-04", ())]
        assert ents(rec) == [("斯凯迪奥公司", "Skydio Inc.", "US", 1, (), None), ("英斯图公司", "Insitu,Inc.", "US", 2, (), None)]
        assert rec.warnings == ()
    # a row of one cell each: the annex heading's two lines stay two lines
    html = html.replace(f"{body}{heading}", f"{body}</td></tr><tr><td>{heading}</td></tr><tr><td>")
    rec = parse_document(html.encode(), url="https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_" + "f" * 32 + ".html").notice
    assert [(e.zh, e.n) for e in rec.entities] == [("斯凯迪奥公司", 1), ("英斯图公司", 2)] and rec.warnings == ()


def test_clause_before_a_name_the_decision_points_back_to():
    text = ECL_HEAD.format(n=41, what="1家日本实体列入关注名单", day="2026年09月18日") + (
        "商务部无法对东京计器株式会社（Tokyo Keiki Inc.）的最终用户和最终用途进行核实，决定将上述实体列入关注名单。\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年9月18日\n"
    )
    rec = parse_text(text)
    assert acts(rec) == [("impose", "watch", [], "2026-09-18", ())]
    assert ents(rec) == [("东京计器株式会社", "Tokyo Keiki Inc.", "JP", None, (), None)]
    assert rec.warnings == ()


def test_branch_named_after_its_parent_in_prose():
    text = (
        "不可靠实体清单工作机制关于将科技洞察公司及其分支机构列入不可靠实体清单的公告\n【发布单位】安全与管制局\n"
        "【发布文号】不可靠实体清单工作机制公告〔2026〕5号\n【发文日期】2026年05月08日\n\n"
        "不可靠实体清单工作机制决定将科技洞察公司（TechInsights Inc.）及其分支机构科技洞察日本公司（TechInsights Japan KK）、"
        "科技洞察韩国公司（TechInsights Korea Ltd.）列入不可靠实体清单，并采取以下处理措施：禁止上述实体从事与中国有关的进出口活动。\n"
        + UEL_SIGN.format(day="2026年5月8日")
    )
    rec = parse_text(text)
    assert acts(rec) == [("impose", "uel", [], "2026-05-08", ())]
    assert ents(rec) == [("科技洞察公司", "TechInsights Inc.", None, None, (), None),
                         ("科技洞察日本公司", "TechInsights Japan KK", "JP", None, (), None),  # its legal form (session 43)
                         ("科技洞察韩国公司", "TechInsights Korea Ltd.", None, None, (), None)]
    assert rec.warnings == ()


def test_removal_from_the_list_written_cong_zhong_yichu():
    text = ECL_HEAD.format(n=40, what="1家美国实体移出出口管制管控名单", day="2026年09月10日").replace("公布将", "关于将") + (
        "商务部决定将环球世界物流公司（Universal Logistics Holdings, Inc.）从出口管制管控名单中移出。\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年9月10日\n"
    )
    rec = parse_text(text)
    assert acts(rec) == [("remove", "ecl", [], "2026-09-10", ("universallogisticsholdings",))]
    assert ents(rec) == [("环球世界物流公司", "Universal Logistics Holdings, Inc.", "US", None, (), None)]
    assert rec.warnings == ()


def test_subsidiaries_without_names_are_the_note_not_an_entity():
    """Case C: "及其子公司" names nobody: neither a name's tail nor an entity of its own, but kept as the note."""
    text = ECL_HEAD.format(n=39, what="2家美国实体列入出口管制管控名单", day="2026年09月08日") + (
        "决定将航迹防务公司等2家美国实体列入出口管制管控名单（见附件），并采取以下措施：禁止出口经营者向上述2家实体出口两用物项。\n"
        "本公告自公布之日起正式实施。\n\n商务部\n2026年9月8日\n\n附件\n出口管制管控名单\n"
        "1. 航迹防务公司（Trackline Defense, Inc.）及其子公司\n2. 北方天线系统公司（Northern Antenna Systems LLC）\n"
    )
    rec = parse_text(text)
    assert ents(rec) == [("航迹防务公司", "Trackline Defense, Inc.", "US", 1, (), "及其子公司"),
                         ("北方天线系统公司", "Northern Antenna Systems LLC", "US", 2, (), None)]
    assert rec.warnings == ()


def test_subsidiaries_without_names_in_prose_are_the_note_not_an_entity():
    found = prose_entities("甲防务公司（Alpha Defense Inc.）及其子公司、乙天线公司（Beta Antenna LLC）")
    assert [(e.zh, e.en, e.note) for e in found] == [("甲防务公司", "Alpha Defense Inc.", "及其子公司"),
                                                     ("乙天线公司", "Beta Antenna LLC", None)]


def test_branch_heading_lines_still_announce_branch_lines():
    found = annex_entities(["附件", "1. 技因赛斯公司（TechInsights Inc.）及其分支机构：", "-TechInsights Japan KK"], 1)
    assert [(e.zh, e.branches, e.note) for e in found] == [("技因赛斯公司", ("TechInsights Japan KK",), None)]


def test_a_place_after_the_english_of_a_name_in_prose_is_its_country():
    """MFA audit repro 10: the annex form of this line was read right, the prose form kept "（English）（美国）"
    in the Chinese name (its key matched nothing later) and lost the English name and the country."""
    rec = parse_text("商务部令2026年第2号 关于对有关美国实体采取反制措施的决定\n【发布文号】商务部令2026年第2号\n"
                     "【发文日期】2026年08月05日\n\n商务部决定对责任商业联盟（Responsible Business Alliance）（美国）采取反制措施："
                     "禁止中国境内的组织、个人与其进行有关交易、合作等活动。\n\n本决定自2026年8月5日起施行。")
    assert [(e.zh, e.en, e.country, e.note) for e in rec.entities] == [
        ("责任商业联盟", "Responsible Business Alliance", "US", None)]
    rec = parse_text("商务部令2026年第3号\n【发布文号】商务部令2026年第3号\n【发文日期】2026年08月05日\n\n"
                     "商务部决定对甲公司（Alpha Inc.）（科索沃）、乙公司（Beta Ltd.）（瑞典）采取反制措施。")
    assert [(e.zh, e.en, e.country, e.note) for e in rec.entities] == [
        ("甲公司", "Alpha Inc.", None, "科索沃"), ("乙公司", "Beta Ltd.", "SE", None)]
