"""Generated CSV: headers and rows of any cells (numbers spelled every way, degrees, WKT whole or broken, quotes
stray or doubled, delimiters inside cells), any delimiter and line ending, with or without a byte-order mark
(UTF-8, UTF-16 either way, UTF-32), and rows far wider or longer than a table: refused in one line naming the file
and line, or read and written back readably."""

from __future__ import annotations

import codecs
import tempfile
import time
from pathlib import Path

import pytest
from fuzzing import fuzz_settings, refused_or_read, written_back
from hypothesis import given
from hypothesis import strategies as st

from viewer.cli import main

HEADERS = ["lon", "lat", "wkt", "name", "LONGITUDE", "Latitude", "x", "y", "geometry", "id", "", "lon", '"lat"',
           "kind", "\ufefflon", "lat ", "Lon (deg)"]
CELLS = ["124.7", "39.6", "-0.0", "1e308", "1e400", "NaN", "nan", "inf", "-Infinity", "4.9e-324", "0x10", "1_000",
         "124,7", "39°39\u2032N", "124°42'E", "39 39 36 N", "", " ", '""', '"', 'a"b', '"a""b"', "POINT (124.7 39.6)",
         "POINT Z (1 2 3)", "POINT (1e400 0)", "LINESTRING (0 0, 1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))",
         "POLYGON ((0 0))", "GEOMETRYCOLLECTION (POINT (1 2))", "POINT (", "LINESTRING EMPTY", "MULTIPOINT (1 2, 3)",
         "=HYPERLINK(\"x\")", "'=1", "\x00", "a\nb", "é", "\udcff", "1" * 400, "-" + "9" * 4400]


def cell(text: str, quote: bool) -> str:
    return '"' + text.replace('"', '""') + '"' if quote else text


rows = st.lists(st.lists(st.tuples(st.sampled_from(CELLS) | st.text(max_size=5), st.booleans()), max_size=6),
                max_size=5)
header = st.lists(st.tuples(st.sampled_from(HEADERS), st.booleans()), min_size=0, max_size=6)
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]


@given(header=header, rows=rows, delimiter=st.sampled_from([",", ";", "\t", "|", " ", ":"]),
       ending=st.sampled_from(["\n", "\r\n", "\r"]), bom=st.sampled_from(BOMS),
       suffix=st.sampled_from([".csv", ".txt"]))
@fuzz_settings(60)
def test_generated_tables(header, rows, delimiter, ending, bom, suffix):
    lines = [delimiter.join(cell(text, quote) for text, quote in line) for line in [header, *rows]]
    text = ending.join(lines) + ending
    encoding = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be",
                codecs.BOM_UTF32_LE: "utf-32-le"}.get(bom, "utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"generated{suffix}"
        path.write_bytes(bom + text.encode(encoding, "surrogateescape" if encoding == "utf-8" else "surrogatepass"))
        bundle = refused_or_read(path)
        if bundle is not None:
            written_back(bundle, Path(folder))


@pytest.mark.slow
@pytest.mark.parametrize("where", ["header", "row"])
def test_a_million_columns_in_one_row(tmp_path, capsys, where):
    wide = ",".join(f"c{i}" for i in range(1_000_000))
    path = tmp_path / "wide.csv"
    path.write_text(f"lon,lat,{wide}\n124.7,39.6\n" if where == "header" else f"lon,lat\n124.7,39.6,{wide}\n")
    started = time.process_time()
    code = main(["validate", str(path)])
    out = capsys.readouterr().out
    assert time.process_time() - started < 60
    assert code in (0, 1)
    assert all(line.startswith(str(path)) for line in out.splitlines()), out[:500]
    assert len(out) < 10_000


@pytest.mark.slow
def test_a_line_of_a_hundred_megabytes(tmp_path, capsys):
    path = tmp_path / "long.csv"
    with path.open("w") as handle:
        handle.write("lon,lat,name\n124.7,39.6,")
        handle.write("x" * 100 * 2**20)
        handle.write("\n")
    started = time.process_time()
    assert main(["validate", str(path)]) == 1
    assert time.process_time() - started < 60
    assert capsys.readouterr().out == (f"{path}:2: a line or field longer than 16 MiB (a stray quote, or not a CSV "
                                       "file)\n")
