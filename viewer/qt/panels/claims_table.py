"""Claims side by side: per property, each source's value, who says so and where (passage or reference)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from viewer.model.bundle import Bundle
from viewer.model.claim import Claim
from viewer.model.reports import ClaimGroup, report, shorten
from viewer.model.selection import Passage
from viewer.model.sources import Source, named_sources
from viewer.qt.panels.widgets import PassageLink, plain_label, tooltip_html

DISAGREE_COLOUR = "#A0001C"
_BREAKS_UP_TO = 20_000  # characters given break points (a label shows fewer: widgets.SHOWN_UP_TO)
_BREAKS = re.compile(r"(?<=[/\];,])(?=\S)|(?<=\d)(?=T\d\d:)")
QUOTE_CHARS = 90


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the table shows it (tests and screen readers read these)."""

    subject: str  # "feature" or "event"
    property: str
    value: str
    by: str
    where: str
    disagree: bool


class ClaimsTable(QWidget):
    """A grid: a header row per property ('outcome — launch · Sources disagree'), then one row per claim:
    the value beside who says so, with where below it (each passage a link that puts it in focus, or the
    reference). Two columns rather than four, so it reads in a dock 380 px wide."""

    def __init__(self, bundle: Bundle, groups: list[ClaimGroup], focus: Callable[[Passage], None],
                 sources: dict[str, Source] | None = None, parent=None):
        super().__init__(parent)
        self.rows: list[ClaimRow] = []
        self.links: list[PassageLink] = []
        self.sources = sources or {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 5)
        for column, heading in enumerate(("Value", "Who says so — where")):
            grid.addWidget(plain_label(heading, bold=True, colour="#555"), 0, column)
        row = 1
        for group in groups:
            subject = "launch" if group.subject == "event" else "this feature"
            header = plain_label(f"{group.property} — {subject}", bold=True)
            header.setStyleSheet("margin-top: 6px; border-bottom: 1px solid #CCC;")
            grid.addWidget(header, row, 0)
            marker = plain_label("⚠ Sources disagree" if group.disagree else group.agreement.label, bold=group.disagree,
                                 colour=DISAGREE_COLOUR if group.disagree else "#555")
            marker.setStyleSheet(f"margin-top: 6px; border-bottom: 1px solid #CCC; color: "
                                 f"{DISAGREE_COLOUR if group.disagree else '#555'};")
            grid.addWidget(marker, row, 1)
            row += 1
            for claim in group.claims:
                where = self._where(bundle, claim, focus)
                value = plain_label(breakable(value_text(claim.value)), bold=group.disagree,
                                    colour=DISAGREE_COLOUR if group.disagree else None)
                source = QWidget()
                stacked = QVBoxLayout(source)
                stacked.setContentsMargins(0, 0, 0, 4)
                stacked.setSpacing(0)
                by = ("New: " if claim.new else "") + (claim.by or "not stated")  # an import added it this session
                stacked.addWidget(plain_label(by))
                stacked.addWidget(where)
                grid.addWidget(value, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(source, row, 1)
                self.rows.append(ClaimRow(group.subject, group.property, value_text(claim.value), by,
                                          _where_text(where), group.disagree))
                row += 1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)

    def _where(self, bundle: Bundle, claim: Claim, focus: Callable[[Passage], None]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.setSpacing(0)
        for citation in claim.citations:
            item = report(bundle, citation)
            where = "quote not found" if item.orphaned else f"¶{item.paragraph}"
            link = PassageLink(f"{shorten(item.title, 36)} {where}: “{shorten(citation.exact, QUOTE_CHARS)}”",
                               enabled=not item.orphaned)
            link.set_marked("orphaned", item.orphaned)
            link.setToolTip(tooltip_html(f"{item.title}\n{'Orphaned: ' if item.orphaned else ''}“{citation.exact}”"))
            if item.passage is not None:
                link.activated.connect(lambda passage=item.passage: focus(passage))
            self.links.append(link)
            layout.addWidget(link)
        if claim.reference:
            reference = plain_label(breakable(f"Reference: {claim.reference}"))
            reference.setStyleSheet("color: #444; padding-left: 5px;")
            named = named_sources(claim.extra.get("sources"), self.sources)
            if named:  # the full citations, URLs included, on hover
                reference.setToolTip(tooltip_html("\n".join(source.full for source in named)))
            layout.addWidget(reference)
        if not claim.citations and not claim.reference:
            layout.addWidget(plain_label("no source given", colour="#888"))
        return box


def value_text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def breakable(text: str) -> str:
    """Let long values wrap in a narrow dock: a zero-width space after '/', ']', ';' and ',' and between an ISO
    date and its time ('2023-08-24T00:00' can break before the 'T'). Only the display changes."""
    return _BREAKS.sub("\u200b", text[:_BREAKS_UP_TO]) + text[_BREAKS_UP_TO:]  # not over megabytes: shown cut


def _where_text(box: QWidget) -> str:
    return " | ".join(label.text() for label in box.findChildren(QLabel))
