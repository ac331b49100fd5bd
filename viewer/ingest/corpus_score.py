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
    """Drafted launches with the truth's by what they are: of the pairings that pair as many as they can, the one
    whose pairs agree on the most fields (a day apart counting half a date); order only breaks ties. (Pairing
    each draft in turn with the first truth a day from it, else the first left, paired a story's launches
    crosswise when a draft came before the one its truth would have matched, marking right fields wrong.)"""
    like = [[_likeness(d, t) - 1e-6 * abs(i - j) for j, t in enumerate(truth)] for i, d in enumerate(drafted)]
    by_draft = _best_pairing(like, len(drafted), len(truth))
    pairs: list[tuple[DraftedLaunch | None, dict[str, Any] | None]] = [
        (launch, truth[by_draft[i]] if i in by_draft else None) for i, launch in enumerate(drafted)]
    pairs.extend((None, t) for j, t in enumerate(truth) if j not in by_draft.values())
    return pairs


def _best_pairing(like: list[list[float]], rows: int, columns: int) -> dict[int, int]:
    """Row → column, every row or every column paired (whichever are fewer), the sum of ``like`` greatest: over
    the subsets of the fewer side (a story's launches are few), else the likest pairs first."""
    few, many = min(rows, columns), max(rows, columns)
    value = (lambda a, b: like[b][a]) if rows > columns else (lambda a, b: like[a][b])  # (few index, many index)
    if few == 0:
        return {}
    if few > 12:
        ranked = sorted((-like[i][j], i, j) for i in range(rows) for j in range(columns))
        chosen: dict[int, int] = {}
        for _, i, j in ranked:
            if i not in chosen and j not in chosen.values():
                chosen[i] = j
        return chosen
    best: dict[int, tuple[float, tuple[tuple[int, int], ...]]] = {0: (0.0, ())}
    for b in range(many):  # each of the many either takes one of the few not yet taken, or stays unpaired
        step = dict(best)
        for mask, (total, chosen_pairs) in best.items():
            for a in range(few):
                if not mask & (1 << a):
                    new = (total + value(a, b), (*chosen_pairs, (a, b)))
                    if mask | (1 << a) not in step or new[0] > step[mask | (1 << a)][0]:
                        step[mask | (1 << a)] = new
        best = step
    pairs = best[(1 << few) - 1][1]
    return {b: a for a, b in pairs} if rows > columns else dict(pairs)


def _likeness(launch: DraftedLaunch, truth: dict[str, Any]) -> float:
    score = 0.0
    if launch.date and truth.get("date"):
        apart = abs((date.fromisoformat(launch.date) - date.fromisoformat(truth["date"])).days)
        score += 1.01 if apart == 0 else 0.5 if apart == 1 else 0.0  # (of pairings as alike, the same days)
    if launch.site is not None and truth.get("site") is not None and _site_right(launch.site, truth["site"]):
        score += 1
    score += launch.time is not None and launch.time == truth.get("time")
    if launch.bearing is not None and truth.get("direction") is not None and any(
            abs((launch.bearing - COMPASS[t] + 180) % 360 - 180) <= 45 for t in _as_list(truth["direction"])):
        score += 1
    score += launch.outcome is not None and launch.outcome == truth.get("outcome")
    return score + len(launch.warning_areas & set(truth.get("warning_areas") or []))


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
        if len(expected) == 1 and len(areas) == 1:  # one area: no label to tell it by ("1." is a paragraph's
            areas = {next(iter(expected)): next(iter(areas.values()))}  # number to one reader, a label to another)
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
