"""Reviewing drafts in the app: accept, reject, edit, link a passage, move a point or vertex — all undoable."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog

from viewer.io.bundle.writer import write_bundle
from viewer.io.files import reason
from viewer.io.formats.geojson.writer import relocated
from viewer.model.bundle import Bundle
from viewer.model.edits import (
    DRAFT_NAME_SUFFIX,
    DRAFT_PROPERTY,
    AcceptDraft,
    AcceptLaunch,
    Edit,
    EditError,
    EditProperties,
    EditProperty,
    LinkPassage,
    MoveVertex,
    RejectDraft,
    described,
    is_draft_launch,
)
from viewer.model.kinds import CERTAINTIES, kind_names
from viewer.model.workspace import Workspace
from viewer.qt import plain_box
from viewer.qt.dialogs.save_target import is_the_sample, where_to_save
from viewer.qt.shell import Shell, add_action
from viewer.wording import counted

if TYPE_CHECKING:
    from viewer.ingest.merge import MergeReport
    from viewer.model.selection import Passage
    from viewer.qt.map.canvas import MapCanvas

ANCHOR = -1  # the "vertex" that is an annotation's anchor, the point it points at


def article_filter() -> str:
    """The Import articles dialog's filter: every suffix ingest reads (text, HTML, feeds), from ingest's own list."""
    from viewer.ingest.article import SUFFIXES

    return f"Articles and feeds ({' '.join(f'*{s}' for s in sorted(SUFFIXES))});;All files (*)"


class EditCommand(QUndoCommand):
    """One model edit on one bundle, as a QUndoStack entry; the workspace is told after each change."""

    def __init__(self, workspace: Workspace, bundle: Bundle, edit: Edit):
        super().__init__(described(edit, bundle))
        self.workspace, self.bundle, self.edit = workspace, bundle, edit

    def redo(self) -> None:
        self.edit.apply(self.bundle)
        self.workspace.edited(self.bundle)

    def undo(self) -> None:
        self.edit.revert(self.bundle)
        self.workspace.edited(self.bundle)


class ReviewController:
    """Owns the undo stack and the review actions: edits to the workspace's bundles, made on the canvas and with
    the text selected in the source panel (``selected_span``); ``current_launch`` is the launch whose row the user is
    on in the tree (accepting there accepts the whole launch)."""

    def __init__(self, workspace: Workspace, canvas: MapCanvas, selected_span: Callable[[], Passage | None],
                 shell: Shell, current_launch: Callable[[], str | None] = lambda: None):
        self.shell = shell
        self.current_launch = current_launch
        self.workspace = workspace
        self.canvas = canvas
        self.selected_span = selected_span
        self.undo_stack = QUndoStack(shell.parent)
        self._moving: tuple[str, int] | None = None  # (feature, vertex) picked, waiting for where to drop it
        self._move_armed = False  # clicks on the map are this controller's only after Move was chosen
        self.last_merge: MergeReport | None = None  # what the last import added to launches already open
        canvas.map_clicked.connect(self._map_clicked)

    # -- running edits ---------------------------------------------------------------------------
    def run(self, feature_id: str, edit: Edit) -> bool:
        """Apply an edit through the undo stack; a refused edit is reported in one line and changes nothing."""
        bundle = self.workspace.bundle_of(feature_id)
        if bundle is None:
            self._say(f"no feature {feature_id!r} is open")
            return False
        return self.run_on(bundle, edit)

    def run_on(self, bundle: Bundle, edit: Edit) -> bool:
        """Apply an edit to ``bundle`` (a feature being added is in none yet) through the undo stack."""
        try:
            self.undo_stack.push(EditCommand(self.workspace, bundle, edit))
        except EditError as error:  # raised by apply() before it changed anything
            self._say(str(error))
            return False
        return True

    def _current(self) -> str | None:
        current = self.workspace.selection.current
        if current is None:
            self._say("Select a feature first")
        return current

    def accept(self) -> None:
        """Accept the current drafted feature or, on a launch's row in the tree, the launch with all its drafts. A
        launch whose last draft is accepted (or rejected) is accepted with it, in the same undo step."""
        if self.workspace.selection.current is None and (event_id := self.current_launch()) is not None:
            self.accept_launch(event_id)
        elif (feature_id := self._current()) and self._is_draft(feature_id):
            self._with_its_launch(feature_id, AcceptDraft(feature_id))

    def accept_launch(self, event_id: str) -> bool:
        bundle = next((b for b in self.workspace.bundles if event_id in b.events), None)
        if bundle is None or not is_draft_launch(bundle, event_id):
            self._say("This launch is not a draft: nothing to accept")
            return False
        drafts = sum(1 for f in bundle.features.values() if f.event == event_id and f.properties.get(DRAFT_PROPERTY))
        name = bundle.events[event_id].name.removesuffix(DRAFT_NAME_SUFFIX)
        if self.run_on(bundle, AcceptLaunch(event_id)):
            self._say(f"Accepted {name} and its {counted(drafts, 'drafted feature')}")
            return True
        return False

    def reject(self) -> None:
        if self.workspace.selection.current is None and self.current_launch() is not None:
            self._say("Select a drafted feature to reject (Ctrl+Return on a launch accepts it whole)")
        elif (feature_id := self._current()) and self._is_draft(feature_id) and \
                self._with_its_launch(feature_id, RejectDraft(feature_id)):
            self.workspace.selection.clear()

    def _with_its_launch(self, feature_id: str, edit: Edit) -> bool:
        """Run a draft's accept or reject, and accept its drafted launch too when it was the launch's last draft."""
        bundle = self.workspace.bundle_of(feature_id)
        feature = bundle.features[feature_id] if bundle is not None else None
        event_id = feature.event if feature is not None else None
        if bundle is None or event_id is None or not is_draft_launch(bundle, event_id) or any(
                f.event == event_id and f.id != feature_id and f.properties.get(DRAFT_PROPERTY)
                for f in bundle.features.values()):
            return self.run(feature_id, edit)
        self.undo_stack.beginMacro(described(edit, bundle))  # one Undo takes both back
        try:
            return self.run_on(bundle, edit) and self.run_on(bundle, AcceptLaunch(event_id))
        finally:
            self.undo_stack.endMacro()

    def edit_properties(self) -> bool:
        """F2: the property sheet of the current feature — every property in one form, applied as one edit."""
        from viewer.qt.dialogs.property_sheet import PropertySheet

        feature_id = self._current()
        feature = self.workspace.feature(feature_id) if feature_id else None
        if feature is None:
            return False
        sheet = PropertySheet(feature.properties, self.workspace.content, f"Properties of {feature.label}",
                              self.shell.parent, kind=feature.kind)
        if sheet.exec() != PropertySheet.DialogCode.Accepted:
            return False
        changes = sheet.changes()
        return bool(changes) and self.run(feature.id, EditProperties(feature.id, changes))

    def edit_property(self, key: str | None = None, value: str | None = None) -> None:
        """Set the label, kind or certainty of the current feature (asks for the value when not given)."""
        feature_id = self._current()
        feature = self.workspace.feature(feature_id) if feature_id else None
        if feature is None:
            return
        if key is None:
            self.edit_properties()
            return
        if value is None:
            choices = {"kind": list(kind_names()), "certainty": list(CERTAINTIES)}.get(key)
            if choices:
                now = feature.properties.get(key)
                current = choices.index(now) if isinstance(now, str) and now in choices else 0
                value, ok = plain_box.item(self.shell.parent, "Edit feature", f"{key}:", choices, current)
            else:
                value, ok = plain_box.text(self.shell.parent, "Edit feature", f"{key}:", feature.label)
            if not ok:
                return
        self.run(feature.id, EditProperty(feature.id, key, value))

    def link_passage(self) -> None:
        """Cite the text selected in the source panel for the current feature."""
        feature_id = self._current()
        if feature_id is None:
            return
        span = self.selected_span()
        if span is None:
            self._say("Select the words in the source text that report this feature, then link them")
            return
        self.run(feature_id, LinkPassage(feature_id, span.document, span.start, span.end))

    def start_move(self) -> None:
        """Next two clicks on the map: the vertex of the current feature to move, then where it goes."""
        if self._current() is None:
            return
        self._moving = None
        self._move_armed = True
        self.canvas.set_picking_points(True)
        self._say("Click the point or vertex to move, then click where it belongs (Esc cancels)")

    def cancel_move(self) -> None:
        self._moving, self._move_armed = None, False

    def _map_clicked(self, lon: float, lat: float) -> None:
        feature_id = self.workspace.selection.current
        if feature_id is None or not self._move_armed:
            return
        if self._moving is None:
            vertex = ANCHOR if self._near_anchor(feature_id, lon, lat) else self.canvas.nearest_vertex(feature_id,
                                                                                                       lon, lat)
            if vertex == ANCHOR:
                self._moving = (feature_id, ANCHOR)
                self._say("The point the annotation points at is picked; click where it belongs")
                return
            if vertex is None:
                self._say("No vertex of the selected feature there; click closer to one")
                return
            self._moving = (feature_id, vertex)
            self._say(f"Vertex {vertex} picked; click where it belongs")
            return
        feature_id, vertex = self._moving
        self._moving, self._move_armed = None, False
        self.canvas.set_picking_points(False)
        if vertex == ANCHOR:
            self.run(feature_id, EditProperty(feature_id, "anchor", [round(lon, 6), round(lat, 6)]))
        else:
            self.run(feature_id, MoveVertex(feature_id, vertex, lon, lat))

    def _near_anchor(self, feature_id: str, lon: float, lat: float) -> bool:
        """Whether a click is on the point a callout or an arrow points at (closer than any vertex would need)."""
        from viewer.model.annotation import anchor_of
        from viewer.qt.map.canvas import PICK_TOLERANCE_PX

        feature = self.workspace.feature(feature_id)
        anchor = anchor_of(feature) if feature is not None else None
        if anchor is None:
            return False
        projection = self.canvas.projection
        (ax, ay), (px, py) = projection.forward(*anchor), projection.forward(lon, lat)
        tolerance = 2 * PICK_TOLERANCE_PX * self.canvas.context.scale * self.canvas.map_units_per_pixel()
        return bool(math.hypot(ax - px, ay - py) <= tolerance)

    # -- articles and saving ---------------------------------------------------------------------
    def import_articles(self, paths: list[str] | None = None) -> Bundle | None:
        """Draft a bundle from article files. A drafted launch with the site and date (±1 day) of a launch already
        open joins it (its passages and claims marked new, its new features drafts); the rest opens beside what
        is loaded. What is new is selected and said in the status bar."""
        from viewer.ingest import ingest_articles, read_files
        from viewer.ingest.article import ArticleError
        from viewer.ingest.merge import attach_drafts
        from viewer.io.progress import Cancelled
        from viewer.qt.workers import run_with_progress

        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self.shell.parent, "Import articles", "", article_filter())
            if not paths:
                return None
        problems: list[str] = []  # 'FILE:LINE: message', as `launchmap ingest` prints them

        def draft(progress) -> Bundle:  # off the GUI thread: a long article takes seconds to draft
            return ingest_articles(read_files(paths, problems=problems), problems=problems, progress=progress)

        try:
            bundle = run_with_progress(self.shell.parent, "Import articles", draft,
                                       label=f"Drafting {counted(len(paths), 'file')}…")
        except Cancelled:
            self._say("Import cancelled; nothing was changed")
            return None
        except (ArticleError, OSError) as error:
            plain_box.warning(self.shell.parent, "Import articles", str(error))
            return None
        bundle.modified = True  # a draft lives only in memory until saved
        report, changed = attach_drafts(self.workspace.bundles, bundle)
        self.last_merge = report
        for known in changed:
            self.workspace.edited(known)
        if bundle.events or bundle.features:
            try:
                self.workspace.add(bundle)
            except ValueError as error:
                plain_box.warning(self.shell.parent, "Import articles", str(error))
                return None
        new = [f for f in [*report.new_features, *report.new_citations] if self.workspace.feature(f) is not None]
        if new:
            self.workspace.selection.select(new)  # what the articles added to known launches, shown on the map
        said = self._imported(bundle, report, len(paths), bool(new))
        if problems:
            said += f"; {counted(len(problems), 'part')} could not be read (listed)"
        self._say(said)
        if problems:  # what the command line prints on stderr: one line each, naming the file and the place
            plain_box.warning(self.shell.parent, "Import articles",
                              f"Drafted what could be read; {counted(len(problems), 'part')} could not be:\n"
                              + "\n".join(problems))
        return bundle

    def _imported(self, bundle: Bundle, report: MergeReport, documents: int, selected: bool) -> str:
        """What an import found, in the words of the launches' names ('Read 1 document: adds to 2023-08-24 Chollima-1
        launch (Malligyong-1, 2nd attempt): 3 new features, 1 new citation, 4 new claims (selected on the map)'); it
        listed every id ('draft-2023-08-24 joins known launch 2023-08-24-chollima1; new feature …')."""
        said = []
        if bundle.events:
            drafts = sum(1 for f in bundle.features.values() if f.properties.get(DRAFT_PROPERTY))
            said.append(f"drafted {counted(drafts, 'feature')} for {counted(len(bundle.events), 'new launch')}")
        for known in dict.fromkeys(known for _, known in report.attached):
            event = self.workspace.event(known)
            said.append(f"adds to {event.date_label} {event.name or event.id}" if event else f"adds to {known}")
        added = [counted(n, noun) for n, noun in ((len(report.new_features), "new feature"),
                                                  (sum(report.new_citations.values()), "new citation"),
                                                  (len(report.new_claims), "new claim")) if n]
        if report.attached:
            said[-1] += f": {', '.join(added) or 'nothing new'}" + (" (selected on the map)" if selected else "")
        return f"Read {counted(documents, 'document')}: {'; '.join(said) or 'no launch found in it'}"

    def save_edited(self) -> bool:
        """Write every edited bundle to its file (asking where for a new draft, for a copy of launchmap's own
        sample, which is never rewritten, and for a file launchmap did not write: `where_to_save`); atomically."""
        saved = []
        for bundle in [b for b in self.workspace.bundles if b.modified]:
            sample = is_the_sample(bundle)
            path = where_to_save(self.shell.parent, bundle)
            if path is None:
                return False
            try:
                if sample:  # its articles' paths made to reach them from the new folder, or their text inline
                    bundle.documents.update(relocated(bundle, path.parent).documents)
                write_bundle(bundle, path)
            except OSError as error:
                plain_box.warning(self.shell.parent, "Save", f"{path}: not saved: {reason(path, error)}")
                return False
            bundle.path, bundle.modified = path, False
            bundle.extra.setdefault("launchmap", {})  # written by launchmap now: saved here again unasked
            saved.append(path.name)
        self.undo_stack.setClean()
        self._say(f"Saved {', '.join(saved)}" if saved else "Nothing to save")
        return True

    def add_actions(self, edit_menu, file_menu) -> None:
        undo = self.undo_stack.createUndoAction(self.shell.parent, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self.shell.parent, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        act = add_action
        act(edit_menu, "&Accept draft", self.accept, "Ctrl+Return")
        act(edit_menu, "&Reject draft", self.reject, "Ctrl+Delete")
        act(edit_menu, "&Edit feature…", self.edit_properties, "F2")
        act(edit_menu, "&Link selected text to feature", self.link_passage, "Ctrl+L")
        act(edit_menu, "&Move point or vertex", self.start_move, "Ctrl+M")
        act(file_menu, "&Import articles…", lambda: self.import_articles(), "Ctrl+I")
        act(file_menu, "Save edited b&undles", self.save_edited, "Ctrl+Alt+S")

    def _is_draft(self, feature_id: str) -> bool:
        feature = self.workspace.feature(feature_id)
        if feature is None or not feature.properties.get(DRAFT_PROPERTY):
            self._say("Only drafted features are accepted or rejected; edit or link passages for others")
            return False
        return True

    def _say(self, message: str) -> None:
        self.shell.status(message, 10000)
