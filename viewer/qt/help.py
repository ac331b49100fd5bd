"""Help ▸ Keyboard shortcuts and Help ▸ First steps: a sheet read from the window's own menus, and a short guide."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

# Keys handled inside widgets rather than by menu actions, so no QAction carries them.
WIDGET_KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Map (click it first)", [
        ("← ↑ → ↓", "pan a fifth of the view"),
        ("Page Up, + / Page Down, -", "zoom in / out about the centre"),
    ]),
    ("Source text", [
        ("Alt+Down / Alt+Up", "next / previous highlighted passage"),
        ("Enter", "select what the passage under the caret reports"),
    ]),
    ("Search", [
        ("Enter, F3 / Shift+Enter", "next / previous match"),
    ]),
    ("Presentation", [
        ("→, ↓, Page Down, Space / ←, ↑, Page Up", "next / previous bookmark"),
        ("Home / End", "first / last bookmark"),
        ("B or .", "blank the screen"),
        ("Esc", "leave the presentation"),
    ]),
]

FIRST_STEPS = """
<h2>First steps</h2>
<p>launchmap links every feature on the map to the words of the article that report it.</p>
<ol>
<li><b>Look at the map.</b> The sample shows four North Korean launches from Sohae: launch sites, flight paths,
warning areas, danger zones and impact points, coloured by launch. Wheel to zoom about the cursor, drag to pan
(or click the map, then the arrow keys pan and Page Up / Page Down zoom);
hovering names a feature, its kind, launch and certainty.</li>
<li><b>Ask “who says so?”</b> Click a feature (Ctrl+click adds). <i>Source text</i> opens the article reporting
it at the passage, in yellow; <i>Details</i> shows the launch (UTC and local time), how the geometry was drawn
and from which sources, every passage reporting it, and where sources disagree.</li>
<li><b>Ask “where is that?”</b> Click a coloured passage in the article, or put the caret in it and press Enter:
the features it reports are selected on the map and in the tree. Alt+Down and Alt+Up step between passages.</li>
<li><b>Choose what is shown.</b> <i>Events</i> shows or hides launches and kinds; double-click frames
one on the map. The <i>Timeline</i> filters by time; Alt+Left and Alt+Right step through launches.</li>
<li><b>Find.</b> Ctrl+F searches the articles and the feature labels.</li>
<li><b>Measure.</b> M measures geodesic distances; R draws range rings around the selection.</li>
<li><b>Edit.</b> F2 edits the selected feature; P, L and Shift+A add a point, line or area; Ctrl+Z undoes.
Ctrl+S saves the edits to their files (a file launchmap did not write, such as a KML, is kept: you name a new
bundle for its edits) and the session, if one is open.</li>
<li><b>Brief.</b> Bookmark views, present them full screen with F5, or export an image (Ctrl+E) or a briefing
deck (Ctrl+B) with title, legend, scale, north arrow and source footnotes.</li>
<li><b>Bring your own data.</b> File ▸ Open (or drag and drop) reads launchmap bundles, GeoJSON, GeoPackage, KML/KMZ,
CSV, Shapefiles (also zipped), GPX, FlatGeobuf and GML;
File ▸ Import articles drafts features from article text for you to review.</li>
</ol>
"""


def shortcut_rows(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(keys, what the action does)]) for every menu action with a shortcut, in menu order."""
    groups = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows = _menu_rows(menu)
            if rows:
                groups.append((_plain(top.text()), rows))
    return groups


def _menu_rows(menu: QMenu, path: str = "") -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _menu_rows(submenu, f"{path}{_plain(action.text())} ▸ ")
        elif not action.shortcut().isEmpty():
            rows.append((action.shortcut().toString(), path + _plain(action.text())))
    return rows


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcuts_html(window: QMainWindow) -> str:
    sections = []
    for title, rows in [*shortcut_rows(window), *WIDGET_KEYS]:
        cells = "".join(f"<tr><td style='padding-right:18px'><b>{html.escape(keys)}</b></td>"
                        f"<td>{html.escape(what)}</td></tr>" for keys, what in rows)
        sections.append(f"<h3>{html.escape(title)}</h3><table>{cells}</table>")
    return "<h2>Keyboard shortcuts</h2>" + "".join(sections)


class HelpPage(QDialog):
    """One page of our own text (never untrusted), with a Close button."""

    def __init__(self, parent: QWidget, title: str, body: str, size: tuple[int, int]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # nothing on these pages should leave the program
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(*size)


def show_shortcuts(window: QMainWindow) -> HelpPage:
    """The keyboard-shortcut sheet, non-modal so it can stay open beside the map."""
    dialog = HelpPage(window, "Keyboard shortcuts", shortcuts_html(window), (520, 620))
    dialog.show()
    return dialog


def show_first_steps(parent: QWidget) -> HelpPage:
    dialog = HelpPage(parent, "First steps with launchmap", FIRST_STEPS, (620, 600))
    dialog.show()
    return dialog
