"""Issue 17, round 18: which way a found launch went, told by what it flew over — 'flew over Japan', 'fired a
missile over northern Japan', 'launched an IRBM over Hokkaido' — and not by a denial ('it never passed over Japan')
or a link to another story under 'Related stories'. Every story here was written for the test."""

from __future__ import annotations

import pytest
from story import drafted

from viewer.geo import geodesic


def _bearing(draft) -> float | None:
    path = draft.first("flight_path")
    if path is not None:
        (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
        return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360
    return next((float(c.value) for c in draft.claims if c.property == "direction_deg"), None)


LEAD = ("OSAKA, June 9, 2027 (Wire) - North Korea fired a ballistic missile {where}on Wednesday morning, "
        "officials said. ")


@pytest.mark.parametrize(("where", "sentence"), [
    ("from the Kusong area ", "It was launched at 7:10 a.m. and crossed Japan before it came down in the Pacific."),
    ("", "It flew over Japan before landing in the ocean, the coast guard said."),
    ("from Pyongyang ", "Tokyo said the missile, fired at 7:10 a.m., overflew Japan."),
    ("", "It was the second time this year that Pyongyang had launched a missile over northern Japan."),
])
def test_a_flight_over_japan_went_east(where, sentence):
    bearing = _bearing(drafted(LEAD.format(where=where) + sentence + "\n"))
    assert bearing is not None
    assert 45 <= bearing <= 135


@pytest.mark.parametrize("sentence", [
    "A first report said it had flown over Japan; the ministry later said it never passed over Japan.",
    "Officials said it did not fly over Japan.",
    "It landed in the sea west of Japan.",  # where it came down, seen from Japan: no bearing (as before)
    "It flew over Japan's southern islands, the ministry said.",  # the islands, not the country
])
def test_no_heading_from_a_denied_overflight_or_a_place_near_japan(sentence):
    draft = drafted(LEAD.format(where="") + sentence + "\n")
    assert draft is not None
    bearing = _bearing(draft)
    assert bearing is None


def test_a_missile_fired_over_an_island_with_no_site_heads_for_the_island():
    bearing = _bearing(drafted("OSAKA, June 9, 2027 (Wire) - North Korea fired an intermediate-range missile over "
                               "Hokkaido on Wednesday morning, officials said.\n"))
    assert bearing is not None
    assert 30 <= bearing <= 100


def test_a_related_story_with_its_day_is_no_launch_of_the_page():
    text = ("Missiles fall short of the border, officials say\n\nJune 9, 2027\n\nNorth Korea fired two short-range "
            "missiles from Wonsan on Wednesday morning toward the southeast, the JCS said.\n\nRELATED STORIES\n"
            "Rocket flies over Japan as sirens sound in the north — March 2, 2026\n"
            "Talks stall over fishing rights, ministers say — April 30, 2027\n\nMost read\n")
    draft = drafted(text)
    assert draft.others == []
    assert draft.date is not None
    assert draft.date.isoformat() == "2027-06-09"
    bearing = _bearing(draft)
    assert bearing is not None
    assert 100 <= bearing <= 170


def test_a_flight_of_some_hours_over_the_east_sea_went_east():
    text = ("OSAKA, June 9, 2027 (Wire) - North Korea fired several cruise missiles from a submarine near Sinpo on "
            "Wednesday, officials said. State media said the missiles flew for more than 150 minutes over the "
            "East Sea.\n")
    bearing = _bearing(drafted(text))
    assert bearing is not None
    assert 45 <= bearing <= 135


def test_a_hedge_after_the_flight_leaves_the_flight_told_before_it():
    text = ("OSAKA, June 9, 2027 (Wire) - North Korea fired a ballistic missile from the Wonsan area on Wednesday "
            "morning, officials said. The missile was launched at 7:11 a.m. and flew about 450 km westward at an "
            "altitude of 900 km, on a lofted path that would give it a far longer range if flown normally.\n")
    bearing = _bearing(drafted(text))
    assert bearing is not None
    assert 225 <= bearing <= 315


def test_a_launch_told_in_passing_by_its_history_words_keeps_its_heading():
    text = ("OSAKA, June 9, 2027 (Wire) - North Korea fired a ballistic missile from the Wonsan area on Wednesday "
            "morning, officials said. It flew about 300 km toward the southeast.\n\n"
            "The previous launch had been on 2 March 2026, when a missile flew west from Kusong.\n")
    lead = drafted(text)
    others = [o for o in lead.others if o.date is not None and o.date.isoformat() == "2026-03-02"]
    assert len(others) == 1
    bearing = _bearing(others[0])
    assert bearing is not None
    assert 225 <= bearing <= 315


@pytest.mark.parametrize("sentence", [
    "The missile flew over the Japanese archipelago and came down in the ocean, the agency said.",
    "The rest of the rocket kept climbing, passed high over the northern part of Honshu and came down at sea.",
    "The missile, launched at 7:10 a.m., passed over the Tohoku region before it fell into the ocean.",
    "One missile flew about 1,000 km and is estimated to have fallen into the sea well inside Japan's exclusive "
    "economic zone, at a point some 250 km west of the Oga Peninsula.",
])
def test_a_flight_over_japans_islands_or_down_far_off_a_japanese_cape_went_east(sentence):
    text = ("OSAKA, June 9, 2027 (Wire) - North Korea fired a ballistic missile from an area in the west of the "
            f"country on Wednesday morning, officials said. {sentence}\n")
    bearing = _bearing(drafted(text))
    assert bearing is not None
    assert 45 <= bearing <= 135


def test_a_landing_in_the_preset_area_in_the_open_waters_of_the_east_sea_went_east():
    text = ("Pyongyang, June 10 (Agency) -- The missile bureau test-fired a new-type missile on Wednesday. The missile "
            "flew a distance of 980 km for 3,100 seconds before accurately landing on the preset area in the open "
            "waters of the East Sea of Korea.\n")
    bearing = _bearing(drafted(text))
    assert bearing is not None
    assert 45 <= bearing <= 135


def test_the_second_of_a_salvo_goes_the_way_the_salvo_was_fired():
    text = ("SEOUL, July 1, 2027 (Wire) - North Korea fired two ballistic missiles from the Jangyon area toward the "
            "southeast on Thursday morning, the Joint Chiefs of Staff said. The first, launched at 5:05 a.m., flew "
            "about 600 km. The second, launched at 5:15 a.m., flew only about 120 km and is believed to have failed.\n")
    lead = drafted(text)
    [second] = lead.others
    bearing = _bearing(second)
    assert bearing is not None
    assert 100 <= bearing <= 170


def test_the_first_of_another_days_pair_takes_no_heading_from_this_one():
    text = ("SEOUL, July 1, 2027 (Wire) - North Korea fired a missile from the Wonsan area on Thursday morning, the "
            "JCS said. It flew some 400 kilometers eastward before falling into the sea.\n\n"
            "The first, fired from the same coast on April 15, exploded seconds after lift-off.\n")
    lead = drafted(text)
    others = [o for o in lead.others if o.date is not None and o.date.month == 4]
    assert len(others) == 1
    assert _bearing(others[0]) is None


def test_related_links_with_their_day_set_apart_by_a_wide_gap_are_no_launches():
    text = ("Parade shows a new missile\n\nJune 9, 2027\n\nNorth Korea fired two short-range missiles from Wonsan on "
            "Wednesday morning toward the southeast, the JCS said.\n\nMore on this story\n"
            "  Rocket flies over Japan as sirens sound in the north        2 March 2026\n"
            "  Cruise missiles fired from Nampo, officials say             9 January 2026\n\nShare | Save\n")
    draft = drafted(text)
    assert draft.others == []
