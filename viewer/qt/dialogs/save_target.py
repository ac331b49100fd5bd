"""Where an edited bundle is saved: back to its file when launchmap wrote it; otherwise to a launchmap bundle the
user names (launchmap's own sample, a new draft, or another tool's file, which is never overwritten unasked)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from viewer.model.bundle import Bundle
from viewer.qt.dialogs.folders import remember_folder, start_path
from viewer.resources import sample_bundle

BUNDLE_FILTER = "Event bundles (*.geojson)"
BUNDLE_SUFFIXES = (".geojson", ".json")


def written_by_launchmap(bundle: Bundle) -> bool:
    """A GeoJSON with launchmap's header: rewriting it keeps it what it was. (A KML, CSV or GeoPackage would
    become GeoJSON under its old name; another tool's GeoJSON would gain launchmap's members.)"""
    path = bundle.path
    return path is not None and path.suffix.lower() in BUNDLE_SUFFIXES and "launchmap" in bundle.extra


def is_the_sample(bundle: Bundle) -> bool:
    return bundle.path is not None and bundle.path.resolve() == sample_bundle().resolve()


def where_to_save(parent: QWidget | None, bundle: Bundle) -> Path | None:
    """The file to write ``bundle``'s edits to; None when the user cancelled choosing."""
    path = bundle.path
    if path is not None and not is_the_sample(bundle) and written_by_launchmap(bundle):
        return path
    if path is None:
        caption, start = "Save draft bundle", start_path("draft.geojson")
    elif is_the_sample(bundle):
        caption, start = "Save a copy of the sample", start_path("launches.geojson")
    else:  # beside it, as GeoJSON; the dialog itself asks before replacing a file that exists
        caption, start = f"Save the edits to {path.name} as a launchmap bundle", str(path.with_suffix(".geojson"))
    name, _ = QFileDialog.getSaveFileName(parent, caption, start, BUNDLE_FILTER)
    if not name:
        return None
    remember_folder(name)
    chosen = Path(name)
    return chosen if chosen.suffix else chosen.with_suffix(".geojson")
