"""The user's own counterparties, and how a listed entity matches one of them.

A watchlist is a CSV (``name[,note[,aliases]]``, aliases separated by ``;``) or a
TOML file (``[[counterparty]] name = "…", aliases = ["…"], note = "…"``), with
names in either language. Matching tries, in order: the display name as written
(exact), the matching key of :func:`storage.names.name_key` (normalised: case,
width, punctuation, legal suffixes), then a fuzzy score from rapidfuzz
(:func:`fuzzy_score`: typos, word order), reported with its score so a reader can judge it.
An entity's branches and subsidiaries (``EntityRecord.branches``) are tried the same way after its
own names: a counterparty that is one of them is hit by the entity's listing.

The fuzzy rule is strict on purpose, so near-misses do not hit: both keys at least
FUZZY_MIN_KEY_LENGTH characters; the same number of distinctive words (words not in
GENERIC_WORDS, such as "Technologies" or "Systems": "Lockheed Martin UK" is not "Lockheed
Martin"); and a score of at least FUZZY_THRESHOLD both on the whole names and on their
distinctive words alone ("Sarona Technologies" is not "Saronic Technologies"); each distinctive word one name lacks
a typing slip of one the other has ("Prosperous Africa" is not "Prosperous America"). A counterparty's
country (``name,US``), when given, rules out a fuzzy match on an entity the notices place in another
country.

A cell in both languages ("因美纳公司（Illumina, Inc.）", "Skydio Inc. / 斯凯迪奥公司") is matched by each of its
two names too (:func:`bilingual_parts`). Before the fuzzy rule, a name is also compared in its plain form (:func:`plain_form`): without a
country designator that agrees with the entity's country ("美国PVH集团", "斯凯迪奥公司（美国）",
"Skydio Inc. (USA)"), without its own acronym in brackets ("Domo Tactical Communications (DTC)"),
with common abbreviations written out ("Int'l"); an entity the notice names only in Chinese with a
Latin name inside ("美国PVH集团") is also compared by that Latin name ("PVH Corp."). People
(``EntityRecord.type`` "individual") are matched by their words (:func:`person_score`): a middle name
may be left out, and each word may differ by one typing slip but no more ("Todd Steiner" is not
"Todd Stein").

Below the hits, :meth:`Watchlist.possible` offers possible matches (:mod:`storage.possible`: a shortened name,
generic words more, a Chinese name's first characters, a person's pinyin), for review and never as a hit; a caller
offers them only for a counterparty that hits no entity.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
import itertools
import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from storage.countries import country_code
from storage.names import LEGAL_SUFFIXES_ZH, STROKED, clean_display, has_legal_suffix, name_key, name_words
from storage.records import EntityRecord

log = logging.getLogger(__name__)

FUZZY_THRESHOLD = 90.0  # rapidfuzz ratio, whole names and distinctive words; below this a name is not a match
FUZZY_MIN_KEY_LENGTH = 4  # shorter keys ("ab", "中航") only match exactly or normalised
# Words many company names share: they neither make two names alike nor count as a difference.
GENERIC_WORDS = frozenset({
    "and", "of", "the", "technologies", "technology", "tech", "systems", "system", "group", "holdings",
    "holding", "international", "industries", "industry", "aerospace", "defense", "defence", "solutions",
    "services", "engineering", "electronics", "enterprises", "management", "labs", "laboratories",
    "laboratory", "logistics", "materials", "robotics", "drones", "global", "partners", "research",
    "drone", "service", "solution", "partner",  # GENERIC_FORMS' singulars: "Teal Drone Inc" got nothing (screen41)
})
WORD_SLIPS_LONG = 8  # letters of a distinctive word that may differ by two typing slips in a fuzzy hit ("Ecodine")
GENERIC_SLIP_MIN = 6  # letters of a generic word read with one typing slip ("sytems"); "labs", "tech" are too short
# One spelling for the generic words' variants, so "Technology" and "Technologies, Inc." stay alike.
GENERIC_FORMS = {"technologies": "technology", "tech": "technology", "systems": "system", "holdings": "holding",
                 "industries": "industry", "laboratories": "laboratory", "labs": "laboratory", "defence": "defense",
                 "services": "service", "solutions": "solution", "drones": "drone", "partners": "partner"}
# A branch written "中文名（English Name）", as MFA decisions list subsidiaries.
BRANCH_BILINGUAL_RE = re.compile(r"(?P<zh>[^（(]*[\u4e00-\u9fff][^（(]*?)\s*[（(](?P<en>[^（）()]*[A-Za-z][^（）()]*)[）)]")
# A country written beside a company's own name: "美国PVH集团", "斯凯迪奥公司（美国）", "Skydio Inc. (USA)".
DESIGNATED_COUNTRIES = {"美国": "US", "日本": "JP", "英国": "GB", "德国": "DE", "法国": "FR", "加拿大": "CA",
                        "澳大利亚": "AU", "韩国": "KR", "荷兰": "NL", "以色列": "IL", "usa": "US", "us": "US",
                        "unitedstates": "US", "unitedstatesofamerica": "US", "uk": "GB", "japan": "JP", "gb": "GB",
                        "jp": "JP"}
ZH_DESIGNATOR_PREFIX_RE = re.compile(r"^(美国|日本|英国|德国|法国|加拿大|澳大利亚|韩国|荷兰|以色列)(?=\S{2})")
BRACKETED_DESIGNATOR_RE = re.compile(
    r"\s*[（(]\s*(美国|日本|英国|德国|法国|加拿大|澳大利亚|韩国|荷兰|以色列|U\.?\s?S\.?(?:\s?A\.?)?|United States|"
    r"U\.?\s?K\.?|Japan)\s*[）)]", re.IGNORECASE)
# A country an ERP writes after a company's whole legal name: "LOCKHEED MARTIN CORPORATION USA", "Skydio, Inc., USA",
# "Skydio Inc. - United States", "斯凯迪奥公司 美国" (after a legal suffix only: "Lockheed Martin UK" is a company's name).
TRAILING_DESIGNATOR_RE = re.compile(
    r"(?:\s*[,，/]|\s+[-–—])?\s*(U\.?\s?S\.?(?:\s?A\.?)?|United States(?: of America)?|U\.?\s?K\.?|Japan)\s*$", re.IGNORECASE)
# ... and after a Chinese one, in Chinese or as a code, as a fixed-width ERP export writes its country column beside the
# name ("洛克希德·马丁公司 US" got nothing: screen38)
ZH_TRAILING_DESIGNATOR_RE = re.compile(r"(?<=[司团])\s*[-–—/，,]?\s*(美国|日本|英国|德国|法国|加拿大|澳大利亚|韩国|荷兰|以色列|"
                                       r"(?-i:USA?|U\.S\.(?:A\.)?|UK|GB|JP)|United States(?: of America)?|Japan)$", re.IGNORECASE)
# Another name the counterparty's own cell gives: "Anduril Industries, Inc. d/b/a Anduril", "X Corp (formerly Y Inc)";
# each is its name (a hit on either is a hit), as a notice's "d/b/a" gives an entity both (storage.names.other_names).
COUNTERPARTY_AKA_RE = re.compile(
    r"\s+(?:d/b/a|d\.b\.a\.?|doing business as|operating as|a/k/a|a\.k\.a\.?|f/k/a|f\.k\.a\.?|trading as|also known as|"
    r"formerly(?: known as)?|n/k/a|n\.k\.a\.?|now known as)\s+"
    r"|\s*[（(]\s*(?:d/b/a|dba|a/k/a|a\.k\.a\.|aka|f/k/a|fka|n/k/a|nka|now known as|formerly(?: known as)?|previously|曾用名|原名|"
    r"又称)[\s:：]*",
    re.IGNORECASE)
# The same words unmarked ("Anduril Industries Inc DBA Anduril"), also a word of names ("The Aka Group"): only after a
# whole legal name.
BARE_AKA_RE = re.compile(r"\s+(?:dba|aka|fka|t/a)\s+", re.IGNORECASE)
# A unit, branch or office in brackets after a whole legal name: "Lockheed Martin Corp. (Missiles and Fire Control)",
# "斯凯迪奥公司（北京代表处）": the legal name before it is the counterparty's.
TRAILING_BRACKET_RE = re.compile(r"(.*\S)\s*[（(]([^（）()]+)[）)]\s*")
# A person's title before the name, as HR and ERP records keep it: "Mr. Todd Stein", "Dr. Patrick Jankowski", "Sen. Tom
# Moss" (the short forms of ranks and offices with their dot only: "Gen" and "General" begin company names); a rank's
# "(Ret.)" after it, and two of them ("Gen. (Ret.) Tom Moss", "Lt. Gen. Tom Moss" got nothing: screen41).
HONORIFIC_RE = re.compile(
    r"^(?:(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir)\.?|(?:Sen|Rep|Hon|Amb|Adm|Gen|Col|Capt|Lt|Maj|Gov|Rev|Sgt)\.|Senator|"
    r"Representative|Congressman|Congresswoman|Ambassador|Professor|(?:The\s+)?Honou?rable)"
    r"(?:\s*[(（]\s*(?:Ret(?:ired|d)?\.?|USA|USN|USAF|USMC)\s*[)）])?\s+)+(?=\S)", re.IGNORECASE)
# A person's role after the name and a comma, as HR and CRM records keep it: "Adam Bry, CEO", "Josh Brungardt, Chief
# Operating Officer", "亚当·布赖，首席执行官" (the name before it is a person's: no legal suffix, 2-4 words, no digit).
# A degree or a title after the comma too ("Patrick Edward Jankowski, Ph.D.", "Jankowski, Patrick E., Dr.": the name
# before it may itself be "Last, First").
ROLE_AFTER_RE = re.compile(
    r"(?P<own>[^,，]*[^\s,，](?:\s*[,，]\s*[^,，]*[^\s,，])?)\s*[,，]\s*(?P<role>(?:(?:former|ex-?|acting|interim|deputy|"
    r"senior|executive|co-?)\s*)*(?:CEO|CFO|COO|CTO|CIO|CSO|President|Vice[- ]President|V\.?P\.?|Chair(?:man|woman|person)?|"
    r"Director|Co-?founder|Founder|Chief\s+\w+(?:\s+\w+)?\s+Officer|(?:General|Managing)\s+(?:Manager|Director|Partner)|"
    r"Manager|Owner|Partner|Principal|Treasurer|Secretary|Ph\.?\s?D|M\.?D|Esq|MBA|J\.?D|CPA|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Hon|"
    r"Ret)\b\.?.*|(?:前|原)?(?:首席\S*官|副?总裁|总经理|董事长|董事|联合创始人|创始人|主任|经理|先生|女士|博士|教授).*)",
    re.IGNORECASE)
# A person's role before the name, as CRM records keep it: "Chief Executive Officer Adam Bry", "CEO: Adam Bry", "Founder
# and CEO Adam Bry", "Director Adam Bry", "首席执行官亚当·布赖". The name after it hits people only (PERSON_ONLY_PARTS), so a
# company's name that begins so ("Principal Financial Group") hits nothing by it.
_ROLES_BEFORE = (r"(?:(?:former|ex-?|acting|interim|deputy|senior|executive|co-?)\s*)*(?:CEO|CFO|COO|CTO|CIO|CSO|President|"
                 r"Vice[- ]President|V\.?P\.?|Chair(?:man|woman|person)?|Co-?founder|Founder|Chief\s+\w+(?:\s+\w+)?\s+Officer|"
                 r"(?:General|Managing)\s+(?:Manager|Director|Partner)|Director|Manager|Owner|Partner|Principal|Treasurer|"
                 r"Secretary)")
ROLE_BEFORE_RE = re.compile(rf"(?P<role>{_ROLES_BEFORE}(?:\s*(?:&|and|/|,)\s*{_ROLES_BEFORE})?\.?)\s*[:：,，\-–—]?\s+"
                            r"(?P<own>[^\s,，:：].*)", re.IGNORECASE)
ZH_ROLE_BEFORE_RE = re.compile(r"(?P<role>(?:前|原)?(?:首席[\u4e00-\u9fff]{1,4}?官|副?总裁|总经理|董事长|联合创始人|创始人))\s*[:：]?\s*"
                               r"(?P<own>[\u4e00-\u9fff][\u4e00-\u9fff·•・‧･\u00b7\u2027\u30fb]+)")
# A person's name and the company after the comma, as a CRM contact is kept: "Adam Bry, Skydio", "亚当·布赖，斯凯迪奥公司";
# the name before it (a person's: 2-4 words, no legal suffix, no digit) hits people only, the company is screened as a
# company (decided, session 35: "Adam Bry, Skydio" got nothing). After a role too: "Steven Rudder, President, Stick Rudder
# Enterprises" screens the company.
PERSON_COMPANY_RE = re.compile(r"(?P<own>[^,，]*[^\s,，])\s*[,，]\s*(?P<company>[^\s,，].*)")
PART_ROLE_BEFORE = "by its name after the role “{role}”: “{part}”"
PART_PERSON = "by its person's name before the comma: “{part}”"
# A degree after a person's name without a comma, as HR records and signatures write it ("Patrick Jankowski PhD" got
# nothing, screen37): the name before it, a person's (2-4 words, no legal suffix), hits people only
DEGREE_AFTER_RE = re.compile(r"(?P<own>.*[^\s,，])\s+(?P<degree>Ph\.?\s?D|M\.?D|Esq|MBA|J\.?D|CPA|D\.?Phil|LL\.?M)\.?",
                             re.IGNORECASE)
PART_WITHOUT_DEGREE = "by its person's name without the degree “{degree}”: “{part}”"
PART_COMPANY = "by the company named after the person's name: “{part}”"
# Two people in one cell joined by "and" or "&", as a bank or CRM keeps a joint account ("Adam Bry & Tom Moss", "Tom and
# Kate Moss"): each a person's name (2-4 words, no legal suffix), hitting people only; a lone given name before the
# conjunction takes the surname after it. Both listed got nothing, and "Tom Smith & Kate Moss" hit Tom Moss (screen39).
JOINED_PERSONS_RE = re.compile(r"(?P<left>[^&＆]+?)\s+(?:and|&|＆)\s+(?P<right>[^&＆]+)|(?P<l2>[^&＆]+?)\s*[&＆]\s*(?P<r2>[^&＆]+)",
                               re.IGNORECASE)
PART_JOINED_PERSON = "by one of the two people it names: “{part}”"
ZH_JOINED_PERSONS_RE = re.compile(r"\s*([\u4e00-\u9fff][\u4e00-\u9fff·•・]{1,8}?)\s*(?:和|及|与|&|＆)\s*([\u4e00-\u9fff][\u4e00-\u9fff·•・]{1,8})\s*")
JOIN_RE = re.compile(r"\s+(?:and|&|＆)\s+", re.IGNORECASE)  # between two whole legal names: _comma_listed
SORTED_COUPLE_RE = re.compile(r"(?P<surname>[^\W\d_][\w'’-]+)\s*,\s*(?P<given>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)")
JOINED_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})  # "Mr. and Mrs. Tom Moss"
FIRM_WORDS = frozenset({"associates", "partners", "sons", "daughters", "brothers", "family", "trust", "estate", "co", "company",
                        "llp"})
# A name of two Chinese characters among a cell's names, a person's ("余茂春、石平": 石平 was too short to match on, screen39),
# hitting people only, as "立方" of 立方公司 is a common word
PART_ONE_OF_PERSON = "by one of the cell's names, a person's: “{part}”"
CONJUNCTION = "and"  # person_words reads "&" as "and"
PERSON_ONLY_PARTS = (PART_ROLE_BEFORE.split("{")[0], PART_PERSON.split("{")[0], PART_WITHOUT_DEGREE.split("{")[0],
                     PART_JOINED_PERSON.split("{")[0], PART_ONE_OF_PERSON.split("{")[0])  # a hit by such a part: on a person only
# A title alone in brackets after a name ("TODD STEIN (MR)"): no country, though "MR" is Mauritania's code
BRACKETED_TITLE_RE = re.compile(r"\s*(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Sen|Rep|Hon|Ret)\.?\s*", re.IGNORECASE)
# A nickname in quotes inside a person's name (HR records: 'Thomas "Tom" Moss'): the name with it and without it
NICKNAME_RE = re.compile(r"(?P<first>[^\s\"“”]+)\s+[\"“”'‘’](?P<nick>[^\"“”'‘’\s]+)[\"“”'‘’]\s+(?P<rest>[^\"“”]+)")
# ... or in brackets between a given name and a surname, as HR records and conference lists write an English name
# beside a Chinese one ("Maochun (Miles) Yu" got nothing, "Thomas (Tom) Moss" only a possible match: screen38): three
# words, the last no legal form, the bracket no country ("Skydio (Japan) Inc" is no person's)
NICKNAME_BRACKET_RE = re.compile(r"(?P<first>[A-Za-z][A-Za-z'’.-]+)\s+[(（](?P<nick>[A-Z][A-Za-z'’-]+)[)）]\s+"
                                 r"(?P<rest>[A-Za-z][A-Za-z'’-]+)")
PART_NICKNAME = "by its name with the nickname “{nick}”: “{part}”"
PART_NO_NICKNAME = "by its name without the nickname “{nick}”: “{part}”"
ROLE_NAME_WORDS = (2, 4)  # words of a person's name before a role (ROLE_AFTER_RE) in English; Chinese: 2 characters on
# A person's title after a name in Chinese: "托德·斯坦恩先生", "余茂春教授", as "Mr." before one
ZH_TITLE_AFTER_RE = re.compile(r"(?P<own>[\u4e00-\u9fff][\u4e00-\u9fff·•・‧･\u00b7\u2027\u30fb]+?)\s*"
                               r"(?P<title>先生|女士|小姐|博士|教授|参议员|众议员|议员|大使|阁下)")
# An identifier an ERP keeps after the name, unbracketed: "Skydio Inc. LEI 5493001KJTIIGC8Y1R12", "Shield AI Inc DUNS
# 080123456", a bare LEI (20 characters, the last two digits) or DUNS number (9 digits): the name before it is the
# counterparty's (bracketed, it is TRAILING_BRACKET_RE's).
TRAILING_ID_RE = re.compile(
    r"(?<=[\s,，;；])(?P<id>(?i:LEI|D-?U-?N-?S|D&B|EIN|VAT|Tax\s*ID|(?:Vendor|Supplier|Customer)\s*(?:ID|No\.?|#))"
    r"\s*(?i:No\.?|Number|#)?\s*[:：#]?\s*[A-Za-z0-9][A-Za-z0-9 .-]{3,40}[A-Za-z0-9]|"
    r"(?=[A-Z0-9]{0,17}\d[A-Z0-9]{0,17}\d)[A-Z0-9]{18}\d{2}|\d{2}-?\d{3}-?\d{4})\s*$")
OWN_NAME_MIN_KEY_LENGTH = 3  # a part shorter than this ("The") is no name to match on
# An ERP's number or an id before the name ("100234-SKYDIO INC", "0000100234 SKYDIO INC", "EIN 12-3456789 Echodyne
# Corp", "DUNS 080123456 Shield AI Inc"): the name after it is the counterparty's (screen37's owner question, decided by
# screen38's rows: possible matches only before, no new false hit). A number of 4 digits at least before a dash or a
# colon, of 6 at least before a space ("7-Eleven", "1-800-Flowers", "84 Lumber", "3M" keep their names); an id after
# its label (TRAILING_ID_RE's labels).
LEADING_ID_RE = re.compile(
    r"\s*(?P<id>\d{4,}(?=\s*[-–—:：|])|\d{6,}(?=\s)|"
    r"(?i:LEI|D-?U-?N-?S|D&B|EIN|VAT|Tax\s*ID|(?:Vendor|Supplier|Customer)\s*(?:ID|No\.?|#))"
    r"\s*(?i:No\.?|Number|#)?\s*[:：#]?\s*[A-Za-z]{0,2}\d[\d-]{4,20}\d(?=[\s:：|-]))\s*[-–—:：|]?\s*(?=\S)")
PART_AFTER_ID = "by its name after “{marker}”: “{part}”"
# What a hit by one part of a cell says (Match.reason), as a hit on a notice's alias says whence: the officer sees the
# whole cell and the listed name, and is told which of the cell's names is the listed one.
PART_BEFORE = "by its name before “{marker}”: “{part}”"  # "Anduril Industries, Inc. d/b/a Anduril": the first name
PART_AFTER = "by its {label} name “{part}”"  # "… d/b/a Anduril": "by its d/b/a name “Anduril”"
PART_BEFORE_BRACKET = "by its name before the bracket “({bracket})”: “{part}”"
PART_WITHOUT_TITLE = "by its name without the title: “{part}”"
PART_IN_BRACKET = "by the name in its brackets: “{part}”"  # "Red Cat Holdings, Inc. (Teal Drones, Inc.)"
PART_WITHOUT_ROLE = "by its name without the role “{role}”: “{part}”"
PART_BILINGUAL = "by one of the cell's two names: “{part}”"
PART_ONE_OF = "by one of the cell's names: “{part}”"  # "Anduril Industries Inc; Anduril Australia Pty Ltd"
MAX_CELL_PARTS = 20  # names one cell is matched by at most (itself, its two languages, "d/b/a", ";", brackets ...)
"""Real ERP cells give 6 at most (screen17's corpus, screen33's cases: "Skydio Inc. / 斯凯迪奥公司"); a junk cell of
10,000 characters of "d/b/a" gave ~700, each matched against every entity: seconds of a core per row (screen33). A
cell beyond it is matched by its first parts only, and said so (:data:`CELL_CUT`, :func:`cell_cut`), never silently."""
CELL_CUT = ("{where}: the name splits into {n} names (\"d/b/a\", \";\", \"/\", brackets ...); screened by its first "
            "{kept} only (at most {kept} per cell): the other {rest} were not screened, check them by hand")
MAX_CELL_CHARS = 1000  # characters of a cell matched at most (POST /api/screen refuses a name over 500: MAX_SCREEN_NAME)
"""A junk cell of 10,000 characters of "a", spaces, "b" cost ~8 s of a core in the cell's patterns (screen34, screen35);
the longest name of screen17's ERP corpus is 83. Runs of spaces are folded to one first (:func:`cell_text`), then a cell
beyond this is matched by its first characters only, and said so (:data:`CELL_LONG`, :func:`cell_cut`)."""
CELL_LONG = ("{where}: the name is {n} characters long (spaces folded; the longest of an ERP export is ~80); screened "
             "by its first {kept} characters only: the rest was not screened, check it by hand")
# What an export leaves around a name that no notice writes: HTML entities ("Gibbs &amp; Cox, Inc." from a web ERP) and
# trademark signs ("Skydio™ Inc.": NFKC reads ™ as "TM", "skydiotm"): read as the name without them (screen35 probe 3)
TRADEMARK_SIGNS = str.maketrans("", "", "™℠®©")
SPACE_RUN_RE = re.compile(r"\s{2,}|[^\S ]")  # a run of spaces, or one tab, line break, odd space: folded to one
# Square and lenticular brackets read as round ones: "Skydio Inc [USA]", "Skydio Inc [Vendor 10023]", "斯凯迪奥公司【美国】"
OTHER_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "（", "】": "）", "〔": "（", "〕": "）"})
# The company and its group written after it: "Anduril Industries, Inc. & Affiliates", "X及其关联公司": X is named.
# (Begun only after a character that is no space, with one way to read the spaces before the comma: "\s*,?\s*" read a
# cell of 1,000 spaces in 5.5 s, of 2,000 in 45 s, cubic: screen35.)
AFFILIATES_RE = re.compile(
    r"(?<!\s)\s*(?:(?:,\s*)?(?:&|＆|and)\s+(?:its\s+|all\s+)?|,\s*its\s+)(?:affiliates|subsidiaries|affiliated "
    r"(?:companies|entities)|subsidiaries and affiliates|affiliates and subsidiaries)\.?\s*$|"
    r"(?<!\s)\s*(?:及其|及|和)(?:关联公司|关联方|关联企业|子公司|附属公司)\s*$",
    re.IGNORECASE)
# Names a cell lists one after the other: "X; Y", "X / Y" (spaces around the slash: "Raytheon/Lockheed Martin
# Javelin Joint Venture" is one listed name, and a whole cell is always tried first).
# a line break inside a quoted cell too ("Skydio Inc.\nAttn: Accounts Payable": an address or contact under the name)
NAMES_CUT_RE = re.compile(r"\s*[;；、]\s*|\s+/\s+|\s*[\r\n]+\s*")  # 、 too: "雷神导弹与防务公司、雷神导弹系统公司"
# An e-mail address after the name, as a mail client or CRM export writes a contact: "Adam Bry <adam.bry@skydio.com>",
# '"Stein, Todd" <todd.stein@example.org>', "Shield AI Inc. <ap@shield.ai>" got nothing (screen36): the name before it
EMAIL_AFTER_RE = re.compile(r"\s*[<(（\[]?\s*(?:mailto:)?[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+\s*[>)）\]]?\s*$", re.IGNORECASE)
# Where a whole legal name may end and an address or a number follow it, as an ERP's one-line vendor cell keeps them:
# "Skydio Inc., 3000 Clearview Way, San Mateo, CA 94402", "Echodyne Corp. 12900 NE 180th St", "SKYDIO INC 0001234567",
# "斯凯迪奥公司 地址：…" were possible matches only (the listed name inside a longer one), screen37
# A branch or office after a whole legal name without brackets, as a Chinese ERP or a bank writes the payee: "斯凯迪奥公司上海
# 分公司", "洛克希德·马丁公司北京代表处", "Lockheed Martin Corporation Beijing Representative Office": the company itself (a
# branch is no legal person of its own), as "斯凯迪奥公司（北京代表处）" hit; possible matches only before (screen37)
ZH_BRANCH_UNITS = ("分公司", "代表处", "办事处", "分部", "分厂")
# (the legal name with a country in brackets too: "斯凯迪奥公司（美国）北京代表处" was a possible match only, screen38; its
# country is plain_form's, which must agree)
ZH_BRANCH_RE = re.compile(rf"(?P<own>.+?(?:公司|集团)(?:\s*[（(][^（）()]{{1,12}}[）)])?)\s*(?P<unit>[\u4e00-\u9fff]{{2,6}}?(?:{'|'.join(ZH_BRANCH_UNITS)}))")
EN_BRANCH_RE = re.compile(r"\s+(?:Branch(?: Office)?|Representative Office|Rep\.? Office|Liaison Office)\s*$", re.IGNORECASE)
BRANCH_PLACE_WORDS = 3  # words of a place before "Branch" ("Beijing", "Hong Kong", "Abu Dhabi Free Zone")
LEGAL_NAME_END_RE = re.compile(r"\s*[,，]\s*|\s+(?=\d)|(?<=[司团])\s+")
LEGAL_NAME_CUTS = 4  # of them tried: the name begins the cell ("Skydio, Inc., 3000 …" is the second); a junk cell's 500
# commas are not each tried
# "Skydio Inc. c/o Foo Law LLP": the name before "care of" is the counterparty's, the rest an address line
# A street address after a comma: a number, a word, and a comma later ("1400 Anduril, Costa Mesa, CA"): the name before
# it is one without a legal form too ("Anduril Industries, 1400 Anduril, …" was possible only: screen42's B)
ADDRESS_AFTER_RE = re.compile(r"\d{1,6}[A-Za-z]?\s+[^\W\d_][^,，]*[,，]\s*\S")
CARE_OF_RE = re.compile(r"\s+(?:c/o|care of)\s+\S.*$", re.IGNORECASE)
# A unit after a whole legal name and a dash: "General Dynamics Corp. - Electric Boat" (a country there is a
# designator: "Skydio Inc. - Japan" stays plain_form's, whose country must agree).
# The state of incorporation SEC EDGAR writes after a company's name ("LOCKHEED MARTIN CORP/DE/", "FOO INC /MD/": a
# possible match only, screen38)
EDGAR_STATE_RE = re.compile(r"\s*/[A-Za-z]{2}/$")
DASH_UNIT_RE = re.compile(r"(.*\S)\s+([-–—])\s+(.*\S)\s*")
# The label of the name after each marker (COUNTERPARTY_AKA_RE), by the marker's first letters, casefolded.
AKA_LABELS = (("d/b/a", "d/b/a"), ("d.b.a", "d/b/a"), ("dba", "d/b/a"), ("doing business", "d/b/a"),
              ("operating as", "d/b/a"), ("trading as", "trading"), ("t/a", "trading"),
              ("f/k/a", "former"), ("f.k.a", "former"), ("fka", "former"), ("formerly", "former"), ("previously", "former"),
              ("曾用名", "former"), ("原名", "former"), ("n/k/a", "new"), ("n.k.a", "new"), ("nka", "new"),
              ("now known", "new"))  # "Teal Drones, Inc. n/k/a Red Cat Propulsion": a possible match only, screen40
# A cell that opens with the word, the name after it a former one ("Formerly Teal Drones, Inc.", as an ERP keeps a
# renamed vendor: a possible match only by the listed name inside, screen38)
LEADING_FORMER_RE = re.compile(r"\s*[(（]?\s*(?:formerly(?: known as)?|f/k/a|f\.k\.a\.?|previously(?: known as)?)[\s:：]+",
                               re.IGNORECASE)
BARE_AKA_MARKERS = {"dba": "d/b/a", "aka": "a/k/a", "fka": "f/k/a", "t/a": "trading as"}
# A parent the counterparty's cell names: "Foo Ltd (a subsidiary of Skydio Inc.)", "X, a unit of Y", "Insitu, a Boeing
# Company", "X（Y的子公司）". The name before it is the counterparty's own (a hit on it is a hit); the parent is not the
# counterparty, so a listed parent is a possible match, for a person to review (Watchlist.possible), never a hit.
# A vendor master's flag on a dead or blocked vendor, written into its name ("DO NOT USE - Skydio Inc.", "*BLOCKED* Shield
# AI Inc", "Anduril Industries OBSOLETE"): the name without it was a possible match only, "a listed name inside this one"
# (screen43). A flag word in capitals, or in any case between asterisks or before a dash or colon; in a cell all in
# capitals only so ("BLOCKED DRAIN SERVICES LTD" is a name). "(INACTIVE)" in brackets was already the bracket's.
_FLAGS = r"do\s+not\s+use|don['’]?t\s+use|blocked|inactive|obsolete|dormant"
ERP_FLAG_BEFORE_RE = re.compile(
    rf"\s*(?:\*+\s*(?P<star>(?i:{_FLAGS}))\s*\*+\s*[-–—:：|,]?|(?P<sep>(?i:{_FLAGS}))\s*[-–—:：|]|"
    r"(?P<word>(?i:do\s+not\s+use|don['’]?t\s+use)|BLOCKED|INACTIVE|OBSOLETE|DORMANT)(?![\w&'’-]))\s*(?=\S)")
ERP_FLAG_AFTER_RE = re.compile(
    rf"(?:\s*[-–—:：|,]?\s*\*+\s*(?P<star>(?i:{_FLAGS}))\s*\*+|\s*[-–—:：|]\s*(?P<sep>(?i:{_FLAGS}))|"
    r"(?<![\w&'’-])\s*[,]?\s*(?P<word>(?i:do\s+not\s+use)|BLOCKED|INACTIVE|OBSOLETE|DORMANT))\s*$")
ERP_FLAG_HINTS = ("*", "USE", "BLOCKED", "INACTIVE", "OBSOLETE", "DORMANT")  # cheap before the patterns (upper case)
PART_WITHOUT_FLAG = "by its name without the vendor flag “{flag}”: “{part}”"
# "+" for "&" between two words ("Gibbs+Cox" got nothing for Gibbs&Cox, Inc.: screen42's B): a part with "&"
PLUS_RE = re.compile(r"(?<=[^\W\d_]{2})(?:\+| \+ )(?=[^\W\d_]{2})")  # not "A+E", "C++", "Canal+ Group"
PART_PLUS = "by its name with “&” for “+”: “{part}”"
PARENT_HINT_RE = re.compile(r"\s(?:of|by)\s|\scompany\b|子公司|附属|下属|旗下|成员企业|隶属|属于", re.IGNORECASE)
PARENT_EN_RE = re.compile(
    r"(?P<own>.*?[^\s,，])\s*(?:[,，]|\s[-–—]|[（(])\s*(?P<marker>(?:which is\s+)?(?:an?\s+|the\s+)?"
    r"(?:(?:wholly|majority|partly|jointly)[- ]owned\s+|indirect\s+|direct\s+)?"
    r"(?:subsidiary|business unit|unit|division|affiliate|branch|part|member)\s+of|(?:wholly\s+)?owned by)\s+"
    r"(?P<parent>[^（）()]*[^\s（）()])\s*[）)]?\s*", re.IGNORECASE)
# ... without the comma after a whole legal name, as an ERP's one field runs them on ("Teal Drones Inc a subsidiary of
# Red Cat Holdings Inc" offered both as possible matches only: screen38); the legal name checked by parent_of
PARENT_BARE_EN_RE = re.compile(
    r"(?P<own>.*?\S)\s+(?P<marker>(?:an?\s+)?(?:(?:wholly|majority)[- ]owned\s+)?(?:subsidiary|division|unit|affiliate)"
    r"\s+of)\s+(?P<parent>.*\S)\s*", re.IGNORECASE)
PARENT_COMPANY_EN_RE = re.compile(
    r"(?P<own>.*?[^\s,，])\s*(?:[,，]|[（(])\s*(?P<marker>an?)\s+(?P<parent>[^（）(),，]*?\S)\s+company\s*[）)]?\s*",
    re.IGNORECASE)
PARENT_ZH_RE = re.compile(
    r"(?P<own>.*?[^\s,，])\s*[（(，,]\s*(?:系|为|是)?(?:(?P<under>隶属于|隶属|属于)\s*(?P<parent_u>[^（）()，,]+?)"
    r"|(?P<parent>[^（）()，,]+?)(?P<marker>(?:的|之)?(?:全资|控股|间接|直接)?(?:子公司|附属公司|分公司|下属公司|下属企业|"
    r"旗下公司|旗下企业|成员企业|旗下)))\s*[）)]?\s*")
PARENT_REASON = "the cell names “{parent}” as its parent (“{marker}”): the parent is listed, not the counterparty itself"
# "(DTC)" after "Domo Tactical Communications": the name's own acronym, not a word of it.
BRACKETED_ACRONYM_RE = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z0-9&]{1,7})\s*[）)]")
# A foreign legal form written with dots or spaces at the end of a name ("Skydio K.K.", "Lockheed Martin S. A.", "Foo
# S.p.A."): read as its undotted form ("KK", "SA", "SpA"), so it answers as that one does (decided, session 35: "K.K."
# got nothing while "KK" hit). Screening's reading only: name_key, on which entity keys rest, is unchanged.
DOTTED_FORM_RE = re.compile(r"(?<![^\s,，])((?:[A-Za-z]\.\s?){1,4}[A-Za-z]?\.?)\s*$")
DOTTED_FORMS = frozenset({"kk", "sa", "nv", "bv", "ag", "spa", "sas", "sarl", "srl", "sl", "plc", "ab", "as", "se", "kg",
                          "llc", "lp", "llp", "gmbh", "aps", "sro", "sasu", "sau", "slu"})  # "Pty. Ltd.", "Sdn. Bhd.": their words are kept
# A legal form of another country's law at the end of a name, as a subsidiary or an ERP in Europe or Latin America writes
# the company ("Aerkomm S.A.S.", "Skydio B.V.", "TextOre SARL", "Exovera Ltda.", "Saronic Technologies S.A. de C.V.",
# "Skydio Sp. z o.o."): read as "Ltd", a legal form name_key drops (screen40: a possible match only, "the listed name
# inside", while "Skydio GmbH" and "Skydio KK" hit). Screening's reading only, as DOTTED_FORMS: entity keys unchanged.
# Not "SAU" undotted (S.A.U. is DOTTED_FORMS'): a Cantonese given syllable ("Chan Kam Sau" hit Chan Kam Limited: review41).
FOREIGN_FORM_RE = re.compile(
    r"(?:\s|,)\s*(?:S\.?\s?A\.?\s+de\s+C\.?\s?V\.?|S\.?\s?de\s+R\.?\s?L\.?(?:\s+de\s+C\.?\s?V\.?)?|Sp\.?\s?z\s?o\.?\s?o\.?|"
    r"GmbH\s*(?:&|und)\s*Co\.?\s*KG|Pty\.?\s+Ltd\.?|Pte\.?\s+Ltd\.?|Sdn\.?\s+Bhd\.?|Ltda\.?|SARL|SAS|SASU|SRL|SpA|SL|SLU|"
    r"BV|NV|AB|ApS|A/S|AS|ASA|Oy|Oyj|sro|SE|KG|OHG|LLP|Kft\.?|Zrt\.?|Nyrt\.?|doo|d\.o\.o\.?|GesmbH|Srl|Lda\.?)\s*$",
    re.IGNORECASE)
SYLLABLE_MAX = 6  # letters of a romanised syllable of a person's name ("Zhuang", "Hyeong"): _syllables
FOREIGN_FORM_ENDS = "vlogdsbyjepahtu."  # the last letter of every such form: cheap before the pattern
# A Japanese or Korean legal form before or after a Latin name, as a Japanese or Korean list writes a foreign company
# ("Skydio株式会社", "株式会社Skydio", "Echodyne合同会社", "Shield AI(주)", "(주)Shield AI", "Shield AI 주식회사"): read as
# "KK", a legal form (screen39: nothing, or a possible match only, while "Skydio KK" hit). Only when the rest is Latin
# (full-width too): a name in kana or Chinese characters keeps its form, as the notices write it ("川崎重工业株式会社").
CJK_FORM_CHARS = "株会社주식회유한(（㈱"  # cheap before the pattern: one of these is in every such name
_CJK_FORMS = r"(?:株式会社|合同会社|有限会社|合資会社|合资会社|合名会社|주식회사|유한회사|유한책임회사|[(（]\s*(?:주|株|有)\s*[)）]|㈱|㈲)"
CJK_LEGAL_FORM_RE = re.compile(rf"^\s*{_CJK_FORMS}\s*(?P<after>.+?)\s*$|^\s*(?P<before>.+?)\s*{_CJK_FORMS}\s*$")
# Cyrillic and Greek letters drawn as Latin ones, read as those in a word that mixes them with Latin letters (a copy-paste,
# a sloppy or hostile export: "Skydіo Inc." with a Cyrillic і got nothing, screen36 probe 3); a word in one script is kept
_LOOKALIKES = ("аa еe оo рp сc уy хx іi јj ѕs ԁd ԛq ԝw АA ВB ЕE КK МM НH ОO РP СC ТT ХX ІI ЈJ ЅS "
               "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX οo ιi")
HOMOGLYPHS = str.maketrans({pair[0]: pair[1] for pair in _LOOKALIKES.split()})
_OTHER_LETTERS = "\u0370-\u03ff\u0400-\u052f"
MIXED_SCRIPT_RE = re.compile(rf"\w*(?:[A-Za-z][{_OTHER_LETTERS}]|[{_OTHER_LETTERS}][A-Za-z])\w*")
# Abbreviations ERP exports use for words notices write out.
ABBREVIATIONS = {"intl": "International", "natl": "National", "mfg": "Manufacturing", "svcs": "Services",
                 "svc": "Service", "grp": "Group", "hldgs": "Holdings", "hldg": "Holding", "mgmt": "Management",
                 "info": "Information",  # "Info": "IP Video Market Information Inc" got nothing (screen37)
                 # "Flying Dragon International Trading (HK) Ltd" got nothing, not even a possible match, for the MFA's
                 # "Flying Dragon International Trading (Hong Kong) Limited" (session 44, mfa44/07); so "Macau" for Macao
                 "hk": "Hong Kong", "macau": "Macao"}
ABBREVIATION_RE = re.compile(r"\b(?:Int['’]?l|Nat['’]?l|Mfg|Svcs?|Grp|Hldgs?|Mgmt|Info|H\.?K\.?(?![A-Za-z])|Macau)\b\.?",
                             re.IGNORECASE)
# A Chinese name that is a Latin name plus a legal word ("PVH集团", "IMSAR公司"): the Latin part names the company.
LATIN_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,&'-]*")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
NUMBER_RE = re.compile(r"\d+")  # the numbers of a name's key: _other_numbers
LATIN_RE = re.compile(r"[A-Za-z]")
# A letter of another script than Latin, which a cell may give beside the Latin name: Chinese, Japanese kana, Korean,
# Cyrillic, Greek ("スカイディオ株式会社（Skydio Inc.）", "Скайдио (Skydio Inc.)": bilingual_parts reads both names)
OTHER_SCRIPT_RE = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\uac00-\ud7af\u0400-\u04ff\u0370-\u03ff]")
# A cell in two languages: "中文名（English Name）" or the other way round, or the two cut by a slash, a bar or a
# space between a Chinese and a Latin character; bilingual_parts checks each part is in one script only.
BILINGUAL_BRACKETS_RE = re.compile(r"(.*[^\s（(])\s*[（(]([^（）()]+)[）)]")
BILINGUAL_CUT_RE = re.compile(r"\s*[/|｜／]\s*|(?<=[\u4e00-\u9fff）)])\s+(?=[A-Za-z])|(?<=[A-Za-z.）)])\s+(?=[\u4e00-\u9fff])")
TIGHT_CUT_RE = re.compile(r"(?<=[\u4e00-\u9fff）)])(?=[A-Za-z])|(?<=[A-Za-z.）)])(?=[\u4e00-\u9fff])")  # no space between
LEADING_THE_RE = re.compile(r"^the\s+(?=\S)", re.IGNORECASE)
TRAILING_THE_RE = re.compile(r"\s*,\s*the\s*$", re.IGNORECASE)  # an ERP's sort form: "Boeing Company, The"
# "和", "及", "&" between Chinese words as the notices' "与" ("雷神导弹和防务公司" for 雷神导弹与防务公司), as "&" is "and"
ZH_AND_RE = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?:和|及|&|＆)\s*(?=[\u4e00-\u9fff])")
# A generation written in Chinese after a transliterated name ("詹姆斯·伊克斯二世"), as GENERATIONS in English
ZH_GENERATIONS = {"二世": "ii", "三世": "iii", "四世": "iv"}
ZH_JUNIOR = "小"  # before a transliterated name written with a middle dot: "小詹姆斯·伊克斯" is James Ickes Jr.
ZH_NAME_DOT_RE = re.compile(r"[\u4e00-\u9fff][·•・‧･\u00b7\u2027\u30fb][\u4e00-\u9fff]")
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "James William Ickes II": kept or left out, one person
# What a listed name inside a longer one is looked up by (Watchlist.possible, storage.possible.inside_possible): any
# word of a counterparty's name, any two Chinese characters of it one after the other
INSIDE_EN, INSIDE_ZH = "in", "inzh"
# ... and what one typing slip in a company's first word (storage.possible.slip_possible), a short form of a person's
# given name or initials (person_variant_possible) are looked up by: the first word and its letters less one; a word of
# a name of 2-4 words
SLIP_EN, PERSON_EN = "sl", "pn"
PERSON_KEY_MIN = 3  # letters of a person's word looked up by ("Bry"; not an initial)
GROUP_FORMS_ZH = ("集团有限公司", "集团股份有限公司", "集团有限责任公司", "集团公司")  # after a group's name: _add_name
PLAIN_MIN_KEY_LENGTH = 3  # a plain form shorter than this ("美国光子公司" -> "光子") is too little to match on
CSV_DELIMITERS = (",", "\t", ";")  # Excel writes ";" in many European locales, tab for "Text (Tab delimited)"
CSV_ALIAS_SEPARATOR = ";"
# Excel's first line naming the separator ("sep=;"), which it writes and reads: it was screened as a counterparty named
# "sep=", and the header after it as one named "name" (screen36)
EXCEL_SEP_RE = re.compile(r"\ufeff?sep=([,;\t|])[ \t]*(?:\r\n|\r|\n|$)")
SAP_RULE_RE = re.compile(r"[-|=+ ]*-[-|=+ ]*")  # a line of a SAP list between its header and rows
QUOTED_CELL_RE = re.compile(r'"(?:[^"]|"")*"')  # a quoted CSV cell, whose commas and semicolons separate nothing
CSV_SUFFIXES = (".csv", ".txt")
TOML_SUFFIXES = (".toml",)
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in a Chinese locale saves CSV as GBK
# A byte order mark names its encoding beyond doubt: Excel's "Unicode text" is UTF-16 LE with one, tab-separated.
# UTF-32's marks first: UTF-32 LE's begins with UTF-16 LE's.
BOM_ENCODINGS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                 (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# In such a reading, what no spreadsheet's text holds: control characters but tab and line ends, another mark, the
# private-use rows, the two non-characters: binary bytes that begin as a mark does ("\xff\xfe\x00\x81…").
NOT_PLAIN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ue000-\uf8ff\ufffe\uffff]")
UTF16_NUL_SHARE = 1 / 2  # of the high bytes of an unmarked UTF-16 file: NULs (its ASCII: commas, line ends, codes)
GB2312_SHARE_MIN = 1 / 3  # of a GB18030 reading's non-ASCII characters: fewer common ones is another encoding
PRIVATE_USE = ("\ue000", "\uf8ff")  # GBK's user-defined rows: where Big5's 公司 ("\xa5q") lands
# Excel's "CSV" is in the computer's own code page: a French or German name's accent in Windows-1252 ("AÉROVIRONMENT")
# was refused naming Japan and Taiwan only (screen38)
NOT_TEXT = ("neither UTF-8 nor GB18030 text (Excel saves \"CSV\" in the computer's own code page: Windows-1252 in "
            "Western Europe and the Americas, Shift_JIS or Big5 in Japan or Taiwan: save it as \"CSV UTF-8\")")

EXACT = "exact"
NORMALISED = "normalised"
FUZZY = "fuzzy"


class WatchlistError(ValueError):
    """The watchlist file cannot be used; the message says where and why."""


# A country an ERP export writes that no list names ("Kosovo"): the row is screened by its name all the same, without
# a country (so no fuzzy hit is ruled out by it), the country kept as a note, and a warning says so. Never a refusal
# of the whole file: one such row must not stop the screening of the others (screen and the watchlist alike).
UNREAD_COUNTRY = ("{where}: country {written!r} is not one this tool reads (ISO codes such as US or USA, and the "
                  "names of the countries the lists name): screened by the name alone, the country kept as a note")
# header cells that name the country column of a watchlist CSV (its rows then warn of a country not read)
COUNTRY_HEADERS = ("country", "country code", "country/region", "nation", "国家", "国别", "国家/地区", "国家或地区",
                   # as a German, French, Spanish or Italian export heads it (screen40: "Firma;Land" was a counterparty)
                   "land", "pays", "país", "pais", "paese")
# A header row's first cell: "name", or what an ERP export heads the column with, in English or Chinese ("公司名称,
# 国家/地区" was screened as a counterparty named 公司名称, with a warning that 国家/地区 is no country: screen32).
NAME_HEADERS = frozenset({"name", "company", "company name", "counterparty", "counterparty name", "supplier name",
                          "vendor name", "customer name", "business partner", "business partner name", "name 1", "名称",
                          "公司名称", "企业名称", "单位名称", "客户名称", "供应商名称", "交易方名称", "对方名称",
                          # a list of people, as an MFA countermeasure list is copied (screen39: "姓名,单位" was screened
                          # as a counterparty named 姓名)
                          "姓名", "中文姓名", "full name", "person name", "individual name", "entity name",
                          # a German, French, Spanish, Italian export's ("Firma;Land" was screened as a counterparty
                          # named Firma, with a warning that Land is no country: screen40)
                          "firma", "firmenname", "lieferant", "kunde", "raison sociale", "nom", "société", "empresa",
                          "razón social", "razon social", "nombre", "ragione sociale", "denominazione"})


ALIAS_REASON = "alias given by notice"  # a hit on another name the notice gives the entity ("又称…", "曾用名…")


def alias_reason(alias: str, notices: tuple[str, ...] = ()) -> str:
    """What a hit on ``alias`` says: 'alias given by notice 商务部公告2026年第59号: “KHI”' (the notices that give it)."""
    by = f" {', '.join(notices)}" if notices else ""
    return f"{ALIAS_REASON}{by}: “{alias}”"


def read_country(written: str | None, *, where: str) -> tuple[str | None, str | None]:
    """A counterparty's country as written -> (its ISO 3166 alpha-2 code, None), (None, a warning) for one that
    cannot be read, (None, None) for none."""
    text = (written or "").strip()
    if not text:
        return None, None
    code = country_code(text)
    return (code, None) if code is not None else (None, UNREAD_COUNTRY.format(where=where, written=text))


@dataclass(frozen=True)
class Counterparty:
    """One of the user's counterparties: a name plus other spellings of it."""

    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    country: str | None = None  # ISO 3166 alpha-2, upper case; rules out fuzzy matches abroad

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Match:
    """How a listed entity matched a counterparty.

    ``matched_name`` is the watchlist spelling that matched, ``entity_name`` the
    entity's name as the notice wrote it, ``method`` one of exact / normalised /
    fuzzy (hits) or possible (:mod:`storage.possible`: for review, with its ``reason``),
    ``score`` 100 for exact and normalised matches.
    """

    counterparty: str
    matched_name: str
    entity_name: str
    method: str
    score: float
    note: str | None = None
    reason: str | None = None  # why a possible match may be the entity; for a hit on an alias, whence it is
    alias: str | None = None  # the other name the notice gives the entity (EntityRecord.aliases) that matched
    part: str | None = None  # a hit by one part of the cell: which ("by its d/b/a name “Anduril”"), also in reason

    def as_extra(self) -> tuple[tuple[str, str], ...]:
        """The small key/value fields an :class:`EventRecord` carries in ``extra``."""
        fields = [
            ("watchlist_counterparty", self.counterparty),
            ("watchlist_matched_name", self.matched_name),
            ("watchlist_entity_name", self.entity_name),
            ("watchlist_method", self.method),
            ("watchlist_score", f"{self.score:.1f}"),
        ]
        if self.note:
            fields.append(("watchlist_note", self.note))
        if self.reason:
            fields.append(("watchlist_reason", self.reason))
        return tuple(fields)


@dataclass(frozen=True)
class Possibly:
    """A counterparty that may be a listed entity (:meth:`Watchlist.possible`), and how."""

    counterparty: Counterparty
    match: Match


PERSON = "person"  # Name.kind: a person's name, hitting people only (name_kind)
COMPANY = "company"  # a company's whole legal name ("Skydio Inc.")
UNKNOWN = "unknown"  # either: a name without a legal form ("Skydio", "Sierra Nevada"), the cell as written


@dataclass(frozen=True)
class Name:
    """One name a counterparty's cell is matched by (:func:`cell_names`): its text, what a hit by it says (PART_*; None
    for the whole cell) and its kind, decided once by :func:`name_kind`. The kind picks whom it may hit: a person's
    name people only (Watchlist's persons); a company's or an unknown one any entity, as before (screen41's plan, a
    first step: see docs/evidence-and-screening.md)."""

    text: str
    how: str | None
    kind: str


@dataclass(frozen=True)
class _Name:
    counterparty: Counterparty
    name: str
    display: str
    key: str
    designates: str | None = None  # the country a dropped designator named ("美国" -> "US")
    how: str | None = None  # one part of the cell, not the whole: which (PART_*), or a parent: PARENT_REASON
    kind: str = UNKNOWN  # Name.kind of the part it comes from


class Watchlist:
    """A loaded watchlist; :meth:`match` is cached per entity."""

    def __init__(self, counterparties: tuple[Counterparty, ...], *, threshold: float = FUZZY_THRESHOLD) -> None:
        self.counterparties = counterparties
        self.threshold = threshold
        self.warnings: tuple[str, ...] = ()  # what loading it said (a country not read): load_watchlist
        names: list[_Name] = []
        plains: list[_Name] = []
        parents: list[_Name] = []
        persons: list[_Name] = []  # a person's name after a role or before a comma: hits people only (person_only)
        for cp in counterparties:
            for written in cp.names:
                parent = parent_of(cell_text(written))
                for part in cell_names(written)[:MAX_CELL_PARTS]:  # a junk cell: its first parts (cell_cut)
                    if part.kind == PERSON:
                        _add_name(persons, persons, cp, part.text, part.how, part.kind)
                    else:
                        _add_name(names, plains, cp, part.text, part.how, part.kind)
                if parent:  # no name of the counterparty's: a possible match on a listed parent (possible())
                    _add_name(parents, parents, cp, parent[1], PARENT_REASON.format(parent=parent[1], marker=parent[2]))
        self._names = tuple(names)
        self._parents = tuple(parents)
        self._by_display = {n.display: n for n in reversed(self._names)}
        self._by_key = {n.key: n for n in reversed(self._names) if n.key}
        self._by_plain_key: dict[str, list[_Name]] = {}
        for n in (*self._names, *plains):
            if len(n.key) >= PLAIN_MIN_KEY_LENGTH or _person_designated(n):
                self._by_plain_key.setdefault(n.key, []).append(n)
        self._fuzzy = tuple(n for n in (*self._names, *plains) if len(n.key) >= FUZZY_MIN_KEY_LENGTH)
        self._plains = tuple(plains)
        self._persons = tuple(persons)
        self._persons_by_display = {n.display: n for n in reversed(self._persons)}
        self._persons_by_key = {n.key: n for n in reversed(self._persons) if n.key}
        self._cache: dict[tuple[str | None, str | None, str, tuple[str, ...], tuple[str, ...]], Match | None] = {}
        self._possible_cache: dict[tuple[str | None, str | None, str | None, str | None], tuple[Possibly, ...]] = {}
        self._possible_index: dict[tuple[str, str], list[_Name]] | None = None  # built on the first possible()
        self._parents_by_key: dict[tuple[str, str], list[_Name]] | None = None  # built on the first possible()

    def __len__(self) -> int:
        return len(self.counterparties)

    def match(self, entity: EntityRecord) -> Match | None:
        """The best match of ``entity`` (either of its names), or None."""
        cache_key = (entity.zh, entity.en, entity.key, entity.branches, entity.aliases)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._match(entity)
        return self._cache[cache_key]

    def _match(self, entity: EntityRecord) -> Match | None:
        written = [n for n in (entity.en, entity.zh) if n]
        hit = self._exact(written)
        if hit is None and entity.key and entity.key in self._by_key:
            return _make(self._by_key[entity.key], written[0] if written else entity.key, NORMALISED, 100.0)
        hit = hit or self._plain(entity, written) or self._fuzzy_best(written, entity)
        if hit is None and self._persons and entity.type == "individual":  # "Adam Bry, Skydio": the person's name
            hit = self._exact(written, self._persons_by_display, self._persons_by_key) or self._fuzzy_best(
                written, entity, tuple(n for n in self._persons if len(n.key) >= FUZZY_MIN_KEY_LENGTH))
        if hit is None and entity.aliases:
            # Another name the notice gives it ("又称…", "曾用名…": EntityRecord.aliases) is its own spelling, matched
            # as its names are, after them; the match says whence (alias_reason), the notice being the caller's.
            aliases = list(entity.aliases)
            hit = self._exact(aliases) or self._plain(entity, aliases) or self._fuzzy_best(aliases, entity)
            if hit is not None:
                hit = with_reason(hit, alias_reason(hit.entity_name), alias=hit.entity_name)
        if hit is None and entity.branches:
            # A counterparty that is a listed entity's branch or subsidiary ("TechInsights Japan KK" under
            # TechInsights) is hit by that listing; the match names the branch. The entity's own names come first.
            branches = [n for b in entity.branches for n in branch_names(b)]
            hit = self._exact(branches) or self._fuzzy_best(branches, entity)
        return hit

    def possible(self, entity: EntityRecord) -> tuple[Possibly, ...]:
        """The counterparties that may be ``entity`` (:mod:`storage.possible`), best first, one match each: for
        review, never a hit. A caller offers them only for a counterparty that :meth:`match` hits nowhere."""
        cache_key = (entity.zh, entity.en, entity.country, entity.type)
        if cache_key not in self._possible_cache:
            self._possible_cache[cache_key] = self._possible(entity)
        return self._possible_cache[cache_key]

    def _possible(self, entity: EntityRecord) -> tuple[Possibly, ...]:
        index = self._possible_index if self._possible_index is not None else self._index_possible()
        parents = self._parent_index
        best: dict[Counterparty, Possibly] = {}
        for name in (n for n in (entity.en, entity.zh) if n):
            plain, designates, key, _ = _listed_form(name)
            tries = [(kind, n) for kind, reading in _lookups(name, entity.type, entity.en is None)
                     for n in index.get((kind, reading), ())]
            if not tries and not parents:
                continue  # the usual case
            rules = _rules()
            for kind, candidate in tries:
                if kind == "py":
                    why = rules.pinyin_possible(candidate.display, key) or rules.english_given_pinyin(
                        candidate.display, key)
                elif kind == "zh":
                    why = rules.han_possible(candidate.key, key, rules.han_words(plain))
                elif kind == INSIDE_ZH:
                    why = rules.han_inside_possible(candidate.key, key)
                elif kind == INSIDE_EN:
                    why = rules.inside_possible(candidate.display, plain)
                elif kind == SLIP_EN:
                    why = rules.slip_possible(candidate.display, plain)
                elif kind == PERSON_EN:
                    why = rules.person_variant_possible(candidate.display, plain)
                else:  # the same first word: shortened, longer, a slip in a later word, cut short mid-word
                    why = rules.latin_possible(candidate.display, plain) or rules.number_possible(
                        candidate.display, plain) or rules.slip_possible(
                        candidate.display, plain) or rules.cut_possible(candidate.display, name) or \
                        rules.domain_possible(candidate.display, plain)
                if why is None or not _countries_agree(entity, candidate, designates, fuzzy=True):
                    continue
                cp = candidate.counterparty
                if kind in (INSIDE_EN, INSIDE_ZH) and cp in best and not (best[cp].match.reason or "").startswith(
                        rules.INSIDE):
                    continue  # another rule's reason says more ("the listed name with generic words more"): tried first
                if cp not in best or why.score > best[cp].match.score:
                    best[cp] = Possibly(cp, Match(cp.name, candidate.name, name, rules.POSSIBLE, why.score, cp.note,
                                                  why.reason))
            for candidate in (n for k in _lookups(name, entity.type, entity.en is None) for n in parents.get(k, ())):
                score = self._parent_score(candidate, name, plain, key, entity)
                cp = candidate.counterparty
                if score and _countries_agree(entity, candidate, designates, fuzzy=True) and (
                        cp not in best or score > best[cp].match.score):
                    best[cp] = Possibly(cp, Match(cp.name, candidate.name, name, rules.POSSIBLE, score, cp.note,
                                                  candidate.how))
        return tuple(sorted(best.values(), key=lambda p: (-p.match.score, p.match.counterparty)))

    def _parent_score(self, parent: _Name, name: str, plain: str, key: str, entity: EntityRecord) -> float:
        """How alike a parent the cell names is to a listed name: 100 when equal normalised (plain forms too), else
        the fuzzy score of a hit where it reaches the threshold (a company's), else 0."""
        if parent.key in (key, name_key(clean_display(name))):
            return 100.0
        if entity.type == "individual":
            return 0.0
        score = fuzzy_score(parent.display, plain)
        return score if score >= self.threshold else 0.0

    def possible_keys(self) -> frozenset[tuple[str, str]]:
        """What a listed name must give (:func:`possible_lookups`) for :meth:`possible` to try it: `screen` tries
        only the entities that do, out of all it holds."""
        index = self._possible_index if self._possible_index is not None else self._index_possible()
        return frozenset(index) | frozenset(self._parent_index)

    def _index_possible(self) -> dict[tuple[str, str], list[_Name]]:
        """The counterparties' names by what a possible match must share with a listed name: the first English
        word, the first two Chinese characters, or, for pinyin, all the letters of a name in Latin letters."""
        from storage.possible import domain_label, english_given_keys, latin_words, number_digits, pinyin_key, slip_keys

        index: dict[tuple[str, str], list[_Name]] = {}
        for n in (*self._names, *self._plains):
            if (label := domain_label(n.display)) is not None:  # "ap@lockheedmartin.com": by the listed name's start
                index.setdefault(("en", label), []).append(n)
            if HAN_RE.search(n.key):
                index.setdefault(("zh", n.key[:2]), []).append(n)
                for pair in dict.fromkeys(n.key[i : i + 2] for i in range(len(n.key) - 1)):  # a listed name inside
                    index.setdefault((INSIDE_ZH, pair), []).append(n)
            elif words := latin_words(n.display):
                index.setdefault(("en", words[0]), []).append(n)
                if len(words) > 1:  # "L3 Harris" for a listed "L3Harris …" (the listed name's "l3harris", _lookups)
                    index.setdefault(("en", words[0] + words[1]), []).append(n)
                if (digits := number_digits(words)) != words:  # "ACT One Federal" for ACT1 Federal (number_possible)
                    index.setdefault(("en", digits[0]), []).append(n)
                    if len(digits) > 1:
                        index.setdefault(("en", digits[0] + digits[1]), []).append(n)
                index.setdefault(("py", pinyin_key(n.display)), []).append(n)
                for key in english_given_keys(n.display):  # "Miles Maochun Yu": the pinyin beside an English name
                    index.setdefault(("py", key), []).append(n)
                for word in dict.fromkeys(words):  # a listed name inside ("Former Skydio Inc. assets trust")
                    index.setdefault((INSIDE_EN, word), []).append(n)
                for pair in dict.fromkeys(a + b for a, b in zip(words, words[1:])):  # "L3 Harris … (Canada)" for L3Harris
                    index.setdefault((INSIDE_EN, pair), []).append(n)
                for key in slip_keys(words[0]):  # "Skydoi Inc" for Skydio Inc.
                    index.setdefault((SLIP_EN, key), []).append(n)
                if ROLE_NAME_WORDS[0] <= len(words) <= ROLE_NAME_WORDS[1]:  # "Thomas Moss", "A. Bry": a person's
                    for word in dict.fromkeys(w for w in words if len(w) >= PERSON_KEY_MIN):
                        index.setdefault((PERSON_EN, word), []).append(n)
        for n in self._persons:  # a person's name a cell gives ("Moss, Thomas & Kate", "Adam Bry, Skydio"): people only
            if not HAN_RE.search(n.key) and ROLE_NAME_WORDS[0] <= len(words := latin_words(n.display)) <= ROLE_NAME_WORDS[1]:
                for word in dict.fromkeys(w for w in words if len(w) >= PERSON_KEY_MIN):
                    index.setdefault((PERSON_EN, word), []).append(n)
                index.setdefault(("py", pinyin_key(n.display)), []).append(n)
        self._possible_index = index
        return index

    @property
    def _parent_index(self) -> dict[tuple[str, str], list[_Name]]:
        """The parents the cells name (:func:`parent_of`), by a listed name's lookups (:func:`_lookups`): its first
        English word, its first two Chinese characters."""
        if self._parents_by_key is None:
            from storage.possible import latin_words

            self._parents_by_key = {}
            for n in self._parents:
                words = () if HAN_RE.search(n.key) else latin_words(n.display)
                if HAN_RE.search(n.key) or words:
                    self._parents_by_key.setdefault(("zh", n.key[:2]) if not words else ("en", words[0]), []).append(n)
        return self._parents_by_key

    def _plain(self, entity: EntityRecord, written: list[str]) -> Match | None:
        """A normalised match of the names' plain forms (designator, acronym, abbreviations aside), where every
        country a dropped designator named agrees with the entity's and the counterparty's countries."""
        forms: list[tuple[str, str, str | None]] = []
        for name in written:
            display = clean_display(name) or ""
            # a listed person's last syllable is no legal form ("Chan Kam Sau", "LEE JONG SE" read as "Chan Kam Ltd" hit
            # "Chan Kam Limited" and "Lee Jong": review41)
            plain, designates = plain_form(display, person=entity.type == "individual")
            forms += [(name, display, None), (name, plain, designates)]
            latin = latin_name(plain) if entity.en is None else None
            if latin:
                forms.append((name, latin, designates))
        for name, form, designates in forms:
            key = name_key(form)
            if len(key) < PLAIN_MIN_KEY_LENGTH and entity.type != "individual":  # "光子" of 美国光子公司: no company's
                continue
            for candidate in self._by_plain_key.get(key, ()):
                if _countries_agree(entity, candidate, designates, fuzzy=False):
                    return _make(candidate, name, NORMALISED, 100.0)
        return None

    def _exact(self, written: list[str], by_display: dict[str, _Name] | None = None,
               by_key: dict[str, _Name] | None = None) -> Match | None:
        """The first of ``written`` found as written, else the first found by its normalised key (among the
        counterparties' names, or ``by_display`` and ``by_key``)."""
        by_display = self._by_display if by_display is None else by_display
        by_key = self._by_key if by_key is None else by_key
        displays = [(w, clean_display(w)) for w in written]
        for name, display in displays:
            hit = by_display.get(display or "")
            if hit:
                return _make(hit, name, EXACT, 100.0)
        for name, display in displays:
            hit = by_key.get(name_key(display))
            if hit:
                return _make(hit, name, NORMALISED, 100.0)
        return None

    def _fuzzy_best(self, written: list[str], entity: EntityRecord,
                    candidates: tuple[_Name, ...] | None = None) -> Match | None:
        best: Match | None = None
        score_of = person_score if entity.type == "individual" else fuzzy_score
        # a person's generation in any of the names ("II" in the English one, none in "詹姆斯·伊克斯"): another one
        # written by the counterparty ("詹姆斯·伊克斯三世") is another person, whichever name it is compared with
        born = {g for n in written for g in _generations(n)} if entity.type == "individual" else None
        # (a company's whole legal name is no person with a typing slip: "Sutton Davis Corp" hit David Keith Sutton,
        # screen40; "David K Sutton Inc", the person's own name, still does; nor a form read from another country's,
        # "PAK YEONG SE" read as "Pak Yeong Ltd", a person Yeong-Se, hit Yeong-Tae Pak: screen40 probe 3)
        for name in written:
            display = clean_display(name)
            for candidate in self._fuzzy if candidates is None else candidates:
                score = score_of(display or "", candidate.display)
                if (score >= self.threshold and (best is None or score > best.score)
                        and not (born is not None and has_legal_suffix(candidate.display)
                                 and (score < 100.0 or not has_legal_suffix(candidate.name)))
                        and _countries_agree(entity, candidate, None, fuzzy=True)  # checked on the few that pass
                        and not (born and (own := _generations(candidate.display)) and own != born)):
                    best = _make(candidate, name, FUZZY, score)
        return best


def _person_designated(n: _Name) -> bool:
    """A name of two Chinese characters left when a country in brackets was dropped ("石平（日本）" -> 石平, a person's
    whole name, got nothing: screen38): matched on people only (Watchlist._plain), as "光子" of "光子公司（美国）" would
    be American Photonics' (美国光子公司) without its designator."""
    return n.designates is not None and len(n.key) == 2 and all(HAN_RE.match(c) for c in n.key)


def _add_name(names: list[_Name], plains: list[_Name], cp: Counterparty, name: str, how: str | None,
              kind: str = UNKNOWN) -> None:
    """One name of a counterparty as written (into ``names``) and, where it differs, its plain form (``plains``)."""
    display = clean_display(name)
    if display:
        names.append(_Name(cp, name, display, name_key(display), None, how, kind))
        plain, designates = plain_form(display)
        if plain != display:
            plains.append(_Name(cp, name, plain, name_key(plain), designates, how, kind))
        grouped_zh = _t2s().convert(display) if display.endswith("公司") and "集團" in display else display
        if grouped_zh.endswith(GROUP_FORMS_ZH):
            # "PVH集团有限公司", "应用技术集团股份有限公司": a Chinese group's whole legal form, where the notice writes
            # "美国PVH集团", "应用技术集团" (name_key drops one legal form: "pvh集团" was no key of theirs, screen38)
            grouped = grouped_zh[: grouped_zh.rindex("集团") + 2]
            plains.append(_Name(cp, name, grouped, name_key(grouped), None, how, kind))
            if (group_plain := plain_form(grouped))[0] != grouped:
                plains.append(_Name(cp, name, group_plain[0], name_key(group_plain[0]), group_plain[1], how, kind))
        if designates and HAN_RE.search(display) and (simple := _t2s().convert(display)) != display:
            # in simplified characters with its designator: "美國稀土公司" is 美国稀土公司 (USA Rare Earth), whose plain
            # form without 美国 is too short to match on ("稀土"): no hit (screen36)
            plains.append(_Name(cp, name, simple, name_key(simple), None, how, kind))


def cell_text(written: str) -> str:
    """The cell as its parts are read from: runs of spaces folded to one (a line break kept: it cuts names), at most
    :data:`MAX_CELL_CHARS` characters (a longer cell is said: :func:`cell_cut`), HTML entities and trademark signs
    aside (:func:`bare_cell`)."""
    text = SPACE_RUN_RE.sub(_folded, bare_cell(written).strip())
    return text[:MAX_CELL_CHARS].rstrip()


def bare_cell(written: str) -> str:
    """``written`` without HTML entities ("&amp;" -> "&") and trademark signs; itself for nearly every cell."""
    if "&" in written and ";" in written:
        written = html.unescape(written)
    return written.translate(TRADEMARK_SIGNS) if not written.isascii() else written


def _folded(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group() or "\r" in run.group() else " "


def cell_parts(written: str) -> tuple[tuple[str, str | None], ...]:
    """Every name a counterparty's cell is matched by, in order: the cell itself, its two languages
    (:func:`bilingual_parts`), the names it joins (:func:`own_parts`); each with what a hit by it says, once (the
    first way a name comes, which is the one a hit by it says: ``Watchlist`` keeps the first of equal names). The
    parts are read from :func:`cell_text` (spaces folded, at most MAX_CELL_CHARS characters)."""
    text = cell_text(written)
    written = bare_cell(written)
    written = written if len(text) == len(written.strip()) or len(written.strip()) <= MAX_CELL_CHARS else text
    parent = parent_of(text)
    own = parent[0] if parent else text
    parts = ((written, None), *((p, PART_BILINGUAL.format(part=p)) for p in bilingual_parts(own)), *own_parts(text))
    first: dict[str, tuple[str, str | None]] = {}
    for name, how in parts:
        first.setdefault(name, (name, how))
    return tuple(first.values())


def cell_names(written: str) -> tuple[Name, ...]:
    """:func:`cell_parts` as :class:`Name`, each of the kind :func:`name_kind` decides: the one structure the matchers
    read (screen41's plan)."""
    names = (Name(text, how, name_kind(text, how)) for text, how in cell_parts(written))
    # a name the cutting rule took for a person's that name_kind does not: its hit says no "person's" ("Anduril
    # Industries, Acme": "by its name before the comma: “Anduril Industries”")
    return tuple(replace(n, how=(n.how or "").replace("its person's name", "its name"))
                 if n.kind != PERSON and person_only(n.how) else n for n in names)


def name_kind(text: str, how: str | None) -> str:
    """The kind of one name of a cell, decided once: PERSON for a name the cutting rules read as a person's (after a
    role, before a comma and a company, one of two people joined: :func:`person_only`), COMPANY for a whole legal
    name (:func:`_whole_legal_name`), UNKNOWN for any other (the cell as written, a name without a legal form)."""
    if person_only(how):
        # the text has its say too (screen41's plan, step 2): a company's generic word ("Anduril Industries, Acme": a
        # person's name before a comma, to the cutting rule) is no person's name; as joined persons read it (screen40)
        return UNKNOWN if len(words := name_words(text)) > 1 and any(_generic_word(w) for w in words) else PERSON
    return COMPANY if _whole_legal_name(text) else UNKNOWN


def cell_cut(written: str, *, where: str) -> str | None:
    """The line saying a cell splits into more names than :data:`MAX_CELL_PARTS`, of which only the first are
    screened (:class:`Watchlist`), for the row ``where``, or a cell longer than :data:`MAX_CELL_CHARS` (:data:`CELL_LONG`,
    said first); None for a cell within both (every real one)."""
    long_ = cell_long(written)
    if long_:
        return CELL_LONG.format(where=where, n=long_, kept=MAX_CELL_CHARS)
    n = len(cell_parts(written))
    if n <= MAX_CELL_PARTS:
        return None
    return CELL_CUT.format(where=where, n=n, kept=MAX_CELL_PARTS, rest=n - MAX_CELL_PARTS)


def cell_long(written: str) -> int:
    """The characters of a cell longer than :data:`MAX_CELL_CHARS` once its spaces are folded; 0 for any other."""
    if len(written) <= MAX_CELL_CHARS:
        return 0
    n = len(SPACE_RUN_RE.sub(" ", written.strip()))
    return n if n > MAX_CELL_CHARS else 0


def bilingual_parts(name: str) -> tuple[str, ...]:
    """The two names of a cell written in both languages, as Chinese ERPs keep foreign suppliers and notices
    write entities: "因美纳公司（Illumina, Inc.）", "Skydio Inc.（斯凯迪奥）", "洛克希德·马丁公司 Lockheed Martin Corp",
    "Skydio Inc. / 斯凯迪奥公司"; () for a name in one language or mixed in one word ("PVH集团", "Group W公司")."""
    m = BILINGUAL_BRACKETS_RE.fullmatch(name.strip())
    cut = None if m else next(BILINGUAL_CUT_RE.finditer(name), None)
    if m:
        first, second = m.group(1), m.group(2)
    elif cut is not None:
        first, second = name[: cut.start()], name[cut.end() :]
    elif (tight := _tight_pair(name)) is not None:
        first, second = tight
    else:
        return ()
    parts = (first.strip(), second.strip())
    if BRACKETED_DESIGNATOR_RE.fullmatch(f"({parts[1]})") or any(x in LEGAL_SUFFIXES_ZH for x in parts):
        return ()  # "斯凯迪奥公司（USA）": a designator, which plain_form reads; "ACT1 Federal 公司": one name
    scripts = [(bool(OTHER_SCRIPT_RE.search(x)), bool(LATIN_RE.search(x))) for x in parts]
    return parts if sorted(scripts) == [(False, True), (True, False)] else ()


def _tight_pair(name: str) -> tuple[str, str] | None:
    """A cell of two whole legal names in two languages written without a space between them ("斯凯迪奥公司Skydio Inc.",
    "Skydio Inc.斯凯迪奥公司": no hit, screen36 probe 3), cut where the scripts meet; None for any other cell, such as a
    name that is one word of both ("PVH集团", "Group W公司", "L3哈里斯公司": the Latin part is no whole legal name)."""
    if not (HAN_RE.search(name) and LATIN_RE.search(name)):
        return None
    cuts = list(TIGHT_CUT_RE.finditer(name.strip()))
    if len(cuts) != 1:
        return None
    text = name.strip()
    first, second = text[: cuts[0].start()], text[cuts[0].start() :]
    han, latin = (first, second) if HAN_RE.search(first) else (second, first)
    if not (has_legal_suffix(latin) and any(han.endswith(x) and len(han) > len(x) for x in LEGAL_SUFFIXES_ZH)):
        return None
    return first, second


def own_names(name: str) -> tuple[str, ...]:
    """The names of :func:`own_parts`, without what each says."""
    return tuple(part for part, _ in own_parts(name))


def own_parts(name: str) -> tuple[tuple[str, str | None], ...]:
    """The names a counterparty's cell joins by "d/b/a", "a.k.a.", "formerly" and the like ("Anduril Industries, Inc.
    d/b/a Anduril" -> "Anduril Industries, Inc.", "Anduril"; "X Corp (formerly Y Inc)" -> "X Corp", "Y Inc"), the
    name before a unit or role in brackets ("Lockheed Martin Corp. (Missiles and Fire Control)", "Adam Bry (Skydio
    CEO)"), a person's name without a title ("Mr. Todd Stein"), the name before a parent it names ("X, a unit of Y":
    :func:`parent_of`): the whole cell matched nothing (screen32); () for a cell without such words. Each with what a
    hit by it says (PART_*: which part matched), None for the whole cell."""
    parent = parent_of(name)
    lead: list[tuple[str, str | None]] = []  # the cell's own name, shaped: other brackets, its group left out
    if parent:
        name = parent[0]
    shaped = name.translate(OTHER_BRACKETS)
    if shaped != name:
        name = shaped
        lead.append((name, PART_BEFORE.format(marker=parent[2], part=name) if parent else None))
    mail = EMAIL_AFTER_RE.search(name) if "@" in name else None
    if mail and len(name_key(name[: mail.start()])) >= OWN_NAME_MIN_KEY_LENGTH:
        before = name[: mail.start()].strip(" ,，;；:：\"“”'")
        lead.append((before, PART_BEFORE.format(marker=mail.group().strip(), part=before)))
        name = before
    care = CARE_OF_RE.search(name)
    if care and len(name_key(name[: care.start()])) >= OWN_NAME_MIN_KEY_LENGTH:
        lead.append((name[: care.start()].rstrip(" ,，"), PART_BEFORE.format(marker=care.group().split()[0],
                                                                            part=name[: care.start()].rstrip(" ,，"))))
        name = lead[-1][0]
    lead_id = LEADING_ID_RE.match(name) if name.lstrip()[:1].isalnum() else None
    if lead_id and len(name_key(name[lead_id.end() :])) >= OWN_NAME_MIN_KEY_LENGTH:
        name = name[lead_id.end() :].strip()
        lead.append((name, PART_AFTER_ID.format(marker=(lead_id.group("id")).strip(), part=name)))
    former = LEADING_FORMER_RE.match(name)
    if former and len(name_key(name[former.end() :])) >= OWN_NAME_MIN_KEY_LENGTH:
        name = name[former.end() :].strip()
        lead.append((name, PART_AFTER.format(label="former", part=name)))
    if (flagged := _without_flag(name)) is not None:
        name = flagged[0]
        lead.append((name, PART_WITHOUT_FLAG.format(flag=flagged[1], part=name)))
    ident = TRAILING_ID_RE.search(name) if name[-1:].isalnum() and any(c.isdigit() for c in name[-9:]) else None
    if ident and len(name_key(name[: ident.start()])) >= OWN_NAME_MIN_KEY_LENGTH:
        name = name[: ident.start()].rstrip(" ,，;；\t-–—:：")
        lead.append((name, PART_BEFORE.format(marker=ident.group("id"), part=name)))
    group = AFFILIATES_RE.search(name)
    if group and len(name_key(name[: group.start()])) >= OWN_NAME_MIN_KEY_LENGTH:
        name = name[: group.start()].rstrip(" ,，")
        lead.append((name, PART_BEFORE.format(marker=group.group().strip(" ,，"), part=name)))
    pieces = [p for p in NAMES_CUT_RE.split(name) if p.strip()]
    if len(pieces) == 1 and "/" in name:  # "Skydio Inc./Shield AI Inc.": a slash after a whole legal name cuts too
        pieces = _slashed(name)
    if len(pieces) == 1 and ("," in name or "，" in name or "&" in name or " and " in name):  # "…Corp., Skydio Inc."
        pieces = _comma_listed(name)
    if len(pieces) > 1:
        lead += [(p.strip(), (PART_ONE_OF_PERSON if _two_han(p.strip()) else PART_ONE_OF).format(part=p.strip()))
                 for p in pieces]
    bare = BARE_AKA_RE.search(name)
    if bare and has_legal_suffix(name[: bare.start()]):
        name = f"{name[: bare.start()]} {BARE_AKA_MARKERS[bare.group().strip().casefold()]} {name[bare.end() :]}"
    cuts = list(COUNTERPARTY_AKA_RE.finditer(name))
    ends = [0, *(x for m in cuts for x in (m.start(), m.end())), len(name)]
    texts = [_unclosed(name[ends[2 * i] : ends[2 * i + 1]]) for i in range(len(cuts) + 1)]
    markers = [m.group().strip(" (（:：") for m in cuts]
    parts: list[tuple[str, str | None]] = [
        (text, None if not cuts else PART_BEFORE.format(marker=markers[0], part=text) if i == 0
         else PART_AFTER.format(label=_aka_label(markers[i - 1]), part=text)) for i, text in enumerate(texts)]
    if parent:
        parts[0] = (parts[0][0], parts[0][1] or PART_BEFORE.format(marker=parent[2], part=parts[0][0]))
    unit = TRAILING_BRACKET_RE.fullmatch(name) if len(parts) == 1 else None
    if unit and not BRACKETED_DESIGNATOR_RE.fullmatch(f"({unit.group(2)})") and (
            country_code(unit.group(2)) is None or BRACKETED_TITLE_RE.fullmatch(unit.group(2))):
        # a country in brackets is plain_form's, whose country must agree: "斯凯迪奥公司（日本）" is no hit; a person's
        # role ("Todd Stein (Hudson Institute)") is no part of the name, as in the notices
        parts.append((unit.group(1), PART_BEFORE_BRACKET.format(bracket=unit.group(2).strip(), part=unit.group(1))))
        inner = unit.group(2).strip()
        if has_legal_suffix(inner) and not OTHER_SCRIPT_RE.search(inner) and len(inner.split()) > 1:
            # another company's whole legal name in the brackets ("Red Cat Holdings, Inc. (Teal Drones, Inc.)": a listed
            # subsidiary was named by nobody, screen39): one of the cell's names, as "X; Y" is
            parts.append((inner, PART_IN_BRACKET.format(part=inner)))
    dash = DASH_UNIT_RE.fullmatch(name) if len(parts) == 1 else None
    if dash and country_code(dash.group(3)) is None and not TRAILING_DESIGNATOR_RE.search(name):
        if has_legal_suffix(dash.group(1)):
            parts.append((dash.group(1), PART_BEFORE.format(marker=dash.group(2), part=dash.group(1))))
        else:  # a name in both languages before the unit: "Skydio Inc (斯凯迪奥公司) - 北京办事处" got nothing (screen38)
            parts += [(p, PART_BEFORE.format(marker=dash.group(2), part=p)) for p in bilingual_parts(dash.group(1))]
    state = EDGAR_STATE_RE.search(name) if name.endswith("/") else None
    if state and has_legal_suffix(name[: state.start()]):
        parts.append((name[: state.start()], PART_BEFORE.format(marker=state.group().strip(), part=name[: state.start()])))
    if (first := _legal_name_first(name)) is not None:  # after the rules above, whose reasons say more
        parts.append((first[0], PART_BEFORE.format(marker=first[1], part=first[0])))
    if (branch := _branch_of(name)) is not None:
        parts.append((branch[0], PART_BEFORE.format(marker=branch[1], part=branch[0])))
    parts = lead + parts
    if "+" in name and (plus := PLUS_RE.sub(" & ", name)) != name and len(name_key(plus)) >= OWN_NAME_MIN_KEY_LENGTH:
        parts.append((plus, PART_PLUS.format(part=plus)))
    parts += [(bare_name, PART_WITHOUT_TITLE.format(part=bare_name))
              for bare_name in (HONORIFIC_RE.sub("", p) for p, _ in parts if HONORIFIC_RE.match(p))]
    roles = [(p, part) for p, _ in parts if (part := _without_role(p)) is not None]
    parts += [part for _, part in roles] + [part for p, _ in parts for part in _person_parts(p, dict(roles).get(p))]
    parts += [part for p, _ in parts if (part := _without_degree(p)) is not None]
    parts += [part for p, _ in parts for part in _nicknamed(p)]
    # a Chinese person's name of two characters is a name when a title followed it ("石平先生")
    titled = {p for p, how in parts if how is not None and how.startswith(PART_WITHOUT_TITLE[:20]) and HAN_RE.search(p)}
    named = tuple((p, how) for p, how in parts if len(name_key(p)) >= OWN_NAME_MIN_KEY_LENGTH or
                  ((p in titled or (how or "").startswith((PART_ONE_OF_PERSON[:30], PART_JOINED_PERSON[:30])))
                   and len(name_key(p)) >= 2))
    # a split cell keeps its one name left: "Lockheed Martin Corp d/b/a LM" ("LM" too short) was no part at all (screen35)
    return named if len(named) > 1 or ((parent or lead or cuts) and named) else ()


def _without_flag(name: str) -> tuple[str, str] | None:
    """The name a vendor master's flag is written before or after ("DO NOT USE - Skydio Inc." -> ("Skydio Inc.", "DO
    NOT USE")), or None: no flag (ERP_FLAG_BEFORE_RE), or too little left to match on."""
    upper = name.upper()
    if not any(h in upper for h in ERP_FLAG_HINTS):
        return None
    capitals = upper == name
    for pattern, at_start in ((ERP_FLAG_BEFORE_RE, True), (ERP_FLAG_AFTER_RE, False)):
        m = pattern.match(name) if at_start else pattern.search(name)
        if m is None or (capitals and m.group("word")):
            continue  # a flag word in a cell all in capitals is taken between asterisks or before a dash only
        rest = (name[m.end() :] if at_start else name[: m.start()]).strip(" ,，;；-–—:：|*")
        if len(name_key(rest)) >= OWN_NAME_MIN_KEY_LENGTH:
            return rest, " ".join((m.group("star") or m.group("sep") or m.group("word")).split())
    return None


def _legal_name_first(name: str) -> tuple[str, str] | None:
    """The whole legal name a cell begins with, before a comma, a space and a digit, or (in Chinese) a space, and the
    start of what follows it ("Skydio Inc., 3000 Clearview Way, …" -> ("Skydio Inc.", "3000 Clearview Way, …")); None
    when no such name begins the cell, or what follows is a legal form ("Foo Co., Ltd.") or a country (a designator:
    plain_form's, whose country must agree: "Skydio, Inc., Japan" is no hit)."""
    for cut in itertools.islice(LEGAL_NAME_END_RE.finditer(name), LEGAL_NAME_CUTS):
        before, rest = name[: cut.start()].strip(), name[cut.end() :].strip()
        address = "," in cut.group() and ADDRESS_AFTER_RE.match(rest) is not None  # "Anduril Industries, 1400 Anduril, …"
        if not rest or not (address or has_legal_suffix(before) or (HAN_RE.search(before) and before.endswith(LEGAL_SUFFIXES_ZH))):
            continue
        if len(name_key(before)) < OWN_NAME_MIN_KEY_LENGTH or name_key(f"x {rest.split()[0]}") == "x" or \
                country_code(rest) is not None or TRAILING_DESIGNATOR_RE.fullmatch(f" {rest}") or rest.casefold() == "the":
            return None
        return before, rest if len(rest) <= 24 else f"{rest[:22].rsplit(' ', 1)[0]} …"
    return None


def _branch_of(name: str) -> tuple[str, str] | None:
    """The whole legal name before a branch or office written after it without brackets ("斯凯迪奥公司上海分公司" ->
    ("斯凯迪奥公司", "上海分公司")), or None."""
    text = name.strip()
    if HAN_RE.search(text):
        m = ZH_BRANCH_RE.fullmatch(text) if text.endswith(ZH_BRANCH_UNITS) else None
        ok = m is not None and len(name_key(m.group("own"))) >= OWN_NAME_MIN_KEY_LENGTH
        return (m.group("own"), m.group("unit")) if ok and m is not None else None
    end = EN_BRANCH_RE.search(text) if "office" in text.casefold() or "branch" in text.casefold() else None
    if end is None:
        return None
    words = text[: end.start()].split()
    for k in range(min(BRANCH_PLACE_WORDS, len(words) - 1) + 1):  # the legal name, then a place of 0-3 words
        own = " ".join(words[: len(words) - k]).rstrip(" ,")
        if has_legal_suffix(own) and len(name_key(own)) >= OWN_NAME_MIN_KEY_LENGTH:
            return own, text[len(" ".join(words[: len(words) - k])) :].strip(" ,")
    return None


def _slashed(name: str) -> list[str]:
    """The names of a cell cut by slashes without spaces, each before a slash a whole legal name ("Skydio Inc./Shield AI
    Inc."); [name] for any other ("Raytheon/Lockheed Martin Javelin Joint Venture" is one listed name, "X d/b/a Y")."""
    pieces = name.split("/")
    if all(has_legal_suffix(p) for p in pieces[:-1]) and all(len(name_key(p)) >= OWN_NAME_MIN_KEY_LENGTH for p in pieces):
        return pieces
    return [name]


def _comma_listed(name: str) -> list[str]:
    """The names of a cell of whole legal names cut by commas or "&" ("Lockheed Martin Corporation, Skydio Inc.",
    "Lockheed Martin Corp. & Skydio Inc."), each of two words or more with a legal suffix, or of a name and a whole
    legal name after one comma ("Sierra Nevada, Cubic Corporation"); [name] for any other ("Skydio, Inc.", "Foo Co.,
    Ltd.", "Skydio Inc., USA", "Gibbs & Cox, Inc.", "Lockheed Martin, UK")."""
    pieces: list[str] = []
    for p in (p.strip() for p in re.split(r"([,，])|\s+(?:&|＆|and)\s+", name) if p is not None):
        if pieces and p not in ",，" and name_key(f"x {p}") == "x" and pieces[-1] in ",，" and len(pieces) > 1:
            pieces[-2:] = [f"{pieces[-2]}, {p}"]  # a legal form after its own comma: "Skydio, Inc. and Shield AI, Inc."
        else:  # (nothing before, screen40: "Skydio", "Inc." were no legal names)
            pieces.append(p)
    pieces = [p for p in pieces if p not in ",，"]
    if len(sides := re.split(r"\s+and\s+", name)) > 1 and all(_whole_legal_name(p) for p in sides):
        return [p.strip() for p in sides]  # "Gibbs & Cox, Inc. and Skydio, Inc.": an "&" of one name (screen40)
    for cut in itertools.islice(JOIN_RE.finditer(name), LEGAL_NAME_CUTS):  # an "and" of one name: "Black and Decker
        left, right = name[: cut.start()].strip(), name[cut.end() :].strip()  # Inc. and Skydio Inc." (screen40)
        if _whole_legal_name(left) and _whole_legal_name(right):
            return [left, right]
    if len(pieces) > 1 and all(has_legal_suffix(p) and len(name_key(p)) >= OWN_NAME_MIN_KEY_LENGTH for p in pieces):
        return pieces
    # one name before a comma and a whole legal name after it: "Sierra Nevada, Cubic Corporation" hit Cubic only (its
    # first part read as a person's, hitting people only: screen35), "Leidos, Lockheed Martin Corporation" nothing;
    # the first is a company's name too (decided, session 36). "Lockheed Martin, UK", "Skydio, Inc.": no legal name after.
    pair = [p.strip() for p in re.split(r"[,，]", name)]
    if len(pair) == 2 and has_legal_suffix(pair[1]) and all(len(name_key(p)) >= OWN_NAME_MIN_KEY_LENGTH for p in pair) \
            and not COUNTERPARTY_AKA_RE.search(f" {pair[1]}"):  # "Nova Air LLC, formerly known as Aerkomm Inc.": own_parts'
        return pair
    # the other way round: "Cubic Corp., Sierra Nevada" hit neither (screen36 probe 3); not "Skydio Inc., USA" (a country)
    if len(pair) == 2 and has_legal_suffix(pair[0]) and all(len(name_key(p)) >= OWN_NAME_MIN_KEY_LENGTH for p in pair) \
            and name_key(f"x {pair[1]}") != "x" and country_code(pair[1]) is None and pair[1].casefold() != "the" \
            and name_key(f"x {pair[1].split()[0]}") != "x" and not any(c.isdigit() for c in pair[1]) \
            and not COUNTERPARTY_AKA_RE.search(f" {pair[1]} "):  # not "Foo Co., Ltd.", "Foo Co., Ltd. Shanghai", "…, Suite 100"
        return pair
    return [name]


def _without_role(name: str) -> tuple[str, str] | None:
    """A person's name without the role or title written after it ("Adam Bry, CEO", "托德·斯坦恩先生"), with what a
    hit by it says; None for a name without one, or whose name before it is a company's (a legal suffix, a digit)."""
    if "," in name or "，" in name:
        m = ROLE_AFTER_RE.fullmatch(name.strip())
        own = m.group("own").strip() if m else ""
        words = len(name_words(own))
        if m and not any(c.isdigit() for c in own) and not has_legal_suffix(own) and not own.endswith(LEGAL_SUFFIXES_ZH) \
                and (ROLE_NAME_WORDS[0] <= words <= ROLE_NAME_WORDS[1] or (HAN_RE.search(own) and len(own) >= 2)):
            return own, PART_WITHOUT_ROLE.format(role=m.group("role").strip(), part=own)
    if HAN_RE.search(name):
        z = ZH_TITLE_AFTER_RE.fullmatch(name.strip())
        if z:
            return z.group("own"), PART_WITHOUT_TITLE.format(part=z.group("own"))
    return None


def _without_degree(name: str) -> tuple[str, str] | None:
    """A person's name without a degree written after it with no comma ("Patrick Jankowski PhD"), with what a hit by it
    says (a person only); None for any other name."""
    m = DEGREE_AFTER_RE.fullmatch(name.strip()) if name[-1:].isalpha() or name.endswith(".") else None
    if m is None or not _person_name(own := m.group("own").strip()):
        return None
    return own, PART_WITHOUT_DEGREE.format(degree=m.group("degree"), part=own)


def _person_name(own: str) -> bool:
    """Whether ``own`` may be a person's name (before a role, a comma): 2-4 words, or 2 Chinese characters at least; no
    digit, no legal suffix."""
    if any(c.isdigit() for c in own) or has_legal_suffix(own) or own.endswith(LEGAL_SUFFIXES_ZH):
        return False
    return ROLE_NAME_WORDS[0] <= len(name_words(own)) <= ROLE_NAME_WORDS[1] or bool(HAN_RE.search(own) and len(own) >= 2)


def _joined_persons(text: str) -> tuple[tuple[str, str], ...]:
    """The two people a cell joins by "and" or "&" ("Adam Bry & Tom Moss" -> "Adam Bry", "Tom Moss"; "Tom and Kate Moss"
    -> "Tom Moss", "Kate Moss"), each with what a hit by it says; () unless both are people's names."""
    if HAN_RE.search(text):  # "余茂春和石平": each a person's name, not a company's (not "吉布斯和考克斯公司")
        zh = ZH_JOINED_PERSONS_RE.fullmatch(text) if any(c in text for c in "和及与&＆") else None
        if zh is None or any(p.endswith(LEGAL_SUFFIXES_ZH) for p in zh.groups()):
            return ()
        return tuple((p, PART_JOINED_PERSON.format(part=p)) for p in zh.groups())
    if "&" not in text and "＆" not in text and " and " not in text.casefold():
        return ()
    m = JOINED_PERSONS_RE.fullmatch(text)
    if m is None:
        return ()
    left, right = ((m.group("left") or m.group("l2")).strip(), (m.group("right") or m.group("r2")).strip())
    if left.rstrip(".").casefold() in JOINED_TITLES:  # "Mr. and Mrs. Tom Moss": one person's name for both
        left = right
    left, right = HONORIFIC_RE.sub("", left).strip(), HONORIFIC_RE.sub("", right).strip()
    if _firm_words(right):
        return ()  # a person's firm: "Todd Stein & Associates", "Stein, Todd & Associates" (not Todd Stein)
    if (sorted_ := SORTED_COUPLE_RE.fullmatch(left)) and not HAN_RE.search(text) and "," not in right and \
            not has_legal_suffix(left):
        # a couple written surname first, as a sorted list of people writes them ("Moss, Tom & Kate" got nothing,
        # screen39): "Tom Moss" and "Kate Moss"; a whole name after the "&" keeps its own ("Moss, Tom & Kate Smith")
        surname = sorted_.group("surname")
        left = f"{sorted_.group('given')} {surname}"
        right = f"{right} {surname}" if len(name_words(right)) == 1 else right
    if len(name_words(left)) == 1 and not has_legal_suffix(left) and _person_name(right) and not HAN_RE.search(text):
        left = f"{left} {right.split()[-1]}"  # one surname for both
    if _firm_words(left):  # (the right-hand name was asked above: a surname it shares makes no firm's words of it)
        return ()  # a firm's words before: "Holdings Group & Tom Moss" (not Tom Moss)
    # a company's generic word ("Anduril Industries and Chris Kastner": two people before, the company hitting people
    # only, so nothing; screen40) makes it a company's name, no person's
    generic = [any(_generic_word(w) for w in name_words(p)) for p in (left, right)]
    people = [_person_name(left) and not generic[0], _person_name(right) and not generic[1]]
    if all(people):
        return tuple((p, PART_JOINED_PERSON.format(part=p)) for p in dict.fromkeys((left, right)))
    companies = [_whole_legal_name(left) or (generic[0] and len(name_words(left)) > 1),
                 _whole_legal_name(right) or (generic[1] and len(name_words(right)) > 1)]
    if (people[0] and companies[1]) or (companies[0] and people[1]):
        # a person and a company ("Adam Bry and Skydio Inc.": nothing but a possible match, screen39 probe 3)
        return tuple((p, PART_JOINED_PERSON.format(part=p) if person else PART_ONE_OF.format(part=p))
                     for p, person in ((left, people[0]), (right, people[1])))
    return ()


def _two_han(text: str) -> bool:
    """Whether ``text`` is two Chinese characters, as many people's names are ("石平")."""
    return len(text) == 2 and all(HAN_RE.match(c) for c in text)


def _whole_legal_name(text: str) -> bool:
    """Whether ``text`` is a company's whole legal name ("Skydio Inc."), long enough to match on."""
    return has_legal_suffix(text) and len(name_key(text)) >= OWN_NAME_MIN_KEY_LENGTH


def _firm_words(text: str) -> bool:
    """Whether ``text`` is a firm's words alone, as after a person's name ("Associates", "Sons Ltd", "Partners LLP")."""
    return all(w in FIRM_WORDS or _generic_word(w) or has_legal_suffix(f"x {w}") for w in name_words(text))


def _person_parts(name: str, role: tuple[str, str] | None) -> tuple[tuple[str, str], ...]:
    """A person's name after a role ("Chief Executive Officer Adam Bry"), or before a comma and a company ("Adam Bry,
    Skydio"; after a role too: "Steven Rudder, President, Stick Rudder Enterprises"), each with what a hit by it says:
    the person's name hits people only (PERSON_ONLY_PARTS), the company as any name; () for another name."""
    text = name.strip()
    out: list[tuple[str, str]] = list(_joined_persons(text))
    before = ROLE_BEFORE_RE.fullmatch(text) if text[:1].isalpha() and not HAN_RE.match(text) else \
        ZH_ROLE_BEFORE_RE.fullmatch(text) if HAN_RE.match(text) else None
    if before and _person_name(own := before.group("own").strip()):
        out.append((own, PART_ROLE_BEFORE.format(role=before.group("role").strip(), part=own)))
    if before:
        text = before.group("own").strip()  # "Principal Adam Bry, Skydio": the name and company after the role
    if "," not in text and "，" not in text:
        return tuple(out)
    if role is not None:  # "Steven Rudder, President, Stick Rudder Enterprises": the company after the role
        after = re.split(r"\s*[,，]\s*", text, maxsplit=2)
        company = after[2].strip() if len(after) == 3 else ""
        if company and len(name_key(company)) >= OWN_NAME_MIN_KEY_LENGTH and not _without_role(f"{role[0]}, {company}"):
            out.append((company, PART_COMPANY.format(part=company)))
        return tuple(out)
    m = PERSON_COMPANY_RE.fullmatch(text)
    if m and _person_name(own := m.group("own").strip()) and name_key(f"x {m.group('company')}") != "x":
        # (not "Anduril Industries, Inc.": a legal form after the comma is the company's own)
        company = m.group("company").strip()
        out.append((own, PART_PERSON.format(part=own)))
        if company.casefold() != "the":
            out.append((company, PART_COMPANY.format(part=company)))
    return tuple(out)


def _unclosed(text: str) -> str:
    """One name of a cell cut at its "d/b/a" or "formerly" ("X Corp (formerly Y Inc)" -> "Y Inc"): without the blanks,
    commas and semicolons around it and a closing bracket it does not open; its own kept ('Thomas "Tom" Moss (USA)' was
    cut to '… (USA', whose country no longer read, so the nickname's name "Tom Moss" hit nothing: review39)."""
    out = text.strip(" ,，;；")
    while out.endswith((")", "）")) and out.count(")") + out.count("）") > out.count("(") + out.count("（"):
        out = out[:-1].strip(" ,，;；")
    return out


def person_only(how: str | None) -> bool:
    """Whether a hit by a part that says ``how`` may be on a person only (a name after a role, before a comma)."""
    return how is not None and how.startswith(PERSON_ONLY_PARTS)


def _nicknamed(name: str) -> tuple[tuple[str, str], ...]:
    """A person's name holding a nickname in quotes ('Thomas "Tom" Moss') or brackets -> the name with the nickname for the first
    name ("Tom Moss") and without it ("Thomas Moss"), each with what a hit by it says; () for any other name."""
    quoted = '"' in name or "“" in name or "'" in name or "‘" in name
    m = NICKNAME_RE.fullmatch(name.strip()) if quoted else None
    if m is None and ("(" in name or "（" in name):  # ('Thomas "Tom" Moss (USA)': the quotes' first, its country after it)
        m = NICKNAME_BRACKET_RE.fullmatch(name.strip())
        if m is not None and (has_legal_suffix(m.group("rest")) or country_code(m.group("nick")) is not None):
            return ()
    if m is None:
        return ()
    nick, first, rest = m.group("nick"), m.group("first"), m.group("rest").strip()
    return ((f"{nick} {rest}", PART_NICKNAME.format(nick=nick, part=f"{nick} {rest}")),
            (f"{first} {rest}", PART_NO_NICKNAME.format(nick=nick, part=f"{first} {rest}")))


def _aka_label(marker: str) -> str:
    """What the name after ``marker`` is ("d/b/a", "formerly" -> "former"; "a.k.a." and the rest: "a.k.a.")."""
    folded = marker.casefold()
    return next((label for start, label in AKA_LABELS if folded.startswith(start)), "a.k.a.")


@lru_cache(maxsize=65536)
def parent_of(name: str) -> tuple[str, str, str] | None:
    """A parent company the cell names beside the counterparty's own name -> (own name, parent, the words naming it
    so); None for a cell naming none. "Foo Ltd (a subsidiary of Skydio Inc.)" -> ("Foo Ltd", "Skydio Inc.", "a
    subsidiary of"); "Insitu, a Boeing Company" -> ("Insitu", "Boeing", "a … company"); "X（Y的子公司）" -> ("X", "Y",
    "的子公司")."""
    text = name.strip()
    if not PARENT_HINT_RE.search(text):
        return None  # the usual cell
    m = PARENT_EN_RE.fullmatch(text)
    if m:
        return m.group("own"), m.group("parent").strip(), " ".join(m.group("marker").split())
    m = PARENT_BARE_EN_RE.fullmatch(text)
    if m and has_legal_suffix(m.group("own")):
        return m.group("own"), m.group("parent").strip(), " ".join(m.group("marker").split())
    m = PARENT_COMPANY_EN_RE.fullmatch(text)
    if m:
        return m.group("own"), m.group("parent").strip(), f"{m.group('marker')} … company"
    m = PARENT_ZH_RE.fullmatch(text)
    if m and m.group("under"):
        return m.group("own"), m.group("parent_u").strip(), m.group("under")
    if m:
        return m.group("own"), m.group("parent").strip(), m.group("marker")
    return None


def _countries_agree(entity: EntityRecord, candidate: _Name, designates: str | None, *, fuzzy: bool) -> bool:
    """Whether a plain or fuzzy match may stand: a dropped designator ("美国") names the country of both the
    entity and the counterparty (where they have one); a fuzzy match needs the counterparty's country, where
    given, to be the entity's (a normalised one counts whatever the country: the notice's spelling is the listing)."""
    named = {c for c in (designates, candidate.designates) if c}
    mine, theirs = candidate.counterparty.country, entity.country
    if fuzzy and mine and theirs and mine != theirs:
        return False
    return len(named) <= 1 and all(mine in (c, None) and theirs in (c, None) for c in named)


@lru_cache(maxsize=65536)  # pure, and called for every entity name a counterparty does not match at once
def plain_form(name: str, *, person: bool = False) -> tuple[str, str | None]:
    """``name`` without what does not tell companies apart, and the country a dropped designator named.

    Traditional characters become simplified ones, as the notices write them ("斯凱迪奧公司" -> "斯凯迪奥公司"), a
    leading "The" goes; "美国PVH集团" -> ("PVH集团", "US"); "斯凯迪奥公司（美国）" -> ("斯凯迪奥公司", "US"); "Domo Tactical
    Communications (DTC) Inc." -> ("Domo Tactical Communications Inc.", None), the acronym being its own
    words' initials; "Oceaneering Int'l Inc" -> ("Oceaneering International Inc", None). A ``person``'s name (a listed
    individual's) keeps its end: another country's legal form is a company's (:func:`_foreign_form_read`).
    """
    designates: str | None = None
    if not name.isascii() and any(c in CJK_FORM_CHARS for c in name):
        name = _cjk_form_read(name)
    if not name.isascii():
        name = _latin_unaccented(MIXED_SCRIPT_RE.sub(_latin_lookalikes, name))
    if HAN_RE.search(name):
        name = ZH_AND_RE.sub("与", _t2s().convert(name))
    name = LEADING_THE_RE.sub("", name)
    if name[-3:].casefold() == "the":  # cheap before the pattern: nearly no name ends so
        name = TRAILING_THE_RE.sub("", name)
    if "." in name[-12:]:  # cheap before the pattern: "K.K.", "S. A."
        name = _undotted(name)
    if not person and " " in name and name[-1:].casefold() in FOREIGN_FORM_ENDS:
        name = _foreign_form_read(name)
    if " " not in name and name.isascii() and name.isalnum():  # an export that drops spaces: "SKYDIOINC" (screen37)
        name = _unglued(name)
    m = BRACKETED_DESIGNATOR_RE.search(name) or ZH_DESIGNATOR_PREFIX_RE.match(name) or _trailing_designator(name)
    if m:
        designates = DESIGNATED_COUNTRIES.get(re.sub(r"[\s.]", "", m.group(1)).casefold())
        name = (name[: m.start()] + " " + name[m.end() :]).strip() if designates else name
    for m in BRACKETED_ACRONYM_RE.finditer(name):
        acronym = m.group(1).casefold().replace("&", "")
        if _initials_of(acronym, "".join(w[0] for w in name_words(name[: m.start()]))):
            name = (name[: m.start()] + " " + name[m.end() :]).strip()
            break
    name = ABBREVIATION_RE.sub(lambda a: ABBREVIATIONS[re.sub(r"['’.]", "", a.group(0)).casefold()], name)
    return clean_display(name) or name, designates


def _foreign_form_read(name: str) -> str:
    """``name`` with another country's legal form at its end read as "Ltd" ("Skydio B.V." -> "Skydio Ltd", so its key
    is the company's: FOREIGN_FORM_RE); unchanged when no such form ends it, or nothing of a name is left before it."""
    m = FOREIGN_FORM_RE.search(name[-30:])
    letters = re.sub(r"[^A-Za-z]", "", m.group()) if m else ""
    if m is None or (len(letters) <= 2 and not letters.isupper() and letters != "Oy"):
        return name  # "Pak Yeong Se", "Tom As": a short form only in capitals ("AB", "SE", "AS"), as companies write it
    own = name[: max(len(name) - 30, 0) + m.start()].rstrip(" ,")
    if len(letters) <= 2 and name.isupper() and _syllables(own):
        # all in capitals, no case tells a form from a syllable: "LEE JONG SE", a person, read "LEE JONG Ltd" hit Lee
        # Jong Co., Ltd. at 100 (review41); "SHIELD AI SE" is a possible match only, "Shield AI SE" still hits
        return name
    return f"{own} Ltd" if len(name_key(own)) >= OWN_NAME_MIN_KEY_LENGTH and LATIN_RE.search(own) else name


def _syllables(own: str) -> bool:
    """Whether ``own`` reads as a romanised person's name before a last syllable ("LEE JONG" of "LEE JONG SE", "KIM MIN"
    of "KIM MIN AS"): 2-3 words of letters, none longer than :data:`SYLLABLE_MAX` nor a company's generic word. A
    two-letter form after it may be that person's syllable; "BASF SE", "DELIVERY HERO SE" keep theirs."""
    words = own.split()
    return 2 <= len(words) <= 3 and all(w.isalpha() and len(w) <= SYLLABLE_MAX and not _generic_word(w.casefold())
                                        for w in words)


def _cjk_form_read(name: str) -> str:
    """``name`` with a Japanese or Korean legal form around a Latin name read as "KK" ("Skydio株式会社", "(주)Shield AI"
    -> "Skydio KK", "Shield AI KK"; full-width letters as plain ones); unchanged when the rest is not Latin alone."""
    m = CJK_LEGAL_FORM_RE.match(name)
    if m is None:
        return name
    rest = unicodedata.normalize("NFKC", m.group("after") or m.group("before"))
    return f"{rest} KK" if rest.isascii() and LATIN_RE.search(rest) else name


def _latin_lookalikes(word: re.Match[str]) -> str:
    """A word mixing Latin letters with Cyrillic or Greek ones that look alike, in Latin letters alone ("Skydіo" with a
    Cyrillic і -> "Skydio"); a word in one script ("Скайдио") is never so read."""
    return word.group().translate(HOMOGLYPHS)


def _latin_unaccented(name: str) -> str:
    """``name`` with its Latin letters' accents dropped ("AÉROVIRONMENT" -> "AEROVIRONMENT", "Internatiönal"): an ERP
    or a French, German, Spanish form writes them where the notices do not (screen36: "AÉROVIRONMENT INC" and
    "Oceaneering Internatiönal Inc" got nothing). Other scripts are left as they are (kana keep their marks)."""
    return "".join(_unaccented(c) if not c.isascii() else c for c in name)


@lru_cache(maxsize=4096)
def _unaccented(char: str) -> str:
    if char in STROKED:
        return STROKED[char]
    base = unicodedata.normalize("NFD", char)[0]
    return base if base.isascii() and base.isalpha() else char


# the one-word storage.names.LEGAL_SUFFIXES_EN of 3 letters or more but "plc" and "company": a shorter one ("co", "sa", "ag", "kk")
# would cut names of their own ("FRANCO", "MIMOSA")
GLUED_SUFFIXES = ("incorporated", "corporation", "limited", "inc", "corp", "llc", "ltd", "gmbh")
GLUED_MIN = 4  # characters before a glued legal form: "Zinc", "Unicorp" are names of their own


def _unglued(name: str) -> str:
    """A name of one word ending in a legal form written without the space ("SKYDIOINC", "LOCKHEEDMARTINCORPORATION")
    with the space, so its key is the company's; itself for any other word (none ends so with 4 letters before)."""
    folded = name.casefold()
    for suffix in GLUED_SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= GLUED_MIN:
            return f"{name[: -len(suffix)]} {name[-len(suffix) :]}"
    return name


def _undotted(name: str) -> str:
    """``name`` with a dotted legal form at its end written as its undotted one ("Skydio K.K." -> "Skydio KK", "Foo
    S. p. A." -> "Foo SpA"); unchanged for any other name (initials "J. R.", "U.S.A." are no legal form)."""
    m = DOTTED_FORM_RE.search(name)
    if m is None or m.start(1) == 0:
        return name
    form = re.sub(r"[.\s]", "", m.group(1))
    return f"{name[: m.start(1)]}{form}" if form.casefold() in DOTTED_FORMS else name


def _trailing_designator(name: str) -> re.Match[str] | None:
    """A country written after a whole legal name ("Skydio Inc USA", "斯凯迪奥公司 美国"); None after another word
    ("Lockheed Martin UK", a subsidiary's name)."""
    m = ZH_TRAILING_DESIGNATOR_RE.search(name) if HAN_RE.search(name) else TRAILING_DESIGNATOR_RE.search(name)
    if m is None:
        return None
    before = name[: m.start()].rstrip()
    return m if (has_legal_suffix(before) or before.endswith(LEGAL_SUFFIXES_ZH)) else None


def _initials_of(acronym: str, initials: str) -> bool:
    """Whether ``acronym`` is the name's own: its first initial, then others in order, some left out ("DTC" of Domo
    Tactical Communications, "BDS" of Boeing Defense, Space & Security, whose "(BDS)" kept it from hitting)."""
    if len(acronym) < 2 or not initials or acronym[0] != initials[0]:
        return False
    rest = iter(initials[1:])
    return all(ch in rest for ch in acronym[1:])


@lru_cache(maxsize=65536)  # the same listed names are tried for every counterparty `screen` reads
def _listed_form(name: str) -> tuple[str, str | None, str, str | None]:
    """A listed name's plain form, the country its dropped designator named, the plain form's key, and its first
    word as :func:`storage.possible.latin_words` gives it (None for a name in Chinese)."""
    plain, designates = plain_form(clean_display(name) or "")
    key = name_key(plain)
    words = name_words(plain)
    first = None if HAN_RE.search(key) or not words else GENERIC_FORMS.get(words[0], words[0])
    return plain, designates, key, first


def possible_lookups(entity: EntityRecord) -> frozenset[tuple[str, str]]:
    """The keys under which :meth:`Watchlist.possible` looks up the counterparties that may be ``entity``."""
    return frozenset(k for name in (entity.en, entity.zh) if name for k in _lookups(name, entity.type, entity.en is None))


@lru_cache(maxsize=65536)
def _lookups(name: str, kind: str | None, chinese_only: bool) -> tuple[tuple[str, str], ...]:
    """The keys of one listed name: its first English word, and its first two run together ("l3harris" for "L3 Harris
    Technologies", written "L3Harris"); its first two Chinese characters, and a person's
    pinyin when the notices name that person only in Chinese ("yumaochun", "maochunyu" for 余茂春)."""
    plain, _, key, first = _listed_form(name)
    if first is not None:
        words = _rules().latin_words(plain)  # its first two words run together too: "l3harris" for "L3 Harris …"
        if kind == "individual":  # a short form of a given name, initials ("Thomas Moss", "A. Bry" for Adam Bry)
            return tuple((PERSON_EN, w) for w in dict.fromkeys(words) if len(w) >= PERSON_KEY_MIN)
        # a company's whole name inside a longer one ("Former Skydio Inc. assets trust", "Skydio Japan KK"): tried last
        digits = _rules().number_digits(words)  # "Red Six" for "Red 6 …", "ACT1" for "ACT One …" (number_possible)
        numbered = (("en", digits[0]), *((("en", digits[0] + digits[1]),) if len(digits) > 1 else ())) \
            if digits != words else ()
        joined = ((INSIDE_EN, words[0] + words[1]),) if len(words) > 1 else ()  # "L3Harris … (Canada)": L3 Harris
        return (("en", first), *((("en", words[0] + words[1]),) if len(words) > 1 else ()), *numbered,
                *((SLIP_EN, k) for k in _rules().slip_keys(first)), (INSIDE_EN, first), *joined)
    pinyin = sorted(_rules().pinyin_keys(key)) if kind == "individual" and chinese_only else []
    inside = ((INSIDE_ZH, key[:2]),) if kind != "individual" else ()  # "台湾斯凯迪奥股份有限公司" for 斯凯迪奥公司
    return (("zh", key[:2]), *(("py", reading) for reading in pinyin), *inside)


@lru_cache(maxsize=1)
def _rules() -> Any:  # storage.possible, which imports this module: imported once a possible match is tried
    from storage import possible

    return possible


@lru_cache(maxsize=1)
def _t2s() -> Any:  # an opencc.OpenCC (the library ships no types); loaded only for a name in Chinese
    import opencc

    return opencc.OpenCC("t2s")


def _without_initials(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` less the initials that stand for a word of ``other`` ("James W. Ickes": "w" for "william")."""
    return tuple(w for w in words if not (len(w) == 1 and any(len(o) > 1 and o.startswith(w) for o in other)))


@lru_cache(maxsize=65536)
def latin_name(zh: str) -> str | None:
    """The Latin name a Chinese name is made of ("PVH集团" -> "PVH"), or None."""
    rest = zh
    for suffix in LEGAL_SUFFIXES_ZH:
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)]
            break
    rest = rest.strip()
    return rest if LATIN_NAME_RE.fullmatch(rest) and rest != zh else None


@lru_cache(maxsize=65536)
def person_words(name: str) -> tuple[str, ...]:
    """A person's words (:func:`name_words`), a generation written in Chinese its own word in English: after the
    name ("詹姆斯·伊克斯二世" -> ("詹姆斯", "伊克斯", "ii")), or "小" before a name its middle dot marks as
    transliterated ("小詹姆斯·伊克斯" -> ("jr", "詹姆斯", "伊克斯"): "小" was one typing slip, a hit on James William
    Ickes II, whose "II" is no "Jr." in English either)."""
    out: list[str] = []
    for i, word in enumerate(name_words(name)):
        if i == 0 and word.startswith(ZH_JUNIOR) and len(word) > 2 and ZH_NAME_DOT_RE.search(name):
            out, word = ["jr"], word[len(ZH_JUNIOR) :]
        gen = next((g for g in ZH_GENERATIONS if word.endswith(g) and len(word) > len(g)), None)
        out += [word[: -len(gen)], ZH_GENERATIONS[gen]] if gen else [word]
    return tuple(out)


def _generations(name: str) -> frozenset[str]:
    """The generation a person's name gives ("Adam Bry Jr." -> {"jr"}; "詹姆斯·伊克斯二世" -> {"ii"}), if any."""
    return frozenset(w for w in person_words(name) if w in GENERATIONS)


def person_score(a: str, b: str) -> float:
    """How alike two names of one person are, 0-100: 100 when one leaves out a middle name or a generation
    ("Jr.", "II") the other gives, or writes it as an initial ("Patrick Jankowski", "Patrick E. Jankowski",
    "Patrick Edward Jankowski"); else :func:`fuzzy_score`, provided each word differs
    from its counterpart by at most one typing slip, in the order written, reversed or sorted ("Tod Stein";
    not "Todd Steiner")."""
    wa, wb = person_words(a), person_words(b)
    ga, gb = ({w for w in ws if w in GENERATIONS} for ws in (wa, wb))
    if ga and gb and ga != gb:
        return 0.0  # "Jr." and "Sr.": father and son
    wa, wb = tuple(w for w in wa if w not in GENERATIONS), tuple(w for w in wb if w not in GENERATIONS)
    if wa and "".join(wa) in {"".join(wb[i:] + wb[:i]) for i in range(max(len(wb), 1))}:
        # the same name cut into words otherwise ("詹姆斯伊克斯二世", "詹姆斯·伊克斯"), the surname first or last too
        # ("PAK YEONGTAE" for Yeong-Tae Pak got nothing, while "Pak Yeong Tae" hit: screen37)
        return 100.0
    wa, wb = _without_initials(wa, wb), _without_initials(wb, wa)
    a, b = " ".join(wa), " ".join(wb)
    if min(len(wa), len(wb)) < 2:
        return fuzzy_score(a, b)
    from rapidfuzz.distance import OSA

    short, long_ = sorted((wa, wb), key=len)
    if CONJUNCTION in long_ and CONJUNCTION not in short:
        return 0.0  # two people, not a middle name: "Tom Smith & Kate Moss" hit Tom Moss (screen39); own_parts splits them
    if len(short) < len(long_):
        rest = list(long_)
        for w in short:
            if w not in rest:
                break
            rest.remove(w)
        else:
            if all(len(w) == 1 for w in rest) and tuple(w for w in long_ if w not in rest) == short[::-1]:
                # the surname first and a middle initial after the given name, as HR and ERP records sort people
                # ("Stein Todd M." got nothing while "Todd M. Stein" hit: screen38)
                return 100.0
            return 100.0 if {long_[0], long_[-1]} <= set(short) else 0.0
        # a middle name left out and a typing slip ("Patrick Jankowsky" for Patrick Edward Jankowski, which answered
        # nothing while "Patrick Jankowski" and "Patrick Edward Jankowsky" hit): the words it keeps, the first and the
        # last among them, each one slip at most, scored as the names written alike
        kept = _aligned_words(short, long_)
        if kept is None:
            return 0.0
        return fuzzy_score(" ".join(short), " ".join(kept))

    alignments = ((wa, wb), (wa, wb[::-1]), (sorted(wa), sorted(wb)))
    if not any(all(OSA.distance(x, y) <= 1 for x, y in zip(p, q)) for p, q in alignments):
        return 0.0
    return fuzzy_score(a, b)


def _aligned_words(short: tuple[str, ...], long_: tuple[str, ...]) -> list[str] | None:
    """The words of ``long_`` that ``short``'s words stand for, in ``short``'s order, each equal or one typing slip off,
    the first and last of ``long_`` among them; None when they are not so (a middle name may be left out, no more)."""
    from rapidfuzz.distance import OSA

    rest = list(long_)
    kept: list[str] = []
    for w in short:
        found = next((x for x in rest if x == w), None) or next((x for x in rest if OSA.distance(w, x) <= 1), None)
        if found is None:
            return None
        rest.remove(found)
        kept.append(found)
    return kept if {long_[0], long_[-1]} <= set(kept) else None


def branch_names(branch: str) -> tuple[str, ...]:
    """The names a branch line gives: "安杜里尔澳大利亚公司（Anduril Australia Pty Ltd）" is two names, each
    matched on its own as an entity's Chinese and English names are; a line in one language is one name."""
    m = BRANCH_BILINGUAL_RE.fullmatch(branch.strip())
    return (m.group("zh"), m.group("en")) if m else (branch.strip().lstrip("-").strip(),)


@lru_cache(maxsize=65536)  # a counterparty's name is compared with every entity's: its words once (a 10,000-character
# cell's 1,668 words were split and keyed again for each entity, 0.4 s a row: api33)
def distinctive_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` (as :func:`name_key` splits it) that are not GENERIC_WORDS, sorted;
    all of them when every word is generic."""
    words = [name_key(w) or w for w in name_words(name)]  # name_key drops 公司, 有限公司 from a word
    return tuple(sorted(w for w in words if not _generic_word(w)) or sorted(words))


@lru_cache(maxsize=65536)
def _generic_word(word: str) -> bool:
    """Whether ``word`` is one of GENERIC_WORDS, or a long one of them with one typing slip ("Sytems", "Technolgies":
    "General Dynamics Ordnance and Tactical Sytems" had a distinctive word more than the listed name, and no hit)."""
    if word in GENERIC_WORDS:
        return True
    if len(word) < GENERIC_SLIP_MIN or not word.isascii():
        return False
    from rapidfuzz.distance import OSA  # two letters swapped is one slip too ("Industires": screen37)

    return any(abs(len(g) - len(word)) <= 1 and OSA.distance(word, g) <= 1 for g in GENERIC_WORDS
               if len(g) >= GENERIC_SLIP_MIN)


def fuzzy_score(a: str, b: str) -> float:
    """How alike two names are, 0-100, by the strict rule of this module's docstring (0: must not match)."""
    ka, kb = name_key(a), name_key(b)
    if min(len(ka), len(kb)) < FUZZY_MIN_KEY_LENGTH:
        return 0.0
    da, db = distinctive_words(a), distinctive_words(b)
    if len(da) != len(db) or _other_numbers(ka, kb) or not _words_alike(da, db):
        return 0.0
    wa, wb = ([GENERIC_FORMS.get(w, w) for w in name_words(x)] for x in (a, b))
    from rapidfuzz import fuzz  # here: run and feeds import this module for WatchlistError, most never match

    whole = max(fuzz.ratio(ka, kb), fuzz.ratio("".join(wa), "".join(wb)), fuzz.ratio("".join(sorted(wa)), "".join(sorted(wb))))
    core = fuzz.ratio("".join(da), "".join(db))
    return round(min(whole, core), 1)


def _words_alike(da: tuple[str, ...], db: tuple[str, ...]) -> bool:
    """Whether each distinctive word one name has and the other lacks is a typing slip of one of the other's: one
    slip, two in a word of WORD_SLIPS_LONG letters, or cut short. A whole word swapped is another name, however long the rest ("The
    Coalition for a Prosperous Africa" hit Coalition For A Prosperous America at 94.9: screen42)."""
    if da == db:
        return True
    left, right = list(da), list(db)
    for w in da:
        if w in right:
            right.remove(w)
            left.remove(w)
    from rapidfuzz.distance import OSA

    for w in left:  # a word cut short is one too: "LOCKHEED MARTIN MISSILES AND FIRE C", a bank field's 35 characters
        near = min(right, key=lambda x: 0 if x.startswith(w) or w.startswith(x) else OSA.distance(w, x))
        if not (near.startswith(w) or w.startswith(near)) and \
                OSA.distance(w, near) > (2 if max(len(w), len(near)) >= WORD_SLIPS_LONG else 1):
            return False
        right.remove(near)
    return True


def _other_numbers(ka: str, kb: str) -> bool:
    """Whether two keys both carry numbers and not the same ones: another company, however alike ("ACT2 Federal" and "S4
    AeroDefense" hit ACT1 Federal and S3 AeroDefense at 91 and 92, screen41). A number on one side only may be a slip."""
    if not (any(c.isdigit() for c in ka) and any(c.isdigit() for c in kb)):
        return False  # cheap: nearly no name has a digit
    return NUMBER_RE.findall(ka) != NUMBER_RE.findall(kb)


def _make(hit: _Name, entity_name: str, method: str, score: float) -> Match:
    return Match(
        counterparty=hit.counterparty.name,
        matched_name=hit.name,
        entity_name=entity_name,
        method=method,
        score=score,
        note=hit.counterparty.note,
        reason=hit.how,
        part=hit.how,
    )


def with_reason(match: Match, reason: str, **changes: Any) -> Match:
    """``match`` saying ``reason`` (an alias a notice gives, a link to another entry), after the part of the cell it
    hit by, where it hit by one."""
    return replace(match, reason="; ".join(r for r in (match.part, reason) if r), **changes)


# --- loading ----------------------------------------------------------------------


def load_watchlist(path: Path) -> Watchlist:
    """Read a CSV or TOML watchlist; raise :class:`WatchlistError` with a clear message. A country that cannot be
    read is a warning (logged once per process; :attr:`Watchlist.warnings`), never an error."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WatchlistError(f"cannot read watchlist {path}: {exc.strerror or exc}") from exc
    text = decode_text(raw)
    if text is None:
        raise WatchlistError(f"watchlist {path} is {NOT_TEXT}")
    suffix = path.suffix.lower()
    warnings: list[str] = []
    if suffix in TOML_SUFFIXES:
        counterparties = parse_toml(text, source=str(path), warnings=warnings)
    elif suffix in CSV_SUFFIXES:
        counterparties = parse_csv(text, source=str(path), warnings=warnings)
    else:
        raise WatchlistError(f"watchlist {path}: unknown file type {suffix or '(none)'!r}; use .csv or .toml")
    if not counterparties:
        raise WatchlistError(f"watchlist {path} names no counterparty")
    warnings += [cut for i, cp in enumerate(counterparties, start=1) for written in cp.names
                 if (cut := cell_cut(written, where=f"{path}: counterparty #{i} ({written[:40]}…)")) is not None]
    for line in warnings:
        if line not in _warned:  # feeds checks its --watchlist, then publishes with it: said once
            _warned.add(line)
            log.warning("watchlist: %s", line)
    watchlist = Watchlist(counterparties)
    watchlist.warnings = tuple(warnings)
    return watchlist


_warned: set[str] = set()


def decode_text(raw: bytes) -> str | None:
    """A counterparty file as text (UTF-8, else GB18030 as Excel saves it in a Chinese locale; UTF-16 or UTF-32 when
    a byte order mark says so, as Excel's "Unicode text" does: it was refused, cli30); None if none of them.

    Shared by watchlists and `screen`, the two places a user hands us a spreadsheet."""
    for bom, encoding in BOM_ENCODINGS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)  # the mark is read and dropped
            except UnicodeDecodeError:  # an odd byte left over, a lone surrogate: not that text after all
                return None
            return text if not NOT_PLAIN_RE.search(text) else None  # binary bytes that happen to begin so
    if b"\x00" in raw:  # no UTF-8 or GB18030 text holds a NUL: UTF-16 without its mark (read as UTF-8, "S\x00k\x00y…"
        # was screened as garbled names, no hit: screen35), else binary
        return _utf16_unmarked(raw)
    for encoding in TEXT_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text if encoding != "gb18030" or _reads_as_gbk(text) else None
    return None


def _utf16_unmarked(raw: bytes) -> str | None:
    """UTF-16 text without a byte order mark, told by its NULs (the high bytes of ASCII characters: every second byte,
    odd in LE, even in BE, for most characters of a CSV); None for bytes that are not so."""
    for encoding, high in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if len(raw) % 2 == 0 and high.count(0) >= UTF16_NUL_SHARE * len(high):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if not NOT_PLAIN_RE.search(text) else None
    return None


def _reads_as_gbk(text: str) -> bool:
    """Whether a GB18030 reading is Chinese text, not the bytes of another encoding that GB18030 also decodes (it
    decodes almost any bytes): Big5's names land in the private-use rows, Shift_JIS's on rare characters
    ("三菱重工業株式会社" reads "嶰旽廳岺嬈姅幃夛幮"). Each was screened as garbled names: no hit, exit 0 (cli30); a
    GBK file of Chinese names, simplified or traditional, is mostly of GB2312's common characters."""
    wide = [ch for ch in text if ch > "\x7f"]
    if any(PRIVATE_USE[0] <= ch <= PRIVATE_USE[1] for ch in wide):
        return False
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return not wide or common >= GB2312_SHARE_MIN * len(wide)


def csv_rows(text: str, *, source: str = "<csv>") -> list[list[str]]:
    """The rows of a counterparty CSV; separated by ";" or a tab instead when no line has a comma
    (Excel's CSV in a European locale, "Text (Tab delimited)"), so "Skydio Inc.;US" is not read as one name; and
    when every line has the same number of them and the commas are not so, as Excel writes every column and a
    comma only inside a name ("name;country", "Skydio, Inc.;US"): each such line was one name, none hit, exit 0."""
    hint = EXCEL_SEP_RE.match(text)
    if hint:  # Excel's "sep=;" first line names the separator; the line itself is no row (left empty: lines keep numbers)
        return [[], *_read_csv(text[hint.end() :], hint.group(1), source=source, first_line=2)]
    lines = [ln for ln in QUOTED_CELL_RE.sub("", text).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if lines and lines[0].lstrip()[:1] in "|-" and all(
            SAP_RULE_RE.fullmatch(ln.strip()) or (ln.strip()[:1] == "|" and ln.strip()[-1:] == "|") for ln in lines):
        # SAP's list saved "unconverted": cells between "|", lines of "-" between header and rows; read as one name a
        # line, the rows were possible matches only and the header and rules counterparties (screen38)
        return [[] if not ln.strip() or SAP_RULE_RE.fullmatch(ln.strip()) else [ln] if ln.lstrip().startswith("#")
                else [c.strip() for c in ln.strip()[1:-1].split("|")] for ln in text.splitlines()]
    delimiter = ","
    if not any("," in ln for ln in lines):
        delimiter = next((d for d in CSV_DELIMITERS[1:] if any(d in ln for ln in lines)), ",")
    elif not _every_line_alike(lines, ","):
        delimiter = next((d for d in CSV_DELIMITERS[1:] if _every_line_alike(lines, d)), ",")
    else:  # alike in both ("Skydio, Inc.;US" and no header): the one whose second column is every row's country
        delimiter = next((d for d in CSV_DELIMITERS[1:] if _every_line_alike(lines, d) and _countries_after(text, d)
                          and not _countries_after(text, ",")), ",")
    return _read_csv(text, delimiter, source=source)


def _read_csv(text: str, delimiter: str, *, source: str, first_line: int = 1) -> list[list[str]]:
    """The rows of ``text``, every line end read as one (Excel for Mac's "CSV (Macintosh)" ends lines with a carriage
    return alone: a csv.Error, an internal error of `screen` and of every publish with such a watchlist, screen37);
    a text the csv module cannot read (a cell over its field limit) is a :class:`WatchlistError` naming the line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise WatchlistError(f"{source}:{reader.line_num + first_line - 1}: not readable as CSV ({exc})") from exc


def _countries_after(text: str, delimiter: str) -> bool:
    """Whether, read with ``delimiter``, every row is two cells, the second a country or empty, one a country at least."""
    try:
        read = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return False  # read with the delimiter chosen, it is said (_read_csv)
    rows = [r for r in read if any(c.strip() for c in r) and not r[0].lstrip().startswith("#")]
    seconds = [r[1].strip() if len(r) == 2 else None for r in rows]
    return (all(c is not None and (not c or country_code(c) is not None) for c in seconds)
            and any(seconds))


def _every_line_alike(lines: list[str], delimiter: str) -> bool:
    """Whether every line holds ``delimiter`` (outside quoted cells) the same number of times, once at least."""
    return len({ln.count(delimiter) for ln in lines}) == 1 and lines[0].count(delimiter) > 0


def trimmed_cells(row: list[str], width: int) -> list[str]:
    """A row's cells stripped, without the empty ones after the first ``width``: Excel writes a column a sheet once held
    as an empty cell on every row ("Skydio Inc.,US,,"), which was exit 2 "got 4 columns" (screen37)."""
    cells = [c.strip() for c in row]
    while len(cells) > width and not cells[-1]:
        cells.pop()
    return cells


def is_name_header(cell: str) -> bool:
    """Whether a first row's first cell heads the name column (:data:`NAME_HEADERS`), rather than naming a company."""
    return " ".join(cell.split()).casefold() in NAME_HEADERS


def parse_csv(text: str, *, source: str = "<csv>", warnings: list[str] | None = None) -> tuple[Counterparty, ...]:
    """Rows ``name[,note[,aliases]]``; an optional header row starting with ``name``. A second column naming a
    country ("US", "USA", "United States", "美国": :func:`storage.countries.country_code`) is also the
    counterparty's country, as `screen` reads ``name,country`` (the same file gives both the same answers),
    unless a header calls that column ``note``. Under a header calling it ``country`` (an ERP export), a value
    that names no country read here is kept as the note, and ``warnings`` gets a line saying so."""
    rows = csv_rows(text, source=source)
    out: list[Counterparty] = []
    countries = True
    country_column = False
    seen_header = False
    for line_no, row in enumerate(rows, start=1):
        cells = trimmed_cells(row, 3)
        if not any(cells) or cells[0].startswith("#"):
            continue
        if not out and not seen_header and is_name_header(cells[0]):  # the first row (after a "sep=;" line)
            seen_header = True
            countries = len(cells) < 2 or cells[1].casefold() != "note"
            country_column = len(cells) > 1 and cells[1].casefold() in COUNTRY_HEADERS
            continue
        if len(cells) > 3:
            raise WatchlistError(f"{source}:{line_no}: expected name[,note[,aliases]], got {len(cells)} columns")
        name = cells[0]
        if not clean_display(name):
            raise WatchlistError(f"{source}:{line_no}: empty name")
        note = cells[1] if len(cells) > 1 and cells[1] else None
        aliases: tuple[str, ...] = ()
        if len(cells) > 2:
            aliases = tuple(a.strip() for a in cells[2].split(CSV_ALIAS_SEPARATOR) if a.strip())
        country = country_code(note) if countries and note else None  # "US", "USA", "United States", "美国"
        if country_column and note and country is None and warnings is not None:
            warnings.append(UNREAD_COUNTRY.format(where=f"{source}:{line_no}", written=note))
        out.append(Counterparty(name=name, aliases=aliases, note=note, country=country))
    return tuple(out)


def parse_toml(text: str, *, source: str = "<toml>", warnings: list[str] | None = None) -> tuple[Counterparty, ...]:
    """``[[counterparty]]`` tables with ``name``, optional ``aliases`` (list), ``note`` and ``country``. A
    ``country`` that names no country read here is kept as the note (after the table's own), and ``warnings`` gets
    a line saying so."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WatchlistError(f"{source}: not valid TOML: {exc}") from exc
    unknown = sorted(set(data) - {"counterparty"})
    if unknown:
        raise WatchlistError(f"{source}: unknown key(s) {', '.join(unknown)}; expected [[counterparty]] tables")
    tables = data.get("counterparty", [])
    if not isinstance(tables, list):
        raise WatchlistError(f"{source}: 'counterparty' must be an array of tables ([[counterparty]])")
    out: list[Counterparty] = []
    for i, table in enumerate(tables, start=1):
        where = f"{source}: counterparty #{i}"
        if not isinstance(table, dict):
            raise WatchlistError(f"{where}: expected a table")
        extra = sorted(set(table) - {"name", "aliases", "note", "country"})
        if extra:
            raise WatchlistError(f"{where}: unknown key(s) {', '.join(extra)}")
        name = table.get("name")
        if not isinstance(name, str) or not clean_display(name):
            raise WatchlistError(f"{where}: 'name' must be a non-empty string")
        aliases = table.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise WatchlistError(f"{where}: 'aliases' must be a list of strings")
        note = table.get("note")
        if note is not None and not isinstance(note, str):
            raise WatchlistError(f"{where}: 'note' must be a string")
        country = table.get("country")
        if country is not None and not isinstance(country, str):
            raise WatchlistError(f"{where}: 'country' must be a string such as US")
        code, unread = read_country(country, where=where)
        if unread is not None:
            written = (country or "").strip()
            note = f"{note}; country {written}" if note else written
            if warnings is not None:
                warnings.append(unread)
        out.append(Counterparty(name=name.strip(), aliases=tuple(a.strip() for a in aliases if a.strip()), note=note,
                                country=code))
    return tuple(out)
