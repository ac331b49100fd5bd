"""Add from coordinates: positions pasted as users have them (decimal, degrees-minutes(-seconds), packed, MGRS),
one per line, parsed and shown back before anything is added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shapely.geometry.base import BaseGeometry

from viewer.model.bundle import Bundle
from viewer.model.kinds import CERTAINTIES, kind_names, kind_title
from viewer.model.new_feature import SHAPE_KIND, geometry_of, position_label

HINT = ("One position per line (a polygon: one corner per line), e.g. 33.27, 124.18 · 33-16N 124-11E · "
        "33°16\u2032N 124°11\u2032E · 3316N12411E · 33°16\u203230\u2033N 124°11\u203215\u2033E")


def parse_lines(text: str) -> list[tuple[float, float]]:
    """(lon, lat) of each position in ``text``; raises ValueError naming the text and what was expected."""
    from viewer.geo.coordinates import parse_positions  # the one coordinate-text parser

    return parse_positions(text)


class CoordinatesDialog(QDialog):
    """Shape, positions, and the new feature's kind, label, launch and certainty; ``geometry`` is set when
    the positions make the shape, and the OK button stays off until they do."""

    def __init__(self, content: Bundle, parent: QWidget | None = None, event: str | None = None):
        super().__init__(parent)
        self.setWindowTitle("Add from coordinates")
        self.geometry_: BaseGeometry | None = None
        self.shape_box = QComboBox()
        for text, shape in (("Point", "point"), ("Line", "line"), ("Area (polygon)", "area")):
            self.shape_box.addItem(text, shape)
        self.positions_box = QPlainTextEdit()
        self.positions_box.setPlaceholderText(HINT)
        self.positions_box.setTabChangesFocus(True)
        self.preview_box = QLabel()
        self.preview_box.setWordWrap(True)
        self.preview_box.setTextFormat(Qt.TextFormat.PlainText)  # pasted text is shown, never interpreted
        self.kind_box = QComboBox()
        for name in kind_names():
            self.kind_box.addItem(kind_title(name), name)
        self.label_box = QLineEdit()
        self.event_box = QComboBox()
        self.event_box.addItem("(no launch)", None)
        for e in content.events_in_time_order():
            self.event_box.addItem(f"{e.date_label}  {e.name}", e.id)
        self.event_box.setCurrentIndex(max(0, self.event_box.findData(event)))
        self.certainty_box = QComboBox()
        for certainty in CERTAINTIES:
            self.certainty_box.addItem(certainty, certainty)  # 'reported' first: typed from a source
        form = QFormLayout()
        for name, widget in (("&Shape", self.shape_box), ("&Positions", self.positions_box),
                             ("Parsed", self.preview_box), ("&Kind", self.kind_box), ("&Label", self.label_box),
                             ("La&unch", self.event_box), ("&Certainty", self.certainty_box)):  # Alt+letter
            form.addRow(name, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.shape_box.currentIndexChanged.connect(self._shape_changed)
        self.positions_box.textChanged.connect(self.update_preview)
        self._shape_changed()

    def _shape_changed(self) -> None:
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(SHAPE_KIND[self.shape_box.currentData()])))
        self.update_preview()

    def update_preview(self) -> None:
        """Parse what is typed and show each position back, or the one line saying what is wrong."""
        text = self.positions_box.toPlainText()
        self.geometry_ = None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not text.strip():
            self.preview_box.setText("Nothing typed yet")
            ok.setEnabled(False)
            return
        try:
            positions = parse_lines(text)
            self.geometry_ = geometry_of(self.shape_box.currentData(), positions)
        except ValueError as error:
            self.preview_box.setText(f"Not added: {error}")
            ok.setEnabled(False)
            return
        self.preview_box.setText("\n".join(f"{i}. {position_label(lon, lat)}"
                                       for i, (lon, lat) in enumerate(positions, 1)))
        ok.setEnabled(True)

    def properties(self) -> dict:
        return {"kind": self.kind_box.currentData(), "label": self.label_box.text().strip(),
                "event": self.event_box.currentData(), "certainty": self.certainty_box.currentData()}
