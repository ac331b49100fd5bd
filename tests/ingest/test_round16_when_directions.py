"""Issue 17, round 16: which way, as official and structured papers give it — a pasted spreadsheet's row whose cells
are apart by tabs, under a heading row that names the column. Every text here was written for the test."""

from __future__ import annotations

from story import drafted

SHEET = (
    "Sheet: DPRK launches 2031 (last modified 4 Feb 2031)\n"
    "Date\tTime (KST)\tType\tLaunch site\tHeading\tRange (km)\tNotes\n"
    "2031-01-30\t07:52\tHwasong-12 IRBM\tMupyong-ri area, Jagang Prov.\t{heading}\t800\tlofted\n"
)


def _bearing(text: str) -> float | None:
    lead = drafted(text)
    path = lead.first("flight_path")
    if path is None or path.geometry is None:
        return None
    from viewer.geo import geodesic

    (x1, y1), (x2, y2) = path.geometry.coords[0], path.geometry.coords[-1]
    return float(geodesic.inverse(x1, y1, x2, y2)[1]) % 360


def test_a_spreadsheets_heading_column_gives_the_way_the_flight_went():
    bearing = _bearing(SHEET.format(heading="East Sea"))
    assert bearing is not None
    assert 45 <= bearing <= 135


def test_a_spreadsheets_compass_cell_gives_the_way_the_flight_went():
    bearing = _bearing(SHEET.format(heading="NE"))
    assert bearing is not None
    assert 20 <= bearing <= 70
