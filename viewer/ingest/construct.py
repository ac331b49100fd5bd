"""Geometry for drafted features, built geodesically from gazetteer places, bearings and distances."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from viewer.geo import geodesic
from viewer.geo.gazetteer import Place
from viewer.resources import asset

ALERT_RING_KM = 30.0  # a named place with no known extent: the area within 30 km of it
OVERFLIGHT_HALF_KM = 150.0  # "passed over Okinawa": the stretch of track within 150 km of the place
PATH_MAX_SEGMENT_KM = 25.0


@dataclass(frozen=True)
class AlertExtent:
    west: float
    south: float
    east: float
    north: float
    source: str


@functools.cache
def alert_extents() -> dict[str, AlertExtent]:
    """Extents of the prefectures and islands alert systems name, by gazetteer id (gazetteer/alert_areas.csv)."""
    with asset("resources", "gazetteer", "alert_areas.csv").open(newline="", encoding="utf-8") as f:
        return {row["id"]: AlertExtent(float(row["west"]), float(row["south"]), float(row["east"]),
                                       float(row["north"]), row["source"]) for row in csv.DictReader(f)}


def place_point(place: Place) -> Point:
    return Point(place.lon, place.lat)


def overflown_point(place: Place) -> tuple[Point, str]:
    """Where a flight 'over' a place most likely crossed it: the middle of its extent when it has one (a prefecture
    of islands spread over 600 km is crossed anywhere along it; the middle is never more than half of that off),
    else the place itself."""
    extent = alert_extents().get(place.id)
    if extent is None:
        return place_point(place), f"gazetteer:{place.id} ({place.source})"
    middle = Point((extent.west + extent.east) / 2, (extent.south + extent.north) / 2)
    return middle, f"the middle of the extent of {place.name} ({middle.y:.2f}N {middle.x:.2f}E, alert_areas.csv)"


def offset_point(place: Place, bearing: float, km: float) -> Point:
    lon, lat = geodesic.destination(place.lon, place.lat, bearing, km)
    return Point(float(lon), float(lat))


def path_along(start: Point, bearing: float, km: float) -> LineString:
    """The geodesic that leaves ``start`` on ``bearing`` and runs ``km``."""
    lon, lat = geodesic.destination(start.x, start.y, bearing, km)
    return geodesic.geodesic_line(start.x, start.y, float(lon), float(lat), PATH_MAX_SEGMENT_KM)


def path_through(points: list[Point]) -> LineString:
    return geodesic.path_through([(p.x, p.y) for p in points], PATH_MAX_SEGMENT_KM)


def stretch_near(start: Point, through: Point, half_km: float = OVERFLIGHT_HALF_KM) -> LineString:
    """The part of the geodesic from ``start`` through ``through`` within ``half_km`` either side of ``through``."""
    total, bearing, _ = geodesic.inverse(start.x, start.y, through.x, through.y)
    total = float(total)
    begin = max(0.0, total - half_km)
    lon1, lat1 = geodesic.destination(start.x, start.y, float(bearing), begin)
    lon2, lat2 = geodesic.destination(start.x, start.y, float(bearing), total + half_km)
    return geodesic.geodesic_line(float(lon1), float(lat1), float(lon2), float(lat2), PATH_MAX_SEGMENT_KM)


def midpoint(a: Point, b: Point) -> Point:
    km, bearing, _ = geodesic.inverse(a.x, a.y, b.x, b.y)
    lon, lat = geodesic.destination(a.x, a.y, float(bearing), float(km) / 2)
    return Point(float(lon), float(lat))


@functools.lru_cache(maxsize=512)
def alert_area(place: Place) -> tuple[Polygon, str]:
    """The area an alert for ``place`` covers and how it was drawn: the place's extent where the table has one,
    otherwise a ring around it. (Cached: shapely geometries are immutable, so drafts may share one.)"""
    extent = alert_extents().get(place.id)
    if extent is not None:
        polygon = geodesic.densify(box(extent.west, extent.south, extent.east, extent.north), PATH_MAX_SEGMENT_KM)
        derivation = (f"extent of {place.name} {extent.south:g}-{extent.north:g}N {extent.west:g}-{extent.east:g}E "
                      f"(alert_areas.csv: {extent.source}), not a coastline")
        return polygon, derivation
    ring = geodesic.range_ring(place.lon, place.lat, ALERT_RING_KM, 72)
    return ring, f"{ALERT_RING_KM:g} km around gazetteer:{place.id} ({place.source}); no extent on file"


def zone_polygon(corners: list[tuple[float, float]]) -> BaseGeometry:
    """The polygon of notice corners given as (lon, lat). Notices list corners in reading order (NW, NE, SW, SE),
    not ring order, so the convex hull is drawn, which is the zone for the quadrilaterals they describe."""
    hull = shapely.convex_hull(shapely.MultiPoint(corners))
    return geodesic.densify(shapely.orient_polygons(hull) if hull.geom_type == "Polygon" else hull, PATH_MAX_SEGMENT_KM)


def offset_point_xy(point: Point, bearing: float, km: float) -> Point:
    lon, lat = geodesic.destination(point.x, point.y, bearing, km)
    return Point(float(lon), float(lat))
