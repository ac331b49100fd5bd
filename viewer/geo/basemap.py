"""The shipped offline basemap: land, countries and land borders in lon/lat at several levels of detail.

Built by tools/build_basemap.py; each level is read from the GeoPackage the first time it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyogrio
import shapely
from pyogrio.raw import read as read_raw

from viewer.resources import asset

KINDS = ("land", "countries", "borders")


@dataclass(frozen=True)
class BasemapLevel:
    """One level of detail; geometry arrays are numpy object arrays of shapely geometries (lon, lat)."""

    level: int
    tolerance: float  # degrees: the most any line was moved by simplification
    land: np.ndarray  # Polygons, one per island or continent part
    countries: np.ndarray  # (Multi)Polygons, parallel to country_names
    country_names: tuple[str, ...]
    borders: np.ndarray  # MultiLineStrings, parallel to border_pairs
    border_pairs: tuple[tuple[str, str], ...]


class Basemap:
    """Levels of detail of the basemap; level 0 is full detail, higher levels are coarser."""

    def __init__(self, path: Path, tolerances: dict[int, float]) -> None:
        self.path = path
        self._tolerances = dict(sorted(tolerances.items()))
        self._loaded: dict[int, BasemapLevel] = {}

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(self._tolerances)

    def tolerance(self, level: int) -> float:
        return self._tolerances[level]

    def level_for(self, degrees_per_pixel: float) -> int:
        """The coarsest level whose simplification error stays under one pixel.

        For a projected view pass metres per pixel / 111_320 (a degree of latitude in metres).
        """
        fitting = [lvl for lvl, tol in self._tolerances.items() if tol <= degrees_per_pixel]
        return max(fitting, default=min(self._tolerances))

    def __getitem__(self, level: int) -> BasemapLevel:
        if level not in self._tolerances:
            raise KeyError(f"{self.path}: no basemap level {level}; levels are {self.levels}")
        if level not in self._loaded:
            self._loaded[level] = self._read(level)
        return self._loaded[level]

    def _read(self, level: int) -> BasemapLevel:
        land, _ = _read_layer(self.path, f"land_{level}")
        countries, (names,) = _read_layer(self.path, f"countries_{level}")
        borders, (a, b) = _read_layer(self.path, f"borders_{level}")
        return BasemapLevel(
            level=level,
            tolerance=self._tolerances[level],
            land=land,
            countries=countries,
            country_names=tuple(names),
            borders=borders,
            border_pairs=tuple(zip(a, b, strict=True)),
        )


def _read_layer(path: Path, layer: str) -> tuple[np.ndarray, list[np.ndarray]]:
    # The raw reader skips building a GeoDataFrame; with from_wkb it is about twice as fast.
    _, _, wkb, fields = read_raw(path, layer=layer, return_fids=False)
    return shapely.from_wkb(wkb), fields


def load_basemap(path: Path | str | None = None) -> Basemap:
    """Open the basemap (the shipped one unless `path` is given); levels load lazily on first use.

    Raises FileNotFoundError if there is no file and ValueError if it lacks a basemap layer.
    """
    path = Path(path) if path is not None else asset("resources", "basemap", "basemap.gpkg")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: basemap file not found")
    present = set(pyogrio.list_layers(path)[:, 0])
    if "levels" not in present:
        raise ValueError(f"{path}: not a launchmap basemap (no 'levels' table)")
    _, _, _, (numbers, tolerances) = read_raw(path, layer="levels", read_geometry=False, return_fids=False)
    levels = {int(n): float(t) for n, t in zip(numbers, tolerances, strict=True)}
    missing = sorted(f"{k}_{lvl}" for lvl in levels for k in KINDS if f"{k}_{lvl}" not in present)
    if missing:
        raise ValueError(f"{path}: basemap layers missing: {', '.join(missing)}")
    return Basemap(path, levels)
