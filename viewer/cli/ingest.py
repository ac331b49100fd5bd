"""Draft a bundle from article text (.txt, .md, .html): the launch each article reports, its site, path, warning
and danger areas, times and claims, every feature citing the words it came from, for review in the window."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files or folders of them")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.geojson", help="the draft bundle to write")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the articles' date, for articles that state none ('Thursday' is resolved against it)")


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError
    from viewer.ingest import ArticleError, article_paths, ingest_files
    from viewer.io.bundle.writer import write_bundle

    output = Path(args.output)
    if output.suffix.lower() not in (".geojson", ".json"):
        raise UsageError(f"{output}: the draft bundle must be a .geojson file")
    if not output.parent.is_dir():
        raise UsageError(f"{output}: folder {output.parent} does not exist")
    published = None
    if args.date:
        try:
            published = date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r}: expected YYYY-MM-DD") from None
    files = article_paths(args.articles)
    if not files:
        raise UsageError(f"{', '.join(args.articles)}: no articles (.txt, .md, .html) found")
    try:
        bundle = ingest_files(files, base=output.parent, published=published)
    except ArticleError as error:
        raise UsageError(str(error)) from None
    write_bundle(bundle, output)
    launches = len(bundle.events)
    quiet = len(bundle.documents) - len(_reporting(bundle))
    print(f"{output}: {launches} launch{'es' if launches != 1 else ''} and {len(bundle.features)} draft features "
          f"from {len(bundle.documents)} article{'s' if len(bundle.documents) != 1 else ''}"
          + (f" ({quiet} reporting no launch)" if quiet else ""))
    return 0


def _reporting(bundle) -> set[str]:
    """Documents that something drafted cites: those that report a launch."""
    cited = {c.document for f in bundle.features.values() for c in f.all_citations}
    return cited | {c.document for e in bundle.events.values() for claim in e.claims for c in claim.citations}
