"""A notice lower-cased on its way (a chat or mail client, someone retyping it) is still the notice it was; an article
that names a warning in a sentence is still an article."""

from __future__ import annotations

from viewer.ingest.notices import read_notice

NAV = """navarea xi 0977/32
east china sea.
rocket launching.
0100z to 0400z daily 14 thru 16 mar 32
in areas bound by:
a. 30-10n 126-20e, 30-10n 126-50e, 29-40n 126-50e, 29-40n 126-20e.
b. 28-00n 127-00e, 28-00n 127-30e, 27-30n 127-30e, 27-30n 127-00e.
cancel this msg 161000z mar 32.
"""

NOTAM = """b0412/32 notamn
q) rjjj/qrdca/iv/bo/aw/000/999/2845n12715e999
a) rjjj b) 3203140100 c) 3203160400
e) airspace closed due to rocket launch within area:
2900n12640e-2900n12720e-2830n12720e-2830n12640e-2900n12640e
f) sfc g) unl
"""

ARTICLE = """Warning issued ahead of launch window

Tokyo, March 12, 2032

The coast guard relayed navarea xi 0977/32 to ships on Tuesday, naming two boxes east of Okinawa where debris
could fall. Fishermen said they would stay in port.
"""


def test_a_lower_cased_navigational_warning_is_read_with_its_areas_and_window():
    notice = read_notice(NAV)
    assert notice is not None
    assert notice.name == "NAVAREA XI 0977/32"
    assert len(notice.areas) == 2
    assert notice.windows
    assert not notice.problems
    start, end = notice.areas[0].span  # the citation is the text as given, lower case and all
    assert "30-10n 126-20e" in NAV[start:end]


def test_a_lower_cased_notam_is_read_as_airspace():
    notice = read_notice(NOTAM)
    assert notice is not None
    assert notice.series == "NOTAM"
    assert notice.airspace
    assert len(notice.areas) == 1


def test_an_article_naming_a_warning_in_a_sentence_stays_an_article():
    assert read_notice(ARTICLE) is None
