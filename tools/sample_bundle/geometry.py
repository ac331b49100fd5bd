"""Geodesic geometry of the sample's features, per launch, computed from the fact tables (never typed)."""

from __future__ import annotations

import itertools
import math
import re
from typing import NamedTuple

from pyproj import Geod
from shapely.geometry import LineString, Polygon

from sample_bundle.facts import (
    AUG,
    FALLS,
    KMS4,
    KMS4_IMPACT_LAT,
    MAY,
    NOV,
    OKINAWA_ENVELOPE,
    PLACES,
    ZONE_WINDOWS,
    ZONES_2016,
    ZONES_2023,
)

GEOD = Geod(ellps="WGS84")
MAX_SEGMENT_M = 25_000.0
DIGITS = 6  # ~0.1 m: far below the data's accuracy, and it keeps the output byte-stable

# ---------------------------------------------------------------------------------------------------------------
# Geodesy (WGS84 ellipsoid; all points are (lon, lat) tuples rounded to DIGITS)
# ---------------------------------------------------------------------------------------------------------------
def rounded(lon: float, lat: float) -> tuple[float, float]:
    return round(lon, DIGITS), round(lat, DIGITS)


def place(name: str) -> tuple[float, float]:
    lat, lon, _ = PLACES[name]
    return lon, lat


def dms(text: str) -> tuple[float, float]:
    """(lon, lat) from "36°04'N 124°30'E" as the notice writes corners."""
    (lat_d, lat_m), (lon_d, lon_m) = re.findall(r"(\d+)°(\d+)'[NE]", text)
    return rounded(int(lon_d) + int(lon_m) / 60, int(lat_d) + int(lat_m) / 60)


def destination(origin: tuple[float, float], azimuth: float, km: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(*origin, azimuth, km * 1000)
    return rounded(lon, lat)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[2] / 1000


def azimuth(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[0]


def where_track_reaches(origin: tuple[float, float], az: float, lat: float) -> tuple[float, float]:
    """The point where the geodesic leaving ``origin`` at ``az`` (southward) first reaches latitude ``lat``."""
    low, high = 0.0, 9_000_000.0  # short of the track's southernmost point, so latitude falls monotonically
    for _ in range(80):  # bisection to well under a millimetre
        middle = (low + high) / 2
        if GEOD.fwd(*origin, az, middle)[1] > lat:
            low = middle
        else:
            high = middle
    lon, _, _ = GEOD.fwd(*origin, az, low)
    return rounded(lon, lat)


def geodesic_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return rounded(*GEOD.npts(*a, *b, 1)[0])


def geodesic_line(waypoints: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Geodesic legs between the waypoints, densified to <= 25 km segments; the waypoints are kept exactly."""
    coords = [waypoints[0]]
    for a, b in itertools.pairwise(waypoints):
        segments = max(1, math.ceil(distance_km(a, b) * 1000 / MAX_SEGMENT_M))
        if segments > 1:
            coords += [rounded(lon, lat) for lon, lat in GEOD.npts(*a, *b, segments - 1)]
        coords.append(b)
    return coords


def zone_size_km(corners: list[tuple[float, float]]) -> tuple[float, float]:
    """(east-west, north-south) size of a notice zone given as N-W, N-E, S-W, S-E corners."""
    nw, ne, sw, se = corners
    return (distance_km(nw, ne) + distance_km(sw, se)) / 2, (distance_km(nw, sw) + distance_km(ne, se)) / 2


def rectangle(centre: tuple[float, float], width_km: float, height_km: float) -> list[tuple[float, float]]:
    """A lon/lat rectangle of that geodesic size around ``centre``, counter-clockwise and closed."""
    north = destination(centre, 0, height_km / 2)[1]
    south = destination(centre, 180, height_km / 2)[1]
    east = destination(centre, 90, width_km / 2)[0]
    west = destination(centre, 270, width_km / 2)[0]
    return [(west, south), (east, south), (east, north), (west, north), (west, south)]


def clipped_to_okinawa(path: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The part of a path inside the Okinawa Prefecture envelope (a path crosses it once)."""
    inside = LineString(path).intersection(Polygon(OKINAWA_ENVELOPE))
    if inside.geom_type != "LineString" or inside.is_empty:
        raise ValueError(f"path does not cross the Okinawa envelope once ({inside.geom_type})")
    return [rounded(lon, lat) for lon, lat in inside.coords]


def fmt(point: tuple[float, float]) -> str:
    lon, lat = point
    return f"{lat:.2f}N {lon:.2f}E"


# ---------------------------------------------------------------------------------------------------------------
# Geometry per launch: feature kind -> the features of that kind drawn for it
# ---------------------------------------------------------------------------------------------------------------
class Drawn(NamedTuple):
    suffix: str  # feature id = "<event>/<suffix>"
    label: str
    geometry: dict  # GeoJSON
    certainty: str
    derivation: str
    extra: dict  # further properties


def polygon(ring: list[tuple[float, float]]) -> dict:
    return {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}


def line(coords: list[tuple[float, float]]) -> dict:
    return {"type": "LineString", "coordinates": [list(p) for p in coords]}


def point(p: tuple[float, float]) -> dict:
    return {"type": "Point", "coordinates": list(p)}


def zone_window(event: str) -> dict:
    window, reference, note = ZONE_WINDOWS[event]
    return {"window": window, "window_reference": reference, **({"window_note": note} if note else {})}


def warning_area(event: str) -> Drawn:
    ring = [*OKINAWA_ENVELOPE, OKINAWA_ENVELOPE[0]]
    derivation = (
        "Envelope drawn around Okinawa Prefecture's islands (Okinawa Island group, Miyako, Yaeyama incl. Ishigaki, "
        "Hateruma and Yonaguni, Senkaku; ~23.95-27.1N, 122.9-128.4E; Daito islands left out) from general "
        "knowledge, not a coastline: approximate. J-Alert area and times as reported by "
        + {KMS4: "S[11][13][14]", MAY: "S[21][22][23]",
           AUG: "S[29][31][32]", NOV: "S[36][73][74][75]"}[event] + "."
    )
    if event == KMS4:
        derivation += " The article does not mention the alert; it is cited for Japan's statement on the flight."
    if event == MAY:
        derivation += " The article does not mention the May alert; it is cited for the May launch itself."
    return Drawn("warning-area", "J-Alert: Okinawa Prefecture", polygon(ring), "approximate", derivation, {})


def kms4_geometry() -> dict[str, list[Drawn]]:
    """2016: one geodesic from the pad through the notified 2nd-stage zone, which the other zones also lie on."""
    site = place("sohae_pad")
    corners = [[dms(c) for c in zone] for _, zone in ZONES_2016]
    zone3 = corners[2]
    centre3 = rounded(sum(p[0] for p in zone3) / 4, sum(p[1] for p in zone3) / 4)
    az = azimuth(site, centre3)
    crossing = where_track_reaches(site, az, 24.5)
    impact = where_track_reaches(site, az, KMS4_IMPACT_LAT)
    path = geodesic_line([site, crossing, centre3, impact])
    site_how = "39°39'36\"N 124°42'18\"E (S[1]); launch from Sohae (S[5][9])."
    path_how = (
        f"One geodesic from the pad ({fmt(site)}, S[1]) through the centre of the notified 2nd-stage zone "
        f"({fmt(centre3)}, mean of the notified corners, S[54]; azimuth {az % 360:.1f}°), densified to <= 25 km. "
        f"It crosses 24.5N at {crossing[0]:.2f}E, between Ishigaki and Miyako, where Japan reported the Sakishima "
        f"overflight (S[10][11][13]); it also crosses notified zones 1 and 2. Extended south to the approximate "
        f"4th-object point ({fmt(impact)})."
    )
    zone_how = (
        "The DPRK notice's corners as published (S[54]), in ring order 1-2-4-3, written counter-clockwise (1-3-4-2) "
        "as RFC 7946 asks. The article does not mention the zones; it is cited for the southward flight they lie "
        "along."
    )
    overflight_how = (
        "The flight path clipped to the Okinawa Prefecture envelope (the warning area). Japan: passed over Okinawa "
        "Prefecture, near the Sakishima islands, ~09:39-09:41 JST (S[10][11][13][14]). The article says "
        "only that Japan confirmed the southward flight."
    )
    zones = [
        Drawn(f"danger-zone-{n}", f"Danger zone {n} ({name})", polygon([c[0], c[2], c[3], c[1], c[0]]), "reported",
              zone_how, zone_window(KMS4))
        for n, ((name, _), c) in enumerate(zip(ZONES_2016, corners, strict=True), start=1)
    ]
    return {
        "launch_site": [Drawn("launch-site", "Sohae, original gantry pad", point(site), "reported", site_how, {})],
        "flight_path": [Drawn("flight-path", "Flight path (ground track)", line(path), "derived", path_how, {})],
        "danger_zone": zones,
        "warning_area": [warning_area(KMS4)],
        "impact_point": [kms4_impact(site, az, crossing, impact, zone3)],
        "overflight": [Drawn("overflight", "Overflight of Okinawa Prefecture (Sakishima)",
                             line(clipped_to_okinawa(path)), "derived", overflight_how, {})],
    }


def kms4_impact(site: tuple[float, float], az: float, crossing: tuple[float, float], impact: tuple[float, float],
                zone3: list[tuple[float, float]]) -> Drawn:
    """Japan gave no point for the 4th object, only '~2,000 km south of Japan, Pacific, south of the notified zone'."""
    rejected = destination(site, az, distance_km(site, crossing) + 2000)
    south_edge = max(zone3[2][1], zone3[3][1])
    derivation = (
        f"Japan: the 4th object fell ~09:45 JST ~2,000 km south of Japan in the Pacific, outside (south of) the "
        f"notified 2nd-stage zone (S[10][11][15]); no point or origin for the distance was given. "
        f"2,000 km along the track from the Sakishima crossing would end at {fmt(rejected)}, on Mindanao, not in "
        f"the Pacific, so that reading was rejected. Placed instead on the extended track at {KMS4_IMPACT_LAT}N "
        f"({fmt(impact)}): over the Philippine Sea, {distance_km(impact, (impact[0], south_edge)):.0f} km south of "
        f"the zone's edge and short of Catanduanes, {distance_km(place('cape_sata'), impact):,.0f} km from "
        f"Kyushu's southern tip (Cape Sata, general knowledge), i.e. ~2,000 km from Japan's main islands. "
        f"Uncertain by hundreds of km."
    )
    return Drawn("impact-point", "4th object fall (~2,000 km S of Japan)", point(impact), "approximate", derivation, {})


def zones_2023(event: str) -> list[Drawn]:
    """The three 2023 zones: rectangles the size of the 2016 ones around the approximate centres."""
    sizes = [zone_size_km([dms(c) for c in zone]) for _, zone in ZONES_2016]
    result = []
    for n, ((name, lat, lon, described), (width, height)) in enumerate(zip(ZONES_2023, sizes, strict=True), 1):
        centre = rounded(lon, lat)
        how = (
            f"The notice's corners were not found in public reports; a {width:.0f} x {height:.0f} km rectangle "
            f"(the size of the 2016 zone {n}) around the approximate centre {fmt(centre)} derived from the "
            f"descriptions: {described}. The same zones were notified in May, Aug and Nov 2023 S[62][65][66][67]."
        )
        result.append(Drawn(f"danger-zone-{n}", f"Danger zone {n} ({name})",
                            polygon(rectangle(centre, width, height)), "approximate", how, zone_window(event)))
    return result


def coastal_pad() -> Drawn:
    how = (
        "Approximate: ~2.7 km SE of the original pad (S[3]); the pad used by all three 2023 launches S[4][16]. "
        "The article names no site; it is cited for the launch itself."
    )
    return Drawn("launch-site", "Sohae, coastal launch pad (approx.)", point(place("sohae_coastal_pad")),
                 "approximate", how, {})


def may_geometry() -> dict[str, list[Drawn]]:
    """May 2023: a short southward flight that ended in the Yellow Sea."""
    site = place("sohae_coastal_pad")
    label, origin, bearing, km, ref = FALLS[MAY]
    crash = destination(place(origin), bearing, km)
    abeam = where_track_reaches(site, azimuth(site, crash), PLACES["baengnyeongdo"][0])
    path_how = (
        f"Geodesic from the coastal pad to the crash point ({fmt(crash)}), densified to <= 25 km. Reported only as "
        f"southward, over the sea far west of Baengnyeongdo (S[19][20][21]); this line passes "
        f"{distance_km(abeam, place('baengnyeongdo')):.0f} km west of it."
    )
    crash_how = (
        f"ROK JCS: crashed into the Yellow Sea ~{km:.0f} km W of Eocheongdo ({ref}); placed {km:.0f} km due west "
        f"(bearing {bearing:.0f}°) of Eocheongdo (~36.12N 125.98E, approximate, general knowledge). Langbroek "
        f"matches the crash to the 1st-stage zone S[25]."
    )
    return {
        "launch_site": [coastal_pad()],
        "flight_path": [Drawn("flight-path", "Flight path (approximate)", line(geodesic_line([site, crash])),
                              "approximate", path_how, {})],
        "danger_zone": zones_2023(MAY),
        "warning_area": [warning_area(MAY)],
        "impact_point": [Drawn("impact-point", label, point(crash), "approximate", crash_how, {})],
    }


def chollima_geometry(event: str) -> dict[str, list[Drawn]]:
    """Aug and Nov 2023: through the notified Yellow Sea zones, between Okinawa and Miyako, on to the fall."""
    site = place("sohae_coastal_pad")
    zone1, zone2 = (rounded(lon, lat) for _, lat, lon, _ in ZONES_2023[:2])
    gap = geodesic_midpoint(place("okinawa_island"), place("miyako_island"))
    label, origin, bearing, km, ref = FALLS[event]
    fall = destination(place(origin), bearing, km)
    path = geodesic_line([site, zone1, zone2, gap, fall])
    abeam = where_track_reaches(zone2, azimuth(zone2, gap), PLACES["ieodo"][0])
    check = {  # what each launch's reports say about the track, against this line
        AUG: f"The line passes {distance_km(abeam, place('ieodo')):.0f} km west of Ieodo (ROK JCS: over "
             f"international waters west of Ieodo, S[27]).",
        NOV: "Its turns at zone 2 and at the gap stand for the 'double dog-leg' seradata describes (S[38]).",
    }[event]
    reference = {AUG: "S[27][28][29][30][31]", NOV: "S[34][35][36][38]"}[event]
    from_where = {  # Japan named Okinotorishima in Nov; in Aug it said only "the Philippines"
        AUG: "due east of Palanan, Isabela, on Luzon's east coast (S[51]), the coast nearest the track; the point "
             "Japan measured from is not given. It lies north of, and outside, the notified Pacific zone, as Japan "
             "reported",
        NOV: "from Okinotorishima (S[45]) at bearing 225° (SW), near 12.6N 128.3E; inside the "
             "notified Pacific zone, as Japan reported",
    }[event]
    path_how = (
        f"Geodesic legs, densified to <= 25 km: coastal pad {fmt(site)}; the approximate centres of notified zones 1 "
        f"({fmt(zone1)}) and 2 ({fmt(zone2)}), i.e. the planned track; the midpoint of the geodesic between the "
        f"Okinawa Island (S[41]) and Miyako Island (S[43]) centroids ({fmt(gap)}), since Japan reported the rocket "
        f"passed between the two islands; the fall point ({fmt(fall)}). {check} Track and overflight: {reference}."
    )
    fall_how = (
        f"Japan: {label.split('(')[1].rstrip(')')} ({ref}); placed {km:,.0f} km {from_where}."
    )
    overflight_how = (
        "The flight path clipped to the Okinawa Prefecture envelope (the warning area); it crosses between Okinawa "
        f"Island and Miyako Island at {fmt(gap)} ({reference})."
    )
    return {
        "launch_site": [coastal_pad()],
        "flight_path": [Drawn("flight-path", "Flight path (approximate)", line(path), "approximate", path_how, {})],
        "danger_zone": zones_2023(event),
        "warning_area": [warning_area(event)],
        "impact_point": [Drawn("impact-point", label, point(fall), "approximate", fall_how, {})],
        "overflight": [Drawn("overflight", "Overflight between Okinawa Island and Miyako Island",
                             line(clipped_to_okinawa(path)), "approximate", overflight_how, {})],
    }


GEOMETRY = {KMS4: kms4_geometry, MAY: may_geometry, AUG: lambda: chollima_geometry(AUG),
            NOV: lambda: chollima_geometry(NOV)}
KIND_ORDER = ("launch_site", "flight_path", "overflight", "danger_zone", "warning_area", "impact_point")

