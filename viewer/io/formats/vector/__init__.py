"""Other GIS tools' vector files, read through GDAL as a GeoPackage's plain layers are: Shapefiles (also zipped),
GPX, FlatGeobuf, GML. Each layer reprojected to WGS 84 lon/lat from its own CRS (a Shapefile's .prj).

The reader is imported when used: it brings pyogrio, which brings pandas (half a second).
"""

from __future__ import annotations

from pathlib import Path

from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def read(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.vector.reader import read_vector

    return read_vector(path, progress, shown_as=shown_as)
