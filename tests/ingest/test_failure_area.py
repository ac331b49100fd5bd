"""A failed launch with no reported impact position: outcome failure, a short path and an impact area, reasoned."""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import Point

from viewer.geo import geodesic
from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes


def draft(text: str):
    return draft_article(article_from_bytes(text.encode("utf-8"), Path("story.txt"), "doc-story"))


def km(a: Point, b: Point) -> float:
    return float(geodesic.inverse(a.x, a.y, b.x, b.y)[0])


def test_an_early_failure_with_no_direction_is_an_area_around_the_site():
    result = draft("Missile fails\n\nSEOUL, April 15, 2016 -- North Korea fired a Musudan missile from near Wonsan "
                   "at 5:30 a.m. on Friday, but it exploded seconds after lift-off, South Korean officials said. "
                   "They did not say where the debris fell.\n")
    assert result is not None
    assert result.outcome == "failure"
    area = next(f for f in result.features if f.kind == "area")
    site = result.first("launch_site").geometry
    assert area.certainty == "derived"
    assert "seconds after" in area.derivation
    assert area.geometry.contains(site)
    assert 25 < km(site, Point(area.geometry.exterior.coords[0])) < 35  # ~30 km around the pad
    assert result.first("flight_path") is None
    assert result.first("impact_point") is None


def test_a_failure_with_a_stated_direction_gets_a_short_path_and_an_area_along_it():
    result = draft("Rocket fails\n\nSEOUL, May 31, 2023 -- North Korea launched a rocket from Sohae on a southward "
                   "path on Wednesday morning, but the launch failed, South Korea's military said.\n")
    assert result is not None
    assert result.outcome == "failure"
    path, area = result.first("flight_path"), next(f for f in result.features if f.kind == "area")
    site = result.first("launch_site").geometry
    end = Point(path.geometry.coords[-1])
    assert 95 < km(site, end) < 105  # cut short, not a 150 km heading leg, let alone a range
    assert end.y < site.y  # southward
    assert area.geometry.contains(end)
    assert "bearing 180" in area.derivation
    assert path.spans  # cites the direction it was drawn along


def test_a_failure_whose_impact_is_reported_keeps_the_reported_point():
    result = draft("Rocket fails\n\nSEOUL, April 13, 2012 -- North Korea launched an Unha-3 rocket from Sohae, but "
                   "it failed and the debris fell into the sea about 165 km west of Seoul, officials said.\n")
    assert result is not None
    assert result.outcome == "failure"
    assert result.first("impact_point") is not None
    assert not any(f.kind == "area" for f in result.features)


def test_an_eez_phrase_is_kept_as_a_cited_claim_not_an_area():
    result = draft("ICBM lands near Japan\n\nTOKYO, Nov. 18, 2022 -- North Korea fired an ICBM from Sunan on Friday. "
                   "Japan's defence minister said the missile landed within Japan's exclusive economic zone, while "
                   "Seoul said an earlier missile did not fall inside the EEZ.\n")
    zones = [c for c in result.claims if c.property == "impact_zone"]
    assert [c.value for c in zones] == ["inside Japan's EEZ"]
    assert "defence minister" in zones[0].by
    assert not any("EEZ" in f.label for f in result.features)
    outside = draft("Missile test\n\nSEOUL, July 12, 2023 -- North Korea launched a missile from Sunan on Wednesday. "
                    "It did not land within the EEZ, Japan's government said.\n")
    assert [c.value for c in outside.claims if c.property == "impact_zone"] == ["outside Japan's EEZ"]
