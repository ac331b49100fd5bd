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


def test_a_circulars_numbered_items_each_head_a_launch_a_day_apart():
    text = ("HARBOUR AGENCY -- Circular to Masters\nDate: 12 April 2031, 1400 hrs JST\n\n"
            "Subject: Two North Korean ballistic missile launches, 11-12 April 2031 -- Sea of Japan transits\n\n"
            "1. Launch of 11 April\n"
            "   At 2238 hrs KST on 11 April, North Korea launched one short-range ballistic missile from the Sunan\n"
            "   area toward the East Sea. The missile fell outside Japan's EEZ.\n\n"
            "2. Launch of 12 April\n"
            "   At 0824 hrs KST on 12 April, North Korea launched one long-range ballistic missile from the\n"
            "   Pyongyang area toward the East Sea.\n\n"
            "3. No navigational warnings were issued in advance of either launch.\n")
    draft = drafted(text)
    assert sorted(d.date for d in (draft, *draft.others)) == [date(2031, 4, 11), date(2031, 4, 12)]
    assert draft.date == date(2031, 4, 11)
