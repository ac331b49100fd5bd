"""Build resources/basemap/basemap.gpkg from Natural Earth (npm world-atlas@2.0.2): the whole world at 50 m with
East Asia at 10 m for the detailed levels, and the whole world at 110 m for the coarsest.

Run `python tools/build_basemap.py` (needs the `tools` extra, npm and network) or `--source DIR` with an
extracted package.
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
import shapely.affinity
from basemap_start import store as store_start_tables  # this folder (the script's own) is on sys.path

PACKAGE = "world-atlas@2.0.2"
# The registry's published shasum for that tarball: a changed upstream file must not slip in unseen.
PACKAGE_SHA1 = "4bca4a578f3a413bd409c3f07f2054fe7375824f"
# Where the 10 m detail is kept: generous around the 95-160 E, 0-55 N the product is most used for. Outside it the
# world is drawn from 50 m, spliced along the box's edges.
CLIP_BOX = (90.0, -10.0, 170.0, 60.0)
# Degrees; chosen for ~4-5x (level 1) and ~20x (level 2) fewer vertices than level 0. Level 3 is the whole world at
# 110 m, for world and globe views.
TOLERANCES = {0: 0.0, 1: 0.02, 2: 0.1, 3: 0.25}
COUNTRY_TOLERANCE = 0.05  # degrees, the least simplification of country outlines (see build)
SCALES = {0: "10m+50m", 1: "10m+50m", 2: "10m+50m", 3: "110m"}  # the sources of each level
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


def split_at_antimeridian(geom: shapely.Geometry) -> shapely.Geometry:
    """A polygon whose ring jumps between +180 and -180 (Russia, Fiji, Antarctica as TopoJSON gives them) made
    into pieces on either side of 180°: read as it is, such a ring cuts across the whole map."""
    if geom is None or geom.is_empty:
        return geom
    pieces = []
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon":
            pieces.append(part)
            continue
        source = [np.asarray(r.coords) for r in (part.exterior, *part.interiors)]
        if all(np.abs(np.diff(r[:, 0])).max(initial=0) <= 180 for r in source):
            pieces.append(part)
            continue
        rings = [_unwrapped(r) for r in source]
        whole = shapely.make_valid(shapely.Polygon(rings[0], rings[1:]))
        for shift in (-360.0, 0.0, 360.0):
            window = shapely.box(-180.0 - shift, -90.0, 180.0 - shift, 90.0)
            piece = shapely.intersection(whole, window)
            if not piece.is_empty:
                pieces.append(shapely.affinity.translate(piece, xoff=shift))
    if not pieces:
        return geom
    return shapely.union_all(shapely.make_valid(np.array(pieces, dtype=object), method="structure"))


def _unwrapped(xy: np.ndarray) -> np.ndarray:
    """A ring's longitudes made continuous across 180°; a ring around a pole is closed along the pole."""
    xy = xy[:, :2].copy()
    jumps = np.diff(xy[:, 0])
    xy[1:, 0] -= 360.0 * np.cumsum(np.round(jumps / 360.0))
    drift = xy[-1, 0] - xy[0, 0]
    if abs(drift) > 180:  # round a pole: go down to it and back along it
        pole = -90.0 if xy[:, 1].mean() < 0 else 90.0
        xy = np.vstack([xy, [[xy[-1, 0], pole], [xy[0, 0], pole], xy[0]]])
    return xy


def polygons_only(geoms: np.ndarray) -> np.ndarray:
    """make_valid, keeping only areas: TopoJSON quantisation leaves self-touching rings and slivers."""
    fixed = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return np.array([_areal(g) for g in fixed], dtype=object)


def _areal(geom: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if len(parts) != 1 else parts[0]


def clip(geoms: np.ndarray) -> np.ndarray:
    return polygons_only(shapely.clip_by_rect(geoms, *CLIP_BOX))


def read_countries(source: Path, scale: str = "10m", near_box: bool = True) -> gpd.GeoDataFrame:
    """Country polygons (near the region for 10 m, all for the world scales), made valid but not yet clipped
    (borders need whole edges)."""
    df = pyogrio.read_dataframe(source / f"countries-{scale}.json", layer="countries", columns=["name"])
    df.geometry = [split_at_antimeridian(g) for g in df.geometry.values]
    if near_box:
        margin = shapely.box(CLIP_BOX[0] - 1, CLIP_BOX[1] - 1, CLIP_BOX[2] + 1, CLIP_BOX[3] + 1)
        df = df[df.intersects(margin)]
    df = df.sort_values("name", kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame({"name": df["name"]}, geometry=polygons_only(df.geometry.values), crs=CRS)


def read_land(source: Path, scale: str = "10m") -> np.ndarray:
    """Land polygons, made valid."""
    df = pyogrio.read_dataframe(source / f"land-{scale}.json", layer="land", columns=[])
    return polygons_only(np.array([split_at_antimeridian(g) for g in df.geometry.values], dtype=object))


def land_rows(geoms: np.ndarray) -> gpd.GeoDataFrame:
    """Land as one row per polygon, so the viewer can cull islands outside the view."""
    parts = shapely.get_parts(geoms)
    parts = parts[~shapely.is_empty(parts)]
    # A stable order (west to east, then south to north) keeps rebuilds from reshuffling rows.
    bounds = shapely.bounds(parts)
    order = np.lexsort((bounds[:, 1], bounds[:, 0]))
    return gpd.GeoDataFrame(geometry=parts[order], crs=CRS)


def outside_box(geoms: np.ndarray) -> np.ndarray:
    """The parts of world geometries outside the 10 m box: they meet the box's own parts along its edges."""
    return shapely.difference(geoms, shapely.box(*CLIP_BOX))


def spliced_land(source: Path) -> gpd.GeoDataFrame:
    """10 m land inside the box and 50 m land outside, joined along the box's edges (a union dissolves the seam,
    so no coastline is drawn along it)."""
    inside = clip(read_land(source, "10m"))
    outside = polygons_only(outside_box(read_land(source, "50m")))
    joined = shapely.union_all(np.concatenate([inside, outside]))
    return land_rows(np.array([joined], dtype=object))


def spliced_countries(source: Path) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(countries, borders): 10 m inside the box, 50 m outside, each country one row."""
    fine, world = read_countries(source, "10m"), read_countries(source, "50m", near_box=False)
    fine_borders, world_borders = derive_borders(fine, clip_box=True), derive_borders(world, clip_box=False)
    fine_geoms = dict(zip(fine.name, clip(fine.geometry.values), strict=True))
    rows = {}
    for name, geometry in zip(world.name, polygons_only(outside_box(world.geometry.values)), strict=True):
        rows[name] = geometry
    for name, geometry in fine_geoms.items():
        if geometry is None or geometry.is_empty:
            continue
        rows[name] = shapely.union_all([g for g in (rows.get(name), geometry) if g is not None and not g.is_empty])
    names = sorted(n for n, g in rows.items() if g is not None and not g.is_empty)
    countries = gpd.GeoDataFrame({"name": names}, geometry=polygons_only(np.array([rows[n] for n in names],
                                                                                  dtype=object)), crs=CRS)
    outside = world_borders.copy()
    outside.geometry = shapely.difference(world_borders.geometry.values, shapely.box(*CLIP_BOX))
    borders = pd.concat([fine_borders, outside[~outside.is_empty]], ignore_index=True)
    return countries[~countries.is_empty].reset_index(drop=True), gpd.GeoDataFrame(borders, crs=CRS)


def world_layers(source: Path, scale: str) -> dict[str, gpd.GeoDataFrame]:
    countries = read_countries(source, scale, near_box=False)
    return {"land": land_rows(read_land(source, scale)), "countries": countries,
            "borders": derive_borders(countries, clip_box=False)}


def derive_borders(countries: gpd.GeoDataFrame, clip_box: bool = True) -> gpd.GeoDataFrame:
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
    lines = np.array(g, dtype=object)
    clipped = shapely.clip_by_rect(lines, *CLIP_BOX) if clip_box else lines
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
    countries, borders = spliced_countries(source)
    detailed = {"land": spliced_land(source), "countries": countries, "borders": borders}
    coarse = world_layers(source, "110m")
    layers_of = {level: coarse if SCALES[level] == "110m" else detailed for level in TOLERANCES}

    # A fixed timestamp in gpkg_contents makes rebuilds from the same source byte-identical.
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2000-01-01T00:00:00.000Z"})
    tmp = out.with_suffix(".tmp.gpkg")
    tmp.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    levels = pd.DataFrame({"level": list(TOLERANCES), "tolerance_deg": list(TOLERANCES.values()),
                           "source": [SCALES[lvl] for lvl in TOLERANCES]})
    # The loader reads the tolerances from here, so they live in one place: this script.
    pyogrio.write_dataframe(levels, tmp, layer="levels", driver="GPKG")
    for level, tolerance in TOLERANCES.items():
        for kind, df in layers_of[level].items():
            # Countries are not drawn (land and borders are); they name countries and hold points: coarser
            # outlines serve, and keep the file small.
            lod = simplified(df, max(tolerance, COUNTRY_TOLERANCE) if kind == "countries" else tolerance)
            where = f"10 m inside {CLIP_BOX}, 50 m outside" if SCALES[level] != "110m" else "110 m"
            note = f"Natural Earth {where} via {PACKAGE}; simplify {tolerance} deg"
            pyogrio.write_dataframe(
                lod,
                tmp,
                layer=f"{kind}_{level}",
                driver="GPKG",
                append=True,
                layer_options={"DESCRIPTION": note, "SPATIAL_INDEX": "NO"},  # the viewer culls by itself
            )
            print(f"{kind}_{level}: {len(lod):5d} features {vertices(lod):7d} vertices")
    store_start_tables(tmp)  # what every start of the window would compute the same way from these levels
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
