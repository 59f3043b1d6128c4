"""Date normalization: reader_app.domain.dates.resolve_date (no Qt, no database)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader_app.domain.dates import GRANULARITIES, METHODS, ResolvedDate, resolve_date

try:  # the case table is shared with benchmarks/date_accuracy.py
    from date_cases import CASES, Case
except ImportError:  # tests/ imported as a package (importmode=importlib, pythonpath=".")
    from tests.date_cases import CASES, Case

ISO_PART = r"\d{4}(?:-W\d{2}|-\d{2}(?:-\d{2})?)?"
ISO_VALUE = re.compile(rf"{ISO_PART}(?:/{ISO_PART})?")
PATTERN_BY_GRANULARITY = {
    "day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-W\d{2}", "month": r"\d{4}-\d{2}",
    "year": r"\d{4}", "interval": rf"{ISO_PART}/{ISO_PART}",
}


def assert_well_formed(result: ResolvedDate) -> None:
    assert isinstance(result, ResolvedDate)
    assert result.method in METHODS
    assert isinstance(result.explanation, str) and result.explanation
    if result.value is None:
        assert result.granularity is None
        assert result.method in ("unresolved", "unresolved-undated", "duration")
    else:
        assert result.granularity in GRANULARITIES
        assert re.fullmatch(PATTERN_BY_GRANULARITY[result.granularity], result.value)


@pytest.mark.parametrize("case", CASES,
                         ids=[f"{c.phrase}|{c.dateline}|{c.language}" for c in CASES])
def test_case_table(case: Case) -> None:
    result = resolve_date(case.phrase, case.dateline, case.language)
    assert (result.value, result.granularity) == (case.value, case.granularity), result
    if case.method is not None:
        assert result.method == case.method, result
    assert_well_formed(result)


@pytest.mark.parametrize(("phrase", "dateline", "words"), [
    ("on Thursday", "2022-02-09", ["Thursday", "nearest", "Wed 2022-02-09"]),
    ("until Feb. 20", "2022-02-09", ["'until'"]),
    ("since 1997", "2022-02-09", ["'since'"]),
    ("on Thursday", None, ["no dateline"]),
    ("Dec. 30", "2022-01-03", ["2021", "nearest"]),
    ("Thursday, Feb. 11", "2022-02-09", ["says Thursday", "Friday"]),
])
def test_explanations_tell_the_analyst_why(phrase: str, dateline: str | None,
                                           words: list[str]) -> None:
    explanation = resolve_date(phrase, dateline).explanation
    for word in words:
        assert word in explanation


@pytest.mark.parametrize("dateline", [None, "", "not a date", "2022-02-30", "2022-02-09T10:00:00"])
def test_odd_datelines_never_raise(dateline: str | None) -> None:
    result = resolve_date("on Thursday", dateline)
    assert_well_formed(result)
    if dateline and dateline.startswith("2022-02-09"):
        assert result.value == "2022-02-10"
    else:
        assert result.method == "unresolved-undated"


@pytest.mark.parametrize("language", [None, "", "en", "uk", "ru", "de", "zz", "en-US"])
def test_any_language_code_is_accepted(language: str | None) -> None:
    assert resolve_date("Feb. 10, 2022", "2022-02-09", language).value == "2022-02-10"


@pytest.mark.parametrize(("phrase", "language"), [
    ("3 hours ago", "en"), ("in a fortnight", "en"), ("Donnerstag", "de"), ("10. März", "de"),
])
def test_undated_article_never_reads_the_machine_clock(phrase: str, language: str) -> None:
    # Rules do not cover these; bare dateparser would answer them from today's date.
    result = resolve_date(phrase, None, language)
    assert (result.value, result.method) == (None, "unresolved-undated"), result


def test_result_is_frozen() -> None:
    result = resolve_date("today", "2022-02-09")
    with pytest.raises(AttributeError):
        result.value = "2000-01-01"  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(phrase=st.text(max_size=40), dateline=st.one_of(st.none(), st.dates().map(str)),
       language=st.sampled_from([None, "en", "uk", "ru", "de", "xx"]))
def test_arbitrary_text_never_raises(phrase: str, dateline: str | None,
                                     language: str | None) -> None:
    assert_well_formed(resolve_date(phrase, dateline, language))


date_words = st.sampled_from(["on", "Thursday", "next", "last", "week", "Feb.", "10", "-", "to",
                              "2022", "1997", "between", "and", "лютого", "у", "четвер",
                              "ago", "3", "days", "in", "March", "🇺🇦", "𠀀", ",", "."])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(date_words, max_size=7), dateline=st.one_of(st.none(), st.dates().map(str)))
def test_date_like_word_salad_is_well_formed(words: list[str], dateline: str | None) -> None:
    assert_well_formed(resolve_date(" ".join(words), dateline))


def test_domain_layer_imports_no_qt_and_no_sql() -> None:
    code = ("import sys, reader_app.domain.dates as d;"
            "d.resolve_date('Donnerstag', '2022-02-09', 'de');"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in"
            " ('PySide6', 'sqlite3', 'sqlite_utils') or m.startswith('reader_app.')"
            " and not m.startswith('reader_app.domain')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


try:
    from date_cases import IN_TEXT, InText
except ImportError:
    from tests.date_cases import IN_TEXT, InText

from reader_app.domain.dates import resolve_in_text  # noqa: E402


def marked_span(case: InText) -> tuple[str, int, int]:
    start = case.text.index("[[")
    end = case.text.index("]]") - 2
    return case.text.replace("[[", "").replace("]]", ""), start, end


@pytest.mark.parametrize("case", IN_TEXT, ids=[c.text[:50] for c in IN_TEXT])
def test_a_tag_is_read_with_the_words_around_it(case: InText) -> None:
    text, start, end = marked_span(case)
    result = resolve_in_text(text, start, end, case.dateline, case.language)
    assert (result.value, result.granularity) == (case.value, case.granularity), result
    if case.method is not None:
        assert result.method == case.method, result
    assert_well_formed(result)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60), data=st.data(),
       dateline=st.one_of(st.none(), st.dates().map(str)))
def test_resolve_in_text_never_raises(text: str, data: st.DataObject,
                                      dateline: str | None) -> None:
    start = data.draw(st.integers(-2, len(text) + 2))
    end = data.draw(st.integers(-2, len(text) + 2))
    assert_well_formed(resolve_in_text(text, start, end, dateline, "en"))
