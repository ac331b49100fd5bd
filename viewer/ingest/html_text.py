"""HTML reduced to plain text with the standard library's parser: no scripts run, nothing is fetched.

The parser never recurses and expands only the fixed HTML character references, so deep nesting and
entity-heavy pages cost time in proportion to their size and cannot expand into more text than they hold.
"""

from __future__ import annotations

import json
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
                    "table", "tr", "ul", "title"})  # fmt: skip
DATE_METAS = frozenset({"article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.date",
                        "og:published_time", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued",
                        "dcterms.created", "article.published", "og:article:published_time", "publish-date",
                        "publication_date", "citation_publication_date"})  # fmt: skip
JSON_LD_LIMIT = 200  # chunks of structured data kept per script, so a huge one costs no memory
_LINE_BREAK = "\u2028"  # a <br> in a block's text until the block is laid out
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
        self.in_json_ld = False  # inside <script type="application/ld+json">: read as data, never run
        self.json_ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in SKIPPED:
            self.skipping.append(tag)
            types = {k.lower(): (v or "").lower() for k, v in attrs}
            self.in_json_ld = tag == "script" and types.get("type") == "application/ld+json"
            return
        if tag == "br":  # a line break inside the paragraph, as the page shows it (not a paragraph of its own)
            self.current.append(_LINE_BREAK)
        elif tag == "title":
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
                if not self.skipping and self.in_json_ld:
                    self.in_json_ld = False
                    self.published = self.published or _json_ld_date("".join(self.json_ld))
                    self.json_ld = []
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in BLOCKS:
            self._end_block()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            if self.in_json_ld and len(self.json_ld) < JSON_LD_LIMIT:
                self.json_ld.append(data)
            return
        if self.in_title:
            self.title.append(data)
        else:
            self.current.append(data)

    def _end_block(self) -> None:
        lines = _SPACES.sub(" ", "".join(self.current).replace("\n", " ")).split(_LINE_BREAK)
        block = "\n".join(line.strip() for line in lines).strip()
        if block:
            self.blocks.append(block)
        self.current = []

    def result(self) -> HtmlText:
        self._end_block()
        title = _SPACES.sub(" ", "".join(self.title).replace("\n", " ")).strip()
        return HtmlText("\n\n".join(self.blocks), title, self.published)


def _json_ld_date(raw: str) -> str | None:
    """schema.org ``datePublished`` from a JSON-LD block (parsed as JSON data, nothing else), or None."""
    try:
        data = json.loads(raw[:100_000])
    except ValueError:
        return None
    stack = [data]
    while stack:  # objects, lists and @graph members, without recursion
        item = stack.pop()
        if isinstance(item, dict):
            found = item.get("datePublished")
            if isinstance(found, str):
                return found
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return None


def html_to_text(html: str) -> HtmlText:
    """The page's visible text, one paragraph per block element, with its title and publication date."""
    reducer = _Reducer()
    # Feed in slices so one pathological run (a 5 MB attribute) never builds a second copy of the page.
    for at in range(0, len(html), 1 << 16):
        reducer.feed(html[at : at + (1 << 16)])
    reducer.close()
    return reducer.result()
