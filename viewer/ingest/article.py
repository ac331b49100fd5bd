"""Reading an article file (.txt, .md, .html, a feed .xml) into the text that citations point into, with its date."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from viewer.ingest.dateline_year import InferredYear, dateline_year
from viewer.ingest.datelines import Dateline, find_dateline, stamped_west_of_korea
from viewer.ingest.day_years import nearest_year
from viewer.ingest.feed_item import FEED_SUFFIXES, FeedError, feed_to_text, looks_like_feed
from viewer.ingest.html_text import html_to_text
from viewer.ingest.mend import Mended, mend
from viewer.ingest.stamp_lines import foot_stamp
from viewer.ingest.text_forms import forwarding_date
from viewer.ingest.times import DateMention, names_koreas_next_day, parse_date

MAX_ARTICLE_BYTES = 20 * 1024 * 1024  # the bundle reader's limit for article files
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

# A date line near the top: "date 2023-11-15", "Published: Nov. 21, 2023", markdown front matter "date: …".
_HEADER_DATE = re.compile(
    r"^[ \t>#*_-]*(?:date|dated|published|posted|updated|pubdate)\b[ \t]*(?:on)?[ \t:=]*[\"']?(?P<date>[^\n\"']{6,40})",
    re.IGNORECASE | re.MULTILINE,
)


class ArticleError(ValueError):
    """An article that cannot be read as text: one line naming the file."""


@dataclass
class Article:
    """One article's text. ``text_from_file`` says whether the file's bytes decode to ``text`` exactly,
    so a bundle may point at the file (path + sha256) instead of carrying the text."""

    id: str
    text: str
    title: str = ""
    published: date | None = None
    path: Path | None = None
    text_from_file: bool = False
    header_end: int = 0  # end of a date header ("date 2023-11-15") at the top: not a date the article reports
    zone: str | None = None  # the zone of bare clock times, from the dateline's city ("SEOUL, …": KST)
    day_behind: bool = False  # dated hours behind Korea (ET, GMT): its "Wednesday" may be the day after its date
    inferred_year: InferredYear | None = None  # a yearless dateline's year, pinned by the story (and why)
    # the text as reading mended it (the text read, its plain form, its debris mended too): drafting reads it again
    read_as: tuple[str, Mended, Mended] | None = field(default=None, compare=False, repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def mended(self, debris: bool = True) -> Mended:
        """``mend(self.text, debris)``: as reading mended it while the text is the one read (a large batch is read
        whole before any of it is drafted, and mend keeps only the last few texts)."""
        if self.read_as is not None and self.read_as[0] is self.text:
            _, plain, mended = self.read_as
            return mended if debris else plain
        return mend(self.text, debris)


def read_article(path: str | Path, doc_id: str | None = None, published: date | None = None) -> Article:
    """Read one article file; raises ArticleError (one line naming the file) when it is not usable text."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArticleError(f"{path}: not a file")
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{path}: {size / 2**20:.1f} MiB is over the {MAX_ARTICLE_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror})") from None
    return article_from_bytes(data, path, doc_id or default_id(path), published)


def article_from_bytes(data: bytes, path: Path, doc_id: str, published: date | None = None) -> Article:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f"{path}: unknown kind of article (expected {', '.join(sorted(SUFFIXES))})")
    raw, exact = decoded(data, path)
    feed = suffix in FEED_SUFFIXES or (suffix in TEXT_SUFFIXES and looks_like_feed(raw))  # (an Atom feed saved .txt)
    if suffix in HTML_SUFFIXES or feed:
        try:
            page = feed_to_text(raw) if feed else html_to_text(raw)
        except FeedError as error:
            raise ArticleError(f"{path}: {error}") from None
        text, title, stated = page.text, page.title, page.published
        exact = False  # citations point into the reduced text, which the bundle must then carry
    else:
        text, title, stated = raw, "", None
    if raw.startswith("\ufeff"):  # a BOM is not part of the article
        exact = False
        text = text.lstrip("\ufeff")
    original, text = text, mend(text).text  # the date, dateline and title read as every finder reads the text
    header, header_date, header_end, dateline = _date_lines(text)
    if suffix in TEXT_SUFFIXES and not feed:
        title = _first_line(text[: header.start()] + text[header_end:] if header and header_date else text)
    when = published or _filed_day(_stated_date(stated), dateline) or (dateline.value if dateline else None) or (
        header_date.value if header_date else None)
    inferred = None
    if when is None and dateline is not None and dateline.month_day is not None:
        inferred = dateline_year(text, dateline.end, dateline.month_day, date.today())
        when = inferred.day if inferred else None
    when = when or foot_stamp(text) or _stated_date(forwarding_date(original))  # (a forwarded text of no date)
    # (the dateline's whole line: "… Aired June 2, 2026 - 23:00 ET" is stamped in ET after the date)
    line = (text[text.rfind("\n", 0, dateline.start) + 1 : (text.find("\n", dateline.end) + 1 or len(text) + 1) - 1]
            if dateline else "")
    stamps = [header.group(0) if header else "", line]
    behind = any(stamped_west_of_korea(line) for line in stamps) or bool(
        dateline and (dateline.zone in ("ET", "PT") or dateline.west_of_korea)) or bool(
        when and names_koreas_next_day(text, when))
    header_end = mend(original).span(header_end, header_end)[0]  # (citations point into the original)
    return Article(doc_id, original, title[:200], when, path, exact, header_end, dateline.zone if dateline else None,
                   behind, inferred, (original, mend(original, debris=False), mend(original)))


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
         (b"\xfe\xff", "utf-16-be"))  # (UTF-32's little-endian mark opens with UTF-16's: tried first)


def decoded(data: bytes, path: Path) -> tuple[str, bool]:
    """The file's text, and whether it is the file's UTF-8 bytes exactly: UTF-16 or UTF-32 as their byte-order mark
    says (a Windows editor's "Unicode" save), else UTF-8, else Windows-1252 (older news archives)."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec), False
            except UnicodeDecodeError:
                raise ArticleError(f"{path}: marked {codec.upper()} but not readable as it") from None
    nul = data.find(b"\0")
    if nul != -1:
        raise ArticleError(f"{path}: byte {nul} is NUL; this is not a text file")
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), False  # kept inline


def default_id(path: Path) -> str:
    """A document id from the file name: ``doc-`` and the stem, with anything unusual made a hyphen."""
    return "doc-" + (re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or "article")


def _date_lines(text: str) -> tuple[re.Match[str] | None, DateMention | None, int, Dateline | None]:
    """A date line at the top ("Published: …") with its date, where the article's own lines begin after it (and
    after the dateline), and the dateline."""
    header = _HEADER_DATE.search(text[:600])
    header_date = parse_date(header.group("date"), None) if header else None
    header_end = header.start("date") + header_date.end if header and header_date else 0
    dateline = find_dateline(text)
    if dateline is not None:
        header_end = max(header_end, dateline.end)
    return header, header_date, header_end, dateline


def _stated_date(value: str | None) -> date | None:
    if not value:
        return None
    compact = re.fullmatch(r"((?:19|20)\d\d)([01]\d)([0-3]\d)", value.strip())  # pubdate "20230824"
    if compact:
        try:
            return date(*map(int, compact.groups()))
        except ValueError:
            return None
    found = parse_date(value.strip()[:40], None)
    return found.value if found else None


def _filed_day(stamped: date | None, dateline: Dateline | None) -> date | None:
    """A page's or feed's stamp is an instant, often written in UTC; the dateline writes the day where the story was
    filed ("SEOUL, Sept. 18" of an item stamped 23:12 UTC on the 17th). The story's 'Wednesday' is the dateline's
    week, so a dateline a day from the stamp gives the day."""
    if stamped is None or dateline is None:
        return stamped
    filed = dateline.value or (nearest_year(date(2000, *dateline.month_day), stamped)  # 2000: 29 February exists
                               if dateline.month_day is not None else None)
    return filed if filed is not None and abs((filed - stamped).days) == 1 else stamped


def _first_line(text: str) -> str:
    """A title for an article file without one: its first line, or that line's first sentence when it is long."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        # not a rule of dashes (markdown front matter) nor a "date: …" line
        if line and not re.fullmatch(r"[-=*_ ]+", line) and not _HEADER_DATE.match(line):
            if len(line) <= 120:
                return line
            sentence = re.match(r".{20,119}?[.!?](?=\s)", line)
            return sentence.group() if sentence else line[:line.rfind(" ", 0, 119)] + "…"
    return ""
