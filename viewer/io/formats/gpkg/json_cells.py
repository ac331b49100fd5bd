"""Cells of a GeoPackage launchmap writes that hold JSON or text: encoded many at a time, and checked to fit a text
column (GDAL ends a string at a NUL; a lone surrogate cannot be UTF-8)."""

from __future__ import annotations

import json
from typing import Any

import msgspec


def fits(text: str) -> bool:
    if "\x00" in text:
        return False
    if text.isascii():  # a flag of the string: no encoding needed to know
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once: json.dumps makes one a call
_COMPACT_ASCII = json.JSONEncoder(separators=(",", ":"))
_pieces = msgspec.json.Decoder(list[msgspec.Raw])


def json_each(values: list[Any]) -> list[str | None]:
    """`as_json` of each value (None stays None), encoded in one call: a call each costs more than the text."""
    present = [value for value in values if value is not None]
    try:
        pieces = _pieces.decode(_COMPACT.encode(present).encode("utf-8"))
        texts = iter([str(piece, "utf-8") for piece in pieces])
    except (msgspec.DecodeError, UnicodeError):  # NaN (not JSON to msgspec), lone surrogates: one at a time
        texts = iter([as_json(value) for value in present])
    return [None if value is None else _checked(next(texts), value) for value in values]


def _checked(text: str, value: Any) -> str:
    return text if fits(text) else _COMPACT_ASCII.encode(value)


def as_json(value: Any) -> str:
    return _checked(_COMPACT.encode(value), value)
