"""Shared fixtures: small bundles written to a temporary folder, and the shipped sample."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from shared_data import ARTICLE, citation, small_bundle  # noqa: F401  (fixtures below use them)
from worker_crash_logs import WorkerCrashLogs

# `pytest tests/hardening --hypothesis-profile=deep`: the generated attacks long enough to matter (tests/hardening/
# fuzzing.py); the suite's own run gives each a few dozen examples.
settings.register_profile("deep", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.hookimpl(trylast=True)  # the plugin's own pytest_configure then runs after pytest's faulthandler plugin's
def pytest_configure(config):
    """Under pytest-xdist each worker keeps a log of the tests it starts and of its fatal error, if it dies
    (tests/worker_crash_logs.py)."""
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(WorkerCrashLogs(config), "launchmap-worker-crash-logs")


@pytest.fixture
def state(tmp_path, monkeypatch):
    """launchmap's state folder (autosaves), empty, under this test's own XDG_STATE_HOME."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "state" / "launchmap"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def make_bundle(tmp_path: Path):
    """Write a bundle dict (default: the small one) and its article; returns the bundle path."""

    def write(data: dict | None = None, article: str | bytes | None = ARTICLE, name="bundle.geojson") -> Path:
        data = copy.deepcopy(small_bundle() if data is None else data)
        for document in data.get("documents", []) if isinstance(data, dict) else []:
            if isinstance(document, dict) and "path" in document and article is not None:
                raw = article.encode() if isinstance(article, str) else article
                (tmp_path / document["path"]).write_bytes(raw)
                if "sha256" not in document:
                    import hashlib

                    document["sha256"] = hashlib.sha256(raw).hexdigest()
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return write


def pytest_collection_modifyitems(config, items):
    """Every test that needs a QApplication is `gui`: those under tests/qt and any that takes a Qt fixture, so
    `-m "not gui and not slow"` is the core's quick loop."""
    qt_fixtures = {"qtbot", "qapp", "window"}
    for item in items:
        if "tests/qt/" in item.nodeid or qt_fixtures & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def pytest_collection_finish(session):
    """Qt allows one application per process, and its class cannot change: an export made first would create a
    QGuiApplication (the renderer needs no widgets), and a later window test could then not have its QApplication.
    When the session runs any Qt test, the QApplication is made before the first test, as pytest-qt would make it."""
    if any(item.get_closest_marker("gui") for item in session.items):
        from PySide6.QtWidgets import QApplication

        QApplication.instance() or QApplication(["pytest"])
