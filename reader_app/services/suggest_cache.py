"""The finders' answers for an article kept across sessions (storage.suggestion_cache).

Each part is keyed by the digest of exactly what it is worked out from, so an entry is
used only when that part would come out the same:
- dates: the text, its dateline and language;
- actors: the text, every name the index holds (the library's names and aliases, the
  state table) and the article's actor tags;
- claims: the text, the actor spans they read (tags and suggested actors), the stand-in
  names, who is a person, and every name a claimant is looked up by.
All three carry the digest of the finders' code (reader_app/domain and the suggesting
services), so a new version of the rules never reads an older version's answers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from sqlite_utils import Database

from reader_app.domain.actor_finder import ActorIndex, ActorMention, ActorPass, KnownName
from reader_app.domain.date_finder import DateMention
from reader_app.domain.suggestions import Suggestion
from reader_app.services.suggest_state import ClaimInputs, Lookups
from reader_app.storage.suggestion_cache import cache_path, read_entry, stored_keys, write_entries

_PACKAGE = Path(__file__).resolve().parents[1]
_SERVICES = ("suggesting.py", "suggest_state.py", "suggest_cache.py", "state_names.py")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The digest of the finders' source: the rules the answers came from."""
    h = hashlib.sha256()
    files = [*sorted((_PACKAGE / "domain").glob("*.py")),
             *(_PACKAGE / "services" / name for name in _SERVICES)]
    for file in files:
        h.update(file.name.encode())
        h.update(file.read_bytes())
    return h.hexdigest()


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _digest(*parts: object) -> str:
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        h.update(b"\x00")
        h.update(repr(part).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def dates_key(text_digest: str, published: str | None, language: str | None) -> str:
    return _digest("dates", text_digest, published, language)


# the digests of the library's names, by the identity of what they digest (held, never
# changed once made): the same for every article until the names change (library_names
# makes new objects then)
_of: dict[str, tuple[tuple[object, ...], str, str]] = {}


def _digest_of(purpose: str, values: tuple[object, ...], *parts: object) -> str:
    held = _of.get(purpose)
    code = code_digest()
    if held is None or held[2] != code or len(held[0]) != len(values) or any(
            a is not b for a, b in zip(held[0], values, strict=True)):
        held = _of[purpose] = (values, _digest(purpose, *parts), code)
    return held[1]


def actors_key(text_digest: str, names: tuple[KnownName, ...],
               tagged: tuple[tuple[int, int, int], ...]) -> str:
    return _digest("actors", text_digest, _digest_of("names", (names,), names), tagged)


def claims_key(text_digest: str, inputs: ClaimInputs, speakers: dict[str, int],
               canonical: dict[int, tuple[str, str]]) -> str:
    spans, names, persons = inputs
    known = _digest_of("speakers", (speakers, canonical), sorted(speakers.items()),
                       sorted(canonical.items()))
    return _digest("claims", text_digest, spans, sorted(names.items()), sorted(persons), known)


# -- to JSON and back: tuples as lists; a reader checks each entry's shape -------------------


def _spans_fit(rows: Iterable[Sequence[Any]], size: int) -> bool:
    return all(0 <= r[0] <= r[1] <= size for r in rows)


def dates_data(dates: Sequence[DateMention]) -> str:
    return json.dumps([list(d) for d in dates], ensure_ascii=False)


def dates_from(data: str, size: int) -> tuple[DateMention, ...] | None:
    try:
        out = tuple(DateMention(*row) for row in json.loads(data))
    except (ValueError, TypeError):
        return None
    return out if _spans_fit(out, size) else None


def actors_data(found: ActorPass) -> str:
    # the answer's mentions that are the names' pass's own objects stay so (by position):
    # suggesting tells the mentions a later pass kept by identity
    at = {id(m): i for i, m in enumerate(found.first)}
    mentions = [at.get(id(m), list(m)) for m in found.mentions]
    return json.dumps({"first": [list(m) for m in found.first],
                       "kinds": [list(k) for k in found.kinds], "mentions": mentions},
                      ensure_ascii=False)


def actors_from(data: str, index: ActorIndex, size: int) -> ActorPass | None:
    """The pass without the automaton's matches (scan None): suggesting works them out
    again when a later change asks for them (with_matches)."""
    try:
        raw = json.loads(data)
        first = [ActorMention(*m) for m in raw["first"]]
        kinds = [(int(s), int(e), str(k)) for s, e, k in raw["kinds"]]
        mentions = [first[m] if isinstance(m, int) else ActorMention(*m)
                    for m in raw["mentions"]]
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    if not (_spans_fit(first, size) and _spans_fit(kinds, size) and _spans_fit(mentions, size)):
        return None
    return ActorPass(index, None, (), first, kinds, mentions)


def claims_data(claims: Sequence[Suggestion], lookups: Lookups) -> str:
    return json.dumps({"claims": [[c.start, c.end, c.reason, c.claimant_id, c.claimant_name,
                                   c.claimant_type] for c in claims],
                       "lookups": [[lo, seen] for lo, seen in lookups.items()]},
                      ensure_ascii=False)


def claims_from(data: str, text: str) -> tuple[list[Suggestion], Lookups] | None:
    try:
        raw = json.loads(data)
        claims = [Suggestion("claim", s, e, text[s:e], reason, claimant_id=cid,
                             claimant_name=name, claimant_type=kind)
                  for s, e, reason, cid, name, kind in raw["claims"]]
        lookups = {int(lo): dict(seen) for lo, seen in raw["lookups"]}
    except (ValueError, TypeError, KeyError):
        return None
    return (claims, lookups) if _spans_fit([(c.start, c.end) for c in claims], len(text)) \
        else None


T = TypeVar("T")


class Persisted:
    """The entries of one article text beside a library: each part read back when it is
    stored under its key, else worked out (and named in new, for save to write later)."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text_key = text_key(text)
        self.new: set[str] = set()

    @classmethod
    def of(cls, db: Database, text: str) -> Persisted | None:
        """None for a library with no file (in memory)."""
        path = cache_path(db)
        return None if path is None else cls(path, text)

    def part(self, name: str, key: str, decode: Callable[[str], T | None],
             compute: Callable[[], T]) -> T:
        data = read_entry(self.path, name, self.text_key, key)
        found = None if data is None else decode(data)
        if found is None:
            found = compute()
            self.new.add(name)
        return found

    def save(self, parts: dict[str, tuple[str, Callable[[], str]]]) -> bool:
        """Write the parts (name -> (key, its JSON made when needed)) not stored under
        their keys yet, in one transaction."""
        stored = stored_keys(self.path, self.text_key)
        return write_entries(self.path, self.text_key, {
            name: (key, data()) for name, (key, data) in parts.items()
            if stored.get(name) != key})


__all__ = ["Persisted", "actors_data", "actors_from", "actors_key", "claims_data", "claims_from",
           "claims_key", "code_digest", "dates_data", "dates_from", "dates_key", "text_key"]
