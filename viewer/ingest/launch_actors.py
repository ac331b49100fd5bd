"""Whose launch a sentence tells: another country's, named by the country, its capital, its agency, its rocket or
its launch site ('the H3 rocket was launched from Tanegashima', 'the People's Liberation Army Rocket Force
test-fired an ICBM', 'Iran's Simorgh'). One place for the test, asked by launch.py for its anchors and for the
sentences whose outcome, date and places are not the North's."""

from __future__ import annotations

import re

# (the countries and capitals; then their agencies, makers, rockets and launch sites, which name the launcher
# without naming the country: "The H3 rocket, Flight 1, was launched from the Tanegashima Space Center")
FOREIGN_LAUNCHER = re.compile(
    r"\b(?:South Korea\w*|Seoul|Japan\w*|Tokyo|United States|U\.S\.|America\w*|China|Chinese|Beijing|Russia\w*|"
    r"Moscow|India\w*|Iran\w*|SpaceX|NASA|Falcon|Nuri|Vandenberg|Israel\w*|"
    r"JAXA|Mitsubishi\s+Heavy|MHI|H-?3|H-?IIA|H-?2A|Epsilon|Tanegashima|Uchinoura|"
    r"People['\u2019]s\s+Liberation\s+Army|PLA|Long\s+March|Jiuquan|Xichang|Taiyuan|Wenchang|Kuaizhou|"
    r"Plesetsk|Baikonur|Vostochny|Soyuz|Angara|Sarmat|Yars|Bulava|Roscosmos|"
    r"Simorgh|Qaem|Semnan|Shahroud|IRGC|Revolutionary\s+Guards?|"
    r"Naro|Hyunmoo|Dosan\s+Ahn\s+Chang-?ho|Agency\s+for\s+Defen[cs]e\s+Development|ADD|"
    r"ISRO|Sriharikota|Agni|PSLV|GSLV|Minuteman|Trident|Cape\s+Canaveral|Kennedy\s+Space)\b"
)
