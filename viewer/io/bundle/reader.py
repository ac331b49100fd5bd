"""Read an event bundle (GeoJSON with launchmap's foreign members), reporting every problem by place."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from viewer.io.bundle import geometries
from viewer.io.bundle.articles import ArticleRefused, current_roots, read_article
from viewer.io.bundle.json_source import load_json
from viewer.io.bundle.problem_log import ProblemLog, json_type, raw_ids, short
from viewer.model.anchoring import anchor, what_moved
from viewer.model.annotation import problems_of as annotation_problems
from viewer.model.bundle import FORMAT_VERSION, Bundle
from viewer.model.citation import AnchorStatus, Citation
from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.event import LaunchEvent, parse_time
from viewer.model.feature import Feature
from viewer.model.kinds import CERTAINTIES, KIND_REGISTRY
from viewer.model.problem import BundleError, Problem, Severity

_intern = sys.intern
_SHARED_VALUES = ("kind", "certainty", "event")  # property values many features have in common
GEOMETRY_BATCH = 20_000  # geometries made at once: large enough to be fast, small enough to free the JSON early
CITATION_KEYS = ("document", "start", "end", "exact", "prefix", "suffix")
CLAIM_KEYS = ("property", "value", "by", "citations", "reference")


def read_bundle(path: str | Path, shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The bundle and its warnings and recoverable errors (orphaned citations, unreadable article files).

    Raises BundleError, carrying every problem found, when the file cannot be opened as a bundle.
    """
    path = Path(path)
    reader = BundleParser(path, shown_as or str(path))
    return reader.read(load_json(path, reader.file)), reader.problems


class BundleParser(ProblemLog):
    """Turns bundle JSON (already parsed) into a `Bundle`, recording every problem with its place.

    Every format that carries launchmap's own data (GeoJSON, and the GeoPackage and KML launchmap writes,
    rebuilt as bundle JSON) goes through `read`, so all of them are checked, anchored and reported alike.
    ``path`` is where the bundle lives: article ``path``s are read relative to its folder and only from inside
    it or ``roots`` (default: those `articles.allowed_roots` allows now), never from elsewhere. After `read`,
    ``problems`` holds the warnings and recoverable errors; `read` raises BundleError with all of them when
    any error is fatal. One parser reads one bundle.
    """

    def __init__(self, path: Path, shown_as: str, roots: tuple[Path, ...] | None = None):
        super().__init__(shown_as)
        self.path = path
        self.roots = current_roots() if roots is None else roots
        # ids present in the file, valid or not, by table: a reference to a broken item is not a second problem
        self.named: dict[str, set[str]] = {"documents": set(), "events": set(), "features": set()}
        self.unknown_kinds: set[str] = set()  # the reprs of the unknown kinds warned about
        self.documents: dict[str, Document] = {}  # those read so far, for citations to anchor in
        # features whose geometry is made later, many at once: (feature's place, feature, raw, problems so far)
        self.pending: list[tuple[str, Feature, Any, int]] = []
        self.events: list[tuple[str, dict]] = []  # (where, raw) of the events, for the checks after the features

    # -- the file --------------------------------------------------------------------------------
    def read(self, root: Any) -> Bundle:
        """The bundle ``root`` (a parsed FeatureCollection) describes; raises BundleError when it cannot be used."""
        if isinstance(root, dict) and root.get("type") == "FeatureCollection" and not isinstance(
                root.get("features"), list):
            raise BundleError([Problem(self.file, "features", "missing or not a list")])
        bundle = self.begin(root)
        for index, raw in enumerate(root["features"]):
            self.feature(bundle, index, raw)
        return self.finish(bundle)

    # A file too large to hold parsed whole is read feature by feature: begin() with the members before
    # "features", feature() for each as it is parsed, finish() after the last. read() does the same at once.
    def begin(self, root: Any) -> Bundle:
        """A new bundle with what ``root`` holds besides its features: header, documents, events."""
        if not isinstance(root, dict) or root.get("type") != "FeatureCollection":
            found = root.get("type") if isinstance(root, dict) else json_type(root)
            raise BundleError([Problem(self.file, "type", f"not a GeoJSON FeatureCollection (found {found!r})")])
        bundle = Bundle(path=self.path, extra={k: v for k, v in root.items() if k not in _TOP_LEVEL})
        self.named = {key: raw_ids(root.get(key)) for key in self.named}
        self.read_header(root, bundle)
        self.documents = bundle.documents
        for where, raw in self.objects(root, "documents"):
            self.add(bundle.documents, self.read_document(where, raw), where)
        for where, raw in self.objects(root, "sources"):  # reference pages, kept as given (model.sources)
            for key in ("id", "publisher", "title", "published", "url"):
                self.member(raw, key, where, str, required=key == "id")
        self.events = self.objects(root, "events")
        for where, raw in self.events:
            self.add(bundle.events, self.read_event(where, raw), where)
        return bundle

    def feature(self, bundle: Bundle, index: int, raw: Any) -> None:
        """Read the ``index``-th feature into ``bundle``; its geometry is made with the others (`attach_geometries`)."""
        where = f"features[{index}]"
        if not isinstance(raw, dict):
            self.error(where, f"must be a Feature object, not {json_type(raw)}")
            return
        self.add(bundle.features, self.read_feature(where, raw, index, bundle), where)
        if len(self.pending) >= GEOMETRY_BATCH:
            self.attach_geometries()

    def finish(self, bundle: Bundle) -> Bundle:
        """The bundle, once every feature was read; raises BundleError when any error was fatal."""
        self.attach_geometries()
        for where, raw in self.events:
            site = bundle.events.get(str(raw.get("id")))
            if site and site.site and site.site not in bundle.features and site.site not in self.named["features"]:
                self.error(f"{where}.site", f"unknown feature {site.site!r}")
        if self.fatal:
            raise BundleError(self.problems)
        return bundle

    def read_header(self, root: dict, bundle: Bundle) -> None:
        header = self.member(root, "launchmap", "", dict)
        if header is None:
            return
        version = self.member(header, "version", "launchmap", int, required=True)
        if version is not None and version > FORMAT_VERSION:
            self.error("launchmap.version", f"format version {version} is newer than this launchmap reads")
        bundle.version = version or FORMAT_VERSION
        bundle.extra["launchmap"] = header

    def add(self, table: MutableMapping[str, Any], item: Any, where: str) -> None:
        if item is None:
            return
        if item.id in table:
            self.error(f"{where}.id", f"duplicate id {item.id!r}")
            return
        table[item.id] = item

    # -- documents -------------------------------------------------------------------------------
    def read_document(self, where: str, raw: dict) -> Document | None:
        doc_id = self.member(raw, "id", where, str, required=True)
        if not doc_id:
            return None
        strings = {key: self.member(raw, key, where, str) for key in _DOCUMENT_STRINGS}
        self.member(raw, "url", where, str)  # kept among the document's own members (model.sources)
        document = Document(id=doc_id, **strings, extra={k: v for k, v in raw.items() if k not in _DOCUMENT_KEYS})
        inline = self.member(raw, "text", where, str)
        if inline is not None:
            document.text, document.text_inline = inline, True
        elif document.path:
            document.text = self.read_article(f"{where}.path", document)
        else:
            self.error(where, f"document {doc_id!r} has neither 'text' nor 'path'", fatal=False)
        return document

    def read_article(self, where: str, document: Document) -> str | None:
        """The text of the document's article file, read only from inside the bundle's folder (or an allowed
        root); None, with one line naming the document and why, when it is not read."""
        try:
            data = read_article(self.path.parent, str(document.path), self.roots)
        except ArticleRefused as error:
            self.error(where, f"document {document.id!r}: {error}", fatal=False)
            return None
        digest = hashlib.sha256(data).hexdigest()
        if document.sha256 and document.sha256.lower() != digest:
            self.error(
                where.replace(".path", ".sha256"),
                f"sha256 mismatch for {document.path}: the file changed (now {digest[:12]}…)",
                fatal=False,
            )
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.error(where, f"article file {document.path} is not UTF-8 (byte {error.start})", fatal=False)
            return None

    # -- events ----------------------------------------------------------------------------------
    def read_event(self, where: str, raw: dict) -> LaunchEvent | None:
        event_id = self.member(raw, "id", where, str, required=True)
        if not event_id:
            return None
        time = self.member(raw, "time", where, str)
        if time is not None:
            try:
                parse_time(time)
            except ValueError as error:
                self.error(f"{where}.time", str(error) if "offset" in str(error) else f"not an ISO 8601 time: {time!r}")
        return LaunchEvent(
            id=event_id,
            name=self.member(raw, "name", where, str) or "",
            time=time,
            vehicle=self.member(raw, "vehicle", where, str),
            outcome=self.member(raw, "outcome", where, str),
            site=self.member(raw, "site", where, str),
            claims=self.read_claims(where, raw),
            extra={k: v for k, v in raw.items() if k not in _EVENT_KEYS},
        )

    # -- features --------------------------------------------------------------------------------
    def read_feature(self, where: str, raw: dict, index: int, bundle: Bundle) -> Feature | None:
        if raw.get("type") != "Feature":
            self.error(f"{where}.type", f"must be 'Feature', not {raw.get('type')!r}")
            return None
        raw_id = raw.get("id")
        if raw_id.__class__ is str:
            feature_id = raw_id
        elif raw_id is None:
            feature_id = f"feature-{index}"
            if "launchmap" in bundle.extra:
                self.warn(where, f"feature has no id; it is called {feature_id!r} here")
        elif isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool):
            feature_id = str(raw_id)
        else:
            self.error(f"{where}.id", f"must be a string or number, not {json_type(raw_id)}")
            return None
        if "geometry" not in raw:
            self.error(where, "missing member 'geometry'")
            return None
        properties = raw.get("properties")
        if properties is None:
            properties = {}
        elif not isinstance(properties, dict):
            self.error(f"{where}.properties", f"must be an object or null, not {json_type(properties)}")
            return None
        # keys and the usual values shared, not held once per feature (json shares keys only within one decode
        # call, and a large file is decoded feature by feature)
        properties = dict(zip(map(_intern, properties), properties.values(), strict=False))
        for key in _SHARED_VALUES:
            value = properties.get(key)
            if value.__class__ is str:
                properties[key] = _intern(value)
        self.check_properties(where, properties, bundle)
        for member, message in annotation_problems(properties, raw["geometry"]):  # the user's marks: checked apart
            self.error(f"{where}.{'' if member == 'geometry' else 'properties.'}{member}",
                       f"annotation {feature_id!r}: {message}")
        citations: list[Citation] = []
        claims: list[Claim] = []
        if "citations" in properties or "claims" in properties:
            place = f"{where}.properties"
            citations = self.read_citations(place, properties.pop("citations", None))
            claims = self.read_claims(place, properties)
            properties.pop("claims", None)
        extra = {} if raw.keys() <= _FEATURE_KEYS else {k: v for k, v in raw.items() if k not in _FEATURE_KEYS}
        if raw_id is not None and raw_id.__class__ is not str:
            extra["id"] = raw_id  # written back as the number it was
        feature = Feature(feature_id, None, properties, citations or None, claims or None, extra or None)
        geometry = raw["geometry"]
        if geometry is not None:
            self.pending.append((where, feature, geometry, len(self.problems)))
        return feature

    def attach_geometries(self) -> None:
        """Make every pending feature's geometry in one pass (`geometries.build`); its problems take the place
        in the list they would have had if each geometry had been checked when its feature was read."""
        if not self.pending:
            return
        built = geometries.build([raw for _, _, raw, _ in self.pending])
        late: list[tuple[int, Problem]] = []
        for index, (where, feature, raw, position) in enumerate(self.pending):
            feature.geometry = built.geometries[index]
            if index in built.errors:
                late.append((position, Problem(self.file, f"{where}.geometry", built.errors[index])))
                self.fatal = True
            elif index in built.repairs:
                late.append((position, Problem(self.file, f"{where}.geometry", built.repairs[index],
                                               Severity.WARNING)))
            if index in built.keep_source:
                feature.source_geometry = raw  # written back exactly as read: its own members, 4-D positions
        self.pending.clear()
        if late:
            merged: list[Problem] = []
            at = 0
            for position, problem in late:
                merged += self.problems[at:position]
                merged.append(problem)
                at = max(at, position)
            self.problems[:] = merged + self.problems[at:]

    def check_properties(self, where: str, properties: dict, bundle: Bundle) -> None:
        """Warn about an unknown kind or certainty, refuse an unknown event; ``where`` is the feature's place."""
        kind = properties.get("kind")
        if kind is not None and (kind.__class__ is not str or kind not in KIND_REGISTRY) \
                and repr(kind) not in self.unknown_kinds:  # once each: a million features of one kind, one line
            self.unknown_kinds.add(repr(kind))
            self.warn(f"{where}.properties.kind", f"unknown kind {kind!r}; drawn as a reference place")
        certainty = properties.get("certainty")
        if certainty is not None and certainty not in CERTAINTIES:
            self.warn(f"{where}.properties.certainty",
                      f"unknown certainty {certainty!r} (expected {', '.join(CERTAINTIES)})")
        event = properties.get("event")
        if event is not None and not isinstance(event, str):
            self.error(f"{where}.properties.event", f"must be a string, not {json_type(event)}")
        elif event is not None and event not in self.named["events"]:
            self.error(f"{where}.properties.event", f"unknown event {event!r}")

    # -- citations and claims --------------------------------------------------------------------
    def read_claims(self, where: str, owner: dict) -> list[Claim]:
        raw_claims = self.member(owner, "claims", where, list) or []
        claims = []
        for index, raw in enumerate(raw_claims):
            place = f"{where}.claims[{index}]"
            if not isinstance(raw, dict):
                self.error(place, f"must be an object, not {json_type(raw)}")
                continue
            name = self.member(raw, "property", place, str, required=True)
            if name is None:
                continue
            claims.append(
                Claim(
                    property=name,
                    value=raw.get("value"),
                    by=self.member(raw, "by", place, str) or "",
                    citations=tuple(self.read_citations(place, raw.get("citations"))),
                    reference=self.member(raw, "reference", place, str) or "",
                    extra={k: v for k, v in raw.items() if k not in CLAIM_KEYS},
                )
            )
        return claims

    def read_citations(self, where: str, raw_list: Any) -> list[Citation]:
        if raw_list is None:
            return []
        if not isinstance(raw_list, list):
            self.error(f"{where}.citations", f"must be a list, not {json_type(raw_list)}")
            return []
        citations = []
        for index, raw in enumerate(raw_list):
            citation = self.read_citation(f"{where}.citations[{index}]", raw)
            if citation is not None:
                citations.append(citation)
        return citations

    def read_citation(self, where: str, raw: Any) -> Citation | None:
        if not isinstance(raw, dict):
            self.error(where, f"must be an object, not {json_type(raw)}")
            return None
        document_id = self.member(raw, "document", where, str, required=True)
        start = self.member(raw, "start", where, int, required=True)
        end = self.member(raw, "end", where, int, required=True)
        exact = self.member(raw, "exact", where, str, required=True)
        if None in (document_id, start, end, exact):
            return None
        if start < 0 or end < start:
            self.error(where, f"bad offsets {start}-{end} (need 0 <= start <= end)")
            return None
        if document_id not in self.documents:
            if document_id not in self.named["documents"]:
                self.error(f"{where}.document", f"unknown document {document_id!r}")
            return None
        citation = Citation(
            document=document_id,
            start=start,
            end=end,
            exact=exact,
            prefix=self.member(raw, "prefix", where, str) or "",
            suffix=self.member(raw, "suffix", where, str) or "",
            extra={k: v for k, v in raw.items() if k not in CITATION_KEYS},
        )
        return self.anchor(where, citation)

    def anchor(self, where: str, citation: Citation) -> Citation:
        text = self.documents[citation.document].text
        anchoring = anchor(citation, text)
        checked = anchoring.citation
        if text is None:
            self.warn(where, f"orphaned citation: the text of {citation.document!r} is not available")
            return checked
        past_end = citation.end > len(text)
        if past_end:
            message = f"offset {citation.end} is past the end of {citation.document!r} ({len(text)} characters)"
            if checked.status is AnchorStatus.REANCHORED:
                message += f"; quote found at {checked.start}"
            self.error(f"{where}.end", message, fatal=False)
        elif checked.status is AnchorStatus.REANCHORED:
            why = " (the quote is at the old offsets, but its prefix and suffix fit there)" \
                if anchoring.context_moved else ""
            quote = short(citation.exact)
            self.warn(where, f"quote {quote} {what_moved(citation, checked)}{why}")
        if anchoring.ties:
            places = f"at least {anchoring.ties + 1}" if anchoring.more_ties else str(anchoring.ties + 1)
            self.warn(where, f"quote {short(citation.exact)} fits {places} places equally well; "
                             f"re-anchored to the one nearest its old offset, {checked.start}: check it")
        if checked.status is AnchorStatus.ORPHANED:
            self.error(where, f"orphaned citation: quote {short(citation.exact)} not found in {citation.document!r}",
                       fatal=False)
        return checked


_TOP_LEVEL = {"type", "features", "documents", "events", "launchmap"}
_DOCUMENT_STRINGS = ("title", "published", "publisher", "path", "sha256")
_DOCUMENT_KEYS = {"id", "text", *_DOCUMENT_STRINGS}
_EVENT_KEYS = {"id", "name", "time", "vehicle", "outcome", "site", "claims"}
_FEATURE_KEYS = {"type", "id", "geometry", "properties"}
