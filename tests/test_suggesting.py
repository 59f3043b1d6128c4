"""The suggesting service: what is suggested, accepting and rejecting, and the inverses."""

from __future__ import annotations

import json

import pytest

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.services import suggesting as sg
from reader_app.services.state_names import reset_state_table, save_state_table, state_table_text
from reader_app.services.tagging import retag, tag, untag
from reader_app.storage.actors import create_actor, find_actors_by_key, get_actor
from reader_app.storage.annotations import list_annotations
from reader_app.storage.articles import add_article, get_article

TEXT = ("🇺🇦 KYIV — Olena Marchuk, the foreign minister, met Tomas Reiter on Monday. "
        "Reiter’s office said the meeting was useful. Later Olena Marchuk flew home.")


@pytest.fixture
def article(db):
    made = add_article(db, ImportedArticle("Talks", TEXT, "talks.txt", "2022-02-09", "en"))
    return get_article(db, made.article_id)


def actors_of(suggestions):
    return [s for s in suggestions if s.kind == "actor"]


def spans(text, word):
    i = text.find(word)
    while i != -1:
        yield i, i + len(word)
        i = text.find(word, i + 1)


def test_every_mention_of_a_known_actor_is_suggested_with_that_actor(db, article):
    marchuk = create_actor(db, "Olena Marchuk", "person")
    found = [s for s in actors_of(sg.suggest(db, article.id)) if s.actor_id == marchuk.id]
    assert [(s.start, s.end) for s in found] == list(spans(TEXT, "Olena Marchuk"))
    for s in sg.suggest(db, article.id):
        assert TEXT[s.start:s.end] == s.quote and s.reason
    assert found[0].stores() == "Olena Marchuk"


def test_a_span_tagged_with_its_kind_is_not_suggested_and_accepting_tags_it(db, article):
    marchuk = create_actor(db, "Olena Marchuk", "person")
    first, second = spans(TEXT, "Olena Marchuk")
    tag(db, article, "actor", *first)
    left = [s for s in actors_of(sg.suggest(db, article.id)) if s.actor_id == marchuk.id]
    assert [(s.start, s.end) for s in left] == [second]
    new, changes = sg.accept(db, article, left[0])
    assert new.annotation.actor_id == marchuk.id and changes.tags_added == [new.annotation]
    assert "Accepted suggestion" in changes.explanation
    assert not [s for s in actors_of(sg.suggest(db, article.id)) if s.actor_id == marchuk.id]
    with pytest.raises(ValueError, match="Already tagged"):
        sg.accept(db, article, left[0])
    gone, _ = untag(db, new)  # the undo of an accept is an ordinary untag
    assert [(s.start, s.end) for s in actors_of(sg.suggest(db, article.id))
            if s.actor_id == marchuk.id] == [second]
    back, _ = retag(db, gone)
    assert back.annotation.id == new.annotation.id


def test_a_span_tagged_as_another_kind_is_still_suggested(db, article):
    create_actor(db, "Tomas Reiter", "person")
    claim = TEXT.index("Olena Marchuk, the")
    tag(db, article, "claim", claim, TEXT.index(" on Monday"))
    quotes = [s.quote for s in actors_of(sg.suggest(db, article.id))]
    assert "Tomas Reiter" in quotes


def test_a_rejected_span_is_not_suggested_until_the_rejection_is_undone(db, article):
    create_actor(db, "Olena Marchuk", "person")
    first = actors_of(sg.suggest(db, article.id))[0]
    rejection, changes = sg.reject(db, article, first)
    assert changes.suggestions_stale == {article.id} and not changes.is_empty()
    row = db.execute('SELECT article_id, kind, start, "end", quote FROM rejections').fetchall()
    assert row == [(article.id, "actor", first.start, first.end, first.quote)]
    assert first.key not in {s.key for s in sg.suggest(db, article.id)}
    sg.reject(db, article, first)  # twice: still one row
    assert db.execute("SELECT count(*) FROM rejections").fetchone()[0] == 1
    sg.unreject(db, rejection)
    assert first.key in {s.key for s in sg.suggest(db, article.id)}
    sg.rereject(db, rejection)
    assert db.execute("SELECT id FROM rejections").fetchall() == [(rejection.id,)]
    assert first.key not in {s.key for s in sg.suggest(db, article.id)}


def test_a_rejection_that_no_longer_fits_the_text_is_ignored(db, article):
    create_actor(db, "Olena Marchuk", "person")
    first = actors_of(sg.suggest(db, article.id))[0]
    db.execute('INSERT INTO rejections (article_id, kind, start, "end", quote, created_at)'
               " VALUES (?, 'actor', ?, ?, 'something else', 'x')",
               (article.id, first.start, first.end))
    assert first.key in {s.key for s in sg.suggest(db, article.id)}


def test_accept_all_is_one_step_and_its_inverse_brings_back_the_same_ids(db, article):
    create_actor(db, "Olena Marchuk", "person")
    create_actor(db, "Tomas Reiter", "person")
    wanted = [s for s in actors_of(sg.suggest(db, article.id)) if s.actor_id is not None]
    assert len(wanted) >= 3
    made, changes = sg.accept_all(db, article, wanted)
    assert len(changes.tags_added) == len(wanted)
    assert {a.quote for a in list_annotations(db, article.id)} >= {"Olena Marchuk"}
    gone, _ = sg.untag_all(db, made)
    assert list_annotations(db, article.id) == []
    back, _ = sg.retag_all(db, gone)
    assert [b.annotation.id for b in back] == [m.annotation.id for m in made]


def test_accepting_a_state_from_the_table_creates_it_once(db):
    text = "Washington warned Moscow. Later Washington and the Kremlin spoke."
    article = get_article(db, add_article(db, ImportedArticle("S", text, "s.txt", None)).article_id)
    found = actors_of(sg.suggest(db, article.id))
    washington = [s for s in found if s.quote == "Washington"]
    assert washington and all(s.actor_name == "United States" and s.actor_id is None
                              for s in washington)
    new, _ = sg.accept(db, article, washington[0])
    actor = get_actor(db, new.annotation.actor_id)
    assert (actor.name, actor.type) == ("United States", "state")
    again = [s for s in actors_of(sg.suggest(db, article.id)) if s.quote == "Washington"]
    assert again and again[0].actor_id == actor.id  # now the library's actor
    second, _ = sg.accept(db, article, again[0])
    assert second.annotation.actor_id == actor.id
    assert len(find_actors_by_key(db, "United States")) == 1


def test_an_edited_state_table_is_kept_in_the_library(db):
    text = "Ruritania and Strelsau traded blame."
    article_id = add_article(db, ImportedArticle("R", text, "r.txt", None)).article_id
    assert not [s for s in actors_of(sg.suggest(db, article_id)) if s.quote == "Strelsau"]
    builtin = state_table_text(db)
    assert save_state_table(db, builtin + "Ruritania,state,Strelsau\n") > 1
    found = {s.quote: s.actor_name for s in actors_of(sg.suggest(db, article_id))}
    assert found["Strelsau"] == "Ruritania" and found["Ruritania"] == "Ruritania"
    with pytest.raises(ValueError, match="row"):
        save_state_table(db, "canonical,type,names\n,state,Nowhere\n")
    assert "Strelsau" in state_table_text(db)  # a refused edit changes nothing
    reset_state_table(db)
    assert state_table_text(db) == builtin


def test_an_unknown_kind_is_refused(db, article):
    with pytest.raises(ValueError, match="kind"):
        sg.suggest(db, article.id, ["code"])


def test_cli_suggest_prints_json_lines_in_text_order(db_path, capsys):
    from reader_app.storage.database import open_library

    db = open_library(db_path)
    create_actor(db, "Olena Marchuk", "person")
    article_id = add_article(db, ImportedArticle("T", TEXT, "t.txt", "2022-02-09")).article_id
    db.close()
    assert main(["suggest", "--db", str(db_path), "--article", str(article_id)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    for r in rows:
        assert set(r) >= {"kind", "start", "end", "quote", "actor", "value", "claimant", "reason"}
        assert TEXT[r["start"]:r["end"]] == r["quote"]
    assert any(r["actor"] == "Olena Marchuk" for r in rows)
    assert main(["suggest", "--db", str(db_path), "--article", str(article_id),
                 "--kind", "date"]) == 0
    assert {json.loads(x)["kind"] for x in capsys.readouterr().out.splitlines()} <= {"date"}


def test_cli_tag_tags_as_the_window_would(db_path, capsys):
    from reader_app.storage.database import open_library

    db = open_library(db_path)
    article_id = add_article(db, ImportedArticle("T", TEXT, "t.txt", "2022-02-09")).article_id
    db.close()
    start = TEXT.index("Monday")
    assert main(["tag", "--db", str(db_path), "--article", str(article_id), "--kind", "date",
                 "--start", str(start), "--end", str(start + 6)]) == 0
    out = capsys.readouterr()
    row = json.loads(out.out)
    assert (row["kind"], row["quote"], row["granularity"]) == ("date", "Monday", "day")
    assert row["value"] == "2022-02-07" and row["article_id"] == article_id
    assert "Monday" in out.err
    assert main(["tag", "--db", str(db_path), "--article", str(article_id), "--kind", "date",
                 "--start", str(start), "--end", str(start + 6)]) == 1
    assert "Already tagged" in capsys.readouterr().err
    assert main(["tag", "--db", str(db_path), "--article", "99", "--kind", "date",
                 "--start", "0", "--end", "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no article 99" in err


def test_a_claim_by_a_state_new_to_the_library_creates_its_claimant_on_accept(db):
    text = "“The harbour stays closed to every foreign ship,” the Kremlin said on Monday."
    article = get_article(db, add_article(db, ImportedArticle("K", text, "k.txt",
                                                              "2022-02-09")).article_id)
    claims = [s for s in sg.suggest(db, article.id) if s.kind == "claim"]
    assert claims and claims[0].claimant_name == "Russia" and claims[0].claimant_id is None
    new, _ = sg.accept(db, article, claims[0])
    claimant = get_actor(db, new.annotation.claimant_id)
    assert (claimant.name, claimant.type) == ("Russia", "state")
    untag(db, new)  # the undo takes the claimant it made with it
    assert find_actors_by_key(db, "Russia") == []
