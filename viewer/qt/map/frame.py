"""The frame the decorations are drawn over (kept in viewer.qt.draw.frame, which the headless export shares)."""

from viewer.qt.draw.frame import ScreenFrame

__all__ = ["ScreenFrame"]
