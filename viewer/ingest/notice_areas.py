"""The areas a notice lists: lettered or numbered polygons by their corners, and circles by a radius round a centre;
a corner a human reads without doubt despite a typo is read (notice_typos), one that cannot be read leaves its area
out, named in one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from viewer.geo import geodesic
from viewer.geo.coordinates import FoundPosition, find_positions
from viewer.ingest.notice_typos import WRONG_HEMISPHERE, mended_corners
from viewer.wording import counted

NM_KM = 1.852
EDGE_KM = 25.0  # densify edges so they draw as geodesics in any projection

# Where an area begins: "A.", "B)", "(2)", "AREA ALFA", "AREA B". A NOTAM's Q) A) ... G) items are fields, not areas.
# Also as relayed or retyped: "(a)", "a)" or "1)" opening a line, "ONE." / "TWO." as a broadcast spells numbers.
# A Korean warning letters its areas in hangul order (가, 나, 다, 라 …, as a, b, c, d): "(가)", circled "㉮", or "가."
# opening a line; the label is kept as written ("가"), as the warning names it.
_HANGUL_LETTERS = "\uac00\ub098\ub2e4\ub77c\ub9c8\ubc14\uc0ac\uc544"  # 가 나 다 라 마 바 사 아
_CIRCLED_HANGUL = {chr(0x326E + i): letter for i, letter in enumerate(_HANGUL_LETTERS)}  # ㉮ ㉯ ㉰ … ㉵
_AREA_MARK = re.compile(
    rf"(?m)(?:^|(?<=[\s.,:;]))(?:(?P<letter>[A-H])\.(?=\s)|\((?P<paren>[A-Ha-h1-9{_HANGUL_LETTERS}])\)|"
    rf"(?P<circled>[\u326e-\u3275])|(?<![^\n])[ \t]*(?P<hangul>[{_HANGUL_LETTERS}])\.(?=\s)|"
    r"(?<![A-Z])(?P<item>[1-9])\.(?=\s)|"
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
_AREA_WORDS = {"ALFA": "A", "ALPHA": "A", "BRAVO": "B", "CHARLIE": "C", "DELTA": "D", "ECHO": "E", "FOXTROT": "F",
               "ONE": "1", "TWO": "2", "THREE": "3", "FOUR": "4", "FIVE": "5", "SIX": "6"}

@dataclass
class NoticeArea:
    label: str  # "A", "1", or "" when the notice has a single area
    geometry: BaseGeometry
    span: tuple[int, int]  # the coordinate text, from the first position to the last
    corners: list[tuple[float, float]]
    radius_nm: float | None = None
    readings: list[str] = field(default_factory=list)  # corners read despite a typo, and how


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
    if m.group("circled"):
        return _CIRCLED_HANGUL[m.group("circled")]
    return area_letter(next(g for g in (m.group("letter"), m.group("paren"), m.group("item"), m.group("word"),
                                        m.group("line"), m.group("spelt"), m.group("hangul")) if g))


def area_letter(label: str) -> str:
    """The one label an area is known by: 'AREA ALFA' and 'A.' are both area A (the phonetic word is how a
    broadcast spells the letter out), so drafts, citations and scores say 'A' for either."""
    raw = label.strip().upper()
    raw = raw[5:].strip() if raw.startswith("AREA ") else raw
    return _AREA_WORDS.get(raw, raw)


def read_areas(text: str, begin: int, finish: int) -> tuple[list[NoticeArea], list[tuple[int, str]]]:
    """The areas ``text[begin:finish]`` lists, and (offset, message) for each it cannot draft or read with a typo."""
    areas: list[NoticeArea] = []
    problems: list[tuple[int, str]] = []
    positions = find_positions(text, begin, finish)
    unreadable = [m.span() for m in _COORDINATE_LIKE.finditer(text, begin, finish)
                  if not any(p.start <= m.start() < p.end for p in positions)]
    unreadable += [m.span() for m in WRONG_HEMISPHERE.finditer(text, begin, finish)]
    for label, at, end in _corner_list(_regions(text, begin, finish), positions, unreadable):
        group = [p for p in positions if at <= p.start < end]
        bad = sorted((s, e) for s, e in unreadable if at <= s < end)
        name = f"area {label}" if label else "the area"
        notes: dict[int, str] = {}
        if bad:
            mended = mended_corners(text, bad, at, end)
            if mended is None:
                problems.append((bad[0][0], f"{name}: cannot read the coordinate {text[slice(*bad[0])].strip()!r}; "
                                            f"{name} is not drafted"))
                continue
            group, notes = mended
            problems.extend((offset, f"{name}: {note}") for offset, note in notes.items())
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
            areas.append(NoticeArea(label, ring, (start, centre.end), [(centre.lon, centre.lat)],
                                    round(km / NM_KM, 3)))
        elif len(group) >= 3:
            corners = [(p.lon, p.lat) for p in group]
            if len(corners) > 3 and corners[0] == corners[-1]:
                corners.pop()  # NOTAMs close the ring by repeating the first corner
            areas.append(NoticeArea(label, _polygon(corners), (group[0].start, group[-1].end), corners,
                                    readings=list(notes.values())))
        else:
            problems.append((group[0].start, f"{name}: {counted(len(group), 'position')} and no radius; "
                                             f"not an area, not drafted"))
    return areas, problems


def _corner_list(regions: list[tuple[str, int, int]], positions: list[FoundPosition],
                 unreadable: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Points numbered one per line, '(1) 40-25.0N 134-10.0E' / '(2) …' / '(3) …', are the corners of one area,
    not areas of a single point each: three or more regions numbered in order, each with one corner and no
    radius, are one unlabelled region."""
    held = [(label, at, end) for label, at, end in regions
            if any(at <= p.start < end for p in positions) or any(at <= s < end for s, _ in unreadable)]
    if len(held) < 3 or [label for label, _, _ in held] != [str(i) for i in range(1, len(held) + 1)]:
        return regions
    for _, at, end in held:
        inside = [p for p in positions if at <= p.start < end] + [u for u in unreadable if at <= u[0] < end]
        if len(inside) != 1:
            return regions
    return [("", held[0][1], held[-1][2])]


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


