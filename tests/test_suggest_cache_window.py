"""The window's suggestion worker writes what it kept beside the library once the analyst
stops changing things, so the article's next opening reads every part back."""

from __future__ import annotations

from gui_helpers import tag_in_window
from test_suggest_cache import _new_session, _Runs
from test_suggest_incremental import from_scratch
from test_suggest_window import open_story, settled

from reader_app.gui import controller
from reader_app.services import suggesting as sg
from reader_app.storage.suggestion_cache import SUFFIX


def test_the_worker_saves_the_kept_suggestions_when_idle(qtbot, window, monkeypatch,
                                                         tmp_path):
    monkeypatch.setattr(controller, "SAVE_IDLE_S", 0.3)
    article_id = open_story(qtbot, window)
    worker = window.controller._suggester
    path = window.db_path.with_name(window.db_path.name + SUFFIX)
    assert not path.exists()  # the first computation leaves writing to the idle worker
    qtbot.waitUntil(lambda: worker.saved, timeout=5000)
    assert path.exists()
    worker.saved = False
    tag_in_window(window, "actor", "Ilves", occurrence=1)  # a change: worked out anew
    settled(qtbot, window)
    qtbot.waitUntil(lambda: worker.saved, timeout=5000)
    shown = list(window.controller.suggestions)
    db = _new_session(window.db_path)
    runs = _Runs(monkeypatch)
    try:
        again = sg.suggest(db, article_id)
        assert runs.ran() == set()
        assert again == shown == from_scratch(db, article_id, monkeypatch)
    finally:
        db.close()
