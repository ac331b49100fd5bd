"""File ▸ Export image: the current view as PNG, SVG or PDF at a chosen size and resolution."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

if TYPE_CHECKING:
    from viewer.qt.main_window import MainWindow


class ExportImageDialog(QDialog):
    def __init__(self, parent: MainWindow):
        super().__init__(parent)
        self.setWindowTitle("Export image")
        form = QFormLayout(self)
        self.width_box = _spin(16, 20000, 1920)
        self.height_box = _spin(16, 20000, 1080)
        self.dpi_box = QDoubleSpinBox()
        self.dpi_box.setRange(10, 1200)
        self.dpi_box.setValue(96)
        self.title_edit = QLineEdit()
        self.legend_box = QCheckBox("Legend")
        self.legend_box.setChecked(True)
        form.addRow("Width (px)", self.width_box)
        form.addRow("Height (px)", self.height_box)
        form.addRow("Resolution (dpi)", self.dpi_box)
        form.addRow("Title", self.title_edit)
        form.addRow("", self.legend_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def ask_and_export_image(window: MainWindow) -> Path | None:
    """Ask for size and file, then export what the map shows now (same projection and area)."""
    dialog = ExportImageDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path, _ = QFileDialog.getSaveFileName(window, "Export image", "map.png",
                                          "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
    if not path:
        return None
    return export_view(window, Path(path), dialog.width_box.value(), dialog.height_box.value(),
                       dialog.dpi_box.value(), dialog.title_edit.text(), dialog.legend_box.isChecked())


def export_view(window: MainWindow, path: Path, width: int, height: int, dpi: float, title: str,
                legend: bool = True) -> Path | None:
    from viewer.qt.render import ImageRequest, MapRenderer

    canvas = window.canvas
    rect = canvas.view.viewRect()
    request = ImageRequest(width=width, height=height, dpi=dpi, projection=canvas.projection, title=title,
                           legend=legend, map_rect=(rect.left(), rect.top(), rect.right(), rect.bottom()))
    renderer = MapRenderer(window.workspace)
    try:
        renderer.save(path, request)
    except (OSError, ValueError) as error:
        QMessageBox.warning(window, "Export image", f"{path}: {error}")
        return None
    finally:
        renderer.close()
    window.statusBar().showMessage(f"Exported {path}", 8000)
    return path
