"""Read a JSON file into Python values, turning every way it can be unreadable into one Problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from viewer.io.bundle.json_checks import (
    CheckedDecoder,
    NonFinite,
    duplicate_message,
    long_integer,
    non_finite_message,
    place_of,
    too_deep,
)
from viewer.io.files import FileRefused, read_regular
from viewer.model.problem import BundleError, Problem, Severity

MAX_JSON_BYTES = 512 * 1024 * 1024  # the most launchmap parses as one JSON value


def load_json(path: Path, shown_as: str) -> Any:
    """The parsed file; raises BundleError with one Problem naming the place when it cannot be read."""
    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(shown_as, where, message)])

    try:
        data = read_regular(path, MAX_JSON_BYTES)
    except FileRefused as error:
        raise fail("", str(error)) from None
    return parse_json(data, shown_as)


def parse_json(data: bytes, shown_as: str, notes: list[Problem] | None = None) -> Any:
    """The JSON value in ``data`` (a file's bytes); raises BundleError with one Problem naming the place.

    Numbers beyond float range are refused (`json_checks`); keys given twice in an object are warned about
    in ``notes`` when given.
    """
    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(shown_as, where, message)])

    if not data.strip():
        raise fail("1:1", "empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(f"byte {error.start}", f"not UTF-8 text (byte 0x{data[error.start]:02x})") from None
    decoder = CheckedDecoder()
    try:
        value = decoder.decode(text)
    except NonFinite as error:
        raise fail(place_of(text, error.token), non_finite_message(error.token)) from None
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            lines = text.rstrip().split("\n")
            raise fail(f"{len(lines)}:{len(lines[-1]) + 1}", "truncated JSON (the file ends too early)") from None
        raise fail(f"{error.lineno}:{error.colno}", f"invalid JSON: {error.msg}") from None
    except RecursionError:
        raise fail(*too_deep(text)) from None
    except ValueError as error:
        if (too_long := long_integer(text)) is not None:
            raise fail(*too_long) from None
        raise fail("", f"invalid JSON: {error}") from None
    if notes is not None:
        notes.extend(Problem(shown_as, "", duplicate_message(key), Severity.WARNING) for key in decoder.duplicates)
    return value
