"""The timeline: events on a time axis; a window on it filters the map and the tree; previous, next, play."""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from viewer.model.event import LaunchEvent
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.lifetime import follow
from viewer.qt.panels.widgets import tooltip_html
from viewer.symbology import event_colours

PLAY_STEP_MS = 1500
DATE_ROWS = (1.35, 1.0, 0.65)  # heights of the rows the dates go on, first tried first
DATE_GAP = 6  # pixels kept between two dates side by side
NO_LAUNCHES = "No dated launches: the timeline lists launches with a date"
DAY = 86400.0


class Timeline(QWidget):
    """Dragging the shaded window sets the view's time window; the buttons step through events.

    Signals:
        frame_requested(list): feature ids of the launch stepped to, to frame on the map.
    """

    frame_requested = Signal(list)

    def __init__(self, workspace: Workspace, map_view: MapView, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.map_view = map_view
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)}, background="w")
        self.plot.setMouseEnabled(x=True, y=False)
        self.plot.hideAxis("left")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()  # pyqtgraph's "A" (auto-range) button means nothing on a timeline
        self.plot.setYRange(-0.12, 1.45, padding=0)
        self.plot.setMinimumHeight(90)
        self.region = pg.LinearRegionItem(brush=pg.mkBrush(0, 114, 178, 40), pen=pg.mkPen("#0072B2", width=2))
        self.region.setZValue(-10)
        self.plot.addItem(self.region)
        self.region.sigRegionChangeFinished.connect(self._window_moved)
        self.previous_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.play_button = QPushButton("Play")
        self.play_button.setCheckable(True)
        self.all_button = QPushButton("All")
        self._tips = {self.previous_button: "Show only the previous launch (Alt+Left)",
                      self.next_button: "Show only the next launch (Alt+Right)",
                      self.play_button: "Reveal the launches one after another",
                      self.all_button: "Show every launch"}
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.all_button.clicked.connect(self.show_all)
        self.play_button.toggled.connect(self._play)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._play_step)
        self._current = -1
        self._shown: list[tuple[str, datetime | None]] = []  # the launches drawn, to tell an edit from new data
        self.date_labels: list[pg.TextItem] = []  # one per launch, in time order; those without room hidden
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.play_button, self.all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.plot, 1)
        layout.addLayout(buttons)
        follow(workspace.bundles_changed, self, self.rebuild)
        follow(map_view.filters_changed, self, self._follow_window)  # a session or bookmark sets the window too
        self.plot.getViewBox().sigTransformChanged.connect(self._arrange_dates)  # zoomed, panned or resized
        self.rebuild()

    @property
    def events(self) -> list[LaunchEvent]:
        """The dated launches in time order; one known by its day only stands at that day (`LaunchEvent.moment`)."""
        dated = [e for e in self.workspace.content.events_in_time_order() if e.moment is not None]
        return sorted(dated, key=_seconds)  # stable: launches at one moment keep the bundle's order

    def rebuild(self) -> None:
        """Draw the launches again; an edit that leaves the launches as they were keeps the time window the user
        set (a label edited while one launch was shown brought every launch back)."""
        for item in list(self.plot.items()):
            if item is not self.region:
                self.plot.removeItem(item)
        events = self.events
        self.date_labels = []
        same_launches = [(e.id, e.moment) for e in events] == self._shown
        self._shown = [(e.id, e.moment) for e in events]
        colours = event_colours([e.id for e in self.workspace.content.events_in_time_order()])
        for row, event in enumerate(events):
            t = _seconds(event)
            colour = colours[event.id]  # a launch known by its day only: an outlined marker (its time unknown)
            timed = event.when is not None
            marker = pg.ScatterPlotItem([t], [0.12], size=12, symbol="t1", brush=pg.mkBrush(colour if timed else "w"),
                                        pen=pg.mkPen("w" if timed else colour, width=1 if timed else 2))
            marker.setToolTip(tooltip_html(f"{event.name[:2000]}\n{_utc(event)}\nClick to show only this launch"))
            marker.sigClicked.connect(lambda *_, index=row: self.show_event(index))
            self.plot.addItem(marker)
            # Dates only, on staggered rows (`_arrange_dates`); names are in tooltips.
            label = pg.TextItem(event.date_label, color="#222", anchor=(0.5, 0))
            label.setToolTip(tooltip_html(f"{event.name[:2000]}\n{_utc(event)}"))
            label.setPos(t, DATE_ROWS[0])
            self.plot.addItem(label)
            self.date_labels.append(label)
        for button, tip in self._tips.items():  # nothing to step through or show: disabled, saying why
            button.setEnabled(bool(events))
            button.setToolTip(tip if events else NO_LAUNCHES)
        self._arrange_dates()
        self.region.setVisible(bool(events))
        self.plot.getPlotItem().showAxis("bottom", bool(events))  # no dates to show: not this month's days either
        if not events:  # other tools' files: no launch has a date to put on the axis (it showed last month's days)
            low, high = self._span()
            empty = pg.TextItem(NO_LAUNCHES, color="#555", anchor=(0.5, 0.5))
            empty.setPos((low + high) / 2, 0.65)
            self.plot.addItem(empty)
        window = self.map_view.time_window
        if same_launches and window is not None:
            self._set_window(window[0].timestamp(), window[1].timestamp(), notify=False)
        else:
            self.show_all()

    def _arrange_dates(self, *_) -> None:
        """Each date on the first row where it meets no other, as timeline tools stagger them; left out where no
        row has room (launches days apart on a year's axis drew their dates over each other), or when the date
        beside it is the same day's. Done again as the axis is zoomed or resized."""
        view_box = self.plot.getViewBox()
        taken: list[QRectF] = []  # the dates placed so far, in scene pixels (a short dock's rows overlap, too)
        last: tuple[str, QRectF] | None = None
        for label in self.date_labels:
            t, text = label.pos().x(), label.toPlainText()
            # in pixels (a text item is not scaled with the axis), less the blank margin around the text: with it
            # the rows of a short dock met, and the sample's third 2023 date found no row at 1366x768
            pad = label.textItem.document().documentMargin()
            size = label.boundingRect().adjusted(pad, pad, -pad, -pad)
            label.setVisible(False)
            left = view_box.mapViewToScene(QPointF(t, 0)).x() - size.width()
            taken = [other for other in taken if other.right() > left]  # in time order: those behind are done with
            for height in DATE_ROWS:
                at = view_box.mapViewToScene(QPointF(t, height))  # the text hangs centred below its position
                box = QRectF(at.x() - size.width() / 2 - DATE_GAP / 2, at.y() + pad, size.width() + DATE_GAP,
                             size.height())
                if not any(box.intersects(other) for other in taken):
                    label.setPos(t, height)
                    break
            else:
                continue
            if last is not None and last[0] == text and box.left() < last[1].right() + box.width():
                continue  # the same day as the date before, just beside it: once is enough
            taken.append(box)
            last = (text, box)
            label.setVisible(True)

    def _span(self) -> tuple[float, float]:
        times = [_seconds(e) for e in self.events]
        if not times:
            now = datetime.now(UTC).timestamp()
            return now - 30 * DAY, now
        pad = max(30 * DAY, (max(times) - min(times)) * 0.08)
        return min(times) - pad, max(times) + pad

    def show_all(self) -> None:
        self._current = -1
        low, high = self._span()
        self.plot.setXRange(low, high, padding=0)
        self._set_window(low, high, notify=False)
        self.map_view.set_time_window(None)

    def step(self, direction: int) -> None:
        """Narrow the window to one launch, the previous or next one, and select its launch site."""
        events = self.events
        if not events:
            return
        self.show_event(max(0, min(len(events) - 1, self._current + direction if self._current >= 0 else
                                   (0 if direction > 0 else len(events) - 1))))

    def show_event(self, index: int) -> None:
        """Narrow the window to the ``index``-th dated launch (a click on its marker) and select its launch site."""
        events = self.events
        if not 0 <= index < len(events):
            return
        self._current = index
        event = events[index]
        t = _seconds(event)
        self._set_window(t - DAY, t + DAY)
        if event.site:
            self.workspace.selection.select([event.site])
        self.frame_requested.emit([f.id for f in self.workspace.content.features_of(event.id)])

    def _play(self, on: bool) -> None:
        if on:
            self._current = -1
            self._timer.start(PLAY_STEP_MS)
            self._play_step()
        else:
            self._timer.stop()

    def _play_step(self) -> None:
        """Reveal launches cumulatively: the window grows from the first launch to the next one."""
        events = self.events
        if not events or self._current >= len(events) - 1:
            self.play_button.setChecked(False)
            return
        self._current += 1
        start = _seconds(events[0]) - DAY
        self._set_window(start, _seconds(events[self._current]) + DAY)

    def _set_window(self, low: float, high: float, notify: bool = True) -> None:
        self.region.blockSignals(True)
        self.region.setRegion((low, high))
        self.region.blockSignals(False)
        if notify:
            self._window_moved()

    def _follow_window(self, *_) -> None:
        """Show the time window the view has, when something else set it (a session opened, a bookmark shown):
        the shaded window spanned every launch while the map showed one."""
        window = self.map_view.time_window
        low, high = (self._span() if window is None else (window[0].timestamp(), window[1].timestamp()))
        shown = self.region.getRegion()
        if abs(shown[0] - low) > 1 or abs(shown[1] - high) > 1:
            self._set_window(low, high, notify=False)
            inside = [i for i, e in enumerate(self.events) if low <= _seconds(e) <= high]
            self._current = inside[0] if window is not None and len(inside) == 1 else -1  # Next goes on from it

    def _window_moved(self, *_) -> None:
        low, high = self.region.getRegion()
        self.map_view.set_time_window((_datetime(low), _datetime(high)))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Left:
            self.step(-1)
        elif event.key() == Qt.Key.Key_Right:
            self.step(1)
        else:
            super().keyPressEvent(event)


def _datetime(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def _utc(event: LaunchEvent) -> str:
    if event.when is None:
        return f"{event.date_label}, time not known (placed on its day)"
    utc, local = event.time_labels
    return f"{utc} · {local}" if local else utc


def _seconds(event: LaunchEvent) -> float:
    """A dated launch's moment as a POSIX timestamp (the timeline lists dated launches only)."""
    moment = event.moment
    assert moment is not None
    return moment.timestamp()
