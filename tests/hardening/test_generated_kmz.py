"""Generated KML and KMZ: placemarks whose text is any of the entity and reference tricks defusedxml refuses
(internal and external entities, parameter entities, XInclude, a DOCTYPE), CDATA, character references to NUL or
half a surrogate pair, and archives whose members are named ``../doc.kml``, ``/doc.kml`` or ``doc.KML``, marked as
symlinks, FIFOs or directories, stored or compressed every way zipfile writes, or lying about their size. A KMZ
member is only ever read, never followed or unpacked to disk: each is refused in one line naming the file, or read
and written back."""

from __future__ import annotations

import stat
import tempfile
import warnings
import zipfile
from pathlib import Path

from fuzzing import fuzz_settings, refused_or_read, written_back
from hypothesis import given
from hypothesis import strategies as st

from viewer.cli import main

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
DOCTYPES = ["", '<!DOCTYPE kml [<!ENTITY a "Sohae">]>\n', '<!DOCTYPE kml SYSTEM "http://127.0.0.1:9/x.dtd">\n',
            '<!DOCTYPE kml [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n',
            '<!DOCTYPE kml [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n', "<!DOCTYPE kml>\n"]
TEXTS = ["Sohae", "&a;", "&e;", "&amp;", "&#0;", "&#xD800;", "&#x1F680;", "<![CDATA[<b>x</b>]]>", "&lt;script&gt;",
         '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/>', "\u202e", "é", ""]
COORDINATES = ["124.7,39.6", "124.7,39.6,0", "1e400,0", "nan,nan", "124.7", "", "124.7,39.6 125,40", "a,b",
               "-0.0,-0.0", "4.9e-324,0", "124.7,39.6,1e308"]
GEOMETRIES = ["<Point><coordinates>{c}</coordinates></Point>",
              "<LineString><coordinates>{c}</coordinates></LineString>",
              "<Polygon><outerBoundaryIs><LinearRing><coordinates>{c}</coordinates></LinearRing></outerBoundaryIs>"
              "</Polygon>", "<MultiGeometry><Point><coordinates>{c}</coordinates></Point><MultiGeometry><Point>"
              "<coordinates>{c}</coordinates></Point></MultiGeometry></MultiGeometry>", "<Point/>", ""]

placemark = st.builds(lambda name, geometry, c, description: f"<Placemark><name>{name}</name><description>"
                      f"{description}</description>{geometry.format(c=c)}</Placemark>",
                      st.sampled_from(TEXTS), st.sampled_from(GEOMETRIES), st.sampled_from(COORDINATES),
                      st.sampled_from(TEXTS))
documents = st.builds(lambda doctype, marks: (HEAD + doctype + '<kml xmlns="http://www.opengis.net/kml/2.2">'
                                              "<Document>" + "".join(marks) + "</Document></kml>"),
                      st.sampled_from(DOCTYPES), st.lists(placemark, min_size=0, max_size=3))

NAMES = ["doc.kml", "../doc.kml", "/doc.kml", "DOC.KML", "a/../../doc.kml", "..\\doc.kml", "C:/doc.kml", "x.kml",
         "files/", "doc.kml/", "\u202edoc.kml", "doc.kml\x00.png"]
MODES = [0, stat.S_IFREG | 0o644, stat.S_IFLNK | 0o777, stat.S_IFIFO | 0o644, stat.S_IFDIR | 0o755,
         stat.S_IFCHR | 0o644]
METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
member = st.tuples(st.sampled_from(NAMES), st.sampled_from(MODES), st.sampled_from(METHODS),
                   documents | st.sampled_from(["/etc/passwd", "", "PK"]))


@given(text=documents)
@fuzz_settings(60)
def test_generated_kml(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.kml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        bundle = refused_or_read(path)
        if bundle is not None:
            assert "root:" not in repr(bundle.features)  # /etc/passwd never read
            written_back(bundle, Path(folder))


@given(members=st.lists(member, min_size=1, max_size=4), lie=st.booleans())
@fuzz_settings(60)
def test_generated_kmz(members, lie):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.kmz"
        with zipfile.ZipFile(path, "w") as archive, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # a name given twice is one of the attacks
            for name, mode, method, text in members:
                info = zipfile.ZipInfo(name)
                info.external_attr = mode << 16
                info.compress_type = method
                archive.writestr(info, text.encode("utf-8", "surrogatepass"))
        if lie:  # every size in the central directory says 10 bytes
            data = bytearray(path.read_bytes())
            at = data.find(b"PK\x01\x02")
            while at >= 0:
                data[at + 24:at + 28] = (10).to_bytes(4, "little")
                at = data.find(b"PK\x01\x02", at + 4)
            path.write_bytes(bytes(data))
        before = sorted(p.name for p in Path(folder).iterdir())
        bundle = refused_or_read(path)
        assert sorted(p.name for p in Path(folder).iterdir()) == before  # nothing unpacked beside it
        assert not Path(folder).parent.joinpath("doc.kml").exists()
        if bundle is not None:
            written_back(bundle, Path(folder))


def test_a_deflate_bomb_is_refused_in_one_line(tmp_path, capsys):
    """300 MiB of zeros deflate to 300 KiB; the directory is then made to say 1,000 bytes."""
    path = tmp_path / "bomb.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("doc.kml", "w") as member:
        member.write(HEAD.encode() + b"<kml>")
        zeros = b" " * 2**20
        for _ in range(300):
            member.write(zeros)
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 24:at + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith(f"{path}:")
