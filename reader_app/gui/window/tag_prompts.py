"""What the status bar says when C, A, D or Delete cannot act: what to do instead."""

from __future__ import annotations

NO_ARTICLE = "Open an article from the library first, then select some text to tag."
NO_SELECTION = ("Select some text in the article first: drag over the words or double-click"
                " a word, then press C (claim), A (actor) or D (date).")
ONLY_PUNCTUATION = ("Only spaces and punctuation are selected: nothing was tagged."
                    " Select some words.")
NO_TAG_TO_DELETE = ("No tag is selected to delete: click a highlighted tag in the article"
                    " (or pick one in the tag list), then press Delete.")


def tag_refusal(article_open: bool, raw: tuple[int, int] | None,
                tidy: tuple[int, int] | None) -> str:
    """Why tagging cannot go ahead ("" when it can). raw: the selection as
    selected; tidy: what a tag would take of it (None: nothing is left)."""
    if not article_open:
        return NO_ARTICLE
    if raw is None:
        return NO_SELECTION
    if tidy is None:
        return ONLY_PUNCTUATION
    return ""
