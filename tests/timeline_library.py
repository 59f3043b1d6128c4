"""A small library for the timeline tests, built through the real services: articles with
published dates, claims with claimants and dates, date tags of every granularity."""

from __future__ import annotations

from reader_app.domain.models import ImportedArticle
from reader_app.services.analysis import fields_for_date_correction
from reader_app.services.tagging import edit_tag, tag
from reader_app.storage.actors import create_actor
from reader_app.storage.articles import add_article, get_article

TALKS = ("date 2022-02-09\nGeneva talks stall. Lavrov said the West “is not listening” on Thursday. "
         "Drills run next week. Sanctions came in March. Tensions date from 2019. "
         "Talks resume 14-20 February. NATO said <b>x</b> was a bluff.")
LATER = ("Kyiv briefing. Officials said the 🇺🇦 corridor 𝕏 stays open. "
         "Nobody dates this claim.")


def span(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def build(db) -> dict[str, int]:
    """Ids by name: the articles, the tags and the actors."""
    ids: dict[str, int] = {}
    a1 = add_article(db, ImportedArticle("Geneva talks", TALKS, "wire", "2022-02-09", "en"))
    a2 = add_article(db, ImportedArticle("Kyiv briefing", LATER, "wire", "2022-03-01", "en"))
    a3 = add_article(db, ImportedArticle("Undated note", "No date at all here.", "memo"))
    ids.update(talks=a1.article_id, later=a2.article_id, undated=a3.article_id)
    talks = get_article(db, a1.article_id)
    lavrov = create_actor(db, "Sergei Lavrov", "person", ["Lavrov"])
    nato = create_actor(db, "NATO", "organization")
    ids.update(lavrov=lavrov.id, nato=nato.id)

    def date_tag(quote: str, value: str) -> int:
        new, _ = tag(db, talks, "date", *span(TALKS, quote))
        edit_tag(db, new.annotation.id, fields_for_date_correction(talks, value))
        return new.annotation.id

    ids["thursday"] = tag(db, talks, "date", *span(TALKS, "Thursday"))[0].annotation.id
    ids["week"] = date_tag("next week", "2022-W07")
    ids["month"] = date_tag("March", "2022-03")
    ids["year"] = date_tag("2019", "2019")
    ids["interval"] = date_tag("14-20 February", "2022-02-14/2022-02-20")
    # a claim around the Thursday date tag: its date comes from that tag
    claim, _ = tag(db, talks, "claim", *span(TALKS, "the West “is not listening” on Thursday"))
    edit_tag(db, claim.annotation.id, {"claimant_id": lavrov.id})
    ids["lavrov_claim"] = claim.annotation.id
    bluff, _ = tag(db, talks, "claim", *span(TALKS, "<b>x</b> was a bluff"))
    edit_tag(db, bluff.annotation.id, {"claimant_id": nato.id, "claim_date": "2022-02",
                                       "status": "disputed"})
    ids["nato_claim"] = bluff.annotation.id
    later = get_article(db, a2.article_id)
    corridor, _ = tag(db, later, "claim", *span(LATER, "the 🇺🇦 corridor 𝕏 stays open"))
    edit_tag(db, corridor.annotation.id, {"claim_date": "2022-03-01", "claimant_id": None})
    ids["corridor_claim"] = corridor.annotation.id
    nodate, _ = tag(db, later, "claim", *span(LATER, "Nobody dates this claim."))
    ids["undated_claim"] = nodate.annotation.id
    return ids
