"""Short articles written for the tests: other launches than the seeds, in other words than the seeds use."""

HOKKAIDO_2017 = """Published: August 29, 2017

North Korea fired an intermediate-range ballistic missile from the Sunan area of Pyongyang at 5:57 a.m. Seoul time \
on Tuesday, South Korea's Joint Chiefs of Staff said.

The Hwasong-12 missile flew over Hokkaido before it broke into three pieces and fell into the Pacific Ocean about \
1,180 kilometers east of Cape Erimo, Japan's government said. It travelled some 2,700 km and reached an altitude of \
about 550 km.

J-Alert warnings urged residents of Hokkaido, Aomori and Iwate to take shelter.
"""

UNHA_2012 = """---
date: 2012-12-13
---
# Rocket puts satellite in orbit

The Unha-3 rocket lifted off from the Dongchang-ri launch site on North Korea's northwest coast at 9:49 a.m. local \
time (0049 GMT) on Dec. 12, officials in Seoul said.

It passed over the Sakishima Islands, and the second stage fell about 300 km east of the Philippines. The Japanese \
government had issued an emergency alert for Okinawa Prefecture.

KCNA said the satellite was placed into a polar orbit with an inclination of 97.4 degrees and a period of 95 minutes \
and 29 seconds.
"""

ZONES_2016 = """North Korea launched a long-range rocket on Sunday, February 7, 2016, from the Sohae station.

Ahead of the launch Pyongyang had notified the International Maritime Organization of three danger zones. The first \
was bounded by 36°04\u2032N 124°30\u2032E, 36°04\u2032N 124°54\u2032E, 35°19\u2032N 124°30\u2032E and \
35°19\u2032N 124°54\u2032E. The second lay west of \
Jeju, between 33-16N 124-11E, 33-16N 125-09E, 32-22N 124-11E and 32-21N 125-08E, and the third east of Luzon: \
1944N 12353E, 1943N 12451E, 1701N 12352E, 1700N 12448E.
"""

WONSAN_2019 = """Posted 2019-07-25

North Korea fired two short-range missiles from near Wonsan early Thursday, the South Korean military said. One of \
them flew about 600 kilometres to the north-east before splashing down in the East Sea.
"""

PYONGYANG_TIME_2016 = """North Korea launched a ballistic missile from Tonghae at 07:10 Pyongyang time on \
April 15, 2016, and it failed seconds after lift-off, South Korean officials said.
"""

DESCRIPTIVE_MISSILE = """Published 2022-03-24
North Korea fired a missile from eastern North Korea on Thursday, Japan's defence ministry said. The launch was a \
failure, officials said.
"""

EAST_OF_PHILIPPINES = """Published 2023-08-24
North Korea launched a satellite rocket on Thursday. Japan said the third stage passed between Okinawa Island and \
Miyako Island and its debris fell into the Pacific about 600 km east of the Philippines.
"""

HTML_2022 = """<!DOCTYPE html><html><head><title>Missile over Japan</title>
<meta property="article:published_time" content="2022-10-04T09:00:00+09:00">
<script>var story = "North Korea launched a missile from Sohae at 3:00 UTC"; alert(1)</script>
<style>p { color: red }</style></head>
<body><nav>Home | World | Launches from Sinpo</nav><article><h1>Missile flies over Japan</h1>
<p>North Korea fired a ballistic missile over Japan on Tuesday, forcing the government to issue a J-Alert for \
Aomori Prefecture and Hokkaido &mdash; the first such alert in five years.</p>
<p>The missile was launched from Mupyong-ri at 7:22 a.m. KST and flew 4,600 km, falling into the Pacific about \
1,000 km east of Cape Erimo.<p>Unclosed paragraph <b>bold <i>italic
</article></body></html>
"""

# Articles that report no launch at all, though they mention Pyongyang, rockets, missiles or satellites.
SPORT = """Pyongyang, 2019-10-15. North Korea and South Korea played out a goalless draw in a World Cup qualifier at \
Kim Il Sung Stadium in Pyongyang.

North Korea's striker fired a rocket of a shot at the goalkeeper in the second half, and the home side launched \
attack after attack, but no goals were scored. No fans were allowed into the stadium and the match was not broadcast.
"""

SPEECH = """In a speech to the party congress in Pyongyang, Kim Jong Un said North Korea would launch more \
reconnaissance satellites and develop new missiles. He vowed to bolster the country's nuclear deterrent. Analysts \
said the missile launches of recent years violated UN Security Council resolutions, and a further satellite launch \
may come within months.
"""

SOUTH_KOREAN_LAUNCH = """South Korea launched its first military spy satellite on a SpaceX Falcon 9 rocket from \
Vandenberg Space Force Base in California on Friday to watch North Korea. The launch came days after North Korea \
said it had put its own satellite into orbit.
"""

PLANNED = """North Korea has told Japan's coast guard it plans to launch a satellite between May 31 and June 11. \
Japan said it would shoot down any missile that threatens its territory and put PAC-3 batteries on alert in \
Okinawa Prefecture. Tokyo urged Pyongyang not to go ahead with the launch.
"""

# an invented launch in 2031, told with a dateline, a weekday, a clock time and a direction
SOHAE_2031 = """North Korea launches satellite rocket southward

December 11, 2031

North Korea launched a space rocket from the Sohae satellite launching station in Tongchang-ri at 10:51 p.m. on \
Wednesday night, South Korea's Joint Chiefs of Staff said. The rocket flew on a southward path over the Yellow Sea.
"""
