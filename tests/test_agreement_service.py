"""Agreement over a real library: two (and three) analysts tagging through services/tagging.py;
the service's figures, the skipped articles, and `reader-app agreement`."""

from __future__ import annotations

import csv
import json

import pytest
from agreement_library import TEXT, at, build, put

from reader_app.cli import main
from reader_app.domain.models import ImportedArticle
from reader_app.services.agreement import agreement, report_rows
from reader_app.storage.articles import add_article, get_article


def kappa_from_table(a, b, c, d):
    """Cohen's kappa of a 2x2 table: a both, b A only, c B only, d neither (by hand:
    (p_o - p_e)/(1 - p_e) simplifies to 2(ad - bc) / ((a+b)(b+d) + (a+c)(c+d)))."""
    return 2 * (a * d - b * c) / ((a + b) * (b + d) + (a + c) * (c + d))


def test_two_analysts_on_a_shared_article(db):
    one, two = build(db)
    report = agreement(db)
    assert report.analysts == ("ann", "bob")
    [pair] = report.pairs
    assert (pair.analyst_a, pair.analyst_b, pair.article_ids) == ("ann", "bob", (one,))
    # article 2: only ann tagged it
    assert [(s.article_id, s.reason) for s in report.skipped] == [(two, "only ann tagged it")]
    kinds = {k.kind: k for k in pair.kinds}
    n = len(TEXT)
    assert n == 197 and len(TEXT.encode("utf-16-le")) // 2 == 201  # 𝕏, 🇺🇦 (two), 𠀀: astral
    # actors: ann "Zelensky" (8) + "Putin" (5); bob "President Zelensky" (18) + "Putin" (5)
    actor = kinds["actor"]
    assert (actor.spans_a, actor.spans_b, actor.exact.matches, actor.overlap.matches) == (2, 2, 1, 2)
    assert actor.exact.f1.value == 0.5  # 2*1/(2+2)
    assert actor.overlap.f1.value == 1.0  # "Zelensky" lies inside "President Zelensky"
    # characters: both 8 + 5 = 13, A only 0, B only 10 ("President "), neither 197 - 23 = 174
    kap = actor.kappa
    assert (kap.both, kap.a_only, kap.b_only, kap.neither) == (13, 0, 10, 174)
    # 2*(13*174 - 0)/((13)(174) + (23)(184)) = 4524/6494
    assert kap.kappa.value == pytest.approx(4524 / 6494)
    assert kap.kappa.value == pytest.approx(kappa_from_table(13, 0, 10, 174))
    # claims: three shared spans (34 + 19 + 28 = 81 characters) and bob's "posts were fake" (15)
    claim = kinds["claim"]
    assert (claim.spans_a, claim.spans_b, claim.exact.matches) == (3, 4, 3)
    assert claim.exact.precision.value == 0.75 and claim.exact.recall.value == 1.0
    assert claim.exact.f1.value == pytest.approx(6 / 7)  # 2*3/(3+4)
    assert (claim.kappa.both, claim.kappa.b_only, claim.kappa.neither) == (81, 15, 101)
    assert claim.kappa.kappa.value == pytest.approx(2 * 81 * 101 / (81 * 101 + 96 * 116))
    # dates: the same span, both 11 characters
    assert kinds["date"].exact.f1.value == 1.0 and kinds["date"].kappa.kappa.value == 1.0


def test_attribute_alphas_of_matched_spans(db):
    build(db)
    [pair] = agreement(db).pairs
    alphas = {a.attribute.name: a for a in pair.attributes}
    # actor: units ("Zelensky", a person since he "said", and "President Zelensky", his
    # surname with a title: the same actor) and (Putin, Putin): every pair agrees
    assert alphas["actor"].units == 2 and alphas["actor"].alpha.value == 1.0
    # status: (u,u) (d,d) (f,d): n_u = 2, n_d = 3, n_f = 1
    # alpha = 1 - 5*2 / (2*(2*3 + 2*1 + 3*1)) = 1 - 10/22 = 6/11
    assert alphas["status"].units == 3 and alphas["status"].alpha.value == pytest.approx(6 / 11)
    # reliability (ordinal): (B,B) (B,C) (C,C): n_B = n_C = 3; d(B,C) = (3 + 3 - 3)^2 = 9
    # alpha = 1 - 5*(2*9) / (2*3*3*9) = 1 - 90/162 = 4/9
    assert alphas["reliability"].alpha.value == pytest.approx(4 / 9)
    # claimant: the service proposed the same claimant for the first two claims, none for
    # the NATO one ("it" is no actor tag): units (Zelensky, Zelensky), (Putin, Putin) -> 1
    assert alphas["claimant"].units == 2 and alphas["claimant"].alpha.value == 1.0
    # date value: one unit, one value: undefined, said so
    assert alphas["date_value"].alpha.value is None and "same value" in alphas["date_value"].alpha.reason
    assert alphas["credibility"].units == 0 and alphas["credibility"].alpha.value is None


def test_every_pair_of_three_analysts_and_a_chosen_pair(db):
    one, two = build(db, third=True)
    report = agreement(db)
    assert [(p.analyst_a, p.analyst_b) for p in report.pairs] == [
        ("ann", "bob"), ("ann", "cat"), ("bob", "cat")]
    # bob vs cat: article 2 was tagged by neither: not listed when no articles were asked for
    assert {(s.analyst_a, s.analyst_b) for s in report.skipped} == {("ann", "bob"), ("ann", "cat")}
    [pair] = agreement(db, ("bob", "ann")).pairs  # bob is the reference now
    claim = {k.kind: k for k in pair.kinds}["claim"]
    assert claim.exact.precision.value == 1.0 and claim.exact.recall.value == 0.75
    with pytest.raises(ValueError, match="no tags by analyst 'dan'"):
        agreement(db, ("ann", "dan"))
    with pytest.raises(ValueError, match="two different"):
        agreement(db, ("ann", "ann"))


def test_article_scope_and_unknown_articles(db):
    one, two = build(db)
    report = agreement(db, ("ann", "bob"), [two, 99])
    assert report.pairs[0].article_ids == ()
    assert {(s.article_id, s.reason) for s in report.skipped} == {
        (two, "only ann tagged it"), (99, "no such article")}
    kinds = {k.kind: k for k in report.pairs[0].kinds}
    assert kinds["actor"].kappa.kappa.value is None  # no characters compared


def test_fewer_than_two_analysts_is_said_plainly(db):
    aid = add_article(db, ImportedArticle("One", "Putin spoke.", "one.txt")).article_id
    assert "nobody has tagged" in agreement(db).message
    put(db, get_article(db, aid), "ann", "actor", "Putin")
    report = agreement(db)
    assert report.pairs == () and "only 'ann' has tagged" in report.message


def test_tags_without_an_analyst_are_nobodys(db):
    one, _ = build(db)
    art = get_article(db, one)
    from reader_app.services.tagging import tag
    tag(db, art, "date", *at(art.text, "2022-02-09"))  # analyst None
    [pair] = agreement(db).pairs
    assert {k.kind: k for k in pair.kinds}["date"].spans_a == 1


def test_cli_text_csv_and_json(db, db_path, tmp_path, capsys):
    one, two = build(db)
    db.close()
    assert main(["agreement", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "ann (A, reference) vs bob (B)" in out and "skipped article 2 (Talks)" in out
    target = tmp_path / "agree.csv"
    assert main(["agreement", "--db", str(db_path), "--format", "csv", "-o", str(target),
                 "--analysts", "ann", "bob", "--article", str(one)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel: UTF-8 with a BOM
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    cell = {(r["kind"], r["measure"]): r for r in rows}
    assert float(cell["claim", "exact_f1"]["value"]) == pytest.approx(6 / 7, abs=1e-6)
    assert float(cell["actor", "kappa"]["value"]) == pytest.approx(4524 / 6494, abs=1e-6)
    assert cell["actor", "kappa"]["n"] == "197"
    assert cell["date", "alpha_date_value"]["value"] == ""  # n/a: empty, with the reason
    assert "same value" in cell["date", "alpha_date_value"]["note"]
    assert main(["agreement", "--db", str(db_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    pair = data["pairs"][0]
    assert pair["kinds"]["actor"]["overlap"]["f1"] == {"value": 1.0, "reason": ""}
    assert pair["attributes"]["status"]["alpha"]["value"] == pytest.approx(6 / 11)
    assert pair["attributes"]["credibility"]["alpha"]["value"] is None
    assert data["skipped"][0]["reason"] == "only ann tagged it"
    assert "NaN" not in json.dumps(data)


def test_cli_refusals(db, db_path, capsys):
    build(db)
    db.close()
    assert main(["agreement", "--db", str(db_path), "--analysts", "ann", "zed"]) == 2
    assert "no tags by analyst 'zed'" in capsys.readouterr().err
    assert main(["agreement", "--db", str(db_path), "-o", str(db_path)]) == 2
    assert "library itself" in capsys.readouterr().err
    assert main(["agreement", "--db", str(db_path.parent / "none.sqlite")]) == 1


def test_csv_cells_are_excel_safe(db):
    aid = add_article(db, ImportedArticle("One", "Putin spoke to Biden.", "one.txt")).article_id
    art = get_article(db, aid)
    put(db, art, "=cmd()", "actor", "Putin")
    put(db, art, "bob", "actor", "Putin")
    rows = report_rows(agreement(db))
    assert rows[0][:2] in (("=cmd()", "bob"), ("bob", "=cmd()"))
    from io import StringIO

    from reader_app.formats.csv_export import write_csv
    out = StringIO()
    write_csv(rows, ("a", "b", "c", "d", "e", "f", "g"), out)
    assert "'=cmd()" in out.getvalue() and ",=cmd()" not in out.getvalue()


def test_a_tag_that_no_longer_fits_its_text_is_left_out(db):
    one, _ = build(db)
    # someone else's edit: bob's "posts were fake" now quotes text that is nowhere
    db.execute("UPDATE annotations SET quote = 'no such words' WHERE quote = 'posts were fake'")
    claim = {k.kind: k for k in agreement(db).pairs[0].kinds}["claim"]
    assert claim.spans_b == 3 and claim.kappa.kappa.value == 1.0  # the three shared claims


def test_a_name_stored_as_a_number_is_read_as_text(db):
    aid = add_article(db, ImportedArticle("One", "Putin spoke to Biden.", "one.txt")).article_id
    art = get_article(db, aid)
    put(db, art, "ann", "actor", "Putin")
    put(db, art, "bob", "actor", "Putin")
    db.execute("UPDATE annotations SET analyst = 7 WHERE analyst = 'bob'")  # a tampered file
    [pair] = agreement(db).pairs
    assert (pair.analyst_a, pair.analyst_b) == ("7", "ann")
    assert {k.kind: k for k in pair.kinds}["actor"].exact.f1.value == 1.0
