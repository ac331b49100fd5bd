"""File ▸ Export image (the current view as PNG, SVG or PDF at a chosen size) and File ▸ Export briefing (the deck),
both with progress while they work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.export.deck import SLIDE_PIXELS, Deck, MapImages, MapShot, Progress
from viewer.model.bookmark import Bookmark
from viewer.model.workspace import Workspace

if TYPE_CHECKING:
    from viewer.qt.main_window import MainWindow


@dataclass(frozen=True)
class SizePreset:
    title: str
    width: int
    height: int
    dpi: float


BY = " \N{MULTIPLICATION SIGN} "
PRESETS = (
    SizePreset(f"Screen, 1920{BY}1080", 1920, 1080, 96),
    SizePreset(f"A4 landscape, 300 dpi (3508{BY}2480)", 3508, 2480, 300),
    SizePreset(f"Square, 1080{BY}1080", 1080, 1080, 96),
)
CUSTOM = "Custom"
FORMATS = {"PNG image (with world file)": ".png", "SVG drawing": ".svg", "PDF document": ".pdf"}
DECK_FILTER = "PowerPoint deck (*.pptx);;PDF deck (*.pdf)"
MAX_ZOOM_OUT = 1.6  # how much smaller a slide's map may be drawn to keep its data clear of the legend


class ExportImageDialog(QDialog):
    """Size (a preset or custom), resolution, format and file, title, and which decorations to draw."""

    def __init__(self, parent: QWidget | None = None, path: str = "map.png"):
        super().__init__(parent)
        self.setWindowTitle("Export image")
        form = QFormLayout(self)
        self.preset_box = QComboBox()
        self.preset_box.addItems([p.title for p in PRESETS] + [CUSTOM])
        self.width_box = _spin(16, 20000, 1920)
        self.height_box = _spin(16, 20000, 1080)
        self.dpi_box = QDoubleSpinBox()
        self.dpi_box.setRange(10, 1200)
        self.dpi_box.setValue(96)
        self.dpi_box.setToolTip("Line widths and text grow with the resolution: 300 for print, 96 for screens")
        self.format_box = QComboBox()
        self.format_box.addItems(list(FORMATS))
        self.path_edit = QLineEdit(path)
        browse = QPushButton("Browse…")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Drawn at the top of the map (optional)")
        self.legend_box = QCheckBox("Legend")
        self.scale_bar_box = QCheckBox("Scale bar")
        self.north_arrow_box = QCheckBox("North arrow")
        toggles = QHBoxLayout()
        for box in (self.legend_box, self.scale_bar_box, self.north_arrow_box):
            box.setChecked(True)
            toggles.addWidget(box)
        form.addRow("Size", self.preset_box)
        form.addRow("Width (px)", self.width_box)
        form.addRow("Height (px)", self.height_box)
        form.addRow("Resolution (dpi)", self.dpi_box)
        form.addRow("Format", self.format_box)
        form.addRow("File", file_row)
        form.addRow("Title", self.title_edit)
        form.addRow("Draw", toggles)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self._applying = False
        self.preset_box.currentIndexChanged.connect(self._preset_chosen)
        for box in (self.width_box, self.height_box, self.dpi_box):
            box.valueChanged.connect(self._size_edited)
        self.format_box.currentIndexChanged.connect(self._format_chosen)
        browse.clicked.connect(self._browse)
        self._format_from_path()

    # -- presets and formats -----------------------------------------------------------------------
    def choose_preset(self, index: int) -> None:
        self.preset_box.setCurrentIndex(index)

    def _preset_chosen(self, index: int) -> None:
        if index >= len(PRESETS):
            return
        preset = PRESETS[index]
        self._applying = True
        self.width_box.setValue(preset.width)
        self.height_box.setValue(preset.height)
        self.dpi_box.setValue(preset.dpi)
        self._applying = False

    def _size_edited(self, *_) -> None:
        if self._applying:
            return
        size = (self.width_box.value(), self.height_box.value(), self.dpi_box.value())
        match = next((i for i, p in enumerate(PRESETS) if (p.width, p.height, p.dpi) == size), len(PRESETS))
        self.preset_box.blockSignals(True)
        self.preset_box.setCurrentIndex(match)
        self.preset_box.blockSignals(False)

    @property
    def suffix(self) -> str:
        return FORMATS[self.format_box.currentText()]

    def _format_chosen(self, *_) -> None:
        path = Path(self.path_edit.text() or "map")
        self.path_edit.setText(str(path.with_suffix(self.suffix)))

    def _format_from_path(self) -> None:
        suffix = Path(self.path_edit.text()).suffix.lower()
        for index, known in enumerate(FORMATS.values()):
            if known == suffix:
                self.format_box.setCurrentIndex(index)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export image", self.path_edit.text(),
                                              ";;".join(f"{t} (*{s})" for t, s in FORMATS.items()))
        if path:
            self.path_edit.setText(path if Path(path).suffix else path + self.suffix)
            self._format_from_path()

    def _accept_if_valid(self) -> None:
        path = Path(self.path_edit.text())
        if path.suffix.lower() not in FORMATS.values() or not path.name:
            QMessageBox.warning(self, "Export image", f"{path}: the file must end in .png, .svg or .pdf")
            return
        self.accept()

    @property
    def path(self) -> Path:
        return Path(self.path_edit.text()).expanduser()


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def ask_and_export_image(window: MainWindow) -> Path | None:
    """Ask for size, decorations and file, then export what the map shows now (same projection and area)."""
    dialog = ExportImageDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return export_view(window, dialog.path, dialog.width_box.value(), dialog.height_box.value(),
                       dialog.dpi_box.value(), dialog.title_edit.text(), dialog.legend_box.isChecked(),
                       scale_bar=dialog.scale_bar_box.isChecked(), north_arrow=dialog.north_arrow_box.isChecked())


def export_view(window: MainWindow, path: Path, width: int, height: int, dpi: float, title: str,
                legend: bool = True, *, scale_bar: bool = True, north_arrow: bool = True) -> Path | None:
    """Render the window's current view offscreen and write it; a progress dialog shows while it works."""
    from viewer.qt.render import ImageRequest, MapRenderer

    canvas = window.canvas
    rect = canvas.view.viewRect()
    request = ImageRequest(width=width, height=height, dpi=dpi, projection=canvas.projection, title=title,
                           legend=legend, scale_bar=scale_bar, north_arrow=north_arrow,
                           footnote=sources_note(window.workspace),
                           map_rect=(rect.left(), rect.top(), rect.right(), rect.bottom()))
    progress = _progress(window, "Export image", f"Drawing {path.name} ({width}{BY}{height} px)…", 3)
    renderer = MapRenderer(_copy_of(window.workspace))
    try:
        progress.setValue(1)
        QApplication.processEvents()
        renderer.save(path, request)
        progress.setValue(3)
    except (OSError, ValueError) as error:
        QMessageBox.warning(window, "Export image", f"{path}: {getattr(error, 'strerror', None) or error}")
        return None
    finally:
        progress.close()
        release(renderer)
    window.statusBar().showMessage(f"Exported {path}", 8000)
    return path


def ask_and_export_briefing(window: MainWindow, bookmarks: list[Bookmark], path: Path | None = None) -> Path | None:
    """File ▸ Export briefing: the deck (PPTX or PDF) of the bookmarks, or of every launch without any."""
    if path is None:
        chosen, selected = QFileDialog.getSaveFileName(window, "Export briefing", "briefing.pptx", DECK_FILTER)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".pptx", ".pdf"):
            path = path.with_suffix(".pdf" if "PDF" in selected else ".pptx")
    return export_briefing(window, bookmarks, path)


def export_briefing(window: MainWindow, bookmarks: list[Bookmark], path: Path, title: str = "") -> Path | None:
    """Render one map per slide with a cancellable progress dialog, then write the deck atomically."""
    from viewer.export.deck import Cancelled

    slides = len(bookmarks) or len(window.workspace.content.events)
    progress = _progress(window, "Export briefing", f"Preparing {path.name}…", slides + 2, cancellable=True)

    def report(done: int, total: int, what: str) -> bool:
        progress.setMaximum(total + 1)
        progress.setValue(done)
        progress.setLabelText(what)
        QApplication.processEvents()
        return not progress.wasCanceled()

    try:
        deck = write_briefing(window.workspace, bookmarks, path, title=title, progress=report)
    except Cancelled:
        window.statusBar().showMessage("Briefing export cancelled; nothing was written", 8000)
        return None
    except (OSError, ValueError) as error:
        QMessageBox.warning(window, "Export briefing", f"{path}: {getattr(error, 'strerror', None) or error}")
        return None
    finally:
        progress.close()
    window.statusBar().showMessage(f"Exported {path} ({len(deck.slides)} slides)", 8000)
    return path


def sources_note(workspace: Workspace) -> str:
    """'Sources: …' naming the documents the visible features cite, for the image's footnote."""
    cited = {c.document for f in workspace.visible_features() for c in f.all_citations}
    titles = [d.display_title for i, d in workspace.content.documents.items() if i in cited]
    return f"Sources: {'; '.join(titles)}" if titles else ""


def _copy_of(workspace: Workspace) -> Workspace:
    """The same bundles, filters and selection in a workspace of its own for the offscreen canvas."""
    copy = Workspace()
    for bundle in workspace.bundles:
        copy.add(bundle)
    copy.set_hidden(events=workspace.hidden_events, kinds=workspace.hidden_kinds)
    copy.set_time_window(workspace.time_window)
    copy.selection.select(workspace.selection.features)
    return copy


def _progress(window: QWidget, title: str, text: str, steps: int, cancellable: bool = False) -> QProgressDialog:
    progress = QProgressDialog(text, "Cancel", 0, steps, window)
    if not cancellable:
        progress.setCancelButton(None)  # one image cannot be stopped half-drawn
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)
    QApplication.processEvents()
    return progress


# -- the deck's maps ---------------------------------------------------------------------------------
def write_briefing(workspace: Workspace, bookmarks: list[Bookmark], path: str | Path, *, title: str = "",
                   crs: str = "regional", slide_pixels: int = SLIDE_PIXELS, progress: Progress | None = None) -> Deck:
    """Render every slide's map offscreen and write the deck (by suffix); the workspace itself is not changed.

    Raises ValueError for a projection that cannot be built, OSError when the file cannot be written,
    and deck.Cancelled when ``progress`` returns False.
    """
    from viewer.export import write_deck
    from viewer.export.deck import build_deck
    from viewer.geo.crs import DEFAULT_REGION, projection_from_name
    from viewer.qt.render import MapRenderer

    scratch = Workspace()  # slides hide and select freely without touching what the window shows
    for bundle in workspace.bundles:
        scratch.add(bundle)
    try:
        projection = projection_from_name(crs, scratch.extent() or DEFAULT_REGION)
    except ValueError as error:
        raise ValueError(f"--crs: {error}") from None
    renderer = MapRenderer(scratch)
    try:
        deck = build_deck(scratch.content, bookmarks, map_images(renderer, projection), title=title,
                          slide_pixels=slide_pixels, progress=progress)
    finally:
        release(renderer)
    write_deck(deck, path)
    return deck


def map_images(renderer, default_projection) -> MapImages:
    """The deck's image callback: show each slide's view on the offscreen canvas and encode it as PNG."""
    from viewer.qt.render import ImageRequest

    def render(shot: MapShot) -> bytes:
        view = shot.view
        view.apply_to(renderer.workspace)
        projection = default_projection
        if view.projection is not None:
            try:
                projection = view.projection.build()
            except ValueError:
                projection = default_projection  # the lon/lat extent still frames the same area
        exact = view.map_rect is not None and projection is not default_projection
        request = ImageRequest(width=shot.width, height=shot.height, dpi=shot.dpi, projection=projection,
                               extent=view.extent, map_rect=view.map_rect if exact else None, legend=shot.legend)
        if not exact and view.extent is not None and shot.legend:
            request.map_rect = clear_of_legend(renderer, request)
        image = renderer.image(request)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError("PNG encoding of a slide's map failed")
        return bytes(data.data())

    return render


def release(renderer) -> None:
    """Let Qt delete the offscreen canvas. (MapRenderer.close() crashes in pyqtgraph's GraphicsView.close,
    whose setViewport(None) segfaults under PySide6 6.11.)"""
    renderer.canvas.hide()
    renderer.canvas.deleteLater()


def clear_of_legend(renderer, request) -> tuple[float, float, float, float] | None:
    """A map rect that shows ``request.extent`` beside or above the legend rather than under it.

    The legend sits in the bottom-right corner; on a slide it is large next to the map, and launches
    running north-south would pass beneath it. Of the two ways to keep the data clear of it, the one
    drawing the data larger wins, unless it would shrink the map by more than MAX_ZOOM_OUT: then None,
    and the extent is simply fitted.
    """
    renderer.prepare(request)  # sizes the canvas and decides what is visible, hence the legend's rows
    canvas = renderer.canvas
    legend_w, legend_h, band = legend_size(canvas)
    xmin, ymin, xmax, ymax = canvas.projection.project_extent(request.extent)
    width, height = request.width, request.height
    fitted = max((xmax - xmin) / width, (ymax - ymin) / height)  # map units per pixel, ignoring the legend
    best = None
    # beside the legend the data still keeps above the attribution band along the bottom
    for free_w, free_h, beside in ((width - legend_w, height - band, True), (width, height - legend_h, False)):
        if free_w < 0.25 * width or free_h < 0.25 * height:
            continue
        per_px = max((xmax - xmin) / free_w, (ymax - ymin) / free_h)
        if best is None or per_px < best[0]:
            best = (per_px, free_w, free_h, beside)
    if best is None or best[0] > fitted * MAX_ZOOM_OUT:
        return None
    per_px, free_w, free_h, beside = best
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    left = cx - (free_w if beside else width) / 2 * per_px
    top = cy + free_h / 2 * per_px  # map y grows upwards: the image's top is the largest y
    return (left, top - height * per_px, left + width * per_px, top)


def legend_size(canvas) -> tuple[float, float, float]:
    """Pixels the legend and its margins take from the right edge and from the bottom edge (the attribution
    band included), and the band's height. Mirrors Decorations._legend's arithmetic on the rows it would draw."""
    rows = canvas.decorations._legend_entries()
    band = QFontMetricsF(canvas.context.font(7)).height() + canvas.context.px(4)
    if not rows:
        return (0.0, 0.0, band)
    px = canvas.context.px
    metrics = QFontMetricsF(canvas.context.font(8))
    row = max(metrics.height(), px(16)) + px(3)
    width = px(22) + px(26) + max(metrics.horizontalAdvance(text) for _, text, _ in rows)
    return (width + px(20), row * len(rows) + px(12) + px(20) + band, band)
