"""Claims: what one source says about one property; two claims that differ are a disagreement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


def disagreements(claims: list[Claim] | tuple[Claim, ...]) -> dict[str, list[Claim]]:
    """Claims grouped by property, keeping only properties on which the claims give different values."""
    by_property: dict[str, list[Claim]] = {}
    for claim in claims:
        by_property.setdefault(claim.property, []).append(claim)
    return {
        name: group
        for name, group in by_property.items()
        if len({_comparable(claim.value) for claim in group}) > 1
    }


def _comparable(value: Any) -> str:
    return repr(value) if not isinstance(value, str) else value.strip().casefold()
