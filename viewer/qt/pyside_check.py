"""PySide6's check of every module imported after it, answered from the module file's bytes: the same answer, cheap."""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401  # loads shibokensupport.feature, whose check is replaced below


def quicker_feature_check() -> None:
    """Make PySide6's check of each module imported after it cheap, with the same answer.

    PySide6 (shibokensupport.feature._mod_uses_pyside, PYSIDE-2029) asks of every module imported after it whether
    its source contains "PySide6", through inspect.getsource, whose inspect.getmodule walks all of sys.modules: some
    1-2 ms a module with launchmap's ~700 modules loaded, 0.3 s of the window's start on a loaded machine and 15 ms
    of an export's. Reading the .py file's bytes answers the same question in microseconds; anything else (no
    file, a compiled extension) goes to PySide6's own check. Nothing changes if a PySide6 release renames or drops
    the function.
    """
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or hasattr(check, "pyside_check"):
        return

    def uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not (isinstance(path, str) and path.endswith(".py")):
            return check(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return check(module)

    uses_pyside.pyside_check = check  # type: ignore[attr-defined]  # replaced once
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
