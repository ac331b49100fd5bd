"""The details panel: what the selected feature is, how it was drawn, who reports it and where sources disagree."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from viewer.model.annotation import anchor_of, is_annotation, shown_text, size_of, style_of
from viewer.model.annotation import colour_of as annotation_colour
from viewer.model.feature import Feature
from viewer.model.folders import FOLDER, folder_path
from viewer.model.kinds import certainty_note, kind_title
from viewer.model.reports import Report, claim_groups, current_index, reported_by, reports_for, shorten
from viewer.model.sources import Source, named_sources, sources_in
from viewer.model.workspace import Workspace
from viewer.qt.lifetime import follow
from viewer.qt.panels.claims_table import DISAGREE_COLOUR, ClaimsTable, breakable, value_text
from viewer.qt.panels.highlighting import colour_of
from viewer.qt.panels.widgets import PassageLink, plain_label, section_title, tooltip_html
from viewer.wording import counted

KNOWN_PROPERTIES = {"event", "kind", "label", "certainty", "derivation", "citations", "claims", "sources", "draft"}
DRAFT_NOTE = ("Draft, not yet reviewed: Edit ▸ Accept draft (Ctrl+Return) keeps it, Reject draft (Ctrl+Delete) "
              "removes it")
ANNOTATION_PROPERTIES = {"style", "text", "anchor", "color", "size"}
QUOTE_CHARS = 160
EMPTY_TEXT = "Select a feature on the map, in the tree or in an article to see who reports it and in which words."


class DetailsPanel(QWidget):
    """Shows the current feature of the shared selection (the first selected; the others listed to switch to).

    "Reported by" lists every passage citing the feature across all documents; choosing one, or Previous /
    Next, puts it in focus through ``selection.focus_passage`` (the source panel then shows it). Claims of
    the feature and of its launch that give different values are shown side by side under "Sources disagree".
    """

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.feature_ids: tuple[str, ...] = ()
        self.reports: list[Report] = []
        self.report_links: list[PassageLink] = []
        self.claims: ClaimsTable | None = None
        self.sources: dict[str, Source] = {}
        self.show_agreeing = False
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller)
        follow(workspace.selection.changed, self, self._follow_selection)
        follow(workspace.bundles_changed, self, self.rebuild)
        self.rebuild()

    # -- following the selection --------------------------------------------------------------------
    def _follow_selection(self, *_) -> None:
        if self.workspace.selection.features != self.feature_ids:
            self.rebuild()
        else:  # only the passage in focus moved: mark it and bring it into view
            self._mark_current(scroll=True)

    def rebuild(self) -> None:
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)  # a keyboard user switched features here
        self.feature_ids = self.workspace.selection.features
        self.sources = sources_in(self.workspace.bundles)
        self.reports, self.report_links, self.claims = [], [], None
        self.body = _Body()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.body_layout.setContentsMargins(8, 8, 8, 8)
        self.body_layout.setSpacing(3)
        feature = self.workspace.feature(self.workspace.selection.current or "")
        if feature is None:
            self.body_layout.addWidget(plain_label(EMPTY_TEXT, colour="#555"))
        else:
            self._add_others(feature)
            self._add_identity(feature)
            self._add_disagreement_banner(feature)
            self._add_event(feature)
            self._add_derivation(feature)
            self._add_annotation(feature)
            self._add_properties(feature)
            self._add_reports(feature)
            self._add_claims(feature)
        self.body_layout.addStretch(1)
        old = self.scroller.takeWidget()
        self.scroller.setWidget(self.body)
        if old is not None:
            old.deleteLater()
        self._mark_current()
        if had_focus:  # the widget that had it is gone: continue at the first passage, or the panel
            (self.report_links[0] if self.report_links else self.scroller).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- sections -----------------------------------------------------------------------------------
    def _add_others(self, feature: Feature) -> None:
        others = [f for i in self.feature_ids[1:] if (f := self.workspace.feature(i))]
        if not others:
            return
        self.body_layout.addWidget(plain_label(f"{len(self.feature_ids)} features selected; showing the first. "
                                               "Others:", colour="#555"))
        for other in others:
            link = PassageLink(f"{kind_title(other.kind)}: {other.label}")
            link.activated.connect(lambda fid=other.id: self._make_current(fid))
            self.body_layout.addWidget(link)

    def _add_identity(self, feature: Feature) -> None:
        title = feature.label
        if is_annotation(feature) and not feature.properties.get("label"):  # its words, not its id
            title = shown_text(feature, self.workspace.content) or title
        self.title = plain_label(title, bold=True, size=self.font().pointSizeF() * 1.25)
        self.body_layout.addWidget(self.title)
        kind = plain_label(f"{kind_title(feature.kind)} · {certainty_note(feature.properties)}", wrap=False)
        kind.setStyleSheet(f"background: {colour_of(feature.kind)}; padding: 1px 4px; border-radius: 2px;")
        self.body_layout.addWidget(kind, 0, Qt.AlignmentFlag.AlignLeft)
        if feature.properties.get("draft"):  # it read 'Other properties: draft: true'
            note = plain_label(DRAFT_NOTE, colour="#6B4E00")
            note.setStyleSheet("color: #6B4E00; background: #FFF4C2; padding: 3px; border-radius: 3px;")
            self.body_layout.addWidget(note)

    def _add_disagreement_banner(self, feature: Feature) -> None:
        differing = [g for g in claim_groups(self.workspace.content, feature.id) if g.disagree]
        self.banner = None
        if not differing:
            return
        names = ", ".join(f"{g.property} ({'launch' if g.subject == 'event' else 'feature'})" for g in differing)
        self.banner = plain_label(f"⚠ Sources disagree on {names}; each claim is shown below.", bold=True,
                                  colour=DISAGREE_COLOUR)
        self.banner.setStyleSheet(f"color: {DISAGREE_COLOUR}; background: #FDECEE; padding: 4px; "
                                  "border-radius: 3px; margin-top: 4px;")
        self.body_layout.addWidget(self.banner)

    def _add_event(self, feature: Feature) -> None:
        event = self.workspace.event(feature.event)
        if event is None:
            return
        self.body_layout.addWidget(section_title("Launch"))
        utc, local = event.time_labels
        form = self._form()
        form.addRow(_key("Name"), plain_label(event.name or event.id))
        form.addRow(_key("Time"), plain_label(utc + (f"\n{local}" if local else "")))
        form.addRow(_key("Vehicle"), plain_label(event.vehicle or "not given"))
        form.addRow(_key("Outcome"), plain_label(event.outcome or "not given"))

    def _add_derivation(self, feature: Feature) -> None:
        if feature.derivation:
            self.body_layout.addWidget(section_title("How it was drawn"))
            self.body_layout.addWidget(plain_label(feature.derivation))
        named = named_sources(feature.properties.get("sources"), self.sources)
        if named:  # the reference pages the derivation names, cited in full (publisher, title, date, URL)
            self.body_layout.addWidget(section_title(f"Sources ({len(named)})"))
            for source in named:
                self.body_layout.addWidget(plain_label(breakable(f"• {source.full}"), colour="#333"))

    def _add_annotation(self, feature: Feature) -> None:
        """An annotation's words, style, the place it points at, colour and size, as the property sheet shows them."""
        if not is_annotation(feature):
            return
        self.body_layout.addWidget(section_title("Annotation"))
        form = self._form()
        words = shown_text(feature, self.workspace.content)
        if words:
            form.addRow(_key("Words"), plain_label(breakable(words)))
        form.addRow(_key("Style"), plain_label(style_of(feature)))
        anchor = anchor_of(feature)
        if anchor is not None:
            form.addRow(_key("Points at"), plain_label(f"{anchor[1]:.4f}, {anchor[0]:.4f} (lat, lon)"))
        form.addRow(_key("Colour"), plain_label(annotation_colour(feature)))
        form.addRow(_key("Size"), plain_label(f"{size_of(feature):g} pt"))

    def _add_properties(self, feature: Feature) -> None:
        known = KNOWN_PROPERTIES | (ANNOTATION_PROPERTIES if is_annotation(feature) else set())
        unknown = {k: v for k, v in feature.properties.items() if k not in known}
        if not unknown:
            return
        self.body_layout.addWidget(section_title("Other properties"))
        form = self._form()
        for key, value in unknown.items():
            # a folder path as its folders' names ("Routes / 2023" one name), not as written ("Routes // 2023")
            text = " > ".join(folder_path(value)) if key == FOLDER and isinstance(value, str) else value_text(value)
            form.addRow(_key(key), plain_label(breakable(text)))

    def _add_reports(self, feature: Feature) -> None:
        self.reports = reports_for(self.workspace.content, feature.id)
        self.body_layout.addWidget(section_title(f"Reported by ({counted(len(self.reports), 'passage')})"))
        if not self.reports:
            self.body_layout.addWidget(plain_label("No article cites this feature.", colour="#888"))
            return
        self.summary = plain_label(f"reported by: {reported_by(self.reports)}", colour="#333")
        self.body_layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.previous_button = QPushButton("◀ Previous")
        self.next_button = QPushButton("Next ▶")
        self.previous_button.setToolTip("The previous passage reporting this feature")
        self.next_button.setToolTip("The next passage reporting this feature")
        self.position = plain_label(wrap=False)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        row.addWidget(self.previous_button)
        row.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_button)
        self.body_layout.addLayout(row)
        for item in self.reports:
            quote = shorten(item.citation.exact, QUOTE_CHARS)
            text = (f"⚠ Orphaned: {item.title} — “{quote}” (quote not found in the article)" if item.orphaned
                    else f"{item.place} — “{quote}”")
            if item.citation.new:  # added to a launch already open by an import of articles in this session
                text = f"New: {text}"
            link = PassageLink(text, enabled=not item.orphaned)
            link.set_marked("orphaned", item.orphaned)
            link.setToolTip(tooltip_html(f"{item.place}\n“{item.citation.exact}”"))
            if item.passage is not None:
                link.activated.connect(lambda passage=item.passage: self.workspace.selection.focus_passage(passage))
            self.report_links.append(link)
            self.body_layout.addWidget(link)

    def _add_claims(self, feature: Feature) -> None:
        groups = claim_groups(self.workspace.content, feature.id)
        if not groups:
            return
        differing = [g for g in groups if g.disagree]
        agreeing = len(groups) - len(differing)
        self.body_layout.addWidget(section_title("What sources claim" if agreeing else "Sources disagree"))
        if agreeing:
            toggle = QCheckBox(f"Also show the {counted(agreeing, 'point')} sources agree on")
            toggle.setChecked(self.show_agreeing)
            toggle.toggled.connect(self._toggle_agreeing)
            self.body_layout.addWidget(toggle)
        shown = groups if self.show_agreeing else differing
        if shown:
            self.claims = ClaimsTable(self.workspace.content, shown, self.workspace.selection.focus_passage,
                                      self.sources)
            self.body_layout.addWidget(self.claims)

    # -- stepping through "reported by" -------------------------------------------------------------
    def step(self, direction: int) -> None:
        """Put the previous or next anchored passage in focus (orphaned ones have nothing to show)."""
        anchored = [i for i, item in enumerate(self.reports) if not item.orphaned]
        if not anchored:
            return
        here = current_index(self.reports, self.workspace.selection.passage)
        ahead = [i for i in anchored if (i > here if direction > 0 else i < here)]
        if here < 0:
            ahead = anchored if direction > 0 else anchored[::-1]
        if ahead:
            target = ahead[0] if direction > 0 else ahead[-1]
            self.workspace.selection.focus_passage(self.reports[target].passage)

    def _mark_current(self, scroll: bool = False) -> None:
        if not self.reports:
            return
        here = current_index(self.reports, self.workspace.selection.passage)
        for i, link in enumerate(self.report_links):
            link.set_marked("current", i == here)
        anchored = [i for i, item in enumerate(self.reports) if not item.orphaned]
        number = anchored.index(here) + 1 if here in anchored else 0
        self.position.setText(f"passage {number} of {len(anchored)}" if number else counted(len(anchored), "passage"))
        self.previous_button.setEnabled(bool(anchored) and (here < 0 or here > anchored[0]))
        self.next_button.setEnabled(bool(anchored) and (here < 0 or here < anchored[-1]))
        if scroll and 0 <= here < len(self.report_links):
            self.scroller.ensureWidgetVisible(self.report_links[here], 0, 40)

    def _make_current(self, feature_id: str) -> None:
        rest = [i for i in self.feature_ids if i != feature_id]
        self.workspace.selection.select([feature_id, *rest])

    def _toggle_agreeing(self, on: bool) -> None:
        self.show_agreeing = on
        scrolled = self.scroller.verticalScrollBar().value()
        self.rebuild()
        self.scroller.verticalScrollBar().setValue(scrolled)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body_layout.addLayout(form)
        return form


class _Body(QWidget):
    """The scrolled contents. Its minimum height is left to height-for-width: wrapped labels' own minimum
    heights assume the narrowest width, and the scroll area would otherwise leave gaps under them."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


def _key(text: str):
    return plain_label(f"{text}:", colour="#555", wrap=False)
