"""The property sheet (F2): every property of a feature in one form — label, kind, launch, certainty, derivation,
an annotation's text and look, and any other property the file carries — applied as one undoable edit."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.model import annotation as a
from viewer.model.bundle import Bundle
from viewer.model.edits import DRAFT_PROPERTY
from viewer.model.kinds import CERTAINTIES, kind_names, kind_title
from viewer.qt.shell import no_mnemonic

NO_EVENT = "(no launch: shown with any)"
NOT_STATED = "not stated"
OWN_FIELDS = ("label", "kind", "event", "certainty", "derivation", "text", "style", "color", "size", "anchor",
              DRAFT_PROPERTY)


class PropertySheet(QDialog):
    """Edits a copy of ``properties``; ``changes()`` is what differs (None removes a property)."""

    def __init__(self, properties: dict[str, Any], content: Bundle, title: str = "Feature properties",
                 parent: QWidget | None = None, new: bool = False, kind: str | None = None):
        """``kind``: what the feature is drawn as (`Feature.kind`) when its properties state none, as another
        tool's file does: shown, and written only if the user picks another (F2 on a KML placemark wrote
        'reference_place', the sheet's first choice, and the point became a reference place)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.original = dict(properties)
        self.form = QFormLayout()
        self.label_box = QLineEdit(str(properties.get("label") or ""))
        self._drawn_kind = None if properties.get("kind") else kind
        self.kind_box = _combo([(kind_title(k), k) for k in kind_names()],
                               properties.get("kind") or kind or "reference_place")
        self.event_box = _combo([(NO_EVENT, None)] + [(f"{e.date_label}  {e.name}", e.id)
                                                   for e in content.events_in_time_order()], properties.get("event"))
        # A feature of another tool's file states no certainty: saying 'reported' for it would be made up, and OK
        # would write it. A new feature is typed from a source: 'reported' unless the user says otherwise.
        unstated = not new and not properties.get("certainty")
        self.certainty_box = _combo([(NOT_STATED, None)] * unstated + [(c, c) for c in CERTAINTIES],
                                    properties.get("certainty") or (None if unstated else "reported"))
        # How the geometry was obtained runs to several sentences: a one-line field showed only its end.
        self.derivation_box = QPlainTextEdit(str(properties.get("derivation") or ""))
        self.derivation_box.setTabChangesFocus(True)
        self.derivation_box.setFixedHeight(self.derivation_box.fontMetrics().lineSpacing() * 4 + 12)
        self.text_box = QPlainTextEdit(str(properties.get("text") or ""))
        self.text_box.setTabChangesFocus(True)
        self.text_box.setFixedHeight(self.text_box.fontMetrics().lineSpacing() * 4 + 12)
        self.style_box = _combo([(s, s) for s in a.STYLES], properties.get("style") or "text")
        self.colour_box = QLineEdit(str(properties.get("color") or ""))
        self.colour_box.setPlaceholderText(a.DEFAULT_COLOUR)
        self.size_box = QDoubleSpinBox()
        self.size_box.setRange(4, a.MAX_SIZE)
        self.size_box.setValue(a.size_value(properties.get("size")))
        for name, widget in (("&Label", self.label_box), ("&Kind", self.kind_box), ("La&unch", self.event_box),
                             ("&Certainty", self.certainty_box), ("&Derivation", self.derivation_box),
                             ("Te&xt", self.text_box), ("Annotation &style", self.style_box),
                             ("C&olour", self.colour_box), ("Text si&ze (pt)", self.size_box)):  # Alt+letter
            self.form.addRow(name, widget)
        anchor = a.position_of(properties.get("anchor"))
        if anchor is not None:
            self.form.addRow("Points at", QLabel(f"{anchor[1]:.4f}, {anchor[0]:.4f} (lat, lon)"))
        self.others: dict[str, QLineEdit] = {}
        for key, value in properties.items():
            if key not in OWN_FIELDS and not isinstance(value, dict | list):
                self.others[key] = QLineEdit(value if isinstance(value, str) else json.dumps(value))
                self.form.addRow(no_mnemonic(key), self.others[key])
        self.new = new
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if new:
            layout.addWidget(QLabel("A feature typed from a source is 'reported'; link its passage with Ctrl+L."))
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def _kind_changed(self) -> None:
        if self.new:  # left empty, a new feature is named by its kind (its id, 'reference-place-20141a51', was shown)
            self.label_box.setPlaceholderText(kind_title(self.kind_box.currentData()))
        annotation = self.kind_box.currentData() == a.ANNOTATION
        for widget in (self.text_box, self.style_box, self.colour_box, self.size_box):
            widget.setEnabled(annotation)

    def values(self) -> dict[str, Any]:
        """The properties as the form has them."""
        values: dict[str, Any] = dict(self.original)
        kind = self.kind_box.currentData()
        values.update(label=self.label_box.text().strip() or (self.label_box.placeholderText() if self.new else None),
                      kind=None if kind == self._drawn_kind else kind, event=self.event_box.currentData(),
                      certainty=self.certainty_box.currentData(),
                      derivation=self.derivation_box.toPlainText().strip() or None)
        if self.kind_box.currentData() == a.ANNOTATION:
            size = round(self.size_box.value(), 1)
            values.update(text=self.text_box.toPlainText().strip() or None, style=self.style_box.currentData(),
                          color=self.colour_box.text().strip() or None,
                          size=None if size == a.DEFAULT_SIZE and "size" not in self.original else size)
        for key, edit in self.others.items():
            values[key] = _typed(edit.text(), self.original[key])
        return values

    def changes(self) -> dict[str, Any]:
        values = self.values()
        return {k: v for k, v in values.items() if v != self.original.get(k)}


def _combo(items: list[tuple[str, Any]], current: Any) -> QComboBox:
    combo = QComboBox()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    return combo


def _typed(text: str, original: Any) -> Any:
    """The text as the type the property had (a number stays a number); text stays text."""
    if isinstance(original, str):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text
