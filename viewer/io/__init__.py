"""Reading and writing files. `load.open_path` opens any format launchmap reads; `formats` is the table of
formats (one package each); `bundle` is the native event bundle; `session` the session and autosave files;
`atomic` and `progress` what every reader and writer shares."""

from viewer.io.bundle import read_bundle
from viewer.io.bundle.writer import bundle_to_dict, write_bundle

__all__ = ["bundle_to_dict", "read_bundle", "write_bundle"]
