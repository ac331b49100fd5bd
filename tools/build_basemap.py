"""Build resources/basemap/basemap.gpkg from Natural Earth 10 m (npm world-atlas@2.0.2).

Run `python tools/build_basemap.py` (needs npm and network) or `--source DIR` with an extracted package.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

PACKAGE = "world-atlas@2.0.2"
# The registry's published shasum for that tarball: a changed upstream file must not slip in unseen.
PACKAGE_SHA1 = "4bca4a578f3a413bd409c3f07f2054fe7375824f"
# Generous around the 95-160 E, 0-55 N the product needs, so panning never shows a cut edge.
CLIP_BOX = (90.0, -10.0, 170.0, 60.0)
# Degrees; chosen for ~4-5x (level 1) and ~20x (level 2) fewer vertices than level 0.
TOLERANCES = {0: 0.0, 1: 0.02, 2: 0.1}
OUT = Path(__file__).resolve().parent.parent / "resources" / "basemap" / "basemap.gpkg"
CRS = "EPSG:4326"


def fetch_package(workdir: Path) -> Path:
    """`npm pack` the pinned world-atlas tarball and extract it; returns the package folder."""
    subprocess.run(["npm", "pack", PACKAGE, "--pack-destination", str(workdir)], check=True, cwd=workdir)
    (tgz,) = workdir.glob("world-atlas-*.tgz")
    digest = hashlib.sha1(tgz.read_bytes()).hexdigest()
    if digest != PACKAGE_SHA1:
        raise SystemExit(f"{tgz.name}: sha1 {digest}, expected {PACKAGE_SHA1}")
    with tarfile.open(tgz) as tar:
        tar.extractall(workdir, filter="data")
    return workdir / "package"


def polygons_only(geoms: np.ndarray) -> np.ndarray:
    """make_valid, keeping only areas: TopoJSON quantisation leaves self-touching rings and slivers."""
    fixed = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return np.array([_areal(g) for g in fixed], dtype=object)


def _areal(geom: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def clip(geoms: np.ndarray) -> np.ndarray:
    return polygons_only(shapely.clip_by_rect(geoms, *CLIP_BOX))


def read_countries(source: Path) -> gpd.GeoDataFrame:
    """Country polygons near the region, made valid but not yet clipped (borders need whole edges)."""
    df = pyogrio.read_dataframe(source / "countries-10m.json", layer="countries", columns=["name"])
    margin = shapely.box(CLIP_BOX[0] - 1, CLIP_BOX[1] - 1, CLIP_BOX[2] + 1, CLIP_BOX[3] + 1)
    df = df[df.intersects(margin)].sort_values("name", kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame({"name": df["name"]}, geometry=polygons_only(df.geometry.values), crs=CRS)


def read_land(source: Path) -> gpd.GeoDataFrame:
    """Land as one row per polygon, so the viewer can cull islands outside the view."""
    df = pyogrio.read_dataframe(source / "land-10m.json", layer="land", columns=[])
    parts = shapely.get_parts(clip(df.geometry.values))
    # A stable order (west to east, then south to north) keeps rebuilds from reshuffling rows.
    bounds = shapely.bounds(parts)
    order = np.lexsort((bounds[:, 1], bounds[:, 0]))
    return gpd.GeoDataFrame(geometry=parts[order], crs=CRS)


def derive_borders(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Land borders: the edges two countries share. Coastlines belong to one country only, so drop out."""
    geoms = countries.geometry.values
    rings = shapely.boundary(geoms)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    rows = []
    for i, j in zip(left, right, strict=True):
        if i >= j:
            continue
        shared = shapely.intersection(rings[i], rings[j])
        lines = [p for p in shapely.get_parts(shared) if p.geom_type == "LineString"]
        if lines:
            merged = shapely.line_merge(shapely.multilinestrings(lines))
            rows.append((countries.name[i], countries.name[j], merged))
    a, b, g = zip(*rows, strict=True)
    clipped = shapely.clip_by_rect(np.array(g, dtype=object), *CLIP_BOX)
    borders = gpd.GeoDataFrame({"a": a, "b": b}, geometry=clipped, crs=CRS)
    return borders[~borders.is_empty].reset_index(drop=True)


def simplified(df: gpd.GeoDataFrame, tolerance: float) -> gpd.GeoDataFrame:
    """Simplify, and drop polygons under tolerance squared in area.

    The viewer shows a level only where a pixel is at least its tolerance wide, so such islands are
    sub-pixel there, and they would otherwise dominate the vertex count (a ring keeps >= 4 vertices).
    """
    if tolerance == 0:
        return df
    geoms = shapely.simplify(df.geometry.values, tolerance, preserve_topology=True)
    if shapely.get_dimensions(geoms).min() == 2:
        geoms = drop_specks(geoms, tolerance**2)
    out = df.copy()
    out.geometry = geoms
    return out[~(out.geometry.isna() | out.is_empty)].reset_index(drop=True)


def drop_specks(geoms: np.ndarray, min_area: float) -> np.ndarray:
    """Remove polygon parts smaller than min_area; a row left with no part becomes None."""
    parts, owner = shapely.get_parts(geoms, return_index=True)
    big = shapely.area(parts) >= min_area
    kept = np.full(len(geoms), None, dtype=object)
    for i in np.unique(owner[big]):
        mine = parts[big & (owner == i)]
        kept[i] = mine[0] if geoms[i].geom_type == "Polygon" else shapely.multipolygons(mine)
    return kept


def vertices(df: gpd.GeoDataFrame) -> int:
    return int(shapely.get_num_coordinates(df.geometry.values).sum())


def build(source: Path, out: Path) -> None:
    countries = read_countries(source)
    borders = derive_borders(countries)
    countries = gpd.GeoDataFrame({"name": countries.name}, geometry=clip(countries.geometry.values), crs=CRS)
    countries = countries[~countries.is_empty].reset_index(drop=True)
    land = read_land(source)
    layers = {"land": land, "countries": countries, "borders": borders}

    # A fixed timestamp in gpkg_contents makes rebuilds from the same source byte-identical.
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
    tmp = out.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    levels = pd.DataFrame({"level": list(TOLERANCES), "tolerance_deg": list(TOLERANCES.values())})
    # The loader reads the tolerances from here, so they live in one place: this script.
    pyogrio.write_dataframe(levels, tmp, layer="levels", driver="GPKG")
    for level, tolerance in TOLERANCES.items():
        for kind, df in layers.items():
            lod = simplified(df, tolerance)
            note = f"Natural Earth 10 m via {PACKAGE}; clip {CLIP_BOX}; simplify {tolerance} deg"
            pyogrio.write_dataframe(
                lod,
                tmp,
                layer=f"{kind}_{level}",
                driver="GPKG",
                append=True,
                layer_options={"DESCRIPTION": note},
            )
            print(f"{kind}_{level}: {len(lod):5d} features {vertices(lod):7d} vertices")
    tmp.replace(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, help="extracted world-atlas package folder (skips npm)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source:
        build(args.source, args.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(fetch_package(Path(tmp)), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
