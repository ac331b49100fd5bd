"""OCR's misreadings mended: letters for digits ("2O23"), digits for letters ("Ju1y"), "rn" for "m", a space
before a stop — each changed only into what the text itself, a month or a place name spells (see mend)."""

from __future__ import annotations

import re
from functools import lru_cache

Piece = tuple[int, int, str | None]  # (start, end, replacement), as in mend


# --- OCR's letters for digits, digits for letters, rn for m -------------------------------------------------

_NUMBER_TOKEN = re.compile(r"(?<![A-Za-z0-9])[0-9OlI]*[0-9][0-9OlI]*[OlI][0-9OlI]*(?![A-Za-z0-9])"
                           r"|(?<![A-Za-z0-9])[OlI]+[0-9][0-9OlI]*(?![A-Za-z0-9])")
_LETTER_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z01]*[A-Za-z][A-Za-z01]*(?![A-Za-z0-9])")
_RN_WORD = re.compile(r"\b[A-Za-z]*rn[A-Za-z]*\b")
_KNOWN = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "km", "from",
    "missile", "missiles", "military", "mission", "came", "home", "time", "some", "more", "system", "same",
    "admitted", "submarine", "launched", "maximum", "minutes", "command", "made", "name", "named", "image",
    "imagery", "informed", "formed", "mobile", "medium", "emergency", "ministry", "programme", "program",
})  # fmt: skip


def ocr_words(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    if re.search(r"[0-9][OlI]|[OlI][0-9]", text):
        for m in _NUMBER_TOKEN.finditer(text):
            token = m.group()
            if sum(c.isdigit() for c in token) >= 2 or len(token) >= 3:
                pieces.append((m.start(), m.end(), token.translate(_TO_DIGITS)))
    if re.search(r"[A-Za-z][01]|[01][A-Za-z]", text):
        for m in _LETTER_TOKEN.finditer(text):
            token = m.group()
            if ("0" in token or "1" in token) and _reads_as_word(token):
                pieces.append((m.start(), m.end(), _as_letters(token)))
    if "rn" in text:
        words = None
        for m in _RN_WORD.finditer(text):
            word = m.group()
            if word.lower() in _KNOWN:
                continue
            if words is None:
                words = _vocabulary(text)
            mended = _rn_to_m(word, words, once=word.lower() not in words)
            if mended is not None:
                pieces.append((m.start(), m.end(), mended))
    pieces.extend((m.start(), m.end(), "") for m in _SPACE_BEFORE_STOP.finditer(text))
    pieces.sort()
    kept: list[Piece] = []
    for piece in pieces:  # one edit per place
        if not kept or piece[0] >= kept[-1][1]:
            kept.append(piece)
    return kept


_SPACE_BEFORE_STOP = re.compile(r"(?<=[A-Za-z0-9]) (?=[,.;](?:[ \t]|$))", re.MULTILINE)  # OCR's "Friday , sending"
_TO_DIGITS = str.maketrans({"O": "0", "l": "1", "I": "1"})


def _reads_as_word(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    digits = len(token) - letters
    # not a number's ordinal ("1st"), a name with its number ("heldout10", "Group1")
    return (letters >= 2 and letters >= 2 * digits and not re.search(r"[01]{2,}", token)
            and not token.endswith("1") and re.fullmatch(r"1(?:st|ST)", token) is None)


def _as_letters(token: str) -> str:
    upper = sum(c.isupper() for c in token) > sum(c.islower() for c in token)
    out = []
    for i, c in enumerate(token):
        if c in "01":
            if upper:
                c = "O" if c == "0" else "I"
            elif i == 0 and len(token) > 1 and token[1:].replace("0", "o").replace("1", "l").islower():
                c = "O" if c == "0" else "L"
            else:
                c = "o" if c == "0" else "l"
        out.append(c)
    return "".join(out)


def _vocabulary(text: str) -> frozenset[str]:
    counts: dict[str, int] = {}
    for w in re.findall(r"[A-Za-z]{2,}", text):
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
    return frozenset(w for w, n in counts.items() if n >= 2 or "rn" not in w)


def _rn_to_m(word: str, words: frozenset[str], once: bool) -> str | None:
    """The word with one 'rn' read as 'm', when a month, a place or the known words spell that, or the text does
    and writes the 'rn' form only once; None if none."""
    for m in re.finditer("rn", word):
        candidate = word[: m.start()] + "m" + word[m.end():]
        if candidate.lower() in _KNOWN or candidate.lower() in _place_words() or (once and candidate.lower() in words):
            return candidate
    return None


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    from viewer.geo.gazetteer import load_places

    names: set[str] = set()
    for place in load_places():
        for name in (place.name, *getattr(place, "aliases", ())):
            names.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", str(name)))
    return frozenset(names)
