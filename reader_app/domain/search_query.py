"""What an analyst types into the search box, parsed: words (all must match), "exact
phrases", -word to exclude, OR between two terms, and a prefix `lavr*`. Everything else
is taken literally; parsing never fails and the FTS5 expression it makes is always valid
(every token goes out double-quoted).

Word forms: the library's index is FTS5's unicode61 (no stemming, every language). A
query word is stemmed here (Snowball English for Latin script, Snowball Russian for
Cyrillic, a small suffix list for Ukrainian) and searched as a prefix of its stem, so
"votes" finds "voted" and "Лаврова" finds "Лавров", "Лавровим". A word of fewer than
4 letters, or one whose stem would be under 3, is searched as written.

Tokens follow unicode61 with remove_diacritics: runs of letters and digits, lowercased,
Latin diacritics and combining marks dropped ("Café" is "cafe"); everything else
(punctuation, emoji, `_`) separates tokens.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from os.path import commonprefix

from reader_app.domain.case_blind import CaseBlindFinder

__all__ = ["Query", "SearchFilter", "SpanFinder", "Term", "fold", "fts_expression", "parse_query",
           "span_pattern", "tokens"]

_TOKEN = re.compile(r"[^\W_]+")
_COMBINING = re.compile("[\u0300-\u036f]")
_LATIN_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_UKRAINIAN_LETTERS = frozenset("іїєґ")
# Ukrainian case endings of nouns and adjectives, longest first (Snowball has no Ukrainian)
_UK_ENDINGS = tuple(sorted(set("""ами ями ові еві єві ого ього ому ьому ими іми ій ий їй их іх
    ів їв ям ам ях ах ою ею єю ом ем єм а я у ю і ї и е є о ь й""".split()), key=len, reverse=True))
_MIN_STEM = 3
_MIN_FORMS_WORD = 4
_SHORT = 256  # a text this short (a title, a note) is lowered whole: that is cheaper
_FEW_TERMS = 32  # beyond this a text's slow pattern holds only the terms found in it


def fold(text: str) -> str:
    """unicode61's folding of a token: lower case, Latin diacritics and combining marks off."""
    out = []
    for ch in text:
        cp = ord(ch)
        if any(lo <= cp <= hi for lo, hi in _LATIN_RANGES):
            ch = unicodedata.normalize("NFD", ch)[0]
        out.append(ch)
    return _COMBINING.sub("", "".join(out)).lower()


def tokens(text: str) -> list[str]:
    """The folded tokens of text, as the index sees them."""
    return _TOKEN.findall(fold(text))


@dataclass(frozen=True)
class Term:
    """One thing to find: a word (with its word forms), a prefix, or a phrase."""

    tokens: tuple[str, ...]
    prefix: bool = False  # the last token is a prefix (typed as `lavr*`, or a word's stem)
    forms: bool = False  # a single word searched with its word forms
    stems: tuple[str, ...] = field(default=(), compare=False)  # forms: prefixes searched

    @property
    def label(self) -> str:
        return " ".join(self.tokens) + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Query:
    """AND of OR-groups, minus the excluded terms."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for group in self.groups for t in group)


_OR = object()


def parse_query(text: str, stem: Callable[[str], str] | None = None) -> Query:
    """Parse; never raises. `stem` maps a folded word to its stem (default: word_stem)."""
    stem = stem or word_stem
    items: list[object] = []  # Term, ("-", Term) or _OR
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negate = ch == "-" and i + 1 < n and not text[i + 1].isspace()
        if negate:
            i += 1
        if text[i] == '"':
            close = text.find('"', i + 1)
            end = n if close < 0 else close
            chunk, i = text[i + 1:end], end + 1
            term = _phrase(tokens(chunk))
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] != '"':
                j += 1
            chunk, i = text[i:j], j
            if chunk == "OR" and not negate:
                items.append(_OR)
                continue
            term = _word(chunk, stem)
        if term is not None:
            items.append(("-", term) if negate else term)
    return _grouped(items)


def _phrase(toks: list[str]) -> Term | None:
    return Term(tuple(toks)) if toks else None


_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(?:['’ʼ][sS]|(?<=[sS])['’ʼ])$")


def _word(chunk: str, stem: Callable[[str], str]) -> Term | None:
    # "Lavrov's", "Lavrov’s", "allies'": the name itself, with its forms (not "lavrov s")
    toks = tokens(_POSSESSIVE.sub("", chunk))
    if not toks:
        return None
    if chunk.endswith("*"):
        return Term(tuple(toks), prefix=True)
    if len(toks) > 1:  # "e-mail", "don't", "title:foo": the tokens in a row, as written
        return Term(tuple(toks))
    word = toks[0]
    if len(word) < _MIN_FORMS_WORD:
        return Term((word,))
    stems = tuple(v for s in dict.fromkeys(_prefixes(word, stem(word))) if len(s) >= _MIN_STEM
                  for v in _yo_variants(s))
    if not stems:
        return Term((word,))
    return Term((word,), forms=True, stems=stems)


def _yo_variants(stem: str) -> list[str]:
    """Russian writes ё mostly as е, and unicode61 keeps them apart: "нападет" must find
    "нападёт", "ёлку" "елку". The stem as typed, then with ё as е, or each е as ё (a few)."""
    if "ё" in stem:
        return [stem, stem.replace("ё", "е")]
    if 0 < stem.count("е") <= 3:
        return [stem, *(stem[:i] + "ё" + stem[i + 1:] for i, c in enumerate(stem) if c == "е")]
    return [stem]


def _prefixes(word: str, stem: str) -> list[str]:
    """What a word's forms begin with: its stem, and where Snowball rewrote the ending,
    the word itself ("happy": happi*, happy*) and the stem before -ing ("votes": vote*,
    voting*, as Snowball English stems "voting" vote)."""
    if stem.endswith("e") and word.isascii() and len(stem) > _MIN_FORMS_WORD - 1:
        return [stem, stem[:-1] + "ing"]
    if word.startswith(stem):
        return [stem]
    return [stem, word]


def _grouped(items: list[object]) -> Query:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False
    for k, item in enumerate(items):
        if item is _OR:
            nxt = items[k + 1] if k + 1 < len(items) else None
            if groups and not joining and isinstance(nxt, Term) and isinstance(items[k - 1], Term):
                joining = True
            elif len(items) == 1:  # "OR" alone is the word
                groups.append([Term(("or",))])
            # else an OR with nothing to join on one side (typed mid-query, or before an
            # excluded word) joins nothing: it is dropped, not searched as the word "or"
            continue
        if isinstance(item, Term):
            if joining:
                groups[-1].append(item)
                joining = False
            else:
                groups.append([item])
        elif isinstance(item, tuple):
            excluded.append(item[1])
    return Query(tuple(dict.fromkeys(tuple(dict.fromkeys(g)) for g in groups)),
                 tuple(dict.fromkeys(excluded)))


# -- word forms --

def word_stem(word: str) -> str:
    """The stem of a folded word: Snowball English (Latin script), Ukrainian endings (a word
    with і, ї, є or ґ), Snowball Russian (other Cyrillic); other scripts as they are."""
    if not word or not word.isalpha():
        return word
    if all("\u0400" <= c <= "\u04ff" for c in word):
        if _UKRAINIAN_LETTERS & set(word):
            return _ukrainian_stem(word)
        return _prefix_of(word, _snowball("russian")(word))
    if word.isascii():
        return _prefix_of(word, _snowball("english")(word))
    return word


def _ukrainian_stem(word: str) -> str:
    for ending in _UK_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[:-len(ending)]
    return word


def _prefix_of(word: str, stem: str) -> str:
    """Snowball's stem, as a prefix of the word where it can be: Russian Snowball writes ё
    as е ("ёлка" -> "елк"), and the index keeps ё; English turns y into i ("happi")."""
    if word.startswith(stem):
        return stem
    head = word[:len(stem)]
    if head.replace("ё", "е") == stem:
        return head
    common = len(commonprefix([word, stem]))
    return word[:common] if common >= _MIN_STEM else word


@lru_cache(maxsize=4)
def _snowball(language: str) -> Callable[[str], str]:
    import snowballstemmer  # a query's few words; loaded on the first search only

    stemmer = snowballstemmer.stemmer(language)
    return lambda word: str(stemmer.stemWord(word))


# -- FTS5 --

def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _fts_term(term: Term) -> str:
    if term.forms:
        parts = [_quoted(s) + "*" for s in term.stems]
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    body = _quoted(" ".join(term.tokens))
    return body + "*" if term.prefix else body


def _fts_group(group: tuple[Term, ...]) -> str:
    parts = [_fts_term(t) for t in group]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts_expression(query: Query) -> str:
    """The FTS5 MATCH expression for the query's positive part, minus its excluded terms
    ("" when nothing positive is asked for: FTS5 cannot match a NOT alone)."""
    if not query.groups:
        return ""
    expr = " AND ".join(_fts_group(g) for g in query.groups)
    if query.excluded:
        expr = f"({expr}) NOT " + _fts_group(query.excluded)
    return expr


def excluded_expression(query: Query) -> str:
    """The excluded terms alone, as one FTS5 expression (any of them)."""
    return _fts_group(query.excluded) if query.excluded else ""


# -- where in a text the terms occur (the reader's selection, hit counts, snippets) --

@lru_cache(maxsize=1)
def _latin_variants() -> dict[str, str]:
    variants: dict[str, set[str]] = {}
    for lo, hi in _LATIN_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            base = fold(ch)
            if len(base) == 1 and base.isascii() and base != ch:
                variants.setdefault(base, set()).update({ch, ch.lower(), ch.upper()})
    return {base: "".join(sorted(chars)) for base, chars in variants.items()}


_MARKS = "[\u0300-\u036f]*"
_WORD_CHAR = r"[^\W_]"


def _char_pattern(ch: str) -> str:
    variants = _latin_variants().get(ch)
    if variants:
        return "[" + re.escape(ch) + re.escape(variants) + "]" + _MARKS
    return re.escape(ch) + _MARKS


def _token_pattern(token: str) -> str:
    return "".join(_char_pattern(c) for c in token)


def _term_pattern(term: Term) -> str:
    head = f"(?<!{_WORD_CHAR})"
    if term.forms:
        return head + "(?:" + "|".join(_token_pattern(s) for s in term.stems) + f"){_WORD_CHAR}*"
    body = "[\\W_]+".join(_token_pattern(t) for t in term.tokens)
    tail = f"{_WORD_CHAR}*" if term.prefix else f"(?!{_WORD_CHAR})"
    return head + body + tail


@lru_cache(maxsize=64)
def _compiled(terms: tuple[Term, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    # longer alternatives first, so a phrase wins over a word it starts with
    ordered = sorted(terms, key=lambda t: -len(" ".join(t.tokens)))
    return re.compile("|".join(f"(?:{_term_pattern(t)})" for t in ordered), re.IGNORECASE)


def _anchored(term: Term) -> list[tuple[str, re.Pattern[str]]]:
    """The term's first literals, each with a pattern matching the whole term at a position
    of a text already lowercased, with no Latin diacritics nor combining marks."""
    if term.forms:
        return [(s, re.compile(re.escape(s) + f"{_WORD_CHAR}*")) for s in term.stems]
    body = "[\\W_]+".join(re.escape(t) for t in term.tokens)
    tail = f"{_WORD_CHAR}*" if term.prefix else f"(?!{_WORD_CHAR})"
    return [(term.tokens[0], re.compile(body + tail))]


_NEEDS_FOLDING = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]")
# SpanFinder._needs_folding looks first for their UTF-8 lead bytes: U+00C0-024F are
# C3-C9, U+0300-036F CC-CD, U+1E00-1EFF E1 (a superset: without them, nothing folds)
# bytes.translate deletes all bytes but these leads: what is left says whether one is there
_NOT_LATIN_LEADS = bytes(b for b in range(256)
                         if b not in b"\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xcc\xcd\xe1")
_NOT_MARK_LEADS = bytes(b for b in range(256) if b not in b"\xcc\xcd")
_RUNS: dict[int, re.Pattern[str]] = {}


def _runs(n: int) -> re.Pattern[str]:
    """From a word's start, its n word runs and the separators between them: all a term
    of n tokens can look at, but the one character after it."""
    if n not in _RUNS:
        _RUNS[n] = re.compile(f"(?:{_WORD_CHAR}*[\\W_]*){{{n - 1}}}{_WORD_CHAR}*")
    return _RUNS[n]


class SpanFinder:
    """Finds the query's positive terms in texts, fast: each term's first literal found
    where the lowercased text holds it (CaseBlindFinder: without lowering a text that is
    not ASCII), the rest checked in place; a text that needs unicode61's folding (Latin
    diacritics, combining marks, a character whose lower case is longer) goes through one
    case-insensitive pattern instead."""

    def __init__(self, query: Query) -> None:
        terms = query.positive
        self._terms = [(first, pattern, _runs(len(t.tokens) if not t.forms else 1))
                       for t in terms for first, pattern in _anchored(t)]
        self._all = terms  # their one pattern is compiled when a text needs it (rarely)
        self._blind = CaseBlindFinder([first for first, _p, _r in self._terms])
        # Latin diacritics in a text matter only to a term with Latin letters
        latin = any(c.isascii() and c.isalpha() for t in terms for tok in t.tokens for c in tok)
        self._folding = _NEEDS_FOLDING if latin else _COMBINING
        self._leads = _NOT_LATIN_LEADS if latin else _NOT_MARK_LEADS
        # deleted by the one-pass check: all bytes but those leads, İ's and Σ's (C4, CE)
        # and the odd capitals' (the Kelvin sign's E2...); _leads holds every byte but
        # the leads, so this is _leads without those (one C call, not a loop of 256)
        self._rare = self._leads.translate(None, bytes({0xC4, 0xCE, *self._blind.odd_leads()}))

    def __bool__(self) -> bool:
        return bool(self._terms)

    def spans(self, text: str, raw: bytes | None = None) -> list[tuple[int, int]]:
        """Where the terms occur in text, in order (raw: its UTF-8, if at hand)."""
        if not text or not self._terms:
            return []
        if text.isascii():
            return self._in_lowered(text.lower())
        if raw is None:
            raw = text.encode("utf-8", "surrogatepass")
        if len(text) >= _SHORT and not raw.translate(None, self._rare):
            # one pass over the bytes: nothing folds, no İ, Σ nor odd capital (their leads)
            return self._in_places(text, self._blind.starts(text, raw, plain=True))
        # "\u0130" is the one character whose lower case is longer (offsets would shift)
        if "\u0130" in text or self._needs_folding(text, raw):
            terms = self._all
            if len(terms) > _FEW_TERMS:  # a pasted word list: only the terms this text holds
                folded = fold(text)
                terms = tuple(t for t in terms
                              if any(lit in folded for lit in (t.stems or t.tokens[:1])))
            slow = _compiled(terms)
            return [m.span() for m in slow.finditer(text) if m.end() > m.start()] if slow \
                else []
        starts = None if len(text) < _SHORT else self._blind.starts(text, raw)
        return self._in_places(text, starts)

    def _in_places(self, text: str, starts: list[list[int]] | None) -> list[tuple[int, int]]:
        """The terms at the places their first literals are (None: the text lowered)."""
        if starts is None:
            return self._in_lowered(text.lower())
        found: list[tuple[int, int]] = []
        for (_first, pattern, runs), positions in zip(self._terms, starts, strict=True):
            for i in positions:
                if i and text[i - 1].isalnum():  # lower case keeps isalnum (every character)
                    continue
                # the term's match lies in its words and looks one character past them
                stop = runs.match(text, i).end() + 1  # type: ignore[union-attr]
                m = pattern.match(text[i:stop].lower())
                if m:
                    found.append((i, i + m.end()))
        return self._ordered(found)

    def _in_lowered(self, low: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for first, pattern, _runs_of in self._terms:
            pos = low.find(first)
            while pos >= 0:
                if pos == 0 or not low[pos - 1].isalnum():
                    m = pattern.match(low, pos)
                    if m:
                        found.append(m.span())
                pos = low.find(first, pos + 1)
        return self._ordered(found)

    def _ordered(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if len(self._terms) > 1:
            return _disjoint(found)
        found.sort()
        return found

    def count(self, text: str) -> int:
        return len(self.spans(text))

    def _needs_folding(self, text: str, raw: bytes | None = None) -> bool:
        """Whether text has a character the folding changes; first, cheaply, whether its
        UTF-8 (raw) has a lead byte of one (one bytes.translate deleting every other byte:
        a few times faster than the pattern over an article)."""
        if raw is None:
            raw = text.encode("utf-8", "surrogatepass")
        return bool(raw.translate(None, self._leads)) and bool(self._folding.search(text))


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """In text order; of overlapping spans the one starting first (the longer at a tie)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


def span_pattern(query: Query) -> re.Pattern[str] | None:
    """One regular expression finding every positive term of the query in any text."""
    return _compiled(query.positive)


# -- the facets beside the query --

ACTOR_ROLES = ("any", "claimant")
CLAIM_STATUSES = ("unverified", "corroborated", "disputed", "false")
_GRADE = re.compile(r"^([A-Fa-f])([1-6])$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class SearchFilter:
    """A query and its facets; the facets combine with AND (see services/search.py)."""

    text: str = ""
    kinds: tuple[str, ...] = ()
    actor: str | None = None
    actor_role: str = "any"
    statuses: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    published_from: str | None = None
    published_to: str | None = None
    source: str | None = None
    analyst: str | None = None

    def is_empty(self) -> bool:
        return not self.text.strip() and not self.has_facets()

    def has_facets(self) -> bool:
        return bool(self.kinds or (self.actor or "").strip() or self.statuses or self.grades
                    or self.published_from or self.published_to or self.source
                    or self.analyst)


def parse_grade(grade: str) -> tuple[str, int]:
    """An Admiralty grade "B2" as (reliability, credibility); ValueError if it is not one."""
    m = _GRADE.match(grade.strip())
    if not m:
        raise ValueError(f"not an Admiralty grade: {grade!r} (a letter A-F and a digit 1-6,"
                         " like B2)")
    return m.group(1).upper(), int(m.group(2))


def date_bound(text: str, *, last: bool) -> str:
    """An ISO date (YYYY-MM-DD), or a month (YYYY-MM) or a year (YYYY) as its first day, or
    with last=True its last day; ValueError with a clear message otherwise."""
    m = _DATE.match(text.strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is None:
            return f"{year:04d}-12-31" if last else f"{year:04d}-01-01"
        mon = int(month)
        if day is None:
            end = calendar.monthrange(year, mon)[1] if 1 <= mon <= 12 else 0
            return datetime.date(year, mon, end if last else 1).isoformat()
        return datetime.date(year, mon, int(day)).isoformat()
    except ValueError:
        raise ValueError(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None
