"""Read a JSON file into Python values, turning every way it can be unreadable into one Problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from viewer.model.problem import BundleError, Problem

MAX_JSON_BYTES = 512 * 1024 * 1024  # larger files go through the streaming readers, not json.loads


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def load_json(path: Path, shown_as: str) -> Any:
    """The parsed file; raises BundleError with one Problem naming the place when it cannot be read."""
    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(shown_as, where, message)])

    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise fail("", f"file is {size / 2**20:.0f} MiB, more than the {MAX_JSON_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except BundleError:
        raise
    except OSError as error:
        raise fail("", f"cannot read: {error.strerror or error}") from None
    if not data.strip():
        raise fail("1:1", "empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail(f"byte {error.start}", f"not UTF-8 text (byte 0x{data[error.start]:02x})") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            lines = text.rstrip().split("\n")
            raise fail(f"{len(lines)}:{len(lines[-1]) + 1}", "truncated JSON (the file ends too early)") from None
        raise fail(f"{error.lineno}:{error.colno}", f"invalid JSON: {error.msg}") from None
    except (ValueError, RecursionError) as error:
        raise fail("", f"invalid JSON: {error}") from None
