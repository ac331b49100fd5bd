"""Load time and peak memory of launchmap's importers at 10k, 100k and 1M features, next to geopandas.

Each measurement runs in a fresh Python process: the time of the load alone, and the peak resident
memory it adds over the process after its imports (Linux: /proc/self/clear_refs resets the peak).
geopandas reads the same file with pyogrio, as a GIS user's baseline: it keeps geometry in arrays;
launchmap keeps a Feature object per feature with its provenance, checks every geometry and anchors
every citation, so it is expected to be slower.

    .venv/bin/python benchmarks/scale_benchmark.py                   # 10k, 100k, 1M; GeoJSON and GeoPackage
    .venv/bin/python benchmarks/scale_benchmark.py --sizes 10000 --formats geojson
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import numpy as np

MEASURE = textwrap.dedent("""
    import json, sys, time
    import geopandas, shapely
    from viewer.io.load import open_path

    def status(key):
        with open("/proc/self/status") as handle:
            return next(int(line.split()[1]) for line in handle if line.startswith(key + ":"))

    which, path = sys.argv[1], sys.argv[2]
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")  # Linux: reset the peak resident size (VmHWM) to the current one
    before = status("VmRSS")
    start = time.perf_counter()
    if which == "launchmap":
        bundle, problems = open_path(path)
        count = len(bundle.features)
    else:
        frame = geopandas.read_file(path)
        count = len(frame)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "peak_mib": (status("VmHWM") - before) / 1024, "features": count}))
""")


def features(count: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kinds (0 point, 1 line, 2 polygon) and positions over the seas around Korea and Japan."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, 3, count), 120 + rng.random(count) * 25, 20 + rng.random(count) * 25


def write_geojson(path: Path, count: int) -> None:
    kinds, lons, lats = features(count)
    names = ("reference_place", "flight_path", "warning_area")
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for i, (kind, lon, lat) in enumerate(zip(kinds.tolist(), lons.tolist(), lats.tolist(), strict=True)):
            if kind == 0:
                geometry = {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
            elif kind == 1:
                geometry = {"type": "LineString", "coordinates": [[round(lon, 6), round(lat, 6)],
                                                                  [round(lon + 1, 6), round(lat - 1, 6)],
                                                                  [round(lon + 2, 6), round(lat - 3, 6)]]}
            else:
                ring = [[lon, lat], [lon + 0.5, lat], [lon + 0.5, lat + 0.5], [lon, lat + 0.5], [lon, lat]]
                geometry = {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}
            feature = {"type": "Feature", "id": f"f{i}", "geometry": geometry,
                       "properties": {"kind": names[kind], "label": f"feature {i}", "certainty": "reported"}}
            handle.write(("," if i else "") + json.dumps(feature) + "\n")
        handle.write("]}\n")


def write_gpkg(source: Path, path: Path) -> None:
    import pyogrio

    frame = pyogrio.read_dataframe(source)
    pyogrio.write_dataframe(frame, path, layer="features", driver="GPKG")


def measure(which: str, path: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, which, str(path)], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--formats", default="geojson,gpkg")
    parser.add_argument("--folder", help="keep the generated files here (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(args.folder or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'features':>9} {'format':>7} | {'launchmap s':>11} {'geopandas s':>11} {'ratio':>6} | "
              f"{'launchmap MiB':>13} {'geopandas MiB':>13} {'ratio':>6} | {'file MiB':>8}")
        for size in sizes:
            source = folder / f"scale_{size}.geojson"
            if not source.exists():
                write_geojson(source, size)
            for kind in formats:
                path = source if kind == "geojson" else folder / f"scale_{size}.gpkg"
                if not path.exists():
                    write_gpkg(source, path)
                ours, theirs = measure("launchmap", path), measure("geopandas", path)
                assert ours["features"] == theirs["features"] == size, (ours, theirs)
                print(f"{size:>9,} {kind:>7} | {ours['seconds']:>11.2f} {theirs['seconds']:>11.2f} "
                      f"{ours['seconds'] / theirs['seconds']:>6.1f} | {ours['peak_mib']:>13.0f} "
                      f"{theirs['peak_mib']:>13.0f} {ours['peak_mib'] / max(theirs['peak_mib'], 1):>6.1f} | "
                      f"{path.stat().st_size / 2**20:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
