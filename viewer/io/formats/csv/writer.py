"""Write a bundle as CSV for spreadsheets: one row per feature, its event, place and the quotes that report it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import shapely

from viewer.io.atomic import atomic_writer
from viewer.io.formats.csv.reader import FORMULA_STARTS
from viewer.io.progress import Progress, no_progress
from viewer.io.unpaired import REPLACE_UNPAIRED
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature

FIXED_COLUMNS = ("id", "event", "event_name", "event_time", "kind", "label", "certainty", "derivation",
                 "lon", "lat", "wkt", "quotes", "sources")


def write_csv(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write atomically, UTF-8 with a byte-order mark so spreadsheets read the article quotes right.

    Points fill lon and lat; every geometry is also in ``wkt``, so `read_csv` and GIS tools place each row.
    """
    extra = _other_property_names(bundle)
    total = len(bundle.features)
    with atomic_writer(path) as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors=REPLACE_UNPAIRED, newline="")
        writer = csv.writer(text)
        writer.writerow(FIXED_COLUMNS + tuple(_guarded(name) for name in extra))  # names come from property keys
        for count, feature in enumerate(bundle.features.values(), start=1):
            writer.writerow(_row(bundle, feature, extra))
            if count % 5000 == 0:
                progress(count, total)
        text.flush()
        text.detach()  # the atomic writer closes the file itself
    progress(total, total)


def _row(bundle: Bundle, feature: Feature, extra: list[str]) -> list[str]:
    event = bundle.events.get(feature.event or "")
    geometry = feature.geometry
    point = geometry if geometry is not None and geometry.geom_type == "Point" and not geometry.is_empty else None
    quotes, sources = [], []
    for citation in feature.all_citations:
        document = bundle.documents.get(citation.document)
        title = document.display_title if document else citation.document
        quotes.append(f"“{citation.exact}”")
        sources.append(title)
    cells = [
        feature.id, feature.event or "", event.name if event else "", (event.time or "") if event else "",
        _text(feature.properties.get("kind")), _text(feature.properties.get("label")),
        _text(feature.properties.get("certainty")), _text(feature.properties.get("derivation")),
        repr(point.x) if point is not None else "", repr(point.y) if point is not None else "",
        shapely.to_wkt(geometry, rounding_precision=-1) if geometry is not None else "",
        " | ".join(quotes), " | ".join(dict.fromkeys(sources)),
    ]
    cells += [_text(feature.properties.get(name)) for name in extra]
    return [_guarded(cell) for cell in cells[:8]] + cells[8:11] + [_guarded(cell) for cell in cells[11:]]


def _other_property_names(bundle: Bundle) -> list[str]:
    names: dict[str, None] = {}
    for feature in bundle.features.values():
        names.update(dict.fromkeys(k for k in feature.properties if k not in FIXED_COLUMNS))
    return list(names)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _guarded(cell: str) -> str:
    """A text cell a spreadsheet shows rather than runs: '=HYPERLINK(…)' in an article is a quote, not a formula."""
    if (cell.startswith(FORMULA_STARTS) and not _is_number(cell)) or (cell[:1] == "'" and cell[1:2] in FORMULA_STARTS
                                                                       and cell[1:2]):
        return "'" + cell  # the second case keeps a cell that already began with "'=" as it was, through read_csv
    return cell


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
