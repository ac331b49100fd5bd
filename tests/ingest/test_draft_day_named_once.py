"""A draft launch dated by its article but not timed is shown by that day, once: the tree read
'undated  Chollima-1 launch, 2023-08-24 (draft)' (the name carried the day, the date label said there was none).
Every text here was written for the test."""

from __future__ import annotations

from pathlib import Path

from viewer.ingest import ingest_files
from viewer.model.event import LaunchEvent


def drafted(tmp_path: Path, text: str) -> LaunchEvent:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    bundle = ingest_files([tmp_path / "a.txt"])
    (event,) = bundle.events.values()
    return event


def test_a_day_without_a_time_is_the_launchs_date_label_not_part_of_its_name(tmp_path: Path):
    event = drafted(tmp_path, "Missile story\n\nNorth Korea fired a ballistic missile from Pyongyang on 3 May 2027, "
                              "South Korea's military said. It flew east.\n")
    assert event.time is None
    assert event.date_label == "2027-05-03"
    assert event.name == "Ballistic missile launch (draft)"
    assert f"{event.date_label}  {event.name}".count("2027") == 1


def test_a_launch_with_no_day_at_all_is_undated(tmp_path: Path):
    event = drafted(tmp_path, "Missile story\n\nNorth Korea fired a ballistic missile from Pyongyang, South Korea's "
                              "military said. It flew east.\n")
    assert event.date_label == "undated"
    assert not any(ch.isdigit() for ch in event.name)


def test_a_day_a_bundle_gives_is_read_as_a_date_only():
    assert LaunchEvent("a", extra={"date": "2023-08-24"}).date_label == "2023-08-24"
    assert LaunchEvent("a", extra={"date": "24 August"}).date_label == "undated"  # bundles hold untrusted text
    assert LaunchEvent("a", extra={"date": ["2023-08-24"]}).date_label == "undated"
    assert LaunchEvent("a", time="2023-08-24T06:50:00+09:00", extra={"date": "2020-01-01"}).date_label == "2023-08-24"


def test_a_slide_names_the_day_of_an_untimed_launch(tmp_path: Path):
    from viewer.export.deck_facts import event_subtitle
    from viewer.model.bundle import Bundle

    event = LaunchEvent("a", name="Ballistic missile launch (draft)", extra={"date": "2027-05-03"})
    assert event_subtitle(Bundle(events={"a": event}), event) == "3 May 2027"
