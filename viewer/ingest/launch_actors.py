"""Whose launch a sentence tells: another country's, named by the country, its capital, its agency, its rocket or
its launch site ('the H3 rocket was launched from Tanegashima', 'the People's Liberation Army Rocket Force
test-fired an ICBM', 'Iran's Simorgh'). One place for the test, asked by launch.py for its anchors and for the
sentences whose outcome, date and places are not the North's."""

from __future__ import annotations

import re

from viewer.ingest.sentences import Sentence

_COUNTRIES = (r"South Korea\w*|Seoul|Japan\w*|Tokyo|United States|U\.S\.|America\w*|China|Chinese|Beijing|Russia\w*|"
              r"Moscow|India\w*|Iran\w*|Israel\w*")
# Another country's agencies, makers, rockets and launch sites, which name the launcher without naming the country:
# "The H3 rocket, Flight 1, was launched from the Tanegashima Space Center", "a failed test of the RS-28 Sarmat"
_VEHICLES = (r"SpaceX|NASA|Falcon|Nuri|Vandenberg|JAXA|Mitsubishi\s+Heavy|MHI|H-?3|H-?IIA|H-?2A|Epsilon|Tanegashima|"
             r"Uchinoura|People['\u2019]s\s+Liberation\s+Army|PLA|Long\s+March|Jiuquan|Xichang|Taiyuan|Wenchang|"
             r"Kuaizhou|Plesetsk|Baikonur|Vostochny|Soyuz|Angara|Sarmat|Yars|Bulava|Roscosmos|Simorgh|Qaem|Semnan|"
             r"Shahroud|Imam\s+Khomeini|IRGC|Revolutionary\s+Guards?|Naro|Hyunmoo|Dosan\s+Ahn\s+Chang-?ho|"
             r"Agency\s+for\s+Defen[cs]e\s+Development|ADD|ISRO|Sriharikota|Agni|PSLV|GSLV|Minuteman|Trident|"
             r"Cape\s+Canaveral|Kennedy\s+Space|ATACMS")
FOREIGN_LAUNCHER = re.compile(rf"\b(?:{_COUNTRIES}|{_VEHICLES})\b")
FOREIGN_VEHICLE = re.compile(rf"\b(?:{_VEHICLES})\b")
# The North, named ("North Korea", "Pyongyang", "the regime", its sites) or by its rockets, sites and leaders
NORTH_KOREA = re.compile(
    r"\b(?:North\s+Korea\w*|N\.\s?Korea\w*|DPRK|Pyongyang|Kim\s+Jong[-\s]Un|KCNA|[Tt]he\s+North\b(?!\s+(?:Atlantic|"
    r"Pacific|Sea|Pole|American))|[Tt]he\s+regime|"
    r"Democratic\s+People['\u2019]s\s+Republic\s+of\s+Korea|Sohae|Tongchang-?ri|Dongchang-?ri|Musudan-?ri|Tonghae|NATA)\b"
)
NORTH_KOREAN_NAMES = re.compile(r"\b(?:Musudan|Hwasong(?:-\d+\w*)?|Unha(?:-\d)?|Chollima(?:-\d)?|Taepodong(?:-\d)?|"
                                 r"Nodong|Rodong|Pukguksong(?:-\d)?|Kwangmyongsong|Malligyong|KN-\d+|Kim\s+Il[- ]Sung|"
                                 r"Kim\s+Jong[- ]Il|Sohae|Wonsan|Sinpo|Sunan|Kusong|Panghyon|"
                                 # (launch sites named without the country: "23:41 from Mupyong-ri, Jagang Province")
                                 r"Mupyong-?ri|Jagang|Kaechon|Sukchon|Pukchang|Kwail|Sondok|Hamhung|Jongpyong)\b")


def not_the_norths(text: str, sentences: list[Sentence]) -> set[Sentence]:
    """Sentences telling another country's launch by its agency, rocket or site and naming nothing of the North's
    ('a Hyunmoo-2 … crashed shortly after launch', 'a failed test of the RS-28 Sarmat'), and the sentences of a
    paragraph that names another's agency, rocket or site and nothing of the North's ('President Moon watched the
    test at the Agency for Defense Development's range … The presidential office said the SLBM … hit its target'):
    their outcome is not the North's launch's."""
    found: set[Sentence] = set()
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    for members in paragraphs.values():
        start, end = members[0].start, members[-1].end
        if not FOREIGN_VEHICLE.search(text, start, end):
            continue
        if not _names_north(text, start, end):
            found.update(members)
            continue
        found.update(s for s in members if FOREIGN_VEHICLE.search(text, s.start, s.end) and not _names_north(
            text, s.start, s.end))
    return found


def _names_north(text: str, start: int, end: int) -> bool:
    return bool(NORTH_KOREA.search(text, start, end) or NORTH_KOREAN_NAMES.search(text, start, end))


# "a day after South's rocket test", "days after Japan's H3 launch": the day counted from another country's launch
_AFTER_ANOTHERS = re.compile(rf"\b(?:after|before|following)\s+(?:the\s+)?(?:{_COUNTRIES}|{_VEHICLES}|South)"
                             r"['\u2019]s\s")


def after_anothers_launch(text: str, start: int, end: int) -> bool:
    """Whether a day told between ``start`` and ``end`` is counted from another country's launch ('a day after
    South's rocket test sparks UFO scare')."""
    return _AFTER_ANOTHERS.search(text, start, end) is not None
