"""KML and KMZ: styled placemarks whose balloons quote the sources, read back into the same bundle; any other
KML opens with its descriptions as documents the placemarks cite."""

from __future__ import annotations

import json
import zipfile

import defusedxml.ElementTree as SafeET
import pyogrio
import pytest
from shared_data import small_bundle

from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.formats.kml.writer import write_kml
from viewer.io.load import open_path
from viewer.model.citation import AnchorStatus
from viewer.model.kinds import kind_style
from viewer.resources import sample_bundle

KML = "{http://www.opengis.net/kml/2.2}"


def as_text(bundle) -> str:
    return json.dumps(bundle_to_dict(bundle), ensure_ascii=False, indent=1)


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_sample_bundle_round_trips(tmp_path, suffix):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / f"launches{suffix}"
    write_kml(bundle, path)
    again, problems = open_path(path)
    assert problems == []
    assert as_text(again) == as_text(bundle)
    for feature_id, feature in bundle.features.items():
        assert again.features[feature_id].geometry.equals_exact(feature.geometry, 0)
        assert again.citations_for(feature_id) == bundle.citations_for(feature_id)
    assert {c.status for f in again.features.values() for c in f.all_citations} == {AnchorStatus.ANCHORED}
    assert {d: doc.text for d, doc in again.documents.items()} == {d: doc.text for d, doc in bundle.documents.items()}


def test_kmz_holds_doc_kml_and_the_icons_it_uses(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.kmz"
    write_kml(bundle, path)
    icons = {f"files/{kind_style(f.kind).symbol}.png" for f in bundle.features.values() if kind_style(f.kind).symbol}
    assert icons == {"files/cross.png", "files/triangle.png"}  # impact points and launch sites
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["doc.kml", *sorted(icons)]
        kml = archive.read("doc.kml")
        root = SafeET.fromstring(kml)
        hrefs = {h.text for h in root.iter(f"{KML}href")}
        assert hrefs == icons  # offline: nothing fetched
        assert b"maps.google.com" not in kml
        for name in hrefs:
            assert archive.read(name).startswith(b"\x89PNG\r\n\x1a\n")


def test_placemarks_are_styled_and_balloons_quote_their_sources(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.kml"
    write_kml(bundle, path)
    root = SafeET.parse(path).getroot()  # parses with entities forbidden: what Google Earth gets is plain XML
    styles = {s.get("id"): s for s in root.iter(f"{KML}Style")}
    document = root.find(f"{KML}Document")
    folders = [f.findtext(f"{KML}name") for f in document.findall(f"{KML}Folder")]
    assert folders[:4] == [f"{e.name}, {e.date_label}" for e in bundle.events_in_time_order()]
    assert folders[-1] == "Sources"
    first = document.find(f"{KML}Folder")
    kinds = [f.findtext(f"{KML}name") for f in first.findall(f"{KML}Folder")]
    assert kinds == ["Danger zones", "Warning areas", "Flight paths", "Overflights", "Impact points",
                     "Launch sites", "Reference places"][:len(kinds)]  # kinds as sub-folders, in the map's order
    assert "Launch sites" in kinds
    times = [e.time for e in bundle.events_in_time_order()]
    assert first.findtext(f"{KML}TimeSpan/{KML}begin") == times[0]  # the launch spans until the next one
    assert first.findtext(f"{KML}TimeSpan/{KML}end") == times[1]
    placemarks = [p for p in root.iter(f"{KML}Placemark") if p.find(f"{KML}styleUrl") is not None]
    assert len(placemarks) == len(bundle.features)
    for placemark in placemarks:
        style = styles[placemark.findtext(f"{KML}styleUrl").removeprefix("#")]
        assert style.find(f"{KML}LineStyle/{KML}color") is not None
    site = next(p for p in placemarks if p.findtext(f"{KML}name") == bundle.features[
        "2016-02-07-kms4/launch-site"].label)
    style = styles[site.findtext(f"{KML}styleUrl")[1:]]
    assert style.find(f"{KML}IconStyle/{KML}color") is not None  # a plain KML leaves the pin to Google Earth
    balloon = site.findtext(f"{KML}description")
    for citation in bundle.features["2016-02-07-kms4/launch-site"].citations:
        assert f"“{citation.exact}”" in balloon
    assert "Who says so" in balloon
    assert site.findtext(f"{KML}TimeSpan/{KML}begin") == bundle.events["2016-02-07-kms4"].time


def test_untrusted_text_is_escaped_not_interpreted(make_bundle, tmp_path):
    data = small_bundle()
    data["features"][0]["properties"]["label"] = "Sohae ]]> <b>bold</b> & co"
    data["features"][0]["properties"]["derivation"] = '<img src=x onerror="alert(1)">'
    bundle, _ = open_path(make_bundle(data, article="<script>alert('the Sohae station')</script>\n"))
    path = tmp_path / "escaped.kml"
    write_kml(bundle, path)
    root = SafeET.parse(path).getroot()
    site = next(p for p in root.iter(f"{KML}Placemark") if p.findtext(f"{KML}name").startswith("Sohae"))
    assert site.findtext(f"{KML}name") == "Sohae ]]> <b>bold</b> & co"  # a name is text in KML
    balloon = site.findtext(f"{KML}description")  # a description is HTML: every piece of data escaped in it
    assert "<script" not in balloon
    assert "<img" not in balloon
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in balloon
    article = next(p for p in root.iter(f"{KML}Placemark") if p.findtext(f"{KML}name") == "Test article")
    assert "&lt;script&gt;" in article.findtext(f"{KML}description")
    assert "<script" not in article.findtext(f"{KML}description")
    again, _ = open_path(path)
    assert again.features["f-site"].label == "Sohae ]]> <b>bold</b> & co"
    assert again.documents["doc-a"].text == "<script>alert('the Sohae station')</script>\n"


def test_text_xml_cannot_hold_survives(make_bundle, tmp_path):
    data = small_bundle()
    document = data["documents"][0]
    document.pop("path")
    document["text"] = "Line\r\nwith\x01control and \ud7ff\ue000 the Sohae station"
    citation = data["features"][0]["properties"]["citations"][0]
    citation.update(start=document["text"].index("the Sohae"), end=len(document["text"]), prefix="", suffix="")
    data["features"][1]["properties"]["citations"] = []
    bundle, _ = open_path(make_bundle(data))
    path = tmp_path / "odd.kml"
    write_kml(bundle, path)
    again, problems = open_path(path)
    assert problems == []
    assert again.documents["doc-a"].text == document["text"]


def test_gdal_reads_the_kml(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.kml"
    write_kml(bundle, path)
    layers = [name for name, _ in pyogrio.list_layers(path)]
    # a layer per folder: the launches, their kinds, and the sources
    assert [e for e in layers if e.endswith(tuple(e.date_label for e in bundle.events.values()))] == [
        f"{e.name}, {e.date_label}" for e in bundle.events_in_time_order()]
    assert "Launch sites" in layers
    assert layers[-1] == "Sources"
    frame = pyogrio.read_dataframe(path, layer=layers[1])
    assert set(frame["kind"]) <= {"launch_site", "flight_path", "overflight", "danger_zone", "warning_area",
                                  "impact_point", "reference_place"}


GOOGLE_EARTH_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>My places</name>
<Style id="s"><IconStyle><scale>1.1</scale></IconStyle></Style>
<Folder><name>Launch sites</name>
 <Placemark id="sohae">
  <name>Sohae</name>
  <description><![CDATA[<p>Satellite launching station at <b>Tongchang-ri</b>.</p><p>Used since 2012.</p>
  <script>alert(1)</script>]]></description>
  <TimeStamp><when>2016-02-07</when></TimeStamp>
  <ExtendedData><Data name="kind"><value>launch_site</value></Data>
   <Data name="event"><value>2016-02-07-kms4</value></Data></ExtendedData>
  <styleUrl>#s</styleUrl>
  <Point><coordinates>124.705,39.66,0</coordinates></Point>
 </Placemark>
 <Placemark>
  <name>Track</name>
  <gx:Track><when>2016-02-07T00:30:00Z</when><gx:coord>124.7 39.6 0</gx:coord>
   <when>2016-02-07T00:40:00Z</when><gx:coord>124.5 30.0 100000</gx:coord></gx:Track>
 </Placemark>
 <Placemark>
  <name>Zones</name>
  <MultiGeometry>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>124,30 125,30 125,31 124,31</coordinates></LinearRing>
   </outerBoundaryIs></Polygon>
   <Polygon><outerBoundaryIs><LinearRing><coordinates>126,30 127,30 127,31 126,30</coordinates></LinearRing>
   </outerBoundaryIs></Polygon>
  </MultiGeometry>
 </Placemark>
</Folder>
</Document></kml>
"""


def test_any_kml_opens_with_descriptions_as_cited_documents(tmp_path):
    path = tmp_path / "places.kml"
    path.write_text(GOOGLE_EARTH_KML, encoding="utf-8")
    bundle, problems = open_path(path)
    assert problems == []
    sohae = bundle.features["places.kml#sohae"]
    assert (sohae.label, sohae.kind, sohae.event) == ("Sohae", "launch_site", "2016-02-07-kms4")
    assert sohae.properties["folder"] == "My places / Launch sites"
    assert sohae.properties["when"] == "2016-02-07"
    assert bundle.events["2016-02-07-kms4"].name == "2016-02-07-kms4"
    (citation,) = bundle.citations_for("places.kml#sohae")
    document = bundle.documents[citation.document]
    # an exported map's "Sources:" names where the words come from, not just the placemark ("Sources: Seoul")
    assert document.title == "Sohae — description in places.kml"
    assert document.text == "Satellite launching station at Tongchang-ri.\n\nUsed since 2012."  # HTML read as text
    assert document.text[citation.start:citation.end] == citation.exact == document.text
    assert bundle.features_citing(document.id, 0, 5) == [sohae]
    track = next(f for f in bundle.features.values() if f.label == "Track")
    assert track.geometry.geom_type == "LineString"
    assert list(track.geometry.coords)[1] == (124.5, 30.0, 100000.0)
    zones = next(f for f in bundle.features.values() if f.label == "Zones")
    assert zones.geometry.geom_type == "MultiPolygon"
    assert len(zones.geometry.geoms) == 2  # the open ring was closed, as Google Earth does
    assert zones.citations == []


def test_two_plain_kml_files_open_side_by_side(tmp_path):
    from viewer.model.workspace import Workspace

    workspace = Workspace()
    for name in ("a.kml", "b.kml"):
        path = tmp_path / name
        path.write_text(GOOGLE_EARTH_KML, encoding="utf-8")
        workspace.add(open_path(path)[0])  # file-scoped ids: no clash
    assert len(workspace.content.features) == 6


def test_annotations_are_placemarks_with_their_words_in_their_own_folder(make_bundle, tmp_path):
    data = small_bundle()
    data["features"].append({"type": "Feature", "id": "note-1",
                             "geometry": {"type": "Point", "coordinates": [128.0, 33.0]},
                             "properties": {"kind": "annotation", "style": "text", "text": "Debris fell here",
                                            "color": "#C2185B"}})
    data["features"].append({"type": "Feature", "id": "note-2", "geometry": {"type": "Point",
                                                                              "coordinates": [125.0, 30.0]},
                             "properties": {"kind": "annotation", "style": "callout", "event": "ev-1",
                                            "anchor": [124.705, 39.66],
                                            "citations": [data["features"][0]["properties"]["citations"][0]]}})
    bundle, _ = open_path(make_bundle(data))
    path = tmp_path / "marks.kmz"
    write_kml(bundle, path)
    with zipfile.ZipFile(path) as archive:
        root = SafeET.fromstring(archive.read("doc.kml"))
    document = root.find(f"{KML}Document")
    folder = next(f for f in document.findall(f"{KML}Folder") if f.findtext(f"{KML}name") == "Annotations")
    names = [p.findtext(f"{KML}name") for p in folder.findall(f"{KML}Placemark")]
    assert names == ["Debris fell here", "\u201cthe Sohae station\u201d \u2014 Test article"]  # quote, source
    first = folder.find(f"{KML}Placemark")
    assert "Debris fell here" in first.findtext(f"{KML}description")
    assert first.findtext(f"{KML}Style/{KML}LabelStyle/{KML}color") == "ff5b18c2"  # its colour, as KML writes it
    again, problems = open_path(path)
    assert problems == []
    assert again.features["note-2"].properties["anchor"] == [124.705, 39.66]
    assert again.features["note-1"].properties["text"] == "Debris fell here"
