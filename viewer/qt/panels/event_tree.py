"""The event and feature tree: launches with their features by kind, visibility checkboxes, passage counts."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem
from PySide6.QtWidgets import QAbstractItemView, QColorDialog, QHeaderView, QMenu, QTreeView

from viewer.model.folders import FOLDER, folder_key, folder_path
from viewer.model.kinds import kind_title, kinds_in_order, stated_certainty
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.lifetime import follow
from viewer.qt.panels.folder_rows import add_folders, folder_of
from viewer.qt.panels.greying import grey_below, hidden_above
from viewer.qt.panels.swatches import drawn_colours, swatch_icon, tree_colour
from viewer.qt.panels.tree_model import PENDING_ROLE, TreeModel
from viewer.qt.panels.tree_model import row as _row
from viewer.qt.panels.tree_model import tip as _tip
from viewer.symbology import chosen_layers
from viewer.wording import counted

FEATURE_ROLE = Qt.ItemDataRole.UserRole + 1  # feature id on feature rows
EVENT_ROLE = Qt.ItemDataRole.UserRole + 2  # event id on event rows
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # kind on the kind rows
LAYER_ROLE = Qt.ItemDataRole.UserRole + 4  # source layer on the rows of files' features that belong to no launch
GROUP_ROLE = Qt.ItemDataRole.UserRole + 5  # key of a group too large to list feature by feature (in _groups)
COLUMNS = ("Event / feature", "Details", "Cited")
LISTED_UP_TO = 2_000  # features of one kind in one launch or file listed row by row


class EventTree(QTreeView):
    """Writes the shared selection when rows are selected, and follows it when others change it.

    Checking an event or a kind row shows or hides it on the map (through the workspace).

    Signals:
        zoom_requested(list): feature ids to frame on the map (a row was double-clicked or Enter pressed).
    """

    zoom_requested = Signal(list)

    def __init__(self, workspace: Workspace, map_view: MapView, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.map_view = map_view
        self.tree = TreeModel(self, self._fetch)
        self.tree.setHorizontalHeaderLabels(list(COLUMNS))
        self.setModel(self.tree)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        # The label column is as wide as the names shown, at least what the others leave (`_fit_names`); the
        # others keep narrow fixed widths (the user may drag them). A narrower dock scrolls sideways: it cut every
        # launch's name in a dock 310 px wide.
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        header.resizeSection(1, 72)
        header.resizeSection(2, 40)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # "J-Alert: …Prefecture" keeps both ends
        self._rows: dict[str, QModelIndex] = {}
        self._table = workspace.content.table
        self._groups: dict[int, np.ndarray] = {}  # each kind group's rows of the table, by its key
        self._pending: dict[int, QStandardItem] = {}  # groups whose features are not listed yet, by key
        self._pending_of: dict[tuple[str | None, str, str], int] = {}  # their keys by launch (or layer), kind, folder
        self._following = False  # true while mirroring the shared selection, so it is not written back
        self._writing = False  # true while writing the shared selection, so it is not mirrored back
        self.tree.itemChanged.connect(self._check_changed)
        self.selectionModel().selectionChanged.connect(self._rows_selected)
        self.activated.connect(self._activated)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        follow(workspace.bundles_changed, self, self.rebuild)
        follow(map_view.filters_changed, self, self._sync_checks)
        follow(map_view.colours_changed, self, self.rebuild)
        follow(workspace.selection.changed, self, self._follow_selection)
        for signal in (self.expanded, self.collapsed, header.sectionResized):
            signal.connect(self._fit_names_later)
        self.rebuild()

    def sizeHint(self) -> QSize:
        return QSize(300, 400)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_names()

    def _fit_names_later(self, *_) -> None:
        QTimer.singleShot(0, self, self._fit_names)  # once the rows opened or closed are laid out

    def _fit_names(self) -> None:
        """The names' column as wide as its widest name (Qt measures at most ~1000 rows, those in view first),
        and at least what the other columns leave."""
        header = self.header()
        left = self.viewport().width() - header.sectionSize(1) - header.sectionSize(2)
        wanted = max(left, self.sizeHintForColumn(0))
        if header.sectionSize(0) != wanted:  # (its sectionResized calls this again, then it is the same)
            header.resizeSection(0, wanted)

    def rebuild(self) -> None:
        launch = self.current_launch()  # kept through the rebuild: Ctrl+Return on it left a keyboard user nowhere
        content = self.workspace.content
        table = self._table = content.table  # counts and groups from its columns, not feature by feature
        passages = table.passages()
        self._following = True
        self.tree.removeRows(0, self.tree.rowCount())
        self._rows.clear()
        self._groups.clear()
        self._pending.clear()
        self._pending_of.clear()
        self.tree.pending.clear()
        kinds = _row("Kinds", "", "")
        kinds[0].setToolTip("Show or hide every feature of a kind")
        counts = table.kind.counts()
        for kind in kinds_in_order(counts):
            count = counts.get(kind, 0)
            if not count:
                continue
            row = _row(kind_title(kind), f"{count:,}", "")
            row[1].setToolTip(counted(count, 'feature'))
            row[0].setCheckable(True)
            row[0].setData(kind, KIND_ROLE)
            kinds[0].appendRow(row)
        self.tree.appendRow(kinds)
        colours = self.map_view.colours(*self.workspace.colour_keys())
        by_event = table.groups(table.event)
        none = np.zeros(0, dtype=np.intp)
        owners: list[tuple[list[QStandardItem], str | None, np.ndarray]] = []
        for event in content.events_in_time_order():
            details = " · ".join(v for v in (event.vehicle, event.outcome) if v)
            members = by_event.get(event.id, none)
            row = _row(f"{event.date_label}  {event.name or event.id}", details, f"{int(passages[members].sum()):,}")
            row[0].setCheckable(True)
            row[0].setData(event.id, EVENT_ROLE)
            row[0].setForeground(QBrush(QColor(colours[event.id]).darker(130)))
            row[0].setToolTip(_tip(f"{event.name}\n{event.time or 'time unknown'}"))
            owners.append((row, event.id, members))
        # (groups' rows are in order: a stable sort merges them in ~1 ms where quicksort took ~65 ms for a million)
        loose = np.sort(np.concatenate([none, *(rows for event, rows in by_event.items() if not event)]), kind="stable")
        by_layer = table.groups(table.layer, loose)
        for layer in self.workspace.layers():  # features from other tools: one row per file, in its colour
            members = by_layer.get(layer, none)
            row = _row(layer, f"{len(members):,}", f"{int(passages[members].sum()):,}")
            row[1].setToolTip(f"a file's layer: {counted(len(members), 'feature')}")
            row[0].setCheckable(True)
            row[0].setData(layer, LAYER_ROLE)
            drawn = drawn_colours(table, members, colours[layer], layer in chosen_layers(colours))
            row[0].setForeground(QBrush(tree_colour(drawn)))  # the file's own colours (a KML's), not the palette's
            row[0].setIcon(swatch_icon(drawn))
            row[0].setToolTip(_tip(f"{layer}: features that belong to no launch"))
            owners.append((row, layer, members))
        groups = [(row, owner, table.groups(table.kind, members)) for row, owner, members in owners]
        listed = sum(len(m) for _, _, by_kind in groups for m in by_kind.values() if len(m) <= LISTED_UP_TO)
        eager = listed <= LISTED_UP_TO  # a few rows: listed now and all shown; more: made when a group is opened
        for (row, owner, by_kind), (_, _, members) in zip(groups, owners, strict=True):
            def kind_in(item: QStandardItem, kind: str, inside: np.ndarray, folder: str,
                        owner: str | None = owner) -> None:
                self._add_group(item, owner, kind, inside, passages, eager, folder)

            if row[0].data(LAYER_ROLE) is None or not add_folders(row[0], owner or "", members, table, passages,
                                                                  _row, kind_in, colours):  # a file's folders
                self._add_features(row[0], owner, by_kind, passages, eager)
            self.tree.appendRow(row)
        self._index_rows()
        self._following = False
        self._sync_checks()
        if eager:
            self.expandAll()
        else:
            self.expandToDepth(0)
        self._follow_selection()
        if launch is not None and self.workspace.selection.current is None:
            rows = (self.tree.index(r, 0) for r in range(self.tree.rowCount()))
            self.setCurrentIndex(next((row for row in rows if row.data(EVENT_ROLE) == launch), QModelIndex()))
        self._fit_names_later()

    def _add_features(self, parent: QStandardItem, owner: str | None, by_kind: dict[str, np.ndarray],
                      passages: np.ndarray, eager: bool) -> None:
        for kind in kinds_in_order(by_kind):
            members = by_kind.get(kind)
            if members is not None:
                self._add_group(parent, owner, kind, members, passages, eager)

    def _add_group(self, parent: QStandardItem, owner: str | None, kind: str, members: np.ndarray,
                   passages: np.ndarray, eager: bool, folder: str = "") -> None:
        """The row of a launch's (or file's, or folder's) features of one kind, listed now or when first opened."""
        group = _row(kind_title(kind), "", f"{int(passages[members].sum()):,}")
        key = len(self._groups) + 1  # never 0: the role's data is tested for truth
        self._groups[key] = members
        if len(members) > LISTED_UP_TO:
            # A catalogue's features are found on the map, not in a list: three items a row cost ~1 kB
            # each, and a million of them gigabytes. Double-clicking the group frames them all.
            group[1].setText(f"{len(members):,}")
            group[0].setToolTip(f"{len(members):,} features, too many to list one by one: pick them on "
                                "the map; double-click to frame them all")
            group[0].setData(key, GROUP_ROLE)
        elif eager:
            self._list_features(group[0], members)
        else:
            group[0].setData(key, PENDING_ROLE)
            self._pending[key] = group[0]
            self.tree.pending.add(key)
            self._pending_of[(owner, kind, folder)] = key
        parent.appendRow(group)

    def _list_features(self, group: QStandardItem, members: np.ndarray) -> None:
        for feature in self._table.features[members].tolist():
            passages = len(feature.all_citations)
            orphaned = sum(c.is_orphaned for c in feature.all_citations)
            count = f"{passages}" + (f" ({orphaned} orphaned)" if orphaned else "")
            row = _row(feature.label, stated_certainty(feature.properties), count)
            row[0].setData(feature.id, FEATURE_ROLE)
            row[0].setToolTip(_tip(feature.derivation or feature.label))
            if orphaned:
                row[2].setForeground(QBrush(QColor("#B00020")))
            group.appendRow(row)

    def _fetch(self, key: int) -> None:
        """List a group's features, made when it is first opened (or one of them selected elsewhere)."""
        group = self._pending.pop(key, None)
        self.tree.pending.discard(key)
        if group is None:
            return
        group.setData(None, PENDING_ROLE)
        self._list_features(group, self._groups[key])
        if hidden_above(group):
            following, self._following = self._following, True
            grey_below(group, True)
            self._following = following
        for r in range(group.rowCount()):
            index = group.child(r, 0).index()
            self._rows[index.data(FEATURE_ROLE)] = index

    def _fetch_group_of(self, feature_id: str) -> None:
        feature = self.workspace.feature(feature_id)
        if feature is not None:
            folder = "" if feature.event else folder_key(folder_path(feature.properties.get(FOLDER)))
            self._fetch(self._pending_of.get((feature.event or feature.layer, feature.kind, folder), 0))

    def _ids(self, key: int | None) -> list[str]:
        """The ids of a group's features (listed or not)."""
        return self._table.ids(self._groups[key]) if key else []

    def _index_rows(self) -> None:
        def walk(parent: QModelIndex) -> None:
            for r in range(self.tree.rowCount(parent)):
                index = self.tree.index(r, 0, parent)
                feature_id = index.data(FEATURE_ROLE)
                if feature_id:
                    self._rows[feature_id] = index
                walk(index)

        walk(QModelIndex())

    # -- a layer's style ---------------------------------------------------------------------------------
    def _context_menu(self, point) -> None:
        layer = self.indexAt(point).siblingAtColumn(0).data(LAYER_ROLE)
        if layer is None:
            return
        menu = QMenu(self)
        menu.addAction("&Colour…", lambda: self.choose_layer_colour(layer))
        reset = menu.addAction("&Palette colour", lambda: self.map_view.set_layer_colour(layer, None))
        reset.setEnabled(layer in self.map_view.layer_colours)
        menu.exec(self.viewport().mapToGlobal(point))

    def choose_layer_colour(self, layer: str, colour: QColor | None = None) -> None:
        """Give a layer a colour of its own (asked for when not given); kept in the session."""
        if colour is None:
            current = self.map_view.colours(*self.workspace.colour_keys()).get(layer, "#555555")
            colour = QColorDialog.getColor(QColor(current), self, f"Colour of {layer}")
        if colour.isValid():
            self.map_view.set_layer_colour(layer, colour.name())

    # -- visibility ------------------------------------------------------------------------------
    def _check_changed(self, item: QStandardItem) -> None:
        if self._following or not item.isCheckable():
            return
        hidden = item.checkState() != Qt.CheckState.Checked
        if (event_id := item.data(EVENT_ROLE)) is not None:
            self.map_view.set_hidden(events=_toggled(self.map_view.hidden_events, event_id, hidden))
        elif (kind := item.data(KIND_ROLE)) is not None:
            self.map_view.set_hidden(kinds=_toggled(self.map_view.hidden_kinds, kind, hidden))
        elif (layer := item.data(LAYER_ROLE)) is not None:
            self.map_view.set_hidden(layers=_toggled(self.map_view.hidden_layers, layer, hidden))
        elif (folder := folder_of(item)) is not None:
            self.map_view.set_hidden(folders=_toggled(self.map_view.hidden_folders, folder, hidden))

    def _sync_checks(self) -> None:
        self._following = True
        for r in range(self.tree.rowCount()):
            item = self.tree.item(r, 0)
            if (event_id := item.data(EVENT_ROLE)) is not None:
                item.setCheckState(_state(not self.map_view.filters.event_hidden(event_id)))
            elif (layer := item.data(LAYER_ROLE)) is not None:
                item.setCheckState(_state(layer not in self.map_view.hidden_layers))
            for c in range(item.rowCount()):
                child = item.child(c, 0)
                if (kind := child.data(KIND_ROLE)) is not None:
                    child.setCheckState(_state(kind not in self.map_view.hidden_kinds))
            stack = [item.child(c, 0) for c in range(item.rowCount())] if item.data(LAYER_ROLE) is not None else []
            while stack:  # a file's folders, nested
                child = stack.pop()
                if (folder := folder_of(child)) is not None:
                    child.setCheckState(_state(folder not in self.map_view.hidden_folders))
                    stack += [child.child(c, 0) for c in range(child.rowCount())]
        grey_below(self.tree.invisibleRootItem())  # what an unticked launch, file or folder hides reads as hidden
        self._following = False

    # -- selection -------------------------------------------------------------------------------
    def _rows_selected(self, *_) -> None:
        if self._following:
            return
        ids = [index.data(FEATURE_ROLE) for index in self.selectionModel().selectedRows(0)]
        ids = [i for i in ids if i]
        current = self.currentIndex().data(FEATURE_ROLE)
        if current in ids:  # the row the user acted on last is the current feature
            ids.remove(current)
            ids.insert(0, current)
        self._writing = True  # our own change comes back through the selection: keep the user's rows
        try:
            self.workspace.selection.select(ids)
        finally:
            self._writing = False

    def current_launch(self) -> str | None:
        """The launch whose row the user is on (current and selected), which selects no feature of its own."""
        index = self.currentIndex().siblingAtColumn(0)
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(EVENT_ROLE)

    def _activated(self, index: QModelIndex) -> None:
        """Double-click or Enter: frame the feature, or every feature of the event or group, on the map."""
        index = index.siblingAtColumn(0)
        ids = [i for i in (index.data(FEATURE_ROLE),) if i] + self._ids(index.data(GROUP_ROLE)) + \
            self._ids(index.data(PENDING_ROLE))
        stack = [index]
        while stack:
            parent = stack.pop()
            for r in range(self.tree.rowCount(parent)):
                child = self.tree.index(r, 0, parent)
                if child.data(FEATURE_ROLE):
                    ids.append(child.data(FEATURE_ROLE))
                ids += self._ids(child.data(GROUP_ROLE)) + self._ids(child.data(PENDING_ROLE))
                stack.append(child)
        if ids:
            self.zoom_requested.emit(ids)

    def _follow_selection(self, *_) -> None:
        if self._writing:
            return
        self._following = True
        try:
            selection = self.selectionModel()
            selection.clearSelection()
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            for feature_id in self.workspace.selection.features:
                if feature_id not in self._rows and self._pending:
                    self._fetch_group_of(feature_id)
                index = self._rows.get(feature_id)
                if index is not None and index.isValid():
                    selection.select(index, flags)
            current = self._rows.get(self.workspace.selection.current or "")
            if current is not None and current.isValid():
                selection.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.scrollTo(current)
        finally:
            self._following = False


def _toggled(hidden: frozenset, key, hide: bool) -> frozenset:
    return hidden | {key} if hide else hidden - {key}


def _state(checked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
