"""Reading and writing files: the bundle, and the formats launchmap imports and exports."""

from viewer.io.bundle_reader import read_bundle
from viewer.io.bundle_writer import bundle_to_dict, write_bundle

__all__ = ["bundle_to_dict", "read_bundle", "write_bundle"]
