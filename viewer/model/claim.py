"""Claims: what one source says about one property; claims that differ beyond their precision disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from viewer.model.agreement import Agreement, compare
from viewer.model.citation import Citation


@dataclass(frozen=True)
class Claim:
    """``by`` asserts that ``property`` is ``value``; backed by citations, or by a ``reference`` note."""

    property: str
    value: Any
    by: str = ""
    citations: tuple[Citation, ...] = ()
    reference: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    # added to a launch already open by an import of articles in this session ("New:"); never written to a file
    new: bool = field(default=False, compare=False)


def by_property(claims: list[Claim] | tuple[Claim, ...]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.property, []).append(claim)
    return grouped


def agreement(claims: list[Claim] | tuple[Claim, ...]) -> Agreement:
    """How claims about one property compare, values read with their precision (see ``model.agreement``)."""
    return compare([claim.value for claim in claims], claims[0].property if claims else "")


def disagreements(claims: list[Claim] | tuple[Claim, ...]) -> dict[str, list[Claim]]:
    """Claims grouped by property, keeping only properties on which the sources disagree beyond the
    precision they stated (19:29 ET and 00:30 UTC agree; a success and a failure do not)."""
    return {name: group for name, group in by_property(claims).items() if agreement(group).disagree}
