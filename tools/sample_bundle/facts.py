"""The sample's fact tables: the seed articles, places, danger zones and the launches with what each source claims."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

REF = "launches.md"

@dataclass(frozen=True)
class Quote:
    """The words of ``document`` that state a fact; ``occurrence`` (0-based) must be given when they recur."""

    document: str
    exact: str
    occurrence: int | None = None


def q0(exact: str, occurrence: int | None = None) -> Quote:
    return Quote("doc-000", exact, occurrence)


def q1(exact: str, occurrence: int | None = None) -> Quote:
    return Quote("doc-001", exact, occurrence)


def q2(exact: str, occurrence: int | None = None) -> Quote:
    return Quote("doc-002", exact, occurrence)


def claim(prop: str, value: Any, by: str, *quotes: Quote, reference: str | None = None, **extra: Any) -> dict:
    """A claim as the tables write it; quotes become citations when the bundle is assembled."""
    return {"property": prop, "value": value, "by": by, "quotes": list(quotes), "reference": reference, **extra}

# ---------------------------------------------------------------------------------------------------------------
# Documents (the seed articles; data/articles/ holds byte-identical copies)
# ---------------------------------------------------------------------------------------------------------------
DOCUMENTS = [
    {
        "id": "doc-000", "file": "000_07ec046ded137453.txt",
        "title": "North Korea launches Kwangmyongsong-4 rocket; UN Security Council meets",
        "published": None, "publisher": None,
        "note": "Undated. Reports the 7 Feb 2016 Kwangmyongsong-4 launch: 7:29 PM ET (6 Feb) = 00:29 UTC 7 Feb, "
                "and the UNSC emergency meeting 'on Sunday' = 7 Feb 2016. So written on or soon after 7 Feb 2016.",
    },
    {
        "id": "doc-001", "file": "001_4e722cd045efdfe0.txt",
        "title": "North Korea launches rocket believed to carry a spy satellite; Okinawa warned",
        "published": None, "publisher": None,
        "note": "Undated. Reports the 21 Nov 2023 Chollima-1 launch (the one that reached orbit), not the May one: "
                "launch 'on Tuesday evening' (21 Nov 2023 was a Tuesday, 22:42 KST), after the Kim-Putin meeting "
                "(Sep 2023) and the UK-ROK agreement (Nov 2023), with South Korea's SpaceX launch (1 Dec 2023) "
                "'in the coming week'. So written about 21-24 Nov 2023.",
    },
    {
        "id": "doc-002", "file": "002_722ae5fc878264be.txt",
        "title": "North Korea's second satellite launch attempt of 2023; Okinawa warned",
        "published": "2023-11-15", "publisher": None,
        "note": "'published' is the date in the text's own header ('date 2023-11-15'), kept as the document states "
                "it; it is probably a re-post or crawl date. The text reports the 24 Aug 2023 launch ('on "
                "Thursday', 24 Aug 2023 was a Thursday; the announced 24-31 Aug window; 'second attempt this "
                "year'), which it calls a success although it failed (3rd stage), and recalls the failed "
                "31 May 2023 launch and its cause.",
    },
]

# ---------------------------------------------------------------------------------------------------------------
# Places used to build geometry: (lat, lon, where the figure comes from)
# ---------------------------------------------------------------------------------------------------------------
PLACES = {
    "sohae_pad": (39.660, 124.705, "S[1]"),
    "sohae_coastal_pad": (39.643, 124.727, f"{REF} §0 APPROX, 2.7 km SE of the original pad S[3]; used in 2023 S[4]"),
    "okinawa_island": (26.4794, 127.9278, "S[41]"),
    "miyako_island": (24.767, 125.317, "S[43]"),
    "okinotorishima": (20.4225, 136.09, "S[45]"),
    "palanan": (17.0589, 122.4300, "S[51]"),
    "eocheongdo": (36.12, 125.98, f"{REF} §0 APPROX"),
    "baengnyeongdo": (37.96, 124.67, f"{REF} §0 APPROX"),
    "ieodo": (32.12, 125.18, f"{REF} §0 APPROX"),
    # Not in launches.md: only used to check the '~2,000 km south of Japan' reading for 2016.
    "cape_sata": (30.994, 130.661, "general knowledge (southern tip of Kyushu)"),
}

# 2016 danger zones as the DPRK notice lists them (corners N-W, N-E, S-W, S-E), launches.md §1a S[54].
ZONES_2016 = [
    ("1st stage, Yellow Sea", ["36°04'N 124°30'E", "36°04'N 124°54'E", "35°19'N 124°30'E", "35°19'N 124°54'E"]),
    ("fairing, W of Jeju", ["33°16'N 124°11'E", "33°16'N 125°09'E", "32°22'N 124°11'E", "32°21'N 125°08'E"]),
    ("2nd stage, E of Luzon", ["19°44'N 123°53'E", "19°43'N 124°51'E", "17°01'N 123°52'E", "17°00'N 124°48'E"]),
]

# 2023 danger zones: the corners were not found; centres are launches.md §2a APPROX values (zone 3: the middle of
# its 13.0-14.5N 128.3-128.7E range). The same three zones were notified in May, Aug and Nov (S[62][65][66][67]).
ZONES_2023 = [
    ("1st stage, Yellow Sea", 36.3, 123.5,
     "~253 km W of Taean S[26][60]; ~220 km W of Eocheongdo S[62]"),
    ("fairing, Yellow/East China Sea", 33.7, 123.4,
     "~284 km W of Jindo S[26][60]; ~270 km W of Jeju S[62]"),
    ("2nd stage, Pacific E of Luzon/Samar", 13.75, 128.5,
     "~820 km E of Manila S[26][60]; ~350 km E of Samar S[62]; 13.0-14.5N 128.3-128.7E"),
]

# Okinawa Prefecture (the J-Alert area every launch drew): an envelope, counter-clockwise (lon, lat), around the
# Okinawa Island group, Kerama/Kume, Miyako, Yaeyama (Ishigaki, Iriomote, Hateruma, Yonaguni) and the Senkakus.
# The Daito islands (~131E) are left out: no track came near them.
OKINAWA_ENVELOPE = [
    (122.90, 23.95), (124.00, 23.95), (125.80, 24.30), (128.40, 26.00),
    (128.40, 27.10), (126.50, 27.10), (123.30, 26.10), (122.90, 24.70),
]

# ---------------------------------------------------------------------------------------------------------------
# Events, with what each source claims about them
# ---------------------------------------------------------------------------------------------------------------
JALERT = "Japanese government (J-Alert)"
KMS4, MAY, AUG, NOV = "2016-02-07-kms4", "2023-05-31-chollima1", "2023-08-24-chollima1", "2023-11-21-chollima1"

EVENTS = [
    {
        "id": KMS4, "name": "Kwangmyongsong-4 launch", "time": "2016-02-07T09:30:00+09:00", "vehicle": "Unha",
        "outcome": "orbit",
        "claims": [
            claim("outcome", "orbit", "North Korea (per article)",
                  q0("believes the launch was a success"), q0("polar orbit of earth every 94 minutes")),
            claim("outcome", "orbit", "South Korea (per article)", q0("left an object in space")),
            claim("outcome", "orbit", "tracking data (KMS-4 catalogued as 2016-009A)", reference="S[5]"),
            claim("time", "2016-02-06T19:29:00-05:00", "a US official, via ABC News (per article)",
                  q0("at 7:29 PM ET")),
            claim("time", "2016-02-07T00:30:00Z", "Wikipedia; US StratCom gives 00:29 UTC",
                  reference="S[5][8][9]"),
            claim("orbit_period_min", 94, "North Korea (per article)", q0("every 94 minutes")),
            claim("orbit_period_min", 94.4, "KCNA and tracking data (94 min 24 s)", reference="S[5][9][12]"),
        ],
    },
    {
        "id": MAY, "name": "Chollima-1 launch (Malligyong-1, 1st attempt)", "time": "2023-05-31T06:27:00+09:00",
        "vehicle": "Chollima-1", "outcome": "failure",
        "claims": [
            claim("outcome", "failure", "the article (unattributed)", q2("a failed satellite launch in May")),
            claim("outcome", "failure", "KCNA; ROK JCS (fell into the Yellow Sea)",
                  reference="S[16][17][19]"),
            claim("time", "2023-05", "the article (month only)", q2("a failed satellite launch in May")),
            claim("time", "2023-05-30T21:27:00Z", "KCNA, 06:27 Pyongyang time (ROK JCS ~06:29 KST)",
                  reference="S[17][18][19][20]"),
        ],
    },
    {
        "id": AUG, "name": "Chollima-1 launch (Malligyong-1, 2nd attempt)", "time": "2023-08-24T03:50:00+09:00",
        "vehicle": "Chollima-1", "outcome": "failure",
        "claims": [
            claim("outcome", "success", "the article (unattributed)",
                  q2("successfully launching a space rocket"), q2("this successful launch")),
            claim("outcome", "failure", "KCNA (error in the 3rd stage's emergency blasting system); Japan (no orbit)",
                  reference="S[28][30]"),
            claim("time", "Thursday", "the article (weekday only; 24 Aug 2023 was a Thursday)", q2("on Thursday")),
            claim("time", "2023-08-23T18:50:00Z", "ROK JCS, 03:50 KST (Japan ~03:51 JST)",
                  reference="S[27][28][29][30]"),
            claim("date", "2023-11-15", "the article's header (document date)", q2("date 2023-11-15")),
            claim("date", "2023-08-24", "ROK JCS and Japan (KST/JST date)", reference="S[27][28]"),
            claim("launch_window", "2023-08-24/2023-08-31", "North Korea, announced (per article)",
                  q2("between August 24th and 31st")),
            claim("launch_window", "2023-08-24T00:00:00+09:00/2023-08-31T00:00:00+09:00",
                  "North Korea's notice to the Japan Coast Guard", reference="S[68][62]"),
            claim("attempt_in_year", 2, "the article", q2("second attempt this year")),
            claim("attempt_in_year", 2, "launch list (May, Aug, Nov 2023)", reference="S[16]"),
        ],
    },
    {
        "id": NOV, "name": "Chollima-1 launch (Malligyong-1, 3rd attempt)", "time": "2023-11-21T22:42:00+09:00",
        "vehicle": "Chollima-1", "outcome": "orbit",
        "claims": [
            claim("outcome", "orbit", "North Korea (per article)", q1("successfully launched a satellite into orbit")),
            claim("outcome", "orbit", "tracking data (Malligyong-1, 2023-179A)", reference="S[6b][37][39]"),
            claim("time", "Tuesday evening", "the article (weekday only; 21 Nov 2023 was a Tuesday)",
                  q1("on Tuesday evening")),
            claim("time", "2023-11-21T13:42:00Z", "KCNA, 22:42:28 Pyongyang time (Japan ~22:43 JST)",
                  reference="S[33][34][37][38][39]"),
        ],
    },
]

# Per event and feature kind: the passages that report it (the most specific words the article has), feature
# claims and times. Where an article does not mention a thing, the closest passage is cited and the feature's
# derivation says the geometry comes from the reference.
SOURCES: dict[str, dict[str, dict]] = {
    KMS4: {
        "launch_site": {"quotes": [q0("launched from western North Korea")]},
        "flight_path": {"quotes": [q0("traveled distance of 2,000 kilometers south")]},
        "danger_zone": {"quotes": [q0("traveled distance of 2,000 kilometers south")]},
        "warning_area": {
            "quotes": [q0("the Japanese government confirming")],
            "time": "2016-02-07T09:34:00+09:00",
            "claims": [
                claim("area", "Okinawa Prefecture", JALERT,
                      reference="S[11][13][14]"),
                claim("issued", "2016-02-07T09:34:00+09:00", JALERT + ", ~3 min after launch",
                      reference="S[11]"),
                claim("passed_overhead_message", "2016-02-07T09:42:00+09:00", JALERT + ", ~8 min later",
                      reference="S[11][13][14]"),
            ],
        },
        "impact_point": {
            "quotes": [q0("traveled distance of 2,000 kilometers south")],
            "time": "2016-02-07T09:45:00+09:00",
            "claims": [
                claim("distance_km", 2000, "Japanese government (per article)",
                      q0("traveled distance of 2,000 kilometers south")),
                claim("distance_km", 2000,
                      "Japanese government: 4th object ~2,000 km south of Japan, Pacific, ~09:45 JST",
                      reference="S[10][11]"),
            ],
        },
        "overflight": {
            "quotes": [q0("traveled distance of 2,000 kilometers south")],
            "claims": [
                claim("time", "2016-02-07T09:39:00+09:00", "Japanese government via j-cast",
                      reference="S[10]"),
                claim("time", "2016-02-07T09:41:00+09:00", "Japanese government via NTV",
                      reference="S[11]"),
            ],
        },
    },
    MAY: {
        "launch_site": {"quotes": [q2("a failed satellite launch in May")]},
        "flight_path": {"quotes": [q2("a failed satellite launch in May")]},
        "danger_zone": {"quotes": [q2("a failed satellite launch in May")]},
        "warning_area": {
            "quotes": [q2("a failed satellite launch in May")],
            "time": "2023-05-31T06:30:00+09:00",
            "lifted": "2023-05-31T07:04:00+09:00",
            "claims": [
                claim("area", "Okinawa Prefecture", JALERT,
                      reference="S[21][22][23]"),
                claim("lifted", "2023-05-31T07:04:00+09:00", "Japanese government (J-Alert: 'will not fly to Japan')",
                      reference="S[21][22][23]"),
            ],
        },
        "impact_point": {
            "quotes": [q2("the causes of the failed May launch")],
            "claims": [
                claim("failure_cause", "unstable and unreliable engine system and fuel",
                      "North Korean state media (per article)", q2("unstable and unreliable engine system and fuel")),
                claim("failure_cause", "2nd-stage engine started abnormally; lost thrust after 1st-stage separation",
                      "KCNA", reference="S[17]"),
                claim("distance_km", 200, "ROK JCS: ~200 km W of Eocheongdo", reference="S[19][20]"),
            ],
        },
    },
    AUG: {
        "launch_site": {"quotes": [q2("launching a space rocket on Thursday")]},
        "flight_path": {"quotes": [q2("confirmed to have passed through the area")]},
        "danger_zone": {"quotes": [q2("announced its intention to launch a satellite between August 24th and 31st")]},
        "warning_area": {
            "quotes": [q2("an emergency warning was issued to residents of Okinawa prefecture"),
                       q2("the warning was lifted")],
            "time": "2023-08-24T03:54:00+09:00",
            "lifted": "2023-08-24T04:07:00+09:00",
            "claims": [
                claim("area", "Okinawa prefecture", "Japan (per article)", q2("Okinawa prefecture")),
                claim("area", "Okinawa Prefecture", JALERT,
                      reference="S[29][31][32]"),
                claim("lifted", "2023-08-24T04:07:00+09:00", "Japanese government (second J-Alert)",
                      reference="S[29][31][32]"),
            ],
        },
        "impact_point": {
            "quotes": [q2("confirmed to have passed through the area")],
            "time": "2023-08-24T04:05:00+09:00",
            "claims": [
                claim("distance_km", 600, "Japanese government: 3rd stage ~600 km E of the Philippines, outside the "
                      "notified zones", reference="S[28][29][31]"),
            ],
        },
        "overflight": {
            "quotes": [q2("confirmed to have passed through the area"), q2("residents of Okinawa prefecture")],
            "time": "2023-08-24T04:00:00+09:00",
            "claims": [
                claim("passed", "between Okinawa Island and Miyako Island", "Japanese government",
                      reference="S[28][29][30][31]"),
            ],
        },
    },
    NOV: {
        "launch_site": {"quotes": [q1("launched a rocket into space")]},
        "flight_path": {
            "quotes": [q1("passed through South Korean airspace")],
            "claims": [
                claim("overflew", "South Korean airspace", "ROK Joint Chiefs of Staff (per article)",
                      q1("passed through South Korean airspace"),
                      note="Recorded as claimed. The reference sources report no ROK airspace crossing; the "
                           "derived track stays over the Yellow and East China Seas."),
            ],
        },
        "danger_zone": {"quotes": [q1("launched a rocket into space")]},
        "warning_area": {
            "quotes": [q1("emergency warning to its citizens on the island of Okinawa")],
            "time": "2023-11-21T22:46:00+09:00",
            "lifted": "2023-11-21T23:15:00+09:00",
            "claims": [
                claim("area", "island of Okinawa", "Japan (per article)", q1("the island of Okinawa")),
                claim("area", "Okinawa Prefecture", "Japanese government (J-Alert)",
                      reference="S[36][73][74][75]"),
                claim("lifted", "2023-11-21T23:15:00+09:00", "Japanese government (J-Alert: passed into the Pacific)",
                      reference="S[36][73][74]"),
            ],
        },
        "impact_point": {
            "quotes": [q1("launched a rocket into space")],
            "time": "2023-11-21T22:57:00+09:00",
            "claims": [
                claim("distance_km", 1200, "Japanese government: 2nd stage ~1,200 km SW of Okinotorishima, inside the "
                      "notified zone", reference="S[34][35][36]"),
            ],
        },
        "overflight": {
            "quotes": [q1("emergency warning to its citizens on the island of Okinawa")],
            "time": "2023-11-21T22:55:00+09:00",
            "claims": [
                claim("passed", "between Okinawa Island and Miyako Island", "Japanese government",
                      reference="S[34][35][36]"),
            ],
        },
    },
}

# Validity of the notified danger zones (ISO 8601 intervals; 2016 daily 07:00-12:00 Pyongyang time, UTC+8:30).
ZONE_WINDOWS = {
    KMS4: ("2016-02-07T07:00:00+08:30/2016-02-14T12:00:00+08:30", "S[5][54]",
           "daily 07:00-12:00 Pyongyang time (UTC+8:30) only; the window was moved forward from 8-25 Feb on 6 Feb"),
    MAY: ("2023-05-31T00:00:00+09:00/2023-06-11T00:00:00+09:00", "S[26][57]", None),
    AUG: ("2023-08-24T00:00:00+09:00/2023-08-31T00:00:00+09:00", "S[68][62]", None),
    NOV: ("2023-11-22T00:00:00+09:00/2023-12-01T00:00:00+09:00", "S[69][70][71]",
          "the launch (22:42 JST 21 Nov) came ~1 h 17 min before the notified window opened"),
}


# Where each launch's farthest reported object came down (see the geometry functions for how it is placed).
FALLS = {
    MAY: ("Crash (~200 km W of Eocheongdo)", "eocheongdo", 270.0, 200.0, "S[19][20]"),
    AUG: ("3rd stage fall (~600 km E of the Philippines)", "palanan", 90.0, 600.0, "S[28][29][31]"),
    NOV: ("2nd stage fall (~1,200 km SW of Okinotorishima)", "okinotorishima", 225.0, 1200.0,
          "S[34][35][36]"),
}
KMS4_IMPACT_LAT = 14.5  # see kms4_impact(): on the track, over the sea between the zone and Catanduanes

