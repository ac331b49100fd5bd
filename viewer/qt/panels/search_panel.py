"""Search (Ctrl+F): text across the articles and feature labels; Enter steps to the next match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.model.search import Match, search
from viewer.model.selection import Passage
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.lifetime import follow
from viewer.wording import counted


class SearchPanel(QWidget):
    """Choosing a match writes the shared selection: the feature, or the passage and the features citing it.
    Given the map's view, features the map shows come first and the others say they are not shown (Enter picked
    a 2016 overflight, invisible, while the timeline showed the Nov 2023 launch)."""

    def __init__(self, workspace: Workspace, parent=None, map_view: MapView | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.map_view = map_view
        self.field = QLineEdit()
        self.field.setPlaceholderText("Search articles and features (Enter: next, Shift+Enter: previous)")
        self.field.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.matches: list[Match] = []
        self.field.textChanged.connect(self.run)
        self.field.installEventFilter(self)
        self.results.currentRowChanged.connect(self._choose)
        follow(workspace.bundles_changed, self, self.rerun)
        if map_view is not None:
            follow(map_view.filters_changed, self, self.rerun)

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def run(self, query: str) -> None:
        content = self.workspace.content
        found = search(content, query)
        hidden = {m.feature for m in found if m.feature and not self._shown(m.feature)}
        self.matches = sorted(found, key=lambda m: m.feature in hidden)  # stable: the search's order otherwise
        self.results.blockSignals(True)
        self.results.clear()
        for match in self.matches:
            if match.feature:
                text = f"Feature: {match.context}"
                if match.feature in hidden:
                    item = QListWidgetItem(f"{text} — not shown on the map (see the timeline and Events)")
                    item.setForeground(QColor("#777777"))
                    self.results.addItem(item)
                    continue
            else:
                document = self.workspace.document(match.document or "")
                title = document.display_title if document else match.document
                paragraph = document.paragraph_of(match.start) if document else 0
                text = f"{title}, ¶{paragraph}: {match.context}"
            self.results.addItem(QListWidgetItem(text))
        self.results.blockSignals(False)
        self.summary.setText(counted(len(self.matches), 'match') if query.strip() else "")

    def _shown(self, feature_id: str) -> bool:
        feature = self.workspace.feature(feature_id)
        return (self.map_view is None or feature is None
                or self.map_view.filters.shows(feature, self.workspace.content))

    def rerun(self) -> None:
        """Search again after bundles were added or removed."""
        self.run(self.field.text())

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        row = self.results.currentRow()
        row = 0 if row < 0 and direction > 0 else (row + direction) % len(self.matches)
        self.results.setCurrentRow(row)

    def eventFilter(self, watched, event) -> bool:
        """Enter or F3 in the field steps forward, with Shift backward."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.step(-1 if backward else 1)
                return True
        return super().eventFilter(watched, event)

    def _choose(self, row: int) -> None:
        if not 0 <= row < len(self.matches):
            return
        match = self.matches[row]
        selection = self.workspace.selection
        if match.feature or match.document is None:
            selection.select([match.feature] if match.feature else [])
            return
        citing = [f.id for f in self.workspace.content.features_citing(match.document, match.start, match.end)]
        selection.select(citing, Passage(match.document, match.start, match.end))
