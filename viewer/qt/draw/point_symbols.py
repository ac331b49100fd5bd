"""Launch sites, impact points and reference places drawn as symbols of a fixed screen size, a group of each look;
beside a large layer, the groups a newly opened file does not touch are kept as made."""

from __future__ import annotations

import numpy as np

from viewer.model.kinds import kind_style
from viewer.qt.draw.features import Look, Shown
from viewer.qt.draw.symbols import Symbols
from viewer.symbology import APPROXIMATE_DASH, DRAFT_COLOUR, DRAFT_DASH


def point_symbols(shown: Shown, before: Shown | None = None,
                  made: dict[Look, Symbols] | None = None) -> list[Symbols]:
    """Launch sites, impact points and reference places as symbols of a fixed screen size, a group of each look
    (`Symbols.look`). ``made``: the groups made for ``before``, the features shown before; when these are those
    and others after them (a file opened beside), a look none of the others has keeps its group as made (a million
    points' were gathered again for a 3-point file)."""
    kept = _groups_kept(shown, before, made or {})
    if not kept:
        return _point_groups(shown, shown.groups())
    keys, grouped = shown.group_codes()
    fresh = {key: np.flatnonzero(grouped == number) for number, key in enumerate(keys) if key not in kept}
    made_now = {symbols.look: symbols for symbols in _point_groups(shown, fresh)}
    drawn = [kept.get(key) or made_now.get(key) for key in keys]
    # (in `groups`' order: a launch's drawn over other files')
    return sorted((group for group in drawn if group is not None), key=lambda group: group.of_launch)


def _groups_kept(shown: Shown, before: Shown | None,
                 made: dict[Look, Symbols]) -> dict[Look, Symbols]:
    """The groups of ``made`` (for ``before``) that stay as they are for ``shown``: one's features are the first of
    the other's (a file opened beside, or the last one closed), with the same looks, and none of the features past
    those has that look."""
    if not made or before is None or before.cache is not shown.cache or before.kind != shown.kind \
            or len(before) == len(shown):
        return {}
    count = min(len(before), len(shown))
    # the same geometry objects (held by both): the same rows (the rows of ``before`` asked again searched them all)
    if not count or not np.array_equal(before.keys[:count], shown.keys[:count]):
        return {}
    keys, grouped = shown.group_codes()
    keys_before, grouped_before = before.group_codes()
    number = {key: at for at, key in enumerate(keys)}
    remap = np.array([number.get(key, -1) for key in keys_before], dtype=np.int32)
    if not len(remap) or not np.array_equal(remap[grouped_before[:count]], grouped[:count]):
        return {}
    # (counted, not np.unique: its first call imports numpy.ma, ~30-100 ms)
    later = {keys[at] for at in np.flatnonzero(np.bincount(grouped[count:], minlength=len(keys))).tolist()} | \
        {keys_before[at] for at in np.flatnonzero(np.bincount(grouped_before[count:],
                                                               minlength=len(keys_before))).tolist()}
    return {key: made[key] for key in keys if key not in later and key in made}


def _point_groups(shown: Shown, groups: dict[Look, np.ndarray]) -> list[Symbols]:
    style = kind_style(shown.kind)
    made: list[Symbols] = []
    if not groups:
        return made
    everyone = len(shown)
    every = len(groups) == 1 and len(next(iter(groups.values()))) == everyone
    members = None if every else np.concatenate(list(groups.values()))
    if members is not None and 4 * len(members) < everyone:  # a few new ones: their rows alone are asked for
        xy_all = shown.cache.xy_of(shown.cache.rows_of_geometries(shown.geometries[members]))
    else:
        xy_all = shown.cache.xy_of(shown.rows if members is None else shown.rows[members])
    at = 0
    for look, members in groups.items():
        colour, certainty, draft, paint = look
        # x and y apart, and a layer of one look not copied first (a million points' (n, 2) passes took ~0.3 s)
        x, y = (xy_all[:, 0], xy_all[:, 1]) if every else (xy_all[at:at + len(members), 0],
                                                           xy_all[at:at + len(members), 1])
        at += len(members)
        shown_here = ~(np.isnan(x) | np.isnan(y))
        if not shown_here.all():
            x, y = x[shown_here], y[shown_here]
        if len(x):
            # Symbols stay opaque (a faded marker reads as another colour where sites overlap);
            # approximate positions get a dashed dark outline instead.
            approximate = certainty == "approximate"
            outline, dash, width = ("#333333", APPROXIMATE_DASH, 1.2) if approximate else ("#FFFFFF", (), 1.2)
            if draft:
                outline, dash, width = DRAFT_COLOUR, DRAFT_DASH, 2.2
            size = style.symbol_size
            if paint is not None:  # the file's own look (a KML's IconStyle colour and scale) over the layer's
                colour, size = paint.marker or colour, size * paint.marker_scale
            made.append(Symbols(np.ascontiguousarray(x), np.ascontiguousarray(y), style.symbol,
                                size, colour, outline=outline, outline_width=width, outline_dash=dash,
                                look=look, of_launch=bool(shown.features[int(members[0])].event)))
    return made
