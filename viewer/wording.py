"""How counts read to a person: '2 passages', 'no warning', '3 launches', never 'passage(s)'; and a name with
control characters as a person can read it."""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f]")


def plural(noun: str) -> str:
    """The English plural of the nouns launchmap counts (the last word of ``noun`` takes it)."""
    if noun.endswith("y") and not noun.endswith(("ay", "ey", "oy", "uy")):
        return noun[:-1] + "ies"
    if noun.endswith(("ch", "sh", "s", "x")):
        return noun + "es"
    return noun + "s"


def counted(count: int, noun: str) -> str:
    """'no passage', '1 passage', '2 passages', '1,204 features': a count as a reader says it."""
    if count == 0:
        return f"no {noun}"
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {plural(noun)}"


def visible_controls(text: str) -> str:
    """``text`` with each control character (a tab, a line break, a bell) shown as its picture ('␉', '␊',
    '␇'; Unicode's Control Pictures), so a file's name reads on one line and nothing acts on it."""
    return _CONTROL.sub(lambda found: "\u2421" if found[0] == "\x7f" else chr(0x2400 + ord(found[0])), text)
