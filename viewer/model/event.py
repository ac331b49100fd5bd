"""Launch events: one launch, its time, vehicle, outcome and the claims sources make about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from viewer.model.claim import Claim


@dataclass
class LaunchEvent:
    """A launch. ``time`` is ISO 8601 with an offset, as the bundle stores it."""

    id: str
    name: str = ""
    time: str | None = None
    vehicle: str | None = None
    outcome: str | None = None
    site: str | None = None  # id of its launch_site feature
    claims: list[Claim] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def when(self) -> datetime | None:
        """The launch time as an aware datetime, or None when unknown."""
        return parse_time(self.time) if self.time else None

    @property
    def day(self) -> str | None:
        """The launch's date, YYYY-MM-DD: its time's where the bundle gives one (launch-site local time in the
        sample), as news dates it, else the day a draft states without a time (``date``); None when neither."""
        when = self.when
        if when is not None:
            return when.strftime("%Y-%m-%d")
        stated = self.extra.get("date")
        try:  # a bundle's text, untrusted: a date or nothing
            return date.fromisoformat(stated).isoformat() if isinstance(stated, str) and len(stated) == 10 else None
        except ValueError:
            return None

    @property
    def moment(self) -> datetime | None:
        """Where the launch stands in time: its time, else noon UTC of its `day` (the middle of that date in UTC, so
        inside the same local date at every site from UTC-11 to UTC+11: the timeline and its window place a draft
        known only by its day there); None when neither is known."""
        when = self.when
        if when is not None:
            return when
        day = self.day
        return datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC) if day else None

    @property
    def date_label(self) -> str:
        """`day`, or "undated"."""
        return self.day or "undated"

    @property
    def time_labels(self) -> tuple[str, str]:
        """(UTC, local) renderings of the time, e.g. ('2023-11-21 13:42 UTC', '2023-11-21 22:42 UTC+09:00')."""
        when = self.when
        if when is None:
            return ("time unknown", "")
        offset = when.strftime("%z")
        local = f"{when:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:]}" if offset not in ("+0000", "") else ""
        return (f"{when.astimezone(UTC):%Y-%m-%d %H:%M} UTC", local)


def parse_time(text: str) -> datetime:
    """An ISO 8601 time that must carry an offset ('Z' or ±hh:mm); raises ValueError otherwise."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not an ISO 8601 time (e.g. 2023-11-21T13:42Z)") from None
    if when.tzinfo is None:
        raise ValueError(f"time {text!r} has no offset (add Z or +09:00)")
    return when
