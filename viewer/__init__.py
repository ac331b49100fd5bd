"""launchmap: a desktop map of missile and space launches that shows who reports what."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("launchmap")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"
