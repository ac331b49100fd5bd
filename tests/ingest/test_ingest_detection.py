"""Each kind of detection on articles written for the tests (other launches, other phrasing than the seeds)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from launch_articles import (
    DESCRIPTIVE_MISSILE,
    EAST_OF_PHILIPPINES,
    HOKKAIDO_2017,
    PLANNED,
    PYONGYANG_TIME_2016,
    SOUTH_KOREAN_LAUNCH,
    SPEECH,
    SPORT,
    UNHA_2012,
    WONSAN_2019,
    ZONES_2016,
)  # fmt: skip
from shapely.geometry import Point

from viewer.geo import geodesic
from viewer.geo.gazetteer import find as find_place
from viewer.ingest import ingest_articles
from viewer.ingest.article import Article, article_from_bytes
from viewer.ingest.draft import draft_article


def article(text: str, name: str = "story.txt", published: date | None = None) -> Article:
    return article_from_bytes(text.encode(), Path(name), f"doc-{Path(name).stem}", published)


def draft(text: str, name: str = "story.txt"):
    a = article(text, name)
    return a, draft_article(a)


def only(found, kind):
    features = [f for f in found.features if f.kind == kind]
    assert len(features) == 1, [(f.kind, f.label) for f in found.features]
    return features[0]


def quoted(a: Article, feature) -> list[str]:
    return [a.text[s:e] for s, e in feature.spans]


def km_between(p: Point, lon: float, lat: float) -> float:
    return float(geodesic.inverse(p.x, p.y, lon, lat)[0])


@pytest.mark.parametrize("text", [SPORT, SPEECH, SOUTH_KOREAN_LAUNCH, PLANNED])
def test_an_article_reporting_no_launch_yields_nothing(text):
    assert draft(text)[1] is None
    bundle = ingest_articles([article(text)])
    assert bundle.features == {}
    assert bundle.events == {}
    assert list(bundle.documents) == ["doc-story"]  # the article is kept, so the reviewer sees what was read


def test_launch_facility_by_romanisation_and_time_with_two_zones():
    a, found = draft(UNHA_2012, "unha.md")
    site = only(found, "launch_site")
    assert site.place == "sohae"  # "Dongchang-ri" is one of Sohae's names
    assert site.certainty == "reported"
    assert "Dongchang-ri" in quoted(a, site)[0]
    assert a.published == date(2012, 12, 13)  # from the markdown front matter
    # "9:49 a.m. local time" in 2012 is UTC+9 at Sohae, and agrees with "0049 GMT".
    assert found.time == datetime(2012, 12, 12, 9, 49, tzinfo=timezone(timedelta(hours=9)))
    times = {c.value for c in found.claims if c.property == "time"}
    assert times == {"2012-12-12T09:49:00+09:00", "2012-12-12T00:49:00+00:00"}


def test_local_time_was_utc_plus_eight_thirty_in_2016():
    _, found = draft(PYONGYANG_TIME_2016)
    assert found.time is not None
    assert found.time.utcoffset() == timedelta(hours=8, minutes=30)
    assert found.time.astimezone(UTC) == datetime(2016, 4, 14, 22, 40, tzinfo=UTC)
    assert only(found, "launch_site").place == "tonghae"
    assert found.outcome == "failure"


def test_weekday_resolves_against_the_article_date_and_seoul_time():
    _, found = draft(HOKKAIDO_2017)
    assert found.date == date(2017, 8, 29)  # "Tuesday" in an article of Tuesday 29 August 2017
    assert found.time.isoformat() == "2017-08-29T05:57:00+09:00"
    assert found.vehicle == "Hwasong-12"
    assert only(found, "launch_site").place == "sunan"
    claims = {c.property: c.value for c in found.claims}
    assert claims["apogee_km"] == 550.0
    assert claims["distance_km"] == 2700.0


def test_overflight_warning_areas_and_an_impact_relative_to_a_reference_place():
    a, found = draft(HOKKAIDO_2017)
    over = only(found, "overflight")
    assert quoted(a, over) == ["flew over Hokkaido"]
    assert over.geometry.intersects(Point(142.6, 43.48).buffer(0.5))
    assert {f.label for f in found.features if f.kind == "warning_area"} == {
        "J-Alert: Hokkaido", "J-Alert: Aomori Prefecture", "J-Alert: Iwate Prefecture"}
    impact = only(found, "impact_point")
    # 1,180 km due east of Cape Erimo (41.925N 143.25E), built along the geodesic.
    assert km_between(impact.geometry, 143.25, 41.925) == pytest.approx(1180, abs=1)
    azimuth = float(geodesic.inverse(143.25, 41.925, impact.geometry.x, impact.geometry.y)[1])
    assert azimuth == pytest.approx(90, abs=0.01)
    assert "cape-erimo" in impact.derivation
    assert "1,180 km" in impact.derivation
    assert quoted(a, impact) == ["about 1,180 kilometers east of Cape Erimo"]
    path = only(found, "flight_path")  # from the site through the overflight to the impact
    sunan = find_place("Sunan")
    assert path.geometry.coords[0] == (sunan.lon, sunan.lat)
    assert km_between(Point(path.geometry.coords[-1]), impact.geometry.x, impact.geometry.y) < 1


def test_direction_and_distance_make_a_geodesic_path_and_where_it_came_down():
    a, found = draft(WONSAN_2019)
    site = only(found, "launch_site")
    assert site.place == "wonsan-kalma"
    path = only(found, "flight_path")
    assert path.certainty == "derived"
    assert "bearing 45°" in path.derivation
    assert "600 km" in path.derivation
    assert geodesic.length_km(path.geometry) == pytest.approx(600, rel=0.002)
    assert quoted(a, path) == ["about 600 kilometres to the north-east"]
    impact = only(found, "impact_point")  # "before splashing down": the end of the flight
    assert impact.geometry.equals(Point(path.geometry.coords[-1]))


def test_passing_between_two_islands_and_a_country_as_the_reference():
    _a, found = draft(EAST_OF_PHILIPPINES)
    over = only(found, "overflight")
    assert over.label == "Overflight between Okinawa Island and Miyako Island"
    assert over.geometry.distance(Point(126.6, 25.6)) < 0.3  # midway between the two islands
    impact = only(found, "impact_point")
    assert km_between(impact.geometry, 122.0, 12.5) == pytest.approx(600, abs=1)
    assert only(found, "launch_site").place == "sohae-coastal-pad"  # a 2023 satellite launch naming no site


def test_descriptive_region_gives_an_approximate_site():
    _a, found = draft(DESCRIPTIVE_MISSILE)
    site = only(found, "launch_site")
    assert site.place == "eastern-north-korea"
    assert site.certainty == "approximate"
    assert found.outcome == "failure"


def test_danger_zones_from_degree_minute_corners_in_three_notations():
    a, found = draft(ZONES_2016)
    zones = [f for f in found.features if f.kind == "danger_zone"]
    assert len(zones) == 3
    first, second, third = (z.geometry for z in zones)
    assert first.bounds == pytest.approx((124.5, 35.316667, 124.9, 36.066667), abs=1e-3)  # edges bow as geodesics
    assert second.bounds == pytest.approx((124.183333, 32.35, 125.15, 33.266667), abs=1e-3)
    assert third.bounds == pytest.approx((123.866667, 17.0, 124.85, 19.733333), abs=1e-3)
    assert all(z.is_valid and z.exterior.is_ccw for z in (first, second, third))
    assert quoted(a, zones[1])[0].startswith("33-16N 124-11E")
    assert all(z.certainty == "reported" for z in zones)


def test_orbit_and_outcome_claims_say_who_claims_them():
    _a, found = draft(UNHA_2012, "unha.md")
    claims = {c.property: c for c in found.claims}
    assert claims["orbit_inclination_deg"].value == 97.4
    assert claims["orbit_period_min"].value == pytest.approx(95 + 29 / 60, abs=0.01)
    assert claims["outcome"].value == "orbit"
    assert claims["outcome"].by.startswith("KCNA")
    assert found.outcome == "orbit"


def test_every_drafted_feature_is_marked_and_cites_its_words():
    bundle = ingest_articles([article(text, f"a{i}.txt") for i, text in enumerate(
        [HOKKAIDO_2017, UNHA_2012, ZONES_2016, WONSAN_2019, EAST_OF_PHILIPPINES])])
    assert len(bundle.features) >= 20
    for feature in bundle.features.values():
        assert feature.properties["draft"] is True
        assert feature.certainty in ("reported", "derived", "approximate")
        assert feature.derivation
        assert feature.citations, feature.id
        for citation in feature.citations:
            text = bundle.documents[citation.document].text
            assert text[citation.start : citation.end] == citation.exact
    for event in bundle.events.values():
        assert event.site in bundle.features


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea has launched dozens of missiles this year, straining regional security.",
        "North Korea launched a new 5,000-tonne destroyer capable of firing ballistic and cruise missiles on Thursday.",
        "North Korea launched a campaign to build more missiles, KCNA said on Thursday.",
        "Kim Jong Un fired his defence minister after a missile test went badly, reports said.",
        "North Korean troops fired warning shots at the border on Thursday; no missile was involved.",
        "North Korea last fired a ballistic missile on March 18, when it launched three SRBMs toward the East Sea.",
    ],
)
def test_a_launch_verb_whose_object_is_not_a_launch_of_the_day_drafts_nothing(sentence):
    text = f"North Korea news\n\nSEOUL, April 25, 2024 (Reuters) - {sentence} Seoul condemned North Korea.\n"
    assert draft_article(article_from_bytes(text.encode(), Path("s.txt"), "s")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea fired a submarine-launched ballistic missile from Sinpo on Tuesday.",
        "North Korea fired two cruise missiles from a new destroyer on Tuesday.",
        "A Hwasong-17 ICBM was launched by North Korea from Sunan on Tuesday.",
    ],
)
def test_a_rocket_as_object_or_subject_is_a_launch(sentence):
    text = f"Launch\n\nSEOUL, Oct 19, 2021 - {sentence}\n"
    assert draft_article(article_from_bytes(text.encode(), Path("s.txt"), "s")) is not None
