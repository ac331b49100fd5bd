"""The map's drawing without a scene: every layer painted with a QPainter under a map-to-device transform.

The window's pyqtgraph items and the headless export both draw through this package, so the screen and an exported
image are the same drawing; nothing here imports pyqtgraph or QtWidgets (an import-linter contract checks it).
"""
