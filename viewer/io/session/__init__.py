"""Sessions: what is open and how it is shown (`file`), and the autosave that brings it back after a crash
(`autosave`)."""

from viewer.io.session.autosave import (
    AUTOSAVE_PREFIX,
    Autosave,
    autosave_path,
    discard_autosave,
    forget_autosave,
    recoverable_autosaves,
    state_folder,
    write_autosave,
)
from viewer.io.session.file import (
    FORMAT_KEY,
    FORMAT_VERSION,
    SESSION_SUFFIX,
    Session,
    load_session,
    save_session,
    session_to_dict,
)

__all__ = [
    "AUTOSAVE_PREFIX", "FORMAT_KEY", "FORMAT_VERSION", "SESSION_SUFFIX", "Autosave", "Session", "autosave_path",
    "discard_autosave", "forget_autosave", "load_session", "recoverable_autosaves", "save_session",
    "session_to_dict", "state_folder", "write_autosave",
]
