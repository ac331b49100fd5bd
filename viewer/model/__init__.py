"""The Qt-free model: documents, citations, launch events, map features, the bundle and the selection."""

from viewer.model.bundle import Bundle
from viewer.model.citation import AnchorStatus, Citation
from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.kinds import CERTAINTIES, kind_names
from viewer.model.problem import BundleError, Problem, Severity
from viewer.model.selection import Passage, Selection

__all__ = [
    "CERTAINTIES",
    "AnchorStatus",
    "Bundle",
    "BundleError",
    "Citation",
    "Claim",
    "Document",
    "Feature",
    "LaunchEvent",
    "Passage",
    "Problem",
    "Selection",
    "Severity",
    "kind_names",
]
