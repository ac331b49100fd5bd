"""The curated sample bundle (data/launches.geojson): rebuilt identically, every citation anchored, geography sane."""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
import shapely
from pyproj import Geod
from shapely.geometry import LineString, Point, shape

ROOT = Path(__file__).resolve().parent.parent
BUILDER = ROOT / "tools" / "build_sample_bundle.py"
BUNDLE = ROOT / "data" / "launches.geojson"
GEOD = Geod(ellps="WGS84")

KMS4, MAY, AUG, NOV = "2016-02-07-kms4", "2023-05-31-chollima1", "2023-08-24-chollima1", "2023-11-21-chollima1"
# (lon, lat) from shared/reference/launches.md §0
ISHIGAKI_LON, MIYAKO_CITY_LON = 124.1556, 125.2811
OKINAWA_ISLAND, MIYAKO_ISLAND = (127.9278, 26.4794), (125.317, 24.767)


@pytest.fixture(scope="module")
def bundle() -> dict:
    return json.loads(BUNDLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts(bundle) -> dict[str, str]:
    return {d["id"]: (BUNDLE.parent / d["path"]).read_bytes().decode("utf-8") for d in bundle["documents"]}


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_sample_bundle", BUILDER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def features(bundle: dict, event: str | None = None, kind: str | None = None) -> list[dict]:
    return [f for f in bundle["features"]
            if (event is None or f["properties"]["event"] == event)
            and (kind is None or f["properties"]["kind"] == kind)]


def one(bundle: dict, event: str, kind: str) -> dict:
    (found,) = features(bundle, event, kind)
    return found


def all_citations(bundle: dict) -> list[dict]:
    claims = [c for e in bundle["events"] for c in e.get("claims", [])]
    claims += [c for f in bundle["features"] for c in f["properties"].get("claims", [])]
    own = [c for f in bundle["features"] for c in f["properties"]["citations"]]
    return own + [c for claim in claims for c in claim.get("citations", [])]


# -- the file is the builder's output --------------------------------------------------------------------------
def test_file_is_what_the_builder_writes(tmp_path):
    out = tmp_path / "launches.geojson"
    subprocess.run([sys.executable, str(BUILDER), "-o", str(out)], check=True, capture_output=True, text=True)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(BUNDLE.read_text(encoding="utf-8")), (
        "data/launches.geojson is stale: run python tools/build_sample_bundle.py")
    assert out.read_bytes().endswith(b"}\n")


@pytest.mark.parametrize(("exact", "message"), [("words not in the article", "not found"), ("North Korea", "times")])
def test_builder_refuses_missing_or_ambiguous_quotes(builder, texts, exact, message):
    with pytest.raises(ValueError, match=message):
        builder.cite(builder.Quote("doc-000", exact), texts)


def test_builder_takes_an_explicit_occurrence(builder, texts):
    second = builder.cite(builder.Quote("doc-000", "North Korea", 1), texts)
    assert second["start"] == texts["doc-000"].index("North Korea", texts["doc-000"].index("North Korea") + 1)


# -- provenance ------------------------------------------------------------------------------------------------
def test_article_hashes_match(bundle):
    for document in bundle["documents"]:
        data = (BUNDLE.parent / document["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == document["sha256"], document["id"]


def test_every_citation_is_anchored(bundle, texts):
    citations = all_citations(bundle)
    assert citations
    for c in citations:
        text = texts[c["document"]]
        assert text[c["start"]:c["end"]] == c["exact"], c
        assert c["prefix"] == text[max(0, c["start"] - 32):c["start"]], c
        assert c["suffix"] == text[c["end"]:c["end"] + 32], c
        assert 0 < len(c["exact"]) <= 80, f"keep quotes short: {c['exact']!r}"


def test_every_feature_cites_a_passage(bundle):
    for feature in bundle["features"]:
        assert feature["properties"]["citations"], feature["id"]
        assert feature["properties"]["derivation"], feature["id"]


def test_every_claim_has_a_source(bundle):
    claims = [c for e in bundle["events"] for c in e["claims"]]
    claims += [c for f in bundle["features"] for c in f["properties"].get("claims", [])]
    for c in claims:
        assert c.get("citations") or c.get("reference"), c
        assert c["by"], c


def test_outcome_disagreement_is_recorded(bundle):
    disputed = [e["id"] for e in bundle["events"]
                if len({c["value"] for c in e["claims"] if c["property"] == "outcome"}) > 1]
    assert AUG in disputed  # the article calls it a success; it failed in the 3rd stage


def test_document_date_and_event_date_both_recorded(bundle):
    (aug,) = [e for e in bundle["events"] if e["id"] == AUG]
    assert {c["value"] for c in aug["claims"] if c["property"] == "date"} == {"2023-11-15", "2023-08-24"}


# -- structure -------------------------------------------------------------------------------------------------
def test_four_events_each_with_its_launch_site(bundle):
    assert [e["id"] for e in bundle["events"]] == [KMS4, MAY, AUG, NOV]
    by_id = {f["id"]: f for f in bundle["features"]}
    for event in bundle["events"]:
        site = by_id[event["site"]]
        assert site["properties"]["kind"] == "launch_site"
        assert site["properties"]["event"] == event["id"]
        assert site["geometry"]["type"] == "Point"


def test_ids_unique_and_vocabularies_respected(bundle):
    ids = [f["id"] for f in bundle["features"]]
    assert len(ids) == len(set(ids))
    events = {e["id"] for e in bundle["events"]}
    kinds = {"launch_site", "flight_path", "warning_area", "danger_zone", "impact_point", "overflight"}
    for feature in bundle["features"]:
        p = feature["properties"]
        assert p["event"] in events, feature["id"]
        assert p["kind"] in kinds, feature["id"]
        assert p["certainty"] in {"reported", "derived", "approximate"}, feature["id"]


def test_each_launch_has_the_expected_features(bundle):
    for event in (KMS4, MAY, AUG, NOV):
        kinds = sorted(f["properties"]["kind"] for f in features(bundle, event))
        expected = ["danger_zone"] * 3 + ["flight_path", "impact_point", "launch_site", "warning_area"]
        if event != MAY:  # May 2023 crashed in the Yellow Sea: no overflight
            expected.append("overflight")
        assert kinds == sorted(expected), event


# -- geometry --------------------------------------------------------------------------------------------------
def test_geometries_valid_and_in_range(bundle):
    for feature in bundle["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid, feature["id"]
        assert not geometry.is_empty, feature["id"]
        coords = shapely.get_coordinates(geometry)
        assert (abs(coords[:, 0]) <= 180).all(), feature["id"]
        assert (abs(coords[:, 1]) <= 90).all(), feature["id"]
        if geometry.geom_type == "Polygon":
            assert geometry.exterior.is_ccw, f"{feature['id']}: RFC 7946 wants counter-clockwise exteriors"
            ring = feature["geometry"]["coordinates"][0]
            assert ring[0] == ring[-1], feature["id"]


def test_paths_are_densified_geodesics_from_the_site(bundle):
    by_id = {f["id"]: f for f in bundle["features"]}
    for event in bundle["events"]:
        coords = one(bundle, event["id"], "flight_path")["geometry"]["coordinates"]
        assert coords[0] == by_id[event["site"]]["geometry"]["coordinates"]
        assert coords[-1] == one(bundle, event["id"], "impact_point")["geometry"]["coordinates"]
        for (lon1, lat1), (lon2, lat2) in itertools.pairwise(coords):
            assert 0 < GEOD.inv(lon1, lat1, lon2, lat2)[2] <= 25_000.5, event["id"]


def test_2016_path_crosses_24_5n_between_ishigaki_and_miyako(bundle):
    path = shape(one(bundle, KMS4, "flight_path")["geometry"])
    assert path.intersects(LineString([(ISHIGAKI_LON, 24.5), (MIYAKO_CITY_LON, 24.5)]))
    assert shape(one(bundle, KMS4, "overflight")["geometry"]).intersects(
        LineString([(ISHIGAKI_LON, 24.5), (MIYAKO_CITY_LON, 24.5)]))


def test_2016_path_crosses_every_notified_zone(bundle):
    path = shape(one(bundle, KMS4, "flight_path")["geometry"])
    for zone in features(bundle, KMS4, "danger_zone"):
        assert path.intersects(shape(zone["geometry"])), zone["id"]


@pytest.mark.parametrize("event", [AUG, NOV])
def test_2023_overflight_passes_between_okinawa_and_miyako(bundle, event):
    gap = LineString([MIYAKO_ISLAND, OKINAWA_ISLAND])
    crossing = shape(one(bundle, event, "overflight")["geometry"]).intersection(gap)
    assert crossing.geom_type == "Point"
    for island in (MIYAKO_ISLAND, OKINAWA_ISLAND):  # well clear of both islands, not grazing one
        assert GEOD.inv(*island, crossing.x, crossing.y)[2] > 50_000
    assert shape(one(bundle, event, "overflight")["geometry"]).within(
        shape(one(bundle, event, "warning_area")["geometry"]).buffer(1e-6))


def test_2016_danger_zones_are_the_notified_quadrilaterals(bundle):
    zones = features(bundle, KMS4, "danger_zone")
    assert len(zones) == 3
    for zone in zones:
        polygon = shape(zone["geometry"])
        assert polygon.is_valid
        ring = zone["geometry"]["coordinates"][0]
        assert len(ring) == 5
        corners = shapely.MultiPoint(ring[:-1])
        assert polygon.contains(corners.centroid), zone["id"]
        assert zone["properties"]["certainty"] == "reported"


def test_falls_agree_with_the_reported_zone_relations(bundle):
    # Japan: Nov 2023's 2nd stage fell inside the notified zone, Aug 2023's 3rd stage outside all of them.
    nov_fall = shape(one(bundle, NOV, "impact_point")["geometry"])
    assert any(shape(z["geometry"]).contains(nov_fall) for z in features(bundle, NOV, "danger_zone"))
    aug_fall = shape(one(bundle, AUG, "impact_point")["geometry"])
    assert not any(shape(z["geometry"]).contains(aug_fall) for z in features(bundle, AUG, "danger_zone"))
    # 2016: the 4th object fell south of the notified 2nd-stage zone.
    kms4_fall = shape(one(bundle, KMS4, "impact_point")["geometry"])
    assert kms4_fall.y < min(shape(z["geometry"]).bounds[1] for z in features(bundle, KMS4, "danger_zone"))


def test_sites_are_at_sohae(bundle):
    sohae = Point(124.705, 39.660)
    for event in bundle["events"]:
        site = shape(one(bundle, event["id"], "launch_site")["geometry"])
        assert GEOD.inv(sohae.x, sohae.y, site.x, site.y)[2] < 3_500, event["id"]  # coastal pad ~2.7 km SE


def test_warning_areas_cover_okinawa_prefecture_and_carry_times(bundle):
    islands = [OKINAWA_ISLAND, MIYAKO_ISLAND, (124.1556, 24.3406), (123.0, 24.45), (123.78, 24.06)]
    for event in bundle["events"]:
        area = one(bundle, event["id"], "warning_area")
        assert all(shape(area["geometry"]).contains(Point(p)) for p in islands), event["id"]
        assert area["properties"]["time"].endswith("+09:00")
        if event["id"] != KMS4:  # 2016's second message said 'passed overhead', not 'lifted'
            assert area["properties"]["lifted"] > area["properties"]["time"]


# -- sources named as readers cite them ------------------------------------------------------------------------
def test_no_private_reference_numbers_reach_readers():
    text = BUNDLE.read_text(encoding="utf-8")
    for private in ("launches.md", "§", "S[", "APPROX"):
        assert private not in text, private


def test_every_source_named_is_listed_with_publisher_and_url(bundle):
    listed = {s["id"]: s for s in bundle["sources"]}
    assert len(listed) == len(bundle["sources"])
    named = [i for f in bundle["features"] for i in f["properties"]["sources"]]
    claims = [c for e in bundle["events"] for c in e["claims"]]
    claims += [c for f in bundle["features"] for c in f["properties"].get("claims", [])]
    named += [i for c in claims for i in c.get("sources", [])]
    assert set(named) == set(listed)  # every one named is listed, every one listed is used
    for source in bundle["sources"]:
        assert source["publisher"], source
        assert source["url"].startswith(("http://", "https://")), source
    for claim in claims:  # a reference reads as the sources it names
        if "reference" in claim:
            assert claim["sources"], claim
            assert all(listed[i]["publisher"] in claim["reference"] for i in claim["sources"]), claim


def test_the_sample_articles_carry_the_dates_they_state(bundle):
    documents = {d["id"]: d for d in bundle["documents"]}
    assert documents["doc-002"]["published"] == "2023-11-15"  # the text's own header
    for doc_id in ("doc-000", "doc-001"):  # the articles carry no date line
        assert documents[doc_id]["published"] is None
        text = (BUNDLE.parent / documents[doc_id]["path"]).read_text(encoding="utf-8")
        assert "date " not in text[:40]
