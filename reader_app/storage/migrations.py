"""Numbered schema steps. Never edit a released step: add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "reader_app"
migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_articles_annotations")
def m001_articles_annotations(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            published TEXT CHECK (published IS NULL OR published GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            language TEXT,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            content_type TEXT NOT NULL DEFAULT 'text',
            styles TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            value TEXT,
            note TEXT,
            analyst TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            text_sha256 TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_annotations_article ON annotations(article_id, start)")
    db.execute("CREATE INDEX idx_annotations_article_kind ON annotations(article_id, kind)")
    db.execute("CREATE INDEX idx_articles_published ON articles(published)")


@migrations(name="m002_full_text_search")
def m002_full_text_search(db: Database) -> None:
    db.table("articles").enable_fts(["title", "text"], create_triggers=True)
    db.table("annotations").enable_fts(["quote", "note"], create_triggers=True)


@migrations(name="m003_actors_and_claims")
def m003_actors_and_claims(db: Database) -> None:
    # AUTOINCREMENT: a deleted actor's id is never handed to another actor, so an undo
    # record (unmerge, restore) can always put the actor back under its own id.
    db.execute(
        """
        CREATE TABLE actors (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            name_key TEXT NOT NULL,
            type TEXT NOT NULL DEFAULT 'other' CHECK (type IN
                ('person', 'state', 'organization', 'armed_force', 'media', 'other')),
            note TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE actor_aliases (
            id INTEGER PRIMARY KEY,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            alias TEXT NOT NULL CHECK (length(trim(alias)) > 0),
            alias_key TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_actors_name_key ON actors(name_key)")
    db.execute(
        "CREATE UNIQUE INDEX idx_actor_aliases_actor_key ON actor_aliases(actor_id, alias_key)")
    db.execute("CREATE INDEX idx_actor_aliases_key ON actor_aliases(alias_key)")
    # claim_date_annotation_id is deliberately not a foreign key: deleting a date tag must not
    # rewrite the claims that point at it, so undoing that delete restores the link as it was.
    for column in (
        "actor_id INTEGER REFERENCES actors(id)",
        "claimant_id INTEGER REFERENCES actors(id)",
        "claim_date TEXT",
        "claim_date_annotation_id INTEGER",
        "status TEXT CHECK (status IS NULL OR status IN"
        " ('unverified', 'corroborated', 'disputed', 'false'))",
        "reliability TEXT CHECK (reliability IS NULL OR reliability IN"
        " ('A', 'B', 'C', 'D', 'E', 'F'))",
        "credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6)",
        "granularity TEXT",
        "date_method TEXT",
    ):
        db.execute(f"ALTER TABLE annotations ADD COLUMN {column}")
    db.execute("CREATE INDEX idx_annotations_actor ON annotations(actor_id)")
    db.execute("CREATE INDEX idx_annotations_claimant ON annotations(claimant_id)")
    db.table("actors").enable_fts(["name", "note"], create_triggers=True)


@migrations(name="m004_article_summary_index")
def m004_article_summary_index(db: Database) -> None:
    # Library lists read these columns only; a covering index spares them a scan
    # of every article's text (gigabytes in a 100,000-article library).
    db.execute(
        "CREATE INDEX idx_articles_summary ON articles(imported_at, id, title, source, published)"
    )


@migrations(name="m005_library_filter_index")
def m005_library_filter_index(db: Database) -> None:
    # The library filter is a case-insensitive substring of title or source: a trigram
    # index answers it without scanning 100,000 rows per keystroke, and the two sort
    # indexes let the list fetch one page at a time in title or source order.
    db.execute(
        "CREATE VIRTUAL TABLE library_fts USING fts5(title, source, content='articles',"
        " content_rowid='id', tokenize='trigram')"
    )
    insert = "INSERT INTO library_fts(rowid, title, source) VALUES (new.id, new.title, new.source);"
    delete = ("INSERT INTO library_fts(library_fts, rowid, title, source)"
              " VALUES ('delete', old.id, old.title, old.source);")
    for name, when, body in (
        ("insert", "AFTER INSERT", insert),
        ("delete", "AFTER DELETE", delete),
        ("update", "AFTER UPDATE OF title, source", f"{delete} {insert}"),
    ):
        db.execute(f"CREATE TRIGGER library_fts_{name} {when} ON articles BEGIN {body} END")
    db.execute("INSERT INTO library_fts(library_fts) VALUES ('rebuild')")
    db.execute("CREATE INDEX idx_articles_title ON articles(title COLLATE NOCASE, id)")
    db.execute("CREATE INDEX idx_articles_source ON articles(source COLLATE NOCASE, id)")


@migrations(name="m006_bulk_article_search")
def m006_bulk_article_search(db: Database) -> None:
    # add_articles fills articles_fts and library_fts itself, one INSERT ... SELECT each
    # per batch (per-row trigger inserts cost a third of an import). While its row is in bulk_import the
    # insert trigger stands aside; the row is added and removed inside the batch's one
    # write transaction, so every other writer, and every crash (rolled back), sees the
    # table empty and the trigger at work.
    db.execute("CREATE TABLE bulk_import (id INTEGER PRIMARY KEY)")
    db.execute("DROP TRIGGER articles_ai")
    db.execute(
        """
        CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles"
        WHEN NOT EXISTS (SELECT 1 FROM bulk_import) BEGIN
          INSERT INTO "articles_fts" (rowid, "title", "text")
          VALUES (new.rowid, new."title", new."text");
        END
        """
    )
    db.execute("DROP TRIGGER library_fts_insert")
    db.execute(
        "CREATE TRIGGER library_fts_insert AFTER INSERT ON articles"
        " WHEN NOT EXISTS (SELECT 1 FROM bulk_import) BEGIN"
        " INSERT INTO library_fts(rowid, title, source) VALUES (new.id, new.title, new.source);"
        " END"
    )


@migrations(name="m007_suggestion_rejections")
def m007_suggestion_rejections(db: Database) -> None:
    # A rejected suggestion is the analyst's judgement: kept in the library (not in
    # settings) so it is never shown again for that span, on any machine. The quote is
    # kept to tell a stale row (the text changed under it) from a live one.
    db.execute(
        """
        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (length(kind) > 0),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (article_id, kind, start, "end")
        )
        """
    )
    # The analyst's own copy of the built-in state table (empty: the built-in one is used).
    db.execute(
        """
        CREATE TABLE state_names (
            id INTEGER PRIMARY KEY,
            canonical TEXT NOT NULL CHECK (length(canonical) > 0),
            type TEXT NOT NULL,
            names TEXT NOT NULL
        )
        """
    )


@migrations(name="m008_tag_counts")
def m008_tag_counts(db: Database) -> None:
    # An article's (claims, actors, dates) shown after every tag: counting them in the
    # index costs ~2 ms at 50,000 tags, per tag. Triggers keep the sums instead, in the
    # same transaction as the tag, so they cannot drift from the rows they count.
    db.execute(
        """
        CREATE TABLE tag_counts (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            claims INTEGER NOT NULL DEFAULT 0,
            actors INTEGER NOT NULL DEFAULT 0,
            dates INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    add = ("INSERT INTO tag_counts (article_id, claims, actors, dates) VALUES ({a}.article_id,"
           " {a}.kind IS 'claim', {a}.kind IS 'actor', {a}.kind IS 'date')"
           " ON CONFLICT (article_id) DO UPDATE SET claims = claims + excluded.claims,"
           " actors = actors + excluded.actors, dates = dates + excluded.dates;")
    take = ("UPDATE tag_counts SET claims = claims - ({a}.kind IS 'claim'),"
            " actors = actors - ({a}.kind IS 'actor'), dates = dates - ({a}.kind IS 'date')"
            " WHERE article_id = {a}.article_id;")
    for name, when, body in (
        ("insert", "AFTER INSERT", add.format(a="new")),
        ("delete", "AFTER DELETE", take.format(a="old")),
        ("update", "AFTER UPDATE OF kind, article_id",
         take.format(a="old") + " " + add.format(a="new")),
    ):
        db.execute(f"CREATE TRIGGER tag_counts_{name} {when} ON annotations BEGIN {body} END")
    db.execute(
        "INSERT INTO tag_counts (article_id, claims, actors, dates)"
        " SELECT article_id, sum(kind = 'claim'), sum(kind = 'actor'), sum(kind = 'date')"
        " FROM annotations WHERE article_id IN (SELECT id FROM articles) GROUP BY article_id"
    )


@migrations(name="m009_tag_span_index")
def m009_tag_span_index(db: Database) -> None:
    # Suggesting reads every tag's kind, span and actor after each tag (20,000 rows in a
    # dense article): an index holding them answers without visiting the rows (10 ms, not
    # 24). It serves the (article_id, kind) lookups of the index it replaces, and the
    # counts that index was for now come from tag_counts.
    db.execute("DROP INDEX idx_annotations_article_kind")
    db.execute('CREATE INDEX idx_annotations_kind_spans ON annotations(article_id, kind, start,'
               ' "end", actor_id)')


@migrations(name="m010_tag_order_index")
def m010_tag_order_index(db: Database) -> None:
    # Opening an article reads its tags in the tag table's order (start, the longer
    # first, then id): an index in that order hands them over sorted, where sorting
    # 50,000 rows in Python cost a tenth of the opening. It serves every start lookup
    # of the index it replaces; ties on (start, end) come by rowid, which is id.
    db.execute("DROP INDEX idx_annotations_article")
    db.execute('CREATE INDEX idx_annotations_order ON annotations(article_id, start, "end" DESC)')


@migrations(name="m011_article_memo")
def m011_article_memo(db: Database) -> None:
    # The analyst's Markdown note on an article, searchable. Its index holds only the
    # articles that have a memo: an import (memo '') adds nothing to it, and the triggers
    # skip empty memos on both sides, so an insert and its later delete always agree.
    db.execute("ALTER TABLE articles ADD COLUMN memo TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE VIRTUAL TABLE memo_fts USING fts5(memo, content='articles', content_rowid='id')"
    )
    insert = ("INSERT INTO memo_fts(rowid, memo) SELECT new.id, new.memo"
              " WHERE new.memo != '';")
    delete = ("INSERT INTO memo_fts(memo_fts, rowid, memo) SELECT 'delete', old.id, old.memo"
              " WHERE old.memo != '';")
    for name, when, body in (
        ("insert", "AFTER INSERT", insert),
        ("delete", "AFTER DELETE", delete),
        ("update", "AFTER UPDATE OF memo", f"{delete} {insert}"),
    ):
        db.execute(f"CREATE TRIGGER memo_fts_{name} {when} ON articles BEGIN {body} END")


@migrations(name="m012_search_ranking_aliases")
def m012_search_ranking_aliases(db: Database) -> None:
    # A hit in an article's title ranks above one in its text: `ORDER BY rank` is bm25 with
    # the title weighted ten times (kept in the table's config, so every MATCH uses it).
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)')")
    # An actor is found by any of its aliases too ("Lavrov" finds the actor "Сергей Лавров").
    db.execute(
        "CREATE VIRTUAL TABLE alias_fts USING fts5(alias, content='actor_aliases',"
        " content_rowid='id')"
    )
    insert = "INSERT INTO alias_fts(rowid, alias) VALUES (new.id, new.alias);"
    delete = "INSERT INTO alias_fts(alias_fts, rowid, alias) VALUES ('delete', old.id, old.alias);"
    for name, when, body in (
        ("insert", "AFTER INSERT", insert),
        ("delete", "AFTER DELETE", delete),
        ("update", "AFTER UPDATE OF alias", f"{delete} {insert}"),
    ):
        db.execute(f"CREATE TRIGGER alias_fts_{name} {when} ON actor_aliases BEGIN {body} END")
    db.execute("INSERT INTO alias_fts(alias_fts) VALUES ('rebuild')")


# rows whose delete can be undone: their ids must never go to a new row meanwhile
_UNDOABLE_ROWS = ("articles", "annotations", "rejections")


@migrations(name="m013_ids_never_reused")
def m013_ids_never_reused(db: Database) -> None:
    # Without AUTOINCREMENT SQLite gives a new row max(id) + 1, so deleting the newest
    # article and importing another hands it the deleted one's id, and undoing the delete
    # can no longer bring back the same rows. AUTOINCREMENT changes nothing stored in the
    # table itself, only how new ids are chosen (sqlite_sequence): SQLite's documented
    # in-place schema change (ALTER TABLE, "other kinds of table schema changes") makes it
    # without copying a million rows.
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        for table in _UNDOABLE_ROWS:
            sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                             [table]).fetchone()[0]
            new = sql.replace("id INTEGER PRIMARY KEY,", "id INTEGER PRIMARY KEY AUTOINCREMENT,", 1)
            if new == sql:
                raise ValueError(f"unexpected schema of {table}: its id column was not found")
            db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                       [new, table])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")
    for table in _UNDOABLE_ROWS:  # the ids handed out so far (none are reused from here on)
        db.execute("INSERT INTO sqlite_sequence (name, seq)"
                   f" SELECT ?, coalesce(max(id), 0) FROM {table}", [table])


@migrations(name="m014_codes_codebook")
def m014_codes_codebook(db: Database) -> None:
    # The analyst's own codes; tags of one carry "code:" + its uuid as their kind (so a
    # rename is one row). AUTOINCREMENT: undoing a delete puts the code back under its id.
    db.execute(
        """
        CREATE TABLE codebook (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            colour TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
            key INTEGER UNIQUE CHECK (key IS NULL OR key BETWEEN 1 AND 9),
            description TEXT NOT NULL DEFAULT '',
            parent_id INTEGER REFERENCES codebook(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    # The library list counts own-code tags too: one more column, kept by the same triggers.
    db.execute("ALTER TABLE tag_counts ADD COLUMN codes INTEGER NOT NULL DEFAULT 0")
    own = "ifnull({a}.kind GLOB 'code:*', 0)"  # 0/1 as IS gives, also for a NULL kind
    add = ("INSERT INTO tag_counts (article_id, claims, actors, dates, codes) VALUES"
           " ({a}.article_id, {a}.kind IS 'claim', {a}.kind IS 'actor', {a}.kind IS 'date', "
           + own + ") ON CONFLICT (article_id) DO UPDATE SET claims = claims + excluded.claims,"
           " actors = actors + excluded.actors, dates = dates + excluded.dates,"
           " codes = codes + excluded.codes;")
    take = ("UPDATE tag_counts SET claims = claims - ({a}.kind IS 'claim'),"
            " actors = actors - ({a}.kind IS 'actor'), dates = dates - ({a}.kind IS 'date'),"
            " codes = codes - " + own + " WHERE article_id = {a}.article_id;")
    for name, when, body in (
        ("insert", "AFTER INSERT", add.format(a="new")),
        ("delete", "AFTER DELETE", take.format(a="old")),
        ("update", "AFTER UPDATE OF kind, article_id",
         take.format(a="old") + " " + add.format(a="new")),
    ):
        db.execute(f"DROP TRIGGER tag_counts_{name}")
        db.execute(f"CREATE TRIGGER tag_counts_{name} {when} ON annotations BEGIN {body} END")
    db.execute("UPDATE tag_counts SET codes = (SELECT count(*) FROM annotations AS n"
               " WHERE n.article_id = tag_counts.article_id AND n.kind GLOB 'code:*')")
