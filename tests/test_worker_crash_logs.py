"""A pytest-xdist worker that dies says how, in which test, and where its log is (tests/worker_crash_logs.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).parent

CONFTEST = """
import pytest
from worker_crash_logs import WorkerCrashLogs

@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    config.pluginmanager.register(WorkerCrashLogs(config), "launchmap-worker-crash-logs")
"""

DYING = """
import ctypes, os, signal

def test_fine():
    pass

def test_segfault():
    ctypes.string_at(0)

def test_killed_from_outside():
    os.kill(os.getpid(), signal.SIGKILL)

def test_fatal_error():
    import sys
    print("a line before it", file=sys.stderr)
    ctypes.pythonapi.Py_FatalError(b"none_dealloc: as a C extension's refcount bug ends a process")
"""


@pytest.mark.slow
def test_a_dead_worker_names_its_test_its_signal_and_its_fatal_error(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_dying.py").write_text(DYING)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
           "TMPDIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-X", "faulthandler", "-m", "pytest", "-q", "-n", "2", "-p",
                          "no:cacheprovider", "-p", "no:randomly", "-rfE", "test_dying.py"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    out = run.stdout
    assert "3 failed, 1 passed" in out, out
    assert "died (killed by signal 11, SIGSEGV)" in out
    assert "last test started: test_dying.py::test_segfault" in out
    assert "Fatal Python error: Segmentation fault" in out
    assert "test_dying.py\", line 8 in test_segfault" in out  # the stack, from the worker's own log
    assert "died (killed by signal 9, SIGKILL)" in out
    assert "last test started: test_dying.py::test_killed_from_outside" in out
    assert "no fatal error was written: the process was ended from outside (SIGKILL" in out
    # CPython's own fatal error goes to stderr, which pytest captures during a test: kept in a file all the same
    assert "died (killed by signal 6, SIGABRT)" in out
    assert "last test started: test_dying.py::test_fatal_error" in out
    assert "wrote to stderr (gw" in out
    assert "from its fatal error" in out
    assert "Fatal Python error: none_dealloc: as a C extension's refcount bug ends a process" in out
    logs = {path.name for path in tmp_path.glob("launchmap-worker-logs-*/gw*.log")}  # kept: a worker died
    assert {"gw0.log", "gw1.log"} <= logs  # and the logs of the workers that replaced them


@pytest.mark.slow
def test_the_logs_are_removed_after_a_run_in_which_no_worker_died(tmp_path):
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_fine.py").write_text("def test_one():\n    pass\n\ndef test_two():\n    pass\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
           "TMPDIR": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", "test_fine.py"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "2 passed" in run.stdout, run.stdout
    assert not list(tmp_path.glob("launchmap-worker-logs-*"))


OFF_THREAD = """
import gc, threading
from PySide6.QtCore import QObject, QTimer

class Held(QObject):
    def __init__(self):
        super().__init__()
        self.me = self  # a cycle: only the cyclic garbage collector frees it
        self.timer = QTimer(self)
        self.timer.start(1000)

def test_a_qobject_collected_on_a_worker_thread(qapp):
    gc.disable()
    try:
        Held()
        worker = threading.Thread(target=gc.collect, name="worker")
        worker.start()
        worker.join()
    finally:
        gc.enable()
"""


@pytest.mark.slow
def test_what_qt_says_of_threads_is_printed_at_the_end(tmp_path):
    """A Python-owned QObject in a reference cycle, freed by the garbage collector on a worker thread, is destroyed
    there, off its own thread (what Qt does not allow): the run names the test and keeps the logs."""
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_off_thread.py").write_text(OFF_THREAD)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
           "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider",
                          "test_off_thread.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert "1 passed" in run.stdout, run.stdout
    assert "Qt spoke of threads" in run.stdout
    assert ("Qt: test_off_thread.py::test_a_qobject_collected_on_a_worker_thread: QObject::killTimer: Timers "
            "cannot be stopped from another thread") in run.stdout
    assert list(tmp_path.glob("launchmap-worker-logs-*/gw*.log"))
