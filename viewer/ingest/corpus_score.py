"""Score ingest on a corpus with hand-written truth (articles/truth.json, notices/truth.json): precision and recall
per field — launch, site, date, time, direction, outcome, warning areas, published — and notice areas by corners."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import Any

from pyproj import Geod

from viewer.geo.gazetteer import find as find_place
from viewer.ingest import ingest_articles, read_files
from viewer.ingest.article import ArticleError
from viewer.ingest.merge import event_day
from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent

ARTICLE_FIELDS = ("launch", "site", "date", "time", "direction", "outcome", "warning_areas", "published")
SITE_KM = 30.0
CORNER_DEGREES = 0.01
COMPASS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
           "northwest": 315}  # fmt: skip
_GEOD = Geod(ellps="WGS84")


@dataclass
class Tally:
    right: int = 0
    drafted: int = 0
    truth: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.right / self.drafted if self.drafted else None

    @property
    def recall(self) -> float | None:
        return self.right / self.truth if self.truth else None


@dataclass
class DraftedLaunch:
    site: tuple[float, float] | None
    date: str | None
    time: str | None
    bearing: float | None
    outcome: str | None
    warning_areas: set[str]


def drafted_launches(bundle: Bundle) -> list[DraftedLaunch]:
    found = []
    for event in bundle.events.values():
        if event.extra.get("notified_windows") and not any(
                f.kind != "danger_zone" and f.kind != "warning_area" for f in bundle.features_of(event.id)):
            continue  # a notice's window alone is not a drafted launch
        found.append(_launch(bundle, event))
    return found


def _launch(bundle: Bundle, event: LaunchEvent) -> DraftedLaunch:
    features = bundle.features_of(event.id)
    site = next((f.geometry for f in features if f.kind == "launch_site" and f.geometry is not None), None)
    path = next((f.geometry for f in features if f.kind == "flight_path" and f.geometry is not None), None)
    bearing = None
    if path is not None and len(path.coords) >= 2:
        (x1, y1), (x2, y2) = path.coords[0], path.coords[-1]
        bearing = float(_GEOD.inv(x1, y1, x2, y2)[0]) % 360
    else:  # no site to draw a path from: the direction the story states, kept as a claim
        bearing = next((float(c.value) for c in event.claims if c.property == "direction_deg"), None)
    day = event_day(event)
    when = event.when
    return DraftedLaunch(
        (site.x, site.y) if site is not None else None,
        day.isoformat() if day else None,
        when.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if when else None,
        bearing, event.outcome,
        {str(f.properties["place"]) for f in features if f.kind == "warning_area" and f.properties.get("place")})


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _site_right(drafted: tuple[float, float], truth: str | list[str]) -> bool:
    """Within SITE_KM of the truth's place (of one of them, for 'the Pyongyang area')."""
    for name in _as_list(truth):
        place = find_place(name) or next((p for p in _places() if p.id == name), None)
        if place is not None and float(_GEOD.inv(drafted[0], drafted[1], place.lon, place.lat)[2]) / 1000 <= SITE_KM:
            return True
    return False


def _places():
    from viewer.geo.gazetteer import load_places

    return load_places()


def _field(tally: Tally, name: str, drafted: Any, truth: Any) -> None:
    """One single-valued field: right when equal to (one of) the truth's values."""
    if drafted is not None:
        tally.drafted += 1
    if truth is not None:
        tally.truth += 1
    if drafted is None or truth is None:
        if drafted is not None or truth is not None:
            tally.misses.append(f"{name}: drafted {drafted!r}, truth {truth!r}")
        return
    if name.endswith("site"):
        right = _site_right(drafted, truth)
    elif name.endswith("direction"):
        right = any(abs((drafted - COMPASS[t] + 180) % 360 - 180) <= 45 for t in _as_list(truth))
    else:
        right = drafted in _as_list(truth)
    if right:
        tally.right += 1
    else:
        tally.misses.append(f"{name}: drafted {drafted!r}, truth {truth!r}")


def _pair(drafted: list[DraftedLaunch], truth: list[dict[str, Any]]) -> list[tuple[DraftedLaunch | None,
                                                                                    dict[str, Any] | None]]:
    """Drafted launches with the truth's, by date where both have one, else in order."""
    pairs: list[tuple[DraftedLaunch | None, dict[str, Any] | None]] = []
    left = list(truth)
    for launch in drafted:
        match = next((t for t in left if launch.date and t.get("date") and abs(
            (date.fromisoformat(launch.date) - date.fromisoformat(t["date"])).days) <= 1), None)
        match = match or (left[0] if left else None)
        if match is not None:
            left.remove(match)
        pairs.append((launch, match))
    pairs.extend((None, t) for t in left)
    return pairs


def score_articles(folder: Path, jobs: int | None = 1) -> dict[str, Tally]:
    truth_all = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    tallies = {name: Tally() for name in ARTICLE_FIELDS}
    names = [n for n in sorted(truth_all) if not n.startswith("_")]
    for name in names:
        truth = truth_all[name]
        try:
            bundle = ingest_articles(read_files([folder / name]), jobs=jobs)
        except ArticleError as error:  # a file ingest cannot read drafts nothing: every fact in its truth is missed
            print(f"not read: {error}")
            bundle = None
        published = next(iter(bundle.documents.values())).published if bundle else None
        _field(tallies["published"], f"{name} published", published, truth.get("published"))
        for launch, expected in _pair(drafted_launches(bundle) if bundle else [], truth["launches"]):
            tallies["launch"].drafted += launch is not None
            tallies["launch"].truth += expected is not None
            if launch is not None and expected is not None:
                tallies["launch"].right += 1
            else:
                why = "drafted a launch the truth lacks" if expected is None else "launch not drafted"
                tallies["launch"].misses.append(f"{name}: {why}")
            expected = expected or {}
            values = {"site": launch.site if launch else None, "date": launch.date if launch else None,
                      "time": launch.time if launch else None, "direction": launch.bearing if launch else None,
                      "outcome": launch.outcome if launch else None}
            for key, value in values.items():
                _field(tallies[key], f"{name} {key}", value, expected.get(key))
            areas = launch.warning_areas if launch else set()
            wanted = set(expected.get("warning_areas") or [])
            tally = tallies["warning_areas"]
            tally.drafted += len(areas)
            tally.truth += len(wanted)
            tally.right += len(areas & wanted)
            tally.misses.extend(f"{name} warning area: drafted {a}, not in truth" for a in sorted(areas - wanted))
            tally.misses.extend(f"{name} warning area: {a} not drafted" for a in sorted(wanted - areas))
    return tallies


def score_notices(folder: Path) -> dict[str, Tally]:
    """Areas right when every corner lies within 0.01° of the truth's (circles: centre and radius); windows
    right when start and end are the truth's to the minute."""
    from viewer.ingest.notices import area_letter, read_notice

    tallies = {"notice areas": Tally(), "notice windows": Tally(), "notice kind": Tally()}
    if not (folder / "truth.json").exists():  # a corpus of articles only
        return tallies
    truth_all = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    for name in (n for n in sorted(truth_all) if not n.startswith("_")):
        truth = truth_all[name]
        notice = read_notice((folder / name).read_text(encoding="utf-8"))
        areas = {a.label: a for a in notice.areas} if notice else {}
        # a truth keyed "ALFA" and a draft labelled "A" name the same area (see notices.area_letter)
        expected = {area_letter(k): v for k, v in {**truth.get("areas", {}), **truth.get("circles", {})}.items()}
        tally = tallies["notice areas"]
        tally.drafted += len(areas)
        tally.truth += len(expected)
        for label, want in expected.items():
            got = areas.get(label)
            if got is not None and _area_right(got, want):
                tally.right += 1
            else:
                tally.misses.append(f"{name} area {label!r}: not drafted within {CORNER_DEGREES}°")
        window = None
        if notice and notice.windows:
            window = [min(w.start for w in notice.windows).strftime("%Y-%m-%dT%H:%MZ"),
                      max(w.end for w in notice.windows).strftime("%Y-%m-%dT%H:%MZ")]
        _field(tallies["notice windows"], f"{name} window", tuple(window) if window else None,
               tuple(truth["window"]) if "window" in truth else None)
        kind = ("warning_area" if notice.airspace else "danger_zone") if notice else None
        _field(tallies["notice kind"], f"{name} kind", kind, truth["kind"])
    return tallies


def _area_right(area, want: Any) -> bool:
    if isinstance(want, dict):  # a circle
        lon, lat = area.corners[0]
        return (area.radius_nm is not None and abs(area.radius_nm - want["radius_nm"]) < 0.01
                and abs(lon - want["centre"][0]) <= CORNER_DEGREES and abs(lat - want["centre"][1]) <= CORNER_DEGREES)
    return len(area.corners) == len(want) and all(
        abs(a[0] - b[0]) <= CORNER_DEGREES and abs(a[1] - b[1]) <= CORNER_DEGREES
        for a, b in zip(area.corners, want, strict=True))


def table(tallies: dict[str, Tally]) -> list[str]:
    def figure(value: float | None) -> str:
        return f"{value:.2f}" if value is not None else "-"

    lines = ["| field | right / drafted / truth | precision | recall |", "|---|---|---|---|"]
    lines += [f"| {name} | {t.right} / {t.drafted} / {t.truth} | {figure(t.precision)} | {figure(t.recall)} |"
              for name, t in tallies.items()]
    return lines
