"""Positions written as text — decimal, degrees-minutes(-seconds), packed notice form, MGRS — parsed one at a
time (`parse_position`) or found in running text with their character spans (`find_positions`)."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

# One latitude or longitude: degrees, then optional minutes and seconds, separated by the marks people type
# (degree signs, primes, quotes and their look-alikes, hyphens, colons, spaces, or words).
_DEG_MARK = r"(?:°|º|˚|deg(?:rees?)?\.?)"
_MIN_MARK = r"(?:['\u2032\u2019\u2018]|min(?:utes?)?\.?)"
_SEC_MARK = r"(?:[\"\u2033\u201d\u201c]|''|\u2032\u2032|\u2019\u2019|sec(?:onds?)?\.?)"
_HEM_WORD = r"(?:north|south|east|west|[NSEW])(?![A-Za-z])(?:\s+(?:latitude|longitude|lat\.?|long?\.?))?"
_RUN = (
    rf"(?P<deg>\d{{1,3}}(?:\.\d+)?)(?![\d])"
    rf"(?:\s*{_DEG_MARK})?"
    rf"(?:(?:\s*{_DEG_MARK}\s*|\s*[-:]\s*|\s+)(?P<min>\d{{1,2}}(?:\.\d+)?)(?!\d)(?:\s*{_MIN_MARK})?"
    rf"(?:(?:\s*[-:]\s*|\s*)(?P<sec>\d{{1,2}}(?:\.\d+)?)(?!\d)(?:\s*{_SEC_MARK})?)?)?"
)
_SEPARATED = re.compile(
    rf"(?<![\w.])(?:(?P<pre>[NSEW])\s?)?{_RUN}(?(pre)|\s*(?P<hem>{_HEM_WORD}))", re.IGNORECASE)
# Packed notice form: DDMM[SS][.d]N / DDDMM[SS][.d]E, as NAVAREA warnings and NOTAMs write them.
_PACKED = re.compile(r"(?:(?<=[NSEW])|(?<![\w.]))(?P<digits>\d{4,7})(?P<frac>\.\d+)?\s?(?P<hem>[NSEW])(?![A-Za-z])")
_PAIR_GAP = re.compile(r"\s*(?:[,/;]|\band\b)?\s*", re.IGNORECASE)
# A bare decimal pair, latitude first (as map sites and phones give them): accepted only as a whole entry.
_DECIMAL_PAIR = re.compile(
    r"\s*\(?\s*(?P<lat>[-+\u2212]?\d{1,3}(?:\.\d+)?)\s*°?\s*(?:[,;/]\s*|\s+)(?P<lon>[-+\u2212]?\d{1,3}(?:\.\d+)?)"
    r"\s*°?\s*\)?\s*")
_MGRS = re.compile(r"\s*(?P<zone>\d{1,2}[C-HJ-NP-X])\s*(?P<square>[A-HJ-NP-Z]{2})\s*(?P<east>\d{1,5})\s*"
                   r"(?P<north>\d{1,5})?\s*", re.IGNORECASE)

EXPECTED = ("a position such as '33.27, 124.18', '33.27N 124.18E', '33-16N 124-11E', \u201833\u00b016\u2032N "
            "124\u00b011\u2032E\u2019, '331630N 1241115E', '3316N12411E' or MGRS '52SBG1234567890'")


@dataclass(frozen=True)
class FoundPosition:
    """A position written in a text, with the span of the words that give it."""

    start: int
    end: int
    lon: float
    lat: float


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    value: float
    axis: str  # "lat" or "lon"


def _value(degrees: str, minutes: str | None, seconds: str | None) -> float | None:
    """Degrees from the written parts; None when a part is out of range or a fraction sits before the last part."""
    parts = [p for p in (degrees, minutes, seconds) if p is not None]
    if any("." in p for p in parts[:-1]):
        return None
    deg, mins, secs = float(degrees), float(minutes or 0), float(seconds or 0)
    if mins >= 60 or secs >= 60:
        return None
    return deg + mins / 60 + secs / 3600


def _packed_value(digits: str, frac: str | None, axis: str) -> float | None:
    width = 2 if axis == "lat" else 3
    if len(digits) not in (width + 2, width + 4):
        return None
    degrees, minutes = digits[:width], digits[width : width + 2]
    seconds = digits[width + 2 :] or None
    if frac and seconds is None:
        minutes += frac
    elif frac:
        seconds = (seconds or "") + frac
    return _value(degrees, minutes, seconds)


def _axis(hemisphere: str) -> tuple[str, int]:
    letter = hemisphere.strip()[0].upper()
    return ("lat" if letter in "NS" else "lon"), (-1 if letter in "SW" else 1)


def _in_range(value: float, axis: str) -> bool:
    return value <= (90.0 if axis == "lat" else 180.0)


def _parts(text: str, start: int, end: int) -> list[_Part]:
    parts: list[_Part] = []
    for m in _PACKED.finditer(text, start, end):
        axis, sign = _axis(m.group("hem"))
        value = _packed_value(m.group("digits"), m.group("frac"), axis)
        if value is not None and _in_range(value, axis):
            parts.append(_Part(m.start(), m.end(), sign * value, axis))
    for m in _SEPARATED.finditer(text, start, end):
        if any(p.start < m.end() and m.start() < p.end for p in parts):
            continue
        axis, sign = _axis(m.group("pre") or m.group("hem"))
        value = _value(m.group("deg"), m.group("min"), m.group("sec"))
        if value is not None and _in_range(value, axis):
            parts.append(_Part(m.start(), m.end(), sign * value, axis))
    return sorted(parts, key=lambda p: p.start)


def find_positions(text: str, start: int = 0, end: int | None = None) -> list[FoundPosition]:
    """Every latitude written next to a longitude (either order) in ``text[start:end]``, with its span.
    Hemisphere letters or words are required here: in running text a bare '33.27, 124.18' is too easily
    something else."""
    end = len(text) if end is None else end
    parts = _parts(text, start, end)
    found: list[FoundPosition] = []
    i = 0
    while i + 1 < len(parts):
        a, b = parts[i], parts[i + 1]
        if a.axis != b.axis and _PAIR_GAP.fullmatch(text, a.end, b.start):
            lat, lon = (a.value, b.value) if a.axis == "lat" else (b.value, a.value)
            found.append(FoundPosition(a.start, b.end, round(lon, 7), round(lat, 7)))
            i += 2
        else:
            i += 1
    return found


def parse_degrees(text: str, axis: str) -> float | None:
    """One latitude (``axis`` "lat") or longitude ("lon") written alone with its hemisphere, in degrees-minutes
    (-seconds) or packed form (39°39'36"N, 33-30S, 070-15W), as a spreadsheet's cell gives it; None when the text
    is not wholly that, or names the other axis."""
    entry = text.strip()
    parts = _parts(entry, 0, len(entry))
    if len(parts) == 1 and (parts[0].start, parts[0].end, parts[0].axis) == (0, len(entry), axis):
        return parts[0].value
    return None


def parse_position(text: str) -> tuple[float, float]:
    """(lon, lat) of one position written in any of the forms of EXPECTED; raises ValueError naming the text
    and what was expected."""
    entry = text.strip()
    if not entry:
        raise ValueError(f"empty position: expected {EXPECTED}")
    bare = _DECIMAL_PAIR.fullmatch(entry)
    if bare:
        lat, lon = (float(bare.group(k).replace("\u2212", "-")) for k in ("lat", "lon"))
        return _checked(entry, lon, lat)
    if _MGRS.fullmatch(entry):
        return _mgrs(entry)
    found = find_positions(entry)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(entry):
        return found[0].lon, found[0].lat
    _explain(entry)
    raise ValueError(f"{entry!r}: not a position; expected {EXPECTED}")


def parse_positions(text: str) -> list[tuple[float, float]]:
    """(lon, lat) of every position in ``text``: one per line, or a chain joined by hyphens as NOTAMs write
    them. Raises ValueError naming the line of the first entry that is not a position."""
    positions: list[tuple[float, float]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        chain = find_positions(line)
        if len(chain) > 1 and _only_chain(line, chain):
            positions.extend((p.lon, p.lat) for p in chain)
            continue
        try:
            positions.append(parse_position(line))
        except ValueError as error:
            raise ValueError(f"line {number}: {error}") from None
    return positions


def _only_chain(line: str, chain: list[FoundPosition]) -> bool:
    gaps = [line[: chain[0].start], *(line[a.end : b.start] for a, b in itertools.pairwise(chain)),
            line[chain[-1].end :]]
    return all(re.fullmatch(r"[\s,;\-\u2013]*", gap) for gap in gaps)


def _checked(entry: str, lon: float, lat: float) -> tuple[float, float]:
    if not -90.0 <= lat <= 90.0:
        hint = " (latitude comes first: '33.27, 124.18')" if -90 <= lon <= 90 else ""
        raise ValueError(f"{entry!r}: latitude {lat:g} is beyond \u00b190{hint}")
    if not -180.0 <= lon <= 180.0:
        raise ValueError(f"{entry!r}: longitude {lon:g} is beyond \u00b1180")
    return lon, lat


def _explain(entry: str) -> None:
    """Raise a precise message for a form that is nearly right: out of range, or two of one axis."""
    for m in _SEPARATED.finditer(entry):
        axis, _ = _axis(m.group("pre") or m.group("hem"))
        value = _value(m.group("deg"), m.group("min"), m.group("sec"))
        if value is None:
            raise ValueError(f"{entry!r}: minutes and seconds must be below 60 in {m.group().strip()!r}")
        if not _in_range(value, axis):
            limit = "\u00b190" if axis == "lat" else "\u00b1180"
            raise ValueError(f"{entry!r}: {'latitude' if axis == 'lat' else 'longitude'} {value:g} is beyond {limit}")
    parts = _parts(entry, 0, len(entry))
    if len(parts) == 2 and parts[0].axis == parts[1].axis:
        raise ValueError(f"{entry!r}: two {'latitudes' if parts[0].axis == 'lat' else 'longitudes'}; "
                         f"expected one latitude (N/S) and one longitude (E/W)")


@functools.cache
def _mgrs_converter():  # the mgrs package wraps the NGA's GeoTrans; imported on first use only
    import mgrs

    return mgrs.MGRS()


def _mgrs(entry: str) -> tuple[float, float]:
    m = _MGRS.fullmatch(entry)
    assert m is not None
    east, north = m.group("east"), m.group("north") or ""
    if north == "" and len(east) % 2 == 0:  # '52SBG12345678' written without the space
        east, north = east[: len(east) // 2], east[len(east) // 2 :]
    if len(east) != len(north):
        raise ValueError(f"{entry!r}: an MGRS easting and northing need the same number of digits")
    compact = f"{m.group('zone').upper()}{m.group('square').upper()}{east}{north}"
    try:
        lat, lon = _mgrs_converter().toLatLon(compact)
    except Exception as error:  # the C library raises a bare MGRSError for any bad square or zone
        raise ValueError(f"{entry!r}: not a valid MGRS reference ({error})") from None
    return _checked(entry, round(float(lon), 7), round(float(lat), 7))
