"""A Shapefile is several files side by side: the shapes (.shp), their index (.shx) and their attributes (.dbf),
with the CRS (.prj) and the text encoding (.cpg) when the tool that wrote it gave them."""

from __future__ import annotations

from collections.abc import Iterable

NEEDED = {".shx": "index", ".dbf": "attribute table"}
SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg")  # what is read; others (.qix, .sbn, .xml) are left aside
# The small parts, a line or two of text: GDAL read a 2 GiB .prj whole (54 s, 2 GB of memory) before refusing it.
MOST_BYTES = {".prj": 2**20, ".cpg": 2**20}
WHAT = {".prj": "its CRS file", ".cpg": "its encoding file"}


def too_large(suffix: str, size: int) -> str | None:
    """The message for a Shapefile part of ``size`` bytes larger than such a part can be; None if it is not."""
    most = MOST_BYTES.get(suffix.lower())
    if most is None or size <= most:
        return None
    return f"{WHAT[suffix.lower()]} is {size:,} bytes, more than the {most // 2**20} MiB launchmap reads of one"


def missing(stem: str, names: Iterable[str]) -> str | None:
    """The message for a Shapefile ``stem`` (path without suffix) missing a part among ``names`` (the files
    beside it, any case), or None when it has both its .shx and its .dbf."""
    present = {name.lower() for name in names}
    for suffix, what in NEEDED.items():
        if f"{stem}{suffix}".lower() not in present:
            shown = stem.rpartition("/")[2]
            return (f"its {what} {shown}{suffix} is missing; a Shapefile is {shown}.shp, .shx and .dbf together "
                    "(copy them all, or the .zip they came in)")
    return None


def without_parts(paths: list[str]) -> list[str]:
    """``paths`` less the parts of a Shapefile whose .shp is among them (a Shapefile's files dragged together)."""
    shapes = {path[: -len(".shp")].lower() for path in paths if path.lower().endswith(".shp")}
    return [path for path in paths if not (path.rpartition(".")[0].lower() in shapes
                                           and "." + path.rpartition(".")[2].lower() in SIDECARS[1:])]
