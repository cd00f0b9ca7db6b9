"""A counterparty's country as an ERP export writes it ("USA", "United States", "U.S.A.", "美国", "GBR",
"UK"), read as the ISO 3166 alpha-2 code the notices give (``EntityRecord.country``).

One table for `screen`, ``POST /api/screen`` and watchlists, so the three read a row alike. It names the
countries and regions the lists name (scraper/parse/entities.py's ``COUNTRIES``), plus China, Hong Kong and
Macao (a Chinese company's own suppliers); any two letters are taken as an alpha-2 code, as before.
"""

from __future__ import annotations

import re
import unicodedata

# alpha-2: (alpha-3 or "", other names as ERPs write them: English and Chinese)
TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "US": ("USA", ("United States", "United States of America", "U.S.", "U.S.A.", "America", "美国", "美利坚合众国")),
    "GB": ("GBR", ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England",
                   "United Kingdom of Great Britain and Northern Ireland", "英国")),
    "JP": ("JPN", ("Japan", "日本")),
    "TW": ("TWN", ("Taiwan", "Chinese Taipei", "台湾", "台湾地区", "中国台湾", "中国台湾地区")),
    "EU": ("", ("European Union", "欧盟")),
    "CA": ("CAN", ("Canada", "加拿大")), "DE": ("DEU", ("Germany", "德国")), "FR": ("FRA", ("France", "法国")),
    "KR": ("KOR", ("South Korea", "Korea", "Republic of Korea", "Korea, Republic of", "韩国")),
    "IN": ("IND", ("India", "印度")), "AU": ("AUS", ("Australia", "澳大利亚")),
    "NL": ("NLD", ("Netherlands", "The Netherlands", "Holland", "荷兰")), "IL": ("ISR", ("Israel", "以色列")),
    "LT": ("LTU", ("Lithuania", "立陶宛")), "CZ": ("CZE", ("Czech Republic", "Czechia", "捷克")),
    "UA": ("UKR", ("Ukraine", "乌克兰")), "RU": ("RUS", ("Russia", "Russian Federation", "俄罗斯")),
    "AT": ("AUT", ("Austria", "奥地利")), "BE": ("BEL", ("Belgium", "比利时")), "BG": ("BGR", ("Bulgaria", "保加利亚")),
    "HR": ("HRV", ("Croatia", "克罗地亚")), "CY": ("CYP", ("Cyprus", "塞浦路斯")), "DK": ("DNK", ("Denmark", "丹麦")),
    "EE": ("EST", ("Estonia", "爱沙尼亚")), "FI": ("FIN", ("Finland", "芬兰")), "GR": ("GRC", ("Greece", "希腊")),
    "HU": ("HUN", ("Hungary", "匈牙利")), "IE": ("IRL", ("Ireland", "爱尔兰")), "IT": ("ITA", ("Italy", "意大利")),
    "LV": ("LVA", ("Latvia", "拉脱维亚")), "LU": ("LUX", ("Luxembourg", "卢森堡")), "MT": ("MLT", ("Malta", "马耳他")),
    "PL": ("POL", ("Poland", "波兰")), "PT": ("PRT", ("Portugal", "葡萄牙")), "RO": ("ROU", ("Romania", "罗马尼亚")),
    "SK": ("SVK", ("Slovakia", "斯洛伐克")), "SI": ("SVN", ("Slovenia", "斯洛文尼亚")), "ES": ("ESP", ("Spain", "西班牙")),
    "SE": ("SWE", ("Sweden", "瑞典")), "CH": ("CHE", ("Switzerland", "瑞士")), "NO": ("NOR", ("Norway", "挪威")),
    "IS": ("ISL", ("Iceland", "冰岛")), "LI": ("LIE", ("Liechtenstein", "列支敦士登")),
    "BY": ("BLR", ("Belarus", "白俄罗斯")), "RS": ("SRB", ("Serbia", "塞尔维亚")), "MX": ("MEX", ("Mexico", "墨西哥")),
    "BR": ("BRA", ("Brazil", "巴西")), "AR": ("ARG", ("Argentina", "阿根廷")), "SG": ("SGP", ("Singapore", "新加坡")),
    "NZ": ("NZL", ("New Zealand", "新西兰")), "MY": ("MYS", ("Malaysia", "马来西亚")), "TH": ("THA", ("Thailand", "泰国")),
    "VN": ("VNM", ("Vietnam", "Viet Nam", "越南")), "PH": ("PHL", ("Philippines", "菲律宾")),
    "ID": ("IDN", ("Indonesia", "印度尼西亚")), "PK": ("PAK", ("Pakistan", "巴基斯坦")),
    "KZ": ("KAZ", ("Kazakhstan", "哈萨克斯坦")), "TR": ("TUR", ("Turkey", "Türkiye", "土耳其")),
    "AE": ("ARE", ("United Arab Emirates", "UAE", "U.A.E.", "阿联酋", "阿拉伯联合酋长国")),
    "SA": ("SAU", ("Saudi Arabia", "沙特", "沙特阿拉伯")), "QA": ("QAT", ("Qatar", "卡塔尔")),
    "IR": ("IRN", ("Iran", "伊朗")), "ZA": ("ZAF", ("South Africa", "南非")),
    "CN": ("CHN", ("China", "PRC", "P.R.C.", "People's Republic of China", "P.R. China", "中国", "中华人民共和国",
                   "中国大陆")),
    "HK": ("HKG", ("Hong Kong", "Hong Kong SAR", "Hong Kong, China", "香港", "中国香港")),
    "MO": ("MAC", ("Macao", "Macau", "澳门", "中国澳门")),
}
TWO_LETTERS_RE = re.compile(r"^[A-Za-z]{2}$")  # any alpha-2 code, known here or not (ISO's list is longer)
NOT_IN_KEY_RE = re.compile(r"[^0-9a-z\u4e00-\u9fff]+")  # dots, spaces, commas, apostrophes, brackets
LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


def _key(value: str) -> str:
    """"U.S.A." -> "usa", "ＵＳＡ" -> "usa", "the Netherlands" -> "netherlands", "Korea, Republic of" -> "korearepublicof"."""
    return NOT_IN_KEY_RE.sub("", LEADING_THE_RE.sub("", unicodedata.normalize("NFKC", value).strip()).casefold())


ALIASES: dict[str, str] = {
    _key(name): code for code, (alpha3, names) in TABLE.items() for name in (alpha3, *names) if name
}


def country_code(value: str) -> str | None:
    """The alpha-2 code ``value`` names, upper case ("USA", "United States", "美国" -> "US"; "uk" -> "GB"); any
    other two letters as they are ("it" -> "IT"); None when it names no country this table knows ("Narnia")."""
    key = _key(value)
    if key in ALIASES:
        return ALIASES[key]
    stripped = unicodedata.normalize("NFKC", value).strip()
    return stripped.upper() if TWO_LETTERS_RE.match(stripped) else None
