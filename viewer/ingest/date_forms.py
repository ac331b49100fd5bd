"""How a date is written in a page's stamps and datelines: month names, calendar, ISO, Korean dotted and
day-first numeric forms, the labels a stamp carries and the clock after it; and the date a match of them gives."""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.eras import ERA, KANJI_ERA_DATE, LETTER_ERA_DATE, era_date, era_year
from viewer.ingest.times import MONTHS

MONTH_FORM = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
              r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
WEEKDAY_FORM = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?"
# (a Japanese edition's "Heisei 24 (2012) December 12": the era year first, the Gregorian one beside it or not)
_ERA_BEFORE = rf"(?:{ERA}(?:[ \t]*\((?P<era_year>(?:19|20)\d\d)\))?,?[ \t]+)?"
# AFP's French desk: "SEOUL, 12 févr. 2017 (AFP) -" (day first, as French writes it, so read only after a day; the
# names are looked up without accents)
FRENCH_MONTHS = {name: number for number, names in enumerate(
    [("janv", "janvier"), ("fevr", "fevrier"), ("mars",), ("avr", "avril"), ("mai",), ("juin",), ("juil", "juillet"),
     ("aout",), ("sept", "septembre"), ("oct", "octobre"), ("nov", "novembre"), ("dec", "decembre")], start=1)
    for name in names}  # fmt: skip
_FRENCH_MONTH = r"(?:janv(?:ier)?|f[ée]vr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|" \
                r"oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)\.?"
# (a Japanese edition's "5 September, Heisei 28 (2016)": the era's year before the Gregorian one in brackets)
_ERA_AFTER = r"(?:Showa|Heisei|Reiwa)[ \t]+\d{1,2}[ \t]*\("
CALENDAR = (rf"{WEEKDAY_FORM}{_ERA_BEFORE}(?:(?P<month>{MONTH_FORM})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|"
            rf"(?P<day2>[0-3]?\d)\s+(?P<month2>"
            # KCNA: "Juche 113 (2024)"; "Jun 23,2016" with no space
            rf"{MONTH_FORM}|{_FRENCH_MONTH}))(?:(?:,[ \t]*|\s+)(?:Juche\s+\d{{1,3}}\s+\(|{_ERA_AFTER})?"
            r"(?P<year>(?:19|20)\d\d)\)?)?")
ISO = (r"(?P<iso>(?:19|20)\d\d(?P<sep>[-./])[01]\d(?P=sep)[0-3]\d)"
       r"(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?")
# Korean "2022. 11. 3.", "2024년 5월 30일", Japanese "2023年4月13日"
DOTTED = (r"(?P<kyear>(?:19|20)\d\d)(?:\.|[ \t]*[\u5e74\ub144])[ \t]*(?P<kmonth>[01]?\d)"
          r"(?:\.|[ \t]*[\u6708\uc6d4])[ \t]*(?P<kday>[0-3]?\d)(?:\.|[ \t]*[\u65e5\uc77c])?")
# A Japanese era's date: "平成24年12月12日", "R5.7.12" (eras.py)
ERA_DATE = rf"{KANJI_ERA_DATE}|{LETTER_ERA_DATE}"
# "22/06/2016" as European and Asian outlets stamp a page; read only when the day is over 12 (else 03/04 could be
# either order); "22.11.2023", "12.07.2023" as German and Russian outlets write it: dots put the day first always
SLASHED = r"(?P<sday>[0-3]?\d)(?P<ssep>[/.])(?P<smonth>[0-3]?\d)(?P=ssep)(?P<syear>(?:19|20)\d\d)"
# A Korean page's stamps: 입력 (posted), 등록 (filed), 수정 (modified), 작성 (written), 기사입력 (article posted),
# 발송 (sent: a text message to the press), 발령일시 / 발령 (issued: a warning), 배포 (released), 송고 (filed)
KOREAN_LABELS = ("\uae30\uc0ac\uc785\ub825|\uc785\ub825|\ub4f1\ub85d|\uc218\uc815|\uc791\uc131|\ubc1c\uc1a1|"
                 "\ubc1c\ub839\uc77c\uc2dc|\ubc1c\ub839|\ubc30\ud3ec|\uc1a1\uace0")
# A Korean English edition's "Input 2025.05.08 10:47 | Revision …" (입력 translated), a thread's "Exported
# 2022-10-04 06:02 UTC", a journal's "Published online 19 June 2024", minutes' "Date of meeting:", a written answer's
# "Answered on:"
EXTRA_LABELS = (r"input|write|written|exported|answered|published\s+online|streamed(?:\s+live)?|premiered|uploaded|"
                r"reviewed|"
                r"date\s+of\s+(?:meeting|session|hearing|sitting|briefing|answer)")
# The clock after a stamp's date: "14:02", "2:40 p.m. EDT", and the military "0400Z", "0630 UTC" of operations notes;
# a meeting's or a call's span: "10:30\u201311:05", "01:10-01:35 JST"
CLOCK_AFTER = (r"(?:,?[ \t]+(?:at[ \t]+)?(?:[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?(?:[ \t]*[ap]\.?m\.?)?"
               r"(?:[ \t]*[-\u2013][ \t]*[0-2]?\d[:.][0-5]\d)?|"
               # (a broadcast script's "Sunday 14 January 2024, 1700 hrs", "0800 hrs KST")
               r"[0-2]\d[0-5]\d(?=Z|[ \t]*(?:UTC|GMT|KST|JST|hrs?)\b)(?:[ \t]*hrs?\b)?)Z?(?:,?[ \t]+[A-Z]{2,4})?)?")


def date_of(m: re.Match[str]) -> date | None:
    if m.groupdict().get("kera") or m.groupdict().get("lera"):
        return era_date(m)
    if m.groupdict().get("kyear"):
        try:
            return date(int(m.group("kyear")), int(m.group("kmonth")), int(m.group("kday")))
        except ValueError:
            return None
    if m.groupdict().get("syear"):
        if int(m.group("sday")) <= 12 and int(m.group("smonth")) > 12 and m.group("ssep") == "/":
            try:  # "05/31/2023": an American page's month first, the only order that makes a date
                return date(int(m.group("syear")), int(m.group("sday")), int(m.group("smonth")))
            except ValueError:
                return None
        if int(m.group("sday")) <= 12 and m.group("ssep") == "/":
            return None  # "03/04/2016": day-first or month-first cannot be told
        try:
            return date(int(m.group("syear")), int(m.group("smonth")), int(m.group("sday")))
        except ValueError:
            return None
    if m.group("iso"):
        try:
            return date.fromisoformat(re.sub(r"[./]", "-", m.group("iso")))  # "2024.07.01" as Korean outlets write
        except ValueError:
            return None
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    year = int(m.group("year")) if m.group("year") else None
    if m.group("era"):  # "Heisei 24 (2012) December 12": the era's year, which the Gregorian one beside it must match
        year = era_year(m.group("era"), m.group("era_n"))
        if year is None or (m.group("era_year") and int(m.group("era_year")) != year):
            return None
    if year is None:
        return None
    try:
        return date(year, month_number(month), int(day))
    except (KeyError, ValueError):
        return None


def month_number(name: str) -> int:
    """The month of an English or a French month name or abbreviation ('Sept.', 'févr.'); KeyError otherwise."""
    key = name.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else FRENCH_MONTHS[key.translate(_UNACCENTED)]


_UNACCENTED = str.maketrans("éèûô", "eeuo")
