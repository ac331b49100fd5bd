"""A launch report written in fields, one a line ("Time: around 9:59 a.m. (JST), 12 July 2023", "Launch location:
around Pyongyang", "Direction: toward the east", a database record's "Date (local) ...... 28 July 2017"), as defence
ministries, trackers and databases publish them."""

from __future__ import annotations

import re

# (a release may number them: "1. Launch date and time: about 7:02 a.m., 15 January 2027 (JST)"; a record may qualify
# the label and lead the eye to the value with dots: "Time (UTC) ........ 14:41")
# (or a pasted data record's keys, YAML's "  date: 2024.1.14", JSON's '"launched_local": "2023-12-18T08:24+09:00",')
_FIELD = re.compile(r"^[ \t]*(?:\d{1,2}[.)][ \t]*|[-*\u2022][ \t]*)?"
                    r"(?:(?P<label>[A-Z][A-Za-z]+(?:[ \t/][A-Za-z]+){0,3})|"
                    r"(?P<quote>\"?)(?P<key>[a-z][a-z]+(?:_[a-z]+){0,3})(?P=quote))"
                    r"(?:[ \t]*\((?P<qualifier>[A-Za-z ]{1,12})\))?(?:[ \t]*:[ \t]+|[ \t]*\.{3,}[ \t]*)\S[^\n]*",
                    re.MULTILINE)
# a key's zone or place of reckoning: "time_local", "date_kst", "launched_utc"
_KEY_QUALIFIER = re.compile(r"\s+(?:local|kst|jst|utc|gmt)$")
FIELD_LABELS = frozenset({"time", "launch", "launch time", "date and time", "location", "launch location",
                          "launch site", "launch point", "site", "type", "number", "direction", "heading", "flight",
                          "range", "impact", "altitude", "apogee", "missile", "vehicle", "trajectory",
                          "launch date and time", "launch date", "date/time", "launch date/time", "launch area",
                          "impact point", "flight distance", "maximum altitude", "missile type", "damage", "date",
                          "launch facility", "landing area", "outcome", "number fired", "flight time", "class",
                          "event", "launched"})
WHEN_LABELS = frozenset({"time", "launch", "launch time", "date and time", "launch date and time", "launch date",
                         "date/time", "launch date/time", "launched"})
MIN_FIELDS = 3


def report_fields(text: str) -> list[re.Match[str]]:
    """The field lines of a launch report: at least three known fields, one of them its time; else none."""
    fields = [m for m in _FIELD.finditer(text) if field_label(m) in FIELD_LABELS]
    labels = {field_label(m) for m in fields}
    if len(labels) < MIN_FIELDS or not labels & WHEN_LABELS:
        return []
    return fields


def field_label(field: re.Match[str]) -> str:
    """A field's label in lower case, a data key's read as words ('launched_local' → 'launched')."""
    if field.group("label"):
        return field.group("label").lower()
    return _KEY_QUALIFIER.sub("", field.group("key").replace("_", " "))
