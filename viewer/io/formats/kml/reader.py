"""Import KML and KMZ: placemarks become features, their descriptions documents the features cite.

A KML written by launchmap (`kml.writer`) carries each feature, event and document as JSON in its
ExtendedData and comes back whole; any other KML opens as a plain layer.
"""

from __future__ import annotations

import contextlib
import json
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any

from viewer.io.bundle.json_checks import too_deep
from viewer.io.bundle.reader import BundleParser
from viewer.io.files import FileRefused, open_regular
from viewer.io.formats.antimeridian import antimeridian_warnings
from viewer.io.formats.geojson.plain import prepare_plain
from viewer.io.formats.kml.geometry import Dropped, placemark_geometry, track_span
from viewer.io.formats.kml.parse import (
    Container,
    KmlSyntaxError,
    Placemark,
    child,
    child_text,
    extended_data,
    parse_kml,
)
from viewer.io.formats.kml.styles import KmlStyles
from viewer.io.formats.layer import refuse_large_file
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle
from viewer.model.folders import FOLDER, folder_key
from viewer.model.problem import BundleError, Problem, Severity

MAX_KML_BYTES = 256 * 2**20  # of XML, in a .kml or unpacked from a .kmz
MAX_KMZ_BYTES = 256 * 2**20
# Members a KMZ may list: zipfile reads the whole directory at once (400,000 empty members: 270 MB, 23 s on a
# loaded machine; the size limit allows millions). A KMZ holds its KML and some icons and overlays.
MAX_KMZ_MEMBERS = 20_000
CHUNK = 2**20
# ExtendedData names under which the KML writer stores what KML has no element for
BUNDLE, EVENT, DOCUMENT, FEATURE, INDEX, TEXT_INLINE = (
    "launchmap:bundle", "launchmap:event", "launchmap:document", "launchmap:feature", "launchmap:index",
    "launchmap:text_inline")
_PLACE = re.compile(r"^(features|documents|events)\[(\d+)\]\.?(.*)$")
_LOOKS_HTML = re.compile(r"<\s*[a-zA-Z/!]")


def read_kml(path: str | Path, progress: Progress = no_progress,
             shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The placemarks as a bundle; raises BundleError with ``FILE:LINE: message`` when it cannot be read."""
    path = Path(path)
    file = shown_as or str(path)
    size = refuse_large_file(path, file, MAX_KML_BYTES, "KML file")
    try:
        with open_regular(path, MAX_KML_BYTES, "KML file") as handle:
            return _read(path, file, "", _chunks(handle, size, progress, limit=MAX_KML_BYTES))
    except _TooLarge:
        raise BundleError([Problem(file, "", f"KML file grew past the {MAX_KML_BYTES // 2**20} MiB launchmap "
                                             "reads while being read")]) from None
    except FileRefused as error:
        raise BundleError([Problem(file, "", str(error))]) from None
    except OSError as error:
        raise BundleError([Problem(file, "", f"cannot read: {error.strerror or error}")]) from None


def read_kmz(path: str | Path, progress: Progress = no_progress,
             shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The KML inside a KMZ (``doc.kml``, else the first ``.kml``), unpacked with a size limit against zip bombs."""
    path = Path(path)
    file = shown_as or str(path)
    refuse_large_file(path, file, MAX_KMZ_BYTES, "KMZ file")

    def fail(where: str, message: str) -> BundleError:
        return BundleError([Problem(file, where, message)])

    try:
        with archive_refusals(fail, "KMZ (zip) archive", "KMZ archive"), \
                open_regular(path, MAX_KMZ_BYTES, "KMZ file") as raw:
            members = members_said(raw)
            if members is not None and members > MAX_KMZ_MEMBERS:
                raise fail("", f"{members:,} files in the KMZ archive, more than the {MAX_KMZ_MEMBERS:,} "
                               "launchmap opens")
            with zipfile.ZipFile(raw) as archive:
                kml = [i for i in archive.infolist() if i.filename.lower().endswith(".kml") and not i.is_dir()]
                if not kml:
                    raise fail("", "no .kml file inside the KMZ archive")
                member = next((i for i in kml if i.filename.lower() == "doc.kml"), kml[0])
                if member.file_size > MAX_KML_BYTES:
                    raise fail(member.filename, f"unpacks to {member.file_size / 2**20:,.0f} MiB, more than the "
                                                f"{MAX_KML_BYTES // 2**20} MiB launchmap reads (a zip bomb?)")
                with archive.open(member) as handle:
                    chunks = _chunks(handle, member.file_size, progress, limit=MAX_KML_BYTES, name=member.filename)
                    return _read(path, file, f"{member.filename}:", chunks)
    except _TooLarge as error:
        raise fail(error.name, f"unpacks to more than {MAX_KML_BYTES // 2**20} MiB, although the archive says "
                               f"{error.said:,} bytes (a zip bomb?)") from None
    except OSError as error:
        raise fail("", f"cannot read: {error.strerror or error}") from None


_END = b"PK\x05\x06"  # a zip archive's end-of-central-directory record
_END64_LOCATOR = b"PK\x06\x07"


@contextlib.contextmanager
def archive_refusals(fail: Callable[[str, str], BundleError], archive: str, unpacking: str) -> Iterator[None]:
    """What reading a zip archive raises (a refused path, a damaged archive, an encrypted or unknown member) as the
    one line ``fail`` makes; ``archive``/``unpacking``: how the lines name it ('zip archive', 'KMZ archive')."""
    try:
        yield
    except FileRefused as error:
        raise fail("", str(error)) from None
    except zipfile.BadZipFile as error:
        raise fail("", f"not a {archive}, or a damaged one: {error}") from None
    except (RuntimeError, NotImplementedError, zlib.error, EOFError) as error:  # encrypted, unknown method, corrupt
        raise fail("", f"cannot unpack the {unpacking}: {error}") from None


def members_said(handle: IO[bytes]) -> int | None:
    """How many members the archive's end record says it holds (read from its ZIP64 record when it has one),
    before zipfile reads them all; None when there is no end record (zipfile then reports the damage)."""
    size = handle.seek(0, 2)
    handle.seek(max(0, size - 22 - 0xFFFF))  # the record, then a comment of up to 64 KiB
    tail = handle.read()
    handle.seek(0)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return None
    count = int(struct.unpack_from("<H", tail, at + 10)[0])
    if count == 0xFFFF and at >= 20 and tail[at - 20 : at - 16] == _END64_LOCATOR:
        handle.seek(struct.unpack_from("<Q", tail, at - 12)[0])
        record = handle.read(40)
        handle.seek(0)
        if len(record) == 40 and record.startswith(b"PK\x06\x06"):
            count = int(struct.unpack_from("<Q", record, 32)[0])
    return count


class _TooLarge(Exception):
    def __init__(self, name: str, said: int):
        self.name, self.said = name, said


def _chunks(handle: IO[bytes], size: int, progress: Progress, limit: int | None = None,
            name: str = "") -> Iterator[bytes]:
    done = 0
    while chunk := handle.read(CHUNK):
        done += len(chunk)
        if limit is not None and done > limit:
            raise _TooLarge(name, size)
        progress(min(done, size), max(size, 1))
        yield chunk


def _read(path: Path, file: str, prefix: str, chunks: Iterator[bytes]) -> tuple[Bundle, list[Problem]]:
    collector = _Collector(path.name, file)
    try:
        parse_kml(chunks, collector.placemark, collector.container, collector.styles.add)
    except KmlSyntaxError as error:
        raise BundleError([Problem(file, prefix + error.where, error.message)]) from None
    if collector.problems:
        raise BundleError([Problem(file, prefix + where, message) for where, message in collector.problems])
    root, lines = collector.root()
    if not root["features"] and not root.get("documents"):
        collector.notes.append(Problem(file, "", "no placemarks found", Severity.WARNING))
    dropped = collector.dropped
    if dropped.first is not None:  # once per file: what its geometry carried that no feature keeps
        collector.notes.append(Problem(file, f"{prefix}{dropped.first}", dropped.message(), Severity.WARNING))
    reader = BundleParser(path, file)
    try:
        bundle = reader.read(root)
    except BundleError as error:
        raise BundleError([_at_line(p, lines, prefix) for p in error.problems]) from None
    features = list(bundle.features.values())
    places = [f"{prefix}{line}" for line in lines["features"]]
    warnings = [Problem(file, where, message, Severity.WARNING)
                for where, message in antimeridian_warnings(features, places)]
    for document_id in collector.stored_as_files:
        if document_id in bundle.documents:
            bundle.documents[document_id].text_inline = False  # as it was in the bundle exported
    return bundle, collector.notes + [_at_line(p, lines, prefix) for p in reader.problems] + warnings


def _at_line(problem: Problem, lines: dict[str, list[int]], prefix: str) -> Problem:
    """``features[3].properties.kind`` becomes the line of the placemark it came from."""
    match = _PLACE.match(problem.where)
    if not match or int(match.group(2)) >= len(lines[match.group(1)]):
        return problem
    line = lines[match.group(1)][int(match.group(2))]
    message = f"{match.group(3)}: {problem.message}" if match.group(3) else problem.message
    return Problem(problem.file, f"{prefix}{line}", message, problem.severity)


class _Collector:
    """Gathers placemarks and folders as the parser streams them, as bundle JSON the bundle reader checks."""

    def __init__(self, name: str, file: str):
        self.name = name
        self.file = file
        self.notes: list[Problem] = []
        self.header: dict[str, Any] | None = None
        self.events: list[tuple[int, dict]] = []
        self.documents: list[tuple[int, dict]] = []
        self.features: list[tuple[float, int, dict]] = []  # (launchmap:index or order, line, feature)
        self.plain: list[tuple[int, dict, str]] = []  # (line, feature, description)
        self.styles = KmlStyles()  # the file's shared styles; a placemark's are looked up once all are read
        self.plain_styles: list[tuple[str, ET.Element | None]] = []  # each plain placemark's styleUrl, inline Style
        self.stored_as_files: list[str] = []
        self.problems: list[tuple[str, str]] = []
        self.dropped = Dropped()

    def container(self, container: Container) -> None:
        data = container.data
        if BUNDLE in data:
            self.header = self.json(container.line, BUNDLE, data[BUNDLE], dict)
        if EVENT in data:
            event = self.json(container.line, EVENT, data[EVENT], dict)
            if event is not None:
                self.events.append((container.line, event))

    def placemark(self, placemark: Placemark) -> None:
        data = extended_data(placemark.element)
        try:
            geometry = placemark_geometry(placemark, self.dropped)
        except KmlSyntaxError as error:
            self.problems.append((error.where, error.message))
            return
        if DOCUMENT in data:
            document = self.json(placemark.line, DOCUMENT, data[DOCUMENT], dict)
            if document is not None:
                self.documents.append((placemark.line, document))
                if data.get(TEXT_INLINE) == "false" and isinstance(document.get("id"), str):
                    self.stored_as_files.append(document["id"])
        elif FEATURE in data:
            feature = self.json(placemark.line, FEATURE, data[FEATURE], dict)
            if feature is not None:
                if geometry is not None or "geometry" not in feature:
                    feature["geometry"] = geometry
                order = _number(data.get(INDEX), default=len(self.features))
                self.features.append((order, placemark.line, feature))
        else:
            self.plain.append((placemark.line, *self.plain_feature(placemark, data, geometry)))
            self.plain_styles.append((child_text(placemark.element, "styleUrl"), child(placemark.element, "Style")))

    def plain_feature(self, placemark: Placemark, data: dict[str, str],
                      geometry: dict | None) -> tuple[dict, str]:
        element = placemark.element
        properties: dict[str, Any] = dict(data)
        name = child_text(element, "name")
        if name:
            properties.setdefault("label", name)
        folders = [f.name for f in placemark.folders if f.name]
        if folders:
            properties.setdefault(FOLDER, folder_key(folders))  # a "/" in a name is no level of its own
        stamp = child(element, "TimeStamp")
        if stamp is not None and child_text(stamp, "when"):
            properties.setdefault("when", child_text(stamp, "when"))
        span = child(element, "TimeSpan")
        for key in ("begin", "end"):
            if span is not None and child_text(span, key):
                properties.setdefault(key, child_text(span, key))
        track = track_span(placemark)  # a track's times, at each point, have no place in a feature: its span does
        if track is not None:
            properties.setdefault("begin", track[0])
            properties.setdefault("end", track[1])
        identifier = element.get("id")
        feature = {"type": "Feature", "id": f"{self.name}#{identifier}" if identifier else None,
                   "geometry": geometry, "properties": properties}
        description = child_text(element, "description")
        return feature, html_text(description) if _LOOKS_HTML.search(description) else description

    def json(self, line: int, name: str, text: str, kind: type) -> Any:
        try:
            value = json.loads(text)
        except ValueError as error:
            self.problems.append((str(line), f"ExtendedData {name!r} is not JSON ({error})"))
            return None
        except RecursionError:
            self.problems.append((str(line), f"ExtendedData {name!r}: {too_deep(text)[1]}"))
            return None
        if not isinstance(value, kind):
            self.problems.append((str(line), f"ExtendedData {name!r} must hold a JSON object"))
            return None
        return value

    def root(self) -> tuple[dict[str, Any], dict[str, list[int]]]:
        """The bundle JSON, and for each of its lists the line each item came from."""
        root: dict[str, Any] = {"type": "FeatureCollection"}
        header = self.header or {}
        if self.header is not None or self.documents or self.features:
            root["launchmap"] = header.get("launchmap", {"version": 1})
            root.update({k: v for k, v in header.items() if k != "launchmap"})
        features = sorted(self.features, key=lambda item: item[0])
        root["documents"] = [document for _, document in self.documents]
        root["events"] = [event for _, event in self.events]
        root["features"] = [feature for _, _, feature in features]
        lines = {"documents": [line for line, _ in self.documents], "events": [line for line, _ in self.events],
                 "features": [line for _, line, _ in features]}
        self.add_plain(root, lines)
        return root, lines

    def add_plain(self, root: dict[str, Any], lines: dict[str, list[int]]) -> None:
        """Other placemarks as a plain layer; each description becomes a document its placemark cites."""
        if not self.plain:
            return
        layer: dict[str, Any] = {"type": "FeatureCollection", "features": [feature for _, feature, _ in self.plain]}
        for feature, (url, inline) in zip(layer["features"], self.plain_styles, strict=True):
            for key, value in self.styles.properties(url, inline).items():  # its ExtendedData's own, if any, win
                feature["properties"].setdefault(key, value)
        offset = len(root["features"])
        for i, feature in enumerate(layer["features"]):  # ids by position in the whole file, not in the layer
            if feature["id"] is None:
                feature["id"] = f"{self.name}#{offset + i}"
        self.notes += prepare_plain(layer, self.name, self.file)
        known = {event.get("id") for event in root["events"]}
        for event in layer.get("events", []):
            if event["id"] not in known:
                root["events"].append(event)
                lines["events"].append(1)
        for (line, feature, description), n in zip(self.plain, range(offset, offset + len(self.plain)), strict=True):
            if description:
                document_id = f"{self.name}#description-{n}"
                placemark = feature["properties"].get("label") or f"Placemark on line {line}"
                title = f"{placemark} — description in {self.name}"  # a map's "Sources:" says whose words they are
                root["documents"].append({"id": document_id, "title": title, "text": description})
                lines["documents"].append(line)
                feature["properties"]["citations"] = [
                    {"document": document_id, "start": 0, "end": len(description), "exact": description}]
            root["features"].append(feature)
            lines["features"].append(line)
        if not root["documents"]:
            del root["documents"]


def _number(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


class _HtmlText(HTMLParser):
    """Text of an HTML balloon, read as data and never run: tags dropped, blocks on their own lines."""

    BLOCKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table",
                        "pre"})
    SKIPPED = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

