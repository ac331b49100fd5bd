"""Dockable panels around the map: the event tree, the timeline, search, the source text and the details."""
