"""The tag actions' tooltips (the toolbar's buttons) read as English: "an actor", "a claim"."""
from __future__ import annotations


def test_tag_tooltips_use_the_right_article(window) -> None:
    tips = {kind: action.toolTip() for kind, action in window.actions_.tag.items()}
    assert tips == {"claim": "Tag the selected text as a claim (C)",
                    "actor": "Tag the selected text as an actor (A)",
                    "date": "Tag the selected text as a date (D)"}
