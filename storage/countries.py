"""A counterparty's country as an ERP export writes it ("USA", "United States", "U.S.A.", "美国", "GBR",
"UK"), read as the ISO 3166 alpha-2 code the notices give (``EntityRecord.country``).

One table for `screen`, ``POST /api/screen`` and watchlists, so the three read a row alike. ``LISTED`` holds the
countries and regions the lists name as they write them, and the parser reads its entities' countries from it too
(scraper/parse/entities/names.py's ``COUNTRIES``); ``TABLE`` adds their codes and English names, other Chinese names, and
China, Hong Kong and Macao (a Chinese company's own suppliers). Any two letters are taken as an alpha-2 code.
"""

from __future__ import annotations

import re
import unicodedata

# The countries and regions entity lists name (headings, counts, "（瑞典）" after a name), one row per name
# as written: the EU members, Europe's others, the Americas, Asia-Pacific and the Middle East.
LISTED: dict[str, str] = {
    "美国": "US", "日本": "JP", "台湾地区": "TW", "中国台湾地区": "TW", "台湾": "TW", "欧盟": "EU",
    "英国": "GB", "加拿大": "CA", "德国": "DE", "法国": "FR", "韩国": "KR", "印度": "IN", "澳大利亚": "AU",
    "荷兰": "NL", "以色列": "IL", "立陶宛": "LT", "捷克": "CZ", "乌克兰": "UA", "俄罗斯": "RU",
    "奥地利": "AT", "比利时": "BE", "保加利亚": "BG", "克罗地亚": "HR", "塞浦路斯": "CY", "丹麦": "DK",
    "爱沙尼亚": "EE", "芬兰": "FI", "希腊": "GR", "匈牙利": "HU", "爱尔兰": "IE", "意大利": "IT",
    "拉脱维亚": "LV", "卢森堡": "LU", "马耳他": "MT", "波兰": "PL", "葡萄牙": "PT", "罗马尼亚": "RO",
    "斯洛伐克": "SK", "斯洛文尼亚": "SI", "西班牙": "ES", "瑞典": "SE",
    "瑞士": "CH", "挪威": "NO", "冰岛": "IS", "列支敦士登": "LI", "白俄罗斯": "BY", "塞尔维亚": "RS",
    "墨西哥": "MX", "巴西": "BR", "阿根廷": "AR",
    "新加坡": "SG", "新西兰": "NZ", "马来西亚": "MY", "泰国": "TH", "越南": "VN", "菲律宾": "PH",
    "印度尼西亚": "ID", "巴基斯坦": "PK", "哈萨克斯坦": "KZ",
    "土耳其": "TR", "阿联酋": "AE", "阿拉伯联合酋长国": "AE", "沙特阿拉伯": "SA", "沙特": "SA", "卡塔尔": "QA",
    "伊朗": "IR", "南非": "ZA",
    # an annex heading "二、中国香港地区实体" (session 43, audit43/09: not read as a heading, its entity took the US of the
    # heading above)
    "中国香港特别行政区": "HK", "香港特别行政区": "HK", "中国香港地区": "HK", "香港地区": "HK", "中国香港": "HK", "香港": "HK",
    "中国澳门特别行政区": "MO", "澳门特别行政区": "MO", "中国澳门地区": "MO", "澳门地区": "MO", "中国澳门": "MO", "澳门": "MO",
}
# The other states, as a nationality ("格鲁吉亚籍"), a clause of an annex line or a note ("…（English），黎巴嫩"), a table cell or
# a counterparty's country writes them whole: name -> (alpha-2, alpha-3, English). Session 47 (mfa46's open B: 格鲁吉亚籍, 黎巴嫩籍
# read as no country). The parser reads them only whole, never inside a text (its COUNTRY_ALT is LISTED's): several are
# syllables of transliterated names or words of company names ("杰伊·马拉维" holds 马拉维, Malawi; "巴林顿" 巴林; "黑山…公司"),
# so a title or a name searched for them would name a false country.
STATES: dict[str, tuple[str, str, str]] = {
    "格鲁吉亚": ("GE", "GEO", "Georgia"), "黎巴嫩": ("LB", "LBN", "Lebanon"), "亚美尼亚": ("AM", "ARM", "Armenia"),
    "阿塞拜疆": ("AZ", "AZE", "Azerbaijan"), "摩尔多瓦": ("MD", "MDA", "Moldova"), "北马其顿": ("MK", "MKD", "North Macedonia"),
    "黑山": ("ME", "MNE", "Montenegro"), "阿尔巴尼亚": ("AL", "ALB", "Albania"),
    "波黑": ("BA", "BIH", "Bosnia and Herzegovina"), "摩纳哥": ("MC", "MCO", "Monaco"), "安道尔": ("AD", "AND", "Andorra"),
    "圣马力诺": ("SM", "SMR", "San Marino"), "蒙古国": ("MN", "MNG", "Mongolia"), "朝鲜": ("KP", "PRK", "North Korea"),
    "缅甸": ("MM", "MMR", "Myanmar"), "柬埔寨": ("KH", "KHM", "Cambodia"), "老挝": ("LA", "LAO", "Laos"),
    "孟加拉国": ("BD", "BGD", "Bangladesh"), "斯里兰卡": ("LK", "LKA", "Sri Lanka"), "尼泊尔": ("NP", "NPL", "Nepal"),
    "马尔代夫": ("MV", "MDV", "Maldives"), "不丹": ("BT", "BTN", "Bhutan"), "文莱": ("BN", "BRN", "Brunei"),
    "东帝汶": ("TL", "TLS", "Timor-Leste"), "阿富汗": ("AF", "AFG", "Afghanistan"), "乌兹别克斯坦": ("UZ", "UZB", "Uzbekistan"),
    "吉尔吉斯斯坦": ("KG", "KGZ", "Kyrgyzstan"), "塔吉克斯坦": ("TJ", "TJK", "Tajikistan"),
    "土库曼斯坦": ("TM", "TKM", "Turkmenistan"), "伊拉克": ("IQ", "IRQ", "Iraq"), "叙利亚": ("SY", "SYR", "Syria"),
    "约旦": ("JO", "JOR", "Jordan"), "科威特": ("KW", "KWT", "Kuwait"), "也门": ("YE", "YEM", "Yemen"),
    "埃及": ("EG", "EGY", "Egypt"), "摩洛哥": ("MA", "MAR", "Morocco"), "阿尔及利亚": ("DZ", "DZA", "Algeria"),
    "突尼斯": ("TN", "TUN", "Tunisia"), "利比亚": ("LY", "LBY", "Libya"), "埃塞俄比亚": ("ET", "ETH", "Ethiopia"),
    "肯尼亚": ("KE", "KEN", "Kenya"), "尼日利亚": ("NG", "NGA", "Nigeria"), "加纳": ("GH", "GHA", "Ghana"),
    "坦桑尼亚": ("TZ", "TZA", "Tanzania"), "乌干达": ("UG", "UGA", "Uganda"), "卢旺达": ("RW", "RWA", "Rwanda"),
    "津巴布韦": ("ZW", "ZWE", "Zimbabwe"), "赞比亚": ("ZM", "ZMB", "Zambia"), "安哥拉": ("AO", "AGO", "Angola"),
    "纳米比亚": ("NA", "NAM", "Namibia"), "博茨瓦纳": ("BW", "BWA", "Botswana"), "索马里": ("SO", "SOM", "Somalia"),
    "马达加斯加": ("MG", "MDG", "Madagascar"), "毛里求斯": ("MU", "MUS", "Mauritius"), "塞内加尔": ("SN", "SEN", "Senegal"),
    "喀麦隆": ("CM", "CMR", "Cameroon"), "科特迪瓦": ("CI", "CIV", "Côte d'Ivoire"), "斯威士兰": ("SZ", "SWZ", "Eswatini"),
    "埃斯瓦蒂尼": ("SZ", "SWZ", "Swaziland"), "马拉维": ("MW", "MWI", "Malawi"), "莫桑比克": ("MZ", "MOZ", "Mozambique"),
    "南苏丹": ("SS", "SSD", "South Sudan"), "智利": ("CL", "CHL", "Chile"), "秘鲁": ("PE", "PER", "Peru"),
    "委内瑞拉": ("VE", "VEN", "Venezuela"), "厄瓜多尔": ("EC", "ECU", "Ecuador"), "玻利维亚": ("BO", "BOL", "Bolivia"),
    "巴拉圭": ("PY", "PRY", "Paraguay"), "乌拉圭": ("UY", "URY", "Uruguay"), "古巴": ("CU", "CUB", "Cuba"),
    "危地马拉": ("GT", "GTM", "Guatemala"), "洪都拉斯": ("HN", "HND", "Honduras"), "尼加拉瓜": ("NI", "NIC", "Nicaragua"),
    "哥斯达黎加": ("CR", "CRI", "Costa Rica"), "巴拿马": ("PA", "PAN", "Panama"), "多米尼加": ("DO", "DOM", "Dominican Republic"),
    "海地": ("HT", "HTI", "Haiti"), "牙买加": ("JM", "JAM", "Jamaica"), "特立尼达和多巴哥": ("TT", "TTO", "Trinidad and Tobago"),
    "巴哈马": ("BS", "BHS", "Bahamas"), "巴巴多斯": ("BB", "BRB", "Barbados"), "伯利兹": ("BZ", "BLZ", "Belize"),
    "圭亚那": ("GY", "GUY", "Guyana"), "苏里南": ("SR", "SUR", "Suriname"), "圣卢西亚": ("LC", "LCA", "Saint Lucia"),
    "圣基茨和尼维斯": ("KN", "KNA", "Saint Kitts and Nevis"), "斐济": ("FJ", "FJI", "Fiji"),
    "巴布亚新几内亚": ("PG", "PNG", "Papua New Guinea"), "所罗门群岛": ("SB", "SLB", "Solomon Islands"),
    "瓦努阿图": ("VU", "VUT", "Vanuatu"), "萨摩亚": ("WS", "WSM", "Samoa"), "汤加": ("TO", "TON", "Tonga"),
    "帕劳": ("PW", "PLW", "Palau"), "马绍尔群岛": ("MH", "MHL", "Marshall Islands"), "图瓦卢": ("TV", "TUV", "Tuvalu"),
    "瑙鲁": ("NR", "NRU", "Nauru"), "基里巴斯": ("KI", "KIR", "Kiribati"), "密克罗尼西亚联邦": ("FM", "FSM", "Micronesia"),
    "阿曼": ("OM", "OMN", "Oman"), "巴林": ("BH", "BHR", "Bahrain"),
    "萨尔瓦多": ("SV", "SLV", "El Salvador"), "哥伦比亚": ("CO", "COL", "Colombia"), "苏丹": ("SD", "SDN", "Sudan"),
    "马里": ("ML", "MLI", "Mali"), "中非共和国": ("CF", "CAF", "Central African Republic"), "蒙古": ("MN", "MNG", "Mongolia"),
}
# alpha-2: (alpha-3 or "", other names as ERPs write them: English, and Chinese beyond LISTED's)
TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "US": ("USA", ("United States", "United States of America", "U.S.", "U.S.A.", "America", "美利坚合众国")),
    "GB": ("GBR", ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England",
                   "United Kingdom of Great Britain and Northern Ireland")),
    "JP": ("JPN", ("Japan",)),
    "TW": ("TWN", ("Taiwan", "Chinese Taipei", "中国台湾")),
    "EU": ("", ("European Union",)),
    "CA": ("CAN", ("Canada",)), "DE": ("DEU", ("Germany",)), "FR": ("FRA", ("France",)),
    "KR": ("KOR", ("South Korea", "Korea", "Republic of Korea", "Korea, Republic of")),
    "IN": ("IND", ("India",)), "AU": ("AUS", ("Australia",)),
    "NL": ("NLD", ("Netherlands", "The Netherlands", "Holland")), "IL": ("ISR", ("Israel",)),
    "LT": ("LTU", ("Lithuania",)), "CZ": ("CZE", ("Czech Republic", "Czechia")),
    "UA": ("UKR", ("Ukraine",)), "RU": ("RUS", ("Russia", "Russian Federation")),
    "AT": ("AUT", ("Austria",)), "BE": ("BEL", ("Belgium",)), "BG": ("BGR", ("Bulgaria",)),
    "HR": ("HRV", ("Croatia",)), "CY": ("CYP", ("Cyprus",)), "DK": ("DNK", ("Denmark",)),
    "EE": ("EST", ("Estonia",)), "FI": ("FIN", ("Finland",)), "GR": ("GRC", ("Greece",)),
    "HU": ("HUN", ("Hungary",)), "IE": ("IRL", ("Ireland",)), "IT": ("ITA", ("Italy",)),
    "LV": ("LVA", ("Latvia",)), "LU": ("LUX", ("Luxembourg",)), "MT": ("MLT", ("Malta",)),
    "PL": ("POL", ("Poland",)), "PT": ("PRT", ("Portugal",)), "RO": ("ROU", ("Romania",)),
    "SK": ("SVK", ("Slovakia",)), "SI": ("SVN", ("Slovenia",)), "ES": ("ESP", ("Spain",)),
    "SE": ("SWE", ("Sweden",)), "CH": ("CHE", ("Switzerland",)), "NO": ("NOR", ("Norway",)),
    "IS": ("ISL", ("Iceland",)), "LI": ("LIE", ("Liechtenstein",)),
    "BY": ("BLR", ("Belarus",)), "RS": ("SRB", ("Serbia",)), "MX": ("MEX", ("Mexico",)),
    "BR": ("BRA", ("Brazil",)), "AR": ("ARG", ("Argentina",)), "SG": ("SGP", ("Singapore",)),
    "NZ": ("NZL", ("New Zealand",)), "MY": ("MYS", ("Malaysia",)), "TH": ("THA", ("Thailand",)),
    "VN": ("VNM", ("Vietnam", "Viet Nam")), "PH": ("PHL", ("Philippines",)),
    "ID": ("IDN", ("Indonesia",)), "PK": ("PAK", ("Pakistan",)),
    "KZ": ("KAZ", ("Kazakhstan",)), "TR": ("TUR", ("Turkey", "Türkiye")),
    "AE": ("ARE", ("United Arab Emirates", "UAE", "U.A.E.")),
    "SA": ("SAU", ("Saudi Arabia",)), "QA": ("QAT", ("Qatar",)),
    "IR": ("IRN", ("Iran",)), "ZA": ("ZAF", ("South Africa",)),
    "CN": ("CHN", ("China", "PRC", "P.R.C.", "People's Republic of China", "P.R. China", "中国", "中华人民共和国",
                   "中国大陆")),
    "HK": ("HKG", ("Hong Kong", "Hong Kong SAR", "Hong Kong, China", "香港", "中国香港")),
    "MO": ("MAC", ("Macao", "Macau", "澳门", "中国澳门")),
}
for _code, _alpha3, _english in STATES.values():  # their codes and English names (Eswatini: two names, one code)
    TABLE[_code] = (_alpha3, tuple(dict.fromkeys((*TABLE[_code][1], _english)))) if _code in TABLE else (_alpha3, (_english,))
TWO_LETTERS_RE = re.compile(r"^[A-Za-z]{2}$")  # any alpha-2 code, known here or not (ISO's list is longer)
NOT_IN_KEY_RE = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")  # dots, spaces, commas, apostrophes, brackets
LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(value: str) -> str:
    """"U.S.A." -> "usa", "ＵＳＡ" -> "usa", "the Netherlands" -> "netherlands", "Korea, Republic of" -> "korearepublicof"."""
    return NOT_IN_KEY_RE.sub("", LEADING_THE_RE.sub("", unicodedata.normalize("NFKC", value).strip()).casefold())


ALIASES: dict[str, str] = {
    **{_key(name): code for name, code in LISTED.items()},
    **{_key(name): code for name, (code, _, _) in STATES.items()},
    **{_key(name): code for code, (alpha3, names) in TABLE.items() for name in (alpha3, *names) if name},
}


# The traditional characters of LISTED's names, as a Taiwanese or Hong Kong export writes them ("美國", "英國", "荷蘭",
# "台灣": screen38's Excel "Unicode text" file warned "美國 is not one this tool reads"); the names Taiwan gives
# otherwise ("紐西蘭", "義大利") are not read
TRADITIONAL = str.maketrans("國蘭亞羅爾愛馬盧臘賓聯麥紐灣臺韓烏義維剋", "国兰亚罗尔爱马卢腊宾联麦纽湾台韩乌义维克")


def country_code(value: str) -> str | None:
    """The alpha-2 code ``value`` names, upper case ("USA", "United States", "美国" -> "US"; "uk" -> "GB"); any
    other two letters as they are ("it" -> "IT"); None when it names no country this table knows ("Narnia")."""
    key = _key(value)
    if key in ALIASES:
        return ALIASES[key]
    if not key.isascii() and (simple := key.translate(TRADITIONAL)) in ALIASES:
        return ALIASES[simple]
    stripped = unicodedata.normalize("NFKC", value).strip()
    return stripped.upper() if TWO_LETTERS_RE.match(stripped) else None
