"""A Japan Coast Guard navigational warning in Japanese (航行警報), as relayed with its Japanese heading: written
back in the broadcast's English forms so the notice reader reads it, every offset mapped back onto the Japanese
text (spoken_notice.Written), which citations point into.

  日本航行警報 第0621号(令和6年)        → JAPAN NAV WARNING NR. 0621/24
  北緯36度32分 東経123度18分           → 36-32N 123-18E (南緯 S, 西経 W; 秒 seconds, decimal minutes kept)
  令和6年5月27日0000時から6月4日0000時まで(日本時間) → 270000 JST MAY 24 TO 040000 JST JUN 24
  (空域 airspace → AIRSPACE, so a warning of airspace is drafted as one)

Full-width figures and brackets (U+FF10-FF19, U+FF08/FF09) are read as their ASCII forms first. Era years by
eras.era_year."""

from __future__ import annotations

import re
import unicodedata

from viewer.ingest.eras import era_year
from viewer.ingest.spoken_notice import Written, rewrite

_ERAS = {"令和": "Reiwa", "平成": "Heisei", "昭和": "Showa"}
_ERA_YEAR = r"(?:(?P<era>令和|平成|昭和)\s*(?P<era_n>\d{1,2}|元)\s*年|(?P<year>(?:19|20)\d\d)\s*年)"
# the warning's heading: "日本航行警報 第0621号(令和6年)", "航行警報 第0621号 (2024年)" (brackets made ASCII first)
_HEADING = re.compile(rf"(?P<issuer>日本)?航行警報\s*第\s*(?P<n>\d{{1,4}})\s*号\s*(?:[(]\s*{_ERA_YEAR}\s*[)])?")
_COORDINATE = re.compile(r"(?P<hem>北緯|南緯|東経|西経)\s*(?P<deg>\d{1,3})\s*度\s*(?P<min>\d{1,2}(?:\.\d+)?)\s*分"
                         r"(?:\s*(?P<sec>\d{1,2}(?:\.\d+)?)\s*秒)?")
_HEMISPHERES = {"北緯": "N", "南緯": "S", "東経": "E", "西経": "W"}
# a moment: "令和6年5月27日0000時", "6月4日0000時", "5月27日9時30分" (the year carried from the first)
_MOMENT = re.compile(rf"(?:{_ERA_YEAR}\s*)?(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日\s*"
                     r"(?:(?P<hhmm>\d{4})\s*時|(?P<hour>\d{1,2})\s*時(?:\s*(?P<minute>\d{1,2})\s*分)?)")
_FROM_TO = re.compile(r"(?<=[時分])\s*から\s*")
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
_UTC = re.compile(r"協定世界時|世界標準時|\bUTC\b")


def japanese(text: str) -> Written | None:
    """The Japanese warning in the broadcast's English forms, or None when the text is no such warning."""
    if _HEADING.search(text[:1000]) is None or "緯" not in text:
        return None
    text = "".join(_half_width(c) for c in text)
    heading = _HEADING.search(text)
    if heading is None:
        return None
    year = _year(heading) or next((_year(m) for m in _MOMENT.finditer(text) if _year(m)), None)
    if year is None:
        return None
    zone = "UTC" if _UTC.search(text) else "JST"
    pieces: list[tuple[int, int, int, int]] = []
    months: list[int] = []
    for pattern, figure in ((_HEADING, lambda m: _number(m, year)), (_COORDINATE, _coordinate),
                            (_FROM_TO, lambda m: " TO "), (_MOMENT, lambda m: _moment(m, year, zone, months)),
                            (re.compile("、"), lambda m: ", "), (re.compile("空域"), lambda m: "AIRSPACE")):
        text, pieces = rewrite(text, pieces, pattern, figure)
    return Written(text, tuple(pieces))


def _half_width(c: str) -> str:
    """A full-width figure, letter, bracket or space as its ASCII form (one character for one)."""
    if "\uff01" <= c <= "\uff5e" or c == "\u3000":
        narrow = unicodedata.normalize("NFKC", c)
        return narrow if len(narrow) == 1 else c
    return c


def _year(m: re.Match[str]) -> int | None:
    if m.group("era"):
        return era_year(_ERAS[m.group("era")], "gannen" if m.group("era_n") == "元" else m.group("era_n"))
    return int(m.group("year")) if m.group("year") else None


def _number(m: re.Match[str], year: int) -> str:
    return f"{'JAPAN ' if m.group('issuer') else ''}NAV WARNING NR. {int(m.group('n')):04d}/{year % 100:02d}"


def _coordinate(m: re.Match[str]) -> str:
    seconds = f"-{m.group('sec')}" if m.group("sec") else ""
    return f"{int(m.group('deg')):02d}-{m.group('min')}{seconds}{_HEMISPHERES[m.group('hem')]}"


def _moment(m: re.Match[str], year: int, zone: str, months: list[int]) -> str:
    """'DDHHMM JST MON YY', the year the written one, or the first moment's (the next when the month comes
    round again)."""
    month = int(m.group("month"))
    written = _year(m)
    if written is None and months and month < months[0]:
        written = year + 1
    months.append(month)
    hhmm = m.group("hhmm") or f"{int(m.group('hour')):02d}{int(m.group('minute') or 0):02d}"
    if not 1 <= month <= 12:
        return m.group()
    # (a space after it: "まで" is a word's letters to a regular expression, no word boundary after the year)
    return f"{int(m.group('day')):02d}{hhmm} {zone} {_MONTHS[month - 1]} {(written or year) % 100:02d} "
