"""Where the file dialogs start: the folder the user last opened or saved a file in, else their documents folder —
never the folder the program happened to be started from, which a desktop launcher makes arbitrary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LAST_FOLDER_KEY = "files/last_folder"


def start_folder() -> Path:
    """The folder of the file last opened or saved through a dialog, if it still exists; else the documents folder
    (as Qt finds it: ~/Documents or the desktop's own), else the home folder."""
    last = QSettings().value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_path(name: str = "") -> str:
    """What a dialog opens on: ``name`` (a file name to suggest) in `start_folder`."""
    folder = start_folder()
    return str(folder / name) if name else str(folder)


def remember_folder(path: str | Path) -> None:
    """Note the folder of a file the user chose, for the next dialog."""
    folder = Path(path).expanduser().absolute().parent
    if folder.is_dir():
        QSettings().setValue(LAST_FOLDER_KEY, str(folder))
