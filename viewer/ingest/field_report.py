"""A launch report written in fields, one a line ("Time: around 9:59 a.m. (JST), 12 July 2023", "Launch location:
around Pyongyang", "Direction: toward the east", a database record's "Date (local) ...... 28 July 2017"), as defence
ministries, trackers and databases publish them."""

from __future__ import annotations

import re

# (a release may number them: "1. Launch date and time: about 7:02 a.m., 15 January 2027 (JST)"; a record may qualify
# the label and lead the eye to the value with dots: "Time (UTC) ........ 14:41")
_FIELD = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]*|[-*\u2022][ \t]*)?(?P<label>[A-Z][A-Za-z]+(?:[ \t/][A-Za-z]+){0,3})"
                    r"(?:[ \t]*\((?P<qualifier>[A-Za-z ]{1,12})\))?(?:[ \t]*:[ \t]+|[ \t]*\.{3,}[ \t]*)\S[^\n]*",
                    re.MULTILINE)
FIELD_LABELS = frozenset({"time", "launch", "launch time", "date and time", "location", "launch location",
                          "launch site", "launch point", "site", "type", "number", "direction", "heading", "flight",
                          "range", "impact", "altitude", "apogee", "missile", "vehicle", "trajectory",
                          "launch date and time", "launch date", "date/time", "launch date/time", "launch area",
                          "impact point", "flight distance", "maximum altitude", "missile type", "damage", "date",
                          "launch facility", "landing area", "outcome", "number fired", "flight time", "class",
                          "event"})
WHEN_LABELS = frozenset({"time", "launch", "launch time", "date and time", "launch date and time", "launch date",
                         "date/time", "launch date/time"})
MIN_FIELDS = 3


def report_fields(text: str) -> list[re.Match[str]]:
    """The field lines of a launch report: at least three known fields, one of them its time; else none."""
    fields = [m for m in _FIELD.finditer(text) if m.group("label").lower() in FIELD_LABELS]
    labels = {m.group("label").lower() for m in fields}
    if len(labels) < MIN_FIELDS or not labels & WHEN_LABELS:
        return []
    return fields
