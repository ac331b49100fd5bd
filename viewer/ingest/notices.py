"""Official notices — NAVAREA XI / HYDROPAC and Japan Coast Guard navigational warnings, ICAO NOTAMs — as
broadcast (upper case, line-wrapped): their number, lettered areas, circles and time windows.

Each area becomes a danger zone (a warning area for a NOTAM's airspace) citing the exact coordinate text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from viewer.geo import geodesic
from viewer.geo.coordinates import find_positions
from viewer.ingest.notice_windows import Window, expiry, find_windows
from viewer.ingest.quoted import unquoted
from viewer.ingest.spoken_notice import written
from viewer.wording import counted

NM_KM = 1.852
EDGE_KM = 25.0  # densify edges so they draw as geodesics in any projection

# "NAVAREA XI (JAPAN) 0577/26": a relay tags the series with the issuing country; a warning retyped as prose writes
# "Navigational Warning No. 0612/26" in mixed case (read as a notice only when it heads the text, see _heads)
_NAV_NUMBER = re.compile(r"\b(?P<series>NAVAREA\s+(?:XI|[IVX]{1,5})|HYDROPAC|HYDROLANT|NAVTEX|"
                         r"(?i:(?:JAPAN\s+)?(?:COAST\s+GUARD\s+)?NAV(?:IGATIONAL|\.)?\s+WARN(?:ING|\.)(?:\s+(?:NR|NO)\.?)?)|"
                         r"(?:YOKOHAMA|MOJI|OTARU|NAHA)\s+NAV\s+WARN(?:ING)?(?:\s+(?:NR|NO)\.?)?|"
                         # a Chinese Maritime Safety Administration warning: "QIONG HANG JING 0143/26"
                         r"(?:[A-Z]{2,5}\s+)?HANG\s+JING)"
                         r"(?:\s+\([A-Z]+\))?\s+(?P<number>\d{1,4}/\d{2}(?:\(\w+\))?)")
# The number on a line of its own under the heading, as a coast guard's English relay sets it out: "NAVIGATIONAL
# WARNING — ENGLISH TEXT …" (an issue line, a blank line) "NR. 1125/23"; "Navigational Warning (NAVAREA XI
# coordinator)" over "No. 2117/26"
_NAV_HEADING = re.compile(r"(?im)^[ \t]*(?P<series>(?:JAPAN\s+)?(?:COAST\s+GUARD\s+)?NAV(?:IGATIONAL|\.)?\s+"
                          r"WARN(?:ING|\.)?)\b[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:NR|NO|NUMBER)\.?[ \t]*"
                          r"(?P<number>\d{1,4}/\d{2})\b")
_NOTAM_NUMBER = re.compile(r"\b(?P<number>[A-Z]\d{4}/\d{2})\s+NOTAM(?P<type>[NRC])\b(?:\s+(?P<ref>[A-Z]\d{4}/\d{2}))?")
_DTG_LINE = re.compile(r"\(?\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\)?")  # "061430Z APR 2026" above a broadcast's number
_CANCEL_ANY = re.compile(r"\bCANCEL\b", re.IGNORECASE)
_NOTAM_FIELDS = re.compile(r"(?m)^\s*(?:Q\)|[A-G]\)\s*\S)")
_NOTAM_E = re.compile(r"(?ms)^\s*E\)(?P<body>.*?)(?=^\s*[F-G]\)|\Z)")
_CANCEL = re.compile(r"\bCANCEL\s+(?!THIS\b)(?P<ref>(?:NAVAREA\s+[IVX]+|HYDROPAC|HYDROLANT|NAV\s+WARNING)\s+"
                     r"\d{1,4}/\d{2})", re.IGNORECASE)
# Where an area begins: "A.", "B)", "(2)", "AREA ALFA", "AREA B". A NOTAM's Q) A) ... G) items are fields, not areas.
# Also as relayed or retyped: "(a)", "a)" or "1)" opening a line, "ONE." / "TWO." as a broadcast spells numbers.
_AREA_MARK = re.compile(
    r"(?m)(?:^|(?<=[\s.,:;]))(?:(?P<letter>[A-H])\.(?=\s)|\((?P<paren>[A-Ha-h1-9])\)|(?<![A-Z])(?P<item>[1-9])\.(?=\s)|"
    r"(?i:AREAS?)\s+(?P<word>ALFA|ALPHA|BRAVO|CHARLIE|DELTA|ECHO|FOXTROT|[A-H1-9])\b|"
    r"(?<![^\n])[ \t]*(?P<line>[a-h1-9])\)(?=\s)|(?<![A-Z])(?P<spelt>ONE|TWO|THREE|FOUR|FIVE|SIX)\.(?=\s))")
# "WITHIN 20 MILES OF": a navigational warning's miles are nautical miles
_PSN = r"(?:\s+(?:PSN|POSN?|POSITION)\.?)?"  # "WI 25NM RADIUS OF PSN 383000N1321500E"
_CIRCLE = re.compile(rf"\b(?:WITHIN|WI)\s+(?:A\s+RADIUS\s+OF\s+)?(?P<r>\d+(?:\.\d+)?)\s*"
                     rf"(?P<unit>NM|NAUTICAL\s+MILES?|MILES?|KM|KILOMETERS?|KILOMETRES?)\s+(?:RADIUS\s+)?(?:OF|FROM|CENTERED\s+(?:ON|AT)|CENTRED\s+(?:ON|AT)){_PSN}\s*:?\s*$"
                     r"|\b(?P<r2>\d+(?:\.\d+)?)\s*(?P<unit2>NM|KM)\s+RADIUS\s+(?:OF|CENTERED\s+(?:ON|AT)|"
                     rf"CENTRED\s+(?:ON|AT)|AROUND){_PSN}\s*:?\s*$"
                     # "within a circle of radius 12 nautical miles centred at", "circle radius 5 NM centered on"
                     r"|\bRADIUS\s+(?:OF\s+)?(?P<r3>\d+(?:\.\d+)?)\s*(?P<unit3>NM|NAUTICAL\s+MILES?|MILES?|KM|"
                     rf"KILOMETERS?|KILOMETRES?)\s+(?:CENTERED|CENTRED|CENTER|CENTRE)\s+(?:ON|AT){_PSN}\s*:?\s*$",
                     re.IGNORECASE)
# Anything that looks like a coordinate, to tell which ones could not be read: a digit mistyped as a letter
# (33 deg 2O min N) still looks like one, so its area is named as unreadable rather than drawn from the other corners.
# (Minutes and seconds have two digits or more: "SEP 26 IN" is a date and a word, not 26 deg 1 min N.)
_COORDINATE_LIKE = re.compile(r"(?<![\w.])\d[\dOoIl]{0,2}(?:[-\u00b0\u2032'\u2033\" ][\dOoIl]{2,3}(?:\.[\dOoIl]+)?)+"
                              r"\s?[\u2032'\u2033\"]?\s?[NSEW](?![A-Za-z])"
                              r"|(?<![\w.])\d{4,8}(?:\.\d+)?[NSEW](?![A-Za-z])")
_AIRSPACE = re.compile(r"\b(?:AIRSPACE|ALTITUDES?|FL\d{3}|SFC|UNL|AIRCRAFT|FIR)\b")
_AREA_WORDS = {"ALFA": "A", "ALPHA": "A", "BRAVO": "B", "CHARLIE": "C", "DELTA": "D", "ECHO": "E", "FOXTROT": "F",
               "ONE": "1", "TWO": "2", "THREE": "3", "FOUR": "4", "FIVE": "5", "SIX": "6"}


@dataclass
class NoticeArea:
    label: str  # "A", "1", or "" when the notice has a single area
    geometry: BaseGeometry
    span: tuple[int, int]  # the coordinate text, from the first position to the last
    corners: list[tuple[float, float]]
    radius_nm: float | None = None


@dataclass
class Notice:
    series: str  # "NAVAREA XI", "HYDROPAC", "NAV WARNING", "NOTAM"
    number: str  # "0746/23", "A1234/23"
    span: tuple[int, int]
    airspace: bool
    areas: list[NoticeArea] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    expires: datetime | None = None
    cancels: list[str] = field(default_factory=list)  # notices this one cancels ("HYDROPAC 3951/23")
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message) for what could not be read

    @property
    def name(self) -> str:
        return f"{self.series} {self.number}"


def read_notice(text: str) -> Notice | None:
    """The notice ``text`` holds, or None when it is not one (an article, or anything else)."""
    spoken = written(text)  # a warning read out on the radio, its figures spelled (spoken_notice)
    if spoken is None:
        # (a post quoting a warning line by line: "> NAVAREA XI 1288/26"; a briefing tool's table of NOTAMs, each
        # field behind the table's "|" border: the borders blanked, every offset kept)
        return _read(unquoted(text)) or (_read(unquoted(text.replace("|", " "))) if "|" in text[:600] else None)
    notice = _read(spoken.text)
    if notice is None:
        return None
    notice.span = (spoken.spoken(notice.span[0]), spoken.spoken(notice.span[1]))
    for area in notice.areas:
        area.span = (spoken.spoken(area.span[0]), spoken.spoken(area.span[1]))
    notice.windows = [replace(w, span=(spoken.spoken(w.span[0]), spoken.spoken(w.span[1]))) for w in notice.windows]
    notice.problems = [(spoken.spoken(at), message) for at, message in notice.problems]
    return notice


def _read(text: str) -> Notice | None:
    """`_read_as_given`, or a whole notice lower-cased (by a chat or mail client, or retyped) read as the upper-case
    broadcast it was: only when its number heads the text, or it has a NOTAM's number, so an article that mentions
    a warning in a sentence stays an article. Read in upper case letter for letter: every offset holds."""
    notice = _read_as_given(text)
    if notice is not None or _mostly_upper(text):
        return notice
    head = _upper(text[:600])
    nav = _NAV_NUMBER.search(head) or _NAV_HEADING.search(head)
    if (nav and _heads(head, nav)) or _NOTAM_NUMBER.search(head):
        return _read_as_given(_upper(text))
    return None


def _upper(text: str) -> str:
    """``text`` in upper case, letter for letter ("ß" kept, not made "SS"), so every offset holds."""
    upper = text.upper()
    return upper if len(upper) == len(text) else "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _read_as_given(text: str) -> Notice | None:
    head = text[:600]
    notam = _NOTAM_NUMBER.search(head)
    nav = _NAV_NUMBER.search(head) or _NAV_HEADING.search(head)
    pasted = None if notam or (nav and (_mostly_upper(text) or _heads(text, nav))) else _pasted(text)
    if pasted:  # read only the warning: the page around it is navigation, not the notice's areas or times
        nav, begin, finish = pasted
        text = _only(text, begin, finish)
    if notam and len(_NOTAM_FIELDS.findall(text)) >= 3:
        notice = Notice("NOTAM", notam.group("number"), notam.span(), airspace=True)
        if notam.group("type") == "C" and notam.group("ref"):
            notice.cancels.append(f"NOTAM {notam.group('ref')}")
    elif nav and (pasted or _mostly_upper(text) or _heads(text, nav)):
        series = " ".join(nav.group("series").split()).upper()
        series = re.sub(r"\s+(?:NR|NO)\.?$", "", series)
        series = re.sub(r"\bNAV\.? WARN\.?$", "NAV WARNING", series)
        notice = Notice(series, nav.group("number"), nav.span(), airspace=bool(_AIRSPACE.search(text)))
        notice.cancels.extend(" ".join(m.group("ref").split()).upper() for m in _CANCEL.finditer(text))
    else:
        return None
    year = _notice_year(notice.number)
    notice.windows = find_windows(text, year)
    notice.expires = expiry(text, year)
    field_e = _NOTAM_E.search(text) if notice.series == "NOTAM" else None
    _read_areas(text, notice, *(field_e.span("body") if field_e else (0, len(text))))
    return notice


def _heads(text: str, nav: re.Match[str]) -> bool:
    """The warning number is the text's heading: its line begins with it (or with the issuer's name before it),
    within the first three lines that hold anything. An article quoting a warning number mentions it in a
    sentence, so an article is not taken for a notice."""
    line_start = text.rfind("\n", 0, nav.start()) + 1
    before = text[line_start:nav.start()].strip()
    if before and not re.fullmatch(r"(?i)(?:JAPAN\s+)?COAST\s+GUARD", before):
        return False
    return sum(1 for line in text[:line_start].splitlines() if line.strip()) < 3


def _pasted(text: str) -> tuple[re.Match[str], int, int] | None:
    """A warning pasted from a web page with the page's text around it (menus, query lines, footers): its
    number heads a short line of its own, and corner positions follow within a few paragraphs. The match
    and the stretch of text the warning takes, from its number's line (or the date-time group above it) to
    the end of its last paragraph that holds a position or a cancellation."""
    for nav in _NAV_NUMBER.finditer(text, 0, 4000):
        line_start = text.rfind("\n", 0, nav.start()) + 1
        line_end = text.find("\n", nav.end())
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:nav.start()].strip() or line_end - line_start > 80:
            continue  # a sentence quoting the number, not the warning's heading
        above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        begin = above if _DTG_LINE.fullmatch(text[above:line_start].strip()) else line_start
        finish, quiet = line_end, 0
        for para in re.finditer(r"(?s).+?(?:\n[ \t]*\n|\Z)", text[line_start:]):
            if find_positions(text, line_start + para.start(), line_start + para.end()) or _CANCEL_ANY.search(
                    para.group()):
                finish, quiet = line_start + para.end(), 0
            else:
                quiet += 1
                if quiet > 3:
                    break
        if len(find_positions(text, begin, finish)) >= 3 or _CANCEL.search(text, begin, finish):
            return nav, begin, finish
    return None


def _only(text: str, begin: int, finish: int) -> str:
    """``text`` with everything outside [begin, finish) blanked, so offsets (and line numbers) still hold."""
    return re.sub(r"[^\n]", " ", text[:begin]) + text[begin:finish] + re.sub(r"[^\n]", " ", text[finish:])


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _notice_year(number: str) -> int | None:
    m = re.search(r"/(\d\d)", number)
    return 2000 + int(m.group(1)) if m else None


def _regions(text: str, begin: int, end: int) -> list[tuple[str, int, int]]:
    """(label, start, end) of each stretch of text that one area mark begins; before the first mark, ''."""
    found = list(_AREA_MARK.finditer(text, begin, end))
    named = next((m.start() for m in found if m.group("word")), None)
    # under "Area 1", the "(1) 36°12'N 123°18'E  (2) …" that follow number the corners, not areas
    marks = [(m.start(), _label(m)) for m in found
             if named is None or m.start() < named or m.group("word") or not (m.group("paren") or "").isdigit()]
    starts = [(begin, ""), *marks] if not marks or marks[0][0] > begin else marks
    return [(label, at, starts[i + 1][0] if i + 1 < len(starts) else end)
            for i, (at, label) in enumerate(starts)]


def _label(m: re.Match[str]) -> str:
    return area_letter(next(g for g in (m.group("letter"), m.group("paren"), m.group("item"), m.group("word"),
                                        m.group("line"), m.group("spelt")) if g))


def area_letter(label: str) -> str:
    """The one label an area is known by: 'AREA ALFA' and 'A.' are both area A (the phonetic word is how a
    broadcast spells the letter out), so drafts, citations and scores say 'A' for either."""
    raw = label.strip().upper()
    raw = raw[5:].strip() if raw.startswith("AREA ") else raw
    return _AREA_WORDS.get(raw, raw)


def _read_areas(text: str, notice: Notice, begin: int, finish: int) -> None:
    positions = find_positions(text, begin, finish)
    unreadable = [m for m in _COORDINATE_LIKE.finditer(text, begin, finish)
                  if not any(p.start <= m.start() < p.end for p in positions)]
    for label, at, end in _regions(text, begin, finish):
        group = [p for p in positions if at <= p.start < end]
        bad = [m for m in unreadable if at <= m.start() < end]
        name = f"area {label}" if label else "the area"
        if bad:
            notice.problems.append((bad[0].start(), f"{name}: cannot read the coordinate "
                                                    f"{bad[0].group().strip()!r}; {name} is not drafted"))
            continue
        if not group:
            continue
        window = text[max(at, group[0].start - 60) : group[0].start]
        circle = _CIRCLE.search(window)
        if circle and len(group) == 1:
            radius = float(circle.group("r") or circle.group("r2") or circle.group("r3"))
            unit = (circle.group("unit") or circle.group("unit2") or circle.group("unit3")).upper()
            km = radius * (NM_KM if unit.startswith(("NM", "NAUTICAL", "MILE")) else 1.0)
            centre = group[0]
            ring = geodesic.range_ring(centre.lon, centre.lat, km, 72)
            start = group[0].start - len(window) + circle.start()
            notice.areas.append(NoticeArea(label, ring, (start, centre.end), [(centre.lon, centre.lat)],
                                           round(km / NM_KM, 3)))
        elif len(group) >= 3:
            corners = [(p.lon, p.lat) for p in group]
            if len(corners) > 3 and corners[0] == corners[-1]:
                corners.pop()  # NOTAMs close the ring by repeating the first corner
            notice.areas.append(NoticeArea(label, _polygon(corners), (group[0].start, group[-1].end), corners))
        else:
            notice.problems.append((group[0].start, f"{name}: {counted(len(group), 'position')} and no radius; "
                                                    f"not an area, not drafted"))


def _polygon(corners: list[tuple[float, float]]) -> BaseGeometry:
    """The corners joined in the notice's order (notices list them round the area); when that ring crosses
    itself, their convex hull."""
    ring = corners[:-1] if len(corners) > 3 and corners[0] == corners[-1] else corners
    polygon: BaseGeometry = Polygon(ring)
    if not polygon.is_valid or polygon.area == 0:
        polygon = shapely.convex_hull(shapely.MultiPoint(ring))
    if polygon.geom_type != "Polygon":
        return polygon
    return geodesic.densify(shapely.orient_polygons(polygon), EDGE_KM)


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``, for 'FILE:LINE: message'."""
    return text.count("\n", 0, offset) + 1
