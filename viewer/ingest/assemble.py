"""Drafts → a bundle: documents, one event per launch, features marked ``draft`` with their citations."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from viewer.ingest.article import Article
from viewer.ingest.findings import ArticleDraft, DraftFeature
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature

SAME_PLACE_DEGREES = 0.05  # two articles' features this close (about 5 km) are one feature with both citations


def document_for(article: Article, base: Path | None) -> Document:
    """The article as a bundle document: by relative path and sha256 when its file holds exactly the text and
    sits beside or below ``base`` (the bundle's folder), else with the text inline."""
    document = Document(id=article.id, title=article.title,
                        published=article.published.isoformat() if article.published else None)
    relative = _relative(article.path, base) if article.text_from_file else None
    if relative is not None:
        document.path, document.sha256, document.text = relative, article.sha256, article.text
    else:
        document.text, document.text_inline = article.text, True
        if article.path is not None:
            document.extra["source"] = article.path.name
    return document


def _relative(path: Path | None, base: Path | None) -> str | None:
    if path is None or base is None:
        return None
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def build_bundle(drafts: list[tuple[Article, ArticleDraft | None]], base: Path | None = None) -> Bundle:
    """Documents in the order given; articles' launches first, then notices, each notice joining the launch its
    window holds (a day either side), so an article and the notices for its launch make one launch."""
    bundle = Bundle(extra={"launchmap": {"version": 1, "draft": True}})
    by_event: dict[str, list[Feature]] = {}  # features of each event so far, so merging stays linear
    days: dict[str, tuple[date, date]] = {}  # each drafted event's date, or its notices' window
    for article, _ in drafts:
        document = document_for(article, base)
        bundle.documents[document.id] = document
    launches = [(a, one) for a, d in drafts if d is not None for one in (d, *d.others)]
    ordered = sorted(launches, key=lambda pair: pair[1].notice is not None)
    own_events: dict[str, set[str]] = {}  # the events each article's launches went to
    for article, draft in ordered:
        if draft.notice and not draft.features:
            continue  # a cancellation, or a notice with nothing to draw: no launch of its own
        event_id = _event_for(article, draft, days)
        taken = own_events.setdefault(article.id, set())
        if draft.notice is None and event_id in taken:  # two launches of one day in one story stay two
            event_id = next(f"{event_id}-{n}" for n in range(2, 100) if f"{event_id}-{n}" not in taken)
        taken.add(event_id)
        _add_draft(bundle, article, draft, by_event, event_id)
    _mark_cancelled(bundle, {c for _, d in drafts if d is not None for c in d.cancels})
    return bundle


def _event_for(article: Article, draft: ArticleDraft, days: dict[str, tuple[date, date]]) -> str:
    if draft.notice is None or draft.window is None:
        event_id = _event_id(article, draft)
        if draft.date is not None:
            days.setdefault(event_id, (draft.date, draft.date))
        return event_id
    first, last = draft.window[0].date(), draft.window[1].date()
    for event_id, (low, high) in days.items():  # a launch inside the window, or another notice's overlapping window
        if low <= last + timedelta(days=1) and first - timedelta(days=1) <= high:
            return event_id
    event_id = f"draft-window-{first.isoformat()}"
    days[event_id] = (first, last)
    return event_id


def _mark_cancelled(bundle: Bundle, cancelled: set[str]) -> None:
    for feature in bundle.features.values():
        if feature.properties.get("notice") in cancelled:
            feature.properties["cancelled"] = True
            feature.properties["label"] = f"{feature.label} (cancelled)"


def _event_id(article: Article, draft: ArticleDraft) -> str:
    if draft.date is not None:
        return f"draft-{draft.date.isoformat()}"
    return "draft-" + re.sub(r"^doc-", "", article.id)


def _add_draft(bundle: Bundle, article: Article, draft: ArticleDraft, by_event: dict[str, list[Feature]],
               event_id: str) -> None:
    text = article.text

    def cite(spans: list[tuple[int, int]]) -> list[Citation]:
        return [Citation.of_span(article.id, text, max(0, s), min(len(text), e)) for s, e in spans]

    event = bundle.events.get(event_id)
    if event is None:
        event = LaunchEvent(id=event_id, name=f"{draft.name} (draft)", extra={"draft": True})
        if draft.date is not None:
            # A date without a clock time cannot be the event's time (which needs an offset): the event's `day`
            # reads it from here (it was also put in the name, shown after 'undated' by the date label).
            event.extra["date"] = draft.date.isoformat()
        bundle.events[event_id] = event
    if draft.notice and draft.window:
        event.extra.setdefault("notified_windows", []).append(
            {"notice": draft.notice, "document": article.id, "start": draft.window[0].strftime("%Y-%m-%dT%H:%MZ"),
             "end": draft.window[1].strftime("%Y-%m-%dT%H:%MZ")})
    event.time = event.time or (draft.time.isoformat() if draft.time else None)
    event.vehicle = event.vehicle or draft.vehicle
    event.outcome = event.outcome or draft.outcome
    event.claims.extend(Claim(c.property, c.value, c.by, tuple(cite(c.spans))) for c in draft.claims)
    for found in draft.features:
        feature = None if draft.notice else _same_feature(by_event.setdefault(event_id, []), found)
        by_event.setdefault(event_id, [])
        citations = cite(found.spans)
        if feature is not None:
            feature.citations.extend(c for c in citations if c not in feature.citations)
            continue
        feature = Feature(id=_feature_id(bundle, event_id, found.kind), geometry=found.geometry, properties={
            "event": event_id, "kind": found.kind, "label": found.label, "certainty": found.certainty,
            "derivation": found.derivation, "draft": True}, citations=citations)
        if found.place:
            feature.properties["place"] = found.place
        feature.properties.update(found.properties)
        bundle.features[feature.id] = feature
        by_event[event_id].append(feature)
        if found.kind == "launch_site" and event.site is None:
            event.site = feature.id


def _same_feature(features: list[Feature], found: DraftFeature) -> Feature | None:
    for feature in features:
        if feature.kind == found.kind and feature.geometry is not None and (
                feature.geometry.hausdorff_distance(found.geometry) < SAME_PLACE_DEGREES):
            return feature
    return None


def _feature_id(bundle: Bundle, event_id: str, kind: str) -> str:
    stem = f"{event_id}/{kind.replace('_', '-')}"
    if stem not in bundle.features:
        return stem
    number = 2
    while f"{stem}-{number}" in bundle.features:
        number += 1
    return f"{stem}-{number}"
