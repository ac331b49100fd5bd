"""GUI fixtures: the main window on the sample bundle, and an offscreen renderer, both real."""

from __future__ import annotations

import pytest

from viewer.resources import sample_bundle

SOHAE = (124.705, 39.660)


@pytest.fixture
def window(qtbot):
    from viewer.qt.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.open_files([str(sample_bundle())])
    main.canvas.zoom_to_extent(main.canvas.data_extent(), margin=0.05)
    return main


@pytest.fixture
def sample_workspace():
    from viewer.cli.common import load_workspace

    return load_workspace([])
