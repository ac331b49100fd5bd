"""Same text, other wrapping: ingest every corpus text as given and again under form-preserving transforms (line
ends, byte encodings, re-wrapping, reply quoting, an HTML page, Unicode variants, tabs, trailing blanks, a
forwarding header, boilerplate at the foot), all in memory, and print how far each transform's draft agrees with
the draft of the text as given, per field. Nothing is written anywhere.

`.venv/bin/python tools/perturb_corpus.py [SET ...] [--transforms NAME ...] [--jobs N] [--differences]`

Each cell is `agreeing / drafted under the transform / drafted as given` summed over the texts (launches paired as
the scorer pairs them with its truth); `citations bad` counts the draft citations whose quote is not the
document's text at their offsets (checked under every transform).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import textwrap
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.ingest import ingest_articles  # after the checkout is on the path
from viewer.ingest.article import FEED_SUFFIXES, HTML_SUFFIXES, ArticleError, article_from_bytes
from viewer.ingest.corpus_score import DraftedLaunch, _best_pairing, drafted_launches
from viewer.ingest.feed_item import looks_like_feed
from viewer.model.bundle import Bundle

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "ingest_corpus"
FIELDS = ("launch", "site", "date", "time", "direction", "outcome", "warning_areas", "published", "notice areas",
          "notice windows")
Form = tuple[bytes, str] | None  # a file's bytes and suffix under a transform; None: the transform does not apply
Transform = Callable[[str, str], Form]


def _text_only(transform: Callable[[str], str]) -> Transform:
    """A transform of plain text (.txt, .md): a page or a feed is left out (its markup is not the text)."""

    def apply(text: str, suffix: str) -> Form:
        markup = suffix in HTML_SUFFIXES | FEED_SUFFIXES or looks_like_feed(text)
        return None if markup else (transform(text).encode("utf-8"), suffix)

    return apply


def _any_file(transform: Callable[[str], str]) -> Transform:
    return lambda text, suffix: (transform(text).encode("utf-8"), suffix)


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _cp1252(text: str, suffix: str) -> Form:
    try:
        return text.encode("cp1252"), suffix
    except UnicodeEncodeError:  # a character Windows-1252 has no byte for: no such file can exist
        return None


def _rewrap(text: str) -> str:
    out = []
    for line in _lines(text):
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(textwrap.wrap(line, 60, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
                   if len(line) > 60 else [line])
    return "\n".join(out)


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in _lines(text))


_CURLY = str.maketrans({"\u201c": "&ldquo;", "\u201d": "&rdquo;", "\u2018": "&lsquo;", "\u2019": "&rsquo;"})


def _html_page(text: str, suffix: str) -> Form:
    if suffix in HTML_SUFFIXES | FEED_SUFFIXES or looks_like_feed(text):
        return None
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", "\n".join(_lines(text))) if p.strip()]

    def escaped(part: str) -> str:
        return html.escape(part, quote=False).translate(_CURLY)

    title = escaped(paragraphs[0].split("\n")[0].strip()) if paragraphs else ""
    body = "\n".join("<p>" + "<br>\n".join(escaped(line) for line in p.split("\n")) + "</p>" for p in paragraphs)
    page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            f"<body>\n{body}\n</body>\n</html>\n")
    return page.encode("utf-8"), ".html"


def _curly_quotes(text: str) -> str:
    text = re.sub(r"(?<=\w)'", "\u2019", text)
    text = re.sub(r"'(?=\w)", "\u2018", text)
    text = re.sub(r'(?:(?<=^)|(?<=[\s(\[]))"', "\u201c", text, flags=re.MULTILINE)
    return text.replace('"', "\u201d")


def _spaces(text: str) -> str:
    text = re.sub(r"(?<=\d) (?=(?:a\.m\.|p\.m\.|am\b|pm\b))", "\u202f", text, flags=re.IGNORECASE)
    # "100 km", "Oct 3", "Oct. 3"
    return re.sub(r"(?<=\d) (?=[A-Za-z])|(?<=\b[A-Z][a-z]{2}) (?=\d)|(?<=\b[A-Z][a-z]{2}\.) (?=\d)", "\u00a0", text)


def _dashes(text: str) -> str:
    return re.sub(r"(?<=\S) - (?=\S)", " \u2013 ", text.replace(" -- ", " \u2014 "))


def _invisibles(text: str) -> str:
    text = re.sub(r"\b([A-Za-z]{5})([a-z]{5,})", "\\1\u00ad\\2", text)  # soft hyphens inside long words
    return re.sub(r"(?<=[a-z,.]) (?=[A-Za-z])", " \u200b", text, count=0)  # a zero-width space after spaces


_FULL_WIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, ":": "\uff1a"})


def _full_width(text: str) -> str:
    return re.sub(r"\d+(?::\d+)*", lambda m: m.group().translate(_FULL_WIDTH), text)


def _tabs(text: str) -> str:
    return text.replace(" ", "\t")


def _trailing(text: str) -> str:
    return "\n".join(line + "  \t " if line else line for line in _lines(text))


FORWARD = ("---------- Forwarded message ---------\nFrom: Desk Editor <desk@newsroom.invalid>\n"
           "Date: Mon, Dec 7, 2026 at 9:14 AM\nSubject: Fwd: worth a read\n"
           "To: Watch Team <watch@newsroom.invalid>\n\n")
BOILERPLATE = ("\n\nWe use cookies to give you the best experience on our site. By continuing to browse you agree to "
               "our use of cookies. Manage your preferences in Settings.\n\nRead more: Seoul apartment prices edge up "
               "for a third month | Read more: Heatwave advisories issued for southern provinces | Read more: Ferry "
               "timetables change for the winter season\n")

TRANSFORMS: dict[str, Transform] = {
    "identity": lambda text, suffix: (text.encode("utf-8"), suffix),
    "crlf": _any_file(lambda t: "\r\n".join(_lines(t))),
    "cr": _any_file(lambda t: "\r".join(_lines(t))),
    "utf8-bom": lambda text, suffix: (("\ufeff" + text.lstrip("\ufeff")).encode("utf-8"), suffix),
    "utf16-bom": lambda text, suffix: (text.lstrip("\ufeff").encode("utf-16"), suffix),
    "cp1252": _cp1252,
    "rewrap60": _text_only(_rewrap),
    "quoted": _text_only(_quoted),
    "html-page": _html_page,
    "curly-quotes": _text_only(_curly_quotes),
    "nbsp": _text_only(_spaces),
    "dashes": _text_only(_dashes),
    "invisibles": _text_only(_invisibles),
    "full-width": _text_only(_full_width),
    "tabs": _text_only(_tabs),
    "trailing": _any_file(_trailing),
    "forwarded": _text_only(lambda t: FORWARD + t),
    "boilerplate": _text_only(lambda t: t.rstrip() + BOILERPLATE),
}


@dataclass
class Drafted:
    """What one text's draft says, field by field, and how many of its citations do not quote their offsets."""

    launches: list[DraftedLaunch] = field(default_factory=list)
    published: str | None = None
    areas: list[tuple[str, str]] = field(default_factory=list)  # a notice's drafted areas (kind, corners)
    windows: list[str] = field(default_factory=list)
    citations: int = 0
    bad_citations: list[str] = field(default_factory=list)


def drafted(data: bytes, name: str) -> Drafted | str:
    """The draft of a file's bytes read under ``name``, or the one-line reason it was not read."""
    try:
        article = article_from_bytes(data, Path(name), "doc")
    except ArticleError as error:
        return str(error)
    bundle = ingest_articles([article])
    out = Drafted(drafted_launches(bundle))
    document = next(iter(bundle.documents.values()))
    out.published = document.published
    for feature in bundle.features.values():
        if feature.kind in ("danger_zone", "warning_area") and feature.geometry is not None and not \
                feature.properties.get("place"):
            out.areas.append((feature.kind, _rounded(feature.geometry.wkt)))
    out.areas.sort()
    for event in bundle.events.values():
        out.windows.extend(f"{w}" for w in event.extra.get("notified_windows") or [])
    _check_citations(bundle, out)
    return out


def _rounded(wkt: str) -> str:
    return re.sub(r"-?\d+\.\d+", lambda m: f"{float(m.group()):.3f}", wkt)


def _check_citations(bundle: Bundle, out: Drafted) -> None:
    texts = {d.id: d.text or "" for d in bundle.documents.values()}
    citations = [c for f in bundle.features.values() for c in f.all_citations]
    citations += [c for e in bundle.events.values() for claim in e.claims for c in claim.citations]
    for citation in citations:
        out.citations += 1
        if texts.get(citation.document, "")[citation.start : citation.end] != citation.exact:
            out.bad_citations.append(f"{citation.start}-{citation.end} quotes {citation.exact[:40]!r}")


@dataclass
class Tally:
    agree: int = 0
    drafted: int = 0
    given: int = 0

    def add(self, agree: int, drafted: int, given: int) -> None:
        self.agree, self.drafted, self.given = self.agree + agree, self.drafted + drafted, self.given + given


def _same_site(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    return a is not None and b is not None and abs(a[0] - b[0]) < 0.01 and abs(a[1] - b[1]) < 0.01


def _values(launch: DraftedLaunch) -> dict[str, object]:
    return {"site": launch.site, "date": launch.date, "time": launch.time, "direction": launch.bearing,
            "outcome": launch.outcome}


def _agrees(key: str, a: object, b: object) -> bool:
    if key == "site":
        return _same_site(a, b)  # type: ignore[arg-type]
    if key == "direction":
        return abs((float(a) - float(b) + 180) % 360 - 180) <= 1  # type: ignore[arg-type]
    return a == b


def compare(given: Drafted, other: Drafted) -> dict[str, tuple[int, int, int]]:
    """Per field: (agreeing, drafted under the transform, drafted as given)."""
    like = [[sum(v is not None and _agrees(k, v, _values(g)[k]) for k, v in _values(o).items() if _values(g)[k]
                 is not None) + len(o.warning_areas & g.warning_areas) - 1e-6 * abs(i - j)
             for j, g in enumerate(given.launches)] for i, o in enumerate(other.launches)]
    pairs = _best_pairing(like, len(other.launches), len(given.launches))
    result = {"launch": (len(pairs), len(other.launches), len(given.launches))}
    for key in ("site", "date", "time", "direction", "outcome"):
        drafted_n = sum(_values(o)[key] is not None for o in other.launches)
        given_n = sum(_values(g)[key] is not None for g in given.launches)
        agree = sum(1 for i, j in pairs.items() if _values(other.launches[i])[key] is not None
                    and _values(given.launches[j])[key] is not None
                    and _agrees(key, _values(other.launches[i])[key], _values(given.launches[j])[key]))
        result[key] = (agree, drafted_n, given_n)
    result["warning_areas"] = (sum(len(other.launches[i].warning_areas & given.launches[j].warning_areas)
                                   for i, j in pairs.items()),
                               sum(len(o.warning_areas) for o in other.launches),
                               sum(len(g.warning_areas) for g in given.launches))
    result["published"] = (int(other.published is not None and other.published == given.published),
                           int(other.published is not None), int(given.published is not None))
    result["notice areas"] = (len(set(other.areas) & set(given.areas)), len(other.areas), len(given.areas))
    result["notice windows"] = (len(set(other.windows) & set(given.windows)), len(other.windows), len(given.windows))
    return result


def run_file(job: tuple[Path, tuple[str, ...]]) -> tuple[str, dict[str, tuple[dict[str, tuple[int, int, int]] | None,
                                                                              list[str]]]]:
    """One corpus file under every transform: its comparison with the text as given, and what went wrong."""
    path, names = job
    data = path.read_bytes()
    text = data.decode("utf-8")
    given = drafted(data, path.name)
    out: dict[str, tuple[dict[str, tuple[int, int, int]] | None, list[str]]] = {}
    for name in names:
        form = TRANSFORMS[name](text, path.suffix.lower())
        if form is None:
            out[name] = (None, [])
            continue
        other = drafted(form[0], path.stem + form[1])
        if isinstance(given, str):
            out[name] = ({}, [f"not read as given: {given}"])
        elif isinstance(other, str):  # read as given, not under the transform: everything drafted is lost
            out[name] = (compare(given, Drafted()), [f"not read: {other}"])
        else:
            out[name] = (compare(given, other), [f"citation {b}" for b in other.bad_citations])
    return str(path.relative_to(CORPUS) if path.is_relative_to(CORPUS) else path), out


def corpus_files(sets: list[Path]) -> list[Path]:
    files = []
    for folder in sets:
        for kind in ("articles", "notices"):
            if (folder / kind).is_dir():
                files.extend(sorted(p for p in (folder / kind).iterdir()
                                    if p.is_file() and p.name != "truth.json" and not p.name.startswith(".")))
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", type=Path, nargs="*", help="corpus folders (default: the corpus and every set in it)")
    parser.add_argument("--transforms", nargs="+", choices=[n for n in TRANSFORMS if n != "identity"])
    parser.add_argument("--jobs", type=int, default=1, help="processes (each drafts whole files)")
    parser.add_argument("--differences", action="store_true", help="list each text whose draft differs, per field")
    args = parser.parse_args()
    sets = args.sets or [CORPUS, *sorted((p for p in CORPUS.iterdir() if p.is_dir() and (p / "articles").is_dir()),
                                         key=_natural)]
    names = tuple(args.transforms or [n for n in TRANSFORMS if n != "identity"])
    jobs = [(path, names) for path in corpus_files(sets)]
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run_file, jobs, chunksize=4))
    else:
        results = [run_file(job) for job in jobs]
    print(f"{len(jobs)} texts of {len(sets)} sets; cells: agreeing / drafted under the transform / drafted as given")
    print("\n".join(table(results, names)))
    if args.differences:
        for name in names:
            for line in differences(results, name):
                print(f"  {name}: {line}")
    return 0


def _natural(path: Path) -> list[object]:
    """heldout2 before heldout10."""
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.name)]


def table(results: list, names: tuple[str, ...]) -> list[str]:
    lines = ["| transform | texts | " + " | ".join(FIELDS) + " | not read | citations bad |",
             "|---" * (len(FIELDS) + 4) + "|"]
    for name in names:
        tallies = {key: Tally() for key in FIELDS}
        texts = bad = unread = 0
        for _, per in results:
            scores, problems = per[name]
            if scores is None:
                continue
            texts += 1
            unread += sum(p.startswith("not read") for p in problems)
            bad += sum(p.startswith("citation") for p in problems)
            for key, counts in scores.items():
                tallies[key].add(*counts)
        cells = [_cell(tallies[key]) for key in FIELDS]
        lines.append(f"| {name} | {texts} | " + " | ".join(cells) + f" | {unread} | {bad} |")
    return lines


def _cell(tally: Tally) -> str:
    if tally.agree == tally.drafted == tally.given:
        return f"{tally.agree}" if tally.given else "-"
    return f"{tally.agree} / {tally.drafted} / {tally.given}"


def differences(results: list, name: str) -> list[str]:
    lines = []
    for path, per in results:
        scores, problems = per[name]
        if scores is None:
            continue
        differing = [f"{key} {a}/{d}/{g}" for key, (a, d, g) in scores.items() if not a == d == g]
        if differing or problems:
            lines.append(f"{path}: " + ", ".join(differing + problems[:3]))
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
