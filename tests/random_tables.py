"""Random files' tables (launch or none, kind, certainty, draft, own paint, folder), joined as a workspace joins them:
what is kept per file and joined is compared with the same worked out over the merged rows afresh."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.model.feature import Feature
from viewer.model.feature_table import FeatureTable

EVENTS = [None, "", "e1", "e2", "e3"]
KINDS = ["impact_point", "launch_site", "flight_path", None]
CERTAINTIES = [None, "reported", "approximate", "derived"]
PAINTS = [{}, {"stroke": "#FFFF00"}, {"marker-color": "#00FFFF"}, {"fill": "#112233", "stroke": "#445566"}]
FOLDERS = [None, "", "Sites", "Sites / Old", "Other"]


def random_table(rng: np.random.Generator, count: int, name: str, layer: str | None) -> FeatureTable:
    """A file's table of ``count`` random features, those of no launch in ``layer`` as the workspace names them."""
    events = rng.integers(0, len(EVENTS) if rng.random() < 0.7 else 2, count)
    features = []
    for i, event in enumerate(events.tolist()):
        properties = {"kind": KINDS[rng.integers(0, len(KINDS))] if rng.random() < 0.5 else "impact_point",
                      **PAINTS[rng.integers(0, len(PAINTS)) if rng.random() < 0.5 else 0]}
        if event:
            properties["event"] = EVENTS[event]
        if certainty := CERTAINTIES[rng.integers(0, len(CERTAINTIES))]:
            properties["certainty"] = certainty
        if rng.random() < 0.2:
            properties["draft"] = True
        if folder := FOLDERS[rng.integers(0, len(FOLDERS))]:
            properties["folder"] = folder
        features.append(Feature(f"{name}{i}", shapely.Point(120 + i % 7, 30), properties))
    table = FeatureTable.of(features)
    loose = ~table.event.where(bool)
    if layer is not None and loose.any():
        table.features[loose].name_layer(layer)
        table.with_layer(layer, loose)
    return table


def merged_tables(rng: np.random.Generator) -> FeatureTable:
    """Tables of files joined, some of them tables joined already (a plain layer's runs), some of no layer."""
    tables = [random_table(rng, int(rng.integers(0, 300)), f"f{n}", f"layer {n}" if rng.random() < 0.8 else None)
              for n in range(int(rng.integers(1, 5)))]
    if len(tables) > 2 and rng.random() < 0.5:
        tables = [FeatureTable.concatenated(tables[:2]), *tables[2:]]
    return FeatureTable.concatenated(tables)


def some_rows(rng: np.random.Generator, table: FeatureTable) -> list[np.ndarray]:
    """Rows a caller asks for: all, a random subset in order, a tail, none, and some out of order."""
    count = len(table)
    return [np.arange(count), np.flatnonzero(rng.random(count) < 0.6),
            np.arange(count)[int(rng.integers(0, count + 1)):], np.zeros(0, dtype=np.intp),
            rng.permutation(count)[:int(rng.integers(0, count + 1))]]
