"""Issue 17, round 7: notices written for the test in forms the corpora had not used — areas numbered 'ONE.' /
'TWO.', '(a)' / '(b)' in a retyped Japan Coast Guard warning, 'a)' or '1)' opening a line, numbered paragraphs
('1. MISSILE FIRING … SEP 26 IN AREAS') around lettered areas, a window written day before hour ('FROM 24 SEP
2230Z TO 25 SEP 0130Z'), coordinates spaced ('35 10N 124 20E'), hemisphere first ('N35-10 E124-20'), decimal
degrees."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from viewer.ingest.article import article_from_bytes
from viewer.ingest.draft import draft_document

SQUARE = [(124 + 20 / 60, 35 + 10 / 60), (124 + 50 / 60, 35 + 10 / 60), (124 + 50 / 60, 34 + 40 / 60),
          (124 + 20 / 60, 34 + 40 / 60)]
SOUTH = [(124 + 40 / 60, 31.0), (125.5, 31.0), (125.5, 30 + 10 / 60), (124 + 40 / 60, 30 + 10 / 60)]


def notice(text: str):
    draft = draft_document(article_from_bytes(text.encode("utf-8"), Path("notice.txt"), "doc-notice"))
    assert draft is not None
    assert draft.notice is not None
    return draft


def near(feature, want: list[tuple[float, float]]) -> bool:
    ring = list(feature.geometry.exterior.coords)
    return all(any(abs(x - wx) < 0.01 and abs(y - wy) < 0.01 for x, y in ring) for wx, wy in want)


@pytest.mark.parametrize(("one", "two", "labels"), [("ONE.", "TWO.", ["1", "2"]), ("(a)", "(b)", ["A", "B"]),
                                                   ("a)", "b)", ["A", "B"]), ("1)", "2)", ["1", "2"])])
def test_areas_numbered_or_lettered_as_relayed(one, two, labels):
    text = ("NAVAREA XI 0733/26\nYELLOW SEA.\nROCKET LAUNCHING 2200Z 19 AUG TO 0100Z 20 AUG 26.\n"
            "HAZARDOUS OPERATIONS, FALLING DEBRIS IN AREAS BOUNDED BY:\n"
            f"{one} 35-10N 124-20E, 35-10N 124-50E, 34-40N 124-50E, 34-40N 124-20E.\n"
            f"{two} 31-00N 124-40E, 31-00N 125-30E, 30-10N 125-30E, 30-10N 124-40E.\n"
            "CANCEL THIS MSG 200200Z AUG 26.\n")
    draft = notice(text)
    assert [f.properties["notice_area"] for f in draft.features] == labels
    assert near(draft.features[0], SQUARE)
    assert near(draft.features[1], SOUTH)
    assert draft.problems == []


def test_numbered_paragraphs_around_lettered_areas_are_no_unreadable_area():
    text = ("NAVAREA XI 0802/26\nSEA OF JAPAN.\n1. MISSILE FIRING 260000Z TO 260600Z SEP 26 IN AREAS BOUNDED BY:\n"
            "  A. 39-00N 131-00E, 39-00N 132-00E, 38-00N 132-00E, 38-00N 131-00E.\n"
            "  B. 37-30N 133-00E, 37-30N 134-00E, 36-30N 134-00E, 36-30N 133-00E.\n"
            "2. CANCEL THIS MSG 260700Z SEP 26.\n")
    draft = notice(text)
    assert draft.problems == []
    assert [f.properties["notice_area"] for f in draft.features] == ["A", "B"]


def test_a_letter_mistyped_for_a_digit_is_still_named():
    """Read, as the first corner's 39-00N confirms (round 19), and named all the same, so it is checked."""
    text = ("NAVAREA XI 0803/26\nSEA OF JAPAN.\nMISSILE FIRING 260000Z TO 260600Z SEP 26 IN AREA BOUNDED BY\n"
            "39-00N 131-00E, 39-0ON 132-00E, 38-00N 132-00E, 38-00N 131-00E.\n")
    draft = notice(text)
    assert len(draft.features) == 1
    assert "'39-0ON' as '39-00N'" in draft.problems[0][1]
    unconfirmed = notice(text.replace("39-00N 131-00E", "39-05N 131-00E"))
    assert unconfirmed.features == []
    assert "39-0ON" in unconfirmed.problems[0][1]


@pytest.mark.parametrize("positions", [
    "35 10N 124 20E, 35 10N 124 50E, 34 40N 124 50E, 34 40N 124 20E",
    "N35-10 E124-20, N35-10 E124-50, N34-40 E124-50, N34-40 E124-20",
    "35.1667N 124.3333E, 35.1667N 124.8333E, 34.6667N 124.8333E, 34.6667N 124.3333E",
])
def test_a_window_day_before_hour_and_positions_as_written(positions):
    text = (f"NAVAREA XI 0811/26\nEAST CHINA SEA.\nROCKET LAUNCHING FROM 24 SEP 2230Z TO 25 SEP 0130Z.\n"
            f"FALLING DEBRIS IN AREA BOUNDED BY\n{positions}.\nCANCEL THIS MSG 250230Z SEP 26.\n")
    draft = notice(text)
    assert draft.window == (datetime(2026, 9, 24, 22, 30, tzinfo=UTC), datetime(2026, 9, 25, 1, 30, tzinfo=UTC))
    assert len(draft.features) == 1
    assert near(draft.features[0], SQUARE)
