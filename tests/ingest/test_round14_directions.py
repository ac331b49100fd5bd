"""Issue 17, round 14: directions told by where the flight ended — the Korean name of the sea it came down in
('falling into the East Sea', 'landing in the preset waters of the open sea in the East Sea of Korea') or flew out
over. Every story here was written for the test."""

from __future__ import annotations

import pytest
from story import drafted

from viewer.geo import geodesic
from viewer.ingest.directions import stated_direction
from viewer.ingest.places import shipped_matcher
from viewer.ingest.sentences import split_sentences


def _bearing(draft) -> float | None:
    path = draft.first("flight_path")
    if path is not None:
        (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
        return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    return next((float(c.value) for c in draft.claims if c.property == "direction_deg"), None)


LEAD = "SEOUL, May 3, 2027 (Wire) - North Korea fired a ballistic missile from {site} on Monday morning, the JCS said. "


@pytest.mark.parametrize(("site", "sentence"), [
    ("Pyongyang", "It flew about 600 km before falling into the East Sea."),
    ("the Wonsan area", "It flew about 500 km and splashed down in the East Sea."),
    ("the Kusong area", "It flew 400 km at an apogee of 48 km before landing in the East Sea, the JCS said."),
    ("Pyongyang", "It came down exactly in the designated waters of the East Sea of Korea."),
    ("Pyongyang", "It flew 1,090 km before landing in the preset waters of the open sea in the East Sea of Korea."),
    ("the Wonsan area", "It disintegrated after flying about 150 kilometers over the East Sea."),
])
def test_a_flight_that_ended_in_the_east_sea_went_east(site, sentence):
    bearing = _bearing(drafted(LEAD.format(site=site) + sentence + "\n"))
    assert bearing is not None
    assert 45 <= bearing <= 135


def test_with_no_site_the_east_sea_is_east_of_the_country():
    text = "The missile fell into the East Sea, the JCS said."
    stated = stated_direction(text, split_sentences(text), shipped_matcher(), None)
    assert stated is not None
    assert stated.bearing == 90.0


@pytest.mark.parametrize("sentence", [
    # ("landed in the Sea of Japan" from Pyongyang is east since round 19: docs/ingest-conventions.md,
    # test_round19_way_sea_ended)
    "A missile fired in 2017 fell into the East Sea.",  # not this flight's sentence (an earlier year)
    "Fishing boats in the East Sea were told to stay in port.",  # no flight ended there
])
def test_a_sea_that_says_no_heading(sentence):
    bearing = _bearing(drafted(LEAD.format(site="Pyongyang") + sentence + "\n"))
    assert bearing is None


@pytest.mark.parametrize("sentence", [
    "It flew about 800 km before falling into the sea east of the Korean Peninsula.",
    "The missile flew 800 kilometers toward the East Sea, the JCS said.",
])
def test_a_range_with_its_direction_in_other_words_runs_the_range(sentence):
    draft = drafted(LEAD.format(site="Pyongyang") + sentence + "\n")
    path = draft.first("flight_path")
    assert path is not None
    assert 780 <= geodesic.length_km(path.geometry) <= 820  # not a heading's short leg to the coast
    assert 45 <= _bearing(draft) <= 135
    assert path.certainty == "derived"


def test_a_range_with_no_direction_draws_no_path():
    draft = drafted(LEAD.format(site="Pyongyang") + "It flew about 800 km, the JCS said.\n")
    assert draft.first("flight_path") is None


REPORT = ("Report of the Panel\n\nPublished 30 August 2033\n\n"
          "    13. On 4 May 2033, the Democratic People's Republic of Korea launched several projectiles from\n"
          "the Hodo Peninsula near Wonsan at about 09:06 local time. The projectiles flew about 240 km in a\n"
          "northeasterly direction.\n\n"
          "    14. On 9 May 2033, two short-range ballistic missiles were launched from the vicinity of\n"
          "Kusong, North Pyongan Province, beginning at 16:29 local time. They flew approximately 420 km\n"
          "and 270 km respectively east-\nward, at an apogee of about 50 km.\n\n"
          "    15. On 25 July 2033, two further missiles of the same type were launched from near Wonsan,\n"
          "beginning at 05:34 local time. One Member State assessed that they travelled about 600 km on a\n"
          "northeasterly course, reaching an apogee of about 50 km.\n")


def test_each_numbered_paragraph_of_a_report_gives_its_launchs_direction():
    draft = drafted(REPORT)
    by_day = {d.date.isoformat(): _bearing(d) for d in (draft, *draft.others) if d.date is not None}
    assert set(by_day) == {"2033-05-04", "2033-05-09", "2033-07-25"}
    assert all(bearing is not None for bearing in by_day.values())
    assert 67.5 <= by_day["2033-05-09"] <= 112.5  # "east-" / "ward": a word hyphenated across the line
    assert 22.5 <= by_day["2033-07-25"] <= 67.5  # "they travelled … on a northeasterly course": the paragraph's


TABLE = ("SECURITY BRIEF -- Monthly note\nPublished 1 February 2033\n\n"
         "North Korea opened the year with a run of launches. All times KST.\n\n"
         "| Date   | Time  | Launch area | Type     | Fell into |\n"
         "|--------|-------|-------------|----------|-----------|\n"
         "| 17 Jan | 08:50 | Sunan       | 2 x SRBM | East Sea  |\n"
         "| 27 Jan | 08:00 | Kusong      | 2 x SRBM | West Sea  |\n"
         "| 30 Jan | 07:52 | Mupyong-ri  | IRBM     | Northeast |\n")


def test_a_tables_fell_into_or_direction_column_gives_each_rows_direction():
    draft = drafted(TABLE)
    by_day = {d.date.isoformat(): _bearing(d) for d in (draft, *draft.others) if d.date is not None}
    assert 45 <= by_day["2033-01-17"] <= 135  # the East Sea: east of the site
    assert by_day["2033-01-27"] is None  # the West Sea (Yellow Sea) says no heading, as in prose
    assert 22.5 <= by_day["2033-01-30"] <= 67.5


@pytest.mark.parametrize(("sentence", "east"), [
    ("It flew about 350km towards the sea between the Korean peninsula and Japan.", True),
    ("That missile flew about 570 km before falling into waters off the Korean Peninsula's east coast.", True),
    ("It flew about 1,100 km before landing in the sea between the peninsula and Japan.", False),  # where it landed
])
def test_the_sea_between_the_peninsula_and_japan_and_the_peninsulas_east_coast(sentence, east):
    bearing = _bearing(drafted(LEAD.format(site="Pyongyang") + sentence + "\n"))
    if east:
        assert bearing is not None
        assert 45 <= bearing <= 135
    else:
        assert bearing is None


@pytest.mark.parametrize(("sentence", "east"), [
    ("It flew for about 70 minutes and fell at around 8:18 a.m. outside Japan's exclusive economic zone, some 550 km "
     "east of the Korean Peninsula.", True),
    ("The rocket broke apart and its fragments dropped into the Yellow Sea west of the Korean Peninsula.", False),
])
def test_where_it_came_down_east_of_the_peninsula_is_east(sentence, east):
    bearing = _bearing(drafted(LEAD.format(site="Pyongyang") + sentence + "\n"))
    if east:
        assert bearing is not None
        assert 45 <= bearing <= 135
    else:
        assert bearing is None or not 225 <= bearing <= 315  # not read as a westward flight
