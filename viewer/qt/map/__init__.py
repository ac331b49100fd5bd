"""The map canvas and its layers, drawn with pyqtgraph."""
