"""Members of a JSON value, for the generated-input tests that change one at a time: every place in a value as a path
of keys and indices (`places`), and one member replaced or deleted (`set_member`). Imported by name (`from
json_members import ...`)."""

from __future__ import annotations

from typing import Any


def places(data: Any, path: tuple = ()) -> list[tuple]:
    """Every member and item of a JSON value, as a path of keys and indices (the value itself first: ``()``)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += places(value, (*path, index))
    return found


def set_member(data: Any, path: tuple, value: Any, delete: bool) -> Any:
    """The member at ``path`` (not ``()``) of ``data`` given ``value``, or deleted when ``delete`` and it is an
    object's, in place; returns what holds it."""
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    if delete and isinstance(holder, dict):
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return holder
