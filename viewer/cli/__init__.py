"""The `launchmap` command: with no subcommand it opens the GUI; subcommands run headless."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

from viewer.cli.errors import UsageError

# Each subcommand module offers add_arguments(parser) and run(args) -> exit code. Only the one asked for is
# imported: the others bring their own modules (convert every format's reader and writer, brief the briefing
# deck), some 40 modules that an export does not need.

SUBCOMMANDS = ("validate", "export", "brief", "ingest", "convert")
# numpy's OpenBLAS starts a thread for each further core when numpy is imported, and each spins waiting for work
# before it sleeps: 50-60 ms of CPU of every start and export on a loaded 2-core machine, taken from the GUI thread
# and the display server. launchmap makes no BLAS call (no matrix products, no linear algebra): one thread does.
BLAS_THREADS = "OPENBLAS_NUM_THREADS"


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault(BLAS_THREADS, "1")  # before numpy is imported; a user's own setting is kept
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    if command is None:
        # The window's start makes long-lived objects (some 500 modules, numpy, Qt's types, the map's data): the
        # cyclic collector scanned them over and over (~120 collections, 25-30 ms of CPU before the first frame)
        # and found nearly nothing. It runs again from the first frame on (viewer.qt.app), or when this returns.
        gc.disable()
    try:
        return _main(argv, command)
    finally:
        gc.enable()


def _main(argv: list[str], command: str | None) -> int:
    from viewer.io.bundle.articles import allowed_roots
    from viewer.model.problem import BundleError

    parser = _parser(command)
    args = parser.parse_args(argv[1:] if command else argv)
    run: Callable[[argparse.Namespace], int] = _subcommand(command).run if command else _open_gui
    try:
        with allowed_roots(getattr(args, "documents_root", None) or ()):  # what --documents-root allows
            return run(args)
    except BrokenPipeError:  # `launchmap validate … | head`: the reader has all it wanted; nothing more to say
        _quiet_stdout()
        return 141  # as a shell reports a command ended by SIGPIPE (128 + 13)
    except (BundleError, UsageError, OSError) as error:
        if args.debug:
            raise
        from viewer.wording import visible_controls

        print(f"launchmap: {visible_controls(str(error))}", file=sys.stderr)  # one line, whatever a name holds
        return 1
    except KeyboardInterrupt as interrupt:  # Ctrl+C: what it left, when the subcommand says (a write: the old file)
        print(f"launchmap: interrupted{f'; {interrupt}' if str(interrupt) else ''}", file=sys.stderr)
        return 130


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that Python's own flush of it at exit does not fail once more."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real stdout (an embedding host): nothing left to flush
        pass


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command:
        module = _subcommand(command)
        parser = argparse.ArgumentParser(prog=f"launchmap {command}", description=module.__doc__)
        module.add_arguments(parser)
    else:
        from viewer.cli.common import add_documents_root_argument

        parser = argparse.ArgumentParser(
            prog="launchmap",
            description="Open event bundles in the launchmap window. Subcommands: "
            + ", ".join(SUBCOMMANDS)
            + " (launchmap SUBCOMMAND --help).",
        )
        parser.add_argument("files", nargs="*", metavar="FILE", help="bundles to open (default: the sample)")
        parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
        add_documents_root_argument(parser)
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


class _Version(argparse.Action):
    """argparse's "version" action, the version read only when asked for (viewer.__version__ is read lazily)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from viewer import __version__

        print(f"launchmap {__version__}")  # to stdout, as argparse's own version action prints
        parser.exit()


def _subcommand(name: str) -> ModuleType:
    # Spelled out, not import_module(f"viewer.cli.{name}"), so that PyInstaller's analysis still finds them.
    if name == "validate":
        from viewer.cli import validate
        return validate
    if name == "export":
        from viewer.cli import export
        return export
    if name == "brief":
        from viewer.cli import brief
        return brief
    if name == "ingest":
        from viewer.cli import ingest
        return ingest
    if name == "convert":
        from viewer.cli import convert
        return convert
    raise KeyError(name)


def _open_gui(args: argparse.Namespace) -> int:
    from viewer.io.bundle.articles import allow_everywhere
    from viewer.qt.app import run_app  # Qt is loaded only when a window is wanted

    allow_everywhere(args.documents_root)  # the window reads files on worker threads
    return run_app(args.files)
