"""Issue 17, round 18: a notice as a flight-briefing tool prints it — a NOTAM in a table, each field behind the
table's '|' border — is read as the notice, its offsets those of the printed text. The notice here is invented."""

from __future__ import annotations

from viewer.ingest.notices import read_notice

BRIEFING = (
    "BRIEFING PACKAGE - ENROUTE NOTAMS                        Printed 2031-05-02 06:00Z\n"
    "----------------------------------------------------------------------------------\n"
    " #  | FIR  | NOTAM No. | Type   | Valid from      | Valid to        | Rel\n"
    "----------------------------------------------------------------------------------\n"
    " 1  | RJJJ | A0777/31  | NOTAMN | 04 MAY 31 0000Z | 09 MAY 31 0500Z | HIGH\n"
    "    | Q) RJJJ/QWMLW/IV/BO/W/000/999/3300N12600E050\n"
    "    | A) RJJJ B) 3105040000 C) 3105090500\n"
    "    | E) ROCKET LAUNCHING. DEBRIS MAY FALL IN AREA BOUNDED BY\n"
    "    |    3320N12540E-3320N12700E-3200N12700E-3200N12540E-3320N12540E.\n"
    "    | F) SFC G) UNL\n"
)


def test_a_notam_in_a_briefing_tool_s_table_is_read():
    notice = read_notice(BRIEFING)
    assert notice is not None
    assert notice.name == "NOTAM A0777/31"
    assert notice.airspace
    (area,) = notice.areas
    assert [(round(x, 3), round(y, 3)) for x, y in area.corners] == [
        (125.667, 33.333),
        (127.0, 33.333),
        (127.0, 32.0),
        (125.667, 32.0),
    ]
    start, end = area.span
    assert "3320N12540E" in BRIEFING[start:end]  # the span is the printed text's
    assert notice.windows[0].start.day == 4
    assert notice.windows[-1].end.day == 9


def test_a_table_of_launches_is_not_a_notice():
    text = (
        "| Date | Site | Missile |\n|---|---|---|\n| 4 May 2031 | Sunan | SRBM |\n"
        "North Korea fired a missile from Sunan on 4 May 2031, officials said.\n"
    )
    assert read_notice(text) is None
