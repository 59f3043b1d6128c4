"""An ISO interval that ends before it starts is not a date: not in the one check, not typed
into a date tag or a claim's date, not stored."""

from __future__ import annotations

import pytest
from gui_helpers import tag

from reader_app.domain.iso_values import iso_granularity, not_a_date
from reader_app.domain.models import ImportedArticle
from reader_app.storage.annotations import (
    add_annotation,
    get_annotation,
    update_annotation,
)
from reader_app.storage.articles import add_article

REVERSED = ["2022-03-01/2022-02-01", "2022-02-02/2022-02-01", "2022-03/2022-02",
            "2022-W09/2022-W07", "2023/2022", "2022-03-01/2022-02", "2022-W10/2022-03-01"]


@pytest.mark.parametrize("value", REVERSED)
def test_a_reversed_interval_is_not_a_date(value):
    assert iso_granularity(value) is None
    assert "ends before it starts" in not_a_date(value)


@pytest.mark.parametrize("value", [
    "2022-02-01/2022-02-01",  # one day
    "2022-02-20/2022-02",  # from the 20th to the end of February
    "2022-02/2022-02-15", "2022/2022-12", "2021-12-27/2022-W01", "2024-02-01/2024-02-29",
])
def test_an_interval_that_ends_on_or_after_its_start_is_one(value):
    assert iso_granularity(value) == "interval"


def test_an_impossible_interval_keeps_the_plain_message():
    assert "ends before" not in not_a_date("2022-02-30/2022-02-01")
    assert "is not a date" in not_a_date("2022-02-30/2022-02-01")


TEXT = "Talks resume on Friday. Okafor said the port “will reopen soon.”"


@pytest.fixture
def ctrl(db, make_ctrl):
    article_id = add_article(db, ImportedArticle("t", TEXT, "t.txt",
                                                 published="2023-10-18")).article_id
    return make_ctrl(article_id)


def test_typing_a_reversed_interval_into_a_date_tag_is_refused(ctrl):
    friday = tag(ctrl, "date", "Friday", TEXT)
    ctrl.correct_date(friday.id, "2023-10-27/2023-10-20")
    assert ctrl.errors and "ends before it starts" in ctrl.errors[-1]
    assert ctrl.annotation(friday.id).value == "2023-10-20"  # unchanged
    ctrl.correct_date(friday.id, "2023-10-20/2023-10-27")
    assert ctrl.annotation(friday.id).granularity == "interval"


def test_a_reversed_claim_date_is_refused_in_the_window_and_in_storage(ctrl, db):
    claim = tag(ctrl, "claim", "“will reopen soon.”", TEXT)
    ctrl.set_claim_fields(claim.id, claim_date="2023-10-27/2023-10-20")
    assert ctrl.errors and "ends before it starts" in ctrl.errors[-1]
    assert ctrl.annotation(claim.id).claim_date is None
    with pytest.raises(ValueError, match="claim date must be"):
        update_annotation(db, claim.id, claim_date="2023-10-27/2023-10-20")
    with pytest.raises(ValueError):
        add_annotation(db, claim.article_id, "claim", 0, 5, claim_date="2023/2022")
    assert get_annotation(db, claim.id).claim_date is None
