"""Shared fixtures: small bundles written to a temporary folder, and the shipped sample."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

ARTICLE = (
    "North Korea launched a rocket from the Sohae station on Sunday morning.\n\n"
    "Japan said the rocket traveled 2,000 kilometers south and passed over Okinawa.\n"
)


def citation(text: str, exact: str, document: str = "doc-a") -> dict:
    start = text.index(exact)
    end = start + len(exact)
    return {"document": document, "start": start, "end": end, "exact": exact,
            "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32]}


def small_bundle() -> dict:
    """A valid bundle with one article file, one event and two features."""
    return {
        "type": "FeatureCollection",
        "launchmap": {"version": 1},
        "documents": [{"id": "doc-a", "title": "Test article", "published": "2016-02-07",
                       "path": "article.txt"}],
        "events": [{"id": "ev-1", "name": "Test launch", "time": "2016-02-07T00:30:00Z",
                    "vehicle": "Unha", "outcome": "orbit", "site": "f-site"}],
        "features": [
            {"type": "Feature", "id": "f-site", "geometry": {"type": "Point", "coordinates": [124.705, 39.66]},
             "properties": {"event": "ev-1", "kind": "launch_site", "label": "Sohae", "certainty": "reported",
                            "citations": [citation(ARTICLE, "the Sohae station")]}},
            {"type": "Feature", "id": "f-path",
             "geometry": {"type": "LineString", "coordinates": [[124.705, 39.66], [124.4, 21.7]]},
             "properties": {"event": "ev-1", "kind": "flight_path", "label": "Path", "certainty": "derived",
                            "citations": [citation(ARTICLE, "traveled 2,000 kilometers south")]}},
        ],
    }


@pytest.fixture
def make_bundle(tmp_path: Path):
    """Write a bundle dict (default: the small one) and its article; returns the bundle path."""

    def write(data: dict | None = None, article: str | bytes | None = ARTICLE, name="bundle.geojson") -> Path:
        data = copy.deepcopy(small_bundle() if data is None else data)
        for document in data.get("documents", []) if isinstance(data, dict) else []:
            if isinstance(document, dict) and "path" in document and article is not None:
                raw = article.encode() if isinstance(article, str) else article
                (tmp_path / document["path"]).write_bytes(raw)
                if "sha256" not in document:
                    import hashlib

                    document["sha256"] = hashlib.sha256(raw).hexdigest()
        path = tmp_path / name
        path.write_text(json.dumps(data), encoding="utf-8")
        return path

    return write
