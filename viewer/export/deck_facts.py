"""The words a slide says about launches: key facts (time in UTC and as given, vehicle, outcome, site, where sources
differ), the confidence line, and the slides' subtitles."""

from __future__ import annotations

from datetime import datetime

from viewer.model.annotation import is_annotation
from viewer.model.bundle import Bundle
from viewer.model.claim import disagreements
from viewer.model.event import LaunchEvent, parse_time
from viewer.model.feature import Feature
from viewer.model.kinds import kind_names, kind_title, stated_certainty
from viewer.wording import plural


def key_facts(content: Bundle, event: LaunchEvent) -> list[tuple[str, str]]:
    """Time (UTC, and at the offset the bundle gives it), vehicle, outcome, site, and where sources disagree.
    The offset is the one reported (Seoul or Tokyo time, UTC+09:00), not called 'local': on 7 Feb 2016 Pyongyang
    kept UTC+08:30 (Asia/Pyongyang in the IANA time zone database), and '09:30 local' was half an hour off."""
    utc, stated = event.time_labels
    when = utc + (f" ({stated.split(' ', 1)[1]})" if stated and stated[:10] == utc[:10] else
                  f" ({stated})" if stated else "")
    facts = [("Time", when), ("Vehicle", event.vehicle or "not reported"), ("Outcome", event.outcome or "unknown")]
    site = content.features.get(event.site or "")
    facts.append(("Site", site.label if site else "not reported"))
    for name, claims in disagreements(event.claims).items():
        if name in ("outcome", "vehicle"):  # times disagree only in precision; the notes carry them
            values = " · ".join(f"{claim_value(c.value)} per {c.by or 'an unnamed source'}" for c in claims)
            facts.append((f"Sources differ on {name}", values))
    return facts


def confidence_line(features: list[Feature]) -> str:
    """Which features are approximate or derived, by kind, e.g. 'Approximate: launch site, 3 danger zones.'
    Features of other files state no certainty (the model reads theirs as 'reported'): they are counted apart, never
    as placed where the sources put them; the user's annotations are no claim about a position at all."""
    stated = [f for f in features if stated_certainty(f.properties)]
    unstated = [f for f in features if not stated_certainty(f.properties) and not is_annotation(f)]
    line = _certainty_line(stated)
    if unstated:
        count = len(unstated)
        tail = f"{_features(count)} {_from_layers(unstated)} state{'s' if count == 1 else ''} no certainty."
        line = f"{line} {tail}" if line else f"Confidence — {tail}"
    return line


def _from_layers(features: list[Feature], named: int = 3) -> str:
    """'from tracks and sensors', as the legend names their layers ('of other files' told an audience nothing);
    'of other files' for features of no layer."""
    layers = list(dict.fromkeys(f.layer for f in features))
    if not layers or None in layers:
        return "of other files"
    shown = [str(layer) for layer in layers[:named]] if len(layers) <= named else \
        [*map(str, layers[:named - 1]), _counted(len(layers) - named + 1, "other layer")]
    return "from " + (", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0])


def _certainty_line(features: list[Feature]) -> str:
    parts = []
    for certainty, heading in (("approximate", "Approximate positions"), ("derived", "Derived (constructed)")):
        kinds = [f.kind for f in features if f.certainty == certainty]
        if kinds:
            named = [_counted(kinds.count(k), kind_title(k).lower()) for k in kind_names() if k in kinds]
            parts.append(f"{heading}: {', '.join(named)}.")
    if not parts:
        return "Confidence: every feature shown is where the sources put it." if features else ""
    reported = sum(f.certainty == "reported" for f in features)
    tail = f" {_features(reported)} as reported." if reported else " Nothing shown is exactly as reported."
    return "Confidence — " + " ".join(parts) + tail


def _features(count: int) -> str:
    """'1 feature', '5,015 features': the word alone names nothing, so its number is always written."""
    return f"{count:,} feature{'' if count == 1 else 's'}"


def _counted(count: int, noun: str) -> str:
    """'launch site', '3 danger zones': a slide names a single thing without the 1."""
    return noun if count == 1 else f"{count:,} {plural(noun)}"


def event_subtitle(content: Bundle, event: LaunchEvent) -> str:
    site = content.features.get(event.site or "")
    day = event.day  # a draft's day without a time too
    date = _day(datetime.fromisoformat(day)) if day else "date unknown"
    return " · ".join(part for part in (date, event.vehicle, site.label if site else "") if part)


def event_line(event: LaunchEvent) -> str:
    return " · ".join(part for part in (event.name, event.vehicle, event.outcome) if part)


def title_subtitle(content: Bundle, today: datetime) -> str:
    events = content.events_in_time_order()
    dated = [e.when for e in events if e.when]
    span = f", {_day(min(dated), '%b')} to {_day(max(dated), '%b')}" if len(dated) > 1 else ""
    count = f"{len(events)} launch{'es' if len(events) != 1 else ''}{span}"
    documents = len(content.documents)
    return (f"{count} · from {documents} source document{'s' if documents != 1 else ''} · "
            f"prepared {_day(today)} with launchmap")


def _day(when: datetime, month: str = "%B") -> str:
    """'21 November 2023': no zero-padded day, without the glibc-only %-d."""
    return f"{when.day} {when.strftime(month)} {when.year}"


def claim_value(value) -> str:
    """A claimed value as a slide says it: a time as '2016-02-06 19:29 UTC-05:00', not in ISO 8601's T form."""
    if not isinstance(value, str):
        return repr(value)
    if len(value) > 10 and value[10:11] == "T":
        try:
            when = parse_time(value)
        except ValueError:
            return value
        offset = when.strftime("%z")
        zone = "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:]}"
        return f"{when:%Y-%m-%d %H:%M} {zone}"
    return value
