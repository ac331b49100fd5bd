"""Issue 17, round 16: notices read in forms the sets missed — a NOTAM's circle round a position written 'WI 25NM
RADIUS OF PSN 383000N1321500E', a Chinese Maritime Safety Administration warning ('QIONG HANG JING 0143/26') with its
numbered areas. Every notice here was written for the test."""

from __future__ import annotations

from viewer.ingest.notices import read_notice


def test_a_notams_circle_round_a_named_position_is_its_area():
    text = ("(A2043/31 NOTAMN\nQ) RJJJ/QWMLW/IV/BO/W/000/999/3900N13300E020\n"
            "A) RJJJ B) 3105260000 C) 3105260500\n"
            "E) MISSILE FIRING WILL TAKE PLACE WI 20NM RADIUS OF PSN 390000N1330000E.\n"
            "F) SFC G) UNL)\n")
    notice = read_notice(text)
    assert notice is not None
    assert [(a.corners, a.radius_nm) for a in notice.areas] == [([(133.0, 39.0)], 20.0)]


def test_a_chinese_msa_warning_is_a_notice_with_its_numbered_areas():
    text = ("HAINAN MSA NAVIGATIONAL WARNING\nQIONG HANG JING 0207/31\nROCKET LAUNCHING.\n"
            "1. ROCKET DEBRIS WILL FALL FROM 1420 TO 1550 ON 03 JUL 2031 (BEIJING TIME)\n"
            "   IN THE AREAS BOUNDED BY:\n"
            "   (1) 19-30N 111-00E, 19-30N 111-30E, 19-00N 111-30E, 19-00N 111-00E.\n"
            "   (2) 17-00N 114-30E, 17-00N 115-30E, 16-00N 115-30E, 16-00N 114-30E.\n"
            "2. ENTERING PROHIBITED.\n")
    notice = read_notice(text)
    assert notice is not None
    assert notice.name == "QIONG HANG JING 0207/31"
    assert [a.label for a in notice.areas] == ["1", "2"]
    assert notice.areas[0].corners[0] == (111.0, 19.5)
