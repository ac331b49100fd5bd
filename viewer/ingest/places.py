"""Finding gazetteer places in article text: every name and alias of the curated gazetteer, longest first."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from viewer.geo.gazetteer import Place, load_places
from viewer.ingest.general_places import find_general

_CAPITALISED_RUN = re.compile(r"(?:the\s+)?((?:[A-Z][\w'\u2019.-]*|of|de|la)"
                              r"(?:\s+(?:[A-Z][\w'\u2019.-]*|of|de|la)){0,4})")


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place


def _name_pattern(name: str) -> str:
    parts = []
    for char in name:
        if char in "'\u2019":
            parts.append("['\u2019]")
        elif char.isspace():
            parts.append(r"\s+")
        elif char in "-\u2010\u2011":
            parts.append(r"[-\u2010\u2011\s]?")
        else:
            parts.append(re.escape(char))
    if name[-1].isascii() and name[-1].isalnum():
        parts.append(r"(?![\w-])")
    return "".join(parts)


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    """One alternation, longest names first. Latin names stand as whole words and are grouped by first letter,
    which keeps the search to a few branches per word; CJK and Hangul names have no spaces around them to test."""
    latin: dict[str, list[str]] = {}
    other: list[str] = []
    for name in sorted(names, key=len, reverse=True):
        if name[0].isascii() and name[0].isalnum():
            latin.setdefault(name[0].casefold(), []).append(name)
        else:
            other.append(name)
    groups = []
    for first, group in latin.items():
        rests = "|".join(_name_pattern(name[1:]) if len(name) > 1 else "" for name in group)
        groups.append(f"[{re.escape(first)}{re.escape(first.upper())}](?:{rests})")
    alternatives = []
    if groups:
        alternatives.append(r"(?<![\w'\u2019-])(?:" + "|".join(groups) + ")")
    others = [_name_pattern(n) for n in other]
    if others and not any(n[0] in "'\u2019-\u2010\u2011" or n[0].isspace() for n in other):
        # (tried only where one of them could start: not a hundred and more tries at each character of the text)
        firsts = "".join(sorted({re.escape(n[0]) for n in other}))
        others = [f"(?=[{firsts}])(?:" + "|".join(others) + ")"]
    alternatives.extend(others)
    return re.compile("|".join(alternatives) or "(?!)", re.IGNORECASE)


class PlaceMatcher:
    """Finds curated places in text. A name written capitalised in the gazetteer must be capitalised in the text
    ('Saga Prefecture' but not 'the saga'); the rest of the name is matched ignoring case."""

    def __init__(self, places: list[Place] | None = None):
        self.places = list(load_places() if places is None else places)
        owners: dict[str, Place] = {}
        for place in self.places:
            for name in place.names:
                owners.setdefault(name.casefold(), place)
        self._owners = owners
        self._names = {name.casefold(): name for place in self.places for name in place.names}
        self._pattern = _names_pattern(list(self._names.values()))
        self._by_id = {p.id: p for p in self.places}

    def place(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        end = len(text) if end is None else end
        found = []
        for m in self._pattern.finditer(text, start, end):
            place = self._lookup(m.group())
            if place is not None:
                found.append(PlaceMention(m.start(), m.end(), place))
        return found

    def _lookup(self, written: str) -> Place | None:
        key = " ".join(written.replace("\u2019", "'").split()).casefold()
        place = self._owners.get(key)
        if place is None:  # a hyphen written as a space or left out: find the name it stands for
            squashed = re.sub(r"[-\u2010\u2011\s]", "", key)
            place = next((p for k, p in self._owners.items() if re.sub(r"[-\s]", "", k) == squashed), None)
            if place is None:
                return None
        name = self._names.get(key) or next(n for n in place.names if re.sub(r"[-\s]", "", n.casefold())
                                             == re.sub(r"[-\u2010\u2011\s]", "", key))
        first = next((c for c in name if c.isalpha()), "")
        written_first = next((c for c in written if c.isalpha()), "")
        if first.isupper() and not written_first.isupper():
            return None
        return place

    def place_at(self, text: str, at: int, limit: int = 60) -> PlaceMention | None:
        """The place named right at ``at`` (after 'the', 'Japan's', 'the island of', 'the northern Japanese island
        of' …): a curated one, else a GeoNames city."""
        window_end = min(len(text), at + limit)
        m = _DESCRIBED.match(text, at, window_end)
        begin = m.end() if m else at
        curated = self._pattern.match(text, begin, window_end)
        if curated:
            place = self._lookup(curated.group())
            if place is not None:
                return PlaceMention(curated.start(), curated.end(), place)
        run = _CAPITALISED_RUN.match(text, begin, window_end)
        if not run:
            return None
        words = run.group(1).split()
        while words and words[-1] in ("of", "de", "la"):
            words.pop()
        for n in range(len(words), 0, -1):  # the longest run of words that names a city
            if n < len(words) and _FEATURE.fullmatch(words[n].rstrip(".,'\u2019")):
                continue  # "the Oshima Peninsula" is not the town of Oshima: a feature the gazetteer lacks
            name = " ".join(words[:n]).rstrip(".,'\u2019")
            place = find_general(name)
            if place is not None:
                return PlaceMention(run.start(1), run.start(1) + len(name), place)
        return None


_FEATURE = re.compile(r"Peninsula|Island|Islands|Isle|Islet|Strait|Bay|Sea|Gulf|Cape|Mountains?|Province|Prefecture|"
                      r"County|River|Lake|Rock|Rocks|Reef|Airport|Airfield|Base|Port|Harbou?r|Coast", re.IGNORECASE)
# What news puts before a place's name: "the island of Oshima-Oshima", "Japan's northern island of Hokkaido", "the
# remote Japanese islet of Okinotorishima", "the South Korean port city of Busan"
_DESCRIBED = re.compile(r"\s*(?:the\s+)?(?:(?:Japan|South\s+Korea|Korea|China|the\s+Philippines)['\u2019]s\s+)?"
                        r"(?:(?:Japanese|South\s+Korean|Korean|Chinese|Philippine|northern|southern|eastern|western|"
                        r"north-?eastern|south-?western|remote|uninhabited|tiny|small|main|southernmost|northernmost|"
                        r"westernmost|easternmost|resort|port|coastal|border)\s+)*"
                        r"(?:(?:island|islet|islands|city|town|port|prefecture|province|peninsula|cape)\s+of\s+"
                        r"(?:the\s+)?)?", re.IGNORECASE)


@functools.cache
def shipped_matcher() -> PlaceMatcher:
    return PlaceMatcher()
