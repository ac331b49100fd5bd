"""A draft merged into known launches: a drafted launch with the same site (within 30 km) and date (a day either
side) as a known one joins it — its passages become citations of the known features, its claims join the known
launch's claims — instead of becoming a duplicate. The report says what is new."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from pyproj import Geod
from shapely.geometry.base import BaseGeometry

from viewer.ingest.known_paths import covered_by_known
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.wording import counted

SAME_SITE_KM = 30.0  # a facility's pads lie within a few km; 30 km tells Sohae from Kusong
SAME_PLACE_DEGREES = 0.05  # a drafted feature this close to a known one of its kind is that feature
_GEOD = Geod(ellps="WGS84")


@dataclass
class MergeReport:
    """What a draft adds to the known launches, by id."""

    attached: list[tuple[str, str]] = field(default_factory=list)  # (drafted event, known event it joined)
    new_events: list[str] = field(default_factory=list)
    new_features: list[str] = field(default_factory=list)
    new_citations: dict[str, int] = field(default_factory=dict)  # known feature → citations added
    new_claims: list[tuple[str, str, object]] = field(default_factory=list)  # (event, property, value)
    new_documents: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        found = [f"{draft} joins known launch {known}" for draft, known in self.attached]
        found += [f"new launch {event}" for event in self.new_events]
        found += [f"new feature {feature}" for feature in self.new_features]
        found += [f"{counted(count, 'new citation')} on {feature}"
                  for feature, count in self.new_citations.items()]
        found += [f"new claim on {event}: {prop} = {value}" for event, prop, value in self.new_claims]
        return found


def event_day(event: LaunchEvent) -> date | None:
    """The launch's date: the local date a draft carries, else the date of its time where it was given."""
    stated = event.extra.get("date")
    if isinstance(stated, str):
        try:
            return date.fromisoformat(stated)
        except ValueError:
            pass
    return event.when.date() if event.when is not None else None


def _days(event: LaunchEvent) -> tuple[date, date] | None:
    """The days the launch may fall on: its date, or the windows of the notices announcing it."""
    day = event_day(event)
    if day is not None:
        return day, day
    windows = event.extra.get("notified_windows") or []
    try:
        starts = [date.fromisoformat(w["start"][:10]) for w in windows]
        ends = [date.fromisoformat(w["end"][:10]) for w in windows]
    except (KeyError, TypeError, ValueError):
        return None
    return (min(starts), max(ends)) if starts else None


def _site(bundle: Bundle, event: LaunchEvent) -> BaseGeometry | None:
    feature = bundle.features.get(event.site or "") or next(
        (f for f in bundle.features_of(event.id) if f.kind == "launch_site"), None)
    return feature.geometry if feature is not None and feature.geometry is not None else None


def _km(a: BaseGeometry, b: BaseGeometry) -> float:
    pa, pb = a.representative_point(), b.representative_point()
    return float(_GEOD.inv(pa.x, pa.y, pb.x, pb.y)[2]) / 1000.0


def _known_launch(merged: Bundle, draft: Bundle, event: LaunchEvent) -> str | None:
    days = _days(event)
    if days is None:
        return None
    site = _site(draft, event)
    for known in merged.events.values():
        if known.extra.get("merged_from_draft"):
            continue
        known_days = _days(known)
        if known_days is None or not (known_days[0] <= days[1] + timedelta(days=1)
                                      and days[0] - timedelta(days=1) <= known_days[1]):
            continue
        known_site = _site(merged, known)
        if site is None or known_site is None or _km(site, known_site) <= SAME_SITE_KM:
            return known.id
    return None


def _unique(taken: dict[str, object], wanted: str) -> str:
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def merge_draft(existing_bundles: Sequence[Bundle], draft: Bundle) -> tuple[Bundle, MergeReport]:
    """One new bundle: copies of ``existing_bundles`` (first wins on ids) with ``draft`` merged in; nothing given
    is changed. The report lists the known launches drafts joined and every new launch, feature, citation,
    claim and document."""
    merged = Bundle(extra=copy.deepcopy(existing_bundles[0].extra) if existing_bundles else {})
    for bundle in existing_bundles:
        for table, source in ((merged.documents, bundle.documents), (merged.events, bundle.events),
                               (merged.features, bundle.features)):
            for key, value in source.items():
                if key not in table:
                    table[key] = copy.deepcopy(value)  # type: ignore[assignment]
    report = MergeReport()
    renamed: dict[str, str] = {}
    for document in draft.documents.values():
        same = merged.documents.get(document.id)
        if same is not None and same.text == document.text:
            continue
        doc = copy.deepcopy(document)
        doc.id = _unique(merged.documents, document.id)  # type: ignore[arg-type]
        renamed[document.id] = doc.id
        merged.documents[doc.id] = doc
        report.new_documents.append(doc.id)
    for event in draft.events.values():
        known_id = _known_launch(merged, draft, event)
        if known_id is None:
            target = copy.deepcopy(event)
            target.id = _unique(merged.events, event.id)  # type: ignore[arg-type]
            target.claims = []
            target.extra["merged_from_draft"] = True
            target.site = None
            merged.events[target.id] = target
            report.new_events.append(target.id)
        else:
            target = merged.events[known_id]
            report.attached.append((event.id, known_id))
        _merge_claims(target, event, renamed, report)
        _merge_features(merged, draft, event, target, renamed, report)
    for event in merged.events.values():
        event.extra.pop("merged_from_draft", None)
    return merged, report


def attach_drafts(bundles: Sequence[Bundle], draft: Bundle) -> tuple[MergeReport, list[Bundle]]:
    """In place, for the window: each drafted launch with a known launch in one of ``bundles`` (same site within
    30 km, date a day either side) joins it there — the documents it cites, its new citations and claims (marked
    ``new``, for this session only: never saved) and its new features (still drafts) go into that bundle — and
    leaves ``draft``, which keeps only new launches. Returns what was added and the bundles changed."""
    report, changed = MergeReport(), []
    for event in list(draft.events.values()):
        found = next(((b, k) for b in bundles for k in [_known_launch(b, draft, event)] if k is not None), None)
        if found is None:
            continue
        bundle, known_id = found
        renamed = _take_documents(bundle, draft, event, report)
        report.attached.append((event.id, known_id))
        target = bundle.events[known_id]
        _merge_claims(target, event, renamed, report, mark_new=True)
        _merge_features(bundle, draft, event, target, renamed, report, mark_new=True)
        for feature in draft.features_of(event.id):
            del draft.features[feature.id]
        del draft.events[event.id]
        if bundle not in changed:
            changed.append(bundle)
    cited = {c.document for f in draft.features.values() for c in f.all_citations} | {
        c.document for e in draft.events.values() for claim in e.claims for c in claim.citations}
    for document_id in [d for d in draft.documents if d not in cited]:
        del draft.documents[document_id]  # its launch joined a known one; the document went with it
    return report, changed


def _take_documents(bundle: Bundle, draft: Bundle, event: LaunchEvent, report: MergeReport) -> dict[str, str]:
    """Copy into ``bundle`` the draft documents ``event`` cites; their ids as renamed where one was taken."""
    cited = {c.document for f in draft.features_of(event.id) for c in f.all_citations} | {
        c.document for claim in event.claims for c in claim.citations}
    renamed: dict[str, str] = {}
    for document_id in sorted(cited):
        document = draft.documents.get(document_id)
        if document is None:
            continue
        same = bundle.documents.get(document_id)
        if same is not None and same.text == document.text:
            continue
        doc = copy.deepcopy(document)
        doc.id = _unique(bundle.documents, document.id)  # type: ignore[arg-type]
        if doc.id != document.id:
            renamed[document.id] = doc.id
        bundle.documents[doc.id] = doc
        report.new_documents.append(doc.id)
    return renamed


def _new(citations: list[Citation], mark: bool) -> list[Citation]:
    return [dataclasses.replace(c, new=True) for c in citations] if mark else citations


def _rename(citations, renamed: dict[str, str]):
    return [c if c.document not in renamed else dataclasses.replace(c, document=renamed[c.document]) for c in citations]


def _merge_claims(target: LaunchEvent, event: LaunchEvent, renamed: dict[str, str], report: MergeReport,
                  mark_new: bool = False) -> None:
    for claim in event.claims:
        moved = dataclasses.replace(claim, citations=tuple(_rename(claim.citations, renamed)))
        if mark_new:
            moved = dataclasses.replace(moved, new=True)  # not compared
        if moved not in target.claims:
            target.claims.append(moved)
            report.new_claims.append((target.id, claim.property, claim.value))
    target.vehicle = target.vehicle or event.vehicle
    target.outcome = target.outcome or event.outcome
    target.time = target.time or event.time


def _merge_features(merged: Bundle, draft: Bundle, event: LaunchEvent, target: LaunchEvent,
                    renamed: dict[str, str], report: MergeReport, mark_new: bool = False) -> None:
    known = merged.features_of(target.id)
    for feature in draft.features_of(event.id):
        citations = _rename(feature.citations, renamed)
        same = next((k for k in known if k.kind == feature.kind and k.geometry is not None
                     and feature.geometry is not None
                     and k.geometry.hausdorff_distance(feature.geometry) < SAME_PLACE_DEGREES), None) or (
            covered_by_known(feature, known))  # a heading the known path already draws (known_paths)
        if same is not None:
            added = [c for c in citations if c not in same.citations]
            same.citations.extend(_new(added, mark_new))
            if added:
                report.new_citations[same.id] = report.new_citations.get(same.id, 0) + len(added)
            continue
        copied = Feature(id=_unique(merged.features, feature.id), geometry=feature.geometry,  # type: ignore[arg-type]
                         properties={**copy.deepcopy(feature.properties), "event": target.id}, citations=citations,
                         claims=list(feature.claims), extra=copy.deepcopy(feature.extra))
        merged.features[copied.id] = copied
        known.append(copied)
        report.new_features.append(copied.id)
        if copied.kind == "launch_site" and target.site is None:
            target.site = copied.id
