"""The launch site: a named facility, a North Korean place the launch came 'from', a descriptive region such as
'western North Korea' (lower certainty), or, for a satellite launch naming none, Sohae by precedent."""

from __future__ import annotations

import itertools
import re
from datetime import date

from shapely.geometry import Point

from viewer.geo.gazetteer import Place
from viewer.ingest.construct import place_point
from viewer.ingest.findings import DraftFeature
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.places import PlaceMatcher, PlaceMention
from viewer.ingest.sentences import Sentence

# A rough outline of North Korea (lon, lat), enough to tell its places from those of its neighbours.
_NORTH_KOREA = [(124.2, 39.8), (125.0, 40.6), (126.9, 41.8), (128.2, 41.6), (129.7, 42.5), (130.7, 42.3),
                (129.8, 40.8), (128.3, 39.9), (127.7, 39.3), (128.1, 38.9), (128.4, 38.6), (127.1, 38.3),
                (126.6, 37.75), (125.2, 37.85), (124.9, 38.1), (124.8, 38.6), (124.2, 39.8)]  # fmt: skip
# (Wonsan, Tongchon and Kaesong inside; South Korea's Baengnyeongdo, off the Ongjin peninsula, outside)
_FROM = re.compile(r"\b(?:from|near|in|at|off|(?-i:fm|fr)\.?)\s+(?:the\s+)?"  # (an analyst's "fm Sunan")
                   r"(?:(?:area|vicinity|region|outskirts|suburbs?|coast)\s+(?:of|near|around)\s+"
                   r"|(?:near|around)\s+)?(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:capital|city|port\s+city|port|town|county|district)"
                   r"\s+(?:of\s+)?)?$"
                   # a report's field: "Launch location: around Pyongyang", "LAUNCH AREA: Pyongyang area", "Launch
                   # facility ....... Mupyong-ri"
                   # (a pasted data record's key: '"site": "Pyongyang area"')
                   r"|\b(?:location|site|point|area|facility)\"?\s*(?::|\.{3,})\s*\"?"
                   r"(?:(?:around|near|the|vicinity\s+of)\s+)*$"
                   r"|\|[ \t]*$",  # a table row's cell: "| 27 Jan | 08:00 | Hamhung area | 2 x SRBM |"
                   re.IGNORECASE)  # "from near the capital Pyongyang", "from the Ryokpho district of Pyongyang"
# a translation that keeps the source's word order, "from" after the place: "Sunan vicinity from, ballistic missile 1
# shot … launched", "Kwail in from 2 shots launching" (not English's "the area from which", "from 2017 to 2020")
_FROM_AFTER = re.compile(r"\s+(?:(?:vicinity|area|district|county|region|coast|waters|peninsula)\s+)?(?:in\s+)?from\b"
                         r"(?!\s+(?:which|where|there|then|here|now|\d|the\b|a\b|an\b))", re.IGNORECASE)
_VERB = re.compile(r"\b(?:launch\w*|fir(?:ed|es|ing)|lift\w*\s+off|blast\w*\s+off|took\s+off)\b", re.IGNORECASE)
_PROJECTILE_AFTER = re.compile(r"(?:\s+[\w\u201c\u201d\"'-]+){0,4}?\s+"
                               r"(?:rocket|missiles?|satellite|projectiles?|ICBM|SLBM)"
                               r"(?:\s+into\s+(?:space|orbit))?", re.IGNORECASE)
# "06:27 on 31 May in Pyongyang", "9:30 a.m. in Seoul": whose clock or calendar, not where the launch came from
_CLOCK_PLACE = re.compile(r"(?:\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?|"
                          r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\blocal\s+time)\s+in\s+(?:the\s+)?$")
# a row's day and clock time, then the place: "2031-07-12 0100Z  ", "12 Mar 2031, 06:40 KST - "
_ROW_PLACE = re.compile(r"[ \t|*-]*\d{4}-\d\d-\d\d[ \t,]+(?:[0-2]\d:?[0-5]\d[ \t]*(?:Z|UTC|KST|JST)?[ \t,:|-]*)"
                        r"(?:the[ \t]+)?", re.IGNORECASE)
COASTAL_PAD_SINCE = date(2023, 1, 1)  # Sohae's coastal pad carried every satellite launch from 2023 on
SOHAE_SINCE = date(2012, 1, 1)  # Sohae's first satellite launch: April 2012 (before it, Tonghae on the east coast)


def in_north_korea(place: Place) -> bool:
    inside = False
    ring = _NORTH_KOREA
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > place.lat) != (y2 > place.lat) and place.lon < x1 + (place.lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def launch_phrase(text: str, sentence: Sentence) -> tuple[int, int]:
    """'launched a rocket into space': the verb and its object, or the whole sentence when there is no verb."""
    verb = _VERB.search(text, sentence.start, sentence.end)
    if verb is None:
        return sentence.start, sentence.end
    rest = _PROJECTILE_AFTER.match(text, verb.end(), sentence.end)
    return verb.start(), rest.end() if rest else verb.end()


def _span(a: tuple[int, int], b: tuple[int, int], limit: int = 160) -> tuple[int, int]:
    start, end = min(a[0], b[0]), max(a[1], b[1])
    return (start, end) if end - start <= limit else b


def find_site(text: str, report: LaunchReport, places: list[PlaceMention], matcher: PlaceMatcher,
              when: date | None) -> DraftFeature | None:
    """The launch site, or None when the article gives no ground to place one."""
    tabled = _table_site(text, report, places, matcher, when)
    if tabled is not None:
        return tabled
    for sentence in report.related:
        inside = [p for p in places if sentence.start <= p.start < sentence.end]
        for mention in inside:
            if mention.place.kind == "launch_facility":
                return _site(mention.place, _span(launch_phrase(text, sentence), (mention.start, mention.end)),
                             f"gazetteer:{mention.place.id} ({mention.place.source}), named in the article")
        for mention in inside:
            place = mention.place
            before = max(sentence.start, mention.start - 40)
            if in_north_korea(place) and (_FROM.search(text, before, mention.start) or _FROM_AFTER.match(
                    text, mention.end, sentence.end)) and not _CLOCK_PLACE.search(text, before, mention.start):
                if place.id == "western-north-korea" and report.space:
                    sohae = _sohae(matcher, when)
                    return _site(sohae, _span(launch_phrase(text, sentence), (mention.start, mention.end)),
                                 f"gazetteer:{sohae.id}: the article says '{text[mention.start:mention.end]}', and "
                                 f"Sohae is North Korea's only satellite launch facility in the west",
                                 certainty="approximate")
                if place.kind in ("country_region",) and place.id == "north-korea":
                    continue
                return _site(place, _span(launch_phrase(text, sentence), (mention.start, mention.end)),
                             f"gazetteer:{place.id} ({place.source}): "
                             f"launched from '{text[mention.start:mention.end]}'",
                             certainty="approximate")
    for row in report.rows:  # a log's row that names the place after its day and time ("2031-07-12 0100Z  Sunan area")
        named = next((p for p in places if row.start <= p.start < row.end and in_north_korea(p.place) and (
            p.place.id != "north-korea")), None)
        if named is not None and _ROW_PLACE.fullmatch(text, row.start, named.start):
            return _site(named.place, (named.start, named.end), f"gazetteer:{named.place.id} ({named.place.source}): "
                         f"the place the row names, '{text[named.start:named.end]}'", certainty="approximate")
    facilities = {p.place.id: p for p in places if p.place.kind == "launch_facility"}
    if len(facilities) == 1 and not any(named_in_background(text, p) for p in places if p.place.id in facilities):
        # named in the article, though not in a launch sentence, and not as the scene of something else
        mention = next(iter(facilities.values()))
        return _site(mention.place, (mention.start, mention.end),
                     f"gazetteer:{mention.place.id}: the only launch facility the article names", "approximate")
    if report.space and report.anchors and (when is None or when >= SOHAE_SINCE):
        sohae = _sohae(matcher, when)
        return _site(sohae, launch_phrase(text, report.anchors[0]),
                     f"gazetteer:{sohae.id}: the article names no site; every North Korean satellite launch since "
                     f"2012 left from Sohae", certainty="approximate")
    return None


# What makes a place's mention background, not where this launch came from: the place as somewhere else than a
# launch pad ("the Kalma resort", "Wonsan's beach hotels"), or the clause of another time or event ("a drill near
# Wonsan last year", "eight days after an attempt from the Wonsan area failed", "the 2019 tests from Sinpo")
_SCENE_AFTER = re.compile(r"[\s'\u2019s-]*(?:[\w-]+\s+){0,2}?(?:resort|beach(?:es)?|tourist|tourism|hotels?|spa|"
                          r"holiday|leisure|water\s+park|shipyard\s+workers)\b", re.IGNORECASE)
_OTHER_TIME = re.compile(r"\b(?:last\s+(?:year|month|week|spring|summer|autumn|fall|winter)|years?\s+ago|"
                         r"(?:months?|weeks?|days?)\s+(?:ago|earlier|before|after)|previous(?:ly)?|earlier\s+"
                         r"(?:this|last|that)|in\s+(?:19|20)\d\d|drills?|exercises?|parades?|visit(?:ed|s)?|"
                         r"inspect(?:ed|s|ion)|on\s+the\s+\d{1,2}(?:st|nd|rd|th))\b", re.IGNORECASE)
_CLAUSE_ENDS = re.compile(r"[.;!?\n]")
_PHRASE_ENDS = re.compile(r"[,.;:!?()\n]")


def named_in_background(text: str, mention: PlaceMention) -> bool:
    """Whether ``mention`` names the place as the scene of something other than the launch reported: a resort, a
    beach, or in a clause of another time or event (a drill, a visit, last year, 'eight days after')."""
    if _SCENE_AFTER.match(text, mention.end):
        return True
    before = text[: mention.start]
    start = max((m.end() for m in _CLAUSE_ENDS.finditer(before, max(0, mention.start - 200))), default=max(
        0, mention.start - 200))
    end = _PHRASE_ENDS.search(text, mention.end)  # after it, its own phrase only ("off Sinpo on the east coast, the
    return _OTHER_TIME.search(text, start, end.start() if end else len(text)) is not None  # vessel … years ago")


# In a table's launch-area cell, the most specific place named: a facility, then a town or city, then a region
# ("Jongpyong, South Hamgyong": the province, the town not being in the gazetteer)
_CELL_ORDER = {"launch_facility": 0, "country_region": 2}


def _table_site(text: str, report: LaunchReport, places: list[PlaceMention], matcher: PlaceMatcher,
                when: date | None) -> DraftFeature | None:
    """The site a row of a table of launches gives in its launch-area column (launch_tables)."""
    for sentence in report.related:
        row = in_launch_table(text, sentence.start)
        if row is None or row.site_cell is None:
            continue
        start, end = row.site_cell
        inside = [p for p in places if start <= p.start < end and in_north_korea(p.place) and p.place.id != (
            "north-korea")]
        if not inside:
            continue
        mention = min(inside, key=lambda p: (_CELL_ORDER.get(p.place.kind, 1), p.start))
        place = mention.place
        if place.id == "western-north-korea" and report.space:
            place = _sohae(matcher, when)
        return _site(place, (mention.start, mention.end),
                     f"gazetteer:{place.id} ({place.source}): the launch area the table gives, "
                     f"'{text[start:end]}'", certainty=None if place.kind == "launch_facility" else "approximate")
    return None


def _sohae(matcher: PlaceMatcher, when: date | None) -> Place:
    pad = "sohae-coastal-pad" if when and when >= COASTAL_PAD_SINCE else "sohae"
    place = matcher.place(pad) or matcher.place("sohae")
    assert place is not None, "the gazetteer has lost Sohae"
    return place


def _site(place: Place, span: tuple[int, int], derivation: str, certainty: str | None = None) -> DraftFeature:
    point: Point = place_point(place)
    certainty = certainty or ("reported" if place.certainty == "reported" else "approximate")
    return DraftFeature("launch_site", point, place.name, certainty, derivation, [span], place.id)
