"""Issue 17, round 16: a launch pasted as a data record — a YAML notes file's keys ('  date: 2031.1.14'), a JSON
record's ('"launched_local": "…"', '"site": "Pyongyang area"'). Every record here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted


def _site(draft) -> str | None:
    return next((f.place for f in draft.features if f.kind == "launch_site"), None)


def test_a_yaml_notes_entry_is_a_launch_report():
    text = ("# watch-list entry (notes file)\ntitle: N. Korea hypersonic IRBM launch\npublished: 2031.1.15\n"
            "event:\n  date: 2031.1.14\n  time: \"14:55 KST\"\n  site: Pyongyang area\n  heading: toward the East Sea\n"
            "  range_km: ~1000\n")
    draft = drafted(text)
    assert draft.date == date(2031, 1, 14)
    assert _site(draft) == "pyongyang"


def test_a_json_record_is_a_launch_report_when_its_keys_and_values_say_so():
    text = ("saved from the tracker, pasted as-is:\n\n{\n  \"id\": \"entry-0412\",\n  \"event\": {\n"
            "    \"type\": \"ICBM\",\n    \"launched_local\": \"2031-04-12 08:24 KST\",\n"
            "    \"date\": \"2031-04-12\",\n    \"site\": \"Pyongyang area\",\n    \"heading\": \"East Sea\"\n  }\n}\n")
    draft = drafted(text)
    assert draft.date == date(2031, 4, 12)
    assert _site(draft) == "pyongyang"
