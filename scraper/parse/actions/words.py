"""The words of a step and what they mean: its verbs and their kinds, the lists' names, the words that say a verb is
doubted, recounted or decided; sentences' bounds; the draft an action is read into."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from operator import itemgetter, methodcaller

from storage.frozen import quick_init
from storage.records import ActionKind, ListKind, NoticeRef

from ..lazyre import lazy_compile

SENTENCE_RE = lazy_compile(r"[^。！？!?\n;；]+")
# "停止暂停", "解除对…的暂停", "不再执行对…的暂停" (session 40: read as a lift of the measures): the measures are back.
# "处于暂停状态" is a state, no verb. One alternative per verb: sre finds at once where
# alternatives that open with a literal can start, not where a group of them can (8 times slower).
# A character of the clause, a bracket whole ("…斯凯迪奥公司（Skydio, Inc.）相关措施的暂停": its comma ended the look, session 41,
# review42: "解除对…的暂停" read as a lift, "不再对…采取暂停措施" as a suspension).
IN_CLAUSE = r"(?:[^,;；。\n(]|\([^()\n]{0,60}\))"
UNDONE_SUSPENSION = "|".join(f"{verb}暂停(?:实施|执行)?|{verb}对(?={IN_CLAUSE}{{0,80}}?的暂停(?![期实执]))"
                             for verb in ("停止", "解除", "取消", "结束", "终止", "不再执行", "不再实施"))
# "…相关措施(分别)延长至D，期满后恢复实施" (the lead's rule, session 60): after 延长 of the measures, 至 and a year's day, and
# in the same sentence the measures back after the end (期满后/届满后/到期后…恢复(实施), 重新实施; not "期满之后", which
# ``targets.AT_EXPIRY_RE`` does not read as a restore's end): their suspension is what is extended to D, the measures not in
# force until then. Without that clause ("相关措施延长至D", "…，期满后停止实施") it may be the measures' own term: no verb,
# the page held as before; nor where the clause says they do not come back, or may not ("期满后不再恢复实施", "期满后是否
# 恢复实施…").
MEASURES_EXTENDED_TAIL = (r"(?=至\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^。;；\n]{0,60}?(?:[期届]满|到期)后"
                          r"[^。;；\n不未无否]{0,12}?(?:恢复|重新(?:实施|执行)))")
VERB_RE = re.compile(
    UNDONE_SUSPENSION
    # "在现行暂停期限届满后再延长暂停实施一年": one verb, an extension (session 25, parse25: read as a new suspension from the
    # answer's day, its end a week off the running end's year)
    # "…第72号规定的暂停实施…第46号第二款的期限，延长至2027年11月27日" (session 49, blind49/17: the body read as nothing, the
    # title's "延长暂停实施…期限" an extension with no end): the term's noun, its object before it, then the verb
    # (with its comma only: "对…第21号暂停实施相关措施的期限延长至…" is one verb, 暂停实施 with its end, qa42/03)
    + r"|延长(?<=的期限,延长)(?=至)"  # (its literal first: perf41's first characters)
    # "商务部令2025年第7号规定的暂停实施商务部令2025年第6号有关措施的期限延长1年，自…起至…" (session 52, blind49/15; the
    # announcement's "…第72号规定的暂停实施…第46号第二款的期限延长1年": read as the title's extension from the text's day with
    # no end, silently): no comma, an end or a period after it; a verb only where its clause holds 暂停 (``term_of_suspension``)
    + r"|延长(?<=的期限延长)(?=\s*(?:至|[\d一二两三四五六七八九十半]))"
    # "自2027年1月1日起，延续暂停实施…第21号相关措施1年" (session 52, qa53/03: read as a new suspension, titled "Suspended" where
    # the text says the suspension goes on; session 58, held58): 延续暂停 is 继续暂停, an extension
    + r"|继续暂停(?:实施|执行)?|延续暂停(?:实施|执行)?"
    # "中方决定，对…〔2025〕7号相关措施采取的暂停措施继续有效，有效期至2027年11月10日" (session 60, text59/38: held, "names a notice
    # but reads no step"): the suspension as the subject of 继续有效 with its end right after, an extension to that day
    r"|继续有效(?<=暂停措施继续有效)(?=\s*,?\s*(?:其\s*)?有效期\s*(?:延长\s*)?至\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年)|暂停(?:实施|执行)?期限?(?:分别|均)?(?:予以|进行)?(?:延长|延期|顺延|展期|延(?=至))|延长暂停(?:实施|执行)?|延长(?=[^,;；。\n]{0,80}?暂停期限)"
    # "暂停期限顺延至2027年11月10日" (session 37, audit37/06: read as no action in an answer, a quiet warning); "…的暂停期限
    # 展期一年", "…的暂停期限延至2027年11月10日" (session 44, qa44/08-09: each held for a person, the title's change unread)
    # "暂停期限自2027年11月10日起再延长一年", "暂停期限再延长90天", "暂停期限届满后再延长一年": the noun stands for the verb
    # after it ("…届满后不再延长" is no extension: 不再 is no 再)
    # "暂停期限由2026年11月10日延长至2027年11月10日", "…的暂停期限，由…延长至…" (qa47: no notice read, the extension missed,
    # silently); from a day only ("由90天延长至1年" is a term changed, which no step reads: not this)
    r"|暂停(?:实施|执行)?期限(?=\s*(?:自[^,;；。\n]{1,24}?起\s*(?:再|继续)?|(?:届满后\s*)?(?:再|继续)|,?\s*由\s*(?:原定\s*(?:的\s*)?|)\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"\s*(?:延长|延期)(?!\s*暂停))"
    # "…暂停实施期限于…届满后不再延长" (loud23/08): "暂停实施期限" is a noun, as "暂停期限" is; so is "暂停(实施)(的)安排"
    # ("…第21号相关措施暂停安排自…起终止": session 42, review44, read as a suspension of No. 21 from that day)
    # "中方决定，商务部公告2025年第21号相关措施暂停至2027年11月10日" (qa47/47, held since session 47; the lead's decision, session
    # 48: read): 暂停 right after the measures, 至 and a year's day after it, is the verb "暂停实施至" is; "…的暂停至…", "暂停至今" stay none
    # (the year in Chinese numerals too, "…相关措施暂停至二〇二七年五月三十一日": session 50, review59/24, not read, silently;
    # "…第21号和第22号相关措施分别暂停至D1和D2": session 50, review59/23, the suspensions not read, fix60)
    # "…第21号相关措施的暂停延长至2027年5月31日，期满后恢复实施", "…的暂停分别延长至D1和D2" (session 51, resp51: the extension not
    # read, only the restore after it; held where 分别): 暂停 of the measures, 延长至 and a year's day after it, as "暂停期限延长至"
    r"|暂停(?<=措施的暂停)(?:分别)?延长(?=至\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年)"
    # "…第21号和第22号相关措施分别延长至D1和D2，期满后恢复实施" (session 60, the lead's rule on resp51/07: held): the measures
    # extended, the sentence saying they come back after the end (MEASURES_EXTENDED_TAIL): the suspension is what runs out
    r"|延长(?:(?<=措施延长)|(?<=措施分别延长))" + MEASURES_EXTENDED_TAIL +
    # "恢复实施商务部公告2025年第21号暂停实施的相关措施", "重新实施…此前暂停实施的…第21号相关措施" (session 59, held59: read as a
    # restore and a suspension of No. 21, silently): "暂停实施的…措施" is a relative clause naming the measures, no step
    r"|暂停(?<!的暂停)(?![期到]|至(?:(?<!措施暂停至)(?<!措施分别暂停至)|(?!\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年))|状态|(?:实施|执行)期|(?:实施|执行)?的?安排"
    r"|(?:实施|执行)?的(?=" + IN_CLAUSE + r"{0,80}?措施))(?:实施|执行)?"
    # "不再延续暂停实施…相关措施", "不再延长暂停实施…" (held58, session 58: "不再延续" and the suspension after it read as a new
    # suspension, with no end, silently): one verb, the suspension not renewed, as "不再继续暂停实施…"
    r"|不再(?:继续|予以|延续|延长|延期|续期|展期|顺延)?暂停(?:实施|执行)?"
    # "不再对…相关措施采取暂停措施", "不再对…实施暂停", "对…不再采取暂停措施": the suspension ends, the measures are back
    # (session 40, audit40/32: an answer read each as a suspension, a notice as its title's restore from its own day); the
    # 暂停 after "不再对" in its clause is no verb (clauses.undone_kept_out), whatever stands before it ("…采取任何暂停措施",
    # "…予以暂停", "…暂停实施": session 41, review42, each read as a suspension); not its term ("…的暂停期限"), unless the
    # term is what is no longer extended ("不再对…相关措施的暂停期限予以延长": the measures back; session 41, review42's open
    # probe: no action, a quiet warning)
    rf"|不再对(?={IN_CLAUSE}{{0,80}}?暂停(?:(?!期|(?:实施|执行)期)|(?:实施|执行)?期限?\s*(?:分别|均)?\s*(?:予以|进行)?\s*(?:延长|延期|续期|展期|顺延)))"
    r"|不再采取暂停(?:措施)?"
    # "暂缓执行…相关措施，具体实施时间另行通知" (a listing held off before it took effect): a suspension (session 29,
    # audit29/02: read as nothing); 中止 is ZHONGZHI_RE's (中 is common: a branch here cost 0.4% of a page's instructions)
    r"|暂缓(?:实施|执行)"
    # "…第21号和第22号相关措施分别暂缓至D1和D2" (session 51, resp51: held, as "暂停至" was before session 48): right after the
    # measures, 至 and a year's day after it, as "措施暂停至"
    # ("…暂缓至2027年11月10日实施", the day the measures take effect, stays none: qa47)
    r"|暂缓(?:(?<=措施暂缓)|(?<=措施分别暂缓))(?=至\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年)"
    r"(?![^,;。\n]{0,24}?日\s*(?:起\s*)?(?:正式\s*)?(?:实施|执行|生效))"
    # "…暂停期限已于2026年11月10日届满。工作机制决定，上述措施继续实施": the measures are back from the end told (a restore;
    # session 41, qa40/02 held for a person); "继续实施" after 措施 only, read only so (``targets.on_targets``)
    r"|继续实施(?<=措施继续实施)"
    # "…的暂停不再延续", "…的暂停不再继续" (session 41, audit40/40: no action, a restore missed silently): 不再延 and 不再继续 end a
    # suspension only where one is named (``tense.acting_verbs``); "不再继续实施…相关措施" is 不再实施's lift (was nothing);
    # "…暂停期限届满后不再对其延长", "…届满后不再予以延长" as 不再延长 (session 42, actions42: no action, a quiet warning); "暂停期限
    # 予以延长至…" as "暂停期限延长至…" (an extension read as nothing, silently)
    # "…的暂停期限不予延长", "…的暂停不再续期/展期/顺延" likewise (session 42, actions42: no action, silently)
    r"|不再(?:继续(?:实施|执行)?|实施|执行|(?:对其|予以|对其予以)?(?:延长|延期|续期|展期|顺延)|延续)|不予(?:延长|延期|续期|展期|顺延)|终止(?:实施|执行)?|停止(?:实施|执行)?|取消|解除|废止|移[出除]|调出(?=\s*(?:出口管制管控名单|管控名单|出口管制关注名单|关注名单|不可靠实体清单))|恢复(?:实施|执行)?|列入|纳入"
    # "中方决定，自2027年6月1日起，重新实施商务部公告2026年第23号相关措施" (session 55, blind55/30, 41: held; session 58, held58):
    # the measures back in force, a restore as 恢复实施 is ("重新列入" is 列入's, the adverb cut off the name)
    r"|重新(?:实施|执行)"
    # "在…第23号附件《出口管制管控名单》中增列以下2家美国实体": a listing into an earlier annex ("增列入" is 列入's)
    r"|增列(?!入)"
    # "上述2家实体不再列入出口管制关注名单", "将A和B从出口管制关注名单中删除": removals (session 45, audit45/06-07: each read as
    # nothing, the entities left on the watch list silently); 删除 only after "名单(中)"/"清单(中)" ("现删除附件第6项" corrects an
    # annex; "…从出口管制关注名单删除", no 中: audit45's probe 2, read as nothing)
    r"|不再列入(?=\s*(?:出口管制)?(?:管控名单|关注名单|不可靠实体清单))|删除(?<=单中删除)|删除(?<=[名清]单删除)"
    # (each lookahead names "出口管制关注名单" too: "将A（a）调出出口管制关注名单" was read as nothing, A left on the watch list,
    # silently; "调至/调入/转入/移至出口管制关注名单" likewise: session 46, probe46)
    # "由关注名单转入出口管制管控名单": a listing on the second list (转入), and a removal from the first (``clauses``: MOVED_FROM_RE);
    # "从关注名单移至出口管制管控名单" (移至, 调至, 调入: session 41, audit41/01: read as a measure on no one, silently)
    # (each verb an alternative of its own: an alternative opening with a group takes away the pattern's first-character
    # set, and sre then tries every alternative at every character of a text: +166,000 instructions a page, perf41)
    r"|转入(?=\s*(?:出口管制管控名单|管控名单|出口管制关注名单|关注名单|不可靠实体清单))"
    r"|移至(?=\s*(?:出口管制管控名单|管控名单|出口管制关注名单|关注名单|不可靠实体清单))"
    r"|调至(?=\s*(?:出口管制管控名单|管控名单|出口管制关注名单|关注名单|不可靠实体清单))"
    r"|调入(?=\s*(?:出口管制管控名单|管控名单|出口管制关注名单|关注名单|不可靠实体清单))"
    r"|启动(?:反倾销|反补贴)?调查|进行调查|立案调查|采取(?:以下|相应|有关)?反制措施"
)
# "中止实施…相关措施，中止期限为1年": 中止 for 暂停 ("中止期限/期间" a noun), looked for only where "中止" is (session 29,
# audit29/03: a UEL suspension read as nothing, silently); its matches join VERB_RE's (``clauses.find_actions``).
# "…相关措施(分别)中止至<year day>" as "措施暂停至" (session 51, resp51: held).
ZHONGZHI_RE = lazy_compile(r"中止(?![期到]|至(?:(?<!措施中止至)(?<!措施分别中止至)|(?!\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年))"
                           r"|状态|(?:实施|执行)期)(?:实施|执行)?")
# The verbs of a move from one list to another ("由关注名单转入…", "从关注名单移至…"): a listing on the list after them.
MOVED_TO = ("转入", "移至", "调至", "调入")
# The measures' extension VERB_RE reads by MEASURES_EXTENDED_TAIL, from 措施: a suspension whose end a restore after it takes
# (``periods.suspension_end``)
MEASURES_EXTENDED_RE = lazy_compile(r"措施(?:分别)?延长" + MEASURES_EXTENDED_TAIL)
CONTINUED = "继续实施"  # "上述措施继续实施" after a suspension's end told: a restore from that end
REMOVED_WORDS = ("不再列入", "删除")  # VERB_RE's removals not opening with 移 or 调 (after a list's name, or before one)
VERB_KIND = {
    "继续暂停": ActionKind.EXTEND, "暂停": ActionKind.SUSPEND, "中止": ActionKind.SUSPEND, "暂缓": ActionKind.SUSPEND, "停止": ActionKind.LIFT, "取消": ActionKind.LIFT,
    "解除": ActionKind.LIFT, "废止": ActionKind.LIFT, "移出": ActionKind.REMOVE, "移除": ActionKind.REMOVE, "调出": ActionKind.REMOVE, "恢复": ActionKind.RESTORE, "列入": ActionKind.IMPOSE,
    "纳入": ActionKind.IMPOSE, "增列": ActionKind.IMPOSE, "转入": ActionKind.IMPOSE, "移至": ActionKind.IMPOSE,
    "调至": ActionKind.IMPOSE, "调入": ActionKind.IMPOSE, "启动": ActionKind.INVESTIGATE, "重新": ActionKind.RESTORE, "进行": ActionKind.INVESTIGATE,
    "立案": ActionKind.INVESTIGATE, "采取": ActionKind.IMPOSE, CONTINUED: ActionKind.RESTORE,
}
LIST_WORDS = (
    ("出口管制管控名单", ListKind.ECL), ("管控名单", ListKind.ECL), ("不可靠实体清单", ListKind.UEL),
    ("关注名单", ListKind.WATCH), ("反制清单", ListKind.COUNTERMEASURE), ("反制措施", ListKind.COUNTERMEASURE),
)
# One search finds the list named first: no two of the words can start at the same place.
LIST_WORD_RE = re.compile("|".join(word for word, _ in LIST_WORDS))
LIST_KIND = dict(LIST_WORDS)
LIST_ALT = "出口管制管控名单|不可靠实体清单|关注名单|反制清单"
LIST_OF = {"出口管制管控名单": ListKind.ECL, "不可靠实体清单": ListKind.UEL, "关注名单": ListKind.WATCH,
           "反制清单": ListKind.COUNTERMEASURE}
# "the others" of a notice: "对其他15家实体继续暂停…" (probe p11), "剩余4家企业", "其余4家企业的反制措施…"; the engine
# keeps the same words (storage.lifecycle.counted.THE_OTHERS: storage imports no parser)
THE_OTHERS = ("其余", "其他", "剩余", "其它")
THE_OTHERS_ALT = "|".join(THE_OTHERS)
PAST_WORDS = ("于", "曾", "此前", "已经")  # every PAST_RE match holds one
DECISION_RE = lazy_compile(r"决定|现将|现予|特此|予以公布|公布将|公告如下")
# "可以向商务部申请移出关注名单", "可申请恢复": a verb after a modal is a possibility, not an action.
MODAL_RE = lazy_compile(r"(?:申请|可以|可|应当|不得|拟)\s*$")
# Before an answer's verb: the step is asked about, held off, denied, supposed or claimed by others, not taken
# ("假如…，中方将恢复…", "除非美方…，中方将于…起恢复…", "中方不排除停止暂停…", "将视情继续暂停或恢复执行…",
# "中方拟于…", "待…磋商后，中方将…", "美方称中方将继续暂停…"; "本公告不涉及新增列入或者移出实体" (session 34, audit34/01: a
# removal of nobody); "中方并未决定恢复实施…" (a denial), "如美方违背共识，…中方将自动恢复实施…" after a decision of its own
# (session 37, qa37/22-23: each read as a restore of the notice from the answer's day; "如美方…，则…" is left to
# rules.checks' CONDITION_RE, which refuses a decision under it for review); "在美方…的前提下，中方将…停止…", "美方要求中方自…起
# 停止…" (session 37, qa37/28-29: each read as the step; "中方保留…的权利": tense.CLAIMED_AFTER_RE); "这并不意味着中方将…停止…", "外界猜测中方将…恢复…",
# "网传/有分析认为/一些企业呼吁中方…", "中方有可能/或将…", "中方希望…" (qa37/33-44), "美国商会建议中方…", "据悉中方将…" (qa37/45-46);
# in the formal 答记者问 release, which rule37's decision-word gate does not cover (session 38, qa38/15, 16, 18, 28: each read
# as the step): "只要美方…，中方愿意自…起继续暂停…", "中方从未决定自…起恢复实施…", "中方无意自…起恢复实施…", "中方能否自…起停止…，
# 关键在于…"; and after a probe (qa38, each read as the step): 不打算, 倾向于, 酝酿, 无计划, 无须, 何时, 不急于, 未曾, 不宜, 不能,
# "中方的目标是…", "美方期望/游说中方…", and the conditions 万一, 要是, "在条件成熟时" ("所谓中方将…，纯属捏造": 纯属 after the
# verb, tense.CLAIMED_AFTER_RE; not 所谓 itself: "开展所谓“军事技术合作”的…" in a listing, audit30/03); and after a second probe
# (16 of 20 more read as the step): 暂无, 不排斥, 有意, 打算, 计划, 准备, 可能, 或许, 未必, 是不是, 权衡, 适当时候, 透露, 传言, and the
# conditions 假使, 一俟; not "简称", "名称", "称为", nor the words 若 and 拟
# stand in: "若干共识", "模拟芯片", "虚拟货币", "比拟"). Each alternative opens with a
# literal, none a group ("(?:美方|…)称" made sre try the whole pattern at every place: 10 times slower, 40,000
# instructions more per Q&A page): sre scans for their first characters at once.
NOT_NOW_RE = re.compile(r"是否|能否|暂不|不将|不会|不涉及|尚未|没有|并未|从未|无意|愿意|只要|不打算|倾向于|酝酿|无计划|无须|何时|不急于|未曾|不宜|不能|目标是|万一|要是|条件成熟|暂无|不排斥|假使|一俟|有意|打算|计划(?<!原计划)|准备|透露|传言|是不是|可能|或许|未必|权衡|适当时候|如果|如(?:美方|外方|对方)(?![^。;\n]{0,80}?,\s*则)|若(?!干)|一旦|假如|除非|不排除|视情|前提下|并不意味着|不意味着|猜测|网传|有可能|或将|分析认为|有人认为|外界认为|舆论认为|专家认为|希望|呼吁中方|呼吁我方|建议中方|建议我方|据悉"
                        r"|要求(?=中方|我方)|敦促中方|希望中方|期望中方|游说中方"
                        # "中方决定，视美方落实共识的情况，适时暂停实施…" (session 42, qa42/07: read as a suspension from the answer's
                        # day): a step for a time to come, on what the other side does; not 电视, 视为, nor a word ending in 视
                        # ("中方高度重视双方磋商取得的积极进展，决定…停止实施…", "审视…表现后决定": the decided step lost, the
                        # answer read as no notice, silently; review45)
                        r"|适时|视(?<![电重审正注监忽轻蔑歧无巡透凝鄙珍检环俯窥坐仇敌漠藐影]视)(?=[^,;。\n]{1,24}?(?:情况|情形|表现|进展))"
                        r"|拟(?<!模拟)(?<!虚拟)(?<!比拟)(?<!原拟)|待[^,;。\n]{1,30}?后"
                        r"|美方称|外方称|报道称|消息称|媒体称|声称|宣称|据称|有人称|他们称|对方称|其称|称(?=中方|我方|商务部|将|,|:)")
REF_START = itemgetter(0)  # refs in text order
MATCH_START = methodcaller("start")  # matches in text order


@quick_init
@dataclass(frozen=True)
class ActionDraft:
    """An action before entity keys are known (entities are filled by the caller)."""

    action: ActionKind
    list: ListKind | None
    targets: tuple[NoticeRef, ...]
    effective: str | None
    until: date | None
    duration: str | None
    text: str
    start: int  # offset of the verb in the text
    # (start, end) of the verb's sentence (a line cut at "。"), where the walk knows it: the acting
    # sentence ``rules.decision`` looks for
    sentence: tuple[int, int] | None = None
    # (start, end) of the object in "对该实体采取的相关措施" when the action on the targets is limited
    # to some of their entities: a pronoun ("该实体", "其", "上述实体") or a name
    on_entities: tuple[int, int] | None = None
    # an extension by a duration counted from the running suspension's end (ActionRecord.extends_by)
    extends_by: str | None = None
    # a restore back when a suspension ends, dated by the end its text told ("暂停…至2027年12月9日，期满后自动恢复实施"): that
    # end, so ``rules.steps.restored_at_lapse`` can date it by the lapse of the suspension the same text stores
    after_end: date | None = None
    # a listing into an earlier notice's annex that names no list ("在…第23号附件中增列以下2家"): that notice, the record's
    # target (``rules.record.action_records``), whose list the engine takes; the draft is the notice's own listing
    annex_of: NoticeRef | None = None


# A copy's title line with the site's name after it: "…移出出口管制管控名单的公告_国务院部门文件_中国政府网" (the gov.cn 政策库
# text's first line, session 53, blind54/29: not taken for the title, its removal from the notice's day kept beside the body's
# from a later day, silently)
TITLE_SITE_SUFFIX_RE = lazy_compile(r"(?:_[^_。\n]{1,20}){1,3}$")


def title_step(text: str) -> bool:
    """Whether an action was read from the title line ("…关于停止执行…第23号相关措施的公告"), not from a sentence."""
    head = text.rstrip("。 ")
    if "_" in head:
        head = TITLE_SITE_SUFFIX_RE.sub("", head)
    return "关于" in head and head.endswith(("的公告", "的决定"))


def list_in(text: str, start: int = 0, end: int | None = None) -> ListKind | None:
    """The list named first in ``text`` (in ``text[start:end]``)."""
    m = LIST_WORD_RE.search(text, start, len(text) if end is None else end)
    return LIST_KIND[m.group(0)] if m else None


def sentence_end(folded: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends: its line's end or the "。" before that."""
    stop = folded.find("\n", pos)
    end = len(folded) if stop < 0 else stop
    stop = folded.find("。", pos, end)
    return end if stop < 0 else stop


def _verb_kind(word: str) -> ActionKind:
    if word.startswith("延长") or word == "继续有效":  # "延长暂停实施", "暂停措施继续有效，有效期至…": the suspension lengthened
        return ActionKind.EXTEND
    if word in REMOVED_WORDS:  # "不再列入…名单", "从…名单中删除": a removal
        return ActionKind.REMOVE
    if word.startswith("不再"):  # "不再(继续)暂停", "(暂停期限届满后)不再延长" end a suspension; "不再执行" ends the measures
        return ActionKind.RESTORE if "暂停" in word or word.endswith((*RENEWALS, "延续", "继续", "对")) else ActionKind.LIFT
    if word.startswith("不予"):  # "…的暂停期限不予延长": the suspension not renewed
        return ActionKind.RESTORE
    if word.startswith(("继续暂停", "延续暂停")) or word.endswith(("延长", "延期", "顺延", "展期", "延", "期限")):  # "暂停期限延长至…", "延长…暂停期限": extends it
        return ActionKind.EXTEND
    if "暂停" in word[2:4] or word.endswith("对"):  # "停止暂停", "解除对…的暂停": the measures are back
        return ActionKind.RESTORE
    if word.startswith("终止"):
        return ActionKind.LIFT
    return VERB_KIND[word[:2]] if word[:2] in VERB_KIND else VERB_KIND[word[:4]]


# "不再延长" and its forms naming the term as 其 or with 予以: a suspension not renewed (``tense.acting_verbs`` asks for it)
RENEWALS = ("延长", "延期", "续期", "展期", "顺延")
RENEWAL_ALT = "|".join(RENEWALS)
# The suspension's term renewed, named as a noun ("暂停期限予以延长", "暂停实施期限延期"): after "不再对…" the term is not
# renewed, a restore ("不再对…相关措施的暂停期限予以延长", session 42, actions42). One spelling for the two places that ask it
# (``page.EXPIRY_NO_EXTENSION_RE``: the page held where no day is told; ``rules.checks.TERM_NOT_EXTENDED_RE``: the step's
# clause may end so), which had drifted apart (the end review of session 42).
TERM_RENEWED = rf"暂停(?:实施|执行)?期限?\s*(?:分别|均)?\s*(?:予以|进行)?\s*(?:{RENEWAL_ALT})"
# "中方不再延长暂停实施商务部公告2025年第21号相关措施" (VERB_RE's one verb, the suspension not renewed): with no day told,
# neither its own nor the suspension's end, no step is read (``page.unread_expiry`` holds the page; session 59, held59)
NOT_RENEWED_PAUSE = rf"不再(?:对其|予以)?(?:{'|'.join(RENEWALS)}|延续|继续)暂停"
NOT_RENEWED = (*(f"不再{how}{verb}" for how in ("", "对其", "予以", "对其予以") for verb in RENEWALS),
               *(f"不予{verb}" for verb in RENEWALS))
# what every NOT_RENEWED word (and 不再延续) starts with
NOT_RENEWED_STARTS = (*dict.fromkeys(f"不再{how}{verb[0]}" for how in ("", "对其", "予以", "对其予以") for verb in RENEWALS), "不予")


# Every word VERB_RE matches, with its kind (one lookup per verb).
VERB_KINDS = {word: _verb_kind(word) for word in (
    *(f"{verb}{tail}" for verb in ("继续暂停", "延续暂停", "暂停", "停止", "恢复", "不再暂停", "不再继续暂停", "不再予以暂停",
                                  *(f"不再{again}暂停" for again in ("延续", *RENEWALS)), "终止", "中止")
      for tail in ("", "实施", "执行")), "暂缓", "暂缓实施", "暂缓执行", "暂停延长", "暂停分别延长",
    *(f"暂停{tail}{term}{each}{how}{verb}" for tail in ("", "实施", "执行") for term in ("期限", "期") for each in ("", "分别", "均")
      for how in ("", "予以", "进行") for verb in ("延长", "延期", "顺延", "展期", "延", "") if verb or term == "期限" and not how and not each), "不再实施", "不再执行", *NOT_RENEWED, "不再延续", "不再继续", "不再继续实施", "不再继续执行", "不再对", "不再采取暂停", "不再采取暂停措施", "延长",
    *(f"延长暂停{tail}" for tail in ("", "实施", "执行")),
    *(f"{verb}{what}" for verb in ("停止", "解除", "取消", "结束", "终止", "不再执行", "不再实施")
      for what in ("对", "暂停", "暂停实施", "暂停执行")),
    "取消", "解除", "废止", "移出", "移除", "调出", *REMOVED_WORDS, "列入", "纳入", "增列", "重新实施", "重新执行", *MOVED_TO, "进行调查", "立案调查", CONTINUED, "继续有效",
    *(f"启动{what}调查" for what in ("", "反倾销", "反补贴")),
    *(f"采取{what}反制措施" for what in ("", "以下", "相应", "有关")),
)}
# "…相关措施的暂停安排自…起结束": 结束 ends the suspension named before it (``suspension_ended``), found only there
# (``clauses.find_actions``: 结束 is common, "发布会结束", "调查结束"); a restore.
ENDED = "结束"
VERB_KINDS[ENDED] = ActionKind.RESTORE
MODAL_ENDS = "请以可当得拟"  # the last character of every MODAL_RE word
# What can stand right before a verb that follows a modal: a modal's last character or a blank
# (every character ``str.isspace`` holds; a test checks the list).
MODAL_BEFORE = MODAL_ENDS + "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006" \
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


# "在商务部公告2026年第23号附件《出口管制管控名单》中增列…": the annex a listing adds to, named right before the verb.
INTO_ANNEX_RE = lazy_compile(r"\s*(?:的\s*)?附件\s*(?:《[^《》\n]{1,20}》)?\s*中\s*$")


def into_annex(folded: str, before: list[tuple[int, int, NoticeRef]], at: int) -> bool:
    """Whether the refs ``before`` the verb 增列 at ``at`` only say whose annex it adds to ("在…第23号附件《…》中增列")."""
    return bool(before) and before[-1][2].key is not None and INTO_ANNEX_RE.match(folded[before[-1][1] : at]) is not None


def sentence_start(folded: str, pos: int, lo: int = 0) -> int:
    """Where the sentence holding ``pos`` starts (after a line end or a "。"), not before ``lo``."""
    return max(folded.rfind("\n", lo, pos), folded.rfind("。", lo, pos), lo - 1) + 1


# The suspension as the subject of the verb that ends it, right before it: "…相关措施的暂停安排自2026年12月30日起终止",
# "…的暂停自…起予以取消", "上述暂停期限于2026年12月30日结束", "…的暂停不再延续": the measures are back, a restore (session 41,
# audit40/39: "…的暂停安排…终止" read as a lift of No. 21, a false 'Lifted' item). The noun: "的暂停", "上述暂停", or 暂停 with
# 安排/期限/期 after it; between it and the verb a start or a day ("day": "于…" with no 起 is the day it ends), an adverb
# ("…于2026年12月30日到期终止": session 42, review44, read as a lift from the notice's day); not
# "…的暂停期限于…届满后不再延长，自…起恢复实施" (its day the 届满's, the restore's the sentence's).
SUSPENSION_SUBJECT_RE = lazy_compile(
    r"(?:(?:的|上述|前述|该|此项|这一)\s*暂停(?:实施|执行)?(?:安排|期限|期|措施)?|暂停(?:实施|执行)?(?:安排|期限|期))"
    r"\s*,?\s*(?:(?:将|拟|已)?\s*(?:提前\s*)?(?P<at>自|于|从|至)\s*(?P<day>(?:[\d〇零一二三四五六七八九十]{1,4}\s*[年月日]\s*){1,3}|即日|今日"
    r"|[^,;。\n]{0,10}?(?:发布|公布)之日)\s*(?P<since>起|开始)?\s*,?\s*)?"
    r"(?:将|即|正式|提前|均|也|予以|依法|一并|到期|期满|届满)*\s*$")
SUSPENSION_SUBJECT_REACH = 48  # the longest noun, day and adverbs between it and the verb


def suspension_ended(folded: str, s_start: int, at: int) -> re.Match[str] | None:
    """The suspension named right before the verb at ``at`` (in its sentence from ``s_start``) as the verb's subject
    (SUSPENSION_SUBJECT_RE), else None."""
    lo = max(s_start, at - SUSPENSION_SUBJECT_REACH)
    if folded.find("暂停", lo, at) < 0:  # (nearly every verb)
        return None
    return SUSPENSION_SUBJECT_RE.search(folded, lo, at)
