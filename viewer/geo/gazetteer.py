"""The shipped gazetteer: named places (launch sites, cities, islands, seas) the map labels and ingest finds.

Read from resources/gazetteer/places.csv; see the README beside it for the columns.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from viewer.resources import asset

KINDS = frozenset(
    {
        "launch_facility",
        "capital",
        "city",
        "island",
        "island_group",
        "prefecture",
        "province",
        "sea",
        "reference_point",
        "country_region",
    }
)
CERTAINTIES = frozenset({"reported", "derived", "approximate"})
COLUMNS = ("id", "name", "aliases", "kind", "lat", "lon", "certainty", "source", "label_rank")


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    lat: float
    lon: float
    certainty: str  # reported | derived | approximate, as for bundle features
    source: str  # e.g. "launches.md S[40]" or "general knowledge"
    label_rank: int  # 1 always labelled on the regional map, 2 when zoomed in, 3 never (ingest only)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def normalise(name: str) -> str:
    """Matching key: NFKC, case-folded, inner whitespace collapsed (articles vary in all three)."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def load_places(path: Path | str | None = None) -> list[Place]:
    """All places, in file order. Raises ValueError naming the file and line of a bad row."""
    path = Path(path) if path is not None else asset("resources", "gazetteer", "places.csv")
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}:1: columns must be {','.join(COLUMNS)}")
        places = []
        for row in reader:
            try:
                places.append(_place(row))
            except ValueError as e:
                raise ValueError(f"{path}:{reader.line_num}: {e}") from None
    return places


def _place(row: dict[str, str]) -> Place:
    place = Place(
        id=row["id"],
        name=row["name"],
        aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
        kind=row["kind"],
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        certainty=row["certainty"],
        source=row["source"],
        label_rank=int(row["label_rank"]),
    )
    if not place.id or not place.name or not place.source:
        raise ValueError("id, name and source must not be empty")
    if place.kind not in KINDS:
        raise ValueError(f"unknown kind {place.kind!r}")
    if place.certainty not in CERTAINTIES:
        raise ValueError(f"unknown certainty {place.certainty!r}")
    if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
        raise ValueError(f"coordinates out of range: {place.lat}, {place.lon}")
    if place.label_rank not in (1, 2, 3):
        raise ValueError(f"label_rank must be 1, 2 or 3, not {place.label_rank}")
    return place


@functools.cache
def _shipped_places() -> tuple[Place, ...]:
    return tuple(load_places())


def find(name: str, places: Iterable[Place] | None = None) -> Place | None:
    """The first place (in file order) whose name or an alias matches `name`, ignoring case.

    Searches the shipped gazetteer unless `places` is given.
    """
    key = normalise(name)
    candidates = _shipped_places() if places is None else places
    return next((p for p in candidates if any(normalise(n) == key for n in p.names)), None)
