"""Presentation mode: full screen, one bookmark (or launch) per step, with a caption of key facts and sourced quotes.

Keys are what presenter clickers send: Right, Down, Page Down, Space, Enter go on; Left, Up, Page Up,
Backspace go back; Home and End jump; B or . blanks the screen; Esc leaves. The caption's buttons do the same
with the mouse.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from viewer.export.deck import caption, event_view, launch_projection, source_title
from viewer.model.bookmark import Bookmark
from viewer.model.selection import Selection
from viewer.model.view import ProjectionSpec
from viewer.model.workspace import Workspace
from viewer.qt.map.canvas import MapCanvas

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
             Qt.Key.Key_Enter, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
CAPTION_SHARE = 0.34  # of the screen's width
PANEL_STYLE = "background: #FFFFFF; color: #1F2933;"


class PresentationWindow(QWidget):
    """Steps through views on its own map and workspace copy, so the main window's view stays as it was.

    Signals:
        step_changed(int): the step now shown (0-based).
        finished(): the presentation was left (Esc or closed).
    """

    step_changed = Signal(int)
    finished = Signal()

    def __init__(self, workspace: Workspace, bookmarks: list[Bookmark], start: int = 0, basemap=None,
                 places=None, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        from viewer.geo.basemap import load_basemap
        from viewer.geo.gazetteer import load_places

        self.setWindowTitle("launchmap presentation")
        self.workspace = workspace  # shown through a view of its own: the main window's view stays as it was
        content = workspace.content
        self.steps = list(bookmarks) or [_launch_step(content, e) for e in content.events_in_time_order()]
        self.selection = Selection()  # each step's own, highlighted here only: the window's selection stays
        self.canvas = MapCanvas(workspace, basemap or load_basemap(), load_places() if places is None else places,
                                self, selection=self.selection)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys drive the steps, not the map
        self.canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.RichText)  # built from escaped text only
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.back_button = _step_button("◀ Back", "Previous step (←, Page Up)", self.previous)
        self.next_button = _step_button("Next ▶", "Next step (→, Page Down, Space)", self.next)
        self.leave_button = _step_button("Leave", "Leave the presentation (Esc)", self.close)
        steps = QHBoxLayout()
        steps.addWidget(self.back_button)
        steps.addWidget(self.next_button)
        steps.addWidget(self.leave_button)
        steps.addStretch(1)
        steps.addWidget(self.counter)
        panel = QFrame()
        panel.setStyleSheet(PANEL_STYLE)
        column = self.column = QVBoxLayout(panel)
        column.setContentsMargins(28, 24, 28, 16)
        column.addWidget(self.caption, 1)
        column.addLayout(steps)
        self.panel = panel
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(panel)
        self.blank = QWidget(self)
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.index = -1
        self.go(min(max(start, 0), len(self.steps) - 1) if self.steps else 0)

    # -- steps -------------------------------------------------------------------------------------
    def go(self, index: int) -> None:
        if not self.steps:
            self.caption.setText("<h2>Nothing to present</h2><p>Add bookmarks, or open a bundle with launches.</p>")
            self.back_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        index = max(0, min(index, len(self.steps) - 1))
        changed = index != self.index
        self.index = index
        step = self.steps[index]
        self.canvas.show_state(step.view)
        self.selection.select([f for f in step.selection if f in self.workspace.content.features])
        self._write_caption()
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.steps) - 1)
        if changed:
            self.step_changed.emit(index)

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    @property
    def blanked(self) -> bool:
        return self.blank.isVisible()

    def toggle_blank(self) -> None:
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(not self.blank.isVisible())
        self.blank.raise_()

    # -- events ------------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif self.blanked and key not in (Qt.Key.Key_F11,):
            self.toggle_blank()  # any key brings the picture back, as in slide software
        elif key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.steps) - 1)
        elif key in BLANK_KEYS:
            self.toggle_blank()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.panel.setFixedWidth(max(320, round(self.width() * CAPTION_SHARE)))
        self.blank.setGeometry(self.rect())
        if self.steps and self.index >= 0:
            self._write_caption()
            self.canvas.show_state(self.steps[self.index].view)  # refit the area to the new size

    def closeEvent(self, event) -> None:
        self.finished.emit()
        super().closeEvent(event)

    # -- the caption -------------------------------------------------------------------------------
    def _write_caption(self) -> None:
        """The caption at the largest type that fits the panel's height (it never scrolls in front of a room)."""
        slide = caption(self.workspace.content, self.steps[self.index])
        available = self.height() - 40 - max(50, self.next_button.sizeHint().height() + 24)  # margins, step row
        base = max(14, round(self.height() / 48))
        while True:
            self._caption_html(slide, base)
            width = self._caption_width()
            if base <= 11 or self.caption.heightForWidth(width) <= available:
                break
            base -= 1

    def _caption_width(self) -> int:
        """The caption's width once laid out: the panel's, as `resizeEvent` fixed it, less its margins (the label's
        own width lags behind until the layout runs: measured at it, the caption overflowed the panel's bottom)."""
        margins = self.column.contentsMargins()
        fixed = self.panel.maximumWidth() if self.panel.minimumWidth() == self.panel.maximumWidth() else None
        panel = fixed if fixed is not None else max(320, round(self.width() * CAPTION_SHARE))
        return max(50, panel - margins.left() - margins.right())

    def _caption_html(self, slide, base: int) -> None:
        content = self.workspace.content
        small, muted = round(base * 0.75), "#52606D"
        parts = [f"<div style='font-size:{round(base * 1.6)}px; font-weight:bold; color:#0B4F8A'>"
                 f"{escape(slide.title)}</div>"]
        if slide.subtitle:
            parts.append(f"<div style='font-size:{base}px; color:{muted}'>{escape(slide.subtitle)}</div>")
        facts = "".join(f"<div style='margin-top:4px'><b>{escape(label)}{': ' if label else ''}</b>"
                        f"{escape(value)}</div>" for label, value in slide.facts)
        parts.append(f"<div style='font-size:{base}px; margin-top:14px'>{facts}</div>")
        if slide.quotes:
            parts.append(f"<div style='font-size:{base}px; margin-top:18px; font-weight:bold; color:#0B4F8A'>"
                         "What the sources say</div>")
        for quote in slide.quotes:
            where = f", ¶{quote.paragraph}" if quote.paragraph else ""
            who = f" · {escape(quote.by)}" if quote.by else ""
            parts.append(f"<div style='font-size:{base}px; margin-top:10px'><i>“{escape(quote.text)}”</i></div>"
                         f"<div style='font-size:{small}px; color:{muted}'>— "
                         f"{escape(source_title(content, quote.document))}{where}{who}</div>")
        if slide.confidence:
            parts.append(f"<div style='font-size:{small}px; color:{muted}; margin-top:16px'><i>"
                         f"{escape(slide.confidence)}</i></div>")
        self.caption.setText("".join(parts))
        # the keys are in the buttons' tooltips: '· ← → step · Esc leaves' beside them was cut at 1366 px
        self.counter.setText(f"<span style='font-size:{small}px; color:{muted}'>{self.index + 1} / "
                             f"{len(self.steps)}</span>")


def _step_button(text: str, tip: str, step) -> QPushButton:
    """A caption button that takes no focus: the keys keep driving the window."""
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton:disabled { color: #9AA5B1; }")  # the panel's text colour hid that it is off
    button.clicked.connect(step)
    return button


def present(workspace: Workspace, bookmarks: list[Bookmark], start: int = 0, *, parent: QWidget, basemap=None,
            places=None) -> PresentationWindow:
    """Present full screen on the screen ``parent`` is on; returns the presentation window."""
    presentation = PresentationWindow(workspace, bookmarks, start, basemap=basemap, places=places, parent=parent)
    presentation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # its own map goes when it is left
    screen = parent.screen()
    if screen is not None:
        presentation.setGeometry(screen.geometry())
    presentation.showFullScreen()
    presentation.activateWindow()
    presentation.setFocus()
    return presentation


def _launch_step(content, event) -> Bookmark:
    """A launch's own step, drawn as its deck slide is: framed whole, in the projection that suits it."""
    step = event_view(content, event)
    spec = ProjectionSpec.of(launch_projection(content, event))
    return replace(step, view=replace(step.view, projection=spec))
