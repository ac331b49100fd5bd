"""Stream KML through defusedxml: one placemark at a time in memory, entities and external references refused."""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_CONTAINERS = ("Document", "Folder")
_SHARED_STYLES = ("Style", "StyleMap")  # a container's styles, which placemarks name by their id
MAX_HELD_CHARS = 32 * 2**20  # text held between two placemarks: bounds memory whatever the file's size


class KmlSyntaxError(Exception):
    """The file is not KML launchmap can read; ``where`` is ``line`` or ``line:column``."""

    def __init__(self, where: str, message: str):
        super().__init__(message)
        self.where = where
        self.message = message


@dataclass
class Container:
    """A Document or Folder: its name and ExtendedData, read before the placemarks it holds."""

    kind: str
    line: int
    element: ET.Element

    @property
    def name(self) -> str:
        return child_text(self.element, "name")

    @property
    def data(self) -> dict[str, str]:
        return extended_data(self.element)


@dataclass
class Placemark:
    element: ET.Element
    line: int
    folders: list[Container]
    lines: dict[int, int] = field(default_factory=dict)  # id(element) -> line, for geometry messages

    def line_of(self, element: ET.Element) -> int:
        return self.lines.get(id(element), self.line)


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def child(element: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in element if local(c.tag) == name), None)


def child_text(element: ET.Element, name: str) -> str:
    found = child(element, name)
    return "".join(found.itertext()).strip() if found is not None else ""


def extended_data(element: ET.Element) -> dict[str, str]:
    """``<Data name><value>`` and ``<SchemaData><SimpleData name>`` pairs, in order."""
    data: dict[str, str] = {}
    extended = child(element, "ExtendedData")
    if extended is None:
        return data
    for item in extended.iter():
        name = item.get("name")
        if name is None:
            continue
        if local(item.tag) == "Data":
            data[name] = child_text(item, "value") if child(item, "value") is not None else ""
        elif local(item.tag) == "SimpleData":
            data[name] = "".join(item.itertext())
    return data


class _Target:
    """Parser target that builds one placemark's tree, hands it on, and drops it."""

    def __init__(self, on_placemark: Callable[[Placemark], None], on_container: Callable[[Container], None],
                 on_style: Callable[[ET.Element], None]):
        self.tree = ET.TreeBuilder()
        self.stack: list[ET.Element] = []
        self.containers: list[Container] = []
        self.placemark: Placemark | None = None
        self.on_placemark = on_placemark
        self.on_container = on_container
        self.on_style = on_style
        self.line: Callable[[], int] = lambda: 0
        self.held = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = self.tree.start(tag, attrs)
        name = local(tag)
        line = self.line()
        if self.placemark is not None:
            self.placemark.lines[id(element)] = line
        elif name == "Placemark":
            self.placemark = Placemark(element, line, list(self.containers))
        elif name in _CONTAINERS:
            self.containers.append(Container(name, line, element))
        self.stack.append(element)
        return element

    def end(self, tag: str) -> ET.Element:
        element = self.tree.end(tag)
        self.stack.pop()
        name = local(tag)
        if self.placemark is not None and element is self.placemark.element:
            placemark, self.placemark = self.placemark, None
            self.on_placemark(placemark)
            if self.stack:
                self.stack[-1].remove(element)  # what keeps memory bounded: placemarks do not pile up
            self.held = 0
        elif self.placemark is None and name in _CONTAINERS and self.containers:
            self.on_container(self.containers.pop())
        elif self.placemark is None and name in _SHARED_STYLES and self.stack \
                and local(self.stack[-1].tag) in _CONTAINERS:
            self.on_style(element)
            self.stack[-1].remove(element)  # held by the reader, by its id
        return element

    def data(self, text: str) -> None:
        self.held += len(text)
        if self.held > MAX_HELD_CHARS:
            raise KmlSyntaxError(str(self.line()), f"more than {MAX_HELD_CHARS // 2**20} MiB of text in one "
                                                   "placemark (or between two); launchmap does not hold that much")
        self.tree.data(text)

    def close(self) -> ET.Element | None:
        return self.tree.close()


def parse_kml(chunks: Iterable[bytes], on_placemark: Callable[[Placemark], None],
              on_container: Callable[[Container], None],
              on_style: Callable[[ET.Element], None] = lambda _: None) -> None:
    """Feed the file to the parser chunk by chunk; raises KmlSyntaxError naming the line. A Document's or Folder's
    shared styles (Style, StyleMap) go to ``on_style``."""
    target = _Target(on_placemark, on_container, on_style)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    expat: Any = parser.parser

    def line() -> int:
        return int(expat.CurrentLineNumber)

    target.line = line
    utf8 = _Utf8Check()
    try:
        for chunk in chunks:
            utf8.feed(chunk)
            parser.feed(chunk)
        utf8.feed(b"", final=True)
        parser.close()
        if utf8.bad is not None:
            raise utf8.bad
    except ET.ParseError as error:
        row, column = error.position
        if utf8.bad is not None:  # expat's "invalid token" is really the encoding
            raise utf8.bad from None
        reason = str(error).split(": line ")[0]
        if reason.startswith(("no element found", "unclosed token")):
            raise KmlSyntaxError(f"{row}:{column + 1}", "truncated XML (the file ends too early)") from None
        raise KmlSyntaxError(f"{row}:{column + 1}", f"invalid XML: {reason}") from None
    except EntitiesForbidden as error:
        if error.sysid or error.pubid:
            raise KmlSyntaxError(str(line()), f"external entity {error.name!r} ({error.sysid or error.pubid}) "
                                              "refused: a KML file may not read other files") from None
        raise KmlSyntaxError(str(line()), f"entity declaration {error.name!r} refused: entities can expand "
                                          "without bound (\"billion laughs\")") from None
    except ExternalReferenceForbidden as error:
        raise KmlSyntaxError(str(line()), f"external reference {error.sysid!r} refused") from None
    except (DTDForbidden, DefusedXmlException) as error:
        raise KmlSyntaxError(str(line()), f"refused: {error}") from None
    except UnicodeError as error:
        raise KmlSyntaxError(str(line()), f"cannot decode the declared encoding: {error}") from None
    except LookupError as error:
        raise KmlSyntaxError("1", f"unknown encoding ({error}); save the file as UTF-8") from None


class _Utf8Check:
    """Finds the first byte that is not UTF-8 in a file that declares no other encoding, by line."""

    def __init__(self) -> None:
        self.decoder: Any = None
        self.started = False
        self.line = 1
        self.bad: KmlSyntaxError | None = None

    def feed(self, chunk: bytes, final: bool = False) -> None:
        if not self.started:
            self.started = True
            declared = _DECLARED.match(chunk[:256])
            encoding = declared.group(1).decode().lower() if declared else "utf-8"
            utf16 = chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            if encoding.replace("-", "").replace("_", "") in ("utf8", "usascii", "ascii") and not utf16:
                self.decoder = codecs.getincrementaldecoder("utf-8")()
        if self.decoder is None or self.bad is not None:
            return
        try:
            text = self.decoder.decode(chunk, final)
        except UnicodeDecodeError as error:
            line = self.line + error.object[: error.start].count(b"\n")
            byte = error.object[error.start]
            self.bad = KmlSyntaxError(str(line), f"not UTF-8 text (byte 0x{byte:02x}) and no other encoding "
                                                 "declared; save the file as UTF-8")
            return
        self.line += text.count("\n")
