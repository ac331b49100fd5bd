"""A navigational warning read out on the radio, every figure spelled ("navigational warning number zero seven one two
of two zero two six", "Four zero degrees two zero minutes north", "From two two zero zero UTC on the twenty-first of
June"), written back in the broadcast's figures so the notice reader reads it; the offsets of what it finds are mapped
back onto the spoken text, which citations point into."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_DIGITS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
           "seven": "7", "eight": "8", "nine": "9", "niner": "9"}  # fmt: skip
_DIGIT = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|niner)"
# two figures or more, read one by one ("two two zero zero"; not "Point one", a word)
_FIGURES = re.compile(rf"\b{_DIGIT}(?:[ \t]+{_DIGIT})+\b", re.IGNORECASE)
_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
          "ninth": 9}  # fmt: skip
_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
          "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
_TENS = {"twenty": 20, "thirty": 30}
# "on the twenty-first of June": a day of the month in words
_DAY_OF = re.compile(r"\bon\s+the\s+(?:(?P<tens>twenty|thirty)[- ](?P<unit>first|second|third|fourth|fifth|sixth|"
                     r"seventh|eighth|ninth)|(?P<one>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                     r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                     r"twentieth|thirtieth))\s+of\s+(?=[A-Z][a-z]+)", re.IGNORECASE)
_DEGREES = re.compile(r"\b(?P<deg>\d{1,3})\s+degrees?\s+(?P<min>\d{1,2})\s+minutes?\s+(?P<hem>north|south|east|west)\b",
                      re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bnumber\s+(?P<n>\d{1,4})\s+of\s+(?:20)?(?P<y>\d\d)\b", re.IGNORECASE)
# a spoken warning says so: "navigational warning number zero seven one two"
SPOKEN = re.compile(rf"\b(?:navigational\s+warning|NAVAREA\s+\w+|HYDROPAC)\s+number\s+{_DIGIT}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Written:
    """The warning in figures, and where each rewritten stretch came from: (start, end) in it, (start, end) spoken."""

    text: str
    pieces: tuple[tuple[int, int, int, int], ...]

    def spoken(self, at: int) -> int:
        """The offset in the spoken text of offset ``at`` in the written one."""
        shift = 0
        for start, end, old_start, old_end in self.pieces:
            if at < start:
                break
            if at < end:
                return old_start if at == start else old_end
            shift = old_end - end
        return at + shift


def written(text: str) -> Written | None:
    """The spoken warning in figures, or None when the text is no spoken warning."""
    if SPOKEN.search(text) is None:
        return None
    pieces: list[tuple[int, int, int, int]] = []
    for pattern, figure in ((_FIGURES, _figures), (_DAY_OF, _day_of), (_DEGREES, _degrees), (_NUMBER_OF, _number)):
        text, pieces = rewrite(text, pieces, pattern, figure)
    return Written(text, tuple(pieces))


def rewrite(text: str, pieces: list[tuple[int, int, int, int]], pattern: re.Pattern[str],
             figure: Callable[[re.Match[str]], str]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """One more pass over the (already partly written) text; each replacement's spoken stretch is found through the
    pieces before it."""
    before = Written(text, tuple(pieces))
    out, kept, at, shift = [], [], 0, 0
    spans = [(m.start(), m.end(), figure(m)) for m in pattern.finditer(text)]
    for start, end, new in spans:
        out.append(text[at:start])
        new_start = start + shift
        kept.append((new_start, new_start + len(new), before.spoken(start), before.spoken(end)))
        out.append(new)
        shift += len(new) - (end - start)
        at = end
    out.append(text[at:])
    # earlier pieces move by the shifts of the replacements before them
    moved = []
    for start, end, old_start, old_end in pieces:
        delta = sum(len(new) - (e - s) for s, e, new in spans if e <= start)
        if not any(s < end and start < e for s, e, _ in spans):
            moved.append((start + delta, end + delta, old_start, old_end))
    return "".join(out), sorted(moved + kept)


def _figures(m: re.Match[str]) -> str:
    return "".join(_DIGITS[word.lower()] for word in m.group().split())


def _day_of(m: re.Match[str]) -> str:
    if m.group("one"):
        word = m.group("one").lower()
        day = _UNITS.get(word) or _TEENS[word]
    else:
        day = _TENS[m.group("tens").lower()] + _UNITS[m.group("unit").lower()]
    return f"{day} "


def _degrees(m: re.Match[str]) -> str:
    return f"{m.group('deg')}-{int(m.group('min')):02d}{m.group('hem')[0].upper()}"


def _number(m: re.Match[str]) -> str:
    return f"NR. {m.group('n')}/{m.group('y')}"
