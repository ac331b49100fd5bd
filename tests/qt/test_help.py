"""Help: the keyboard-shortcut sheet lists what the menus and panels really bind; First steps opens from Help."""

from __future__ import annotations

from viewer.qt.help import HelpPage, shortcut_rows, show_shortcuts


def help_action(window, text):
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    return next(a for a in help_menu.actions() if a.text() == text)


def test_the_sheet_lists_every_menu_shortcut_of_the_window(window):
    rows = dict(shortcut_rows(window))
    view = dict((what, keys) for keys, what in rows["View"])
    assert view["Zoom to data"] == "Ctrl+0"
    assert view["Find"] == "Ctrl+F"
    assert view["Present from the beginning"] == "F5"
    assert view["Present from selected bookmark"] == "Shift+F5"
    assert ("M", "Measure distance") in rows["Tools"]
    bound = {a.shortcut().toString() for a in window.findChildren(type(help_action(window, "&First steps")))
             if not a.shortcut().isEmpty() and a.isVisible()}
    listed = {keys for _, group in rows.items() for keys, _ in group}
    assert bound <= listed


def test_help_menu_opens_the_sheet_and_first_steps(window, qtbot):
    help_action(window, "&Keyboard shortcuts").trigger()
    help_action(window, "&First steps").trigger()
    pages = {page.windowTitle(): page for page in window.findChildren(HelpPage)}
    assert all(page.isVisible() for page in pages.values())
    sheet = pages["Keyboard shortcuts"].browser.toPlainText()
    assert "Ctrl+0" in sheet
    assert "Alt+Down / Alt+Up" in sheet  # keys the panels handle themselves
    steps = pages["First steps with launchmap"].browser.toPlainText()
    assert "who says so?" in steps
    for page in pages.values():
        page.close()


def test_the_sheet_can_be_built_for_any_main_window(qapp):
    from PySide6.QtWidgets import QMainWindow

    empty = QMainWindow()
    page = show_shortcuts(empty)
    assert "Source text" in page.browser.toPlainText()
    page.close()


def test_the_map_zooms_in_and_out_from_the_keyboard(window, qtbot):
    """No key zoomed the map (a QGIS user reaches for Ctrl++ and Ctrl+-): View > Zoom in / Zoom out, about the
    map's centre, listed on the shortcut sheet."""
    from PySide6.QtGui import QKeySequence

    rows = dict(shortcut_rows(window))
    view = dict((what, keys) for keys, what in rows["View"])
    assert view["Zoom in"] == QKeySequence(QKeySequence.StandardKey.ZoomIn).toString()
    assert view["Zoom out"] == QKeySequence(QKeySequence.StandardKey.ZoomOut).toString()
    (view_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    actions = {a.text(): a for a in view_menu.actions()}
    canvas = window.canvas
    before = canvas.view.viewRect()
    actions["Zoom &in"].trigger()
    inside = canvas.view.viewRect()
    assert inside.width() < before.width() * 0.8
    assert abs(inside.center().x() - before.center().x()) < before.width() * 0.01
    actions["Zoom &out"].trigger()
    assert abs(canvas.view.viewRect().width() - before.width()) < before.width() * 0.01
