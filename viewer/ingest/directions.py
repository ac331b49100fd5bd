"""Directions of flight stated without a distance: 'on a southward path', 'fired … eastward', 'flew east', 'in an
easterly direction', 'headed south', 'toward the East Sea' (the bearing from the launch site to the sea named)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shapely.geometry import Point

from viewer.geo import geodesic
from viewer.ingest.claims import attribution
from viewer.ingest.compass_shorthand import DIRECTION_AFTER_SEA, SEA_DIRECTION, shorthand_direction
from viewer.ingest.findings import ArticleDraft, DraftClaim
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.measures import bearing_of
from viewer.ingest.places import PlaceMatcher, PlaceMention
from viewer.ingest.sentences import Sentence

_DIR = r"(?P<dir>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2})"  # up to "east-northeast"
# (nor "according to the South's military": the country)
_NOT_A_HEADING = (r"(?!\s+(?:of|coast|Korea|Sea|Japan|side|part|region|Pacific|China|Asia|Hwanghae|Phyongan|Hamgyong)"
                  r"|['\u2019]s\b)")
# A machine translation's word order, the direction before its noun: "launched to east direction", "2 shots launched
# in East Sea direction" (a compass word, or a sea as after 'toward')
# (not where a failed rocket's pieces came down: "crashed into the West Sea", "fell into the Yellow Sea off the west
# coast")
_NOT_FALLEN = r"(?<!crashed\s)(?<!plunged\s)(?<!fell\s)(?<!landed\s)(?<!dropped\s)"
_DIRECTION_AFTER = re.compile(rf"\b(?:to|in)\s+(?:the\s+)?{_DIR}\s+dir(?:ection\b|\.)", re.IGNORECASE)
_PATTERNS = [
    re.compile(rf"\b(?:on|along)\s+an?\s+{_DIR}(?:ward|erly|ern)?\s+(?:path|course|trajectory|route|heading)\b",
               re.IGNORECASE),
    re.compile(rf"\bin\s+(?:an?|the)\s+{_DIR}(?:erly|ern|ward)?\s+direction\b", re.IGNORECASE),
    re.compile(rf"\b{_DIR}(?:wards?|bound)\b", re.IGNORECASE),
    # a PDF's word hyphenated across lines: "420 km and 270 km respectively east-" / "ward, at an apogee …"
    re.compile(rf"\b{_DIR}-[ \t]*\r?\n[ \t]*(?:wards?|erly)\b", re.IGNORECASE),
    # "on a bearing roughly east-northeast", "on a heading of about north-northeast", "at a heading due east"
    re.compile(rf"\b(?:on|along|at)\s+an?\s+(?:bearing|heading|course|azimuth)\s+(?:of\s+)?(?:(?:roughly|about|around|"
               rf"approximately|nearly|almost|due|just)\s+)?{_DIR}\b{_NOT_A_HEADING}(?!-)", re.IGNORECASE),
    re.compile(rf"\btowards?\s+the\s+{_DIR}\b{_NOT_A_HEADING}", re.IGNORECASE),
    # a report's or record's field: "Direction: NE", "Heading ........ East", "DIRECTION: due east"
    re.compile(rf"^[ \t]*(?:direction|heading)(?:[ \t]*\([^)\n]*\))?[ \t]*(?::|\.{{3,}})[ \t]*(?:(?:due|roughly|about|"
               rf"generally)\s+)?{_DIR}\b{_NOT_A_HEADING}", re.IGNORECASE | re.MULTILINE),
    # "toward waters east of the Korean Peninsula", "came down in the sea east of the peninsula" (of the launch's own
    # land: a heading; "the sea west of Japan" is where, not which way)
    re.compile(rf"\b(?:towards?|into|in|over)\s+(?:the\s+)?(?:waters|seas?)\s+{_DIR}\s+of\s+(?:the\s+)?(?:Korean\s+"
               r"peninsula|peninsula|North\s+Korea|North|country)\b", re.IGNORECASE),
    # "fell outside Japan's EEZ, about 550 kilometers east of the Korean Peninsula", "appeared to have come down east
    # of the Korean Peninsula": where it came down, told from the launch's own land, is the way it went (east only:
    # "dropped into the Yellow Sea west of the Korean Peninsula" is where debris of a southward flight fell)
    re.compile(r"\b(?:fell|falls|falling|fallen|landed|landing|lands|came\s+down|coming\s+down|come\s+down|splashed\s+"
               r"down|splashing\s+down|dropped)\b(?:[ap]\.m\.|[^.;]){0,90}?\b(?P<dir>(?:north|south)?[- ]?east)\s+of\s+"
               r"(?:the\s+)?(?:Korean\s+peninsula|peninsula|North\s+Korea)\b", re.IGNORECASE),
    # "toward the eastern waters", "into western waters", "fired into the East Sea" (the firing; not "crashed into
    # the West Sea", where a failed rocket fell)
    re.compile(rf"{_NOT_FALLEN}\b(?:towards?|into)\s+(?:the\s+)?{_DIR}(?:ern)?"
               r"\s+(?:waters|seas?)\b", re.IGNORECASE),
    # "towards the sea between the Korean peninsula and Japan": the East Sea, east of every North Korean site ("landing
    # in the sea between the peninsula and Japan" says where it came down, as "landed in the Sea of Japan" does)
    re.compile(r"\btowards?\s+(?:the\s+)?(?:sea|waters)\s+between\s+the\s+(?:Korean\s+)?peninsula\s+and\s+"
               r"(?P<dir>Japan)\b", re.IGNORECASE),
    # "on a lofted trajectory to the east" (not "the sea to the east of Japan")
    re.compile(rf"\bto\s+the\s+{_DIR}\b{_NOT_A_HEADING}(?!-)", re.IGNORECASE),
    # "towards the sea off its east coast", "into waters off the west coast": where it went, seen from the site
    # ("fired … off its east coast" or "over the waters off its west coast" say where, not which way)
    re.compile(rf"{_NOT_FALLEN}\b(?:towards?|into)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:sea|waters?)\s+off\s+(?:its|the|North\s+Korea['\u2019]s|the\s+North['\u2019]s|the\s+(?:Korean\s+)?[Pp]eninsula['\u2019]s|the\s+country"
               rf"['\u2019]s)\s+{_DIR}(?:ern)?\s+coast(?!\s+of\b)", re.IGNORECASE),  # (not "… coast of South Korea")
    # "fired … toward its east coast waters", "toward the country's western coastal waters"
    re.compile(rf"\btowards?\s+(?:its|the|North\s+Korea['\u2019]s|the\s+(?:North|country)['\u2019]s)\s+{_DIR}(?:ern)?\s+"
               r"coast(?:al)?\s+(?:waters|seas?)\b", re.IGNORECASE),
    _DIRECTION_AFTER,
    re.compile(rf"\b(?:flew|flying|flown|headed|heading|fired|launched|travell?ed|went|moved|turned|sen(?:t|ding))\s+"
               rf"(?:[\w-]+\s+){{0,2}}?(?:to\s+the\s+)?{_DIR}\b{_NOT_A_HEADING}(?!-)", re.IGNORECASE),
]
# "toward the East Sea"; "fired two projectiles from Sondok in South Hamgyong Province into the East Sea" (the
# firing, not where debris fell: "landed in the Sea of Japan" names a sea 1,000 km across, not a direction)
# (a post's hashtag: "toward the #EastSea")
_TOWARD = re.compile(r"\btowards?\s+(?:(?:the\s+)?#(?=[A-Z]))?|\bin\s+the\s+direction\s+of\s+|"
                     r"\b(?:fired|launched|flew)\s+(?:[\w-]+\s+){0,10}?into\s+|"
                     r"\bhead(?:ed|ing)\s+(?:out\s+)?(?:over|into)\s+", re.IGNORECASE)  # "it headed out over …"
TOWARD_KINDS = frozenset({"sea", "prefecture", "island", "island_group", "country_region", "reference_point"})


@dataclass(frozen=True)
class StatedDirection:
    bearing: float
    words: str  # as written: "south", "southward", "the East Sea"
    span: tuple[int, int]
    toward: str | None = None  # gazetteer id of the place named after 'toward'


def stated_direction(text: str, sentences: list[Sentence], matcher: PlaceMatcher,
                     site: Point | None) -> StatedDirection | None:
    """The first direction of flight the sentences state in compass words, else the first place the flight went
    'toward' (a sea's label point is only roughly where the flight went, so compass words win)."""
    for sentence in sentences:
        for pattern in _PATTERNS:
            m = pattern.search(text, sentence.start, sentence.end)
            if m is None:
                continue
            east_sea = m.group("dir").lower() == "japan"  # (the sea between the peninsula and Japan)
            bearing = 90.0 if east_sea else bearing_of(m.group("dir"))
            if bearing is not None:
                return StatedDirection(bearing, "east" if east_sea else m.group("dir").lower(), m.span())
        shorthand = shorthand_direction(text, sentence.start, sentence.end)  # "flew ENE", "brg 070"
        if shorthand is not None:
            return StatedDirection(*shorthand)
    toward = _cell_direction(text, sentences, matcher, site) or _toward(text, sentences, matcher, site)
    return toward or _where_it_went(text, sentences, matcher, site) or _ended_in_sea(text, sentences, matcher, site)


def direction_claim(draft: ArticleDraft, text: str, sentences: list[Sentence], matcher: PlaceMatcher) -> None:
    """A direction stated with no site to draw it from ('on an eastward path'), kept as a claim (moved from
    draft.py)."""
    stated = stated_direction(text, sentences, matcher, None)
    if stated is not None:
        draft.claims.append(DraftClaim("direction_deg", stated.bearing, attribution(
            text, next(s for s in sentences if s.start <= stated.span[0] < s.end), stated.span[0]), [stated.span]))


def _toward(text: str, sentences: list[Sentence], matcher: PlaceMatcher, site: Point | None
            ) -> StatedDirection | None:
    for sentence in sentences:
        for m in _TOWARD.finditer(text, sentence.start, sentence.end):
            place = matcher.place_at(text, m.end())
            if place is None or place.place.kind not in TOWARD_KINDS:
                continue
            found = _toward_place(text, place, m.start(), site)
            if found is not None:
                return found
        for place in matcher.find(text, sentence.start, sentence.end):  # "in East Sea direction"
            if place.place.kind == "sea" and DIRECTION_AFTER_SEA.match(text, place.end):
                found = _sea_direction(text, place, site)
                if found is not None:
                    return found
        for m in SEA_DIRECTION.finditer(text, sentence.start, sentence.end):  # "in the east sea direction"
            sea = matcher.place(_COAST_SEA_IDS[m.group("side").lower()])
            if sea is not None:
                return _sea_direction(text, PlaceMention(m.start(), m.start() + len("east sea"), sea), site)
        for m in _FIRED_OVER.finditer(text, sentence.start, sentence.end):  # "fired … over the West Sea"
            place = matcher.place_at(text, m.end())
            if place is not None and place.place.id in COAST_SEAS and not _EARLIER_CLAUSE.search(
                    text, max(sentence.start, m.start() - 40), m.start()) and not any(
                    _COURSES_FLOWN.search(text, s.start, s.end) for s in sentences):
                return StatedDirection(COAST_SEAS[place.place.id], text[place.start : place.end],
                                       (m.start(), place.end), place.place.id)
    return None


# "fired several cruise missiles over the West Sea", "fired … at around 8 a.m. in waters near Sinpo, …, over the East
# Sea": the coast's sea the missiles were fired out over is the way they went, west or east (a sea named after
# 'over' in the firing's clause; "flew over the East Sea" is _ENDED's)
# (not another launch's clause: "The launch came four days after the North fired … over the Yellow Sea"; nor
# missiles that flew courses over the sea: "flew elliptical and figure-of-eight patterns over the sea", "circled over
# the Yellow Sea for more than two hours")
_EARLIER_CLAUSE = re.compile(r"\b(?:after|before|since)\s+(?:the\s+North|North\s+Korea|Pyongyang|it|they)\s+"
                             r"(?:had\s+)?$", re.IGNORECASE)
_COURSES_FLOWN = re.compile(r"\b(?:patterns?|courses|circuits|orbits|figure-of-eight|elliptical|circl(?:ed|ing)|"
                            r"loop(?:ed|ing|s))\b", re.IGNORECASE)
_FIRED_OVER = re.compile(r"\b(?:fired|launched|test-fired)\b(?:[ap]\.m\.|[^.;:]){0,140}?\bover\s+(?:the\s+)?"
                         r"(?:waters\s+of\s+the\s+)?", re.IGNORECASE)


def _sea_direction(text: str, place: PlaceMention, site: Point | None) -> StatedDirection | None:
    """'In East Sea direction': a coast's sea named as a direction is the way to that coast (east or west), not the
    bearing to the sea's label point (the Yellow Sea's lies south-west of most sites); another sea, as after
    'toward'."""
    if place.place.id in COAST_SEAS:
        return StatedDirection(COAST_SEAS[place.place.id], text[place.start : place.end], (place.start, place.end),
                               place.place.id)
    return _toward_place(text, place, place.start, site)


def _toward_place(text: str, place: PlaceMention, start: int, site: Point | None) -> StatedDirection | None:
    if site is not None:
        bearing = float(geodesic.inverse(site.x, site.y, place.place.lon, place.place.lat)[1]) % 360
    elif place.place.id in COAST_SEAS:  # no site: the coast the sea washes
        bearing = COAST_SEAS[place.place.id]
    else:
        return None
    return StatedDirection(bearing, text[place.start : place.end], (start, place.end), place.place.id)


# Where the flight went, told by a place far from where it started: "came down at sea west of Okushiri", "fell inside
# its exclusive economic zone, west of Aomori", "came down in the Pacific off the Sanriku coast", "flew over
# Hokkaido": the bearing to that place is the flight's direction (the place is hundreds of km off, so which side of it
# the flight ended changes the bearing little). With no site, from North Korea's label point.
_WENT = re.compile(r"\b(?:fell|falls|fallen|falling|landed|lands|landing|came\s+down|comes\s+down|coming\s+down|"
                   r"splashed\s+down|splashing\s+down|crashed|impacted|dropped)\b[^.;]{0,90}?\b(?:(?:north|south|east|"
                   r"west)(?:[- ]?(?:north|south|east|west))?\s+of|off(?:\s+the\s+coast\s+of)?)\s+|"
                   r"\b(?:flew|flies|flying|flown|passed|passes|passing|crossed|crosses|crossing|overflew)\s+(?:\w+\s+){0,2}?"
                   r"(?:over|across)\s+(?:the\s+)?|\b(?:crossed|crosses|crossing|overflew|overflies)\s+(?:the\s+)?"
                   # "fired a missile over Hokkaido", "launches an IRBM over northern Japan"
                   r"|\b(?:fire[sd]?|firing|launch(?:e[sd])?|launching)\s+(?:[\w'\u2019()-]+\s+){0,8}?over\s+",
                   re.IGNORECASE)
# "over northern Japan": a qualifier before the place
_REGION_WORD = re.compile(r"(?:(?:the\s+)?(?:northern|north-?eastern|eastern|central)\s+(?:part\s+of\s+(?:the\s+)?)?)",
                          re.IGNORECASE)
WENT_KINDS = frozenset({"prefecture", "island", "island_group", "city", "reference_point"})
OVER_JAPAN = 90.0
JAPAN_OVERFLOWN = frozenset({"japan", "honshu", "tohoku"})  # "over northern Honshu", "over the Tohoku region"
_JAPANESE_ISLANDS = re.compile(r"(?:the\s+)?Japanese\s+(?:archipelago|(?:home\s+|main\s+)?islands|mainland|"
                               r"territory)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?\b")  # "over Japan's southern islands": the islands, not Japan
_OVERFLOWN = re.compile(r"\b(?:over|across|crossed|crosses|crossing|overflew|overflies)\b", re.IGNORECASE)
# "it never passed over Japan", "said it had not crossed Japan", "did not fly over Japan"
_NEVER = re.compile(r"\b(?:never|not|n['\u2019]t|no\s+longer)\b[^.;]{0,30}$", re.IGNORECASE)
FAR_KM = 500.0


def _where_it_went(text: str, sentences: list[Sentence], matcher: PlaceMatcher, site: Point | None
                   ) -> StatedDirection | None:
    origin = site or _country_point(matcher)
    if origin is None:
        return None
    for sentence in sentences:
        for m in _WENT.finditer(text, sentence.start, sentence.end):
            qualifier = _REGION_WORD.match(text, m.end())
            at = qualifier.end() if qualifier else m.end()
            place = matcher.place_at(text, at)
            islands = _JAPANESE_ISLANDS.match(text, at)
            japan = (islands.start(), islands.end()) if islands else (place.start, place.end) if (
                place is not None and place.place.id in JAPAN_OVERFLOWN) else None
            if japan is not None and _OVERFLOWN.search(m.group()) and not (
                    _POSSESSIVE.match(text, japan[1]) or _NEVER.search(text, sentence.start, m.start())):
                # "flew over Japan": a flight across the Japanese islands went east from any North Korean site
                return StatedDirection(OVER_JAPAN, text[japan[0] : japan[1]], (m.start(), japan[1]), "japan")
            if place is None or place.place.kind not in WENT_KINDS:
                continue
            km, azimuth, _ = geodesic.inverse(origin.x, origin.y, place.place.lon, place.place.lat)
            if float(km) >= FAR_KM:
                return StatedDirection(float(azimuth) % 360, text[place.start : place.end], (m.start(), place.end),
                                       place.place.id)
    return None


# Where the flight ended, told by the sea it came down in or flew out over: "splashing into the East Sea", "landing in
# the preset waters of the open sea in the East Sea of Korea", "flew for more than 2 hours over the East Sea",
# "landed in the Sea of Japan". The Korean name says which side of the peninsula the flight went to, as "into the
# eastern waters" does; under either name, a flight from a site west of the east coast that came down in that sea
# crossed the peninsula eastward (docs/ingest-conventions.md). From a site on the east coast, where a rocket that
# failed at once also falls into it, the Japanese name says where it fell and no more.
_ENDED = re.compile(r"\b(?:(?:fell|falls|fallen|falling|landed|lands|landing|splashed|splashes|splashing|plunged|"
                    r"plunging|crashed|crashing|dropped|dropping|impacted|(?:came|comes|coming)\s+down)\s+(?:down\s+)?"
                    r"(?:(?:exactly|safely|accurately|squarely)\s+)?(?:in|into|on)|fl(?:ew|ying|own|ies)\s+"
                    r"(?:[\w,.-]+\s+){0,4}?(?:for\s+(?:(?:about|around|nearly|over|more\s+than|some)\s+)?[\w.-]+\s+"
                    r"(?:hours?|minutes?|seconds?)\s+)?(?:out\s+)?over)\s+(?:the\s+)?(?:(?:(?:preset|designated|target(?:ed)?|planned|"
                    r"open|international)\s+)*(?-i:waters?|sea|area)\s+(?:of\s+the\s+open\s+sea\s+)?(?:of|in)\s+(?:the\s+)?){0,2}",
                    re.IGNORECASE)
_KOREAN_NAME = re.compile(r"East\s+(?:Korea\s+)?Sea\b|\uB3D9\uD574")  # East Sea (of Korea), East Korea Sea, 동해


def _ended_in_sea(text: str, sentences: list[Sentence], matcher: PlaceMatcher, site: Point | None
                  ) -> StatedDirection | None:
    for sentence in sentences:
        for m in _ENDED.finditer(text, sentence.start, sentence.end):
            place = matcher.place_at(text, m.end())
            came_down = not m.group().lower().startswith("fl")  # (not "flew out over": over it, not in it)
            if place is None or place.place.id != "sea-of-japan" or not (
                    _KOREAN_NAME.match(text, place.start) or (came_down and west_of_east_coast(site))):
                continue
            bearing = COAST_SEAS[place.place.id] if site is None else float(
                geodesic.inverse(site.x, site.y, place.place.lon, place.place.lat)[1]) % 360
            return StatedDirection(bearing, text[place.start : place.end], (m.start(), place.end), place.place.id)
    return None


# A table's column that says where a flight went: "| … | Fell into |" over "| … | East Sea |", "| Direction |" over
# "| NE |"; a compass word, or the sea's Korean name (as after "fell into the")
_DIRECTION_HEADING = re.compile(r"\s*(?:direction|heading|fell\s+(?:into|in)|landed\s+in|impact(?:\s+area)?|"
                                r"landing\s+area|splash\s*down)\s*", re.IGNORECASE)
# (or a compass's points in capitals: "NE", "ENE")
_COMPASS_CELL = re.compile(rf"\s*(?:(?:to(?:ward)?\s+the\s+)?{_DIR}(?:wards?|erly)?|(?-i:(?P<points>[NSEW]{{1,3}})))"
                           r"\s*$", re.IGNORECASE)
_POINTS = {"N": "north", "S": "south", "E": "east", "W": "west"}


def _cell_bearing(compass: re.Match[str] | None) -> float | None:
    if compass is None:
        return None
    if compass.group("points"):
        return bearing_of("-".join(_POINTS[p] for p in compass.group("points")))
    return bearing_of(compass.group("dir"))


def _cell_words(compass: re.Match[str]) -> str:
    return (compass.group("points") or compass.group("dir")).lower()


def _cell_direction(text: str, sentences: list[Sentence], matcher: PlaceMatcher, site: Point | None
                    ) -> StatedDirection | None:
    for sentence in sentences:
        tabled = in_launch_table(text, sentence.start)  # a table of launches' "Toward" column (launch_tables)
        if tabled is not None and tabled.toward_cell is not None:
            found = _toward_cell(text, tabled.toward_cell, matcher, site)
            if found is not None:
                return found
        row = text[sentence.start : sentence.end]
        # (a pasted spreadsheet's row: its cells apart by tabs, under a heading row of as many)
        sep = "|" if row.lstrip().startswith("|") else "\t" if row.count("\t") >= 2 else None
        if sep is None:
            continue
        if sep == "\t":  # the whole line, past a stop in a cell ("Jagang Prov.") that ended the sentence
            end = text.find("\n", sentence.start)
            row = text[sentence.start : end if end >= 0 else len(text)].rstrip("\r")
        cells = row.split(sep)
        heading = _heading_cells(text, sentence.start, len(cells), sep)
        for index, title in enumerate(heading):
            if not _DIRECTION_HEADING.fullmatch(title):
                continue
            start = sentence.start + sum(len(c) + 1 for c in cells[:index])
            cell = cells[index]
            compass = _COMPASS_CELL.match(cell)
            bearing = _cell_bearing(compass)
            if compass and bearing is not None:
                return StatedDirection(bearing, _cell_words(compass), (start, start + len(cell.rstrip())))
            offset = len(cell) - len(cell.lstrip())
            place = matcher.place_at(text, start + offset)
            if place is not None and place.place.id == "sea-of-japan" and (
                    _KOREAN_NAME.match(text, place.start) or west_of_east_coast(site)):
                bearing = COAST_SEAS[place.place.id] if site is None else float(
                    geodesic.inverse(site.x, site.y, place.place.lon, place.place.lat)[1]) % 360
                return StatedDirection(bearing, text[place.start : place.end], (place.start, place.end),
                                       place.place.id)
    return None


def _toward_cell(text: str, cell: tuple[int, int], matcher: PlaceMatcher, site: Point | None
                 ) -> StatedDirection | None:
    """A compass word ('south-east') or a sea ('East Sea', 'West Sea': the coast it washes; 'Pacific': toward it)."""
    compass = _COMPASS_CELL.match(text[cell[0] : cell[1]])
    bearing = _cell_bearing(compass)
    if compass and bearing is not None:
        return StatedDirection(bearing, _cell_words(compass), cell)
    place = matcher.place_at(text, cell[0])
    if place is None or place.place.kind != "sea":
        return None
    if place.place.id in COAST_SEAS:
        bearing = COAST_SEAS[place.place.id]
    elif site is not None:
        bearing = float(geodesic.inverse(site.x, site.y, place.place.lon, place.place.lat)[1]) % 360
    else:
        return None
    return StatedDirection(bearing, text[place.start : place.end], (place.start, place.end), place.place.id)


def _heading_cells(text: str, row_start: int, count: int, sep: str = "|") -> list[str]:
    """The cells of the nearest line above a table's row with as many cells: its heading (rules of dashes skipped)."""
    for line in reversed(text[:row_start].splitlines()[-40:]):
        cells = line.split(sep)
        if len(cells) == count and any(c.strip() and not set(c.strip()) <= set("-+=: ") for c in cells) and not any(
                ch.isdigit() for ch in line):
            return cells
    return []


def _country_point(matcher: PlaceMatcher) -> Point | None:
    country = matcher.place("north-korea")
    return Point(country.lon, country.lat) if country else None


# The seas on North Korea's east and west coasts: a missile fired toward one from anywhere in the country (the site
# unnamed: 'fired from North Korea toward the East Sea') flew toward that coast, east or west.
COAST_SEAS = {"sea-of-japan": 90.0, "yellow-sea": 270.0}
_COAST_SEA_IDS = {"east": "sea-of-japan", "west": "yellow-sea"}
# The westmost reach of North Korea's east coast (Wonsan Bay, about 127.3°E): a site west of it is inland or on the
# west coast, so a flight from it that came down in the Sea of Japan flew east across the peninsula.
EAST_COAST_WESTMOST_LON = 127.3


def west_of_east_coast(site: Point | None) -> bool:
    return site is not None and site.x < EAST_COAST_WESTMOST_LON
