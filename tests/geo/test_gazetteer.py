"""The shipped gazetteer: every row parses, names are unambiguous, places sit where the basemap agrees."""

from __future__ import annotations

import csv

import pytest
import shapely

from viewer.geo.basemap import load_basemap
from viewer.geo.gazetteer import find, load_places, normalise
from viewer.resources import asset

CSV = asset("resources", "gazetteer", "places.csv")
# Too small for Natural Earth 10 m, or a submerged rock: no land is drawn under them.
NOT_IN_BASEMAP = {"okinotorishima", "eocheongdo", "ieodo", "liancourt-rocks"}  # too small for the 10 m basemap
REQUIRED = {
    "sohae", "sohae-coastal-pad", "tonghae", "pyongyang-satellite-control-center", "pyongyang", "seoul",
    "tokyo", "naha", "okinawa-island", "miyako-island", "miyakojima", "ishigaki", "okinotorishima", "jeju",
    "eocheongdo", "baengnyeongdo", "ieodo", "manila", "cape-engano", "palanan", "baler", "san-policarpo",
    "mercedes", "okinawa-prefecture", "sakishima-islands", "yellow-sea", "east-china-sea", "philippine-sea",
    "pacific-ocean", "korean-peninsula", "luzon", "samar", "taean", "jindo", "gunsan",
}  # fmt: skip


@pytest.fixture(scope="module")
def places():
    return load_places()


def test_every_row_parses(places):
    with CSV.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(places) == len(rows)
    assert {p.id for p in places} >= REQUIRED
    for p in places:
        assert -90 <= p.lat <= 90
        assert -180 <= p.lon <= 180
        assert p.source.strip()


def test_ids_and_names_are_unique(places):
    ids = [p.id for p in places]
    assert len(ids) == len(set(ids))
    # find() returns the first match, so a name shared by two rows would hide the second.
    owners: dict[str, str] = {}
    for p in places:
        for name in p.names:
            key = normalise(name)
            assert owners.setdefault(key, p.id) == p.id, f"{name!r} names both {owners[key]} and {p.id}"


def test_find_matches_names_and_aliases_ignoring_case():
    assert find("Tongchang-ri").id == "sohae"
    assert find("  DONGCHANG-RI ").id == "sohae"
    assert find("Sohae Satellite Launching Ground").id == "sohae"
    assert find("Musudan-ri").id == "tonghae"
    assert find("Socotra Rock").id == "ieodo"
    assert find("Okinawa prefecture").id == "okinawa-prefecture"
    assert find("Cape Engano").id == find("Cape Engaño").id == "cape-engano"
    assert find("Atlantis") is None


def test_sourced_coordinates_are_the_reference_ones():
    # Spot checks against shared/reference/launches.md (S[1], S[40], S[46], S[45]).
    assert (find("Sohae").lat, find("Sohae").lon) == (39.660, 124.705)
    assert (find("Naha").lat, find("Naha").lon) == (26.2122, 127.6792)
    assert (find("Pyongyang").lat, find("Pyongyang").lon) == (39.0194, 125.7381)
    assert (find("Okinotorishima").lat, find("Okinotorishima").lon) == (20.4225, 136.09)
    # Launch facilities name their source (issue 17): Tonghae from its Wikipedia infobox.
    assert find("Tonghae").certainty == "reported"
    assert find("Tonghae").source.startswith('Wikipedia "Tonghae Satellite Launching Ground"')


def test_label_ranks(places):
    always = {p.id for p in places if p.label_rank == 1}
    assert always == {"sohae", "pyongyang", "seoul", "tokyo", "beijing", "manila", "naha", "ishigaki",
                      "miyako-island", "jeju"}  # fmt: skip
    assert {p.label_rank for p in places} <= {1, 2, 3}


def test_places_agree_with_the_basemap(places):
    land = shapely.union_all(load_basemap()[0].land)
    for p in places:
        point = shapely.Point(p.lon, p.lat)
        km = shapely.distance(land, point) * 111  # degrees to km, near enough for a 10 km check
        if p.kind == "sea":
            assert km > 50, f"sea label {p.id} is {km:.0f} km from land"
        elif p.kind != "island_group" and p.id not in NOT_IN_BASEMAP:
            assert km < 10, f"{p.id} ({p.kind}) is {km:.0f} km off the coast"


def test_bad_rows_name_the_file_and_line(tmp_path):
    good = CSV.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "places.csv"
    bad.write_text("\n".join([*good[:2], good[2].replace(",launch_facility,", ",volcano,")]), encoding="utf-8")
    with pytest.raises(ValueError, match=r"places\.csv:3: unknown kind 'volcano'"):
        load_places(bad)
    bad.write_text("id,name\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"places\.csv:1: columns must be"):
        load_places(bad)
    bad.write_text("\n".join([good[0], good[1].replace("39.660", "139.660")]), encoding="utf-8")
    with pytest.raises(ValueError, match=r"places\.csv:2: coordinates out of range"):
        load_places(bad)
