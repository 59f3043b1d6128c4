"""The date finder: reader_app.domain.date_finder.find_dates (no Qt, no database)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.date_finder import find_dates
from reader_app.domain.dates import resolve_in_text

try:  # shared with benchmarks/date_accuracy.py
    from date_cases import MARKED, Marked, score_marked, unmark
except ImportError:  # tests/ imported as a package
    from tests.date_cases import MARKED, Marked, score_marked, unmark

def score(article: Marked) -> tuple[int, int, int, int, int]:
    return score_marked(article, find_dates)


def test_recall_and_precision_on_marked_articles() -> None:
    totals = [sum(x) for x in zip(*(score(a) for a in MARKED))]
    marked, found, valued, suggested, right = totals
    assert found / marked >= 0.9, totals
    assert valued / found >= 0.9, totals
    assert right / suggested >= 0.95, totals


@pytest.mark.parametrize("article", MARKED, ids=[f"{a.language}-{a.dateline}" for a in MARKED])
def test_each_marked_article(article: Marked) -> None:
    marked, found, valued, suggested, right = score(article)
    assert found >= marked - 1 and right == suggested, (marked, found, valued, suggested, right)


def _spans(text: str, dateline: str = "2023-03-14", language: str = "en") -> list[str]:
    return [text[m.start:m.end] for m in find_dates(text, dateline, language)]


def test_offsets_are_exact_and_in_text_order() -> None:
    for article in MARKED:
        text, _ = unmark(article.text)
        mentions = find_dates(text, article.dateline, article.language)
        assert mentions == sorted(mentions)
        for a, b in zip(mentions, mentions[1:]):
            assert a.end <= b.start
        for m in mentions:
            assert text[m.start:m.end] == text[m.start:m.end].strip()
            assert m.start < m.end


@pytest.mark.parametrize("prefix", ["🇺🇦 ", "👨‍👩‍👧 ", "𠀀𠀀 ", "e\u0301 ", "\u00a0", "\ufeff",
                                    "İstanbul "])
def test_astral_and_odd_characters_before_dates_keep_offsets(prefix: str) -> None:
    text = prefix * 3 + "Officials said on Friday that talks resume on 20 March 2023."
    mentions = find_dates(text, "2023-03-14", "en")
    assert [text[m.start:m.end] for m in mentions] == ["Friday", "20 March 2023"]
    assert mentions[0].value == "2023-03-10" and mentions[1].value == "2023-03-20"


@pytest.mark.parametrize("text", [
    "The dam has stood for 50 years.", "The siege lasted three hours.",
    "Negotiations took six weeks.", "It took five decades to rebuild.",
    "Shelling went on for two days.", "It was the first such fall in 30 years.",
    "Обстріл тривав дві години.", "Війна триває вже вісім років.",
    "Колонна двигалась три часа.", "Переговоры шли пять дней.",
    "Some 2000 troops crossed.", "It cost £2023 and 1,500 people.",
    "They may march on the capital.", "He scored 1998 points.",
    "Shoppers queued on Black Friday.", "The Sunday Times reported it.",
    "Aid arrived in 1500 villages.", "Buses run every Sunday.", "A loan of 2000 million.",
    "Кредит в 1500 миллионов евро.",
])
def test_no_durations_quantities_or_verbs(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize(("text", "spans"), [
    ("The minister said on Thursday that 3 and 5 May 2023 were quiet.",
     ["Thursday", "3", "5 May 2023"]),
    ("Elections were held in March and April 2023.", ["March", "April 2023"]),
    ("Talks ran Feb. 13-19, and from March to May 2023 a truce held.",
     ["Feb. 13-19", "from March to May 2023"]),
    ("In the 2019 election and between 2019 and 2021, mid-2021 too.",
     ["2019", "between 2019 and 2021", "mid-2021"]),
    ("Two days ago, yesterday and today; last week, this year, next month.",
     ["Two days ago", "yesterday", "today", "last week", "this year", "next month"]),
    ("Over the weekend and in the 1990s, on 10.02.2022 and 2022-02-10.",
     ["weekend", "1990s", "10.02.2022", "2022-02-10"]),
    ("Thursday, Feb. 10, 2022 and last Friday and next Monday.",
     ["Thursday, Feb. 10, 2022", "last Friday", "next Monday"]),
    ("Monday's attack, Tuesday’s vote and last week's strike.",
     ["Monday", "Tuesday", "last week"]),
    ("Filed 02/24/2022, 24/02/2022 and 24.02.2022.", ["02/24/2022", "24/02/2022", "24.02.2022"]),
])
def test_spans_are_what_an_analyst_tags(text: str, spans: list[str]) -> None:
    assert _spans(text) == spans


def test_cyrillic() -> None:
    uk = "Міністр заявив у п’ятницю, що 10 лютого 2022 року і минулого тижня було тихо."
    assert _spans(uk, language="uk") == ["п’ятницю", "10 лютого 2022 року", "минулого тижня"]
    ru = "Встреча пройдет в четверг; вчера и в 2019 году, с 14 по 20 февраля."
    assert _spans(ru, language="ru") == ["четверг", "вчера", "2019 году", "с 14 по 20 февраля"]
    values = [m.value for m in find_dates(ru, "2023-03-14", "ru")]
    assert values == ["2023-03-16", "2023-03-13", "2019", "2023-02-14/2023-02-20"]


def test_weekdays_follow_the_tense_of_their_clause() -> None:
    text = ("The envoy met rebels on Friday. He will meet them again on Friday. "
            "The Friday talks are a test.")
    assert [m.value for m in find_dates(text, "2023-03-14", "en")] == [
        "2023-03-10", "2023-03-17", "2023-03-17"]


def test_a_past_weekday_a_day_after_the_dateline_says_why() -> None:
    from reader_app.domain.dates import resolve_in_text

    text = "Officials said on Thursday that the talks had stalled."
    start = text.index("on Thursday")
    found = resolve_in_text(text, start, start + 11, "2022-02-09")  # a Wednesday
    assert found.value == "2022-02-10"
    assert found.explanation == (
        "Thursday: the day after the dateline Wed 2022-02-09; the clause is in the past tense"
        " ('said'), and a dateline can be a day behind the story it heads.")
    start = text.index("on Thursday")
    earlier = resolve_in_text(text, start, start + 11, "2022-02-14")  # a Monday
    assert earlier.value == "2022-02-10" and "before the dateline" in earlier.explanation


def test_a_decade_with_an_apostrophe_takes_the_latest_century_by_the_dateline() -> None:
    text = ("Back in the '90s the port was busier; in the ’20s it may close. Rock ’n’ roll "
            "helped. Temperatures were in the 90s on Monday, and the 1980s were quieter.")
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, "2024-03-13", "en")]
    assert found == [("'90s", "1990/1999"), ("’20s", "2020/2029"), ("Monday", "2024-03-11"),
                     ("1980s", "1980/1989")]
    assert [m.value for m in find_dates("In the '30s.", "2024-03-13", "en")] == ["1930/1939"]
    (undated,) = find_dates("In the '30s.", None, "en")
    assert (undated.value, undated.method) == (None, "unresolved-undated")


def test_words_dateparser_cannot_place_never_become_the_dateline() -> None:
    from reader_app.domain.dates import resolve_date

    for phrase in ("in the 90s", "the nineties", "in the '9s"):
        found = resolve_date(phrase, "2024-03-13", "en")
        assert found.value != "2024-03-13", (phrase, found)
    assert resolve_date("today", "2024-03-13", "en").value == "2024-03-13"


def test_undated_article_keeps_relative_dates_without_value() -> None:
    mentions = find_dates("He left on Friday and came back on 10 May 2021.", None, "en")
    assert [(m.value, m.method) for m in mentions] == [
        (None, "unresolved-undated"), ("2021-05-10", "absolute")]


def test_empty_and_odd_texts() -> None:
    for text in ["", " ", "\n\n", "2022", "May", "-2022-", "🇺🇦"]:
        for m in find_dates(text, "2023-03-14", "en"):
            assert 0 <= m.start < m.end <= len(text)


def _article(size: int) -> str:
    parts = ("KYIV — Officials said on Friday that 2,000 troops moved east, and talks will "
             "resume on 20 March 2023. Prices rose for three months, between 2019 and 2021. "
             "Міністр заявив у п’ятницю, що переговори відбудуться наступного тижня. ")
    return (parts * (size // len(parts) + 1))[:size]


def test_a_large_article_is_scanned_quickly() -> None:
    text = _article(1_000_000)
    find_dates(text[:10_000], "2023-03-14", "en")  # warm the caches and the patterns
    started = time.thread_time()  # CPU: other processes on a busy machine do not count
    mentions = find_dates(text, "2023-03-14", "en")
    elapsed = time.thread_time() - started
    assert len(mentions) > 20_000
    assert elapsed < 2.0, elapsed  # about 0.3 s here; generous for a slow CI machine


_PIECES = st.sampled_from([
    "on", "Friday", "last", "next", "week", "Feb.", "10", "13-19", "2022", "1997", "between",
    "and", "from", "to", "March", "May", "may", "in", "two", "days", "ago", "years", "50",
    "said", "will", "у", "п’ятницю", "10 лютого", "минулого тижня", "в", "пятницу", "году",
    "вчера", "1990s", "2,000", "£2023", "🇺🇦", "👨‍👩‍👧", "𠀀", "İ", ",", ".", "\n", "-", "—"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(_PIECES, max_size=25), dateline=st.one_of(st.none(), st.dates().map(str)),
       language=st.sampled_from(["en", "uk", "ru", None]))
def test_mentions_are_well_formed_and_what_a_tag_would_store(
        words: list[str], dateline: str | None, language: str | None) -> None:
    text = " ".join(words)
    mentions = find_dates(text, dateline, language)
    last = 0
    for m in mentions:
        assert last <= m.start < m.end <= len(text)
        last = m.end
        assert m.method not in ("unresolved", "duration")
        # accepting the suggestion tags the same span: it must resolve to the same value
        tagged = resolve_in_text(text, m.start, m.end, dateline, language)
        assert (tagged.value, tagged.granularity, tagged.method) == (
            m.value, m.granularity, m.method)
