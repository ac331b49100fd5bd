"""Read a vector file of another GIS tool through GDAL, each layer as a GeoPackage's plain layer is read
(`gpkg.reader.read_plain_layer`: reprojected to lon/lat from the layer's CRS, named by QGIS's display field).

GDAL is handed links to the file (and a Shapefile's parts) in a folder of launchmap's own: GDAL writes beside what it
reads (a GML's .gfs schema, a spatial index), and nothing is written beside the user's files; a name GDAL would read
as a URL is read as named too."""

from __future__ import annotations

import contextlib
import itertools
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

from viewer.io.files import FileRefused, regular_size
from viewer.io.formats.gpkg.gdal_words import gdal_warnings, gdal_words
from viewer.io.formats.gpkg.reader import read_plain_layer
from viewer.io.formats.layer import MAX_FEATURES, LayerBuilder, refuse_large_file
from viewer.io.formats.vector.archive import unpacked_shapefiles
from viewer.io.formats.vector.shapefile_headers import damaged_records, disagreement
from viewer.io.formats.vector.sidecars import SIDECARS, missing, too_large
from viewer.io.formats.vector.xml_faults import XML_SUFFIXES, xml_fault
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError, Problem
from viewer.wording import visible_controls

MAX_BYTES = 2**62  # the feature count is the measure, as for a GeoPackage
# A GPX's point layers repeat its routes' and tracks' vertices: read, as QGIS adds them, only when those are empty.
_POINTS_OF = {"route_points": "routes", "track_points": "tracks"}
_UNSAFE = re.compile("[\\t\\n\\r!?#%:*\"<>|\\\\]")  # what GDAL or pyogrio might read as a URL's or an archive's


def read_vector(path: str | Path, progress: Progress = no_progress,
                shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """Every layer of the file in one bundle; raises BundleError naming the file and the place (a layer and fid,
    or a member of a zip archive)."""
    path = Path(path)
    file = shown_as or visible_controls(str(path))
    refuse_large_file(path, file, MAX_BYTES, "file")
    builder = LayerBuilder(path, file)
    if path.suffix.lower() == ".zip":
        with unpacked_shapefiles(path, file) as shapes:
            return _read_files(shapes, file, builder, progress)
    if path.suffix.lower() == ".shp":
        why = missing(str(path.with_suffix("")), [str(p) for p in path.parent.glob(f"{glob_escaped(path.stem)}.*")])
        if why is not None:
            raise BundleError([Problem(file, "", why)])
        parts = _parts(path)
        for part in parts:  # GDAL would wait on a FIFO for ever
            try:
                size = regular_size(part)
            except FileRefused as error:
                raise BundleError([Problem(file, part.name, str(error))]) from None
            if (why := too_large(part.suffix, size)) is not None:
                raise BundleError([Problem(file, part.name, why)])
            if _outside(part, path):
                raise BundleError([Problem(file, part.name, f"leads outside the folder of {path.name}; not read "
                                                            "(copy the file itself beside it)")])
        by_suffix = {part.suffix.lower(): part for part in parts}
        wrong = disagreement(by_suffix, {suffix: part.name for suffix, part in by_suffix.items()})
        if wrong is not None:
            raise BundleError([Problem(file, by_suffix[wrong[0]].name, wrong[1])])
    with linked(path) as source:
        return _read_files([source], file, builder, progress)


def glob_escaped(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


@contextlib.contextmanager
def linked(path: Path) -> Iterator[Path]:
    """A link to ``path`` (and to its Shapefile parts) in a folder of its own, named plainly."""
    with tempfile.TemporaryDirectory(prefix="launchmap-") as folder:
        name = _UNSAFE.sub("_", path.stem) or "layer"
        for part in _parts(path):
            link = Path(folder) / f"{name}{part.suffix.lower()}"
            try:
                link.symlink_to(part.resolve())
            except OSError:  # no symbolic links here (Windows without the right): a copy
                shutil.copyfile(part, link)
        yield Path(folder) / f"{name}{path.suffix.lower()}"


def _outside(part: Path, shp: Path) -> bool:
    """Whether a part of a Shapefile (a symlink, or in a folder reached through one) leads out of the folder the
    .shp is in, as named or as resolved: as a bundle's documents, nothing outside is read unasked."""
    real = part.resolve()
    return not any(real.is_relative_to(folder) for folder in (shp.parent.resolve(), shp.resolve().parent))


def _parts(path: Path) -> list[Path]:
    """The file, and a Shapefile's parts beside it."""
    if path.suffix.lower() != ".shp":
        return [path]
    return [part for part in path.parent.glob(f"{glob_escaped(path.stem)}.*") if part.suffix.lower() in SIDECARS]


def _read_files(sources: list[Path], file: str, builder: LayerBuilder,
                progress: Progress) -> tuple[Bundle, list[Problem]]:
    import pyogrio

    layers: list[tuple[Path, str, int]] = []
    for source in sources:
        where = source.name if len(sources) > 1 else ""
        try:
            with gdal_warnings(builder, where):
                names = [str(name) for name, kind in pyogrio.list_layers(source) if kind is not None]
                counts: dict[str, int] = {}
                for name in sorted(names, key=lambda name: name in _POINTS_OF):  # a GPX's points after their tracks
                    if not counts.get(_POINTS_OF.get(name, ""), 0):  # never read: not counted (GDAL reads them all)
                        counts[name] = int(pyogrio.read_info(source, layer=name, force_feature_count=True)["features"])
        except RuntimeError as error:  # pyogrio's DataSourceError and friends
            _refuse_bad_xml(source, file)
            raise BundleError([Problem(file, where, f"cannot read it ({gdal_words(error)})")]) from None
        found = [(source, name, counts[name]) for name in names if counts.get(name, 0) > 0]
        if not found:
            _refuse_bad_xml(source, file)
            _refuse_unreadable(source, [name for name in names if name in counts], file, where)
        if not names:
            raise BundleError([Problem(file, where, "GDAL finds no layer in it: the file is damaged or cut short")])
        layers += found
    if not layers:
        raise BundleError([Problem(file, "", "no features in any layer")])
    total = sum(count for _, _, count in layers)
    if total > MAX_FEATURES:
        raise BundleError([Problem(file, "", f"{total:,} features, more than the {MAX_FEATURES:,} launchmap holds; "
                                             "open fewer layers (ogr2ogr can split the file)")])
    parts = stages(progress, [count + 1 for _, _, count in layers])
    for (source, name, count), stage in zip(layers, parts, strict=True):
        first = len(builder.bundle.features)
        try:
            with gdal_warnings(builder, f"layer {name}"):
                read_plain_layer(source, name, count, builder, stage, sqlite=False)
        except RuntimeError as error:
            raise BundleError([Problem(file, f"layer {name}", f"cannot read it ({gdal_words(error)})")]) from None
        except UnicodeDecodeError:
            raise BundleError([Problem(file, f"layer {name}", "a cell holds text that is not in the file's "
                                                             "encoding (a Shapefile's .cpg names it)")]) from None
        if source.suffix.lower() == ".shp":
            _refuse_damaged_shapes(source, first, builder)
    return builder.finish()


def _refuse_damaged_shapes(shp: Path, first: int, builder: LayerBuilder) -> None:
    """An error for each feature of the layer (added from ``first`` on) that GDAL gave no geometry although its
    record is not a null shape: GDAL reads a record whose counts of parts or points overrun it as no geometry."""
    features = itertools.islice(builder.bundle.features.values(), first, None)
    empty = {first + index for index, feature in enumerate(features) if feature.geometry is None}
    if not empty:
        return
    fids = {int(builder.places[index].rpartition("fid ")[2]): index for index in empty}
    for fid in damaged_records(shp, sorted(fids)):
        builder.error(builder.places[fids[fid]], "geometry cannot be read (a damaged shape record)")


def _refuse_bad_xml(source: Path, file: str) -> None:
    """Raise where a GML's or GPX's XML goes wrong, if it does (GDAL's GML reader finds no layer then)."""
    fault = xml_fault(source) if source.suffix.lower() in XML_SUFFIXES else None
    if fault is not None:
        raise BundleError([Problem(file, *fault)])


def _refuse_unreadable(source: Path, layers: list[str], file: str, where: str) -> None:
    """Raise GDAL's error for a file whose layers it counted no feature in, if reading one says why: a GML cut
    short, or whose entities expand past what the XML parser allows, counts none."""
    from pyogrio.raw import read

    for name in layers:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # GDAL's warnings of this read: the error says what matters
                read(source, layer=name, max_features=1)
        except RuntimeError as error:
            place = f"{where}:layer {name}" if where else f"layer {name}"
            raise BundleError([Problem(file, place, f"cannot read it ({gdal_words(error)})")]) from None
