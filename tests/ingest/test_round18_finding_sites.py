"""Issue 17, round 18: sites named by a place near them and tables whose columns are headed in plain words — 'from
the Ryokpho district of Pyongyang', 'the Aug. 29 launch from the same airfield', a note's table headed 'When (KST)'
and 'From'. Every text here was written for the test."""

from __future__ import annotations

from datetime import UTC, date, datetime

from story import drafted


def _sites(text: str) -> dict[date | None, str | None]:
    draft = drafted(text)
    return {d.date: (d.first("launch_site").place if d.first("launch_site") else None) for d in (draft, *draft.others)}


def test_a_district_of_a_city_places_the_launch_at_the_city():
    text = (
        "SEOUL, March 5, 2031 -- North Korea fired several short-range ballistic missiles from the Oksan district "
        "of Pyongyang on Wednesday, the Joint Chiefs of Staff said.\n"
    )
    assert _sites(text) == {date(2031, 3, 5): "pyongyang"}


def test_an_earlier_launch_from_the_same_airfield_has_the_lead_s_site():
    text = (
        "SEOUL, March 5, 2031 -- North Korea fired a ballistic missile from the Sunan area on Wednesday, the Joint "
        "Chiefs of Staff said.\n\n"
        "Wednesday's launch came a week after the Feb. 26 launch from the same airfield.\n"
    )
    assert _sites(text) == {date(2031, 3, 5): "sunan", date(2031, 2, 26): "sunan"}


def test_a_table_headed_when_and_from_gives_each_row_its_day_clock_and_site():
    text = (
        "---\ndate: 2031-03-06\n---\n\n# Launches, 4-5 March 2031\n\n"
        "| # | When (KST)     | What          | From           | Notes        |\n"
        "|---|----------------|---------------|----------------|--------------|\n"
        "| 1 | 4 Mar, 22:38   | SRBM (1)      | Kaechon area   | ~500 km      |\n"
        "| 2 | 5 Mar, 08:24   | ICBM          | Pyongyang area | lofted       |\n\n"
        "Both were launched toward the East Sea, the JCS said.\n"
    )
    draft = drafted(text)
    launches = {d.date: d for d in (draft, *draft.others)}
    assert set(launches) == {date(2031, 3, 4), date(2031, 3, 5)}
    assert launches[date(2031, 3, 4)].time == datetime(2031, 3, 4, 13, 38, tzinfo=UTC)
    first_site = launches[date(2031, 3, 4)].first("launch_site")
    assert first_site is not None
    assert first_site.place == "kaechon"
