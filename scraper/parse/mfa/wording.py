"""The decisions' wording: the regexes, words and limits the other modules read a decision by, in one place."""

from __future__ import annotations

import re

from storage.records import ActionKind

from ..actions import VERB_KINDS
from ..dates import DATE_RE
from ..entities import COUNTRY_NAMES
from ..lazyre import lazy_compile
from ..textnorm import MD, NUM, YEAR

ISSUER = "外交部"
EN_MINISTRY = "Foreign Affairs"  # in every english.EN_DECREE_RE match: the gate, a plain substring search
KEY_PREFIX = "MFA-ORDER"
# "外交部令第13号", "中华人民共和国外交部令\n第 4 号" (the older order page), "外交部令第十三号", "外交部令2027年第66号" (a year
# written in the number: session 37, mfa37/08, no number was read and the decree was keyed "…-unnumbered-…").
ORDER_YEAR = rf"(?:{YEAR}\s*年\s*)?"
ORDER_NO_RE = lazy_compile(rf"(?:中华人民共和国)?外交部令\s*(?:\(\s*)?(?:(?P<y>\d{{4}})\s*年\s*|{ORDER_YEAR})第\s*(?P<n>{NUM})\s*号")
# "（2024年10月10日中华人民共和国外交部令第13号公布，自2024年10月10日起施行）"
PUBLISHED_RE = lazy_compile(
    rf"(?P<date>{DATE_RE.pattern})\s*(?:中华人民共和国)?外交部令\s*{ORDER_YEAR}第\s*{NUM}\s*号\s*(?:公布|发布)"
)
# Its tail, which opens with a literal the regex engine skips ahead by: a page without it (the
# older layout) cannot hold PUBLISHED_RE, whose search would try a date at every character.
PUBLISHED_TAIL_RE = lazy_compile(rf"外交部令\s*{ORDER_YEAR}第\s*{NUM}\s*号\s*(?:公布|发布)")
# "本决定自2024年10月10日起施行", "现公布《…》，自2022年12月23日起施行", "自公布之日起施行"; an hour, "自2030年10月1日零时起施行"
# (session 46, mfa46/15: 零 was no hour, no day was read and the decree was in force from publication, 11 days early).
EFFECTIVE_RE = lazy_compile(
    rf"自\s*(?:{DATE_RE.pattern}|(?:公布|发布)\s*之\s*日|即\s*日)(?:\s*(?:\d{{1,2}}|零)\s*[时:点]\s*(?:\d{{1,2}}\s*分?)?)?\s*起\s*(?:正式)?(?:施行|实施|生效|执行)"
)
# "关于对石平采取反制措施的决定"; since late 2025 with the issuer before 关于: "外交部关于对美国军工企业及高级管理人员采取
# 反制措施的决定" (a reprint may write "中华人民共和国外交部关于…"); matched on the folded, despaced line.
# "关于将美国有关企业列入反制清单的决定" (session 46, mfa46/15: no title read, so no country and no title to be named by).
TITLE_RE = lazy_compile(r"^(?:(?:中华人民共和国)?外交部)?关于(?:.{1,200}?(?:反制|反制裁)措施(?:的决定(?:》的决定)?|决定的决定)"
                        r"|将.{1,200}?列入(?:反制|反制裁)清单的决定)$")
DECISION_MARK_RE = lazy_compile(r"(?:反制|反制裁)措施的决定|采取(?:以下|如下|下列|相应)?(?:反制|反制裁)措施")
# Page time line "2024-10-10 17:00" under the title.
TIME_LINE_RE = lazy_compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# The annex heading: "反制清单" / "反制裁清单" alone, or "附件：反制清单", or a bare "附件".
ANNEX_HEADING_RE = lazy_compile(r"^(?:附件?\s*\d*\s*[:：]?\s*)?(?:《)?(?:反制|反制裁|制裁)清单(?:》)?$|^附件\s*\d*$")
ANNEX_REFERRED_RE = lazy_compile(r"后附|附件\s*[:：]?\s*《?(?:反制|反制裁)清单|《(?:反制|反制裁)清单》")
UNNUMBERED_MAX = 120  # an unnumbered annex line longer than this is prose, not a name
CN_DIGITS = "一二三四五六七八九十百零〇两"
# "（一）…", "(1)…", "一、…", "1．…", "1、…", "1. …". Matched on one line (no newline), the
# number and the first character of the rest of the line (``.*\s*$`` after it always matches a line, so it is left out).
ENTRY_RE = lazy_compile(
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
SECTION_RE = lazy_compile(r"^[\u4e00-\u9fff]{0,6}?(?:" + "|".join(SECTION_WORDS) + r")(?:名单|清单)?\s*"
                        + SECTION_COUNT + r"\s*[:：]?$")
# The longest despaced line SECTION_RE can match: a longer one (a name) needs no match attempt.
SECTION_MAX = 6 + max(len(w) for w in SECTION_WORDS) + 2 + 10 + 1
COUNTRY_FIRSTS = frozenset(name[0] for name in COUNTRY_NAMES)
ROLE_WORDS = ("众议员", "参议员", "议员", "官员", "主席", "部长", "大使", "局长", "署长", "处长", "顾问", "负责人", "创始人",
              "总裁", "首席执行官", "总经理", "主任", "学者", "教授", "研究员", "政客", "人士", "州长", "市长",
              # officers and ministers (session 22, mfa22: "日本航空自卫队前航空幕僚长田中宏" kept whole as the name)
              "幕僚长", "参谋长", "司令官", "司令", "议长", "国务卿", "大臣",
              # a company's other chief officers (session 37, audit37/02: "首席技术官丽莎·陈（Lisa Chen）" read as no person)
              "首席技术官", "首席财务官", "首席运营官", "首席信息官", "首席科学家",
              # a state's officers and an aide (session 51, mfa51/01, /05: "前国家安全事务助理艾伦·布雷迪", "美国密苏里州总检察长艾伦·派克",
              # "密苏里州前州务卿杰伊·罗兹" kept whole as the Chinese name; /05 read each person twice, with and without it); a diplomat
              "检察长", "州务卿", "助理", "参赞")
# The longest role: "美国印太司令部前司令约翰·贝克" is a 司令's name, not "部前司令约翰·贝克" after "美国印太司令".
# A name of up to 16 characters: "欧洲议会议员安娜-玛丽亚·施密特-科赫" (13, hyphens in both names: session 42, mfa42/16, kept whole).
ROLE_PREFIX_RE = lazy_compile(r"^(?P<role>.{2,30}(?:" + "|".join(ROLE_WORDS) + r"))(?P<name>[^、，,()（）]{2,16})$")
ROLE_WORD_RE = lazy_compile("|".join(ROLE_WORDS))  # in every ROLE_PREFIX_RE match, from the third character
# "所长约翰·沃尔特斯" after "哈德逊研究所董事会主席萨拉·梅·斯特恩、": the role's organisation is the one named
# before; a bare role opens a transliterated name (a middle dot in it).
# A commission's member, "美国国际宗教自由委员会委员亨利·沃德", and a staffer, "美国国会前幕僚大卫·李" (session 49, mfa49/23, /13:
# the whole kept as the Chinese name), never the 委员 of "委员会" or "委员长".
BARE_ROLES = ROLE_WORDS + ("所长", "院长", "会长", "社长", "校长", "董事长", "理事长", "主编", "总编辑", "董事", "理事",
                           "委员(?![会长])", "幕僚(?!长)")
BARE_ROLE_RE = lazy_compile(r"^(?P<role>" + "|".join(sorted(BARE_ROLES, key=len, reverse=True))
                          + r")(?P<name>[^、，,()（）·]{1,8}[·•][^、，,()（）]{1,16})$")
# "美国自由亚洲研究所所长罗伯特·金斯利": an organisation, the head's title no ROLE_WORDS holds, then a transliterated name
# (session 19, mfa19: the whole kept as the person's name).
HEAD_ROLES = tuple(r for r in BARE_ROLES if r not in ROLE_WORDS)
HEAD_PREFIX_RE = lazy_compile(r"^(?P<role>.{2,30}?(?:" + "|".join(sorted(HEAD_ROLES, key=len, reverse=True))
                            + r"))(?P<name>[^、，,()（）·]{1,8}[·•][^、，,()（）]{1,16})$")
GENDER_RE = lazy_compile(r"^(?:性别\s*[:：]?\s*)?(?P<g>男|女)(?:性)?$")
LATIN_RE = re.compile(r"[A-Za-z]")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# A name in its own script beside the Latin in one bracket: "金泰勋（김태훈，Kim Tae-hoon）", "（Іван Петренко，Ivan Petrenko）",
# "（やまだ けんいち，Yamada Kenichi）", "（Γιώργος Παπαδόπουλος，Giorgos Papadopoulos）" (session 45, mfa45/02, 21: the whole bracket
# was the English name, keyed with the Hangul, so a lift naming "Ivan Petrenko" was unresolved and `timeline "Ivan Petrenko"` said
# "not on any list"). Greek, Cyrillic, Hebrew, Arabic, Devanagari, Thai, Hangul, kana (not the katakana middle dot U+30FB).
# Georgian, Armenian, the other Indic scripts, Lao, Tibetan, Myanmar, Khmer and Mongolian too (session 46, mfa46/12: "（გიორგი ბერიძე，
# Giorgi Beridze）" was one English name).
NATIVE_SCRIPT_RE = re.compile("[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0fff"
                              "\u1000-\u109f\u10a0-\u10ff\u1100-\u11ff\u1780-\u17ff\u1800-\u18af"
                              "\u3040-\u30fa\u30fc-\u30ff\u3130-\u318f\uac00-\ud7af]")
SPACED_EN_RE = lazy_compile(r"^(?P<zh>[^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)[\s\u3000]+(?P<en>[A-Za-z][^\u4e00-\u9fff]*)$")
# Organisation name endings (a target without a section, a gender or a count word).
ORG_SUFFIX_ZH = ("公司", "集团", "企业", "株式会社", "会社", "机构", "组织", "中心", "实验室", "大学", "学院", "研究所", "研究院",
                 "研究中心", "协会", "基金会", "委员会", "联盟", "银行", "基金", "工厂", "厂", "局", "署", "部", "院", "所", "社",
                 "会", "馆", "办公室", "智库", "网络", "媒体", "电台", "电视台")
ORG_SUFFIX_EN = r"\b(?:Inc|LLC|Ltd|Corp|Corporation|Company|Co|Group|Foundation|University|Institute|Association)\.?$"
ORG_SUFFIX_RE = lazy_compile(f"(?:{'|'.join(ORG_SUFFIX_ZH)}|{ORG_SUFFIX_EN[:-1]})$", re.IGNORECASE)
# Its English words alone (``names._org_suffix`` finds the Chinese ones with ``str.endswith``: no case to fold, and
# the search with IGNORECASE cost ~13,000 instructions a name, issue 11). Each ends with an ASCII letter or "."
# (no other character matches one of those under IGNORECASE), so a name ending otherwise needs no search.
ORG_SUFFIX_EN_RE = lazy_compile(ORG_SUFFIX_EN, re.IGNORECASE)
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
# 将 as "will" before a day, not the object's marker ("中方决定，将于2029年6月15日对X（x）采取…": session 58, perf58, the name
# read as "于2029年6月15日对X", silently): DECISION_START_RE and TARGET_START_RE take the 对 after it, not 将.
NOT_WILL_ON_DAY = r"(?!\s*(?:于|在|自|从)\s*(?:\d|[〇○零一二三四五六七八九]{4}))"  # after 将 (its literal first: perf41)
DECIDES_AS_FOLLOWS = r"(?:如下|\s*[,，]?\s*采取(?:以下|如下|下列)(?:反制|反制裁)?措施)?\s*[:：]"
# So too a decision whose measure's verb names the targets after it: "中方决定，禁止我国境内的组织、个人与X（x）进行…" (session 43,
# mfa43/25: no start found, refused as naming no target); ``groups.verb_first`` reads such names.
DECISION_START_RE = lazy_compile(
    rf"(?:中方|我方|外交部|中国政府|我国政府)决定(?:[^。；;\n]{{0,60}}?(?:对|将{NOT_WILL_ON_DAY})|{DECIDES_AS_FOLLOWS}(?=[ \t\u3000]*\n)"
    r"|\s*[,，]?\s*(?:(?:自|从)?\s*(?:即日|[^。；;\n,，对]{1,16}?日)\s*起\s*[,，]?\s*)?(?=冻结|禁止))")
BARE_DECISION_START_RE = lazy_compile(r"决定\s*[,，]?\s*(?:对|将)")
# A full date right before the deciding side ("2024年10月10日，中方决定对…"): the decision's own day.
DATED_DECISION_RE = lazy_compile(rf"(?P<y>{YEAR})\s*年\s*(?P<m>{MD})\s*月\s*(?P<d>{MD})\s*日[\s,，]*$")
DATED_DECISION_REACH = 24  # the longest date with its comma: the window searched before a decision
# A decision on earlier countermeasures: "中方决定自2025年11月10日起，取消对立方公司采取的反制措施",
# "…停止实施外交部令第12号相关措施", "…暂停实施…1年": its verb comes before any "对" (the bare form
# only when no sentence names the deciding side, as for the decision itself).
# "终止实施…所列全部反制措施", "不再对X采取…反制措施" (a lift, session 17: read as nothing, and as a new impose); "撤销…中对X采取的
# 反制措施", "废止…《关于对X采取反制措施的决定》" (session 38, mfa38: each read as a new impose on X, a false item, the lift lost).
# "提前终止…外交部令第184号对X采取的反制措施" (session 41, mfa41/21: "提前终止…对X采取的不予签发签证、不准入境措施" read as a new
# entry ban on X, a false "Imposed" item; mfa41/09, /20: refused) ends a measure early: a lift, whatever follows 终止 (or 结束)
# but a stop ("…为期三年，期满前可视情提前终止：", no object: mfa41 probe, held); 提前 is the verb's, so a numbered clause "三、提前终止…"
# is a step's clause (checks.STEP_CLAUSE_RE: a decree imposing and, in clause 三, ending another's early lost that lift).
# "中止执行外交部令2028年第70号规定的反制措施，中止期限为1年" suspends (session 53, mfa53/20: refused as cut short, "names no target").
STATUS_VERB = (r"(?P<verb>继续暂停(?:实施|执行)?|(?:暂停|中止)(?![期至到])(?:实施|执行)?|停止(?:实施|执行)?|恢复(?:实施|执行)?|"
               r"提前(?:终止|结束)(?![\s:：,，。；;])|终止(?:实施|执行|(?=\s*对))|不再(?=\s*对)|取消|解除|移出|撤销|废止)")
# "外交部决定：" (DECIDES_AS_FOLLOWS) ending its line: the verb opens the first measure after it ("一、解除…对立方公司采取的反制措施").
COLON_LINE = rf"(?:{DECIDES_AS_FOLLOWS}[ \t\u3000]*\n\s*)?"
STATUS_DECISION_RE = lazy_compile(rf"(?:中方|我方|外交部|中国政府|我国政府)决定{COLON_LINE}[^。；;\n对]{{0,60}}?{STATUS_VERB}")
BARE_STATUS_DECISION_RE = lazy_compile(rf"(?<!方)决定{COLON_LINE}[^。；;\n对]{{0,60}}?{STATUS_VERB}")  # not 美方决定…
# An extension of a suspension told object first, the orders and targets before its verb (session 50, mfa49/25, mfa50/09,
# /21: held, "not read as a new listing"): "中方决定将外交部令2040年第301号对X（x）所采取反制措施的暂停期限延长至2041年12月31日",
# "中方决定，对外交部令…第401号所列X（x）反制措施的暂停期限延长3个月"; and with the suspending decree as the subject
# (mfa50/10, blind49/15's shape): "外交部令…第408号规定的暂停对外交部令…第401号所列X等2家企业采取反制措施的期限延长6个月，自…起至…"
# (its 暂停 in ``obj``, checked by ``status.extension_first``). Matched on the folded body; from the deciding side, so that
# a decision recalled with its date ("2042年12月20日，中方决定将…延长至…。…中方决定恢复执行…") is passed over (``groups._own_match``).
EXTENDED_FIRST_RE = re.compile(
    r"(?:(?:中方|我方|外交部|中国政府|我国政府)\s*决定|(?<![号令》本])决定)\s*[,:]?\s*(?:将|对)?\s*(?P<obj>[^。;\n]{4,300}?)\s*(?:所\s*)?(?:采取\s*(?:的\s*)?)?(?:反制|相关)?措施\s*的?\s*"
    r"(?P<verb>(?:暂停(?:实施|执行)?\s*的?\s*)?期限\s*(?:再\s*)?(?:予以\s*)?(?:延长|延期))")
# A step on an earlier decree told object first, its verb last (session 53, mfa53/21, mfa52/30 (mfa51's open B): held, or
# refused as cut short): "中方决定，外交部令2028年第63号对约翰·布莱克（John Black）采取的反制措施自2029年6月1日起停止执行",
# "…外交部令2027年第34号所列X（x）的反制措施自2028年4月15日起恢复执行". Its object opens with the decree; matched on the folded body
# (compiled, not lazy: its matches are told by their ``re``, as EXTENDED_FIRST_RE's).
VERB_LAST_RE = re.compile(
    r"(?:中方|我方|外交部|中国政府|我国政府)\s*决定\s*[,:]?\s*(?P<obj>(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?(?:中华人民共和国)?"
    r"外交部令[^。;\n]{4,300}?)\s*(?:所\s*)?(?:(?:规定|采取|实施|确定|列明)\s*的?|的)\s*(?:全部|所有|各项)?\s*[^。;\n,的]{0,20}?措施"
    r"\s*,?\s*(?:自\s*[^。;\n,]{4,30}?起\s*,?\s*)?"
    r"(?P<verb>(?:停止|终止|不再|恢复)(?:执行|实施))\s*(?=[。;\n]|$)")
# An earlier order it acts on: "外交部令第12号", "2024年10月10日中华人民共和国外交部令第13号" (the date gives the year).
# Its number in brackets too, as a decree's own is written ("外交部令（第220号）", "外交部令（2037年第220号）": session 43, mfa43 probe: no
# decree read, so a lift of a person from No. 220 lifted him on every decree that lists him, No. 222 too, silently).
# So too with 令 after the number: "外交部2027年第41号令", "外交部第42号令" (a probe after the fix), "2027年第41号外交部令", "2027年5月20日第42号外交部令" (session 45, mfa45/04,
# 16, 23: no decree read, so a step on a person of one decree reached every decree listing him, a false "Lifted" on the others).
ORDER_REF_RE = lazy_compile(
    rf"(?:(?P<date>{DATE_RE.pattern})\s*)?(?:中华人民共和国)?"
    rf"(?:外交部令\s*(?:\(\s*)?|外交部\s*(?=(?:{YEAR}\s*年\s*)?第\s*{NUM}\s*号\s*令)|(?=(?:{YEAR}\s*年\s*)?第\s*{NUM}\s*号\s*外交部令))"
    rf"(?:(?P<ry>\d{{4}})\s*年\s*|{ORDER_YEAR})第\s*(?P<n>{NUM})\s*号(?:\s*外交部令|\s*令(?![^\s，,。；;、对中所]))?"
)
# The next number of a list of orders written once: "停止实施外交部令第80号、第86号所列全部反制措施" (session 38, mfa38: No. 86 was
# not read, its lift lost with no warning). A year written in the first number ("外交部令2028年第80号、第86号") is theirs too.
MORE_NUMBERS_RE = re.compile(rf"\s*(?:、|和|及|与|以及)\s*第\s*(?P<n>{NUM})\s*号")
# What stands before a decree named as how measures came to be, not as what a step acts on: "恢复实施…第101号中对X采取的、经
# 2029年10月8日外交部令第109号暂停实施的反制措施" (session 39, mfa39/19: the restore named No. 109 too, a loud unresolved reference).
BY_WAY_OF_RE = re.compile(rf"经\s*(?:{DATE_RE.pattern})?\s*(?:中华人民共和国)?$")
BY_WAY_OF_REACH = 24  # "经", a date and 中华人民共和国


def by_way_of(folded: str, at: int) -> bool:
    """Whether the decree named at ``at`` of ``folded`` follows 经 (BY_WAY_OF_RE)."""
    return folded.find("经", max(0, at - BY_WAY_OF_REACH), at) >= 0 and \
        BY_WAY_OF_RE.search(folded, max(0, at - BY_WAY_OF_REACH), at) is not None


QUOTED_TITLE_RE = re.compile(r"《[^《》]*》")
# An earlier decision named by its title alone, its date perhaps before it: "停止实施2024年10月10日《关于对美国军工企业…
# 采取反制措施的决定》相关措施" (no 外交部令 number: the engine finds the stored order of that day on the list).
QUOTED_DECISION_RE = lazy_compile(rf"(?:(?P<date>{DATE_RE.pattern})\s*[,，]?\s*)?《(?P<title>关于[^《》]{{1,200}}?决定)》")
STATUS_WORDS = ("暂停", "停止", "恢复", "取消", "解除", "移出", "终止", "不再", "撤销", "废止", "结束", "中止")  # (结束: 提前结束)  # one is in every STATUS_DECISION_RE match
STATUS_KINDS = {**VERB_KINDS, "不再": ActionKind.LIFT, "撤销": ActionKind.LIFT,  # "不再对X采取": no longer imposed
                "提前终止": ActionKind.LIFT, "提前结束": ActionKind.LIFT}  # (mfa41/21, probe 25)
TARGET_START_RE = lazy_compile(rf"将\s*对\s*|对\s*|将{NOT_WILL_ON_DAY}\s*")
# Targets named after a measure's verb, on the folded text (session 43; mfa42/02, /19 held them for a person): "冻结A（a）、B（b）
# 在我国境内的动产、不动产和其他各类财产", "禁止我国境内的组织、个人与X（x）进行有关交易、合作等活动" (``groups.verb_first``).
FREEZE_FIRST_RE = lazy_compile(r"冻结\s*(?P<names>[^。;；:：\n]{2,400}?)\s*在\s*(?:我国|中国)?\s*境内")
DEAL_FIRST_RE = lazy_compile(r"禁止[^。;；:：\n]{0,30}?(?:组织|个人|机构|人员)\s*(?:与|同)\s*(?P<names>[^。;；:：\n]{2,400}?)\s*"
                             r"(?:进行|开展|从事|发生)")
# An entry ban naming its person after 禁止: "中方决定禁止尤尔吉斯·瓦伊特库斯及其直系亲属入境（包括香港、澳门特别行政区）" (session 48,
# mfa47/03: no target read, refused as cut short); the person's family and a Taiwan-region person's "进入大陆" are no name, nor
# other measures ("…禁止交易、合作以及不予签发签证、不准入境等其他反制措施继续有效": mfa18/09).
ENTRY_FIRST_RE = lazy_compile(r"禁止\s*(?P<names>(?:(?!交易|合作|签证|不准|不予|冻结|措施)[^。;；:：\n,，]){2,200}?)\s*(?:本人)?\s*(?:(?:以及|及|和|与)\s*(?:其\s*)?"
                              r"(?:直系亲属|配偶|家属|家庭成员|子女)\s*)?(?:入境|进入\s*(?:我国|中国|祖国)?\s*(?:境内|大陆|内地))")
VERB_FIRST = (FREEZE_FIRST_RE, DEAL_FIRST_RE, ENTRY_FIRST_RE)
JOINERS_RE = lazy_compile(r"以及|和|及|与")
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
BARE_COUNT_RE = lazy_compile(rf"(?<![\d第])(?P<n>{NUM})\s*(?P<unit>[家名个位])(?P<desc>.*?)(?={NUM}\s*[家名个位]|$)")
BACK_REFS = ("上述", "前述", "以上", "上列")
# A group's count: after 等 ("A、B等3家企业"), or right after a name's closing bracket with no 等 ("对A（a）、B（b）3家实体，冻结…":
# session 30, names30: the names were not read and the decision refused as naming no target).
# The annex pointed to between 等 and the count: "对美台商业协会等后附《反制清单》列明的3家机构和企业" (session 37, mfa37/09: the
# count was not read, so an annex cut short would not have warned).
GROUP_TAIL_RE = lazy_compile(rf"(?:等|(?<=[)）])(?=\s*{NUM}\s*[家名个位人]))\s*(?:后附\s*《[^《》]{{1,20}}》\s*(?:列明|所列)的?\s*"
                             rf"(?={NUM}\s*[家名个位人]))?(?:(?P<n>{NUM})\s*(?P<unit>[家名个位人]))?(?P<desc>.*)$", re.DOTALL)
NOT_NAMES_RE = lazy_compile(r"^(?:以下|如下|下列|上述|前述|其|该|这些|此|我国|中国|中方|美方|外国|有关|相关)")
MEASURE_WORDS = (
    ("asset_freeze", re.compile(r"冻结")),
    # (the partner named in the ban, a long name between: "禁止…个人与红杉地缘政治咨询公司（…）进行有关交易": session 43, mfa43/25)
    ("transaction_ban", re.compile(r"禁止[^。；]{0,40}?(?:交易|合作)|禁止[^。；;]{0,30}?与[^。；;]{1,200}?进行[^。；;]{0,6}?(?:交易|合作)")),
    # A person named between ("禁止马雷克·德沃夏克本人及其直系亲属入境": session 48, mfa48/07), within the clause.
    # Taiwan-region persons are barred from the mainland, not "入境": "禁止其本人及直系亲属进入大陆以及香港、澳门特别行政区" (session 46,
    # mfa46/05, 06: no entry ban read, the persons' items listed the freeze and the ban only, silently).
    ("entry_ban", re.compile(r"不予签发签证|不准入境|禁止[^。；]{0,10}?入境|禁止[^。；;，,]{0,40}?入境|禁止[^。；]{0,12}?进入\s*(?:祖国|中国)?\s*(?:大陆|内地)|"
                               r"禁止[^。；;，,]{0,40}?进入\s*(?:祖国|中国|我国)?\s*(?:大陆|内地|境内)")),
)
MEASURES_ORDER = tuple(name for name, _ in MEASURE_WORDS)
# A measure's first words: the targets before them end there ("对亚当·布赖本人不予签发签证").
MEASURE_VERB_RE = lazy_compile("不予|不准|冻结|禁止")
# "…本人", "…本人及其直系亲属": the person the phrase names, himself (and his family, named by no one); "X（x）与直系亲属" too
# (review39: the name was read with the words).
SELF_TAILS = ("本人", "直系亲属")
PRONOUNS = frozenset(("其", "本人", "其本人", "该", "此"))  # what is left of "对其本人…" cut oddly: no name
SELF_TAIL_RE = lazy_compile(r"(?<=\S)\s*(?:本人)?\s*(?:(?:及|和|与|以及)\s*(?:其\s*)?直系亲属)?$")
# "A及其B": B belongs to A ("公司及其首席执行官亚当·布赖"); a person when B is a role, then a name.
ITS_RE = lazy_compile(r"以?及其")
# The words for a company's staff, a list of names after them: "及其高级管理人员X、Y", "及其2名高级管理人员X、Y".
# The roles a company's person is named behind ("及其董事长X"): not 董事 or 理事 alone, which open "董事会主席".
# "及其主任X、研究主管Y" (session 46, mfa46/02: "主管" no role, so "X、研究主管Y" was one person's name, both lost, silently).
ITS_ROLES = ROLE_WORDS + ("董事长", "理事长", "所长", "院长", "会长", "社长", "校长", "主编", "总编辑", "主管", "总监", "秘书长",
                          "合伙人")
ROLE_END_RE = lazy_compile("(?:" + "|".join(ITS_ROLES) + ")$")  # a role alone: "联合创始人"
ITS_STAFF_RE = lazy_compile(rf"\s*(?:{NUM}\s*[名位])?\s*(?:高级管理人员|管理人员|高管|负责人|人员)\s*[:：]?\s*(?=\S)")
# A role held with another, joined by 兼: "总裁兼首席执行官马修·J·哈特利" (session 39, mfa39/02: the name read "兼首席执行官马修·J·哈特利").
# A person's spouse named after him: "丹尼尔·费舍尔（Daniel Fisher）及其配偶劳拉·费舍尔（Laura Fisher）" (session 51, mfa51/11: she was
# not read, held); "及其配偶" naming no one names no one.
ITS_FAMILY = ("配偶", "妻子", "丈夫")
ITS_PERSON_RE = lazy_compile(r"\s*(?P<role>[^、，,()（）]{0,30}?(?:" + "|".join(ITS_ROLES + ITS_FAMILY) + r")(?:兼[^、，,()（）兼]{0,12}?(?:"
                             + "|".join(ITS_ROLES) + r"))*)(?P<person>[^、，,()（）\s].*)$")
STOP_NAME = " \t;；。，,、:："


# What a copy of the decision holds, whole or cut short, and a report of it does not: the order's own line (the
# newer header "（2024年10月10日中华人民共和国外交部令第13号公布，自…起施行）", the older order page "中华人民共和国外交部令" /
# "第 4 号" / "现公布《…》"), a numbered measure ("一、对…", "二、禁止…", at a line's start or after a colon), its own
# effective line (本决定…) or its signature (a line "外交部"). A report names the order inside a sentence of its own
# ("外交部10日发布外交部令第13号，公布…"), tells the measures in one sentence and says "决定自…起施行".
DECISION_HEADER_RE = lazy_compile(rf"\(\s*{DATE_RE.pattern}[^()\n]{{0,12}}?外交部令\s*第\s*{NUM}\s*号")
ORDER_PAGE_RE = lazy_compile(
    rf"^\s*(?:中华人民共和国)?外交部令\s*(?:\(?\s*第\s*{NUM}\s*号\s*\)?)?\s*$|外交部令\s*\(?\s*第\s*{NUM}\s*号\s*\)?\s*现公布",
    re.MULTILINE)
NUMBERED_MEASURE_RE = lazy_compile(rf"(?:^|[:：;；])[ \t\u3000]*[{CN_DIGITS}]{{1,3}}\s*、\s*(?:对|冻结|禁止|不予|取消|停止|暂停|解除)",
                                 re.MULTILINE)
