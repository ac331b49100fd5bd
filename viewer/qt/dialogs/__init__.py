"""Dialogs of the map tools: the property sheet of a feature and adding one from typed coordinates."""
