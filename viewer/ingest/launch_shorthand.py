"""Launches told in telegraphic forms. An analyst's shorthand, with no verb: a log's, chat's or note's line naming
the launcher and the missile by their abbreviations, then where it came from or the word launch ('NK SRBM x2 fm
<place>', 'DPRK ICBM launch, JCS: ~2341 KST', 'NK CM x4 fr <place> area'); the launcher must be written (its
abbreviation, in capitals) and the kind of missile right after it. A headline's or budget line's present tense with
North Korea its subject ('North Korea fires two missiles from …'). A ticker or a chyron written in capitals ('N.
KOREA FIRES BALLISTIC MISSILE') or captions in lower case, read for the names they hold as in ordinary case. A
hedge or a plan before any of them is read by the caller as for any launch verb."""

from __future__ import annotations

import re

# the launcher as analysts abbreviate it ("NK", "N.K.", "DPRK"); written out, "North Korea ICBM launch" is a headline
_LAUNCHER = r"(?:NK|N\.\s?K\.|DPRK)"
# the kind, abbreviated ("SRBM", "CM" a cruise missile, "SLV" a space launch vehicle) or a rocket's name
_KIND = r"(?:(?:SRBM|MRBM|IRBM|ICBM|SLBM|SLV|LRCM|CM|BM)s?|Hwasong-\d+\w*|Pukguksong-\d\w*|Chollima-\d|Unha-\d|KN-\d+)"
_BETWEEN = r"(?:(?:\d{1,2}|one|two|three|four|new|solid-fuel|[2-4]x|x[2-4])\s+)?"  # "NK 2 SRBMs", "NK new IRBM"
_COUNT = r"(?:\s*[x\u00d7]\s*\d{1,2}|\s+\(\d{1,2}\))?"  # "x2", "(2)", the multiplication sign
# launcher, kind and count, then "fm"/"fr"/"from" and a place written with a capital, or the noun launch ("NK ICBM
# launch,"; not "launcher", "launch pad"). In lower case: a line in capitals ("DPRK IRBM LAUNCH") is a heading.
SHORTHAND_LAUNCH = re.compile(
    rf"\b{_LAUNCHER}\s+{_BETWEEN}{_KIND}{_COUNT}\s*,?\s*"
    r"(?:(?:fm|fr|from)\.?\s+(?:the\s+)?(?=[A-Z])|launch(?:es)?\b(?!\s*(?:pad|site|window|vehicle|facility|"
    r"station|complex|cent(?:er|re)|preparations?|prep)))"
)


# "NK SRBM launch expected within days", "NK ICBM launch poss. this wk": still to come, said after the noun
_TO_COME = re.compile(r"[^.;\n]{0,30}?\b(?:expected|likely|possible|poss\b|probable|imminent|planned|prep\w*|"
                      r"soon|would|could|might|may|if|ready|readying|warned)\b", re.IGNORECASE)


def shorthand_launch(text: str, start: int, end: int) -> re.Match[str] | None:
    """The shorthand launch in ``text[start:end]``, if any (not one still to come)."""
    found = SHORTHAND_LAUNCH.search(text, start, end)
    if found is None or _TO_COME.match(text, found.end(), end):
        return None
    return found


# "North Korea fires two ballistic missiles from …", "N. KOREA FIRES UNIDENTIFIED BALLISTIC MISSILE": a headline's
# present tense, the launcher its subject (the caller asks for the rocket or missile it fires)
_PRESENT = re.compile(r"\b(?:North\s+Korea|N\.\s?Korea|DPRK|Pyongyang)\s+(?:(?:again|also|reportedly)\s+)?"
                      r"(?:fires|launches|test-fires|test-launches)\b", re.IGNORECASE)


# what makes a present-tense line a report and not a headline's summary: where from, or when by the clock
_DETAIL = re.compile(r"\bfrom\s+(?:[\w-]+\s+){0,4}?[A-Z][\w-]+|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b", re.IGNORECASE)


def telegraphic_launch(text: str, start: int, end: int) -> re.Match[str] | None:
    """A launch told in shorthand, or in the present tense with where it came from or its clock time ('North Korea
    fires … from waters off <port> at 7:11 a.m.'; not a headline's 'North Korea launches rocket it says carries
    satellite'), in ``text[start:end]``, if any."""
    present = _PRESENT.search(text, start, end)
    if present is not None and not _DETAIL.search(text, present.end(), end):
        present = None
    return shorthand_launch(text, start, end) or present


CAPITALS_SHARE = 0.8  # of a line's letters, in capitals: a ticker, a chyron, a heading
MIN_LETTERS = 12


def in_ordinary_case(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with each line written in capitals ('N. KOREA FIRES …', a ticker) or all in lower case
    ('north korea launched a ballistic missile', automatic captions) put in title case, the same length, so that
    names written the ordinary way are found in it; '' when no line is written so."""
    lines = text[start:end].split("\n")
    changed = False
    for k, line in enumerate(lines):
        if _in_one_case(line):
            lines[k], changed = line.title(), True
    return "\n".join(lines) if changed else ""


_ASCII_CAPITAL = re.compile(r"[A-Z]")
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _in_one_case(line: str) -> bool:
    """A line of at least MIN_LETTERS letters with CAPITALS_SHARE of them or more in capitals, or none."""
    if len(line) < MIN_LETTERS:
        return False
    # (most lines, prose: a capital and more than a fifth of the line in small letters, so capitals fall short of
    # the share whatever the rest is; told without counting the letters one by one)
    ascii_letters = line.encode("ascii", "ignore")
    small = len(ascii_letters) - len(ascii_letters.translate(None, _ASCII_LOWER))
    if 5 * small > len(line) and _ASCII_CAPITAL.search(line):
        return False
    letters = sum(map(str.isalpha, line))
    capitals = sum(map(str.isupper, line))
    return letters >= MIN_LETTERS and (capitals >= CAPITALS_SHARE * letters or capitals == 0)
