"""Run long work (loading, converting, exporting) off the GUI thread, with progress and cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from viewer.io.progress import Cancelled, Progress

Job = Callable[[Progress], Any]  # a plain function: calls progress(done, total) now and then, returns a result
_REPORT_SECONDS = 0.04
_running: set[Worker] = set()  # a QThread must outlive its run; Python must hold it until then
_behind_progress = [0]  # jobs running behind a progress dialog now (nested local event loops)


class _Thread(QThread):
    def __init__(self, work: Callable[[], None]):
        super().__init__()
        self.work = work

    def run(self) -> None:
        self.work()


class Worker(QObject):
    """Runs one job in its own thread; the job's progress callback raises Cancelled once `cancel` was called.

    The worker itself stays in the GUI thread and emits from the job's thread, so Qt queues every
    signal to the GUI thread: slots and plain functions connected to it run there, where widgets live.

    Signals:
        progress(int, int): done and total, at most a few dozen times a second, and once at the end.
        finished(object): the job's result.
        failed(str): the job raised; the message. The exception itself is in ``error``.
        cancelled(): the job stopped because the user asked it to.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: Job):
        super().__init__()
        self.job = job
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._stop = threading.Event()
        self._last_sent = -_REPORT_SECONDS
        self._thread: _Thread | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next progress call (safe from any thread)."""
        self._stop.set()

    def start(self) -> None:
        """Run the job in a new thread. Connect to the signals first: a short job may end at once."""
        self._thread = _Thread(self._run)
        self._thread.finished.connect(self._forget)
        _running.add(self)
        self._thread.start()

    def wait(self) -> None:
        """Block until the job's thread has ended (for shutting down)."""
        if self._thread is not None:
            self._thread.wait()

    def _forget(self) -> None:
        self.wait()  # it is ending; without the wait Qt may destroy a thread still running
        _running.discard(self)

    def _run(self) -> None:
        try:
            result = self.job(self._report)
        except Cancelled:
            self.was_cancelled = True
            self.cancelled.emit()
        except Exception as error:  # any failure goes to the GUI thread, which decides what it means
            self.error = error
            self.failed.emit(str(error))
        else:
            self.result = result
            self.finished.emit(result)

    def _report(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - self._last_sent < _REPORT_SECONDS and done < total:
            return
        # Every signal queued to the GUI thread costs it a wait for the GIL there; a few dozen a second
        # move the bar smoothly, where one per call would flood the event queue and freeze the window.
        self._last_sent = now
        self.progress.emit(int(done), int(total))
        time.sleep(0)  # hand the GIL over now, so the window repaints without waiting for a forced switch


def run_with_progress(parent: QWidget | None, title: str, job: Job, *, label: str | None = None,
                      minimum_duration_ms: int = 400) -> Any:
    """Run ``job`` off the GUI thread behind a window-modal progress dialog and return its result.

    The window keeps repainting meanwhile (a local event loop runs). Raises the job's own exception
    (e.g. BundleError) when it fails, and Cancelled when the user pressed Cancel. The dialog appears
    only when the job takes longer than ``minimum_duration_ms``.
    """
    dialog = _ProgressDialog(label or title, "Cancel", 0, 1000, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(job)
    loop = QEventLoop()

    def show(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total > 0 else 0)

    worker.progress.connect(show)
    dialog.canceled.connect(worker.cancel)
    for signal in (worker.finished, worker.failed, worker.cancelled):
        signal.connect(loop.quit)
    dialog.setValue(0)
    worker.start()
    _behind_progress[0] += 1
    try:
        loop.exec()
    finally:
        _behind_progress[0] -= 1
    worker.wait()  # the job has returned; its thread is ending
    dialog.reset()
    dialog.hide()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    if worker.was_cancelled:
        raise Cancelled()
    return worker.result


def progress_running() -> bool:
    """Whether a job runs behind a progress dialog now: what runs this is its local event loop (a file dropped
    meanwhile waits for it to end rather than load inside it)."""
    return _behind_progress[0] > 0


class _ProgressDialog(QProgressDialog):
    """Files dropped on it go to the window behind, which it blocks while it is up: Qt refuses drops on a blocked
    window, and a file dropped there was lost without a word."""

    def __init__(self, *args):
        super().__init__(*args)
        parent = self.parentWidget()
        self.setAcceptDrops(parent is not None and parent.window().acceptDrops())

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        parent = self.parentWidget()
        if parent is not None:  # called, not sent: Qt hands an event sent to the window it blocks back to the dialog
            parent.window().dropEvent(event)
