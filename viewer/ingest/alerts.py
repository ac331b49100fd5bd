"""Warning areas from alert reports (J-Alert and the like name prefectures and islands) and danger zones from
the corner coordinates notices give, written into the text."""

from __future__ import annotations

import re

from shapely.geometry import Point

from viewer.geo.coordinates import FoundPosition, find_positions
from viewer.geo.gazetteer import Place
from viewer.ingest import construct
from viewer.ingest.findings import DraftFeature
from viewer.ingest.launch_tables import in_launch_table
from viewer.ingest.places import PlaceMention
from viewer.ingest.sentences import Sentence
from viewer.ingest.sites import in_north_korea

_ALERT = re.compile(
    r"\bJ-?Alert\b|\b(?:emergency|missile|evacuation|air[- ]raid|civil defen[cs]e|shelter)\s+(?:warnings?|alerts?|"
    r"orders?|messages?|sirens?|notices?|broadcasts?|advisor(?:y|ies))\b|\balerts?,?\s+(?:for|in)\s+(?=[A-Z])|"
    # ("tell residents of … to take cover", "Please evacuate into buildings", "alerts sounded in …")
    r"\b(?:take|seek|taking|seeking)\s+(?:shelter|cover)\b|\bplease\s+evacuate\b|"
    r"\b(?:sirens?|alerts?|alarms?)\s+(?:sounded|wailed|went\s+off|rang)\b|"
    # ("forcing the government to warn people in … Hokkaido", "had sent warnings to residents")
    r"\b(?:warn(?:ed|s|ing)?|alert(?:ed|s|ing)?|urg(?:ed|es|e|ing)|tell(?:s|ing)?|told)\s+(?:the\s+)?(?:residents|citizens|"
    r"people)\b|"
    r"\b(?:sent|sending|issued|issuing)\s+(?:\w+\s+)?(?:warnings?|alerts?)\s+to\s+(?:the\s+)?(?:residents|citizens|people)\b|"
    # "Residents of Okinawa were told to evacuate into buildings", "people … were urged to take cover"
    r"\b(?:told|urged|ordered|asked|instructed)\s+to\s+(?:evacuate|take\s+cover|shelter|stay\s+indoors)\b|"
    r"\bsirens?\s+(?:sounded|wailed|went off)\b|"
    r"\b(?:warnings?|alerts?)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:issued|sent)\b|"
    r"\bissued\s+(?:an?\s+)?(?:\w+\s+)?(?:warning|alert)\b|"
    # "sirens and phone alerts across Hokkaido, Aomori …", "Japan's alert system told people in Miyagi, …"
    r"\b(?:alerts?|sirens?)\s+(?:across|throughout)\s+(?=[A-Z])|"
    r"\b(?:alert|warning)s?(?:\s+system)?\s+(?:told|warned|urged|reached)\s+(?:the\s+)?(?:residents|citizens|people)\b",
    re.IGNORECASE,
)
# (nor "sharing missile warning data in real time": what allies exchange, not an alert sent to anyone)
_NOT_AN_ALERT = re.compile(r"\balert posture\b|\bhigh alert\b|\bwarnings? (?:against|of sanctions)\b|"
                           r"\bwarning\s+(?:data|information|intelligence|radars?|satellites?|sharing)\b",
                           re.IGNORECASE)
_ZONE_BREAK = re.compile(r"\b(?:zones?|areas?|box(?:es)?|regions?|stages?|first|second|third|fourth|one|two|three)\b"
                         r"|\(\d\)|\b\d\)|[.!?]\s+[A-Z]", re.IGNORECASE)
_ZONE_WORDS = re.compile(r"\b(?:danger|drop|fall|hazard|restricted|exclusion|no-sail|navigation(?:al)?|NAVAREA|"
                         r"HYDROPAC|NOTAM|notice|notified|zones?|areas?)\b", re.IGNORECASE)
_FALL = re.compile(r"\b(?:fell|landed|splashed|crashed|impact\w*|came down|dropped)\b", re.IGNORECASE)
_LAUNCHED = re.compile(r"\b(?:launched|fired|lifted off|blasted off|took off)\s+from\b", re.IGNORECASE)
# ("1,200 km SW of Okinotorishima", "500 km from Hokkaido": a distance's reference, not alerted)
_REFERENCE_ONLY = re.compile(r"(?:\b(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?|(?-i:\b[NSEW]{1,3})|"
                             r"\b(?:km|kilomet(?:er|re)s|miles|nm))\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
# "The J-Alert system was not activated", "no J-Alert was issued", "did not issue a J-Alert": no alert went out
# ("did not issue an evacuation warning"; "the J-Alert system never sent a message"; "said it would use J-Alert if the
# rocket flew toward Okinawa": an alert that might have been)
_ALERT_DENIED = re.compile(r"\b(?:no|without)\s+(?:\w+\s+)?J-?Alert|J-?Alert[^.;]{0,40}?\b(?:was|were)\s+not\b|"
                           r"\b(?:did\s+not|didn['\u2019]t|not|never)\s+(?:issue|send|activate|sound|sent)\w*\s+"
                           r"(?:an?\s+|any\s+)?(?:[\w-]+\s+)?(?:J-?Alert|alert|warning|message)|"
                           r"\bwould\s+(?:use|issue|send|activate|sound)\b[^.;]{0,60}\bif\b|"
                           # "the city was ready for J-Alert, and then … nothing": an alert prepared for
                           r"\b(?:ready|prepared|preparing|braced|bracing)\s+for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
                           r"(?:J-?Alert|alerts?|warnings?)\b", re.IGNORECASE)
# "an evacuation alert that the Interior Ministry later called a mistake", "sent by mistake": an alert in error is
# not where the missile threatened (a withdrawn one still is: "issued a J-Alert for Hokkaido, then withdrew it")
_IN_ERROR = re.compile(r"\b(?:called\s+(?:it\s+)?(?:a\s+)?(?:mistake|an?\s+error)|(?:by|in)\s+(?:mistake|error)|"
                       r"mistaken(?:ly)?|erroneous(?:ly)?|false\s+alarm|(?:was|as)\s+an?\s+error)\b", re.IGNORECASE)
# "… a J-Alert for Okinawa Prefecture, and the vehicle passed over the Sakishima islands": after the alert's place,
# a place the flight passed is overflown, not alerted
_OVERFLOWN_BEFORE = re.compile(r"\b(?:passed|passing|flew|flying|crossed|crossing|overflew)\s+(?:[\w-]+\s+){0,3}?"
                               r"(?:over|above|across|near|through)\s+(?:the\s+)?$", re.IGNORECASE)
_SENDER = re.compile(r"['\u2019]?s?\s+(?:side\s+)?(?:(?:has|have|had|also|then|later)\s+)?"
                     r"(?:(?:briefly|quickly|swiftly|promptly|initially|first|again)\s+)?(?:pushed|pushes|activated|activates|triggered|triggers|"
                     r"sent|sends|issued|issues|said|says|reports|reported|"
                     r"called|calls|told|tells|announced|announces|warned|warns|urged|urges|asked|asks|condemned|"
                     r"protested|lodged|government|authorities|gave|gives|put|puts|believes|believed|concluded|"
                     r"confirmed|reported|estimated|assessed)\b", re.IGNORECASE)
# "prompting the government in Tokyo to tell residents …", "officials in Seoul said": who speaks, by where they sit
_SENDER_BEFORE = re.compile(r"\b(?:government|officials?|authorities|ministry|ministers?|leaders?|administration|"
                            r"embassy|spokes(?:man|woman|person)|military|cabinet)\s+(?:in|of)\s+$", re.IGNORECASE)
# "Tokyo's J-Alert covered Okinawa": the capital whose system sent the alert (a capital only: "Okinawa's alert" can
# be the alert for Okinawa)
_CAPITALS_ALERT = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+)?(?:J-?Alert|alerts?|warnings?)\b", re.IGNORECASE)
# "Patriot units on Ishigaki and Miyako islands did not fire", "forces deployed on Miyako": where interceptors or
# troops are, not where the alert went
_STATIONED_BEFORE = re.compile(r"\b(?:units?|batter(?:y|ies)|troops|interceptors?|launchers?|deployed|stationed|based)"
                               r"\s+(?:on|at|in)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+and\s+|,\s+))?$")
# "In April, residents across Hokkaido were woken by a J-Alert …": a sentence set in a month named before it, told
# as background (a story's own alert is told by its day: "on Thursday", "at 7:22 a.m.")
_ANOTHER_MONTH = re.compile(r"[\s\W]*(?:(?:back|earlier|later)\s+)?(?:in|last|this\s+past)\s+(?:January|February|March|"
                            r"April|May|June|July|August|September|October|November|December)\s*,", re.IGNORECASE)
_ANOTHER_YEAR = re.compile(r"\b(?:in|since|during)\s+(?:19|20)\d\d\b[^.;]{0,20}\b(?:when|as|after)\b", re.IGNORECASE)
ALERTED_KINDS = frozenset({"prefecture", "island", "island_group", "city", "capital"})
MAX_CORNER_GAP = 40  # characters between two corners of one zone


_OWNER = re.compile(r"['\u2019]s?\s+(?:[\w-]+\s+){0,2}?(?:islands?|jurisdiction|outlying|remote)\b")


def find_warning_areas(text: str, sentences: list[Sentence], places: list[PlaceMention]) -> list[DraftFeature]:
    """One warning area per place an alert sentence names, citing the alert words through the place's name."""
    areas: dict[str, DraftFeature] = {}
    named: dict[str, Place] = {}
    last_alert: int | None = None  # where the last alert sentence ends
    for index, sentence in enumerate(sentences):
        s, e = sentence.start, sentence.end
        if last_alert is not None and s - last_alert <= LIST_AFTER_ALERT_CHARS:
            listed = _listed_places(text, sentence, places) or _labelled_places(text, sentence, places)
            if listed:  # "J-Alert is out" / "which prefectures" / "Hokkaido, Aomori, Iwate, Miyagi, …"
                _cite_alerted(areas, named, "J-Alert", (s, e), listed)
                continue
        tabled = in_launch_table(text, s)
        if tabled is not None and tabled.alert_cell is not None:  # a launch table's alert column: its places
            s, e = tabled.alert_cell
            _cite_alerted(areas, named, "J-Alert", (s, e), [p for p in places if s <= p.start < e])
            continue
        alert = _ALERT.search(text, s, e)
        if alert is None or (_NOT_AN_ALERT.search(text, s, e) and not re.search(r"J-?Alert", text[s:e])):
            continue
        if _ANOTHER_YEAR.search(text, s, alert.start()) or _ANOTHER_MONTH.match(text, s, e):
            continue  # "Unlike in 2017, when a J-Alert covered Hokkaido, …": that year's alert
        if _ALERT_DENIED.search(text, s, e):
            continue
        last_alert = e
        system = "J-Alert" if re.search(r"J-?Alert|Japan|prefecture", text[s:e], re.IGNORECASE) else "Alert"
        alerted = False
        candidates = [p for p in places if s <= p.start < e and p.place.kind in ALERTED_KINDS]
        if len(candidates) == 1 and _withdrawn_next(text, sentences[index + 1 : index + 2], places):
            continue  # "… Seoul, where the city sent a text telling residents to evacuate. The ministry later said
            # the message had been sent in error."
        for mention in candidates:
            if _REFERENCE_ONLY.search(text, max(s, mention.start - 30), mention.start):
                continue  # "passed west of the Sakishima islands": a reference point, not where the alert went
            if alerted and _OVERFLOWN_BEFORE.search(text, max(s, mention.start - 50), mention.start):
                continue
            if _SENDER.match(text, mention.end, e) or _SENDER_BEFORE.search(text, max(s, mention.start - 30),
                                                                             mention.start) or in_north_korea(
                    mention.place):
                continue  # "Tokyo sent a J-Alert to …", "Pyongyang has called …": who sent or spoke, not alerted
            if (mention.place.kind == "capital" and _CAPITALS_ALERT.match(text, mention.end, e)) or (
                    _STATIONED_BEFORE.search(text, max(s, mention.start - 60), mention.start)):
                continue
            if _dateline_city(text, mention):
                continue  # "TOKYO, Nov 3, 2022 (AP) — … J-Alert warnings for Miyagi": where the story was filed
            if _OWNER.match(text, mention.end, e):
                continue  # "islands under Tokyo's jurisdiction": what the place owns was alerted, not all of it
            if _alert_in_error(text, mention, [p for p in places if s <= p.start < e], e):
                continue
            span = (min(alert.start(), mention.start), max(alert.end(), mention.end))
            alerted = True
            _cite_area(areas, named, system, span, mention.place, "the article")
    return _within_prefectures(areas, named)


LIST_AFTER_ALERT_CHARS = 200  # from an alert sentence to a line that lists its places
MIN_LISTED = 3
# a chat's or a log's line head: "[07:00] yuki.t:", "07:00 Ben:"
_LINE_HEAD = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+)?(?:\[?\d{1,2}:\d\d(?::\d\d)?\]?[ \t]*)?(?:[\w.-]{1,24}:[ \t]*)?")
_LIST_GLUE = re.compile(r"(?:[\s,;/&.]|\band\b|\bprefectures?\b)*", re.IGNORECASE)


def _listed_places(text: str, sentence: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """A line that is only a list of three or more places an alert can name ('Hokkaido, Aomori, Iwate, Miyagi, …'),
    as the answer to which prefectures an alert went to."""
    head = _LINE_HEAD.match(text, sentence.start, sentence.end)
    at = head.end() if head else sentence.start
    inside = [p for p in places if at <= p.start < sentence.end]
    if len(inside) < MIN_LISTED or any(p.place.kind not in ALERTED_KINDS for p in inside):
        return []
    for mention in inside:
        if not _LIST_GLUE.fullmatch(text, at, mention.start):
            return []
        at = mention.end
    return inside if _LIST_GLUE.fullmatch(text, at, sentence.end) else []


# a line that says where the alert before it went: "Target area: Okinawa Prefecture", "Areas on the crawl: …",
# "(Issued for Hokkaido and Aomori Prefecture)"
_AREA_LABEL = re.compile(r"[ \t]*\(?[ \t]*(?:(?:[\w-]+[ \t]+){0,3}?(?:areas?|prefectures?|regions?)"
                         r"(?:[ \t]+[\w-]+){0,3}[ \t]*:|(?:issued|sent)[ \t]+(?:for|to)\b)", re.IGNORECASE)


def _labelled_places(text: str, sentence: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places a line labelled as the alert's areas names, after its label."""
    head = _LINE_HEAD.match(text, sentence.start, sentence.end)
    label = _AREA_LABEL.match(text, head.end() if head else sentence.start, sentence.end)
    if label is None:
        return []
    return [p for p in places if label.end() <= p.start < sentence.end and p.place.kind in ALERTED_KINDS]


def _cite_alerted(areas: dict[str, DraftFeature], named: dict[str, Place], system: str, span: tuple[int, int],
                  mentions: list[PlaceMention]) -> None:
    for mention in (m for m in mentions if m.place.kind in ALERTED_KINDS and not in_north_korea(m.place)):
        _cite_area(areas, named, system, span, mention.place, "the article's table of launches")


def _cite_area(areas: dict[str, DraftFeature], named: dict[str, Place], system: str, span: tuple[int, int],
               place: Place, where: str) -> None:
    """The alert's area for ``place`` cites ``span``: a new warning area the first time the place is named."""
    if place.id in areas:
        areas[place.id].cite(span)
        return
    polygon, how = construct.alert_area(place)
    named[place.id] = place
    areas[place.id] = DraftFeature("warning_area", polygon, f"{system}: {place.name}", "approximate",
                                   f"{system} area named in {where}; {how}", [span], place.id)


def _within_prefectures(areas: dict[str, DraftFeature], named: dict[str, Place]) -> list[DraftFeature]:
    """One island or city inside a prefecture also alerted ("a J-Alert to Okinawa, where residents of Ishigaki and
    Miyako …") is part of that alert, not an area of its own. An island group keeps its own (J-Alert names the
    Sakishima islands as an area)."""
    prefectures = [areas[i].geometry for i, place in named.items() if place.kind == "prefecture"]
    return [area for i, area in areas.items()
            if named[i].kind not in ("island", "city") or not any(
                p.contains(Point(named[i].lon, named[i].lat)) for p in prefectures)]


ERROR_CHARS = 130  # from the place to the words saying its alert was a mistake
# the mistake in what the alert told the places it went to: "mistakenly warned residents of … that it had passed over"
_CONTENT_ERROR = re.compile(r"\b(?:mistakenly|erroneously|wrongly|falsely)\s+(?:warned|told|informed|alerted)\s+"
                            r"(?:residents|people|citizens|those)\s+(?:of|in)\s+[^.;]{0,100}?\bthat\s+(?:it|the\s+"
                            r"(?:missile|rocket|projectile))\b", re.IGNORECASE)


def _withdrawn_next(text: str, following: list[Sentence], places: list[PlaceMention]) -> bool:
    """The sentence after an alert says the alert was sent in error, naming no place of its own."""
    return any(_IN_ERROR.search(text, n.start, n.end) and re.search(r"\b(?:message|alert|warning|text)s?\b", text[
        n.start : n.end], re.IGNORECASE) and not any(n.start <= p.start < n.end for p in places) for n in following)


def _alert_in_error(text: str, mention: PlaceMention, in_sentence: list[PlaceMention], end: int) -> bool:
    """The place's alert was sent in error ('Seoul's city government also sounded an alert that the ministry later
    called a mistake', 'a mistaken alert for Seoul'): told before the next place the sentence names."""
    stop = min([end, mention.end + ERROR_CHARS, *(p.start for p in in_sentence if p.start > mention.end)])
    if any(m.start() < mention.start < m.end() for m in _CONTENT_ERROR.finditer(
            text, max(0, mention.start - ERROR_CHARS), end)):
        return False  # "J-Alert mistakenly warned residents of Miyagi, Yamagata and Niigata that it had passed over
        # the country": the alert went to them; what it said was the mistake
    return bool(_IN_ERROR.search(text, mention.end, stop) or _IN_ERROR.search(text, max(0, mention.start - 40),
                                                                              mention.start))


def _dateline_city(text: str, mention: PlaceMention) -> bool:
    """A city that opens a line and is followed by a comma or an agency: the dateline, not an alerted place."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    before = text[line_start : mention.start]  # (or after another city: "SEOUL/TOKYO, Oct 4, 2022 (Reuters)")
    return (not before.strip() or bool(_CITIES_BEFORE.fullmatch(before))) and bool(
        _DATELINE_AFTER.match(text[mention.end : mention.end + 30]))


_CITIES_BEFORE = re.compile(r"[ \t]*(?:[A-Z][A-Za-z.-]+(?:[ \t][A-Z][A-Za-z.-]+)?[ \t]*/[ \t]*)+")


# after a dateline's city: "TOKYO, Nov 3, 2022 (AP)", "SEOUL, South Korea (AP)", "Tokyo (Kyodo)", "SEOUL --"; not
# a list of places that wraps onto a new line ("… Miyagi," / "Akita, Yamagata, Fukushima …")
_DATELINE_AFTER = re.compile(r"(?:/[A-Za-z]+)?\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d|\d|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*"
                             r"(?:\(|[\u2014\u2013]|--?\s))|\(|[\u2014\u2013]|--?\s)")


def _groups(text: str, coordinates: list[FoundPosition]) -> list[list[FoundPosition]]:
    groups: list[list[FoundPosition]] = []
    for coordinate in coordinates:
        if groups:
            gap = text[groups[-1][-1].end : coordinate.start]
            if len(gap) <= MAX_CORNER_GAP and not _ZONE_BREAK.search(gap):
                groups[-1].append(coordinate)
                continue
        groups.append([coordinate])
    return groups


def find_zones_and_points(text: str, sentences: list[Sentence]) -> list[DraftFeature]:
    """Danger zones from three or more corners written together; a single position where something fell or was
    launched from becomes an impact point or a launch site, as reported."""
    features: list[DraftFeature] = []
    number = 0
    for group in _groups(text, find_positions(text)):
        span = (group[0].start, group[-1].end)
        sentence = next((s for s in sentences if s.start <= span[0] < s.end), None)
        context = (text[sentence.start : sentence.end] if sentence else "") + text[max(0, span[0] - 200) : span[0]]
        if len(group) >= 3:
            number += 1
            corners = [(c.lon, c.lat) for c in group]
            polygon = construct.zone_polygon(corners)
            if polygon.geom_type != "Polygon":
                continue
            listed = "; ".join(f"{c.lat:.4f}N {c.lon:.4f}E" for c in group)
            kind = "danger_zone" if _ZONE_WORDS.search(context) or len(group) >= 3 else "reference_place"
            features.append(DraftFeature(kind, polygon, f"Danger zone {number} (corners in the text)", "reported",
                                         f"polygon around the {len(group)} corners the article gives ({listed}), "
                                         f"drawn as their convex hull with geodesic edges", [span]))
        elif len(group) == 1 and sentence is not None:
            c = group[0]
            point = Point(c.lon, c.lat)
            where = f"the position the article gives ({c.lat:.4f}N {c.lon:.4f}E)"
            if _FALL.search(text, sentence.start, sentence.end):
                features.append(DraftFeature("impact_point", point, "Impact (position in the text)", "reported",
                                             where, [span]))
            elif _LAUNCHED.search(text, sentence.start, sentence.end):
                features.append(DraftFeature("launch_site", point, "Launch site (position in the text)", "reported",
                                             where, [span]))
    return features
