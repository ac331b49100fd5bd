"""Half of a UTF-16 surrogate pair: JSON's ``"\\ud800"`` escape reads as a Python string that UTF-8 cannot hold.

launchmap keeps such strings as read. JSON is written with the same escape (`json_utf8`), so the file reads back
the same; a format without escapes (CSV) is written with U+FFFD in its place (`REPLACE_UNPAIRED`, an encoding
error handler: nothing is checked while no such character is met).
"""

from __future__ import annotations

import codecs
import re

_UNPAIRED = re.compile("[\ud800-\udfff]")
REPLACE_UNPAIRED = "launchmap-replace-unpaired"  # errors= for a text file that cannot escape them


def json_utf8(text: str) -> bytes:
    """JSON text as UTF-8; a lone surrogate (which JSON only ever holds inside a string) as its ``\\u`` escape."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _UNPAIRED.sub(lambda found: f"\\u{ord(found.group()):04x}", text).encode("utf-8")


def _replacement(error: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "\ufffd".encode() * (error.end - error.start), error.end  # bytes: UTF-8 takes only ASCII as str


codecs.register_error(REPLACE_UNPAIRED, _replacement)
