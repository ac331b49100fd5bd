"""A feature whose "type" is a list or an object (not a text) is refused in one line where it is, in a plain file
and in a bundle; the batch reader put the types in a set and ended in "TypeError: unhashable type: 'list'"."""

from __future__ import annotations

import pytest

from viewer.cli import main


@pytest.mark.parametrize("head", ['"type": "FeatureCollection"', '"type": "FeatureCollection", "launchmap": '
                                                                   '{"version": 1}'])
@pytest.mark.parametrize("kind", ['["Feature"]', '{"a": 1}'])
def test_a_feature_type_that_is_a_list_or_object(tmp_path, capsys, head, kind):
    path = tmp_path / "types.geojson"
    path.write_text("{" + head + ', "features": [{"type": ' + kind + ', "id": "a", "geometry": null, '
                    '"properties": {}}]}')
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{path}:features[0].type: must be 'Feature', not "), out
    assert out.count("\n") == 1
