"""What controllers may ask of the window they serve: a parent for their dialogs, status messages, warnings, and
opening files. They get this, not the main window, so none of them reaches into another's widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStatusBar, QWidget

from viewer.qt import plain_box


class Shell:
    """The window's services for controllers (session, review, export, presentation)."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar, open_files: Callable[[list[str]], None]):
        self.parent = parent
        self._status_bar = status_bar
        self._open_files = open_files

    def status(self, message: str, ms: int = 5000) -> None:
        self._status_bar.showMessage(message, ms)

    def clear_status(self) -> None:
        self._status_bar.clearMessage()

    def warn(self, title: str, message: str) -> None:
        """A problem the user must see: in the status bar and in a message box."""
        self._status_bar.showMessage(message, 20000)
        plain_box.warning(self.parent, title, message)

    def open_files(self, paths: list[str]) -> None:
        self._open_files(paths)


def add_action(menu: QMenu, text: str, slot: Callable, shortcut=None) -> QAction:
    """A menu entry (owned by the menu) that calls ``slot``, with an optional shortcut."""
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def no_mnemonic(text: str) -> str:
    """``text`` as a menu entry or a form's label shows it: each '&' shown as one, none taken for an Alt letter (a
    file's name, a feature's label)."""
    return text.replace("&", "&&")


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an Alt letter no other entry of its menu has (``taken``, updated): a word's first letter if
    one is free, else a letter of its last word ("World: R&obinson"), else any; a '&' of the text is shown as one."""
    text = no_mnemonic(text)
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    last = starts[-1] if starts else 0
    for i in [*starts, *range(last, len(text)), *range(last)]:
        letter = text[i].lower()
        if text[i].isalnum() and letter not in taken and (i == 0 or text[i - 1] != "&"):
            taken.add(letter)
            return f"{text[:i]}&{text[i:]}"
    return text


def letter(text: str) -> str | None:
    """The Alt letter of a menu entry's text (the one after a single '&'), lower case, or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def give_letters(menu: QMenu | QMenuBar) -> None:
    """Every entry of ``menu`` an Alt letter no other entry of it has: its own where that is still free (entries in
    order), else one ``with_mnemonic`` picks; then each submenu, now and again whenever it opens (entries added or
    renamed later, such as recent files or Undo's "Undo Edit feature"). Entry texts are taken as escaped ('&&')."""
    taken: set[str] = set()
    entries = [a for a in menu.actions() if not a.isSeparator() and a.text()]
    unlettered = []
    for action in entries:
        own = letter(action.text())
        if own is not None and own not in taken:
            taken.add(own)
        else:
            unlettered.append(action)
    plain = {a: a.text().replace("&&", "\0").replace("&", "").replace("\0", "&") for a in unlettered}
    # the entries with fewest free letters choose first, so a short one is not left with none
    for action in sorted(unlettered, key=lambda a: len({c.lower() for c in plain[a] if c.isalnum()} - taken)):
        action.setText(with_mnemonic(plain[action], taken))
    for action in entries:
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            if not submenu.property("lettered"):
                submenu.setProperty("lettered", True)
                submenu.aboutToShow.connect(lambda m=submenu: give_letters(m))
            give_letters(submenu)
