"""launchmap: a desktop map of missile and space launches that shows who reports what."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the installed package's metadata when first asked for (`--version`, About, a
    # GeoPackage's generator): importlib.metadata brings email and zipfile, ~35 ms of every start otherwise.
    if name != "__version__":
        raise AttributeError(f"module 'viewer' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("launchmap")
    except PackageNotFoundError:  # a checkout that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
