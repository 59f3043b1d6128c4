"""The finders' answers kept beside the library (services.suggest_cache): a new session
reads back what an earlier one worked out for the same inputs, gives exactly what a
computation from scratch gives, and never reads an answer whose inputs changed."""

from __future__ import annotations

import json
import random
import sqlite3
import zlib

import pytest
from test_suggest_incremental import ORGS, _library, _step, from_scratch

from reader_app.domain import actor_finder, speech
from reader_app.domain.models import ImportedArticle
from reader_app.services import suggest_cache
from reader_app.services import suggesting as sg
from reader_app.services.actor_ops import edit_actor, set_aliases
from reader_app.services.suggest_state import forget
from reader_app.services.tagging import tag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article
from reader_app.storage.database import open_library
from reader_app.storage.suggestion_cache import SUFFIX


def _new_session(where):
    """What a new process has: nothing kept, nothing in the finders' memories; the
    library (a file, or lib.sqlite in a folder) opened anew."""
    forget()
    sg._names_cache.clear()
    sg._date_memo.clear()
    sg._actors.cache_clear()
    actor_finder._scanned.cache_clear()
    speech._CACHE.clear()
    return open_library(where if where.suffix else where / "lib.sqlite")


class _Runs:
    """How often each finder ran (each is called through suggesting's own names)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = {"actors": 0, "dates": 0, "claims": 0}
        for part, name in (("actors", "find_actor_pass"), ("dates", "find_dates"),
                           ("claims", "find_claims_in")):
            monkeypatch.setattr(sg, name, self._counted(part, getattr(sg, name)))

    def _counted(self, part, real):
        def run(*args, **kwargs):
            self.count[part] += 1
            return real(*args, **kwargs)
        return run

    def ran(self) -> set[str]:
        return {part for part, n in self.count.items() if n}


def test_a_reopened_article_reads_every_part_back(tmp_path, monkeypatch):
    db, article, _ = _library(tmp_path, 1)
    first = sg.suggest(db, article.id)
    assert not (tmp_path / f"lib.sqlite{SUFFIX}").exists()  # not on the first call's time
    assert sg.save_kept(db)  # the window's worker, once idle
    db.close()
    assert (tmp_path / f"lib.sqlite{SUFFIX}").exists()
    db = _new_session(tmp_path)
    runs = _Runs(monkeypatch)
    try:
        again = sg.suggest(db, article.id)
        assert runs.ran() == set()
        assert sg.library_names(db).built is None  # the matcher: when a change needs it
        assert again == first
        assert again == from_scratch(db, article.id, monkeypatch)
        assert sg.warm_up(db)  # the worker, when idle
        assert sg.library_names(db).built is not None
        assert not sg.warm_up(db)
    finally:
        db.close()


def _tag_known(db, article):
    s = next(x for x in sg.suggest(db, article.id) if x.kind == "actor" and x.actor_id)
    sg.accept(db, article, s)


def _reject(kind):
    def change(db, article):
        s = [x for x in sg.suggest(db, article.id) if x.kind == kind][3]
        sg.reject(db, article, s)
    return change


def _text(db, article):
    with db.atomic():
        db.execute("UPDATE articles SET text = ? WHERE id = ?",
                   [article.text.replace("in 1998", "in 1999", 1), article.id])


# each change, and the parts whose inputs it changes (those must be worked out again)
CHANGES = {
    # the tag takes the place of the suggestion of that actor there: claims read the same
    "an actor tag": (_tag_known, {"actors"}),
    "an actor renamed": (lambda db, a: edit_actor(db, 1, {"name": "Olena Marchuk-Reiter"}),
                         {"actors", "claims"}),
    "an alias": (lambda db, a: set_aliases(db, 2, ("the Board",)), {"actors", "claims"}),
    "a new actor": (lambda db, a: create_actor(db, "Kyiv Harbour", "organization"),
                    {"actors", "claims"}),
    "a date tag": (lambda db, a: tag(db, a, "date", a.text.index("yesterday"),
                                     a.text.index("yesterday") + 9), set()),
    "a rejected actor": (_reject("actor"), {"claims"}),  # claims read the actors left
    "a rejected claim": (_reject("claim"), set()),
    "the text": (_text, {"actors", "dates", "claims"}),
    "the dateline": (lambda db, a: db.execute("UPDATE articles SET published = '2023-01-05'"
                                              " WHERE id = ?", [a.id]), {"dates"}),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_change_is_never_answered_from_the_cache(tmp_path, monkeypatch, change):
    db, article, _ = _library(tmp_path, 2)
    before = sg.suggest(db, article.id)
    sg.save_kept(db)
    make, changed = CHANGES[change]
    make(db, article)
    db.conn.commit()
    db.close()
    db = _new_session(tmp_path)
    runs = _Runs(monkeypatch)
    try:
        after = sg.suggest(db, article.id)
        assert runs.ran() == changed
        assert after == from_scratch(db, article.id, monkeypatch)
        assert after != before or change in ("a new actor", "an alias")
    finally:
        db.close()


@pytest.mark.parametrize("seed", range(4))
def test_changes_after_a_reopening_give_what_a_computation_from_scratch_gives(
        tmp_path, monkeypatch, seed):
    """The state read back (actor mentions without the automaton's matches, claims with
    the names each paragraph looked up) takes later changes as a computed one does."""
    db, article, rng = _library(tmp_path, 10 + seed)
    other = open_library(tmp_path / "lib.sqlite")
    made: list = []
    rejected: list = []
    try:
        for _ in range(6):
            _step(db, other, article, rng, made, rejected)
        sg.suggest(db, article.id)
        assert sg.save_kept(db)  # as the window's worker does when the analyst stops
        assert not sg.save_kept(db)  # written once
        other.close()
        db.close()
        db = _new_session(tmp_path)
        other = open_library(tmp_path / "lib.sqlite")
        runs = _Runs(monkeypatch)
        again = sg.suggest(db, article.id)
        assert runs.ran() == set()
        assert again == from_scratch(db, article.id, monkeypatch)
        if seed % 2:
            sg.warm_up(db)  # the idle worker's, else the first change's
        made, rejected = [], []
        for n in range(25):
            what = _step(db, other, article, rng, made, rejected)
            assert sg.suggest(db, article.id) == from_scratch(db, article.id, monkeypatch), (
                n, what)
    finally:
        other.close()
        db.close()


VARIED = (
    "Kyiv, Feb. 9 — Олена Марчук заявила в понеділок, що «Нафтогаз» не платитиме. "
    "“We will not pay,” Marchuk said on Thursday.",
    "According to the Grain Board, prices rose 4 per cent last month. The board's chair, "
    "Tomas Okafor, told reporters that Moscow and Washington had agreed in March 2021.",
    "Ingrid Reiter 👨‍👩‍👧 said: “Talks in 🇺🇦 Ukraine go on for three hours.” 𠀀 She added "
    "that the National Reform Party would meet on 2022-02-14 in London.\tNBSP\u00a0here.",
    "\"Nobody said anything,\" he said. The U.S. and Britain denied it between 2019 and 2021; "
    "the Harbour Workers Union struck two days ago, Haddad wrote.",
)


@pytest.mark.parametrize("seed", range(3))
def test_read_back_is_identical_on_varied_text(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    db = open_library(tmp_path / "lib.sqlite")
    for name in ("Olena Marchuk", "Tomas Okafor", "Ingrid Reiter", "Chen Haddad"):
        create_actor(db, name, "person")
    for name in ORGS:
        create_actor(db, name, "organization")
    paragraphs = [rng.choice(VARIED) for _ in range(30)]
    made = add_article(db, ImportedArticle("Varied", "\n\n".join(paragraphs), "v.txt",
                                           rng.choice(("2022-02-09", None)), "en"))
    article = get_article(db, made.article_id)
    for s in sg.suggest(db, article.id)[::7]:
        if rng.random() < 0.5:
            sg.accept(db, article, s)
        else:
            sg.reject(db, article, s)
    computed = sg.suggest(db, article.id)  # worked out from the last call's state
    assert sg.save_kept(db)
    forget()
    first = sg.suggest(db, article.id)  # the first call again: read back
    assert first == computed
    db.close()
    db = _new_session(tmp_path)
    runs = _Runs(monkeypatch)
    try:
        again = sg.suggest(db, article.id)
        assert runs.ran() == set()
        assert again == first == from_scratch(db, article.id, monkeypatch)
    finally:
        db.close()


def test_a_damaged_or_foreign_file_is_no_entry(tmp_path, monkeypatch):
    db, article, _ = _library(tmp_path, 4)
    first = sg.suggest(db, article.id)
    sg.save_kept(db)
    db.close()
    path = tmp_path / f"lib.sqlite{SUFFIX}"
    # entries under the right keys whose answers do not fit the text, or are cut short
    conn = sqlite3.connect(path)
    far = 10 ** 9
    with conn:
        for part, data in (
                ("actors", {"first": [[5, far, 1, "x", "person", "", True]], "kinds": [],
                            "mentions": [0]}),
                ("dates", [[0, far, "2022", "year", "rule", "x"]]),
                ("claims", {"claims": [[0, far, "x", None, None, None]], "lookups": []})):
            conn.execute("UPDATE entries SET data = ? WHERE part = ?",
                         [zlib.compress(json.dumps(data).encode()), part])
    conn.close()
    db = _new_session(tmp_path)
    try:
        assert sg.suggest(db, article.id) == first
    finally:
        db.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE entries SET data = substr(data, 1, 40)")
    conn.close()
    db = _new_session(tmp_path)
    try:
        assert sg.suggest(db, article.id) == first
    finally:
        db.close()
    path.write_bytes(b"not a database at all" * 100)
    db = _new_session(tmp_path)
    try:
        assert sg.suggest(db, article.id) == first
        assert not sg.save_kept(db)
        assert not path.exists()  # not a database: ours, so removed
    finally:
        db.close()
    db = _new_session(tmp_path)
    try:
        assert sg.suggest(db, article.id) == first
        assert sg.save_kept(db)  # made anew
    finally:
        db.close()
    db = _new_session(tmp_path)
    runs = _Runs(monkeypatch)
    try:
        assert sg.suggest(db, article.id) == first
        assert runs.ran() == set()
    finally:
        db.close()


def test_other_rules_never_read_an_older_version_s_answers(tmp_path, monkeypatch):
    db, article, _ = _library(tmp_path, 5)
    first = sg.suggest(db, article.id)
    sg.save_kept(db)
    db.close()
    db = _new_session(tmp_path)
    monkeypatch.setattr(suggest_cache, "code_digest", lambda: "another version")
    runs = _Runs(monkeypatch)
    try:
        assert sg.suggest(db, article.id) == first
        assert runs.ran() == {"actors", "dates", "claims"}
    finally:
        db.close()


def test_a_library_in_memory_has_no_file():
    from sqlite_utils import Database

    from reader_app.storage.suggestion_cache import cache_path, read_entry, write_entries

    memory = Database(memory=True)
    assert cache_path(memory) is None
    assert not write_entries(None, "t", {"dates": ("k", "[]")})
    assert read_entry(None, "dates", "t", "k") is None


def test_the_command_line_saves_after_printing_and_reads_back_next_time(
        tmp_path, monkeypatch, capsys):
    from reader_app.cli import main

    db, article, _ = _library(tmp_path, 7)
    db.close()
    args = ["suggest", "--db", str(tmp_path / "lib.sqlite"), "--article", str(article.id)]
    forget()
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert (tmp_path / f"lib.sqlite{SUFFIX}").exists()
    _new_session(tmp_path).close()
    runs = _Runs(monkeypatch)
    assert main(args) == 0
    assert runs.ran() == set()
    assert capsys.readouterr().out == printed
