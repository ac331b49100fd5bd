"""launchmap's native format, the event bundle: GeoJSON with documents, events and citations as foreign members.

`reader` checks and anchors it (`BundleParser`), `writer` writes it back keeping every member; `json_source`
and `json_stream` turn bytes into JSON values with one message per way a file can be unreadable.
"""

from viewer.io.bundle.reader import BundleParser, read_bundle
from viewer.io.bundle.writer import bundle_to_dict, write_bundle

__all__ = ["BundleParser", "bundle_to_dict", "read_bundle", "write_bundle"]
