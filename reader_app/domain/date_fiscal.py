"""Split years: "2024-25", "2026/27", "the 2024-25 financial year", "the 2026-27 budget".

Two consecutive years written as one. Named as a financial (fiscal, tax, budget) year, it is
the year the article's country counts: July to June in Australia, New Zealand,
Pakistan, Bangladesh, Egypt, Kenya, Uganda and Tanzania, April to March in India, Britain,
Canada, Japan, Singapore and South Africa, told by which of those the text names most. With
no such word, or no country, it is the two calendar years (a season, an academic year).
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


def read(cleaned: str, text: str | None = None, start: int = 0,
         end: int = 0) -> tuple[str, str] | None:
    """(ISO value, explanation) of a split year, read with its text when there is one."""
    found = split_years(cleaned)
    if found is None:
        return None
    year, fiscal = found
    if text is not None and not fiscal:
        fiscal = _FISCAL_AFTER.match(text, end) is not None or _FISCAL_BEFORE.search(
            text, max(0, start - 30), start) is not None
    month = _first_month(text) if fiscal and text is not None else None
    said = f"{year}-{(year + 1) % 100:02d}"
    if month is None:
        why = ("a financial year, but the text names no country that says when it starts"
               if fiscal else "two years written as one (a season, a school year)")
        return f"{year}/{year + 1}", f"'{said}': {why}: {year} to {year + 1}."
    if month == 7:
        return (f"{year}-07-01/{year + 1}-06-30",
                f"'{said}': a financial year as the text's country counts it, July {year} "
                f"to June {year + 1}.")
    return (f"{year}-04-01/{year + 1}-03-31",
            f"'{said}': a financial year as the text's country counts it, April {year} to "
            f"March {year + 1}.")
