"""HTML reduced to plain text with the standard library's parser: no scripts run, nothing is fetched.

The parser never recurses and expands only the fixed HTML character references, so deep nesting and
entity-heavy pages cost time in proportion to their size and cannot expand into more text than they hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose content is never article text. Unclosed, they swallow the rest of the page, as in a browser.
SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
                     "select", "button", "nav", "footer", "form", "aside"})  # fmt: skip
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"})  # fmt: skip
BLOCKS = frozenset({"address", "article", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1",
                    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section",
                    "table", "tr", "ul", "br", "title"})  # fmt: skip
DATE_METAS = frozenset({"article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.date",
                        "og:published_time", "sailthru.date", "parsely-pub-date"})  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


@dataclass(frozen=True)
class HtmlText:
    text: str
    title: str
    published: str | None  # as the page states it (a meta tag or <time datetime>), unparsed


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping: list[str] = []  # open skipped elements, innermost last
        self.in_title = False
        self.title: list[str] = []
        self.published: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in SKIPPED:
            self.skipping.append(tag)
            return
        if tag == "title":
            self.in_title = True
        elif tag == "meta" and self.published is None:
            values = {k.lower(): (v or "") for k, v in attrs}
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key in DATE_METAS or key == "datepublished":
                self.published = values.get("content") or None
        elif tag == "time" and self.published is None:
            self.published = dict(attrs).get("datetime") or None
        if tag in BLOCKS:
            self._end_block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag not in SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.in_title:
            self.title.append(data)
        else:
            self.current.append(data)

    def _end_block(self) -> None:
        block = _SPACES.sub(" ", "".join(self.current).replace("\n", " ")).strip()
        if block:
            self.blocks.append(block)
        self.current = []

    def result(self) -> HtmlText:
        self._end_block()
        title = _SPACES.sub(" ", "".join(self.title).replace("\n", " ")).strip()
        return HtmlText("\n\n".join(self.blocks), title, self.published)


def html_to_text(html: str) -> HtmlText:
    """The page's visible text, one paragraph per block element, with its title and publication date."""
    reducer = _Reducer()
    # Feed in slices so one pathological run (a 5 MB attribute) never builds a second copy of the page.
    for at in range(0, len(html), 1 << 16):
        reducer.feed(html[at : at + (1 << 16)])
    reducer.close()
    return reducer.result()
