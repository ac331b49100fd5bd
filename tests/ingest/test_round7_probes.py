"""Issue 17, round 7: probe sentences in phrasing written for the test, each a short story with the fields a reader
would draft from it (date, UTC time, site, heading in degrees within 45°, outcome). Five of them failed before this
round's rules: 'shot a … missile', 'blasting off', 'placing it … into orbit' after 'successfully launched', "Pyongyang's
international airport", a day-first '05/03/2026' stamp told apart by the lede's weekday. The traps after them are
what a launch story says of other things (a statement's time, a landing's, another launch's failure, drills to come,
a launch named in the lede after its dateline); three of them failed before this round."""

from __future__ import annotations

import math
from datetime import UTC
from pathlib import Path

import pytest

from viewer.ingest import draft_article
from viewer.ingest.article import article_from_bytes

H = "SEOUL, March 5, 2026 (Yonhap) -- "
CASES = [
    (H + "North Korea fired a ballistic missile from Tongchang-ri at 10:48 (0148 GMT) on Thursday, the JCS said.",
     {"date": "2026-03-05", "time": "2026-03-05T01:48Z", "site": "sohae"}),
    (H + "North Korea launched a missile at 1:14 p.m. Korean time on Thursday from the Pyongyang area, the military "
     "said. It flew northeastward for about 600 km.",
     {"date": "2026-03-05", "time": "2026-03-05T04:14Z", "site": "pyongyang", "heading": 45}),
    (H + "North Korea shot a short-range ballistic missile eastward from near the east coast city of Wonsan at 7:12 "
     "am (local) on Thursday.",
     {"date": "2026-03-05", "time": "2026-03-04T22:12Z", "site": "wonsan-kalma", "heading": 90}),
    ("TOKYO, March 5, 2026 (Kyodo) -- A North Korean ballistic missile launched at 08:01 JST on Thursday from Kusong "
     "flew about 800 km in a northeasterly direction, Japan's Defense Ministry said.",
     {"date": "2026-03-05", "time": "2026-03-04T23:01Z", "site": "kusong", "heading": 45}),
    (H + "North Korea fired a missile from the west coast town of Jangyon late last night, at 11:40 p.m., the JCS said "
     "on Thursday. It flew toward the northeast.",
     {"date": "2026-03-04", "time": "2026-03-04T14:40Z", "site": "jangyon", "heading": 45}),
    (H + "A ballistic missile was launched by the North at 6:30 a.m. Thursday from Kaechon, South Pyongan Province, "
     "and flew on a northeastward trajectory, the military said.",
     {"date": "2026-03-05", "time": "2026-03-04T21:30Z", "site": "kaechon", "heading": 45}),
    (H + "North Korea's satellite launch failed on Thursday when the rocket exploded in mid-air during second-stage "
     "flight, the JCS said. It lifted off from the Sohae Satellite Launching Ground at 10:51 p.m.",
     {"date": "2026-03-05", "time": "2026-03-05T13:51Z", "site": "sohae", "outcome": "failure"}),
    ("PYONGYANG, March 6, 2026 (KCNA) -- The DPRK successfully launched the reconnaissance satellite Malligyong-2 "
     "from the Sohae Satellite Launching Ground on March 5, placing it precisely into orbit.",
     {"date": "2026-03-05", "site": "sohae", "outcome": "orbit"}),
    (H + "The North fired the missile from waters near the port city of Sinpo at 5:29 a.m. on Thursday; it travelled "
     "about 500 km east.",
     {"date": "2026-03-05", "time": "2026-03-04T20:29Z", "site": "sinpo", "heading": 90}),
    ("March 5, 2026\n\nNorth Korea fired a ballistic missile from near Pyongyang's international airport at 7:44 a.m. "
     "Thursday (2244 GMT Wednesday). The missile flew east-southeast for about 370 km.",
     {"date": "2026-03-05", "time": "2026-03-04T22:44Z", "site": "sunan", "heading": 112}),
    ("Thu 5 Mar 2026 09.12 GMT\n\nNorth Korea has fired a ballistic missile towards the sea off its east coast, South "
     "Korea's military said. The missile was fired from Sukchon at 7.59am local time.",
     {"date": "2026-03-05", "time": "2026-03-04T22:59Z", "site": "sukchon"}),
    ("By Staff Reporter | 05/03/2026 14:00\n\nNorth Korea fired a missile from Kusong on Thursday morning at 6:07 "
     "a.m., Seoul's military said, and it flew 700 km toward the east.",
     {"date": "2026-03-05", "time": "2026-03-04T21:07Z", "site": "kusong", "heading": 90}),
    ("Updated 10:24 PM EST, March 4, 2026\n\nSEOUL, South Korea (AP) — North Korea test-launched a ballistic missile "
     "early Thursday from the Sunan area, South Korea's military said. It was fired at 11:02 a.m.",
     {"date": "2026-03-05", "time": "2026-03-05T02:02Z", "site": "sunan"}),
    (H + "North Korea fired a missile on Thursday from Hamhung, South Hamgyong Province, at 3:02 p.m.; it flew some "
     "350 km in a southeasterly direction before landing in the sea.",
     {"date": "2026-03-05", "time": "2026-03-05T06:02Z", "site": "hamhung", "heading": 135, "outcome": None}),
    (H + "North Korea launched a rocket carrying a satellite from Tongchang-ri on Thursday at 9:05 a.m., but the "
     "rocket lost altitude and crashed into the sea west of the peninsula, officials said.",
     {"date": "2026-03-05", "time": "2026-03-05T00:05Z", "site": "sohae", "outcome": "failure"}),
    (H + "North Korea successfully test-fired a new solid-fuel ICBM from the Pyongyang area at 8:24 a.m. on Thursday, "
     "state media said, adding the missile hit a target in the East Sea.",
     {"date": "2026-03-05", "time": "2026-03-04T23:24Z", "site": "pyongyang", "outcome": "success"}),
    (H + "North Korea's rocket carrying a spy satellite failed to reach orbit on Thursday after blasting off from "
     "Sohae at 10:43 p.m., Seoul said.",
     {"date": "2026-03-05", "time": "2026-03-05T13:43Z", "site": "sohae", "outcome": "failure"}),
]


T = "SEOUL, Oct. 8, 2026 (Yonhap) -- "
# Traps: what a launch story says of other things than this launch, and what a reader leaves out
TRAPS = [
    (T + "North Korea fired a short-range ballistic missile from the Pyongyang area on Thursday at 7:40 a.m., the JCS "
     "said. The Sohae Satellite Launching Station, where the North launched its spy satellite last year, showed no "
     "activity.", {"site": "pyongyang", "date": "2026-10-08", "n": 1}),
    (T + "North Korea fired a missile at 7:40 a.m. on Thursday, the JCS said, without saying where it was launched "
     "from. Analysts said it could have come from Sinpo or Wonsan.", {"site": None, "date": "2026-10-08"}),
    (T + "North Korea launched a ballistic missile at 7:40 a.m. on Thursday from Sunan, the JCS said. Kim Jong Un, who "
     "watched from a command post in Kangdong, praised the test.", {"site": "sunan"}),
    (T + "North Korea fired a missile from Sunan at 7:40 a.m. on Thursday, the JCS said, two days after it warned of "
     "'countermeasures' over drills that began on Monday.", {"date": "2026-10-08", "n": 1}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday, its first launch since it tested "
     "a Hwasong-19 on Sept. 3, the JCS said.", {"date": "2026-10-08", "n": 2}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday, the JCS said. The UN Security "
     "Council will meet on Friday to discuss the launch.", {"date": "2026-10-08", "n": 1}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday. South Korea and the US are "
     "scheduled to begin joint drills on Oct. 14.", {"date": "2026-10-08", "n": 1}),
    (T + "North Korea fired a ballistic missile from Sunan on Thursday morning, the JCS said in a text message sent at "
     "8:15 a.m.", {"time": None, "date": "2026-10-08"}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday, and Japan issued a J-Alert at "
     "7:46 a.m. for Hokkaido.", {"time": "2026-10-07T22:40Z"}),
    (T + "North Korea fired a ballistic missile from Sunan on Thursday. The missile flew for about 70 minutes before "
     "landing at 8:52 a.m. west of Hokkaido.", {"time": None}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday. Its last launch, in May, failed "
     "when the rocket exploded shortly after lift-off.", {"outcome": None}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday. Experts said the North had "
     "overcome technical failures that dogged earlier tests.", {"outcome": None}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday. The test was a success, state "
     "media claimed on Friday.", {"outcome": "success"}),
    (T + "North Korea fired a ballistic missile from Sunan at 7:40 a.m. on Thursday. The JCS said it was analysing "
     "whether the launch had succeeded.", {"outcome": None}),
    (T + "North Korea showed off its newest ICBM at a military parade in Pyongyang on Thursday night, state media "
     "said. The Hwasong-20 was carried on an 11-axle launcher vehicle.", {"n": 0}),
    (T + "South Korea on Thursday test-fired its Hyunmoo-5 ballistic missile from a site in Taean, the defence "
     "ministry said, in response to North Korea's missile launches last month.", {"n": 0}),
    ("TOKYO, Oct. 8, 2026 (Kyodo) -- Japan's defence ministry said satellite images show North Korea preparing to "
     "launch a missile from Sohae, where fuel trucks have been seen near the pad since Monday.", {"n": 0}),
    ("TOKYO, Oct. 8, 2026 (Kyodo) -- North Korea fired a ballistic missile from Sinpo on Tuesday evening, a day "
     "before Japan's new cabinet was sworn in, the Defense Ministry said on Thursday. The missile was launched at 6:50 "
     "p.m. and flew east.", {"date": "2026-10-06", "time": "2026-10-06T09:50Z", "site": "sinpo", "heading": 90}),
    (T + "North Korea fired a missile from Sukchon yesterday at 4:40 p.m., military officials said today.",
     {"date": "2026-10-07", "time": "2026-10-07T07:40Z", "site": "sukchon"}),
    (T + "North Korea fired two short-range missiles from Jangyon on Thursday at 6:10 a.m. and 6:31 a.m., the JCS "
     "said. The launches came two days after the North test-fired a cruise missile from Nampo on Tuesday at about 10 "
     "a.m.", {"date": "2026-10-08", "time": "2026-10-07T21:10Z", "site": "jangyon", "n": 3}),
    ("SEOUL, Oct. 8 (Yonhap) -- North Korea fired a ballistic missile from the Pyongyang area on Thursday, its 12th "
     "launch of 2026, the JCS said. It was launched at 7:40 a.m.",
     {"date": "2026-10-08", "time": "2026-10-07T22:40Z", "site": "pyongyang"}),
]


# Paraphrases of one launch (no rule was written for any of them; one failed: a missile that 'crashed into the sea')
SAME_LAUNCH = [
    (T + "North Korea on Thursday test-fired a ballistic missile eastward from the Sondok airfield in South Hamgyong "
     "Province at 7:10 a.m., the JCS said.", {"site": "sondok", "heading": 90, "time": "2026-10-07T22:10Z"}),
    (T + "The North fired an SRBM from the Tongchon area on the east coast toward the southeast at 7:10 a.m. "
     "Thursday.", {"site": "tongchon", "heading": 135}),
    (T + "North Korea fired a missile at 7:10 a.m. on Thursday from Kaechon. The missile travelled 600 km on a "
     "northeasterly heading and crashed into the sea.", {"site": "kaechon", "heading": 45, "outcome": None}),
    (T + "North Korea fired a missile at 7:10 a.m. on Thursday from Kaechon. It broke up in flight over the East Sea, "
     "the JCS said.", {"outcome": "failure"}),
    (T + "North Korea fired a missile at 7:10 a.m. on Thursday from Kaechon in what appeared to be a failed launch, "
     "the JCS said.", {"outcome": "failure"}),
    (T + "North Korea fired a missile at 7:10 a.m. on Thursday from Kaechon. The North declared the test a "
     "'complete success'.", {"outcome": "success"}),
    (T + "North Korea fired a missile at 7:10 a.m. on Thursday from Kaechon. The missile did not fail, contrary to "
     "early reports.", {"outcome": None}),
    ("TOKYO, Oct. 8, 2026 (Jiji Press) -- North Korea launched a ballistic missile toward the Sea of Japan at around "
     "7:10 a.m. Thursday, the Japanese government said.", {"time": "2026-10-07T22:10Z"}),
    ("October 8th, 2026\n\nNorth Korea fired a missile from Kaechon at 7:10 a.m. on Thursday, the JCS said.",
     {"date": "2026-10-08", "time": "2026-10-07T22:10Z"}),
    ("8 Oct 2026 | 09:15 KST\n\nNorth Korea fired a missile from Kaechon at 7:10 a.m., the JCS said.",
     {"date": "2026-10-08", "time": "2026-10-07T22:10Z"}),
    ("Posted on 2026-10-08 09:15\n\nNorth Korea fired a missile from Kaechon at 7:10 a.m. today, the JCS said.",
     {"date": "2026-10-08", "time": "2026-10-07T22:10Z"}),
    ("SEOUL, Thursday 8 October 2026 --\n\nNorth Korea fired a missile from Kaechon at 7:10 a.m., the JCS said.",
     {"date": "2026-10-08", "time": "2026-10-07T22:10Z"}),
    ("SEOUL (Reuters) - North Korea fired a missile from Kaechon at 7:10 a.m. on Thursday, Oct. 8, 2026, the JCS "
     "said.", {"date": "2026-10-08", "time": "2026-10-07T22:10Z"}),
]


def _heading(draft) -> float | None:
    path = draft.first("flight_path")
    if path is None:
        return None
    (x0, y0), (x1, y1) = path.geometry.coords[0], path.geometry.coords[-1]
    return math.degrees(math.atan2((x1 - x0) * math.cos(math.radians(y0)), y1 - y0)) % 360


@pytest.mark.parametrize(("text", "want"), CASES + TRAPS + SAME_LAUNCH)
def test_probe_story_is_drafted_as_a_reader_would(text, want):
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("probe.txt"), "doc-probe"))
    if want.get("n") == 0:
        assert draft is None
        return
    assert draft is not None
    if "n" in want:
        assert 1 + len(draft.others) == want["n"]
    site = draft.first("launch_site")
    got = {"date": draft.date.isoformat() if draft.date else None,
           "time": draft.time.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if draft.time else None,
           "site": site.place if site else None, "outcome": draft.outcome}
    for field, value in want.items():
        if field == "heading":
            heading = _heading(draft)
            assert heading is not None
            assert abs((heading - value + 180) % 360 - 180) <= 45
        elif field != "n":
            assert got[field] == value, field


def test_a_slashed_stamp_whose_readings_do_not_fit_the_weekday_is_not_guessed():
    # 04/11/2026 is 4 November (a Wednesday) or 11 April (a Saturday); the lede's Monday is neither, nor the day after
    text = ("By Staff Reporter | 04/11/2026 14:00\n\nNorth Korea fired a missile from Kusong on Monday at 6:07 a.m., "
            "Seoul's military said.")
    draft = draft_article(article_from_bytes(text.encode("utf-8"), Path("probe.txt"), "doc-probe"))
    assert draft is not None
    assert draft.date is None
