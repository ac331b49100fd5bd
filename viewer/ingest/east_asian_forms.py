"""Dates and clock times as Korean and Japanese newsrooms write them, inside English text or around it: the
year-month-day of '2024년 5월 30일' and '2023年4月13日', a month and day without the year ('9月29日', '5월 30일'),
a day alone ('오늘(18일)', '29日'), and the clocks '06시 14분경', '오전 9:41', '오후 11시', '午前９時４９分頃',
'午後11時42分', '１８時１０分頃' (full-width digits are plain ones by then: text_forms), and a machine
translation's literal '3 o'clock 17 minutes of dawn'.

A Korean clock is Korea's (KST), a Japanese one Japan's (JST): both UTC+9, as the JCS and Japan's Ministry of
Defense give launch times; a clock written with 시/時 is read only with the digits of an hour before it and not as a
duration ('3시간', '3時間': three hours)."""

from __future__ import annotations

import functools
import re
from datetime import date

# "2024년 5월 30일", "2023年4月13日", "2024 년 5 월 30 일"
CJK_DATE = (r"(?P<cyear>(?:19|20)\d\d)[ \t]*[\ub144\u5e74][ \t]*(?P<cmonth>1[0-2]|0?[1-9])[ \t]*[\uc6d4\u6708][ \t]*"
            r"(?P<cday>[0-3]?\d)[ \t]*[\uc77c\u65e5]")
# "9月29日", "5월 30일": the month and day, no year before it (a year, or an era's year, is the full form)
CJK_MONTH_DAY = (r"(?<![\d\ub144\u5e74])(?<![\d][ \t][\ub144\u5e74])(?P<cmonth2>1[0-2]|0?[1-9])[ \t]*[\uc6d4\u6708]"
                 r"[ \t]*(?P<cday2>[0-3]?\d)[ \t]*[\uc77c\u65e5](?![\uac04\u9593\u672c\u5f8c\u524d\uc9f8])")
# "오늘(18일)", "29日", "the 18일": a day of the story's month; not "3일간", "3日間" (for three days), "日本" (Japan),
# "3日後"/"3日前" (three days after/before)
CJK_DAY = (r"(?<![\d\uc6d4\u6708.:/-])(?<![\uc6d4\u6708][ \t])(?P<cday3>[1-3]?\d)[ \t]*[\uc77c\u65e5]"
           r"(?![\uac04\u9593\u672c\u5f8c\u524d\uc9f8\u6bce])")
_FORMS = re.compile(rf"{CJK_DATE}|{CJK_MONTH_DAY}|{CJK_DAY}")
_HAS_FORM = re.compile(r"\d[ \t]*[\uc77c\u65e5\uc2dc\u6642]")  # a digit before 일/日/시/時: a form may be here


_HANGUL_OR_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@functools.lru_cache(maxsize=16)
def _east_asian_text(text: str) -> bool:
    """Whether ``text`` holds kana, kanji or hangul at all (most stories do not: every other scan is saved)."""
    return _HANGUL_OR_KANJI.search(text) is not None


def has_east_asian_form(text: str, start: int = 0, end: int | None = None) -> bool:
    return _east_asian_text(text) and _HAS_FORM.search(text, start, len(text) if end is None else end) is not None


def east_asian_dates(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Matches of the three date forms in ``text[start:end]``; their groups say which (``date_parts``)."""
    return list(_FORMS.finditer(text, start, end))


def date_parts(m: re.Match[str]) -> tuple[int | None, int | None, int]:
    """(year, month, day) of a match: the year None for a month and day, year and month None for a day alone."""
    if m.group("cyear"):
        return int(m.group("cyear")), int(m.group("cmonth")), int(m.group("cday"))
    if m.group("cmonth2"):
        return None, int(m.group("cmonth2")), int(m.group("cday2"))
    return None, None, int(m.group("cday3"))


def full_date(m: re.Match[str]) -> date | None:
    year, month, day = date_parts(m)
    if year is None or month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# A part of the day before the clock: Korean 오전 (a.m.), 오후 (p.m.), 새벽 (dawn), 아침 (morning), 저녁 (evening),
# 밤 (night); Japanese 午前, 午後, 未明 (before dawn), 朝 (morning), 夕方 (evening), 夜 (night)
_MORNING = ("\uc624\uc804", "\uc0c8\ubcbd", "\uc544\uce68", "\u5348\u524d", "\u672a\u660e", "\u671d")
_AFTERNOON = ("\uc624\ud6c4", "\uc800\ub141", "\u5348\u5f8c", "\u5915\u65b9")
_NIGHT = ("\ubc24", "\u591c")
_PART = "|".join(_MORNING + _AFTERNOON + _NIGHT)
# "06시 14분경", "오후 11시", "午前9時49分頃", "18時10分ごろ"; "오전 9:41", "午後 11:42" (a colon after a part of day)
_CLOCK = re.compile(
    rf"(?:(?:(?P<part>{_PART})[ \t]*)?(?P<hour>[0-2]?\d)[ \t]*(?P<mark>[\uc2dc\u6642])(?![\uac04\u9593\u70b9\ub300])"
    r"(?:[ \t]*(?P<minute>[0-5]?\d)[ \t]*[\ubd84\u5206])?"
    rf"|(?P<cpart>{_PART})[ \t]*(?P<chour>[01]?\d|2[0-3]):(?P<cminute>[0-5]\d)(?!\d))"
    r"(?:[ \t]*(?:\uacbd|\u9803|\u3054\u308d))?")  # (경, 頃, ごろ: about)
# A machine translation's literal "3 o'clock 17 minutes of dawn" (시 and 분 word for word), "the 6 o'clock of the
# morning": a clock of Korea's or Japan's, as the original gave it
_TRANSLATED = re.compile(r"\b(?P<hour>[0-2]?\d)\s+o'clock(?:\s+(?P<minute>[0-5]?\d)\s+minutes?)?"
                         r"(?:\s+(?:of|in)\s+(?:the\s+)?(?P<part>dawn|morning|afternoon|evening|night))?",
                         re.IGNORECASE)
_PART_COLON = re.compile(r"[\uc804\ud6c4\u524d\u5f8c][ \t]*\d")
_TRANSLATED_PARTS = {"dawn": "\uc0c8\ubcbd", "morning": "\uc544\uce68", "afternoon": "\uc624\ud6c4",
                     "evening": "\uc800\ub141", "night": "\ubc24"}


def east_asian_clocks(text: str, start: int, end: int) -> list[tuple[int, int, int, int, str]]:
    """(start, end, hour, minute, zone) of each Korean or Japanese clock in ``text[start:end]``."""
    found = []
    if text.find("o'clock", start, end) != -1:
        for m in _TRANSLATED.finditer(text, start, end):
            if m.group("minute") is None and m.group("part") is None:
                continue  # "at 6 o'clock": English, its zone not said
            hour = _on_the_clock(int(m.group("hour")), _TRANSLATED_PARTS.get((m.group("part") or "").lower()))
            if hour is not None:
                found.append((m.start(), m.end(), hour, int(m.group("minute") or 0), "KST"))
    if not _east_asian_text(text) or (not has_east_asian_form(text, start, end) and _PART_COLON.search(
            text, start, end) is None):
        return found
    for m in _CLOCK.finditer(text, start, end):
        if m.group("hour") is None and m.group("chour") is None:
            continue
        part = m.group("part") or m.group("cpart")
        japanese = m.group("mark") == "\u6642" or (part is not None and part[:1] in "\u5348\u672a\u671d\u5915\u591c")
        hour = _on_the_clock(int(m.group("hour") or m.group("chour")), part)
        if hour is None:
            continue
        minute = int(m.group("minute") or m.group("cminute") or 0)
        found.append((m.start(), m.end(), hour, minute, "JST" if japanese else "KST"))
    return sorted(found)


def _on_the_clock(hour: int, part: str | None) -> int | None:
    """The 24-hour hour of ``hour`` said with a part of the day (None: as written, 0-23)."""
    if part is None:
        return hour if hour <= 23 else None
    if not 0 <= hour <= 12:
        return None
    if part in _MORNING:
        return hour % 12
    if part in _AFTERNOON:
        return hour % 12 + 12
    return hour % 12 + 12 if 6 <= hour <= 11 else hour % 12  # night: "밤 11시" is 23:00, "밤 1시" 01:00
