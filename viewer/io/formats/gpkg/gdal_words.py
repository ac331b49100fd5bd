"""What GDAL says, in launchmap's words: its warnings while a GeoPackage is read, one line each and once; its errors
in a few words."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator

from viewer.io.formats.layer import LayerBuilder

_EXPECTED_WARNINGS = ("non conformant file extension",)
MOST_WARNINGS = 5  # GDAL's warnings said for one read; the rest are counted in one line (one per cell of a GPX)


@contextlib.contextmanager
def gdal_warnings(builder: LayerBuilder, where: str) -> Iterator[None]:
    """GDAL's warnings while reading, each reported as one line of the file's problems at ``where``, once: GDAL
    repeats a warning about the file each time it is opened (listing, counting, reading each batch).

    Scoped to the read, not filtered process-wide: another part of launchmap may want to see them.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    said = {problem.message for problem in builder.problems}
    new = 0
    more = 0
    for warning in caught:
        message = "GDAL: " + " ".join(str(warning.message).split())
        if message not in said and not any(expected in message for expected in _EXPECTED_WARNINGS):
            said.add(message)
            if new < MOST_WARNINGS:
                builder.warn(where, message)
                new += 1
            else:
                more += 1
    if more:
        builder.warn(where, f"GDAL: {more:,} more warnings like these")


def gdal_words(error: Exception) -> str:
    """GDAL's message in a few words: no file path (the line names the file), no advice about drivers."""
    text = " ".join(str(error).split())
    if "not recognized as being in a supported file format" in text:
        return "GDAL does not recognise the file"
    text = text.rpartition("failed: ")[2] if "failed: " in text else text
    return text.split("; ")[0]
