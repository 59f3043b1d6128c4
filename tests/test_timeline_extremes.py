"""Dates at the calendar's edges (year 1, year 9999) and values Python's date cannot hold:
the timeline keeps every other item instead of failing as a whole."""

from __future__ import annotations

from datetime import date

from reader_app.domain.iso_values import iso_extent, iso_granularity
from reader_app.domain.models import ImportedArticle
from reader_app.services.tagging import edit_tag, tag
from reader_app.services.timeline_data import timeline_data
from reader_app.storage.articles import add_article, get_article

TEXT = "Monks wrote of the founding year. Stargazers wrote of the last month. Scribes wrote more."


def test_values_at_the_calendar_edges():
    assert iso_extent("9999-12") == (date(9999, 12, 1), date(9999, 12, 31))
    assert iso_extent("0001-W01") == (date(1, 1, 1), date(1, 1, 7))
    assert iso_extent("9999") == (date(9999, 1, 1), date(9999, 12, 31))
    # no such year, and a week that ends in year 10000: not real values
    assert iso_granularity("0000") is None and iso_extent("0000") is None
    assert iso_granularity("9999-W52") is None and iso_extent("9999-W52") is None
    assert iso_granularity("0000/2022") is None


def test_the_timeline_of_year_one_and_year_9999(db):
    article = add_article(db, ImportedArticle("Ages", TEXT, "chronicle", "0001-01-01", "en"))
    stored = get_article(db, article.article_id)
    made = {}
    for quote, value in (("the founding year", "0001"), ("the last month", "9999-12")):
        i = TEXT.index(quote)
        new, _ = tag(db, stored, "claim", i, i + len(quote))
        edit_tag(db, new.annotation.id, {"claim_date": value})
        made[new.annotation.id] = value
    # a file written elsewhere may hold a year Python cannot draw: that item is left out
    i = TEXT.index("Scribes")
    odd, _ = tag(db, stored, "claim", i, i + 7)
    db.execute("UPDATE annotations SET claim_date = '0000' WHERE id = ?", [odd.annotation.id])
    db.conn.commit()
    data = timeline_data(db)
    shown = {m.annotation_id: (m.start, m.end) for m in data.marks() if m.annotation_id}
    assert set(shown) == set(made)
    assert sorted(shown.values()) == [(date(1, 1, 1), date(1, 12, 31)),
                                      (date(9999, 12, 1), date(9999, 12, 31))]
    assert [m.kind for m in data.marks()].count("article") == 1
