"""How counts read to a person: '2 passages', 'no warning', '3 launches', never 'passage(s)'."""

from __future__ import annotations


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
