"""Official notices — NAVAREA XI / HYDROPAC and Japan Coast Guard navigational warnings, ICAO NOTAMs — as
broadcast (upper case, line-wrapped): their number, lettered areas, circles and time windows.

Each area becomes a danger zone (a warning area for a NOTAM's airspace) citing the exact coordinate text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from viewer.geo.coordinates import find_positions
from viewer.ingest.japanese_notice import japanese
from viewer.ingest.notice_areas import NoticeArea, read_areas
from viewer.ingest.notice_areas import area_letter as area_letter  # (read from here by the scorer and tests)
from viewer.ingest.notice_windows import Window, expiry, find_windows
from viewer.ingest.quoted import unquoted
from viewer.ingest.spoken_notice import written

# "NAVAREA XI (JAPAN) 0577/26": a relay tags the series with the issuing country; a warning retyped as prose writes
# "Navigational Warning No. 0612/26" in mixed case (read as a notice only when it heads the text, see _heads)
_NAV_NUMBER = re.compile(r"\b(?P<series>NAVAREA\s+(?:XI|[IVX]{1,5})|HYDROPAC|HYDROLANT|NAVTEX|"
                         # (South Korea's own: "KOREA NAVIGATIONAL WARNING 215/26", "ROK NAV WARNING 215/26")
                         r"(?i:(?:JAPAN\s+|(?:REPUBLIC\s+OF\s+)?KOREA\s+|ROK\s+)?(?:COAST\s+GUARD\s+)?"
                         r"NAV(?:IGATIONAL|\.)?\s+WARN(?:ING|\.)(?:\s+(?:NR|NO)\.?)?)|"
                         r"(?:YOKOHAMA|MOJI|OTARU|NAHA)\s+NAV\s+WARN(?:ING)?(?:\s+(?:NR|NO)\.?)?|"
                         # a Chinese Maritime Safety Administration warning: "QIONG HANG JING 0143/26"
                         r"(?:[A-Z]{2,5}\s+)?HANG\s+JING)"
                         r"(?:\s+\([A-Z]+\))?\s+(?P<number>\d{1,4}/\d{2}(?:\(\w+\))?)")
# The number on a line of its own under the heading, as a coast guard's English relay sets it out: "NAVIGATIONAL
# WARNING — ENGLISH TEXT …" (an issue line, a blank line) "NR. 1125/23"; "Navigational Warning (NAVAREA XI
# coordinator)" over "No. 2117/26"
_NAV_HEADING = re.compile(r"(?im)^[ \t]*(?P<series>(?:JAPAN\s+)?(?:COAST\s+GUARD\s+)?NAV(?:IGATIONAL|\.)?\s+"
                          r"WARN(?:ING|\.)?)\b[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:NR|NO|NUMBER)\.?[ \t]*"
                          r"(?P<number>\d{1,4}/\d{2})\b")
_NOTAM_NUMBER = re.compile(r"\b(?P<number>[A-Z]\d{4}/\d{2})\s+NOTAM(?P<type>[NRC])\b(?:\s+(?P<ref>[A-Z]\d{4}/\d{2}))?")
_DTG_LINE = re.compile(r"\(?\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\)?")  # "061430Z APR 2026" above a broadcast's number
_CANCEL_ANY = re.compile(r"\bCANCEL\b", re.IGNORECASE)
_NOTAM_FIELDS = re.compile(r"(?m)^\s*(?:Q\)|[A-G]\)\s*\S)")
_NOTAM_E = re.compile(r"(?ms)^\s*E\)(?P<body>.*?)(?=^\s*[F-G]\)|\Z)")
_CANCEL = re.compile(r"\bCANCEL\s+(?!THIS\b)(?P<ref>(?:NAVAREA\s+[IVX]+|HYDROPAC|HYDROLANT|NAV\s+WARNING)\s+"
                     r"\d{1,4}/\d{2})", re.IGNORECASE)
_AIRSPACE = re.compile(r"\b(?:AIRSPACE|ALTITUDES?|FL\d{3}|SFC|UNL|AIRCRAFT|FIR)\b")



@dataclass
class Notice:
    series: str  # "NAVAREA XI", "HYDROPAC", "NAV WARNING", "NOTAM"
    number: str  # "0746/23", "A1234/23"
    span: tuple[int, int]
    airspace: bool
    areas: list[NoticeArea] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)
    expires: datetime | None = None
    cancels: list[str] = field(default_factory=list)  # notices this one cancels ("HYDROPAC 3951/23")
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message) for what could not be read

    @property
    def name(self) -> str:
        return f"{self.series} {self.number}"


# A Japanese keyboard's full-width forms of ASCII (U+FF01-FF5E) and its ideographic space, each one character for
# one: a corner typed in full width is read as "38-10N 130-20E" and every offset holds
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_HAS_FULL_WIDTH = re.compile(r"[\uff01-\uff5e]")


def read_notice(text: str) -> Notice | None:
    """The notice ``text`` holds, or None when it is not one (an article, or anything else)."""
    if _HAS_FULL_WIDTH.search(text, 0, 4000):
        text = text.translate(_FULL_WIDTH)
    # a warning read out on the radio, its figures spelled (spoken_notice); one in Japanese (japanese_notice)
    spoken = written(text) or japanese(text)
    if spoken is None:
        # (a post quoting a warning line by line: "> NAVAREA XI 1288/26"; a briefing tool's table of NOTAMs, each
        # field behind the table's "|" border: the borders blanked, every offset kept)
        return (_read(unquoted(text)) or (_read(unquoted(_unruled(text))) if "|" in text[:600] else None)
                or _read_unheaded(text))
    notice = _read(spoken.text)
    if notice is None:
        return None
    notice.span = (spoken.spoken(notice.span[0]), spoken.spoken(notice.span[1]))
    for area in notice.areas:
        area.span = (spoken.spoken(area.span[0]), spoken.spoken(area.span[1]))
    notice.windows = [replace(w, span=(spoken.spoken(w.span[0]), spoken.spoken(w.span[1]))) for w in notice.windows]
    notice.problems = [(spoken.spoken(at), message) for at, message in notice.problems]
    return notice


def _read(text: str) -> Notice | None:
    """`_read_as_given`, or a whole notice lower-cased (by a chat or mail client, or retyped) read as the upper-case
    broadcast it was: only when its number heads the text, or it has a NOTAM's number, so an article that mentions
    a warning in a sentence stays an article. Read in upper case letter for letter: every offset holds."""
    notice = _read_as_given(text)
    if notice is not None or _mostly_upper(text):
        return notice
    head = _upper(text[:600])
    nav = _NAV_NUMBER.search(head) or _NAV_HEADING.search(head)
    if (nav and _heads(head, nav)) or _NOTAM_NUMBER.search(head):
        return _read_as_given(_upper(text))
    return None


# a table's row number, "| 1     | 40-12.0N  | 130-30.0E  |": an index, not the degrees of the position after it
_ROW_NUMBER = re.compile(r"(?m)(?:^|(?<=\|))[ \t]*\d{1,2}[ \t]*(?=\|)")


# a chat export's message head: "[09:58] kim.j: ", "[3:12 PM] Dana Whitfield: "
_CHAT_HEAD = re.compile(r"(?m)^[ \t]*\[[^\]\n]{1,24}\][ \t]*[\w.@' -]{1,30}:[ \t]*")


def _read_unheaded(text: str) -> Notice | None:
    """A warning pasted into a chat a line a message, each line behind its message's stamp and sender: read with the
    heads blanked, every offset kept."""
    heads = _CHAT_HEAD.findall(text, 0, 4000)
    if len(heads) < 3:
        return None
    notice = _read(unquoted(_CHAT_HEAD.sub(lambda m: " " * len(m.group()), text)))
    # (a chat that only names a warning's number, its talk about a launch, stays an article)
    return notice if notice is not None and (notice.areas or notice.cancels) else None


def _unruled(text: str) -> str:
    """``text`` with a table's borders and row numbers blanked, every offset kept."""
    return _ROW_NUMBER.sub(lambda m: " " * len(m.group()), text).replace("|", " ")


def _upper(text: str) -> str:
    """``text`` in upper case, letter for letter ("ß" kept, not made "SS"), so every offset holds."""
    upper = text.upper()
    return upper if len(upper) == len(text) else "".join(c.upper() if len(c.upper()) == 1 else c for c in text)


def _read_as_given(text: str) -> Notice | None:
    head = text[:600]
    notam = _NOTAM_NUMBER.search(head)
    nav = _NAV_NUMBER.search(head) or _NAV_HEADING.search(head)
    pasted = None if notam or (nav and (_mostly_upper(text) or _heads(text, nav))) else _pasted(text)
    if pasted:  # read only the warning: the page around it is navigation, not the notice's areas or times
        nav, begin, finish = pasted
        text = _only(text, begin, finish)
    if notam and len(_NOTAM_FIELDS.findall(text)) >= 3:
        notice = Notice("NOTAM", notam.group("number"), notam.span(), airspace=True)
        if notam.group("type") == "C" and notam.group("ref"):
            notice.cancels.append(f"NOTAM {notam.group('ref')}")
    elif nav and (pasted or _mostly_upper(text) or _heads(text, nav)):
        series = " ".join(nav.group("series").split()).upper()
        series = re.sub(r"\s+(?:NR|NO)\.?$", "", series)
        series = re.sub(r"\bNAV\.? WARN\.?$", "NAV WARNING", series)
        notice = Notice(series, nav.group("number"), nav.span(), airspace=bool(_AIRSPACE.search(text)))
        notice.cancels.extend(" ".join(m.group("ref").split()).upper() for m in _CANCEL.finditer(text))
    else:
        return None
    year = _notice_year(notice.number)
    notice.windows = find_windows(text, year)
    notice.expires = expiry(text, year)
    field_e = _NOTAM_E.search(text) if notice.series == "NOTAM" else None
    notice.areas, notice.problems = read_areas(text, *(field_e.span("body") if field_e else (0, len(text))))
    return notice


def _heads(text: str, nav: re.Match[str]) -> bool:
    """The warning number is the text's heading: its line begins with it (or with the issuer's name before it),
    within the first three lines that hold anything. An article quoting a warning number mentions it in a
    sentence, so an article is not taken for a notice."""
    line_start = text.rfind("\n", 0, nav.start()) + 1
    before = text[line_start:nav.start()].strip()
    if before and not re.fullmatch(r"(?i)(?:JAPAN\s+)?COAST\s+GUARD|" + _FIELD_LABEL, before):
        return False
    return sum(1 for line in text[:line_start].splitlines() if line.strip() and not _RULE.fullmatch(line)) < 3


# a table's or a form's field the number is the value of: "| No. | NAVIGATIONAL WARNING 0412/26 |" (its borders
# blanked), "Number: NAV WARNING 0412/26"; a table's ruled line ("|----|----|") is no line of text
_FIELD_LABEL = r"(?i:No|Nr|Number|Ref(?:erence)?|Notice|Warning\s+No)\.?\s*:?"
_RULE = re.compile(r"[\s\-=_+|:.]*")
# a launch reported in the text around a quoted warning: an article quoting it, not the warning passed on
_LAUNCH_REPORTED = re.compile(r"\b(?:launched|fired|test-fired|lifted\s+off|blasted\s+off)\b", re.IGNORECASE)
# a corner on a line of its own, after at most a label: "   N 41-05  E 138-20", "(2) 40-25.0N 135-05.0E"
_CORNER_LABEL = re.compile(r"[ \t]*(?:\(?[A-Ha-h1-9][.)]|[-*\u2022])?[ \t]*")


def _listed_corners(text: str, start: int) -> int:
    """How many of the dozen lines after ``start`` hold one position and nothing else (but a label)."""
    count = 0
    for line in re.finditer(r"[^\n]*", text[start : start + 1200]):
        at, end = start + line.start(), start + line.end()
        head = _CORNER_LABEL.match(text, at, end)
        found = find_positions(text, head.end() if head else at, end)
        if len(found) == 1 and not text[found[0].end : end].strip(" \t,.;"):
            count += 1
    return count


def _pasted(text: str) -> tuple[re.Match[str], int, int] | None:
    """A warning pasted from a web page with the page's text around it (menus, query lines, footers), or passed on
    in a message: the first of ``_warnings``, unless the text around it reports a launch (an article quoting the
    warning that announced it is an article)."""
    for nav, begin, finish in _warnings(text):
        if _LAUNCH_REPORTED.search(text[:begin] + "\n" + text[finish:]):
            return None
        return nav, begin, finish
    return None


def quoted_warnings(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` (an article) that quote a warning as broadcast: read for its areas by the notice
    reader, they report no launch of their own ('1. ROCKET LAUNCHING 181500Z TO 271500Z AUG 26' is its window)."""
    if _NAV_NUMBER.search(text, 0, 4000) is None:
        return []
    return [(begin, finish) for _, begin, finish in _warnings(text)]


def _warnings(text: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each warning set out in ``text``: its number heads a short line of its own (or a sentence passes it on
    above its corners, one per line), and corner positions follow within a few paragraphs. The match and the
    stretch of text the warning takes, from its number's line (or the date-time group above it) to the end of its
    last paragraph that holds a position or a cancellation."""
    for nav in _NAV_NUMBER.finditer(text, 0, 4000):
        line_start = text.rfind("\n", 0, nav.start()) + 1
        line_end = text.find("\n", nav.end())
        line_end = len(text) if line_end < 0 else line_end
        relayed = _listed_corners(text, line_end) >= 3  # "… has issued navigational warning No. 0788/26 …" over
        if (text[line_start:nav.start()].strip() or line_end - line_start > 80) and not relayed:  # its corners
            continue  # a sentence quoting the number, not the warning's heading
        above = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        begin = above if _DTG_LINE.fullmatch(text[above:line_start].strip()) else line_start
        finish, quiet = line_end, 0
        for para in re.finditer(r"(?s).+?(?:\n[ \t]*\n|\Z)", text[line_start:]):
            if find_positions(text, line_start + para.start(), line_start + para.end()) or _CANCEL_ANY.search(
                    para.group()):
                finish, quiet = line_start + para.end(), 0
            else:
                quiet += 1
                if quiet > 3:
                    break
        if len(find_positions(text, begin, finish)) >= 3 or _CANCEL.search(text, begin, finish):
            yield nav, begin, finish


def _only(text: str, begin: int, finish: int) -> str:
    """``text`` with everything outside [begin, finish) blanked, so offsets (and line numbers) still hold."""
    return re.sub(r"[^\n]", " ", text[:begin]) + text[begin:finish] + re.sub(r"[^\n]", " ", text[finish:])


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _notice_year(number: str) -> int | None:
    m = re.search(r"/(\d\d)", number)
    return 2000 + int(m.group(1)) if m else None


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset``, for 'FILE:LINE: message'."""
    return text.count("\n", 0, offset) + 1
