"""Where lowercase literals occur in a text as `text.lower()` would show them, without
lowering the whole text: str.lower of a ~3 KB article that is not ASCII costs ~15-20 us
(full Unicode case mapping), and a search's first page lowers a dozen of them. Here the
text's UTF-8 is case-folded byte-wise (bytes.lower, or a translate table: C loops over
bytes, ~1 us) and searched with bytes.find; each candidate is checked on the text.

Why it finds every occurrence: a character x with x.lower() == c is c, c.upper(),
c.title() or one of five odd ones (_ODD_UPPER); when x and c are as long in UTF-8, the
byte table merges their bytes one by one, so both fold alike (and lead, continuation and
ASCII bytes never share a class: a candidate starts on a character). Merging more bytes
than needed only adds candidates, which the check drops. A text with a character this
reasoning does not cover (a variant longer or shorter in UTF-8 than its lower case, İ
whose lower case is longer, Σ whose lower case depends on its neighbours) is not
searched here: `starts` returns None.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CaseBlindFinder", "upper_variants"]

_LONGER_LOWER = "\u0130"  # İ -> "i̇": the only character whose lower case is longer
_CONTEXT_LOWER = "\u03a3"  # Σ -> σ or ς, by context (str.lower's final-sigma rule)
# c -> the character x with x.lower() == c that is neither c.upper() nor c.title()
# (enumerated over every code point: test_search_case_blind checks it)
_ODD_UPPER = {"\u03b8": "\u03f4", "\u00df": "\u1e9e", "\u03c9": "\u2126", "k": "\u212a",
              "\u00e5": "\u212b"}


def upper_variants(c: str) -> set[str]:
    """Every character other than c whose lower case is c."""
    out = {u for u in (c.upper(), c.title()) if len(u) == 1 and u != c and u.lower() == c}
    odd = _ODD_UPPER.get(c)
    if odd is not None:
        out.add(odd)
    return out


_CONTINUATION = bytes(range(0x80, 0xC0))


def _utf8(ch: str) -> bytes:
    return ch.encode("utf-8", "surrogatepass")


class _Fold:
    """One byte-wise folding: bytes.lower when that merges enough, else a table."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        # bytes.lower merges every ASCII capital with its letter (in UTF-8 only ASCII
        # bytes are below 0x80): a superset of ASCII pairs
        self.table: bytes | None = None
        if all(x.isascii() and c.isascii() for x, c in pairs):
            return
        parent = list(range(256))

        def root(b: int) -> int:
            while parent[b] != b:
                b = parent[b]
            return b

        touched: set[int] = set()
        for x, c in pairs:
            for bx, bc in zip(_utf8(x), _utf8(c), strict=True):
                touched.update((bx, bc))
                rx, rc = root(bx), root(bc)
                if rx != rc:
                    parent[max(rx, rc)] = min(rx, rc)
        table = bytearray(range(256))  # only a byte of a pair can have another root
        for b in touched:
            table[b] = root(b)
        self.table = bytes(table)

    def apply(self, raw: bytes) -> bytes:
        return raw.lower() if self.table is None else raw.translate(self.table)


class CaseBlindFinder:
    """Finds lowercase literals (as `text.lower().find` would, every occurrence) in texts."""

    def __init__(self, literals: Sequence[str]) -> None:
        self.literals = list(literals)
        pairs = [(x, c) for c in sorted({ch for lit in literals for ch in lit})
                 for x in sorted(upper_variants(c))]
        # a variant as long in UTF-8 as its lower case folds with it; others are looked
        # for in the text (rare characters: the Kelvin sign K, Ɐ...) and leave it to lower()
        self._odd = [x for x, c in pairs if len(_utf8(x)) != len(_utf8(c))]
        self._fold = _Fold([(x, c) for x, c in pairs if x not in self._odd])
        self._needles = [self._fold.apply(_utf8(lit)) for lit in literals]

    def odd_leads(self) -> set[int]:
        """The first UTF-8 bytes of the odd capitals (a text without them has none)."""
        return {_utf8(x)[0] for x in self._odd}

    def starts(self, text: str, raw: bytes, *, plain: bool = False) -> list[list[int]] | None:
        """Per literal, the code-point positions where `text.lower()` holds it (raw: the
        text's UTF-8); None when this text needs `text.lower()` itself (the module's note).
        `plain`: the caller knows the text has no İ, Σ nor odd capital."""
        if not plain and (_LONGER_LOWER in text or _CONTEXT_LOWER in text
                          or any(x in text for x in self._odd)):
            return None
        folded = self._fold.apply(raw)
        found: list[list[int]] = []
        for lit, needle in zip(self.literals, self._needles, strict=True):
            at: list[int] = []
            n = len(lit)
            p = folded.find(needle) if n else -1
            byte, cp = 0, 0
            while p >= 0:
                # code points before p: its bytes but the continuation ones
                cp += len(raw[byte:p].translate(None, _CONTINUATION))
                byte = p
                if text[cp:cp + n].lower() == lit:
                    at.append(cp)
                p = folded.find(needle, p + 1)
            found.append(at)
        return found
