"""A notice as a draft: one danger zone (warning area for airspace) per area it lists, citing the coordinate text,
with the notice's number, area letter and window in the feature's properties."""

from __future__ import annotations

from viewer.ingest.findings import ArticleDraft, DraftFeature
from viewer.ingest.notices import Notice


def _corners_text(corners: list[tuple[float, float]]) -> str:
    return "; ".join(f"{abs(lat):.4f}{'N' if lat >= 0 else 'S'} {abs(lon):.4f}{'E' if lon >= 0 else 'W'}"
                     for lon, lat in corners)


def draft_notice(notice: Notice, text: str) -> ArticleDraft:
    """The draft of one notice: its areas, its window, what it cancels and what could not be read."""
    draft = ArticleDraft(name=f"Launch window notified by {notice.name}", space=False, notice=notice.name,
                         cancels=list(notice.cancels), problems=list(notice.problems))
    if notice.windows:
        draft.window = (min(w.start for w in notice.windows), max(w.end for w in notice.windows))
        draft.date = draft.window[0].date()
    kind = "warning_area" if notice.airspace else "danger_zone"
    what = "Airspace warning" if notice.airspace else "Danger zone"
    for area in notice.areas:
        name = f"area {area.label}" if area.label else ""
        properties: dict[str, object] = {"notice": notice.name, "notice_area": area.label or None}
        if notice.windows:
            properties["window"] = [w.as_property(text) for w in notice.windows]
        if notice.expires:
            properties["notice_expires"] = notice.expires.strftime("%Y-%m-%dT%H:%MZ")
        if area.radius_nm is not None:
            properties["radius_nm"] = area.radius_nm
            derivation = (f"circle of {area.radius_nm:g} NM ({area.radius_nm * 1.852:.1f} km) around "
                          f"{_corners_text(area.corners)}, as {notice.name} {name or 'the notice'} gives it; "
                          "geodesic radius")
        else:
            derivation = (f"the {len(area.corners)} corners {notice.name} {name or 'the notice'} gives "
                          f"({_corners_text(area.corners)}), joined in the notice's order by geodesic edges")
        if area.readings:
            derivation += "; " + "; ".join(area.readings)
        draft.features.append(DraftFeature(kind, area.geometry, f"{what}: {notice.name} {name}".rstrip(),
                                           "reported", derivation, [area.span], properties=properties))
    return draft
