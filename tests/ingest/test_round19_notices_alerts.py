"""Issue 17, round 19: the areas an alert names, in forms not read before — a line that labels them ("Target area:
…", "Areas on the screen: …", "(Issued for …)"), people told to take cover, alerts that sounded in a place, a passive
"alerts had been sent"; and alerts that did not go out (a modifier before "warning", "never sent", "would use … if"),
a month's earlier alert told as background, and a joint dateline's second city. Every text was written for the test."""

from __future__ import annotations

from story import drafted

LEAD = (
    "TOKYO, June 9, 2031 -- North Korea fired a ballistic missile from near Pyongyang on Monday morning, "
    "Japan's defence ministry said. "
)


def _areas(text: str) -> set[str]:
    draft = drafted(text)
    return {f.place for f in draft.features if f.kind == "warning_area" and f.place}


def test_a_line_labelling_the_alert_s_target_area():
    text = LEAD + ("\n\n[06:41] MISSILE LAUNCH NOTICE. Take shelter in a sturdy building now.\n"
                   "  Target area: Akita Prefecture\n")
    assert _areas(text) == {"akita-prefecture"}


def test_areas_listed_after_a_label_in_a_log():
    text = LEAD + ("\n06:44  Broadcaster's ticker confirms J-Alert for the launch.\n"
                   "       Areas on the screen: Niigata, Yamagata and, lower down, Miyagi.\n")
    assert {"niigata-prefecture", "yamagata-prefecture", "miyagi-prefecture"} <= _areas(text)


def test_issued_for_in_brackets_after_the_alert():
    text = LEAD + ("\n06:43 [J-ALERT] A missile seems to have been launched. Please evacuate into buildings.\n"
                   "(Issued for Akita Prefecture and Iwate Prefecture)\n")
    assert {"akita-prefecture", "iwate-prefecture"} <= _areas(text)


def test_people_told_to_take_cover_and_alerts_that_sounded_in_a_place():
    assert "niigata-prefecture" in _areas(LEAD + "The government told residents of Niigata to take cover.")
    assert "miyagi-prefecture" in _areas(LEAD + "It flew east - alerts sounded in Miyagi once more - and fell.")
    assert "akita-prefecture" in _areas(LEAD + "Alerts had been sent to residents of Akita minutes after the launch.")


def test_alerts_that_did_not_go_out_name_no_area():
    assert _areas(LEAD + "Japan did not issue an evacuation warning for Niigata.") == set()
    assert _areas(LEAD + "The alert system never sent a message to Akita, officials said.") == set()
    assert _areas(LEAD + "Officials had said they would use J-Alert if the missile flew toward Miyagi.") == set()


def test_an_earlier_month_s_alert_told_as_background():
    text = LEAD + "In March, residents across Akita were woken by a J-Alert telling them to take shelter."
    assert _areas(text) == set()


def test_the_second_city_of_a_joint_dateline_is_not_alerted():
    text = ("SEOUL/TOKYO, June 9, 2031 (Newswire) - North Korea fired a ballistic missile over Japan on Monday, "
            "prompting a warning for residents to take cover.")
    assert "tokyo" not in _areas(text)


def test_an_alert_the_next_sentence_says_was_sent_in_error():
    text = LEAD + ("Sirens sounded in Gunsan, where the city sent a text telling residents to get ready to evacuate. "
                   "The ministry later said the message had been sent in error.")
    assert "gunsan" not in _areas(text)
    kept = LEAD + "Sirens sounded in Gunsan, where the city sent a text telling residents to get ready to evacuate."
    assert "gunsan" in _areas(kept)


def test_a_place_ready_for_an_alert_that_never_came():
    text = LEAD + "Here in Akita the shelters were open and the town was ready for J-Alert, and then nothing."
    assert _areas(text) == set()
