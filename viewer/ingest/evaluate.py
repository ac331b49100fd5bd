"""Score a draft against a curated bundle: a drafted feature is right when a curated feature has its kind, lies
within the kind's tolerance of it and cites an overlapping passage of the same article.

`python -m viewer.ingest.evaluate [ARTICLES] [CURATED] [STATED]` prints precision and recall per kind, with every
miss, and with STATED (a JSON object keyed by the curated feature ids the articles state) the recall against those.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from viewer.model.bundle import Bundle
from viewer.model.feature import Feature

# How far a drafted geometry may lie from the curated one, in km. Launch sites are named places (30 km covers a
# facility's pads); impact points are "about N km from X" statements, whose rounding alone moves them 100 km or
# more; lines and areas are placed from prefecture-sized descriptions such as "passed over Okinawa".
TOLERANCE_KM = {"launch_site": 30.0, "impact_point": 300.0, "flight_path": 150.0, "overflight": 150.0,
                "warning_area": 150.0, "danger_zone": 150.0, "reference_place": 50.0}  # fmt: skip


@dataclass
class Pair:
    draft: Feature
    curated: Feature
    km: float


@dataclass
class Evaluation:
    drafted: list[Feature]
    curated: list[Feature]
    pairs: list[Pair] = field(default_factory=list)
    misses: list[tuple[Feature, str]] = field(default_factory=list)  # curated features not drafted, and why
    wrong: list[tuple[Feature, str]] = field(default_factory=list)  # drafted features matching nothing, and why

    @property
    def precision(self) -> float:
        return len(self.pairs) / len(self.drafted) if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return len(self.pairs) / len(self.curated) if self.curated else 1.0

    def by_kind(self) -> dict[str, tuple[int, int, int]]:
        """kind → (matched, drafted, curated)."""
        kinds = sorted({f.kind for f in self.drafted} | {f.kind for f in self.curated})
        return {k: (sum(p.curated.kind == k for p in self.pairs), sum(f.kind == k for f in self.drafted),
                    sum(f.kind == k for f in self.curated)) for k in kinds}


def distance_km(draft: BaseGeometry, curated: BaseGeometry) -> float:
    """How far ``draft`` strays from ``curated``: point to point; every vertex of a drafted line to the curated
    line (the draft must lie along it); the centroids of two areas, which must also overlap."""
    centre = curated.centroid
    to_km = Transformer.from_crs("EPSG:4326", f"+proj=aeqd +lat_0={centre.y} +lon_0={centre.x} +units=km",
                                 always_xy=True).transform
    a, b = (shapely.transform(g, lambda x, y: to_km(x, y), interleaved=False) for g in (draft, curated))
    if a.geom_type in ("Polygon", "MultiPolygon") and b.geom_type in ("Polygon", "MultiPolygon"):
        return a.centroid.distance(b.centroid) if a.intersects(b) else float("inf")
    if a.geom_type in ("LineString", "MultiLineString"):
        return max(b.distance(shapely.Point(xy)) for xy in shapely.get_coordinates(a))
    return a.distance(b)


def _document_keys(bundle: Bundle) -> dict[str, str]:
    return {d.id: hashlib.sha256(d.text.encode()).hexdigest() for d in bundle.documents.values() if d.text}


def _overlap(draft: Feature, curated: Feature, draft_docs: dict[str, str], curated_docs: dict[str, str]) -> bool:
    return any(draft_docs.get(a.document) == curated_docs.get(b.document) is not None and a.overlaps(b.start, b.end)
               for a in draft.all_citations for b in curated.all_citations)


def _same_article(draft: Feature, curated: Feature, draft_docs: dict[str, str], curated_docs: dict[str, str]) -> bool:
    return bool({draft_docs.get(c.document) for c in draft.all_citations}
                & {curated_docs.get(c.document) for c in curated.all_citations} - {None})


def evaluate(draft: Bundle, curated: Bundle) -> Evaluation:
    draft_docs, curated_docs = _document_keys(draft), _document_keys(curated)
    result = Evaluation(list(draft.features.values()), list(curated.features.values()))
    candidates = sorted(
        (distance_km(d.geometry, c.geometry), i, j)
        for i, d in enumerate(result.drafted) for j, c in enumerate(result.curated)
        if d.kind == c.kind and d.geometry is not None and c.geometry is not None
        and _overlap(d, c, draft_docs, curated_docs)
    )
    used_draft: set[int] = set()
    used_curated: set[int] = set()
    for km, i, j in candidates:  # nearest first, one to one
        if km <= TOLERANCE_KM.get(result.drafted[i].kind, 50.0) and i not in used_draft and j not in used_curated:
            used_draft.add(i)
            used_curated.add(j)
            result.pairs.append(Pair(result.drafted[i], result.curated[j], km))
    for j, c in enumerate(result.curated):
        if j not in used_curated:
            result.misses.append((c, _why(c, [d for i, d in enumerate(result.drafted) if i not in used_draft],
                                          curated_docs, draft_docs)))
    for i, d in enumerate(result.drafted):
        if i not in used_draft:
            result.wrong.append((d, _why(d, [c for j, c in enumerate(result.curated) if j not in used_curated],
                                         draft_docs, curated_docs, drafted=True)))
    return result


def _why(feature: Feature, others: list[Feature], own_docs: dict[str, str], other_docs: dict[str, str],
         drafted: bool = False) -> str:
    same_kind = [o for o in others if o.kind == feature.kind and _same_article(o, feature, other_docs, own_docs)]
    side = "curated" if drafted else "drafted"
    if not same_kind:
        return f"no {side} {feature.kind} from the same article"
    def km_to(other: Feature) -> float:  # always measured from the drafted geometry to the curated one
        pair = (feature, other) if drafted else (other, feature)
        return distance_km(pair[0].geometry, pair[1].geometry)

    nearest = min(same_kind, key=km_to)
    km = km_to(nearest)
    tolerance = TOLERANCE_KM.get(feature.kind, 50.0)
    if km > tolerance:
        return f"nearest {side} {feature.kind} ({nearest.id}) is {km:,.0f} km off (tolerance {tolerance:g} km)"
    return f"{side} {nearest.id} is {km:,.0f} km away but cites other words"


def report(result: Evaluation) -> str:
    lines = [f"precision {result.precision:.2f} ({len(result.pairs)} of {len(result.drafted)} drafted features right)",
             f"recall    {result.recall:.2f} ({len(result.pairs)} of {len(result.curated)} curated features drafted)",
             "", f"{'kind':16} {'right':>5} {'drafted':>7} {'curated':>7} {'precision':>9} {'recall':>6}"]
    for kind, (right, drafted, curated) in result.by_kind().items():
        p = f"{right / drafted:.2f}" if drafted else "-"
        r = f"{right / curated:.2f}" if curated else "-"
        lines.append(f"{kind:16} {right:5} {drafted:7} {curated:7} {p:>9} {r:>6}")
    lines += ["", "matched (drafted → curated):"]
    lines += [f"  {p.draft.id} → {p.curated.id} ({p.km:,.0f} km)" for p in result.pairs]
    lines += ["", "missed (curated, not drafted):"]
    for feature, why in result.misses:
        cited = "; ".join(repr(c.exact) for c in feature.citations[:2])
        lines.append(f"  {feature.id}: {why}; it cites {cited}")
    lines += ["", "wrong (drafted, matching nothing curated):"]
    lines += [f"  {feature.id}: {why}" for feature, why in result.wrong] or ["  none"]
    return "\n".join(lines)


def stated_recall(result: Evaluation, stated: set[str]) -> tuple[int, int]:
    """(drafted, of) the curated features the articles themselves state: the fair measure of ingest, as the
    rest of a curated bundle comes from notices and reporting the articles do not carry."""
    matched = {p.curated.id for p in result.pairs}
    return len(matched & stated), len(stated)


def evaluate_corpus(articles: Path, curated_path: Path) -> Evaluation:
    from viewer.ingest import ingest_files
    from viewer.io.bundle.reader import read_bundle

    curated, _ = read_bundle(curated_path)
    return evaluate(ingest_files([articles], base=curated_path.parent), curated)


def main(argv: list[str] | None = None) -> int:
    from viewer.resources import asset

    argv = sys.argv[1:] if argv is None else argv
    articles = Path(argv[0]) if argv else asset("data", "articles")
    curated = Path(argv[1]) if len(argv) > 1 else asset("data", "launches.geojson")
    print(f"ingest of {articles} scored against {curated}")
    print("tolerances (km): " + ", ".join(f"{k} {v:g}" for k, v in TOLERANCE_KM.items()))
    result = evaluate_corpus(articles, curated)
    print(report(result))
    if len(argv) > 2:  # the curated features the articles state (a JSON object keyed by feature id)
        import json

        stated = {k for k in json.loads(Path(argv[2]).read_text(encoding="utf-8")) if not k.startswith("_")}
        right, total = stated_recall(result, stated)
        missed = sorted(stated - {p.curated.id for p in result.pairs})
        print(f"\nrecall against what the articles state: {right / total:.2f} ({right} of {total}); "
              f"against the whole bundle: {result.recall:.2f} ({len(result.pairs)} of {len(result.curated)})")
        print("".join(f"\n  stated, not drafted: {m}" for m in missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
