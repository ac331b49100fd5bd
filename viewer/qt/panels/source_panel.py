"""The source panel: one article with every citation highlighted by feature kind, linked both ways to the map."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.kinds import kind_names
from viewer.model.marks import Cited, Mark, citations_by_document, marks_of, passage_features
from viewer.model.reports import reports_for, shorten
from viewer.model.selection import Passage
from viewer.model.sources import document_date, document_url
from viewer.model.workspace import Workspace
from viewer.qt.lifetime import follow
from viewer.qt.panels.article_view import ArticleView
from viewer.qt.panels.highlighting import (
    FOCUS_COLOUR,
    colour_of,
    extra_selections,
    mark_kind,
    paint_marks,
    span_cursor,
    title_of,
)
from viewer.qt.panels.widgets import plain_label, tooltip_html
from viewer.wording import counted

ORPHAN_COLOUR = "#A0001C"
ORPHAN_ROLE = Qt.ItemDataRole.UserRole + 1  # feature ids an orphaned-citation row stands for


class SourcePanel(QWidget):
    """Shows one document at a time, chosen by the user or by the shared selection.

    Follows the selection: opens the document of the passage in focus (or of the current feature's first
    passage), scrolls to it and draws it in yellow and bold; passages of other selected features are
    underlined. Clicking a highlight (or Enter on it) selects the features it supports, with that passage
    in focus; a passage only a launch's claims cite selects the launch site.
    """

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.document_id: str | None = None
        self.focus: Passage | None = None
        self.marks: list[Mark] = []
        self.cited: dict[str, list[Cited]] = {}  # every citation by document, rebuilt when bundles change

        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(16)
        self.chooser.setToolTip("The article shown; choosing a feature opens the article reporting it")
        self.title = plain_label(bold=True, size=self.font().pointSizeF() * 1.15)
        self.meta = plain_label(colour="#555")
        self.text = ArticleView()
        self.text.set_describe(self._describe)
        self.text.setPlaceholderText("No article open")
        self.legend = QLabel()  # rich text of our own kind titles only, never article text
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        small = self.legend.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.legend.setFont(small)
        self.orphan_title = plain_label(colour=ORPHAN_COLOUR, bold=True)
        self.orphans = QListWidget()
        self.orphans.setWordWrap(True)
        self.orphans.setToolTip("Citations whose quote is not in this text: kept, shown here, never dropped. "
                                "Enter or a click selects the feature.")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        for above in (self.chooser, self.title, self.meta):
            layout.addWidget(above)
        layout.addWidget(self.text, 1)
        for below in (self.legend, self.orphan_title, self.orphans):
            layout.addWidget(below)

        self.chooser.activated.connect(self._chosen)
        self.text.mark_activated.connect(self.activate)
        self.orphans.itemActivated.connect(self._orphan_chosen)
        self.orphans.itemClicked.connect(self._orphan_chosen)
        follow(workspace.bundles_changed, self, self.refresh)
        follow(workspace.selection.changed, self, self._follow_selection)
        self.refresh()

    # -- what is shown -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the chooser and the open document after bundles were added or removed."""
        documents = self.workspace.content.documents
        self.cited = citations_by_document(self.workspace.content)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for document in documents.values():
            self.chooser.addItem(self._choice_text(document), document.id)
            self.chooser.setItemData(self.chooser.count() - 1, tooltip_html(document.display_title),
                                    Qt.ItemDataRole.ToolTipRole)
        self.chooser.blockSignals(False)
        keep = self.document_id if self.document_id in documents else next(iter(documents), None)
        self.document_id = None
        self.show_document(keep)
        self._follow_selection()

    def show_document(self, document_id: str | None) -> None:
        if document_id == self.document_id and document_id is not None:
            return  # (none again is shown again: with no article at all, the panel said nothing and showed an
            # empty list of orphaned citations under the empty text)
        self.document_id = document_id
        document = self.workspace.document(document_id) if document_id else None
        index = self.chooser.findData(document_id) if document_id else -1
        self.chooser.setCurrentIndex(index)
        if document is None:
            self.title.setText("No article open" if not self.workspace.content.documents else "")
            self.meta.setText("")
            self.marks = []
            self.text.show_text("", [])
            self._show_orphans([])
            self.legend.setText("")
            return
        self.title.setText(document.display_title)
        self.meta.setText(self._meta_line(document))
        self.meta.setToolTip(tooltip_html(f"File: {document.path}") if document.path else "")
        cited = self.cited.get(document.id, [])
        self.marks = marks_of(cited) if document.text is not None else []
        self.text.show_text(document.text or "", self.marks)
        paint_marks(self.text.document(), self.text.offsets, self.marks, self.workspace.content)
        self.text.setPlaceholderText(
            "" if document.text is not None
            else f"The text of this article could not be read ({document.path or 'no text in the bundle'}); "
            "its citations are listed below as orphaned."
        )
        self._show_orphans([c for c in cited if c.citation.is_orphaned])
        self.legend.setText(self._legend_html())
        self._paint()

    def selected_span(self) -> Passage | None:
        """The text the user selected in the open article, as offsets into the document's text."""
        cursor = self.text.textCursor()
        if self.document_id is None or not cursor.hasSelection():
            return None
        start = self.text.offsets.from_qt(cursor.selectionStart())
        end = self.text.offsets.from_qt(cursor.selectionEnd())
        return Passage(self.document_id, start, end) if end > start else None

    def focused_text(self) -> str | None:
        """The text of the passage in focus as the panel shows it, or None when it is in another document."""
        if self.focus is None or self.focus.document != self.document_id:
            return None
        cursor = span_cursor(self.text.document(), self.text.offsets, self.focus.start, self.focus.end)
        return cursor.selectedText().replace("\u2029", "\n")

    # -- following and writing the selection ------------------------------------------------------
    def _follow_selection(self, *_) -> None:
        selection = self.workspace.selection
        focus, document_id = selection.passage, None
        if focus is not None:
            document_id = focus.document
        elif selection.current and self.workspace.feature(selection.current):
            reports = reports_for(self.workspace.content, selection.current)
            shown = next((r for r in reports if not r.orphaned), reports[0] if reports else None)
            if shown is not None:
                focus, document_id = shown.passage, shown.document
        if document_id is not None and self.workspace.document(document_id) is not None:
            self.show_document(document_id)
        self.focus = focus
        self._paint()
        if focus is not None and focus.document == self.document_id:
            self.text.scroll_to(focus.start, focus.end)

    def activate(self, mark: Mark) -> None:
        """Select what a highlighted passage supports, with the passage in focus."""
        inner = mark.innermost()
        features = list(passage_features(mark))
        if not features:  # only launches' claims cite it: select each launch by its site
            features = [e.site for e in map(self.workspace.event, mark.events) if e and e.site]
        self.workspace.selection.select(features, Passage(inner.document, inner.start, inner.end))

    def _paint(self) -> None:
        selected = set(self.workspace.selection.features)
        focus = self.focus if self.focus is not None and self.focus.document == self.document_id else None
        self.text.setExtraSelections(
            extra_selections(self.text.document(), self.text.offsets, self.marks, selected, focus))
        for row in range(self.orphans.count()):
            item = self.orphans.item(row)
            item.setSelected(bool(selected.intersection(item.data(ORPHAN_ROLE))))

    def _chosen(self, index: int) -> None:
        self.show_document(self.chooser.itemData(index))

    def _orphan_chosen(self, item: QListWidgetItem) -> None:
        self.workspace.selection.select(list(item.data(ORPHAN_ROLE)))

    # -- words ------------------------------------------------------------------------------------
    def _describe(self, mark: Mark) -> str:
        """What a highlight supports, for its tooltip: each feature and each launch claim, on its own line."""
        content = self.workspace.content
        lines = []
        for feature_id in mark.features:
            feature = content.features.get(feature_id)
            if feature is not None:
                event = self.workspace.event(feature.event)
                when = f" ({event.date_label})" if event else ""
                lines.append(f"• {title_of(feature.kind)}: {feature.label}{when}")
        for cited in mark.cited:
            if cited.claim is not None:
                lines.append(f"• {_claim_line(self._owner_label(cited), cited.claim)}")
        lines = list(dict.fromkeys(lines))
        head = f"Supports {counted(len(mark.features), 'feature')}" if mark.features else "Supports a launch's details"
        return "\n".join([head + " — click or Enter to select:", *lines])

    def _choice_text(self, document: Document) -> str:
        cited = self.cited.get(document.id, [])
        count = len({(c.citation.start, c.citation.end) for c in cited if not c.citation.is_orphaned})
        orphaned = len({(c.citation.exact, c.citation.start, c.citation.end) for c in cited if c.citation.is_orphaned})
        extra = f", {orphaned} orphaned" if orphaned else ""
        return f"{document.display_title} ({counted(count, 'passage')}{extra})"

    def _legend_html(self) -> str:
        present = {mark_kind(m, self.workspace.content) for m in self.marks}
        kinds = [kind for kind in (*reversed(kind_names()), None) if kind in present]
        chips = [
            f'<span style="background:{colour_of(kind)};">&nbsp;{html.escape(title_of(kind)).replace(" ", "&nbsp;")}'
            "&nbsp;</span>"
            for kind in kinds
        ]
        if not chips:
            return ""
        chips.append(f'<span style="background:{FOCUS_COLOUR};"><b>&nbsp;in&nbsp;focus&nbsp;</b></span>')
        return "&nbsp; ".join(chips)

    def _show_orphans(self, orphans: list[Cited]) -> None:
        self.orphans.clear()
        grouped: dict[tuple[str, int, int], list[Cited]] = {}
        for cited in orphans:
            grouped.setdefault((cited.citation.exact, cited.citation.start, cited.citation.end), []).append(cited)
        for (exact, _, _), group in grouped.items():
            features = tuple(dict.fromkeys(c.feature for c in group if c.feature))
            owners = [f"{'feature' if c.feature else 'launch'} {self._owner_label(c)}" for c in group]
            item = QListWidgetItem(f"Orphaned: “{shorten(exact, 90)}” ({'; '.join(dict.fromkeys(owners))})")
            item.setForeground(QBrush(QColor(ORPHAN_COLOUR)))
            item.setToolTip(tooltip_html(f"Quote not found in this text:\n“{exact}”"))
            item.setData(ORPHAN_ROLE, features)
            self.orphans.addItem(item)
        self.orphan_title.setText(
            f"{counted(len(grouped), 'orphaned citation')}: quote not found in this text" if grouped else "")
        self.orphan_title.setVisible(bool(grouped))
        self.orphans.setVisible(bool(grouped))
        rows = sum(self.orphans.sizeHintForRow(r) for r in range(min(self.orphans.count(), 4)))
        self.orphans.setFixedHeight(rows + 2 * self.orphans.frameWidth() + 2 if grouped else 0)

    def _meta_line(self, document: Document) -> str:
        """Publisher, date and URL as far as known: '15 Nov 2023', 'date unknown (reports the launch of …)'."""
        parts = [document.publisher, document_date(self.workspace.content, document), document_url(document)]
        return " · ".join(part for part in parts if part)

    def _owner_label(self, cited: Cited) -> str:
        if cited.feature:
            feature = self.workspace.feature(cited.feature)
            return feature.label if feature else cited.feature
        event = self.workspace.event(cited.event)
        return event.name if event else str(cited.event)


def _claim_line(subject: str, claim: Claim) -> str:
    by = f", says {claim.by}" if claim.by else ""
    return f"{subject} — {claim.property}: {claim.value}{by}"


