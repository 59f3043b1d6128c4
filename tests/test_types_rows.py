"""Storage reads rows by column name: a column moved in a SELECT or a field moved in a
dataclass cannot put a value in the wrong field."""

from __future__ import annotations

from dataclasses import fields

from reader_app.domain.models import Annotation
from reader_app.storage.annotations import (
    ANNOTATION_COLUMNS,
    EDITABLE,
    SEMANTIC_FIELDS,
    row_to_annotation,
)
from reader_app.storage.rows import count, named_row, named_rows


def _distinct_row() -> dict[str, object]:
    """A sound row in which every column holds a value no other column holds."""
    ints = {"id", "article_id", "actor_id", "claimant_id", "claim_date_annotation_id"}
    row: dict[str, object] = {}
    for i, name in enumerate(ANNOTATION_COLUMNS):
        row[name] = 100 + i if name in ints else f"{name} value"
    row.update(start=3, end=9, credibility=4)
    return row


def test_annotation_columns_are_the_fields_of_annotation():
    assert set(ANNOTATION_COLUMNS) == {f.name for f in fields(Annotation)} - {"damage"}
    assert len(set(ANNOTATION_COLUMNS)) == len(ANNOTATION_COLUMNS)


def test_each_column_lands_in_the_field_of_its_name():
    row = _distinct_row()
    ann = row_to_annotation(tuple(row.values()))
    assert ann.damage is None
    for name, value in row.items():
        assert getattr(ann, name) == value, name


def test_a_wrong_typed_row_is_repaired_field_by_field():
    row = _distinct_row()
    row.update(start="3", note=b"bytes", credibility="four")
    ann = row_to_annotation(tuple(row.values()))
    assert ann.damage is not None and ann.damage.stored_start == "3"
    assert (ann.start, ann.end, ann.credibility) == (0, 0, None)
    assert ann.quote == "quote value" and ann.claimant_id == row["claimant_id"]


def test_editable_fields_are_the_typed_edit_fields():
    assert set(EDITABLE) == {"kind", "value", "note", "analyst", *SEMANTIC_FIELDS}


def test_named_rows_leave_other_queries_as_tuples(db):
    row = named_row(db, "SELECT 1 AS one, 'b' AS two")
    assert row is not None and (row["one"], row["two"]) == (1, "b")
    assert [r["x"] for r in named_rows(db, "SELECT 5 AS x UNION SELECT 6 ORDER BY 1")] == [5, 6]
    assert count(db, "SELECT count(*) AS n FROM articles") == 0
    assert db.execute("SELECT 1, 2").fetchone() == (1, 2)  # the connection's factory is untouched
