"""A report on the articles chosen in the list embeds pictures of those articles only:
the timeline and the network follow the same selection as the report's text."""

from __future__ import annotations

import base64
import re

from gui_helpers import open_window
from network_library import build

from reader_app.services.actor_network import build_network, network_filter
from reader_app.services.timeline_data import timeline_data
from reader_app.storage.database import open_library


def embedded(page: str) -> list[bytes]:
    return [base64.b64decode(m) for m in re.findall(r'src="data:image/png;base64,([^"]+)"', page)]


def test_a_report_on_chosen_articles_pictures_those_articles(qtbot, db_path, tmp_path):
    from reader_app.gui.views.network_picture import network_picture
    from reader_app.gui.views.timeline_view import timeline_picture
    from reader_app.gui.window.report_flow import ReportFlow
    from reader_app.gui.window.report_render import PICTURE_SIZE, png_bytes

    db = open_library(db_path)
    try:
        lib = build(db)
    finally:
        db.close()
    window = open_window(qtbot, db_path)
    flow = ReportFlow(window, db_path)
    out = tmp_path / "hearing.html"
    with qtbot.waitSignal(flow.report_finished, timeout=10000) as done:
        flow.export_to(window.controller.db, out, "html", None, [lib.second])
    assert done.args == [out]
    page = out.read_text(encoding="utf-8")
    assert "1 chosen article" in page and "Night move" not in page
    timeline_png, network_png = embedded(page)

    db = window.controller.db
    chosen = {"article_ids": [lib.second]}
    assert timeline_png == png_bytes(timeline_picture(db, None, *PICTURE_SIZE, **chosen))
    assert network_png == png_bytes(network_picture(db, None, *PICTURE_SIZE, **chosen))
    # ... and not the whole library's
    assert timeline_png != png_bytes(timeline_picture(db, None, *PICTURE_SIZE))
    assert network_png != png_bytes(network_picture(db, None, *PICTURE_SIZE))
    # what those pictures draw: the Hearing's items and claims only
    assert {m.article_id for m in timeline_data(db, None, **chosen).marks()} == {lib.second}
    graph = build_network(db, network_filter(db, None, **chosen))
    assert set(graph.edges()) == {(lib.ministry, lib.rostenko), (lib.ministry, lib.group)}
    flow.stop()


def test_chosen_articles_outside_the_search_leave_nothing_to_draw(db_path):
    from reader_app.domain.search_query import SearchFilter

    db = open_library(db_path)
    try:
        lib = build(db)
        hearing = network_filter(db, SearchFilter(text="Hearing"), article_ids=[lib.first])
        assert hearing.article_ids == frozenset()
        assert len(build_network(db, hearing)) == 0
    finally:
        db.close()
