"""Which property names a feature from another tool: the field QGIS would show as its display name.

QGIS (``QgsVectorLayerUtils::guessFriendlyIdentifierField``) takes the first field named like a name (``name``,
``title``, ``label``, ``nom``…, any case), then one whose name contains such a word (``NAME_EN``, ``site_name``),
those that also say ``type``/``class``/``cat`` (``typename``) after the others, and else the first text field.
launchmap's own ``label`` comes before all of them, and fields that look like ids (``ROUTE_ID``, ``OBJECTID``)
come last: an id is what the feature's id already says. A text that is a number names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from typing import Any

from viewer.model.annotation import ANNOTATION
from viewer.model.feature_paint import STYLE_KEYS

# Words a name field is called by, best first (QGIS's list without its street/description words, which make
# poor names on a briefing map, with the English and French words analysts' sources use).
NAME_WORDS = ("name", "title", "label", "nom", "nombre", "designation", "titel")
_NOT_NAMES = ("type", "class", "cat", "kind")  # "typename": the feature's class, not its name
# launchmap's own members, and what the readers add, that say something else than a name
OWN_KEYS = frozenset(("kind", "event", "event_name", "event_time", "certainty", "derivation", "layer", "folder",
                      "when", "begin", "end", "time", "style", "color", "size", "anchor", "text", "draft",
                      "sources", "citations", "claims", "source_citations", "source_claims", "id", *STYLE_KEYS))
_ID_WORDS = frozenset(("id", "fid", "gid", "oid", "uid", "uuid", "guid", "objectid", "ogc_fid", "ogr_fid", "pk"))
_ID_END = re.compile(r"(?:[_\-\s.](?:id|fid|uuid|guid|code|key|no)|[a-z0-9]I[dD])$")
TEXT_SAMPLE = 1000  # cells looked at to tell a text field from one of numbers
_NUMBER = re.compile(r"\s*[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*")


def id_like(key: str) -> bool:
    """True for a field that holds an identifier rather than a name: ``id``, ``ROUTE_ID``, ``routeId``."""
    return key.lower() in _ID_WORDS or _ID_END.search(key) is not None or _ID_END.search(key.lower()) is not None


def name_keys(keys: Iterable[str]) -> list[str]:
    """The keys that name a feature, best first, by their names alone: ``label``, then QGIS's order."""
    keys = [key for key in keys if isinstance(key, str) and key not in OWN_KEYS]
    exact: list[str] = []
    within: list[str] = []
    classes: list[str] = []
    for word in NAME_WORDS:
        for key in keys:
            lower = key.lower()
            if lower == word:
                exact.append(key)
            elif word in lower and key not in within and key not in classes:
                (classes if any(anti in lower for anti in _NOT_NAMES) else within).append(key)
    ranked = list(dict.fromkeys(["label"] * ("label" in keys) + exact + within + classes))
    return [key for key in ranked if not id_like(key)] + [key for key in ranked if id_like(key)]


def is_words(value: Any) -> bool:
    """True for a text that can name something: not empty, not a number."""
    return isinstance(value, str) and bool(value.strip()) and _NUMBER.fullmatch(value) is None


def display_keys(keys: Sequence[str], is_text: Callable[[str], bool]) -> list[str]:
    """The keys a feature's name is looked for in, best first: `name_keys`; without a name field, the text fields
    (``is_text``) in their order, those that look like ids last."""
    named = name_keys(keys)
    if [key for key in named if key == "label" or not id_like(key)]:
        return named
    texts = [key for key in keys if key not in OWN_KEYS and key not in named and is_text(key)]
    return named + [key for key in texts if not id_like(key)] + [key for key in texts if id_like(key)]


def display_name(properties: Mapping[str, Any]) -> str | None:
    """The name of a feature given as a dict of properties (one by one: each feature's own fields)."""
    named = name_keys(properties)
    if properties.get("kind") == ANNOTATION:  # named by its own words, not by another text it carries
        return next((properties[key] for key in named if _given(properties[key])), None)
    for key in display_keys(list(properties), lambda key: is_words(properties[key])):
        value = properties[key]
        if _given(value) if key in named else is_words(value):
            return value
    return None


def display_names(names: Sequence[str], columns: Sequence[Sequence[Any]], skip_label: bool = True) -> list[Any] | None:
    """Each row's name from a layer's columns (a field is text when its first cells are texts, one at least words), the
    next field where a row's cell is empty; None when no row has one. ``label`` itself is left to the caller."""
    column = dict(zip(names, columns, strict=True))

    def is_text(key: str) -> bool:  # by its first cells: a CSV's are all texts, most of them numbers in some columns
        cells = [cell for cell in islice(column[key], TEXT_SAMPLE) if cell is not None]
        return bool(cells) and all(isinstance(cell, str) for cell in cells) and any(map(is_words, cells))

    keys = [key for key in display_keys(names, is_text) if not (skip_label and key == "label")]
    if not keys:
        return None
    first, *others = (column[key] for key in keys)
    names_of = [cell if cell.__class__ is str and cell and not cell.isspace() else None for cell in first]
    if others and None in names_of:  # the next field where a row's is empty
        for row in [row for row, name in enumerate(names_of) if name is None]:
            names_of[row] = next((cells[row] for cells in others if _given(cells[row])), None)
    if "kind" in column and not set(keys) & set(name_keys(names)):  # an annotation is named by its own words
        names_of = [None if kind == ANNOTATION else name for name, kind in zip(names_of, column["kind"], strict=True)]
    return names_of if any(name is not None for name in names_of) else None


def _given(cell: Any) -> bool:
    return isinstance(cell, str) and bool(cell) and not cell.isspace()
