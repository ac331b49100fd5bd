"""Reading a news feed file (RSS 2.0 or Atom, .xml/.rss/.atom) as article text: each item's title, its stamp
as the feed states it, and its body (escaped HTML in the feed, reduced to text as a page is)."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from viewer.ingest.html_text import HtmlText, html_to_text

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_STAMPS = ("pubDate", "published", "updated", "date")  # RSS, Atom, Dublin Core (dc:date)
_BODIES = ("encoded", "content", "description", "summary")  # content:encoded first: the whole story


# A feed saved under a text file's name: its XML declaration or root, then an item or entry
_FEED_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
_ITEM = re.compile(r"<(?:item|entry)\b")


def looks_like_feed(raw: str) -> bool:
    """Whether a file saved as text is an RSS or Atom feed (its first element a feed's, an item or entry in it)."""
    return _FEED_START.match(raw[:2000]) is not None and _ITEM.search(raw) is not None


class FeedError(ValueError):
    """A feed file that is not well-formed XML or holds no item."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(item: Element, names: tuple[str, ...]) -> str:
    children = {_local(child.tag): (child.text or "").strip() for child in reversed(list(item))}
    return next((children[name] for name in names if children.get(name)), "")


def feed_to_text(xml: str) -> HtmlText:
    """Every item of the feed, in order, as "title / Published: stamp / body" sections; the first item's stamp is
    the publication date. Entities and external references are refused (defusedxml)."""
    try:
        root = SafeET.fromstring(xml)
    except (SafeET.ParseError, DefusedXmlException) as error:
        raise FeedError(f"not a readable feed ({error})") from None
    items = [element for element in root.iter() if _local(element.tag) in ("item", "entry")]
    if not items:
        raise FeedError("a feed with no item or entry")
    sections, titles, stamps = [], [], []
    for item in items:
        title, stamp = _child_text(item, ("title",)), _child_text(item, _STAMPS)
        body = html_to_text(_child_text(item, _BODIES)).text
        titles.append(title)
        stamps.append(stamp)
        head = [title] + ([f"Published: {stamp}"] if stamp else [])
        sections.append("\n".join(head) + "\n\n" + body)
    return HtmlText("\n\n".join(sections), titles[0], next((s for s in stamps if s), None))
