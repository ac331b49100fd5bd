"""Every coordinate form users paste and notices print parses to the right position; bad forms are refused."""

# ruff: noqa: RUF001, RUF003 -- primes and curly quotes are the forms under test
from __future__ import annotations

import pytest

from viewer.geo.coordinates import find_positions, parse_position, parse_positions

# 33°16′N 124°11′E and friends: (text, lon, lat)
GOOD = [
    ("33.27, 124.18", 124.18, 33.27),
    ("  33.27,124.18  ", 124.18, 33.27),
    ("(33.27 124.18)", 124.18, 33.27),
    ("-33.27, -70.5", -70.5, -33.27),
    ("\u221233.27; 151.2", 151.2, -33.27),
    ("33.27N 124.18E", 124.18, 33.27),
    ("33.27°N, 124.18°E", 124.18, 33.27),
    ("N33.27 E124.18", 124.18, 33.27),
    ("S 33.9 W 18.4", -18.4, -33.9),
    ("33-16N 124-11E", 124 + 11 / 60, 33 + 16 / 60),
    ("36-04.00N 124-30.00E", 124.5, 36 + 4 / 60),
    ("33°16′N 124°11′E", 124 + 11 / 60, 33 + 16 / 60),
    ("33°16'N 124°11'E", 124 + 11 / 60, 33 + 16 / 60),
    ("33º16’N, 124º11’E", 124 + 11 / 60, 33 + 16 / 60),
    ("33°16′30″N 124°11′15″E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("33°16'30\"N 124°11'15\"E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("33-16-30N 124-11-15E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("33:16:30N 124:11:15E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("33 16 30 N, 124 11 15 E", 124 + 11 / 60 + 15 / 3600, 33 + 16 / 60 + 30 / 3600),
    ("3316N12411E", 124 + 11 / 60, 33 + 16 / 60),
    ("3316N 12411E", 124 + 11 / 60, 33 + 16 / 60),
    ("360400N1243000E", 124.5, 36 + 4 / 60),
    ("3316.5N12411.2E", 124 + 11.2 / 60, 33 + 16.5 / 60),
    ("124-11E 33-16N", 124 + 11 / 60, 33 + 16 / 60),  # longitude first, hemispheres say which is which
    ("33-16S 070-30W", -70.5, -(33 + 16 / 60)),
    ("3316S07030W", -70.5, -(33 + 16 / 60)),
    ("33° 16.5′ S, 70° 30.25′ W", -(70 + 30.25 / 60), -(33 + 16.5 / 60)),
    ("33 degrees 16 minutes north latitude, 124 degrees 11 minutes east longitude", 124 + 11 / 60, 33 + 16 / 60),
    ("90N 180W", -180.0, 90.0),
    ("0.0, 0.0", 0.0, 0.0),
]


@pytest.mark.parametrize(("text", "lon", "lat"), GOOD)
def test_each_form_parses_to_its_position(text, lon, lat):
    got_lon, got_lat = parse_position(text)
    assert got_lon == pytest.approx(lon, abs=1e-6)
    assert got_lat == pytest.approx(lat, abs=1e-6)


BAD = [
    ("", "empty"),
    ("33.27", "not a position"),
    ("abc", "not a position"),
    ("3316N", "not a position"),
    ("91N 10E", "latitude 91 is beyond"),
    ("10N 190E", "longitude 190 is beyond"),
    ("33.27, 181", "longitude 181 is beyond"),
    ("124.18, 33.27", "latitude comes first"),
    ("-91.5, 10", "latitude -91.5 is beyond"),
    ("33-61N 124-11E", "below 60"),
    ("33-16-75N 124-11E", "below 60"),
    ("33N 34N", "two latitudes"),
    ("124E 125E", "two longitudes"),
    ("33.27 124.18 5", "not a position"),
    ("33316N12411E", "not a position"),  # five digits of latitude fit no packed form
    ("52SBG123456789", "same number of digits"),
    ("33.27N 124.18E and more", "not a position"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_bad_forms_are_refused_naming_the_text(text, message):
    with pytest.raises(ValueError, match=message) as caught:
        parse_position(text)
    if text:
        assert repr(text.strip()) in str(caught.value)


def test_mgrs_agrees_with_utm_from_pyproj():
    # Sohae's pad: UTM 51N easting 646,261 m, northing 4,391,410 m; MGRS keeps the last five digits of each.
    from pyproj import Transformer

    lon, lat = parse_position("51S XD 46261 91410")
    easting, northing = Transformer.from_crs("EPSG:4326", "EPSG:32651", always_xy=True).transform(lon, lat)
    assert (round(easting), round(northing)) == (646261, 4391410) or (
        abs(easting - 646261.5) < 1 and abs(northing - 4391410.5) < 1)
    assert parse_position("51SXD4626191410") == (lon, lat)
    # A 1 km reference (two digits each) is the south-west corner of its square: within 1.5 km of the 1 m one.
    lon2, lat2 = parse_position("51SXD4691")
    assert abs(lon2 - lon) < 0.02
    assert abs(lat2 - lat) < 0.02


def test_found_positions_carry_the_span_of_their_words():
    text = "AREA ALFA 2700N12630E-2700N12730E-2600N12730E. B. WITHIN 5NM OF 3920N12440E. C. 36-04.00N 124-30.00E"
    found = find_positions(text)
    assert [text[p.start : p.end] for p in found] == [
        "2700N12630E", "2700N12730E", "2600N12730E", "3920N12440E", "36-04.00N 124-30.00E"]
    assert (found[0].lon, found[0].lat) == (126.5, 27.0)


def test_running_text_needs_hemispheres():
    assert find_positions("the launch at 10.44, 2023 and 33.27, 124.18 in text") == []
    assert find_positions("in the year 2023 N") == []


def test_several_positions_one_per_line_or_chained():
    assert parse_positions("33-16N 124-11E\n\n3316N12411E-3317N12412E\n33.5, 125") == [
        pytest.approx((124 + 11 / 60, 33 + 16 / 60)), pytest.approx((124 + 11 / 60, 33 + 16 / 60)),
        pytest.approx((124.2, 33 + 17 / 60)), (125.0, 33.5)]
    with pytest.raises(ValueError, match=r"line 2: '95N 10E': latitude 95"):
        parse_positions("33-16N 124-11E\n95N 10E")
