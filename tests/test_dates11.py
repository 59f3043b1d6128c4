"""English date round 11: a bare "the weekend" follows its clause's tense."""

from reader_app.domain.dates import resolve_in_text


def _value(text: str, span: str, dateline: str = "2025-10-16") -> str | None:
    start = text.index(span)
    return resolve_in_text(text, start, start + len(span), dateline, "en").value


def test_past_clause_takes_the_weekend_before_a_thursday_dateline() -> None:
    assert _value("Negotiators walked out over the weekend.", "over the weekend") == \
        "2025-10-11/2025-10-12"
    assert _value("Crowds packed the beaches at the weekend.", "at the weekend") == \
        "2025-10-11/2025-10-12"


def test_future_clause_takes_the_coming_weekend_after_a_monday_dateline() -> None:
    text = "The band will play two shows over the weekend."
    assert _value(text, "over the weekend", "2025-10-13") == "2025-10-18/2025-10-19"


def test_without_tense_the_nearest_weekend_stays() -> None:
    assert _value("Roadworks over the weekend.", "over the weekend") == "2025-10-18/2025-10-19"
