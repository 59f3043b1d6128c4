"""Split years: "2024-25", "2026/27", "the 2024-25 financial year", "the 2026-27 budget".

Two consecutive years written as one. Named as a financial (fiscal, tax, budget) year, it is
the year the article's country counts: July to June in Australia, New Zealand,
Pakistan, Bangladesh, Egypt, Kenya, Uganda and Tanzania, April to March in India, Britain,
Canada, Japan, Singapore and South Africa, told by which of those the text names most; so is
a split year beside money in such a text ("Rs 150 crore in 2026-27"). With no such word, or
no country, it is the two calendar years (a season, an academic year). "This/last/next
financial year" is the one holding the dateline, or the one before or after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

# over a cleaned phrase (dates.clean): "2024-25", "2024 - 25", "2024/25", "2024-25 financial year"
SPLIT = re.compile(r"(?:the )?([12]\d{3}) ?[-/] ?(\d{2})(?: (?:financial|fiscal|tax|budget) year)?")
_FISCAL_IN = re.compile(r"financial|fiscal|tax|budget")
_FISCAL_AFTER = re.compile(r"\s+(?:financial\s+year|fiscal\s+year|fiscal|tax\s+year|budgets?)\b",
                           re.IGNORECASE)
_FISCAL_BEFORE = re.compile(r"\b(?:financial\s+year|fiscal\s+year|fiscal|tax\s+year|FY|budget"
                            r"\s+for)\s+(?:the\s+)?$", re.IGNORECASE)
_JULY = re.compile(r"\b(?:Australian?s?|New Zealand(?:ers?)?|Canberra|Pakistan(?:is?)?|Islamabad"
                   r"|Bangladesh(?:is?)?|Dhaka|Egypt(?:ians?)?|Cairo|Kenyan?s?|Nairobi|Ugandan?s?|Kampala"
                   r"|Tanzanian?s?|Dodoma)\b")
_APRIL = re.compile(r"\b(?:India(?:ns?)?|New Delhi|crores?|lakhs?|Lok Sabha|Rajya Sabha|Britain"
                    r"|British|United Kingdom|UK|HMRC|Whitehall|Canad(?:a|ians?)|Ottawa"
                    r"|Japan(?:ese)?|Tokyo|Singapore(?:ans?)?|South Africans?)\b|₹")


def split_years(cleaned: str) -> tuple[int, bool] | None:
    """(first year, named as a financial year) for a split year, None for anything else
    (the second year must follow the first: "2019-21" is no split year)."""
    m = SPLIT.fullmatch(cleaned)
    if m is None or int(m.group(2)) != (int(m.group(1)) + 1) % 100:
        return None
    return int(m.group(1)), _FISCAL_IN.search(cleaned) is not None


@lru_cache(maxsize=8)
def _first_month(text: str) -> int | None:
    """7 (July to June) or 4 (April to March) as the text's country counts it, or None."""
    july, april = len(_JULY.findall(text)), len(_APRIL.findall(text))
    return None if july == april else 7 if july > april else 4


# Money in the sentence: "would release Rs 150 crore in 2026-27", "royalties will fall ... in
# 2025-26 ... before recovering in 2026-27": in a country that counts split financial years,
# a split year beside money is one of them
_MONEY = re.compile(r"[$₹£€]|\b(?:Rs\.?|INR|AUD|A\$|NZD|PKR|KES|UGX|rand|rupees?|crores?|lakhs?"
                    r"|budgets?|revenues?|royalt(?:y|ies)|deficits?|surplus|spending|funds?"
                    r"|funding|allocations?|financial\s+year|fiscal)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")


def _money_near(text: str, start: int, end: int) -> bool:
    """Does the sentence around text[start:end] speak of money or a financial year?"""
    lo = max((m.end() for m in _SENTENCE.finditer(text, max(0, start - 300), start)),
             default=max(0, start - 300))
    hi = next((m.start() for m in _SENTENCE.finditer(text, end, min(len(text), end + 300))),
              min(len(text), end + 300))
    return _MONEY.search(text, lo, hi) is not None


# "this financial year", "last fiscal year", "the current financial year"
RELATIVE = re.compile(r"(?:the\s+)?(?P<which>this|last|next|current|previous|coming)\s+"
                      r"(?:financial|fiscal)\s+year", re.IGNORECASE)


def relative(phrase: str, text: str, dl_year: int, dl_month: int) -> tuple[str, str] | None:
    """(ISO value, explanation) of "this/last/next financial year" where the text's country
    says when its financial year starts; None where it does not."""
    m = RELATIVE.fullmatch(phrase.strip())
    month = _first_month(text) if m else None
    if m is None or month is None:
        return None
    year = dl_year if dl_month >= month else dl_year - 1  # the one holding the dateline
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group("which").lower(), 0)
    value, why = _fiscal(year + shift, month)
    return value, f"'{phrase.strip()}': {why}"


def _fiscal(year: int, month: int) -> tuple[str, str]:
    if month == 7:
        return (f"{year}-07-01/{year + 1}-06-30", "a financial year as the text's country "
                f"counts it, July {year} to June {year + 1}.")
    return (f"{year}-04-01/{year + 1}-03-31", "a financial year as the text's country counts "
            f"it, April {year} to March {year + 1}.")


def read(cleaned: str, text: str | None = None, start: int = 0,
         end: int = 0) -> tuple[str, str] | None:
    """(ISO value, explanation) of a split year, read with its text when there is one."""
    found = split_years(cleaned)
    if found is None:
        return None
    year, fiscal = found
    if text is not None and not fiscal:
        fiscal = _FISCAL_AFTER.match(text, end) is not None or _FISCAL_BEFORE.search(
            text, max(0, start - 30), start) is not None or (
            _first_month(text) is not None and _money_near(text, start, end))
    month = _first_month(text) if fiscal and text is not None else None
    said = f"{year}-{(year + 1) % 100:02d}"
    if month is None:
        why = ("a financial year, but the text names no country that says when it starts"
               if fiscal else "two years written as one (a season, a school year)")
        return f"{year}/{year + 1}", f"'{said}': {why}: {year} to {year + 1}."
    value, why = _fiscal(year, month)
    return value, f"'{said}': {why}"
