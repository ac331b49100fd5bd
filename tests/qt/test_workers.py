"""Long work off the GUI thread: a 100,000-feature file loads behind a progress bar while the window repaints."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from viewer.io.load import open_path
from viewer.io.progress import Cancelled
from viewer.model.problem import BundleError, Problem
from viewer.qt.workers import Worker, run_with_progress


def write_points(path, count: int) -> None:
    """A plain GeoJSON layer of ``count`` points over the Yellow Sea, written as one string (fast)."""
    features = ",".join(
        f'{{"type":"Feature","id":"p{i}","geometry":{{"type":"Point","coordinates":[{120 + (i % 997) * 0.01:.3f},'
        f'{30 + (i // 997) * 0.01:.3f}]}},"properties":{{"kind":"reference_place","label":"point {i}"}}}}'
        for i in range(count))
    path.write_text(f'{{"type":"FeatureCollection","features":[{features}]}}', encoding="utf-8")


def shown_progress_dialog() -> QProgressDialog | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()), None)


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


@pytest.mark.slow
def test_100k_feature_file_loads_with_progress_while_the_window_repaints(window, qtbot, tmp_path):
    path = tmp_path / "points.geojson"
    write_points(path, 100_000)
    before = set(window.workspace.content.features)
    counter = PaintCounter()
    window.canvas.viewport().installEventFilter(counter)
    seen = {"ticks": 0, "paints_during_load": 0, "dialog_shown": False, "bar": []}
    loading = {"on": False}

    def tick():  # what a person sees: the map redrawn, the bar moving, all while the worker reads
        if not loading["on"]:
            return
        seen["ticks"] += 1
        window.canvas.viewport().update()
        seen["paints_during_load"] = counter.paints
        dialog = shown_progress_dialog()
        if dialog is not None:
            seen["dialog_shown"] = True
            seen["bar"].append((dialog.value(), dialog.maximum()))

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    counter.paints = 0
    loading["on"] = True
    bundle, problems = run_with_progress(window, "Opening points.geojson", lambda progress: open_path(path, progress),
                                         minimum_duration_ms=0)
    loading["on"] = False
    timer.stop()

    assert len(bundle.features) == 100_000
    assert problems == []
    assert seen["ticks"] > 0, "the GUI thread's event loop stood still during the load"
    assert seen["paints_during_load"] > 0, "the map was not repainted during the load"
    assert seen["dialog_shown"], "no progress dialog was shown"
    values = [value for value, _ in seen["bar"]]
    assert values == sorted(values), f"the bar went backwards: {seen['bar'][:10]}"
    assert len(set(values)) > 1, f"the bar did not move: {seen['bar'][:10]}"
    assert set(window.workspace.content.features) == before  # loading alone changes nothing open
    window.workspace.add(bundle)
    assert len(window.workspace.content.features) == len(before) + 100_000


def test_cancel_stops_the_job_and_raises_cancelled(window, qtbot):
    steps = []

    def job(progress):  # a job that would take many seconds, unless it is cancelled
        for i in range(20_000):
            progress(i, 20_000)
            steps.append(i)
            time.sleep(0.0005)
        return "finished"

    def press_cancel():
        dialog = shown_progress_dialog()
        if dialog is not None and steps:
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        else:
            QTimer.singleShot(10, press_cancel)

    QTimer.singleShot(10, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(window, "Counting", job, minimum_duration_ms=0)
    assert 0 < len(steps) < 20_000


def test_a_failing_job_raises_its_own_error_in_the_gui_thread(window):
    problem = Problem("bad.kml", "3:7", "invalid XML: mismatched tag")

    def job(progress):
        progress(1, 2)
        raise BundleError([problem])

    with pytest.raises(BundleError) as raised:
        run_with_progress(window, "Opening bad.kml", job)
    assert str(raised.value) == "bad.kml:3:7: invalid XML: mismatched tag"


def test_worker_signals_progress_and_result(qtbot, tmp_path):
    path = tmp_path / "few.geojson"
    write_points(path, 5_000)
    worker = Worker(lambda progress: open_path(path, progress))
    reports = []
    worker.progress.connect(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(worker.finished, timeout=60_000) as finished:
        worker.start()
    bundle, _ = finished.args[0]
    assert len(bundle.features) == 5_000
    qtbot.waitUntil(lambda: bool(reports) and reports[-1][0] == reports[-1][1])


def test_worker_reports_failure_as_one_line(qtbot, tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    worker = Worker(lambda progress: open_path(path, progress))
    with qtbot.waitSignal(worker.failed, timeout=10_000) as failed:
        worker.start()
    assert failed.args[0] == f"{path}:1:44: truncated JSON (the file ends too early)"
    assert isinstance(worker.error, BundleError)


def test_small_points_file_round_trips_through_json(tmp_path):
    path = tmp_path / "p.geojson"
    write_points(path, 3)
    assert json.loads(path.read_text())["features"][2]["properties"]["label"] == "point 2"
