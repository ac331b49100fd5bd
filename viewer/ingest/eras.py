"""Japanese era years as Japanese outlets and their English editions date a page: spelled ('Heisei 24', 'Reiwa 6',
'Reiwa gannen'), in kanji ('平成24年12月12日', '令和元年'), and in the ministries' one-letter short form
('R5.7.12', 'H29.3.6'). Written by hand: neither dateutil nor dateparser reads an era name (dateparser's ja locale
reads '2023年4月13日' but not '令和5年'), and the rule is one subtraction per era."""

from __future__ import annotations

import re
from datetime import date

# The Gregorian year before each era's first year: Showa 1 = 1926, Heisei 1 = 1989, Reiwa 1 = 2019
_ERA_BASE = {"showa": 1925, "heisei": 1988, "reiwa": 2018}
_LAST_YEAR = {"showa": 64, "heisei": 31}  # (Showa 64 ended 7 January 1989; Heisei 31 on 30 April 2019)
# the same eras in kanji and in the letter a ministry's short date gives them
_ERA_NAMES = {"\u662d\u548c": "showa", "\u5e73\u6210": "heisei", "\u4ee4\u548c": "reiwa", "s": "showa",
              "h": "heisei", "r": "reiwa"}
ERA = r"(?P<era>Showa|Heisei|Reiwa)[ \t]+(?P<era_n>\d{1,2}|gannen)"  # ("gannen": the era's first year)
# "平成24年12月12日", "令和元年5月1日" (元, gannen: the first year); a space may sit between the parts
KANJI_ERA_DATE = (r"(?P<kera>\u662d\u548c|\u5e73\u6210|\u4ee4\u548c)[ \t]*(?P<kera_n>\d{1,2}|\u5143)[ \t]*\u5e74[ \t]*"
                  r"(?P<kera_m>1[0-2]|0?[1-9])[ \t]*\u6708[ \t]*(?P<kera_d>[0-3]?\d)[ \t]*\u65e5")
# "R5.7.12", "H29.3.6": a letter glued to the year, dots between; not inside a word, a version ("v1.R5.7") or a
# longer run of dotted numbers ("R5.7.12.3")
LETTER_ERA_DATE = (r"(?<![\w.])(?P<lera>[SHR])(?P<lera_n>\d{1,2})\.(?P<lera_m>1[0-2]|0?[1-9])\.(?P<lera_d>[0-3]?\d)"
                   r"(?![\d])(?!\.\d)")
# Text a Japanese page is written in (kana and kanji), JST or an era named, which a letter era needs around it unless
# a weekday follows (Japan named is not enough: most stories of a launch name it, and "S1.2.3" can be a section)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]|\b(?:JST|Heisei|Reiwa|Showa)\b")
_WEEKDAY_AFTER = re.compile(r"[ \t]*[(\uff08](?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|[\u6708\u706b\u6c34\u6728\u91d1\u571f"
                            r"\u65e5])[a-z]{0,6}\.?[)\uff09]")


def era_year(era: str, number: str) -> int | None:
    """The Gregorian year of an era's year ('Heisei', '24' → 2012; '平成', '24'; 'H', '24'), None for a year the era
    never reached."""
    name = _ERA_NAMES.get(era.lower(), era.lower())
    base = _ERA_BASE.get(name)
    n = 1 if number.lower() in ("gannen", "\u5143") else int(number)
    if base is None or n < 1 or n > _LAST_YEAR.get(name, 99):
        return None
    return base + n


def japanese_page(text: str) -> bool:
    """Whether ``text`` reads as a Japanese page: kana or kanji, JST or an era named."""
    return _JAPANESE.search(text) is not None


def era_date(m: re.Match[str], *, japanese_page: bool = False) -> date | None:
    """The date of a match of KANJI_ERA_DATE or LETTER_ERA_DATE (their named groups); a letter era only on a page
    that is Japanese (kana or kanji, JST or an era named: ``japanese_page`` when the caller has seen it) or
    with a weekday in brackets after it."""
    groups = m.groupdict()
    if groups.get("kera"):
        era, number, month, day = m.group("kera", "kera_n", "kera_m", "kera_d")
    elif groups.get("lera"):
        if not (japanese_page or _WEEKDAY_AFTER.match(m.string, m.end()) or _JAPANESE.search(m.string)):
            return None
        era, number, month, day = m.group("lera", "lera_n", "lera_m", "lera_d")
    else:
        return None
    year = era_year(era, number)
    if year is None:
        return None
    try:
        return date(year, int(month), int(day))
    except ValueError:
        return None
