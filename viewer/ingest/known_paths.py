"""What an article's drafted path adds to a launch the bundle already draws. A heading drawn from the article's
direction alone ('headed south', no distance), or a failed launch's short path, says less than a known flight path
that goes the same way: the article is cited on the known path rather than drawn beside it as a second, cruder line.
A heading that disagrees with the known path is kept, as a conflict for the reviewer. A failed launch's impact area
(its position not reported) says less than a known impact point: the article is cited there. An alert for a place the
launch already shows alerted (the same place, or the same label: a curated area is drawn from its sources, a drafted
one from the alert-area table, so their outlines differ) is cited on the known area."""

from __future__ import annotations

from viewer.geo import geodesic
from viewer.model.feature import Feature

HEADING_ONLY = {"heading_only": True}  # a drafted path that shows a direction, not a range
IMPACT_AREA = {"impact_area": True}  # a failed launch's area where debris most likely fell, its position not reported
AGREES_DEGREES = 45.0  # within the compass point the article's words name


def covered_by_known(feature: Feature, known: list[Feature]) -> Feature | None:
    """The known feature that already shows what the drafted ``feature`` shows, to cite the article on; else None."""
    if feature.geometry is None:
        return None
    if feature.properties.get("heading_only") and feature.kind == "flight_path":
        bearing = _bearing(feature)
        for path in (k for k in known if k.kind == "flight_path" and not k.properties.get("heading_only")):
            way = _bearing(path)
            if bearing is not None and way is not None and abs((bearing - way + 180) % 360 - 180) <= AGREES_DEGREES:
                return path
        return None
    if feature.kind == "warning_area":
        return next((k for k in known if k.kind == "warning_area" and _same_alert(feature, k)), None)
    if feature.properties.get("impact_area"):
        return next((k for k in known if k.kind == "impact_point" and k.geometry is not None), None)
    return None


def _same_alert(drafted: Feature, known: Feature) -> bool:
    place = drafted.properties.get("place")
    if place is not None and place == known.properties.get("place"):
        return True
    label = " ".join(str(drafted.properties.get("label", "")).split()).casefold()
    return bool(label) and label == " ".join(str(known.properties.get("label", "")).split()).casefold()


def _bearing(path: Feature) -> float | None:
    coords = list(getattr(path.geometry, "coords", []))
    if len(coords) < 2:
        return None
    (x1, y1), (x2, y2) = coords[0][:2], coords[-1][:2]
    return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
