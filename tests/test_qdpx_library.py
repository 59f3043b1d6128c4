"""End to end: a real library -> read_bundle -> .qdpx -> read_qdpx gives the same Bundle."""

from __future__ import annotations

import io
from dataclasses import replace

from qdpx_helpers import SCHEMA, members, qdpx_bytes

from reader_app.domain.models import ImportedArticle
from reader_app.formats.qdpx_read import read_qdpx
from reader_app.storage.actors import create_actor
from reader_app.storage.annotations import add_annotation
from reader_app.storage.articles import add_article
from reader_app.storage.bundle_read import read_bundle

TEXT = ("date 2022-02-09\nKYIV 🇺🇦 — Ganna Malyar said on Thursday that “the 𝕏 drills are"
        " a bluff”.\nשלום e\u0301 👨‍👩‍👧 Привет\u00a0мир.")


def test_library_round_trip(db, tmp_path):
    art_id = add_article(db, ImportedArticle(title="Kyiv ⟨report⟩", text=TEXT, source="kyiv.txt",
                                             published="2022-02-09", language="uk")).article_id
    db.execute("UPDATE articles SET memo = ? WHERE id = ?", ["Check\nthe date.", art_id])
    malyar = create_actor(db, "Ganna Malyar", "person", aliases=["Malyar"], note="Deputy minister")
    create_actor(db, "ganna malyar jr", "person")  # an actor nobody tags still travels
    s = TEXT.index("Ganna")
    add_annotation(db, art_id, "actor", s, s + 12, actor_id=malyar.id, analyst="anna")
    t = TEXT.index("Thursday")
    date = add_annotation(db, art_id, "date", t, t + 8, value="2022-02-10", granularity="day",
                          date_method="weekday", analyst="boris", note="next day")
    q = TEXT.index("“the")
    add_annotation(db, art_id, "claim", q, TEXT.index("”") + 1, claimant_id=malyar.id,
                   status="disputed", reliability="B", credibility=3, claim_date="2022-02-10",
                   claim_date_annotation_id=date.id, analyst="anna", note="Two\nlines")
    f = TEXT.index("👨")
    add_annotation(db, art_id, "claim", f, f + len("👨‍👩‍👧"))
    bundle = read_bundle(db)
    assert bundle.report == ()
    data = qdpx_bytes(bundle)
    SCHEMA.validate(io.BytesIO(members(data)["project.qde"]))
    path = tmp_path / "library.qdpx"
    path.write_bytes(data)
    back = read_qdpx(path)
    assert back.report == ()
    assert replace(back, origin=bundle.origin) == bundle
    assert back.articles[0].memo == "Check\nthe date."
    assert len(back.actors) == 2
    claim = next(t for t in back.articles[0].tags if t.status)
    assert claim.claim_date_tag_uuid == date.uuid
    assert (claim.reliability, claim.credibility, claim.claimant_uuid) == ("B", 3, malyar.uuid)
