"""View ▸ Legend: where the legend goes (auto, beside the map, a corner) or hidden, and collapsed to its heading."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from viewer.model.view import MapView
from viewer.qt.lifetime import follow

PLACES = (("auto", "&Automatic (where least data is)"), ("outside", "&Beside the map"),
          ("nw", "Top &left"), ("ne", "Top &right"), ("sw", "Bottom l&eft"), ("se", "Bottom ri&ght"),
          ("none", "&Hidden"))


class LegendMenu:
    """Keeps the menu's checks in step with the MapView's decoration options, whoever changes them."""

    def __init__(self, menu: QMenu, map_view: MapView):
        self.map_view = map_view
        self.actions: dict[str, QAction] = {}
        group = QActionGroup(menu)
        for place, title in PLACES:
            action = menu.addAction(title)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, p=place: self.map_view.set_decorations(legend=p))
            group.addAction(action)
            self.actions[place] = action
        menu.addSeparator()
        self.collapse = menu.addAction("&Collapse to its heading")
        self.collapse.setCheckable(True)
        self.collapse.triggered.connect(lambda on: self.map_view.set_decorations(legend_collapsed=bool(on)))
        follow(map_view.decorations_changed, menu, self.sync)
        self.sync()

    def sync(self) -> None:
        options = self.map_view.decorations
        self.actions[options.legend].setChecked(True)
        self.collapse.setChecked(options.legend_collapsed)
