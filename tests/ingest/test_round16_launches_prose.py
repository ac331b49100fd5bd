"""Issue 17, round 16: launches told in running prose — hand-wrapped text whose lines break inside a name, launches
told one per sentence with a verb of departure, statements that list their launches by day. Every story here was
written for the test."""

from __future__ import annotations

from story import drafted

from viewer.ingest.launch import detect_launch
from viewer.ingest.sentences import split_sentences


def _lines_of(width: int, words: str) -> str:
    """``words`` wrapped by hand at ``width`` characters, as a pasted statement or a PDF's text is."""
    lines, line = [], ""
    for word in words.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def test_a_hand_wrapped_line_that_breaks_before_a_capital_goes_on_with_the_next():
    prose = ("We, the foreign ministers of the five governments, and the high representative of the union, condemn "
             "in the strongest terms North Korea's launch on 18 May of an intercontinental-range ballistic missile. "
             "This launch follows the launch of a military reconnaissance satellite in April and breaks resolutions "
             "of the Security Council once again, as every one of its launches this year has done.")
    text = _lines_of(70, prose)
    assert "terms North\nKorea's" in text  # the line breaks inside the name
    sentences = split_sentences(text)
    first = text[sentences[0].start : sentences[0].end].replace("\n", " ")
    assert first == prose[: prose.index("missile.") + len("missile.")]
    assert len({s.paragraph for s in sentences}) == 1


def test_north_koreas_launch_is_reported_by_a_statement_of_other_governments():
    text = ("We, the foreign ministers of Canada, France, Japan and the United States, condemn in the strongest "
            "terms North Korea's launch on 18 May of an intercontinental-range ballistic missile.\n")
    assert detect_launch(text, split_sentences(text)) is not None


def test_rows_of_data_under_wrapped_prose_stay_lines_of_their_own():
    intro = _lines_of(60, "The launches of the year as the ministry listed them, one row for each launch it "
                          "detected, with the area and the type it assessed for each of them in the columns.")
    rows = ("date,time,area,type\n2029.03.04,06:10,Sunan area Pyongyang,short-range ballistic missile type\n"
            "2029.04.13,07:22,Sohae coastal pad,satellite launch vehicle of a new type\n")
    text = f"{intro}\n{rows}"
    lines = [text[s.start : s.end] for s in split_sentences(text)]
    assert "2029.03.04,06:10,Sunan area Pyongyang,short-range ballistic missile type" in lines
    assert "2029.04.13,07:22,Sohae coastal pad,satellite launch vehicle of a new type" in lines


def test_a_notified_launch_window_is_not_the_launch_time():
    text = ("DESK LOG - Tokyo, Tue 21 Nov 2028\n\n"
            "Going in: the coast guard posted the North's notification this morning - satellite launch window "
            "22 Nov 00:00 JST to 1 Dec 00:00 JST, three drop zones.\n"
            "22:46  J-Alert for Okinawa Prefecture: \"missile launched - take shelter\".\n"
            "22:50  Cabinet office: launched around 22:43 from the Tongchang-ri area (13:43 UTC).\n")
    draft = drafted(text)
    assert draft.time is not None
    assert (draft.time.hour, draft.time.minute) != (0, 0)


def test_a_feature_sets_its_scene_by_the_day_before_telling_the_launch():
    text = ("THE LONG READ\nLife under the flight path\n\nBy a staff writer | Published Sept. 10, 2030 | Features\n\n"
            "The cows at the farm do not care about ballistics. The loudspeaker on the pole began to speak at about "
            "seven on a grey morning.\n\n"
            "It was Friday, September 13, 2029. The missile, a Hwasong-12 of the intermediate-range kind, had left "
            "the runway area at Sunan, Pyongyang's international airport, at 6:57 a.m. Seoul time. It flew east "
            "over Hokkaido and came down in the Pacific.\n")
    draft = drafted(text)
    assert draft.date is not None
    assert draft.date.isoformat() == "2029-09-13"
    assert next(f.place for f in draft.features if f.kind == "launch_site") == "sunan"
