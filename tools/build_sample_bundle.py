"""Build data/launches.geojson, launchmap's curated sample bundle, from the fact tables in tools/sample_bundle.

Citation offsets, article hashes and geodesic geometry are computed, never typed: `python tools/build_sample_bundle.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the fact tables beside this script

from sample_bundle.facts import DOCUMENTS, EVENTS, SOURCES, Quote
from sample_bundle.geometry import GEOMETRY, KIND_ORDER
from sample_bundle.sources import readable, reference_sources

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
OUTPUT = DATA / "launches.geojson"
CONTEXT = 32  # characters of prefix/suffix kept around a quote (TextQuoteSelector)
__all__ = ["Quote", "build_bundle", "cite", "main"]

# ---------------------------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------------------------
def read_articles() -> dict[str, tuple[str, str]]:
    """Document id -> (text, sha256). Decoded from bytes so offsets are str indices of the exact file."""
    articles = {}
    for document in DOCUMENTS:
        raw = (ARTICLES / document["file"]).read_bytes()
        articles[document["id"]] = (raw.decode("utf-8"), hashlib.sha256(raw).hexdigest())
    return articles


def cite(quote: Quote, texts: dict[str, str]) -> dict:
    """A TextPosition + TextQuote selector for ``quote``; raises if it is absent or ambiguous."""
    text = texts[quote.document]
    starts = [m.start() for m in re.finditer(re.escape(quote.exact), text)]
    if not starts:
        raise ValueError(f"quote not found in {quote.document}: {quote.exact!r}")
    if quote.occurrence is None and len(starts) > 1:
        raise ValueError(f"quote occurs {len(starts)} times in {quote.document}, pick one: {quote.exact!r}")
    index = quote.occurrence or 0
    if index >= len(starts):
        raise ValueError(f"quote has no occurrence {index} in {quote.document}: {quote.exact!r}")
    start = starts[index]
    end = start + len(quote.exact)
    return {"document": quote.document, "start": start, "end": end, "exact": quote.exact,
            "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]}


def built_claim(raw: dict, texts: dict[str, str]) -> dict:
    result = {"property": raw["property"], "value": raw["value"], "by": raw["by"]}
    if raw["quotes"]:
        result["citations"] = [cite(quote, texts) for quote in raw["quotes"]]
    if raw["reference"]:
        used: list[str] = []
        result["reference"] = readable(raw["reference"], used)
        result["sources"] = list(dict.fromkeys(used))
    result.update({k: v for k, v in raw.items() if k not in {"property", "value", "by", "quotes", "reference"}})
    if "citations" not in result and "reference" not in result:
        raise ValueError(f"claim {raw['property']!r} by {raw['by']!r} has neither citations nor reference")
    return result

# ---------------------------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------------------------
def build_bundle() -> dict:
    articles = read_articles()
    texts = {doc_id: text for doc_id, (text, _) in articles.items()}
    documents = [
        {"id": d["id"], "title": d["title"], "published": d["published"], "publisher": d["publisher"],
         "path": f"articles/{d['file']}", "sha256": articles[d["id"]][1], "note": d["note"]}
        for d in DOCUMENTS
    ]
    events, features = [], []
    for raw in EVENTS:
        event = {k: raw[k] for k in ("id", "name", "time", "vehicle", "outcome")}
        event["site"] = f"{raw['id']}/launch-site"
        event["claims"] = [built_claim(c, texts) for c in raw["claims"]]
        events.append(event)
        features += event_features(raw["id"], texts)
    return {"type": "FeatureCollection", "launchmap": {"version": 1},
            "documents": documents, "sources": reference_sources(), "events": events, "features": features}


def event_features(event: str, texts: dict[str, str]) -> list[dict]:
    geometry = GEOMETRY[event]()
    features = []
    for kind in KIND_ORDER:
        source = SOURCES[event].get(kind)
        for suffix, label, geom, certainty, derivation, extra in geometry.get(kind, []):
            if source is None:
                raise ValueError(f"{event}: no passage listed for its {kind}")
            used: list[str] = []
            properties = {"event": event, "kind": kind, "label": label, "certainty": certainty,
                          "derivation": readable(derivation, used),
                          "citations": [cite(quote, texts) for quote in source["quotes"]]}
            if source.get("claims"):
                properties["claims"] = [built_claim(c, texts) for c in source["claims"]]
            for key in ("time", "lifted"):
                if key in source:
                    properties[key] = source[key]
            properties.update(extra)
            if "window_reference" in properties:
                properties["window_reference"] = readable(properties["window_reference"], used)
            properties["sources"] = list(dict.fromkeys(used))
            features.append({"type": "Feature", "id": f"{event}/{suffix}", "geometry": geom,
                             "properties": properties})
    return features


def write_atomically(data: dict, path: Path) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the bundle is a shipped data file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help=f"where to write (default {OUTPUT})")
    args = parser.parse_args(argv)
    bundle = build_bundle()
    write_atomically(bundle, args.output)
    print(f"wrote {args.output}: {len(bundle['events'])} events, {len(bundle['features'])} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
