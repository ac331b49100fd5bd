"""Load time and peak memory of launchmap's loader at 10k, 100k and 1M features, next to geopandas.

Each measurement runs in a fresh Python process: the time of the load alone (wall clock, and CPU time,
which a machine busy with other work disturbs less), the peak resident memory it adds over the
process after its imports (Linux: /proc/self/clear_refs resets the peak), and the whole process's
resident memory once loaded (imports included). launchmap is measured through
`open_path`, what `launchmap validate` and the window's open both run; geopandas reads the same file with
pyogrio, as a GIS user's baseline: it keeps geometry in arrays; launchmap keeps a Feature object per
feature with its provenance, and checks every geometry and every member.

    .venv/bin/python benchmarks/scale_benchmark.py                   # 10k, 100k, 1M; GeoJSON and GeoPackage
    .venv/bin/python benchmarks/scale_benchmark.py --sizes 10000 --formats geojson
    .venv/bin/python benchmarks/scale_benchmark.py --sizes 1000000 --kinds points --formats geojson
    .venv/bin/python benchmarks/scale_benchmark.py --sizes 100000 --kinds lines --formats gpkg --window
"""

from __future__ import annotations

import argparse
import json
import os
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
    if which == "launchmap-window":  # the window is up before the clock starts: opening the file is measured
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication
        from viewer.qt.main_window import MainWindow
        app = QApplication(["scale-benchmark"])
        window = MainWindow()
        window.resize(1366, 768)
        window.show()

        def settle():  # events run until every render job is done, then the map painted
            window.canvas.viewport().repaint()
            while True:
                app.processEvents()
                if QThreadPool.globalInstance().activeThreadCount() == 0:
                    app.processEvents()
                    if QThreadPool.globalInstance().activeThreadCount() == 0:
                        break
                time.sleep(0.002)
            window.canvas.viewport().repaint()

        settle()
        # ... and rested: a layer drawn on the GUI thread is drawn afresh on a worker once the view has rested a
        # moment (the basemap's, ~30-40 ms CPU): started before, that job landed in the measured open
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.005)
        settle()
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")  # Linux: reset the peak resident size (VmHWM) to the current one
    before = status("VmRSS")
    start, cpu = time.perf_counter(), time.process_time()
    if which == "launchmap":
        bundle, problems = open_path(path)
        count = len(bundle.features)
    elif which == "launchmap-window":  # what File > Open runs (off the GUI thread there), then the first display
        bundle, problems = open_path(path)
        window.workspace.add(bundle)
        settle()
        count = len(bundle.features)
    elif which == "launchmap-convert":
        from viewer.io.convert import convert
        bundle, problems = convert(path, sys.argv[3])
        count = len(bundle.features)
    elif which == "geopandas-convert":
        frame = geopandas.read_file(path)
        frame.to_file(sys.argv[3], driver="GPKG")
        count = len(frame)
    else:
        frame = geopandas.read_file(path)
        count = len(frame)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mib": (status("VmHWM") - before) / 1024,
                      "rss_mib": status("VmRSS") / 1024, "features": count}))
""")


def features(count: int, which: str = "mixed", seed: int = 7) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Kinds (0 point, 1 line, 2 polygon; ``which`` is mixed, points or lines) and positions over the seas
    around Korea and Japan."""
    rng = np.random.default_rng(seed)
    kinds = rng.integers(0, 3, count) if which == "mixed" else np.full(count, {"points": 0, "lines": 1}[which])
    return kinds, 120 + rng.random(count) * 25, 20 + rng.random(count) * 25


def write_geojson(path: Path, count: int, which: str = "mixed") -> None:
    kinds, lons, lats = features(count, which)
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


def measure(which: str, path: Path, out: Path | None = None) -> dict:
    extra = [str(out)] if out is not None else []
    if out is not None and out.exists():
        out.unlink()
    result = subprocess.run([sys.executable, "-c", MEASURE, which, str(path), *extra], capture_output=True,
                            text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--formats", default="geojson,gpkg")
    parser.add_argument("--kinds", default="mixed", help="mixed (points, lines, polygons), points or lines")
    parser.add_argument("--convert", action="store_true",
                        help="also time `launchmap convert` to GeoPackage against geopandas read_file + to_file")
    parser.add_argument("--window", action="store_true",
                        help="also time opening each file in the window (offscreen): the load, then the layer shown "
                             "in the map, tree and legend, until the map is painted; against geopandas' read")
    parser.add_argument("--folder", help="keep the generated files here (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(args.folder or temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
        print(f"{'features':>9} {'kinds':>6} {'format':>7} | {'wall s':>13} {'ratio':>5} | {'CPU s':>13} "
              f"{'ratio':>5} | {'peak MiB':>11} {'ratio':>5} | {'file MiB':>8} | {'RSS after':>9}"
              "   (launchmap / geopandas)")
        for which in args.kinds.split(","):
            for size in sizes:
                source = folder / f"scale_{which}_{size}.geojson"
                if not source.exists():
                    write_geojson(source, size, which)
                for kind in formats:
                    path = source if kind == "geojson" else source.with_suffix(".gpkg")
                    if not path.exists():
                        write_gpkg(source, path)
                    ours, theirs = measure("launchmap", path), measure("geopandas", path)
                    assert ours["features"] == theirs["features"] == size, (ours, theirs)
                    print(f"{size:>9,} {which:>6} {kind:>7} | {_pair(ours, theirs, 'seconds', '.2f')} | "
                          f"{_pair(ours, theirs, 'cpu', '.2f')} | {_pair(ours, theirs, 'peak_mib', '.0f')} | "
                          f"{path.stat().st_size / 2**20:>8.1f} | {ours['rss_mib']:>5.0f}/{theirs['rss_mib']:<4.0f}",
                          flush=True)
                    if args.window:
                        ours, theirs = measure("launchmap-window", path), measure("geopandas", path)
                        print(f"{size:>9,} {which:>6} {'window':>7} | {_pair(ours, theirs, 'seconds', '.2f')} | "
                              f"{_pair(ours, theirs, 'cpu', '.2f')} | {_pair(ours, theirs, 'peak_mib', '.0f')} |",
                              flush=True)
                    if args.convert and kind == "geojson":
                        out = folder / "converted.gpkg"
                        ours, theirs = measure("launchmap-convert", path, out), measure("geopandas-convert", path, out)
                        print(f"{size:>9,} {which:>6} {'→gpkg':>7} | {_pair(ours, theirs, 'seconds', '.2f')} | "
                              f"{_pair(ours, theirs, 'cpu', '.2f')} | {_pair(ours, theirs, 'peak_mib', '.0f')} |",
                              flush=True)


def _pair(ours: dict, theirs: dict, key: str, spec: str) -> str:
    return f"{ours[key]:>6{spec}}/{theirs[key]:<6{spec}} {ours[key] / max(theirs[key], 1e-9):>5.1f}"


if __name__ == "__main__":
    main()
