"""The notice rules one by one: each reads a Source and the Draft fields before it."""

import dataclasses
import random
from datetime import date, datetime

import pytest

from scraper.parse import entities, parse_text, rules
from scraper.parse.actions import ActionDraft
from scraper.parse.dates import Stamp
from scraper.parse.draft import Decision, Draft, Identity, PageHints, read_source
from scraper.parse.number import OwnNumber
from scraper.parse.rules import identify as rules_identify
from scraper.parse.rules import named as rules_named
from scraper.parse.rules import record as rules_record
from scraper.parse.textnorm import keyword_spans
from storage.records import ActionKind, ActionRecord, ListKind, NoticeKind, NoticeRef

NOTICE = (
    "商务部公告2025年第21号\n关于将16家美国实体列入出口管制管控名单的公告\n\n"
    "根据《中华人民共和国出口管制法》等法律法规有关规定，为维护国家安全和利益，商务部决定将高点航空技术公司等16家美国实体"
    "列入出口管制管控名单，现将有关事项公告如下：\n一、禁止向上述16家美国实体出口两用物项。\n本公告自公布之日起正式实施。\n\n"
    "商务部\n2025年4月9日\n附件\n1. 高点航空技术公司（High Point Aerotechnologies）\n"
)
QA = (
    "来源：商务部新闻办公室 类型：原创 分类：新闻 2025-05-14 22:00\n\n"
    "商务部新闻发言人就不可靠实体清单有关措施答记者问\n\n"
    "问：请问商务部对此有何评论？\n答：自2025年5月14日起，暂停实施不可靠实体清单工作机制公告〔2025〕2号的措施90天。\n"
)
OWN_21 = OwnNumber("MOFCOM-2025-21", "商务部公告2025年第21号", NoticeKind.ANNOUNCEMENT, "商务部")


def impose(lst=ListKind.ECL, start=0, targets=()):
    return ActionDraft(ActionKind.IMPOSE, lst, targets, "2025-04-09", None, None, "…", start)


def test_source_folds_once_and_keeps_offsets():
    src = read_source("商务部公告２０２５年第２１号\r\n正文（Ａ）", PageHints(title="答记者问_中华人民共和国商务部"))
    assert src.text == "商务部公告２０２５年第２１号\n正文（Ａ）"
    assert src.folded == "商务部公告2025年第21号\n正文(A)" and len(src.folded) == len(src.text)
    assert src.folded_lines == src.folded.split("\n") and src.head == ["商务部公告２０２５年第２１号", "正文（Ａ）"]
    assert src.title_hint == "答记者问" and src.folded_title_hint == "答记者问"
    titled = read_source("正文", PageHints(title="商务部公告２０２５年第２１号"))
    assert titled.folded_title_hint == "商务部公告2025年第21号"
    assert rules.folded_title(titled, Draft(identity=Identity("k", NoticeKind.OTHER, None, None, titled.title_hint))) \
        == "商务部公告2025年第21号"


def test_numbered_finds_the_own_number_strictly():
    assert rules.numbered(read_source(NOTICE, PageHints()), Draft()).key == "MOFCOM-2025-21"
    # strict: a number named inside a title ("关于…公告…的公告") is not the text's own
    text = "关于执行商务部公告2025年第21号的说明\n\n正文。"
    assert rules.numbered(read_source(text, PageHints()), Draft()) is None
    assert rules.own_number(read_source(text, PageHints()), Draft()).key == "MOFCOM-2025-21"


def test_is_answer_by_title_or_by_question_and_answer():
    src = read_source(QA, PageHints())
    assert rules.is_answer(src, Draft()) is True
    assert rules.is_answer(src, Draft(numbered=OWN_21)) is False  # a number of its own: a notice
    titled = read_source(NOTICE, PageHints(title="商务部新闻发言人答记者问"))
    assert rules.is_answer(titled, Draft(numbered=OWN_21)) is True
    assert rules.own_number(src, Draft(qa=True, numbered=OWN_21)) is None


def test_publication_day_and_time():
    notice = read_source(NOTICE, PageHints(pub=Stamp(date(2025, 4, 9), 20, 5)))
    assert rules.publication_day(notice, Draft()) == date(2025, 4, 9)  # the signature
    assert rules.publication_time(notice, Draft(published=date(2025, 4, 9))).hour == 20
    assert rules.publication_time(notice, Draft(published=date(2025, 4, 10))) is None  # another day's time
    qa = read_source(QA, PageHints())
    line = rules.dateline(qa, Draft(qa=True))
    assert line == (Stamp(date(2025, 5, 14), 22, 0), "商务部新闻办公室")
    assert rules.dateline(qa, Draft(qa=False)) == (None, None)
    assert rules.publication_day(qa, Draft(qa=True, dateline=line)) == date(2025, 5, 14)
    assert isinstance(rules.publication_time(qa, Draft(qa=True, dateline=line)), datetime)
    assert rules.publication_day(read_source("无日期\n正文", PageHints()), Draft()) is None


def test_identity_of_a_notice_a_qa_and_an_unnumbered_text():
    src = read_source(NOTICE, PageHints())
    ident = rules.identity(src, Draft(own=OWN_21, published=date(2025, 4, 9)))
    assert ident == Identity("MOFCOM-2025-21", NoticeKind.ANNOUNCEMENT, "商务部公告2025年第21号", "商务部",
                             "商务部公告2025年第21号 关于将16家美国实体列入出口管制管控名单的公告")
    qa = read_source(QA, PageHints())
    ident = rules.identity(qa, Draft(qa=True, published=date(2025, 5, 14), dateline=(None, "商务部新闻办公室")))
    assert (ident.kind, ident.issuer, ident.key[:14]) == (NoticeKind.QA, "商务部新闻办公室", "QA-2025-05-14-")
    other = rules.identity(read_source("一段说明\n正文", PageHints()), Draft())
    assert (other.kind, other.key[:12], other.title) == (NoticeKind.OTHER, "DOC-undated-", "一段说明")


def test_announcement_title_skips_filing_lines():
    assert rules_identify.announcement_title(["【发布文号】x", "", "标题"], None) == "标题"
    assert rules_identify.announcement_title(["商务部令 2025年第6号", "关于…的决定"], "商务部令2025年第6号") == \
        "商务部令 2025年第6号 关于…的决定"
    assert rules_identify.announcement_title([" ", ""], None) is None


def test_operative_spans_end_at_the_annex():
    src = read_source(NOTICE, PageHints())
    line = rules.annex_line(src, Draft())
    assert src.lines[line] == "附件"
    (start, end), = rules.operative_spans(src, Draft(annex_line=line))
    assert src.text[start:end].rstrip().endswith("2025年4月9日")
    assert rules.operative_spans(src, Draft()) == [(0, len(src.text))]
    qa = read_source(QA, PageHints())
    (start, end), = rules.operative_spans(qa, Draft(qa=True))
    assert qa.text[start:end].startswith("答：")


def test_context_list_by_kind_title_and_body():
    src = read_source(NOTICE, PageHints())
    assert rules.context_list(src, Draft(operative=src.folded)) is ListKind.ECL
    uel = Draft(identity=Identity("UEL-2025-1", NoticeKind.UEL_ANNOUNCEMENT, None, None, None))
    assert rules.context_list(src, uel) is ListKind.UEL
    order = read_source("商务部令2025年第1号\n依据《反外国制裁法》，决定采取反制措施。", PageHints())
    kind = Draft(identity=Identity("MOFCOM-ORDER-2025-1", NoticeKind.ORDER, None, None, None))
    assert rules.context_list(order, kind) is ListKind.COUNTERMEASURE


def test_effective_stated_or_the_publication_date():
    src = read_source(NOTICE, PageHints())
    assert rules.stated_effective(src, Draft(published=date(2025, 4, 9))) == "2025-04-09"
    qa = read_source(QA, PageHints())
    d = Draft(qa=True, published=date(2025, 5, 14), spans=rules.operative_spans(qa, Draft(qa=True)))
    assert rules.stated_effective(qa, d) == "2025-05-14"
    assert rules.effective(src, Draft(published=date(2025, 4, 9))) == "2025-04-09"
    assert rules.effective(src, Draft(stated_effective="2025-04-10T12:01+08:00")) == "2025-04-10T12:01+08:00"
    assert rules.effective(src, Draft()) is None


def test_references_and_clause_actions():
    qa = read_source(QA, PageHints())
    base = Draft(qa=True, published=date(2025, 5, 14), spans=rules.operative_spans(qa, Draft(qa=True)),
                 effective="2025-05-14", context_list=ListKind.UEL)
    base.refs = rules.references(qa, base)
    assert [r.key for _, _, r in base.refs] == ["UEL-2025-2"]
    (draft,) = rules.clause_actions(qa, base)
    assert (draft.action, draft.duration, draft.until) == (ActionKind.SUSPEND, "90天", date(2025, 8, 12))


def test_measure_only_when_nothing_else_acts():
    text = "商务部公告2025年第1号\n商务部决定对因美纳公司采取以下处理措施：禁止其向中国出口基因测序仪。\n"
    src = read_source(text, PageHints())
    (m,) = rules.measure(src, Draft(effective="2025-03-04", own=rules.own_number(src, Draft())))
    assert m.action is ActionKind.MEASURE and m.text.endswith("基因测序仪。")
    assert rules.measure(src, Draft(qa=True)) == []
    listed = [impose()]
    assert rules.measure(src, Draft(drafts=listed)) is listed


def test_notice_list_prefers_the_listing():
    remove = ActionDraft(ActionKind.REMOVE, ListKind.WATCH, (), None, None, None, "", 0)
    src = read_source("x", PageHints())
    assert rules.notice_list(src, Draft(drafts=[remove, impose(ListKind.UEL)])) is ListKind.UEL
    assert rules.notice_list(src, Draft(drafts=[remove])) is ListKind.WATCH
    assert rules.notice_list(src, Draft(drafts=[remove], context_list=ListKind.ECL)) is ListKind.ECL


def test_decision_sentence_from_the_acting_sentence():
    text = "2023年，工作机制决定将甲公司列入清单。\n现决定将乙公司列入不可靠实体清单。"
    src = read_source(text, PageHints())
    acting = src.folded.index("列入不可靠")
    d = rules.decision(src, Draft(drafts=[impose(ListKind.UEL, acting)]))
    assert d.anchor == text.index("现决定") and src.text[slice(*d.span)].startswith("现决定将乙公司")
    assert rules.decision(src, Draft()) == Decision(0, (0, text.index("。")))
    assert rules_named.decision_sentence("没有决定。", 0) is None


def test_stated_count_and_country():
    src = read_source(NOTICE, PageHints())
    span = (src.folded.index("根据"), src.folded.index(",现将"))
    assert rules.stated_count(src, Draft(decision=Decision(0, span))) == (16, "US", (16, 0))
    assert rules.stated_count(read_source("无数", PageHints()), Draft()) == (None, None, None)


def test_stated_count_reads_the_annex_heading_and_the_operative_text_only_when_needed():
    """The count from the title and the decision sentence, else read on into the first line saying 列入
    with 家 and 的 (what keyword_spans finds first), then the operative text."""
    rng = random.Random(9)
    pieces = ["列入", "家", "的", "\n", "3家", "美国", "实体", "甲", "名单", "5名", "日本企业"]
    for _ in range(3000):
        folded = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        first = next((folded[s:e] for s, e in keyword_spans(folded, ("列入",), ("家", "的"))), "")
        assert rules_named._annex_heading(folded) == first, folded
        title, operative = rng.choice(["", "3家美国实体", "2家企业", "美国"]), rng.choice(["", "4家日本实体", folded])
        src, d = read_source(folded, PageHints()), Draft(folded_title=title, operative=operative)
        texts = [title, "", first, operative]
        got = rules.stated_count(src, d)
        assert got[:2] == entities.count_and_country(texts), (title, folded, operative)
        stated, country = entities.stated_count(texts)
        assert got[:2] == (stated, entities.country_of(texts) or country)
        assert got[2] == entities.count_parts(texts[:2])  # the title's or decision's count, split (here: the title's)


def test_entities_from_the_annex_prose_or_the_object():
    src = read_source(NOTICE, PageHints())
    d = Draft(drafts=[impose()], annex_line=rules.annex_line(src, Draft()), count=(16, "US", (16, 0)))
    (e,) = rules.entities(src, d)
    assert (e.zh, e.en, e.country) == ("高点航空技术公司", "High Point Aerotechnologies", "US")
    assert rules.entities(src, Draft(qa=True, drafts=[impose()])) == []
    assert rules.entities(src, Draft(drafts=[impose(targets=(NoticeRef("x", key="MOFCOM-2025-1"),))])) == []
    prose = read_source("决定将甲公司（Alpha Inc.）、乙公司（Beta Ltd.）列入不可靠实体清单。", PageHints())
    assert [e.en for e in rules.entities(prose, Draft(drafts=[impose(ListKind.UEL)]))] == ["Alpha Inc.", "Beta Ltd."]
    probe = read_source("商务部决定对美国PVH集团涉嫌违反正常的市场交易原则的行为启动调查。", PageHints())
    inv = ActionDraft(ActionKind.INVESTIGATE, ListKind.UEL, (), None, None, None, "", 0)
    assert [(e.zh, e.en) for e in rules.entities(probe, Draft(drafts=[inv]))] == [("美国PVH集团", None)]


def test_action_records_name_entities_and_dedupe():
    rec = ActionRecord(ActionKind.SUSPEND, ListKind.UEL, (NoticeRef("t", key="UEL-2025-2"),), "2025-05-14")
    fuller = ActionRecord(ActionKind.SUSPEND, ListKind.UEL, rec.targets, "2025-05-14", date(2025, 8, 12), "90天")
    assert rules_record.dedupe_actions([rec, fuller]) == [fuller]
    bare_removal = ActionRecord(ActionKind.REMOVE, ListKind.WATCH)
    targeted = ActionRecord(ActionKind.REMOVE, ListKind.WATCH, rec.targets)
    assert rules_record.dedupe_actions([bare_removal, targeted]) == [targeted]
    remove = ActionDraft(ActionKind.REMOVE, ListKind.WATCH, (), None, None, None, "移出", 0)
    src = read_source("x", PageHints())
    removal = read_source("决定将甲公司（Alpha Inc.）移出关注名单。", PageHints())
    entity = rules.entities(removal, Draft(drafts=[remove]))
    (record,) = rules.action_records(src, Draft(drafts=[remove], entities=entity))
    assert record.entities == (entity[0].key,)


def test_named_references_once_each_dated_wins():
    plain, dated = NoticeRef("a", key="MOFCOM-2025-21"), NoticeRef("b", key="MOFCOM-2025-21", date=date(2025, 4, 9))
    by_date = NoticeRef("c", date=date(2025, 4, 9))
    refs = [(0, 1, plain), (2, 3, dated), (4, 5, by_date)]
    assert rules.named_references(read_source("x", PageHints()), Draft(refs=refs)) == (dated,)


@pytest.mark.parametrize(("draft", "long_line", "rejected"), [
    (Draft(qa=True), False, True),  # an answer about something else
    (Draft(qa=True, context_list=ListKind.UEL), False, False),
    (Draft(), True, True),  # unnumbered and acting on nothing
    (Draft(drafts=[impose()]), False, True),  # no body text
    (Draft(drafts=[impose()]), True, False),
    (Draft(own=OWN_21), False, False),
])
def test_rejections(draft, long_line, rejected):
    src = read_source("甲" * (60 if long_line else 5), PageHints())
    assert any(reject(src, draft) for _, reject in rules.REJECTS) is rejected


def test_a_rejection_reads_only_fields_filled_before_it_is_asked():
    """The runner asks each rejection right after the last row filling its field: what the
    rejection reads must be filled by then (the answer is the same as with every field filled)."""
    order = [field for field, _ in rules.RULES]
    for field, reject in rules.REJECTS:
        filled = set(order[: len(order) - order[::-1].index(field)])
        read = set(reject.__code__.co_names) & set(Draft.__slots__)
        assert read and read <= filled, (reject.__name__, read - filled)


def test_checks_say_what_is_missing():
    listing = read_source("决定将甲公司列入不可靠实体清单。", PageHints())
    d = Draft(own=OWN_21, published=date(2025, 4, 9), drafts=[impose()], count=(2, None, (2, 0)))
    warnings = [w for w in (check(listing, d) for check in rules.CHECKS) if w]
    assert warnings == ["no effective date stated; using the publication date", "parsed 0 entities, notice states 2"]
    d = Draft(drafts=[impose()])
    assert [w for w in (check(listing, d) for check in rules.CHECKS) if w] == [
        "no publication date found", "no entities found for a listing", "no notice number found"]
    qa = Draft(qa=True, published=date(2025, 5, 14), effective="2025-05-01")
    assert [w for w in (check(listing, qa) for check in rules.CHECKS) if w] == [
        "no action found in the answer", "effective 2025-05-01 is before publication 2025-05-14"]


def test_every_row_fills_a_draft_field_in_order():
    fields = set(Draft.__slots__)
    assert all(name in fields for name, _ in rules.RULES)
    assert len({rule for _, rule in rules.RULES}) == len(rules.RULES)


@pytest.mark.parametrize("text", [
    "2023年，工作机制决定将甲公司列入清单。\n现决定将乙公司列入不可靠实体清单。",
    "商务部公告2026年第12号 公布将20家日本实体列入关注名单\n根据规定，决定将上述实体列入关注名单，并采取以下措施：",
    "公布将甲公司列入关注名单\n没有决定的句子。\n另一句决定。决定采取反制措施",
    "商务部决定，将甲公司移出关注名单；决定将乙公司列入关注名单", "现将甲公司列入关注名单", "甲决定\n移出关注名单。决定",
])
def test_decision_from_the_walks_sentence_is_the_one_searched_for(text):
    """``decision`` takes the acting sentence from the walk: the same decision as finding it again."""
    src = read_source(text, PageHints())
    drafts = rules.clause_actions(src, Draft(spans=[(0, len(src.folded))], published=date(2025, 5, 14)))
    assert any(x.sentence for x in drafts)
    unknown = [dataclasses.replace(x, sentence=None) for x in drafts]
    assert rules.decision(src, Draft(drafts=drafts)) == rules.decision(src, Draft(drafts=unknown))


def _records_then_deduped(d):
    """What action_records did before deduping drafts: a record for every draft, then the records deduped."""
    keys = tuple(e.key for e in d.entities)
    # session 20: a removal beside a listing on its list names what its own paragraph names (none in "x"): no record;
    # the listing then names the notice's entities
    beside = rules_named.removals_beside_listing(rules_record.dedupe_actions(d.drafts) if len(d.drafts) > 1 else d.drafts)
    out = [ActionRecord(x.action, x.list, x.targets, x.effective, x.until, x.duration,
                        keys if x.action is ActionKind.REMOVE or (not x.targets and x.action in (
                            ActionKind.INVESTIGATE, ActionKind.MEASURE))
                        or (beside and x.action is ActionKind.IMPOSE and not x.targets) else (), x.text)
           for x in d.drafts if x not in beside]
    return rules_record.dedupe_actions(out) if len(out) > 1 else out


@pytest.mark.parametrize("seed", range(3))
def test_action_records_from_deduped_drafts_are_the_deduped_records(seed):
    """action_records dedupes the drafts before building records: the same records as deduping them all."""
    rng = random.Random(seed)
    src = read_source("x", PageHints())
    refs = [NoticeRef("a", key="MOFCOM-2025-21"), NoticeRef("b", key="MOFCOM-ORDER-2025-6"),
            NoticeRef("c", date=date(2025, 4, 4), list=ListKind.ECL, count=16), NoticeRef("d", key="UEL-2025-7")]
    entity = rules.entities(read_source("决定将甲公司（Alpha Inc.）移出关注名单。", PageHints()),
                            Draft(drafts=[ActionDraft(ActionKind.REMOVE, ListKind.WATCH, (), None, None, None, "", 0)]))
    for _ in range(3000):
        drafts = []
        for i in range(rng.randint(0, 5)):
            targets = tuple(rng.sample(refs, rng.randint(0, 2)))
            period = rng.choice([(None, None), (date(2025, 8, 12), "90天"), (None, "1年")])
            drafts.append(ActionDraft(rng.choice(list(ActionKind)), rng.choice([None, ListKind.UEL, ListKind.WATCH]),
                                      targets, rng.choice([None, "2025-05-14"]), *period, f"t{i}", i))
        d = Draft(drafts=drafts, entities=rng.choice([[], entity]))
        assert rules.action_records(src, d) == _records_then_deduped(d)


def _deduped_in_full(records):
    """``dedupe_actions`` without its shortcuts: merged by identity, the shortened dropped, then the
    bare removals of a list some removal names targets for."""
    out, kept = [], {}
    for r in records:
        ident = (r.action, r.list, tuple(t.key or t.text for t in r.targets), r.effective)
        if ident not in kept:
            kept[ident] = len(out)
            out.append(r)
        elif (r.until is not None or r.duration is not None) and out[kept[ident]].until is None \
                and out[kept[ident]].duration is None:
            out[kept[ident]] = r
    out = [r for r in out if not rules_record._shortened(r, out)]
    lists = {(r.action, r.list) for r in out if r.targets}
    return [r for r in out if r.targets or r.action is not ActionKind.REMOVE or (r.action, r.list) not in lists]


def _named_in_full(refs):
    """``named_references`` without its shortcut: each notice once, then the date-only refs a numbered one names."""
    out = {}
    for _, _, r in refs:
        ident = (r.key, r.date, r.list, r.count) if r.key is None else (r.key,)
        if ident not in out or (out[ident].date is None and r.date is not None):
            out[ident] = r
    keyed = {(r.date, r.list) for r in out.values() if r.key and r.date}
    return tuple(r for r in out.values() if r.key or r.count or (r.date, r.list) not in keyed)


@pytest.mark.parametrize("seed", range(3))
def test_dedupe_and_named_references_are_their_readings_in_full(seed):
    """A single action left after merging, or refs where no numbered one has a date, skip the later
    passes: the same as running them (a title's period-less suspension beside the body's fuller one)."""
    rng = random.Random(seed)
    refs = [NoticeRef("a", key="MOFCOM-2025-21"), NoticeRef("a2", key="MOFCOM-2025-21", date=date(2025, 4, 4)),
            NoticeRef("b", key="MOFCOM-2025-55"), NoticeRef("c", date=date(2025, 4, 4), list=ListKind.ECL, count=16),
            NoticeRef("c2", date=date(2025, 4, 4), list=ListKind.ECL), NoticeRef("c3", date=date(2025, 4, 4))]
    src = read_source("x", PageHints())
    for _ in range(4000):
        records = []
        for i in range(rng.randint(0, 4)):
            targets = tuple(rng.sample(refs[:3], rng.randint(0, 2)))
            period = rng.choice([(None, None), (date(2025, 8, 12), "90天"), (None, "1年")])
            records.append(ActionRecord(rng.choice([ActionKind.SUSPEND, ActionKind.REMOVE, ActionKind.LIFT]),
                                        rng.choice([None, ListKind.WATCH]), targets, rng.choice([None, "2025-05-14"]),
                                        *period, (), f"t{i}"))
        assert rules_record.dedupe_actions(records) == _deduped_in_full(records)
        named = [(i, i + 1, rng.choice(refs)) for i in range(rng.randint(0, 4))]
        assert rules.named_references(src, Draft(refs=named)) == (_named_in_full(named) if named else ())


# --- a title that lists, a body that does not (the blind page audit of session 12) --------------------------

UEL8_CUT = """不可靠实体清单工作机制关于将护盾人工智能公司等6家美国实体列入不可靠实体清单的公告
【发布文号】不可靠实体清单工作机制〔2025〕8号
【发文日期】2025年04月09日

为维护国家主权、安全和发展利益，不可靠实体清单工作机制决定将护盾人工智能公司（Shield AI,Inc.）、内华达山脉公司（Sierra Nevada Corporation）、"""


def test_a_title_that_lists_gives_the_listing_a_cut_body_lost():
    """Cut before its 列入, the page read as a notice listing nobody, with no warning: stored over the complete
    one it withdrew six listings. The title's listing makes the count check say what is missing."""
    rec = parse_text(UEL8_CUT)
    assert [(a.action.value, a.list.value) for a in rec.actions] == [("impose", "uel")]
    assert rec.stated_count == 6 and "parsed 0 entities, notice states 6" in rec.warnings


@pytest.mark.parametrize("text", [
    # no title: the first line, a sentence telling history, is taken for it and lists nothing now
    "【发布文号】不可靠实体清单工作机制公告〔2025〕6号\n【发文日期】2025年03月04日\n\n2025年2月4日，不可靠实体清单工作机制发布"
    "公告（不可靠实体清单工作机制公告〔2025〕4号），将因美纳公司（Illumina, Inc.）列入不可靠实体清单。不可靠实体清单工作机制"
    "决定对因美纳公司采取以下处理措施：禁止其向中国出口基因测序仪。",
    # a removal's title
    "商务部公告2026年第40号 关于将1家美国实体移出出口管制管控名单的公告\n【发布文号】商务部公告2026年第40号\n\n"
    "商务部决定将环球世界物流公司（Universal Logistics Holdings, Inc.）移出出口管制管控名单。",
])
def test_no_listing_from_a_line_that_is_no_listing_title(text):
    rec = parse_text(text)
    assert all(a.action.value != "impose" for a in rec.actions)
