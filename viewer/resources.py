"""Find shipped files (basemap, gazetteer, icons, sample data) from a checkout, a wheel or a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def _roots() -> list[Path]:
    """Folders that may hold `resources/` and `data/`, most specific first."""
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # a PyInstaller build keeps its data files in its _internal folder (packaging/launchmap.spec)
        roots.append(Path(frozen))
    package = Path(__file__).resolve().parent
    roots.append(package / "_shipped")  # a wheel carries them inside the package (packaging/shipped_data.py)
    # A checkout keeps them at the top level. Installed, the package's parent is site-packages, where another
    # distribution's stray `data/` must not be mistaken for ours.
    if (package.parent / "pyproject.toml").is_file():
        roots.append(package.parent)
    return roots


def asset(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``asset("resources", "basemap", "basemap.gpkg")``.

    Raises FileNotFoundError naming every place looked in.
    """
    tried = []
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
        tried.append(str(candidate))
    raise FileNotFoundError(f"shipped file {'/'.join(parts)} not found; looked in: {', '.join(tried)}")


def sample_bundle() -> Path:
    """The curated sample bundle every command uses when given no FILE."""
    return asset("data", "launches.geojson")
