"""`export --table claims --claimant X --grade G` writes only X's claims of grade G, not every
claim in the articles they appear in (the README's "claims by Sergei Lavrov, disputed")."""

from __future__ import annotations

import csv
import io

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.storage.actors import create_actor
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article

TEXT = ("Сергей Лавров said the drills were over. Antony Blinken said the drills went on. "
        "Лавров added that 🇺🇦 talks had failed.\n")


def test_claims_of_one_claimant_and_grade(db, db_path, capsys):
    article = add_article(db, ImportedArticle("T", TEXT, "t.txt", "2022-02-09")).article_id
    lavrov = create_actor(db, "Сергей Лавров", "person", aliases=["Sergei Lavrov"])
    blinken = create_actor(db, "Antony Blinken", "person")
    for words, who, grade, status in (
            ("the drills were over", lavrov, ("B", 2), "disputed"),
            ("the drills went on", blinken, ("E", 5), "disputed"),
            ("🇺🇦 talks had failed", lavrov, ("E", 5), "unverified")):
        start = TEXT.index(words)
        add_annotation(db, article, "claim", start, start + len(words), claimant_id=who.id,
                       status=status, reliability=grade[0], credibility=grade[1])
    db.close()

    def export(*facets):
        assert main(["export", "--db", str(db_path), "--table", "claims", *facets]) == 0
        out = capsys.readouterr().out
        return [r["quote"] for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))]

    assert export("--claimant", "sergei lavrov", "--status", "disputed") == [
        "the drills were over"]
    assert export("--claimant", "Сергей Лавров") == ["the drills were over",
                                                      "🇺🇦 talks had failed"]
    assert export("--grade", "e5") == ["the drills went on", "🇺🇦 talks had failed"]
    assert export("--claimant", "Sergei Lavrov", "--grade", "E5") == ["🇺🇦 talks had failed"]
    assert export("--claimant", "Nobody Known") == []
    # all tags: the facet chooses the articles (README), so every tag of them is written
    assert main(["export", "--db", str(db_path), "--claimant", "Antony Blinken"]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))) == 3
    assert main(["export", "--db", str(db_path), "--table", "claims", "--grade", "Z9"]) == 2
    assert "Admiralty grade" in capsys.readouterr().err
