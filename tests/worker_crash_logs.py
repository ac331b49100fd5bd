"""A log of its own for each pytest-xdist worker, so a worker that dies says where and how.

A worker lost under load said only "node down: Not properly terminated": the fatal error faulthandler writes went to
the worker's stderr, lost in a long run's output or never written (a process killed with SIGKILL, as the kernel's
out-of-memory killer does, writes nothing). Here each worker writes, to a file of its own, every test it starts (with
its resident memory and the machine's available memory then) and, through faulthandler, the fatal error and every
thread's stack; when a worker dies, the run prints the end of that file, the signal or exit code the process ended
with and where the file is, and adds them to the crashed test's failure.

Each worker also writes what Qt says of threads ("Timers cannot be stopped from another thread", "Cannot destroy
... different thread"), in a test or between tests, and the run prints those lines at its end. A Python-owned QObject
in a reference cycle is destroyed by whichever thread's allocation starts the cyclic garbage collector: on a worker
thread, its C++ destructor runs there, off the object's own thread, which Qt does not allow (a crash later, anywhere).
The folder is removed after a run in which no worker died and Qt said nothing of threads.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

FOLDER_KEY = "launchmap_worker_logs"  # the folder, handed to each worker in its workerinput
TAIL_LINES = 60  # lines of a dead worker's log printed
STACK_LINES = 200  # lines of a fatal error's stacks printed
THREADS = re.compile(r"thread", re.IGNORECASE)  # Qt's messages kept: those of objects used across threads
QT_MARK = " Qt: "


class WorkerCrashLogs:
    """The plugin: the controller's side (the folder, what a dead worker left) and each worker's (its log)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.folder: Path | None = None
        self.said: dict[str, str] = {}  # worker id -> what its death left, once it died
        self.log: IO[str] | None = None
        self._qt_handler: Any = None  # the Qt message handler installed, kept alive while installed

    # -- in each worker --------------------------------------------------------------------------------------

    @pytest.hookimpl(trylast=True)  # after pytest's own faulthandler plugin, which enables it on stderr
    def pytest_configure(self, config: pytest.Config) -> None:
        workerinput = getattr(config, "workerinput", None)
        if workerinput is None or FOLDER_KEY not in workerinput:
            return
        path = Path(workerinput[FOLDER_KEY]) / f"{workerinput['workerid']}.log"
        self.log = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115  (open for the worker's life)
        self.log.write(f"{_now()} worker {workerinput['workerid']} pid {os.getpid()}\n")
        faulthandler.enable(file=self.log, all_threads=True)
        _keep_captured_stderr(config, path.with_suffix(".stderr"))
        self._hear_qt()

    def _hear_qt(self) -> None:
        """Qt's messages outside a test's call (pytest-qt captures those, then hands back this handler): the ones
        about threads to the log, all of them on to stderr as Qt's own handler writes them."""
        try:
            from PySide6.QtCore import qInstallMessageHandler
        except ImportError:
            return

        def heard(kind, context, message: str) -> None:
            if THREADS.search(message):
                self._note_qt("between tests", message, threading.current_thread().name)
            sys.stderr.write(message + "\n")

        self._qt_handler = heard  # kept: Qt holds no reference of its own
        qInstallMessageHandler(heard)

    def _note_qt(self, where: str, message: str, said_on: str | None = None) -> None:
        if self.log is not None:
            on = f" (said on thread {said_on})" if said_on else ""
            self.log.write(f"{_now()}{QT_MARK}{where}: {' '.join(message.split())}{on}\n")

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        if self.log is not None:
            self.log.write(f"{_now()} start {nodeid} (rss {_rss_mib()} MiB, machine available "
                           f"{_available_mib()} MiB)\n")

    @pytest.hookimpl(wrapper=True, trylast=True)  # within pytest-qt's, which drops its capture after it
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> Any:
        report = yield
        capture = getattr(item, "qt_log_capture", None)
        if self.log is not None and capture is not None and call.when == "call":
            for record in capture.records:
                if THREADS.search(record.message):
                    self._note_qt(item.nodeid, record.message)
        return report

    @pytest.hookimpl(tryfirst=True)
    def pytest_unconfigure(self) -> None:
        if self._qt_handler is not None:  # Qt's own again: no Python called while Qt exits
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(None)
            self._qt_handler = None
        if self.log is not None:
            self.log.write(f"{_now()} worker finished\n")

    # -- in the controller -----------------------------------------------------------------------------------

    def pytest_configure_node(self, node: Any) -> None:
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="launchmap-worker-logs-"))
        node.workerinput[FOLDER_KEY] = str(self.folder)

    def pytest_testnodedown(self, node: Any, error: object | None) -> None:
        if error is None or self.folder is None:
            return
        worker = node.gateway.id
        self.said[worker] = text = what_was_left(self.folder / f"{worker}.log", worker, _exit_status(node))
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("")
            for line in text.splitlines():
                reporter.write_line(line)

    def pytest_handlecrashitem(self, crashitem: str, report: pytest.TestReport, sched: Any) -> None:
        node = getattr(report, "node", None)
        text = self.said.get(node.gateway.id) if node is not None else None
        if text:
            report.longrepr = f"{report.longrepr}\n{text}"

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        if self.folder is None or getattr(self.config, "workerinput", None) is not None:
            return
        heard = qt_of_threads(self.folder)
        reporter = self.config.pluginmanager.get_plugin("terminalreporter")
        if heard and reporter is not None:
            reporter.write_sep("=", f"Qt spoke of threads {len(heard)} times (logs kept in {self.folder})")
            for line in heard[:40]:
                reporter.write_line(line)
        if not self.said and not heard:
            shutil.rmtree(self.folder, ignore_errors=True)


def qt_of_threads(folder: Path) -> list[str]:
    """What Qt said of threads in the workers' logs of ``folder``, each line with its worker."""
    lines = []
    for log in sorted(folder.glob("*.log")):
        with contextlib.suppress(OSError):
            lines += [f"{log.stem} {line}" for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
                      if QT_MARK in line]
    return lines


def _keep_captured_stderr(config: pytest.Config, path: Path) -> None:
    """Have pytest capture a test's stderr (file descriptor 2) in the file ``path``, not in an anonymous temporary
    file, so it outlives the worker. CPython writes a fatal error ("Fatal Python error: none_dealloc", a refcount
    bug in a C extension) and every thread's stack to file descriptor 2, which pytest captures during a test: when
    the process then aborts, all of it was lost with the capture's file, and a worker died "with no trace".
    pytest truncates its capture after each phase of a test, so the file holds what the last phase wrote. Relies
    on pytest's capture internals; does nothing when they differ (or with -s)."""
    capture = getattr(config.pluginmanager.get_plugin("capturemanager"), "_global_capturing", None)
    err = getattr(capture, "err", None)
    tmpfile = getattr(err, "tmpfile", None)
    if getattr(err, "targetfd", None) != 2 or tmpfile is None:
        return
    with contextlib.suppress(OSError, ValueError):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.dup2(fd, tmpfile.fileno())  # the capture's file is now this one, at the same descriptor
            if getattr(err, "_state", None) == "started":
                os.dup2(fd, 2)
        finally:
            os.close(fd)


def what_was_left(path: Path, worker: str, status: int | None) -> str:
    """What a dead worker's log tells: how the process ended, the last test it started, its fatal error."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        return f"worker {worker} died; its log {path} cannot be read ({error})"
    try:
        stderr = path.with_suffix(".stderr").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        stderr = []
    started = [line for line in lines if " start " in line]
    fatal = any(line.startswith(("Fatal Python error", "Current thread", "Thread 0x")) for line in lines + stderr)
    how = _how_it_ended(status)
    said = [f"worker {worker} died ({how}); its log: {path}",
            f"last test started: {started[-1].split(' start ', 1)[1] if started else 'none'}"]
    if not fatal:
        said.append("no fatal error was written: the process was ended from outside"
                    + (" (SIGKILL: the kernel's out-of-memory killer, or a time-out)" if status == -signal.SIGKILL
                       else ""))
    tail = lines[-TAIL_LINES:]
    said += [f"--- the last {len(tail)} lines of {path.name} ---", *tail]
    if stderr:
        fatal_at = [at for at, line in enumerate(stderr) if line.startswith("Fatal Python error")]
        shown = stderr[fatal_at[-1]:][:STACK_LINES] if fatal_at else stderr[-TAIL_LINES:]
        said += [f"--- what its last test wrote to stderr ({path.with_suffix('.stderr').name}): "
                 f"{'from its fatal error' if fatal_at else 'the end'}, {len(shown)} lines ---", *shown]
    return "\n".join(said)


def _how_it_ended(status: int | None) -> str:
    if status is None:
        return "still running, or its exit status unknown"
    if status < 0:
        with contextlib.suppress(ValueError):
            return f"killed by signal {-status}, {signal.Signals(-status).name}"
        return f"killed by signal {-status}"
    return f"exit code {status}"


def _exit_status(node: Any) -> int | None:
    """The worker process's exit status (negative: the signal), waiting a moment for it; None if unknown."""
    popen = getattr(getattr(node.gateway, "_io", None), "popen", None)
    if popen is None:
        return None
    with contextlib.suppress(Exception):
        return popen.wait(timeout=5)
    return None


def _now() -> str:
    return time.strftime("%H:%M:%S", time.gmtime())


def _rss_mib() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (OSError, ValueError, IndexError):
        return -1


def _available_mib() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return -1
