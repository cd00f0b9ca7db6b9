"""MFA countermeasure decisions (外交部令第N号, 关于对…采取反制措施的决定, annex 《反制清单》).

Two layouts occur (``shared/domain.md`` b.7): the older wraps the decision in an order
page (中华人民共和国外交部令 / 第 4 号 / 现公布《…》，自…起施行。/ 部长 / date), the newer
opens with "（2024年10月10日中华人民共和国外交部令第13号公布，自…起施行）". Both state the
measures per group of targets ("对A、B等3家…企业，冻结…", "对X（role）…等10名…人员") and most
end with an annex in sections (一、企业 / 二、高级管理人员) whose lines are
"（一）名称（English）" or "（一）姓名（English），男，role". Targets are organisations
and individuals; a person's role is kept as a note, never as part of the name.

Pure functions over the clean text (see ``textnorm.clean``): numbers are matched on the
width-folded copy and names sliced from the clean one, so they stay as written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from storage.frozen import quick_init
from storage.names import other_names
from storage.records import (
    ActionKind,
    ActionRecord,
    EntityRecord,
    ListKind,
    NoticeKind,
    NoticeRecord,
    NoticeRef,
)

from .actions import MAX_DAYS, MAX_YEARS, VERB_KINDS, sentence_end
from .dates import (
    DATE_RE,
    DURATION_RE,
    ISO_DT_RE,
    STANDALONE_DATE_RE,
    UNTIL_RE,
    Stamp,
    effective_in,
    iso_to_date,
    make_date,
    parse_cn_date,
    until_from,
)
from .draft import Source
from .entities import COUNTRIES, COUNTRY_ALT, COUNTRY_IN_RE, EN_HEADS, SERIAL_HEADS, ZH_HEADS, cached_key, clean_display
from .textnorm import MD, NUM, YEAR, despace, fold, to_int

ISSUER = "外交部"
KEY_PREFIX = "MFA-ORDER"
# "外交部令第13号", "中华人民共和国外交部令\n第 4 号" (the older order page), "外交部令第十三号".
ORDER_NO_RE = re.compile(rf"(?:中华人民共和国)?外交部令\s*(?:\(\s*)?第\s*(?P<n>{NUM})\s*号")
# "（2024年10月10日中华人民共和国外交部令第13号公布，自2024年10月10日起施行）"
PUBLISHED_RE = re.compile(
    rf"(?P<date>{DATE_RE.pattern})\s*(?:中华人民共和国)?外交部令\s*第\s*{NUM}\s*号\s*(?:公布|发布)"
)
# Its tail, which opens with a literal the regex engine skips ahead by: a page without it (the
# older layout) cannot hold PUBLISHED_RE, whose search would try a date at every character.
PUBLISHED_TAIL_RE = re.compile(rf"外交部令\s*第\s*{NUM}\s*号\s*(?:公布|发布)")
# "本决定自2024年10月10日起施行", "现公布《…》，自2022年12月23日起施行", "自公布之日起施行".
EFFECTIVE_RE = re.compile(
    rf"自\s*(?:{DATE_RE.pattern}|(?:公布|发布)\s*之\s*日|即\s*日)(?:\s*\d{{1,2}}\s*[时:点]\s*(?:\d{{1,2}}\s*分?)?)?\s*起\s*(?:正式)?(?:施行|实施|生效|执行)"
)
# "关于对石平采取反制措施的决定"; since late 2025 with the issuer before 关于: "外交部关于对美国军工企业及高级管理人员采取
# 反制措施的决定" (a reprint may write "中华人民共和国外交部关于…"); matched on the folded, despaced line.
TITLE_RE = re.compile(r"^(?:(?:中华人民共和国)?外交部)?关于.{1,200}?(?:反制|反制裁)措施(?:的决定(?:》的决定)?|决定的决定)$")
DECISION_MARK_RE = re.compile(r"(?:反制|反制裁)措施的决定|采取(?:以下|如下|下列|相应)?(?:反制|反制裁)措施")
# Page time line "2024-10-10 17:00" under the title.
TIME_LINE_RE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# The annex heading: "反制清单" / "反制裁清单" alone, or "附件：反制清单", or a bare "附件".
ANNEX_HEADING_RE = re.compile(r"^(?:附件?\s*\d*\s*[:：]?\s*)?(?:《)?(?:反制|反制裁|制裁)清单(?:》)?$|^附件\s*\d*$")
ANNEX_REFERRED_RE = re.compile(r"后附|附件\s*[:：]?\s*《?(?:反制|反制裁)清单|《(?:反制|反制裁)清单》")
UNNUMBERED_MAX = 120  # an unnumbered annex line longer than this is prose, not a name
CN_DIGITS = "一二三四五六七八九十百零〇两"
# "（一）…", "(1)…", "一、…", "1．…", "1、…", "1. …". Matched on one line (no newline), the
# number and the first character of the rest of the line (``.*\s*$`` after it always matches a line, so it is left out).
ENTRY_RE = re.compile(
    rf"^\s*(?:\(\s*(?P<paren>[{CN_DIGITS}]{{1,4}}|\d{{1,3}})\s*\)|(?P<cn>[{CN_DIGITS}]{{1,4}})\s*[、.．]"
    rf"|(?P<d>\d{{1,3}})\s*[、.．](?!\d))\s*(?P<first>\S)"
)
PERSON_WORDS = ("高级管理人员", "管理人员", "人员", "个人", "人士", "议员", "官员", "学者", "高管", "成员", "负责人",
                "政要", "政客", "公民")
ORG_WORDS = ("企业", "公司", "实体", "机构", "组织", "单位", "团体", "集团", "基金会", "大学", "智库")
# A section heading: "一、企业", "二、高级管理人员", "个人：", "二、美国国会议员" (short, no brackets or commas).
# Only category words: "公司", "集团", "大学" end names ("2. 边缘自治运营公司"), not headings.
SECTION_WORDS = PERSON_WORDS + ("企业", "实体", "机构", "组织", "单位", "团体")
# A heading may say how many it holds: "一、企业（3家）", "二、高级管理人员（共2名）" (session 22, mfa22: read as
# entities "企业" and "高级管理人员", published as listed entities).
_HEAD_N = r"(?:共计|共|计)?\s*[0-9０-９一二三四五六七八九十百两]{1,4}\s*[家名人个位]"
SECTION_COUNT = rf"(?:[（(]\s*{_HEAD_N}\s*[）)]|[:：]?\s*{_HEAD_N})?"  # "（3家）", "共2家", "：1名"
SECTION_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:" + "|".join(SECTION_WORDS) + r")(?:名单|清单)?\s*"
                        + SECTION_COUNT + r"\s*[:：]?$")
# The longest despaced line SECTION_RE can match: a longer one (a name) needs no match attempt.
SECTION_MAX = 6 + max(len(w) for w in SECTION_WORDS) + 2 + 10 + 1
COUNTRY_FIRSTS = frozenset(name[0] for name in COUNTRIES)
ROLE_WORDS = ("众议员", "参议员", "议员", "官员", "主席", "部长", "大使", "局长", "署长", "顾问", "负责人", "创始人",
              "总裁", "首席执行官", "总经理", "主任", "学者", "教授", "研究员", "政客", "人士", "州长", "市长",
              # officers and ministers (session 22, mfa22: "日本航空自卫队前航空幕僚长田中宏" kept whole as the name)
              "幕僚长", "参谋长", "司令官", "司令", "议长", "国务卿", "大臣")
# The longest role: "美国印太司令部前司令约翰·贝克" is a 司令's name, not "部前司令约翰·贝克" after "美国印太司令".
ROLE_PREFIX_RE = re.compile(r"^(?P<role>.{2,30}(?:" + "|".join(ROLE_WORDS) + r"))(?P<name>[^、，,()（）]{2,12})$")
ROLE_WORD_RE = re.compile("|".join(ROLE_WORDS))  # in every ROLE_PREFIX_RE match, from the third character
# "所长约翰·沃尔特斯" after "哈德逊研究所董事会主席萨拉·梅·斯特恩、": the role's organisation is the one named
# before; a bare role opens a transliterated name (a middle dot in it).
BARE_ROLES = ROLE_WORDS + ("所长", "院长", "会长", "社长", "校长", "董事长", "理事长", "主编", "总编辑", "董事", "理事")
BARE_ROLE_RE = re.compile(r"^(?P<role>" + "|".join(sorted(BARE_ROLES, key=len, reverse=True))
                          + r")(?P<name>[^、，,()（）·]{1,8}[·•][^、，,()（）]{1,16})$")
# "美国自由亚洲研究所所长罗伯特·金斯利": an organisation, the head's title no ROLE_WORDS holds, then a transliterated name
# (session 19, mfa19: the whole kept as the person's name).
HEAD_ROLES = tuple(r for r in BARE_ROLES if r not in ROLE_WORDS)
HEAD_PREFIX_RE = re.compile(r"^(?P<role>.{2,30}?(?:" + "|".join(sorted(HEAD_ROLES, key=len, reverse=True))
                            + r"))(?P<name>[^、，,()（）·]{1,8}[·•][^、，,()（）]{1,16})$")
GENDER_RE = re.compile(r"^(?:性别\s*[:：]?\s*)?(?P<g>男|女)(?:性)?$")
LATIN_RE = re.compile(r"[A-Za-z]")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
SPACED_EN_RE = re.compile(r"^(?P<zh>[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)[\s\u3000]+(?P<en>[A-Za-z][^\u4e00-\u9fff]*)$")
# Organisation name endings (a target without a section, a gender or a count word).
ORG_SUFFIX_RE = re.compile(
    r"(?:公司|集团|企业|株式会社|会社|机构|组织|中心|实验室|大学|学院|研究所|研究院|研究中心|协会|基金会|委员会|联盟|"
    r"银行|基金|工厂|厂|局|署|部|院|所|社|会|馆|办公室|智库|网络|媒体|电台|电视台|"
    r"\b(?:Inc|LLC|Ltd|Corp|Corporation|Company|Co|Group|Foundation|University|Institute|Association)\.?)$",
    re.IGNORECASE,
)
# English words only organisations' names hold (anywhere in the name: "Human Rights Watch"), with the
# function words a person's name never has ("Endowment for Democracy").
ORG_EN_WORDS = frozenset((
    "Rights", "Watch", "Council", "Commission", "Committee", "Center", "Centre", "Fund", "Endowment", "Democracy",
    "Foundation", "Institute", "Forum", "Alliance", "Union", "Society", "Network", "Project", "Initiative", "Agency",
    "Bureau", "Office", "Caucus", "Association", "Federation", "Coalition", "Campaign", "Party", "Freedom", "Company",
    "Corporation", "Group", "University", "Laboratory", "Laboratories", "Systems", "Technologies", "Industries",
    "Holdings", "International", "Library", "Museum", "School", "College", "Academy", "Hospital", "Press", "Bank",
    "Trust", "&", "of", "for", "on", "and", "the", "The",
))
NAME_PARTICLES = frozenset(("von", "van", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "y", "II", "III", "IV"))
# Every ORG_SUFFIX_RE match ends the name and is at most this long (its longest word, a dot and
# the newline ``$`` may stand before), so searching the name's last characters finds the same
# (``\b`` still sees the character before the window).
ORG_SUFFIX_SPAN = 16
# "对…等3家…企业，…", "对余茂春、托德·斯坦恩等后附《反制裁清单》列明的个人采取…", "决定对石平采取…".
# The decision itself: "中方决定对…", "外交部决定，依据…，对…", or "外交部决定：" / "中方决定采取以下反制措施："
# ending its line, the measures on the lines after it ("一、对…等20家…企业，冻结…"); a bare "决定对" only when
# no sentence names the deciding side (the reasons may say "美方决定对…").
# What may stand between 决定 and the colon ending its line: "如下", "采取以下反制措施".
DECIDES_AS_FOLLOWS = r"(?:如下|\s*[,，]?\s*采取(?:以下|如下|下列)(?:反制|反制裁)?措施)?\s*[:：]"
DECISION_START_RE = re.compile(
    rf"(?:中方|我方|外交部|中国政府|我国政府)决定(?:[^。；;\n]{{0,60}}?(?:对|将)|{DECIDES_AS_FOLLOWS}(?=[ \t\u3000]*\n))")
BARE_DECISION_START_RE = re.compile(r"决定\s*[,，]?\s*(?:对|将)")
# A full date right before the deciding side ("2024年10月10日，中方决定对…"): the decision's own day.
DATED_DECISION_RE = re.compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日[\s,，]*$")
DATED_DECISION_REACH = 24  # the longest date with its comma: the window searched before a decision
# A decision on earlier countermeasures: "中方决定自2025年11月10日起，取消对立方公司采取的反制措施",
# "…停止实施外交部令第12号相关措施", "…暂停实施…1年": its verb comes before any "对" (the bare form
# only when no sentence names the deciding side, as for the decision itself).
# "终止实施…所列全部反制措施", "不再对X采取…反制措施" (a lift, session 17: read as nothing, and as a new impose).
STATUS_VERB = (r"(?P<verb>继续暂停(?:实施|执行)?|暂停(?![期至到])(?:实施|执行)?|停止(?:实施|执行)?|恢复(?:实施|执行)?|"
               r"终止(?:实施|执行|(?=\s*对))|不再(?=\s*对)|取消|解除|移出)")
# "外交部决定：" (DECIDES_AS_FOLLOWS) ending its line: the verb opens the first measure after it ("一、解除…对立方公司采取的反制措施").
COLON_LINE = rf"(?:{DECIDES_AS_FOLLOWS}[ \t\u3000]*\n\s*)?"
STATUS_DECISION_RE = re.compile(rf"(?:中方|我方|外交部|中国政府|我国政府)决定{COLON_LINE}[^。；;\n对]{{0,60}}?{STATUS_VERB}")
BARE_STATUS_DECISION_RE = re.compile(rf"(?<!方)决定{COLON_LINE}[^。；;\n对]{{0,60}}?{STATUS_VERB}")  # not 美方决定…
# An earlier order it acts on: "外交部令第12号", "2024年10月10日中华人民共和国外交部令第13号" (the date gives the year).
ORDER_REF_RE = re.compile(rf"(?:(?P<date>{DATE_RE.pattern})\s*)?(?:中华人民共和国)?外交部令\s*第\s*(?P<n>{NUM})\s*号")
QUOTED_TITLE_RE = re.compile(r"《[^《》]*》")
# An earlier decision named by its title alone, its date perhaps before it: "停止实施2024年10月10日《关于对美国军工企业…
# 采取反制措施的决定》相关措施" (no 外交部令 number: the engine finds the stored order of that day on the list).
QUOTED_DECISION_RE = re.compile(rf"(?:(?P<date>{DATE_RE.pattern})\s*[,，]?\s*)?《(?P<title>关于[^《》]{{1,200}}?决定)》")
STATUS_WORDS = ("暂停", "停止", "恢复", "取消", "解除", "移出", "终止", "不再")  # one is in every STATUS_DECISION_RE match
STATUS_KINDS = {**VERB_KINDS, "不再": ActionKind.LIFT}  # "不再对X采取": no longer imposed
TARGET_START_RE = re.compile(r"将\s*对\s*|对\s*|将\s*")
JOINERS_RE = re.compile(r"以及|和|及|与")
OWN_EFFECTIVE_LINE = "本决定"
# What a decision cut short reads as (a whole sentence of its reasons ends it, so ``page.check_ending``
# passes it): no target at all, or no annex where the decision refers to one ("后附《反制清单》列明的").
NO_TARGETS = "no targets found"
NO_ANNEX = "the decision refers to an annex (反制清单) but none was found"
# A decision ends with "本决定自…起施行" and the signature (外交部); a text with neither after the decision
# stops inside it ("…中方决定对余茂春、托德·斯"): its last names may be cut, the count with them.
NO_END = "the text stops inside the decision (no 本决定…施行, no signature)"
# The annex's last name is the start of one the decision gives ("汤姆·莫" for 汤姆·莫斯), or a person's name that
# lacks the English and the gender every other person of its section has ("（十）汤姆·莫斯" after "…，男" lines):
# its line was cut, and the name without its English is keyed anew.
CUT_ENTRY = "the annex's last name is cut short"
# The annex ends in a section heading with no name after it ("二、高级管理人员", then nothing): cut there.
EMPTY_SECTION = "the annex ends in a section heading with no name after it"
# The annex ends in an entry announcing its subsidiaries ("（一）X（…）及其子公司：", then nothing): cut there.
NO_MEMBERS = "the annex ends in an entry announcing its subsidiaries with none after it"
# A description, not a name: "以下美国军工企业及高级管理人员", "美国国会议员".
DESCRIPTION_ENDS = ("企业", "实体", "机构", "组织", "单位", "团体", "人员", "个人", "人士", "议员", "官员", "学者", "高管", "成员")
UNIT_TYPES = {"家": "organization", "名": "individual", "位": "individual", "人": "individual"}
# A count written without 等, in a phrase naming no one: "列明的3家企业及2名高级管理人员" (its words up to the next count).
BARE_COUNT_RE = re.compile(rf"(?<![\d第])(?P<n>{NUM})\s*(?P<unit>[家名个位])(?P<desc>.*?)(?={NUM}\s*[家名个位]|$)")
BACK_REFS = ("上述", "前述", "以上", "上列")
GROUP_TAIL_RE = re.compile(rf"等\s*(?:(?P<n>{NUM})\s*(?P<unit>[家名个位人]))?(?P<desc>.*)$", re.DOTALL)
NOT_NAMES_RE = re.compile(r"^(?:以下|如下|下列|上述|前述|其|该|这些|此|我国|中国|中方|美方|外国|有关|相关)")
MEASURE_WORDS = (
    ("asset_freeze", re.compile(r"冻结")),
    ("transaction_ban", re.compile(r"禁止[^。；]{0,40}?(?:交易|合作)")),
    ("entry_ban", re.compile(r"不予签发签证|不准入境|禁止[^。；]{0,10}?入境")),
)
MEASURES_ORDER = tuple(name for name, _ in MEASURE_WORDS)
# A measure's first words: the targets before them end there ("对亚当·布赖本人不予签发签证").
MEASURE_VERB_RE = re.compile("不予|不准|冻结|禁止")
# "…本人", "…本人及其直系亲属": the person the phrase names, himself (and his family, named by no one).
SELF_TAILS = ("本人", "直系亲属")
PRONOUNS = frozenset(("其", "本人", "其本人", "该", "此"))  # what is left of "对其本人…" cut oddly: no name
SELF_TAIL_RE = re.compile(r"(?<=\S)\s*(?:本人)?\s*(?:(?:及|和|以及)\s*(?:其\s*)?直系亲属)?$")
# "A及其B": B belongs to A ("公司及其首席执行官亚当·布赖"); a person when B is a role, then a name.
ITS_RE = re.compile(r"以?及其")
# The words for a company's staff, a list of names after them: "及其高级管理人员X、Y", "及其2名高级管理人员X、Y".
# The roles a company's person is named behind ("及其董事长X"): not 董事 or 理事 alone, which open "董事会主席".
ITS_ROLES = ROLE_WORDS + ("董事长", "理事长", "所长", "院长", "会长", "社长", "校长", "主编", "总编辑")
ROLE_END_RE = re.compile("(?:" + "|".join(ITS_ROLES) + ")$")  # a role alone: "联合创始人"
ITS_STAFF_RE = re.compile(rf"\s*(?:{NUM}\s*[名位])?\s*(?:高级管理人员|管理人员|高管|负责人|人员)\s*[:：]?\s*(?=\S)")
ITS_PERSON_RE = re.compile(r"\s*(?P<role>[^、，,()（）]{0,30}?(?:" + "|".join(ITS_ROLES) + r"))(?P<person>[^、，,()（）\s].*)$")
STOP_NAME = " \t;；。，,、:："


@quick_init
@dataclass(frozen=True)
class Target:
    """One name as a decision or its annex writes it."""

    zh: str | None
    en: str | None
    type: str | None
    note: str | None
    n: int | None = None
    # the subsidiaries an annex entry lists under it ("（一）X（English）及其子公司：" / "1.Y（…）"), as written: members of
    # the entry, which the decision counts once ("对X及其子公司、Z等2家…企业"), as MOFCOM's branch lines (UEL〔2025〕10号)
    branches: tuple[str, ...] = ()
    country: str | None = None  # the country heading the annex puts it under ("一、日本（1名）"), when any


@quick_init
@dataclass(frozen=True)
class Group:
    """One "对A、B等N家/名…" phrase: the names it spells out, the count and kind it states."""

    names: tuple[Target, ...]
    count: int | None
    type: str | None
    measures: tuple[str, ...]
    text: str


# What a copy of the decision holds, whole or cut short, and a report of it does not: the order's own line (the
# newer header "（2024年10月10日中华人民共和国外交部令第13号公布，自…起施行）", the older order page "中华人民共和国外交部令" /
# "第 4 号" / "现公布《…》"), a numbered measure ("一、对…", "二、禁止…", at a line's start or after a colon), its own
# effective line (本决定…) or its signature (a line "外交部"). A report names the order inside a sentence of its own
# ("外交部10日发布外交部令第13号，公布…"), tells the measures in one sentence and says "决定自…起施行".
DECISION_HEADER_RE = re.compile(rf"\(\s*{DATE_RE.pattern}[^()\n]{{0,12}}?外交部令\s*第\s*{NUM}\s*号")
ORDER_PAGE_RE = re.compile(
    rf"^\s*(?:中华人民共和国)?外交部令\s*(?:\(?\s*第\s*{NUM}\s*号\s*\)?)?\s*$|外交部令\s*\(?\s*第\s*{NUM}\s*号\s*\)?\s*现公布",
    re.MULTILINE)
NUMBERED_MEASURE_RE = re.compile(rf"(?:^|[:：;；])[ \t\u3000]*[{CN_DIGITS}]{{1,3}}\s*、\s*(?:对|冻结|禁止|不予|取消|停止|暂停|解除)",
                                 re.MULTILINE)


def _names_order(folded: str, title: str | None) -> bool:
    """The text names an 外交部令 and countermeasures (in its text or its title, TITLE_RE: a page cut in its reasons
    says neither 反制 nor 反外国制裁法)."""
    head = folded[:3000]
    # The literals first: every ORDER_NO_RE match holds 外交部令.
    return "外交部令" in head and ORDER_NO_RE.search(head) is not None and (
        "反制" in folded or "反外国制裁法" in folded
        or (title is not None and "反制" in title and TITLE_RE.match(fold(despace(title))) is not None))


def decision_shaped(folded: str) -> bool:
    """Whether the text holds the decision's own header or order page, a numbered measure (the regexes above), its
    own effective line or its signature."""
    return ("外交部令" in folded and (DECISION_HEADER_RE.search(folded) is not None
                                    or ORDER_PAGE_RE.search(folded) is not None)) or (
        "、" in folded and NUMBERED_MEASURE_RE.search(folded) is not None) or OWN_EFFECTIVE_LINE in folded or (
        ISSUER in folded and any(despace(line) == ISSUER for line in folded.split("\n")))


def is_decision(folded: str, title: str | None = None) -> bool:
    """An MFA countermeasure decision: it names an 外交部令 and countermeasures and has the decision's shape
    (``decision_shaped``: a text that names the order without it is a report, ``reports``), or it is a 反制措施的决定
    signed by 外交部."""
    head = folded[:3000]
    if _names_order(folded, title) and decision_shaped(folded):
        return True
    if "商务部" in head:  # a MOFCOM text, whatever its title says (checked before the regexes)
        return False
    titled = bool(title and "措施" in title and DECISION_MARK_RE.search(fold(title))) or bool(
        "措施" in head and DECISION_MARK_RE.search(head))
    if not titled:
        return False
    return any(despace(line) == ISSUER for line in folded.split("\n"))  # signed by 外交部


def detects(src: Source) -> bool:
    """``is_decision`` on the text views the notice rules share (``notice.GENRES``). A text
    that neither names an 外交部令 nor says 措施 near its top cannot be one: most texts
    leave here before any regex runs."""
    head, title = src.folded[:3000], src.title_hint or ""
    if "外交部令" not in head and "措施" not in head and "措施" not in title:
        # an English version (www.fmprc.gov.cn/eng): its text opens in Latin script, a Chinese page's almost never
        return head[:1].isascii() and EN_MINISTRY in head and english_decree(src) is not None
    return is_decision(src.folded, src.title_hint)


# A report of an MFA decision in words of its own (a wire story, a paper's summary: "外交部10日发布关于对…采取
# 反制措施的决定，决定对A、B等3家…企业及10名…采取反制措施"): the MFA decides, in one sentence, countermeasures.
REPORTED_RE = re.compile(r"外交部[^。；;\n]{0,80}?(?:决定|宣布)[^。；;\n]{0,300}?(?:反制|反制裁)措施")


def reports(src: Source) -> bool:
    """A text that tells an MFA countermeasure decision without being it (``detects`` said no: it gives
    no 外交部令 number, or no countermeasure, and no 外交部 signature; or it names the order but has none of the
    decision's own lines, ``decision_shaped``): no notice. Read by the MOFCOM rules, "决定对…采取反制措施" made an
    impose under a DOC key whose entity was the report's description of the group ("美国军工企业及高级管理人员"); read
    as the decision, a report naming the order was a decision without targets, refused as a page cut short. The
    decision itself is read from its own page (or from a reprint that gives it whole, with its number: ``detects``)
    under its own key. Not a MOFCOM text (商务部)."""
    head = src.folded[:3000]
    if "外交部" not in head or "商务部" in head:
        return False
    return ("措施" in head and REPORTED_RE.search(head) is not None) or _names_order(src.folded, src.title_hint)


def no_notice(src: Source) -> None:
    """What a text that is no notice reads as (``reports``)."""
    return None


def parse_source(src: Source) -> NoticeRecord:
    """``parse_decision`` on the shared text views (``notice.GENRES``); an English version of a decision
    (``english_decree``) is a report of it (``english_version``)."""
    # a Chinese decision names 外交部 in its first line or two: that search stops there
    decree = (english_decree(src) if src.folded.find("外交部", 0, 3000) < 0 and src.folded.find(EN_MINISTRY, 0, 3000) >= 0
              else None)
    if decree is not None:
        return english_version(src, decree)
    return parse_decision(src.text, src.title_hint, src.hints.pub, src.hints.url, folded=src.folded,
                          lines=(src.lines, src.folded_lines))


# The English version of a decision (www.fmprc.gov.cn/eng/…): "(Promulgated by Decree No. 13 of the Ministry of Foreign
# Affairs of the People's Republic of China on October 10, 2024, and effective as of October 10, 2024)", its measures
# "countermeasures" under the "Anti-Foreign Sanctions Law". No official English text is described in shared/domain.md
# (b.7 names the Chinese channel only): the Chinese decision is authoritative, so the English one is read as a report of
# it (NoticeKind.NEWS, linked to the decision's key), which changes no state, and says so in a warning.
EN_MINISTRY = "Foreign Affairs"  # in every EN_DECREE_RE match: the gate, a plain substring search
EN_MONTH_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
EN_DECREE_RE = re.compile(
    rf"(?:Decree|Order)\s+No\.?\s*(?P<n>\d{{1,3}})\s+of\s+the\s+Ministry\s+of\s+Foreign\s+Affairs"
    rf"(?:\s+of\s+the\s+People'?’?s\s+Republic\s+of\s+China)?(?:\s+on\s+(?P<date>{EN_MONTH_DATE}))?"
    rf"|(?:Ministry\s+of\s+Foreign\s+Affairs|MFA)\s+(?:Decree|Order)\s+No\.?\s*(?P<n2>\d{{1,3}})",
    re.IGNORECASE)
EN_COUNTER_RE = re.compile(r"counter-?measures?|Anti-Foreign\s+Sanctions\s+Law", re.IGNORECASE)
EN_DATE_RE = re.compile(EN_MONTH_DATE)
ENGLISH_VERSION = ("an English version of MFA decree No. {n}{year}: the Chinese decision (外交部令第{n}号{key}) is "
                   "authoritative and is read from www.mfa.gov.cn; this page is kept as a report of it and changes no state")


def english_decree(src: Source) -> re.Match[str] | None:
    """The decree an English version of an MFA countermeasure decision names as its own (EN_DECREE_RE, in the first
    lines, with countermeasures named: EN_COUNTER_RE), else None."""
    head = src.folded[:3000]
    m = EN_DECREE_RE.search(head)
    return m if m is not None and EN_COUNTER_RE.search(src.folded) is not None else None


def _english_date(raw: str) -> date | None:
    try:
        return datetime.strptime(" ".join(raw.replace(",", " ").replace(".", " ").split()), "%B %d %Y").date()
    except ValueError:
        try:
            return datetime.strptime(" ".join(raw.replace(",", " ").replace(".", " ").split()), "%b %d %Y").date()
        except ValueError:
            return None


def english_version(src: Source, decree: re.Match[str]) -> NoticeRecord:
    """An English version of a decision as a report of it: no entities, no state change, the decision's key (its year
    from the promulgation date, else the page's date; without either the number as written, for ``storage.yearless``)
    as the reference, and a warning that says what it is."""
    n = int(decree.group("n") or decree.group("n2"))
    day = _english_date(decree.group("date")) if decree.group("date") else None
    if day is None:
        day = _published(src.folded, src.folded_lines, None, src.hints.pub)
    if day is None:
        found = EN_DATE_RE.search(src.folded[:3000])
        day = _english_date(found.group()) if found else None
    written = src.text[decree.start() : decree.end()].strip()
    key = f"{KEY_PREFIX}-{day.year}-{n}" if day is not None else None
    ref = (NoticeRef(text=written, key=key, list=ListKind.COUNTERMEASURE) if key is not None
           else NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n))
    warning = ENGLISH_VERSION.format(n=n, year=f" of {day.year}" if day else "", key=f", {key}" if key else "")
    digest = hashlib.sha256((src.hints.url or src.text).encode("utf-8")).hexdigest()[:8]
    title = src.title_hint or next((line.strip() for line in src.lines if line.strip()), None)
    return NoticeRecord(key=f"NEWS-{digest}", kind=NoticeKind.NEWS, number=None, issuer=ISSUER, title=title,
                        published=day, list=ListKind.COUNTERMEASURE, references=(ref,), warnings=(warning,),
                        url=src.hints.url, text=src.text[:4000])


OPENERS, CLOSERS = "(（[《", ")）]》"
# The characters the splitters stop at, per set of separators: a scan visits only these.
SPLIT_STOPS = {seps: re.compile(f"[{re.escape(OPENERS + CLOSERS + seps)}]") for seps in ("，,;；", "、")}
SEPARATORS = {seps: re.compile(f"[{re.escape(seps)}]") for seps in SPLIT_STOPS}
_OPEN, _CLOSE = (f"[{re.escape(chars)}]" for chars in (OPENERS, CLOSERS))
_NOT_BRACKET = f"[^{re.escape(OPENERS + CLOSERS)}]"
# Brackets that open and close in turn, none inside another and none left open or closed alone:
# then a separator is outside every bracket exactly when it is outside the pairs, so the pieces are
# the runs of other characters and whole pairs (what the depth count gives, in one scan).
# (Possessive: each character allows one reading, so nothing is ever given back.)
SIMPLE_BRACKETS_RE = re.compile(f"(?:{_NOT_BRACKET}++|{_OPEN}{_NOT_BRACKET}*+{_CLOSE})*+")
DEPTH0_PIECES = {seps: re.compile(f"(?:[^{re.escape(OPENERS + CLOSERS + seps)}]++|{_OPEN}{_NOT_BRACKET}*+{_CLOSE})++")
                 for seps in SPLIT_STOPS}


def _depth0_split(text: str, seps: str) -> list[str]:
    """Split at separators outside brackets ("亚当·布赖（…联合创始人、首席执行官）、汤姆·莫斯")."""
    if SEPARATORS[seps].search(text) is None:  # nothing to split at: no bracket needs a visit
        return [text] if text.strip() else []
    if SIMPLE_BRACKETS_RE.fullmatch(text):
        return [part for part in DEPTH0_PIECES[seps].findall(text) if part.strip()]
    out, depth, start = [], 0, 0
    for m in SPLIT_STOPS[seps].finditer(text):
        ch = m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            i = m.start()
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [part for part in out if part.strip()]


def _org_suffix(name: str) -> bool:
    """An organisation's name ending (ORG_SUFFIX_RE), looked for where it can be: at the end."""
    return ORG_SUFFIX_RE.search(name, max(0, len(name) - ORG_SUFFIX_SPAN)) is not None


PERSON_WORDS_RE, ORG_WORDS_RE = (re.compile("|".join(words)) for words in (PERSON_WORDS, ORG_WORDS))
# Both kinds named, joined: "实体和个人", "企业及高级管理人员" (not "企业高级管理人员": people of companies).
BOTH_KINDS_RE = re.compile(f"(?:{ORG_WORDS_RE.pattern})(?:和|及其?|与|以及|、).*?(?:{PERSON_WORDS_RE.pattern})")


def _type_of_words(text: str) -> str | None:
    """"individual" when ``text`` holds any of PERSON_WORDS, else "organization" for any of ORG_WORDS."""
    if PERSON_WORDS_RE.search(text):
        return "individual"
    if ORG_WORDS_RE.search(text):
        return "organization"
    return None


def _role_prefix(zh: str | None) -> tuple[str | None, str | None]:
    """"美国国会众议员麦考尔" -> ("麦考尔", "美国国会众议员"): a role written before a person's
    name is a note. Organisation names ("…议员联盟") are left whole."""
    if not zh or _org_suffix(zh):
        return zh, None
    m = ROLE_PREFIX_RE.match(zh) if ROLE_WORD_RE.search(zh, 2) is not None else None
    m = m or BARE_ROLE_RE.match(zh) or (HEAD_PREFIX_RE.match(zh) if "·" in zh or "•" in zh else None)
    if m is None:
        return zh, None
    return m.group("name"), m.group("role")


# What a company's entry says it covers besides itself, after its name and English: "安杜里尔工业公司（Anduril
# Industries, Inc.）及其子公司：" (a note, never part of the name).
SCOPE = (r"(?:以?及其|和其)(?:全部|所有|下属|附属|关联)?"
         r"(?:子公司|分公司|分支机构|附属机构|附属公司|关联公司|关联企业|下属机构|下属企业|下属公司)等?")
SCOPE_TAIL_RE = re.compile(rf"(?<=[^\s、，,])\s*(?P<scope>{SCOPE})$")
SCOPE_RE = re.compile(SCOPE)  # the scope alone, as a note holds it


QUOTE_OPENERS = "“「『\""
QUOTED_NAME_RE = re.compile(r"[“「『\"](?P<name>[^“”「」『』\"]{1,60})[”」』\"](?=\s*(?:[(（,，]|$))")


def split_target(raw: str) -> tuple[str | None, str | None, str | None, bool]:
    """"姓名（English），男，role" -> (zh, en, note, gendered). A bracket without Latin letters
    is a note ("史蒂文·鲁德（摇杆舵公司创始人）"), as is every tail clause but the gender, and what a company's
    entry covers besides it ("…（English）及其子公司": SCOPE_TAIL_RE)."""
    text = raw.strip().rstrip(STOP_NAME)
    quoted = QUOTED_NAME_RE.match(text) if text[:1] in QUOTE_OPENERS else None
    if quoted is not None:  # "“北极光人权观察”（Northern Lights Rights Watch）": the name, not its quotation marks
        text = quoted.group("name") + text[quoted.end() :]
    scope = SCOPE_TAIL_RE.search(text) if "其" in text else None
    if scope is not None:
        zh, en, note, gendered = split_target(text[: scope.start()])
        if zh or en:
            return zh, en, "，".join(filter(None, (note, scope.group("scope")))), gendered
    common = COMMON_TARGET_RE.fullmatch(text)
    if common is not None:  # the usual annex or decision target, read by the pattern alone
        zh, en, inner, gender, note = common.groups()  # its only groups, in this order
        role = None
        if ROLE_WORD_RE.search(zh, 2) is not None or "·" in zh or "•" in zh:  # a role, maybe bare (BARE_ROLE_RE)
            name, role = _role_prefix(zh)
            zh = zh if name is None else name
        if inner is None and note is None:
            notes = role
        elif role is None and (inner is None or note is None):  # one piece: clean_display strips it
            notes = note if inner is None else inner
        else:
            notes = "，".join([piece.strip() for piece in (role, inner, note) if piece is not None])
        return (zh if zh.isprintable() else clean_display(zh),
                en if en is None or (en.isprintable() and "  " not in en) else clean_display(en),
                clean_display(notes), gender is not None)
    return _split_target(text)


def _split_target(text: str) -> tuple[str | None, str | None, str | None, bool]:
    """``split_target`` of ``text`` (stripped) by the general reading."""
    simple = SIMPLE_TARGET_RE.fullmatch(text)
    start: int | None = None
    if simple is not None:  # the common shape, read by the pattern: no depth count
        name, tail = simple.group("name", "tail")
        clauses = SEPARATOR_RE.split(tail)[1:] if tail else []
        start = simple.start("inner") - 1  # the bracket (when there is one)
    else:
        parts = _depth0_split(text, SEPARATORS_OF_CLAUSES)
        if not parts:
            return None, None, None, False
        name, clauses = parts[0].strip(), parts[1:]
    name, clauses = _legal_tail(name, clauses)
    gendered = False
    notes: list[str] = []
    for clause in clauses:
        clause = clause.strip()
        if GENDER_RE.match(clause):
            gendered = True
        elif clause:
            notes.append(clause)
    zh: str | None = name
    en: str | None = None
    if name.endswith(CLOSE_PARENS):
        if start is None:
            start = _matching_open(name)
        if start is not None and start > 0:
            inner = name[start + 1 : -1].strip()
            zh = name[:start].strip()
            # the simple shape's bracket holds no separator
            inner_parts = (_depth0_split(inner, SEPARATORS_OF_CLAUSES)
                           if simple is None and LATIN_RE.search(inner) and CJK_RE.search(inner) else [inner])
            for piece in inner_parts:
                piece = piece.strip()
                if GENDER_RE.match(piece):
                    gendered = True
                elif LATIN_RE.search(piece) and not CJK_RE.search(piece) and en is None:
                    en = piece
                elif piece:
                    notes.insert(0, piece)
    else:
        m = SPACED_EN_RE.match(name)
        if m:
            zh, en = m.group("zh").strip(), m.group("en").strip()
    if zh and not CJK_RE.search(zh) and LATIN_RE.search(zh) and en is None:
        # a Latin-only name is the English: bound first, since mypy reads "zh, en = None, zh" left to right and
        # typed ``en`` None after it
        latin: str = zh
        zh, en = None, latin
    zh, role = _role_prefix(zh)
    if role:
        notes.insert(0, role)
    note = "，".join(notes) or None
    return clean_display(zh), clean_display(en), clean_display(note), gendered


# A company's legal form after a comma: "Red Cat Holdings, Inc." (session 21, mfa21: an annex line of English only
# read "Inc." as a note, the name as "Red Cat Holdings", and "Teal Drones, Inc." as a person's name).
LEGAL_TAIL_RE = re.compile(r"(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Co|PLC|GmbH|AG|S\.A|N\.V|B\.V|L\.P|LP|KK)\.?",
                           re.IGNORECASE)


def _legal_tail(name: str, clauses: list[str]) -> tuple[str, list[str]]:
    """A Latin-only name with the legal form its first clause holds ("Red Cat Holdings" + " Inc."), else as it is."""
    at = next((i for i, clause in enumerate(clauses) if clause.strip()), None)  # blank clauses are skipped anyway
    if at is not None and LEGAL_TAIL_RE.fullmatch(clauses[at].strip()) and LATIN_RE.search(name) and (
            not CJK_RE.search(name)):
        return f"{name}, {clauses[at].strip()}", clauses[at + 1 :]
    return name, clauses


SEPARATORS_OF_CLAUSES = "，,;；"
SEPARATOR_RE = re.compile(f"[{SEPARATORS_OF_CLAUSES}]")
# The common target: a name, then at most one bracket pair holding no separator, then clauses after
# separators, and no other bracket ("姓名（English），男，role", "名称（English）", "姓名（role）", "姓名"):
# then the name is the text before the first separator, the clauses the pieces after it, and the
# bracket the last one opened (what ``_depth0_split`` and ``_matching_open`` find).
SIMPLE_TARGET_RE = re.compile(
    r"(?P<name>[^()（）,，;；]*[^()（）,，;；\s](?:\s*[(（](?P<inner>[^()（）,，;；]*)[)）])?)(?P<tail>[,，;；][^()（）]*)?"
)
# The usual target, whose reading needs no split: a Chinese name (no space, Latin letter, bracket or
# separator), then perhaps a bracket holding its English (a Latin letter first, no Chinese, no
# separator, no space at either end) or a note (no Latin letter, no separator), then perhaps the gender
# alone ("，男") and one clause more (a note). What ``_split_target`` reads of it: the name is all of
# the Chinese (no spaced English, no swap), the English is the English, a gender clause sets
# ``gendered``, the notes are the bracket's and the clause's in that order (neither blank nor a gender).
_NO_SEP = "()（）,，;；"
_GENDER = r"\s*(?:性别\s*[:：]?\s*)?[男女]性?\s*"  # a piece GENDER_RE matches once stripped
COMMON_TARGET_RE = re.compile(
    rf"(?P<zh>[\u4e00-\u9fff][^\sA-Za-z{_NO_SEP}]*)"
    rf"(?:[(（](?:(?P<en>[A-Za-z](?:[^{_NO_SEP}\u4e00-\u9fff]*[^\s{_NO_SEP}\u4e00-\u9fff])?)"
    rf"|(?!{_GENDER}[)）])(?=[^{_NO_SEP}]*[^\s{_NO_SEP}])(?P<inner>[^{_NO_SEP}A-Za-z]*))[)）])?"
    rf"(?:[,，](?P<g>[男女]))?(?:[,，;；](?!{_GENDER}$)(?=[^{_NO_SEP}]*[^\s{_NO_SEP}])(?P<note>[^{_NO_SEP}]*))?"
)
PARENS_RE = re.compile(r"[()（）]")
CLOSE_PARENS = (")", "）")


def _matching_open(text: str) -> int | None:
    """Where the bracket closed by the last character opens (None: nowhere); brackets of
    either width pair alike, as in the folded text."""
    last = max(text.rfind("("), text.rfind("（"))
    inside = text[last + 1 : -1]
    if ")" not in inside and "）" not in inside:  # the last opening one (or none): no pair inside
        return last if last >= 0 else None
    depth = 0
    for m in reversed(list(PARENS_RE.finditer(text))):
        depth += 1 if m.group() in CLOSE_PARENS else -1
        if depth == 0:
            return m.start()
    return None


def _entry_number(m: re.Match[str]) -> int | None:
    raw = m.group("paren") or m.group("cn") or m.group("d")
    return to_int(raw) if raw else None


def _style(m: re.Match[str]) -> str:
    return "paren" if m.group("paren") else ("cn" if m.group("cn") else "digit")


def annex_targets(lines: list[str], start: int,
                  folded_lines: list[str] | None = None) -> tuple[list[Target], list[str], bool, str | None]:
    """Targets from the annex lines after ``start`` (the heading), with section types;
    also the lines that look numbered but could not be read (for the warnings), whether the
    last entry lacks the gender every other entry of its section gives ("二、托德·斯坦恩" after "一、余茂春，男":
    its line may have been cut after the name), and whether the annex ends in a section heading with no name
    after it ("二、高级管理人员" and nothing more: the page was cut there: EMPTY_SECTION) or in an entry announcing
    subsidiaries that do not follow (NO_MEMBERS). ``folded_lines``: ``fold`` of each line, when the caller has them."""
    after = lines[start + 1 :]
    if any("\t" in line for line in after) and (tabled := _table_annex(after)) is not None:
        return tabled, [], False, None
    entries = _annex_entries(after, [fold(line) for line in after] if folded_lines is None else folded_lines[start + 1 :])
    out: list[Target] = []
    bad: list[str] = []
    section: str | None = None
    numbered = any(m is not None for _, m in entries)
    genders: list[tuple[int, bool]] = []  # (section number, gendered) of each target
    sections = 0
    heading_style: str | None = None  # how the numbered section headings are numbered ("一、" beside "（一）" entries)
    # "（一）X（…）及其子公司：" then "1.Y（…）": the subsidiary lines, by the index of their entry (every such entry says 其)
    entries, members, unfinished = _subsidiaries(entries) if "其" in "".join(after) else (entries, {}, False)
    nested: tuple[str, str | None] | None = None  # (the entries' numbering, their section) around a sub-heading
    last_style: str | None = None  # the numbering of the last entry
    place: str | None = None  # the country of the last country heading
    for i, (line, m) in enumerate(entries):
        if m is None:
            plain = despace(line)
            if (there := _country_heading(plain)) is not None:
                place, sections = there, sections + 1
            elif len(plain) <= SECTION_MAX and SECTION_RE.match(plain) and not LATIN_RE.search(plain):
                nested = _sub_heading(last_style, section, entries[i + 1 :]) or nested
                section, sections = _type_of_words(plain), sections + 1
            elif (not numbered or DASHED_RE.match(line)) and (loose := _loose_entry(line, plain, section, len(out) + 1, place)):
                out.append(loose[0])
                genders.append((sections, loose[1]))
            continue
        if nested is not None and _style(m) == nested[0]:  # the next entry of the level the sub-heading was under
            section, nested = nested[1], None
        last_style = _style(m)
        rest = line[m.start("first") :].strip()
        # a heading holds no bracket (a name with its English does): only a line without one is despaced
        plain = despace(rest) if "（" not in rest and "(" not in rest else rest
        if (there := _country_heading(plain)) is not None:
            place, sections = there, sections + 1
            continue
        if (len(plain) <= SECTION_MAX and SECTION_RE.match(plain) is not None
                and _numbered_heading(plain, m, entries[i + 1 :], heading_style)):
            section, sections, heading_style = _type_of_words(plain), sections + 1, _style(m)
            continue
        zh, en, note, gendered = split_target(rest)
        if not (zh or en):
            bad.extend((line, *members.get(i, ())))
            continue
        target = Target(zh, en, section or ("individual" if gendered else None), note, len(out) + 1, country=place)
        out.append(_with_branches(target, members[i]) if i in members else target)
        genders.append((sections, gendered))
    return out, bad, _last_ungendered(genders), _annex_cut(sections, genders, unfinished)


def _annex_entries(after: list[str], folded_after: list[str]) -> list[tuple[str, re.Match[str] | None]]:
    """The annex's non-blank lines, each with its entry number's match (None for a line without one); a name wrapped
    after "及其" rejoined (``_rejoined``)."""
    entries = [(kept, ENTRY_RE.match(folded.strip())) for line, folded in zip(after, folded_after) if (kept := line.strip())]
    return _rejoined(entries) if "其" in "".join(after) else entries


def _annex_cut(sections: int, genders: list[tuple[int, bool]], unfinished: bool) -> str | None:
    """How an annex read as cut short ends: in a section heading with no name after it (EMPTY_SECTION), in an entry
    announcing subsidiaries that do not follow (NO_MEMBERS); None."""
    if sections > 0 and (not genders or genders[-1][0] != sections):
        return EMPTY_SECTION
    return NO_MEMBERS if unfinished else None


# An annex as a table ("序号<tab>中文名称<tab>英文名称", a row per entity: session 20, mfa20: a page's table of 24 companies
# read "序号 中文名称 英文名称" as a company and "1 北极光防务系统公司" as a name): its header's cells say which cell is which.
TABLE_NAME_HEADS = ZH_HEADS | frozenset(("姓名", "中文姓名", "人员", "个人", "人员姓名", "机构", "组织"))
TABLE_EN_HEADS = EN_HEADS | frozenset(("英文姓名", "外文姓名", "英文名字"))
TABLE_PERSON_HEADS = frozenset(("姓名", "中文姓名", "人员", "个人", "人员姓名", "英文姓名", "外文姓名"))
GENDERS = frozenset(("男", "女"))
TABLE_SECTION_NUMBER_RE = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]")  # "一、企业" above a table


def _table_annex(after: list[str]) -> list[Target] | None:
    """The targets of an annex laid out as tables (a header row: a serial cell, a name cell), section headings above
    them typing their rows; None when no line is such a header (the annex is read line by line)."""
    out: list[Target] = []
    head: tuple[int, int | None, int, bool] | None = None  # (name cell, English cell, width, persons)
    section: str | None = None
    found = False
    for line in after:
        if not line.strip():
            continue
        cells = [cell.strip(" \u3000") for cell in line.split("\t")]
        heads = ["".join(fold(cell).split()) for cell in cells]
        if len(cells) >= 2 and heads[0] in SERIAL_HEADS:
            name = next((i for i, h in enumerate(heads) if h in TABLE_NAME_HEADS), None)
            if name is not None:
                en_cell = next((i for i, h in enumerate(heads) if h in TABLE_EN_HEADS), None)
                head, found = (name, en_cell, len(cells), any(h in TABLE_PERSON_HEADS for h in heads)), True
                continue
        plain = despace(line)
        if len(cells) == 1 and len(plain) <= SECTION_MAX and SECTION_RE.match(TABLE_SECTION_NUMBER_RE.sub("", plain)):
            section, head = _type_of_words(plain), None
            continue
        if head is None or len(cells) < 2:
            continue
        name, en_at, _, persons = head
        written = cells[name] if name < len(cells) else ""
        zh, en, note, gendered = split_target(written) if written else (None, None, None, False)
        if en_at is not None and en_at < len(cells) and cells[en_at]:
            en = clean_display(cells[en_at])
        rest = [c for i, c in enumerate(cells) if i not in (0, name, en_at) and c]
        gendered = gendered or any(c in GENDERS for c in rest)
        note = "，".join(filter(None, (note, *rest))) or None
        if not (zh or en):
            continue
        serial = fold(cells[0]).strip()
        kind = section or ("individual" if persons or gendered else None)
        out.append(Target(zh, en, kind, note, int(serial) if serial.isdigit() else len(out) + 1))
    return out if found else None


Entry = tuple[str, re.Match[str] | None]  # an annex line and its ENTRY_RE match
# An entry's scope cut by a line end: "（三）X（English）及其" / "子公司", or "（一）X（English）" / "及其子公司" (a copy's wrap;
# session 18, mfa18: the name read "X（English）及其", with no English).
SCOPE_OPEN_RE = re.compile(r"(?:以?及其|和其)(?:全部|所有|下属|附属|关联)?$")
SCOPE_LINE_RE = re.compile(rf"{SCOPE}$")


def _rejoined(entries: list[Entry]) -> list[Entry]:
    """The annex lines with an entry's scope cut by a line end joined to the entry (SCOPE_OPEN_RE, SCOPE_LINE_RE)."""
    out: list[Entry] = []
    for line, m in entries:
        if out and m is None and out[-1][1] is not None and (
                SCOPE_OPEN_RE.search(out[-1][0]) or SCOPE_LINE_RE.fullmatch(despace(line))):
            joined = out.pop()[0] + line
            out.append((joined, ENTRY_RE.match(fold(joined))))
            continue
        out.append((line, m))
    return out


def _subsidiaries(entries: list[Entry]) -> tuple[list[Entry], dict[int, tuple[str, ...]], bool]:
    """The annex lines without the subsidiary lines under an entry that announces them ("（一）X（…）及其子公司：" then
    "1.Y（…）" or "-Y": numbered otherwise than the entry, or not at all: ``_branch_line``), those lines by the index
    of their entry among the lines kept, and whether the last entry announcing them with a colon has none after it
    (the page was cut there)."""
    kept: list[Entry] = []
    members: dict[int, tuple[str, ...]] = {}
    style: str | None = None  # the announcing entry's numbering, while its subsidiaries follow
    parent, announced = 0, False
    pending: list[str] = []
    for line, m in entries:
        if style is not None and (m is None or _style(m) != style):
            branch = _branch_line(line, m)
            if branch is not None:  # a subsidiary: a member of the entry, not an entry of its own
                pending.append(branch)
                continue
        if pending:
            members[parent] = tuple(pending)
        style, pending = None, []
        kept.append((line, m))
        if m is not None and "其" in line and SCOPE_TAIL_RE.search(line[m.start("first") :].rstrip(STOP_NAME)):
            style, parent, announced = _style(m), len(kept) - 1, line.endswith((":", "："))
    if pending:
        members[parent] = tuple(pending)
    return kept, members, style is not None and announced and not pending


# A country heading in an annex, its count perhaps after it: "一、美国（2名）", "二、日本", "（一）加拿大籍人员：" (session 22,
# mfa22: read as entities "美国" and "日本", every target given the decision's country).
COUNTRY_HEAD_RE = re.compile(rf"^(?P<c>{COUNTRY_ALT})(?:籍)?(?:人员|个人|人士|实体|企业|机构|组织)?\s*{SECTION_COUNT}\s*[:：]?$")


def _loose_entry(line: str, plain: str, section: str | None, n: int, place: str | None) -> tuple[Target, bool] | None:
    """An annex line without a number read as a target, and whether it gives a gender: a line of an annex that numbers
    none, or a dashed line no entry announced as its subsidiary, an executive under his company ("一、蓝鹰防务系统公司（…）" /
    "　　—迈克尔·斯通（Michael Stone），首席执行官": session 22, mfa22: dropped without a word); None for a line that is no
    name (``plain``: the line despaced)."""
    if not _unnumbered_entry(plain):
        return None
    dash = DASHED_RE.match(line)
    zh, en, note, gendered = split_target(line[dash.end() :] if dash else line)
    if not (zh or en):
        return None
    person = gendered or bool(dash and note and ROLE_WORD_RE.search(note))
    return Target(zh, en, section or ("individual" if person else None), note, n, country=place), gendered


def _country_heading(plain: str) -> str | None:
    """The country code of an annex line that is a country heading (COUNTRY_HEAD_RE), else None."""
    m = COUNTRY_HEAD_RE.match(plain) if len(plain) <= SECTION_MAX and plain[:1] in COUNTRY_FIRSTS else None
    return COUNTRIES[m.group("c")] if m else None


def _sub_heading(last_style: str | None, section: str | None,
                 later: list[tuple[str, re.Match[str] | None]]) -> tuple[str, str | None] | None:
    """An unnumbered heading under a numbered entry, over entries numbered otherwise: "一、蓝鹰防务系统公司（…）" /
    "高级管理人员：" / "1.迈克尔·斯通（…）" then "二、红石航空公司（…）" (session 22, mfa22: the second company typed by the
    executives' heading, an individual). The numbering of the entry above it and the section that numbering had, restored
    at the next entry numbered so; None when the heading heads entries numbered as those before it (a section of its own)."""
    nxt = next((n for _, n in later if n is not None), None)
    if last_style is None or nxt is None or _style(nxt) == last_style:
        return None
    return last_style, section


def _numbered_heading(plain: str, m: re.Match[str], later: list[tuple[str, re.Match[str] | None]],
                      heading_style: str | None) -> bool:
    """Whether a numbered annex line of section words (``plain``, numbered as ``m`` says) is a section heading: no
    Latin letter, and numbered otherwise than the next numbered line (of ``later``) and as the headings before it are
    (a name of the last section may end in a section word: "（二）国际特赦组织" before "二、高级管理人员"); the last
    numbered line: as the headings."""
    if LATIN_RE.search(plain):
        return False
    nxt = next((n for _, n in later if n is not None), None)
    return (_style(nxt) != _style(m) and heading_style in (None, _style(m)) if nxt is not None
            else heading_style == _style(m))


# A member line written without a number: "-TechInsights Japan KK", "—安杜里尔英国公司（Anduril UK Limited）".
DASHED_RE = re.compile(r"^\s*[-－—–]+\s*(?=\S)")


def _branch_line(line: str, m: re.Match[str] | None) -> str | None:
    """A subsidiary line under an entry that announces them, as written without its number or dash ("1.安杜里尔澳大利亚
    公司（Anduril Australia Pty Ltd）"); None for a line that is no name (a section heading, a signature, a date)."""
    if m is not None:
        rest = line[m.start("first") :]
    else:
        dash = DASHED_RE.match(line)
        rest = line[dash.end() :] if dash else line
    plain = despace(rest)
    if (len(plain) <= SECTION_MAX and SECTION_RE.match(plain)) or not _unnumbered_entry(plain):
        return None  # "二、高级管理人员" after them: the next section
    return clean_display(rest.strip().rstrip(STOP_NAME)) or None


def _with_branches(t: Target, branches: tuple[str, ...]) -> Target:
    """``t`` with the subsidiaries read under it; its note loses the words announcing them ("及其子公司"), which the
    branches now say."""
    return Target(t.zh, t.en, t.type, _unscoped(t.note), t.n, t.branches + branches, t.country)


def _unscoped(note: str | None) -> str | None:
    """``note`` without its last clause when that says what the entry covers besides it ("及其子公司", SCOPE_RE)."""
    if note is None:
        return None
    parts = note.split("，")
    return "，".join(parts[:-1]) or None if SCOPE_RE.fullmatch(parts[-1]) else note


def _last_ungendered(genders: list[tuple[int, bool]]) -> bool:
    """The last target lacks the gender every other target of its section has (at least one other)."""
    if not genders or genders[-1][1]:
        return False
    last = genders[-1][0]
    same = [gendered for section, gendered in genders[:-1] if section == last]
    return bool(same) and all(same)


def _unnumbered_entry(plain: str) -> bool:
    """An annex line without a number that can only be a name: no sentence, no date, no signature."""
    return (len(plain) <= UNNUMBERED_MAX and "。" not in plain and plain != ISSUER
            and not STANDALONE_DATE_RE.match(fold(plain)) and not ANNEX_HEADING_RE.match(plain))


def _annex_start(folded: str) -> int | None:
    """Index of the last line of ``folded`` that is an annex heading (ANNEX_HEADING_RE, spaces aside).
    Every heading holds 附 or 清单: only the lines holding 附 or 单 are tried, from the last one up."""
    pos = max(folded.rfind("附"), folded.rfind("单"))
    while pos >= 0:
        start = folded.rfind("\n", 0, pos) + 1
        end = folded.find("\n", pos)
        if ANNEX_HEADING_RE.match(despace(folded[start : end if end >= 0 else len(folded)])):
            return folded.count("\n", 0, start)
        pos = max(folded.rfind("附", 0, start), folded.rfind("单", 0, start))
    return None


# "将斯凯迪奥公司（Skydio Inc.）从反制清单中移出": a removal's "从…清单" and 移出 end the targets too.
FROM_LIST = r"从(?=[^,，。；;\n]{0,20}?(?:名单|清单))"
SEGMENT_STOPS_RE = re.compile(rf"[(（《)）》,，。；;:\n]|采取|列入|纳入|移出|{FROM_LIST}")


# From a place outside brackets, the run of text before the next stop outside them, when every bracket on
# the way closes before the next opens (any opener pairs with any closer, as in the depth count).
TO_SEGMENT_STOP_RE = re.compile(
    r"(?:[^(（《)）》,，。；;:\n采列纳移从]++|采(?!取)|[列纳](?!入)|移(?!出)|从(?![^,，。；;\n]{0,20}?(?:名单|清单))"
    r"|[(（《][^(（《)）》]*+[)）》])*+"
)


def _target_segment(folded: str, start: int) -> tuple[int, int]:
    """From just after "对" to the first "采取" or comma outside brackets, within the sentence."""
    run = TO_SEGMENT_STOP_RE.match(folded, start)  # it matches, if only empty
    end = run.end() if run is not None else start
    if end == len(folded) or folded[end] not in "(（《)）》":
        return start, end  # a stop, or the end: no bracket was left open or closed alone
    return _segment_by_depth(folded, start)


def _segment_by_depth(folded: str, start: int) -> tuple[int, int]:
    """``_target_segment`` by the depth count, stop by stop."""
    depth = 0
    for m in SEGMENT_STOPS_RE.finditer(folded, start):
        ch = m.group()
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
        elif depth == 0:
            return start, m.start()
    return start, len(folded)


def _measures(text: str) -> tuple[str, ...]:
    return tuple(name for name, regex in MEASURE_WORDS if regex.search(text))


def groups(body_lines: list[str], folded_lines: list[str] | None = None, folded_body: str | None = None) -> list[Group]:
    """Every target phrase of the operative part: the decision sentence ("中方决定对…采取") and
    each measure after it ("一、对A、B等3家…企业，冻结…"). The reasons before the decision are
    left out: "对两名中方官员进行非法制裁" names no target. ``folded_body``: the folded lines joined."""
    folded_lines = [fold(line) for line in body_lines] if folded_lines is None else folded_lines
    body = "\n".join(folded_lines) if folded_body is None else folded_body
    return _groups(body_lines, folded_lines, body, _decision_match(body))


def _decision_match(folded: str, published: date | None = None) -> re.Match[str] | None:
    """Where the deciding side decides (DECISION_START_RE), else a bare 决定对 (BARE_DECISION_START_RE);
    a decision dated before the text's own day (``published``) is history told in the reasons
    ("2024年10月10日，中方决定对斯凯迪奥公司等3家…采取反制措施。"), not this one."""
    return _own_match((DECISION_START_RE, BARE_DECISION_START_RE), folded, published)


def _own_match(regexes: tuple[re.Pattern[str], ...], folded: str, published: date | None) -> re.Match[str] | None:
    """The first match of the first of ``regexes`` that has one, not dated before ``published``; one after
    the decision's own number (its first ORDER_NO_RE match, "（…外交部令第13号公布…）") when there is one:
    before it stand a reprint's headline and lead ("外交部决定对美国军工企业…采取反制措施"), not the decision."""
    head = -1
    for regex in regexes:
        found = None
        for m in regex.finditer(folded):
            if published is not None and _dated_before(folded, m.start(), published):
                continue
            if head < 0:
                own = ORDER_NO_RE.search(folded) if "外交部令" in folded else None
                head = own.end() if own is not None else 0
            if m.start() >= head:
                return m
            found = found or m
        if found is not None:
            return found
    return None


def _dated_before(folded: str, at: int, published: date) -> bool:
    """A full date earlier than ``published`` written right before ``at`` (commas and spaces between)."""
    lo = max(0, at - DATED_DECISION_REACH)
    if folded.find("日", lo, at) < 0:  # in every DATED_DECISION_RE match
        return False
    m = DATED_DECISION_RE.search(folded, lo, at)
    day = make_date(*m.groups()) if m else None
    return day is not None and day < published


def _groups(body_lines: list[str], folded_lines: list[str], body: str, decided: re.Match[str] | None) -> list[Group]:
    """``groups`` given the folded lines, their join and ``_decision_match`` of it (searched once by the caller)."""
    out: list[Group] = []
    start = _decision_start(folded_lines, body, decided)
    if start is None:
        return out
    first, offset = start
    for line, folded in zip(body_lines[first:], folded_lines[first:]):
        if not folded or folded.isspace():  # a blank line holds no phrase (nor 本决定)
            continue
        if folded.strip().startswith(OWN_EFFECTIVE_LINE):
            break
        out.extend(line_groups(line, folded, offset))
        offset = 0
    return out


def line_groups(line: str, folded: str, offset: int = 0) -> list[Group]:
    """The target phrases of one operative line (``folded`` is it folded), from ``offset``."""
    out: list[Group] = []
    for sentence_start, sentence in _sentences(folded, offset):
        m = TARGET_START_RE.search(sentence)
        if m is None:
            continue
        s, e = _target_segment(sentence, m.end())
        commas = []
        while (e < len(sentence) and sentence[e] in LIST_COMMAS and _counted_after(sentence, s, e)):
            commas.append(e)  # "对A（…）、B（…），C（…）等3名人员，冻结…": the comma is one of the list's
            e = _target_segment(sentence, e + 1)[1]
        e = _before_measure(sentence, s, e)
        if not sentence[s:e].strip():
            continue
        seg, seg_f = line[sentence_start + s : sentence_start + e], sentence[s:e]
        for c in commas:  # read as the list's "、" (same length: the places stay)
            seg, seg_f = seg[: c - s] + "、" + seg[c - s + 1 :], seg_f[: c - s] + "、" + seg_f[c - s + 1 :]
        out.extend(_group(seg, seg_f, sentence[e:]))
    return out


# A comma inside a list of names, the list's count after it: "对…所长罗伯特·金斯利（Robert Kingsley）、高级研究员艾米丽·陈
# （Emily Chen），全球民主促进基金会主席威廉·哈特（William Hart）等3名人员，冻结…" (session 19, mfa19: the names after the
# comma were never read, and the count of their group with them, so nothing warned).
LIST_COMMAS = "，,"
COUNT_AFTER_RE = re.compile(rf"等\s*{NUM}\s*[家名个位人]")


def _counted_after(sentence: str, start: int, comma: int) -> bool:
    """Whether the segment after the comma at ``comma`` ends the list ``sentence[start:comma]`` began: it holds the
    list's count (等N家/名) and no measure, and the part before holds no count of its own (nor a measure)."""
    before = sentence[start:comma]
    if "等" in before or not ("、" in before or "(" in before or "（" in before):
        return False
    if MEASURE_VERB_RE.search(before) is not None:
        return False
    end = _target_segment(sentence, comma + 1)[1]
    after = sentence[comma + 1 : end]
    return COUNT_AFTER_RE.search(after) is not None and MEASURE_VERB_RE.search(after) is None


def _before_measure(folded: str, start: int, end: int) -> int:
    """Where a measure's verb ends the targets of ``folded[start:end]`` ("对亚当·布赖本人不予签发签证、不准入境"
    names the person, then the measure, with no comma between): the first MEASURE_VERB_RE match
    outside brackets, else ``end``."""
    for m in MEASURE_VERB_RE.finditer(folded, start, end):
        if _depth_at(folded, m.start()) == 0:
            return m.start()
    return end


def _decision_start(folded_lines: list[str], body: str, m: re.Match[str] | None) -> tuple[int, int] | None:
    """(line, place in it) where the decision starts: the first DECISION_START_RE match of a line, else
    (no line has one) the first BARE_DECISION_START_RE match of a line. Searched in the joined ``body``
    (``m`` is ``_decision_match(body)``): the first never spans lines, the bare one only across spaces,
    which a line's search would not take."""
    if m is not None and "\n" in m.group():  # a bare start across lines: the lines are searched one by one
        return next(((i, found.start()) for i, found in enumerate(map(BARE_DECISION_START_RE.search, folded_lines))
                     if found is not None), None)
    if m is None:
        return None
    line_start = body.rfind("\n", 0, m.start()) + 1
    return body.count("\n", 0, line_start), m.start() - line_start


SENTENCE_END_RE = re.compile("[。；;]")


def _sentences(folded: str, offset: int = 0) -> list[tuple[int, str]]:
    out, start = [], offset
    for m in SENTENCE_END_RE.finditer(folded, offset):
        i = m.start()
        out.append((start, folded[start : i + 1]))
        start = i + 1
    if start < len(folded):
        out.append((start, folded[start:]))
    return out


# After a group's count, a joiner and a second group that names its own ("对A等2家机构和B（b）等3名个人"): read as two groups
# (session 18, mfa18: B was read as words of A's group, so a decision with no annex missed B).
NEXT_GROUP_RE = re.compile(rf"[^、，,()（）等]{{0,12}}?(?P<joiner>以及|和|及|与)(?!其)(?=[^等]+?等\s*{NUM}\s*[家名个位人])")


# A description before a prose name: "对美国军工企业卡斯卡特导弹系统公司（Cascade Missile Systems Corporation）…" (session 18,
# mfa18: the name kept "美国军工企业"). A country or a kind of business, then the word for an organisation, then the name.
# A qualifier is needed: "美国企业公共政策研究所" (American Enterprise Institute) is a name, not "美国企业" before one.
DESCRIBED_NAME_RE = re.compile(
    rf"(?:{COUNTRY_ALT})?(?:(?:有关|相关)(?:军工|防务|军事|国防)?|军工|防务|军事|国防)"
    r"(?:企业|实体|机构|组织|公司|单位)(?P<name>[^\s、，,]{4,})")
DESCRIBED_MIN = 7  # the shortest description (a country, 企业) and name


def _undescribed(zh: str) -> str:
    """``zh`` without a description before the name (DESCRIBED_NAME_RE), else ``zh``."""
    m = DESCRIBED_NAME_RE.fullmatch(zh)
    return m.group("name") if m else zh


# What the first target did, before its name: "对参与此次对台军售的L3哈里斯技术公司（L3Harris Technologies, Inc.）、…"
# (session 19, mfa19: kept in the name; the UEL's "决定将参与对台湾地区军售的X" is worded so too).
RELATIVE_NAME_RE = re.compile(r"(?:参与|参加|涉及|卷入|协助)[^、，,()（）《》的]{1,20}的(?P<name>[^\s、，,的]{2,})")


def _unrelated(zh: str) -> str:
    """``zh`` without a relative clause before the name (RELATIVE_NAME_RE), else ``zh``."""
    m = RELATIVE_NAME_RE.fullmatch(zh) if "的" in zh else None
    return m.group("name") if m else zh


def _group(seg: str, seg_f: str, after: str) -> list[Group]:
    """The groups of one target phrase: one ("对A、B等3家…企业"), or one per count when the phrase counts
    without naming anyone ("对后附《反制清单》列明的3家企业及2名高级管理人员"), or none."""
    tail = next((t for t in GROUP_TAIL_RE.finditer(seg_f) if _depth_at(seg_f, t.start()) == 0), None)
    names_part, count, unit, desc = seg, None, None, ""
    more: list[Group] = []
    own_text = seg
    if tail is not None:
        names_part = seg[: tail.start()]
        count = to_int(tail.group("n")) if tail.group("n") else None
        unit, desc = tail.group("unit"), tail.group("desc")
        joined = NEXT_GROUP_RE.match(seg_f, tail.start("desc")) if tail.group("n") else None
        if joined is not None:  # "等1个机构和Y等1名人员": Y's group is one more, not words of this one's
            desc = seg_f[tail.start("desc") : joined.start("joiner")]
            own_text, more = seg[: joined.start("joiner")], _group(seg[joined.end() :], seg_f[joined.end() :], after)
    kind = _count_kind(unit, desc)
    names: list[Target] = []
    plain = names_part.strip()
    if plain.endswith(SELF_TAILS):  # "亚当·布赖本人": the person himself
        plain = SELF_TAIL_RE.sub("", plain)
    plain, its = _its_person(plain)
    counted = len(its)  # before the count: counted by it
    if tail is not None and not its:  # "等3家…企业及其高级管理人员X、Y": persons after the count, not counted by it
        its = _its_person(seg[tail.start("desc") :])[1]
    described = tail is None and despace(plain).endswith(DESCRIPTION_ENDS)
    if plain and not NOT_NAMES_RE.match(plain) and not described:
        for item in _items(plain, count if not counted or count is None else count - counted, kind):
            zh, en, note, gendered = split_target(item)
            zh = _undescribed(zh) if zh and en and len(zh) > DESCRIBED_MIN else zh
            zh = _unrelated(zh) if zh else zh
            if (zh or en) and zh not in PRONOUNS:
                names.append(Target(zh, en, kind or ("individual" if gendered else None), note))
    names.extend(its)
    if not names and tail is None:
        return _counted(seg, seg_f, _measures(after))
    if not names and count is None and kind is None:
        return more
    return [Group(tuple(names), count, kind, _measures(after), own_text), *more]


def _counted(seg: str, seg_f: str, measures: tuple[str, ...]) -> list[Group]:
    """A phrase that names no one and has no 等: a group per count it states outside brackets, each of its own
    kind ("后附《反制清单》列明的3家企业及2名高级管理人员": 3 organisations, 2 people; "上述企业的6名高级管理人员")."""
    out = []
    for m in BARE_COUNT_RE.finditer(seg_f):
        n = to_int(m.group("n"))
        # "上述3家企业": those counted before, not more
        if n is not None and _depth_at(seg_f, m.start()) == 0 and not seg_f[: m.start()].rstrip().endswith(BACK_REFS):
            out.append(Group((), n, _count_kind(m.group("unit"), m.group("desc")), measures, seg))
    return out


def _count_kind(unit: str | None, desc: str) -> str | None:
    """What a group's count counts: 家 organisations, 名 people, whatever the words after say ("等3家企业及其
    高级管理人员": three companies, their executives not counted); else the kind its words name, None
    for both ("等5个实体和个人")."""
    kind = UNIT_TYPES.get(unit or "")
    if kind is not None:
        return kind
    kind = _type_of_words(desc)
    return None if kind == "individual" and BOTH_KINDS_RE.search(desc) else kind


def _its_person(plain: str) -> tuple[str, list[Target]]:
    """"美国斯凯迪奥公司（Skydio, Inc.）及其首席执行官亚当·布赖（Adam Bry）": the company, and its persons
    named after a role (the role a note) or after the words for its staff ("及其高级管理人员X（…）、Y（…）",
    "及其首席执行官X、亚太区总经理Y", "及其联合创始人、首席执行官X"). "…及其高级管理人员" names no one: only the
    company is left."""
    # "X及其子公司、Y": what the company's entry covers (SCOPE_RE, a note of X), not its persons
    its = next((m for m in ITS_RE.finditer(plain) if _depth_at(plain, m.start()) == 0
                and SCOPE_RE.match(plain, m.start()) is None), None)
    if its is None:
        return plain, []
    at = its.end()
    staff = ITS_STAFF_RE.match(plain, at)
    rest = plain[staff.end() if staff is not None else at :]
    listed = _role_list(rest) if staff is None else None
    if listed is not None:
        return plain[: its.start()].strip(), listed
    items = _depth0_split(rest, "、") if staff is not None else [rest]  # one person after a role
    persons = []
    for item in items:
        m = ITS_PERSON_RE.match(item)
        role, person = (m.group("role"), m.group("person")) if m is not None else (None, item.strip())
        if m is None and staff is None:
            break
        zh, en, note, _ = split_target(person)
        if not (zh or en) or (staff is not None and not _name_shaped(zh, en)):
            continue
        notes = [clean_display(role.strip()) if role else None, note]
        persons.append(Target(zh, en, "individual", "，".join(filter(None, notes)) or None))
    if staff is not None and len(persons) < len(items):
        persons = []  # not a list of names (a description): no one read
    return plain[: its.start()].strip(), persons


def _role_list(rest: str) -> list[Target] | None:
    """Several persons after 及其, each behind a role ("首席执行官X（…）、亚太区总经理Y（…）", "…X（…）和…Y（…）"),
    a role alone joining the next one's ("联合创始人、首席执行官X"); None when ``rest`` is one piece or any piece is
    neither a role before a name nor a role alone."""
    items = [part for item in _depth0_split(rest, "、") for part in _person_parts(item)]
    if len(items) < 2:
        return None
    out: list[Target] = []
    roles: list[str] = []
    for item in items:
        person = _role_person(item)
        if person is not None:
            role, zh, en, note = person
            out.append(Target(zh, en, "individual", "，".join(filter(None, ("、".join([*roles, role]), note))) or None))
            roles = []
        elif ROLE_END_RE.search(item.strip()):
            roles.append(clean_display(item.strip()) or "")
        else:
            return None
    return out if out and not roles else None


def _person_parts(item: str) -> list[str]:
    """``item`` cut at 和/及/与 outside brackets when every piece is a role before a name, else whole."""
    parts = _split_joiners(item)
    return parts if len(parts) > 1 and all(_role_person(part) is not None for part in parts) else [item]


def _role_person(item: str) -> tuple[str, str | None, str | None, str | None] | None:
    """(role, zh, en, note) of "首席执行官亚当·布赖（Adam Bry）": a role, then a name-shaped person; else None."""
    m = ITS_PERSON_RE.match(item)
    if m is None:
        return None
    zh, en, note, _ = split_target(m.group("person"))
    if not (zh or en) or not _name_shaped(zh, en):
        return None
    return clean_display(m.group("role").strip()) or "", zh, en, note


def _name_shaped(zh: str | None, en: str | None) -> bool:
    """A person's name, not words ("及其高级管理人员和员工"): English beside it, a middle dot, or a short Chinese
    name holding no word for a kind of target."""
    if en or (zh and ("·" in zh or "•" in zh)):
        return True
    return zh is not None and len(despace(zh)) <= 4 and _type_of_words(zh) is None


def _join_fragments(items: list[str], kind: str | None) -> list[str]:
    """"波音防务、空间与安全集团（Boeing Defense, Space & Security）" is one name: a fragment
    with no bracket, no organisation ending and no name dot joins the next item, in a group of
    organisations or when the next item's English has the comma the "、" stands for."""
    out: list[str] = []
    pending = ""
    last = len(items) - 1
    for i, item in enumerate(items):
        item = pending + item
        # the cheap tests first; the next item is folded only when it can decide
        fragment = ("(" not in item and "（" not in item and "·" not in item and not LATIN_RE.search(item)
                    and not _org_suffix(item.strip()) and i < last and items[i + 1] != "")
        if fragment and kind != "organization":
            nxt = fold(items[i + 1])
            english = nxt[nxt.rfind("(") :] if nxt.endswith(")") else ""
            fragment = "," in english and LATIN_RE.search(english) is not None
        if fragment:
            pending = item + "、"
            continue
        pending = ""
        out.append(item)
    return out


def _items(plain: str, count: int | None, kind: str | None = None) -> list[str]:
    """Names split at "、" (fragments of one name joined again); when the decision states a count,
    the reading that gives it wins: the plain split, or one also cut at 和/及/与 ("A、B和C等3家"),
    since a name may hold those characters ("空间与防务") and only a count settles it."""
    raw = _depth0_split(plain, "、")
    joined = _join_fragments(raw, kind)
    if count is None or len(joined) == count:
        return joined
    if len(raw) == count:
        return raw
    finer = [part for item in joined for part in _split_joiners(item)]
    return finer if len(finer) == count else joined


def _split_joiners(item: str) -> list[str]:
    cuts = [m for m in JOINERS_RE.finditer(item) if _depth_at(item, m.start()) == 0]
    out, start = [], 0
    for m in cuts:
        out.append(item[start : m.start()])
        start = m.end()
    out.append(item[start:])
    return [part for part in out if part.strip()]


BRACKETS_RE = re.compile("[(（《)）》]")
STATUS_VERB_RE = re.compile(STATUS_VERB)


# Brackets that pair in turn, the last perhaps left open: the depth is 1 when it is, else 0.
PAIRED_THEN_OPEN_RE = re.compile(r"(?:[^(（《)）》]++|[(（《][^(（《)）》]*+[)）》])*+(?P<open>[(（《][^(（《)）》]*+)?")


def _depth_at(text: str, pos: int) -> int:
    """The bracket depth at ``pos`` (a closer outside every bracket is passed over)."""
    simple = PAIRED_THEN_OPEN_RE.fullmatch(text, 0, pos)
    if simple is not None:
        return 0 if simple.group("open") is None else 1
    depth = 0
    for ch in BRACKETS_RE.findall(text, 0, pos):
        if ch in "(（《":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _guess_type(target: Target, all_measures: tuple[str, ...], body: str) -> str:
    """No section, gender or count word: an organisation's name ending; a middle dot (a person's
    name transliterated); an English name that is no person's (``_org_english``); else what the
    measures imply (an entry ban is for people, but a decision on "组织和人员" bans them beside the
    organisations it freezes, so the name's own shape is asked first)."""
    for name in (target.zh, target.en):
        if name and _org_suffix(name.strip()):
            return "organization"
    if "·" in (target.zh or ""):
        return "individual"
    if target.en and _org_english(target.en):
        return "organization"
    if "entry_ban" in all_measures or "本人" in body or target.note:
        return "individual"
    return "organization"


def _org_shaped(target: Target) -> bool:
    """An organisation by its section or its name's shape (an ending, or English no person bears)."""
    return (target.type == "organization" or any(_org_suffix(name.strip()) for name in (target.zh, target.en) if name)
            or (target.en is not None and _org_english(target.en)))


def _org_english(en: str) -> bool:
    """An English name no person bears: a word only organisations use ("Human Rights Watch", "National
    Endowment for Democracy": ORG_EN_WORDS), or not the shape of a person's name (two to five
    capitalised words, initials and name particles: "Kenneth Roth", "Michael T. McCaul")."""
    words = en.replace(",", " ").split()
    if any(word in ORG_EN_WORDS for word in words):
        return True
    if not 2 <= len(words) <= 5:
        return True
    for word in words:
        if word in NAME_PARTICLES:
            continue
        letters = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
        if not (letters.isalpha() and word[0].isupper()) or (len(letters) > 1 and letters.isupper()):
            return True  # a digit, a sign, a lower-case word or an acronym
    return False


def _published(folded: str, lines: list[str], order: re.Match[str] | None, pub: Stamp | None) -> date | None:
    m = PUBLISHED_RE.search(folded) if PUBLISHED_TAIL_RE.search(folded) else None
    if m:
        return parse_cn_date(m.group("date"))
    if order is not None:  # the older order page: the date line under the minister's name
        after = folded[order.end() :].split("\n")
        for line in after[:12]:
            if STANDALONE_DATE_RE.match(line):
                return parse_cn_date(line)
    for line in reversed(lines):
        if STANDALONE_DATE_RE.match(line):
            return parse_cn_date(line)
    for line in lines[:6]:
        if TIME_LINE_RE.match(line):
            iso = ISO_DT_RE.search(line)
            if iso:
                return make_date(iso.group("y"), iso.group("m"), iso.group("d"))
    return pub.day if pub else None


def _published_at(lines: list[str], published: date | None, pub: Stamp | None) -> datetime | None:
    stamps = []
    for line in lines[:6]:
        if TIME_LINE_RE.match(line):
            iso = ISO_DT_RE.search(line)
            if iso and iso.group("h"):
                day = make_date(iso.group("y"), iso.group("m"), iso.group("d"))
                if day is not None:
                    stamps.append(Stamp(day, int(iso.group("h")), int(iso.group("mi"))))
    if pub is not None:
        stamps.append(pub)
    for stamp in stamps:
        if stamp.day == published and stamp.hour is not None:
            return stamp.as_datetime()
    return None


TITLE_LINES = 40  # a title is among the first lines


def _title(text: str, hint: str | None) -> str | None:
    """The page's title when it names the decision, else the first of the first TITLE_LINES lines
    that does (TITLE_RE), else the page's title."""
    if hint and DECISION_MARK_RE.search(fold(hint)):
        return clean_display(hint)
    pos = text.find("定")  # a title ends in 决定: only the lines holding 定 are tried
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        if text.count("\n", 0, start) >= TITLE_LINES:
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if TITLE_RE.match(fold(despace(text[start:end]))):
            return clean_display(text[start:end])
        pos = text.find("定", end)
    return clean_display(hint) if hint else None


# The decision's description of its targets, which names no one: "中方决定对以下美国军工企业采取反制措施" (its country).
DESCRIBED_RE = re.compile(r"对\s*(?:以下|如下|下列)(?P<desc>[^,，。；;:：《》()（）]{1,40}?)采取")


def _described(decision: str) -> list[str]:
    """The descriptions (DESCRIBED_RE) in the folded decision sentence."""
    return [m.group("desc") for m in DESCRIBED_RE.finditer(decision)] if "对" in decision else []


COUNTRY_CLAUSE_MAX = max(map(len, COUNTRIES)) + 1  # a country's name and 籍


def _own_country(note: str | None) -> str | None:
    """A target's own country, from the first clause of its note that is a country or a nationality ("…（English），
    德国", "…，男，德国籍，欧洲议会议员", "墨卡托中国研究中心（德国）"): the member state of an EU decision's target, which
    the title gives only as 欧洲/欧盟. The note keeps the clause, as written. None when no clause is one."""
    if not note or ("，" not in note and len(note) > COUNTRY_CLAUSE_MAX):  # most notes: a role, one clause
        return None
    for part in note.split("，"):
        name = part.strip()
        code = COUNTRIES.get(name[:-1] if name.endswith("籍") else name)
        if code is not None:
            return code
    return None


def _country(texts: list[str]) -> str | None:
    for text in texts:
        m = COUNTRY_IN_RE.search(text)
        if m:
            return COUNTRIES[m.group(0)]
    return None


def _merge(annex: list[Target], named: list[Target]) -> tuple[list[Target], list[str]]:
    """Annex targets completed from the decision's own mention (English, type, note);
    also the names the decision gives that the annex lacks."""
    by_zh = {despace(t.zh): t for t in named if t.zh}
    by_en = {t.en.casefold(): t for t in named if t.en}
    out = []
    seen = set()
    for t in annex:
        other = by_zh.get(despace(t.zh or "")) or by_en.get((t.en or "").casefold())
        if other is not None:
            seen.add(id(other))
            # built again only when the mention fills a blank (an annex line mostly says it all)
            if ((not t.zh and other.zh != t.zh) or (not t.en and other.en != t.en)
                    or (not t.type and other.type != t.type) or (not t.note and other.note != t.note)):
                t = Target(t.zh or other.zh, t.en or other.en, t.type or other.type,
                           t.note or (_unscoped(other.note) if t.branches else other.note), t.n, t.branches, t.country)
        out.append(t)
    missing = [t for t in named if id(t) not in seen]
    if missing and annex:  # "加拿大维吾尔权利倡导项目", "…高级管理人员约翰·卡特": a country or description before the annex's name
        names = [despace(t.zh) for t in out if t.zh]
        missing = [t for t in missing if not t.zh or sum(1 for name in names if len(name) >= 2
                                                          and despace(t.zh).endswith(name)) != 1]
    return out, [t.zh or t.en or "" for t in missing]


def _identity(text: str, order: re.Match[str] | None, published: date | None, title: str | None,
              warnings: list[str]) -> tuple[str, str | None]:
    """(key, number as written): ``MFA-ORDER-<year of publication>-<N>``, "外交部令第13号"
    (``order``: the first ORDER_NO_RE match of the folded text)."""
    year = published.year if published else "undated"
    n = to_int(order.group("n")) if order else None
    if order is None or n is None:
        warnings.append("no order number (外交部令第N号) found")
        return f"{KEY_PREFIX}-{year}-unnumbered-{cached_key(title, None)[:24]}", None
    return f"{KEY_PREFIX}-{year}-{n}", f"外交部令第{despace(text[order.start('n') : order.end('n')])}号"


def _effective(folded: str, published: date | None, warnings: list[str]) -> str | None:
    eff = EFFECTIVE_RE.search(folded)
    effective = effective_in(eff.group(0), published) if eff else None
    if effective is None and published is not None:
        warnings.append("no effective date stated; using the publication date")
        return published.isoformat()
    return effective


@quick_init
@dataclass(frozen=True)
class Reading:
    """The operative part read: the targets, the groups that state counts, the measures."""

    targets: tuple[Target, ...]
    groups: tuple[Group, ...]
    measures: tuple[str, ...]
    annexed: bool
    body: str  # folded text before the annex
    decision: str  # the decision sentence as written
    status: re.Match[str] | None = None  # a decision on earlier countermeasures (STATUS_DECISION_RE), in ``body``
    unlisted: int = 0  # names the decision gives and the annex lacks


def _read_targets(lines: list[str], folded: str, folded_lines: list[str], warnings: list[str],
                  published: date | None = None) -> Reading:
    """Targets from the annex (completed from the decision's own mentions), else from the decision
    (``folded`` is the text folded, ``folded_lines`` its lines; ``published`` tells an earlier
    decision recalled in the reasons from this one)."""
    annex_at = _annex_start(folded)
    annex, bad, cut_entry, empty_section = (annex_targets(lines, annex_at, folded_lines) if annex_at is not None
                                            else ([], [], False, None))
    # an organisation has no gender to lose; a person who kept his English name kept his key
    cut_entry = cut_entry and annex[-1].en is None and not _org_shaped(annex[-1])
    body_lines = lines[: annex_at if annex else len(lines)]
    body = "\n".join(folded_lines[: len(body_lines)])  # fold keeps every character's place
    decided = _decision_match(body, published)
    status = _status_match(body, published, decided)
    if status is None:
        found = _groups(body_lines, folded_lines[: len(body_lines)], body, decided)
        measures = _measures(body[decided.start() :] if decided else body)
    else:  # names in a quoted title (《关于对…的决定》) are the earlier decision's, not this one's
        scan_lines = [QUOTED_TITLE_RE.sub(_blanks, line) if "《" in line else line for line in folded_lines[: len(body_lines)]]
        scan = "\n".join(scan_lines)
        decided = _decision_match(scan, published)
        if decided is None:  # "停止实施2024年12月27日《…》（外交部令第16号）中对X、Y等3家企业…": the titles put 对 out of reach
            decided = STATUS_VERB_RE.search(scan, status.start("verb"))
        found = _groups(body_lines, scan_lines, scan, decided)
        measures = ()  # the measures it names are the ones it acts on
        decided = status
    named = [t for g in found for t in g.names]
    missing: list[str] = []
    if annex:
        targets, missing = _merge(annex, named)
        if missing:
            warnings.append(f"named in the decision but not in the annex: {'、'.join(missing)}")
            last = despace(targets[-1].zh or "") if targets else ""
            if last and any(despace(name) != last and despace(name).startswith(last) for name in missing):
                cut_entry = True
        if cut_entry:
            warnings.append(CUT_ENTRY)
        if empty_section:
            warnings.append(empty_section)
    else:
        targets = _dedupe(named)
        if ANNEX_REFERRED_RE.search(body):
            warnings.append(NO_ANNEX)
    warnings.extend(f"annex line not read: {line[:60]}" for line in bad)
    targets = _english_elsewhere(targets, body, "\n".join(body_lines))
    typed = tuple(t if t.type else Target(t.zh, t.en, _guess_type(t, measures, body), t.note, t.n, t.branches, t.country)
                  for t in targets)
    return Reading(typed, tuple(found), measures, bool(annex), body, _decision_text(body, "\n".join(body_lines), decided),
                   status, len(missing))


# A name's English beside it in a sentence of the text: "美国前国会众议员迈克·加拉格尔（Mike Gallagher）近期窜访…".
ENGLISH_AFTER = r"\s*\(\s*(?P<en>[A-Za-z][^()\n\u4e00-\u9fff]{0,80}?)\s*\)"


def _english_elsewhere(targets: list[Target], body: str, clean: str) -> list[Target]:
    """Targets without English completed from the one English the text (the folded ``body`` before the annex,
    ``clean`` as written) gives beside the same Chinese name elsewhere (the reasons, a later measure); none when
    it gives several."""
    out = []
    for t in targets:
        name = fold(t.zh) if t.en is None and t.zh else None
        if name and (name + "(" in body or name + " (" in body):  # the name before a bracket: asked
            found = {clean_display(clean[m.start("en") : m.end("en")])
                     for m in re.finditer(re.escape(name) + ENGLISH_AFTER, body)}
            if len(found) == 1 and None not in found:
                t = Target(t.zh, found.pop(), t.type, t.note, t.n, t.branches, t.country)
        out.append(t)
    return out


def _blanks(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _status_match(body: str, published: date | None, decided: re.Match[str] | None) -> re.Match[str] | None:
    """The decision on earlier countermeasures (STATUS_DECISION_RE; the bare form only when no decision
    at all, ``decided``, was found), not one recalled with an earlier date; None for a decision that
    imposes (most: none holds a status verb)."""
    if not any(word in body for word in STATUS_WORDS):
        return None
    return _own_match((STATUS_DECISION_RE,) if decided is not None else (STATUS_DECISION_RE, BARE_STATUS_DECISION_RE),
                      body, published)


def _status_action(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                   published: date | None, clause: tuple[int, int] | None = None) -> ActionRecord:
    """The action of a decision on earlier countermeasures: its verb's kind on the orders it names
    (ORDER_REF_RE, not its own) and the targets it names, with the period of a suspension. ``clause``: the span of
    one clause of several (``_clause_actions``), which bounds what it reads."""
    m = reading.status
    assert m is not None
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    end = sentence_end(folded, m.end()) if clause is None else clause[1]
    kind = _verb_kind(m, folded, end)
    refs = []
    after = m.end()  # where the period may start: after the verb and the orders it names
    for r in ORDER_REF_RE.finditer(folded, m.end(), end):
        after = r.end()
        n = to_int(r.group("n"))
        if n is None or n == own:
            continue
        day = parse_cn_date(r.group("date")) if r.group("date") else None
        if day is not None:
            refs.append(NoticeRef(text=text[r.start() : r.end()].strip(), key=f"{KEY_PREFIX}-{day.year}-{n}", date=day,
                                  list=ListKind.COUNTERMEASURE))
            continue
        title = _quoted_before(text, folded, r.start())
        # "2024年12月27日《关于…的决定》（外交部令第16号）": the date before the title quoted before it is the order's own day
        day = _dated_title_before(folded, start, r.start()) if title is not None else None
        if day is not None:
            refs.append(NoticeRef(text=text[r.start() : r.end()].strip(), key=f"{KEY_PREFIX}-{day.year}-{n}", date=day,
                                  list=ListKind.COUNTERMEASURE))
            continue
        # no year written: the number as written, no key and no year guessed (the numbers restarted in 2023, so
        # Nos. 1-4 name two orders): the engine finds the stored order it can be, helped by the title quoted before it
        refs.append(NoticeRef(text=text[r.start() : r.end()].strip(), list=ListKind.COUNTERMEASURE, series=KEY_PREFIX,
                              number=n, title=title))
    if after == m.end():  # no order number: the decisions it names by their titles (and dates)
        for r in QUOTED_DECISION_RE.finditer(folded, m.end(), end):
            after = r.end()
            day = parse_cn_date(r.group("date")) if r.group("date") else None
            if day is None and reading.targets:  # a title alone finds nothing: the targets it names say what it acts on
                continue
            refs.append(NoticeRef(text=text[r.start() : r.end()].strip(), date=day, list=ListKind.COUNTERMEASURE,
                                  title=clean_display(text[r.start("title") : r.end("title")])))
    if after == m.end():  # "停止实施2024年12月27日决定中对X…", "暂停实施2025年12月26日决定规定的反制措施": by its date alone
        ref, after = _dated_ref(folded, text, m.end(), end, after)
        refs.extend(ref)
    when = effective_in(folded[start:end], published) or effective
    measures = named_measures(folded, after, end)
    if measures and kind is ActionKind.LIFT:  # "停止实施…中对X采取的冻结财产措施": that measure alone, the listing stays
        kind = ActionKind.LIFT_MEASURE
    duration, until = None, None
    if kind is ActionKind.SUSPEND or kind is ActionKind.EXTEND:
        # after what it suspends, else before the verb ("自2025年11月10日起至2026年11月10日，暂停实施…")
        duration = _period(folded, text, after, end) or _until_before(
            folded, text, start if clause is None else clause[0], m.start("verb"))
        until = until_from(duration, iso_to_date(when) or published) if duration else None
    named = reading.targets if clause is None else _named_in(reading.targets, folded[clause[0] : clause[1]])
    return ActionRecord(action=kind, list=ListKind.COUNTERMEASURE, targets=tuple(refs), effective=when, until=until,
                        duration=duration, entities=tuple(cached_key(t.zh, t.en) for t in named),
                        text=reading.decision if clause is None else text[clause[0] : clause[1]].strip(),
                        measures=measures)


def _status_actions(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                    published: date | None) -> tuple[tuple[ActionRecord, ...], Reading]:
    """The actions of a decision on earlier countermeasures: one per clause with a verb of its own
    (``_clause_actions``), else one per order naming its own targets (``_per_order``), else one."""
    clauses = _clause_actions(reading, folded, text, own, effective, published)
    if clauses is not None:
        return clauses, reading
    action = _status_action(reading, folded, text, own, effective, published)
    split = _per_order(action, reading, folded, text, own) if len(action.targets) > 1 else None
    return split if split is not None else ((action,), reading)


def _verb_kind(m: re.Match[str], folded: str, end: int) -> ActionKind:
    """The kind of a status decision's verb; a restore where it ends a suspension ("提前终止上述暂停，恢复实施…",
    "终止对…所列反制措施的暂停": session 21, mfa21, read as a new suspension, or as a lift)."""
    ends = ENDS_SUSPENSION_RE.search(folded, m.start(), end) if "暂停" in folded[m.start("verb") : end] else None
    if ends is not None and ends.start() <= m.start("verb") <= ends.end():
        return ActionKind.RESTORE
    return STATUS_KINDS[m.group("verb")]


def _named_in(targets: tuple[Target, ...], span: str) -> list[Target]:
    """The targets a clause (``span``, folded) names."""
    return [t for t in targets if (t.zh and fold(t.zh) in span) or (t.en and fold(t.en) in span)]


# Where a decision's next clause opens with a verb of its own: after "，" or "；" in its sentence ("暂停实施…第13号…6个月，
# 暂停实施…第15号…1年"), or a numbered line after it ("一、停止实施…第13号…；\n二、停止实施…第15号中的冻结财产措施").
CLAUSE_VERB_RE = re.compile(rf"[，,；;]\s*(?:并\s*|同时\s*[，,]?\s*)?{STATUS_VERB}")
NUMBERED_CLAUSE_RE = re.compile(rf"[ \t\u3000]*[{CN_DIGITS}]{{1,3}}\s*、\s*{STATUS_VERB}")


def _clause_actions(reading: Reading, folded: str, text: str, own: int | None, effective: str | None,
                    published: date | None) -> tuple[ActionRecord, ...] | None:
    """A decision whose verb is followed by other clauses with verbs of their own, each naming the orders it acts
    on: one action per clause, each reading its own orders, period, measures and named targets (session 21, mfa21:
    one period, the last, was read for two suspensions, and a second numbered clause was never read); None when
    it is not so written (a clause naming no order of its own: "终止上述暂停，恢复实施…第13号…")."""
    m = reading.status
    assert m is not None
    end = sentence_end(folded, m.end())
    verbs = [c.start("verb") for c in CLAUSE_VERB_RE.finditer(folded, m.end(), end)]
    line_end = end
    while line_end < len(folded) and folded[line_end] == "\n":  # the numbered lines after the decision's own
        nxt = NUMBERED_CLAUSE_RE.match(folded, line_end + 1)
        if nxt is None:
            break
        verbs.append(nxt.start("verb"))
        line_end = sentence_end(folded, nxt.end())
    if not verbs:
        return None
    starts = [m.start("verb"), *verbs]
    spans = []
    for i, at in enumerate(starts):
        stop = starts[i + 1] if i + 1 < len(starts) else sentence_end(folded, at)
        stop = min(stop, sentence_end(folded, at))
        spans.append((at, stop))
    if not all(any(to_int(r.group("n")) not in (None, own) for r in ORDER_REF_RE.finditer(folded, lo, hi))
               for lo, hi in spans):
        return None
    out = []
    for lo, hi in spans:
        verb = STATUS_VERB_RE.match(folded, lo)
        assert verb is not None
        out.append(_status_action(replace(reading, status=verb), folded, text, own, effective, published, (lo, hi)))
    return tuple(out)


# The measures a decision on earlier countermeasures names as its object, when it names some and not all: the words
# before the first 措施 after the orders it names ("…（外交部令第13号）中对X采取的冻结财产措施", "…中的禁止交易、合作措施",
# "…规定的不予签发签证、不准入境措施"); none for "相关措施", "反制措施", "全部反制措施", "冻结财产等反制措施" (all of them).
MEASURE_OBJECT_RE = re.compile(r"[的中]\s*(?P<what>[^的中。；;\n]{1,24}?)\s*措施")
ALL_MEASURES_WORDS = ("反制", "相关", "全部", "所有", "各项", "一切", "等", "上述", "有关")
LIFTABLE_MEASURES = (*MEASURE_WORDS, ("entry_ban", re.compile(r"入境|签证")),
                     ("trade_ban", re.compile(r"进出口|进口|出口")), ("investment_ban", re.compile(r"投资")),
                     ("residence_ban", re.compile(r"工作许可|停留|居留")))
LIFTABLE_ORDER = tuple(dict.fromkeys(name for name, _ in LIFTABLE_MEASURES))


def named_measures(folded: str, start: int, end: int) -> tuple[str, ...]:
    """The measures ``folded[start:end]`` (a decision's sentence after the orders it names) names as its verb's object,
    in MEASURES_ORDER, when it names measures and not the decision's measures as a whole; () otherwise."""
    at = folded.find("措施", start, end)
    if at < 0:
        return ()
    m = None
    for m in MEASURE_OBJECT_RE.finditer(folded, start, at + 2):
        pass
    if m is None or m.end() != at + 2:
        return ()
    what = m.group("what")
    if any(word in what for word in ALL_MEASURES_WORDS):
        return ()
    named = {name for name, regex in LIFTABLE_MEASURES if regex.search(what)}
    return tuple(name for name in LIFTABLE_ORDER if name in named)


KEPT_WORDS_RE = re.compile(r"继续|仍|保持|不变")  # where a decision goes on to the measures it keeps


def mixed_measures(action: ActionRecord) -> bool:
    """Whether a ``lift_measure``'s sentence names another measure after the one read, other than it, before the
    measures it keeps ("…中对A采取的冻结财产措施，以及对B采取的不准入境措施": which target loses which measure is not held)."""
    folded = fold(action.text)
    kept = KEPT_WORDS_RE.search(folded)
    # the measures kept are named in the clause of the kept word ("，该决定规定的禁止交易、合作措施继续实施")
    stop = max(folded.rfind(mark, 0, kept.start()) for mark in "，；。") if kept else len(folded)
    at = folded.find("措施")
    while 0 <= at < stop:
        nxt = folded.find("措施", at + 2, stop)
        if nxt < 0:
            return False
        other = named_measures(folded, at + 2, nxt + 2)
        if other and other != action.measures:
            return True
        at = nxt
    return False


def measure_lift(action: ActionRecord) -> ActionRecord:
    """A MOFCOM order's lift (``rules.action_records``) as a ``lift_measure`` where its sentence names measures after
    the orders it names ("停止实施…（商务部令2025年第6号）中的禁止进出口措施"); a suspension, extension or restoration naming
    measures keeps its kind with them (``one_measure_lifted`` refuses it); else the action as it is."""
    if (action.action is not ActionKind.LIFT and action.action not in PER_MEASURE_UNREAD) or (
            action.list is not ListKind.COUNTERMEASURE or "措施" not in action.text):
        return action
    folded = fold(action.text)
    after = max((folded.find(fold(t.text)) + len(t.text) for t in action.targets if t.text and fold(t.text) in folded),
                default=0)
    measures = named_measures(folded, after, len(folded))
    if not measures:
        return action
    return replace(action, action=ActionKind.LIFT_MEASURE if action.action is ActionKind.LIFT else action.action,
                   measures=measures)


def _per_order(action: ActionRecord, reading: Reading, folded: str, text: str,
               own: int | None) -> tuple[tuple[ActionRecord, ...], Reading] | None:
    """A decision on several orders that names, after each, whom it acts on there ("停止实施…（外交部令第13号）中对A采取的
    反制措施，以及…（外交部令第16号）中对B、C采取的反制措施"): one action per order, each limited to its own names, and
    the reading with all of them; None when it is not so written (session 18, mfa18: one action on both orders limited
    to A, so B and C were never lifted)."""
    m = reading.status
    assert m is not None
    end = sentence_end(folded, m.end())
    spots = [r for r in ORDER_REF_RE.finditer(folded, m.end(), end) if to_int(r.group("n")) not in (None, own)]
    if len(spots) != len(action.targets):
        return None
    per: list[list[Target]] = []
    for i, r in enumerate(spots):
        limit = spots[i + 1].start() if i + 1 < len(spots) else end
        k = folded.find("对", r.end(), limit)
        e = folded.find("采取", k, limit) if k >= 0 else -1
        if e < 0 or folded[r.end() : k].strip(" \t)）中") != "":
            return None
        names = [t for g in _group(text[k + 1 : e], folded[k + 1 : e], "") for t in g.names]
        if not names:
            return None
        per.append([t if t.type else Target(t.zh, t.en, _guess_type(t, (), ""), t.note, t.n, t.branches) for t in names])
    actions = tuple(ActionRecord(action=action.action, list=action.list, targets=(ref,), effective=action.effective,
                                 until=action.until, duration=action.duration, text=action.text,
                                 entities=tuple(cached_key(t.zh, t.en) for t in names), measures=action.measures)
                    for ref, names in zip(action.targets, per))
    targets = tuple(_dedupe([t for names in per for t in names]))
    return actions, replace(reading, targets=targets)


# An earlier decision named by its date alone: "停止实施2024年12月27日决定中对X、Y采取的反制措施", "暂停实施2025年12月26日决定规定的
# 反制措施", "对2025年12月26日决定所附《反制清单》作如下修改" (session 19, mfa19: a lift with no target, which the engine applies
# to every listing holding the names; a suspension and an amendment refused as cut short). Not a title's own 决定 (》 after).
DATED_REF_RE = re.compile(rf"(?P<date>{DATE_RE.pattern})\s*(?:(?:公布|作出|发布)\s*的?\s*)?决定(?![》\w]*》)")


def _dated_ref(folded: str, text: str, start: int, end: int, after: int) -> tuple[tuple[NoticeRef, ...], int]:
    """The decision ``folded[start:end]`` names by its date alone (DATED_REF_RE), and where the period may start
    after it; none (and ``after``) when it names none."""
    if "决定" not in folded[start:end]:
        return (), after
    r = DATED_REF_RE.search(folded, start, end)
    day = parse_cn_date(r.group("date")) if r is not None else None
    if r is None or day is None:
        return (), after
    return (NoticeRef(text=text[r.start() : r.end()].strip(), date=day, list=ListKind.COUNTERMEASURE),), r.end()


# "《关于对…的决定》（外交部令第12号）": the quoted title right before the order's number (its bracket between).
TITLE_BEFORE_RE = re.compile(r"《(?P<title>[^《》]{1,200})》\s*[(（]?\s*$")
TITLE_BEFORE_REACH = 210  # the longest quoted title with its bracket


def _dated_title_before(folded: str, lo: int, at: int) -> date | None:
    """The date written before the decision's title quoted right before ``at`` ("2024年12月27日《关于…的决定》（"), else
    None: only the quoted title that ends there counts, not an earlier one of the sentence."""
    last = None
    for m in QUOTED_DECISION_RE.finditer(folded, max(lo, at - TITLE_BEFORE_REACH - 30), at):
        last = m
    if last is None or folded[last.end() : at].strip(" \t(（") or not last.group("date"):
        return None
    return parse_cn_date(last.group("date"))


def _quoted_before(text: str, folded: str, at: int) -> str | None:
    """The title quoted right before ``at`` (TITLE_BEFORE_RE), as written, else None."""
    if "》" not in folded[max(0, at - 4) : at]:
        return None
    m = TITLE_BEFORE_RE.search(folded, max(0, at - TITLE_BEFORE_REACH), at)
    return clean_display(text[m.start("title") : m.end("title")]) if m else None


def _until_before(folded: str, text: str, start: int, end: int) -> str | None:
    """"至2026年11月10日" (UNTIL_RE) in ``folded[start:end]``, as written, else None."""
    until = UNTIL_RE.search(folded, start, end) if "至" in folded[start:end] else None
    return text[until.start() : until.end()].strip() if until else None


def _period(folded: str, text: str, start: int, end: int) -> str | None:
    """"1年", "90天", "至2026年11月10日" in ``folded[start:end]`` (after what is suspended), as written;
    dates, and what a broken date leaves ("24年" of "2024年" cut), are no periods."""
    until = UNTIL_RE.search(folded, start, end)
    if until:
        return text[until.start() : until.end()].strip()
    masked = DATE_RE.sub(_blanks, folded[start:end])
    for found in DURATION_RE.finditer(masked):
        n, unit = to_int(found.group("n")), found.group("unit")
        if (found.start() and masked[found.start() - 1].isdigit()) or n is None or n > (
                MAX_YEARS if unit == "年" else MAX_DAYS):  # a broken date's year is no period
            continue
        return text[start + found.start() : start + found.end()].strip()
    return None


# A decision's term: "采取以下反制措施，期限为5年：", "…，为期三年：", "自本决定施行之日起2年内，…" (session 18, mfa18: never
# read, so the countermeasures never ended). Searched in the decision sentence, dates masked ("2026年内" is no term).
TERM_RE = re.compile(rf"(?:期限为|期限是|为期)\s*{NUM}\s*(?:年|个月|天|日)|(?<![\d{CN_DIGITS}]){NUM}\s*(?:年|个月)\s*内")


def decision_term(decision: str) -> str | None:
    """The term the decision sets on its countermeasures, as written ("期限为5年", "2年内"), else None: searched from
    the 采取 after its 决定, not in reasons told in the same sentence ("X近日对台湾进行为期三天的窜访，…中方决定对X采取…")."""
    if "期" not in decision and "内" not in decision:
        return None
    decided = decision.find("决定")
    acts = decision.find("采取", max(decided, 0))
    masked = DATE_RE.sub(_blanks, fold(decision))
    start = acts if acts >= 0 else max(decided, 0)
    for m in TERM_RE.finditer(masked, start):
        found = DURATION_RE.search(masked, m.start(), m.end())
        n = to_int(found.group("n")) if found else None
        if found is None or n is None or n > (MAX_YEARS if found.group("unit") == "年" else MAX_DAYS):
            continue
        if _one_measures_term(masked, start, m.start()):
            continue
        return decision[m.start() : m.end()].strip()
    return None


# A clause of the measures: "冻结…；禁止…；五年内不准其本人入境" holds three.
CLAUSE_RE = re.compile(r"[,，;；:：。]")


def _one_measures_term(masked: str, start: int, at: int) -> bool:
    """Whether the term at ``at`` is one measure's, not the decision's: its clause holds a measure ("五年内不准入境",
    "对其本人五年内不予签发签证") and another clause after ``start`` holds another ("冻结…", "禁止…交易"), which the term
    does not end (session 19, mfa19: read as the listing's term, a false 'lifted' after five years while the assets
    stay frozen). A term in a clause of its own ("期限为5年：", "自本决定施行之日起2年内，禁止…") is the decision's."""
    lo = max((c.end() for c in CLAUSE_RE.finditer(masked, start, at)), default=start)
    nxt = CLAUSE_RE.search(masked, at)
    hi = nxt.start() if nxt is not None else len(masked)
    if MEASURE_VERB_RE.search(masked, lo, hi) is None:
        return False
    return MEASURE_VERB_RE.search(masked, start, lo) is not None or MEASURE_VERB_RE.search(masked, hi) is not None


def _check_counts(reading: Reading, warnings: list[str]) -> int | None:
    """The count the decision states (等3家 + 等10名), checked against the targets read, like with like:
    a count of one kind (家: organisations, 名: people) against the targets of that kind, and the targets
    of a kind no count counts ("对A公司等3家企业及其高级管理人员": the executives) added to the stated total
    as read; None when it states none. An entry's subsidiaries (``Target.branches``) are counted with it, as the
    annex numbers them ("对X及其子公司、Z等2家"), or each, should a decision count them so (never a mismatch either way)."""
    stated_groups = _restated_out([g for g in reading.groups if g.count is not None])
    if not stated_groups:
        return None
    stated = sum(g.count or 0 for g in stated_groups)
    kinds = {g.type for g in stated_groups}
    if None not in kinds:  # every count counts one kind: the targets of the others are not counted
        stated += sum(1 for t in reading.targets if t.type not in kinds)
    if stated != len(reading.targets) and stated != len(reading.targets) + _members(reading.targets):
        warnings.append(f"parsed {len(reading.targets)} targets, the decision states {stated}")
    if None in kinds or not (reading.annexed and len(stated_groups) > 1):
        return stated
    types = [t.type for t in reading.targets]
    for kind in dict.fromkeys(g.type for g in stated_groups):  # in the decision's order
        have, count = types.count(kind), sum(g.count or 0 for g in stated_groups if g.type == kind)
        if have != count and have + _members([t for t in reading.targets if t.type == kind]) != count:
            warnings.append(f"parsed {have} {kind} targets, the decision states {count}")
    return stated


def _restated_out(groups: list[Group]) -> list[Group]:
    """The counted groups without one that names no one and states, of one kind, the count the groups naming that
    kind state together: the decision's opening "中方决定对参与上述军售的二十四家美国军工企业采取以下反制措施：" before
    "一、对A、B、C等24家后附《反制清单》列明的企业，冻结…" counts the same companies twice (session 20, mfa20: "states 48")."""
    named = [g for g in groups if g.names]
    if not named or len(named) == len(groups):
        return groups
    return [g for g in groups if g.names or g.type is None
            or sum(n.count or 0 for n in named if n.type == g.type) != g.count]


def _members(targets: tuple[Target, ...] | list[Target]) -> int:
    """The subsidiaries listed under the targets' entries."""
    return sum(len(t.branches) for t in targets)


def parse_decision(text: str, title_hint: str | None = None, pub: Stamp | None = None,
                   url: str | None = None, folded: str | None = None,
                   lines: tuple[list[str], list[str]] | None = None) -> NoticeRecord:
    """One decision's clean text -> a NoticeRecord (key ``MFA-ORDER-<year>-<N>``), with a warning
    for every check that fails: stated counts, names missing from the annex, no number or date.
    ``folded`` is ``fold(text)`` and ``lines`` the lines of both when the caller has them."""
    folded = fold(text) if folded is None else folded
    text_lines, folded_lines = (text.split("\n"), folded.split("\n")) if lines is None else lines
    warnings: list[str] = []
    order = ORDER_NO_RE.search(folded)
    published = _published(folded, folded_lines, order, pub)
    if published is None:
        warnings.append("no publication date found")
    title = _title(text, title_hint)
    key, number = _identity(text, order, published, title, warnings)
    effective = _effective(folded, published, warnings)
    own = to_int(order.group("n")) if order else None
    amended = (_amendment(text_lines, folded_lines, folded, text, own, effective, warnings)
               if _may_amend(folded) else None)
    if amended is None and "所附" in folded:  # "将X增列入…（外交部令第16号）所附《反制清单》", "将X从…所附《反制清单》中移除"
        amended = _prose_amendment(folded, text, own, effective, published, warnings)
    if amended is not None:  # it adds to or removes from an earlier decision's list
        reading, actions, stated = amended
    else:
        reading = _read_targets(text_lines, folded, folded_lines, warnings, published)
        stated = _check_counts(reading, warnings)
        if stated is None and reading.unlisted:  # no number, but names: an annex cut after its first lines lacks some
            stated = len(reading.targets) + reading.unlisted
        if reading.status is None:
            term = decision_term(reading.decision)
            until = until_from(term, iso_to_date(effective) or published) if term else None
            actions = (ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, effective=effective,
                                    until=until, duration=term if until else None, text=reading.decision,
                                    measures=reading.measures),)
        else:  # it acts on earlier countermeasures: the orders it names, or the targets it names
            actions, reading = _status_actions(reading, folded, text, own, effective, published)
    if not reading.targets and not (actions[0].targets or actions[-1].targets):
        warnings.append(NO_TARGETS)
    elif not _ended(folded, reading.body):
        warnings.append(NO_END)
    country = _country([fold(title or "")] + [fold(g.text) for g in reading.groups if not g.names]
                       + _described(fold(reading.decision)))
    entities = tuple(
        EntityRecord(zh=t.zh, en=t.en, country=(_own_country(t.note) if t.note and ("，" in t.note or len(t.note)
                                                                                  <= COUNTRY_CLAUSE_MAX) else None)
                     or t.country or country,
                     key=cached_key(t.zh, t.en), n=t.n, branches=t.branches, type=t.type, note=t.note,
                     aliases=other_names(t.en, t.note))
        for t in reading.targets
    )
    return NoticeRecord(
        key=key, kind=NoticeKind.MFA_ORDER, number=number, issuer=ISSUER, title=title, published=published,
        published_at=_published_at(folded_lines, published, pub), effective=effective,
        list=ListKind.COUNTERMEASURE, actions=actions, entities=entities, stated_count=stated,
        warnings=tuple(warnings), url=url, text=text,
    )


# An amendment of an earlier decision's list (反制清单): "中方决定对2024年12月27日《关于对…的决定》（外交部令第16号）作如下修改："
# (AMENDS_RE), then instructions, each on its own line (AMEND_LINE_RE): "在《反制清单》“二、高级管理人员”中增加：" and the
# lines added after it, or "…中删除：" and the lines removed, or inline: "将《反制清单》“一、企业”中的“（三）X（…）”删除。".
AMEND_VERBS = {"增加": ActionKind.IMPOSE, "增列": ActionKind.IMPOSE, "增补": ActionKind.IMPOSE, "补充": ActionKind.IMPOSE,
               "删除": ActionKind.REMOVE, "删去": ActionKind.REMOVE,
               # "将《反制清单》…中的“（四）X”调出" (session 17: the line was read as one more addition)
               "调出": ActionKind.REMOVE, "移除": ActionKind.REMOVE, "移出": ActionKind.REMOVE, "剔除": ActionKind.REMOVE}
# The gate: 清单 and, within the line, a verb's first character (every AMEND_LINE_RE match holds one). A greedy run of
# one class costs the regex engine little; the lazy search for the verbs themselves cost a decision 5% more instructions.
AMEND_GATE_RE = re.compile(r"清单[^增删补调移剔。\n]{0,80}[增删补调移剔]|[增删移剔][加列补去除出]\s*《?\s*(?:反制|反制裁)清单"
                           r"|清单\s*》?\s*(?:作|进行)?\s*(?:如下|以下|下列)\s*修改")


def _may_amend(folded: str) -> bool:
    """The gate (AMEND_GATE_RE), asked only of a text holding a verb's first character: most decisions hold none,
    and three searches for one character cost less than the regex's runs after each 清单."""
    return ("增" in folded or "删" in folded or "补" in folded or "调出" in folded or "移" in folded or "剔" in folded) and (
        AMEND_GATE_RE.search(folded) is not None)
AMEND_LINE_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?:在|将|对)?\s*(?:附件\s*)?《?\s*(?:反制|反制裁)清单\s*》?"
    rf"(?P<where>[^。\n]{{0,80}}?)(?P<verb>{'|'.join(AMEND_VERBS)})(?P<rest>.*)$")
AMENDS_RE = re.compile(r"决定\s*(?:对|将)?(?P<what>[^。\n]{1,300}?)(?:作|进行)?(?:如下|以下|下列)?修改(?:如下)?")
# The verb first: "二、删去《反制清单》“一、企业”中的“（二十一）X”" (session 18, mfa18: the line was read as one more
# name the line before adds, and the deletion was lost). ``_instructions`` reads it from the verb.
AMEND_FRONT_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?P<verb>{'|'.join(AMEND_VERBS)})\s*(?:附件\s*)?"
    rf"《?\s*(?:反制|反制裁)清单\s*》?(?P<where>)(?P<rest>.*)$")


# The list named once, in the decision ("对2025年12月26日决定所附《反制清单》作如下修改："), each line naming only its section:
# "一、在“一、企业”中增列：" (session 19, mfa19: no instruction line was found, and the page was refused as cut short).
LIST_AMENDED_RE = re.compile(r"(?:反制|反制裁)清单\s*》?\s*(?:作|进行)?\s*(?:如下|以下|下列)\s*修改")
AMEND_SECTION_LINE_RE = re.compile(
    rf"^\s*(?:[{CN_DIGITS}]{{1,3}}\s*、\s*|\d{{1,2}}\s*[.．、]\s*)?(?:在|将|对)\s*(?P<where>[“「\"][^”」\"\n]{{1,20}}[”」\"]"
    rf"[^。\n]{{0,20}}?)(?P<verb>{'|'.join(AMEND_VERBS)})(?P<rest>.*)$")


def _instruction_line(folded: str) -> re.Match[str] | None:
    return AMEND_LINE_RE.match(folded) or AMEND_FRONT_RE.match(folded)


def _section_line(folded: str) -> re.Match[str] | None:
    return _instruction_line(folded) or AMEND_SECTION_LINE_RE.match(folded)


QUOTED_ITEM_RE = re.compile(r"[“「\"]([^”」\"]+)[”」\"]")
NO_AMENDED = "the amendment names no earlier decision it amends"


def _instruction_lines(folded_lines: list[str], folded: str) -> list[tuple[int, re.Match[str]]]:
    """(line, match) of each instruction line; lines naming only their section when the decision names the list."""
    found = [(i, m) for i, line in enumerate(folded_lines) if (m := _instruction_line(line)) is not None]
    if not found and LIST_AMENDED_RE.search(folded) is not None:
        found = [(i, m) for i, line in enumerate(folded_lines) if (m := _section_line(line)) is not None]
    return found


def _lines_after(lines: list[str], folded_lines: list[str], i: int, stops: set[int]) -> list[str]:
    """The lines an instruction on line ``i`` quotes after it: up to the next instruction (``stops``), the decision's
    own effective line, the signature, or a sentence that is no entry."""
    said: list[str] = []
    for line, f in zip(lines[i + 1 :], folded_lines[i + 1 :]):
        plain = despace(f)
        if i + 1 + len(said) in stops or plain.startswith(OWN_EFFECTIVE_LINE) or plain == ISSUER:
            break
        if plain.endswith("。") and ENTRY_RE.match(plain) is None:  # "对上述增列的企业和人员，适用该决定…。"
            break  # a sentence after the lines added, not one of them (session 19, mfa19: read as a name)
        said.append(line)
    return [x for x in (line.strip() for line in said) if x and not STANDALONE_DATE_RE.match(fold(x))]


def _amendment_term(lines: list[str], folded_lines: list[str], first: int, stops: set[int]) -> str | None:
    """The term an amendment sets on what it adds ("对上述增列的企业和人员采取的反制措施，期限为3年。", or in its deciding
    sentence), as written, else None: searched in its lines from the deciding one (``first``) that are neither
    instructions (``stops``) nor the entries they quote (session 18 left it unread: the additions never ended)."""
    for i in range(first, len(lines)):
        plain = despace(folded_lines[i])
        if plain.startswith(OWN_EFFECTIVE_LINE) or plain == ISSUER:
            break
        if i in stops or ENTRY_RE.match(plain) is not None or ("期" not in plain and "内" not in plain):
            continue
        term = decision_term(lines[i])
        if term:
            return term
    return None


def _with_term(action: ActionRecord, term: str | None) -> ActionRecord:
    """``action`` ending after ``term`` from its own day (the listing's end, as a decision's term), else as it is."""
    until = until_from(term, iso_to_date(action.effective)) if term and action.effective else None
    return replace(action, until=until, duration=term) if until else action


def _amendment(lines: list[str], folded_lines: list[str], folded: str, text: str, own: int | None,
               effective: str | None, warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """An amendment of an earlier decision's list read as what it does: an impose of the lines it adds, which join the
    earlier decision's list (the action's target is that decision: the engine says loudly when it finds none), and a
    removal of the lines it deletes from that list; None for a text without an instruction line (AMEND_LINE_RE).
    The notice's entities are both, added then deleted (each numbered as in the list): the impose names the added
    ones (``ActionRecord.entities``), so only they join the list; a count an instruction states is checked against
    the lines it gives, and the counts together against both parts (``stated_count``)."""
    found = _instruction_lines(folded_lines, folded)
    if not found:
        return None
    first = found[0][0]
    head = "\n".join(folded_lines[:first])
    amends = None
    for amends in AMENDS_RE.finditer(head):
        pass  # the last: the decision, after the header and the reasons
    start = amends.start() if amends is not None else 0
    ref = _amended_ref(folded, text, start, len(head), own)
    if ref is None:
        warnings.append(NO_AMENDED)
    stops = {i for i, _ in found}
    added: list[Target] = []
    removed: list[Target] = []
    counts: list[int | None] = []
    for i, m in found:
        steps = _instructions(folded_lines[i], lines[i], m)
        verb, kind, items, count = steps[-1]
        if not items:  # the lines after it, up to the next instruction or the decision's end
            steps[-1] = (verb, kind, _lines_after(lines, folded_lines, i, stops), count)
        for verb, kind, items, count in steps:
            into = added if AMEND_VERBS[verb] is ActionKind.IMPOSE else removed
            into.extend(_amended_target(item, kind) for item in items)
            counts.append(count)
            if count is not None and count != len(items):
                warnings.append(f"parsed {len(items)} targets the amendment {'adds' if into is added else 'deletes'}, "
                                f"it states {count}")
    decision = "\n".join(lines[i].strip() for i, _ in found)
    refs = (ref,) if ref is not None else ()
    actions = []
    if added:
        actions.append(ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, targets=refs,
                                    effective=effective, text=decision,
                                    entities=tuple(cached_key(t.zh, t.en) for t in added) if removed else ()))
    if removed:
        actions.append(ActionRecord(action=ActionKind.REMOVE, list=ListKind.COUNTERMEASURE, targets=refs,
                                    effective=effective, entities=tuple(cached_key(t.zh, t.en) for t in removed),
                                    text=decision))
    if not actions:  # instructions with nothing after them: cut there (NO_TARGETS)
        actions.append(ActionRecord(action=ActionKind.IMPOSE, list=ListKind.COUNTERMEASURE, effective=effective,
                                    text=decision))
    elif added:
        actions[0] = _with_term(actions[0], _amendment_term(lines, folded_lines, head.count("\n", 0, start), stops))
    body = "\n".join(folded_lines[: found[-1][0] + 1])
    stated = sum(c for c in counts if c is not None) if counts and None not in counts else None
    return Reading(tuple(added + removed), (), (), False, body, decision), tuple(actions), stated


# An amendment told in one sentence, the decision amended named before "所附《反制清单》": "中方决定将X、Y等2家企业增列入
# 2024年12月27日《关于…的决定》（外交部令第16号）所附《反制清单》" (additions), "…将X从…所附《反制清单》中移除" (a deletion).
PROSE_ADD_RE = re.compile(r"(?:增列|增补|补充列|列|纳)(?:入|至|进)(?P<where>[^。；;\n]{1,300}?)所附\s*《?\s*(?:反制|反制裁)清单")
PROSE_REMOVE_RE = re.compile(
    r"从(?P<where>[^。；;\n]{1,300}?)所附\s*《?\s*(?:反制|反制裁)清单\s*》?\s*中?\s*(?:移除|移出|删除|删去|调出|剔除)")


def _prose_amendment(folded: str, text: str, own: int | None, effective: str | None, published: date | None,
                     warnings: list[str]) -> tuple[Reading, tuple[ActionRecord, ...], int | None] | None:
    """An amendment told in the decision's sentence (PROSE_ADD_RE, PROSE_REMOVE_RE): the names between the decision's
    将 and the verb (or 从), an impose or a removal whose target is the decision named before 所附; None when the text
    is none, or names no earlier decision there (session 17: refused as cut short, "refers to an annex it does not
    hold", the additions or the deletion missed)."""
    decided = _decision_match(folded, published)
    if decided is None or not decided.group().endswith("将"):
        return None
    for regex, kind in ((PROSE_ADD_RE, ActionKind.IMPOSE), (PROSE_REMOVE_RE, ActionKind.REMOVE)):
        m = regex.search(folded, decided.end())
        if m is None or folded.find("。", decided.end(), m.start()) >= 0:
            continue
        ref = _amended_ref(folded, text, m.start("where"), m.end("where"), own)
        if ref is None:
            return None
        groups_ = _group(text[decided.end() : m.start()], folded[decided.end() : m.start()], "")
        names = [t for g in groups_ for t in g.names]
        if not names:
            return None
        targets = tuple(t if t.type else Target(t.zh, t.en, _guess_type(t, (), ""), t.note) for t in _dedupe(names))
        count = next((g.count for g in groups_ if g.count is not None), None)
        if count is not None and count != len(targets):
            warnings.append(f"parsed {len(targets)} targets, the decision states {count}")
        sentence = text[max(folded.rfind("\n", 0, decided.start()) + 1, 0) : sentence_end(folded, m.end())].strip()
        keys = tuple(cached_key(t.zh, t.en) for t in targets)
        action = ActionRecord(action=kind, list=ListKind.COUNTERMEASURE, targets=(ref,), effective=effective,
                              entities=keys if kind is ActionKind.REMOVE else (), text=sentence)
        return Reading(targets, tuple(groups_), (), False, folded[: sentence_end(folded, m.end())], sentence), (
            action,), count
    return None


# The verbs of an instruction line, anywhere in it: "…中删除“（三）X”，增加“（八）Y”。" holds two instructions.
AMEND_VERB_RE = re.compile("|".join(AMEND_VERBS))
# A count an instruction states: "增加以下2名人员：", "删除3家企业" (outside the quoted lines).
AMEND_COUNT_RE = re.compile(rf"(?<![\d第])(?P<n>{NUM})\s*[家名个位人]")
Instruction = tuple[str, str | None, list[str], int | None]  # verb, kind of its section, the lines it quotes, count


def _instructions(folded: str, line: str, m: re.Match[str]) -> list[Instruction]:
    """The instructions of one instruction line (``m``: its AMEND_LINE_RE match): each verb with the quoted lines that
    are its own (those after it, "删除“（三）X”，增加“（八）Y”", or, written before it after 中的, "将…中的“（三）X”删除"),
    the section a quoted heading before it names ("“一、企业”": organisations), else the line's, and the count it
    states. Quoted names are taken from the clean ``line`` (``folded`` is it folded: every character in its place)."""
    at = min(m.start("where"), m.start("verb"))  # AMEND_FRONT_RE: from its verb, before the list
    base = _type_of_words(m.group("where"))
    out: list[Instruction] = []
    pending: list[str] = []  # quoted after 中的, before its verb
    kind: str | None = base
    owner: int | None = None  # the instruction the quoted lines after a verb belong to
    pos = at
    quotes = list(QUOTED_ITEM_RE.finditer(folded, at))
    tokens = sorted([(q.start(), "q", q) for q in quotes]
                    + [(v.start(), "v", v) for v in AMEND_VERB_RE.finditer(folded, at)
                       if not any(q.start() < v.start() < q.end() for q in quotes)], key=lambda t: t[0])
    for _, what, tok in tokens:
        between = folded[pos : tok.start()]
        pos = tok.end()
        if what == "v":
            n = AMEND_COUNT_RE.search(folded, tok.end(), _next_token(tokens, tok.start(), len(folded)))
            out.append((tok.group(), kind, pending, to_int(n.group("n")) if n else None))
            pending, owner = [], len(out) - 1
            continue
        q = despace(tok.group(1))
        numbered = ENTRY_RE.match(fold(q))
        heading = q[numbered.start("first") :] if numbered else q  # "“二、高级管理人员”": a section of the list
        if len(heading) <= SECTION_MAX and SECTION_RE.match(heading):
            kind = _type_of_words(heading) or base
            continue
        if not _unnumbered_entry(q):
            continue
        item = line[tok.start(1) : tok.end(1)].strip()
        if "中的" in between or owner is None:
            pending.append(item)
            owner = None
        else:
            out[owner][2].append(item)
    if pending and out:  # "在《反制清单》中删除“一、企业”中的“（三）X”": the last verb's
        out[-1][2].extend(pending)
    return out


def _next_token(tokens: list[tuple[int, str, re.Match[str]]], after: int, end: int) -> int:
    return next((t for t, _, _ in tokens if t > after), end)


def _amended_target(item: str, kind: str | None) -> Target:
    """One line an amendment adds or deletes ("（十一）马克·米勒（Mark Miller），男，role"), numbered as in the list."""
    m = ENTRY_RE.match(fold(item))
    zh, en, note, gendered = split_target(item[m.start("first") :] if m else item)
    t = Target(zh, en, kind or ("individual" if gendered else None), note, _entry_number(m) if m else None)
    return t if t.type else Target(zh, en, _guess_type(t, (), ""), note, t.n)


def _amended_ref(folded: str, text: str, start: int, end: int, own: int | None) -> NoticeRef | None:
    """The earlier decision an amendment names in ``folded[start:end]``: by its order number (keyed when a date stands
    before it or before the title quoted before it: "2024年12月27日《…》（外交部令第16号）"; else the number as written,
    with that title, for ``storage.yearless``), else by its date and title; None when it names none."""
    for r in ORDER_REF_RE.finditer(folded, start, end):
        n = to_int(r.group("n"))
        if n is None or n == own:
            continue
        written = text[r.start() : r.end()].strip()
        title = _quoted_before(text, folded, r.start())
        day = parse_cn_date(r.group("date")) if r.group("date") else None
        if day is None and title is not None:
            day = _dated_title_before(folded, start, r.start())
        if day is not None:
            return NoticeRef(text=written, key=f"{KEY_PREFIX}-{day.year}-{n}", date=day, list=ListKind.COUNTERMEASURE,
                             title=title)
        return NoticeRef(text=written, list=ListKind.COUNTERMEASURE, series=KEY_PREFIX, number=n, title=title)
    q = QUOTED_DECISION_RE.search(folded, start, end)
    if q is None:  # "对2025年12月26日决定所附《反制清单》作如下修改": by its date alone
        dated, _ = _dated_ref(folded, text, start, end, start)
        return dated[0] if dated else None
    day = parse_cn_date(q.group("date")) if q.group("date") else None
    return NoticeRef(text=text[q.start() : q.end()].strip(), date=day, list=ListKind.COUNTERMEASURE,
                     title=clean_display(text[q.start("title") : q.end("title")]))


def _ended(folded: str, body: str) -> bool:
    """Whether the text goes on past the decision: a line of its own (本决定…) after the decision, or
    the signature line (外交部). ``body`` is the folded text before the annex, the decision in it."""
    decided = _decision_match(body)
    at = decided.start() if decided is not None else 0
    if OWN_EFFECTIVE_LINE in folded[at:]:
        return True
    return any(despace(line) == ISSUER for line in folded[at:].split("\n"))


# A lift of one measure of a decision's, the others kept: "解除…对X采取的冻结财产措施。该决定规定的…等其他反制措施继续有效"
# (session 18, mfa18: read as a lift of X's listing, a false "lifted" item for someone still under the other measures).
# Where the measure is named as the verb's object (``named_measures``) it is read as ``lift_measure`` (session 20: an item
# saying which measure ends, the listing's state kept); a lift read whole while the text keeps other measures, or a
# suspension, extension or restoration of some measures only (the model holds no state per measure), is for a person.
ONE_MEASURE_RE = re.compile(r"(?:停止|解除|取消|终止)[^。；;\n]{0,240}?(?:采取|实施)的?\s*(?:冻结|财产冻结|禁止|不予签发|不准入境|入境)"
                            r"[^。；;\n]{0,16}?措施")
OTHERS_KEPT_RE = re.compile(r"其他[^。；;\n]{0,40}?措施[^。；;\n]{0,8}?继续(?:有效|执行|实施)")


PER_MEASURE_UNREAD = (ActionKind.SUSPEND, ActionKind.EXTEND, ActionKind.RESTORE)


def one_measure_lifted(record: NoticeRecord, text: str) -> str | None:
    """Why a decision that lifts one measure and keeps the others must be read by a person (ONE_MEASURE_RE and
    OTHERS_KEPT_RE), else None."""
    if record.kind is not NoticeKind.MFA_ORDER and record.kind is not NoticeKind.ORDER:
        return None
    if any(a.measures and a.action in PER_MEASURE_UNREAD for a in record.actions):
        return "the decision changes some measures of an earlier decision and not the others (no state per measure)"
    if any(a.action is ActionKind.LIFT_MEASURE and mixed_measures(a) for a in record.actions):
        return "the decision lifts different measures for different targets"
    if not any(a.action is ActionKind.LIFT for a in record.actions):
        return None
    if "其他" not in text or "继续" not in text:
        return None
    folded = fold(text)
    if OTHERS_KEPT_RE.search(folded) is None or ONE_MEASURE_RE.search(folded) is None:
        return None
    return "the decision lifts one measure and keeps the others (no listing ends)"


# A spokesperson's answer that announces countermeasures under the Anti-Foreign Sanctions Law on named targets, with
# no decree ("依据《中华人民共和国反外国制裁法》…，中方决定对埃里克·桑德斯（Eric Sanders）采取以下反制措施：冻结…"; session 20,
# mfa20: read as a MOFCOM Q&A with no date and no action, ignored without a word). No key holds it: for a person to read.
ANNOUNCED_RE = re.compile(r"反外国制裁法[^。]{0,160}?(?:中方|我方|中国政府|外交部)决定\s*(?:依法)?\s*对[^。；;\n]{1,300}?"
                          r"采取(?:以下|如下|相应)?(?:反制(?:裁)?|制裁)措施")


# A decision that ends a running suspension ("中方决定自…起提前终止上述暂停，恢复实施…"): its 暂停 is the suspension it ends.
ENDS_SUSPENSION_RE = re.compile(r"(?:终止|结束|解除|取消|停止)\s*(?:上述|该|此|对[^。；;\n]{0,120}?的)?\s*暂停")
# Decisions on earlier decrees read only in part (session 21, mfa21's blind round): a term of an earlier decree
# lengthened ("将…（外交部令第5号）所列反制措施的期限延长3年": read as a new listing of a name made of the sentence); an
# order amending an earlier order's list ("关于修改《关于对…采取反制措施的决定》的决定", "在…（商务部令2025年第8号）所列实体
# 中增列": read as a measure on the title's words).
TERM_CHANGED_RE = re.compile(r"(?<!暂停)(?<!暂停实施)期限\s*(?:延长|延期|缩短|变更)|(?:延长|延期)(?:(?!暂停)[^。；;\n]){0,40}?(?<!暂停)期限")
ORDER_AMENDED_RE = re.compile(r"(?:外交部令|商务部令)[^。；;\n]{0,40}?(?:所列|所附|附件)[^。；;\n]{0,40}?(?:增列|增加|增补|删除|删去|移除|调出)")
ANY_ORDER_REF_RE = re.compile(rf"(?:外交部令|商务部令)\s*(?:{YEAR}\s*年\s*)?第\s*(?P<n>{NUM})\s*号")


def partly_read(record: NoticeRecord, text: str) -> str | None:
    """Why a decision on earlier decrees that the parse reads only in part must be read by a person, else None:
    a term of an earlier decree changed, an earlier order's list amended by an order, a decision acting on an
    earlier decree the parse holds no action on (its second numbered clause), or one suspending several decrees
    for periods of their own (one period was read for all)."""
    if record.kind is not NoticeKind.MFA_ORDER and record.kind is not NoticeKind.ORDER:
        return None
    folded = fold(text)
    refs = [r for r in ANY_ORDER_REF_RE.finditer(folded) if to_int(r.group("n")) != record_number(record)]
    if not refs:
        return None
    if TERM_CHANGED_RE.search(folded):
        return "the decision changes the term of an earlier decision (no term change is read)"
    if record.kind is NoticeKind.ORDER and ORDER_AMENDED_RE.search(folded):
        return "the order amends the list of an earlier order (not read for orders)"
    status = [a for a in record.actions if a.action is not ActionKind.IMPOSE]
    if not status:
        return None
    read = {t.number if t.number is not None else _ref_number(t.key) for a in status for t in a.targets}
    for a in status:
        if len(a.targets) > 1 and a.action in (ActionKind.SUSPEND, ActionKind.EXTEND) and (
                len(STATUS_VERB_RE.findall(fold(a.text))) > 1):
            return "the decision suspends several decisions, each for a period of its own (one period was read)"
    start = min((folded.find(fold(a.text)) for a in status if a.text and fold(a.text) in folded), default=-1)
    if start < 0:
        return None
    for r in refs:
        if r.start() < start or to_int(r.group("n")) in read:
            continue
        line_start = folded.rfind("\n", 0, r.start()) + 1
        if STATUS_VERB_RE.search(folded, line_start, r.start()):
            return "the decision acts on an earlier decision it holds no action on (a clause of it is not read)"
    return None


def _ref_number(key: str | None) -> int | None:
    tail = key.rsplit("-", 1)[-1] if key else ""
    return int(tail) if tail.isdigit() else None


def record_number(record: NoticeRecord) -> int | None:
    return _ref_number(record.key)


def announced_countermeasures(record: NoticeRecord, text: str) -> str | None:
    """Why an answer (a Q&A, a press conference) or a spokesperson's statement ("外交部发言人宣布：…依据《中华人民共和国
    反外国制裁法》，中方决定对X采取制裁措施，禁止其入境…": session 22, mfa22: read as an undated page of another kind,
    its list-less measure ignored with a note) that decides countermeasures with no decree must be read by a person
    (ANNOUNCED_RE), else None."""
    if "反外国制裁法" not in text:
        return None
    if record.kind is NoticeKind.QA:
        if record.actions:
            return None
    elif record.kind is not NoticeKind.OTHER or any(
            a.action is not ActionKind.MEASURE or a.list is not None for a in record.actions):
        return None
    if ANNOUNCED_RE.search(fold(text)) is None:
        return None
    if record.kind is NoticeKind.QA:
        return "an answer announces countermeasures under the Anti-Foreign Sanctions Law, with no decree read"
    return ("a page read as no decree (a spokesperson's statement, or a decree in a layout not read as one) decides "
            "countermeasures under the Anti-Foreign Sanctions Law")


def cut_short(record: NoticeRecord) -> str | None:
    """Why a decision's parse is that of a page cut short, or None: it names no target (NO_TARGETS), stops
    inside the decision (NO_END), ends in a name cut short (CUT_ENTRY), in a section heading (EMPTY_SECTION) or in
    an entry announcing subsidiaries (NO_MEMBERS), or
    imposes on targets read from its own sentences because the annex it refers to is missing (NO_ANNEX: the annex holds their English names,
    and so their keys). Stored, such a parse would miss the decision on a first fetch, or store fewer
    targets, or the same keyed anew, and withdraw the stored ones on a later one."""
    if record.kind is not NoticeKind.MFA_ORDER or not record.warnings:
        return None
    if NO_TARGETS in record.warnings:
        return "the decision names no target"
    if NO_END in record.warnings:
        return "the text stops inside the decision"
    if CUT_ENTRY in record.warnings:
        return CUT_ENTRY
    if EMPTY_SECTION in record.warnings:
        return EMPTY_SECTION
    if NO_MEMBERS in record.warnings:
        return NO_MEMBERS
    if NO_ANNEX in record.warnings and any(a.action is ActionKind.IMPOSE for a in record.actions):
        return "the decision refers to an annex (反制清单) it does not hold"
    return None


def _dedupe(targets: list[Target]) -> list[Target]:
    """The decision's names once each, in order. A name given with its English in one phrase and without
    it in another ("…及其首席执行官亚当·布赖（Adam Bry）", then "三、对亚当·布赖本人不予签发签证") is one
    target, completed from both: keyed by its Chinese alone it would be the same person twice. (Two
    targets of one Chinese name and different English stay two, and a name without English bound to
    neither of them.)"""
    out: list[Target] = []
    seen: set[str] = set()
    for t in targets:
        at = _other_half(out, t)
        if at is not None:
            old = out[at]
            out[at] = Target(old.zh or t.zh, old.en or t.en, old.type or t.type, old.note or t.note, old.n)
            seen.add(cached_key(out[at].zh, out[at].en))
            continue
        if cached_key(t.zh, t.en) in seen:
            continue
        out.append(Target(t.zh, t.en, t.type, t.note, len(out) + 1))
        seen.add(cached_key(t.zh, t.en))
    return out


def _other_half(out: list[Target], t: Target) -> int | None:
    """The one target of ``out`` that ``t`` names too, by the half of the name both give, when one of
    them lacks the other half (the English, or the Chinese); None when none or several do."""
    zh, en = despace(t.zh) if t.zh else None, t.en.casefold() if t.en else None
    found = [i for i, o in enumerate(out)
             if (zh and o.zh and despace(o.zh) == zh and (en is None or o.en is None))
             or (en and o.en and o.en.casefold() == en and (zh is None or o.zh is None))]
    return found[0] if len(found) == 1 else None


def _decision_text(folded: str, clean: str, m: re.Match[str] | None) -> str:
    """The decision sentence as written (the one where the deciding side decides, when one does;
    ``m`` is ``_decision_match(folded)``)."""
    if m is None:
        return ""
    start = max(folded.rfind("。", 0, m.start()), folded.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (folded.find("。", m.end()), folded.find("\n", m.end())) if i >= 0]
    return clean[start : min(ends) if ends else len(clean)].strip()
