"""Where a GML's or GPX's XML goes wrong, for when GDAL reads nothing from it: GDAL's GML reader found no layer in a
GML cut short, or in one whose entities expand past its parser's limit (a "billion laughs"), and said nothing.

Parsed again with Python's expat (the parser GDAL uses), which stops an entity expansion past its amplification
limit (expat 2.4.1 and later) and reads no external entity."""

from __future__ import annotations

from pathlib import Path
from xml.parsers import expat

from viewer.io.files import FileRefused, open_regular

XML_SUFFIXES = (".gml", ".gpx")
CHUNK = 1 << 20
_AMPLIFICATION = "amplification"  # expat's "limit on input amplification factor (from DTD and entities) breached"
_CUT_SHORT = ("no element found", "unclosed token")


def xml_fault(path: Path) -> tuple[str, str] | None:
    """(line:column, what is wrong) for the first place the XML of ``path`` is not well-formed; None if it is."""
    parser = expat.ParserCreate()
    try:
        with open_regular(path) as file:
            while chunk := file.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        words = expat.ErrorString(error.code)
        place = f"{error.lineno}:{error.offset + 1}"
        if _AMPLIFICATION in words:
            return place, ("its XML entities expand past the limit of the XML parser (an entity expansion attack?); "
                           "not read")
        if any(cut in words for cut in _CUT_SHORT):
            return place, f"the XML ends before its elements do ({words}): the file is cut short"
        return place, f"not well-formed XML ({words.removeprefix('not well-formed ').strip('()')})"
    except (FileRefused, OSError):
        return None  # said by the reader already
    return None
