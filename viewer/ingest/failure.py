"""A failed launch whose impact position is not reported: a short path and an impact *area* near the site, not a
full-range path, derived from the stated direction (if any) and how soon the flight failed."""

from __future__ import annotations

import re

from shapely.geometry import Point

from viewer.geo import geodesic
from viewer.ingest import construct
from viewer.ingest.directions import stated_direction
from viewer.ingest.findings import ArticleDraft, DraftFeature
from viewer.ingest.known_paths import HEADING_ONLY, IMPACT_AREA
from viewer.ingest.launch_report import LaunchReport
from viewer.ingest.places import PlaceMatcher
from viewer.ingest.sentences import split_sentences

# "exploded seconds after lift-off", "crashed shortly after launch": a failure in the first minute falls close in.
_EARLY = re.compile(r"\b(?:seconds|moments|shortly|soon|immediately|right|just|a minute)\s+(?:after|into)\b|"
                    r"\b(?:on|over|near|above)\s+the\s+(?:launch\s+)?pad\b|\bmid-?air\b|\bon land\b|"
                    r"\bwithin\s+(?:seconds|a minute)\b|\bfailed\s+to\s+(?:leave|clear)\b", re.IGNORECASE)
# How far along the stated direction the area is centred, and its radius, in km. An early failure (the first
# minute: Musudan failures of 2016 fell at or near Wonsan) stays within ~30 km of the pad; a failure later in
# powered flight (Unha-3, April 2012: debris ~165 km west of Seoul, some 100-200 km from Sohae) within ~200 km.
EARLY_KM = (15.0, 30.0)
LATER_KM = (100.0, 100.0)


def add_failure_area(draft: ArticleDraft, text: str, report: LaunchReport, matcher: PlaceMatcher,
                     site: DraftFeature | None) -> None:
    """For a failed launch with a site and no impact point drafted, replace a heading's full-length leg by a short
    path and add the area the debris most likely fell in, each saying how it was reasoned."""
    if draft.outcome != "failure" or site is None or draft.first("impact_point") is not None:
        return
    if any(f.kind == "flight_path" and f.certainty == "derived" for f in draft.features):
        return  # a reported distance already ends the path where the flight ended
    # (and the sentence that told the failure: "It exploded minutes later while heading toward Okinawa")
    failed_at = [c.spans[0][0] for c in draft.claims if c.property == "outcome" and c.value == "failure" and c.spans]
    scope = list(report.related) + [s for s in split_sentences(text) if s not in report.related and any(
        s.start <= at < s.end for at in failed_at)]
    early = next((m for s in scope for m in [_EARLY.search(text, s.start, s.end)] if m), None)
    offset_km, radius_km = EARLY_KM if early else LATER_KM
    when = (f"the text says the failure came early ('{early.group()}'): within ~{radius_km:g} km" if early else
            f"no time of failure given: a failure in powered flight, within ~{offset_km + radius_km:g} km of the pad")
    start: Point = site.geometry
    stated = stated_direction(text, scope, matcher, start)
    draft.features[:] = [f for f in draft.features if not (f.kind == "flight_path" and f.label.startswith("Heading"))]
    spans = [early.span()] if early else []
    if stated is not None:
        line = construct.path_along(start, stated.bearing, offset_km)
        centre = Point(line.coords[-1])
        spans.insert(0, stated.span)
        draft.features.append(DraftFeature(
            "flight_path", line, f"Short flight (failed; {'toward' if stated.toward else 'heading'} {stated.words})",
            "derived",
            f"geodesic of {offset_km:g} km from the launch site on bearing {stated.bearing:.0f}° as the article "
            f"states the direction ('{stated.words}'); the launch failed and no impact position is reported, so "
            f"the path is cut short rather than drawn to any range", [stated.span], properties=dict(HEADING_ONLY)))
        where = f"centred {offset_km:g} km from the site along bearing {stated.bearing:.0f}°"
    else:
        centre = start
        where = "centred on the launch site (no direction stated)"
    area = geodesic.range_ring(centre.x, centre.y, radius_km, 72)
    draft.features.append(DraftFeature(
        "area", area, "Impact area (failed launch; position not reported)", "derived",
        f"circle of {radius_km:g} km radius {where}: the article reports a failure but not where it came down; "
        f"{when}", spans or [site.spans[0]], site.place, dict(IMPACT_AREA)))
