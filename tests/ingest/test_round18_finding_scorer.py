"""Issue 17, round 18: the corpus scorer pairs a story's drafted launches with its truth's by what they are (the
fields they agree on), not by the order they were drafted in. Every launch here is invented."""

from __future__ import annotations

from viewer.ingest.corpus_score import DraftedLaunch, _pair


def _drafted(day: str | None, time: str | None = None, outcome: str | None = None) -> DraftedLaunch:
    return DraftedLaunch(None, day, time, None, outcome, set())


def _truth(day: str, time: str | None = None, outcome: str | None = None) -> dict:
    return {"site": None, "date": day, "time": time, "direction": None, "outcome": outcome, "warning_areas": []}


def test_a_draft_drafted_first_does_not_take_the_truth_of_the_draft_after_it():
    # the first draft is two days off either truth; the second is exactly the first truth's launch
    drafts = [_drafted("2031-03-09"), _drafted("2031-03-03")]
    truth = [_truth("2031-03-03"), _truth("2031-03-05")]
    pairs = {d.date: t["date"] for d, t in _pair(drafts, truth) if d and t}
    assert pairs == {"2031-03-03": "2031-03-03", "2031-03-09": "2031-03-05"}


def test_the_same_day_wins_over_a_day_apart_and_a_shared_clock_over_the_day():
    drafts = [_drafted("2031-03-04"), _drafted("2031-03-03")]
    truth = [_truth("2031-03-03"), _truth("2031-03-04")]
    assert [(d.date, t["date"]) for d, t in _pair(drafts, truth) if d and t] == [
        ("2031-03-04", "2031-03-04"),
        ("2031-03-03", "2031-03-03"),
    ]
    # a salvo's two launches on one day: the clock says which is which
    drafts = [_drafted("2031-03-03", "2031-03-03T02:10Z", "failure"), _drafted("2031-03-03", "2031-03-02T22:40Z")]
    truth = [_truth("2031-03-03", "2031-03-02T22:40Z"), _truth("2031-03-03", "2031-03-03T02:10Z", "failure")]
    assert [(d.time, t["time"]) for d, t in _pair(drafts, truth) if d and t] == [
        ("2031-03-03T02:10Z", "2031-03-03T02:10Z"),
        ("2031-03-02T22:40Z", "2031-03-02T22:40Z"),
    ]


def test_as_many_pairs_as_before_and_the_unpaired_kept():
    drafts = [_drafted("2031-03-03"), _drafted(None), _drafted("2031-05-01")]
    truth = [_truth("2031-05-01")]
    pairs = _pair(drafts, truth)
    assert sum(1 for d, t in pairs if d and t) == 1
    assert len(pairs) == 3
    assert next(d.date for d, t in pairs if d and t) == "2031-05-01"
    pairs = _pair([_drafted("2031-05-01")], [_truth("2031-01-01"), _truth("2031-05-02"), _truth("2031-09-09")])
    assert [(d.date if d else None, t["date"] if t else None) for d, t in pairs] == [
        ("2031-05-01", "2031-05-02"),
        (None, "2031-01-01"),
        (None, "2031-09-09"),
    ]


NOTICE = (
    "HYDROPAC 0412/31(GEN).\nSEA OF JAPAN.\n1. ROCKET LAUNCHING\n   040000Z TO 040400Z MAY 31\n"
    "   IN AREA BOUNDED BY\n   38-00-00N 131-00-00E, 38-00-00N 132-00-00E,\n"
    "   37-00-00N 132-00-00E, 37-00-00N 131-00-00E.\n2. CANCEL THIS MSG 040500Z MAY 31.\n"
)


def test_a_notice_s_one_area_is_scored_whatever_label_its_truth_gives_it(tmp_path):
    import json

    from viewer.ingest.corpus_score import score_notices

    corners = [[131.0, 38.0], [132.0, 38.0], [132.0, 37.0], [131.0, 37.0]]
    (tmp_path / "n1.txt").write_text(NOTICE, encoding="utf-8")
    for label in ("", "1"):  # the paragraph's "1." read as no label by one truth, as the area's by another
        truth = {"n1.txt": {"kind": "danger_zone", "areas": {label: corners}}}
        (tmp_path / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
        areas = score_notices(tmp_path)["notice areas"]
        assert (areas.right, areas.drafted, areas.truth) == (1, 1, 1)
