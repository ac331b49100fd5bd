"""Core (psygnal) signals followed by Qt objects only while those objects live: a deleted widget's slot is never
called, and the core keeps no widget alive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject


def follow(signal: Any, owner: QObject, slot: Callable[..., Any]) -> None:
    """Connect ``signal`` to ``slot`` until ``owner`` is destroyed, then disconnect it."""
    signal.connect(slot, check_nargs=False)
    owner.destroyed.connect(lambda *_: signal.disconnect(slot, missing_ok=True))
