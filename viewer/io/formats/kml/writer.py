"""Write a bundle as KML or KMZ for Google Earth: a folder per launch (with its time span) and kind, one for the
annotations, styled placemarks whose balloons quote their sources, and in a KMZ the icons themselves.

Everything KML has no element for (ids, citations with offsets, claims, documents) rides along as
JSON in ExtendedData, so `kml.reader` reads the file back into the same bundle.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from viewer.io.atomic import atomic_writer
from viewer.io.bundle.writer import document_to_dict, event_to_dict, feature_to_dict
from viewer.io.formats.kml.geometry import kml_geometry
from viewer.io.formats.kml.icons import icon_path, icon_png
from viewer.io.formats.kml.reader import BUNDLE, DOCUMENT, EVENT, FEATURE, INDEX, TEXT_INLINE
from viewer.io.formats.kml.styles import abgr, kml_style
from viewer.io.progress import Progress, no_progress
from viewer.model.annotation import ANNOTATION, colour_of, is_annotation, shown_text
from viewer.model.bundle import Bundle
from viewer.model.claim import Claim
from viewer.model.feature import Feature
from viewer.model.feature_paint import paint_of
from viewer.model.kinds import KIND_REGISTRY, kind_style, kind_title
from viewer.symbology import CERTAINTY_ALPHA, NO_EVENT_COLOUR, event_colours

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
ANNOTATION_LABEL_CHARS = 80  # an annotation's name on the globe; the balloon holds all of its words


def write_kml(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write atomically; a ``.kmz`` path gets the KML zipped as ``doc.kml`` with its point icons under ``files/``
    (so Google Earth shows them offline); a plain ``.kml`` leaves points to Google Earth's default pin."""
    path = Path(path)
    with atomic_writer(path) as handle:
        if path.suffix.lower() == ".kmz":
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
                with archive.open("doc.kml", "w") as kml:
                    _write(bundle, kml, progress, icons=True)
                for symbol in sorted(_symbols(bundle)):
                    archive.writestr(icon_path(symbol), icon_png(symbol))
        else:
            _write(bundle, handle, progress, icons=False)


def _write(bundle: Bundle, handle: Any, progress: Progress, icons: bool) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
    for piece in kml_pieces(bundle, progress, icons):
        text.write(piece)
    text.flush()
    text.detach()


def kml_pieces(bundle: Bundle, progress: Progress = no_progress, icons: bool = False) -> Iterator[str]:
    """The document in pieces, so a large bundle is never one string in memory.

    Organised as Google Earth users keep theirs: a folder per launch (spanning the time from it to the next launch,
    so the time slider steps through them) with a sub-folder per kind, one folder of annotations, then features of
    no launch and the sources."""
    events = bundle.events_in_time_order()
    colours = event_colours([e.id for e in events])
    spans = _time_spans(events)
    header = {"launchmap": {**(bundle.extra.get("launchmap") or {}), "version": bundle.version},
              **{k: v for k, v in bundle.extra.items() if k != "launchmap"}}
    name = bundle.path.stem if bundle.path else "launchmap"
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n'
           f"<name>{_text(name)}</name>\n<open>1</open>\n{_data({BUNDLE: _json(header)})}\n")
    used = {(f.event if f.event in colours else None, f.kind) for f in bundle.features.values()}
    for event_id, kind in sorted(used, key=lambda k: (k[0] or "", k[1])):
        yield _style(_style_id(event_id, kind), colours.get(event_id or "", NO_EVENT_COLOUR), kind, icons)
    index = {feature_id: n for n, feature_id in enumerate(bundle.features)}
    done, total = 0, len(bundle.features)
    for event in events:
        members = [f for f in bundle.features_of(event.id) if not is_annotation(f)]
        yield (f'<Folder id="{_attr(event.id)}">\n<name>{_text(event.name or event.id)}, {_text(event.date_label)}'
               f"</name>\n{spans.get(event.id, '')}{_data({EVENT: _json(event_to_dict(event))})}\n")
        yield from _by_kind(bundle, members, index, event.id, spans.get(event.id, ""))
        yield "</Folder>\n"
        done += len(members)
        progress(done, total)
    annotations = [f for f in bundle.features.values() if is_annotation(f)]
    if annotations:
        yield "<Folder>\n<name>Annotations</name>\n"
        for feature in annotations:
            event_id = feature.event if feature.event in bundle.events else None
            yield _placemark(bundle, feature, index[feature.id], event_id, spans.get(event_id or "", ""))
        yield "</Folder>\n"
    others = [f for f in bundle.features.values() if f.event not in bundle.events and not is_annotation(f)]
    if others:
        yield "<Folder>\n<name>Other features</name>\n"
        yield from _by_kind(bundle, others, index, None, "")
        yield "</Folder>\n"
    if bundle.documents:
        yield "<Folder>\n<name>Sources</name>\n"
        for document in bundle.documents.values():
            stored = dict(document_to_dict(document), text=document.text)
            yield (f"<Placemark>\n<name>{_text(document.display_title)}</name>\n"
                   f"<description>{_text(_article_balloon(document.display_title, document.text))}</description>\n"
                   f"{_data({DOCUMENT: _json(stored), TEXT_INLINE: str(document.text_inline).lower()})}\n"
                   "</Placemark>\n")
        yield "</Folder>\n"
    progress(total, total)
    yield "</Document>\n</kml>\n"


def _by_kind(bundle: Bundle, features: list[Feature], index: dict[str, int], event_id: str | None,
             span: str) -> Iterator[str]:
    """A sub-folder per kind, in the map's drawing order (kinds the registry does not know last)."""
    kinds = sorted({f.kind for f in features}, key=lambda k: (KIND_REGISTRY.order(k), k))
    for kind in kinds:
        yield f"<Folder>\n<name>{_text(_plural(kind_title(kind)))}</name>\n"
        yield from (_placemark(bundle, f, index[f.id], event_id, span) for f in features if f.kind == kind)
        yield "</Folder>\n"


def _time_spans(events: list) -> dict[str, str]:
    """Each dated launch spans from its time to the next launch's (the last one stays on)."""
    dated = [e for e in events if e.time]
    spans = {}
    for n, event in enumerate(dated):
        following = dated[n + 1] if n + 1 < len(dated) else None
        end = f"<end>{_text(following.time)}</end>" if following is not None else ""
        spans[event.id] = f"<TimeSpan><begin>{_text(event.time)}</begin>{end}</TimeSpan>\n"
    return spans


def _placemark(bundle: Bundle, feature: Feature, index: int, event_id: str | None, span: str) -> str:
    stored = feature_to_dict(feature)
    geometry = feature.geometry
    if geometry is not None and not geometry.is_empty:
        stored.pop("geometry")  # the KML geometry holds it; an empty one has no KML form and stays here
    readable = {key: feature.properties[key] for key in ("kind", "event", "certainty", "derivation", "style", "text")
                if isinstance(feature.properties.get(key), str)}
    shape = kml_geometry(geometry) if geometry is not None and not geometry.is_empty else ""
    name, balloon, own_style = feature.label, _feature_balloon(bundle, feature), ""
    if is_annotation(feature):
        words = shown_text(feature, bundle)
        name = _clip(" ".join(words.split())) or feature.label
        balloon = f"<p>{_h(words).replace(chr(10), '<br/>')}</p>\n{balloon}"
        if feature.properties.get("color"):  # the colour the user chose; else Google Earth's white labels
            colour = _abgr(_rgb(colour_of(feature)), 255)
            own_style = f"<Style><LabelStyle><color>{colour}</color></LabelStyle></Style>\n"
    elif (paint := paint_of(feature.value)) is not None:  # its own look (a KML's styles, read), over the launch's
        own_style = kml_style(paint)
    return (f"<Placemark>\n<name>{_text(name)}</name>\n"
            f"<description>{_text(balloon)}</description>\n{span}"
            f"<styleUrl>#{_style_id(event_id, feature.kind)}</styleUrl>\n{own_style}"
            f"{_data({**readable, FEATURE: _json(stored), INDEX: str(index)})}\n{shape}\n</Placemark>\n")


def _clip(text: str) -> str:
    return text if len(text) <= ANNOTATION_LABEL_CHARS else text[:ANNOTATION_LABEL_CHARS - 1].rstrip() + "\u2026"


def _plural(title: str) -> str:
    return title[:-1] + "ies" if title.endswith("y") else title + "s"


def _symbols(bundle: Bundle) -> set[str]:
    return {kind_style(f.kind).symbol for f in bundle.features.values() if kind_style(f.kind).symbol}


# -- balloons: HTML built from escaped pieces, then escaped again as XML text -------------------------
def _feature_balloon(bundle: Bundle, feature: Feature) -> str:
    event = bundle.events.get(feature.event or "")
    facts = [f"<b>{kind_title(feature.kind)}</b>"]
    if event:
        facts.append(f"{_h(event.name or event.id)}, {_h(event.date_label)}")
    facts.append(f"certainty: {_h(feature.certainty)}")
    parts = [f"<p>{' · '.join(facts)}</p>"]
    if feature.derivation:
        parts.append(f"<p><i>How it was placed:</i> {_h(feature.derivation)}</p>")
    if feature.citations:
        parts.append("<p><b>Who says so</b></p>")
        parts += [_quote(bundle, c) for c in feature.citations]
    for claim in feature.claims:
        parts.append(_claim(bundle, claim))
    return "\n".join(parts)


def _quote(bundle: Bundle, citation: Any) -> str:
    document = bundle.documents.get(citation.document)
    source = document.display_title if document else citation.document
    when = f", {document.published}" if document and document.published else ""
    orphaned = " <i>(quote no longer found in the article)</i>" if citation.is_orphaned else ""
    return f"<blockquote>“{_h(citation.exact)}”<br/>— {_h(source)}{_h(when)}{orphaned}</blockquote>"


def _claim(bundle: Bundle, claim: Claim) -> str:
    value = claim.value if isinstance(claim.value, str) else json.dumps(claim.value, ensure_ascii=False)
    by = f" — {_h(claim.by)}" if claim.by else ""
    quotes = "".join(_quote(bundle, c) for c in claim.citations)
    note = f" <i>({_h(claim.reference)})</i>" if claim.reference else ""
    return f"<p><b>{_h(claim.property)}</b>: {_h(value)}{by}{note}</p>{quotes}"


def _article_balloon(title: str, text: str | None) -> str:
    body = _h(text) if text is not None else "<i>(the article text was not available)</i>"
    return f"<h3>{_h(title)}</h3><div style=\"white-space:pre-wrap\">{body}</div>"


# -- styles -----------------------------------------------------------------------------------------
def _style_id(event_id: str | None, kind: str) -> str:
    return "style-" + re.sub(r"[^A-Za-z0-9_-]", "_", f"{event_id or 'none'}-{kind}")


def _style(style_id: str, colour: str, kind: str, icons: bool) -> str:
    """A Style per launch and kind; with ``icons`` the points use the icons shipped in the KMZ. An annotation shows
    its words only: no icon, a larger label."""
    style = kind_style(kind)
    line = _abgr(colour, CERTAINTY_ALPHA["reported"])
    fill = _abgr(colour, style.fill_alpha)
    icon, label = "", "<LabelStyle><scale>0.8</scale></LabelStyle>"
    if kind == ANNOTATION:
        icon, label = "<IconStyle><scale>0</scale></IconStyle>", "<LabelStyle><scale>1.1</scale></LabelStyle>"
    elif style.symbol:
        scale = style.symbol_size / 15
        href = f"<Icon><href>{icon_path(style.symbol)}</href></Icon>" if icons else ""
        icon = f"<IconStyle><color>{line}</color><scale>{scale:.2f}</scale>{href}</IconStyle>"
    return (f'<Style id="{style_id}">{icon}{label}'
            f"<LineStyle><color>{line}</color><width>{style.line_width:g}</width></LineStyle>"
            f"<PolyStyle><color>{fill}</color><outline>1</outline></PolyStyle></Style>\n")


def _rgb(colour: str) -> str:
    """'#RGB', '#RRGGBB' or '#RRGGBBAA' as '#RRGGBB'."""
    return "#" + "".join(c * 2 for c in colour[1:4]) if len(colour) == 4 else colour[:7]


def _abgr(colour: str, alpha: int) -> str:
    """KML colours are aabbggrr."""
    return abgr(colour, alpha / 255)


# -- escaping ---------------------------------------------------------------------------------------
def _data(values: dict[str, str]) -> str:
    items = "".join(f'<Data name="{_attr(k)}"><value>{_text(v)}</value></Data>' for k, v in values.items())
    return f"<ExtendedData>{items}</ExtendedData>"


def _json(value: Any) -> str:
    """JSON for ExtendedData; ASCII-only, so any text (control characters, lone surrogates) survives XML."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":"))


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    """Element text: escaped, ``\\r`` kept as a character reference (XML would turn it into ``\\n``),
    and characters XML 1.0 cannot hold dropped (the exact text is in the JSON)."""
    return _NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\r", "&#13;")


def _attr(text: str) -> str:
    return _text(text).replace('"', "&quot;")
