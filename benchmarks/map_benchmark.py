"""How fast the map is on this machine: redraw while panning and zooming, PNG export against geopandas +
matplotlib, and the time to the first painted map. A script, not a test: `.venv/bin/python benchmarks/map_benchmark.py`.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REGION = (115.0, 14.0, 140.0, 42.0)  # the regional view (west, south, east, north), as the export tests use
WIDTH, HEIGHT = 1920, 1080
ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"a": 16.0, "b": 50.0, "c_warm": 2.5, "c_process": 2.0, "d": 0.6, "e": 50.0, "rss_mb": 1500.0,
           "heavy_ms": 250.0, "heavy_peer_ms": 150.0, "c_heavy_process": 1.5}


def application():
    """The benchmark's Qt application: a QApplication, as the window's canvas needs widgets (an export alone would
    make do with the QGuiApplication viewer.qt.render.application makes, and Qt allows one per process)."""
    from PySide6.QtWidgets import QApplication

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication.instance() or QApplication(["launchmap-benchmark"])


# -- (a), (b): redraw while panning and zooming ---------------------------------------------------------------
def regional_canvas(workspace):
    """A 1920x1080 map canvas showing the regional view, as the main window's would (no scroll bars)."""
    from PySide6.QtCore import Qt

    from viewer.geo.basemap import load_basemap
    from viewer.geo.crs import regional
    from viewer.geo.gazetteer import load_places
    from viewer.qt.map.canvas import MapCanvas
    app = application()
    canvas = MapCanvas(workspace, load_basemap(), load_places())
    canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    canvas.setFrameShape(canvas.Shape.NoFrame)
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    app.processEvents()
    canvas.set_projection(regional(REGION), keep_view=False)
    canvas.zoom_to_extent(REGION)
    app.processEvents()
    return canvas


def view_steps(canvas) -> list[tuple[str, object]]:
    """50 pans of 40 px round a rectangle, then 25 zooms in by 8 % and 25 back out: ~100 interactive frames."""
    view = canvas.view
    per_px = canvas.map_units_per_pixel()
    moves = [(40, 0)] * 13 + [(0, -40)] * 12 + [(-40, 0)] * 13 + [(0, 40)] * 12
    steps: list[tuple[str, object]] = [("pan", lambda d=d: view.translateBy(t=(d[0] * per_px, d[1] * per_px)))
                                       for d in moves]
    steps += [("zoom", lambda: view.scaleBy((0.92, 0.92)))] * 25
    steps += [("zoom", lambda: view.scaleBy((1 / 0.92, 1 / 0.92)))] * 25
    return steps


def gesture_steps(canvas, limit: int | None = None) -> list[tuple[str, object]]:
    """`view_steps`, or `limit` of them: half pans, half zooms."""
    steps = view_steps(canvas)
    return steps[: limit // 2] + steps[50: 50 + limit // 2] if limit else steps


def time_redraw(canvas, level: int | None, limit: int | None = None, explain=None) -> dict[str, list[float]]:
    """Per step: change the view, then repaint the viewport synchronously (wall and this thread's CPU time,
    which other processes on the machine cannot inflate). One untimed pass first, so the basemap levels,
    tiles and stamps any step needs exist; the timed pass is the steady state. The pans and the zooms are
    two gestures, each started from a view at rest (so the screen caches hold exact images); within a
    gesture no events run between steps, as in a fast drag or wheel spin. `explain`: a redraw_explain.FrameRecorder,
    which records what each timed repaint did (its wrappers add a little to every frame)."""
    canvas.basemap_layer.fixed_level = level
    steps = gesture_steps(canvas, limit)
    times: dict[str, list[float]] = {"pan": [], "zoom": [], "cpu": [], "frame": []}
    for timed in (False, True):
        canvas.zoom_to_extent(REGION)
        gc.collect()
        previous = None
        for index, (kind, step) in enumerate(steps):
            if kind != previous:
                rest(canvas)
                previous = kind
            start = time.perf_counter()
            step()
            changed, cpu = time.perf_counter(), time.thread_time()
            if explain is not None and timed:
                explain.frame(index, kind, canvas.viewport().repaint)
            else:
                canvas.viewport().repaint()
            done, cpu_done = time.perf_counter(), time.thread_time()
            if timed:
                times[kind].append((done - changed) * 1e3)
                times["cpu"].append((cpu_done - cpu) * 1e3)
                times["frame"].append((done - start) * 1e3)
    return times


def rest(canvas, seconds: float = 0.3) -> None:
    """Let the view rest, running events, as between two gestures: layers shown scaled are drawn afresh."""
    canvas.viewport().repaint()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        application().processEvents()
        time.sleep(0.01)
    canvas.viewport().repaint()


def synthetic_bundle(points: int = 50_000, lines: int = 50_000, seed: int = 20240):
    """Impact points and short flight paths (20-90 km, with direction arrows) spread over the region,
    in 8 events and mixed certainty, as a large imported catalogue would be."""
    import shapely

    from viewer.model.bundle import Bundle
    from viewer.model.event import LaunchEvent
    from viewer.model.feature import Feature

    rng = np.random.default_rng(seed)
    west, south, east, north = REGION
    events = {f"synthetic-{i}": LaunchEvent(id=f"synthetic-{i}", name=f"Synthetic {i}",
                                            time=f"2031-01-{i + 1:02d}T00:00:00+00:00") for i in range(8)}
    certainty = ["reported", "reported", "derived", "approximate"]
    lon, lat = rng.uniform(west, east, points + lines), rng.uniform(south, north, points + lines)
    bearing, length = rng.uniform(0, 2 * np.pi, lines), rng.uniform(0.2, 0.8, lines)
    ends = np.column_stack([lon[points:] + length * np.cos(bearing), lat[points:] + length * np.sin(bearing)])
    starts = np.column_stack([lon[points:], lat[points:]])
    geometries = [*shapely.points(lon[:points], lat[:points]), *shapely.linestrings(np.stack([starts, ends], 1))]
    features = {}
    for i, geometry in enumerate(geometries):
        fid = f"synthetic-{i}"
        kind = "impact_point" if i < points else "flight_path"
        features[fid] = Feature(fid, geometry, {"kind": kind, "event": f"synthetic-{i % 8}",
                                                 "certainty": certainty[i % 4], "label": fid})
    return Bundle(events=events, features=features)


def redraw_rows(steps: int | None, synthetic: bool, explain: bool = False) -> list[list[str]]:
    """Each case with the screen caches (the default) and with them off, which is also what a frame costs
    once the view rests and cached layers are drawn afresh."""
    from viewer.cli.common import load_workspace

    try:
        from viewer.qt.map.screen_cache import ScreenCache
    except ImportError:  # a checkout from before the screen cache, timed for comparison: always exact
        ScreenCache = None
    workspace = load_workspace([])
    canvas = regional_canvas(workspace)
    rows = []
    for key in ("ab" if synthetic else "a"):
        if key == "b":
            start = time.perf_counter()
            workspace.add(synthetic_bundle())
            took = time.perf_counter() - start
            rows.append([f"(b) adding the 100k features and rebuilding the layers took {took:.1f} s"])
        for level, lod in ((None, "auto LOD"), (0, "level 0")):
            for cached in ((True, False) if ScreenCache else (False,)):
                if ScreenCache:
                    canvas.context.screen_cache = cached
                default = cached or not ScreenCache
                # Drawing 50k thick lines exactly takes ~1 s a frame: time fewer steps of that.
                limit = 10 if key == "b" and not cached else steps
                recorder = None
                if explain and default and level is None:
                    from redraw_explain import FrameRecorder
                    recorder = FrameRecorder()
                t = time_redraw(canvas, level, limit, recorder)
                if recorder is not None:
                    from redraw_explain import profile_steps
                    canvas.zoom_to_extent(REGION)
                    wanted = {step for step, *_ in recorder.slowest()}
                    rows.append([recorder.report(profile_steps(canvas, gesture_steps(canvas, limit), wanted, rest))])
                both = t["pan"] + t["zoom"]
                p95 = percentile(both, 95)
                mode = ("cached" if cached else "exact") + (" (default)" if default else "")
                mode += f", {len(both)} steps" if limit else ""
                rows.append([f"({key}) {lod}, {mode}", f"{statistics.median(both):.1f}", f"{p95:.1f}",
                             f"{percentile(t['pan'], 95):.1f}", f"{percentile(t['zoom'], 95):.1f}",
                             f"{percentile(t['cpu'], 95):.1f}", f"{percentile(t['frame'], 95):.1f}",
                             f"<= {TARGETS[key]:g}" if default else "",
                             verdict(p95 <= TARGETS[key], percentile(t["cpu"], 95) <= TARGETS[key]) if default else ""])
    if ScreenCache:
        canvas.context.screen_cache = True
    return rows


# -- (e): the event loop's latency while the view moves and rests, with many user features ----------------------
def stall_watch(stalls: bool, label: str):
    """With ``--stalls``, a stall_watch.StallWatch for the case ``label`` (its load average said first); else None."""
    if not stalls:
        return None
    from stall_watch import StallWatch

    print(f"-- {label}: load average {os.getloadavg()[0]:.2f}", flush=True)
    return StallWatch()


def event_loop_gaps(canvas, seconds_rest: float = 1.0, rounds: int = 2,
                    watch=None, hover: bool = False) -> tuple[list[float], list[float]]:
    """Gaps (ms) between ticks of a 5 ms timer while the event loop runs pans (40 px every 16 ms), rests and wheel
    zooms (8 % every 16 ms), as a person drags and spins: every paint happens in the event loop, as on screen,
    and whatever the GUI thread waits for shows as a gap. Also the GUI thread's own CPU time between ticks, which
    other processes on a busy machine cannot inflate (the wall gap also counts waiting for a CPU or the GIL).
    `watch`: a stall_watch.StallWatch, which samples the GUI thread while a tick is late, and reports. `hover`: the
    pointer also moves over the map, 7 px every 16 ms round a circle about the view's centre, as the mouse does
    between gestures (every move picks the features under it and may highlight one)."""
    from PySide6.QtCore import QEventLoop, QTimer

    steps: list[tuple[str, object]] = []
    for _ in range(rounds):
        view = view_steps(canvas)
        steps += view[:25] + [("rest", None)] * round(seconds_rest * 1000 / 16) + view[50:75] \
            + [("rest", None)] * round(seconds_rest * 1000 / 16) + view[75:] + [("rest", None)] * 60
    ticks: list[tuple[float, float]] = []
    probe = QTimer()
    probe.setInterval(5)
    def tick() -> None:
        ticks.append((time.perf_counter(), time.thread_time()))
        if watch is not None:
            watch.tick(ticks[-1][0])

    probe.timeout.connect(tick)
    loop = QEventLoop()
    driver = QTimer()
    driver.setInterval(16)
    remaining = iter(steps)

    moves = itertools.count()

    def next_step() -> None:
        step = next(remaining, None)
        if step is None:
            loop.quit()
            return
        if step[1] is not None:
            step[1]()
        if hover:
            from PySide6.QtCore import QPointF

            turn = next(moves) * 7 / 300  # radians: 7 px along a circle of 300 px
            centre = canvas.viewport().rect().center()
            canvas.scene().sigMouseMoved.emit(QPointF(centre.x() + 300 * np.cos(turn), centre.y() + 300 * np.sin(turn)))

    driver.timeout.connect(next_step)
    if watch is not None:
        watch.start()
    probe.start()
    driver.start()
    loop.exec()
    driver.stop()
    probe.stop()
    if watch is not None:
        watch.stop()
        print(watch.report(ticks, TARGETS["e"]), "\n" + watch.thread_cpu(), flush=True)
    gaps = np.diff(np.array(ticks), axis=0) * 1e3
    return list(gaps[:, 0]), list(gaps[:, 1])


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def latency_rows(stalls: bool = False, star_only: bool = False) -> list[list[str]]:
    from viewer.cli.common import load_workspace

    workspace = load_workspace([])
    canvas = regional_canvas(workspace)
    rows, added = [], None
    cases = () if star_only else (("sample", 0, 0), ("100k", 50_000, 50_000), ("1M", 950_000, 50_000))
    for label, points, lines in cases:
        took = 0.0
        if points:
            if added is not None:
                workspace.remove(added)
            added = synthetic_bundle(points, lines, seed=len(label))
            start = time.perf_counter()
            workspace.add(added)
            took = time.perf_counter() - start
            rest(canvas, 3.0)
        gaps, cpu = event_loop_gaps(canvas, watch=stall_watch(stalls, label))
        label = f"(e) {label} features" + (f" (adding took {took:.1f} s)" if points else "")
        rows.append(latency_row(label, gaps, cpu))
    if added is not None:
        workspace.remove(added)
    added = star_bundle()
    gaps, cpu, took = opening_gaps(canvas, lambda: workspace.add(added), watch=stall_watch(stalls, "star opened"))
    rows.append(latency_row(f"(e) 1M-vertex star, opened: from the add until densified and drawn ({took:.1f} s)",
                            gaps, cpu))
    rest(canvas, 3.0)
    workspace.remove(added)
    areas = detailed_areas()
    gaps, cpu, took_areas = opening_gaps(canvas, lambda: workspace.add(areas),
                                         watch=stall_watch(stalls, "areas opened"))
    rows.append(latency_row(f"(e) 4 areas of 20k-49k vertices, opened: from the add until drawn ({took_areas:.1f} s)",
                            gaps, cpu))
    workspace.remove(areas)
    workspace.add(added)
    rest(canvas, 3.0)
    while canvas.densifying.running:
        rest(canvas, 1.0)
    gaps, cpu = event_loop_gaps(canvas, watch=stall_watch(stalls, "star"), hover=True)
    rows.append(latency_row(f"(e) 1M-vertex star, hovered (adding took {took:.1f} s)", gaps, cpu))
    return rows


def opening_gaps(canvas, add, settled_s: float = 1.0, limit_s: float = 120.0,
                 watch=None) -> tuple[list[float], list[float], float]:
    """The gaps (ms) of a 5 ms timer, and the GUI thread's CPU between ticks, from just before ``add()`` (called in
    the event loop, as a file read on a worker is added) until the canvas has densified and drawn what it drew from
    stand-ins and ``settled_s`` more; also the seconds that took. `watch`: as `event_loop_gaps`'."""
    from PySide6.QtCore import QEventLoop, QTimer

    from viewer.qt.map.drawings import cache_of

    ticks: list[tuple[float, float]] = []
    probe, check = QTimer(), QTimer()
    probe.setInterval(5)

    def tick() -> None:
        ticks.append((time.perf_counter(), time.thread_time()))
        if watch is not None:
            watch.tick(ticks[-1][0])

    probe.timeout.connect(tick)
    loop = QEventLoop()
    started: list[float] = []
    settled: list[float] = []

    def begin() -> None:
        started.append(time.perf_counter())
        add()

    def done() -> None:
        now = time.perf_counter()
        busy = canvas.densifying.running or any(
            c is not None and c.drawing_in_background for c in map(cache_of, canvas.visuals.values()))
        if not started or busy:
            settled.clear()
        elif not settled:
            settled.append(now)
        if (settled and now - settled[0] >= settled_s) or (started and now - started[0] > limit_s):
            loop.quit()

    check.setInterval(50)
    check.timeout.connect(done)
    probe.start()
    check.start()
    if watch is not None:
        watch.start()
    QTimer.singleShot(100, begin)
    loop.exec()
    probe.stop()
    check.stop()
    if watch is not None:
        watch.stop()
        print(watch.report(ticks, TARGETS["e"]), "\n" + watch.thread_cpu(), flush=True)
    gaps = np.diff(np.array(ticks), axis=0) * 1e3
    return list(gaps[:, 0]), list(gaps[:, 1]), (settled[0] if settled else time.perf_counter()) - started[0]


def latency_row(label: str, gaps: list[float], cpu: list[float]) -> list[str]:
    return [label, f"{max(gaps):.0f}", f"{percentile(gaps, 99):.0f}", f"{max(cpu):.0f}", f"{percentile(cpu, 99):.0f}",
            f"{rss_mb():.0f}", f"<= {TARGETS['e']:g}", verdict(max(gaps) <= TARGETS["e"], max(cpu) <= TARGETS["e"])]


def star_bundle(vertices: int = 1_000_000):
    """One warning area of a million spikes crossing one another (the hostile-input tests' star) in the regional
    view: what the window must stay responsive with while it is hovered, panned and zoomed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_geometry import jagged_star

    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    return Bundle(features={"star": Feature("star", jagged_star(vertices), {"kind": "warning_area", "label": "star"})})


def detailed_areas(sizes: tuple[int, ...] = (20_000, 30_000, 40_000, 49_000)):
    """Warning areas as a detailed file draws them: valid polygons with a coastline's wiggle of ``sizes`` vertices,
    over the regional view (more than the window densifies on opening at once, fewer than it draws from a stand-in
    until densified: `new_rows.STAND_IN_ABOVE`)."""
    import shapely

    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    rng = np.random.default_rng(3)
    features = {}
    for i, vertices in enumerate(sizes):
        theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
        wiggle = sum(rng.uniform(0.01, 0.05) * np.sin(k * theta + rng.uniform(0, 6)) for k in (3, 17, 101, 997))
        radius = 2.0 * (1 + wiggle)
        lon, lat = 122.0 + 5.0 * i + radius * np.cos(theta), 28.0 + radius * np.sin(theta)
        fid = f"area{i}"
        features[fid] = Feature(fid, shapely.Polygon(np.column_stack([lon, lat])),
                                {"kind": "warning_area", "label": f"area {i}"})
    return Bundle(features=features, path=Path("detailed-areas.geojson"))


# -- (m): memory of the window holding a catalogue of a million points -------------------------------------------
def plain_points(count: int, seed: int = 7):
    """A catalogue from another tool: points with a name and nothing else (no kind, no launch), as a file of them
    reads, spread over the region."""
    import shapely

    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    rng = np.random.default_rng(seed)
    west, south, east, north = REGION
    points = shapely.points(rng.uniform(west, east, count), rng.uniform(south, north, count))
    return Bundle(features={f"p{i}": Feature(f"p{i}", point, {"name": f"p{i}"}) for i, point in enumerate(points)},
                  path=Path(f"catalogue-{count}.geojson"))


def memory_rows(count: int = 1_000_000) -> list[list[str]]:
    """RSS of the real window (1366x768) with the sample, then with `count` plain points added, then after a round
    of pans, zooms and rests; run in a process of its own (see main), so nothing else the benchmark made counts."""
    from viewer.qt.main_window import MainWindow
    from viewer.resources import sample_bundle

    def row(what: str, seconds: float | None = None) -> list[str]:
        status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
        took = f" ({seconds:.0f} s)" if seconds is not None else ""
        rss, peak = (int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM"))
        return [what + took, f"{rss:.0f}", f"{peak:.0f}"]

    app = application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.open_files([str(sample_bundle())])
    rest(window.canvas, 1.0)
    rows = [row("window with the sample")]
    start = time.perf_counter()
    catalogue = plain_points(count)
    rows.append(row(f"+ {count:,} points made (Feature objects)", time.perf_counter() - start))
    start = time.perf_counter()
    window.workspace.add(catalogue)
    del catalogue
    rest(window.canvas, 2.0)
    rows.append(row("+ shown in the window (layers, tree, index)", time.perf_counter() - start))
    window.canvas.zoom_to_extent(REGION)
    event_loop_gaps(window.canvas, seconds_rest=0.5, rounds=1)
    rest(window.canvas, 2.0)
    gc.collect()
    rows.append(row("after pans, zooms and rests"))
    app.processEvents()
    return rows


# -- (c): PNG export against geopandas + matplotlib ----------------------------------------------------------
def launchmap_export_times(renderer, level: int | None, compression: int, repeats: int = 4) -> tuple[float, float]:
    """Median (paint, encode) seconds over the second and later renders of one MapRenderer."""
    from viewer.geo.crs import regional
    from viewer.qt.render import ImageRequest

    renderer.scene.basemap.fixed_level = level
    from viewer.model.view import MapView

    view = MapView(regional(REGION))
    view.fit(REGION)
    view.set_decorations(title="Regional view")
    request = ImageRequest(view, WIDTH, HEIGHT, png_compression=compression)
    with tempfile.TemporaryDirectory() as folder:
        times = [renderer.save(Path(folder) / "map.png", request) for _ in range(repeats + 1)][1:]
    return statistics.median(t.paint_s for t in times), statistics.median(t.encode_s for t in times)


class MatplotlibMap:
    """The same layers drawn with geopandas + matplotlib: basemap land (level 0) with its coastline, land
    borders, and the sample features styled as launchmap styles them. No Qt is imported."""

    def __init__(self, extra: list[str] = ()) -> None:
        import geopandas

        from viewer.geo.crs import regional
        from viewer.resources import asset, sample_bundle

        crs = regional(REGION).crs
        basemap = asset("resources", "basemap", "basemap.gpkg")
        self.land = geopandas.read_file(basemap, layer="land_0").to_crs(crs)
        self.borders = geopandas.read_file(basemap, layer="borders_0").to_crs(crs)
        features = geopandas.read_file(sample_bundle()).to_crs(crs)
        self.extra = [geopandas.read_file(path).to_crs(crs) for path in extra]
        self.features = features.fillna({"event": "", "certainty": "reported"})  # launchmap's defaults
        events = json.loads(Path(sample_bundle()).read_text(encoding="utf-8")).get("events", [])
        self.event_ids = [e["id"] for e in sorted(events, key=lambda e: (e.get("time") is None, e.get("time") or ""))]
        # Fit the extent as the map canvas does: centred, the other axis widened to square pixels.
        xmin, ymin, xmax, ymax = regional(REGION).project_extent(REGION)
        half = max((xmax - xmin) / WIDTH, (ymax - ymin) / HEIGHT) * np.array([WIDTH, HEIGHT]) / 2
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        self.bounds = (cx - half[0], cy - half[1], cx + half[0], cy + half[1])

    def paint(self):
        """An Agg canvas holding the drawn map (RGBA)."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        from viewer.model.kinds import kind_style
        from viewer.symbology import (
            APPROXIMATE_DASH,
            BORDER,
            CERTAINTY_ALPHA,
            COAST,
            LAND,
            SEA,
            event_colours,
        )

        pt = 72 / 100  # matplotlib widths are in points; the figure is 100 dpi, so 1 px = 0.72 pt
        figure = Figure(figsize=(WIDTH / 100, HEIGHT / 100), dpi=100, facecolor=SEA)
        ax = figure.add_axes((0, 0, 1, 1))
        ax.set_axis_off()
        ax.set_xlim(*self.bounds[0::2])
        ax.set_ylim(*self.bounds[1::2])
        self.land.plot(ax=ax, facecolor=LAND, edgecolor=COAST, linewidth=0.7 * pt)
        self.borders.plot(ax=ax, color=BORDER, linewidth=0.9 * pt, linestyle=(0, (4, 2)))
        colours = event_colours(self.event_ids)
        markers = {"triangle": "^", "cross": "X", "circle": "o", "diamond": "D"}
        for (kind, event, certainty), group in self.features.groupby(["kind", "event", "certainty"]):
            style, colour = kind_style(kind), colours.get(event, "#555555")
            alpha = CERTAINTY_ALPHA.get(certainty, 255) / 255
            if style.geometry == "area":
                group.plot(ax=ax, facecolor=colour, alpha=style.fill_alpha / 255, edgecolor="none")
                group.boundary.plot(ax=ax, color=colour, alpha=alpha, linewidth=style.line_width * pt,
                                    linestyle=(0, style.dash) if style.dash else "-")
            elif style.geometry == "line":
                dashed = certainty == "approximate" and not style.fill_alpha
                group.plot(ax=ax, color=colour, alpha=(style.fill_alpha or 255) / 255 * alpha,
                           linewidth=style.line_width * pt, linestyle=(0, APPROXIMATE_DASH) if dashed else "-")
            else:
                group.plot(ax=ax, color=colour, alpha=alpha, marker=markers.get(style.symbol, "o"),
                           markersize=(style.symbol_size * pt) ** 2, edgecolor="white", linewidth=1.2 * pt)
        for frame in self.extra:  # plain files: thin lines and small points, as peers draw bulk data
            lines = frame[frame.geom_type.isin(["LineString", "MultiLineString"])]
            points = frame[frame.geom_type.isin(["Point", "MultiPoint"])]
            lines.plot(ax=ax, color="#D95F02", linewidth=0.8 * pt)
            points.plot(ax=ax, color="#D95F02", markersize=(3 * pt) ** 2, edgecolor="white", linewidth=0.5 * pt)
        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        return canvas

    def save(self, path: Path, compress_level: int = 6) -> tuple[float, float]:
        """(paint, encode) seconds; Pillow's PNG writer at zlib 6 is what `savefig` uses."""
        from PIL import Image

        start = time.perf_counter()
        canvas = self.paint()
        painted = time.perf_counter()
        Image.fromarray(np.asarray(canvas.buffer_rgba())).save(path, compress_level=compress_level)
        return painted - start, time.perf_counter() - painted


def matplotlib_export_times(repeats: int = 4, extra: list[str] = ()) -> tuple[float, float]:
    baseline = MatplotlibMap(extra)
    with tempfile.TemporaryDirectory() as folder:
        times = [baseline.save(Path(folder) / "map.png") for _ in range(repeats + 1)][1:]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def process_seconds(command: list[str], env: dict[str, str], repeats: int = 3) -> float:
    """Median wall time of a whole process, start to exit."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_process_seconds(ours: list[str], theirs: list[str], env: dict[str, str],
                                repeats: int = 5) -> tuple[float, float, float, float]:
    """Median wall and CPU (user + system) times of two whole processes run alternately (ours, theirs, ours, ...),
    so a machine whose load changes during the run slows both alike: (ours wall, theirs wall, ours CPU, theirs CPU).
    CPU time moves less than wall time when other processes share the cores."""
    import resource

    wall: dict[int, list[float]] = {0: [], 1: []}
    cpu: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(repeats):
        for which, command in enumerate((ours, theirs)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall[which].append(process_seconds(command, env, repeats=1))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[which].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return (statistics.median(wall[0]), statistics.median(wall[1]), statistics.median(cpu[0]),
            statistics.median(cpu[1]))


def heavy_geojson(path: Path, seed: int = 1) -> Path:
    """A plain GeoJSON (no kinds) of 10,000 points and 1,000 random-walk lines of 50 vertices over the region."""
    rng = np.random.default_rng(seed)
    west, south, east, north = REGION
    features = [{"type": "Feature", "properties": {"name": f"p{i}"},
                 "geometry": {"type": "Point", "coordinates": [float(rng.uniform(west, east)),
                                                               float(rng.uniform(south, north))]}}
                for i in range(10_000)]
    for i in range(1_000):
        start = rng.uniform((west, south), (east, north))
        coords = (rng.normal(0, 0.05, (50, 2)).cumsum(0) + start).round(5).tolist()
        features.append({"type": "Feature", "properties": {"name": f"l{i}"},
                         "geometry": {"type": "LineString", "coordinates": coords}})
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


@contextlib.contextmanager
def peer_equal_widths():
    """Plain files' points and lines drawn as the peers draw them (3 px points, 0.8 px lines) for the duration."""
    from dataclasses import replace

    from viewer.model.kinds import KIND_REGISTRY

    names = KIND_REGISTRY.names()
    kept = {name: KIND_REGISTRY.get(name) for name in ("line", "point")}
    sizes = {"line": {"line_width": 0.8}, "point": {"symbol_size": 3.0}}
    for name, kind in kept.items():
        following = names[names.index(name) + 1]
        KIND_REGISTRY.add(replace(kind, style=replace(kind.style, **sizes[name])), before=following)
    try:
        yield
    finally:
        for name, kind in kept.items():
            KIND_REGISTRY.add(kind, before=names[names.index(name) + 1])
        assert KIND_REGISTRY.names() == names


def export_rows(env: dict[str, str]) -> list[list[str]]:
    from viewer.cli.common import load_workspace
    from viewer.qt.render import MapRenderer
    from viewer.resources import sample_bundle

    rows = []
    ours = {}
    renderer = MapRenderer(load_workspace([]))
    for level, compression in ((None, 1), (None, 6), (0, 1), (0, 6)):
        paint, encode = launchmap_export_times(renderer, level, compression)
        ours[(level, compression)] = paint + encode
        lod = "auto LOD" if level is None else "level 0"
        rows.append([f"launchmap warm, {lod}, zlib {compression}", ms(paint), ms(encode), ms(paint + encode), "", ""])
    paint, encode = matplotlib_export_times()
    theirs = paint + encode
    rows.append(["geopandas+matplotlib warm, zlib 6", ms(paint), ms(encode), ms(theirs), "", ""])
    for (level, compression), total in ours.items():
        if compression == 1:
            lod = "auto LOD" if level is None else "level 0"
            ratio = theirs / total
            rows.append([f"  warm ratio matplotlib / launchmap ({lod})", "", "", f"{ratio:.2f}x",
                         f">= {TARGETS['c_warm']:g}x", verdict(ratio >= TARGETS["c_warm"])])
    with tempfile.TemporaryDirectory() as folder:
        heavy = heavy_geojson(Path(folder) / "heavy.geojson")
        renderer = MapRenderer(load_workspace([str(sample_bundle()), str(heavy)]))
        paint, encode = launchmap_export_times(renderer, None, 1)
        rows.append(["launchmap warm, sample + heavy (10k points, 1k 50-vertex lines)", ms(paint), ms(encode),
                     ms(paint + encode), f"<= {TARGETS['heavy_ms']:g}",
                     verdict((paint + encode) * 1e3 <= TARGETS["heavy_ms"])])
        with peer_equal_widths():
            renderer = MapRenderer(load_workspace([str(sample_bundle()), str(heavy)]))
            paint, encode = launchmap_export_times(renderer, None, 1)
        rows.append(["launchmap warm, the same with peer-equal widths (0.8 px lines, 3 px points)", ms(paint),
                     ms(encode), ms(paint + encode), f"<= {TARGETS['heavy_peer_ms']:g}",
                     verdict((paint + encode) * 1e3 <= TARGETS["heavy_peer_ms"])])
        paint, encode = matplotlib_export_times(extra=[str(heavy)])
        rows.append(["geopandas+matplotlib warm, sample + heavy", ms(paint), ms(encode), ms(paint + encode), "", ""])
        out = str(Path(folder) / "map.png")
        extent = ",".join(f"{v:g}" for v in REGION)
        ours_s, theirs_s, ours_cpu, theirs_cpu = interleaved_process_seconds(
            [sys.executable, "-m", "viewer", "export", str(heavy), "-o", out, "--extent", extent,
             "--width", str(WIDTH), "--height", str(HEIGHT)],
            [sys.executable, str(Path(__file__).resolve()), "--matplotlib-export", out, "--extra", str(heavy)], env)
        rows += process_rows(", heavy", ours_s, theirs_s, ours_cpu, theirs_cpu, TARGETS["c_heavy_process"])
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "map.png")
        extent = ",".join(f"{v:g}" for v in REGION)
        ours_s, theirs_s, ours_cpu, theirs_cpu = interleaved_process_seconds(
            [sys.executable, "-m", "viewer", "export", "-o", out, "--extent", extent,
             "--width", str(WIDTH), "--height", str(HEIGHT)],
            [sys.executable, str(Path(__file__).resolve()), "--matplotlib-export", out], env)
    rows += process_rows("", ours_s, theirs_s, ours_cpu, theirs_cpu, TARGETS["c_process"])
    return rows


def process_rows(case: str, ours_s: float, theirs_s: float, ours_cpu: float, theirs_cpu: float,
                 target: float) -> list[list[str]]:
    """Whole-process rows: wall times (the goal), CPU times, and their ratios."""
    return [[f"`launchmap export` whole process{case} (CPU)", "", "", f"{ours_s * 1e3:.0f} ({ours_cpu * 1e3:.0f})",
             "", ""],
            [f"geopandas+matplotlib whole process{case} (CPU)", "", "",
             f"{theirs_s * 1e3:.0f} ({theirs_cpu * 1e3:.0f})", "", ""],
            [f"  process ratio matplotlib / launchmap{case} (CPU)", "", "",
             f"{theirs_s / ours_s:.2f}x ({theirs_cpu / ours_cpu:.2f}x)", f">= {target:g}x",
             verdict(theirs_s / ours_s >= target, theirs_cpu / ours_cpu >= target)]]


# -- (d): process start to the first painted map ---------------------------------------------------------------
def first_paint_seconds(env: dict[str, str], repeats: int = 5, root: Path = ROOT) -> list[dict[str, float]]:
    """`python -m viewer` with LAUNCHMAP_EXIT_AFTER_FIRST_PAINT=1 prints the wall-clock time and its CPU time when
    its first frame (the map drawn without pyqtgraph, viewer.qt.first_frame) has been painted, and again when the
    canvas has drawn every layer and shows instead, then quits; measured from just before the process is started.
    ``root``: the checkout whose `viewer` runs (another one's: its code in this environment). Each run:
    {"first-frame": s, "first-frame cpu": s, "canvas-ready": s, "canvas-ready cpu": s}."""
    runs = []
    for _ in range(repeats):
        start = time.time()
        done = subprocess.run([sys.executable, "-m", "viewer"], cwd=root, capture_output=True, text=True,
                              timeout=120, env={**env, "LAUNCHMAP_EXIT_AFTER_FIRST_PAINT": "1"})
        found = dict(re.findall(r"^(first-frame|canvas-ready) (\d+\.\d+ cpu \d+\.\d+)$", done.stdout, re.M))
        if set(found) != {"first-frame", "canvas-ready"}:
            raise RuntimeError(f"no first paint reported (exit {done.returncode}): {done.stderr.strip()[-400:]}")
        run = {}
        for what, line in found.items():
            wall, cpu = line.split(" cpu ")
            run[what], run[f"{what} cpu"] = float(wall) - start, float(cpu)
        runs.append(run)
    return runs


def interleaved_first_paint_rows(env: dict[str, str], other: Path, rounds: int = 6) -> list[list[str]]:
    """Starts of this checkout and of ``other`` (e.g. main's, `git worktree add`), one of each in turn, so that
    both meet the same load: the first frame's wall-clock and CPU medians of each."""
    runs: dict[Path, list[dict[str, float]]] = {ROOT: [], other: []}
    for index in range(rounds):
        for root in (ROOT, other) if index % 2 == 0 else (other, ROOT):
            runs[root] += first_paint_seconds(env, repeats=1, root=root)
    return [[f"first frame, {name}", ", ".join(f"{run['first-frame']:.2f}" for run in runs[root]),
             f"{statistics.median(run['first-frame'] for run in runs[root]):.2f}",
             f"{statistics.median(run['first-frame cpu'] for run in runs[root]):.2f}"]
            for name, root in (("this checkout", ROOT), (str(other), other))]


def first_paint_rows(runs: list[dict[str, float]]) -> list[list[str]]:
    def seconds(key: str) -> list[float]:
        return [run[key] for run in runs]

    frame, ready = statistics.median(seconds("first-frame")), statistics.median(seconds("canvas-ready"))
    return [["first frame (the map drawn, no pyqtgraph)", ", ".join(f"{t:.2f}" for t in seconds("first-frame")),
             f"{frame:.2f}", f"{statistics.median(seconds('first-frame cpu')):.2f}", f"<= {TARGETS['d']:g}",
             verdict(frame <= TARGETS["d"], statistics.median(seconds("first-frame cpu")) <= TARGETS["d"])],
            ["canvas ready (every layer drawn, interactive)", ", ".join(f"{t:.2f}" for t in seconds("canvas-ready")),
             f"{ready:.2f}", f"{statistics.median(seconds('canvas-ready cpu')):.2f}", "", ""]]


# -- printing --------------------------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.0f}"


def verdict(ok: bool, ok_in_cpu_time: bool | None = None) -> str:
    """PASS or MISS; for redraw, also whether this thread's CPU time alone would pass (the wall clock
    includes waiting for other processes on a busy machine)."""
    text = "PASS" if ok else "MISS"
    if ok_in_cpu_time is not None and ok_in_cpu_time != ok:
        text += f" ({'PASS' if ok_in_cpu_time else 'MISS'} in CPU time)"
    return text


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                               for i, (c, w) in enumerate(zip(r, widths, strict=True)))
    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def reference_ms() -> float:
    """A fixed CPU-bound workload, best of 3, so runs on a machine whose speed varies can be compared."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(2_000_000))
        times.append(time.perf_counter() - start)
    return min(times) * 1e3


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    from PySide6 import __version__ as pyside
    from PySide6.QtGui import QGuiApplication

    return (f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, PySide6 {pyside}, "
            f"Qt platform {QGuiApplication.platformName()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="abcd",
                        help="which parts to run, e.g. 'ac' (default: abcd; also e, m, n; s: (e)'s star row alone)")
    parser.add_argument("--folder", help="(n): keep its generated files here (the 400,000-line GeoPackage)")
    parser.add_argument("--stalls", action="store_true",
                        help="(e): sample the GUI thread in every gap over the target, and report where they went")
    parser.add_argument("--steps", type=int, default=None, help="fewer redraw steps (half pans, half zooms)")
    parser.add_argument("--against", metavar="CHECKOUT", type=Path,
                        help="(d): also start another checkout's launchmap, in turn with this one's (same load)")
    parser.add_argument("--explain", action="store_true",
                        help="(a): what each layer's screen cache did in the slowest 5 %% of frames, and their profile")
    parser.add_argument("--matplotlib-export", metavar="OUT", help=argparse.SUPPRESS)  # the baseline's own process
    parser.add_argument("--extra", action="append", default=[], help=argparse.SUPPRESS)  # plain files it also draws
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)  # part (m)'s own process
    args = parser.parse_args()
    if args.matplotlib_export:
        MatplotlibMap(args.extra).save(Path(args.matplotlib_export))
        return 0
    if args.memory_child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        print(json.dumps(memory_rows()))
        return 0
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    env = {**os.environ, "MPLBACKEND": "Agg", "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="launchmap-bench-")}
    # Processes start as installed ones do, from compiled bytecode (pip compiles it; a shell with
    # PYTHONDONTWRITEBYTECODE=1 would otherwise compile launchmap's ~150 modules at every start, ~0.3 s).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for root in (ROOT, args.against) if args.against else (ROOT,):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "viewer")], check=True, env=env)
    application()
    print(f"launchmap map benchmark — {machine()}; load average {os.getloadavg()[0]:.2f} at start")
    print(f"reference: a fixed pure-Python loop took {reference_ms():.0f} ms (speed varies: compare runs by it)")
    print(f"{WIDTH}x{HEIGHT}, regional view {REGION} (lon/lat W,S,E,N) in the regional projection\n")
    if "a" in args.only or "b" in args.only:
        print("(a)/(b) redraw in ms over 50 pans of 40 px and 25 zooms in and out by 8 %: after each view.translateBy\n"
              "or scaleBy, a synchronous canvas.viewport().repaint() — the widget's own paint path (exposed region,\n"
              "scene index, background cache, backing store), so what a person sees, unlike rendering into a QImage,\n"
              "which is the export path of (c). median/p95 time the repaint; 'CPU p95' is this thread's CPU time\n"
              "(immune to other processes); 'frame p95' adds the view change. 'cached': slow layers keep an image\n"
              "of the screen, moved while panning and shown scaled while zooming, then drawn afresh once the view\n"
              "has rested 150 ms (the view rests before each gesture); 'exact': every frame drawn in full.")
        rows = redraw_rows(args.steps, synthetic="b" in args.only, explain=args.explain)
        if "a" not in args.only:
            rows = [r for r in rows if r[0].startswith("(b)")]
        header = ["case", "median", "p95", "pan p95", "zoom p95", "CPU p95", "frame p95", "target", ""]
        print(table(header, [r for r in rows if len(r) > 1]))
        for note in (r[0] for r in rows if len(r) == 1):
            print(note)
        print()
    if "e" in args.only or "s" in args.only:
        print("(e) event loop latency: gaps in ms between ticks of a 5 ms timer over two rounds of 25 pans, a 1 s\n"
              "rest, 25 zooms in, a 1 s rest, 25 zooms out, a 1 s rest, one step every 16 ms, all in the event loop;\n"
              "'CPU': the GUI thread's own CPU time between ticks; RSS of the benchmark process after the round (MB).")
        header = ["case", "max gap", "p99", "CPU max", "CPU p99", "RSS MB", "target", ""]
        print(table(header, latency_rows(args.stalls, star_only="e" not in args.only)), "\n")
    if "n" in args.only:
        from small_beside import beside_rows

        print("(n) a 3-point GeoJSON opened beside a large layer in the main window (1366x768), three opens each:\n"
              "the event loop's longest gap from the open until drawn (a 5 ms timer), the GUI thread's CPU in its\n"
              "longest, and open_files' own wall and GUI-thread CPU time, ms.")
        folder = Path(args.folder or tempfile.mkdtemp(prefix="launchmap-beside-"))
        folder.mkdir(parents=True, exist_ok=True)
        rows = beside_rows(folder, application, rest, opening_gaps, plain_points, TARGETS["e"])
        print(table(["case", "max gap", "CPU max", "open", "open CPU", "target", ""], rows), "\n")
    if "c" in args.only:
        print("(c) 1920x1080 PNG export of the regional view, ms (warm: median of renders 2-5 of one renderer;\n"
              "whole process: median of 5 interleaved with the baseline's, start to exit). launchmap also draws\n"
              "graticule, labels, legend.")
        print(table(["case", "paint", "encode", "total", "target", ""], export_rows(env)), "\n")
    if "m" in args.only:
        done = subprocess.run([sys.executable, __file__, "--memory-child"], capture_output=True, text=True,
                              timeout=3600, env=env)
        if done.returncode:
            raise RuntimeError(f"memory run failed (exit {done.returncode}): {done.stderr.strip()[-400:]}")
        rows = json.loads(done.stdout.strip().splitlines()[-1])
        verdict_row = rows[-1] + [f"< {TARGETS['rss_mb']:g}", verdict(float(rows[-1][1]) < TARGETS["rss_mb"])]
        print("(m) memory of the window (1366x768) holding the sample and 1,000,000 plain points, MB:")
        print(table(["step", "RSS", "peak", "target", ""], [[*r, "", ""] for r in rows[:-1]] + [verdict_row]), "\n")
    if "d" in args.only:
        print("(d) process start to the map on screen, s (`python -m viewer` on the sample, a fresh settings folder:\n"
              "a first run); CPU: the process's own CPU time by then, immune to other processes.")
        print(table(["step", "runs", "median", "CPU median", "target", ""], first_paint_rows(first_paint_seconds(env))))
        if args.against:
            print(f"\ninterleaved with {args.against}, load average {os.getloadavg()[0]:.2f}:")
            print(table(["start", "runs", "median", "CPU median"], interleaved_first_paint_rows(env, args.against)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
