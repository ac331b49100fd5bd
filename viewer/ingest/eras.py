"""Japanese era years ('Heisei 24', 'Reiwa 6', 'Reiwa gannen') as Japanese outlets and their English editions date a
page. Written by hand: neither dateutil nor dateparser reads an era name, and the rule is one subtraction per era."""

from __future__ import annotations

# The Gregorian year before each era's first year: Showa 1 = 1926, Heisei 1 = 1989, Reiwa 1 = 2019
_ERA_BASE = {"showa": 1925, "heisei": 1988, "reiwa": 2018}
ERA = r"(?P<era>Showa|Heisei|Reiwa)[ \t]+(?P<era_n>\d{1,2}|gannen)"  # ("gannen": the era's first year)


def era_year(era: str, number: str) -> int | None:
    """The Gregorian year of an era's year ('Heisei', '24' → 2012), None for a year the era never reached."""
    base = _ERA_BASE.get(era.lower())
    n = 1 if number.lower() == "gannen" else int(number)
    if base is None or n < 1 or (era.lower() == "showa" and n > 64) or (era.lower() == "heisei" and n > 31):
        return None
    return base + n
