"""Batch import: refused files never stop a batch; duplicates and warnings reported once."""

from __future__ import annotations

from reader_app.services.importing import import_paths
from reader_app.storage.articles import list_articles


def test_batch_reports_each_outcome_once(db, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2023-05-02\nHarbour reopens\n\nShips returned on Monday.")
    (folder / "odd.txt").write_text("date 2023-13-45 The ferry service resumed.")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    first = import_paths(db, [folder])
    assert len(first.created) == 2 and len(first.refused) == 2 and first.failed
    assert any("empty.txt" in line for line in first.refused)
    assert any("bin.txt" in line for line in first.refused)
    assert len(first.warnings) == 1 and "odd.txt" in first.warnings[0]

    again = import_paths(db, [folder / "good.txt", folder / "odd.txt"])
    assert not again.created and len(again.duplicates) == 2
    assert again.warnings == []  # the undated warning was given when it was stored
    assert "2 already present" in again.summary()
    assert len(list_articles(db)) == 2


def test_cancel_stops_between_files(db, tmp_path):
    for i in range(5):
        (tmp_path / f"a{i}.txt").write_text(f"Report number {i} on the harbour.")
    seen = []
    report = import_paths(
        db, [tmp_path], progress=lambda done, total, name: seen.append(done),
        should_cancel=lambda: len(seen) >= 2,
    )
    assert report.cancelled and len(report.created) == 2
    assert "Cancelled" in report.summary()
