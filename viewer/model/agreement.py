"""Whether claims agree: values compared with the precision their sources gave them, never as raw strings.

Times are compared as instants in UTC to the coarser stated precision (19:29 ET and 00:30 UTC agree to ±1 min),
dates and weekdays without a zone as the calendar day somewhere on Earth at that instant, numbers with their
units and decimals, names case- and space-folded. Long descriptions are not equal or unequal: they are worded
differently.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

# A calendar day or weekday with no zone is a local date: any zone from UTC-12 to UTC+14 may be meant.
EARLIEST_ZONE, LATEST_ZONE = timedelta(hours=-12), timedelta(hours=14)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DESCRIPTION_WORDS = 5  # a value of this many words or more is a description, not a name
UNITS = {  # unit -> (dimension, factor to the dimension's base unit)
    "m": ("length", Decimal(1)), "km": ("length", Decimal(1000)), "mi": ("length", Decimal("1609.344")),
    "nm": ("length", Decimal(1852)), "nmi": ("length", Decimal(1852)),
    "s": ("duration", Decimal(1)), "sec": ("duration", Decimal(1)), "min": ("duration", Decimal(60)),
    "h": ("duration", Decimal(3600)), "hr": ("duration", Decimal(3600)),
    "deg": ("angle", Decimal(1)), "°": ("angle", Decimal(1)),
}
_NUMBER = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*([A-Za-z°]*)\s*$")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class Verdict(enum.Enum):
    SAME = "sources agree"
    WITHIN = "sources agree within precision"
    WORDED = "described differently"
    DIFFER = "sources disagree"


@dataclass(frozen=True)
class Agreement:
    """How a property's claims compare. ``label`` is what a reader sees: 'sources agree (±1 min)'."""

    verdict: Verdict
    within: str = ""  # the tolerance that made them agree: '±1 min', 'to the day', 'weekday only'

    @property
    def disagree(self) -> bool:
        return self.verdict is Verdict.DIFFER

    @property
    def label(self) -> str:
        if self.verdict is Verdict.WITHIN:
            return f"sources agree ({self.within})"
        return self.verdict.value


# -- values as their sources gave them ---------------------------------------------------------------
@dataclass(frozen=True)
class Instant:
    """A moment known to ``step`` (one minute for '19:29', one second for '22:42:28')."""

    at: datetime
    step: timedelta

    def span(self) -> tuple[datetime, datetime]:
        return self.at, self.at + self.step


@dataclass(frozen=True)
class LocalDays:
    """A calendar day, month or weekday with no zone: the instants it can mean, UTC-12 to UTC+14."""

    first: date | None  # None for a weekday
    last: date | None
    weekday: int | None = None
    name: str = "to the day"

    def holds(self, moment: datetime) -> bool:
        """Whether it is one of these days somewhere on Earth at ``moment``."""
        utc = moment.astimezone(UTC)
        earliest, latest = (utc + EARLIEST_ZONE).date(), (utc + LATEST_ZONE).date()
        for day in (earliest + timedelta(days=n) for n in range((latest - earliest).days + 1)):
            if self.weekday is not None and day.weekday() == self.weekday:
                return True
            if self.first is not None and self.last is not None and self.first <= day <= self.last:
                return True
        return False

    def overlaps(self, other: LocalDays) -> bool:
        if self.first is None or self.last is None or other.first is None or other.last is None:
            return self.weekday == other.weekday  # a weekday only matches the same weekday
        return self.first <= other.last and other.first <= self.last


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # in the dimension's base unit
    step: Decimal  # the last stated digit, in the base unit
    dimension: str
    unit: str


@dataclass(frozen=True)
class Interval:
    start: Any
    end: Any


def parse_value(value: Any, property_name: str = "") -> Any:
    """The comparable form of a claim's value: Instant, LocalDays, Quantity, Interval, a folded name, or a
    description (a tuple of its folded words)."""
    if isinstance(value, bool):
        return str(value).casefold()
    if isinstance(value, int | float):
        return _quantity(Decimal(str(value)), _unit_of(property_name))
    if not isinstance(value, str):
        return repr(value)
    text = value.strip()
    if "/" in text and text.count("/") == 1 and not text.startswith("/"):
        start, end = (parse_value(part, property_name) for part in text.split("/"))
        if not isinstance(start, str | tuple) and not isinstance(end, str | tuple):
            return Interval(start, end)
    for parse in (_instant, _local_days, _weekday):
        parsed = parse(text)
        if parsed is not None:
            return parsed
    number = _NUMBER.match(text)
    if number and (number.group(2).casefold() in UNITS or not number.group(2)):
        try:
            amount = Decimal(number.group(1).replace(",", ""))
        except InvalidOperation:
            amount = None
        if amount is not None:
            return _quantity(amount, number.group(2).casefold() or _unit_of(property_name))
    words = tuple(text.casefold().split())
    return words if len(words) >= DESCRIPTION_WORDS else " ".join(words)


def _instant(text: str) -> Instant | None:
    match = _ISO_TIME.match(text)
    if not match:
        return None
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    seconds, fraction = match.group(3), match.group(4)
    if fraction:
        step = timedelta(seconds=10 ** -(len(fraction) - 1))
    elif seconds and seconds != "00":
        step = timedelta(seconds=1)
    else:  # '19:29' or '19:29:00': sources state minutes; ':00' is the format's, not the source's
        step = timedelta(minutes=1)
    return Instant(at.astimezone(UTC), step)


def _local_days(text: str) -> LocalDays | None:
    match = _ISO_DAY.match(text)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        if day is not None:
            one = date(year, month, int(day))
            return LocalDays(one, one)
        first = date(year, month, 1)
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    except ValueError:
        return None
    return LocalDays(first, last, name="to the month")


def _weekday(text: str) -> LocalDays | None:
    words = text.casefold().replace(",", " ").split()
    days = [WEEKDAYS.index(w) for w in words if w in WEEKDAYS]
    if len(days) != 1 or len(words) > 3:  # 'Tuesday evening' is a weekday; a sentence naming one is not
        return None
    return LocalDays(None, None, weekday=days[0], name="weekday only")


def _unit_of(property_name: str) -> str:
    suffix = property_name.rsplit("_", 1)[-1].casefold() if "_" in property_name else ""
    return suffix if suffix in UNITS else ""


def _quantity(amount: Decimal, unit: str) -> Quantity:
    dimension, factor = UNITS.get(unit, ("number", Decimal(1)))
    exponent = amount.as_tuple().exponent
    step = Decimal(1).scaleb(min(int(exponent), 0)) if isinstance(exponent, int) else Decimal(1)
    return Quantity(amount * factor, step * factor, dimension, unit)


# -- comparing ---------------------------------------------------------------------------------------
def compare(values: list[Any], property_name: str = "") -> Agreement:
    """How claims' values about one property compare (values as the bundle stores them)."""
    parsed = [parse_value(v, property_name) for v in values]
    if len(parsed) < 2:
        return Agreement(Verdict.SAME)
    verdicts = [_pair(parsed[0], other) for other in parsed[1:]]
    verdicts += [_pair(a, b) for i, a in enumerate(parsed[1:], 1) for b in parsed[i + 1 :]]
    if any(v.verdict is Verdict.DIFFER for v in verdicts):
        return Agreement(Verdict.DIFFER)
    if any(v.verdict is Verdict.WORDED for v in verdicts):
        return Agreement(Verdict.WORDED)
    within = list(dict.fromkeys(v.within for v in verdicts if v.verdict is Verdict.WITHIN))
    return Agreement(Verdict.WITHIN, ", ".join(within)) if within else Agreement(Verdict.SAME)


def _pair(a: Any, b: Any) -> Agreement:
    if a == b:
        return Agreement(Verdict.SAME)
    if isinstance(a, Instant) and isinstance(b, Instant):
        return _instants(a, b)
    if isinstance(a, LocalDays) or isinstance(b, LocalDays):
        return _days(a, b)
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        return _quantities(a, b)
    if isinstance(a, Interval) and isinstance(b, Interval):
        ends = [_pair(a.start, b.start), _pair(a.end, b.end)]
        if any(e.disagree for e in ends):
            return Agreement(Verdict.DIFFER)
        within = [e.within for e in ends if e.within]
        return Agreement(Verdict.WITHIN, within[0]) if within else Agreement(Verdict.SAME)
    if isinstance(a, tuple) or isinstance(b, tuple):
        return Agreement(Verdict.WORDED)
    return Agreement(Verdict.DIFFER)


def _instants(a: Instant, b: Instant) -> Agreement:
    step = max(a.step, b.step)
    if abs(a.at - b.at) > step:
        return Agreement(Verdict.DIFFER)
    return Agreement(Verdict.WITHIN, f"±{_duration(step)}")


def _days(a: Any, b: Any) -> Agreement:
    if isinstance(a, LocalDays) and isinstance(b, LocalDays):
        return Agreement(Verdict.WITHIN, "to the month") if a.overlaps(b) else Agreement(Verdict.DIFFER)
    days, other = (a, b) if isinstance(a, LocalDays) else (b, a)
    if not isinstance(other, Instant):
        return Agreement(Verdict.DIFFER)
    start, end = other.span()
    holds = days.holds(start) or days.holds(end - timedelta(microseconds=1))
    return Agreement(Verdict.WITHIN, days.name) if holds else Agreement(Verdict.DIFFER)


def _quantities(a: Quantity, b: Quantity) -> Agreement:
    if a.dimension != b.dimension and "number" not in (a.dimension, b.dimension):
        return Agreement(Verdict.DIFFER)
    step = max(a.step, b.step)
    if abs(a.value - b.value) > step:
        return Agreement(Verdict.DIFFER)
    unit = a.unit if a.step >= b.step else b.unit
    shown = step / UNITS.get(unit, ("", Decimal(1)))[1]
    return Agreement(Verdict.WITHIN, f"±{shown.normalize():f}{' ' + unit if unit else ''}")


def _duration(step: timedelta) -> str:
    seconds = step.total_seconds()
    if seconds >= 60 and seconds % 60 == 0:
        return f"{int(seconds // 60)} min"
    return f"{seconds:g} s"
