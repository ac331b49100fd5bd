"""The year of a dateline that gives none ('SEOUL, May 28 (Reuters) -'), when the story pins it: a count within a
year names it ('the twelfth weapons launch of 2022', '2023's third ICBM test', 'so far in 2024'); a year named as
past ('two failures earlier in 2023') or a vehicle first shown in a known year (a Hwasong-18 story is from 2023 or
later) bounds it from below, today from above, and a weekday in the lede must fall on the dateline's day or the day
before (the day itself first); a Juche year ('the 115th year of Juche') names it; a full date named as past ('was
recorded on November 5, 2031') bounds it too. Only a single year that fits is taken, with the words
that pin it; otherwise none is guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from viewer.ingest.times import WEEKDAYS

_YEAR = re.compile(r"\b(?:in|since|of|during|early|late|earlier\s+in|later\s+in)\s+(?P<year>(?:19|20)\d\d)\b",
                   re.IGNORECASE)
# (not "by the regime": an agent, not a deadline)
_FUTURE = re.compile(r"\b(?:will|plans?|planned|aims?|intends?|until|next|by(?!\s+(?:the|a|an|its|his|their|North|"
                     r"Pyongyang|Seoul|Tokyo|Washington)\b))\b", re.IGNORECASE)
# a full date the story names ("was recorded on November 5, 2031"): the story is from that year or later
_FULL_DATE = re.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+[0-3]?\d|[0-3]?\d\s+"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?),?\s+(?P<year>(?:19|20)\d\d)\b")
_WEEKDAY = re.compile(r"\b(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th)|"
            r"latest|last|\w+est)")
# a count within the year the story is written in: "the twelfth weapons launch of 2022", "its fifth ICBM test in
# 2023", "2023's third launch", "so far in 2024", "this year, 2024,"
_PINNED = re.compile(rf"\b(?:the|its|a|[\w-]+['\u2019]s)\s+{_ORDINAL}\s+(?:[\w-]+\s+){{0,3}}?(?:of|in|for)\s+"
                     r"(?P<year>(?:19|20)\d\d)\b(?!\s*(?:and|or|to|-)\s*(?:19|20)\d\d)|"
                     rf"\b(?P<year2>(?:19|20)\d\d)['\u2019]s\s+{_ORDINAL}\b|"
                     r"\bso\s+far\s+(?:in|this\s+year,?)\s+(?P<year3>(?:19|20)\d\d)\b", re.IGNORECASE)
# Vehicles and the year each was first shown (a parade or its first flight), so a story naming one is from that year
# or later: Hwasong-12 (parade April 2017), Hwasong-15 (first flight November 2017; NK News, 29 Nov 2017), Hwasong-17
# (parade October 2020; SBS/tellerreport, 24 Mar 2022), Hwasong-18 (first flight 13 April 2023; Xinhua, 14 Apr 2023),
# Hwasong-19 (first flight 31 October 2024; Indian Defence News, Nov 2024), Chollima-1 and Malligyong-1 (first launch
# 31 May 2023; shared/reference/launches.md, launch B).
VEHICLE_YEARS = {"hwasong-12": 2017, "hwasong-15": 2017, "hwasong-17": 2020, "hwasong-18": 2023, "hwasong-19": 2024,
                 "chollima-1": 2023, "malligyong-1": 2023}
_VEHICLE = re.compile(r"\b(?P<name>Hwasong(?:pho)?-1[25789]|Chollima-1|Malligyong-1)\b", re.IGNORECASE)
# KCNA's own calendar: "Juche 115", "the 115th year of Juche". Its year 1 is 1912, the year of Kim Il Sung's birth
# (Wikipedia "Juche calendar"; KCNA writes "April 3, Juche 113 (2024)"), so Juche N is N + 1911.
_JUCHE = re.compile(r"\bJuche\s+(?P<n>\d{2,3})\b|\b(?P<n2>\d{2,3})(?:st|nd|rd|th)\s+year\s+of\s+Juche\b", re.IGNORECASE)
JUCHE_OFFSET = 1911
LEDE_CHARS = 600  # the first paragraph after the dateline, where the launch's day is given


@dataclass(frozen=True)
class InferredYear:
    day: date
    why: str  # what in the story pins the year, for the draft to say
    span: tuple[int, int]  # the words that pin it


def dateline_year(text: str, after: int, month_day: tuple[int, int], today: date) -> InferredYear | None:
    """The dateline's date, when exactly one year fits; else None (the year is not guessed)."""
    lede = _WEEKDAY.search(text, after, after + LEDE_CHARS)
    weekday = WEEKDAYS.index(lede.group("day").lower()) if lede else None

    def fits(year: int) -> date | None:
        try:
            day = date(year, *month_day)
        except ValueError:
            return None
        if day > today or (weekday is not None and weekday not in (day.weekday(), (day - timedelta(days=1)).weekday())):
            return None
        return day

    juche = _JUCHE.search(text)
    if juche is not None:
        year = int(juche.group("n") or juche.group("n2")) + JUCHE_OFFSET
        day = fits(year)
        return InferredYear(day, f"the story gives the Juche year ('{juche.group()}' is {year})",
                            juche.span()) if day is not None else None
    pinned = [m for m in _PINNED.finditer(text) if not _FUTURE.search(_sentence_before(text, m.start()))]
    years = {int(m.group("year") or m.group("year2") or m.group("year3")) for m in pinned}
    if len(years) == 1:
        year = years.pop()
        day = fits(year)
        if day is not None:
            return InferredYear(day, f"the story counts launches within {year} ('{pinned[0].group()}')",
                                pinned[0].span())
        return None
    if weekday is None or lede is None:
        return None  # a lower bound alone leaves many years
    bounds = [(int(m.group("year")), m, f"it names {m.group('year')} as past") for m in _YEAR.finditer(text)
              if int(m.group("year")) <= today.year and not _FUTURE.search(_sentence_before(text, m.start()))]
    bounds += [(int(m.group("year")), m, f"it names {m.group().strip()} as past") for m in _FULL_DATE.finditer(text)
               if int(m.group("year")) <= today.year and not _FUTURE.search(_sentence_before(text, m.start()))]
    bounds += [(VEHICLE_YEARS[_vehicle_key(m.group("name"))], m, f"the {m.group('name')} was first shown in "
                f"{VEHICLE_YEARS[_vehicle_key(m.group('name'))]}") for m in _VEHICLE.finditer(text)]
    if not bounds:
        return None
    low, bound, why = max(bounds, key=lambda b: b[0])
    days = [d for year in range(low, today.year + 1) if (d := fits(year)) is not None]
    on_the_day = [d for d in days if d.weekday() == weekday]  # (over a year where it is the day before)
    days = on_the_day if len(days) > 1 and len(on_the_day) == 1 else days
    if len(days) != 1:
        return None
    return InferredYear(days[0], f"{why}, and only in {days[0].year} does the lede's {lede.group('day')} fall on "
                        "the dateline's day or the day before", bound.span())


def _vehicle_key(name: str) -> str:
    return name.lower().replace("hwasongpho", "hwasong")


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    return text[start:at]
