"""Issue 17 in the window, as an analyst meets it: File > Import articles with bundles open. What the command line
says about bad input (an unreadable notice coordinate, a file that is neither article nor notice) the window said
nothing of; a large article was drafted on the GUI thread, the window frozen meanwhile. All text here is invented."""

from __future__ import annotations

import threading

import pytest
from launch_articles import SOHAE_2031

from viewer.io.bundle.writer import write_bundle
from viewer.qt import plain_box
from viewer.resources import sample_bundle

NOTICE_WITH_A_BAD_CORNER = """NAVAREA XI 0515/31
YELLOW SEA.
DPRK SATELLITE LAUNCHING.
2200Z TO 0305Z DAILY 09 THRU 21 DEC 31
IN AREAS BOUND BY:
A. 36-10N 124-20E, 36-10N 124-50E, 35-40N 124-50E, 35-40N 124-20E.
B. 33-50N 124-05E, 33-95N 124-35E, 33-20N 124-35E, 33-20N 124-05E.
CANCEL THIS MSG 212300Z DEC 31.
"""


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    from viewer.qt.main_window import MainWindow

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: plain_box.Button.Discard)
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    main.open_files([str(sample_bundle())])
    return main


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text: said.append(text))
    return said


def test_what_an_import_could_not_read_is_listed_one_line_each_naming_the_file_and_place(window, warnings, tmp_path):
    notice = tmp_path / "n-bad.txt"
    notice.write_text(NOTICE_WITH_A_BAD_CORNER, encoding="utf-8")
    neither = tmp_path / "list.txt"
    neither.write_text("eggs, milk, 3 apples\ncall back 0900\n", encoding="utf-8")

    bundle = window.review.import_articles([str(notice), str(neither)])

    assert bundle is not None
    zones = [f for f in bundle.features.values() if f.kind == "danger_zone"]
    assert [z.properties["notice_area"] for z in zones] == ["A"]  # the area it could read is drafted
    [said] = warnings
    lines = said.splitlines()
    assert f"{notice}:7: area B: cannot read the coordinate '33-95N'; area B is not drafted" in lines
    assert any(line.startswith(f"{neither}:1: neither an article nor a notice") for line in lines)
    assert "could not be read" in window.statusBar().currentMessage()


def test_a_clean_import_shows_no_message_box(window, warnings, tmp_path):
    article = tmp_path / "art.txt"
    article.write_text(SOHAE_2031, encoding="utf-8")
    assert window.review.import_articles([str(article)]) is not None
    assert warnings == []


def test_drafting_runs_off_the_gui_thread(window, warnings, tmp_path, monkeypatch):
    """A large article (8 MiB of prose drafts in about 40 s on this machine) froze the window for all that time:
    drafting now runs in a worker behind a progress dialog, as opening files does."""
    import viewer.ingest.parallel as parallel

    threads = []
    real = parallel.draft_document

    def recording(article):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(article)

    monkeypatch.setattr(parallel, "draft_document", recording)
    article = tmp_path / "art.txt"
    article.write_text(SOHAE_2031, encoding="utf-8")
    window.review.import_articles([str(article)])
    assert threads == [False]


def test_an_article_a_day_off_an_open_launch_joins_it_with_the_date_as_a_disagreement(window, warnings, tmp_path):
    """One step beyond: the open bundle's launch is dated a day before the one an imported article gives."""
    from viewer.ingest import ingest_files

    first = tmp_path / "first.txt"
    first.write_text(SOHAE_2031, encoding="utf-8")
    known = ingest_files([first], base=tmp_path)
    path = tmp_path / "known.geojson"
    write_bundle(known, path)
    window.open_files([str(path)])
    [known_id] = known.events
    later = tmp_path / "later.txt"
    later.write_text(SOHAE_2031.replace("on Wednesday night", "on Thursday night"), encoding="utf-8")

    window.review.import_articles([str(later)])

    report = window.review.last_merge
    assert report.attached == [("draft-2031-12-11", known_id)]
    event = window.workspace.event(known_id)
    dates = {c.value for c in event.claims if c.property == "date"}
    assert dates == {"2031-12-10", "2031-12-11"}  # both kept: a disagreement to review, not a second launch
    assert [c.value for c in event.claims if c.property == "date" and c.new] == ["2031-12-11"]
    assert "adds to" in window.statusBar().currentMessage()


KNOWN_LAUNCH = """North Korea's second satellite attempt ends in failure

SEOUL, Aug 24, 2023 (Reuters) - North Korea fired a space rocket from the Sohae station in Tongchang-ri at 3:50 a.m. \
on Thursday, South Korea's Joint Chiefs of Staff said. The rocket flew south and failed during third-stage flight, \
the North's aerospace agency said.
"""


def test_the_review_shows_which_passages_and_claims_an_import_added_to_a_known_launch(window, warnings, tmp_path):
    """'The review flow shows what is new': the passages and claims an import adds to a launch already open were
    marked new in the bundle, but the details panel showed them like every other; they now read 'New:'."""
    article = tmp_path / "aug24.txt"
    article.write_text(KNOWN_LAUNCH, encoding="utf-8")
    window.review.import_articles([str(article)])
    assert window.review.last_merge.attached
    site = "2023-08-24-chollima1/launch-site"
    window.workspace.selection.select([site])
    details = window.details
    texts = [link.text() for link in details.report_links]
    new = [t for t in texts if t.startswith("New: ")]
    assert len(new) == window.review.last_merge.new_citations[site]
    assert len(new) < len(texts)  # the passages the bundle had already are not marked
    assert all("second satellite attempt" in t for t in new)  # the imported article's passages
    details.show_agreeing = True
    window.workspace.selection.select([site])
    claim_sources = [row.by for row in window.details.claims.rows]
    assert any(by and by.startswith("New: ") for by in claim_sources)


def test_a_file_that_is_not_text_is_listed_and_the_others_imported(window, warnings, tmp_path):
    """It stopped the whole import with one message: the article beside it was not drafted."""
    article = tmp_path / "art.txt"
    article.write_text(SOHAE_2031, encoding="utf-8")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00zipped")
    bundle = window.review.import_articles([str(binary), str(article)])
    assert bundle is not None
    assert list(bundle.events) == ["draft-2031-12-10"]
    [said] = warnings
    assert f"{binary}: byte 4 is NUL; this is not a text file; nothing drafted from it" in said.splitlines()
