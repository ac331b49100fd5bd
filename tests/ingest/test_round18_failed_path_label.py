"""A failed launch's short path is labelled by how its direction was told: a compass word as a heading, a place as
where it went ("toward the Yellow Sea", not "heading Yellow Sea")."""

from __future__ import annotations

from pathlib import Path

from story import ingested


def _short_flight_label(tmp_path: Path, sentence: str) -> str:
    story = f"North Korea rocket fails\n\nApril 2, 2034\n\n{sentence}\n"
    bundle = ingested(tmp_path, story)
    (label,) = [f.properties.get("label") for f in bundle.features.values()
                if f.kind == "flight_path" and str(f.properties.get("label", "")).startswith("Short flight")]
    return label


def test_a_place_is_where_the_short_flight_went(tmp_path):
    label = _short_flight_label(tmp_path, "North Korea launched a rocket from Sohae on Sunday that flew toward the "
                                          "Yellow Sea and exploded shortly after lift-off.")
    assert label == "Short flight (failed; toward Yellow Sea)", label


def test_a_compass_word_is_its_heading(tmp_path):
    label = _short_flight_label(tmp_path, "North Korea launched a rocket from Sohae on Sunday that flew south and "
                                          "exploded shortly after lift-off.")
    assert label == "Short flight (failed; heading south)", label
