"""Issue 17, round 16: statements that list launches by their days ('condemned the ballistic missile launches
conducted by the DPRK on 9 July, 19 July, 3 August and 24 August'), each day a launch of its own, each of the kind its
own clause names; a statement that names no day drafts nothing. Every statement here was written for the test."""

from __future__ import annotations

from datetime import date

from story import drafted, read

from viewer.ingest import draft_article


def _launches(text: str) -> dict[date | None, bool]:
    draft = drafted(text)
    return {d.date: d.space for d in (draft, *draft.others)}


def test_each_day_a_statement_lists_for_its_launches_is_a_launch():
    text = ("Council Press Statement on Launches by the Democratic People's Republic of Korea\n\n3 September 2030\n\n"
            "The members of the Council strongly condemned the ballistic missile launches conducted by the "
            "Democratic People's Republic of Korea on 2 July, 16 July, 5 August and 1 September 2030.\n\n"
            "The members of the Council expressed serious concern that such launches continue.\n")
    assert set(_launches(text)) == {date(2030, 7, 2), date(2030, 7, 16), date(2030, 8, 5), date(2030, 9, 1)}


def test_a_statement_names_the_kind_of_each_launch_in_its_own_clause():
    text = ("Foreign Ministers' Statement on North Korea\n\n20 May 2031\n\n"
            "We, the foreign ministers of Canada, France, Italy and Japan, condemn in the strongest terms North "
            "Korea's launch on 18 May of an intercontinental-range ballistic missile.\n\n"
            "This launch follows the launch on 21 April of a so-called military reconnaissance satellite, and the "
            "ICBM launches of 13 February and 12 March this year.\n")
    launches = _launches(text)
    assert launches == {date(2031, 5, 18): False, date(2031, 4, 21): True, date(2031, 2, 13): False,
                        date(2031, 3, 12): False}


def test_launches_recalled_with_no_day_are_not_launch_reports():
    text = ("Statement by the Spokesperson on the renewal of sanctions\n\n14 April 2031\n\n"
            "The Council renewed today the mandate of its panel of experts. The ballistic missile launches of the "
            "Democratic People's Republic of Korea this year, and its launches of 2017, violate its resolutions.\n")
    assert draft_article(read(text)) is None


def test_a_rocket_launched_before_sohae_was_built_is_not_placed_there():
    text = ("TOKYO, April 5, 2029 (Wire) - North Korea launched a long-range rocket carrying what it called an "
            "observation satellite on Sunday, defying warnings from Washington and Tokyo, Japan's defence "
            "ministry said.\n\n"
            "North Korea last fired a long-range rocket on July 5, 2006; it failed less than a minute into its "
            "flight.\n")
    draft = drafted(text)
    earlier = next(d for d in draft.others if d.date == date(2006, 7, 5))
    assert not [f for f in earlier.features if f.kind == "launch_site"]
