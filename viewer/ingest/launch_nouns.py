"""Launches told without a launch verb, in a story about North Korea: by the noun ('the launch itself came at 9:30
a.m.') or by someone detecting it ('the military detected the launch', 'detected the missile at 6:53 a.m.')."""

from __future__ import annotations

import re

# A launch told by the noun in a story about North Korea: someone "detected the launch" (the launch happened), or "the
# launch (itself) came at 9:30 a.m." (told by when it took place)
_DETECTED = re.compile(r"\b(?:detected|spotted|caught|tracked|picked\s+up|observed)\s+$", re.IGNORECASE)
_TOOK_PLACE = re.compile(r"\s+(?:itself\s+)?(?:came|took\s+place|occurred|happened|was\s+(?:detected|spotted|made))\s+"
                         r"(?:at|on|shortly|around|about|just|early|late|in\s+the|\d)", re.IGNORECASE)


def launch_told(text: str, noun: re.Match[str]) -> bool:
    """Whether 'the launch' (``noun``) is told as having happened: detected, or placed in time."""
    return bool(_DETECTED.search(text, max(0, noun.start() - 25), noun.start()) or _TOOK_PLACE.match(text, noun.end()))


# "The Joint Chiefs of Staff said it detected the missile at 6:53 a.m. from the Pyongyang area", "they detected
# several short-range ballistic missiles …": what was detected was launched (a sentence about the launch)
DETECTED_OBJECT = re.compile(r"\b(?:detected|spotted|tracked|picked\s+up)\s+(?:[\w-]+\s+){1,4}?(?:missiles?|rockets?|"
                             r"projectiles?|launch(?:es)?)\b", re.IGNORECASE)
