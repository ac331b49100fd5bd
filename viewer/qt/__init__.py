"""The Qt shell: main window, map canvas, panels and the renderer used for image export."""
