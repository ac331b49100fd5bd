"""Issue 17, round 19: machine-translated reports that keep the source's word order, 'from' after the place ('<town>
vicinity from, ballistic missile 1 shot … launched'): the place is the launch site. Every story here was written for
the test."""

from __future__ import annotations

from story import drafted


def _site(draft) -> str | None:
    return next((f.place for f in draft.features if f.kind == "launch_site"), None)


def test_a_translation_with_from_after_the_place_gives_the_site():
    text = ("[Automatic translation. The original text is priority.]\n\n"
            "North Korea, ballistic missile 2 shot launched  East Sea fell\n\n"
            "Government according to, North Korea is today morning 6 hour 12 minute around, South Hamgyong\n"
            "Hamhung vicinity from, ballistic missile 2 shot to east direction launched. Missile is about\n"
            "350 kilometer flew, exclusive economic zone outside to fell it was estimated.\n")
    assert _site(drafted(text)) == "hamhung"
