"""Which launch a clause belongs to: a place named in a clause that tells an earlier launch ('It came eight days
after the North's attempt to fire a Musudan from the Wonsan area failed', 'two days after it fired cruise missiles
from Nampo, …') is that launch's, not the site of the launch the story reports. (Which place is a site is sites.py's
and passing.py's, ingest28's; this says only whose clause the place is in.)"""

from __future__ import annotations

import re

# "eight days after the North's attempt to fire", "a day after it launched", "since North Korea's last test",
# "weeks before Pyongyang fired": the clause of an earlier (or later) launch, up to its comma, semicolon or stop
_OTHER_LAUNCH = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|a\s+few)\s+"
                           r"(?:days?|weeks?|months?|hours?)\s+)?(?:after|before|since)\s+(?:the\s+North['\u2019]s|"
                           r"North\s+Korea['\u2019]s|Pyongyang['\u2019]s|its|the\s+North|North\s+Korea|Pyongyang|it)\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:attempts?|launch(?:es|ed)?|tests?|firings?|fired|test-fired)\b",
                           re.IGNORECASE)
CLAUSE_CHARS = 200  # how far back from a place its clause's opening words are looked for
_CLAUSE_END = re.compile(r"[,;]|\.\s")


def in_other_launchs_clause(text: str, at: int) -> bool:
    """Whether ``at`` (a place's offset) lies in a clause that tells another launch than the story's, after its
    opening words and before the clause ends."""
    start = max(0, at - CLAUSE_CHARS)
    openings = list(_OTHER_LAUNCH.finditer(text, start, at))
    return bool(openings) and _CLAUSE_END.search(text, openings[-1].end(), at) is None
