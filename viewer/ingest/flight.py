"""The flight: where it went ('2,000 kilometers south'), what it passed over ('passed over Okinawa', 'between
Okinawa Island and Miyako Island') and where it came down ('about 300 km east of the Philippines')."""

from __future__ import annotations

import re
from dataclasses import replace

from shapely.geometry import Point

from viewer.geo import geodesic
from viewer.ingest import construct
from viewer.ingest.directions import StatedDirection, stated_direction
from viewer.ingest.findings import DraftFeature, Span
from viewer.ingest.known_paths import HEADING_ONLY
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.measures import Distance, find_distances
from viewer.ingest.places import PlaceMatcher, PlaceMention
from viewer.ingest.sentences import Sentence

_FALL = re.compile(r"\b(?:fell|fall(?:en|s|ing)?|land(?:ed|ing|s)?|splash\w*|crash(?:ed|ing)?|plunged|dropped|"
                   r"c(?:ame|oming) down|impact(?:ed)?|debris|wreckage|sank|hit the (?:sea|water)|remains|stage)\b",
                   re.IGNORECASE)
_FLIGHT = re.compile(r"\b(?:flew|fly|flying|flown|flight|travel\w*|launch\w*|fired|headed|heading|distance|range|"
                     r"trajectory)\b", re.IGNORECASE)
_QUALIFIER = r"(?:Japan['\u2019]s\s+)?(?:(?:northern|southern|eastern|western|north-?eastern|south-?western)\s+)?"
# "passed over Okinawa", "flew over Japan's northern Hokkaido island", "fired a missile from Sunan over Hokkaido"
_OVER = re.compile(r"\b(?:passed|passing|passes|pass|flew|flying|flies|fly|went|crossed|crossing|traveled|travelled|"
                   r"overflew)\s+(?:\w+\s+){0,2}?(?:over|above|across|through\s+the\s+(?:airspace|skies)\s+(?:of|over|above)"
                   rf"|over\s+the\s+skies\s+of|right over)\s+{_QUALIFIER}"
                   rf"|\b(?:fired|launched)\s+(?:[\w'\u2019-]+\s+){{0,10}}?over\s+{_QUALIFIER}", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:passed|passing|passes|flew|flying|flies|went|traveled|travelled)\s+"
                      r"(?:\w+\s+){0,2}?between\s+",
                      re.IGNORECASE)
_THERE = re.compile(r"\b(?:passed|passing|flew|flying|went)\s+(?:\w+\s+){0,2}?(?:through|over|above)\s+"
                    r"(?:the\s+(?:area|region|prefecture|islands?)|it|there)\b|\bpassed\s+overhead\b", re.IGNORECASE)
HEADING_KM = 150.0  # a heading's leg: long enough to read on a regional map, short of any missile's range
OVERFLOWN_KINDS = frozenset({"island", "island_group", "prefecture", "city", "capital", "reference_point"})
ALERT_KINDS = frozenset({"island", "island_group", "prefecture", "city", "capital"})


_HISTORY = re.compile(r"\b(?:previous(?:ly)?|last year|in (?:19|20)\d\d)\b", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|if)\b", re.IGNORECASE)
SHORTEST_PART = 12  # characters: less than a sentence's part before a hedge says nothing of the flight


def _usable_part(sentence: Sentence, text: str, passing: bool) -> Sentence | None:
    """The part of the sentence before its first hedge ('would', 'if') or word of history ('previous', 'in 2017'):
    'flew about 450 km eastward, on a lofted trajectory that would give it a longer range if flown normally' tells
    the flight up to 'would'. For a launch told in ``passing`` the words of history are its own ('The previous
    overflight, on 15 September, when a missile flew east')."""
    hedges = [_HYPOTHETICAL] if passing else [_HISTORY, _HYPOTHETICAL]
    cut = min((m.start() for p in hedges for m in [p.search(text, sentence.start, sentence.end)] if m),
              default=sentence.end)
    if cut == sentence.end:
        return sentence
    return Sentence(sentence.start, cut, sentence.paragraph) if cut - sentence.start >= SHORTEST_PART else None


def find_flight(text: str, sentences: list[Sentence], report: LaunchReport, places: list[PlaceMention],
                matcher: PlaceMatcher, site: DraftFeature | None, passing: bool = False) -> list[DraftFeature]:
    features: list[DraftFeature] = []
    parts = {s: _usable_part(s, text, passing) for s in sentences}
    usable = [part for part in parts.values() if part is not None]
    told = {parts[s] for s in report.related if parts.get(s) is not None}  # (the report's own, clipped)
    travel: tuple[Distance, Sentence] | None = None
    ranged: tuple[Distance, Sentence] | None = None  # "flew about 800 km", no direction in the same words
    for sentence in usable:
        for distance in find_distances(text, sentence.start, sentence.end):
            if distance.relative:
                impact = _relative_point(text, sentence, distance, matcher)
                if impact is not None:
                    features.append(impact)
            elif _FLIGHT.search(text, sentence.start, sentence.end):
                if distance.bearing is not None and travel is None:
                    travel = (distance, sentence)
                elif distance.bearing is None and ranged is None and sentence in told:
                    ranged = (distance, sentence)
    features.extend(_overflights(text, usable, places, matcher, site))
    if site is not None:
        related = [part for s in report.related for part in [parts.get(s)] if part is not None]
        heading = None
        if travel is None and ranged is not None and not any(f.kind in ("overflight", "impact_point")
                                                            for f in features):
            heading = stated_direction(text, related, matcher, site.geometry)
            if heading is not None:  # "flew about 800 km before falling into the sea east of the peninsula"
                distance, sentence = ranged
                travel = (replace(distance, bearing=heading.bearing, direction=_compass(heading.bearing)), sentence)
        path = _path(text, site, travel, features, report, heading) or _heading(text, site, related, matcher)
        if path is not None:
            features.insert(0, path)
    return features


def _heading(text: str, site: DraftFeature, sentences: list[Sentence], matcher: PlaceMatcher) -> DraftFeature | None:
    """A direction with no distance ('on a southward path', 'toward the East Sea'): a short leg from the site
    that shows the heading, not a range."""
    stated = stated_direction(text, sentences, matcher, site.geometry)
    if stated is None:
        return None
    line = construct.path_along(site.geometry, stated.bearing, HEADING_KM)
    toward = f" toward {stated.words} (bearing from the site to gazetteer:{stated.toward})" if stated.toward else ""
    # ("toward Okinawa": the way, named by the place; not a path to it, which would say the flight got there)
    named = f" toward {stated.words}" if stated.toward and stated.words[:1].isupper() else ""
    return DraftFeature("flight_path", line, f"Heading {_compass(stated.bearing)}{named} (distance not reported)",
                        "approximate", f"geodesic of {HEADING_KM:g} km from the launch site on bearing "
                        f"{stated.bearing:.0f}°{toward}, as the article states the direction only; it shows the "
                        f"heading, not how far the flight went", [stated.span], properties=dict(HEADING_ONLY))


def passing_flight(text: str, report: LaunchReport, places: list[PlaceMention], matcher: PlaceMatcher,
                   site: DraftFeature, shortest_km: float, salvo: tuple[list[DraftFeature], Span] | None
                   ) -> list[DraftFeature]:
    """Another launch's flight path from its own sentences, at least ``shortest_km`` long; else, for one of the lead's
    ``salvo`` (its features, and the words naming this missile), the salvo's heading."""
    paths = [f for f in find_flight(text, report.related, report, places, matcher, site, passing=True)
             if f.kind == "flight_path" and geodesic.length_km(f.geometry) >= shortest_km]
    heading = salvo_heading(site, *salvo) if salvo is not None and not paths else None
    return paths + ([heading] if heading is not None else [])


def salvo_heading(site: DraftFeature, lead: list[DraftFeature], span: Span) -> DraftFeature | None:
    """One of the missiles the lead launch's sentence fired together ('fired two ballistic missiles … toward the
    northeast'; 'The second, launched at 5:15 a.m., flew only about 120 km'), its own words giving no direction: it
    went the way the lead's did. A short leg on the lead's bearing, not the lead's range."""
    path = next((f for f in lead if f.kind == "flight_path" and len(f.geometry.coords) >= 2), None)
    if path is None:
        return None
    (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
    bearing = float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    line = construct.path_along(site.geometry, bearing, HEADING_KM)
    return DraftFeature("flight_path", line, f"Heading {_compass(bearing)} (as the salvo's; distance not reported)",
                        "approximate", f"geodesic of {HEADING_KM:g} km from the launch site on bearing {bearing:.0f}°, "
                        "the heading of the missiles fired with it, as the article states no direction of its own",
                        [span, *path.spans[:1]], properties=dict(HEADING_ONLY))


def _compass(bearing: float) -> str:
    names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
    return names[round(bearing / 45) % 8]


def _relative_point(text: str, sentence: Sentence, distance: Distance, matcher: PlaceMatcher) -> DraftFeature | None:
    """'about 300 km east of the Philippines' in a sentence about where something fell: an impact point."""
    reference = matcher.place_at(text, distance.end)
    if reference is None or distance.bearing is None or not _FALL.search(text, sentence.start, sentence.end):
        return None
    place = reference.place
    point = construct.offset_point(place, distance.bearing, distance.km)
    about = "about " if distance.approximate else ""
    derivation = (f"{about}{distance.km:,.0f} km at bearing {distance.bearing:g}° ({distance.direction}) from "
                  f"gazetteer:{place.id} ({place.lat:.4f}N {place.lon:.4f}E, {place.source}), along a geodesic")
    label = f"Impact ({about}{distance.km:,.0f} km {distance.direction} of {place.name})"
    return DraftFeature("impact_point", point, label, "approximate" if distance.approximate else "derived",
                        derivation, [(distance.start, reference.end)], place.id)


def _path(text: str, site: DraftFeature, travel: tuple[Distance, Sentence] | None, features: list[DraftFeature],
          report: LaunchReport, heading: StatedDirection | None = None) -> DraftFeature | None:
    """The flight path: a stated distance along its direction (``heading``: the direction stated in other words
    than the distance's, 'flew about 800 km before falling into the sea east of the peninsula'), else through the
    places it passed or came down at."""
    start: Point = site.geometry
    if travel is not None:
        distance, sentence = travel
        line = construct.path_along(start, distance.bearing or 0.0, distance.km)
        derivation = (f"geodesic from the launch site ({site.derivation.split(' ')[0]}) on bearing "
                      f"{distance.bearing:g}° ({distance.direction}) for {distance.km:,.0f} km, as the article gives")
        spans: list[Span] = [(distance.start, distance.end)]
        if heading is not None:
            derivation += f" (the direction from '{text[heading.span[0] : heading.span[1]]}')"
            spans.append(heading.span)
        path = DraftFeature("flight_path", line, f"Flight path ({distance.km:,.0f} km {distance.direction})",
                            "derived", derivation, spans)
        if not report.space and _FALL.search(text, sentence.start, sentence.end) and not any(
                f.kind == "impact_point" for f in features):
            end = Point(line.coords[-1])
            features.append(DraftFeature("impact_point", end, f"End of the reported flight ({distance.km:,.0f} km)",
                                         "derived", f"end of the flight path: {derivation}",
                                         [(distance.start, distance.end)]))
        return path
    waypoints = [f for f in features if f.kind in ("overflight", "impact_point")]
    if not waypoints:
        return None
    anchors = [Point(f.geometry.interpolate(0.5, normalized=True)) if f.kind == "overflight" else f.geometry
               for f in waypoints]
    order = sorted(range(len(anchors)), key=lambda i: float(
        geodesic.inverse(start.x, start.y, anchors[i].x, anchors[i].y)[0]))
    line = construct.path_through([start, *(anchors[i] for i in order)])
    names = ", ".join(waypoints[i].label for i in order)
    passed: list[Span] = [span for i in order for span in waypoints[i].spans]
    return DraftFeature("flight_path", line, "Flight path (through the places reported)", "approximate",
                        f"geodesic legs from the launch site through: {names}; no direction or distance given", passed)


def _overflights(text: str, sentences: list[Sentence], places: list[PlaceMention], matcher: PlaceMatcher,
                 site: DraftFeature | None) -> list[DraftFeature]:
    found: list[DraftFeature] = []
    origin: Point | None = site.geometry if site else None
    last_alerted: PlaceMention | None = None
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        for m in _BETWEEN.finditer(text, s, e):
            first = matcher.place_at(text, m.end())
            joint = re.match(r"\s*(?:and|&)\s+", text[first.end : e]) if first else None
            second = matcher.place_at(text, first.end + joint.end()) if first and joint else None
            if first and second and {first.place.kind, second.place.kind} <= OVERFLOWN_KINDS:
                a, b = construct.place_point(first.place), construct.place_point(second.place)
                middle = construct.midpoint(a, b)
                found.append(_overflight(origin, middle, f"Overflight between {first.place.name} and "
                                         f"{second.place.name}", f"midway between gazetteer:{first.place.id} and "
                                         f"gazetteer:{second.place.id}", (m.start(), second.end), first.place.id))
        for m in _OVER.finditer(text, s, e):
            mention = matcher.place_at(text, m.end())
            if mention and mention.place.kind in OVERFLOWN_KINDS:
                over, where = construct.overflown_point(mention.place)
                found.append(_overflight(origin, over, f"Overflight of {mention.place.name}", where,
                                         (m.start(), mention.end), mention.place.id))
        alerted = [p for p in places if s <= p.start < e and p.place.kind in ALERT_KINDS]
        for m in _THERE.finditer(text, s, e):
            target = alerted[-1] if alerted else last_alerted
            if target is not None and not any(f.place == target.place.id for f in found):
                over, where = construct.overflown_point(target.place)
                found.append(_overflight(origin, over, f"Overflight of {target.place.name}",
                                         f"{where}, the place named before '{text[m.start():m.end()]}'",
                                         (m.start(), m.end()), target.place.id, extra_span=(target.start, target.end)))
        if alerted:
            last_alerted = alerted[-1]
    unique: dict[str | None, DraftFeature] = {}
    for feature in found:
        if feature.place in unique:
            for span in feature.spans:
                unique[feature.place].cite(span)
        else:
            unique[feature.place] = feature
    return list(unique.values())


def _overflight(origin: Point | None, over: Point, label: str, where: str, span: Span, place: str,
                extra_span: Span | None = None) -> DraftFeature:
    if origin is not None and origin.distance(over) > 0.5:
        line = construct.stretch_near(origin, over)
        derivation = (f"the stretch of the geodesic from the launch site through {where} within "
                      f"{construct.OVERFLIGHT_HALF_KM:g} km either side of it")
    else:  # no launch site to come from: a north-south stretch through the place
        line = construct.stretch_near(construct.offset_point_xy(over, 0.0, 1000.0), over)
        derivation = (f"a north-south stretch through {where} of ±{construct.OVERFLIGHT_HALF_KM:g} km; the "
                      f"direction of flight is not known")
    spans = [span] + ([extra_span] if extra_span else [])
    return DraftFeature("overflight", line, label, "approximate", derivation, spans, place)
