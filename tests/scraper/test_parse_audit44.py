"""Session 44's blind round 30 (audit44, tests/data/corpus/audit44/) and audit43's and review47's open B, each as a short
text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.parse import parse_document
from storage.records import UnusablePage
from tests.faults.harness import cli

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "audit44"

LAW = "根据《中华人民共和国出口管制法》和《中华人民共和国两用物项出口管制条例》等法律法规有关规定，"
LISTING = ("商务部公告2026年第404号 关于将2家美国实体列入出口管制管控名单的公告\n商务部公告2026年第404号\n" + LAW +
           "决定将白杨电子战公司（Aspen Electronic Warfare Inc.）、黑曜石光电公司（Obsidian Electro-Optics LLC）2家美国实体列入出口管制管控名单，"
           "并采取以下措施：\n一、禁止出口经营者向上述2家实体出口两用物项。\n{third}本公告自公布之日起正式实施。\n商务部\n2026年12月15日\n")


@pytest.mark.parametrize("third", [
    "三、鉴于商务部公告2026年第23号所列美国稀土公司（USA Rare Earth, Inc.）已书面承诺不将两用物项用于军事用途，决定自本公告公布之日起，"
    "对该公司暂不实施该公告所列措施。\n",
    "三、商务部决定，对商务部公告2026年第23号所列美国稀土公司（USA Rare Earth, Inc.）暂不执行相关措施。\n",
    "三、商务部决定，商务部公告2026年第23号所列美国稀土公司（USA Rare Earth, Inc.）不再适用该公告所列措施。\n",  # a probe: no verb
])
def test_a_decided_zanbu_shishi_of_another_notices_entity_is_held(third: str) -> None:
    """audit44/04: "决定…对该公司暂不实施该公告所列措施" puts one of No. 23's entities off (a suspension, no end), worded with
    暂不, which the doubt words take for a step not decided: read as the listing alone, the step missed, silently."""
    with pytest.raises(UnusablePage, match="a step decided as"):
        parse_document(LISTING.format(third=third).encode())


@pytest.mark.parametrize("third", [
    "三、关于是否对其他实体暂不实施相关措施，商务部将视情研究。\n",  # weighed, no 决定
    "三、对商务部公告2026年第23号所列实体，商务部暂不作调整。\n",  # no measures put off
    "",
])
def test_a_listing_without_a_decided_zanbu_step_is_read(third: str) -> None:
    """The hold asks a decided 暂不实施/执行/适用 of measures: a weighed one, a '暂不作调整' and none leave the listing read."""
    notice = parse_document(LISTING.format(third=third).encode()).notice
    assert notice is not None
    assert [(a.action.value, a.list.value if a.list else None) for a in notice.actions] == [("impose", "ecl")]
    assert [e.en for e in notice.entities] == ["Aspen Electronic Warfare Inc.", "Obsidian Electro-Optics LLC"]


@pytest.mark.parametrize("verb", ["暂缓执行", "暂缓实施", "中止实施", "暂停实施"])
def test_a_step_held_off_on_a_named_entity_of_another_notice_names_it(verb: str) -> None:
    """An audit44 probe: "对…第23号所列美国稀土公司（…）暂缓执行相关措施" was read as a suspension of all of No. 23 (its 9 others
    falsely suspended, silently): the object before 暂缓 (and 中止) was not read, as it was before 暂停."""
    third = f"三、商务部决定，对商务部公告2026年第23号所列美国稀土公司（USA Rare Earth, Inc.）{verb}相关措施。\n"
    notice = parse_document(LISTING.format(third=third).encode()).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in notice.actions] == [
        ("impose", [], ()), ("suspend", ["MOFCOM-2026-23"], ("usarareearth",))]


ANNEX = ("商务部公告2026年第415号 关于将{k}家美国实体列入出口管制管控名单的公告\n商务部公告2026年第415号\n" + LAW +
         "决定将以下{k}家美国实体列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n附件：出口管制管控名单\n{lines}\n商务部\n2026年12月23日\n")


def _annex_lines(k: int, lines: list[str]) -> bytes:
    return ANNEX.format(k=k, lines="\n".join(lines)).replace("家美国实体", "家实体").encode()


def _annex(*lines: str) -> bytes:
    return ANNEX.format(k=len(lines), lines="\n".join(f"{i}. {line}" for i, line in enumerate(lines, 1))).encode()


def test_full_width_stops_and_commas_in_english_names_read_as_ascii() -> None:
    """audit43/05, audit44/15: "Inc．", "Systems，Inc．", "Co．，Ltd。", "Allen ＆ Baker" were kept as written in the English
    name (the feed's titles, the entity pages); the keys folded them already, so they stay as they were."""
    notice = parse_document(_annex("极光传感公司（Aurora Sensing Inc．）", "冰川雷达公司（Glacier Radar Systems，Inc．）",
                                   "雪松光纤公司（Cedar Fiber Optics Co．，Ltd。）", "艾伦贝克公司（Allen ＆ Baker Holdings，Inc.）")).notice
    assert notice is not None
    assert [(e.en, e.key) for e in notice.entities] == [
        ("Aurora Sensing Inc.", "aurorasensing"), ("Glacier Radar Systems, Inc.", "glacierradarsystems"),
        ("Cedar Fiber Optics Co., Ltd.", "cedarfiberoptics"), ("Allen & Baker Holdings, Inc.", "allenandbakerholdings")]



@pytest.mark.parametrize("note", ["（英文名称不详）", "（无英文名称）", "（—）", "（暂无英文名）"])
def test_a_note_saying_there_is_no_english_name_is_no_english_name(note: str) -> None:
    """audit44/20: "蓝岭仪器公司（英文名称不详）" kept the note in the Chinese name (its key, the feed's title)."""
    notice = parse_document(_annex("红杉光电公司（Redwood Optoelectronics Inc.）", f"蓝岭仪器公司{note}")).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [("红杉光电公司", "Redwood Optoelectronics Inc."), ("蓝岭仪器公司", None)]


@pytest.mark.parametrize(("cell", "en"), [("—", None), ("/", None), ("无", None), ("N/A", None), ("Star River TT&C Inc.", "Star River TT&C Inc.")])
def test_a_dash_in_a_tables_english_cell_is_no_english_name(cell: str, en: str | None) -> None:
    """audit44/19: a table's English cell "—" was read as the English name: "Tidal Energy Systems Inc., — and 1 more" in the
    feed's title."""
    page = ("<html><head><meta charset=\"utf-8\"><title>商务部公告2026年第415号</title></head><body><div class=\"art-con\">"
            + "".join(f"<p>{line}</p>" for line in ANNEX.format(k=2, lines="").split("\n")[:-4] if line)
            + "<table><tr><td>序号</td><td>中文名称</td><td>英文名称</td></tr><tr><td>1</td><td>潮汐能源公司</td>"
            f"<td>Tidal Energy Systems Inc.</td></tr><tr><td>2</td><td>星河测控公司</td><td>{cell}</td></tr></table>"
            "<p>商务部</p><p>2026年12月24日</p></div></body></html>")
    notice = parse_document(page.encode()).notice
    assert notice is not None
    assert [(e.zh, e.en) for e in notice.entities] == [("潮汐能源公司", "Tidal Energy Systems Inc."), ("星河测控公司", en)]


@pytest.mark.parametrize(("us", "tw"), [("（一）美国", "（二）中国台湾地区"), ("(一) 美国实体", "(二) 中国台湾地区实体")])
def test_bracketed_country_headings_give_their_lines_the_country(us: str, tw: str) -> None:
    """audit44/22: "（一）美国" and "（二）中国台湾地区" over "1."-"4." lines were no headings: every country lost."""
    notice = parse_document(_annex_lines(4, [us, "1. 鹰眼侦察公司（Hawkeye Reconnaissance Inc.）", "2. 钢盾装甲公司（Steel Shield Armor LLC）", tw,
                                             "3. 汉鼎精密工业股份有限公司（Handing Precision Industry Co., Ltd.）",
                                             "4. 翔宇航太科技股份有限公司（Xiangyu Aerospace Technology Corp.）"])).notice
    assert notice is not None
    assert [(e.en, e.country) for e in notice.entities] == [
        ("Hawkeye Reconnaissance Inc.", "US"), ("Steel Shield Armor LLC", "US"),
        ("Handing Precision Industry Co., Ltd.", "TW"), ("Xiangyu Aerospace Technology Corp.", "TW")]


@pytest.mark.parametrize(("words", "country"), [("等十余家美国实体", "US"), ("等多家美国实体", "US"), ("等若干家英国企业", "GB"),
                                                ("等多家实体", None)])
def test_an_uncounted_summary_gives_its_country(words: str, country: str | None) -> None:
    """audit44/03 and /21: "北辰导航公司等十余家美国实体" states no count (none read, no warning), and its country was lost
    with it: every entity without one."""
    text = ("商务部公告2026年第403号\n" + LAW + f"决定将北辰导航公司{words}列入出口管制管控名单（见附件）。\n本公告自公布之日起正式实施。\n"
            "附件：出口管制管控名单\n1. 北辰导航公司（Polaris Navigation Inc.）\n2. 赤焰材料公司（Red Flame Materials LLC）\n"
            "3. 东岭电子公司（Eastridge Electronics Corp.）\n商务部\n2026年12月15日\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [e.country for e in notice.entities] == [country] * 3
    assert (notice.stated_count, notice.warnings) == (None, ())


@pytest.mark.parametrize("seed", range(3))
def test_the_uncounted_words_are_found_as_the_four_finds_found_them(seed: int) -> None:
    """perf45: the gate of the uncounted summary's search walks the text's 家 once instead of four finds of its words over
    every text with no country (~14,700 instructions a page); it finds a word where the finds did, and only there."""
    import random

    from scraper.parse.entities.counts import UNCOUNTED_WORDS, _uncounted_word

    rng = random.Random(seed)
    for _ in range(20000):
        text = "".join(rng.choice("余多数若干家十等x") for _ in range(rng.randrange(0, 9)))
        assert _uncounted_word(text) == any(w in text for w in UNCOUNTED_WORDS), text


def _states(db: str, day: str) -> tuple[dict[tuple[str, str], str], list[str]]:
    status = json.loads(cli(db, "status", "--json", "--as-of", day).out)
    return {(x["notice_key"], x["list"]): x["state"] for x in status["listings"]}, status["problems"]


def test_an_addition_into_an_additions_annex_follows_the_chain(tmp_path: Path) -> None:
    """review47's B, audit44/12: No. 412 adds one entity into No. 411's annex, No. 411 itself an addition into No. 410's
    (the ECL): 'names no list' (loud), the one on no list; and once on it, a stop of No. 410 lifted No. 411's addition
    and left No. 412's in force, silently. The chain is followed to No. 410's list, and a step on No. 410 reaches both."""
    site = tmp_path / "site"
    site.mkdir()
    for n in ("10", "11", "12"):
        (site / f"{n}.txt").write_bytes(next(CORPUS.glob(f"{n}-*.txt")).read_bytes())
    db = f"sqlite:///{tmp_path / 'store.db'}"
    cli(db, "replay", str(site), "--as-of", "2026-12-25")
    states, problems = _states(db, "2026-12-25")
    assert problems == []
    assert states == {(f"MOFCOM-2026-{n}", "ecl"): "in_force" for n in (410, 411, 412)}, states
    (site / "13.txt").write_bytes(next(CORPUS.glob("13-*.txt")).read_bytes())
    cli(db, "replay", str(site), "--as-of", "2027-01-05")
    states, problems = _states(db, "2027-01-05")
    assert problems == []
    assert states == {(f"MOFCOM-2026-{n}", "ecl"): "lifted" for n in (410, 411, 412)}, states


@pytest.mark.parametrize(("verb", "action"), [("延长暂停期限至2027年12月31日", "extend"), ("不再暂停实施相关措施", "restore"),
                                              ("不再执行相关措施", "lift"), ("不再实施相关措施", "lift"), ("废止相关措施", "lift"),
                                              ("暂缓执行相关措施", "suspend")])
def test_a_step_on_one_listed_entity_after_suolie_names_it(verb: str, action: str) -> None:
    """audit44's probes: "对…第21号所列内华达山脉公司（…）延长暂停期限至…" (不再暂停实施, 不再执行, 不再实施, 废止) was read for all 16
    of No. 21, its 15 others falsely, silently: the object before these verbs was not read, as it was before 暂停 or 停止."""
    text = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-20 18:00\n问：商务部对此有何考虑？\n"
            f"答：中方决定，自2026年12月21日起，对商务部公告2025年第21号所列内华达山脉公司（Sierra Nevada Corporation）{verb}。\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in notice.actions] == [
        (action, ["MOFCOM-2025-21"], ("sierranevada",))]


@pytest.mark.parametrize(("words", "action"), [("的暂停期限延长至2027年12月31日", "extend"), ("的暂停实施期限延长1年", "extend"),
                                               ("的出口管制措施暂停实施1年", "suspend")])
def test_a_listed_entitys_term_or_measures_name_it(words: str, action: str) -> None:
    """audit44's probes: "…第21号所列内华达山脉公司（…）的暂停期限延长至…" and "…的出口管制措施暂停实施1年" (no 相关) were read for
    all 16 of No. 21, its 15 others falsely, silently."""
    text = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-20 18:00\n问：商务部对此有何考虑？\n"
            f"答：中方决定，自2026年12月21日起，商务部公告2025年第21号所列内华达山脉公司（Sierra Nevada Corporation）{words}。\n")
    notice = parse_document(text.encode()).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets], a.entities) for a in notice.actions] == [
        (action, ["MOFCOM-2025-21"], ("sierranevada",))]


OWN = ("商务部公告2026年第430号 关于将1家美国实体列入出口管制管控名单的公告\n商务部公告2026年第430号\n" + LAW +
       "决定将白杨电子战公司（Aspen Electronic Warfare Inc.）列入出口管制管控名单{rest}\n本公告自公布之日起正式实施。\n商务部\n2026年12月15日\n")


@pytest.mark.parametrize("rest", ["，相关措施暂不实施，具体实施时间另行公告。", "。\n上述措施暂不实施，具体实施时间另行公告。",
                                  "，相关措施暂缓执行，具体实施时间另行通知。"])
def test_a_listing_whose_own_measures_are_held_off_is_held(rest: str) -> None:
    """An audit44 probe: "决定将X列入…，相关措施暂不实施，具体实施时间另行公告" was read as a listing in force from its day (a
    false state, silently): the measures held off are no step read. Held for a person."""
    with pytest.raises(UnusablePage, match="measures held off"):
        parse_document(OWN.format(rest=rest).encode())


def test_another_notices_measures_held_off_are_still_a_suspension() -> None:
    """"…第168号相关措施暂缓执行，…另行通知" beside the listing is read as a suspension of No. 168 (audit29/02's reading)."""
    notice = parse_document(OWN.format(rest="。\n商务部公告2026年第168号相关措施暂缓执行，具体实施时间另行通知。").encode()).notice
    assert notice is not None
    assert [(a.action.value, [t.key for t in a.targets]) for a in notice.actions] == [
        ("impose", []), ("suspend", ["MOFCOM-2026-168"])]


@pytest.mark.parametrize("step", [
    "商务部公告2025年第21号相关措施自2026年12月21日起恢复实施，但对其中内华达山脉公司（Sierra Nevada Corporation）暂不恢复实施",
    "自2026年12月21日起恢复实施商务部公告2025年第21号相关措施，其中内华达山脉公司（Sierra Nevada Corporation）的相关措施暂不恢复",
    "自2026年12月21日起停止执行商务部公告2025年第21号相关措施，但内华达山脉公司（Sierra Nevada Corporation）暂不适用本决定",
])
def test_a_step_on_a_whole_notice_keeping_one_back_with_zanbu_is_held(step: str) -> None:
    """audit44's probes: "…第21号相关措施自…起恢复实施，但对其中内华达山脉公司（…）暂不恢复实施" restored all 16, the one kept back
    among them (a false 'Restored' item, silently); "…但X暂不适用本决定" lifted all 16 alike. Held as an exception (qa44's
    KEPT_ON_NAMES, 暂不 after a name)."""
    text = ("商务部新闻发言人就调整出口管制管控名单措施答记者问\n来源：商务部新闻办公室 类型：原创 分类：新闻 2026-12-20 18:00\n问：商务部对此有何考虑？\n"
            f"答：中方决定，{step}。\n")
    with pytest.raises(UnusablePage, match="excepts entities"):
        parse_document(text.encode())
