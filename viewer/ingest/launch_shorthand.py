"""Launches told in an analyst's shorthand, with no verb: a log's, chat's or note's line naming the launcher and the
missile by their abbreviations, then where it came from or the word launch ('NK SRBM x2 fm <place>', 'DPRK ICBM
launch, JCS: ~2341 KST', 'NK CM x4 fr <place> area'). The launcher must be written (North Korea or its
abbreviation, in capitals) and the kind of missile right after it; a hedge or a plan before it is read by the
caller as for any launch verb."""

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
