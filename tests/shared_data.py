"""Test data shared by the test folders: a small valid bundle, its article, and the Sohae position.

Imported by name (`from shared_data import ...`): two conftest.py files cannot both be imported as `conftest`."""

from __future__ import annotations

SOHAE = (124.705, 39.660)

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
