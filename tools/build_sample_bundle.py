"""Build data/launches.geojson, launchmap's curated sample bundle, from the fact tables below.

Citation offsets, article hashes and geodesic geometry are computed, never typed: `python tools/build_sample_bundle.py`.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from pyproj import Geod
from shapely.geometry import LineString, Polygon

from viewer.model.sources import Source

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLES = DATA / "articles"
OUTPUT = DATA / "launches.geojson"
GEOD = Geod(ellps="WGS84")
MAX_SEGMENT_M = 25_000.0
DIGITS = 6  # ~0.1 m: far below the data's accuracy, and it keeps the output byte-stable
CONTEXT = 32  # characters of prefix/suffix kept around a quote (TextQuoteSelector)
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
# Reference sources: the pages the facts below come from. Their numbers (S[n]) are those of the project's
# reference notes and are only used inside this script: the bundle names each source as a reader cites it
# (publisher, title, date, URL) in its `sources` list, and features and claims refer to them by id.
# Titles are given only where the page's title is known; dates only where the page states them.
# ---------------------------------------------------------------------------------------------------------------
REFERENCES: dict[str, dict[str, str]] = {
    "1": {"id": "wikipedia-sohae", "publisher": "Wikipedia", "title": "Sohae Satellite Launching Station",
          "url": "https://en.wikipedia.org/wiki/Sohae_Satellite_Launching_Station"},
    "3": {"id": "csis-sohae-new-pad", "publisher": "CSIS Beyond Parallel",
          "url": "https://beyondparallel.csis.org/new-launch-pad-and-significant-expansion-underway-at-the-sohae-"
                 "satellite-launching-station/"},
    "4": {"id": "38north-sohae-2023-10", "publisher": "38 North", "published": "2023-10",
          "url": "https://www.38north.org/2023/10/sohae-satellite-launching-station-expansion-continues-no-visible-"
                 "signs-of-launch-preparations/"},
    "5": {"id": "wikipedia-kms4", "publisher": "Wikipedia", "title": "Kwangmyŏngsŏng-4",
          "url": "https://en.wikipedia.org/wiki/Kwangmy%C5%8Fngs%C5%8Fng-4"},
    "6b": {"id": "spacereview-4753", "publisher": "The Space Review",
           "url": "https://thespacereview.com/article/4753/1"},
    "8": {"id": "satnews-561028436", "publisher": "Satnews", "url": "http://www.satnews.com/story.php?number=561028436"},
    "9": {"id": "redglobe-2016-02", "publisher": "Red Globe", "published": "2016-02",
          "url": "http://en.redglobe.org/2016/02/north-korea-reports-satellite-launch/"},
    "10": {"id": "jcast-2016-02-07", "publisher": "J-CAST News", "published": "2016-02-07",
           "url": "https://j-cast.com/2016/02/07257784.html?p=all"},
    "11": {"id": "ntv-321824", "publisher": "Nippon TV News", "url": "https://news.ntv.co.jp/category/politics/321824"},
    "12": {"id": "nocutnews-4544823", "publisher": "CBS NoCut News", "url": "https://nocutnews.co.kr/news/4544823"},
    "13": {"id": "qab-2016-02-07", "publisher": "QAB Ryukyu Asahi Broadcasting", "published": "2016-02-07",
           "url": "http://www.qab.co.jp/news/2016020777300.html"},
    "14": {"id": "okinawatimes-23650", "publisher": "Okinawa Times",
           "url": "http://www.okinawatimes.co.jp/articles/-/23650"},
    "15": {"id": "japantimes-2016-02-07", "publisher": "The Japan Times", "published": "2016-02-07",
           "url": "https://www.japantimes.co.jp/news/2016/02/07/national/north-korea-fires-rocket-seen-covert-"
                  "missile-test-japan-condemns-launch/"},
    "16": {"id": "wikipedia-chollima1", "publisher": "Wikipedia", "title": "Chollima-1",
           "url": "https://en.wikipedia.org/wiki/Chollima-1"},
    "17": {"id": "newdaily-2023-05-31", "publisher": "NewDaily", "published": "2023-05-31",
           "url": "http://www.newdaily.co.kr/site/data/html/2023/05/31/2023053100011.html"},
    "18": {"id": "nippon-com-2023-05-31", "publisher": "Nippon.com", "published": "2023-05-31",
           "url": "https://www.nippon.com/en/news/yjj2023053100178/north-korea-fires-suspected-ballistic-missile.html"},
    "19": {"id": "the300-2023-05-31", "publisher": "The300", "published": "2023-05-31",
           "url": "https://the300.mt.co.kr/newsView.html?no=2023053109384252511"},
    "20": {"id": "nwtn-375412", "publisher": "NWTN", "url": "http://www.nwtn.co.kr/news/articleViewAmp.html?idxno=375412"},
    "21": {"id": "tbs-516203", "publisher": "TBS News Dig", "url": "https://newsdig.tbs.co.jp/articles/-/516203"},
    "22": {"id": "sputnik-jp-2023-05-31", "publisher": "Sputnik Japan", "published": "2023-05-31",
           "url": "https://sputniknews.jp/amp/20230531/j-16144344.html"},
    "23": {"id": "nhk-2023-05-31", "publisher": "NHK News", "published": "2023-05-31",
           "url": "https://www3.nhk.or.jp/news/html/20230531/k10014083441000.html"},
    "25": {"id": "seesat-2023-05-0198", "publisher": "SeeSat-L", "published": "2023-05",
           "url": "https://satobs.org/seesat/May-2023/0198.html"},
    "26": {"id": "moneytoday-2023-05-31", "publisher": "Money Today", "published": "2023-05-31",
           "url": "https://m.mt.co.kr/renew/view_amp.html?no=2023053106581851671"},
    "27": {"id": "newspravda-2023-08-23", "publisher": "News-Pravda", "published": "2023-08-23",
           "url": "https://news-pravda.com/usa/2023/08/23/68150.html"},
    "28": {"id": "arabnews-jp-101937", "publisher": "Arab News Japan",
           "url": "https://www.arabnews.jp/en/japan/article_101937"},
    "29": {"id": "tbs-679020", "publisher": "TBS News Dig", "url": "https://newsdig.tbs.co.jp/articles/-/679020"},
    "30": {"id": "britainherald-chollima", "publisher": "Britain Herald",
           "url": "https://britainherald.com/north-korea-spy-satellite-launch-ends-in-failure"},
    "31": {"id": "ymainichi-39787", "publisher": "Yaeyama Mainichi", "url": "https://www.y-mainichi.co.jp/news/39787/"},
    "32": {"id": "ryukyushimpo-1771646", "publisher": "Ryukyu Shimpo",
           "url": "https://ryukyushimpo.jp/news/entry-1771646.html"},
    "33": {"id": "kcna-2023-11-22", "publisher": "KCNA", "published": "2023-11-22",
           "url": "http://kcna.kp/en/article/q/1eb1892a9d329f7cd348008b6bd315bd"},
    "34": {"id": "ntv-2023-11", "publisher": "Nippon TV News",
           "url": "https://news.ntv.co.jp/category/politics/1a99c0d70d894c5bb7ce10712ec8bde2"},
    "35": {"id": "nhk-okinawa-2023-11-22", "publisher": "NHK Okinawa", "published": "2023-11-22",
           "url": "https://www3.nhk.or.jp/lnews/okinawa/20231122/5090025732.html"},
    "36": {"id": "japannews-2023-11-22", "publisher": "The Japan News", "published": "2023-11-22",
           "url": "https://japannews.yomiuri.co.jp/politics/defense-security/20231122-151153/"},
    "37": {"id": "wikipedia-ja-malligyong1", "publisher": "Japanese Wikipedia", "title": "万里鏡1号",
           "url": "https://ja.wikipedia.org/wiki/%E4%B8%87%E9%87%8C%E9%8F%A11%E5%8F%B7"},
    "38": {"id": "seradata-malligyong1", "publisher": "Seradata",
           "url": "https://seradata.com/north-korea-manages-to-successfully-launch-optical-reconnaissance-satellite-"
                  "on-third-attempt"},
    "39": {"id": "spacevoyaging-2023-11-24", "publisher": "Space Voyaging", "published": "2023-11-24",
           "url": "https://www.spacevoyaging.com/news/2023/11/24/north-korea-successful-launch-of-the-malligyong-1-"
                  "reconnaissance-satellite/"},
    "41": {"id": "wikipedia-okinawa-island", "publisher": "Wikipedia", "title": "Okinawa Island",
           "url": "https://en.wikipedia.org/wiki/Okinawa_Island"},
    "43": {"id": "wikipedia-miyako-island", "publisher": "Wikipedia", "title": "Miyako Island",
           "url": "https://en.wikipedia.org/wiki/Miyako_Island"},
    "45": {"id": "wikipedia-okinotorishima", "publisher": "Wikipedia", "title": "Okinotorishima",
           "url": "https://simple.wikipedia.org/wiki/Okinotorishima"},
    "51": {"id": "wikipedia-palanan", "publisher": "Wikipedia", "title": "Palanan, Isabela",
           "url": "https://en.wikipedia.org/wiki/Palanan,_Isabela"},
    "54": {"id": "tongilnews-115401", "publisher": "Tongil News",
           "published": "2016-02", "url": "http://www.tongilnews.com/news/articleView.html?idxno=115401"},
    "57": {"id": "asiae-2023-05-30", "publisher": "Asia Economy", "published": "2023-05-30",
           "url": "https://cm.asiae.co.kr/en/article/2023053019450323200"},
    "60": {"id": "newsis-2023-05-31", "publisher": "Newsis", "published": "2023-05-31",
           "url": "https://newsis.com/view?id=NISX20230531_0002321731"},
    "62": {"id": "onecorea-kyodo-2023-08-22", "publisher": "OneCorea",
           "published": "2023-08-22",
           "url": "http://onecorea.com/bbs/board.php?bo_table=newss&page=112&wr_id=5445"},
    "65": {"id": "mbc-6545481", "publisher": "MBC News", "published": "2023-11",
           "url": "https://imnews.imbc.com/news/2023/econo/article/6545481_36140.html"},
    "66": {"id": "chosun-jp-2023-11-21", "publisher": "Chosun Online", "published": "2023-11-21",
           "url": "https://www.chosunonline.com/site/data/html_dir/2023/11/21/2023112180032.html"},
    "67": {"id": "asiae-2023-11-21", "publisher": "Asia Economy", "published": "2023-11-21",
           "url": "https://cm.asiae.co.kr/en/article/2023112109150397558"},
    "68": {"id": "etoday-2276890", "publisher": "eToday", "url": "https://www.etoday.co.kr/news/view/2276890"},
    "69": {"id": "ntv-2023-11-notice", "publisher": "Nippon TV News",
           "url": "https://news.ntv.co.jp/category/society/e42bd2c7833242eea6244fac2ca84fa8"},
    "70": {"id": "podcast-2023-11-notice", "publisher": "podcast.app",
           "url": "https://podcast.app/bei-zhao-xian-garen-gong-wei-xing-woda-zai-shitaroketsutonoda-chishang-"
                  "gewoyu-gao-qi-jian-ha11yue-22ri-kara12yue-1ri-made-e342752159"},
    "71": {"id": "gunosy-a1ixx", "publisher": "Gunosy", "url": "https://gunosy.com/articles/a1ixX"},
    "73": {"id": "koshix-2023-11-26", "publisher": "koshix blog", "published": "2023-11-26",
           "url": "https://koshix.blogspot.com/2023/11/blog-post_26.html"},
    "74": {"id": "tottori-pref-314889", "publisher": "Tottori Prefecture",
           "url": "https://www.pref.tottori.lg.jp/314889.htm"},
    "75": {"id": "tbs-rbc-849934", "publisher": "TBS News Dig",
           "url": "https://newsdig.tbs.co.jp/articles/rbc/849934"},
}
_MARKERS = re.compile(r"(?P<open>\(|by |: |, )?S(?P<numbers>(?:\[\w+\])+)")


def readable(text: str, used: list[str]) -> str:
    """``text`` with each source marker (S[5][9]) replaced by the sources' short names, in parentheses unless
    the words around it already frame it; the ids it names are appended to ``used``."""
    def names(match: re.Match) -> str:
        keys = re.findall(r"\[(\w+)\]", match.group("numbers"))
        sources = [Source(**REFERENCES[key]) for key in keys]
        used.extend(s.id for s in sources)
        listed = "; ".join(s.short for s in sources)
        opening = match.group("open")
        framed = opening or match.group(0) == text  # a reference that is only markers needs no brackets
        return f"{opening or ''}{listed}" if framed else f"({listed})"

    result = _MARKERS.sub(names, text)
    for private in ("launches.md", "§", "S[", "APPROX"):
        if private in result:
            raise ValueError(f"a private reference is left in {result!r}")
    return result


def reference_sources() -> list[dict]:
    return [dict(source) for source in REFERENCES.values()]


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


# ---------------------------------------------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------------------------------------------
def read_articles() -> dict[str, tuple[str, str]]:
    """Document id -> (text, sha256). Decoded from bytes so offsets are str indices of the exact file."""
    articles = {}
    for document in DOCUMENTS:
        raw = (ARTICLES / document["file"]).read_bytes()
        articles[document["id"]] = (raw.decode("utf-8"), hashlib.sha256(raw).hexdigest())
    return articles


def cite(quote: Quote, texts: dict[str, str]) -> dict:
    """A TextPosition + TextQuote selector for ``quote``; raises if it is absent or ambiguous."""
    text = texts[quote.document]
    starts = [m.start() for m in re.finditer(re.escape(quote.exact), text)]
    if not starts:
        raise ValueError(f"quote not found in {quote.document}: {quote.exact!r}")
    if quote.occurrence is None and len(starts) > 1:
        raise ValueError(f"quote occurs {len(starts)} times in {quote.document}, pick one: {quote.exact!r}")
    index = quote.occurrence or 0
    if index >= len(starts):
        raise ValueError(f"quote has no occurrence {index} in {quote.document}: {quote.exact!r}")
    start = starts[index]
    end = start + len(quote.exact)
    return {"document": quote.document, "start": start, "end": end, "exact": quote.exact,
            "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]}


def built_claim(raw: dict, texts: dict[str, str]) -> dict:
    result = {"property": raw["property"], "value": raw["value"], "by": raw["by"]}
    if raw["quotes"]:
        result["citations"] = [cite(quote, texts) for quote in raw["quotes"]]
    if raw["reference"]:
        used: list[str] = []
        result["reference"] = readable(raw["reference"], used)
        result["sources"] = list(dict.fromkeys(used))
    result.update({k: v for k, v in raw.items() if k not in {"property", "value", "by", "quotes", "reference"}})
    if "citations" not in result and "reference" not in result:
        raise ValueError(f"claim {raw['property']!r} by {raw['by']!r} has neither citations nor reference")
    return result


# ---------------------------------------------------------------------------------------------------------------
# Geodesy (WGS84 ellipsoid; all points are (lon, lat) tuples rounded to DIGITS)
# ---------------------------------------------------------------------------------------------------------------
def rounded(lon: float, lat: float) -> tuple[float, float]:
    return round(lon, DIGITS), round(lat, DIGITS)


def place(name: str) -> tuple[float, float]:
    lat, lon, _ = PLACES[name]
    return lon, lat


def dms(text: str) -> tuple[float, float]:
    """(lon, lat) from "36°04'N 124°30'E" as the notice writes corners."""
    (lat_d, lat_m), (lon_d, lon_m) = re.findall(r"(\d+)°(\d+)'[NE]", text)
    return rounded(int(lon_d) + int(lon_m) / 60, int(lat_d) + int(lat_m) / 60)


def destination(origin: tuple[float, float], azimuth: float, km: float) -> tuple[float, float]:
    lon, lat, _ = GEOD.fwd(*origin, azimuth, km * 1000)
    return rounded(lon, lat)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[2] / 1000


def azimuth(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(*a, *b)[0]


def where_track_reaches(origin: tuple[float, float], az: float, lat: float) -> tuple[float, float]:
    """The point where the geodesic leaving ``origin`` at ``az`` (southward) first reaches latitude ``lat``."""
    low, high = 0.0, 9_000_000.0  # short of the track's southernmost point, so latitude falls monotonically
    for _ in range(80):  # bisection to well under a millimetre
        middle = (low + high) / 2
        if GEOD.fwd(*origin, az, middle)[1] > lat:
            low = middle
        else:
            high = middle
    lon, _, _ = GEOD.fwd(*origin, az, low)
    return rounded(lon, lat)


def geodesic_midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return rounded(*GEOD.npts(*a, *b, 1)[0])


def geodesic_line(waypoints: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Geodesic legs between the waypoints, densified to <= 25 km segments; the waypoints are kept exactly."""
    coords = [waypoints[0]]
    for a, b in itertools.pairwise(waypoints):
        segments = max(1, math.ceil(distance_km(a, b) * 1000 / MAX_SEGMENT_M))
        if segments > 1:
            coords += [rounded(lon, lat) for lon, lat in GEOD.npts(*a, *b, segments - 1)]
        coords.append(b)
    return coords


def zone_size_km(corners: list[tuple[float, float]]) -> tuple[float, float]:
    """(east-west, north-south) size of a notice zone given as N-W, N-E, S-W, S-E corners."""
    nw, ne, sw, se = corners
    return (distance_km(nw, ne) + distance_km(sw, se)) / 2, (distance_km(nw, sw) + distance_km(ne, se)) / 2


def rectangle(centre: tuple[float, float], width_km: float, height_km: float) -> list[tuple[float, float]]:
    """A lon/lat rectangle of that geodesic size around ``centre``, counter-clockwise and closed."""
    north = destination(centre, 0, height_km / 2)[1]
    south = destination(centre, 180, height_km / 2)[1]
    east = destination(centre, 90, width_km / 2)[0]
    west = destination(centre, 270, width_km / 2)[0]
    return [(west, south), (east, south), (east, north), (west, north), (west, south)]


def clipped_to_okinawa(path: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The part of a path inside the Okinawa Prefecture envelope (a path crosses it once)."""
    inside = LineString(path).intersection(Polygon(OKINAWA_ENVELOPE))
    if inside.geom_type != "LineString" or inside.is_empty:
        raise ValueError(f"path does not cross the Okinawa envelope once ({inside.geom_type})")
    return [rounded(lon, lat) for lon, lat in inside.coords]


def fmt(point: tuple[float, float]) -> str:
    lon, lat = point
    return f"{lat:.2f}N {lon:.2f}E"


# ---------------------------------------------------------------------------------------------------------------
# Geometry per launch: feature kind -> the features of that kind drawn for it
# ---------------------------------------------------------------------------------------------------------------
class Drawn(NamedTuple):
    suffix: str  # feature id = "<event>/<suffix>"
    label: str
    geometry: dict  # GeoJSON
    certainty: str
    derivation: str
    extra: dict  # further properties


def polygon(ring: list[tuple[float, float]]) -> dict:
    return {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}


def line(coords: list[tuple[float, float]]) -> dict:
    return {"type": "LineString", "coordinates": [list(p) for p in coords]}


def point(p: tuple[float, float]) -> dict:
    return {"type": "Point", "coordinates": list(p)}


def zone_window(event: str) -> dict:
    window, reference, note = ZONE_WINDOWS[event]
    return {"window": window, "window_reference": reference, **({"window_note": note} if note else {})}


def warning_area(event: str) -> Drawn:
    ring = [*OKINAWA_ENVELOPE, OKINAWA_ENVELOPE[0]]
    derivation = (
        "Envelope drawn around Okinawa Prefecture's islands (Okinawa Island group, Miyako, Yaeyama incl. Ishigaki, "
        "Hateruma and Yonaguni, Senkaku; ~23.95-27.1N, 122.9-128.4E; Daito islands left out) from general "
        "knowledge, not a coastline: approximate. J-Alert area and times as reported by "
        + {KMS4: "S[11][13][14]", MAY: "S[21][22][23]",
           AUG: "S[29][31][32]", NOV: "S[36][73][74][75]"}[event] + "."
    )
    if event == KMS4:
        derivation += " The article does not mention the alert; it is cited for Japan's statement on the flight."
    if event == MAY:
        derivation += " The article does not mention the May alert; it is cited for the May launch itself."
    return Drawn("warning-area", "J-Alert: Okinawa Prefecture", polygon(ring), "approximate", derivation, {})


def kms4_geometry() -> dict[str, list[Drawn]]:
    """2016: one geodesic from the pad through the notified 2nd-stage zone, which the other zones also lie on."""
    site = place("sohae_pad")
    corners = [[dms(c) for c in zone] for _, zone in ZONES_2016]
    zone3 = corners[2]
    centre3 = rounded(sum(p[0] for p in zone3) / 4, sum(p[1] for p in zone3) / 4)
    az = azimuth(site, centre3)
    crossing = where_track_reaches(site, az, 24.5)
    impact = where_track_reaches(site, az, KMS4_IMPACT_LAT)
    path = geodesic_line([site, crossing, centre3, impact])
    site_how = "39°39'36\"N 124°42'18\"E (S[1]); launch from Sohae (S[5][9])."
    path_how = (
        f"One geodesic from the pad ({fmt(site)}, S[1]) through the centre of the notified 2nd-stage zone "
        f"({fmt(centre3)}, mean of the notified corners, S[54]; azimuth {az % 360:.1f}°), densified to <= 25 km. "
        f"It crosses 24.5N at {crossing[0]:.2f}E, between Ishigaki and Miyako, where Japan reported the Sakishima "
        f"overflight (S[10][11][13]); it also crosses notified zones 1 and 2. Extended south to the approximate "
        f"4th-object point ({fmt(impact)})."
    )
    zone_how = (
        "The DPRK notice's corners as published (S[54]), in ring order 1-2-4-3, written counter-clockwise (1-3-4-2) "
        "as RFC 7946 asks. The article does not mention the zones; it is cited for the southward flight they lie "
        "along."
    )
    overflight_how = (
        "The flight path clipped to the Okinawa Prefecture envelope (the warning area). Japan: passed over Okinawa "
        "Prefecture, near the Sakishima islands, ~09:39-09:41 JST (S[10][11][13][14]). The article says "
        "only that Japan confirmed the southward flight."
    )
    zones = [
        Drawn(f"danger-zone-{n}", f"Danger zone {n} ({name})", polygon([c[0], c[2], c[3], c[1], c[0]]), "reported",
              zone_how, zone_window(KMS4))
        for n, ((name, _), c) in enumerate(zip(ZONES_2016, corners, strict=True), start=1)
    ]
    return {
        "launch_site": [Drawn("launch-site", "Sohae, original gantry pad", point(site), "reported", site_how, {})],
        "flight_path": [Drawn("flight-path", "Flight path (ground track)", line(path), "derived", path_how, {})],
        "danger_zone": zones,
        "warning_area": [warning_area(KMS4)],
        "impact_point": [kms4_impact(site, az, crossing, impact, zone3)],
        "overflight": [Drawn("overflight", "Overflight of Okinawa Prefecture (Sakishima)",
                             line(clipped_to_okinawa(path)), "derived", overflight_how, {})],
    }


def kms4_impact(site: tuple[float, float], az: float, crossing: tuple[float, float], impact: tuple[float, float],
                zone3: list[tuple[float, float]]) -> Drawn:
    """Japan gave no point for the 4th object, only '~2,000 km south of Japan, Pacific, south of the notified zone'."""
    rejected = destination(site, az, distance_km(site, crossing) + 2000)
    south_edge = max(zone3[2][1], zone3[3][1])
    derivation = (
        f"Japan: the 4th object fell ~09:45 JST ~2,000 km south of Japan in the Pacific, outside (south of) the "
        f"notified 2nd-stage zone (S[10][11][15]); no point or origin for the distance was given. "
        f"2,000 km along the track from the Sakishima crossing would end at {fmt(rejected)}, on Mindanao, not in "
        f"the Pacific, so that reading was rejected. Placed instead on the extended track at {KMS4_IMPACT_LAT}N "
        f"({fmt(impact)}): over the Philippine Sea, {distance_km(impact, (impact[0], south_edge)):.0f} km south of "
        f"the zone's edge and short of Catanduanes, {distance_km(place('cape_sata'), impact):,.0f} km from "
        f"Kyushu's southern tip (Cape Sata, general knowledge), i.e. ~2,000 km from Japan's main islands. "
        f"Uncertain by hundreds of km."
    )
    return Drawn("impact-point", "4th object fall (~2,000 km S of Japan)", point(impact), "approximate", derivation, {})


def zones_2023(event: str) -> list[Drawn]:
    """The three 2023 zones: rectangles the size of the 2016 ones around the approximate centres."""
    sizes = [zone_size_km([dms(c) for c in zone]) for _, zone in ZONES_2016]
    result = []
    for n, ((name, lat, lon, described), (width, height)) in enumerate(zip(ZONES_2023, sizes, strict=True), 1):
        centre = rounded(lon, lat)
        how = (
            f"The notice's corners were not found in public reports; a {width:.0f} x {height:.0f} km rectangle "
            f"(the size of the 2016 zone {n}) around the approximate centre {fmt(centre)} derived from the "
            f"descriptions: {described}. The same zones were notified in May, Aug and Nov 2023 S[62][65][66][67]."
        )
        result.append(Drawn(f"danger-zone-{n}", f"Danger zone {n} ({name})",
                            polygon(rectangle(centre, width, height)), "approximate", how, zone_window(event)))
    return result


def coastal_pad() -> Drawn:
    how = (
        "Approximate: ~2.7 km SE of the original pad (S[3]); the pad used by all three 2023 launches S[4][16]. "
        "The article names no site; it is cited for the launch itself."
    )
    return Drawn("launch-site", "Sohae, coastal launch pad (approx.)", point(place("sohae_coastal_pad")),
                 "approximate", how, {})


def may_geometry() -> dict[str, list[Drawn]]:
    """May 2023: a short southward flight that ended in the Yellow Sea."""
    site = place("sohae_coastal_pad")
    label, origin, bearing, km, ref = FALLS[MAY]
    crash = destination(place(origin), bearing, km)
    abeam = where_track_reaches(site, azimuth(site, crash), PLACES["baengnyeongdo"][0])
    path_how = (
        f"Geodesic from the coastal pad to the crash point ({fmt(crash)}), densified to <= 25 km. Reported only as "
        f"southward, over the sea far west of Baengnyeongdo (S[19][20][21]); this line passes "
        f"{distance_km(abeam, place('baengnyeongdo')):.0f} km west of it."
    )
    crash_how = (
        f"ROK JCS: crashed into the Yellow Sea ~{km:.0f} km W of Eocheongdo ({ref}); placed {km:.0f} km due west "
        f"(bearing {bearing:.0f}°) of Eocheongdo (~36.12N 125.98E, approximate, general knowledge). Langbroek "
        f"matches the crash to the 1st-stage zone S[25]."
    )
    return {
        "launch_site": [coastal_pad()],
        "flight_path": [Drawn("flight-path", "Flight path (approximate)", line(geodesic_line([site, crash])),
                              "approximate", path_how, {})],
        "danger_zone": zones_2023(MAY),
        "warning_area": [warning_area(MAY)],
        "impact_point": [Drawn("impact-point", label, point(crash), "approximate", crash_how, {})],
    }


def chollima_geometry(event: str) -> dict[str, list[Drawn]]:
    """Aug and Nov 2023: through the notified Yellow Sea zones, between Okinawa and Miyako, on to the fall."""
    site = place("sohae_coastal_pad")
    zone1, zone2 = (rounded(lon, lat) for _, lat, lon, _ in ZONES_2023[:2])
    gap = geodesic_midpoint(place("okinawa_island"), place("miyako_island"))
    label, origin, bearing, km, ref = FALLS[event]
    fall = destination(place(origin), bearing, km)
    path = geodesic_line([site, zone1, zone2, gap, fall])
    abeam = where_track_reaches(zone2, azimuth(zone2, gap), PLACES["ieodo"][0])
    check = {  # what each launch's reports say about the track, against this line
        AUG: f"The line passes {distance_km(abeam, place('ieodo')):.0f} km west of Ieodo (ROK JCS: over "
             f"international waters west of Ieodo, S[27]).",
        NOV: "Its turns at zone 2 and at the gap stand for the 'double dog-leg' seradata describes (S[38]).",
    }[event]
    reference = {AUG: "S[27][28][29][30][31]", NOV: "S[34][35][36][38]"}[event]
    from_where = {  # Japan named Okinotorishima in Nov; in Aug it said only "the Philippines"
        AUG: "due east of Palanan, Isabela, on Luzon's east coast (S[51]), the coast nearest the track; the point "
             "Japan measured from is not given. It lies north of, and outside, the notified Pacific zone, as Japan "
             "reported",
        NOV: "from Okinotorishima (S[45]) at bearing 225° (SW), near 12.6N 128.3E; inside the "
             "notified Pacific zone, as Japan reported",
    }[event]
    path_how = (
        f"Geodesic legs, densified to <= 25 km: coastal pad {fmt(site)}; the approximate centres of notified zones 1 "
        f"({fmt(zone1)}) and 2 ({fmt(zone2)}), i.e. the planned track; the midpoint of the geodesic between the "
        f"Okinawa Island (S[41]) and Miyako Island (S[43]) centroids ({fmt(gap)}), since Japan reported the rocket "
        f"passed between the two islands; the fall point ({fmt(fall)}). {check} Track and overflight: {reference}."
    )
    fall_how = (
        f"Japan: {label.split('(')[1].rstrip(')')} ({ref}); placed {km:,.0f} km {from_where}."
    )
    overflight_how = (
        "The flight path clipped to the Okinawa Prefecture envelope (the warning area); it crosses between Okinawa "
        f"Island and Miyako Island at {fmt(gap)} ({reference})."
    )
    return {
        "launch_site": [coastal_pad()],
        "flight_path": [Drawn("flight-path", "Flight path (approximate)", line(path), "approximate", path_how, {})],
        "danger_zone": zones_2023(event),
        "warning_area": [warning_area(event)],
        "impact_point": [Drawn("impact-point", label, point(fall), "approximate", fall_how, {})],
        "overflight": [Drawn("overflight", "Overflight between Okinawa Island and Miyako Island",
                             line(clipped_to_okinawa(path)), "approximate", overflight_how, {})],
    }


GEOMETRY = {KMS4: kms4_geometry, MAY: may_geometry, AUG: lambda: chollima_geometry(AUG),
            NOV: lambda: chollima_geometry(NOV)}
KIND_ORDER = ("launch_site", "flight_path", "overflight", "danger_zone", "warning_area", "impact_point")


# ---------------------------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------------------------
def build_bundle() -> dict:
    articles = read_articles()
    texts = {doc_id: text for doc_id, (text, _) in articles.items()}
    documents = [
        {"id": d["id"], "title": d["title"], "published": d["published"], "publisher": d["publisher"],
         "path": f"articles/{d['file']}", "sha256": articles[d["id"]][1], "note": d["note"]}
        for d in DOCUMENTS
    ]
    events, features = [], []
    for raw in EVENTS:
        event = {k: raw[k] for k in ("id", "name", "time", "vehicle", "outcome")}
        event["site"] = f"{raw['id']}/launch-site"
        event["claims"] = [built_claim(c, texts) for c in raw["claims"]]
        events.append(event)
        features += event_features(raw["id"], texts)
    return {"type": "FeatureCollection", "launchmap": {"version": 1},
            "documents": documents, "sources": reference_sources(), "events": events, "features": features}


def event_features(event: str, texts: dict[str, str]) -> list[dict]:
    geometry = GEOMETRY[event]()
    features = []
    for kind in KIND_ORDER:
        source = SOURCES[event].get(kind)
        for suffix, label, geom, certainty, derivation, extra in geometry.get(kind, []):
            if source is None:
                raise ValueError(f"{event}: no passage listed for its {kind}")
            used: list[str] = []
            properties = {"event": event, "kind": kind, "label": label, "certainty": certainty,
                          "derivation": readable(derivation, used),
                          "citations": [cite(quote, texts) for quote in source["quotes"]]}
            if source.get("claims"):
                properties["claims"] = [built_claim(c, texts) for c in source["claims"]]
            for key in ("time", "lifted"):
                if key in source:
                    properties[key] = source[key]
            properties.update(extra)
            if "window_reference" in properties:
                properties["window_reference"] = readable(properties["window_reference"], used)
            properties["sources"] = list(dict.fromkeys(used))
            features.append({"type": "Feature", "id": f"{event}/{suffix}", "geometry": geom,
                             "properties": properties})
    return features


def write_atomically(data: dict, path: Path) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the bundle is a shipped data file
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help=f"where to write (default {OUTPUT})")
    args = parser.parse_args(argv)
    bundle = build_bundle()
    write_atomically(bundle, args.output)
    print(f"wrote {args.output}: {len(bundle['events'])} events, {len(bundle['features'])} features")
    return 0


if __name__ == "__main__":
    sys.exit(main())
