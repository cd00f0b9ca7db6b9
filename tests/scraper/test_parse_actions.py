"""Actions: verbs, targets (by number, by date+list+count), effective dates, durations."""

from datetime import date

from scraper.parse import parse_text
from storage.records import ActionKind, ListKind, NoticeKind

SOURCE = "来源：商务部新闻办公室 类型：原创 分类：新闻 {when}\n\n{title}\n"


def qa(body, when="2025-05-14 22:00", title="商务部新闻发言人就有关问题答记者问"):
    return parse_text(SOURCE.format(when=when, title=title) + body)


def summary(rec):
    return [(a.action.value, a.list.value if a.list else None,
             [t.key or (t.date.isoformat(), t.list.value if t.list else None, t.count) for t in a.targets],
             a.effective, a.until.isoformat() if a.until else None, a.duration) for a in rec.actions]


def test_uel_suspension_with_and_without_duration():
    rec = qa("问：有何考虑？\n答：为落实共识，自2025年5月14日起，暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天，"
             "暂停4月9日公告（不可靠实体清单工作机制〔2025〕8号）相关措施。")
    assert summary(rec) == [
        ("suspend", "uel", ["UEL-2025-7"], "2025-05-14", "2025-08-12", "90天"),
        ("suspend", "uel", ["UEL-2025-8"], "2025-05-14", None, None),
    ]
    assert rec.kind is NoticeKind.QA and rec.list is ListKind.UEL
    assert rec.actions[0].targets[0].date == date(2025, 4, 4)


def test_extend_and_stop_with_two_numbers_in_one_phrase():
    rec = qa("答：中方决定自2025年11月10日起，继续暂停4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施1年，"
             "停止3月4日公告（不可靠实体清单工作机制公告〔2025〕5号和6号）相关措施。", when="2025-11-05 17:00")
    assert summary(rec) == [
        ("extend", "uel", ["UEL-2025-7"], "2025-11-10", "2026-11-10", "1年"),
        ("lift", "uel", ["UEL-2025-5", "UEL-2025-6"], "2025-11-10", None, None),
    ]
    assert rec.effective == "2025-11-10" and rec.published == date(2025, 11, 5)


def test_ecl_targets_by_date_list_and_count():
    rec = qa("答：中方决定，自2025年8月12日起，继续暂停对2025年4月4日被列入出口管制管控名单的16家美国实体采取的相关措施90天；"
             "停止执行对2025年4月9日被列入出口管制管控名单的12家美国实体采取的相关措施。", when="2025-08-12 21:30")
    assert summary(rec) == [
        ("extend", "ecl", [("2025-04-04", "ecl", 16)], "2025-08-12", "2025-11-10", "90天"),
        ("lift", "ecl", [("2025-04-09", "ecl", 12)], "2025-08-12", None, None),
    ]


def test_object_before_the_verb():
    rec = qa("答：决定自2025年5月14日起，对2025年4月4日被列入出口管制管控名单的16家美国实体暂停实施相关管控措施90天。")
    assert summary(rec) == [("suspend", "ecl", [("2025-04-04", "ecl", 16)], "2025-05-14", "2025-08-12", "90天")]


def test_question_and_history_are_not_actions():
    rec = qa("问：联合声明提到中方将暂停或取消自2025年4月2日起针对美国的非关税反制措施，有何考虑？\n"
             "答：商务部已于5月14日暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。"
             "为落实共识，自2025年8月12日起，继续暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。",
             when="2025-08-12 21:30")
    assert summary(rec) == [("extend", "uel", ["UEL-2025-7"], "2025-08-12", "2025-11-10", "90天")]


def test_suspension_until_a_date_from_publication():
    text = ("商务部公告2025年第72号\n\n为推动落实中美经贸磋商共识，现决定，自即日起至2026年11月27日，暂停实施商务部公告2024年第46号第二款。\n"
            "本公告自公布之日起实施。\n商务部\n2025年11月9日")
    rec = parse_text(text)
    assert summary(rec) == [("suspend", None, ["MOFCOM-2024-46"], "2025-11-09", "2026-11-27", "至2026年11月27日")]


def test_order_suspending_an_order_is_a_countermeasure_action():
    text = ("商务部令2025年第7号\n\n根据《中华人民共和国反外国制裁法》，商务部决定，自2025年11月10日起，暂停实施商务部令2025年第6号所列反制措施，为期一年。\n"
            "本决定自2025年11月10日起施行。\n部长\n2025年11月10日")
    rec = parse_text(text)
    assert rec.key == "MOFCOM-ORDER-2025-7" and rec.kind is NoticeKind.ORDER
    assert summary(rec) == [("suspend", "countermeasure", ["MOFCOM-ORDER-2025-6"], "2025-11-10", "2026-11-10", "一年")]
    assert rec.list is ListKind.COUNTERMEASURE


def test_countermeasure_order_lists_its_entities():
    text = ("商务部令2025年第6号\n\n根据《中华人民共和国反外国制裁法》，商务部决定对韩华海洋株式会社的5家美国子公司采取反制措施（见附件）。\n"
            "本决定自公布之日起施行。\n2025年10月14日\n附件\n1. 甲公司（Hanwha Shipping LLC）\n2. 乙公司（Hanwha Philly Shipyard Inc.）\n"
            "3. 丙公司（Hanwha Ocean USA International LLC）\n4. 丁公司（Hanwha Shipping Holdings LLC）\n5. 戊公司（HS USA Holdings Corp.）")
    rec = parse_text(text)
    assert rec.list is ListKind.COUNTERMEASURE
    assert [a.action for a in rec.actions] == [ActionKind.IMPOSE]
    assert len(rec.entities) == 5 and rec.stated_count == 5 and rec.warnings == ()


def test_watch_list_addition_and_removal():
    add = parse_text("商务部公告2026年第12号\n\n决定将甲株式会社（Alpha Co., Ltd.）、乙株式会社（Beta Co., Ltd.）等2家日本实体列入关注名单。\n"
                     "本公告自公布之日起正式实施。\n商务部\n2026年2月24日")
    assert add.list is ListKind.WATCH and [e.country for e in add.entities] == ["JP", "JP"]
    remove = parse_text("商务部公告2026年第40号\n\n经审核，决定将甲株式会社（Alpha Co., Ltd.）移出关注名单。\n本公告自公布之日起正式实施。\n商务部\n2026年8月1日")
    assert [(a.action, a.list) for a in remove.actions] == [(ActionKind.REMOVE, ListKind.WATCH)]
    assert remove.actions[0].entities == (remove.entities[0].key,)
    assert remove.entities[0].en == "Alpha Co., Ltd."


def test_restore():
    rec = qa("答：自2026年11月10日起，恢复实施4月4日公告（不可靠实体清单工作机制公告〔2025〕7号）相关措施。", when="2026-11-09 18:00")
    assert summary(rec) == [("restore", "uel", ["UEL-2025-7"], "2026-11-10", None, None)]


def test_investigation_is_not_a_listing():
    text = ("不可靠实体清单工作机制公告〔2024〕3号\n\n不可靠实体清单工作机制依据《不可靠实体清单规定》第七条，对美国PVH集团涉嫌违反正常市场交易原则的行为，依职权启动调查。\n"
            "不可靠实体清单工作机制\n（商务部代章）\n2024年9月24日")
    rec = parse_text(text)
    assert [a.action for a in rec.actions] == [ActionKind.INVESTIGATE]
    assert [e.zh for e in rec.entities] == ["美国PVH集团"]
    assert rec.actions[0].entities == (rec.entities[0].key,)


def test_extra_measure_on_an_entity_already_listed():
    text = ("不可靠实体清单工作机制公告〔2025〕6号\n\n2025年2月4日，不可靠实体清单工作机制发布公告（不可靠实体清单工作机制公告〔2025〕4号），"
            "将因美纳公司（Illumina, Inc.）列入不可靠实体清单。\n不可靠实体清单工作机制决定对因美纳公司采取以下处理措施：禁止其向中国出口基因测序仪。\n"
            "本公告自公布之日起实施。\n2025年3月4日")
    rec = parse_text(text)
    assert [a.action for a in rec.actions] == [ActionKind.MEASURE]
    assert [(e.zh, e.en) for e in rec.entities] == [("因美纳公司", "Illumina, Inc.")]
    assert "基因测序仪" in rec.actions[0].text
    assert rec.actions[0].entities == ("illumina",)


def test_measures_inside_a_listing_are_not_separate_actions():
    text = ("商务部公告2025年第21号\n\n决定将甲公司等1家美国实体列入出口管制管控名单（见附件），并采取以下措施：\n"
            "一、禁止向上述1家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。\n本公告自公布之日起正式实施。\n商务部\n2025年4月4日\n附件\n1. 甲公司（Alpha Inc.）")
    rec = parse_text(text)
    assert [a.action for a in rec.actions] == [ActionKind.IMPOSE]


def test_traditional_character_reprint():
    rec = qa("答：為落實中美經貿高層會談共識，自2025年5月14日起，暫停4月4日公告（不可靠實體清單工作機制〔2025〕7號）相關措施90天。",
             title="商務部新聞發言人就暫停17家美國實體不可靠實體清單措施答記者問")
    assert summary(rec) == [("suspend", "uel", ["UEL-2025-7"], "2025-05-14", "2025-08-12", "90天")]
    assert rec.stated_count == 17


def test_suspension_period_wording_and_month_day_effective():
    rec = qa("答：商务部决定自11月10日起，停止执行2025年3月4日公告（商务部公告2025年第13号）相关措施；"
             "继续暂停执行2025年4月4日公告（商务部公告2025年第21号）相关措施，暂停期限为1年。", when="2025-11-05 17:00",
             title="商务部新闻发言人就调整出口管制管控名单措施答记者问")
    assert summary(rec) == [
        ("lift", "ecl", ["MOFCOM-2025-13"], "2025-11-10", None, None),
        ("extend", "ecl", ["MOFCOM-2025-21"], "2025-11-10", "2026-11-10", "1年"),
    ]
    assert [t.date for a in rec.actions for t in a.targets] == [date(2025, 3, 4), date(2025, 4, 4)]


def test_item_control_suspension_of_several_announcements():
    text = ("商务部 海关总署公告2025年第70号\n\n现决定，暂停实施商务部 海关总署公告2025年第55号、第56号、第57号、第58号公告及商务部公告2025年第61号、第62号公告，"
            "暂停至2026年11月10日。\n本公告自公布之日起正式实施。\n商务部 海关总署\n2025年11月7日")
    rec = parse_text(text)
    assert rec.key == "MOFCOM-2025-70" and rec.issuer == "商务部 海关总署"
    assert [t.key for t in rec.actions[0].targets] == [f"MOFCOM-2025-{n}" for n in (55, 56, 57, 58, 61, 62)]
    assert rec.actions[0].until == date(2026, 11, 10)


def test_list_named_first_after_the_verb_wins():
    rec = parse_text("商务部公告2026年第12号\n\n决定将甲株式会社（Alpha Co., Ltd.）列入关注名单，出口经营者不得使用通用许可，不适用出口管制管控名单措施。\n2026年2月24日")
    assert rec.list is ListKind.WATCH


def test_two_dates_before_one_notice_word():
    rec = qa("答：自2025年5月14日起，暂停4月4日和4月9日公告相关措施90天。", title="商务部新闻发言人就暂停出口管制管控名单措施答记者问")
    assert [(t.date, t.list) for t in rec.actions[0].targets] == [(date(2025, 4, 4), ListKind.ECL), (date(2025, 4, 9), ListKind.ECL)]
    rec = qa("答：自2025年5月14日起，暂停4月4日和4月9日公告（不可靠实体清单工作机制〔2025〕7号和8号）相关措施。")
    assert [(t.key, t.date) for t in rec.actions[0].targets] == [("UEL-2025-7", date(2025, 4, 4)), ("UEL-2025-8", date(2025, 4, 9))]


def test_recounted_suspension_without_a_year_is_history():
    rec = qa("答：商务部于5月14日宣布暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。"
             "为落实共识，自2025年8月12日起，继续暂停4月4日公告（不可靠实体清单工作机制〔2025〕7号）相关措施90天。",
             when="2025-08-12 21:30")
    assert summary(rec) == [("extend", "uel", ["UEL-2025-7"], "2025-08-12", "2025-11-10", "90天")]
