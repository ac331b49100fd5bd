"""'Inside Japan's EEZ', 'outside the exclusive economic zone': where the flight came down, kept as a claim.

No boundary of Japan's exclusive economic zone is shipped (the authoritative lines, e.g. Marine Regions' EEZ
set, are not bundled, and a hand-drawn polygon would be least accurate exactly where the claim matters: near the
line), so the phrase becomes a cited claim on the launch, not an area on the map; a stated distance ('about 200 km
west of Oshima-Oshima') still places the impact point."""

from __future__ import annotations

import re

from viewer.ingest.claims import FoundClaim, attributed
from viewer.ingest.sentences import Sentence

_ZONE = r"(?:exclusive\s+economic\s+zone|EEZ)"
_WHOSE = r"(?:(?P<who>Japan['\u2019]s|Japanese|South\s+Korea['\u2019]s|Russia['\u2019]s|its|the|their)\s+)?"
_INSIDE = re.compile(rf"\b(?:inside|within|in|into)\s+{_WHOSE}{_ZONE}", re.IGNORECASE)
_OUTSIDE = re.compile(rf"\b(?:outside(?:\s+of)?|beyond|short\s+of)\s+{_WHOSE}{_ZONE}", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|didn['\u2019]t|did\s+not)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_OWNERS = {"japan": "Japan", "japanese": "Japan", "south korea": "South Korea", "russia": "Russia"}


def eez_claims(text: str, sentences: list[Sentence]) -> list[FoundClaim]:
    """One 'impact_zone' claim per sentence that says where the flight ended relative to an EEZ: "inside Japan's
    EEZ" or "outside Japan's EEZ" (a zone named 'its' or 'the' is Japan's, which news nearly always means)."""
    found: list[FoundClaim] = []
    for sentence in sentences:
        s, e = sentence.start, sentence.end
        for inside, pattern in ((False, _OUTSIDE), (True, _INSIDE)):
            m = pattern.search(text, s, e)
            if m is None:
                continue
            if _NEGATED.search(text[max(s, m.start() - 30) : m.start()]):
                inside = not inside  # "did not fall within Japan's EEZ"
            who = (m.group("who") or "").lower().replace("\u2019", "'").removesuffix("'s").strip()
            owner = _OWNERS.get(" ".join(who.split()), "Japan")
            value = f"{'inside' if inside else 'outside'} {owner}'s EEZ"
            found.append(FoundClaim("impact_zone", value, m.start(), m.end(), attributed(text, sentence, m.start())[0]))
            break
    return found
