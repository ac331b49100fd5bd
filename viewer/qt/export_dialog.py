"""File ▸ Export image (the current view as PNG, JPEG, SVG or PDF at a chosen size) and File ▸ Export briefing (the
deck), both with progress while they work; the deck's maps are drawn by viewer.qt.briefing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from viewer.io.files import reason
from viewer.io.progress import Cancelled, Progress
from viewer.model.bookmark import Bookmark
from viewer.model.reports import sources_note
from viewer.model.workspace import Workspace
from viewer.qt import plain_box
from viewer.qt.briefing import write_briefing
from viewer.qt.dialogs.folders import remember_folder, start_path
from viewer.qt.workers import run_with_progress

if TYPE_CHECKING:
    from viewer.model.view import MapView
    from viewer.qt.shell import Shell


@dataclass(frozen=True)
class SizePreset:
    title: str
    width: int
    height: int
    dpi: float
    physical: bool = False  # a page: decorations in points of it (else they scale with the pixels)
    looks: float = 0.0  # the view's own preset: decorations, symbols and text x this, the screen enlarged


BY = " \N{MULTIPLICATION SIGN} "
PRESETS = (
    SizePreset(f"Screen, 1920{BY}1080", 1920, 1080, 96),
    SizePreset(f"A4 landscape, 300 dpi (3508{BY}2480)", 3508, 2480, 300, physical=True),
    SizePreset(f"Square, 1080{BY}1080", 1080, 1080, 96),
)
CUSTOM = "Custom"
LONGER_SIDE = 1920  # the view's shape is offered at this many pixels on its longer side
LAST_IMAGE_KEY = "export/last_image"
TITLE_KEY = "export/title"  # the title typed last, offered again (often the same briefing's next image)
SIZE_KEY = "export/size"  # the size chosen last: "view" (the map as on screen, at its size then), a preset's title, or
# "W x H @ DPI" typed in; only the last comes back, and only while it has the view's shape (see _restore_size)
SAME_SHAPE = 0.01  # relative difference in aspect under which a size shows the view's own area
FORMATS = {"PNG image (with world file)": ".png", "SVG drawing": ".svg", "PDF document": ".pdf",
           "JPEG image (with world file)": ".jpg"}
DECK_FILTER = "PowerPoint deck (*.pptx);;PDF deck (*.pdf)"


class ExportImageDialog(QDialog):
    """Size (a preset or custom), resolution, format and file, title, and which decorations to draw."""

    def __init__(self, parent: QWidget | None = None, path: str | None = None,
                 view_size: tuple[int, int] | None = None, map_view: MapView | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export image")
        path = path or last_image_path()
        # The view's own shape comes first: fitted to it, the image shows the area the screen shows (another shape
        # shows more around it, and other labels).
        self.view_size = view_size if view_size and min(view_size) > 0 else None
        self.map_view = map_view
        self.presets = ([_view_preset(*self.view_size)] if self.view_size else []) + list(PRESETS)
        form = QFormLayout(self)
        self.preset_box = QComboBox()
        self.preset_box.addItems([p.title for p in self.presets] + [CUSTOM])
        self.width_box = _spin(16, 20000, 1920)
        self.height_box = _spin(16, 20000, 1080)
        self.dpi_box = QDoubleSpinBox()
        self.dpi_box.setRange(10, 1200)
        self.dpi_box.setValue(96)
        self.extent_label = QLabel()  # the area the chosen size shows: the screen's, or more around it
        self.extent_label.setWordWrap(True)
        # two lines kept for it from the start: a longer text in a dialog laid out for a shorter one overlapped
        self.extent_label.setMinimumHeight(2 * self.extent_label.fontMetrics().lineSpacing() + 2)
        self.dpi_box.setToolTip("A page preset (A4) keeps text in points at any resolution; 'The map as on "
                                "screen' draws the map as the screen shows it, enlarged; other sizes are pixels, whose "
                                "decorations grow with images larger than 1920x1080 (the dpi is only written into the "
                                "file)")
        self.format_box = QComboBox()
        self.format_box.addItems(list(FORMATS))
        self.path_edit = QLineEdit(path)
        browse = QPushButton("Br&owse…")
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(browse)
        self.title_edit = QLineEdit(_text_setting(TITLE_KEY))
        self.title_edit.setPlaceholderText("Drawn at the top of the map (optional)")
        self.legend_box = QCheckBox("&Legend")
        self.scale_bar_box = QCheckBox("Scale &bar")
        self.north_arrow_box = QCheckBox("&North arrow")
        toggles = QHBoxLayout()
        for box in (self.legend_box, self.scale_bar_box, self.north_arrow_box):
            box.setChecked(True)
            toggles.addWidget(box)
        # Alt and a letter reaches each field (QFormLayout makes a label with '&' its field's buddy)
        form.addRow("&Size", self.preset_box)
        form.addRow("", self.extent_label)
        form.addRow("&Width (px)", self.width_box)
        form.addRow("&Height (px)", self.height_box)
        form.addRow("&Resolution (dpi)", self.dpi_box)
        form.addRow("For&mat", self.format_box)
        form.addRow("F&ile", file_row)
        cast(QLabel, form.labelForField(file_row)).setBuddy(self.path_edit)  # a row of two: the name is the field
        form.addRow("&Title", self.title_edit)
        form.addRow("Draw", toggles)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Export")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self._applying = False
        self.preset_box.currentIndexChanged.connect(self._preset_chosen)
        for spin in (self.width_box, self.height_box, self.dpi_box):
            spin.valueChanged.connect(self._size_edited)
        self.format_box.currentIndexChanged.connect(self._format_chosen)
        browse.clicked.connect(self._browse)
        self.path_edit.textEdited.connect(self._format_from_path)  # a name typed in with its suffix picks the format
        self._format_from_path()
        self._preset_chosen(0)
        self._restore_size(_text_setting(SIZE_KEY))
        self._show_extent()

    # -- presets and formats -----------------------------------------------------------------------
    def _size_setting(self) -> str:
        index = self.preset_box.currentIndex()
        if index < len(self.presets):
            preset = self.presets[index]
            return "view" if preset.looks else preset.title
        return f"{self.width_box.value()} x {self.height_box.value()} @ {self.dpi_box.value():g}"

    def _restore_size(self, setting: str) -> None:
        """The dialog opens on the view's own size: what the screen shows is what the image shows. A size typed in
        at the last export comes back only while it has the view's shape (the same area at other pixels); one of
        another shape, or a preset, would show another area than the screen does, unnoticed."""
        match = re.fullmatch(r"(\d+) x (\d+) @ ([\d.]+)", setting)
        if match is None or self.view_size is None:
            return
        width, height = int(match.group(1)), int(match.group(2))
        if abs((width / height) / (self.view_size[0] / self.view_size[1]) - 1) <= SAME_SHAPE:
            self.width_box.setValue(width)
            self.height_box.setValue(height)
            self.dpi_box.setValue(float(match.group(3)))

    def choose_preset(self, index: int) -> None:
        self.preset_box.setCurrentIndex(index)

    def _preset_chosen(self, index: int) -> None:
        if index >= len(self.presets):
            return
        preset = self.presets[index]
        self._applying = True
        self.width_box.setValue(preset.width)
        self.height_box.setValue(preset.height)
        self.dpi_box.setValue(preset.dpi)
        self._applying = False
        self._show_extent()

    def _size_edited(self, *_) -> None:
        if self._applying:
            return
        size = (self.width_box.value(), self.height_box.value(), self.dpi_box.value())
        match = next((i for i, p in enumerate(self.presets) if (p.width, p.height, p.dpi) == size), len(self.presets))
        self.preset_box.blockSignals(True)
        self.preset_box.setCurrentIndex(match)
        self.preset_box.blockSignals(False)
        self._show_extent()

    def _show_extent(self) -> None:
        """Say which area the size shows: the screen's, or more of the map above and below it or either side."""
        self.extent_label.setText(self.extent_text())

    def extent_text(self) -> str:
        if self.view_size is None:
            return ""
        width, height = self.width_box.value(), self.height_box.value()
        ratio = (width / height) / (self.view_size[0] / self.view_size[1])
        area = self._area(width, height)
        if abs(ratio - 1) <= SAME_SHAPE:
            return f"The area the screen shows{': ' + area if area else ''}"
        where = "either side" if ratio > 1 else "above and below"
        return f"More than the screen shows {where}{': ' + area if area else ''}"

    def _area(self, width: int, height: int) -> str:
        """The lon/lat box an image of this size shows of the view's frame (fitted to it as the export fits it)."""
        view = self.map_view
        if view is None or view.frame is None:
            return ""
        from viewer.geo.crs import format_lat, format_lon
        from viewer.qt.draw.scene import fitted

        shown = view.copy()
        shown.set_frame(fitted(view.frame, width, height))
        west, south, east, north = shown.frame_extent()
        return f"{format_lon(round(west, 2))} to {format_lon(round(east, 2))}, " \
               f"{format_lat(round(south, 2))} to {format_lat(round(north, 2))}"

    @property
    def decoration_scale(self) -> float | None:
        """How much larger than on screen text and symbols are drawn, when the size chosen is the view's own
        preset (the screen enlarged); None for the other sizes, which follow the command line's rules."""
        index = self.preset_box.currentIndex()
        looks = self.presets[index].looks if index < len(self.presets) else 0.0
        return looks or None

    @property
    def suffix(self) -> str:
        return FORMATS[self.format_box.currentText()]

    def _format_chosen(self, *_) -> None:
        path = Path(self.path_edit.text() or "map")
        self.path_edit.setText(str(path.with_suffix(self.suffix)))

    def _format_from_path(self, *_) -> None:
        suffix = Path(self.path_edit.text()).suffix.lower()
        for index, known in enumerate(FORMATS.values()):
            if known == suffix:
                self.format_box.setCurrentIndex(index)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export image", self.path_edit.text(),
                                              ";;".join(f"{t} (*{s})" for t, s in FORMATS.items()),
                                              options=QFileDialog.Option.DontConfirmOverwrite)  # Export asks
        if path:
            self.path_edit.setText(path if Path(path).suffix else path + self.suffix)
            self._format_from_path()

    def _accept_if_valid(self) -> None:
        path = self.path
        if path.suffix.lower() not in FORMATS.values() or not path.name:
            plain_box.warning(self, "Export image", f"{path}: the file must end in .png, .jpg, .svg or .pdf")
            return
        if path.exists():
            answer = plain_box.question(self, "Export image", f"{path} exists. Replace it?",
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        QSettings().setValue(LAST_IMAGE_KEY, str(path))
        QSettings().setValue(TITLE_KEY, self.title_edit.text())
        QSettings().setValue(SIZE_KEY, self._size_setting())
        remember_folder(path)
        self.accept()

    @property
    def path(self) -> Path:
        """The file as a full path: a bare name went wherever the program was started."""
        return Path(self.path_edit.text()).expanduser().absolute()


def last_image_path() -> str:
    """The image exported last (its folder is where the user keeps them), else map.png in the folder the dialogs
    start in (the last one used, else the documents folder)."""
    return _text_setting(LAST_IMAGE_KEY) or start_path("map.png")


def _text_setting(key: str) -> str:
    value = QSettings().value(key, "")
    return value if isinstance(value, str) else ""


def _view_preset(width: int, height: int) -> SizePreset:
    """The map's area on screen (not the screen's: the panels take the rest) enlarged to LONGER_SIDE pixels, its
    text and symbols with it: the image looks as the screen does (at 96 dpi, with text at screen size, a 686 px
    map exported at 1920 px had text a third as large and other labels). Its title names both sizes: a bare
    '1920 x 1835' offered on a 1920 x 1080 screen read as a mistake."""
    scale = LONGER_SIDE / max(width, height)
    w, h = max(16, round(width * scale)), max(16, round(height * scale))
    resized = "enlarged to" if scale > 1 else "reduced to" if scale < 1 else "at"
    return SizePreset(f"The map as on screen ({width}{BY}{height}), {resized} {w}{BY}{h}", w, h, 96, looks=scale)


def _spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def ask_and_export_image(workspace: Workspace, map_view: MapView, shell: Shell,
                         view_size: tuple[int, int] | None = None) -> Path | None:
    """Ask for size, decorations and file, then export what the map shows now (same projection, frame, filters);
    ``view_size``, the map's size on screen, is offered first."""
    dialog = ExportImageDialog(shell.parent, view_size=view_size, map_view=map_view)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return export_view(workspace, map_view, shell, dialog.path, dialog.width_box.value(), dialog.height_box.value(),
                       dialog.dpi_box.value(), dialog.title_edit.text(), dialog.legend_box.isChecked(),
                       scale_bar=dialog.scale_bar_box.isChecked(), north_arrow=dialog.north_arrow_box.isChecked(),
                       decoration_scale=dialog.decoration_scale)


def export_view(workspace: Workspace, map_view: MapView, shell: Shell, path: Path, width: int, height: int,
                dpi: float, title: str, legend: bool = True, *, scale_bar: bool = True,
                north_arrow: bool = True, decoration_scale: float | None = None) -> Path | None:
    """Render ``map_view`` offscreen, as it is on screen but without selection or hover, and write it.
    ``decoration_scale``: pens, symbols and text x this (the view's own preset); else the command line's rules."""
    from viewer.geo.page_size import SCREEN_DPI, pixels
    from viewer.qt.render import ImageRequest, MapRenderer

    view = map_view.copy()
    content = workspace.content
    # The same rules as the command line: a page preset sizes decorations in its points, pixels scale them.
    page = any((p.width, p.height, p.dpi) == (width, height, dpi) and p.physical for p in PRESETS)
    scale = dpi / SCREEN_DPI if page else pixels(width, height, dpi).decoration_scale
    if decoration_scale is not None:
        scale = decoration_scale
    placement = view.decorations.legend if view.decorations.shows_legend else "auto"
    view.set_decorations(title=title, legend=placement if legend else "none", scale_bar=scale_bar,
                         north_arrow=north_arrow,
                         footnote=sources_note(content, view.visible_features(content)))
    request = ImageRequest(view, width=width, height=height, dpi=dpi, decoration_scale=scale)

    def draw(progress: Progress) -> None:  # on a worker thread: the window keeps running while the map draws
        progress(0, 3)
        renderer = MapRenderer(workspace, view, size=(width, height))  # large areas at its pixel size
        try:
            renderer.scene.checkpoint = lambda: progress(1, 3)  # Cancel stops the drawing between layers
            progress(1, 3)
            renderer.save(path, request)  # all files or none: a cancelled drawing writes nothing
        finally:
            renderer.close()
        progress(3, 3)

    try:
        run_with_progress(shell.parent, "Export image", draw, label=f"Drawing {path.name} ({width}{BY}{height} px)…",
                          minimum_duration_ms=0)
    except Cancelled:
        shell.status("Image export cancelled; nothing was written", 8000)
        return None
    except (OSError, ValueError) as error:
        plain_box.warning(shell.parent, "Export image", f"{path}: {reason(path, error)}")
        return None
    shell.status(f"Exported {path}", 8000)
    return path


def ask_and_export_briefing(workspace: Workspace, bookmarks: list[Bookmark], shell: Shell,
                            path: Path | None = None) -> Path | None:
    """File ▸ Export briefing: the deck (PPTX or PDF) of the bookmarks, or of every launch without any."""
    if path is None:
        chosen, selected = QFileDialog.getSaveFileName(shell.parent, "Export briefing", start_path("briefing.pptx"),
                                                       DECK_FILTER)
        if not chosen:
            return None
        remember_folder(chosen)
        path = Path(chosen)
        if path.suffix.lower() not in (".pptx", ".pdf"):
            path = path.with_suffix(".pdf" if "PDF" in selected else ".pptx")
    return export_briefing(workspace, bookmarks, shell, path)


def export_briefing(workspace: Workspace, bookmarks: list[Bookmark], shell: Shell, path: Path,
                    title: str = "") -> Path | None:
    """Render one map per slide with a cancellable progress dialog, then write the deck atomically."""
    def job(progress: Progress):  # on a worker thread: the maps are drawn without a scene, so off the GUI thread
        def report(done: int, total: int, what: str = "") -> None:
            progress(done, total + 1)  # the last step writes the deck

        return write_briefing(workspace, bookmarks, path, title=title, progress=report)

    try:
        deck = run_with_progress(shell.parent, "Export briefing", job, label=f"Drawing the maps of {path.name}…",
                                 minimum_duration_ms=0)
    except Cancelled:
        shell.status("Briefing export cancelled; nothing was written", 8000)
        return None
    except (OSError, ValueError) as error:
        plain_box.warning(shell.parent, "Export briefing", f"{path}: {reason(path, error)}")
        return None
    from viewer.export.deck_fonts import missing_font_warning

    if warning := missing_font_warning(deck, str(path)):
        shell.warn("Export briefing", warning)
    else:
        shell.status(f"Exported {path} ({len(deck.slides)} slides)", 8000)
    return path
