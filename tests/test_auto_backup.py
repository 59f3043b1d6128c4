"""Automatic backups in storage: one folder per library, dated copies, only the newest kept,
and nothing but our own copies ever deleted."""

from __future__ import annotations

from datetime import datetime, timedelta

from reader_app.domain.models import ImportedArticle
from reader_app.storage.articles import add_article, article_count
from reader_app.storage.auto_backup import backup_folder, backups, is_due, make_backup, prune
from reader_app.storage.database import open_library


def test_backups_are_dated_pruned_and_leave_other_files_alone(db, db_path, tmp_path):
    add_article(db, ImportedArticle("A title", "Some words of an article.", "a.txt"))
    folder = backup_folder(db_path, tmp_path / "backups")
    assert folder != backup_folder(tmp_path / "other" / db_path.name, tmp_path / "backups")
    assert is_due(db_path, folder, datetime(2026, 1, 1))
    folder.mkdir(parents=True)
    mine = folder / "notes.sqlite"  # the analyst's own file in that folder
    mine.write_text("keep me")
    start = datetime(2026, 1, 1, 8, 30)
    for n in range(4):
        make_backup(db_path, folder, keep=3, now=start + timedelta(days=n))
    names = [p.name for p in backups(db_path, folder)]
    assert names == ["library-20260102-083000.sqlite", "library-20260103-083000.sqlite",
                     "library-20260104-083000.sqlite"]
    assert mine.read_text() == "keep me"
    copy = open_library(folder / names[-1])
    try:
        assert article_count(copy) == 1
    finally:
        copy.close()
    assert not is_due(db_path, folder, start + timedelta(days=3, hours=19))
    assert is_due(db_path, folder, start + timedelta(days=3, hours=20))
    assert [p.name for p in prune(db_path, folder, 1)] == names[:2]
    assert mine.exists() and len(backups(db_path, folder)) == 1
