"""Presentation started from the first bookmark even with another selected in the Bookmarks panel. As slide software
does: F5 starts from the beginning, Shift+F5 from the selected bookmark, and the panel's Present button names the
step it starts from."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from viewer.qt.presentation import PresentationWindow


def _shown() -> PresentationWindow:
    (shown,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationWindow) and w.isVisible()]
    return shown  # deleted when closed


def _menu_action(window, text):
    (view_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&View"]
    return next(a for a in view_menu.actions() if a.text().replace("&", "") == text)


def test_presenting_starts_at_the_selected_bookmark_and_the_button_says_which(window, qtbot):
    panel = window.bookmarks_panel
    for _ in range(3):
        panel.add_current()
    window.session.bookmarks.rename(1, "Okinawa overflight")
    panel.list.setCurrentRow(1)
    assert panel.present_button.text() == "Present from 2 of 3 ▶"
    assert "Okinawa overflight" in panel.present_button.toolTip()

    panel.present_button.click()
    presentation = _shown()
    assert presentation.index == 1
    assert "2 / 3" in presentation.counter.text()
    presentation.close()

    _menu_action(window, "Present from selected bookmark").trigger()
    presentation = _shown()
    assert presentation.index == 1
    presentation.close()

    _menu_action(window, "Present from the beginning").trigger()
    presentation = _shown()
    assert presentation.index == 0
    presentation.close()
