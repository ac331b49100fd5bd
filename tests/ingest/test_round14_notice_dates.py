"""Issue 17, round 14: a notice names no publication date; its source line says which launch window it gives
('date unknown (launch window from 14 Mar 2025)'), and an article whose launch is dated but not timed says that day.
Every text here was written for the test."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_files
from viewer.model.sources import document_date

NOTICE = """NAVAREA XI 0321/25
YELLOW SEA.
DPRK.
ROCKET LAUNCHING.
140000Z TO 142359Z MAR 25
IN AREA BOUNDED BY
38-10N 124-20E, 38-10N 124-50E,
37-50N 124-50E, 37-50N 124-20E.
"""


def test_a_notices_source_line_names_its_window(tmp_path: Path):
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    bundle = ingest_files([tmp_path / "n.txt"])
    document = next(iter(bundle.documents.values()))
    assert document_date(bundle, document) == "date unknown (launch window from 14 Mar 2025)"


def test_an_undated_articles_source_line_names_the_day_of_its_untimed_launch(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Missile story\n\nNorth Korea fired a ballistic missile from Pyongyang on 3 May "
                                    "2027, South Korea's military said. It flew east.\n", encoding="utf-8")
    bundle = ingest_files([tmp_path / "a.txt"])
    document = next(iter(bundle.documents.values()))
    assert document_date(bundle, document) == "date unknown (reports the launch of 3 May 2027)"
