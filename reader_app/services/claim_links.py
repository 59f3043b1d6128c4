"""What a new tag completes in the claims around it, in one place for every way of tagging
(the window, the command line, accepting suggestions): a date dates the undated claims
holding it (claim_dating), an actor becomes the claimant of the claims it now speaks
(claim_crediting). Each with its undo and redo, inside the tagging's transaction."""

from __future__ import annotations

from sqlite_utils import Database

from reader_app.domain.models import Article
from reader_app.services.analysis import NewTag
from reader_app.services.claim_crediting import (
    CLAIMANT_LINK,
    crediting_new_tag,
    recrediting,
    uncredit_claims,
)
from reader_app.services.claim_dating import DATE_LINK, dating_new_tag, redating, undate_claims
from reader_app.services.readback import Pair

LINK_FIELDS = (*DATE_LINK, *CLAIMANT_LINK)  # the claim fields these steps change


def completing(db: Database, article: Article, new: NewTag) -> tuple[NewTag, list[Pair]]:
    """The new tag with the claims it dated or credited, and their (before, after)."""
    new, dated = dating_new_tag(db, new)
    new, credited = crediting_new_tag(db, article, new)
    return new, dated + credited


def uncompleting(db: Database, new: NewTag) -> list[Pair]:
    """Undo completing: those claims lose the date or claimant the tag gave them."""
    return undate_claims(db, list(new.dated_claims)) + uncredit_claims(db, list(new.credited_claims))


def recompleting(db: Database, back: NewTag) -> list[Pair]:
    """Redo: the claims take the tag's date or actor again."""
    return redating(db, back) + recrediting(db, back)


def link_fields(pairs: list[Pair]) -> tuple[str, ...]:
    return LINK_FIELDS if pairs else ()
