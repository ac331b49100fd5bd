"""Draft a bundle from article text (.txt, .md, .html) and official notices (NAVAREA, HYDROPAC, NOTAM): the launch
each reports, its site, path, warning areas and danger zones, times and claims, every feature citing the words it
came from, for review in the window. With --into, drafts join the known launches of existing bundles."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", metavar="DIR_OR_FILE", help="article and notice files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.geojson", help="the draft bundle to write")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the articles' date, for articles that state none ('Thursday' is resolved against it)")
    parser.add_argument("--into", action="append", default=[], metavar="BUNDLE",
                        help="merge the drafts into this bundle's known launches (repeatable); OUT then holds both")
    parser.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="processes to draft with (default: all cores for 200 documents or more, else 1)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="draft on the Dask cluster at ADDRESS (tcp://host:8786); needs launchmap[scale]")


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError
    from viewer.ingest import article_paths, ingest_articles, read_files
    from viewer.io.bundle.writer import write_bundle

    output = Path(args.output)
    if output.suffix.lower() not in (".geojson", ".json"):
        raise UsageError(f"{output}: the draft bundle must be a .geojson file")
    if not output.parent.is_dir():
        raise UsageError(f"{output}: folder {output.parent} does not exist")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: expected 1 or more")
    published = None
    if args.date:
        try:
            published = date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date {args.date!r}: expected YYYY-MM-DD") from None
    files = article_paths(args.articles)
    if not files:
        raise UsageError(f"{', '.join(args.articles)}: no articles or notices (.txt, .md, .html) found")
    known = _known(args.into)
    problems: list[str] = []  # a file that is not text is left out and said, the others drafted
    articles = read_files(files, published, problems)
    if not articles:
        raise UsageError("; ".join(problems))
    if args.dask:
        try:
            import distributed  # noqa: F401 - only to say clearly when the extra is missing
        except ImportError:
            raise UsageError("--dask: Dask is not installed (pip install 'launchmap[scale]')") from None
    try:
        bundle = ingest_articles(articles, base=output.parent, problems=problems, jobs=args.jobs, dask=args.dask)
    except OSError as error:  # a scheduler that cannot be reached
        raise UsageError(f"--dask {args.dask}: {error}") from None
    drafted, features = len(bundle.events), len(bundle.features)
    documents = len(bundle.documents)
    quiet = documents - len(_reporting(bundle))
    if known:
        from viewer.ingest.merge import merge_draft

        bundle, report = merge_draft(known, bundle)
        _inline_moved_documents(bundle, known, output.parent)
        for line in report.lines():
            print(f"{output}: {line}")
    write_bundle(bundle, output)
    print(f"{output}: {drafted} launch{'es' if drafted != 1 else ''} and {features} draft features from {documents} "
          f"document{'s' if documents != 1 else ''}" + (f" ({quiet} reporting no launch)" if quiet else ""))
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


def _known(paths: list[str]):
    from viewer.io.bundle.reader import read_bundle

    return [read_bundle(path)[0] for path in paths]


def _inline_moved_documents(bundle, known, folder: Path) -> None:
    """Documents of a known bundle kept beside it by path travel inline when the output is written elsewhere."""
    for source in known:
        if source.path is None or source.path.parent.resolve() == folder.resolve():
            continue
        for doc_id in source.documents:
            document = bundle.documents.get(doc_id)
            if document is not None and document.path and document.text is not None:
                document.path, document.sha256, document.text_inline = None, None, True


def _reporting(bundle) -> set[str]:
    """Documents that something drafted cites: those that report a launch."""
    cited = {c.document for f in bundle.features.values() for c in f.all_citations}
    return cited | {c.document for e in bundle.events.values() for claim in e.claims for c in claim.citations}
