"""The label engine: priority first, candidates in order, nothing over a mark, a decoration or another label."""

from __future__ import annotations

from viewer.geo.labels import LabelSpec, around_point, place, segment_boxes, short_label


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_higher_priority_wins_the_contested_spot_and_the_other_moves_or_goes():
    first = LabelSpec("site", 1, around_point(100, 100, 60, 12, 8))
    second = LabelSpec("place", 5, around_point(104, 100, 60, 12, 4))
    placed = place([second, first], [], (0, 0, 400, 400))
    assert placed[0] == (1, 0)  # the site, in its first (right-hand) position
    boxes = [[second, first][i].candidates[j] for i, j in placed]
    assert not any(overlaps(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


def test_obstacles_and_bounds_push_a_label_to_another_candidate_or_drop_it():
    label = LabelSpec("x", 1, around_point(100, 100, 60, 12, 8))
    right = label.candidates[0]
    placed = place([label], [right], (0, 0, 400, 400))
    assert placed
    assert placed[0][1] != 0
    assert place([label], [(0, 0, 400, 400)], (0, 0, 400, 400)) == []  # no room at all: dropped
    assert place([label], [], (95, 95, 105, 105)) == []  # off the map: dropped


def test_many_labels_never_overlap():
    import random

    rng = random.Random(4)
    specs = [LabelSpec(i, rng.randint(0, 5), around_point(rng.uniform(0, 500), rng.uniform(0, 500), 50, 12, 5))
             for i in range(300)]
    placed = place(specs, [(200, 200, 300, 300)], (0, 0, 500, 500))
    boxes = [specs[i].candidates[j] for i, j in placed]
    assert 20 < len(boxes) < 300
    assert not any(overlaps(b, (200, 200, 300, 300)) for b in boxes)
    assert not any(overlaps(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])


def test_a_line_is_an_obstacle_along_its_length():
    boxes = segment_boxes([0, 100, float("nan"), 0], [0, 100, float("nan"), 50], 2)
    assert len(boxes) > 10
    assert any(b[0] <= 50 <= b[2] and b[1] <= 50 <= b[3] for b in boxes)
    assert not any(b[0] <= 80 <= b[2] and b[1] <= 20 <= b[3] for b in boxes)  # off the line


def test_short_labels():
    assert short_label("danger_zone", "Danger zone 2 (fairing, W of Jeju)") == "Zone 2 (fairing)"
    assert short_label("impact_point", "4th object fall (~2,000 km S of Japan)") == "4th object fall"
    assert short_label("launch_site", "Sohae, original gantry pad") == "Sohae"
